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
    # What the finding is about, stable across edits that move it: a record's key such as
    # "members/[name=Kari Holm,start_date=2024-01-01]/organization", a side, a year. With the
    # code and the path it is the finding's identity (never its message or line).
    subject: str = field(default="", compare=False, repr=False)
    # A finding that a case's deviation accepts (avvik vedtatt i sak): the case's reference
    # ("ssu/2025/1") and its label ("SSU sak 01-2025"). It is reported, but fails nothing.
    accepted_by: str = field(default="", compare=False, repr=False)
    accepted_in: str = field(default="", compare=False, repr=False)

    @property
    def fails(self) -> bool:
        """An error that no case has accepted: it fails the check."""
        return self.severity == ERROR and not self.accepted_by

    @property
    def identity(self) -> str:
        return f"{self.code}\t{self.path}\t{self.subject}"

    def as_dict(self) -> dict:
        return {key: getattr(self, key) for key in FINDING_KEYS}

    def to_plain(self) -> list:
        """The finding as plain data, for the cache."""
        pointer = list(self.pointer) if self.pointer is not None else None
        return [self.code, self.severity, self.path, self.line, self.column, self.message, self.hint, pointer,
                self.on_key, self.subject, self.accepted_by, self.accepted_in]

    @classmethod
    def from_plain(cls, plain: list) -> "Finding":
        code, severity, path, line, column, message, hint, pointer, on_key, subject, accepted_by, accepted_in = plain
        return cls(code, severity, path, line, column, message, hint,
                   tuple(pointer) if pointer is not None else None, on_key, subject, accepted_by, accepted_in)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)


@dataclass(slots=True)
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int
    # When a change is checked (--staged, --changed-since): the findings shown are those the change
    # introduces, and these count the ones that were there before it.
    change: bool = False
    already: int = 0
    already_errors: int = 0
    accepted: int = 0  # findings a case's deviation accepts, counted apart from the severities

    @classmethod
    def of(cls, findings: Sequence[Finding], files: int, already: Sequence[Finding] | None = None) -> "Summary":
        count = {severity: 0 for severity in SEVERITIES}
        for finding in findings:
            if not finding.accepted_by:
                count[finding.severity] += 1
        before = list(already or [])
        return cls(files, count[ERROR], count[WARNING], count[INFO], already is not None, len(before),
                   sum(f.fails for f in before), sum(bool(f.accepted_by) for f in findings))

    def sentence(self) -> str:
        files = _plural(self.files, "file")
        parts = [
            _plural(n, word)
            for n, word in ((self.errors, "error"), (self.warnings, "warning"), (self.infos, "note"))
            if n
        ]
        accepted = f"; {self.accepted} accepted by a case" if self.accepted else ""
        if not self.change:
            said = f"{files} checked: {', '.join(parts)}" if parts else f"{files} checked: no problems found"
            return f"{said}{accepted}."
        said = (f"{files} checked: this change adds {', '.join(parts)}{accepted}." if parts
                else f"{files} checked: this change adds no problems{accepted}.")
        if self.already:
            errors = f" ({_plural(self.already_errors, 'error')})" if self.already_errors else ""
            were = "was" if self.already == 1 else "were"
            said += (f" {_plural(self.already, 'finding')} that {were} there before it{errors} "
                     f"{'is' if self.already == 1 else 'are'} not shown; "
                     "run 'fsu validate' to see them.")
        return said


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def exit_code(findings: Iterable[Finding]) -> int:
    return 1 if any(f.fails for f in findings) else 0
