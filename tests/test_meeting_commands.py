"""``fsu meeting``: a secretary records a meeting by command, in a real copy of the example community."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import PROJECT, edit, validation_findings as findings
from test_authoring import git, snapshot

FSU = "fsu-pasientforlop"
COMMITTEE = f"data/committees/{FSU}.yaml"
MANDATE = f"data/mandates/{FSU}-2025.yaml"


@pytest.fixture
def community(community: Path) -> Path:
    """The example community with FSU pasientforløp's meetings all in its list again (date, status, place) and no
    notice or minutes deadlines in its mandate: each test records its meetings by command, and sets the deadlines
    it is about, independent of the example's own meeting files."""
    listed = community / COMMITTEE
    text = listed.read_text(encoding="utf-8")
    entries = {str(m["date"]): m for m in YAML(typ="safe").load(text)["meetings"]}
    folder = community / "data" / "meetings" / FSU
    for path in sorted(folder.glob("*.yaml")):
        record = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        entries[str(record["date"])] = {"date": record["date"], "status": record["status"],
                                        "location": record.get("location", "Teams")}
        path.unlink()
    if folder.is_dir():
        folder.rmdir()
    lines = "".join(f"  - {{date: {day}, status: {m['status']}, location: {m['location']}}}\n"
                    for day, m in sorted(entries.items()))
    listed.write_text(text[:text.index("\nmeetings:\n")] + "\nmeetings:\n" + lines, encoding="utf-8")
    mandate = community / MANDATE
    mandate.write_text("".join(line for line in mandate.read_text(encoding="utf-8").splitlines(keepends=True)
                               if not line.lstrip().startswith(("notice_days:", "minutes_within_days:"))),
                       encoding="utf-8")
    return community


def meeting_file(root: Path, day: str, committee: str = FSU) -> Path:
    return root / "data" / "meetings" / committee / f"{day}.yaml"


def read(path: Path) -> dict:
    """The file as plain data, dates as text (as the schemas see them)."""
    return json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8")), default=str))


def listed(root: Path) -> list[dict]:
    return read(root / COMMITTEE)["meetings"]




def ok(fsu, *args) -> list[str]:
    result = fsu(*args)
    assert result.exit_code == 0, result.stderr
    return result.lines


def test_new_creates_a_meeting_file(fsu, community):
    lines = ok(fsu, "meeting", "new", FSU, "2027-03-11", "--time", "09:00-12:00", "--location", "Teams",
               "--video", "https://meet.example.no/fsu", "--form", "hybrid", "--repo", community)
    assert lines == [f"Created data/meetings/{FSU}/2027-03-11.yaml."]
    path = meeting_file(community, "2027-03-11")
    assert read(path) == {"committee": FSU, "date": "2027-03-11", "status": "planned", "time": "09:00-12:00",
                          "location": "Teams", "video": "https://meet.example.no/fsu", "form": "hybrid"}
    assert 'time: "09:00-12:00"\n' in path.read_text(encoding="utf-8")
    assert "&" not in path.read_text(encoding="utf-8")
    assert findings(fsu, community) == []


def test_new_moves_a_listed_meeting_into_its_file_keeping_status_place_and_comments(fsu, community):
    edit(community / COMMITTEE, "  - {date: 2026-05-21", "  # Vårmøtet\n  - {date: 2026-05-21")
    edit(community / COMMITTEE, "  - {date: 2026-06-18", "  # Sommermøtet\n  - {date: 2026-06-18")
    lines = ok(fsu, "meeting", "new", FSU, "2026-05-21", "--time", "09:00-11:30", "--repo", community)
    assert lines == [f"Moved the meeting on 2026-05-21 out of {COMMITTEE} into data/meetings/{FSU}/2026-05-21.yaml."]
    assert read(meeting_file(community, "2026-05-21")) == {
        "committee": FSU, "date": "2026-05-21", "status": "held", "time": "09:00-11:30", "location": "Teams"}
    text = (community / COMMITTEE).read_text(encoding="utf-8")
    assert "2026-05-21" not in text
    assert text.startswith("# FSU pasientforløp ble opprettet av SSU 18.09.2025")
    assert "  # Vårmøtet\n  # Sommermøtet\n  - {date: 2026-06-18, status: cancelled, location: Sykehuset Fjordvik}\n" in text
    assert [m["date"] for m in listed(community)][:4] == ["2025-10-23", "2025-12-04", "2026-01-22", "2026-03-19"]
    assert findings(fsu, community) == []  # no FSU402: the meeting is in its file only; its case still finds it


