"""``fsu render`` writes nothing from files with errors that would make the document wrong: an unreadable
file, a schema error, a reference that leads nowhere. It names each at its line and exits 1. A rule finding
(too few members, too few meetings) never blocks a document."""

from __future__ import annotations

from conftest import edit, validation_findings

SSU = "data/committees/ssu.yaml"
SISSEL = "    email: sissel.aune@fjordvik.kommune.no\n    start_date: 2024-01-01\n    end_date: null\n"


def refused(fsu, community, tmp_path, *command: str) -> str:
    """Render ``command`` to a Word file and expect a refusal: exit 1, no file, the reason on stderr."""
    out = tmp_path / "dokument.docx"
    result = fsu("render", *command, "--format", "docx", "-o", out, "--repo", community)
    assert result.exit_code == 1, result.stderr
    assert not out.exists() and result.stdout == ""
    assert "Nothing was rendered: the document's own files have errors" in result.stderr
    return result.stderr


def test_an_unreadable_own_file_is_named_and_nothing_is_written(fsu, community, tmp_path):
    (community / "data/committees/fsu-pasientforlop.yaml").open("a", encoding="utf-8").write("tillegg: [uavsluttet\n")
    stderr = refused(fsu, community, tmp_path, "members", "fsu-pasientforlop")
    assert "data/committees/fsu-pasientforlop.yaml:" in stderr and " FSU003 " in stderr
    assert "There is no committee" not in stderr  # found by its name, though its file cannot be read


def test_an_unreadable_committee_file_stops_its_case_papers(fsu, community, tmp_path):
    (community / SSU).open("a", encoding="utf-8").write("tillegg: [uavsluttet\n")
    stderr = refused(fsu, community, tmp_path, "case", "ssu/2025/1")
    assert "data/committees/ssu.yaml:" in stderr and " FSU003 " in stderr


def test_a_schema_error_blocks_the_records_own_documents_only(fsu, community, tmp_path):
    """A malformed e-mail address is wrong in the member list, but a case paper takes only the committee's
    name from its file."""
    edit(community / SSU, "sissel.aune@fjordvik.kommune.no", "sissel.aune(at)fjordvik")
    assert " FSU104 " in refused(fsu, community, tmp_path, "members", "ssu")
    assert fsu("render", "case", "ssu/2025/1", "--repo", community).exit_code == 0


def test_an_unknown_organization_refuses_the_member_list(fsu, community, tmp_path):
    edit(community / SSU, "organization: fjordvik", "organization: fjordvk")
    stderr = refused(fsu, community, tmp_path, "members", "ssu")
    assert "data/committees/ssu.yaml:" in stderr and " FSU203 Sissel Aune represents the organization 'fjordvk'" \
        in stderr
    assert " FSU331 " not in stderr  # the seat it leaves empty is a rule finding, not a reason


def test_a_case_at_a_meeting_that_does_not_exist_is_refused(fsu, community, tmp_path):
    edit(community / "data/cases/ssu/2025/04.yaml", "meeting: 2025-06-12", "meeting: 2025-06-13")
    stderr = refused(fsu, community, tmp_path, "case", "ssu/2025/4")
    assert "data/cases/ssu/2025/04.yaml:4:10: FSU207 SSU has no meeting on 2025-06-13." in stderr
    refused(fsu, community, tmp_path, "report", "ssu", "2025")


def test_a_reference_to_a_case_not_loaded_is_not_a_broken_one(fsu, community, tmp_path):
    """A case paper reads only its own year's cases; the case of 2024 that SSU's case 1 of 2025 has as an
    attachment still exists."""
    assert "case: fsu-akuttmedisin/2024/2" in (community / "data/cases/ssu/2025/01.yaml").read_text(encoding="utf-8")
    out = tmp_path / "sak.docx"
    result = fsu("render", "case", "ssu/2025/1", "--format", "docx", "-o", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0


def test_a_rule_finding_never_blocks_a_document(fsu, community, tmp_path):
    edit(community / SSU, SISSEL, SISSEL.replace("end_date: null", "end_date: 2025-12-31"))
    assert "FSU331" in {f["code"] for f in validation_findings(fsu, community)}
    out = tmp_path / "medlemmer.docx"
    result = fsu("render", "members", "ssu", "--format", "docx", "-o", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    assert out.exists() and "Nothing was rendered" not in result.stderr
