"""Date arithmetic that never overflows, and dates as Norwegian documents write them."""

from __future__ import annotations

import calendar
import datetime as dt

Date = dt.date
ONE_DAY = dt.timedelta(days=1)


def day_after(day: Date) -> Date:
    return day if day == Date.max else day + ONE_DAY


def day_before(day: Date) -> Date:
    return day if day == Date.min else day - ONE_DAY


def add_months(day: Date, months: int) -> Date:
    """The same day so many months later (or the month's last day), clamped to the calendar's ends."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year > Date.max.year:
        return Date.max
    if year < Date.min.year:
        return Date.min
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: Date, years: int) -> Date:
    return add_months(day, 12 * years) if abs(years) < 10_000 else (Date.max if years > 0 else Date.min)


def months_between(start: Date, end: Date) -> int:
    """Whole months from the start to the end day inclusive (2025-10-01 to 2026-09-30 is 12)."""
    if end == Date.max:
        return (Date.max.year - start.year + 1) * 12
    after = end + ONE_DAY
    total = (after.year - start.year) * 12 + (after.month - start.month)
    return total + round((after.day - start.day) / 30)


def in_period(start: Date | None, end: Date | None, day: Date) -> bool:
    """Whether a period from ``start`` to ``end`` (both inclusive, either open) includes the day."""
    return (start is None or start <= day) and (end is None or day <= end)


def norwegian_date(day: Date) -> str:
    """09.10.2025"""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def N_(text: str) -> str:
    """Marks a bokmål word for the nynorsk catalog; documents translate it where they show it."""
    return text


DAY_NAMES = (N_("mandag"), N_("tirsdag"), N_("onsdag"), N_("torsdag"), N_("fredag"), N_("lørdag"), N_("søndag"))


def weekday_name(day: Date) -> str:
    """The day's name in bokmål, as documents write it: 'torsdag'."""
    return DAY_NAMES[day.weekday()]