def test_new_refuses_a_meeting_that_already_has_its_file(fsu, community):
    ok(fsu, "meeting", "new", FSU, "2026-05-21", "--repo", community)
    before = snapshot(community)
    result = fsu("meeting", "new", FSU, "2026-05-21", "--repo", community)
    assert result.exit_code == 2
    assert result.stderr == (f"fsu: FSU pasientforløp's meeting on 2026-05-21 already has its file: "
                             f"data/meetings/{FSU}/2026-05-21.yaml.\n")
    assert snapshot(community) == before


def test_held_and_cancel_change_a_listed_meeting_in_place(fsu, community):
    assert ok(fsu, "meeting", "cancel", FSU, "2026-12-17", "--repo", community) == [
        f"Marked the meeting on 2026-12-17 cancelled in {COMMITTEE}."]
    assert {"date": "2026-12-17", "status": "cancelled", "location": "Teams"} in listed(community)
    assert not (community / "data" / "meetings" / FSU).exists()
    assert ok(fsu, "meeting", "cancel", FSU, "2026-12-17", "--repo", community) == [
        f"The meeting on 2026-12-17 is already cancelled ({COMMITTEE}); nothing to change."]


def test_held_changes_a_meeting_file_and_keeps_its_comments(fsu, community):
    ok(fsu, "meeting", "new", FSU, "2026-12-17", "--repo", community)
    path = meeting_file(community, "2026-12-17")
    edit(path, "status: planned", "status: planned  # flyttet fra 10.12")
    edit(path, "location: Teams", "# Rom avklares\nlocation: Teams")
    ok(fsu, "meeting", "held", FSU, "2026-12-17", "--as-of", "2026-12-18", "--repo", community)
    text = path.read_text(encoding="utf-8")
    assert re.search(r"\nstatus: held +# flyttet fra 10.12\n# Rom avklares\nlocation: Teams\n", text), text


def test_new_meeting_on_a_recorded_date_with_a_status_sets_it(fsu, community):
    lines = ok(fsu, "new", "meeting", FSU, "2026-12-17", "--status", "cancelled", "--repo", community)
    assert lines == [f"The meeting on 2026-12-17 was already recorded; set its status in {COMMITTEE}."]
    assert {"date": "2026-12-17", "status": "cancelled", "location": "Teams"} in listed(community)
    ok(fsu, "meeting", "new", FSU, "2027-02-04", "--repo", community)
    ok(fsu, "new", "meeting", FSU, "2027-02-04", "--status", "cancelled", "--repo", community)
    assert read(meeting_file(community, "2027-02-04"))["status"] == "cancelled"


def test_attend_records_names_as_the_member_list_writes_them(fsu, community):
    lines = ok(fsu, "meeting", "attend", FSU, "2026-11-19", "--present", "marte haugland", "--present", "Trine Løken",
               "--absent", "Kari Vatne", "--reason", "sykdom", "--absent", "Geir Svendsen",
               "--substitute", "Ola Vik for Mads Holm", "--repo", community)
    assert lines[-1] == (f"Recorded the attendance in data/meetings/{FSU}/2026-11-19.yaml: now 2 present, "
                         "3 absent, 1 substitute(s), 0 other(s).")
    assert read(meeting_file(community, "2026-11-19"))["attendance"] == {
        "present": ["Marte Haugland", "Trine Løken"],
        "absent": [{"name": "Kari Vatne", "reason": "sykdom"}, {"name": "Geir Svendsen"}, {"name": "Mads Holm"}],
        "substitutes": [{"name": "Ola Vik", "organization": "havnoy", "for": "Mads Holm"}],
    }
    # a second run adds to the record, and says what it moved: Geir Svendsen came after all
    lines = ok(fsu, "meeting", "attend", FSU, "2026-11-19", "--present", "Geir Svendsen", "--repo", community)
    assert lines[-2:] == ["Moved Geir Svendsen from absent to present.",
                          f"Recorded the attendance in data/meetings/{FSU}/2026-11-19.yaml: now 3 present, "
                          "2 absent, 1 substitute(s), 0 other(s)."]
    attendance = read(meeting_file(community, "2026-11-19"))["attendance"]
    assert attendance["present"] == ["Marte Haugland", "Trine Løken", "Geir Svendsen"]
    assert [a["name"] for a in attendance["absent"]] == ["Kari Vatne", "Mads Holm"]
    assert not any(m["date"] == "2026-11-19" for m in listed(community))


