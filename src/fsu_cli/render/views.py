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
    appointed: str = ""  # oppnevnt av kommunene, when another side appointed the member


@dataclass(frozen=True, slots=True)
class AgendaItemView:
    """One numbered item of a meeting's agenda (and of its minutes)."""

    number: int
    kind: str  # approval-of-notice | approval-of-minutes | case | information | any-other-business
    heading: str  # e.g. Godkjenning av protokoll fra møtet 22.01.2026, or the case's number and title
    case: CaseView | None
    presenter: str
    time: str  # kl. 09.30–10.15, or empty
    discussion: str  # behandling, for the minutes
    notes: str
    recusals: tuple[str, ...]  # NN fratrådte som inhabil, jf. ...
    resolution: str  # for the standard items: what the meeting concluded, e.g. Innkalling og saksliste ble godkjent.


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    name: str
    organization: str
    role: str  # leder, nestleder, medlem, vara for NN, or a role written in the meeting file
    reason: str = ""  # for an absence, when given


@dataclass(frozen=True, slots=True)
class AttendanceView:
    present: tuple[AttendanceRow, ...]
    absent: tuple[AttendanceRow, ...]
    others: tuple[AttendanceRow, ...]


@dataclass(frozen=True, slots=True)
class Signer:
    name: str
    role: str
