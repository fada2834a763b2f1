"""FSU40x: meetings as records, the meeting files in data/meetings/<committee>/<date>.yaml.

A meeting is either an entry in the committee's ``meetings:`` list (a schedule) or a
file (the whole record: attendance, agenda, minutes), never both. The list's
``present``/``absent`` are held to the members in office (FSU404, FSU405); every other
rule judges meeting files only, so a repository without them keeps its findings.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise
from math import ceil
from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.attendance import (
    Quorum,
    approvals_of_minutes,
    cases_at,
    members_in_office,
    parse_span,
    quorum,
    seats,
    side_of,
)
from fsu_cli.domain.mandate_rules import QuorumRules
from fsu_cli.domain.mandates import mandate_in_force, rules_of
from fsu_cli.domain.records import Committee, Date, Meeting, Member, Repository

MEETING_PATH_MISMATCH = define(
    "FSU401",
    "meeting-file-misplaced",
    ERROR,
    "A meeting file's committee or date differs from its folder or file name.",
    """
A meeting file lives at data/meetings/<committee>/<date>.yaml, and its
"committee" and "date" say the same. Cases refer to the meeting by the
committee's folder and the date, so a file whose name and content disagree
would be found under the wrong meeting.

Example: data/meetings/fsu/2025-03-12.yaml with "date: 2025-03-13".

Fix: rename the file to the meeting's date, or correct "date" (or
"committee") to match the file's place.
""",
)

MEETING_LISTED_TWICE = define(
    "FSU402",
    "meeting-in-list-and-file",
    ERROR,
    "A meeting is both in the committee's meeting list and in a meeting file.",
    """
A meeting is written in one place: as an entry in the committee's "meetings:"
list (date, status, time, place), or as a meeting file with its whole record.
Two records of one meeting could say different things.

Example: data/committees/fsu.yaml lists "- {date: 2025-03-12, status: held}",
and data/meetings/fsu/2025-03-12.yaml exists too.

Fix: remove the entry from the committee's list (the file holds it all), or
let fsu do it: "fsu meeting new fsu 2025-03-12" moves an entry into a file.
""",
)

MEETING_OF_UNKNOWN_COMMITTEE = define(
    "FSU403",
    "meeting-of-unknown-committee",
    ERROR,
    "A meeting file is in the folder of a committee that does not exist.",
    """
The folder of a meeting file names its committee: data/meetings/<committee>/.
There is no committee file data/committees/<committee>.yaml for it.

Example: data/meetings/fus/2025-03-12.yaml, when the committee is "fsu".

Fix: move the file to the folder of an existing committee, or add the
committee.
""",
)


NOT_IN_OFFICE = define(
    "FSU404",
    "attendance-not-in-office",
    ERROR,
    "Someone recorded present or absent (or as stood in for) is not a member in office that day.",
    """
The attendance of a meeting names the committee's members exactly as its
members list writes them, and only members in office on the meeting's day:
present, absent (forfall) and the member a substitute stands for. A name
written differently, or of someone whose membership had ended, would make
the minutes and the quorum wrong. This holds for the "present"/"absent" lists
of a meeting in the committee's list as well as for meeting files. Others who
attended (the secretariat, presenters) belong under "others".

Example: "present: [Kari Vatn]" when the members list says "Kari Vatne", or a
member whose end_date is before the meeting.

Fix: write the name as in data/committees/<committee>.yaml, move a guest to
"attendance.others", or correct the member's start_date/end_date.
""",
)

PRESENT_AND_ABSENT = define(
    "FSU405",
    "present-and-absent",
    ERROR,
    "A member is recorded both present and absent at one meeting.",
    """
A member either met or sent apologies (forfall); the minutes cannot say both.

Example: "present: [Per Hansen]" and "absent: [{name: Per Hansen}]".

Fix: remove the member from the list that is wrong.
""",
)

ATTENDANCE_INCOMPLETE = define(
    "FSU406",
    "attendance-incomplete",
    WARNING,
    "Once attendance is recorded in a meeting file, a member in office is neither present nor absent.",
    """
When a meeting file records attendance, the minutes list every member in
office: present, or absent (forfall). A member missing from both lists may
have been forgotten, and the quorum cannot be judged with certainty.
Meetings in the committee's list are not judged, as before.

Example: a committee of 14 members whose meeting file lists 10 present and 2
absent.

