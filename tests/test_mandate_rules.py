"""The mandate's rules (FSU3xx), through ``fsu validate``: each rule with a change that
triggers it at the right line, and a near miss that does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import edit, line_of, validation_findings as findings

FSU = "data/committees/fsu.yaml"
MANDATE = "data/mandates/fsu-2023.yaml"
CASE = "data/cases/fsu/2026/01.yaml"
UPCOMING = "data/cases/fsu/2026/02.yaml"






def codes(fsu, root: Path, *options: str) -> list[str]:
    return [f["code"] for f in findings(fsu, root, *options)]


def only(fsu, root: Path, code: str) -> dict:
    found = findings(fsu, root)
    assert [f["code"] for f in found] == [code], found
    return found[0]


def test_the_small_community_follows_its_mandates(fsu, small):
    assert findings(fsu, small) == []
    result = fsu("validate", "--repo", small)
    assert result.exit_code == 0


# --- which mandate applies (FSU301-305) ---------------------------------------------


def test_fsu301_no_mandate_in_force(fsu, small):
    (small / MANDATE).unlink()
    found = [f for f in findings(fsu, small) if f["code"] == "FSU301"]
    assert [(f["path"], f["line"], f["severity"]) for f in found] == [(FSU, 1, "warning")]
    assert found[0]["message"] == "FSU has no approved mandate in force on 2026-11-22."


def test_fsu301_draft_does_not_count_but_a_dissolved_committee_needs_none(fsu, small):
    edit(small / MANDATE, "status: approved", "status: draft")
    assert "FSU301" in codes(fsu, small)
    edit(small / FSU, "dissolved: null", "dissolved: 2022-12-31")
    edit(small / FSU, "founded: 2023-01-01", "founded: 2022-01-01")
    assert "FSU301" not in codes(fsu, small)


def test_fsu302_time_limited_mandate_ran_out(fsu, small):
    edit(small / MANDATE, "valid_until: null", "valid_until: 2026-06-30")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU302"]
    assert [(f["path"], f["line"]) for f in found] == [(MANDATE, line_of(small / MANDATE, "valid_until"))]
    assert "ran out on 2026-06-30, but FSU is not dissolved" in found[0]["message"]


def test_fsu302_not_while_the_mandate_still_runs(fsu, small):
    edit(small / MANDATE, "valid_until: null", "valid_until: 2026-12-31")
    assert findings(fsu, small) == []


def test_fsu303_approved_after_it_takes_effect(fsu, small):
    edit(small / MANDATE, "approved: {by: ssu, date: 2022-12-01}", "approved: {by: ssu, date: 2023-02-01}")
    finding = only(fsu, small, "FSU303")
    assert (finding["path"], finding["line"], finding["severity"]) == (MANDATE, 5, "error")
    assert finding["message"] == "The mandate is approved on 2023-02-01, after it takes effect on 2023-01-01."


def test_fsu303_approval_on_the_first_day_is_fine(fsu, small):
    edit(small / MANDATE, "approved: {by: ssu, date: 2022-12-01}", "approved: {by: ssu, date: 2023-01-01}")
    assert findings(fsu, small) == []


def test_fsu304_approved_by_a_committee_not_yet_founded(fsu, small):
    edit(small / MANDATE, "approved: {by: ssu, date: 2022-12-01}", "approved: {by: ssu, date: 2019-06-01}")
    finding = only(fsu, small, "FSU304")
    assert finding["message"] == "SSU approved the mandate on 2019-06-01, but it was founded 2020-01-01."
    assert finding["line"] == 5


def test_fsu305_two_mandates_without_supersedes(fsu, small):
    text = (small / MANDATE).read_text(encoding="utf-8")
    newer = text.replace("id: fsu-2023", "id: fsu-2025").replace("valid_from: 2023-01-01", "valid_from: 2025-01-01")
    (small / "data/mandates/fsu-2025.yaml").write_text(newer, encoding="utf-8")
    finding = only(fsu, small, "FSU305")
    assert finding["path"] == "data/mandates/fsu-2025.yaml"
    assert finding["message"].startswith("Both fsu-2025 and fsu-2023 are in force for FSU on 2026-11-22")
    (small / "data/mandates/fsu-2025.yaml").write_text(
        newer.replace("valid_until: null", "valid_until: null\nsupersedes: [fsu-2023]"), encoding="utf-8")
    assert findings(fsu, small) == []


# --- leadership (FSU311-317) -----------------------------------------------------------


def test_fsu311_two_leaders_at_once(fsu, small):
    edit(small / FSU, "{role: leader, name: Hans Hauge, start_date: 2025-01-01, end_date: 2025-12-31}",
         "{role: leader, name: Hans Hauge, start_date: 2025-01-01, end_date: null}")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU311"]
    assert [(f["path"], f["line"]) for f in found] == [(FSU, line_of(small / FSU, "leader, name: Mons"))]
    assert found[0]["message"] == (
        "Mons Myklebust becomes leader on 2026-01-01 while Hans Hauge is still leader (with no end date).")


def test_fsu312_leader_who_was_not_a_member(fsu, small):
    edit(small / FSU, "{role: leader, name: Mari Moe, start_date: 2024-01-01",
         "{role: leader, name: Marit Moe, start_date: 2024-01-01")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU312"]
    assert [(f["path"], f["line"]) for f in found] == [(FSU, line_of(small / FSU, "name: Marit Moe"))]
    assert found[0]["message"] == "Marit Moe is leader from 2024-01-01, but is not a member of FSU."


def test_fsu312_membership_that_ends_inside_the_term(fsu, small):
    edit(small / FSU, "{name: Mons Myklebust, organization: beta, start_date: 2023-01-01, end_date: null}",
         "{name: Mons Myklebust, organization: beta, start_date: 2023-01-01, end_date: 2026-06-30}")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU312"]
    assert len(found) == 1
    assert found[0]["message"] == (
        "Mons Myklebust is leader from 2026-01-01 to 2026-12-31, but is not a member of FSU on 2026-07-01.")


def test_fsu312_membership_renewed_without_a_gap_covers_the_term(fsu, small):
    edit(small / FSU, "{name: Mons Myklebust, organization: beta, start_date: 2023-01-01, end_date: null}",
         "{name: Mons Myklebust, organization: beta, start_date: 2023-01-01, end_date: 2025-12-31}\n"
         "  - {name: Mons Myklebust, organization: beta, start_date: 2026-01-01, end_date: null}")
    assert findings(fsu, small) == []


def test_fsu313_user_representative_as_leader(fsu, small):
    edit(small / FSU, "{role: leader, name: Hans Hauge, start_date: 2025-01-01",
         "{role: leader, name: Ulla Ulvik, start_date: 2025-01-01")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU313"]
    assert [(f["line"], f["severity"]) for f in found] == [(line_of(small / FSU, "leader, name: Ulla"), "error")]
    assert "represents Brukerutvalget (the user representatives)" in found[0]["message"]


def test_fsu314_leader_and_deputy_from_the_same_side(fsu, small):
    edit(small / FSU, "{role: deputy, name: Mons Myklebust, start_date: 2025-01-01",
         "{role: deputy, name: Hanne Holm, start_date: 2025-01-01")
    finding = only(fsu, small, "FSU314")
    assert finding["line"] == line_of(small / FSU, "deputy, name: Hanne Holm, start_date: 2025")
    assert finding["message"] == (
        "Deputy Hanne Holm and leader Hans Hauge both come from the hospital; "
        "the mandate fsu-2023 wants the deputy from another side.")


def test_fsu314_not_when_the_mandate_allows_it(fsu, small):
    edit(small / FSU, "{role: deputy, name: Mons Myklebust, start_date: 2025-01-01",
         "{role: deputy, name: Hanne Holm, start_date: 2025-01-01")
    edit(small / MANDATE, "deputy_from_other_side: true", "deputy_from_other_side: false")
    assert findings(fsu, small) == []


def test_fsu315_municipality_leads_again_after_a_municipal_term(fsu, small):
    # 2026 was the municipalities' turn; give 2025 to a municipality as well
    edit(small / FSU, "{role: leader, name: Hans Hauge, start_date: 2025-01-01",
         "{role: leader, name: Mari Moe, start_date: 2025-01-01")
    edit(small / FSU, "{role: deputy, name: Mons Myklebust, start_date: 2025-01-01",
         "{role: deputy, name: Hans Hauge, start_date: 2025-01-01")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU315"]
    # 2025 repeats the municipalities of 2024, and 2026 then repeats 2025
    assert [f["line"] for f in found] == [
        line_of(small / FSU, "leader, name: Mari Moe, start_date: 2025"),
        line_of(small / FSU, "leader, name: Mons Myklebust"),
    ]
    assert found[0]["message"] == (
        "Mari Moe (the municipalities) leads from 2025-01-01, but the municipalities also led the term "
        "before; by the mandate, it is the turn of the hospital to lead this term.")


def test_fsu315_a_leader_replaced_mid_term_by_the_same_side_continues_the_term(fsu, small):
    edit(small / FSU, "{role: leader, name: Hans Hauge, start_date: 2025-01-01, end_date: 2025-12-31}",
         "{role: leader, name: Hans Hauge, start_date: 2025-01-01, end_date: 2025-06-30}\n"
         "  - {role: leader, name: Hanne Holm, start_date: 2025-07-01, end_date: 2025-12-31}")
    assert findings(fsu, small) == []


def test_fsu316_term_longer_than_the_mandate_says(fsu, small):
    edit(small / FSU, "{role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-12-31}",
         "{role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2027-12-31}")
    finding = only(fsu, small, "FSU316")
    assert finding["severity"] == "warning"
    assert finding["message"] == (
        "The term 2026-01-01 to 2027-12-31 lasts 24 months; the mandate sets terms of 1 year(s) (12 months).")


def test_fsu316_a_term_cut_short_by_dissolution_is_fine(fsu, small):
    edit(small / FSU, "dissolved: null", "dissolved: 2026-12-10")
    edit(small / FSU, "end_date: 2026-12-31}", "end_date: 2026-12-10}", count=2)
    assert findings(fsu, small) == []


def test_fsu317_no_leader_in_office(fsu, small):
    text = (small / FSU).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "start_date: 2026-01-01, end_date: 2026-12-31}" not in line]
    (small / FSU).write_text("\n".join(lines) + "\n", encoding="utf-8")
    finding = only(fsu, small, "FSU317")
    assert finding["message"] == "FSU has no leader in office on 2026-11-22."
    assert finding["severity"] == "warning"
    assert "FSU317" not in codes(fsu, small, "--as-of", "2025-06-01")


# --- meetings (FSU321-325) --------------------------------------------------------------


def test_fsu321_three_meetings_in_a_past_year_against_four(fsu, small):
    edit(small / FSU, "  - {date: 2024-05-02, status: held}\n", "")
    finding = only(fsu, small, "FSU321")
    assert (finding["path"], finding["line"], finding["severity"]) == (
        FSU, line_of(small / FSU, "2024-02-01"), "error")
    assert finding["message"] == "FSU held 3 meeting(s) in 2024; its mandate requires at least 4."


def test_fsu321_a_cancelled_meeting_does_not_count(fsu, small):
    edit(small / FSU, "{date: 2024-05-02, status: held}", "{date: 2024-05-02, status: cancelled}")
    assert codes(fsu, small) == ["FSU321"]


def test_fsu321_committee_dissolved_in_october_with_three_meetings_meets_four_pro_rata(fsu, small):
    edit(small / FSU, "dissolved: null", "dissolved: 2026-10-31")
    edit(small / FSU, "  - {date: 2026-12-07, status: planned}\n", "")
    edit(small / FSU, "end_date: 2026-12-31}", "end_date: 2026-10-31}", count=2)
    (small / UPCOMING).unlink()
    assert findings(fsu, small) == []
    result = fsu("meetings", "--repo", small, "fsu", "--year", "2026")
    assert "4/yr × 10/12" in result.stdout
    # two meetings would not do: round(4 × 10/12) = 3
    edit(small / FSU, "  - {date: 2026-09-01, status: held}\n", "")
    edit(small / CASE, "meeting: 2026-09-01", "meeting: 2026-05-04")
    edit(small / CASE, "date: 2026-09-01", "date: 2026-05-04")
    finding = only(fsu, small, "FSU321")
    assert finding["message"] == (
        "FSU held 2 meeting(s) in 2026; its mandate requires at least 3 (4 a year, pro rata for 10 of 12 months).")


def test_fsu321_committee_founded_mid_year_is_judged_pro_rata(fsu, small):
    # founded in July 2023: six months at four a year is two meetings
    edit(small / FSU, "founded: 2023-01-01", "founded: 2023-07-01")
    edit(small / MANDATE, "valid_from: 2023-01-01", "valid_from: 2023-07-01")
    for day in ("2023-02-01", "2023-05-01", "2023-09-01"):
        edit(small / FSU, f"  - {{date: {day}, status: held}}\n", "")
    text = (small / FSU).read_text(encoding="utf-8").replace("start_date: 2023-01-01", "start_date: 2023-07-01")
    (small / FSU).write_text(text, encoding="utf-8")
    # the first term, July to December, is shorter than a year: a warning, as the mandate intends
    assert sorted(codes(fsu, small)) == ["FSU316", "FSU321"]
    [finding] = [f for f in findings(fsu, small) if f["code"] == "FSU321"]
    assert finding["message"] == (
        "FSU held 1 meeting(s) in 2023; its mandate requires at least 2 (4 a year, pro rata for 6 of 12 months).")


def test_fsu322_current_year_out_of_reach(fsu, small):
    edit(small / FSU, "  - {date: 2026-12-07, status: planned}\n", "")
    (small / UPCOMING).unlink()
    finding = only(fsu, small, "FSU322")
    assert finding["severity"] == "warning"
    assert finding["message"] == (
        "FSU has held 3 and planned 0 more meeting(s) in 2026; its mandate requires at least 4.")


def test_fsu322_current_year_on_pace_is_fine(fsu, small):
    # the baseline: three held and one planned in 2026
    assert "FSU322" not in codes(fsu, small)
    result = fsu("meetings", "--repo", small, "fsu", "--year", "2026")
    assert "on pace (year not over)" in result.stdout


def test_fsu323_above_maximum(fsu, small):
    edit(small / MANDATE, "max_per_year: null", "max_per_year: 3")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU323"]
    assert [f["message"] for f in found][:1] == ["FSU held 4 meetings in 2023; its mandate allows at most 3."]
    assert all(f["severity"] == "warning" for f in found)


def test_fsu324_planned_meeting_in_the_past(fsu, small):
    edit(small / FSU, "  - {date: 2026-12-07, status: planned}\n",
         "  - {date: 2026-10-01, status: planned}\n  - {date: 2026-12-07, status: planned}\n")
    found = findings(fsu, small)
    assert [f["code"] for f in found] == ["FSU324"]
    assert found[0]["line"] == line_of(small / FSU, "2026-10-01")
    assert found[0]["message"] == "The meeting on 2026-10-01 has passed but is still marked planned."


def test_fsu325_held_meeting_in_the_future(fsu, small):
    edit(small / FSU, "{date: 2026-12-07, status: planned}", "{date: 2026-12-07, status: held}")
    assert "FSU325" in codes(fsu, small)
    assert "FSU325" not in codes(fsu, small, "--as-of", "2026-12-08")


# --- composition and appointments (FSU331, FSU332, FSU341) -----------------------------


def test_fsu331_too_few_from_a_side(fsu, small):
    edit(small / MANDATE, "hospital: {min: 2}", "hospital: {min: 3}")
    finding = only(fsu, small, "FSU331")
    assert (finding["line"], finding["column"]) == (line_of(small / FSU, "members:"), 1)
    assert finding["message"] == (
        "FSU has 2 member(s) from the hospital in office on 2026-11-22; its mandate fsu-2023 requires at least 3.")


def test_fsu331_members_who_have_left_do_not_count(fsu, small):
    edit(small / FSU, "{name: Hans Hauge, organization: hf, start_date: 2023-01-01, end_date: null}",
         "{name: Hans Hauge, organization: hf, start_date: 2023-01-01, end_date: 2026-12-31}")
    assert findings(fsu, small) == []
    edit(small / FSU, "end_date: 2026-12-31}\n  - {name: Mari", "end_date: 2026-10-31}\n  - {name: Mari")
    assert "FSU331" in codes(fsu, small)


def test_fsu332_too_many_from_a_side(fsu, small):
    edit(small / MANDATE, "hospital: {min: 2}", "hospital: {min: 1, max: 1}")
    finding = only(fsu, small, "FSU332")
    assert finding["severity"] == "warning"
    edit(small / MANDATE, "hospital: {min: 1, max: 1}", "hospital: {min: 1, max: 2}")
    assert findings(fsu, small) == []


def test_fsu341_appointment_past_its_period(fsu, small):
    edit(small / MANDATE, "appointment_years: 4", "appointment_years: 3")
    found = [f for f in findings(fsu, small) if f["code"] == "FSU341"]
    assert len(found) == 6
    assert found[0]["message"] == (
        "Hanne Holm was appointed 2023-01-01; the appointment period of 3 year(s) in fsu-2023 ended 2025-12-31.")
    assert found[0]["line"] == line_of(small / FSU, "name: Hanne Holm, organization")
    assert "FSU341" not in codes(fsu, small, "--as-of", "2025-12-31")


def test_validate_and_status_name_the_same_last_day_of_an_appointment(fsu, small, monkeypatch):
    """The appointment's last day, 31.12.2025, in both: not the day after it in one of them."""
    monkeypatch.setenv("COLUMNS", "200")
    edit(small / MANDATE, "appointment_years: 4", "appointment_years: 3")
    found = [f for f in findings(fsu, small, "--as-of", "2026-01-02") if f["code"] == "FSU341"]
    assert found[0]["message"].endswith("ended 2025-12-31.")
    status = fsu("status", "--repo", small, "--as-of", "2025-12-01").stdout
    assert "Hanne Holm: appointment (3 years from 01.01.2023) ends 31.12.2025" in status


