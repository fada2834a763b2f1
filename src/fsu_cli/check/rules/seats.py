"""FSU33x and FSU34x: who sits on each committee today, against the mandate's seats and terms."""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.leadership import SIDE_WORDS
from fsu_cli.domain.mandates import exists_on, mandate_in_force
from fsu_cli.domain.office import appointment_end, in_office, seats_by_side
from fsu_cli.domain.records import Committee, Date, Mandate, Repository

TOO_FEW = define(
    "FSU331",
    "too-few-members",
    ERROR,
    "Fewer members from a side than the mandate's composition requires.",
    """
rules.composition in the mandate sets seats per side, for example
"hospital: {min: 6}" for "minimum seks deltakere fra hver av partnerne".
fsu counts the members in office on the date checked (start_date on or before
it, no end_date or one on or after it) per side, through the organization each
member represents.

Example: five members from the hospital against a minimum of six.

Fix: appoint the missing members and add them under "members", or check that
no member has ended by mistake.
""",
)

TOO_MANY = define(
    "FSU332",
    "too-many-members",
    WARNING,
    "More members from a side than the mandate's composition allows.",
    """
When rules.composition gives a maximum for a side ("2-3 representanter"), more
members from that side than the maximum are reported.

Example: "hospital: {min: 2, max: 3}", and four members from the hospital in
office.

Fix: give the members who have left an end_date, or accept the warning.
""",
)

APPOINTMENT_EXPIRED = define(
    "FSU341",
    "appointment-expired",
    WARNING,
    "A member's appointment has run longer than the mandate's appointment period.",
    """
Members are appointed for rules.appointment_years years at a time ("oppnevnes
for 4 år av gangen"). A member still in office after that many years since
their start_date needs a renewed appointment.

Record a renewal by ending the old entry (end_date) and adding a new entry for
the same person with the renewal date as start_date.

Example: appointment_years: 4, and a member with start_date 2021-01-01 and no
end_date, checked on 2026-11-22.

Fix: renew the appointment (and record it), or end the membership.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    today = context.as_of
    for committee in repo.committees.values():
        if not exists_on(committee, today):
            continue
        mandate = mandate_in_force(repo, committee.id, today)
        if mandate is None:
            continue
        yield from _composition(repo, committee, mandate, today)
        years = mandate.rules.appointment_years
        if years is not None:
            yield from _appointments(committee, years, mandate.id, today)


def _composition(repo: Repository, committee: Committee, mandate: Mandate, today: Date) -> Iterator[Finding]:
    if not mandate.rules.composition:
        return
    seats = seats_by_side(repo, committee, today)
    for rule in mandate.rules.composition:
        count = len(seats.get(rule.side, []))
        words = SIDE_WORDS.get(rule.side, rule.side)
        minimum, maximum = rule.min, rule.max
        if minimum is not None and count < minimum:
            yield TOO_FEW.finding(
                committee.source.path,
                f"{committee.label} has {count} member(s) from {words} in office on {today.isoformat()}; "
                f"its mandate {mandate.id} requires at least {minimum}.",
                f"Appoint {minimum - count} more from {words} and add them under 'members'.",
                pointer=("members",),
                on_key=True,
                subject=f"composition/{rule.side}",
            )
        if maximum is not None and count > maximum:
            yield TOO_MANY.finding(
                committee.source.path,
                f"{committee.label} has {count} members from {words} in office on {today.isoformat()}; "
                f"its mandate {mandate.id} allows at most {maximum}.",
                "Give members who have left an end_date.",
                pointer=("members",),
                on_key=True,
                subject=f"composition/{rule.side}",
            )


def _appointments(committee: Committee, years: int, mandate_id: str, today: Date) -> Iterator[Finding]:
    for member in in_office(committee.members, on=today):
        last_day = appointment_end(member, years)
        if last_day < today:
            yield APPOINTMENT_EXPIRED.finding(
                committee.source.path,
                f"{member.name} was appointed {member.start.isoformat()}; the appointment period of {years} "
                f"year(s) in {mandate_id} ended {last_day.isoformat()}.",
                "Record the renewal (end this entry and add a new one from the renewal date), or end the "
                "membership.",
                pointer=member.source.pointer + ("start_date",),
            )
