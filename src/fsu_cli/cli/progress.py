"""A progress bar for long runs: on a terminal's standard error only, and only after a second."""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Any

DELAY = 1.0  # seconds before a bar appears: short runs never show one


def wanted(stream: IO[str], machine_readable: bool) -> bool:
    """Never when piped, in CI, or with output meant for a program."""
    if machine_readable or os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class Progress:
    def __init__(self, stream: IO[str] | None = None, delay: float = DELAY):
        self.stream = stream or sys.stderr
        self.delay = delay
        self.total = 0
        self.done = 0
        self.began = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def start(self, total: int) -> None:
        self.total, self.done, self.began = total, 0, time.monotonic()

    def advance(self, count: int) -> None:
        self.done += count
        if self.bar is None and time.monotonic() - self.began >= self.delay and self.done < self.total:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            console = Console(file=self.stream, force_terminal=True)
            self.bar = Bar(TextColumn("Checking files"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           console=console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("files", total=self.total)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, refresh=True)
            if self.done >= self.total:
                self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
