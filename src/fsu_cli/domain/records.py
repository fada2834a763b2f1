"""Typed records of a health community, and the repository that indexes them.

Every record knows the file and the path inside it where it was written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fsu_cli.domain.mandate_rules import MandateRules
from fsu_cli.errors import UsageError

Date = dt.date


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # the file, relative to the repository root
    pointer: tuple = ()  # keys and indexes inside the document

    def at(self, *steps: Any) -> "Source":
        return Source(self.path, self.pointer + steps)


@dataclass(slots=True)
class Organization:
    id: str
    name: str | None
    short_name: str | None
    side: str | None
    source: Source

    @property
    def label(self) -> str:
        return self.short_name or self.name or self.id


@dataclass(slots=True)
class Member:
    name: str | None
    organization: str | None
    title: str | None
    email: str | None
    start: Date | None
    end: Date | None
    source: Source
    role: str = "member"  # member | substitute (vararepresentant) | observer (tale- og forslagsrett)
    appointed_by: str | None = None  # the side that appointed the member, when not their own organization's

    @property
    def holds_seat(self) -> bool:
        """Substitutes and observers hold no seat and have no appointment term."""
        return self.role == "member"


@dataclass(slots=True)
class Office:
    role: str | None  # leader | deputy
    name: str | None
    start: Date | None
    end: Date | None
    source: Source


@dataclass(frozen=True, slots=True)
class Absence:
    """A member who sent apologies (forfall)."""

    name: str
    reason: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Substitute:
    """A substitute (vararepresentant) who met for an absent member."""

    name: str
    organization: str | None  # given when the substitute is not in the members list
    stands_for: str | None  # the absent member
    source: Source


@dataclass(frozen=True, slots=True)
class Attendee:
    """Someone else present (møtte også): the secretariat, a presenter, an observer."""

    name: str
    organization: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class Recusal:
    """A member who stepped aside from one item as inhabil."""

    name: str
    basis: str | None  # e.g. "fvl. § 6 første ledd bokstav e"
    source: Source


# The kinds of agenda item, in the order a standard agenda puts them.
AGENDA_KINDS = ("approval-of-notice", "approval-of-minutes", "case", "information", "any-other-business")


@dataclass(slots=True)
class AgendaItem:
    kind: str | None  # one of AGENDA_KINDS ('case' when only 'case:' is written); None if unreadable
    case: str | None  # a case reference, committee/year/number
    meeting: Date | None  # approval-of-minutes: the earlier meeting whose minutes are approved
    title: str | None
    time: str | None  # a slot within the meeting, "09:30-10:15"
    presenter: str | None
    recused: list[Recusal]
    discussion: str | None  # behandling
    notes: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class MinutesRecord:
    status: str | None  # draft | approved
    approved_on: Date | None
    approved_by: str | None  # meeting | email | signatures
    source: Source


@dataclass(slots=True)
class Meeting:
    """A meeting: an entry in the committee's list (a schedule), or a meeting file (the whole record)."""

    date: Date | None
    status: str | None  # planned | held | cancelled
    location: str | None
    time: str | None
    present: list[str]  # attendance, when the minutes record it
    absent: list[str]  # the names of the members with apologies
    source: Source
    in_file: bool = False  # recorded in data/meetings/<committee>/<date>.yaml
    committee: str | None = None  # as written in a meeting file
    video: str | None = None
    form: str | None = None  # physical | digital | hybrid | written
    chair: str | None = None  # møteleder
    minute_taker: str | None = None  # referent
    notice_sent: Date | None = None
    absences: list[Absence] = field(default_factory=list)  # forfall, with reasons
    substitutes: list[Substitute] = field(default_factory=list)
    others: list[Attendee] = field(default_factory=list)
    agenda: list[AgendaItem] | None = None  # None: no agenda written
    minutes: MinutesRecord | None = None
    attendance_recorded: bool = False  # present or absent written

    @property
    def path(self) -> str:
        return self.source.path


@dataclass(slots=True)
class Committee:
    id: str
    name: str | None
    short_name: str | None
    kind: str | None
    parent: str | None
    description: str | None
    founded: Date | None
    dissolved: Date | None
    case_number_format: str | None
    members: list[Member]
    leadership: list[Office]
    meetings: list[Meeting]
    source: Source
    records_from: Date | None = None  # meetings and cases are recorded from this date; earlier years not judged
    area: str | None = None  # the area an area committee (områdeutval) covers

    @property
    def label(self) -> str:
        return self.short_name or self.name or self.id

    _meetings_by_date: dict | None = field(default=None, repr=False, compare=False)

    def meeting_on(self, day: Date) -> Meeting | None:
        """The meeting on a day (the first listed, if there are two), found by date, not by scanning."""
        if self._meetings_by_date is None:
            self._meetings_by_date = {}
            for meeting in self.meetings:
                self._meetings_by_date.setdefault(meeting.date, meeting)
        return self._meetings_by_date.get(day)


