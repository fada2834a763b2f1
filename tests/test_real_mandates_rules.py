"""Rules for mandates as real communities write them (issue 15), through ``fsu validate``,
``fsu leaders`` and ``fsu status`` on a small community: fixed sides, an approval by the
partners, records kept from a date, and cases noted (tatt til orientering)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import edit, line_of, validation_findings as findings

FSU = "data/committees/fsu.yaml"
MANDATE = "data/mandates/fsu-2023.yaml"
CASE = "data/cases/fsu/2026/01.yaml"

# "kommunal leiar og nestleiar frå spesialisthelsetenesta", every term
FIXED_LEADERSHIP = """\
leadership:
  - {role: leader, name: Mari Moe, start_date: 2023-01-01, end_date: 2023-12-31}
  - {role: deputy, name: Hanne Holm, start_date: 2023-01-01, end_date: 2023-12-31}
  - {role: leader, name: Mons Myklebust, start_date: 2024-01-01, end_date: 2024-12-31}
  - {role: deputy, name: Hans Hauge, start_date: 2024-01-01, end_date: 2024-12-31}
  - {role: leader, name: Mari Moe, start_date: 2025-01-01, end_date: 2025-12-31}
  - {role: deputy, name: Hanne Holm, start_date: 2025-01-01, end_date: 2025-12-31}
  - {role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-12-31}
  - {role: deputy, name: Hans Hauge, start_date: 2026-01-01, end_date: 2026-12-31}
