"""The progress bar: only on a terminal's standard error, only for long runs, never for programs."""

from __future__ import annotations

import io

from conftest import PROJECT
from fsu_cli.cli.progress import Progress, wanted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_on_a_terminal_shows_a_bar_that_clears_itself():
    stream = Terminal()
    progress = Progress(stream, delay=0)
    progress.start(3)
    progress.advance(1)
    assert "Checking files" in stream.getvalue() and "1/3" in stream.getvalue()
    progress.advance(2)
    assert progress.bar is None  # finished: the bar is gone (transient)


def test_a_short_run_shows_nothing():
    stream = Terminal()
    progress = Progress(stream, delay=60)
    progress.start(3)
    progress.advance(3)
    assert stream.getvalue() == ""


def test_never_when_piped_in_ci_or_for_programs(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert wanted(Terminal(), machine_readable=False)
    assert not wanted(io.StringIO(), machine_readable=False)
    assert not wanted(Terminal(), machine_readable=True)
    monkeypatch.setenv("CI", "true")
    assert not wanted(Terminal(), machine_readable=False)


def test_validate_piped_writes_nothing_to_standard_error(fsu):
    result = fsu("validate", "--repo", PROJECT)
    assert result.stderr == ""
