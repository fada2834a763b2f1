"""Meeting files (data/meetings/<committee>/<date>.yaml): loading, their place, and the list-or-file rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import edit, meetings_back_in_the_list, line_of, validation_findings as findings

MEETING = """\
committee: fsu-pasientforlop
date: 2026-05-21
status: held
time: "09:00-12:00"
location: Teams
form: digital
"""


@pytest.fixture(autouse=True)
def _example_meetings_in_the_list(community: Path) -> None:
    """These tests write their own meeting files over the example committee's meetings as a list."""
    meetings_back_in_the_list(community)


def write_meeting(root: Path, text: str = MEETING, committee: str = "fsu-pasientforlop",
                  day: str = "2026-05-21") -> Path:
    path = root / "data" / "meetings" / committee / f"{day}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def unlist(root: Path, day: str = "2026-05-21") -> None:
    """Take the meeting out of the committee's list (it moves into a file)."""
    path = root / "data/committees/fsu-pasientforlop.yaml"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
             if f"date: {day}" not in line]
    path.write_text("".join(lines), encoding="utf-8")




def test_a_meeting_moved_into_a_file_validates_as_before_and_its_cases_find_it(fsu, community):
    unlist(community)
    write_meeting(community)
    assert findings(fsu, community) == []


def test_a_meeting_in_the_list_and_in_a_file_is_an_error_at_the_list_entry(fsu, community):
    write_meeting(community, MEETING.replace("2026-05-21", "2025-12-04"), day="2025-12-04")  # listed inline
    found = findings(fsu, community)
    assert [(f["code"], f["path"]) for f in found] == [("FSU402", "data/committees/fsu-pasientforlop.yaml")]
    assert "data/meetings/fsu-pasientforlop/2025-12-04.yaml" in found[0]["message"]


def test_a_meeting_files_date_and_committee_match_its_name_and_folder(fsu, community):
    unlist(community)
    path = write_meeting(community)
    edit(path, "date: 2026-05-21", "date: 2026-05-22")
    edit(path, "committee: fsu-pasientforlop", "committee: ssu")
    found = findings(fsu, community)
    place = [(f["code"], f["line"], f["message"]) for f in found if f["code"] == "FSU401"]
    assert [(code, line) for code, line, _ in place] == [("FSU401", 1), ("FSU401", 2)]
    assert "folder 'fsu-pasientforlop'" in place[0][2] and "'2026-05-21.yaml'" in place[1][2]


def test_a_meeting_file_in_the_folder_of_no_committee_is_an_error(fsu, community):
    write_meeting(community, MEETING.replace("fsu-pasientforlop", "fsu-pasientforlp"), committee="fsu-pasientforlp")
    codes = [f["code"] for f in findings(fsu, community)]
    assert codes == ["FSU403"]


def test_a_meeting_file_is_checked_against_its_schema(fsu, community):
    unlist(community)
    write_meeting(community, MEETING + "agenda:\n  - kind: information\n  - kind: approval-of-minutes\n"
                  "attendance:\n  present: [Marte Haugland]\n  absent: [Kari Vatne]\n")
    found = [f for f in findings(fsu, community) if f["code"].startswith("FSU1")]
    assert {f["code"] for f in found} == {"FSU102", "FSU103"}
    hints = " ".join(f["hint"] for f in found)
    assert "orientering" in hints and "earlier meeting" in hints


def test_a_case_at_a_meeting_whose_file_is_broken_is_not_reported_again(fsu, community):
    unlist(community)
    write_meeting(community, "committee: [\n")
    codes = [f["code"] for f in findings(fsu, community)]
    assert codes and all(code.startswith("FSU00") for code in codes)  # the file's own syntax error only:
    # the case at that meeting is not told its meeting is missing (FSU207); the file's name makes it known


# The members of fsu-pasientforlop in office on 2026-05-21, by side.
HOSPITAL = ["Marte Haugland", "Camilla Strand", "Siri Myhre", "Lars Øvrebø", "Håkon Brekke", "Anne Lise Grøtta"]
MUNICIPALITY = ["Trine Løken", "Ole Martin Skog", "Kari Vatne", "Mads Holm", "Synnøve Berge", "Geir Svendsen"]
MEMBERS = HOSPITAL + MUNICIPALITY + ["Svein Olav Rise", "Kristin Wold"]
MANDATE = "data/mandates/fsu-pasientforlop-2025.yaml"


