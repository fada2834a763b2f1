"""FSU32x: how often each committee meets, per calendar year, against its mandate."""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.meetings import YearTally, tallies
from fsu_cli.domain.records import Committee, Repository

BELOW_MINIMUM = define(
    "FSU321",
    "too-few-meetings",
    ERROR,
    "A committee held fewer meetings in a past year than its mandate requires.",
    """
rules.meetings.min_per_year in the mandate says how many meetings a year the
committee must hold ("minimum fire ganger per år"). Only meetings with status
held count. A year the committee or its mandate covers only in part is judged
pro rata: the months covered (the committee exists and a mandate with the rule
is in force on the 15th) times min_per_year / 12, rounded to the nearest whole
meeting. A committee dissolved at the end of October with a minimum of four
needs three meetings that year.

A committee whose records start later than it was founded says so with
records_from: years before it are not judged, and its first year is judged pro
rata from that date, like a committee founded then.

Example: three held meetings in 2025 against a minimum of four.

Fix: if meetings were held but not recorded, add them with status held; if a
meeting is recorded as planned or cancelled by mistake, correct its status.
Otherwise the shortfall stands, and the annual report should explain it.
""",
)

CANNOT_REACH = define(
    "FSU322",
    "minimum-out-of-reach",
    WARNING,
    "This year, held and planned meetings together cannot reach the mandate's minimum.",
    """
For the current year fsu counts meetings held so far plus meetings still planned
(dated today or later). If even that cannot reach the (pro rata) minimum, the
committee needs more meetings before the year ends.

Example: on 1 October, two meetings held and one planned against a minimum of four.

Fix: plan another meeting (fsu new meeting), or record meetings already held.
""",
)

ABOVE_MAXIMUM = define(
    "FSU323",
    "too-many-meetings",
    WARNING,
    "A committee held more meetings in a year than its mandate's maximum.",
    """
Some mandates set a maximum (for example 8–10 meetings a year) to keep the
workload within bounds. It is judged pro rata like the minimum.

Example: max_per_year: 10, and eleven meetings with status held in 2025.

Fix: check that no meeting is recorded twice, or accept the warning.
""",
)

STALE_PLANNED = define(
    "FSU324",
    "planned-meeting-in-the-past",
    WARNING,
    "A meeting whose date has passed is still marked planned.",
    """
After a meeting day, its status should say what happened: held or cancelled.
A past meeting left as planned does not count towards the minimum.

Example: on 2026-11-22, "- {date: 2026-10-15, status: planned}".

Fix: set the status to held (or cancelled).
""",
)

HELD_IN_FUTURE = define(
    "FSU325",
    "held-meeting-in-the-future",
    WARNING,
    "A meeting dated after today is marked held.",
    """
A meeting cannot have been held on a date that has not come yet. Usually the
date or the status is mistyped.

Example: on 2026-11-22, "- {date: 2026-12-10, status: held}".

Fix: correct the date, or set the status to planned.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    today = context.as_of
    for committee in repo.committees.values():
        for meeting in committee.meetings:
            if meeting.date is None:
                continue
            if meeting.status == "planned" and meeting.date < today:
                yield STALE_PLANNED.finding(
                    meeting.source.path,  # the committee's file, or the meeting's own
                    f"The meeting on {meeting.date.isoformat()} has passed but is still marked planned.",
                    "Set its status to held or cancelled.",
                    pointer=meeting.source.pointer + ("status",),
                )
            elif meeting.status == "held" and meeting.date > today:
                yield HELD_IN_FUTURE.finding(
                    meeting.source.path,
                    f"The meeting on {meeting.date.isoformat()} is marked held, but that date is after "
                    f"{today.isoformat()}.",
                    "Correct the date, or set the status to planned.",
                    pointer=meeting.source.pointer + ("status",),
                )
        for tally in tallies(repo, committee, today):
            yield from _judge(committee, tally)


def _judge(committee: Committee, tally: YearTally) -> Iterator[Finding]:
    verdict = tally.verdict
    pointer = _year_pointer(committee, tally.year)
    share = _share(tally)
    if verdict == "below minimum":
        yield BELOW_MINIMUM.finding(
            committee.source.path,
            f"{committee.label} held {tally.held} meeting(s) in {tally.year}; its mandate requires "
            f"at least {tally.minimum}{share}.",
            "Record meetings that were held but are missing, or correct statuses; otherwise explain the "
            "shortfall in the annual report.",
            pointer=pointer,
            on_key=True,
            subject=f"meetings/{tally.year}",
        )
    elif verdict == "cannot reach minimum":
        yield CANNOT_REACH.finding(
            committee.source.path,
            f"{committee.label} has held {tally.held} and planned {tally.planned_ahead} more meeting(s) in "
            f"{tally.year}; its mandate requires at least {tally.minimum}{share}.",
            _reach_hint(tally),
            pointer=pointer,
            on_key=True,
            subject=f"meetings/{tally.year}",
        )
    elif verdict == "above maximum":
        yield ABOVE_MAXIMUM.finding(
            committee.source.path,
            f"{committee.label} held {tally.held} meetings in {tally.year}; its mandate allows at most "
            f"{tally.maximum}{share}.",
            "Check that no meeting is listed twice.",
            pointer=pointer,
            on_key=True,
            subject=f"meetings/{tally.year}",
        )


def _reach_hint(tally: YearTally) -> str:
    """Plan more meetings, unless meetings already held are only not marked so yet."""
    missing = tally.minimum - tally.held - tally.planned_ahead
    passed = tally.planned - tally.planned_ahead
    if passed:
        return (f"{passed} meeting(s) in {tally.year} have passed but are still marked planned: set their status "
                f"to held if they were held (or cancelled); otherwise plan at least {missing} more this year.")
    return f"Plan at least {missing} more meeting(s) this year."


def _share(tally: YearTally) -> str:
    if tally.months == 12 or tally.per_year is None:
        return ""
    return f" ({tally.per_year} a year, pro rata for {tally.months} of 12 months)"


def _year_pointer(committee: Committee, year: int) -> tuple:
    """The first meeting of the year in the committee's list, or the list itself."""
    for meeting in committee.meetings:
        if meeting.date is not None and meeting.date.year == year and not meeting.in_file:
            return meeting.source.pointer + ("date",)
    return ("meetings",)
