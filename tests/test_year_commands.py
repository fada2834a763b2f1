"""The commands a secretary needs for a whole year, in a repository made by ``fsu init``: members with
an end date, a role and the side that appointed them; decisions noted; exempt and report cases;
organizations, committees and mandates; and a by-election inside a term."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit

SSU = "data/committees/ssu.yaml"
MANDATE = "data/mandates/ssu-2026.yaml"


@pytest.fixture
def fresh(fsu, tmp_path: Path) -> Path:
    """A repository just made by ``fsu init`` (on the tests' day, 2026-11-22)."""
    root = tmp_path / "hf"
    result = fsu("init", root, "--name", "Helsefellesskapet i Test")
    assert result.exit_code == 0, result.stderr
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and ".git" not in p.parts}


def refused_with_nothing_written(fsu, root: Path, *args: str, code: int = 2) -> str:
    before = snapshot(root)
    result = fsu(*args, "--repo", root)
    assert result.exit_code == code, result.stdout + result.stderr
    assert snapshot(root) == before
    assert "Traceback" not in result.stderr
    return result.stderr


def six_per_side(root: Path) -> None:
    """The SSU mandate approved (by hand, as a starting point), requiring six from each side."""
    edit(root / MANDATE, "status: draft\n", "status: approved\napproved:\n  by: ssu\n  date: 2026-01-01\n")
    edit(root / MANDATE, "  meetings:\n    min_per_year: 4\n",
         "  meetings:\n    min_per_year: 4\n  composition:\n    hospital: {min: 6}\n    municipality: {min: 6}\n")


# --- 1. the first of six members ------------------------------------------------------------------------


def test_members_are_added_one_by_one_to_a_committee_that_needs_six_per_side(fsu, fresh):
    six_per_side(fresh)
    assert "has 0 member(s) from the municipalities" in fsu("validate", "--repo", fresh).stdout
    for i in range(1, 4):
        result = fsu("member", "add", "ssu", "--name", f"Kommune Person {i}", "--organization", "kommune-a",
                     "--start", "2026-11-01", "--repo", fresh)
        assert result.exit_code == 0, result.stderr
        assert result.lines == [f"Added Kommune Person {i} (kommune-a) to {SSU}."]
    check = fsu("validate", "--repo", fresh).stdout
    assert "has 3 member(s) from the municipalities in office on 2026-11-22; its mandate ssu-2026 requires at " \
           "least 6" in check


# --- 2. fsu member add --end --role --appointed-by ---------------------------------------------------


def test_member_add_writes_end_role_and_the_appointing_side(fsu, fresh):
    (fresh / SSU).write_text((fresh / SSU).read_text(encoding="utf-8").replace(
        "members: []\n", "members: []   # medlemmer\n"), encoding="utf-8")
    assert fsu("member", "add", "ssu", "--name", "Vera Vara", "--organization", "kommune-a", "--start",
               "2026-01-01", "--end", "2027-12-31", "--role", "substitute", "--repo", fresh).lines == [
        f"Added Vera Vara (kommune-a, substitute) to {SSU}."]
    assert fsu("member", "add", "ssu", "--name", "Bror Bruker", "--organization", "brukerutvalget", "--start",
               "2026-01-01", "--appointed-by", "municipality", "--repo", fresh).lines == [
        f"Added Bror Bruker (brukerutvalget, appointed by the municipality side) to {SSU}."]
    assert fsu("member", "add", "ssu", "--name", "Olav Observatør", "--organization", "helseforetaket", "--start",
               "2026-01-01", "--role", "observer", "--repo", fresh).exit_code == 0
    text = (fresh / SSU).read_text(encoding="utf-8")
    assert [line.split() for line in text.splitlines() if line.startswith("members:")] == [
        ["members:", "#", "medlemmer"]]
    assert ("  - name: Vera Vara\n    organization: kommune-a\n    role: substitute\n    start_date: 2026-01-01\n"
            "    end_date: 2027-12-31\n") in text
    assert ("  - name: Bror Bruker\n    organization: brukerutvalget\n    appointed_by: municipality\n"
            "    start_date: 2026-01-01\n    end_date: null\n") in text
    assert "    role: observer\n" in text and "&" not in text and "*" not in text
    assert fsu("validate", "--repo", fresh).exit_code == 0


