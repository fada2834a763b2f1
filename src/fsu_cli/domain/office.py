"""Who is in office on a day: members, leaders and deputies, answered in one place."""

from __future__ import annotations

from typing import Iterable, Protocol, TypeVar

from fsu_cli.domain.dates import add_years, day_before, in_period
from fsu_cli.domain.records import Committee, Date, Member, Repository


class Period(Protocol):
    start: Date | None
    end: Date | None


P = TypeVar("P", bound=Period)


def in_office(records: Iterable[P], on: Date) -> list[P]:
    """The memberships or offices that have begun by the day and not yet ended."""
    return [r for r in records if r.start is not None and in_period(r.start, r.end, on)]


def appointment_end(member: Member, years: int) -> Date:
    """The last day of a member's appointment of ``years`` years (from 2022-01-01 for 4 years: 2025-12-31)."""
    return day_before(add_years(member.start, years))


def seats_by_side(repo: Repository, committee: Committee, day: Date) -> dict[str, list[Member]]:
    """The members holding a seat on the day (substitutes and observers hold none), by the side of the
    organization each represents."""
    seats: dict[str, list[Member]] = {}
    for member in in_office(committee.members, on=day):
        if not member.holds_seat:
            continue
        organization = repo.organizations.get(member.organization or "")
        if organization is not None and organization.side:
            seats.setdefault(organization.side, []).append(member)
    return seats
