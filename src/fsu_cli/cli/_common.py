"""What every command shares: the common options, and one error handler.

Known problems (a missing fsu.yaml, a bad option value) exit 2 with one sentence;
anything unexpected exits 3 with a short report instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer

RepoOption = Annotated[
    Optional[Path],
    typer.Option(
        "--repo",
        help="The governance repository (the folder with fsu.yaml). Default: the nearest one above the current folder.",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Check as if today were DATE (YYYY-MM-DD). Default: today, or FSU_AS_OF if set.",
        show_default=False,
    ),
]
DebugOption = Annotated[
    bool,
    typer.Option("--debug", help="If fsu fails unexpectedly, show the full technical traceback."),
]


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


FormatOption = Annotated[
    Optional[OutputFormat],
    typer.Option(
        "--format",
        help="How to print the findings. Default: text, or github inside GitHub Actions.",
        show_default=False,
        case_sensitive=False,
    ),
]


def parse_as_of(value: str | None) -> dt.date:
    """--as-of, else the FSU_AS_OF environment variable, else today."""
    if value is None:
        value = os.environ.get("FSU_AS_OF") or None
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> dt.date:
    from fsu_cli.repo import UsageError

    raise UsageError(f"--as-of needs a real date written YYYY-MM-DD, such as 2025-10-09 (got '{value}').")


def guarded(command: Callable[..., int]) -> Callable[..., None]:
    """Run a command body that returns an exit code; turn failures into exit codes 2 and 3."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs) -> None:
        from fsu_cli.repo import UsageError

        try:
            code = command(*args, **kwargs)
        except UsageError as error:
            print(f"fsu: {error}", file=sys.stderr)
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as error:  # noqa: BLE001 - the one place that catches everything
            if kwargs.get("debug"):
                traceback.print_exc()
            else:
                print(_internal_report(command.__name__, error), file=sys.stderr)
            raise typer.Exit(3) from None
        raise typer.Exit(code)

    return wrapper


def _internal_report(command: str, error: Exception) -> str:
    from fsu_cli import __version__

    return (
        f"fsu {__version__}: an internal error stopped 'fsu {command.replace('_', '-')}': "
        f"{type(error).__name__}: {error}. "
        "This is a fault in fsu, not in your data, and no file was changed. "
        "Run the same command again with --debug to see the technical details, "
        "and include them when you report the problem."
    )