@pytest.mark.parametrize("args, message", [
    (("--end", "2025-12-31"), "The end date 2025-12-31 is before the start date 2026-01-01."),
    (("--end", "2026-02-30"), "--end must be a real date written YYYY-MM-DD (got '2026-02-30')."),
    (("--role", "leader"), "Invalid value for '--role'"),
    (("--appointed-by", "user"), "Invalid value for '--appointed-by'"),
])
def test_member_add_refuses_bad_input_and_writes_nothing(fsu, fresh, args, message):
    stderr = refused_with_nothing_written(fsu, fresh, "member", "add", "ssu", "--name", "A", "--organization",
                                          "kommune-a", "--start", "2026-01-01", *args)
    assert message in " ".join(stderr.replace("│", " ").split())


def test_an_unknown_organization_says_how_to_add_it(fsu, fresh):
    stderr = refused_with_nothing_written(fsu, fresh, "member", "add", "ssu", "--name", "A", "--organization",
                                          "larvik", "--start", "2026-01-01")
    assert stderr.endswith("Add it first: fsu org add larvik --name NAME --side SIDE\n")


# --- 3. fsu decide --outcome noted -------------------------------------------------------------------


def information_case(fsu, root: Path, day: str = "2026-11-20") -> str:
    assert fsu("new", "meeting", "ssu", day, "--status", "held", "--repo", root).exit_code == 0
    result = fsu("new", "case", "ssu", "--meeting", day, "--title", "Orientering om økonomi", "--kind",
                 "information", "--repo", root)
    assert result.exit_code == 0, result.stderr
    return result.lines[0].split(": ")[1]


def test_an_information_case_is_noted(fsu, fresh):
    rel = information_case(fsu, fresh)
    result = fsu("decide", "ssu/2026/1", "--outcome", "noted", "--repo", fresh)
    assert result.lines == [f"Recorded the decision (noted, 2026-11-20) in {rel}."]
    assert (fresh / rel).read_text(encoding="utf-8").endswith("decision:\n  date: 2026-11-20\n  outcome: noted\n")
    assert fsu("validate", "--repo", fresh).exit_code == 0


# --- 4. fsu new case --exemption --public-title --reports-for --evaluates ------------------------------


def test_an_exempt_case_that_handles_a_report_and_an_evaluation(fsu, fresh):
    assert fsu("new", "meeting", "ssu", "2026-12-03", "--repo", fresh).exit_code == 0
    result = fsu("new", "case", "ssu", "--meeting", "2026-12-03", "--title", "Årsrapport og evaluering",
                 "--exemption", "offl. § 14", "--public-title", "Årsrapport", "--reports-for", "ssu",
                 "--evaluates", "ssu", "--repo", fresh)
    assert result.lines == ["SSU sak 01-2026: data/cases/ssu/2026/01.yaml"]
    text = (fresh / "data/cases/ssu/2026/01.yaml").read_text(encoding="utf-8")
    assert ("exemption:\n  basis: offl. § 14\n  public_title: Årsrapport\nreports_for: ssu\nevaluates: ssu\n"
            in text)
    assert fsu("validate", "--repo", fresh).exit_code == 0


@pytest.mark.parametrize("args, message", [
    (("--exemption", "offl. § 13"), "An exempt case needs both --exemption"),
    (("--public-title", "Sak"), "An exempt case needs both --exemption"),
    (("--reports-for", "fsu-x"), "--reports-for: there is no committee 'fsu-x'. Known committees: ssu."),
    (("--evaluates", "nope"), "--evaluates: there is no committee 'nope'. Known committees: ssu."),
])
def test_new_case_refuses_half_an_exemption_and_unknown_committees(fsu, fresh, args, message):
    assert fsu("new", "meeting", "ssu", "2026-12-03", "--repo", fresh).exit_code == 0
    stderr = refused_with_nothing_written(fsu, fresh, "new", "case", "ssu", "--meeting", "2026-12-03", "--title",
                                          "Sak", *args)
    assert message in stderr
