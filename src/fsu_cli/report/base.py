"""What every reporter has: a stream to write to and a catalogue of rules to name codes from."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import IO, Mapping, Protocol, Sequence

from fsu_cli.check.findings import ERROR, INFO, WARNING, Finding, Summary


class RuleText(Protocol):
    """What a reporter may say about a code: from the rule catalogue, handed over as data."""

    name: str
    severity: str
    summary: str
    explanation: str


class Reporter(ABC):
    """Writes findings to a stream in one output format.

    ``prefix`` is where the governance repository sits in its git repository ('styring/'), for the
    formats whose paths are read from the git repository's top (GitHub, SARIF); ``step_summary``
    is GitHub's job summary for this step, appended to by the formats that use one.
    """

    name = ""

    def __init__(self, stream: IO[str], catalogue: Mapping[str, RuleText] | None = None, *, prefix: str = "",
                 step_summary: IO[str] | None = None):
        self.stream = stream
        self.catalogue = catalogue or {}
        self.prefix = prefix
        self.step_summary = step_summary

    @abstractmethod
    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        """Write every finding, then the summary."""


def shown_severity(finding: Finding) -> str:
    """How loudly to show a finding: one that a case's deviation accepts fails nothing, so it is a note."""
    return INFO if finding.accepted_by else finding.severity


def accepted_note(finding: Finding) -> str:
    """' (godtatt i SSU sak 03-2026)' for a finding a case accepts, else nothing."""
    return f" (godtatt i {finding.accepted_in or finding.accepted_by})" if finding.accepted_by else ""


def by_severity(findings: Sequence[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes (accepted findings among them); each in the order given."""
    rank = {ERROR: 0, WARNING: 1, INFO: 2}
    return sorted(findings, key=lambda f: rank[shown_severity(f)])
