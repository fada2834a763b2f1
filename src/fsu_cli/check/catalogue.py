"""The catalogue of rules: every finding fsu can report has a stable code here.

Each family of checks is one module in ``fsu_cli.check.rules`` that defines its
rules with ``define`` and, for cross-file checks, a ``check(repo, context)``
function that yields findings.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from fsu_cli.check.findings import Finding
from fsu_cli.domain.records import Date

if TYPE_CHECKING:
    from fsu_cli.domain.records import Repository

# Modules that define rules; those with a ``check`` function run on the whole repository.
RULE_MODULES = (
    "syntax",
    "structure",
    "references",
    "lifecycle",
    "rotation",
    "frequency",
    "seats",
    "casework",
    "meeting_records",
    "lineage",
    "reports",
    "deviations",
    "privacy",
)


@dataclass(frozen=True, slots=True)
class Context:
    """What every check may depend on besides the data: today's date, fixed by --as-of."""

    as_of: Date


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str  # a short kebab-case name, e.g. "unknown-key"
    severity: str
    summary: str  # one line
    explanation: str  # what triggers it and how to fix it, with an example

    def finding(
        self,
        path: str,
        message: str,
        hint: str = "",
        *,
        pointer: tuple | None = None,
        on_key: bool = False,
        line: int = 0,
        column: int = 0,
        subject: str = "",
    ) -> Finding:
        return Finding(self.code, self.severity, path, line, column, message, hint, pointer, on_key, subject)


_RULES: dict[str, Rule] = {}


def define(code: str, name: str, severity: str, summary: str, explanation: str) -> Rule:
    if code in _RULES:
        raise ValueError(f"rule {code} is defined twice")
    rule = Rule(code, name, severity, summary, explanation.strip())
    _RULES[code] = rule
    return rule


def _modules():
    return [importlib.import_module(f"fsu_cli.check.rules.{name}") for name in RULE_MODULES]


def all_rules() -> dict[str, Rule]:
    _modules()
    return dict(sorted(_RULES.items()))


def run_checks(repo: "Repository", context: "Context") -> Iterator[Finding]:
    for module in _modules():
        check = getattr(module, "check", None)
        if check is not None:
            yield from check(repo, context)