# --- cases (FSU351-355) ------------------------------------------------------------------


def test_fsu351_decision_case_without_proposal(fsu, small):
    edit(small / UPCOMING, "proposal: {kind: decision, text: FSU vedtar arbeidsplanen.}\n", "")
    finding = only(fsu, small, "FSU351")
    assert (finding["path"], finding["line"]) == (UPCOMING, 6)
    edit(small / UPCOMING, "kind: decision", "kind: discussion")
    assert findings(fsu, small) == []


def test_fsu352_decision_before_its_meeting(fsu, small):
    edit(small / CASE, "decision: {date: 2026-09-01", "decision: {date: 2026-08-31")
    finding = only(fsu, small, "FSU352")
    assert finding["message"] == "The decision is dated 2026-08-31, before the meeting on 2026-09-01."


def test_fsu353_decision_for_a_future_meeting(fsu, small):
    (small / UPCOMING).write_text(
        (small / UPCOMING).read_text(encoding="utf-8") + "decision: {date: 2026-12-07, outcome: adopted}\n",
        encoding="utf-8")
    finding = only(fsu, small, "FSU353")
    assert finding["line"] == line_of(small / UPCOMING, "decision:")
    assert "FSU353" not in codes(fsu, small, "--as-of", "2026-12-08")


def test_fsu354_case_at_a_cancelled_meeting(fsu, small):
    edit(small / FSU, "  - {date: 2026-12-07, status: planned}\n",
         "  - {date: 2026-12-03, status: cancelled}\n  - {date: 2026-12-07, status: planned}\n")
    assert findings(fsu, small) == []
    edit(small / UPCOMING, "meeting: 2026-12-07", "meeting: 2026-12-03")
    finding = only(fsu, small, "FSU354")
    assert (finding["path"], finding["line"]) == (UPCOMING, 4)
    assert finding["message"] == "The meeting on 2026-12-03 was cancelled."


