"""Every rule code of the file, schema and cross-file families: one change to the example
community that triggers it (reported at the right place), and the untouched example,
which triggers none."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import EXAMPLE_FILES, PROJECT, edit, line_of
from fsu_cli.check.catalogue import all_rules

SSU = "data/committees/ssu.yaml"
FSU = "data/committees/fsu-pasientforlop.yaml"
MANDATE = "data/mandates/fsu-pasientforlop-2025.yaml"
CASE = "data/cases/ssu/2025/05.yaml"


def write(root: Path, rel: str, text: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


# Each entry: code -> (change the community, the file, the text on the reported line
# (or None for line 1 / whole-file findings), a piece of the message).
def _empty(root):
    write(root, CASE, "# nothing here yet\n")


def _list_at_top(root):
    write(root, CASE, "- committee: ssu\n- year: 2025\n")


def _two_documents(root):
    text = (root / CASE).read_text(encoding="utf-8")
    write(root, CASE, text + "---\ntitle: Another\n")


def _misplaced(root):
    write(root, "data/cases/ssu/notes.yaml", "title: x\n")


def _yml(root):
    os.rename(root / "data/committees/fsu-akuttmedisin.yaml", root / "data/committees/fsu-akuttmedisin.yml")


def _link_outside(root):
    outside = root.parent / "outside.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    os.symlink(outside, root / "data/committees/linked.yaml")


def _missing_key(root):
    edit(root / CASE, "kind: decision\n", "")


def _wrong_type(root):
    edit(root / CASE, "year: 2025", 'year: "2025"')


def _not_allowed(root):
    edit(root / CASE, "kind: decision", "kind: beslutning")


def _bad_form(root):
    edit(root / MANDATE, "  case: ssu/2025/6", "  case: SSU sak 06-2025")


def _out_of_range(root):
    edit(root / CASE, "number: 5", "number: 0")
    os.rename(root / CASE, root / "data/cases/ssu/2025/00.yaml")


def _id_mismatch(root):
    edit(root / FSU, "id: fsu-pasientforlop", "id: fsu-pasientforløp-2")


def _unknown_committee(root):
    edit(root / FSU, "parent: ssu", "parent: sssu")


def _unknown_mandate(root):
    edit(root / MANDATE, "supersedes: [fsu-barn-unge-2024]", "supersedes: [fsu-barn-og-unge-2024]")


def _unknown_meeting(root):
    edit(root / CASE, "meeting: 2025-09-18", "meeting: 2025-09-19")


def _duplicate_id(root):
    edit(root / "fsu.yaml", "  - id: storelv", "  - id: fjordvik")


def _duplicate_case(root):
    text = (root / CASE).read_text(encoding="utf-8")
    write(root, "data/cases/ssu/2025/5.yaml", text)


def _backwards(root):
    edit(root / SSU, "    end_date: 2025-08-31", "    end_date: 2023-08-31")


def _duplicate_meeting(root):
    edit(root / SSU, "  - date: 2024-04-25", "  - date: 2024-02-15")


def _parent_loop(root):
    edit(root / SSU, "parent: partnerskapsmote", "parent: fsu-pasientforlop")


TRIGGERS = {
    "FSU002": (_empty, CASE, None, "The file is empty."),
    "FSU005": (_list_at_top, CASE, None, "The file holds a list, not a record of keys and values."),
    "FSU006": (_two_documents, CASE, "---", "A second YAML document starts here"),
    "FSU007": (_misplaced, "data/cases/ssu/notes.yaml", None, "not in a place fsu reads"),
    "FSU008": (_link_outside, "data/committees/linked.yaml", None, "a link to a place outside the repository"),
    "FSU102": (_missing_key, CASE, "committee: ssu", "The required key 'kind' (Sakstype) is missing."),
    "FSU103": (_wrong_type, CASE, "year:", "'year' must be a whole number, not the text '2025'."),
    "FSU105": (_not_allowed, CASE, "kind: beslutning", "'beslutning' is not an allowed value for 'kind'."),
    "FSU106": (_bad_form, MANDATE, "case: SSU sak", "'SSU sak 06-2025' is not a case reference"),
    "FSU107": (_out_of_range, "data/cases/ssu/2025/00.yaml", "number: 0", "'number' must be at least 1, not 0."),
    "FSU201": (_id_mismatch, FSU, "id: fsu-pasientforløp-2", "differs from the file name"),
    "FSU204": (_unknown_committee, FSU, "parent: sssu", "There is no committee 'sssu'"),
    "FSU206": (_unknown_mandate, MANDATE, "supersedes:", "replaces 'fsu-barn-og-unge-2024'"),
    "FSU207": (_unknown_meeting, CASE, "meeting: 2025-09-19", "SSU has no meeting on 2025-09-19."),
    "FSU208": (_duplicate_id, "fsu.yaml", "  - id: fjordvik\n    name: Storelv", "'fjordvik' is already used"),
    "FSU209": (_duplicate_case, "data/cases/ssu/2025/5.yaml", "number: 5", "is already used by data/cases/ssu/2025/05.yaml"),
    "FSU210": (_backwards, SSU, "end_date: 2023-08-31", "ends before it starts: 2023-08-31 is before 2024-01-01"),
    "FSU211": (_duplicate_meeting, SSU, None, "The meeting on 2024-02-15 is listed twice."),
    "FSU212": (_parent_loop, FSU, "parent: ssu", "loop: fsu-pasientforlop → ssu → fsu-pasientforlop"),
}


def _expected_line(root: Path, rel: str, needle: str | None) -> int | None:
    if needle is None:
        return None
    if "\n" in needle:
        first = needle.split("\n")[0]
        lines = (root / rel).read_text(encoding="utf-8").splitlines()
        return [i for i, line in enumerate(lines, 1) if line == first][1]
    return line_of(root / rel, needle)


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_rule_is_triggered(fsu, community, code):
    change, rel, needle, message = TRIGGERS[code]
    change(community)
    result = fsu("validate", "--repo", community, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    mine = [f for f in findings if f["code"] == code]
    assert mine, findings
    finding = mine[0]
    assert finding["path"] == rel
    assert message in finding["message"]
    line = _expected_line(community, rel, needle)
    if line is not None:
        assert finding["line"] == line
    if all_rules()[code].severity == "error":
        assert result.exit_code == 1
    else:  # a warning, and the change causes nothing worse: the run passes
        assert {f["severity"] for f in findings} == {"warning"}, findings
        assert result.exit_code == 0


def test_warnings_alone_exit_zero(fsu, community):
    _misplaced(community)
    result = fsu("validate", "--repo", community)
    assert result.exit_code == 0
    assert result.lines[0] == (
        "data/cases/ssu/notes.yaml:1:1: FSU007 warning: This YAML file is not in a place fsu reads, "
        "so it is not checked."
    )
    assert result.lines[-1] == f"{EXAMPLE_FILES} files checked: 1 warning."


def test_every_defined_rule_has_a_test_somewhere():
    """FSU0xx-2xx are triggered here and in test_validate.py; FSU3xx in test_mandate_rules.py."""
    here = Path(__file__).parent
    sources = "".join(p.read_text(encoding="utf-8") for p in here.glob("test_*.py"))
    tested = {code for code in all_rules() if f'"{code}"' in sources or f"_{code.lower()}_" in sources}
    assert set(all_rules()) - tested == set()


def test_rule_codes_are_stable_and_documented():
    for code, rule in all_rules().items():
        assert code.startswith("FSU") and len(code) == 6
        assert rule.severity in ("error", "warning", "info")
        assert rule.summary.endswith(".")
        assert "Example" in rule.explanation, f"{code} has no example"
        assert "\nFix:" in rule.explanation, f"{code} says not how to fix it"


def test_the_example_triggers_no_rule(fsu):
    result = fsu("validate", "--repo", PROJECT, "--format", "json")
    assert json.loads(result.stdout)["findings"] == []


def test_zero_padded_and_plain_case_file_names_are_both_accepted(fsu, community):
    os.rename(community / CASE, community / "data/cases/ssu/2025/5.yaml")
    assert fsu("validate", "--repo", community).exit_code == 0


def test_broken_file_does_not_cascade_into_references(fsu, community):
    # ssu/2025/5 is referred to by ssu/2025/06; breaking it reports one error only
    write(community, CASE, "title: [unclosed\n")
    result = fsu("validate", "--repo", community)
    assert [line.split(" ")[1] for line in result.lines if line.startswith("data/")] == ["FSU003"]


def test_explain_and_rules_commands(fsu):
    listing = fsu("rules")
    assert listing.exit_code == 0
    assert "FSU203  error    A member's organization is not listed in fsu.yaml." in listing.lines
    text = fsu("explain", "fsu101")
    assert text.exit_code == 0
    assert text.lines[0] == "FSU101 (unknown-key, error): A key that the schema does not know."
    assert fsu("explain", "FSU999").exit_code == 2


def test_schema_rules_without_a_code_of_their_own_fall_back_to_fsu100():
    """No shipped schema uses such a keyword today; a governance repository's future
    schema version might, and must still get a finding rather than a crash."""
    from jsonschema import Draft202012Validator

    from fsu_cli.check.schema import _findings

    [error] = Draft202012Validator({"properties": {"title": {"maxLength": 3}}}).iter_errors({"title": "Lang"})
    [finding] = _findings(error, "data/x.yaml")
    assert finding.code == "FSU100"
    assert finding.pointer == ("title",)
    assert finding.message == "'title': 'Lang' is too long."


def test_non_integer_counts_are_wrong_types(fsu, community):
    edit(community / MANDATE, "    min_per_year: 4", "    min_per_year: 4.5")
    result = fsu("validate", "--repo", community)
    line = line_of(community / MANDATE, "min_per_year: 4.5")
    assert result.lines[0] == (
        f"{MANDATE}:{line}:19: FSU103 'min_per_year' must be a whole number or empty, not the number 4.5."
    )


def test_a_year_with_a_decimal_point_is_not_a_whole_number(fsu, community):
    """JSON Schema would count 2024.0 as an integer; a case's year is written 2024."""
    edit(community / CASE, "year: 2025", "year: 2025.0")
    result = fsu("validate", "--repo", community)
    line = line_of(community / CASE, "year: 2025.0")
    assert result.exit_code == 1
    assert result.lines[0] == f"{CASE}:{line}:7: FSU103 'year' must be a whole number, not the number 2025.0."
    assert result.lines[1] == "    hint: Write the number without a decimal point, e.g. 2024."


def test_a_renamed_organization_id_suggests_the_new_id_not_a_lookalike(fsu, community):
    """Renaming 'lundheim' to 'lundheim-kommune' in fsu.yaml: the hint names the new id, never a similar-looking
    other municipality, which would move the member to the wrong organization if followed."""
    edit(community / "fsu.yaml", "id: lundheim", "id: lundheim-kommune")
    hints = [line for line in fsu("validate", "--repo", community).lines if line.startswith("    hint: Did you mean")]
    assert hints and all(line.startswith("    hint: Did you mean 'lundheim-kommune'?") for line in hints)
    edit(community / "fsu.yaml", "id: lundheim-kommune", "id: fjellheim")  # an unrelated new id
    result = fsu("validate", "--repo", community)
    assert "FSU203" in result.stdout and "Did you mean" not in result.stdout
