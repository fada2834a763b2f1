"""Output for CI, code scanning, programs and editors: GitHub annotations and the job summary, SARIF against the
official schema, JSON against schemas/findings.schema.json, and the editor's schema mapping."""

from __future__ import annotations

import fnmatch
import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.validators import validator_for
from markdown_it import MarkdownIt

from conftest import PROJECT, edit, line_of
from fsu_cli.check.catalogue import all_rules
from fsu_cli.check.findings import ERROR, INFO, WARNING, Finding, Summary
from fsu_cli.edit.init import EDITOR_SCHEMAS, FSU_YAML_MODELINE
from fsu_cli.report.github import PER_LEVEL, annotated, job_summary
from small_community import write_small_community
from test_authoring import git

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data/sarif/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FINDINGS_SCHEMA = json.loads((PROJECT / "schemas/findings.schema.json").read_text(encoding="utf-8"))
FSU = "data/committees/fsu.yaml"


@pytest.fixture(autouse=True)
def outside_github_actions(monkeypatch):
    """No test writes to a job summary of the run it is part of, if the tests themselves run in GitHub Actions."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_community(tmp_path / "testfjord")


def many_findings(root: Path, errors: int, warnings: int) -> None:
    """``errors`` unknown keys in one committee (FSU101) and ``warnings`` files where fsu reads nothing (FSU007)."""
    edit(root / FSU, "dissolved: null\n", "dissolved: null\n" + "".join(f"extra{i:02d}: x\n" for i in range(errors)))
    (root / "data/notater").mkdir(exist_ok=True)
    for i in range(warnings):
        (root / f"data/notater/notat{i:02d}.yaml").write_text("title: x\n", encoding="utf-8")


def commit_all(root: Path, message: str = "Start") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def new_git_repository(top: Path) -> None:
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.email", "sekretariat@example.org")
    git(top, "config", "user.name", "Sekretariatet")


# --- github: annotations and the job summary ------------------------------------------------------


def test_github_annotates_ten_of_each_level_errors_first_and_counts_the_rest(fsu, small, tmp_path, monkeypatch):
    many_findings(small, errors=25, warnings=15)
    summary_file = tmp_path / "step-summary.md"
    summary_file.write_text("Earlier in the step.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    result = fsu("validate", "--format", "github", "--repo", small)
    assert result.exit_code == 1
    commands = [line.split(" ", 1)[0].split("::")[1] for line in result.lines if line.startswith("::")
                and not line.startswith(("::group::", "::endgroup::"))]
    assert commands == ["error"] * 10 + ["warning"] * 10 + ["notice"]
    assert result.lines[0].startswith(f"::error file={FSU},line={line_of(small / FSU, 'extra00')},col=1,"
                                      "title=FSU101::Unknown key 'extra00'.")
    assert result.lines[10].startswith("::warning file=data/notater/notat00.yaml,line=1,col=1,title=FSU007::")
    assert result.lines[20] == "::notice title=fsu::… and 20 more findings: see the job summary"
    # every finding is in the log too, folded, and none of those lines is a command
    listed = result.lines[result.lines.index("::group::All 40 findings") + 1:result.lines.index("::endgroup::")]
    assert len(listed) == 40 and all(line.startswith("  data/") for line in listed)
    assert listed[24].startswith(f"  {FSU}:") and "FSU101 error: Unknown key 'extra24'." in listed[24]
    assert result.lines[-1].endswith(": 25 errors, 15 warnings.")
    written = summary_file.read_text(encoding="utf-8")
    assert written.startswith("Earlier in the step.\n## fsu validate\n")  # appended, never replaced
    assert len(table_rows(written)) == 40


def test_without_a_job_summary_the_notice_points_at_the_log(fsu, small, monkeypatch):
    many_findings(small, errors=12, warnings=0)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    lines = fsu("validate", "--format", "github", "--repo", small).lines
    assert "::notice title=fsu::… and 2 more findings: see the list in this step's log" in lines


def test_few_findings_are_all_annotated_with_no_notice_and_no_list(fsu, small, tmp_path, monkeypatch):
    many_findings(small, errors=3, warnings=2)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    lines = fsu("validate", "--format", "github", "--repo", small).lines
    assert [line[:9] for line in lines[:-1]] == ["::error f"] * 3 + ["::warning"] * 2
    assert len(table_rows((tmp_path / "summary.md").read_text(encoding="utf-8"))) == 5


def finding(severity: str, n: int) -> Finding:
    return Finding("FSU101", severity, f"data/f{n:02d}.yaml", 1, 1, f"Finding {n}.")


def test_the_counting_notice_takes_one_of_the_ten_notice_places():
    notes = [finding(INFO, n) for n in range(12)]
    shown = annotated([finding(WARNING, 99)] + notes)
    assert [f.severity for f in shown] == [WARNING] + [INFO] * (PER_LEVEL - 1)
    assert [f.severity for f in annotated(notes[:PER_LEVEL])] == [INFO] * PER_LEVEL  # nothing left to count


def test_the_job_summary_stays_under_githubs_limit_and_says_what_it_left_out():
    findings = [Finding("FSU101", ERROR, f"data/f{n:05d}.yaml", 1, 1, "x" * 1000) for n in range(1500)]
    text = job_summary(findings, Summary.of(findings, 1500))
    assert len(text.encode("utf-8")) < 1024 * 1024
    rows = table_rows(text)
    assert 900 < len(rows) < 1500
    assert f"{1500 - len(rows)} more findings not listed: GitHub keeps at most 1 MB of summary per step." in text


HOSTILE_KEY = "**fet** | [lenke](https://example.org) <img src=x> `kode` @kari"


def test_the_job_summary_is_a_table_where_the_data_stays_text(fsu, small, tmp_path, monkeypatch):
    edit(small / FSU, "dissolved: null\n", f"dissolved: null\n'{HOSTILE_KEY}': x\n")
    many_findings(small, errors=0, warnings=2)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    assert fsu("validate", "--format", "github", "--repo", small).exit_code == 1
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(
        (tmp_path / "summary.md").read_text(encoding="utf-8"))
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, re.S)
    header, body = rows[0], rows[1:]
    assert re.findall(r"<th>(.*?)</th>", header) == ["Where", "Code", "Severity", "Message"]
    cells = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in body]
    assert [len(row) for row in cells] == [4, 4, 4]  # one row per finding; the '|' in the data split nothing
    assert [row[1:3] for row in cells] == [["FSU101", "error"], ["FSU007", "warning"], ["FSU007", "warning"]]
    message = cells[0][3]
    for markup in ("<strong>", "<a ", "<img", "<code>"):
        assert markup not in message
    shown = html.unescape(message).replace(chr(0x200B), "")  # zero-width spaces keep '@' and addresses inert
    assert shown.startswith(f"Unknown key '{HOSTILE_KEY}'. Hint: Allowed keys here:")
    assert html.unescape(cells[0][0]) == f"{FSU}:{line_of(small / FSU, 'fet')}:1"


def table_rows(markdown: str) -> list[str]:
    """The body rows of the Markdown table, as markdown-it-py parses them."""
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    return re.findall(r"<tr>\s*<td>.*?</tr>", rendered, re.S)


# --- paths from the top of the git repository -------------------------------------------------------

SUBFOLDER = "styring/æøå sak"
ODD_CASE = "data/cases/fsu/2026/merknad om æøå.yaml"  # FSU202: not named by its number
ODD_NOTE = "data/notater/#1 100%.yaml"  # FSU007


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    """A governance repository in a subfolder (with a space and æøå) of a git repository, with odd file names."""
    top = tmp_path / "kommunen"
    root = write_small_community(top / SUBFOLDER)
    (root / ODD_CASE).write_text((root / "data/cases/fsu/2026/01.yaml").read_text(encoding="utf-8"),
                                 encoding="utf-8")
    (root / "data/notater").mkdir()
    (root / ODD_NOTE).write_text("title: x\n", encoding="utf-8")
    edit(root / FSU, "organization: alfa", "organization: alfaa")  # FSU203 and a seat short (FSU331)
    new_git_repository(top)
    commit_all(top)
    return root


def test_annotations_name_files_from_the_top_of_the_git_repository(fsu, nested):
    result = fsu("validate", "--format", "github", "--repo", nested)
    files = {re.search(r"file=([^,]*),", line).group(1) for line in result.lines if line.startswith("::error")}
    assert f"{SUBFOLDER}/{ODD_CASE}" in files and f"{SUBFOLDER}/{FSU}" in files
    escaped = f"{SUBFOLDER}/{ODD_NOTE}".replace("%", "%25")  # as workflow commands escape it; GitHub reads it back
    assert f"::warning file={escaped},line=1,col=1,title=FSU007::" in "\n".join(result.lines)
    # text and JSON keep paths in the governance repository
    assert fsu("validate", "--repo", nested).lines[0].startswith("data/")


def test_sarif_is_valid_with_encoded_paths_from_the_git_top(fsu, nested):
    result = fsu("validate", "--format", "sarif", "--repo", nested)
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    sarif_validator().validate(sarif)
    [run] = sarif["runs"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "styring/%C3%A6%C3%B8%C3%A5%20sak/data/cases/fsu/2026/merknad%20om%20%C3%A6%C3%B8%C3%A5.yaml" in uris
    assert "styring/%C3%A6%C3%B8%C3%A5%20sak/data/notater/%231%20100%25.yaml" in uris
    assert "styring/%C3%A6%C3%B8%C3%A5%20sak/data/committees/fsu.yaml" in uris
    for uri in uris:  # an RFC 3986 path: unreserved characters, '/', and percent-encoded bytes only
        assert re.fullmatch(r"(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})+", uri), uri
        assert unquote(uri).startswith(SUBFOLDER + "/data/")
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] for r in run["results"]} == {
        "%SRCROOT%"}
    assert len(run["results"]) >= 4


def sarif_validator():
    """A validator for the official SARIF 2.1.0 schema (JSON Schema draft-04), formats checked too."""
    cls = validator_for(SARIF_SCHEMA)
    cls.check_schema(SARIF_SCHEMA)
    return cls(SARIF_SCHEMA, format_checker=FormatChecker())


def test_the_sarif_validator_is_real():
    with pytest.raises(Exception, match="is not one of"):
        sarif_validator().validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "fsu"}},
                                                                   "results": [{"message": {"text": "x"},
                                                                                "level": "fatal"}]}]})


def test_sarif_of_a_clean_repository_is_valid_and_describes_every_rule(fsu, small):
    result = fsu("validate", "--format", "sarif", "--repo", small)
    assert result.exit_code == 0
    sarif = json.loads(result.stdout)
    sarif_validator().validate(sarif)
    [run] = sarif["runs"]
    assert run["results"] == []
    rules = run["tool"]["driver"]["rules"]
    catalogue = all_rules()
    assert [rule["id"] for rule in rules] == list(catalogue)
    for rule in rules:
        explained = catalogue[rule["id"]]
        assert rule["shortDescription"]["text"] == explained.summary
        assert rule["help"]["text"] == explained.explanation
        assert rule["fullDescription"]["text"] and rule["fullDescription"]["text"] in " ".join(
            explained.explanation.split())


def sarif_result(fsu, root: Path, code: str) -> dict:
    run = json.loads(fsu("validate", "--format", "sarif", "--repo", root).stdout)["runs"][0]
    [found] = [r for r in run["results"] if r["ruleId"] == code]
    assert run["tool"]["driver"]["rules"][found["ruleIndex"]]["id"] == code
    return found


def test_a_findings_fingerprint_stays_when_its_line_moves(fsu, small):
    edit(small / FSU, "{name: Mari Moe, organization: alfa,", "{name: Mari Moe, organization: alfaa,")
    before = sarif_result(fsu, small, "FSU203")
    edit(small / FSU, "members:\n", "# Medlemmer\n\nmembers:\n"
                                    "  - {name: Nils Ny, organization: hf, start_date: 2026-01-01, end_date: null}\n")
    after = sarif_result(fsu, small, "FSU203")
    line = before["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == line + 3
    assert after["partialFingerprints"] == before["partialFingerprints"]
    assert re.fullmatch(r"[0-9a-f]{64}:1", before["partialFingerprints"]["fsuFindingIdentity/v1"])
    edit(small / FSU, "{name: Mons Myklebust, organization: beta,", "{name: Mons Myklebust, organization: betta,")
    other = json.loads(fsu("validate", "--format", "sarif", "--repo", small).stdout)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["fsuFindingIdentity/v1"] for r in other if r["ruleId"] == "FSU203"]
    assert len(prints) == 2 and len(set(prints)) == 2  # another member's finding is another finding


# --- JSON ---------------------------------------------------------------------------------------------


def findings_validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(FINDINGS_SCHEMA)
    return Draft202012Validator(FINDINGS_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_json_output_follows_its_schema(fsu, nested):
    many_findings(nested, errors=3, warnings=2)
    result = fsu("validate", "--format", "json", "--repo", nested)
    document = json.loads(result.stdout)
    findings_validator().validate(document)
    assert document["version"] == 1
    assert len(document["findings"]) >= 8 and "change" not in document["summary"]
    assert {f["severity"] for f in document["findings"]} == {"error", "warning"}
    assert ODD_CASE in {f["path"] for f in document["findings"]}  # in the governance repository, not encoded


def test_json_of_a_change_says_what_was_there_before(fsu, nested):
    git(nested, "checkout", "-q", "-b", "endring")
    edit(nested / "data/cases/fsu/2026/02.yaml", "kind: decision", "kind: beslutning")
    changed = json.loads(fsu("validate", "--format", "json", "--changed-since", "main", "--repo", nested).stdout)
    findings_validator().validate(changed)
    assert [f["code"] for f in changed["findings"]] == ["FSU105"]
    summary = changed["summary"]
    assert summary["change"] is True and summary["errors"] == 1
    assert summary["already_there"] >= 3 and 1 <= summary["already_there_errors"] <= summary["already_there"]
    git(nested, "add", "-A")
    staged = json.loads(fsu("validate", "--format", "json", "--staged", "--repo", nested).stdout)
    findings_validator().validate(staged)
    assert staged["summary"] == summary


def test_the_findings_schema_is_strict_where_it_should_be():
    validator = findings_validator()
    good = {"version": 1, "findings": [{"code": "FSU316", "severity": "warning", "path": FSU, "line": 3,
                                        "column": 5, "message": "m", "hint": "", "accepted_by": "ssu/2025/4"}],
            "summary": {"files": 1, "errors": 0, "warnings": 1, "infos": 0}}
    validator.validate(good)
    bad = [
        {**good, "version": 2},
        {k: v for k, v in good.items() if k != "version"},
        {**good, "summary": {**good["summary"], "already_there": 1}},  # only with "change"
        {**good, "summary": {**good["summary"], "change": True}},  # change without its counts
        {**good, "findings": [{**good["findings"][0], "accepted_by": 4}]},
        {**good, "findings": [{**good["findings"][0], "severity": "fatal"}]},
        {**good, "findings": [{**good["findings"][0], "column": 0}]},
    ]
    for document in bad:
        assert not validator.is_valid(document), document


# --- editors ------------------------------------------------------------------------------------------
#
# The YAML language server (VS Code's YAML extension and other editors) puts "**/" before each
# yaml.schemas pattern and matches it against the file's whole URI. Up to yaml-language-server 1.23
# that was vscode-json-languageservice 4.1.8's glob ('*' within one folder); from 1.24 (VS Code YAML
# 1.24) it is picomatch with bash: true, where '*' also crosses folders, as in fnmatch. Both were
# checked against the JavaScript originals for the paths below.


def matches_json_languageservice(pattern: str, uri: str) -> bool:
    glob, regex, i = "**/" + pattern.lstrip("/"), "", 0
    while i < len(glob):
        if glob.startswith("**/", i):
            regex, i = regex + "(?:[^/]*(?:/|$))*", i + 3
        else:
            regex, i = regex + ("[^/]*" if glob[i] == "*" else re.escape(glob[i])), i + 1
    return re.fullmatch(regex, uri) is not None


def matches_picomatch_bash(pattern: str, uri: str) -> bool:
    return fnmatch.fnmatchcase(uri, "*/" + pattern.lstrip("/"))


ENGINES = [matches_json_languageservice, matches_picomatch_bash]
WORKSPACE = "/home/kari/Styring og saker/"
SCHEMA_OF = {"fsu.yaml": "fsu", FSU: "committee", "data/committees/ssu.yaml": "committee",
             "data/mandates/fsu.yaml": "mandate", "data/mandates/ssu-2024.yaml": "mandate",
             "data/cases/ssu/2024/01.yaml": "case", "data/cases/fsu/2024/01.yaml": "case",
             "data/meetings/fsu/2025-03-12.yaml": "meeting", "data/meetings/ssu/2026-01-22.yaml": "meeting",
             "data/reports/fsu/2025.yaml": "report"}


def schemas_for(mapping: dict[str, str], rel: str, engine) -> set[str]:
    encoded = engine is matches_json_languageservice  # it matched the percent-encoded URI
    uri = "file://" + (quote(WORKSPACE + rel) if encoded else WORKSPACE + rel)
    return {schema for schema, pattern in mapping.items() if engine(pattern, uri)}


@pytest.mark.parametrize("engine", ENGINES)
def test_each_file_gets_exactly_its_own_schema_in_the_editor(engine):
    for rel, kind in SCHEMA_OF.items():
        expected = set() if rel == "fsu.yaml" else {f"./schemas/{kind}.schema.json"}
        assert schemas_for(EDITOR_SCHEMAS, rel, engine) == expected, rel
    assert modeline_target("fsu.yaml", FSU_YAML_MODELINE) == "schemas/fsu.schema.json"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_pattern_for_fsu_yaml_would_take_in_a_committee_called_fsu(engine):
    """Why fsu.yaml names its schema itself: the pattern the README used to show, in either form."""
    for pattern in ("fsu.yaml", "/fsu.yaml"):
        assert engine(pattern, "file://" + WORKSPACE + "fsu.yaml")
        assert engine(pattern, "file://" + WORKSPACE + FSU)


def modeline_target(rel: str, line: str) -> str:
    """Where a '# yaml-language-server: $schema=...' line in a file points, from the file's folder."""
    target = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", line).group(1)
    return posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))


