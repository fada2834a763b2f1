"""``fsu publish ics``: the example community's meetings as a calendar, read back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import edit
from test_publish_einnsyn import SECRET_WORDS, assert_no_secret

SLUG = "helsefellesskapet-fjordvik"


def calendar(path: Path):
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def events(path: Path) -> dict[str, object]:
    return {str(event["uid"]): event for event in calendar(path).walk("VEVENT")}


@pytest.fixture
def published(fsu, community, tmp_path) -> Path:
    out = tmp_path / "moter.ics"
    result = fsu("publish", "ics", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    assert f"Wrote {out}" in result.stderr
    return out


def test_one_event_per_meeting_with_stable_uids(published, community):
    found = events(published)
    ssu = [uid for uid in found if uid.startswith("ssu-")]
    assert f"ssu-2024-09-19@{SLUG}" in found
    text = (community / "data/committees/ssu.yaml").read_text(encoding="utf-8")
    assert len(ssu) == text.count("  - date: ") + text.count("  - {date: ")
    assert all(uid.endswith(f"@{SLUG}") for uid in found)
    assert str(found[f"ssu-2024-09-19@{SLUG}"]["summary"]) == "Møte i SSU"


def test_a_timed_meeting_is_in_oslo_time_with_the_time_zone_described(published):
    event = events(published)[f"fsu-pasientforlop-2026-05-21@{SLUG}"]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == dt.datetime(2026, 5, 21, 9, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    assert end == dt.datetime(2026, 5, 21, 12, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    assert start.utcoffset() == dt.timedelta(hours=2)  # summer time
    assert b"DTSTART;TZID=Europe/Oslo:20260521T090000" in published.read_bytes()
    [zone] = calendar(published).walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Oslo"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert str(event["url"]) == "https://meet.example.no/fsu-pasientforlop"
    assert str(event["location"]) == "Teams"


def test_a_meeting_without_a_time_is_an_all_day_event(published):
    event = events(published)[f"ssu-2024-09-19@{SLUG}"]
    assert event.decoded("dtstart") == dt.date(2024, 9, 19)
    assert not isinstance(event.decoded("dtstart"), dt.datetime)
    assert event.decoded("dtend") == dt.date(2024, 9, 20)
    assert b"DTSTART;VALUE=DATE:20240919" in published.read_bytes()


def test_a_cancelled_meeting_is_cancelled(published):
    event = events(published)[f"fsu-pasientforlop-2026-06-18@{SLUG}"]
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]) == "AVLYST: Møte i FSU pasientforløp"
    held = events(published)[f"fsu-pasientforlop-2026-05-21@{SLUG}"]
    assert str(held["status"]) == "CONFIRMED"


def test_the_description_lists_public_case_titles_and_an_exempt_case_by_its_public_title(published):
    event = events(published)[f"ssu-2024-09-19@{SLUG}"]
    description = str(event["description"])
    assert "SSU sak 04-2024 Forhandlinger om avtale om tjenestekjøp" in description.splitlines()
    assert_no_secret(published.read_bytes(), published)


def test_two_runs_give_the_same_bytes_and_the_stamp_comes_from_the_data(fsu, community, tmp_path, monkeypatch):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert fsu("publish", "ics", first, "--repo", community).exit_code == 0
    monkeypatch.setenv("FSU_AS_OF", "2030-01-01")  # another "today": the stamp does not follow it
    assert fsu("publish", "ics", second, "--repo", community).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    stamps = {event.decoded("dtstamp") for event in calendar(first).walk("VEVENT")}
    assert stamps == {dt.datetime(2027, 4, 15, tzinfo=dt.UTC)}  # the latest date in the data


def test_publishing_again_replaces_the_calendar_it_wrote(fsu, community, published):
    edit(community / "data/committees/ssu.yaml", "date: 2024-09-19", "date: 2024-09-20")
    assert fsu("publish", "ics", published, "--repo", community).exit_code == 0
    assert f"ssu-2024-09-20@{SLUG}" in events(published)


def test_one_committee(fsu, community, tmp_path):
    out = tmp_path / "ssu.ics"
    assert fsu("publish", "ics", out, "--committee", "SSU", "--repo", community).exit_code == 0
    found = events(out)
    assert found and all(uid.startswith("ssu-") for uid in found)
    assert str(calendar(out)["x-wr-calname"]) == "Møter i SSU"


def test_a_misspelt_committee_is_a_usage_error(fsu, community, tmp_path):
    out = tmp_path / "x.ics"
    result = fsu("publish", "ics", out, "--committee", "sssu", "--repo", community)
    assert result.exit_code == 2
    assert "There is no committee 'sssu'. Did you mean 'ssu'?" in result.stderr
    assert not out.exists()


def test_a_folder_that_does_not_exist(fsu, community, tmp_path):
    out = tmp_path / "nowhere" / "x.ics"
    result = fsu("publish", "ics", out, "--repo", community)
    assert result.exit_code == 2
    assert f"The folder {out.parent} does not exist." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_fsu_did_not_write_is_not_replaced(fsu, community, tmp_path):
    out = tmp_path / "notes.ics"
    out.write_text("my own notes\n", encoding="utf-8")
    result = fsu("publish", "ics", out, "--repo", community)
    assert result.exit_code == 2
    assert "already exists and is not a file fsu published" in result.stderr
    assert out.read_text(encoding="utf-8") == "my own notes\n"


def test_an_identity_number_in_a_meeting_place_stops_the_calendar(fsu, community, tmp_path):
    from test_privacy import NUMBER

    edit(community / "data/committees/ssu.yaml", "location: Fjordvik rådhus", f"location: Rom {NUMBER}")
    out = tmp_path / "x.ics"
    result = fsu("publish", "ics", out, "--repo", community)
    assert result.exit_code == 1
    assert "FSU361 311299*****" in result.stderr
    assert NUMBER not in result.stderr
    assert not out.exists()


def test_secret_words_are_really_in_the_example(community):
    text = (community / "data/cases/ssu/2024/04.yaml").read_text(encoding="utf-8")
    assert all(word in text for word in SECRET_WORDS)
