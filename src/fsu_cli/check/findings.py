"""Findings as data.

A check never prints: it returns ``Finding`` records, which the reporters in
``fsu_cli.report`` format. The exit code follows from the findings alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)

# The keys of a finding in machine-readable output, in this order.
FINDING_KEYS = ("code", "severity", "path", "line", "column", "message", "hint")


@dataclass(slots=True)
class Finding:
    code: str
    severity: str
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; a finding about a whole file is placed at 1:1
    column: int  # 1-based (characters, not bytes); 0 only until the finding is placed
    message: str
    hint: str = ""
    # Where in the document the finding points, resolved to line and column
    # only when the findings are reported (positions cost a second parse).
    pointer: tuple | None = field(default=None, compare=False, repr=False)
    on_key: bool = field(default=False, compare=False, repr=False)

    def as_dict(self) -> dict:
        return {key: getattr(self, key) for key in FINDING_KEYS}

    def to_plain(self) -> list:
        """The finding as plain data, for the cache."""
        pointer = list(self.pointer) if self.pointer is not None else None
        return [self.code, self.severity, self.path, self.line, self.column, self.message, self.hint, pointer,
                self.on_key]

    @classmethod
    def from_plain(cls, plain: list) -> "Finding":
        code, severity, path, line, column, message, hint, pointer, on_key = plain
        return cls(code, severity, path, line, column, message, hint,
                   tuple(pointer) if pointer is not None else None, on_key)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)


@dataclass(slots=True)
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int

    @classmethod
    def of(cls, findings: Sequence[Finding], files: int) -> "Summary":
        count = {severity: 0 for severity in SEVERITIES}
        for finding in findings:
            count[finding.severity] += 1
        return cls(files, count[ERROR], count[WARNING], count[INFO])

    def sentence(self) -> str:
        files = _plural(self.files, "file")
        parts = [
            _plural(n, word)
            for n, word in ((self.errors, "error"), (self.warnings, "warning"), (self.infos, "note"))
            if n
        ]
        if not parts:
            return f"{files} checked: no problems found."
        return f"{files} checked: {', '.join(parts)}."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def exit_code(findings: Iterable[Finding]) -> int:
    return 1 if any(f.severity == ERROR for f in findings) else 0
