"""``path:line:col: CODE message`` and an indented hint; coloured on a terminal."""

from __future__ import annotations

import os
from typing import IO, Sequence

from fsu_cli.check.findings import ERROR, INFO, WARNING, Finding, Summary
from fsu_cli.report.base import Reporter
from fsu_cli.report.escape import for_terminal_line

_STYLE = {ERROR: "\x1b[1;31m", WARNING: "\x1b[1;33m", INFO: "\x1b[1;36m"}
_ACCEPTED = "\x1b[1;32m"


class TextReporter(Reporter):
    name = "text"

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        colour = wants_colour(self.stream)
        for f in findings:
            where = f"{for_terminal_line(f.path)}:{f.line}:{f.column}:"
            label = "" if f.severity == ERROR else f"{f.severity}: "
            message = for_terminal_line(f.message)
            if f.accepted_by:  # reported, but failing nothing: the case that accepted it says why
                message += f" (godtatt i {for_terminal_line(f.accepted_in or f.accepted_by)})"
            if colour:
                style = _ACCEPTED if f.accepted_by else _STYLE[f.severity]
                line = f"\x1b[1m{where}\x1b[0m {style}{f.code}\x1b[0m {label}{message}"
            else:
                line = f"{where} {f.code} {label}{message}"
            self.stream.write(line + "\n")
            if f.hint:
                self.stream.write(f"    hint: {for_terminal_line(f.hint)}\n")
        self.stream.write(summary.sentence() + "\n")


def wants_colour(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


REPORTER = TextReporter