def held(present=MEMBERS, absent=(), extra: str = "") -> str:
    """A held meeting file on 2026-05-21 with this attendance (the case 2026/2 is decided at it)."""
    lines = "".join(f"    - {name}\n" for name in present)
    gone = "".join(f"    - name: {name}\n" for name in absent)
    return (MEETING + "attendance:\n" + (f"  present:\n{lines}" if present else "")
            + (f"  absent:\n{gone}" if absent else "") + extra)


def with_rules(root: Path, quorum: str = "", meetings: str = "") -> None:
    """Give the committee's mandate quorum and meeting rules."""
    edit(root / MANDATE, "  meetings:\n    min_per_year: 4\n", quorum + "  meetings:\n    min_per_year: 4\n" + meetings)


def codes_and_lines(fsu, root: Path, code: str) -> list[tuple[int, str]]:
    return [(f["line"], f["message"]) for f in findings(fsu, root) if f["code"] == code]


def test_a_complete_meeting_record_that_keeps_every_rule_has_no_findings(fsu, community):
    with_rules(community, "  quorum:\n    min_share_present: 0.5\n    sides_present: [hospital, municipality]\n",
               "    notice_days: 7\n    minutes_within_days: 21\n")
    unlist(community)
    write_meeting(community, held(MEMBERS[1:], ["Marte Haugland"], extra=(
        "  substitutes:\n    - {name: Ola Vik, organization: sfv, for: Marte Haugland}\n"
        "notice_sent: 2026-05-14\n"
        "agenda:\n  - kind: approval-of-notice\n  - kind: approval-of-minutes\n    meeting: 2026-03-19\n"
        "  - case: fsu-pasientforlop/2026/2\n    time: '09:15-10:00'\n"
        "    recused: [{name: Kari Vatne, basis: fvl. § 6}]\n"
        "  - {kind: information, title: Status, time: '10:00-10:30'}\n"
        "minutes:\n  status: approved\n  approved: {date: 2026-06-04, by: email}\n")))
    assert findings(fsu, community) == []


def test_fsu404_attendance_names_members_in_office_in_files_and_in_the_list(fsu, community):
    unlist(community)
    path = write_meeting(community, held(["Marte Haugland", "Kari Vatn"] + MEMBERS[1:8] + MEMBERS[9:], ["Ola Nordmann"],
                                         extra="  substitutes:\n    - {name: Ola Vik, organization: lundheim, for: Per Ukjent}\n"))
    found = codes_and_lines(fsu, community, "FSU404")
    assert [line for line, _ in found] == [line_of(path, "Kari Vatn"), line_of(path, "Ola Nordmann"),
                                            line_of(path, "Ola Vik")]
    assert "Kari Vatn was not a member of FSU pasientforløp in office on 2026-05-21." == found[0][1]
    committee = community / "data/committees/fsu-pasientforlop.yaml"
    edit(committee, "{date: 2026-09-10, status: held, location: Sykehuset Fjordvik}",
         "{date: 2026-09-10, status: held, location: Sykehuset Fjordvik, present: [Marte Haugland, Per Ukjent]}")
    listed = [f for f in findings(fsu, community) if f["code"] == "FSU404" and f["path"].endswith("pasientforlop.yaml")]
    assert [(f["line"], f["message"]) for f in listed] == [
        (line_of(committee, "Per Ukjent"), "Per Ukjent was not a member of FSU pasientforløp in office on 2026-09-10.")]


def test_fsu404_a_member_whose_term_ended_is_told_their_dates(fsu, community):
    edit(community / "data/committees/fsu-pasientforlop.yaml",
         "  - name: Mads Holm\n    organization: havnoy\n    title: kommuneoverlege\n    start_date: 2025-10-01\n    end_date: null",
         "  - name: Mads Holm\n    organization: havnoy\n    title: kommuneoverlege\n    start_date: 2025-10-01\n    end_date: 2026-04-30")
    unlist(community)
    write_meeting(community, held())
    found = [f for f in findings(fsu, community) if f["code"] == "FSU404"]
    assert len(found) == 1 and "from 2025-10-01 to 2026-04-30" in found[0]["hint"]


def test_fsu405_nobody_is_both_present_and_absent(fsu, community):
    unlist(community)
    path = write_meeting(community, held(MEMBERS, ["Siri Myhre"]))
    assert codes_and_lines(fsu, community, "FSU405") == [
        (line_of(path, "- name: Siri Myhre"), "Siri Myhre is recorded both present and absent on 2026-05-21.")]