Fix: add the missing members to "attendance.present" or "attendance.absent".
""",
)

SUBSTITUTE_MISMATCH = define(
    "FSU407",
    "substitute-mismatch",
    ERROR,
    "A substitute stands for a member who is not absent, or comes from another side.",
    """
A substitute (vararepresentant) meets only for a member who sent apologies,
and comes from the same side (hospital, municipality, user ...) as that
member; the side follows from the organization in fsu.yaml. A substitute who
is not in the members list is named with "organization", so their side is
known.

Example: "substitutes: [{name: Ola Vik, organization: sfv, for: Kari Vatne}]"
when Kari Vatne (a municipality's member) is not under "absent", or when sfv
is the hospital.

Fix: add the member to "absent", correct "for", or give the organization the
substitute represents.
""",
)

NO_QUORUM = define(
    "FSU408",
    "no-quorum",
    ERROR,
    "A meeting file records decisions, but too few members were present for a quorum.",
    """
The mandate's rules.quorum says when the committee may decide (vedtaksført):
at least min_share_present of the members in office present, and someone
present from each side in sides_present. A substitute counts for the member
they stand for; a member recused from an item (inhabil) does not count for
that item. Every case decided at the meeting (its "meeting" is this day and
it has a decision) and every case on the agenda is judged, once attendance is
recorded in a meeting file.

Example: rules.quorum.min_share_present 0.5, 14 members in office, 6 present
and one case decided.

Fix: correct the attendance if it is wrong; otherwise the decision was not
valid: set the case's outcome to postponed and take it up again.
""",
)

AGENDA_CASE_ELSEWHERE = define(
    "FSU409",
    "agenda-case-not-at-meeting",
    ERROR,
    "An agenda item names a case that does not exist, or is not the committee's case for this meeting.",
    """
An agenda item "case: <committee>/<year>/<number>" names a case of the
committee whose "meeting" is this meeting's date: the case file holds the
paper and the decision, the agenda only the order.

Example: "- case: fsu-pasientforlop/2026/3" on the agenda of 2026-05-21, when
that case says "meeting: 2026-09-10", or no such case file exists.

Fix: correct the reference, or set the case's "meeting" to this date.
""",
)

CASE_NOT_ON_AGENDA = define(
    "FSU410",
    "case-not-on-agenda",
    WARNING,
    "A meeting file has an agenda, but a case set to the meeting is not on it.",
    """
Once a meeting file has an agenda, the agenda is the list the meeting works
through, so every case set to the meeting should be on it; otherwise the
notice and the minutes leave the case out.

Example: the case fsu-pasientforlop/2026/4 says "meeting: 2026-05-21", but
data/meetings/fsu-pasientforlop/2026-05-21.yaml has no "- case:
fsu-pasientforlop/2026/4".

Fix: add "- case: <ref>" to the agenda, or move the case to another meeting.
""",
)

SLOT_CLASH = define(
    "FSU411",
    "agenda-time-slot",
    WARNING,
    "An agenda item's time slot is outside the meeting's time or overlaps another item's.",
    """
An agenda item's "time" is a slot within the meeting's "time", and slots do
not overlap. This is a warning, not an error: the times are a plan for the
notice, meetings run over, and a slot off by a few minutes makes no decision
invalid.

Example: the meeting at "09:00-12:00" with an item at "11:30-12:30", or two
items at "09:30-10:15" and "10:00-10:30".

Fix: correct the item's time, or the meeting's.
""",
)

MINUTES_OF_UNKNOWN_MEETING = define(
    "FSU412",
    "approval-of-unknown-minutes",
    ERROR,
    "An approval of minutes names no earlier held meeting of the committee.",
    """
An "approval-of-minutes" item approves the minutes of an earlier meeting of
the same committee that was held: "meeting:" gives its date. The approval
also marks those minutes approved, so the date must find that meeting.

Example: "- {kind: approval-of-minutes, meeting: 2026-03-18}" when the
committee met on 2026-03-19, or names a cancelled or later meeting.

Fix: write the date of the earlier meeting whose minutes are approved.
""",
)

MINUTES_LATE = define(
    "FSU413",
    "minutes-not-approved-in-time",
    WARNING,
    "The minutes of a held meeting were not approved within the days the mandate allows.",
    """
When the mandate sets rules.meetings.minutes_within_days, the minutes of a
held meeting are approved within that many days after it. An approval is the
meeting file's "minutes.approved.date", or a later held meeting's
"approval-of-minutes" item naming it, whichever came first; minutes not yet
approved are judged against today (or fsu.yaml's as_of). Only meeting files
are judged: a meeting in the committee's list has no record of its minutes.

Example: minutes_within_days: 21 and the meeting of 2026-05-21 whose minutes
were approved on 2026-06-30, or are still a draft on 2026-11-22.

Fix: approve the minutes and record it under "minutes.approved" (or on the
next meeting's agenda); if it was done, record the date.
""",
)

NOTICE_LATE = define(
    "FSU414",
    "notice-sent-late",
    WARNING,
    "A meeting's notice was sent later than the mandate's notice_days before it.",
    """
When the mandate sets rules.meetings.notice_days, the notice (innkalling) is
sent at least that many days before the meeting; "notice_sent" in the
meeting file records when it went out.

Example: notice_days: 7, a meeting on 2026-05-21 and "notice_sent:
2026-05-18".

Fix: correct "notice_sent" if it is wrong; otherwise send notices earlier.
""",
)

CANCELLED_WITH_RECORD = define(
    "FSU415",
    "cancelled-meeting-with-record",
    ERROR,
    "A cancelled meeting file records attendance, or cases are decided at it.",
    """
A cancelled meeting (avlyst) was not held: nobody attended and nothing was
decided there. Attendance in its file, or a case with a decision whose
"meeting" is its date, means either the status or the record is wrong.

Example: "status: cancelled" with "attendance: {present: [...]}", or a case
with "meeting: 2026-05-21" and a decision.

Fix: set the status to held if the meeting was held; otherwise remove the
attendance, and move the cases to the meeting that decided them.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    for meeting in repo.all_meetings:
        yield from _place(repo, meeting)
    for committee in repo.committees.values():
        listed = {m.date: m for m in committee.meetings if not m.in_file and m.date is not None}
        for meeting in committee.meetings:
            if meeting.in_file and meeting.date in listed:
                entry = listed[meeting.date]
                yield MEETING_LISTED_TWICE.finding(
                    committee.source.path,
                    f"The meeting on {meeting.date.isoformat()} is also recorded in {meeting.path}.",
                    f"Remove this entry from the list: {meeting.path} holds the meeting's whole record.",
                    pointer=entry.source.pointer + ("date",),
                )
        for meeting in committee.meetings:
            if meeting.date is None or not (meeting.in_file or meeting.present or meeting.absences):
                continue  # a list entry without attendance has nothing to judge here
            office = members_in_office(committee, meeting.date)
            yield from _attendance(committee, meeting, office)
            if meeting.in_file:
                yield from _record(repo, committee, meeting, office, context)


def _record(repo: Repository, committee: Committee, meeting: Meeting, office: dict[str, Member],
            context: Context) -> Iterator[Finding]:
    """The rules only a meeting file can break: it alone holds substitutes, agenda, minutes and notice."""
    rules = rules_of(mandate_in_force(repo, committee.id, meeting.date))
    yield from _completeness(meeting, office)
    yield from _substitutes(repo, committee, meeting, office)
    yield from _cancelled(repo, committee, meeting)
    yield from _quorum(repo, committee, meeting, office, rules.quorum)
    yield from _agenda_cases(repo, committee, meeting)
    yield from _slots(meeting)
    yield from _minutes_approvals(committee, meeting)
    yield from _minutes_in_time(repo, committee, meeting, rules.meetings.minutes_within_days, context)
    yield from _notice(meeting, rules.meetings.notice_days)


def _place(repo: Repository, meeting: Meeting) -> Iterator[Finding]:
    path = meeting.path
    _, _, folder, file_name = path.split("/")
    stem = file_name[: -len(".yaml")]
    if not repo.has_committee(folder):
        yield MEETING_OF_UNKNOWN_COMMITTEE.finding(
            path,
            f"There is no committee '{folder}' for this meeting's folder data/meetings/{folder}/.",
            "Move the file to the folder of an existing committee (the committee's id), or add the committee.",
            line=1, column=1,
        )
    if meeting.committee and meeting.committee != folder:
        yield MEETING_PATH_MISMATCH.finding(
            path,
            f"The meeting says committee '{meeting.committee}', but it is in the folder '{folder}'.",
            f"Move the file to data/meetings/{meeting.committee}/{file_name}, or change 'committee' to '{folder}'.",
            pointer=("committee",),
        )
    if meeting.date is not None and meeting.date.isoformat() != stem:
        yield MEETING_PATH_MISMATCH.finding(
            path,
            f"The meeting says date {meeting.date.isoformat()}, but the file is named '{file_name}'.",
            f"Rename the file to {meeting.date.isoformat()}.yaml, or change 'date' to match the file name.",
            pointer=("date",),
        )


def _present_at(meeting: Meeting, i: int) -> tuple:
    """Where the i-th present name is written: under 'attendance' in a file, on the entry in a list."""
    return meeting.source.at(*(("attendance",) if meeting.in_file else ()), "present", i).pointer


def _attendance(committee: Committee, meeting: Meeting, office: dict[str, Member]) -> Iterator[Finding]:
    """Everyone named as present, absent or stood in for is a member in office; nobody is both."""
    day = meeting.date.isoformat()
    named = [(name, _present_at(meeting, i)) for i, name in enumerate(meeting.present)]
    named += [(a.name, a.source.pointer + (("name",) if meeting.in_file else ())) for a in meeting.absences]
    named += [(s.stands_for, s.source.pointer + ("for",)) for s in meeting.substitutes if s.stands_for]
    for name, pointer in named:
        if name not in office:
            yield NOT_IN_OFFICE.finding(
                meeting.path, f"{name} was not a member of {committee.label} in office on {day}.",
                _not_in_office_hint(committee, name), pointer=pointer)
    present = set(meeting.present)
    for absence in meeting.absences:
        if absence.name in present:
            yield PRESENT_AND_ABSENT.finding(
                meeting.path, f"{absence.name} is recorded both present and absent on {day}.",
                "Remove the name from the list that is wrong.", pointer=absence.source.pointer)


def _not_in_office_hint(committee: Committee, name: str) -> str:
    members = [m for m in committee.members if m.name == name]
    if not members:
        return (f"Write the name exactly as in {committee.source.path}, or list a guest under "
                "'attendance.others'.")
    spans = ", ".join(f"{_iso(m.start)} to {_iso(m.end)}" for m in members)
    return f"{name} is a member from {spans}; correct the meeting's date or the member's dates."


def _iso(day) -> str:
    return day.isoformat() if day is not None else "open"


def _completeness(meeting: Meeting, office: dict[str, Member]) -> Iterator[Finding]:
    if not meeting.attendance_recorded or meeting.status == "cancelled":
        return
    listed = set(meeting.present) | set(meeting.absent)
    missing = [name for name in seats(office) if name not in listed]
    if missing:
        yield ATTENDANCE_INCOMPLETE.finding(
            meeting.path,
            f"{len(missing)} member(s) in office are neither present nor absent: {', '.join(missing)}.",
            "Add each to 'attendance.present' or 'attendance.absent' (forfall).",
            pointer=("attendance",), on_key=True)


def _substitutes(repo: Repository, committee: Committee, meeting: Meeting,
                 office: dict[str, Member]) -> Iterator[Finding]:
    absent = set(meeting.absent)
    for sub in meeting.substitutes:
        member = office.get(sub.stands_for or "")
        if member is None:
            continue  # FSU404 says so
        if sub.stands_for not in absent:
            yield SUBSTITUTE_MISMATCH.finding(
                meeting.path, f"{sub.name} stands for {sub.stands_for}, who is not recorded as absent.",
                f"Add {sub.stands_for} to 'attendance.absent', or correct 'for'.", pointer=sub.source.pointer + ("for",))
        own = office[sub.name].organization if sub.name in office else sub.organization
        if own is None:
            yield SUBSTITUTE_MISMATCH.finding(
                meeting.path, f"{sub.name} is not a member of {committee.label}, and no organization is given.",
                "Add 'organization:' with the id (from fsu.yaml) of the organization the substitute represents.",
                pointer=sub.source.pointer)
            continue
        side, theirs = side_of(repo, own), side_of(repo, member.organization)
        if own not in repo.organizations:
            yield SUBSTITUTE_MISMATCH.finding(
                meeting.path, f"{sub.name}'s organization '{own}' is not listed in fsu.yaml.",
                "Use an organization id from fsu.yaml.", pointer=sub.source.pointer + ("organization",))
        elif side and theirs and side != theirs:
            yield SUBSTITUTE_MISMATCH.finding(
                meeting.path, f"{sub.name} ({side}) stands for {sub.stands_for}, who represents the {theirs} side.",
                f"A substitute comes from the same side as the member: find one from the {theirs} side.",
                pointer=sub.source.pointer)


def _decided(repo: Repository, committee: Committee, meeting: Meeting) -> list:
    return [case for case in cases_at(repo, committee.id, meeting.date) if case.decision is not None]


def _decides(case) -> bool:
    """Whether the meeting decides the case, and so needs a quorum for it: not one only taken note of
    (tatt til orientering), nor an information or discussion case without a decision."""
    if case is None:
        return False
    if case.decision is not None and case.decision.outcome is not None:
        return case.decision.outcome != "noted"
    return case.kind == "decision"


def _cancelled(repo: Repository, committee: Committee, meeting: Meeting) -> Iterator[Finding]:
    if meeting.status != "cancelled":
        return
    if meeting.attendance_recorded or meeting.substitutes:
        yield CANCELLED_WITH_RECORD.finding(
            meeting.path, "The meeting was cancelled, but attendance is recorded.",
            "Set 'status: held' if the meeting was held; otherwise remove 'attendance'.",
            pointer=("attendance",), on_key=True)
    decided = _decided(repo, committee, meeting)
    if decided:
        yield CANCELLED_WITH_RECORD.finding(
            meeting.path,
            f"The meeting was cancelled, but cases set to it have decisions: {', '.join(c.ref for c in decided)}.",
            "Set 'status: held' if the meeting was held; otherwise move the cases to the meeting that decided them.",
            pointer=("status",))


def _quorum(repo: Repository, committee: Committee, meeting: Meeting, office: dict[str, Member],
            rules: QuorumRules) -> Iterator[Finding]:
    """One finding for the meeting when too few met at all; else one per item whose recusals break it."""
    if meeting.status != "held" or not meeting.attendance_recorded or not rules.stated or not seats(office):
        return
    items = [item for item in meeting.agenda or () if item.case and _decides(repo.case(item.case))]
    refs = {c.ref for c in _decided(repo, committee, meeting) if _decides(c)} | {item.case for item in items}
    if not refs:
        return
    whole = quorum(repo, meeting, office, frozenset())
    problem = _short_of(whole, rules)
    if problem:
        yield NO_QUORUM.finding(
            meeting.path, f"The meeting was not quorate: {problem}. Cases decided: {', '.join(sorted(refs))}.",
            "Correct the attendance if it is wrong; otherwise set the cases' outcome to postponed.",
            pointer=("attendance",), on_key=True)
        return
    for item in items:
        recused = frozenset(r.name for r in item.recused)
        problem = _short_of(quorum(repo, meeting, office, recused), rules) if recused else None
        if problem:
            yield NO_QUORUM.finding(
                meeting.path, f"Without the recused members, {item.case} was not quorate: {problem}.",
                "Correct the attendance or the recusals; otherwise set the case's outcome to postponed.",
                pointer=item.source.pointer + ("recused",), on_key=True)


def _short_of(counted: Quorum, rules: QuorumRules) -> str | None:
    """What the quorum lacks, in words, or None when it holds."""
    lacks = []
    if not counted.share_met(rules.min_share_present):
        need = ceil(rules.min_share_present * counted.in_office - 1e-9)
        lacks.append(f"{len(counted.counted)} of {counted.in_office} members in office counted present "
                     f"(substitutes for their members), the mandate requires {need}")
    missing = counted.missing_sides(rules.sides_present)
    if missing:
        lacks.append(f"nobody present from the {' or '.join(missing)} side")
    return "; ".join(lacks) or None


def _agenda_cases(repo: Repository, committee: Committee, meeting: Meeting) -> Iterator[Finding]:
    if meeting.agenda is None:
        return
    on_agenda = set()
    for item in meeting.agenda:
        if not item.case:
            continue
        case = repo.case(item.case)
        on_agenda.add(id(case))
        problem = _elsewhere(repo, committee, meeting, item.case, case)
        if problem:
            yield AGENDA_CASE_ELSEWHERE.finding(
                meeting.path, problem, f"Correct the reference, or set the case's meeting to {meeting.date}.",
                pointer=item.source.pointer + ("case",))
    if meeting.status == "cancelled":
        return  # FSU354 already tells each case its meeting was cancelled
    for case in cases_at(repo, committee.id, meeting.date):
        if id(case) not in on_agenda:
            yield CASE_NOT_ON_AGENDA.finding(
                meeting.path, f"The case {case.ref} ('{case.title}') is set to this meeting but is not on its agenda.",
                f"Add '- case: {case.ref}' to the agenda, or move the case to another meeting.",
                pointer=("agenda",), on_key=True)


def _elsewhere(repo: Repository, committee: Committee, meeting: Meeting, ref: str, case) -> str | None:
    if case is None:
        return None if repo.has_case(ref) else f"There is no case {ref}."
    if case.committee != committee.id:
        return f"The case {ref} belongs to the committee '{case.committee}', not {committee.id}."
    if case.meeting != meeting.date:
        at = case.meeting.isoformat() if case.meeting else "no meeting"
        return f"The case {ref} is set to {at}, not to this meeting on {meeting.date}."
    return None


def _slots(meeting: Meeting) -> Iterator[Finding]:
    whole = parse_span(meeting.time)
    timed = [(span, item) for item in meeting.agenda or () if (span := parse_span(item.time))]
    for (start, end), item in timed:
        where = item.source.pointer + ("time",)
        if end is not None and end <= start:
            yield SLOT_CLASH.finding(meeting.path, f"The item's time {item.time} ends before it starts.",
                                     "Write the slot as start-end, e.g. 09:30-10:15.", pointer=where)
        elif whole and (start < whole[0] or (whole[1] is not None and (end or start) > whole[1])):
            yield SLOT_CLASH.finding(meeting.path, f"The item's time {item.time} is outside the meeting's {meeting.time}.",
                                     "Move the slot within the meeting's time, or extend the meeting.", pointer=where)
    full = sorted(((span, item) for span, item in timed if span[1] is not None and span[1] > span[0]),
                  key=lambda pair: pair[0])
    for (before, first), (after, second) in pairwise(full):
        if after[0] < before[1]:
            yield SLOT_CLASH.finding(meeting.path, f"The item's time {second.time} overlaps {first.time}.",
                                     "Give the items slots that follow one another.",
                                     pointer=second.source.pointer + ("time",))


def _minutes_approvals(committee: Committee, meeting: Meeting) -> Iterator[Finding]:
    for item in meeting.agenda or ():
        if item.kind != "approval-of-minutes" or item.meeting is None:
            continue
        earlier = committee.meeting_on(item.meeting)
        day = item.meeting.isoformat()
        if earlier is None:
            problem = f"{committee.label} has no meeting on {day} whose minutes could be approved."
        elif item.meeting >= meeting.date:
            problem = f"The meeting on {day} is not earlier than this one, so its minutes cannot be approved here."
        elif earlier.status != "held":
            problem = f"The meeting on {day} was not held (status {earlier.status}), so it has no minutes."
        else:
            continue
        yield MINUTES_OF_UNKNOWN_MEETING.finding(
            meeting.path, problem, "Write the date of the earlier held meeting whose minutes are approved.",
            pointer=item.source.pointer + ("meeting",))


def _minutes_in_time(repo: Repository, committee: Committee, meeting: Meeting, days: int | None,
                     context: Context) -> Iterator[Finding]:
    if days is None or meeting.status != "held":
        return
    minutes = meeting.minutes
    folder = meeting.path.split("/")[2]
    dates = [d for d in ((minutes.approved_on if minutes else None),
                         approvals_of_minutes(repo).get((folder, meeting.date))) if d is not None]
    if not dates and minutes is not None and minutes.status == "approved":
        return  # approved, on a day not written
    deadline = _days_after(meeting.date, days)
    where = ("minutes",) if minutes is not None else ("date",)
    if dates and min(dates) > deadline:
        yield MINUTES_LATE.finding(
            meeting.path, f"The minutes were approved on {min(dates)}, {(min(dates) - meeting.date).days} days after "
            f"the meeting; the mandate allows {days}.",
            "Approve minutes sooner, by e-mail if the next meeting is far off.", pointer=where, on_key=True)
    elif not dates and context.as_of > deadline:
        yield MINUTES_LATE.finding(
            meeting.path, f"The minutes are not approved, and were due by {deadline} ({days} days after the meeting).",
            "Approve the minutes and record it under 'minutes: {status: approved, approved: {date, by}}'.",
            pointer=where, on_key=True)


def _days_after(day: Date, days: int) -> Date:
    """The day so many days later; the calendar's last day when a mandate's number runs past it."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return Date.max


def _notice(meeting: Meeting, days: int | None) -> Iterator[Finding]:
    sent = meeting.notice_sent
    if days is None or sent is None or (meeting.date - sent).days >= days:
        return
    yield NOTICE_LATE.finding(
        meeting.path, f"The notice was sent on {sent}, {(meeting.date - sent).days} day(s) before the meeting; "
        f"the mandate requires {days}.",
        "Correct 'notice_sent' if it is wrong; otherwise send the notice earlier next time.",
        pointer=("notice_sent",))
