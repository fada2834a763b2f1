"""``fsu publish ics``: the meetings as an iCalendar file (RFC 5545), one event per meeting.

A calendar program that subscribes to the file recognises each meeting by its UID, made of the
committee and the date, so a meeting moved to another time or cancelled is updated in place. The
time stamp (DTSTAMP) is the latest date in the data, not the clock: the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from fsu_cli.domain.records import Committee, Meeting, Repository
from fsu_cli.publish import public
from fsu_cli.render.i18n import _, language_of, speaking
from fsu_cli.render import words

OSLO = ZoneInfo("Europe/Oslo")
PRODID = "-//fsu//Møtekalender//NB"
_STATUS = {"cancelled": "CANCELLED", "held": "CONFIRMED", "planned": "CONFIRMED"}


def publish_ics(repo: Path | None, out: Path, committee: str | None, as_of: str | None) -> int:
    loaded = public.load(repo)
    public.as_of(as_of, loaded.root)  # a wrong --as-of is an error here as in every command
    chosen = [loaded.repo.committee_named(committee)] if committee else public.committees(loaded.repo)
    public.check_target(out, _ours)
    with speaking(language_of(loaded.repo)):  # the calendar in the community's målform
        cal = calendar(loaded.repo, chosen)
    public.guard_identity_numbers(_texts(cal), out, lambda where: _source(loaded.repo, where))
    return public.write(out, cal.to_ical(), _ours)


def _texts(cal) -> dict[str, dict[str, str]]:
    """The words of each event, by UID, for the identity-number guard (the file itself folds long lines)."""
    return {str(item["uid"]): {key.lower(): str(item[key]) for key in ("SUMMARY", "LOCATION", "URL", "DESCRIPTION")
                               if key in item} for item in cal.walk("VEVENT")}


def _source(repo: Repository, where: str) -> str:
    """The committee file (or meeting file) an event came from: its UID is '<committee>-<date>@...'."""
    for committee in repo.committees.values():
        for meeting in committee.meetings:
            if meeting.date is not None and where.startswith(f"{committee.id}-{meeting.date.isoformat()}@"):
                return meeting.path
    return ""


def _ours(data: bytes) -> bool:
    return data.startswith(b"BEGIN:VCALENDAR") and f"PRODID:{PRODID}".encode() in data[:400]


def calendar(repo: Repository, committees: list[Committee]):
    from icalendar import Calendar

    name = repo.name or "helsefellesskapet"
    title = _("Møter i %(name)s") % {"name": committees[0].label if len(committees) == 1 else name}
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", "Europe/Oslo")
    stamp = _stamp(repo)
    days = []
    for committee in committees:
        for meeting in public.meetings(committee):
            cal.add_component(event(repo, committee, meeting, stamp))
            days.append(meeting.date)
    if days:  # the time zone's rules over the years the meetings span, no more
        cal.add_missing_timezones(dt.date(min(days).year, 1, 1), dt.date(max(days).year + 1, 12, 31))
    return cal


def _stamp(repo: Repository) -> dt.datetime:
    day = public.latest_date(repo) or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def uid(repo: Repository, committee: Committee, meeting: Meeting) -> str:
    return f"{committee.id}-{meeting.date.isoformat()}@{public.community_slug(repo)}"


def event(repo: Repository, committee: Committee, meeting: Meeting, stamp: dt.datetime):
    from icalendar import Event

    item = Event()
    item.add("uid", uid(repo, committee, meeting))
    item.add("dtstamp", stamp)
    summary = _("Møte i %(name)s") % {"name": committee.label}
    item.add("summary", f"{words.CANCELLED}: {summary}" if meeting.status == "cancelled" else summary)
    _when(item, meeting)
    item.add("status", _STATUS.get(meeting.status or "", "TENTATIVE"))
    if meeting.location:
        item.add("location", meeting.location)
    if meeting.video:
        item.add("url", meeting.video)
    item.add("description", description(repo, committee, meeting))
    return item


def _when(item, meeting: Meeting) -> None:
    """A clock time gives a timed event in Oslo time; without one, the meeting takes the whole day."""
    clock = public.times(meeting)
    day = meeting.date
    if clock is None:
        item.add("dtstart", day)
        item.add("dtend", day + dt.timedelta(days=1))
        return
    start, end = clock
    item.add("dtstart", dt.datetime.combine(day, start, tzinfo=OSLO))
    if end is not None:
        item.add("dtend", dt.datetime.combine(day, end, tzinfo=OSLO))


def description(repo: Repository, committee: Committee, meeting: Meeting) -> str:
    """The committee's name, the status, time and form, and the public titles of the meeting's cases."""
    lines = [committee.name or committee.label]
    lines.append(words.STATUS.get(meeting.status or "", meeting.status or ""))
    if meeting.time:
        lines.append(words.clock(meeting.time))
    if meeting.form in words.FORM:
        lines.append(words.FORM[meeting.form])
    if meeting.video:
        lines.append(f"{_('Videolenke:')} {meeting.video}")
    cases = public.meeting_cases(repo, committee, meeting.date)
    if cases:
        lines.append("")
        lines.append(_("Saker:"))
        lines += [f"{public.label(repo, case)} {public.public_title(case)}" for case in cases]
    return "\n".join(line for line in lines if line is not None)
