"""What every reporter has: a stream to write to and a catalogue of rules to name codes from."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import IO, Mapping, Protocol, Sequence

from fsu_cli.check.findings import Finding, Summary


class RuleText(Protocol):
    """What a reporter may say about a code: from the rule catalogue, handed over as data."""

    name: str
    severity: str
    summary: str
    explanation: str


class Reporter(ABC):
    """Writes findings to a stream in one output format."""

    name = ""

    def __init__(self, stream: IO[str], catalogue: Mapping[str, RuleText] | None = None):
        self.stream = stream
        self.catalogue = catalogue or {}

    @abstractmethod
    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        """Write every finding, then the summary."""