def test_fsu406_members_neither_present_nor_absent_are_a_warning_once_attendance_is_recorded(fsu, community):
    unlist(community)
    path = write_meeting(community, held(MEMBERS[:10], ["Synnøve Berge"]))
    found = [f for f in findings(fsu, community) if f["code"] == "FSU406"]
    assert [(f["severity"], f["line"]) for f in found] == [("warning", line_of(path, "attendance:"))]
    assert found[0]["message"].endswith("neither present nor absent: Geir Svendsen, Svein Olav Rise, Kristin Wold.")
    write_meeting(community)  # no attendance written: nothing to judge
    assert findings(fsu, community) == []


def test_fsu407_a_substitute_stands_for_an_absent_member_of_the_same_side(fsu, community):
    unlist(community)
    path = write_meeting(community, held(MEMBERS[1:], ["Marte Haugland"], extra=(
        "  substitutes:\n"
        "    - {name: Ola Vik, organization: sfv, for: Camilla Strand}\n"
        "    - {name: Per Berg, organization: fjordvik, for: Marte Haugland}\n"
        "    - {name: Eli Dahl, for: Marte Haugland}\n"
        "    - {name: Tor Ask, organization: ukjent, for: Marte Haugland}\n")))
    found = codes_and_lines(fsu, community, "FSU407")
    assert found == [
        (line_of(path, "Ola Vik"), "Ola Vik stands for Camilla Strand, who is not recorded as absent."),
        (line_of(path, "Per Berg"), "Per Berg (municipality) stands for Marte Haugland, who represents the hospital side."),
        (line_of(path, "Eli Dahl"), "Eli Dahl is not a member of FSU pasientforløp, and no organization is given."),
        (line_of(path, "Tor Ask"), "Tor Ask's organization 'ukjent' is not listed in fsu.yaml."),
    ]


QUORUM = "  quorum:\n    min_share_present: 0.5\n    sides_present: [hospital, municipality]\n"


def test_fsu408_too_few_present_for_a_decided_case_breaks_the_quorum_and_a_substitute_counts(fsu, community):
    with_rules(community, QUORUM)
    unlist(community)
    six = HOSPITAL[:3] + MUNICIPALITY[:3]
    path = write_meeting(community, held(six, [m for m in MEMBERS if m not in six]))
    found = [f for f in findings(fsu, community) if f["code"] == "FSU408"]
    assert [(f["severity"], f["line"]) for f in found] == [("error", line_of(path, "attendance:"))]
    assert "6 of 14 members in office counted present" in found[0]["message"]
    assert "requires 7" in found[0]["message"] and "fsu-pasientforlop/2026/2" in found[0]["message"]
    write_meeting(community, held(six, [m for m in MEMBERS if m not in six],
                                  extra=f"  substitutes:\n    - {{name: Ola Vik, organization: sfv, for: {HOSPITAL[4]}}}\n"))
    assert [f for f in findings(fsu, community) if f["code"] == "FSU408"] == []


def test_fsu408_every_side_in_sides_present_has_someone_present(fsu, community):
    with_rules(community, QUORUM)
    unlist(community)
    present = HOSPITAL + ["Svein Olav Rise", "Kristin Wold"]
    write_meeting(community, held(present, MUNICIPALITY))
    found = [f for f in findings(fsu, community) if f["code"] == "FSU408"]
    assert len(found) == 1 and "nobody present from the municipality side" in found[0]["message"]
    assert "counted present" not in found[0]["message"]  # 8 of 14: the share holds


def test_fsu408_recused_members_do_not_count_for_their_item(fsu, community):
    with_rules(community, QUORUM)
    unlist(community)
    seven = HOSPITAL[:4] + MUNICIPALITY[:3]
    path = write_meeting(community, held(seven, [m for m in MEMBERS if m not in seven], extra=(
        "agenda:\n  - case: fsu-pasientforlop/2026/2\n    recused:\n      - {name: Trine Løken, basis: fvl. § 6}\n")))
    found = codes_and_lines(fsu, community, "FSU408")
    assert [line for line, _ in found] == [line_of(path, "recused:")]
    assert found[0][1].startswith("Without the recused members, fsu-pasientforlop/2026/2 was not quorate: 6 of 14")


def test_fsu408_quorum_is_not_judged_without_rules_or_without_attendance(fsu, community):
    unlist(community)
    write_meeting(community, held(HOSPITAL[:2], [m for m in MEMBERS if m not in HOSPITAL[:2]]))
    assert findings(fsu, community) == []  # the mandate has no rules.quorum
    with_rules(community, QUORUM)
    write_meeting(community)
    assert findings(fsu, community) == []  # no attendance recorded


