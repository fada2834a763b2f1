"""FSU33x and FSU34x: who sits on each committee today, against the mandate's seats (per side, per
appointing side, per named organization) and terms."""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.leadership import SIDE_WORDS
from fsu_cli.domain.mandates import exists_on, mandate_in_force
from fsu_cli.domain.office import appointment_end, in_office, seats_by_side
from fsu_cli.domain.mandate_rules import Seats
from fsu_cli.domain.records import Committee, Date, Mandate, Member, Repository

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

TOO_FEW_APPOINTED = define(
    "FSU333",
    "too-few-appointed-by-side",
    ERROR,
    "Fewer of a side's members appointed by a named side than the mandate's composition requires.",
    """
A mandate may say who appoints a side's seats: "to brukerrepresentanter, én
oppnevnt av helseforetaket og én av kommunene" is written
"user: {min: 2, appointed_by: {hospital: 1, municipality: 1}}". fsu counts
the side's members in office who have that appointed_by. A member without
appointed_by is appointed by their own organization's side.

Example: two user representatives in office, both with "appointed_by:
municipality", against "appointed_by: {hospital: 1, municipality: 1}".

Fix: write appointed_by on the member the other side appointed, or appoint the
missing member and add them under "members".
""",
)

TOO_FEW_FROM_ORGANIZATION = define(
    "FSU334",
    "too-few-from-organization",
    ERROR,
    "Fewer members from a named organization than the mandate's composition requires.",
    """
rules.composition.organizations sets seats of named organizations, for example
"alver: {min: 1, max: 1}" for "én representant fra hver kommune". fsu counts
the members in office who represent the organization (substitutes and observers
hold no seat).

Example: "organizations: {alver: {min: 1}}" and no member from alver in office.

Fix: appoint the missing member and add them under "members" with
"organization: alver", or check that no member has ended by mistake.
""",
)

TOO_MANY_FROM_ORGANIZATION = define(
    "FSU335",
    "too-many-from-organization",
    WARNING,
    "More members from a named organization than the mandate's composition allows.",
    """
When rules.composition.organizations gives a maximum for an organization
("Bergen kommune har inntil seks representanter"), more members in office from
it are reported.

Example: "organizations: {bergen: {max: 6}}" and seven members from bergen in
office.

Fix: give the members who have left an end_date, make a member a substitute
("role: substitute"), or accept the warning.
""",
)

UNKNOWN_ORGANIZATION_SEATS = define(
    "FSU336",
    "unknown-organization-in-composition",
    WARNING,
    "The mandate's composition names an organization that is not in organizations.yaml.",
    """
The keys under rules.composition.organizations are organization ids, as in
data/organizations.yaml. An id that names no organization can never be
counted, so its seats would go unchecked.

Example: "organizations: {bergn: {max: 6}}" where the id is "bergen".

Fix: correct the id, or add the organization to data/organizations.yaml.
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
their start_date needs a renewed appointment. Substitutes and observers
(role: substitute | observer) have no appointment term and are not judged.

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
    if mandate.rules.organization_seats:
        yield from _organization_seats(repo, committee, mandate, today)
    if not mandate.rules.composition:
        return
    seats = seats_by_side(repo, committee, today)
    for rule in mandate.rules.composition:
        # members of the included sides appointed by this side sit in its seats (a GP the municipalities appoint)
        holders = seats.get(rule.side, []) + [
            m for other in rule.including if other != rule.side for m in seats.get(other, [])
            if m.appointed_by == rule.side]
        count = len(holders)
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
        yield from _appointed_by(committee, mandate, rule, holders, today)


def _appointed_by(committee: Committee, mandate: Mandate, rule: Seats, holders: list[Member],
                  today: Date) -> Iterator[Finding]:
    words = SIDE_WORDS.get(rule.side, rule.side)
    for by, wanted in rule.appointed_by:
        # a member without appointed_by is appointed by their own side
        count = sum((m.appointed_by or rule.side) == by for m in holders)
        if count < wanted:
            by_words = SIDE_WORDS.get(by, by)
            yield TOO_FEW_APPOINTED.finding(
                committee.source.path,
                f"{committee.label} has {count} member(s) from {words} appointed by {by_words} in office on "
                f"{today.isoformat()}; its mandate {mandate.id} requires at least {wanted}.",
                f"Write 'appointed_by: {by}' on the member(s) {by_words} appointed, or appoint "
                f"{wanted - count} more.",
                pointer=("members",),
                on_key=True,
                subject=f"composition/{rule.side}/appointed_by/{by}",
            )


def _organization_seats(repo: Repository, committee: Committee, mandate: Mandate,
                        today: Date) -> Iterator[Finding]:
    counts: dict[str, int] = {}
    for member in in_office(committee.members, on=today):
        if member.holds_seat and member.organization:
            counts[member.organization] = counts.get(member.organization, 0) + 1
    for rule in mandate.rules.organization_seats:
        organization = repo.organizations.get(rule.organization)
        if organization is None:
            yield UNKNOWN_ORGANIZATION_SEATS.finding(
                mandate.source.path,
                f"Mandate {mandate.id} gives seats to '{rule.organization}', which is not an organization in "
                "data/organizations.yaml.",
                "Correct the id, or add the organization to data/organizations.yaml.",
                pointer=("rules", "composition", "organizations", rule.organization),
                on_key=True,
            )
            continue
        count, name = counts.get(rule.organization, 0), organization.label
        if rule.min is not None and count < rule.min:
            yield TOO_FEW_FROM_ORGANIZATION.finding(
                committee.source.path,
                f"{committee.label} has {count} member(s) from {name} in office on {today.isoformat()}; "
                f"its mandate {mandate.id} requires at least {rule.min}.",
                f"Appoint {rule.min - count} more from {name} and add them under 'members'.",
                pointer=("members",),
                on_key=True,
                subject=f"composition/organizations/{rule.organization}",
            )
        if rule.max is not None and count > rule.max:
            yield TOO_MANY_FROM_ORGANIZATION.finding(
                committee.source.path,
                f"{committee.label} has {count} members from {name} in office on {today.isoformat()}; "
                f"its mandate {mandate.id} allows at most {rule.max}.",
                "Give members who have left an end_date.",
                pointer=("members",),
                on_key=True,
                subject=f"composition/organizations/{rule.organization}",
            )


def _appointments(committee: Committee, years: int, mandate_id: str, today: Date) -> Iterator[Finding]:
    for member in in_office(committee.members, on=today):
        if not member.holds_seat:
            continue  # substitutes and observers have no appointment term
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