def test_the_mapping_is_the_same_everywhere_it_is_shown(tmp_path, fsu):
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Editor set-up"):readme.index("## Using fsu in your own repository")]
    shown = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))["yaml.schemas"]
    assert shown == EDITOR_SCHEMAS
    assert json.loads((PROJECT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"] == shown
    assert fsu("init", tmp_path / "ny", "--name", "Testby").exit_code == 0
    assert json.loads((tmp_path / "ny/.vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"] == shown
    for root in (PROJECT, tmp_path / "ny"):
        assert (root / "fsu.yaml").read_text(encoding="utf-8").splitlines()[0] == FSU_YAML_MODELINE
    assert f"```yaml\n{FSU_YAML_MODELINE}\n```" in section


def test_the_readmes_first_lines_point_at_the_right_schema_at_every_depth():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| `(# yaml-language-server: [^`]+)` \|$", readme, re.M)
    examples = {"fsu.yaml": "fsu.yaml", "data/committees/<id>.yaml": FSU, "data/mandates/<id>.yaml":
                "data/mandates/fsu.yaml", "data/cases/<committee>/<year>/<number>.yaml": "data/cases/ssu/2024/01.yaml",
                "data/meetings/<committee>/<date>.yaml": "data/meetings/fsu/2025-03-12.yaml",
                "data/reports/<committee>/<year>.yaml": "data/reports/fsu/2025.yaml"}
    assert [file for file, _ in rows] == list(examples)
    for file, line in rows:
        rel = examples[file]
        target = modeline_target(rel, line)
        assert target == f"schemas/{SCHEMA_OF[rel]}.schema.json", file
        assert (PROJECT / target).is_file()


def test_a_real_repository_reads_as_the_editor_sees_it(fsu, small):
    """Every data file of a real repository, committee 'fsu' included, matched as the editor matches it."""
    files = sorted(p.relative_to(small).as_posix() for p in small.rglob("*.yaml"))
    assert FSU in files and "data/cases/fsu/2026/01.yaml" in files
    for engine in ENGINES:
        for rel in files:
            kind = "fsu" if rel == "fsu.yaml" else {"committees": "committee", "mandates": "mandate",
                                                   "cases": "case"}[rel.split("/")[1]]
            expected = set() if kind == "fsu" else {f"./schemas/{kind}.schema.json"}
            assert schemas_for(EDITOR_SCHEMAS, rel, engine) == expected, (engine.__name__, rel)
