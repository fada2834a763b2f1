"""Meeting files (data/meetings/<committee>/<date>.yaml): loading, their place, and the list-or-file rule."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import edit

MEETING = """\
committee: fsu-pasientforlop
date: 2026-05-21
status: held
time: "09:00-12:00"
location: Teams
form: digital
"""


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


def findings(fsu, root: Path) -> list[dict]:
    result = fsu("validate", "--repo", root, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


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
    found = findings(fsu, community)
    assert {f["code"] for f in found} == {"FSU102", "FSU103"}
    hints = " ".join(f["hint"] for f in found)
    assert "orientering" in hints and "earlier meeting" in hints


def test_a_case_at_a_meeting_whose_file_is_broken_is_not_reported_again(fsu, community):
    unlist(community)
    write_meeting(community, "committee: [\n")
    codes = [f["code"] for f in findings(fsu, community)]
    assert codes and all(code.startswith("FSU00") for code in codes)  # the file's own syntax error only:
    # the case at that meeting is not told its meeting is missing (FSU207); the file's name makes it known