@pytest.mark.parametrize(("args", "message"), [
    (["attend", FSU, "2026-11-19", "--present", "Marte Hauglan"],
     ("fsu: --present 'Marte Hauglan' is not a member of FSU pasientforløp in office on 19.11.2026. Did you mean "
     "'Marte Haugland'?")),
    (["attend", FSU, "2026-11-18", "--present", "Marte Haugland"],
     (f"fsu: FSU pasientforløp has no meeting on 2026-11-18. Its meetings in 2026: 2026-01-22, 2026-03-19, "
     f"2026-05-21, 2026-06-18, 2026-09-10, 2026-11-19, 2026-12-17. Add it with: fsu meeting new {FSU} 2026-11-18\n")),
    (["attend", "fsu-pasientforlp", "2026-11-19", "--present", "Marte Haugland"],
     "fsu: There is no committee 'fsu-pasientforlp'. Did you mean 'fsu-pasientforlop'? Known committees: partnerskapsmote, ssu,"),
    (["attend", FSU, "2026-11-31", "--present", "Marte Haugland"],
     "fsu: The meeting date must be a real date written YYYY-MM-DD (got '2026-11-31').\n"),
    (["attend", FSU, "2026-11-19", "--present", "Kari Vatne", "--absent", "Kari Vatne"],
     "fsu: Kari Vatne cannot be both present and absent.\n"),
    (["attend", FSU, "2026-11-19", "--substitute", "Ola Vik"],
     "fsu: --substitute must be written \"NAME for MEMBER\""),
    (["held", FSU, "2026-11-20"], "fsu: FSU pasientforløp has no meeting on 2026-11-20."),
    (["attend", "ssu", "2025-08-28", "--present", "Marte Haugland"],
     ("fsu: The meeting on 2025-08-28 is cancelled, so it has no attendance. If it was held after all: fsu meeting "
     "held ssu 2025-08-28\n")),
    (["approve-minutes", "ssu", "2025-06-12", "--at", "2025-08-28"],
     "fsu: The meeting on 2025-08-28 was cancelled, so it approved nothing."),
    (["agenda", FSU, "2026-05-21", "--add-case", f"{FSU}/2026/1"],
     ("fsu: FSU pasientforløp sak 2026.01 is for FSU pasientforløp's meeting 2026-01-22, not FSU pasientforløp's "
     "meeting on 2026-05-21. Change the case's meeting first.\n")),
    (["agenda", FSU, "2026-05-21", "--add-case", f"{FSU}/2026/9"], f"fsu: There is no case {FSU}/2026/9."),
    (["agenda", FSU, "2026-05-21"], "fsu: Give one of --standard, --add-case REF or --add-information TITLE.\n"),
    (["approve-minutes", FSU, "2026-12-17", "--at", "2027-02-04"],
     (f"fsu: The meeting on 2026-12-17 is planned, not held; only a held meeting has minutes. If it was held: fsu "
     f"meeting held {FSU} 2026-12-17\n")),
    (["approve-minutes", FSU, "2026-09-10", "--at", "2026-11-20"], ("fsu: FSU pasientforløp has no meeting on "
                                                                     "2026-11-20.")),
    (["approve-minutes", FSU, "2026-09-10", "--at", "2026-11-19", "--by", "email"], "fsu: Give either --at DATE"),
    (["approve-minutes", FSU, "2026-09-10"], "fsu: Say how the minutes were approved"),
    (["approve-minutes", FSU, "2026-09-10", "--by", "email", "--date", "2026-09-01"],
     "fsu: The minutes cannot be approved (2026-09-01) before the meeting (2026-09-10).\n"),
])
def test_bad_input_is_refused_with_one_sentence_and_nothing_is_written(fsu, community, args, message):
    before = snapshot(community)
    result = fsu("meeting", *args, "--repo", community)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
    assert snapshot(community) == before


