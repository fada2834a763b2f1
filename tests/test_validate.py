"""``fsu validate`` through the command line: the example is clean, and each mistake is
reported at its file, line and column, in every output format, with exit code 1."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import EXAMPLE_FILES, PROJECT, edit, line_of


def test_example_community_is_valid(fsu):
    result = fsu("validate", "--repo", PROJECT)
    assert result.exit_code == 0, result.stdout
    assert result.lines == [f"{EXAMPLE_FILES} files checked: no problems found."]


def test_repository_is_found_from_a_subfolder(fsu, community):
    result = fsu("validate", cwd=community / "data" / "cases" / "ssu")
    assert result.exit_code == 0
    assert result.lines[-1].endswith("no problems found.")


def test_no_repository_is_a_usage_error(fsu, tmp_path):
    result = fsu("validate", cwd=tmp_path)
    assert result.exit_code == 2
    assert "No fsu.yaml was found" in result.stderr
    assert "--repo" in result.stderr


def test_repo_without_fsu_yaml_is_a_usage_error(fsu, tmp_path):
    result = fsu("validate", "--repo", tmp_path)
    assert result.exit_code == 2
    assert f"There is no fsu.yaml in {tmp_path.resolve()}" in result.stderr


def test_bad_as_of_is_a_usage_error(fsu, community):
    result = fsu("validate", "--repo", community, "--as-of", "2025-02-30")
    assert result.exit_code == 2
    assert "--as-of needs a real date" in result.stderr


def test_unknown_format_is_a_usage_error(fsu, community):
    result = fsu("validate", "--repo", community, "--format", "xml")
    assert result.exit_code == 2


# --- one injected mistake at a time ------------------------------------------------

CASE = "data/cases/ssu/2024/01.yaml"
COMMITTEE = "data/committees/ssu.yaml"


def _unknown_key(root: Path):
    edit(root / CASE, "case_officer: Felles sekretariat", "saksbehandler: Felles sekretariat")
    return CASE, line_of(root / CASE, "saksbehandler:"), 1, "FSU101", "Unknown key 'saksbehandler'."


def _impossible_date(root: Path):
    edit(root / COMMITTEE, "  - date: 2024-04-25", "  - date: 2024-02-30")
    return (COMMITTEE, line_of(root / COMMITTEE, "2024-02-30"), 11, "FSU104",
            "'2024-02-30' in 'date' is not a real date.")


def _dangling_organization(root: Path):
    edit(root / COMMITTEE, "organization: tillitsvalgte", "organization: tillitsvalgt")
    return (COMMITTEE, line_of(root / COMMITTEE, "organization: tillitsvalgt"), 19, "FSU203",
            "Gro Nilsen represents the organization 'tillitsvalgt', which is not listed in fsu.yaml.")


def _duplicate_key(root: Path):
    edit(root / CASE, "kind: decision\n", "kind: decision\nkind: information\n")
    return CASE, line_of(root / CASE, "kind: information"), 1, "FSU004", \
        "The key 'kind' appears twice in the same mapping."


def _broken_yaml(root: Path):
    edit(root / CASE, "title: Årsplan 2024 for Strategisk samarbeidsutvalg",
         "title: Årsplan 2024: for Strategisk samarbeidsutvalg")
    return CASE, line_of(root / CASE, "title:"), 20, "FSU003", \
        "A colon followed by a space appears where plain text was expected."


def _number_differs_from_file_name(root: Path):
    edit(root / CASE, "number: 1\n", "number: 11\n")
    return CASE, line_of(root / CASE, "number: 11"), 9, "FSU202", \
        "The case says number 11, but the file is named '01.yaml'."


def _missing_case(root: Path):
    path = "data/cases/ssu/2024/06.yaml"
    edit(root / path, "case: ssu/2024/1\n", "case: ssu/2024/9\n")
    return path, line_of(root / path, "case: ssu/2024/9"), 11, "FSU205", \
        "The case ssu/2024/9 does not exist (there is no case file for number 9 in data/cases/ssu/2024/)."


def _not_utf8(root: Path):
    data = (root / CASE).read_text(encoding="utf-8").replace("Årsplan", "Plan for Tønsberg", 1)
    (root / CASE).write_bytes(data.encode("latin-1"))
    text = data.splitlines()
    line = next(i for i, t in enumerate(text, 1) if "Tønsberg" in t)
    column = text[line - 1].index("ø") + 1
    return CASE, line, column, "FSU001", "The file is not UTF-8 text (byte 0xF8 cannot be read)."


MISTAKES = {
    "unknown key": _unknown_key,
    "impossible date": _impossible_date,
    "dangling organization": _dangling_organization,
    "duplicate key": _duplicate_key,
    "broken YAML": _broken_yaml,
    "case number differs from file name": _number_differs_from_file_name,
    "reference to a missing case": _missing_case,
    "non-UTF-8 file": _not_utf8,
}


@pytest.fixture(params=list(MISTAKES), ids=list(MISTAKES))
def mistake(request, community):
    path, line, column, code, message = MISTAKES[request.param](community)
    return community, path, line, column, code, message


def test_text_format_names_file_line_and_column(fsu, mistake):
    root, path, line, column, code, message = mistake
    result = fsu("validate", "--repo", root)
    assert result.exit_code == 1
    assert result.lines[0] == f"{path}:{line}:{column}: {code} {message}"
    assert result.lines[1].startswith("    hint: ")
    assert result.lines[-1] == f"{EXAMPLE_FILES} files checked: 1 error."
    assert "Traceback" not in result.stdout + result.stderr


def test_json_format(fsu, mistake):
    root, path, line, column, code, message = mistake
    result = fsu("validate", "--repo", root, "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    [finding] = document["findings"]
    assert list(finding) == ["code", "severity", "path", "line", "column", "message", "hint"]
    assert (finding["code"], finding["severity"], finding["path"]) == (code, "error", path)
    assert (finding["line"], finding["column"], finding["message"]) == (line, column, message)
    assert finding["hint"]
    assert document["summary"] == {"files": EXAMPLE_FILES, "errors": 1, "warnings": 0, "infos": 0}


def test_github_format(fsu, mistake):
    root, path, line, column, code, message = mistake
    result = fsu("validate", "--repo", root, "--format", "github")
    assert result.exit_code == 1
    assert result.lines[0].startswith(f"::error file={path},line={line},col={column},title={code}::")
    assert message.replace("%", "%25") in result.lines[0]


def test_sarif_format(fsu, mistake):
    root, path, line, column, code, message = mistake
    result = fsu("validate", "--repo", root, "--format", "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    [entry] = run["results"]
    assert run["tool"]["driver"]["rules"][entry["ruleIndex"]]["id"] == code
    assert entry["ruleId"] == code and entry["level"] == "error"
    assert entry["message"]["text"].startswith(message)
    location = entry["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == path
    assert location["region"] == {"startLine": line, "startColumn": column}


def test_github_format_is_chosen_inside_github_actions(fsu, community, monkeypatch):
    _unknown_key(community)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = fsu("validate", "--repo", community)
    assert result.lines[0].startswith(f"::error file={CASE},")


def test_every_mistake_at_once(fsu, community):
    expected = sorted(MISTAKES[name](community)[:2] for name in (
        "unknown key", "dangling organization", "reference to a missing case", "impossible date"))
    result = fsu("validate", "--repo", community)
    assert result.exit_code == 1
    reported = sorted((line.split(":")[0], int(line.split(":")[1])) for line in result.lines if line.startswith("data/"))
    assert reported == expected
    assert result.lines[-1] == f"{EXAMPLE_FILES} files checked: 4 errors."


def test_named_files_limit_the_report_but_not_the_checks(fsu, community):
    _missing_case(community)
    _unknown_key(community)
    # a named case whose reference breaks because another file is missing is still reported
    (community / "data/cases/ssu/2024/01.yaml").unlink()
    other = community / "data/cases/ssu/2024/06.yaml"
    edit(other, "case: ssu/2024/9\n", "case: ssu/2024/1\n")
    result = fsu("validate", "--repo", community, other)
    assert result.exit_code == 1
    assert result.lines[0].startswith("data/cases/ssu/2024/06.yaml:")
    assert "FSU205 The case ssu/2024/1 does not exist" in result.lines[0]
    assert result.lines[-1] == "1 file checked: 1 error."
    clean = fsu("validate", "--repo", community, community / "data/committees/ssu.yaml")
    assert clean.exit_code == 0
    assert clean.lines == ["1 file checked: no problems found."]


def test_named_folder_selects_files_below_it(fsu, community):
    _unknown_key(community)
    assert fsu("validate", "--repo", community, community / "data/cases").exit_code == 1
    assert fsu("validate", "--repo", community, community / "data/committees").exit_code == 0


def test_named_file_that_does_not_exist_is_a_usage_error(fsu, community):
    result = fsu("validate", "--repo", community, community / "data/cases/nope.yaml")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_internal_failure_exits_3_with_a_short_report(fsu, community, monkeypatch):
    import fsu_cli.check.validate

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(fsu_cli.check.validate, "run_checks", explode)
    result = fsu("validate", "--repo", community)
    assert result.exit_code == 3
    assert "internal error" in result.stderr and "RuntimeError: boom" in result.stderr
    assert "--debug" in result.stderr
    assert "Traceback" not in result.stderr
    [report] = (Path(os.environ["FSU_CACHE_DIR"]) / "crash-reports").glob("*.txt")
    assert f"A crash report is in {report}: send that file" in result.stderr
    assert report.read_text(encoding="utf-8").rstrip().endswith("RuntimeError: boom")
    debug = fsu("validate", "--repo", community, "--debug")
    assert debug.exit_code == 3
    assert "Traceback" in debug.stderr


def test_the_example_is_frozen_so_a_fresh_clone_is_clean_on_any_day(tmp_path):
    """as_of in fsu.yaml: without --as-of or FSU_AS_OF every rule that depends on today uses that date."""
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key != "FSU_AS_OF"}
    run = [sys.executable, "-m", "fsu_cli"]
    clean = subprocess.run([*run, "validate", "--repo", str(PROJECT)], capture_output=True, text=True, env=env)
    assert (clean.returncode, clean.stdout.splitlines()[-1]) == (0, f"{EXAMPLE_FILES} files checked: no problems found.")
    later = subprocess.run([*run, "validate", "--repo", str(PROJECT), "--as-of", "2027-06-01"], capture_output=True,
                           text=True, env=env)
    assert "warning" in later.stdout.splitlines()[-1]  # --as-of still decides
    by_environment = subprocess.run([*run, "validate", "--repo", str(PROJECT)], capture_output=True, text=True,
                                    env={**env, "FSU_AS_OF": "2027-06-01"})
    assert by_environment.stdout == later.stdout
    status = subprocess.run([*run, "status", "--repo", str(PROJECT)], capture_output=True, text=True,
                            env={**env, "NO_COLOR": "1"})
    assert ("The repository is frozen: fsu.yaml sets as_of: 2026-11-22, so every check uses that date."
            in status.stdout.splitlines())
