"""Commands that change the data: ``fsu new``, ``fsu member``, ``fsu elect``, ``fsu decide``."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded, parse_as_of

CommitteeArg = Annotated[str, typer.Argument(help="The committee, by id or short name.", show_default=False)]


class CaseKind(str, Enum):
    information = "information"
    discussion = "discussion"
    decision = "decision"


class MeetingStatus(str, Enum):
    planned = "planned"
    held = "held"
    cancelled = "cancelled"


class MemberRole(str, Enum):
    member = "member"
    substitute = "substitute"
    observer = "observer"


class Side(str, Enum):
    hospital = "hospital"
    municipality = "municipality"


class Outcome(str, Enum):
    adopted = "adopted"
    amended = "amended"
    postponed = "postponed"
    returned = "returned"
    rejected = "rejected"
    noted = "noted"


def _apply(root: Path, changes, context, write: bool = True, advice: str = "", expected: tuple[str, ...] = ()
           ) -> None:
    """Check the changes against the whole repository, then write them; print why (and ``advice``) if refused.
    Warnings the command means to add (``expected`` codes, e.g. a new case's skeleton text) are not shown."""
    from fsu_cli.check.findings import Summary
    from fsu_cli.edit.authoring import EditRefused, check_changes, write_changes
    from fsu_cli.errors import ExitCode, Stop
    from fsu_cli.report import reporter

    try:
        warnings = check_changes(root, changes, context)
    except EditRefused as refused:
        print("Nothing was written: the change would add these errors:", file=sys.stderr)
        reporter("text", sys.stderr).report(refused.findings, Summary.of(refused.findings, len(changes)))
        if advice:
            print(advice, file=sys.stderr)
        raise Stop(ExitCode.FINDINGS) from None
    if write:
        write_changes(root, changes)
    warnings = [w for w in warnings if w.code not in expected]
    if warnings:  # they never block a change, but nothing should pass unseen
        print("fsu validate warns about this change:", file=sys.stderr)
        reporter("text", sys.stderr).report(warnings, Summary.of(warnings, len(changes)))


@contextmanager
def _editing(repo: Path | None):
    """The repository's root and its loaded data, held (locked) until the edit is written, so that
    edits made at the same time wait for each other instead of losing each other's changes."""
    from fsu_cli.check.load import load_repository
    from fsu_cli.store.files import repository_lock
    from fsu_cli.store.paths import find_root

    root = find_root(explicit=repo)
    with repository_lock(root):
        yield root, load_repository(root)


def _edit_committee(root: Path, committee, as_of: str | None, change, advice: str = "") -> str:
    """Apply ``change`` to the committee's file (round trip), check the result, write it; returns the path."""
    return edit_file(root, committee.source.path, as_of, change, advice)


def edit_file(root: Path, rel: str, as_of: str | None, change, advice: str = "") -> str:
    """Apply ``change`` to the file ``rel`` (round trip), check the result, write it; returns the path."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.edit.authoring import Change, read_document
    from fsu_cli.store.yamlio import dump_roundtrip

    doc = read_document(root, rel)
    change(doc)
    _apply(root, [Change(rel, dump_roundtrip(doc))], Context(parse_as_of(as_of, root)), advice=advice)
    return rel


def create_file(root: Path, rel: str, text: str, as_of: str | None, advice: str = "") -> str:
    """Check the new file ``rel`` against the whole repository, then create it (never over another)."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.edit.authoring import Change, write_changes
    from fsu_cli.errors import UsageError
    from fsu_cli.store.paths import target_inside

    if target_inside(root, rel).exists():
        raise UsageError(f"{rel} already exists.")
    change = Change(rel, text, new=True)
    _apply(root, [change], Context(parse_as_of(as_of, root)), write=False, advice=advice)
    try:
        write_changes(root, [change])
    except FileExistsError:
        raise UsageError(f"{rel} appeared meanwhile; nothing was replaced.") from None
    return rel


@guarded
def new_case(
    committee: CommitteeArg,
    meeting: Annotated[str, typer.Option("--meeting", metavar="DATE", help="The meeting that will handle the case.",
                                         show_default=False)],
    title: Annotated[str, typer.Option("--title", help="The case's title.", show_default=False)],
    kind: Annotated[CaseKind, typer.Option("--kind", help="information, discussion or decision.")] = CaseKind.decision,
    officer: Annotated[Optional[str], typer.Option("--officer", help="Saksbehandler.", show_default=False)] = None,
    exemption: Annotated[Optional[str], typer.Option(
        "--exemption", metavar="BASIS", help="The legal basis when the case is exempt from public access, e.g. "
                                             "'offl. § 14'; needs --public-title.", show_default=False)] = None,
    public_title: Annotated[Optional[str], typer.Option(
        "--public-title", help="The title the public sees of an exempt case.", show_default=False)] = None,
    reports_for: Annotated[Optional[list[str]], typer.Option(
        "--reports-for", metavar="ID", help="A committee whose report (e.g. annual report) the case handles; "
                                            "may repeat.", show_default=False)] = None,
    evaluates: Annotated[Optional[list[str]], typer.Option(
        "--evaluates", metavar="ID", help="A committee whose evaluation the case presents; may repeat.",
        show_default=False)] = None,
    referred_from: Annotated[Optional[str], typer.Option(
        "--referred-from", metavar="REF", help="The other committee's case that sends this one on, as "
        "committee/year/number; it becomes an attachment, and its decision the recommendation.",
        show_default=False)] = None,
    archive_ref: Annotated[Optional[str], typer.Option(
        "--archive-ref", help="The case's number in the archive (arkivsak), e.g. 26/01187.", show_default=False)] = None,
    paper_date: Annotated[Optional[str], typer.Option(
        "--date", metavar="DATE", help="The case paper's date (Dato). Default: today.", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Create the next case of a committee, for a meeting, with a commented skeleton to fill in."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.domain.records import case_number
    from fsu_cli.edit.authoring import Change, case_rel, case_text, create_exclusively, next_case_number, parse_day
    from fsu_cli.errors import UsageError
    from fsu_cli.store.paths import target_inside

    if (exemption is None) != (public_title is None) or (exemption is not None and not exemption.strip()) or (
            public_title is not None and not public_title.strip()):
        raise UsageError("An exempt case needs both --exemption (the legal basis, e.g. 'offl. § 14') and "
                         "--public-title (the title the public sees).")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        for option, ids in (("--reports-for", reports_for), ("--evaluates", evaluates)):
            for i, named in enumerate(ids or []):
                try:
                    ids[i] = loaded.repo.committee_named(named).id  # type: ignore[index]
                except UsageError as error:
                    raise UsageError(f"{option}: {error}") from None
        extra = {"exemption": {"basis": exemption, "public_title": public_title} if exemption else None,
                 "reports_for": reports_for or None, "evaluates": evaluates or None,
                 "referral": _referral(loaded.repo, target, referred_from) if referred_from else None,
                 "archive_ref": archive_ref.strip() if archive_ref and archive_ref.strip() else None,
                 "paper_date": parse_day(paper_date, "--date") if paper_date else parse_as_of(as_of, root)}
        day = parse_day(meeting, "--meeting")
        if target.meeting_on(day) is None:
            from fsu_cli.edit.meetings import no_meeting

            raise UsageError(no_meeting(target, day).replace("Add it with: fsu meeting new",
                                                             "Add it first: fsu new meeting"))
        number = next_case_number(root, target.id, day.year)
        rel = case_rel(root, target.id, day.year, number)
        text = case_text(target.id, day.year, number, day, title, kind.value, officer, **extra)
        _apply(root, [Change(rel, text, new=True)], Context(parse_as_of(as_of, root)), write=False,
               expected=("FSU358",))  # the skeleton is there to be filled in
        for _ in range(1000):
            try:
                create_exclusively(target_inside(root, rel), text.encode("utf-8"))
                break
            except FileExistsError:  # a file put there meanwhile, by hand or by an older fsu
                number += 1
                rel = case_rel(root, target.id, day.year, number)
                text = case_text(target.id, day.year, number, day, title, kind.value, officer, **extra)
    print(f"{target.label} sak {case_number(target, SimpleNamespace(year=day.year, number=number))}: {rel}")
    return 0


def _referral(repo: Any, target: Any, ref: str) -> dict:
    """The sending case's reference and the attachment that names it; refused for a case that does not exist or
    is the same committee's."""
    from fsu_cli.domain.records import case_label
    from fsu_cli.errors import UsageError

    sender = repo.case(ref)
    if sender is None:
        raise UsageError(f"--referred-from: there is no case {ref} (write it as committee/year/number, e.g. "
                         "fsu-pasientforlop/2026/2).")
    if sender.committee == target.id:
        raise UsageError(f"--referred-from: {ref} is {target.label}'s own case; name the other committee's case "
                         "that sends this one on.")
    title = sender.exemption.public_title if sender.exemption and sender.exemption.public_title else sender.title
    label = case_label(repo.committees.get(sender.committee or ""), sender)
    return {"ref": sender.ref, "attachment": f"{label} {title or ''}".strip()}


@guarded
def new_meeting(
    committee: CommitteeArg,
    date: Annotated[str, typer.Argument(metavar="DATE", help="The meeting date, YYYY-MM-DD.", show_default=False)],
    status: Annotated[Optional[MeetingStatus], typer.Option(
        "--status", help="planned (the default), held or cancelled. On the date of a meeting already recorded, "
                         "sets its status.", show_default=False)] = None,
    location: Annotated[Optional[str], typer.Option("--location", show_default=False)] = None,
    time: Annotated[Optional[str], typer.Option("--time", help="e.g. 09:00-12:00", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Add a meeting to a committee's meeting list, in date order."""
    from fsu_cli.edit.authoring import add_meeting, parse_day

    day = parse_day(date, "The meeting date")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        if target.meeting_on(day) is not None:
            return _update_meeting(root, target, day, status, location, time, as_of)
        rel = _edit_committee(root, target, as_of,
                              lambda doc: add_meeting(doc, day, (status or MeetingStatus.planned).value, location,
                                                      time))
    print(f"Added the meeting on {day.isoformat()} to {rel}.")
    return 0


def _update_meeting(root: Path, committee, day, status, location, time, as_of) -> int:
    """``fsu new meeting`` on the date of a meeting already recorded: set the status, time or place given (as
    ``fsu meeting held`` does); with none of them, refuse."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.edit.meetings import open_meeting, set_fields
    from fsu_cli.errors import UsageError

    if status is None and location is None and time is None:  # the answer tests/test_authoring.py holds
        raise UsageError(f"There is already a meeting on {day.isoformat()}.")
    edit = open_meeting(root, committee, day, as_file=False)
    changed = set_fields(edit.doc, status=status.value if status else None, time=time or None,
                         location=location or None)
    if not changed:
        print(f"The meeting on {day.isoformat()} is already recorded that way in {edit.rel}; nothing to change.")
        return 0
    _apply(root, edit.changes(), Context(parse_as_of(as_of, root)))
    print(f"The meeting on {day.isoformat()} was already recorded; set its {' and '.join(changed)} in {edit.rel}.")
    return 0


class CommitteeKind(str, Enum):
    partnership = "partnership"
    ssu = "ssu"
    fsu = "fsu"
    area = "area"
    working_committee = "working-committee"
    secretariat = "secretariat"
    other = "other"


@guarded
def new_committee(
    committee_id: Annotated[str, typer.Argument(metavar="ID", help="The committee's id, e.g. 'fsu-barn'; also "
                                                "its file name.", show_default=False)],
    name: Annotated[str, typer.Option("--name", help="e.g. 'Faglig samarbeidsutvalg for barn og unge'.",
                                      show_default=False)],
    kind: Annotated[CommitteeKind, typer.Option("--kind", help="partnership, ssu, fsu, area (områdeutvalg), "
                                                "working-committee, secretariat or other.", show_default=False)],
    founded: Annotated[str, typer.Option("--founded", metavar="DATE", show_default=False)],
    short_name: Annotated[Optional[str], typer.Option("--short-name", help="e.g. 'FSU barn'; used in case "
                                                      "numbers.", show_default=False)] = None,
    parent: Annotated[Optional[str], typer.Option("--parent", help="The committee it reports to, e.g. 'ssu'.",
                                                  show_default=False)] = None,
    case_number_format: Annotated[Optional[str], typer.Option(
        "--case-number-format", help="How case numbers show, e.g. '{number:02d}-{year}' (sak 07-2026), "
                                     "'{number}.{yy}' or '{year}.{number:02d}'.", show_default=False)] = None,
    area: Annotated[Optional[str], typer.Option("--area", help="The part of the region an area committee "
                                                "(områdeutvalg) serves.", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Create a committee's file, with empty lists of members, leaders and meetings to fill by command."""
    from fsu_cli.edit.authoring import parse_day
    from fsu_cli.edit.records import check_case_number_format, committee_text, require_id
    from fsu_cli.errors import UsageError

    require_id(committee_id, "The committee id")
    day = parse_day(founded, "--founded")
    if not name.strip():
        raise UsageError("The committee needs a name (--name).")
    if case_number_format is not None:
        check_case_number_format(case_number_format)
    with _editing(repo) as (root, loaded):
        known = loaded.repo.committees
        if committee_id in known:
            raise UsageError(f"There is already a committee '{committee_id}' ({known[committee_id].source.path}).")
        for other in known.values():
            if short_name and (other.short_name or "").casefold() == short_name.casefold():
                raise UsageError(f"The short name '{short_name}' is already {other.id}'s.")
        parent_id = loaded.repo.committee_named(parent).id if parent else None
        rel = create_file(root, f"data/committees/{committee_id}.yaml",
                          committee_text(committee_id, name.strip(), short_name, kind.value, parent_id, day,
                                         case_number_format, area), as_of)
    print(f"Created {short_name or name.strip()}: {rel}")
    print(f"Next: fsu new mandate {committee_id}-{day.year} --committee {committee_id} --title TITLE "
          f"--valid-from {day.isoformat()}")
    return 0


@guarded
def new_mandate(
    mandate_id: Annotated[str, typer.Argument(metavar="ID", help="The mandate's id, e.g. 'fsu-barn-2026'; also its "
                                              "file name.", show_default=False)],
    committee: Annotated[str, typer.Option("--committee", help="The committee, by id or short name.",
                                           show_default=False)],
    title: Annotated[str, typer.Option("--title", help="e.g. 'Mandat for FSU barn og unge'.", show_default=False)],
    valid_from: Annotated[str, typer.Option("--valid-from", metavar="DATE", show_default=False)],
    source: Annotated[Optional[str], typer.Option(
        "--from", metavar="MANDATE", help="Copy the sections and rules of this mandate; a new version of the same "
                                          "committee's mandate supersedes it.", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Create a draft mandate for a committee, empty or copied from another mandate's sections and rules."""
    from fsu_cli.edit.authoring import parse_day, read_document
    from fsu_cli.edit.records import mandate_text, require_id
    from fsu_cli.errors import UsageError

    require_id(mandate_id, "The mandate id")
    day = parse_day(valid_from, "--valid-from")
    if not title.strip():
        raise UsageError("The mandate needs a title (--title).")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        mandates = loaded.repo.mandates
        if mandate_id in mandates:
            raise UsageError(f"There is already a mandate '{mandate_id}' ({mandates[mandate_id].source.path}).")
        copied, supersede = None, False
        if source is not None:
            if source not in mandates:
                raise UsageError(f"There is no mandate '{source}' to copy. Known mandates: "
                                 f"{', '.join(sorted(mandates)) or 'none'}.")
            copied = read_document(root, mandates[source].source.path)
            supersede = mandates[source].committee == target.id and mandates[source].status == "approved"
        rel = create_file(root, f"data/mandates/{mandate_id}.yaml",
                          mandate_text(mandate_id, target.id, title.strip(), day, copied, source, supersede), as_of)
    print(f"Created the draft mandate {mandate_id} for {target.label}"
          + (f", with the sections and rules of {source}" if source else "")
          + (f", superseding it" if supersede else "") + f": {rel}")
    print(f"Approve it with: fsu mandate approve {mandate_id} --by COMMITTEE|partners --date DATE")
    return 0


@guarded
def member_add(
    committee: CommitteeArg,
    name: Annotated[str, typer.Option("--name", show_default=False)],
    organization: Annotated[str, typer.Option("--organization", help="An organization id from fsu.yaml.",
                                              show_default=False)],
    start: Annotated[str, typer.Option("--start", metavar="DATE", show_default=False)],
    title: Annotated[Optional[str], typer.Option("--title", show_default=False)] = None,
    email: Annotated[Optional[str], typer.Option("--email", show_default=False)] = None,
    end: Annotated[Optional[str], typer.Option("--end", metavar="DATE", help="The last day of the appointment, "
                                               "when it is known.", show_default=False)] = None,
    role: Annotated[Optional[MemberRole], typer.Option(
        "--role", help="member (the default), substitute (vararepresentant) or observer (tale- og forslagsrett); "
                       "substitutes and observers hold no seat.", show_default=False)] = None,
    appointed_by: Annotated[Optional[Side], typer.Option(
        "--appointed-by", help="The side that appointed the seat (hospital or municipality), e.g. for a user "
                               "representative appointed by the municipalities.", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Add a member who represents an organization, from a start date."""
    from fsu_cli.edit.authoring import add_member, parse_day
    from fsu_cli.errors import UsageError

    day = parse_day(start, "--start")
    last = parse_day(end, "--end") if end else None
    kind = (role or MemberRole.member).value
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        if organization not in loaded.repo.organizations:
            import difflib

            close = difflib.get_close_matches(organization, list(loaded.repo.organizations), n=1, cutoff=0.75)
            raise UsageError(f"There is no organization '{organization}' in fsu.yaml."
                             + (f" Did you mean '{close[0]}'?" if close else "")
                             + f" Known organizations: {', '.join(loaded.repo.organizations)}. If it is new, add it "
                             f"first: fsu org add {organization} --name NAME --side SIDE")
        rel = _edit_committee(root, target, as_of,
                              lambda doc: add_member(doc, name, organization, day, title, email, last, kind,
                                                     appointed_by.value if appointed_by else None))
    what = "" if kind == "member" else f", {kind}"
    by = f", appointed by the {appointed_by.value} side" if appointed_by else ""
    print(f"Added {name} ({organization}{what}{by}) to {rel}.")
    return 0


@guarded
def member_end(
    committee: CommitteeArg,
    name: Annotated[str, typer.Option("--name", show_default=False)],
    date: Annotated[str, typer.Option("--date", metavar="DATE", help="The last day of the membership.",
                                      show_default=False)],
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """End a membership on a date (the entry is kept, with its end date)."""
    from fsu_cli.edit.authoring import end_member, parse_day

    day = parse_day(date, "--date")
    with _editing(repo) as (root, loaded):
        rel = _edit_committee(root, loaded.repo.committee_named(committee), as_of,
                              lambda doc: end_member(doc, name, day))
    print(f"Ended the membership of {name} in {rel}.")
    return 0


@guarded
def elect(
    committee: CommitteeArg,
    leader: Annotated[str, typer.Option("--leader", show_default=False)],
    start: Annotated[str, typer.Option("--start", metavar="DATE", show_default=False)],
    deputy: Annotated[Optional[str], typer.Option("--deputy", show_default=False)] = None,
    end: Annotated[Optional[str], typer.Option("--end", metavar="DATE",
                                               help="Default: the end of a term of the mandate's length.",
                                               show_default=False)] = None,
    deviation_case: Annotated[Optional[str], typer.Option(
        "--deviation-case", metavar="REF",
        help="A case (committee/year/number) whose adopted or amended decision departs from the mandate: a "
             "deviation for each rule the election breaks is written into it, until the term ends.",
        show_default=False)] = None,
    by_election: Annotated[bool, typer.Option(
        "--by-election", help="A replacement inside the current term (suppleringsvalg): the term and the rotation "
                              "stay as they were; whoever leaves serves until the day before --start.")] = False,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Record a new term's leader and deputy; refused if it breaks the mandate's leadership rules, unless a
    case decides the deviation (--deviation-case)."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.domain.dates import add_years, day_before
    from fsu_cli.domain.mandates import mandate_in_force, rules_of
    from fsu_cli.edit.authoring import add_terms, parse_day
    from fsu_cli.edit.records import by_election as replace_officer
    from fsu_cli.errors import UsageError

    first = parse_day(start, "--start")
    if by_election and end is not None:
        raise UsageError("A by-election ends with the term it fills; leave out --end.")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        deciding = _deciding_case(loaded.repo, deviation_case) if deviation_case is not None else None
        years = rules_of(mandate_in_force(loaded.repo, target.id, first)).leadership.term_years
        last = parse_day(end, "--end") if end else (day_before(add_years(first, years)) if years else None)
        if last is not None and last < first:
            raise UsageError(f"The term cannot end ({last.isoformat()}) before it starts ({first.isoformat()}).")
        replaced: dict[str, str | None] = {}  # by-election: the office and whom its new holder replaces
        if by_election:
            last = _term_end(loaded.repo, target, first)

        def record(doc):
            if not by_election:
                add_terms(doc, leader, deputy, first, last)
                return
            for role, name in (("leader", leader), ("deputy", deputy)):
                if name and not _holds(target, role, name, first):
                    replaced[role] = replace_officer(doc, role, name, first, last)
            if not replaced:
                raise UsageError(f"{leader}" + (f" and {deputy}" if deputy else "") + " already hold these offices "
                                 f"on {first.isoformat()}; nothing to change.")

        if deciding is None:
            rel = _edit_committee(root, target, as_of, record, advice=_DEVIATION_ADVICE)
        else:
            codes = _elect_deciding(root, target.source.path, record, deciding, Context(parse_as_of(as_of, root)),
                                    last)
            rel = target.source.path
    period = f"{first.isoformat()} to {last.isoformat()}" if last else f"from {first.isoformat()}"
    if by_election:
        for role, name in (("leader", leader), ("deputy", deputy)):
            if role in replaced:
                leaving = replaced[role]
                print(f"By-election: {name} is {role}, {period}" + (
                    f"; {leaving} served until {day_before(first).isoformat()}" if leaving else "") + f", in {rel}.")
    else:
        print(f"Recorded leader {leader}" + (f" and deputy {deputy}" if deputy else "") + f", {period}, in {rel}.")
    if deciding is not None:
        label = _case_label(loaded.repo, deciding)
        until = f" until {last.isoformat()}" if last else ""
        print(f"Wrote the deviation for {', '.join(codes)} in {rel}{until} into {label}: {deciding.source.path}."
              if codes else f"The election breaks no rule, so no deviation was written into {label}.")
    return 0


def _term_end(repo, committee, day):
    """The end of the leadership term in office on ``day`` (the one a by-election fills); UsageError if none."""
    from fsu_cli.domain.leadership import leadership_terms, term_in_office
    from fsu_cli.errors import UsageError

    term = term_in_office(leadership_terms(repo, committee), day)
    if term is None:
        raise UsageError(f"{committee.label} has no leadership term in office on {day.isoformat()} for a by-election "
                         "to fill. Record a new term without --by-election.")
    return term.end


def _holds(committee, role: str, name: str, day) -> bool:
    """Whether ``name`` already holds ``role`` on ``day`` (the one of the two officers not replaced)."""
    from fsu_cli.domain.office import in_office

    return any(o.name == name for o in in_office([o for o in committee.leadership if o.role == role], on=day))


_DEVIATION_ADVICE = ("If a case has decided to depart from the mandate here, record the election with "
                     "--deviation-case committee/year/number (that case's decision must be adopted or amended).")


def _deciding_case(repo, ref: str):
    """The case named by --deviation-case, if its decision stands (adopted or amended); else UsageError."""
    from fsu_cli.domain.records import STANDING_OUTCOMES, parse_case_ref
    from fsu_cli.errors import UsageError

    parsed = parse_case_ref(ref)
    if parsed is None:
        raise UsageError(f"--deviation-case must name a case as committee/year/number, e.g. ssu/2026/3 "
                         f"(got '{ref}').")
    case = repo.cases.get(parsed)
    if case is None:
        raise UsageError(f"There is no case {ref}.")
    outcome = case.decision.outcome if case.decision is not None else None
    if outcome not in STANDING_OUTCOMES:
        why = ("it has no decision yet (record it with fsu decide)" if outcome is None
               else f"its decision is '{outcome}'")
        raise UsageError(f"{_case_label(repo, case)} cannot decide a deviation: {why}; only an adopted or amended "
                         "decision can. Nothing was written.")
    return case


def _case_label(repo, case) -> str:
    from fsu_cli.domain.records import case_label

    return case_label(repo.committees.get(case.committee or ""), case)


def _elect_deciding(root: Path, rel: str, record, case, context, until) -> list[str]:
    """Record the election in the committee's file ``rel`` and, into the deciding case, a deviation for each
    rule code it breaks; both are written only if together they add no errors. Returns the codes written."""
    from fsu_cli.check.rules.deviations import refusal
    from fsu_cli.edit.authoring import Change, EditRefused, add_deviations, check_changes, read_document
    from fsu_cli.store.yamlio import dump_roundtrip

    doc = read_document(root, rel)
    record(doc)
    changes = [Change(rel, dump_roundtrip(doc))]
    try:
        check_changes(root, changes, context)
        broken: list[str] = []
    except EditRefused as refused:  # a code no case may accept gets no deviation: the refusal below shows it
        broken = sorted({f.code for f in refused.findings if refusal(f.code) is None})
    codes = []
    if broken:
        case_doc = read_document(root, case.source.path)
        codes = add_deviations(case_doc, broken, rel, until)
        if codes:
            changes.append(Change(case.source.path, dump_roundtrip(case_doc)))
    _apply(root, changes, context)
    return codes


@guarded
def decide(
    ref: Annotated[str, typer.Argument(help="The case, as committee/year/number.", show_default=False)],
    outcome: Annotated[Outcome, typer.Option(
        "--outcome", help="adopted, amended, postponed, returned, rejected, or noted (tatt til orientering, the "
                          "usual end of an information or discussion case).", show_default=False)],
    text: Annotated[Optional[str], typer.Option("--text", help="The decision's wording.", show_default=False)] = None,
    text_file: Annotated[Optional[Path], typer.Option("--text-file", help="Read the wording from a file.",
                                                      show_default=False)] = None,
    date: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="Default: the meeting date.",
                                                show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a decision already recorded.")] = False,
    follow_up: Annotated[Optional[list[str]], typer.Option(
        "--follow-up", metavar="'WHAT; WHO; DUE'", help="What the decision asks to be done, who is responsible "
        "and the due date (YYYY-MM-DD), separated by ';': 'what; who; due', 'what; due', 'what; who' or 'what'; "
        "may repeat. With --force, added to the follow-up already recorded.",
        show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Record the decision (vedtak) in a case after its meeting."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.domain.records import parse_case_ref
    from fsu_cli.edit.authoring import Change, parse_day, parse_follow_up, read_document, set_decision
    from fsu_cli.errors import UsageError
    from fsu_cli.store.yamlio import dump_roundtrip

    items = [parse_follow_up(item) for item in follow_up or []]
    if text is not None and text_file is not None:
        raise UsageError("Give the decision's wording with --text or --text-file, not both.")
    if text_file is not None:
        try:
            text = text_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"Cannot read {text_file}: {error}.") from None
    with _editing(repo) as (root, loaded):
        parsed = parse_case_ref(ref)
        case = loaded.repo.cases.get(parsed) if parsed else None
        if case is None:
            raise UsageError(f"There is no case {ref}.")
        day = parse_day(date, "--date") if date else case.meeting
        if day is None:
            raise UsageError("The case has no meeting date; give the decision's date with --date.")
        rel = case.source.path
        doc = read_document(root, rel)
        set_decision(doc, day, outcome.value, text, replace=force, follow_up=items)
        _apply(root, [Change(rel, dump_roundtrip(doc))], Context(parse_as_of(as_of, root)))
    added = f", with {len(items)} follow-up item(s)" if items else ""
    print(f"Recorded the decision ({outcome.value}, {day.isoformat()}){added} in {rel}.")
    return 0


class FollowUpStatus(str, Enum):
    open = "open"
    in_progress = "in-progress"
    done = "done"
    dropped = "dropped"


@guarded
def followup_update(
    ref: Annotated[str, typer.Argument(help="The case, as committee/year/number.", show_default=False)],
    item: Annotated[int, typer.Argument(help="The follow-up item's number, as fsu followup shows it (#1, #2, ...).",
                                        show_default=False, min=1)],
    status: Annotated[Optional[FollowUpStatus], typer.Option(
        "--status", help="open, in-progress, done or dropped.", show_default=False)] = None,
    date: Annotated[Optional[str], typer.Option(
        "--date", metavar="DATE", help="When it was done or dropped (needed for those).", show_default=False)] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="A note on how it is going.", show_default=False)] = None,
    due: Annotated[Optional[str], typer.Option("--due", metavar="DATE", help="A new due date.",
                                               show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Record how far a decision's follow-up item has come: its status, the date it was done, a note, a new due
    date."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.domain.records import parse_case_ref
    from fsu_cli.edit.authoring import Change, parse_day, read_document, update_follow_up
    from fsu_cli.errors import UsageError
    from fsu_cli.store.yamlio import dump_roundtrip

    if status is None and note is None and due is None:
        raise UsageError("Say what to record: --status (with --date for done or dropped), --note or --due.")
    with _editing(repo) as (root, loaded):
        parsed = parse_case_ref(ref)
        case = loaded.repo.cases.get(parsed) if parsed else None
        if case is None:
            raise UsageError(f"There is no case {ref}.")
        rel = case.source.path
        doc = read_document(root, rel)
        what = update_follow_up(doc, item, status.value if status else None,
                                parse_day(date, "--date") if date else None, note,
                                parse_day(due, "--due") if due else None)
        _apply(root, [Change(rel, dump_roundtrip(doc))], Context(parse_as_of(as_of, root)))
    print(f"Updated follow-up #{item} of {case.ref} ('{what}') in {rel}.")
    return 0


@guarded
def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A new or empty folder.", show_default=False)],
    name: Annotated[Optional[str], typer.Option("--name", help="The health community's name, e.g. "
                                                               "'Helsefellesskapet i Vestfold'.",
                                                show_default=False)] = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Start a new governance repository: fsu.yaml, data folders, an example committee, hooks and CI."""
    from fsu_cli.edit.init import create
    from fsu_cli.errors import UsageError

    if name is None:
        if not sys.stdin.isatty():
            raise UsageError("Give the health community's name with --name.")
        name = typer.prompt("The health community's name (e.g. Helsefellesskapet i Vestfold)").strip()
    if not name:
        raise UsageError("The health community needs a name.")
    written = create(folder, name, parse_as_of(as_of))
    print(f"Created a governance repository for {name} in {folder}:")
    for rel in written:
        print(f"  {rel}")
    print("Next: edit fsu.yaml and data/committees/ssu.yaml, then run 'fsu validate' there.")
    return 0
