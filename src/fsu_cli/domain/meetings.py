"""Meetings per calendar year against the mandate's minimum and maximum.

A month counts towards a year's requirement when the committee exists on the
15th and a mandate with a meeting rule is in force then; the requirement is the
sum of each such month's share (min_per_year / 12), rounded to the nearest whole
meeting. A committee dissolved at the end of October with a minimum of four
therefore needs round(4 × 10/12) = 3 meetings that year.

A committee whose records start later than it did (``records_from``) is judged
the same way from that date: earlier years not at all, the first year pro rata.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from fsu_cli.domain.mandates import exists_on, mandate_in_force, rules_of
from fsu_cli.domain.records import Committee, Date, Repository


@dataclass(slots=True)
class YearTally:
    year: int
    held: int
    planned: int  # all meetings still marked planned
    planned_ahead: int  # planned meetings on or after the as-of date
    cancelled: int
    months: int  # months the mandate's meeting rule covers
    minimum: int | None  # pro rata, rounded
    maximum: int | None
    per_year: int | None  # the mandate's own figure (the last one in force that year)
    final: bool  # no more meetings can count for this year

    @property
    def verdict(self) -> str:
        if self.minimum is None and self.maximum is None:
            return "not judged"
        if self.maximum is not None and self.held > self.maximum:
            return "above maximum"
        if self.minimum is None or self.held >= self.minimum:
            return "met"
        if self.final:
            return "below minimum"
        return "on pace" if self.held + self.planned_ahead >= self.minimum else "cannot reach minimum"


def round_half_up(value: float) -> int:
    return int(value + 0.5)


def year_tally(repo: Repository, committee: Committee, year: int, as_of: Date,
               meetings: list | None = None) -> YearTally:
    """The year's count against the mandate; ``meetings``: the committee's meetings that year, if known."""
    if meetings is None:
        meetings = [m for m in committee.meetings if m.date is not None and m.date.year == year]
    held = sum(m.status == "held" for m in meetings)
    planned = [m for m in meetings if m.status == "planned"]
    cancelled = sum(m.status == "cancelled" for m in meetings)

    shares_min: list[int] = []
    shares_max: list[int | None] = []
    open_months = 0
    per_year = None
    for month in range(1, 13):
        mid = dt.date(year, month, 15)
        if not exists_on(committee, mid) or not _recorded(committee, mid):
            continue
        mandate = mandate_in_force(repo, committee.id, mid)
        rules = rules_of(mandate).meetings
        minimum, maximum = rules.min_per_year, rules.max_per_year
        if minimum is None and maximum is None:
            continue
        shares_min.append(minimum or 0)
        shares_max.append(maximum)
        per_year = minimum if minimum is not None else per_year
        month_end = dt.date(year, month, calendar.monthrange(year, month)[1])
        if month_end >= as_of:
            open_months += 1
    covered = len(shares_min)
    minimum = round_half_up(sum(shares_min) / 12) if covered and any(shares_min) else None
    maximum = (
        max(1, round_half_up(sum(shares_max) / 12))  # type: ignore[arg-type]
        if covered and all(s is not None for s in shares_max)
        else None
    )
    return YearTally(
        year=year,
        held=held,
        planned=len(planned),
        planned_ahead=sum(m.date >= as_of for m in planned),
        cancelled=cancelled,
        months=covered,
        minimum=minimum,
        maximum=maximum,
        per_year=per_year,
        final=year < as_of.year or open_months == 0,
    )


def _recorded(committee: Committee, day: Date) -> bool:
    """Whether the committee's meetings are recorded on this day (records_from, when it is given)."""
    return committee.records_from is None or day >= committee.records_from


def years_to_judge(committee: Committee, as_of: Date) -> range:
    """From the first year the committee existed or met, or its records start, up to the as-of year."""
    years = [m.date.year for m in committee.meetings if m.date is not None]
    if committee.founded is not None:
        years.append(committee.founded.year)
    if not years:
        return range(0)
    first = min(years)
    if committee.records_from is not None:
        first = max(first, committee.records_from.year)
    last = min(as_of.year, committee.dissolved.year if committee.dissolved else as_of.year)
    return range(first, last + 1)


def tallies(repo: Repository, committee: Committee, as_of: Date) -> list[YearTally]:
    by_year: dict[int, list] = {}
    for meeting in committee.meetings:
        if meeting.date is not None:
            by_year.setdefault(meeting.date.year, []).append(meeting)
    return [year_tally(repo, committee, year, as_of, by_year.get(year, []))
            for year in years_to_judge(committee, as_of)]
