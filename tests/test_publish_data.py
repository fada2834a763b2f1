"""``fsu publish data``: the example community's public register as one JSON file, read back and checked
against schemas/opendata.schema.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import AS_OF, edit
from test_publish_einnsyn import assert_no_secret, validator


@pytest.fixture
def register(fsu, community, tmp_path) -> Path:
    out = tmp_path / "register.json"
    result = fsu("publish", "data", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    return out


def committee(data: dict, committee_id: str) -> dict:
    [found] = [c for c in data["committees"] if c["id"] == committee_id]
    return found


def test_the_register_follows_its_schema_and_is_sorted(register):
    data = json.loads(register.read_bytes())
    errors = sorted(validator("opendata.schema.json").iter_errors(data), key=str)
    assert not errors, errors[0]
    assert data["as_of"] == AS_OF
    assert data["community"] == {"name": "Helsefellesskapet Fjordvik"}
    ids = [c["id"] for c in data["committees"]]
    assert ids == sorted(ids) and "ssu" in ids
    assert [o["id"] for o in data["organizations"]] == sorted(o["id"] for o in data["organizations"])
    ssu = committee(data, "ssu")
    assert [m["date"] for m in ssu["meetings"]] == sorted(m["date"] for m in ssu["meetings"])
    assert [(c["year"], c["number"]) for c in ssu["cases"]] == sorted((c["year"], c["number"]) for c in ssu["cases"])


def test_members_in_office_with_their_roles_and_no_e_mail(register, community):
    data = json.loads(register.read_bytes())
    members = {m["name"]: m for m in committee(data, "ssu")["members"]}
    assert members["Bjørn Moen"] == {"name": "Bjørn Moen", "title": "kommunedirektør", "organization": "storelv",
                                     "side": "municipality", "role": "member", "office": "leader"}
    assert members["Ingrid Solbakken"]["office"] == "deputy"
    assert "Heidi Rønning" not in members  # left in 2025
    assert "Mona Eide" in members
    written = (community / "data/committees/ssu.yaml").read_text(encoding="utf-8")
    assert "sissel.aune@fjordvik.kommune.no" in written
    assert not re.search(rb"[\w.]+@[\w-]+\.(no|com)", register.read_bytes())


def test_another_day_gives_the_members_of_that_day(fsu, community, tmp_path):
    out = tmp_path / "2025.json"
    assert fsu("publish", "data", out, "--repo", community, "--as-of", "2025-01-15").exit_code == 0
    data = json.loads(out.read_bytes())
    assert data["as_of"] == "2025-01-15"
    assert "Heidi Rønning" in {m["name"] for m in committee(data, "ssu")["members"]}


def test_mandates_in_force_and_earlier_with_their_approval_and_no_drafts(register):
    data = json.loads(register.read_bytes())
    mandates = {m["id"]: m for m in committee(data, "sekretariat")["mandates"]}
    assert mandates["sekretariat-2024"]["state"] == "earlier"
    current = mandates["sekretariat-2025"]
    assert current["state"] == "in-force"
    assert current["supersedes"] == ["sekretariat-2024"]
    assert current["approved"]["by"] and current["approved"]["date"]
    assert current["sections"] and current["sections"][0]["heading"]
    assert "fsu-akuttmedisin-2027" not in {m["id"] for m in committee(data, "fsu-akuttmedisin")["mandates"]}


def test_meetings_and_cases_with_their_decisions(register):
    data = json.loads(register.read_bytes())
    meetings = {m["date"]: m for m in committee(data, "fsu-pasientforlop")["meetings"]}
    assert meetings["2026-05-21"] == {"date": "2026-05-21", "status": "held", "time": "09:00-12:00",
                                      "location": "Teams"}
    assert meetings["2026-06-18"]["status"] == "cancelled"
    cases = {c["ref"]: c for c in committee(data, "ssu")["cases"]}
    assert cases["ssu/2024/2"]["label"] == "SSU sak 02-2024"
    assert cases["ssu/2024/2"]["decision"]["outcome"] == "adopted"
    assert cases["ssu/2024/2"]["decision"]["text"].startswith("1. Strategisk samarbeidsutvalg (SSU) anbefaler")


def test_an_exempt_case_is_its_public_title_and_legal_basis_only(register):
    data = json.loads(register.read_bytes())
    cases = {c["ref"]: c for c in committee(data, "ssu")["cases"]}
    assert cases["ssu/2024/4"] == {"ref": "ssu/2024/4", "label": "SSU sak 04-2024", "year": 2024, "number": 4,
                                   "meeting": "2024-09-19", "title": "Forhandlinger om avtale om tjenestekjøp",
                                   "exempt": True, "exemption_basis": "offl. § 23 første ledd"}
    assert_no_secret(register.read_bytes(), register)


def test_two_runs_give_the_same_bytes_and_the_second_replaces_the_first(fsu, community, register, tmp_path):
    again = tmp_path / "again.json"
    assert fsu("publish", "data", again, "--repo", community).exit_code == 0
    assert again.read_bytes() == register.read_bytes()
    edit(community / "data/committees/ssu.yaml", "title: kommunedirektør", "title: rådmann")
    assert fsu("publish", "data", register, "--repo", community).exit_code == 0
    assert b'"title": "r\xc3\xa5dmann"' in register.read_bytes()


def test_an_identity_number_in_a_title_stops_the_register(fsu, community, tmp_path):
    from test_privacy import NUMBER

    edit(community / "data/committees/ssu.yaml", "title: kommunedirektør", f"title: kommunedirektør {NUMBER}")
    out = tmp_path / "register.json"
    result = fsu("publish", "data", out, "--repo", community)
    assert result.exit_code == 1
    assert "data/committees/ssu.yaml: FSU361 311299***** in committees[" in result.stderr
    assert not out.exists()


def test_a_file_fsu_did_not_write_is_not_replaced(fsu, community, tmp_path):
    out = tmp_path / "register.json"
    out.write_text('{"mine": true}\n', encoding="utf-8")
    result = fsu("publish", "data", out, "--repo", community)
    assert result.exit_code == 2
    assert "is not a file fsu published" in result.stderr
    assert out.read_text(encoding="utf-8") == '{"mine": true}\n'


def test_a_folder_that_does_not_exist_and_a_wrong_date(fsu, community, tmp_path):
    out = tmp_path / "gone" / "register.json"
    result = fsu("publish", "data", out, "--repo", community)
    assert (result.exit_code, result.stderr.strip()) == (
        2, f"fsu: The folder {out.parent} does not exist. Create it first, or choose another OUT.")
    result = fsu("publish", "data", tmp_path / "r.json", "--repo", community, "--as-of", "2025-02-30")
    assert result.exit_code == 2
    assert "--as-of needs a real date written YYYY-MM-DD" in result.stderr


def test_an_information_case_adopted_is_noted_as_the_case_paper_says(fsu, community, tmp_path):
    out = tmp_path / "data.json"
    assert fsu("publish", "data", out, "--repo", community).exit_code == 0
    register = json.loads(out.read_bytes())
    cases = {c["ref"]: c for committee in register["committees"] for c in committee.get("cases", [])} \
        if "cases" not in register else {c["ref"]: c for c in register["cases"]}
    assert cases["ssu/2025/1"]["decision"]["outcome"] == "noted"  # kind information, written 'adopted'
    assert cases["ssu/2026/4"]["decision"]["outcome"] == "adopted"  # a decision case stays adopted
