"""FSU2xx: checks across files that need no mandate rules.

Names match their files, every reference resolves, ids and case numbers are
unique, and periods run forwards.
"""

from __future__ import annotations

import difflib
from typing import Iterable, Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, Finding
from fsu_cli.domain.records import PARTNERS, Case, Repository, Source, parse_case_ref

ID_MISMATCH = define(
    "FSU201",
    "id-differs-from-file-name",
    ERROR,
    "The id differs from the file name.",
    """
A committee or mandate is found by its file name, so "id" must equal the file
name without ".yaml". Otherwise references to it would point at nothing.

Example: data/committees/fsu-eldre.yaml with "id: fsu-eldrehelse".

Fix: rename the file or change the id so that the two are the same (and update
any references to the old id).
""",
)

CASE_PATH_MISMATCH = define(
    "FSU202",
    "case-differs-from-path",
    ERROR,
    "A case's committee, year or number differs from its place in data/cases/.",
    """
A case lives at data/cases/<committee>/<year>/<number>.yaml, and its
"committee", "year" and "number" must say the same. The path is what makes
case numbers easy to find and impossible to reuse by mistake.

Example: data/cases/ssu/2024/07.yaml with "number: 8".

Fix: move the file to the path its fields give, or correct the fields.
""",
)

UNKNOWN_ORGANIZATION = define(
    "FSU203",
    "unknown-organization",
    ERROR,
    "A member's organization is not listed in fsu.yaml.",
    """
Each member represents one organization, given by its id from "organizations"
in fsu.yaml. The organization decides the member's side (hospital,
municipality, user, gp ...), so an unknown id leaves the member without a side.

Example: "organization: hortne" when fsu.yaml lists "horten".

Fix: correct the id, or add the organization to fsu.yaml.
""",
)

UNKNOWN_COMMITTEE = define(
    "FSU204",
    "unknown-committee",
    ERROR,
    "A reference to a committee that does not exist.",
    """
Committees are referred to by id: a committee's "parent", a mandate's
"committee", "approved.by" and "rules.reporting.to", and a case's "committee".
Each must be the id of a file in data/committees/. One exception:
"approved: {by: partners, ...}" names no committee, but the partners' own
boards and councils, for a mandate adopted in the cooperation agreement.

Example: "approved: {by: sssu, ...}".

Fix: correct the id, or add the committee.
""",
)

UNKNOWN_CASE = define(
    "FSU205",
    "unknown-case",
    ERROR,
    "A reference to a case that does not exist.",
    """
Cases are referred to as committee/year/number, for example "ssu/2024/45", from
a mandate's "approved.case", an attachment's "case" and a case's
"referred_from". The case file
data/cases/ssu/2024/45.yaml must exist.

Example: "case: ssu/2024/45" in a mandate's approval, when data/cases/ssu/2024/
has no file for case 45.

Fix: correct the reference, or add the missing case.
""",
)

UNKNOWN_MANDATE = define(
    "FSU206",
    "unknown-mandate",
    ERROR,
    "A mandate replaces ('supersedes') a mandate that does not exist.",
    """
"supersedes" lists the ids of the mandates that a new mandate replaces. Each
must be the id of a file in data/mandates/, and a mandate cannot replace itself.

Example: "supersedes: [fsu-barn-unge-2023]" when the earlier mandate's id is
fsu-barn-unge-2024.

Fix: correct the id, or add the earlier mandate so that the history is complete.
""",
)

UNKNOWN_MEETING = define(
    "FSU207",
    "unknown-meeting",
    ERROR,
    "A case is set to a meeting that is not in its committee's meeting list or meeting files.",
    """
A case's "meeting" is the date of the meeting that handles it, and that meeting
must be listed under "meetings" in the committee's file, or have a meeting file
data/meetings/<committee>/<date>.yaml. This keeps agendas,
minutes and meeting counts in step.

Example: "meeting: 2025-03-13" when the committee lists 2025-03-12.

Fix: correct the date, or add the meeting to the committee.
""",
)

DUPLICATE_ID = define(
    "FSU208",
    "duplicate-id",
    ERROR,
    "Two records of the same kind share an id.",
    """
Organization, committee and mandate ids must be unique, or references to them
would be ambiguous.

Example: two organizations in fsu.yaml with "id: bjorkli", or a committee file
whose id repeats another committee's.

Fix: give one of them another id (and update references to it).
""",
)

