"""What every command shares: the common options, and the wrapper that runs a command
through the one error handler (a usage problem exits 2 with one sentence; anything
unexpected exits 3 with a crash report instead of a traceback).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
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


def parse_as_of(value: str | None, root: Path | None = None) -> dt.date:
    """--as-of, else the FSU_AS_OF environment variable, else as_of in the repository's fsu.yaml, else today."""
    if value is None:
        value = os.environ.get("FSU_AS_OF") or None
    if value is None:
        from fsu_cli.check.load import frozen_date

        return (frozen_date(root) if root is not None else None) or dt.date.today()
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> dt.date:
    from fsu_cli.errors import UsageError

    raise UsageError(f"--as-of needs a real date written YYYY-MM-DD, such as 2025-10-09 (got '{value}').")


def guarded(command: Callable[..., int]) -> Callable[..., None]:
    """Run a command body that returns an exit code, through the one error handler (``fsu_cli.errors``)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs) -> None:
        from fsu_cli.errors import guard

        name = command.__name__.removeprefix("list_").replace("_", " ")
        code = guard(name, lambda: command(*args, **kwargs), debug=bool(kwargs.get("debug")),
                     crash_folder=_crash_folder)
        raise typer.Exit(code)

    return wrapper


def _crash_folder() -> Path:
    from fsu_cli.store.cache import cache_dir

    return cache_dir()
