"""``fsu meeting``: record one meeting: its file, status, notice, attendance, agenda and the approval of its minutes.

Each command checks the change against the whole repository before it writes, keeps comments,
and writes atomically; bad input is refused with one sentence and nothing is written.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from fsu_cli.cli.edit import CommitteeArg, MeetingStatus, _editing
from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded, parse_as_of

DateArg = Annotated[str, typer.Argument(metavar="DATE", help="The meeting date, YYYY-MM-DD.", show_default=False)]


class Form(str, Enum):
    physical = "physical"
    digital = "digital"
    hybrid = "hybrid"
    written = "written"


class ApprovedBy(str, Enum):
    meeting = "meeting"
    email = "email"
    signatures = "signatures"


def _write(root, edit, as_of: str | None) -> None:
    _write_changes(root, edit.changes(), as_of)


def _write_changes(root, changes, as_of: str | None) -> None:
    """Refused if the changes add errors; else written, with the warnings they add shown."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.cli.edit import _apply

    _apply(root, changes, Context(parse_as_of(as_of, root)))


def _moved(edit) -> list[str]:
    if not edit.converted:
        return []
    return [f"Moved the meeting on {edit.day.isoformat()} out of {edit.committee.source.path} into {edit.rel}."]


@guarded
def new(
    committee: CommitteeArg,
    date: DateArg,
    time: Annotated[Optional[str], typer.Option("--time", help="e.g. 09:00-12:00", show_default=False)] = None,
    location: Annotated[Optional[str], typer.Option("--location", show_default=False)] = None,
    video: Annotated[Optional[str], typer.Option("--video", metavar="URL", help="A link for a digital or hybrid "
                                                 "meeting.", show_default=False)] = None,
    form: Annotated[Optional[Form], typer.Option("--form", help="physical, digital, hybrid or written.",
                                                 show_default=False)] = None,
    status: Annotated[Optional[MeetingStatus], typer.Option("--status", help="Default: planned (or, for a meeting "
                                                            "in the list, the status it has).",
                                                            show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Create a meeting's file, or move a meeting from the committee's list into one.

    The file is data/meetings/COMMITTEE/DATE.yaml; a meeting in the list keeps its status, time and place."""
    from fsu_cli.edit.authoring import parse_day
    from fsu_cli.edit.meetings import create_meeting, open_meeting, set_fields
    from fsu_cli.errors import UsageError

    day = parse_day(date, "The meeting date")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        existing = target.meeting_on(day)
        if existing is not None and existing.in_file:
            raise UsageError(f"{target.label}'s meeting on {day.isoformat()} already has its file: "
                             f"{existing.source.path}.")
        edit = (open_meeting(root, target, day, as_file=True) if existing is not None
                else create_meeting(root, target, day, (status or MeetingStatus.planned).value))
        set_fields(edit.doc, status=status.value if status else None, time=time or None, location=location or None,
                   video=video or None, form=form.value if form else None)
        _write(root, edit, as_of)
    print("\n".join(_moved(edit)) or f"Created {edit.rel}.")
    return 0


def _set_status(committee: str, date: str, status: str, repo, as_of) -> int:
    from fsu_cli.edit.authoring import parse_day
    from fsu_cli.edit.meetings import open_meeting, set_fields

    day = parse_day(date, "The meeting date")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        edit = open_meeting(root, target, day, as_file=False)
        if not set_fields(edit.doc, status=status):
            print(f"The meeting on {day.isoformat()} is already {status} ({edit.rel}); nothing to change.")
            return 0
        _write(root, edit, as_of)
    print(f"Marked the meeting on {day.isoformat()} {status} in {edit.rel}.")
    return 0


@guarded
def held(committee: CommitteeArg, date: DateArg, repo: RepoOption = None, as_of: AsOfOption = None,
         debug: DebugOption = False) -> int:
    """Mark a meeting held, in its file or in the committee's list."""
    return _set_status(committee, date, "held", repo, as_of)


@guarded
def cancel(committee: CommitteeArg, date: DateArg, repo: RepoOption = None, as_of: AsOfOption = None,
           debug: DebugOption = False) -> int:
    """Mark a meeting cancelled (avlyst), in its file or in the committee's list."""
    return _set_status(committee, date, "cancelled", repo, as_of)


@guarded
def notice(
    committee: CommitteeArg,
    date: DateArg,
    sent: Annotated[Optional[str], typer.Option("--sent", metavar="DATE", help="When the notice went out. Default: "
                                                "today (or --as-of).", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Record the day the notice (innkalling) of a meeting was sent."""
    from fsu_cli.edit.authoring import parse_day
    from fsu_cli.edit.meetings import open_meeting, set_fields
    from fsu_cli.errors import UsageError

    day = parse_day(date, "The meeting date")
    with _editing(repo) as (root, loaded):
        when = parse_day(sent, "--sent") if sent else parse_as_of(as_of, root)
        if when > day:
            raise UsageError(f"The notice cannot be sent ({when.isoformat()}) after the meeting ({day.isoformat()}).")
        target = loaded.repo.committee_named(committee)
        edit = open_meeting(root, target, day, as_file=True)
        set_fields(edit.doc, notice_sent=when)
        _write(root, edit, as_of)
    print("\n".join(_moved(edit) + [f"Recorded the notice as sent {when.isoformat()} in {edit.rel}."]))
    return 0


@guarded
def attend(
    committee: CommitteeArg,
    date: DateArg,
    present: Annotated[Optional[list[str]], typer.Option("--present", metavar="NAME", help="A member who was "
                                                         "present (repeat the option).", show_default=False)] = None,
    absent: Annotated[Optional[list[str]], typer.Option("--absent", metavar="NAME", help="A member with apologies "
                                                        "(forfall) (repeat the option).", show_default=False)] = None,
    reason: Annotated[Optional[list[str]], typer.Option("--reason", metavar="TEXT", help="Why, for the --absent in "
                                                        "the same place (the first --reason goes with the first "
                                                        "--absent).", show_default=False)] = None,
    substitute: Annotated[Optional[list[str]], typer.Option(
        "--substitute", metavar='"NAME for MEMBER"',
        help="A substitute (vararepresentant) who met for an absent member; the member is recorded absent. Someone "
             "not in the member list meets for the member's organization.", show_default=False)] = None,
    chair: Annotated[Optional[str], typer.Option("--chair", metavar="NAME", help="Who chaired the meeting "
                                                 "(møteleder), when not the committee's leader.",
                                                 show_default=False)] = None,
    minute_taker: Annotated[Optional[str], typer.Option("--minute-taker", metavar="NAME", help="Who took the "
                                                        "minutes (referent).", show_default=False)] = None,
    other: Annotated[Optional[list[str]], typer.Option(
        "--other", metavar='"NAME[, ORGANIZATION[, ROLE]]"',
        help="Someone else present (møtte også): the secretariat, a presenter, an observer (repeat the option), "
             'e.g. "Hilde Fossum, sekretariatet, referent".', show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Record who was present, who sent apologies, and which substitutes met for whom."""
    from fsu_cli.edit.authoring import parse_day
    from fsu_cli.edit.meetings import (
        checked_name,
        find_meeting,
        open_meeting,
        parse_other,
        parse_substitute,
        record_attendance,
        record_others,
        set_fields,
    )
    from fsu_cli.errors import UsageError

    present, absent, reason, substitute = present or [], absent or [], reason or [], substitute or []
    others = [parse_other(text) for text in other or []]
    if not (present or absent or substitute or chair or minute_taker or others):
        raise UsageError("Name at least one person with --present, --absent, --substitute, --chair, --minute-taker "
                         "or --other.")
    if len(reason) > len(absent):
        raise UsageError("Each --reason goes with an --absent; there are more reasons than absent members.")
    day = parse_day(date, "The meeting date")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        meeting = find_meeting(target, day, root)
        if meeting.status == "cancelled":
            raise UsageError(f"The meeting on {day.isoformat()} is cancelled, so it has no attendance. If it was "
                             f"held after all: fsu meeting held {target.id} {day.isoformat()}")
        chosen_chair = checked_name(chair, target, day, "--chair") if chair else None
        here = [checked_name(n, target, day, "--present") for n in present]
        away = [(checked_name(n, target, day, "--absent"), reason[i] if i < len(reason) else None)
                for i, n in enumerate(absent)]
        both = sorted(set(here) & {n for n, _ in away})
        if both:
            raise UsageError(f"{', '.join(both)} cannot be both present and absent.")
        stands_in = []
        for text in substitute:
            name, instead = parse_substitute(text)
            instead = checked_name(instead, target, day, "The member a substitute meets for,")
            if name.casefold() == instead.casefold():
                raise UsageError(f"{instead} cannot be their own substitute; write \"SUBSTITUTE for {instead}\".")
            if instead in here:
                raise UsageError(f"{instead} is given as present, so no substitute can meet for them.")
            member = next((m for m in target.members if m.name and m.name.casefold() == name.casefold()), None)
            organization = None
            if member is None:
                organization = next((m.organization for m in target.members if m.name == instead), None)
            stands_in.append((member.name if member else name, organization, instead))
            if instead not in [n for n, _ in away]:  # a substitute meets for a member with apologies
                away.append((instead, None))
        edit = open_meeting(root, target, day, as_file=True)
        record_attendance(edit.doc, here, away, stands_in)
        record_others(edit.doc, others)
        set_fields(edit.doc, chair=chosen_chair, minute_taker=minute_taker.strip() if minute_taker else None)
        _write(root, edit, as_of)
    moved = [f"Moved {name} from absent to present." for name in here if name in meeting.absent] + \
            [f"Moved {name} from present to absent." for name, _ in away if name in meeting.present]
    recorded = edit.doc.get("attendance") or {}
    counts = (f"{len(recorded.get('present') or [])} present, {len(recorded.get('absent') or [])} absent, "
              f"{len(recorded.get('substitutes') or [])} substitute(s), {len(recorded.get('others') or [])} other(s)")
    print("\n".join(_moved(edit) + moved + [f"Recorded the attendance in {edit.rel}: now {counts}."]))
    return 0


@guarded
def agenda(
    committee: CommitteeArg,
    date: DateArg,
    standard: Annotated[bool, typer.Option("--standard", help="Put in what is missing of: approval of the notice "
                                           "and agenda, approval of the previous held meeting's minutes (unless "
                                           "already approved otherwise), the "
                                           "meeting's cases, any other business.")] = False,
    add_case: Annotated[Optional[str], typer.Option("--add-case", metavar="REF", help="A case of this meeting, "
                                                    "committee/year/number.", show_default=False)] = None,
    add_information: Annotated[Optional[str], typer.Option("--add-information", metavar="TITLE",
                                                           help="An information item (orientering) without a "
                                                                "case.", show_default=False)] = None,
    presenter: Annotated[Optional[str], typer.Option("--presenter", metavar="NAME", help="Who presents the case or "
                                                     "information item.", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Write a meeting's agenda: the standard items, a case, or an information item (orientering)."""
    from fsu_cli.edit import meetings as m
    from fsu_cli.edit.authoring import parse_day
    from fsu_cli.errors import UsageError

    if sum((standard, add_case is not None, add_information is not None)) != 1:
        raise UsageError("Give one of --standard, --add-case REF or --add-information TITLE.")
    if presenter is not None and standard:
        raise UsageError("--presenter goes with --add-case or --add-information.")
    day = parse_day(date, "The meeting date")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        m.find_meeting(target, day, root)
        if standard:
            previous = m.minutes_to_approve(target, day)
            edit = m.open_meeting(root, target, day, as_file=True)
            added = m.standard_agenda(edit.doc, m.cases_of_meeting(loaded.repo, target, day), previous)
            done = f"Added to the agenda: {', '.join(added)}." if added else "The agenda has the standard items."
        elif add_case is not None:
            ref = m.checked_case(loaded.repo, target, day, add_case)
            edit = m.open_meeting(root, target, day, as_file=True)
            m.add_case(edit.doc, ref, presenter)
            done = f"Added case {ref} to the agenda."
        else:
            if not add_information.strip():
                raise UsageError("--add-information needs a title.")
            edit = m.open_meeting(root, target, day, as_file=True)
            m.add_information(edit.doc, add_information.strip(), presenter)
            done = f"Added the information item '{add_information.strip()}' to the agenda."
        if standard and not added and not edit.converted:
            print(f"{done} Nothing to change in {edit.rel}.")
            return 0
        _write(root, edit, as_of)
    print("\n".join(_moved(edit) + [f"{done} ({edit.rel})"]))
    return 0


@guarded
def approve_minutes(
    committee: CommitteeArg,
    date: DateArg,
    at: Annotated[Optional[str], typer.Option("--at", metavar="DATE", help="The later meeting that approved the "
                                              "minutes.", show_default=False)] = None,
    by: Annotated[Optional[ApprovedBy], typer.Option("--by", help="email or signatures (with --date); meeting is "
                                                     "--at.", show_default=False)] = None,
    on: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="When the minutes were approved by "
                                              "e-mail or signatures.", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Record that a held meeting's minutes (protokoll) were approved: at a later meeting, or by e-mail or
    signatures."""
    from fsu_cli.edit import meetings as m
    from fsu_cli.edit.authoring import parse_day
    from fsu_cli.errors import UsageError

    if at is not None and (on is not None or by not in (None, ApprovedBy.meeting)):
        raise UsageError("Give either --at DATE (approved at a later meeting) or --by email|signatures --date DATE, "
                         "not both.")
    if at is None and by == ApprovedBy.meeting:
        raise UsageError("Minutes approved at a meeting: give that meeting's date with --at DATE (not --by meeting).")
    if at is None and by is not None and on is None:
        raise UsageError(f"Give the date the minutes were approved by {by.value}: --date DATE.")
    if at is None and (by in (None, ApprovedBy.meeting) or on is None):
        raise UsageError("Say how the minutes were approved: --at DATE (at a later meeting) or --by email --date "
                         "DATE.")
    day = parse_day(date, "The meeting date")
    when = parse_day(at if at is not None else on, "--at" if at is not None else "--date")
    if when < day:
        raise UsageError(f"The minutes cannot be approved ({when.isoformat()}) before the meeting "
                         f"({day.isoformat()}).")
    with _editing(repo) as (root, loaded):
        target = loaded.repo.committee_named(committee)
        meeting = m.find_meeting(target, day, root)
        if meeting.status != "held":
            raise UsageError(f"The meeting on {day.isoformat()} is {meeting.status or 'without a status'}, not held; "
                             f"only a held meeting has minutes. If it was held: fsu meeting held {target.id} "
                             f"{day.isoformat()}")
        later = None
        if at is not None:
            if when == day:
                raise UsageError("--at must be a later meeting than the one whose minutes it approves.")
            later_meeting = target.meeting_on(when)
            if later_meeting is None:
                raise UsageError(m.no_meeting(target, when).replace("Add it with", "Add the later meeting with"))
            if later_meeting.status == "cancelled":
                raise UsageError(f"The meeting on {when.isoformat()} was cancelled, so it approved nothing. Give the "
                                 "meeting that did approve the minutes.")
            if later_meeting.in_file:
                later = m.open_meeting(root, target, when, as_file=True)
        edit = m.open_meeting(root, target, day, as_file=True)
        m.approve_minutes(edit.doc, when, "meeting" if at is not None else by.value)
        added = later is not None and m.add_minutes_approval(later.doc, day)
        _write_changes(root, edit.changes() + (later.changes() if added else []), as_of)
    how = f"at the meeting on {when.isoformat()}" if at is not None else f"by {by.value} on {when.isoformat()}"
    lines = _moved(edit) + [f"Recorded the minutes of {day.isoformat()} as approved {how} in {edit.rel}."]
    if added:
        lines.append(f"Added the approval of those minutes to the agenda in {later.rel}.")
    elif at is not None and later is None:
        lines.append(f"The meeting on {when.isoformat()} is in the committee's list, so it has no agenda to add "
                     "the approval to.")
    print("\n".join(lines))
    return 0