# approved.by for a mandate adopted by the partners' own boards and councils (e.g. in the cooperation agreement)
PARTNERS = "partners"


@dataclass(slots=True)
class Approval:
    by: str | None  # a committee id, or PARTNERS
    date: Date | None
    case: str | None
    source: Source
    document: str | None = None  # the document that adopted it, e.g. the cooperation agreement


@dataclass(slots=True)
class Section:
    heading: str | None
    body: str | None


@dataclass(slots=True)
class Mandate:
    id: str
    committee: str | None
    title: str | None
    status: str | None
    approved: Approval | None
    valid_from: Date | None
    valid_until: Date | None
    supersedes: list[tuple[str, Source]]
    sections: list[Section]
    rules: MandateRules
    source: Source


@dataclass(slots=True)
class Attachment:
    title: str | None
    printed: bool | None
    case: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Proposal:
    kind: str | None  # consensus (innstilling til konsensus) | decision (forslag til vedtak)
    text: str | None


@dataclass(frozen=True, slots=True)
class Assessment:
    side: str | None
    heading: str | None
    text: str | None


FOLLOW_UP_OPEN = ("open", "in-progress")
FOLLOW_UP_STATUSES = ("open", "in-progress", "done", "dropped")


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One thing a decision asks to be done (oppfølging), who answers for it, by when, and how far it is."""

    what: str | None
    responsible: str | None  # an organization id, a committee id or a name
    due: Date | None
    status: str  # open | in-progress | done | dropped
    done: Date | None  # when it was done or dropped
    note: str | None
    source: Source

    @property
    def unfinished(self) -> bool:
        """Not done or dropped: a status misspelt (a schema error) does not hide an item that is overdue."""
        return self.status not in ("done", "dropped")

    def overdue(self, today: Date) -> bool:
        return self.unfinished and self.due is not None and self.due < today


@dataclass(frozen=True, slots=True)
class Decision:
    date: Date | None
    outcome: str | None  # adopted | amended | postponed | returned | rejected | noted (tatt til orientering)
    text: str | None
    follow_up: tuple[FollowUp, ...] = ()


@dataclass(frozen=True, slots=True)
class Exemption:
    basis: str | None  # e.g. "offl. § 14"
    public_title: str | None


# The outcomes under which a case's decision stands, and so its deviations apply.
STANDING_OUTCOMES = ("adopted", "amended")


@dataclass(frozen=True, slots=True)
class Deviation:
    """A departure from the mandate that a case decides (avvik): findings with this code are accepted."""

    code: str  # a finding code, e.g. "FSU315"
    path: str | None  # only findings in this file, when given
    until: Date | None  # the last day it applies, when given
    source: Source


@dataclass(slots=True)
class Case:
    committee: str | None
    year: int | None
    number: int | None
    meeting: Date | None
    title: str | None
    kind: str | None  # information | discussion | decision
    case_officer: str | None
    attachments: list[Attachment]
    proposal: Proposal | None
    background: str | None
    assessments: list[Assessment]
    decision: Decision | None
    exemption: Exemption | None
    reports_for: list[tuple[str, Source]]  # the committees whose report this case receives
    evaluates: list[tuple[str, Source]]  # the committees whose evaluation this case presents
    keys: frozenset  # the keys written in the file, well-formed or not
    source: Source
    deviations: list[Deviation] = field(default_factory=list)  # the departures from the mandate it decides
    introduction: str | None = None  # innledning
    assessment: str | None = None  # vurdering: the secretariat's own, beside the sides' assessments
    status_since_last: str | None = None  # hva er gjort siden sist
    archive_ref: str | None = None  # arkivsaksnummer
    date: Date | None = None  # the paper's date
    referred_from: str | None = None  # the case (committee/year/number) of the committee that sent this one on
    recommendation: str | None = None  # innstilling from the sending committee

    @property
    def ref(self) -> str:
        return f"{self.committee}/{self.year}/{self.number}"

    @property
    def decision_date(self) -> Date | None:
        return self.decision.date if self.decision is not None else None

    def deviations_in_force(self, on: Date) -> list[Deviation]:
        """The deviations that apply on a day: the decision stands (adopted or amended), and the day is
        from the decision (or, for a decision without a date, the meeting) up to and including ``until``."""
        decision = self.decision
        if decision is None or decision.outcome not in STANDING_OUTCOMES:
            return []
        start = decision.date or self.meeting
        if start is None or on < start:
            return []
        return [d for d in self.deviations if d.until is None or on <= d.until]

    def receives_report_of(self, committee_id: str) -> bool:
        return any(c == committee_id for c, _ in self.reports_for)

    def presents_evaluation_of(self, committee_id: str) -> bool:
        return any(c == committee_id for c, _ in self.evaluates)


@dataclass(frozen=True, slots=True)
class ReportApproval:
    by: str | None  # the committee that approved the report
    date: Date | None
    case: str | None


@dataclass(slots=True)
class Report:
    """A committee's own words in its annual report for a year (data/reports/<committee>/<year>.yaml)."""

    committee: str | None
    year: int | None
    summary: str | None
    evaluation: str | None
    plans: str | None
    approved: ReportApproval | None
    source: Source


