"""Deviations decided by a case (avvik): the findings they name are accepted while the decision stands and
until they end, reported with the case, failing nothing; a deviation that matches nothing is a warning, one
that no case may decide an error; ``fsu elect --deviation-case`` writes one; ``fsu status`` lists them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLE_FILES, edit, line_of
from small_community import write_small_community
from test_authoring import git, snapshot
from test_gate import commit, gated  # noqa: F401  (the gated repository fixture)

FSU = "data/committees/fsu.yaml"
CASE = "data/cases/fsu/2026/01.yaml"  # FSU's own case, adopted 2026-09-01
ROTATION = "FSU315 Hanne Holm (the hospital) leads from 2026-01-01, but the hospital also led the term before"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The small community, with FSU's 2026 term led by the hospital again: one FSU315 in FSU's file."""
    root = write_small_community(tmp_path / "testfjord")
    edit(root / FSU, "{role: leader, name: Mons Myklebust, start_date: 2026-01-01",
         "{role: leader, name: Hanne Holm, start_date: 2026-01-01")
    edit(root / FSU, "{role: deputy, name: Hans Hauge, start_date: 2026-01-01",
         "{role: deputy, name: Mons Myklebust, start_date: 2026-01-01")
    return root


def decide_deviation(root: Path, entries: str, case: str = CASE) -> None:
    """Add ``deviations:`` with these entries (YAML lines, indented two spaces) to the case."""
    path = root / case
    path.write_text(path.read_text(encoding="utf-8") + "deviations:\n" + entries, encoding="utf-8")