def test_a_change_that_adds_errors_is_refused_and_nothing_is_written(fsu, community):
    before = snapshot(community)
    result = fsu("meeting", "new", FSU, "2027-03-11", "--video", "meet.example.no/fsu", "--repo", community)
    assert result.exit_code == 1
    assert result.stderr.startswith("Nothing was written: the change would add these errors:")
    assert snapshot(community) == before


def test_agenda_standard_puts_the_standard_items_and_the_meetings_cases(fsu, community):
    lines = ok(fsu, "meeting", "agenda", FSU, "2026-05-21", "--standard", "--repo", community)
    assert lines[-1] == (f"Added to the agenda: approval of the notice and agenda, approval of the minutes of "
                         f"2026-03-19, {FSU}/2026/2, any other business. (data/meetings/{FSU}/2026-05-21.yaml)")
    assert read(meeting_file(community, "2026-05-21"))["agenda"] == [
        {"kind": "approval-of-notice"}, {"kind": "approval-of-minutes", "meeting": "2026-03-19"},
        {"case": f"{FSU}/2026/2"}, {"kind": "any-other-business"}]
    ok(fsu, "meeting", "agenda", FSU, "2026-05-21", "--add-information", "Budsjett 2027", "--presenter", "Eva Lie",
       "--repo", community)
    assert ok(fsu, "meeting", "agenda", FSU, "2026-05-21", "--standard", "--repo", community) == [
        f"The agenda has the standard items. Nothing to change in data/meetings/{FSU}/2026-05-21.yaml."]
    assert [i.get("kind", "case") for i in read(meeting_file(community, "2026-05-21"))["agenda"]] == [
        "approval-of-notice", "approval-of-minutes", "case", "information", "any-other-business"]
    result = fsu("meeting", "agenda", FSU, "2026-05-21", "--add-case", f"{FSU}/2026/2", "--repo", community)
    assert (result.exit_code, result.stderr) == (2, f"fsu: Case {FSU}/2026/2 is already on the agenda.\n")
    assert findings(fsu, community) == []


def test_agenda_add_case_puts_the_case_after_the_standard_items(fsu, community):
    ok(fsu, "meeting", "agenda", FSU, "2026-05-21", "--add-information", "Helseteam", "--repo", community)
    ok(fsu, "meeting", "agenda", FSU, "2026-05-21", "--add-case", f"{FSU}/2026/2", "--presenter", "Marte Haugland",
       "--repo", community)
    assert read(meeting_file(community, "2026-05-21"))["agenda"] == [
        {"case": f"{FSU}/2026/2", "presenter": "Marte Haugland"}, {"kind": "information", "title": "Helseteam"}]


def test_approve_minutes_at_a_later_meeting_puts_the_approval_on_its_agenda(fsu, community):
    ok(fsu, "meeting", "agenda", FSU, "2026-11-19", "--add-information", "Status Helseteam", "--repo", community)
    lines = ok(fsu, "meeting", "approve-minutes", FSU, "2026-09-10", "--at", "2026-11-19", "--repo", community)
    assert lines == [
        f"Moved the meeting on 2026-09-10 out of {COMMITTEE} into data/meetings/{FSU}/2026-09-10.yaml.",
        (f"Recorded the minutes of 2026-09-10 as approved at the meeting on 2026-11-19 in "
        f"data/meetings/{FSU}/2026-09-10.yaml."),
        f"Added the approval of those minutes to the agenda in data/meetings/{FSU}/2026-11-19.yaml."]
    assert read(meeting_file(community, "2026-09-10"))["minutes"] == {
        "status": "approved", "approved": {"date": "2026-11-19", "by": "meeting"}}
    assert read(meeting_file(community, "2026-11-19"))["agenda"] == [
        {"kind": "approval-of-minutes", "meeting": "2026-09-10"}, {"kind": "information", "title": "Status Helseteam"}]
    assert findings(fsu, community) == []


def test_approve_minutes_by_email_and_at_a_listed_meeting(fsu, community):
    ok(fsu, "meeting", "approve-minutes", FSU, "2026-01-22", "--by", "email", "--date", "2026-02-01",
       "--repo", community)
    assert read(meeting_file(community, "2026-01-22"))["minutes"] == {
        "status": "approved", "approved": {"date": "2026-02-01", "by": "email"}}
    lines = ok(fsu, "meeting", "approve-minutes", FSU, "2026-03-19", "--at", "2026-05-21", "--repo", community)
    assert lines[-1] == ("The meeting on 2026-05-21 is in the committee's list, so it has no agenda to add the "
                         "approval to.")
    assert any(m["date"] == "2026-05-21" for m in listed(community))  # the later meeting stays in the list


