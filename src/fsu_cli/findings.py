"""Findings as data, and the reporters that print them.

A check never prints: it returns ``Finding`` records. A reporter turns a list of
findings into text, JSON, GitHub workflow commands or SARIF. The exit code
follows from the findings alone.
"""

from __future__ import annotations

import json
import os
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import IO, Iterable, Sequence

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


# --- reporters ---------------------------------------------------------------


class Reporter(ABC):
    """Writes findings to a stream in one output format."""

    name = ""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    @abstractmethod
    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        """Write every finding, then the summary."""


class TextReporter(Reporter):
    """``path:line:col: CODE message`` and an indented hint; coloured on a terminal."""

    name = "text"

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        colour = _wants_colour(self.stream)
        for f in findings:
            where = f"{f.path}:{f.line}:{f.column}:"
            label = "" if f.severity == ERROR else f"{f.severity}: "
            if colour:
                style = {ERROR: "\x1b[1;31m", WARNING: "\x1b[1;33m", INFO: "\x1b[1;36m"}[f.severity]
                line = f"\x1b[1m{where}\x1b[0m {style}{f.code}\x1b[0m {label}{f.message}"
            else:
                line = f"{where} {f.code} {label}{f.message}"
            self.stream.write(line + "\n")
            if f.hint:
                self.stream.write(f"    hint: {f.hint}\n")
        self.stream.write(summary.sentence() + "\n")


class JsonReporter(Reporter):
    name = "json"

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        document = {
            "findings": [f.as_dict() for f in findings],
            "summary": {
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
            },
        }
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands, shown as annotations on the pull request."""

    name = "github"
    _command = {ERROR: "error", WARNING: "warning", INFO: "notice"}

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        for f in findings:
            props = [f"file={_gh_property(f.path)}"]
            if f.line:
                props.append(f"line={f.line}")
                props.append(f"col={f.column}")
            props.append(f"title={_gh_property(f.code)}")
            text = f.message + (f"\n{f.hint}" if f.hint else "")
            self.stream.write(f"::{self._command[f.severity]} {','.join(props)}::{_gh_data(text)}\n")
        self.stream.write(summary.sentence() + "\n")


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


class SarifReporter(Reporter):
    """SARIF 2.1.0, for code-scanning views."""

    name = "sarif"
    _level = {ERROR: "error", WARNING: "warning", INFO: "note"}

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        from fsu_cli import __version__
        from fsu_cli.rules import all_rules

        rules = all_rules()
        used = sorted({f.code for f in findings})
        rule_index = {code: i for i, code in enumerate(used)}
        driver_rules = []
        for code in used:
            rule = rules.get(code)
            entry: dict = {"id": code}
            if rule:
                entry["name"] = rule.name
                entry["shortDescription"] = {"text": rule.summary}
                entry["fullDescription"] = {"text": rule.explanation}
                entry["defaultConfiguration"] = {"level": self._level[rule.severity]}
            driver_rules.append(entry)
        results = []
        for f in findings:
            region = {"startLine": f.line, "startColumn": f.column}
            text = f.message + (f" Hint: {f.hint}" if f.hint else "")
            results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": rule_index[f.code],
                    "level": self._level[f.severity],
                    "message": {"text": text},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                                "region": region,
                            }
                        }
                    ],
                }
            )
        document = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "fsu",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": driver_rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


REPORTERS: dict[str, type[Reporter]] = {
    cls.name: cls for cls in (TextReporter, JsonReporter, GithubReporter, SarifReporter)
}


def default_format() -> str:
    """``github`` inside GitHub Actions, ``text`` everywhere else."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _wants_colour(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