"""




@pytest.fixture
def fixed(small: Path) -> Path:
    """The small community with a municipal leader and a hospital deputy in every term, as its mandate fixes."""
    text = (small / FSU).read_text(encoding="utf-8")
    start, end = text.index("leadership:\n"), text.index("meetings:\n")
    (small / FSU).write_text(text[:start] + FIXED_LEADERSHIP + text[end:], encoding="utf-8")
    edit(small / MANDATE, "    alternate: [hospital, municipality]\n",
         "    leader_side: municipality\n    deputy_side: hospital\n")
    return small




def rows(output: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in output.splitlines() if " | " in line]


# --- fixed sides: leader_side and deputy_side (FSU318, FSU319) ----------------------------


def test_fixed_sides_kept_term_after_term_are_clean_although_one_side_always_leads(fsu, fixed):
    assert findings(fsu, fixed) == []


def test_leader_side_overrides_an_alternate_left_in_the_mandate(fsu, fixed):
    edit(fixed / MANDATE, "    leader_side: municipality\n",
         "    leader_side: municipality\n    alternate: [hospital, municipality]\n")
    assert findings(fsu, fixed) == []
    assert "fixed sides held" in fsu("leaders", "fsu", "--repo", fixed).stdout


def test_the_same_leadership_under_a_rotation_breaks_it(fsu, fixed):
    """The near miss: without leader_side, the municipalities leading every term is FSU315."""
    edit(fixed / MANDATE, "    leader_side: municipality\n    deputy_side: hospital\n",
         "    alternate: [hospital, municipality]\n")
    assert {f["code"] for f in findings(fsu, fixed)} == {"FSU315"}


def test_fsu318_a_leader_from_the_other_side(fsu, fixed):
    edit(fixed / FSU, "{role: leader, name: Mari Moe, start_date: 2025-01-01",
         "{role: leader, name: Hanne Holm, start_date: 2025-01-01")
    edit(fixed / FSU, "{role: deputy, name: Hanne Holm, start_date: 2025-01-01",
         "{role: deputy, name: Hans Hauge, start_date: 2025-01-01")
    found = findings(fsu, fixed)
    # one cause, one finding: the deputy from the hospital is right, so no FSU314 beside it
    assert [(f["code"], f["severity"], f["path"], f["line"]) for f in found] == [
        ("FSU318", "error", FSU, line_of(fixed / FSU, "{role: leader, name: Hanne Holm, start_date: 2025"))]
    assert found[0]["message"] == (
        "Hanne Holm is leader from 2025-01-01, but represents Testfjord sykehus HF (the hospital); "
        "the mandate fsu-2023 says the leader comes from the municipalities.")
    assert found[0]["hint"] == "Elect the leader among the representatives of the municipalities."


def test_fixed_sides_apply_to_a_by_election_inside_a_term(fsu, fixed):
    """A new leader from the right side continues the term; a new deputy from the wrong side is FSU319."""
    edit(fixed / FSU, "{role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-12-31}",
         "{role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-06-30}\n"
         "  - {role: leader, name: Mari Moe, start_date: 2026-07-01, end_date: 2026-12-31}")
    assert findings(fsu, fixed) == []
    edit(fixed / FSU, "{role: deputy, name: Hans Hauge, start_date: 2026-01-01, end_date: 2026-12-31}",
         "{role: deputy, name: Hans Hauge, start_date: 2026-01-01, end_date: 2026-06-30}\n"
         "  - {role: deputy, name: Mons Myklebust, start_date: 2026-07-01, end_date: 2026-12-31}")
    assert [(f["code"], f["line"]) for f in findings(fsu, fixed)] == [
        ("FSU319", line_of(fixed / FSU, "{role: deputy, name: Mons Myklebust, start_date: 2026-07-01"))]


def test_fsu319_a_deputy_from_the_other_side_is_one_finding_not_also_fsu314(fsu, fixed):
    edit(fixed / FSU, "{role: deputy, name: Hans Hauge, start_date: 2024-01-01",
         "{role: deputy, name: Mari Moe, start_date: 2024-01-01")
    found = findings(fsu, fixed)
    assert [(f["code"], f["line"]) for f in found] == [
        ("FSU319", line_of(fixed / FSU, "{role: deputy, name: Mari Moe, start_date: 2024"))]
    assert found[0]["message"] == (
        "Mari Moe is deputy from 2024-01-01, but represents Alfa kommune (the municipalities); "
        "the mandate fsu-2023 says the deputy comes from the hospital.")


def test_an_ineligible_leader_is_fsu313_only(fsu, fixed):
    edit(fixed / FSU, "{role: leader, name: Mari Moe, start_date: 2023-01-01",
         "{role: leader, name: Ulla Ulvik, start_date: 2023-01-01")
    assert [f["code"] for f in findings(fsu, fixed)] == ["FSU313"]


def test_leaders_advise_the_fixed_sides_for_the_next_term(fsu, fixed):
    result = fsu("leaders", "fsu", "--repo", fixed)
    assert result.exit_code == 0
    assert ["2026", "Mons Myklebust", "Hans Hauge", "fixed sides held"] in rows(result.stdout)
    assert [line for line in result.lines if line][-1] == (
        "Next term: 2027: the leader comes from the municipalities, the deputy from the hospital "
        "(Testfjord sykehus HF), as the mandate fixes.")


def test_leaders_show_fixed_sides_broken(fsu, fixed):
    edit(fixed / FSU, "{role: leader, name: Mons Myklebust, start_date: 2026-01-01",
         "{role: leader, name: Hanne Holm, start_date: 2026-01-01")
    result = fsu("leaders", "fsu", "--repo", fixed)
    assert ["2026", "Hanne Holm", "Hans Hauge", "fixed sides BROKEN"] in rows(result.stdout)
    assert "the leader comes from the municipalities" in result.stdout  # the advice follows the mandate


def test_status_advises_the_fixed_sides_when_the_term_ends(fsu, fixed, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    table = rows(fsu("status", "--repo", fixed).stdout)
    assert ["31.12.2026", "FSU", "term ends 31.12.2026; elect for 2027: the leader comes from the "
            "municipalities, the deputy from the hospital (Testfjord sykehus HF), as the mandate fixes."] in table


def test_a_deputy_side_alone_keeps_the_rotation_for_the_leader(fsu, small):
    edit(small / MANDATE, "    deputy_from_other_side: true\n", "    deputy_side: municipality\n")
    edit(small / FSU, "{role: deputy, name: Hanne Holm, start_date: 2024-01-01",
         "{role: deputy, name: Mons Myklebust, start_date: 2024-01-01")
    assert [f["code"] for f in findings(fsu, small)] == ["FSU319"]
    result = fsu("leaders", "fsu", "--repo", small)
    assert [line for line in result.lines if line][-1] == (
        "Next term: 2027: leader from the hospital (Testfjord sykehus HF), deputy from the municipalities")


# --- approved by the partners (FSU204, FSU205, FSU303, FSU304) ----------------------------

PARTNERS_APPROVAL = ("approved: {by: partners, date: 2022-12-01, "
                     "document: Samarbeidsavtale mellom Testfjord sykehus HF og kommunene}")


def test_a_mandate_approved_by_the_partners_needs_no_committee(fsu, small):
    edit(small / MANDATE, "approved: {by: ssu, date: 2022-12-01}", PARTNERS_APPROVAL)
    assert findings(fsu, small) == []
    # even when no committee existed on the date: the partners are no committee
    edit(small / MANDATE, "date: 2022-12-01", "date: 2019-06-20")
    assert findings(fsu, small) == []


def test_a_misspelt_partners_is_an_unknown_committee(fsu, small):
    edit(small / MANDATE, "approved: {by: ssu, date: 2022-12-01}", PARTNERS_APPROVAL.replace("partners", "partner"))
    assert [(f["code"], f["line"]) for f in findings(fsu, small)] == [("FSU204", line_of(small / MANDATE, "approved:"))]


def test_the_partners_approval_keeps_its_other_checks(fsu, small):
    edit(small / MANDATE, "approved: {by: ssu, date: 2022-12-01}",
         PARTNERS_APPROVAL.replace("date: 2022-12-01", "date: 2023-02-01, case: ssu/2022/9"))
    found = findings(fsu, small)
    assert sorted(f["code"] for f in found) == ["FSU205", "FSU303"]
    assert [f["message"] for f in found if f["code"] == "FSU303"] == [
        "The mandate is approved on 2023-02-01, after it takes effect on 2023-01-01."]


def test_an_approving_committee_that_did_not_exist_is_still_fsu304(fsu, small):
    """The near miss: a committee named in approved.by must have existed on the date."""
    edit(small / MANDATE, "approved: {by: ssu, date: 2022-12-01}", "approved: {by: ssu, date: 2019-06-20}")
    assert [f["code"] for f in findings(fsu, small)] == ["FSU304"]


# --- records kept from a date: records_from (FSU321) --------------------------------------


def _records_from_march_2025(root: Path) -> None:
    """FSU (founded 2023) recorded from 1 March 2025: the meetings before are not in the list."""
    text = (root / FSU).read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True)
            if not any(f"{{date: {year}-" in line for year in ("2023", "2024", "2025-02"))]
    (root / FSU).write_text("".join(kept).replace("dissolved: null\n", "dissolved: null\nrecords_from: 2025-03-01\n"),
                            encoding="utf-8")


def test_years_before_records_from_are_not_judged_and_the_first_is_pro_rata(fsu, small):
    _records_from_march_2025(small)
    assert findings(fsu, small) == []  # 2025: three meetings against round(4 × 10/12) = 3
    edit(small / FSU, "  - {date: 2025-05-02, status: held}\n", "")
    found = findings(fsu, small)
    assert [(f["code"], f["severity"]) for f in found] == [("FSU321", "error")]
    assert found[0]["message"] == ("FSU held 2 meeting(s) in 2025; its mandate requires at least 3 "
                                   "(4 a year, pro rata for 10 of 12 months).")


def test_without_records_from_the_missing_years_are_judged(fsu, small):
    """The near miss: the same meetings, with no records_from, fail 2023, 2024 and 2025."""
    _records_from_march_2025(small)
    edit(small / FSU, "records_from: 2025-03-01\n", "")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU321"]
    assert [f["message"].split(";")[0] for f in found] == [
        "FSU held 0 meeting(s) in 2023", "FSU held 0 meeting(s) in 2024", "FSU held 3 meeting(s) in 2025"]


def test_the_annual_report_falls_due_from_records_from(fsu, small, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    _records_from_march_2025(small)
    table = rows(fsu("status", "--repo", small).stdout)
    assert ["01.03.2026", "FSU", "OVERDUE report to SSU due 01.03.2026 (none received yet)"] in table


# --- cases noted: the outcome noted (FSU355) -----------------------------------------------

BRIEFING = "data/cases/fsu/2026/03.yaml"


def _briefing(root: Path, kind: str = "information", decision: str = "") -> None:
    (root / BRIEFING).write_text(
        f"committee: fsu\nyear: 2026\nnumber: 3\nmeeting: 2026-09-01\ntitle: Orientering om ventetider\n"
        f"kind: {kind}\n{decision}", encoding="utf-8")


@pytest.mark.parametrize("kind", ["information", "discussion"])
def test_a_briefing_noted_is_complete(fsu, small, kind):
    _briefing(small, kind, "decision: {date: 2026-09-01, outcome: noted}\n")
    assert findings(fsu, small) == []


@pytest.mark.parametrize("kind", ["information", "discussion"])
def test_a_briefing_not_yet_noted_is_a_warning_that_says_how_to_note_it(fsu, small, kind):
    _briefing(small, kind)
    found = findings(fsu, small)
    assert [(f["code"], f["severity"], f["path"]) for f in found] == [("FSU355", "warning", BRIEFING)]
    assert found[0]["hint"] == ("Record that the meeting noted it (tatt til orientering): "
                                "'decision: {date: 2026-09-01, outcome: noted}'.")
    assert fsu("validate", "--repo", small).exit_code == 0


def test_a_decision_case_without_a_decision_keeps_its_hint(fsu, small):
    edit(small / CASE, "decision: {date: 2026-09-01, outcome: adopted}\n", "")
    found = findings(fsu, small)
    assert [(f["code"], f["severity"]) for f in found] == [("FSU355", "warning")]
    assert found[0]["hint"] == "Add 'decision:' with date, outcome and text (fsu decide does it for you)."


def test_a_decision_case_noted_is_fine(fsu, small):
    edit(small / CASE, "outcome: adopted", "outcome: noted")
    assert findings(fsu, small) == []


def test_a_deviation_in_a_case_only_noted_accepts_nothing(fsu, small):
    """Deviations apply only under adopted or amended; the same case adopted accepts the finding."""
    edit(small / FSU, "  - {date: 2025-05-02, status: held}\n", "")
    edit(small / CASE, "outcome: adopted}", "outcome: noted}\ndeviations:\n  - {code: FSU321}")
    assert [(f["code"], f["severity"]) for f in findings(fsu, small)] == [("FSU321", "error")]
    assert fsu("validate", "--repo", small).exit_code == 1
    edit(small / CASE, "outcome: noted}", "outcome: adopted}")
    assert fsu("validate", "--repo", small).exit_code == 0


def test_status_asks_to_note_a_briefing_whose_meeting_has_passed(fsu, small, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    _briefing(small)
    table = rows(fsu("status", "--repo", small).stdout)
    assert ["01.09.2026", "FSU", "OVERDUE FSU sak 2026.03 Orientering om ventetider: meeting 01.09.2026 has passed, "
            "but the case is not recorded as noted (tatt til orientering)"] in table
    edit(small / BRIEFING, "kind: information\n", "kind: decision\nproposal: {kind: consensus, text: Tatt til orientering.}\n")
    table = rows(fsu("status", "--repo", small).stdout)
    assert ["01.09.2026", "FSU", "OVERDUE FSU sak 2026.03 Orientering om ventetider: meeting 01.09.2026 has passed "
            "with no decision recorded"] in table


# --- a by-election from the other side serves out the term (FSU315, FSU316, the advice) ----


def _by_election_2026(root: Path, end: str = "2026-12-31") -> None:
    """Mons Myklebust (municipality) leaves at midsummer 2026; Hanne Holm (hospital) leads the rest of the term."""
    edit(root / FSU, "{role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-12-31}",
         "{role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-06-30}\n"
         f"  - {{role: leader, name: Hanne Holm, start_date: 2026-07-01, end_date: {end}}}")


def test_a_by_election_keeps_the_terms_turn_and_the_next_terms_advice(fsu, small):
    _by_election_2026(small)
    assert findings(fsu, small) == []
    result = fsu("leaders", "fsu", "--repo", small)
    assert ["2026", "Mons Myklebust", "Hans Hauge", "held"] in rows(result.stdout)
    assert [line for line in result.lines if line][-1] == (
        "Next term: 2027: leader from the hospital (Testfjord sykehus HF), deputy from the municipalities")


def test_a_by_election_inside_a_term_is_not_a_broken_rotation_for_the_next_term(fsu, small):
    edit(small / FSU, "{role: leader, name: Hans Hauge, start_date: 2025-01-01, end_date: 2025-12-31}",
         "{role: leader, name: Hans Hauge, start_date: 2025-01-01, end_date: 2025-06-30}\n"
         "  - {role: leader, name: Mari Moe, start_date: 2025-07-01, end_date: 2025-12-31}")
    assert findings(fsu, small) == []  # 2025 stays the hospital's term, so 2026 is the municipalities'


def test_a_leader_from_the_other_side_past_the_term_end_begins_a_new_term(fsu, small):
    """The near miss: not serving out the term to its end, the new leader begins a term of their own."""
    _by_election_2026(small, end="2027-06-30")
    found = findings(fsu, small)
    assert [(f["code"], f["message"]) for f in found] == [
        ("FSU316", "The term 2026-01-01 to 2026-06-30 lasts 6 months; the mandate sets terms of 1 year(s) (12 months).")]
    table = rows(fsu("leaders", "fsu", "--repo", small).stdout)
    assert ["01.01.2026–30.06.2026", "Mons Myklebust", "–", "held"] in table
    assert ["01.07.2026–30.06.2027", "Hanne Holm", "Hans Hauge", "held"] in table


def _no_leadership(root: Path) -> None:
    text = (root / FSU).read_text(encoding="utf-8")
    start, end = text.index("leadership:\n"), text.index("meetings:\n")
    (root / FSU).write_text(text[:start] + text[end:], encoding="utf-8")


def test_before_any_leader_the_fixed_sides_are_advised(fsu, fixed, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    _no_leadership(fixed)
    assert [f["code"] for f in findings(fsu, fixed)] == ["FSU317"]
    result = fsu("leaders", "fsu", "--repo", fixed)
    assert result.exit_code == 0
    assert result.lines[0] == "FSU – Faglig samarbeidsutvalg"
    assert "No leadership is recorded. Elect for the first term: the leader comes from the municipalities, " \
           "the deputy from the hospital (Testfjord sykehus HF), as the mandate fixes." in result.stdout
    table = rows(fsu("status", "--repo", fixed).stdout)
    assert ["22.11.2026", "FSU", "OVERDUE no leader in office; elect for the first term: the leader comes from the "
            "municipalities, the deputy from the hospital (Testfjord sykehus HF), as the mandate fixes."] in table


def test_before_any_leader_a_rotation_gives_no_advice(fsu, small):
    """The near miss: whose turn it is follows from terms, and there are none."""
    _no_leadership(small)
    assert fsu("leaders", "fsu", "--repo", small).stdout.strip() == "No leadership is recorded."


def test_a_term_not_yet_recorded_is_advised_with_the_fixed_sides(fsu, fixed, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    edit(fixed / FSU, "  - {role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-12-31}\n", "")
    edit(fixed / FSU, "  - {role: deputy, name: Hans Hauge, start_date: 2026-01-01, end_date: 2026-12-31}\n", "")
    table = rows(fsu("status", "--repo", fixed).stdout)
    assert ["22.11.2026", "FSU", "OVERDUE no leader in office; elect for 2026: the leader comes from the "
            "municipalities, the deputy from the hospital (Testfjord sykehus HF), as the mandate fixes."] in table