def test_a_meeting_recorded_from_notice_to_approved_minutes_validates_clean(fsu, community):
    git(community, "init", "-q", "-b", "main")
    git(community, "config", "user.email", "sekretariat@example.org")
    git(community, "config", "user.name", "Sekretariatet")
    git(community, "add", "-A")
    git(community, "commit", "-q", "-m", "Start")
    day = "2026-11-20"
    ok(fsu, "meeting", "new", FSU, day, "--time", "09:00-12:00", "--location", "Storelv rådhus", "--form", "physical",
       "--repo", community)
    ok(fsu, "meeting", "notice", FSU, day, "--sent", "2026-11-10", "--repo", community)
    members = read(community / COMMITTEE)["members"]
    names = [m["name"] for m in members if m["name"] not in ("Kari Vatne", "Mads Holm")]
    ok(fsu, "meeting", "attend", FSU, day, *[a for n in names for a in ("--present", n)], "--absent", "Kari Vatne",
       "--reason", "sykdom", "--absent", "Mads Holm", "--repo", community)
    ok(fsu, "meeting", "agenda", FSU, day, "--standard", "--repo", community)
    ok(fsu, "meeting", "held", FSU, day, "--repo", community)
    ok(fsu, "meeting", "approve-minutes", FSU, day, "--by", "email", "--date", "2026-11-21", "--repo", community)
    record = read(meeting_file(community, day))
    assert list(record) == ["committee", "date", "status", "time", "location", "form", "notice_sent", "attendance",
                            "agenda", "minutes"]
    assert record["status"] == "held" and record["notice_sent"] == "2026-11-10"
    assert record["agenda"] == [{"kind": "approval-of-notice"}, {"kind": "approval-of-minutes", "meeting": "2026-11-19"},
                                {"kind": "any-other-business"}]
    assert findings(fsu, community) == []
    git(community, "add", "-A")
    staged = fsu("validate", "--staged", "--repo", community)
    assert staged.exit_code == 0, staged.stdout + staged.stderr
    assert sorted(git(community, "diff", "--cached", "--name-only").split()) == [f"data/meetings/{FSU}/{day}.yaml"]


def test_meetings_counts_meeting_files(fsu, community):
    def row_2026() -> list[str]:
        lines = ok(fsu, "meetings", FSU, "--repo", community)
        return next(line for line in lines if line.startswith("2026")).split("|")

    before = [cell.strip() for cell in row_2026()]
    ok(fsu, "meeting", "new", FSU, "2026-05-21", "--repo", community)  # moved: counted once, as before
    assert [cell.strip() for cell in row_2026()] == before
    ok(fsu, "meeting", "new", FSU, "2026-11-20", "--status", "held", "--repo", community)
    after = [cell.strip() for cell in row_2026()]
    assert int(after[1]) == int(before[1]) + 1