@dataclass(slots=True)
class Repository:
    """Everything loaded from one governance repository, indexed for look-ups."""

    name: str | None = None
    language: str = "nb"  # the målform of documents: nb (bokmål) or nn (nynorsk)
    organizations: dict[str, Organization] = field(default_factory=dict)
    committees: dict[str, Committee] = field(default_factory=dict)
    mandates: dict[str, Mandate] = field(default_factory=dict)
    cases: dict[tuple[str, int, int], Case] = field(default_factory=dict)
    # every record of each kind in file order, duplicates included (for the uniqueness checks)
    all_organizations: list[Organization] = field(default_factory=list)
    all_committees: list[Committee] = field(default_factory=list)
    all_mandates: list[Mandate] = field(default_factory=list)
    all_cases: list[Case] = field(default_factory=list)
    all_meetings: list[Meeting] = field(default_factory=list)  # the meeting files, each also in its committee
    all_reports: list[Report] = field(default_factory=list)  # the annual reports' own words
    # Records known only by their file's place: the file could not be loaded, or
    # its fields disagree with its name. References to them are not reported
    # again, since the file has a finding of its own.
    placeholders: set[tuple[str, Any]] = field(default_factory=set)
    # indexes derived from the records, built once on first use
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def case(self, ref: str) -> Case | None:
        parsed = parse_case_ref(ref)
        return self.cases.get(parsed) if parsed else None

    def committee_named(self, name: str) -> Committee:
        """The committee with this id or short name (any letter case); UsageError naming the known ones."""
        wanted = name.casefold()
        for committee in self.committees.values():
            if wanted in (committee.id.casefold(), (committee.short_name or "").casefold()):
                return committee
        known = ", ".join(c.id for c in sorted(self.committees.values(), key=hierarchy))
        import difflib

        close = difflib.get_close_matches(wanted, [c.id for c in self.committees.values()], n=1, cutoff=0.75)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"There is no committee '{name}'.{hint} Known committees: {known}.")

    def has_committee(self, committee_id: str) -> bool:
        return committee_id in self.committees or ("committee", committee_id) in self.placeholders

    def has_mandate(self, mandate_id: str) -> bool:
        return mandate_id in self.mandates or ("mandate", mandate_id) in self.placeholders

    def has_meeting_file(self, committee_id: str, day: Date) -> bool:
        return ("meeting", (committee_id, day)) in self.placeholders

    def report(self, committee_id: str, year: int) -> Report | None:
        """The committee's own words for the year, when its file is where it belongs."""
        return next((r for r in self.all_reports if r.source.path.split("/")[2:4] == [committee_id, f"{year}.yaml"]),
                    None)

    def has_case(self, ref: str) -> bool:
        parsed = parse_case_ref(ref)
        return parsed is not None and (parsed in self.cases or ("case", parsed) in self.placeholders)


_KIND_ORDER = ("partnership", "ssu", "working-committee", "secretariat", "fsu", "area", "other")


def hierarchy(committee: Committee) -> tuple:
    """Partnership meeting first, then SSU, the working committees, and the FSUs; dissolved ones last."""
    kind = committee.kind if committee.kind in _KIND_ORDER else "other"
    return (_KIND_ORDER.index(kind), committee.dissolved is not None, committee.label.casefold())


def case_number(committee: Committee | None, case: Case) -> str:
    """The case number in the committee's own style: '20-2022', '21.25', '2024.20'."""
    style = (committee.case_number_format if committee else None) or "{number}/{year}"
    try:
        return style.format(number=case.number, year=case.year, yy=f"{(case.year or 0) % 100:02d}")
    except (KeyError, ValueError, IndexError, TypeError, AttributeError):
        return f"{case.number}/{case.year}"


def case_label(committee: Committee | None, case: Case) -> str:
    """'SSU sak 20-2022'."""
    label = committee.label if committee else (case.committee or "")
    return f"{label} sak {case_number(committee, case)}"


def parse_case_ref(ref: str) -> tuple[str, int, int] | None:
    parts = ref.split("/")
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    return parts[0], int(parts[1]), int(parts[2])
