"""What templates see: view models of plain text, already in Norwegian, decided in ``documents``.

Templates get these and nothing else from the data; a template cannot reach a
record, the repository or the raw YAML.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProposalView:
    heading: str  # Innstilling til konsensus | Forslag til vedtak
    text: str


@dataclass(frozen=True, slots=True)
class AssessmentView:
    heading: str  # e.g. Kommunenes vurdering
    text: str


@dataclass(frozen=True, slots=True)
class DecisionView:
    date: str  # 09.10.2025, or empty
    outcome: str  # Vedtatt, Utsatt, ...
    text: str


@dataclass(frozen=True, slots=True)
class CaseView:
    number: str  # SSU sak 20-2022
    title: str
    exempt: bool
    redacted: bool  # exempt, and shown to the public: only the public title and the legal basis
    exemption_note: str
    meeting: str
    kind: str
    case_officer: str
    printed: tuple[str, ...]
    not_printed: tuple[str, ...]
    attachments: bool
    proposal: ProposalView | None
    background: str
    assessments: tuple[AssessmentView, ...]
    decision: DecisionView | None


@dataclass(frozen=True, slots=True)
class MemberRow:
    name: str
    title: str
    organization: str
    side: str  # helseforetak, kommune, ...
    email: str
    role: str  # leder, nestleder, or empty