def test_status_shows_notices_due_this_week_and_minutes_awaiting_approval(fsu, community, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")

    def section(title: str) -> list[str]:
        lines = ok(fsu, "status", "--repo", community)
        at = lines.index(title)
        end = lines.index("", at)
        rows = [" | ".join(c.strip() for c in line.split("|")) for line in lines[at + 1:end]]
        return [row for row in rows if "FSU pasientforløp" in row] or rows[:1]

    assert section("Notices due this week") == ["nothing due"]  # SSU's meeting is in its list, with no rule
    ok(fsu, "meeting", "new", FSU, "2026-11-30", "--repo", community)
    assert section("Notices due this week") == [
        ("23.11.2026 | FSU pasientforløp | notice for the meeting 30.11.2026 is due 23.11.2026 (7 days, the default: "
        f"the mandate sets no notice_days); once sent: fsu meeting notice {FSU} 2026-11-30")]
    edit(community / MANDATE, "    min_per_year: 4\n", "    min_per_year: 4\n    notice_days: 10\n"
                                                        "    minutes_within_days: 21\n")
    assert section("Notices due this week") == [
        ("20.11.2026 | FSU pasientforløp | OVERDUE notice for the meeting 30.11.2026 was due 20.11.2026 (the mandate's "
        f"10 days); once sent: fsu meeting notice {FSU} 2026-11-30")]
    edit(community / MANDATE, "    notice_days: 10\n", "")  # the default week: advice, never overdue
    assert section("Notices due this week") == [
        ("23.11.2026 | FSU pasientforløp | notice for the meeting 30.11.2026 is due 23.11.2026 (7 days, the default: "
        f"the mandate sets no notice_days); once sent: fsu meeting notice {FSU} 2026-11-30")]
    assert ok(fsu, "status", "--as-of", "2026-11-25", "--repo", community)[-1] == "1 overdue item(s)."
    ok(fsu, "meeting", "notice", FSU, "2026-11-30", "--repo", community)
    assert read(meeting_file(community, "2026-11-30"))["notice_sent"] == "2026-11-22"
    assert section("Notices due this week") == ["nothing due"]

    assert section("Minutes awaiting approval") == ["nothing due"]
    ok(fsu, "meeting", "new", FSU, "2026-09-10", "--repo", community)
    ok(fsu, "meeting", "new", FSU, "2026-11-19", "--repo", community)
    assert section("Minutes awaiting approval") == [
        ("10.09.2026 | FSU pasientforløp | OVERDUE minutes of the meeting 10.09.2026 not approved, to be approved by "
        "01.10.2026 (the mandate's 21 days)"),
        ("19.11.2026 | FSU pasientforløp | minutes of the meeting 19.11.2026 not approved, to be approved by "
        "10.12.2026 (the mandate's 21 days)")]
    ok(fsu, "meeting", "approve-minutes", FSU, "2026-09-10", "--at", "2026-11-19", "--repo", community)
    assert [row.split(" | ")[0] for row in section("Minutes awaiting approval")] == ["19.11.2026"]


def test_moving_a_meeting_out_of_a_block_list_keeps_the_comments_around_it(fsu, community):
    ssu = community / "data/committees/ssu.yaml"
    edit(ssu, "  - date: 2025-08-28\n", "  # Ekstramøtet i august\n  - date: 2025-08-28\n")
    edit(ssu, "  - date: 2025-09-18\n", "  # Høstmøtet\n  - date: 2025-09-18\n")
    original = ssu.read_text(encoding="utf-8")
    ok(fsu, "meeting", "new", "ssu", "2025-08-28", "--repo", community)
    assert read(meeting_file(community, "2025-08-28", "ssu")) == {"committee": "ssu", "date": "2025-08-28",
                                                                  "status": "cancelled"}
    assert "\nstatus: cancelled  # ekstramøte, ikke lenger nødvendig\n" in \
        meeting_file(community, "2025-08-28", "ssu").read_text(encoding="utf-8")  # the entry's comment goes with it
    expected = original.replace("  - date: 2025-08-28\n    status: cancelled            # ekstramøte, ikke lenger "
                                "nødvendig\n", "")
    assert expected != original
    assert ssu.read_text(encoding="utf-8") == expected  # every other line, comment and blank line as it was
    assert findings(fsu, community) == []


def test_a_change_that_adds_a_warning_is_written_and_the_warning_shown(fsu, community):
    result = fsu("meeting", "held", FSU, "2026-12-17", "--repo", community)
    assert result.exit_code == 0
    assert result.lines == [f"Marked the meeting on 2026-12-17 held in {COMMITTEE}."]
    assert result.stderr.startswith("fsu validate warns about this change:\n")
    assert "FSU325 warning: The meeting on 2026-12-17 is marked held, but that date is after 2026-11-22." \
        in result.stderr
    assert {"date": "2026-12-17", "status": "held", "location": "Teams"} in listed(community)


def test_a_listed_meetings_present_and_absent_move_into_its_attendance(fsu, community):
    edit(community / COMMITTEE, "  - {date: 2026-09-10, status: held, location: Sykehuset Fjordvik}",
         "  - {date: 2026-09-10, status: held, location: Sykehuset Fjordvik, present: [Marte Haugland, Trine Løken],"
         " absent: [Kari Vatne]}")
    ok(fsu, "meeting", "attend", FSU, "2026-09-10", "--absent", "Mads Holm", "--reason", "ferie", "--repo", community)
    assert read(meeting_file(community, "2026-09-10"))["attendance"] == {
        "present": ["Marte Haugland", "Trine Løken"],
        "absent": [{"name": "Kari Vatne"}, {"name": "Mads Holm", "reason": "ferie"}]}


def test_a_meeting_both_listed_and_in_a_file_is_refused_until_one_is_removed(fsu, community):
    path = meeting_file(community, "2026-09-10")
    path.parent.mkdir(parents=True)
    path.write_text(f"committee: {FSU}\ndate: 2026-09-10\nstatus: held\n", encoding="utf-8")
    before = snapshot(community)
    result = fsu("meeting", "agenda", FSU, "2026-09-10", "--standard", "--repo", community)
    assert result.exit_code == 2
    assert result.stderr == (f"fsu: The meeting on 2026-09-10 is both in {COMMITTEE} and in "
                             f"data/meetings/{FSU}/2026-09-10.yaml (FSU402). Keep one: delete the entry in the list "
                             "or the file, then run the command again.\n")
    assert snapshot(community) == before


def test_the_secretarys_december_on_the_examples_own_meeting_files(fsu, tmp_path):
    """The example as it is: notice, attendance, held and approval recorded in files written by hand, whose
    comments stay; the whole repository validates as cleanly as before."""
    from conftest import PROJECT

    root = tmp_path / "example"
    root.mkdir()
    shutil.copy(PROJECT / "fsu.yaml", root / "fsu.yaml")
    shutil.copytree(PROJECT / "data", root / "data")
    before = findings(fsu, root, "--as-of", "2026-12-17")
    november, december = meeting_file(root, "2026-11-19"), meeting_file(root, "2026-12-17")
    november_text = november.read_text(encoding="utf-8")
    ok(fsu, "meeting", "notice", FSU, "2026-12-17", "--sent", "2026-12-03", "--repo", root)
    names = [m["name"] for m in read(root / COMMITTEE)["members"] if m.get("end_date") is None]
    ok(fsu, "meeting", "attend", FSU, "2026-12-17", *[a for n in names[1:] for a in ("--present", n)],
       "--absent", names[0], "--reason", "ferie", "--as-of", "2026-12-17", "--repo", root)
    ok(fsu, "meeting", "held", FSU, "2026-12-17", "--as-of", "2026-12-17", "--repo", root)
    lines = ok(fsu, "meeting", "approve-minutes", FSU, "2026-11-19", "--at", "2026-12-17", "--as-of", "2026-12-17",
               "--repo", root)
    assert lines == [(f"Recorded the minutes of 2026-11-19 as approved at the meeting on 2026-12-17 in "
                     f"data/meetings/{FSU}/2026-11-19.yaml.")]  # December's agenda already approves them
    assert november.read_text(encoding="utf-8") == november_text.replace(
        "minutes:\n  status: draft\n", "minutes:\n  status: approved\n  approved:\n    date: 2026-12-17\n"
        "    by: meeting\n")
    record = read(december)
    assert record["status"] == "held" and record["notice_sent"] == "2026-12-03"
    assert record["attendance"]["absent"] == [{"name": names[0], "reason": "ferie"}]
    assert [i.get("kind") for i in record["agenda"]].count("approval-of-minutes") == 1
    assert findings(fsu, root, "--as-of", "2026-12-17") == before


def test_agenda_standard_leaves_out_minutes_already_approved_by_email(fsu, community):
    ok(fsu, "meeting", "approve-minutes", FSU, "2026-03-19", "--by", "email", "--date", "2026-03-26",
       "--repo", community)
    ok(fsu, "meeting", "agenda", FSU, "2026-05-21", "--standard", "--repo", community)
    assert [i.get("kind", "case") for i in read(meeting_file(community, "2026-05-21"))["agenda"]] == [
        "approval-of-notice", "case", "any-other-business"]


def test_status_counts_the_orienteringer_on_a_meeting_files_agenda(fsu, monkeypatch):
    """The example's next FSU pasientforløp meeting has a file with one orientering and no case."""
    monkeypatch.setenv("COLUMNS", "250")
    lines = fsu("status", "--repo", PROJECT).lines
    row = next(line for line in lines if "FSU pasientforløp" in line and "meeting 17.12.2026" in line)
    assert row.split("|")[2].strip() == "meeting 17.12.2026, 0 case(s) on the agenda, 1 briefing(s) (orienteringer)"


def test_attend_records_the_chair_the_minute_taker_and_others_present(fsu, community):
    ok(fsu, "meeting", "attend", FSU, "2026-11-19", "--present", "Marte Haugland", "--chair", "trine løken",
       "--minute-taker", "Hilde Fossum", "--other", "Hilde Fossum, sekretariatet, referent", "--other", "Jon Aasen",
       "--repo", community)
    record = read(meeting_file(community, "2026-11-19"))
    assert (record["chair"], record["minute_taker"]) == ("Trine Løken", "Hilde Fossum")
    assert record["attendance"]["others"] == [
        {"name": "Hilde Fossum", "organization": "sekretariatet", "role": "referent"}, {"name": "Jon Aasen"}]
    assert list(record).index("chair") < list(record).index("minute_taker") < list(record).index("attendance")
    refused = fsu("meeting", "attend", FSU, "2026-11-19", "--other", "Jon Aasen,,", "--repo", community)
    assert refused.exit_code == 2 and "--other must be written" in refused.stderr
    refused = fsu("meeting", "attend", FSU, "2026-11-19", "--chair", "Jon Aasen", "--repo", community)
    assert refused.exit_code == 2 and "--chair 'Jon Aasen' is not a member" in refused.stderr


def test_a_meeting_file_that_cannot_be_read_is_not_replaced_or_worked_around(fsu, community):
    """It is mended first: no command writes over it, and none works on a list entry instead."""
    ok(fsu, "meeting", "new", FSU, "2027-02-04", "--repo", community)
    path = meeting_file(community, "2027-02-04")
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2027-02-04", "date 2027-02-04"), encoding="utf-8")
    broken = path.read_bytes()
    for args in (["meeting", "new", FSU, "2027-02-04"], ["meeting", "held", FSU, "2027-02-04"],
                 ["meeting", "attend", FSU, "2027-02-04", "--present", "Trine Løken"]):
        result = fsu(*args, "--repo", community)
        assert result.exit_code == 2, (args, result.stderr)
        assert "2027-02-04.yaml is there but cannot be read" in result.stderr and "fsu validate" in result.stderr
    assert path.read_bytes() == broken


def test_a_meeting_both_in_the_list_and_in_a_file_is_changed_in_neither(fsu, community):
    ok(fsu, "meeting", "new", FSU, "2027-02-04", "--repo", community)
    committee = community / f"data/committees/{FSU}.yaml"
    edit(committee, "meetings:\n", "meetings:\n  - {date: 2027-02-04, status: planned}\n")
    before = committee.read_bytes(), meeting_file(community, "2027-02-04").read_bytes()
    for args in (["meeting", "held", FSU, "2027-02-04"], ["new", "meeting", FSU, "2027-02-04", "--status", "cancelled"]):
        result = fsu(*args, "--repo", community)
        assert result.exit_code == 2 and "(FSU402)" in result.stderr, (args, result.stderr)
    assert (committee.read_bytes(), meeting_file(community, "2027-02-04").read_bytes()) == before


def test_the_standard_agenda_leaves_minutes_another_meeting_approves(fsu, community):
    """17.12.2026, planned, approves the minutes of 19.11.2026 on its agenda: 04.02.2027 does not again."""
    ok(fsu, "meeting", "agenda", FSU, "2026-12-17", "--standard", "--repo", community)
    assert {"kind": "approval-of-minutes", "meeting": "2026-11-19"} in read(meeting_file(community, "2026-12-17"))[
        "agenda"]
    ok(fsu, "meeting", "agenda", FSU, "2027-02-04", "--standard", "--repo", community)
    agenda = read(meeting_file(community, "2027-02-04"))["agenda"]
    assert [item.get("kind") for item in agenda] == ["approval-of-notice", "any-other-business"]


@pytest.mark.parametrize(("args", "message"), [
    (["--by", "email"], "fsu: Give the date the minutes were approved by email: --date DATE.\n"),
    (["--by", "meeting", "--date", "2026-12-01"],
     "fsu: Minutes approved at a meeting: give that meeting's date with --at DATE (not --by meeting).\n"),
])
def test_approve_minutes_says_what_is_missing(fsu, community, args, message):
    result = fsu("meeting", "approve-minutes", FSU, "2026-11-19", *args, "--repo", community)
    assert (result.exit_code, result.stderr) == (2, message)