DUPLICATE_CASE = define(
    "FSU209",
    "duplicate-case-number",
    ERROR,
    "Two cases share a committee, year and number.",
    """
A case number is unique within its committee and year. Two files with the same
number (for example 7.yaml and 07.yaml, or two branches that both took the next
free number) must be renumbered.

Example: data/cases/ssu/2025/7.yaml and data/cases/ssu/2025/07.yaml, both
number 7 in 2025.

Fix: give one of the cases the next free number and move its file.
""",
)

PERIOD_BACKWARDS = define(
    "FSU210",
    "period-ends-before-start",
    ERROR,
    "A period ends before it starts.",
    """
Memberships, offices, committees and mandates run from a start date to an end
date. The end may not come before the start.

Example: a member with start_date 2025-01-01 and end_date 2024-12-31.

Fix: correct whichever date is wrong.
""",
)

DUPLICATE_MEETING = define(
    "FSU211",
    "duplicate-meeting",
    ERROR,
    "A committee lists two meetings on the same date.",
    """
Cases refer to meetings by date, so a committee can have only one meeting a
day. A meeting that was moved should have its date changed, not be listed
twice.

Example:
    meetings:
      - {date: 2025-05-22, status: held}
      - {date: 2025-05-22, status: planned}

Fix: remove or correct one of the two entries.
""",
)