def test_fsu409_agenda_cases_exist_and_belong_to_this_meeting(fsu, community):
    unlist(community)
    path = write_meeting(community, MEETING + (
        "agenda:\n  - case: fsu-pasientforlop/2026/2\n  - case: fsu-pasientforlop/2026/1\n"
        "  - case: fsu-pasientforlop/2026/9\n  - case: ssu/2025/1\n"))
    found = codes_and_lines(fsu, community, "FSU409")
    assert found == [
        (line_of(path, "2026/1"), "The case fsu-pasientforlop/2026/1 is set to 2026-01-22, not to this meeting on 2026-05-21."),
        (line_of(path, "2026/9"), "There is no case fsu-pasientforlop/2026/9."),
        (line_of(path, "ssu/2025/1"), "The case ssu/2025/1 belongs to the committee 'ssu', not fsu-pasientforlop."),
    ]


def test_fsu410_once_an_agenda_exists_every_case_of_the_meeting_is_on_it(fsu, community):
    unlist(community)
    path = write_meeting(community, MEETING + "agenda:\n  - kind: approval-of-notice\n")
    found = [f for f in findings(fsu, community) if f["code"] == "FSU410"]
    assert [(f["severity"], f["line"]) for f in found] == [("warning", line_of(path, "agenda:"))]
    assert "fsu-pasientforlop/2026/2" in found[0]["message"] and "- case: fsu-pasientforlop/2026/2" in found[0]["hint"]


def test_fsu411_time_slots_fall_within_the_meeting_and_do_not_overlap(fsu, community):
    unlist(community)
    path = write_meeting(community, MEETING + (
        "agenda:\n  - case: fsu-pasientforlop/2026/2\n    time: '09:30-10:15'\n"
        "  - {kind: information, title: A, time: '10:00-10:30'}\n"
        "  - {kind: information, title: B, time: '11:30-12:30'}\n"
        "  - {kind: information, title: C, time: '08:00'}\n"
        "  - {kind: information, title: D, time: '11:00-10:45'}\n"))
    found = [(f["severity"], f["line"], f["message"]) for f in findings(fsu, community) if f["code"] == "FSU411"]
    assert found == [
        ("warning", line_of(path, "title: A"), "The item's time 10:00-10:30 overlaps 09:30-10:15."),
        ("warning", line_of(path, "title: B"), "The item's time 11:30-12:30 is outside the meeting's 09:00-12:00."),
        ("warning", line_of(path, "title: C"), "The item's time 08:00 is outside the meeting's 09:00-12:00."),
        ("warning", line_of(path, "title: D"), "The item's time 11:00-10:45 ends before it starts."),
    ]


def test_fsu412_approval_of_minutes_names_an_earlier_held_meeting(fsu, community):
    unlist(community)
    path = write_meeting(community, MEETING + (
        "agenda:\n  - case: fsu-pasientforlop/2026/2\n"
        "  - {kind: approval-of-minutes, meeting: 2026-03-19}\n"
        "  - {kind: approval-of-minutes, meeting: 2026-03-18}\n"
        "  - {kind: approval-of-minutes, meeting: 2026-09-10}\n"
        "  - {kind: approval-of-minutes, meeting: 2026-12-17}\n"))
    found = codes_and_lines(fsu, community, "FSU412")
    assert [line for line, _ in found] == [line_of(path, "2026-03-18"), line_of(path, "2026-09-10"),
                                            line_of(path, "2026-12-17")]
    assert "no meeting on 2026-03-18" in found[0][1] and "not earlier" in found[1][1]


def test_fsu413_minutes_are_approved_within_the_mandates_days(fsu, community):
    with_rules(community, meetings="    minutes_within_days: 70\n")
    unlist(community, "2026-03-19")
    unlist(community)
    march = write_meeting(community, MEETING.replace("2026-05-21", "2026-03-19"), day="2026-03-19")
    may = write_meeting(community, MEETING + (
        "agenda:\n  - {kind: approval-of-minutes, meeting: 2026-03-19}\n  - case: fsu-pasientforlop/2026/2\n"
        "minutes:\n  status: approved\n  approved: {date: 2026-06-01, by: email}\n"))
    assert findings(fsu, community) == []  # March approved at the May meeting, 63 days after
    edit(community / MANDATE, "minutes_within_days: 70", "minutes_within_days: 21")
    found = [f for f in findings(fsu, community) if f["code"] == "FSU413"]
    assert [(f["severity"], f["path"]) for f in found] == [("warning", "data/meetings/fsu-pasientforlop/2026-03-19.yaml")]
    assert "approved on 2026-05-21, 63 days after the meeting; the mandate allows 21" in found[0]["message"]
    edit(may, "2026-06-01", "2026-06-12")
    edit(may, "  - {kind: approval-of-minutes, meeting: 2026-03-19}\n", "")
    found = [(f["path"], f["message"]) for f in findings(fsu, community) if f["code"] == "FSU413"]
    assert found == [
        (str(march.relative_to(community)),
         "The minutes are not approved, and were due by 2026-04-09 (21 days after the meeting)."),
        (str(may.relative_to(community)),
         "The minutes were approved on 2026-06-12, 22 days after the meeting; the mandate allows 21."),
    ]