def test_fsu355_meeting_passed_without_decision(fsu, small):
    assert findings(fsu, small, "--as-of", "2026-12-07") == []
    found = findings(fsu, small, "--as-of", "2026-12-08")
    assert [(f["code"], f["path"]) for f in found if f["code"] == "FSU355"] == [("FSU355", UPCOMING)]


# --- personal data (FSU361) ---------------------------------------------------------------


def _fnr(nine: str, k1_offset: int = 0) -> str:
    """Eleven digits with valid check digits, computed independently of fsu."""
    w1, w2 = [3, 7, 6, 1, 8, 9, 4, 5, 2], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    d = [int(c) for c in nine]
    k1 = (11 - sum(a * b for a, b in zip(w1, d)) % 11) % 11 + k1_offset
    k2 = (11 - sum(a * b for a, b in zip(w2, d + [k1])) % 11) % 11
    assert k1 < 10 and k2 < 10, "pick other digits"
    return nine + str(k1) + str(k2)


@pytest.mark.parametrize(
    "written",
    [
        _fnr("150377123"),  # today's rule
        _fnr("150377123")[:6] + " " + _fnr("150377123")[6:],  # space between date and personal part
        _fnr("150377123")[:6] + "." + _fnr("150377123")[6:],
        _fnr("550377123"),  # a D-number: 4 added to the first digit
        _fnr("150377124", k1_offset=1),  # the check-digit rule from 2032
        "30108299939",  # Skatteetaten's own example of a 2032 number
    ],
)
def test_fsu361_national_identity_number_anywhere(fsu, small, written):
    edit(small / CASE, "title: Felles rutine for utskrivning",
         f"title: Felles rutine for utskrivning\nbackground: |\n  Kontaktperson har fnr {written}.")
    finding = only(fsu, small, "FSU361")
    assert (finding["path"], finding["line"], finding["column"]) == (CASE, 7, 25)
    assert written[:6] in finding["message"] and written not in finding["message"]
    assert "git history" in finding["hint"]


