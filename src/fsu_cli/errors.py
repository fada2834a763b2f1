"""The one error model: what a failure is called, and the exit code it ends with.

- 0: no errors (warnings may have been printed);
- 1: the data has errors (findings at error level, or a change refused because of them);
- 2: fsu was called wrongly, or the repository or a file it names was not found;
- 3: fsu itself failed; a crash report is written and its path printed;
- 130: stopped with Ctrl+C;
- 141: the reader of fsu's output went away (``fsu validate | head -1``): not a failure.
"""

from __future__ import annotations

import errno
import os
import sys
from enum import IntEnum
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from pathlib import Path


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3
    INTERRUPTED = 130
    CLOSED_PIPE = 141


class UsageError(Exception):
    """A problem with how fsu was called or configured (exit code 2), said in one sentence."""


class Stop(Exception):
    """End the command with this exit code; what the user needs to know has been printed already."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def guard(command: str, body: Callable[[], int], *, debug: bool = False,
          crash_folder: Callable[[], Path] | None = None) -> int:
    """Run a command's body and turn whatever ends it into an exit code and at most a few lines."""
    try:
        return body()
    except Stop as stop:
        return stop.code
    except UsageError as error:
        print(f"fsu: {error}", file=sys.stderr)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        return interrupted()
    except BrokenPipeError:
        return closed_pipe()
    except OSError as error:
        trouble = environment_trouble(error)
        if trouble is None or debug:
            return _crashed(command, error, debug, crash_folder)
        print(f"fsu: {trouble}", file=sys.stderr)
        return ExitCode.USAGE
    except Exception as error:  # noqa: BLE001 - the one place that catches everything
        return _crashed(command, error, debug, crash_folder)


def _crashed(command: str, error: BaseException, debug: bool, crash_folder: Callable[[], Path] | None) -> int:
    import traceback

    if debug:
        traceback.print_exception(error)
        return ExitCode.INTERNAL
    report = write_crash_report(_folder(crash_folder), command, error)
    print(crash_message(command, error, report), file=sys.stderr)
    return ExitCode.INTERNAL


# Trouble with the computer rather than with fsu: what it means, in words.
_ENVIRONMENT = {
    errno.ENOSPC: "the disk is full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "the disk quota is used up",
    errno.EFBIG: "the file would be larger than fsu may write (a file size limit is set)",
    errno.EACCES: "permission was denied",
    errno.EPERM: "the system did not permit it",
    errno.EROFS: "the disk is mounted read-only",
    errno.EMFILE: "too many files are open",
    errno.ENFILE: "too many files are open on this system",
    errno.EIO: "the disk could not be read or written (an input/output error)",
}


def os_cause(error: OSError) -> str | None:
    """What an error the computer gave means, in words ("the disk is full"), or None if it is not one of those."""
    return _ENVIRONMENT.get(error.errno or -1)


def environment_trouble(error: OSError) -> str | None:
    """A sentence for an error the computer gave (disk full, no permission), or None for anything else."""
    cause = os_cause(error)
    if cause is None:
        return None
    where = f" ({error.filename})" if error.filename else ""
    return (f"Could not finish: {cause}{where}. Nothing was changed; fix this and run the command "
            "again.")


def _folder(crash_folder: Callable[[], Path] | None) -> Path | None:
    try:
        return crash_folder() if crash_folder else None
    except Exception:  # noqa: BLE001 - no folder for the report: say so instead
        return None


def interrupted() -> int:
    """One line; on a terminal, after a line break, since the terminal has just echoed ^C."""
    print(f"{_new_line_on_a_terminal()}fsu: stopped (Ctrl+C). Nothing was changed.", file=sys.stderr)
    return ExitCode.INTERRUPTED


def _new_line_on_a_terminal() -> str:
    try:
        return "\n" if sys.stderr.isatty() else ""
    except (AttributeError, ValueError):
        return ""


def closed_pipe() -> int:
    """The reader closed the pipe: stop quietly, and keep Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return ExitCode.CLOSED_PIPE


def write_crash_report(folder: Path | None, command: str, error: BaseException) -> Path | None:
    """The version, command and traceback in a file of their own; None if nothing could be written."""
    import datetime as dt
    import platform
    import shlex
    import traceback

    from fsu_cli import __version__

    text = (
        f"fsu {__version__} crash report\n"
        f"time: {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}\n"
        f"command: fsu {shlex.join(sys.argv[1:]) or command}\n"  # quoted, so it can be run again as it was
        f"python: {sys.version.split()[0]} on {platform.platform()}\n\n"
        + "".join(traceback.format_exception(error))
    )
    if folder is None:
        return None
    try:
        target = folder / "crash-reports"
        target.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        path = target / f"fsu-{stamp}-{os.getpid()}.txt"
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        return None


def crash_message(command: str, error: BaseException, report: Path | None) -> str:
    from fsu_cli import __version__

    where = (f"A crash report is in {report}: send that file when you report the problem. " if report else "")
    return (
        f"fsu {__version__}: an internal error stopped 'fsu {command}': {type(error).__name__}: {error}. "
        f"This is a fault in fsu, not in your data, and no file was changed. {where}"
        "Run the same command again with --debug to see the technical details."
    )