def findings(fsu, root: Path, *args: str) -> tuple[int, list[dict]]:
    result = fsu("validate", "--repo", root, "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_an_accepted_finding_fails_nothing_and_names_its_case(fsu, small):
    assert fsu("validate", "--repo", small).exit_code == 1
    decide_deviation(small, "  - code: FSU315\n    path: data/committees/fsu.yaml\n    until: 2026-12-31\n")
    for _ in range(2):  # the second run comes from the cache, and says the same
        result = fsu("validate", "--repo", small)
        assert result.exit_code == 0, result.stdout
        assert result.lines[0].startswith(f"{FSU}:{line_of(small / FSU, 'name: Hanne Holm, start_date: 2026')}:")
        assert ROTATION in result.lines[0]
        assert result.lines[0].endswith("it is the turn of the municipalities to lead this term. (godtatt i FSU sak 2026.01)")
        assert result.lines[-1] == "7 files checked: no problems found; 1 accepted by a case."
    code, found = findings(fsu, small)
    assert code == 0
    assert [(f["code"], f["severity"], f.get("accepted_by")) for f in found] == [("FSU315", "error", "fsu/2026/1")]
    summary = json.loads(fsu("validate", "--repo", small, "--format", "json").stdout)["summary"]
    assert summary["errors"] == 0


@pytest.mark.parametrize("as_of, until", [
    ("2026-08-31", "2026-12-31"),  # the day before the decision
    ("2026-11-22", "2026-11-21"),  # the day after the deviation ended
])
def test_outside_its_period_a_deviation_accepts_nothing(fsu, small, as_of, until):
    decide_deviation(small, f"  - code: FSU315\n    until: {until}\n")
    code, found = findings(fsu, small, "--as-of", as_of)
    assert code == 1
    [rotation] = [f for f in found if f["code"] == "FSU315"]
    assert "accepted_by" not in rotation
    assert [f["code"] for f in found if f["code"] == "FSU356"] == []  # not in force: no warning either


def test_a_deviation_applies_up_to_and_including_its_last_day(fsu, small):
    decide_deviation(small, "  - code: FSU315\n    until: 2026-11-22\n")
    assert findings(fsu, small)[0] == 0
    assert findings(fsu, small, "--as-of", "2026-11-23")[0] == 1


@pytest.mark.parametrize("outcome", ["postponed", "rejected", "returned"])
def test_a_decision_that_does_not_stand_accepts_nothing(fsu, small, outcome):
    decide_deviation(small, "  - code: FSU315\n")
    edit(small / CASE, "outcome: adopted", f"outcome: {outcome}")
    code, found = findings(fsu, small)
    assert code == 1
    assert [(f["code"], "accepted_by" in f) for f in found] == [("FSU315", False)]


def test_an_amended_decision_stands_and_a_decision_without_a_date_counts_from_the_meeting(fsu, small):
    decide_deviation(small, "  - code: FSU315\n")
    edit(small / CASE, "decision: {date: 2026-09-01, outcome: adopted}", "decision: {outcome: amended}")
    code, found = findings(fsu, small)
    assert [(f["code"], f.get("accepted_by")) for f in found if f["code"] == "FSU315"] == [("FSU315", "fsu/2026/1")]
    assert code == 1  # the missing date itself is a schema error (FSU102)
    early = findings(fsu, small, "--as-of", "2026-08-31")[1]  # the day before the meeting
    assert [(f["code"], f.get("accepted_by")) for f in early if f["code"] == "FSU315"] == [("FSU315", None)]


def test_a_deviation_for_one_file_accepts_only_that_files_findings(fsu, small):
    for rel in (CASE, "data/cases/fsu/2026/02.yaml"):  # two decision cases without a proposal: FSU351 in each
        text = (small / rel).read_text(encoding="utf-8")
        (small / rel).write_text("\n".join(line for line in text.splitlines() if not line.startswith("proposal"))
                                 + "\n", encoding="utf-8")
    decide_deviation(small, "  - code: FSU315\n  - code: FSU351\n    path: data/cases/fsu/2026/02.yaml\n")
    code, found = findings(fsu, small)
    assert code == 1
    assert [(f["code"], f["path"], f.get("accepted_by")) for f in found] == [
        ("FSU351", CASE, None),
        ("FSU351", "data/cases/fsu/2026/02.yaml", "fsu/2026/1"),
        ("FSU315", FSU, "fsu/2026/1"),
    ]


def test_a_deviation_in_force_that_matches_nothing_is_a_warning_fsu356(fsu, small):
    decide_deviation(small, "  - code: FSU315\n  - code: FSU315\n    path: data/committees/ssu.yaml\n")
    result = fsu("validate", "--repo", small)
    assert result.exit_code == 0
    line = line_of(small / CASE, "path: data/committees/ssu.yaml") - 1
    assert f"{CASE}:{line}:5: FSU356 warning: The deviation for FSU315 in data/committees/ssu.yaml matches no " \
           "finding, so it accepts nothing." in result.lines
    assert result.lines[-1] == "7 files checked: 1 warning; 1 accepted by a case."
    edit(small / CASE, "outcome: adopted", "outcome: postponed")  # no longer in force: nothing to warn about
    assert [f["code"] for f in findings(fsu, small)[1]] == ["FSU315"]


@pytest.mark.parametrize("code, reason", [
    ("FSU101", "a record that breaks the schema must be fixed"),
    ("FSU361", "a national identity number must never be in the data"),
    ("FSU003", "a file that cannot be read must be fixed"),
    ("FSU356", "a deviation must itself be right"),
    ("FSU999", "fsu has no such rule"),
])
def test_a_deviation_no_case_may_decide_is_an_error_fsu357_and_accepts_nothing(fsu, small, code, reason):
    edit(small / "data/cases/fsu/2026/02.yaml", "title: Arbeidsplan 2027", "titel: Arbeidsplan 2027")  # FSU101
    decide_deviation(small, f"  - code: {code}\n")
    exit_code, found = findings(fsu, small)
    assert exit_code == 1
    [refused] = [f for f in found if f["code"] == "FSU357"]
    assert (refused["path"], refused["line"]) == (CASE, line_of(small / CASE, f"- code: {code}"))
    assert refused["message"] == f"{code} cannot be accepted by a case: {reason}."
    assert [f for f in found if f.get("accepted_by")] == []
    assert "FSU101" in [f["code"] for f in found]


def test_a_malformed_deviation_is_a_schema_error_and_accepts_nothing(fsu, small):
    decide_deviation(small, "  - code: fsu315\n  - code: FSU315\n    until: 2026-02-30\n    reason: x\n")
    code, found = findings(fsu, small)
    assert code == 1
    assert sorted(f["code"] for f in found) == ["FSU101", "FSU104", "FSU106", "FSU315"]
    assert [f for f in found if f.get("accepted_by")] == []


def test_a_commit_that_breaks_a_rule_and_decides_the_deviation_passes_the_hook(gated, fsu):  # noqa: F811
    elected = fsu("elect", "ssu", "--leader", "Bjørn Moen", "--deputy", "Ingrid Solbakken", "--start", "2028-01-01",
                  "--deviation-case", "ssu/2026/3", "--repo", gated)
    assert elected.exit_code == 0, elected.stderr
    git(gated, "add", "-A")
    staged = fsu("validate", "--staged", "--repo", gated)
    assert staged.exit_code == 0
    assert staged.lines[0].endswith("(godtatt i SSU sak 03-2026)")
    assert staged.lines[-1] == f"{EXAMPLE_FILES} files checked: this change adds no problems; 1 accepted by a case."
    done = commit(gated, "Ledervalg etter vedtak i SSU sak 03-2026")
    assert done.returncode == 0, done.stdout
    assert "fsu validate" in done.stdout and "Passed" in done.stdout
    assert git(gated, "rev-list", "--count", "HEAD").strip() == "2"
    # rejecting the decision afterwards ends the deviation, and the rule break is this change's to answer for
    edit(gated / "data/cases/ssu/2026/03.yaml", "outcome: amended", "outcome: rejected")
    git(gated, "add", "-A")
    refused = commit(gated, "Vedtaket ble ikke vedtatt")
    assert refused.returncode != 0
    assert "FSU315 Bjørn Moen (the municipalities) leads from 2028-01-01" in refused.stdout
    assert "this change adds 1 error." in refused.stdout
    assert git(gated, "rev-list", "--count", "HEAD").strip() == "2"


def test_elect_against_the_rotation_is_refused_with_the_reason(fsu, community):
    before = snapshot(community)
    result = fsu("elect", "ssu", "--leader", "Bjørn Moen", "--deputy", "Ingrid Solbakken", "--start", "2028-01-01",
                 "--repo", community)
    assert result.exit_code == 1
    assert "Nothing was written: the change would add these errors:" in result.stderr
    assert "FSU315 Bjørn Moen (the municipalities) leads from 2028-01-01" in result.stderr
    assert result.stderr.rstrip().endswith("record the election with --deviation-case committee/year/number (that "
                                           "case's decision must be adopted or amended).")
    assert snapshot(community) == before
    assert fsu("elect", "ssu", "--leader", "Bjørn Moen", "--start", "2028-01-01", "--force",
               "--repo", community).exit_code == 2  # --force is gone
    assert snapshot(community) == before


def test_elect_with_a_deviation_case_writes_the_deviation_and_the_election(fsu, community):
    case = community / "data/cases/ssu/2026/03.yaml"
    original = case.read_text(encoding="utf-8")
    result = fsu("elect", "ssu", "--leader", "Bjørn Moen", "--deputy", "Sissel Aune", "--start", "2028-01-01",
                 "--deviation-case", "ssu/2026/3", "--repo", community)
    assert result.exit_code == 0, result.stderr
    assert result.lines == [
        "Recorded leader Bjørn Moen and deputy Sissel Aune, 2028-01-01 to 2029-12-31, in data/committees/ssu.yaml.",
        ("Wrote the deviation for FSU314, FSU315 in data/committees/ssu.yaml until 2029-12-31 into SSU sak 03-2026: "
         "data/cases/ssu/2026/03.yaml."),
    ]
    assert case.read_text(encoding="utf-8") == original + (
        "deviations:\n"
        "  - code: FSU314\n    path: data/committees/ssu.yaml\n    until: 2029-12-31\n"
        "  - code: FSU315\n    path: data/committees/ssu.yaml\n    until: 2029-12-31\n")
    checked = fsu("validate", "--repo", community)
    assert checked.exit_code == 0, checked.stdout
    assert sum(line.endswith("(godtatt i SSU sak 03-2026)") for line in checked.lines) == 2
    assert checked.lines[-1] == f"{EXAMPLE_FILES} files checked: no problems found; 2 accepted by a case."


@pytest.mark.parametrize("ref, outcome, message", [
    ("ssu/2026/5", None, ("SSU sak 05-2026 cannot decide a deviation: it has no decision yet (record it with fsu "
                          "decide); only an adopted or amended decision can. Nothing was written.")),
    ("ssu/2026/3", "postponed", ("SSU sak 03-2026 cannot decide a deviation: its decision is 'postponed'; only an "
                                 "adopted or amended decision can. Nothing was written.")),
    ("ssu/2026/99", None, "There is no case ssu/2026/99."),
    ("ssu-2026-3", None, ("--deviation-case must name a case as committee/year/number, e.g. ssu/2026/3 "
                          "(got 'ssu-2026-3').")),
])
def test_elect_refuses_a_deviation_case_whose_decision_does_not_stand(fsu, community, ref, outcome, message):
    if outcome:
        edit(community / "data/cases/ssu/2026/03.yaml", "outcome: amended", f"outcome: {outcome}")
    before = snapshot(community)
    result = fsu("elect", "ssu", "--leader", "Bjørn Moen", "--deputy", "Sissel Aune", "--start", "2028-01-01",
                 "--deviation-case", ref, "--repo", community)
    assert result.exit_code == 2
    assert result.stderr == f"fsu: {message}\n"
    assert snapshot(community) == before


def test_elect_that_breaks_no_rule_writes_no_deviation(fsu, community):
    case = community / "data/cases/ssu/2026/03.yaml"
    original = case.read_text(encoding="utf-8")
    result = fsu("elect", "ssu", "--leader", "Ingrid Solbakken", "--deputy", "Bjørn Moen", "--start", "2028-01-01",
                 "--deviation-case", "ssu/2026/3", "--repo", community)
    assert result.exit_code == 0, result.stderr
    assert result.lines[1] == "The election breaks no rule, so no deviation was written into SSU sak 03-2026."
    assert case.read_text(encoding="utf-8") == original


def test_status_lists_the_deviations_in_force_and_when_they_end(fsu, small, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    decide_deviation(small, "  - code: FSU315\n    path: data/committees/fsu.yaml\n    until: 2027-06-30\n"
                            "  - code: FSU316\n  - code: FSU331\n    until: 2026-10-31\n")
    lines = fsu("status", "--repo", small).lines
    at = lines.index("Deviations decided by a case")
    table = [[cell.strip() for cell in line.split("|")] for line in lines[at + 1:] if " | " in line]
    assert table[:3] == [
        ["When", "Committee", "What"],
        ["30.06.2027", "FSU", "FSU sak 2026.01 accepts FSU315 in data/committees/fsu.yaml (until 30.06.2027)"],
        ["–", "FSU", "FSU sak 2026.01 accepts FSU316 (no end date)"],
    ]
    assert not any("FSU331" in line for line in lines)  # ended: no longer in force
    edit(small / CASE, "outcome: adopted", "outcome: postponed")
    lines = fsu("status", "--repo", small).lines
    assert lines[lines.index("Deviations decided by a case") + 1] == "  none in force"


def test_an_accepted_finding_is_a_note_on_github_and_suppressed_in_sarif(fsu, small, tmp_path):
    """A pull request shows no error annotation for what a case has accepted, and code scanning does not alert."""
    import jsonschema

    decide_deviation(small, "  - code: FSU315\n    path: data/committees/fsu.yaml\n    until: 2026-12-31\n")
    github = fsu("validate", "--repo", small, "--format", "github")
    assert github.exit_code == 0
    [annotation] = [line for line in github.lines if line.startswith("::")]
    assert annotation.startswith("::notice file=data/committees/fsu.yaml,")
    assert "(godtatt i FSU sak 2026.01)" in annotation
    sarif = json.loads(fsu("validate", "--repo", small, "--format", "sarif").stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["level"] == "error"
    assert result["suppressions"] == [{"kind": "external", "status": "accepted",
                                       "justification": "godtatt i FSU sak 2026.01"}]
    schema = json.loads((Path(__file__).parent / "data/sarif/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif)