@pytest.mark.parametrize(
    "written",
    [
        _fnr("150377123")[:-1] + str((int(_fnr("150377123")[-1]) + 1) % 10),  # wrong check digit
        "32037712345",  # no such day
        "15137712345",  # no such month
        "+47 91234567",  # a phone number
        "1503771234567",  # too long to be one
        "2024.20 og 2025.21",  # case numbers
    ],
)
def test_fsu361_near_misses_are_not_reported(fsu, small, written):
    edit(small / CASE, "title: Felles rutine for utskrivning",
         f"title: Felles rutine for utskrivning\nbackground: |\n  Ref {written}.")
    assert findings(fsu, small) == []


# --- rules that are themselves wrong never crash the checks -----------------------------


@pytest.mark.parametrize(
    "old, new",
    [
        ("eligible_sides: [hospital, municipality]", "eligible_sides: [hospital, 1, {a: b}]"),
        ("alternate: [hospital, municipality]", "alternate: hospital"),
        ("term_years: 1", "term_years: true"),
        ("appointment_years: 4", "appointment_years: 99999"),
        ("reporting: {to: ssu, every_months: 12}", "reporting: {to: [ssu], every_months: 0}"),
        ("meetings: {min_per_year: 4, max_per_year: null}", "meetings: {min_per_year: [4], max_per_year: -1}"),
        ("hospital: {min: 2}", "hospital: 2"),
    ],
)
def test_ill_typed_rules_give_schema_findings_and_never_crash(fsu, small, old, new):
    edit(small / MANDATE, old, new)
    result = fsu("validate", "--repo", small, "--format", "json")
    assert result.exit_code == 1
    assert all(f["code"] < "FSU200" for f in json.loads(result.stdout)["findings"]), result.stdout
    for command in ("leaders", "meetings", "status"):
        assert fsu(command, "--repo", small).exit_code == 0, command


def test_far_dates_never_crash(fsu, small):
    edit(small / FSU, "{role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-12-31}",
         "{role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 9999-12-31}")
    edit(small / FSU, "{name: Mons Myklebust, organization: beta, start_date: 2023-01-01, end_date: null}",
         "{name: Mons Myklebust, organization: beta, start_date: 0001-01-01, end_date: 9999-12-31}")
    result = fsu("validate", "--repo", small)
    assert result.exit_code in (0, 1)
    assert "FSU316" in result.stdout  # the term now lasts thousands of years
    for command in ("leaders", "meetings", "status"):
        assert fsu(command, "--repo", small).exit_code == 0, command


def test_fsu322_says_to_mark_held_meetings_when_they_only_are_not_marked_yet(fsu, small):
    """Late in the year, with past meetings still 'planned', the fix is their status, not more meetings."""
    found = [f for f in findings(fsu, small, "--as-of", "2026-12-20") if f["code"] == "FSU322"]
    assert found and found[0]["hint"].startswith("1 meeting(s) in 2026 have passed but are still marked planned: "
                                                 "set their status to held")
