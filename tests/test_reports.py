"""``fsu leaders``, ``fsu meetings`` and ``fsu status`` on the example and on small communities."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT, edit
from small_community import write_small_community

FSU = "data/committees/fsu.yaml"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_community(tmp_path / "testfjord")


def rows(output: str) -> list[list[str]]:
    """The cells of a plain (piped) table, first line of each row only."""
    return [[cell.strip() for cell in line.split("|")] for line in output.splitlines() if " | " in line]


def test_leaders_table_and_next_term_advice(fsu):
    result = fsu("leaders", "ssu", "--repo", PROJECT)
    assert result.exit_code == 0
    assert result.lines[0] == "SSU – Strategisk samarbeidsutvalg"
    table = rows(result.stdout)
    assert table[0] == ["Period", "Leader", "Deputy", "Rotation"]
    assert table[1] == ["2024–2025", "Ingrid Solbakken", "Bjørn Moen", "–"]
    assert table[2] == ["", "SFV", "Storelv kommune", ""]
    assert table[3] == ["", "hospital", "municipality", ""]
    assert ["2026–2027", "Bjørn Moen", "Ingrid Solbakken", "held"] in table
    assert [line for line in result.lines if line][-1] == (
        "Next term: 2028–2029: leader from the hospital (Sykehuset Fjordvik HF), deputy from the municipalities"
    )


def test_leaders_next_term_in_the_issue_example_style(fsu, small):
    result = fsu("leaders", "fsu", "--repo", small)
    assert [line for line in result.lines if line][-1] == (
        "Next term: 2027: leader from the hospital (Testfjord sykehus HF), deputy from the municipalities"
    )


def test_leaders_next_term_after_a_hospital_term_goes_to_the_municipalities(fsu, small):
    text = (small / FSU).read_text(encoding="utf-8")
    text = text.replace("{role: leader, name: Mons Myklebust, start_date: 2026", "{role: leader, name: Hanne Holm, start_date: 2026")
    text = text.replace("{role: deputy, name: Hans Hauge, start_date: 2026", "{role: deputy, name: Mari Moe, start_date: 2026")
    (small / FSU).write_text(text, encoding="utf-8")
    result = fsu("leaders", "fsu", "--repo", small)
    assert ["2026", "Hanne Holm", "Mari Moe", "BROKEN"] in rows(result.stdout)
    assert [line for line in result.lines if line][-1] == (
        "Next term: 2027: leader from the municipalities, deputy from the hospital (Testfjord sykehus HF)"
    )


def test_leaders_for_one_year(fsu):
    result = fsu("leaders", "--year", "2025", "--repo", PROJECT)
    assert result.exit_code == 0
    table = rows(result.stdout)
    assert ["2024–2025", "Ingrid Solbakken", "Bjørn Moen", "–"] in table
    assert ["01.10.2025–30.09.2026", "Marte Haugland", "Trine Løken", "–"] in table
    assert not any(row[0] == "2026–2027" for row in table)
    assert "Next term" not in result.stdout


def test_leaders_of_an_unknown_committee_is_a_usage_error(fsu):
    result = fsu("leaders", "nope", "--repo", PROJECT)
    assert result.exit_code == 2
    assert "There is no committee 'nope'. Known committees: partnerskapsmote, ssu," in result.stderr


def test_leaders_accepts_the_short_name(fsu):
    result = fsu("leaders", "ps", "--repo", PROJECT)
    assert result.lines[0] == "PS – Partnerskapsmøtet"


def test_meetings_per_year_with_pro_rata_minimum(fsu):
    result = fsu("meetings", "fsu-psykisk-helse", "--repo", PROJECT)
    assert result.exit_code == 0
    table = rows(result.stdout)
    assert table[0] == ["Year", "Held", "Planned", "Cancelled", "Minimum", "Maximum", "Verdict"]
    assert table[1] == ["2025", "2", "0", "0", "1", "–", "met"]
    assert table[2] == ["", "", "", "", "4/yr × 2/12", "", ""]
    assert table[3] == ["2026", "5", "0", "0", "3", "–", "met"]


def test_meetings_verdicts(fsu, small):
    edit(small / FSU, "  - {date: 2024-05-02, status: held}\n", "")
    result = fsu("meetings", "fsu", "--repo", small)
    table = rows(result.stdout)
    assert ["2024", "3", "0", "0", "4", "–", "below minimum"] in table
    assert ["2026", "3", "1", "0", "4", "–", "on pace (year not over)"] in table
    edit(small / FSU, "  - {date: 2026-12-07, status: planned}\n", "")
    table = rows(fsu("meetings", "fsu", "--repo", small).stdout)
    assert ["2026", "3", "0", "0", "4", "–", "cannot reach minimum"] in table


def test_status_dashboard(fsu):
    result = fsu("status", "--repo", PROJECT)
    assert result.exit_code == 0
    assert result.lines[0] == (
        "Helsefellesskapet Fjordvik: status on 22.11.2026 (the next 3 months, and anything overdue)"
    )
    table = rows(result.stdout)
    assert ["26.11.2026", "SSU", "meeting 26.11.2026, 2 case(s) on the agenda"] in table
    assert ["–", "FSU akuttmedisin", "OVERDUE no meeting planned"] in table
    assert ["12.02.2027", "FSU akuttmedisin", "report to SSU due 12.02.2027 (last received"] in table
    assert any(row[2].startswith("SSU sak 05-2026 Sluttrapport") for row in table)
    assert any(row[2].startswith("draft mandate fsu-akuttmedisin-2027") for row in table)
    assert result.lines[-1] == "1 overdue item(s)."


def test_status_reports_terms_ending_with_advice_and_overdue_reports(fsu, small, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    table = rows(fsu("status", "--repo", small).stdout)
    assert ["31.12.2026", "FSU", "term ends 31.12.2026; elect for 2027: leader from the hospital "
            "(Testfjord sykehus HF), deputy from the municipalities"] in table
    assert ["31.12.2026", "FSU", "Hanne Holm: appointment (4 years from 01.01.2023) ends 31.12.2026"] in table
    # no report from FSU has reached SSU since FSU began in 2023
    assert ["01.01.2024", "FSU", "OVERDUE report to SSU due 01.01.2024 (none received yet)"] in table
    edit(small / "data/committees/ssu.yaml", "  - {date: 2022-12-01, status: held}",
         "  - {date: 2022-12-01, status: held}\n  - {date: 2026-02-05, status: held}")
    (small / "data/cases/ssu/2026").mkdir(parents=True)
    (small / "data/cases/ssu/2026/01.yaml").write_text(
        "committee: ssu\nyear: 2026\nnumber: 1\nmeeting: 2026-02-05\ntitle: Årsrapport 2025 fra FSU\n"
        "kind: information\nreports_for: fsu\ndecision: {date: 2026-02-05, outcome: adopted}\n", encoding="utf-8")
    table = rows(fsu("status", "--repo", small).stdout)
    assert ["05.02.2027", "FSU", "report to SSU due 05.02.2027 (last received 05.02.2026)"] in table


def test_reports_fit_an_80_column_terminal_and_are_plain_when_piped(fsu):
    for command in (["leaders"], ["meetings"], ["status"]):
        result = fsu(*command, "--repo", PROJECT)
        assert "\x1b[" not in result.stdout
        table_lines = [line for line in result.lines if " | " in line or line.startswith("-")]
        assert table_lines and all(len(line) <= 80 for line in table_lines), command


def test_reports_warn_when_files_have_errors(fsu, small):
    edit(small / FSU, "kind: fsu", "kind: fsu\nkind: fsu")
    result = fsu("leaders", "--repo", small)
    assert result.exit_code == 0
    assert "1 file(s) have errors" in result.stderr


def test_status_tracks_evaluations_presented_in_cases(fsu, small, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    edit(small / "data/mandates/fsu-2023.yaml", "  reporting: {to: ssu, every_months: 12}",
         "  reporting: {to: ssu, every_months: 12}\n  evaluation_every_months: 12")
    table = rows(fsu("status", "--repo", small).stdout)
    assert ["01.01.2024", "FSU", "OVERDUE evaluation due 01.01.2024 (none presented yet)"] in table
    edit(small / "data/committees/ssu.yaml", "  - {date: 2022-12-01, status: held}",
         "  - {date: 2022-12-01, status: held}\n  - {date: 2026-02-05, status: held}")
    (small / "data/cases/ssu/2026").mkdir(parents=True)
    (small / "data/cases/ssu/2026/01.yaml").write_text(
        "committee: ssu\nyear: 2026\nnumber: 1\nmeeting: 2026-02-05\ntitle: Evaluering av FSU\n"
        "kind: information\nevaluates: fsu\ndecision: {date: 2026-02-05, outcome: adopted}\n", encoding="utf-8")
    table = rows(fsu("status", "--repo", small).stdout)
    assert ["05.02.2027", "FSU", "evaluation due 05.02.2027 (last presented 05.02.2026)"] in table


def test_status_and_validate_agree_that_minutes_a_later_meeting_approved_are_approved(fsu, community, monkeypatch):
    """The minutes of 10.09.2026 left in draft in their file, while the held meeting of 19.11.2026 approved them
    on its agenda: neither fsu status nor fsu validate asks for them."""
    monkeypatch.setenv("COLUMNS", "250")
    edit(community / "data/meetings/fsu-pasientforlop/2026-09-10.yaml",
         "minutes:\n  status: approved\n  approved: {date: 2026-11-19, by: meeting}\n", "minutes:\n  status: draft\n")
    status = fsu("status", "--repo", community).stdout
    waiting = status[status.index("Minutes awaiting approval"):status.index("Leadership terms ending")]
    assert "10.09.2026" not in waiting and "19.11.2026" in waiting  # 19.11's own minutes are still a draft
    assert fsu("validate", "--repo", community).exit_code == 0
    later = fsu("status", "--as-of", "2027-03-01", "--repo", community).stdout
    assert "OVERDUE minutes of the meeting 19.11.2026" in later and "meeting 10.09.2026 in draft" not in later


def test_status_gives_no_appointment_term_to_a_substitute_or_an_observer(fsu, community, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    for name, role in (("Vera Vara", "substitute"), ("Ola Observatør", "observer"), ("Mona Medlem", "member")):
        added = fsu("member", "add", "ssu", "--name", name, "--organization", "fjordvik", "--start", "2022-12-01",
                    "--role", role, "--repo", community)
        assert added.exit_code == 0, added.stderr
    status = fsu("status", "--repo", community).stdout
    expiring = status[status.index("Appointments expiring"):status.index("Mandates")]
    assert "Mona Medlem: appointment (4 years from 01.12.2022) ends 30.11.2026" in expiring
    assert "Vera Vara" not in expiring and "Ola Observatør" not in expiring
