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
class AttachmentView:
    number: int  # Vedlegg: 1. ...
    title: str
    mark: str  # (t) | (ikke t)


@dataclass(frozen=True, slots=True)
class RouteStep:
    """One committee's handling of the matter, on the route (saksgang) a case paper shows."""

    committee: str  # FSU pasientforløp
    number: str  # its case number there, e.g. 2026.02
    meeting: str  # 21.05.2026, or empty
    outcome: str  # Vedtatt, or "ikke behandlet ennå"
    current: bool  # this paper's own case


@dataclass(frozen=True, slots=True)
class RecommendationView:
    heading: str  # Innstilling fra FSU pasientforløp 21.05.2026
    text: str


@dataclass(frozen=True, slots=True)
class FollowUpView:
    what: str
    responsible: str  # an organization's or committee's name, or a name
    due: str  # 30.06.2025, or empty
    status: str  # Åpen, Under arbeid, Utført, Bortfalt
    done: str  # the day it was done or dropped, or empty
    note: str
    overdue: bool
    case: str = ""  # the case number, in lists across cases


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
    introduction: str = ""
    assessment: str = ""  # the secretariat's own vurdering
    status_since_last: str = ""
    archive_ref: str = ""
    date: str = ""  # the paper's date
    route: tuple[RouteStep, ...] = ()  # empty when no other committee handles the matter
    recommendation: RecommendationView | None = None
    attachment_list: tuple[AttachmentView, ...] = ()
    follow_up: tuple[FollowUpView, ...] = ()


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