def test_fsu414_the_notice_goes_out_notice_days_before(fsu, community):
    with_rules(community, meetings="    notice_days: 7\n")
    unlist(community)
    path = write_meeting(community, MEETING + "notice_sent: 2026-05-18\n")
    found = codes_and_lines(fsu, community, "FSU414")
    message = "The notice was sent on 2026-05-18, 3 day(s) before the meeting; the mandate requires 7."
    assert found == [(line_of(path, "notice_sent"), message)]
    edit(path, "2026-05-18", "2026-05-14")
    assert findings(fsu, community) == []


def test_fsu415_a_cancelled_meeting_has_no_attendance_and_no_decisions(fsu, community):
    unlist(community)
    path = write_meeting(community, held().replace("status: held", "status: cancelled"))
    found = codes_and_lines(fsu, community, "FSU415")
    assert [line for line, _ in found] == [line_of(path, "status:"), line_of(path, "attendance:")]
    assert "fsu-pasientforlop/2026/2" in found[0][1] and "attendance is recorded" in found[1][1]
    assert "FSU354" in [f["code"] for f in findings(fsu, community)]  # the case is told too, as before


def test_fsu413_a_mandate_allowing_more_days_than_the_calendar_holds_is_no_traceback(fsu, community):
    with_rules(community, meetings="    minutes_within_days: 99999999999\n")
    unlist(community)
    write_meeting(community)
    assert [f for f in findings(fsu, community) if f["code"] == "FSU413"] == []
    edit(community / MANDATE, "99999999999", "1")
    assert [f["code"] for f in findings(fsu, community)] == ["FSU413"]


def test_fsu405_holds_for_the_present_and_absent_of_a_meeting_in_the_list_too(fsu, community):
    committee = community / "data/committees/fsu-pasientforlop.yaml"
    edit(committee, "{date: 2026-09-10, status: held, location: Sykehuset Fjordvik}",
         "{date: 2026-09-10, status: held, location: Sykehuset Fjordvik, present: [Mads Holm], absent: [Mads Holm]}")
    found = [(f["code"], f["path"], f["line"]) for f in findings(fsu, community)]
    assert found == [("FSU405", "data/committees/fsu-pasientforlop.yaml", line_of(committee, "absent: [Mads Holm]"))]


def test_a_meeting_file_marked_planned_after_its_date_is_reported_in_the_file(fsu, community):
    """FSU324 (and FSU325) point at the meeting's own file when the meeting has one."""
    unlist(community, "2026-11-19")
    path = write_meeting(community, MEETING.replace("2026-05-21", "2026-11-19").replace("held", "planned"),
                         day="2026-11-19")
    found = [f for f in findings(fsu, community) if f["code"] == "FSU324"]
    assert [(f["path"], f["line"]) for f in found] == [("data/meetings/fsu-pasientforlop/2026-11-19.yaml", 3)]
    assert path.read_text(encoding="utf-8").splitlines()[2] == "status: planned"


def test_fsu408_a_case_only_taken_note_of_needs_no_quorum(fsu, community):
    """The meeting decides nothing when it only takes note (tatt til orientering) of an information case."""
    with_rules(community, QUORUM)
    unlist(community)
    six = HOSPITAL[:3] + MUNICIPALITY[:3]
    write_meeting(community, held(six, [m for m in MEMBERS if m not in six]))
    assert [f["code"] for f in findings(fsu, community) if f["code"] == "FSU408"] == ["FSU408"]
    case = community / "data/cases/fsu-pasientforlop/2026/02.yaml"
    edit(case, "kind: decision", "kind: information")
    edit(case, "outcome: adopted", "outcome: noted")
    assert [f for f in findings(fsu, community) if f["code"] == "FSU408"] == []