PARENT_LOOP = define(
    "FSU212",
    "parent-loop",
    ERROR,
    "Committees report to each other in a loop.",
    """
"parent" names the committee a committee reports to. Following the parents must
end at a committee with no parent (usually the partnership meeting or SSU).

Example: FSU reports to SSU and SSU reports to FSU.

Fix: correct the "parent" of one of the committees.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    yield from _file_names(repo)
    yield from _unique_ids(repo)
    yield from _committees(repo)
    yield from _mandates(repo)
    yield from _cases(repo)


# --- names and uniqueness ---------------------------------------------------------


def _file_names(repo: Repository) -> Iterator[Finding]:
    for record in (*repo.all_committees, *repo.all_mandates):
        path = record.source.path
        stem = path.rsplit("/", 1)[-1][: -len(".yaml")]
        if record.id and record.id != stem:
            yield ID_MISMATCH.finding(
                path,
                f"The id '{record.id}' differs from the file name '{stem}.yaml'.",
                f"Rename the file to '{record.id}.yaml', or change the id to '{stem}'.",
                pointer=("id",),
            )
    for case in repo.all_cases:
        yield from _case_path(case)


def _case_path(case: Case) -> Iterator[Finding]:
    path = case.source.path
    _, _, folder, year_folder, file_name = path.split("/")
    stem = file_name[: -len(".yaml")]
    expected = f"data/cases/{case.committee}/{case.year}/{case.number}.yaml"
    if case.committee and case.committee != folder:
        yield CASE_PATH_MISMATCH.finding(
            path,
            f"The case says committee '{case.committee}', but it is in the folder '{folder}'.",
            f"Move the file to {expected}, or change 'committee' to '{folder}'.",
            pointer=("committee",),
        )
    if case.year is not None and str(case.year) != year_folder:
        yield CASE_PATH_MISMATCH.finding(
            path,
            f"The case says year {case.year}, but it is in the year folder '{year_folder}'.",
            f"Move the file to {expected}, or change 'year' to {year_folder}.",
            pointer=("year",),
        )
    if not stem.isdigit():
        yield CASE_PATH_MISMATCH.finding(
            path,
            f"The file name '{file_name}' is not a case number.",
            "Name case files by their number, e.g. 7.yaml or 07.yaml.",
            line=1,
            column=1,
        )
    elif case.number is not None and int(stem) != case.number:
        yield CASE_PATH_MISMATCH.finding(
            path,
            f"The case says number {case.number}, but the file is named '{file_name}'.",
            f"Rename the file to {case.number:02d}.yaml, or change 'number' to {int(stem)}.",
            pointer=("number",),
        )


def _unique_ids(repo: Repository) -> Iterator[Finding]:
    groups: Iterable[tuple[str, list]] = (
        ("organization", repo.all_organizations),
        ("committee", repo.all_committees),
        ("mandate", repo.all_mandates),
    )
    for kind, records in groups:
        first: dict[str, Source] = {}
        for record in records:
            if not record.id:
                continue
            if record.id in first:
                where = "above" if first[record.id].path == record.source.path else f"in {first[record.id].path}"
                yield DUPLICATE_ID.finding(
                    record.source.path,
                    f"The {kind} id '{record.id}' is already used {where}.",
                    f"Give this {kind} another id.",
                    pointer=record.source.pointer + ("id",),
                )
            else:
                first[record.id] = record.source
    seen: dict[tuple, Case] = {}
    for case in repo.all_cases:
        if case.committee is None or case.year is None or case.number is None:
            continue
        key = (case.committee, case.year, case.number)
        if key in seen:
            yield DUPLICATE_CASE.finding(
                case.source.path,
                f"Case number {case.number} of {case.year} in '{case.committee}' is already used by "
                f"{seen[key].source.path}.",
                "Give this case the next free number, and rename its file to match.",
                pointer=("number",),
            )
        else:
            seen[key] = case


# --- references -----------------------------------------------------------------


def _committees(repo: Repository) -> Iterator[Finding]:
    for committee in repo.all_committees:
        path = committee.source.path
        if committee.parent and not repo.has_committee(committee.parent):
            yield _unknown_committee(repo, path, ("parent",), committee.parent, "reports to (parent)")
        yield from _backwards(path, committee.founded, committee.dissolved, ("dissolved",), "The committee is dissolved before it was founded")
        for member in committee.members:
            pointer = member.source.pointer
            if member.organization and member.organization not in repo.organizations:
                yield UNKNOWN_ORGANIZATION.finding(
                    path,
                    f"{member.name or 'This member'} represents the organization '{member.organization}', "
                    "which is not listed in fsu.yaml.",
                    _choices_hint(member.organization, repo.organizations, "organization ids in fsu.yaml",
                                  "or add the organization to fsu.yaml"),
                    pointer=pointer + ("organization",),
                )
            yield from _backwards(path, member.start, member.end, pointer + ("end_date",),
                                  f"The membership of {member.name or 'this member'} ends before it starts")
        for office in committee.leadership:
            yield from _backwards(path, office.start, office.end, office.source.pointer + ("end_date",),
                                  f"The term of {office.name or 'this office holder'} ends before it starts")
        seen: set = set()
        for meeting in committee.meetings:
            if meeting.date is None or meeting.in_file:  # a file's date is its name: see meeting_records
                continue
            if meeting.date in seen:
                yield DUPLICATE_MEETING.finding(
                    path,
                    f"The meeting on {meeting.date.isoformat()} is listed twice.",
                    "Remove the repeated entry; if the meeting was moved, change its date instead.",
                    pointer=meeting.source.pointer + ("date",),
                )
            seen.add(meeting.date)
    yield from _parent_loops(repo)


def _parent_loops(repo: Repository) -> Iterator[Finding]:
    reported: set[str] = set()
    for start in repo.committees.values():
        chain, current = [], start
        while current is not None and current.id not in chain:
            chain.append(current.id)
            current = repo.committees.get(current.parent) if current.parent else None
        if current is not None and current.id == start.id and start.id not in reported:
            reported.update(chain)
            loop = " → ".join(chain + [start.id])
            yield PARENT_LOOP.finding(
                start.source.path,
                f"The committees report to each other in a loop: {loop}.",
                "Correct the 'parent' of one of them so that the chain ends at the top committee.",
                pointer=("parent",),
            )


def _mandates(repo: Repository) -> Iterator[Finding]:
    for mandate in repo.all_mandates:
        path = mandate.source.path
        if mandate.committee and not repo.has_committee(mandate.committee):
            yield _unknown_committee(repo, path, ("committee",), mandate.committee, "the mandate is for")
        approval = mandate.approved
        if approval is not None:
            if approval.by and approval.by != PARTNERS and not repo.has_committee(approval.by):
                yield _unknown_committee(repo, path, ("approved", "by"), approval.by, "approved the mandate")
            if approval.case and parse_case_ref(approval.case) and not repo.has_case(approval.case):
                yield _unknown_case(repo, path, ("approved", "case"), approval.case)
        to = mandate.rules.reporting.to
        if to is not None and not repo.has_committee(to):
            yield _unknown_committee(repo, path, ("rules", "reporting", "to"), to, "receives the reports")
        for superseded, source in mandate.supersedes:
            if superseded == mandate.id:
                yield UNKNOWN_MANDATE.finding(
                    path, f"The mandate '{mandate.id}' says it replaces itself.",
                    "Remove its own id from 'supersedes'.", pointer=source.pointer)
            elif not repo.has_mandate(superseded):
                yield UNKNOWN_MANDATE.finding(
                    path,
                    f"The mandate replaces '{superseded}', but there is no mandate with that id.",
                    _choices_hint(superseded, repo.mandates, "mandate ids", "or add the earlier mandate"),
                    pointer=source.pointer,
                )
        yield from _backwards(path, mandate.valid_from, mandate.valid_until, ("valid_until",),
                              "The mandate is valid until a date before it comes into force")


def _cases(repo: Repository) -> Iterator[Finding]:
    for case in repo.all_cases:
        path = case.source.path
        committee = repo.committees.get(case.committee) if case.committee else None
        if case.committee and not repo.has_committee(case.committee):
            yield _unknown_committee(repo, path, ("committee",), case.committee, "handles the case")
        for named, role in ((case.reports_for, "the report is from"), (case.evaluates, "the evaluation is of")):
            for committee_id, source in named:
                if not repo.has_committee(committee_id):
                    yield _unknown_committee(repo, path, source.pointer, committee_id, role)
        if (committee is not None and case.meeting is not None and committee.meeting_on(case.meeting) is None
                and not repo.has_meeting_file(committee.id, case.meeting)):
            dates = ", ".join(m.date.isoformat() for m in committee.meetings if m.date and m.date.year == case.meeting.year)
            yield UNKNOWN_MEETING.finding(
                path,
                f"{committee.label} has no meeting on {case.meeting.isoformat()}.",
                (f"Its meetings in {case.meeting.year}: {dates}. " if dates else "")
                + f"Correct the date, or add the meeting to data/committees/{committee.id}.yaml "
                f"(fsu new meeting {committee.id} {case.meeting.isoformat()}).",
                pointer=("meeting",),
            )
        if case.referred_from and parse_case_ref(case.referred_from) and not repo.has_case(case.referred_from):
            yield _unknown_case(repo, path, ("referred_from",), case.referred_from)
        for attachment in case.attachments:
            ref = attachment.case
            if ref and parse_case_ref(ref) and not repo.has_case(ref):
                yield _unknown_case(repo, path, attachment.source.pointer + ("case",), ref)


def _unknown_committee(repo: Repository, path: str, pointer: tuple, committee_id: str, role: str) -> Finding:
    return UNKNOWN_COMMITTEE.finding(
        path,
        f"There is no committee '{committee_id}' (the committee that {role}).",
        _choices_hint(committee_id, repo.committees, "committee ids", "or add data/committees/"
                      f"{committee_id}.yaml"),
        pointer=pointer,
    )


def _unknown_case(repo: Repository, path: str, pointer: tuple, ref: str) -> Finding:
    committee, year, number = parse_case_ref(ref)  # type: ignore[misc]
    return UNKNOWN_CASE.finding(
        path,
        f"The case {ref} does not exist (there is no case file for number {number} in data/cases/{committee}/{year}/).",
        "Correct the reference (committee/year/number), or add the missing case.",
        pointer=pointer,
    )


def _backwards(path: str, start, end, pointer: tuple, what: str) -> Iterator[Finding]:
    if start is not None and end is not None and end < start:
        yield PERIOD_BACKWARDS.finding(
            path,
            f"{what}: {end.isoformat()} is before {start.isoformat()}.",
            "Correct whichever of the two dates is wrong.",
            pointer=pointer,
        )


def _closest(wrong: str, known: list[str]) -> str | None:
    """The id most likely meant: one that holds the other (an id renamed 'nordvik' → 'nordvik-kommune'),
    else a close spelling. A suggestion that is only somewhat alike is worse than none: following it
    would move a member to the wrong organization without a word."""
    containing = [k for k in known if wrong and (wrong in k or k in wrong)]
    if len(containing) == 1:
        return containing[0]
    close = difflib.get_close_matches(wrong, known, n=2, cutoff=0.8)
    if len(close) == 1 or (close and difflib.SequenceMatcher(None, wrong, close[0]).ratio() >= 0.9):
        return close[0]
    return None


def _choices_hint(wrong: str, known: dict, what: str, otherwise: str) -> str:
    close = _closest(wrong, list(known))
    names = sorted(known)
    shown = ", ".join(names[:25]) + (", ..." if len(names) > 25 else "")
    start = f"Did you mean '{close}'? " if close else ""
    return f"{start}Known {what}: {shown}; {otherwise}." if names else f"{start}None are defined yet; {otherwise}."
