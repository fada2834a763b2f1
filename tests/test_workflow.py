"""The review side of the git workflow: ``fsu diff``, ``fsu init``, and fsu as a pre-commit hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, EXAMPLE_FILES, PROJECT, edit
from test_authoring import git, repo  # noqa: F401  (the git repository fixture)

AKUTT = "data/committees/fsu-akuttmedisin.yaml"


def test_diff_describes_a_leadership_change_naming_both_people_and_the_committee(fsu, repo):  # noqa: F811
    git(repo, "checkout", "-q", "-b", "ny-ledelse")
    assert fsu("elect", "fsu-akuttmedisin", "--leader", "Astrid Lunde", "--deputy", "Knut Vestby",
               "--start", "2028-01-01", "--repo", repo).exit_code == 0
    result = fsu("diff", "--repo", repo)
    assert result.exit_code == 0
    assert result.lines[0].startswith("Changes from ") and result.lines[0].endswith(" to the working tree:")
    at = result.lines.index("FSU akuttmedisin – Faglig samarbeidsutvalg for akuttmedisin og beredskap")
    assert result.lines[at + 1] == ("  - New leader: Astrid Lunde (Fjordvik kommune, the municipalities) from "
                                    "01.01.2028, after Knut Vestby; the rotation holds.")
    assert result.lines[at + 2] == "  - New deputy: Knut Vestby (the hospital) from 01.01.2028."


def test_diff_between_commits_as_a_pull_request_comment(fsu, repo):  # noqa: F811
    base = git(repo, "rev-parse", "HEAD").strip()
    fsu("member", "add", "ssu", "--name", "Ola Nordvik", "--organization", "lundheim", "--start", "2026-12-01",
        "--repo", repo)
    fsu("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "Ny sak om legevakt", "--repo", repo)
    edit(repo / "data/committees/fsu-pasientforlop.yaml", "{date: 2027-02-04, status: planned",
         "{date: 2027-02-05, status: planned")
    edit(repo / "data/committees/ssu.yaml", "  - date: 2026-11-26\n    status: planned",
         "  - date: 2026-11-26\n    status: cancelled")
    edit(repo / "data/mandates/fsu-akuttmedisin-2027.yaml", "min_per_year: 5", "min_per_year: 6")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Endringer")
    result = fsu("diff", base, "HEAD", "--format", "md", "--repo", repo)
    text = result.stdout
    assert text.startswith(f"## Governance changes from `{base[:12]}` to `HEAD`\n")
    assert "### SSU – Strategisk samarbeidsutvalg\n" in text
    assert "- Member joined: Ola Nordvik (Lundheim kommune), from 01.12.2026.\n" in text
    assert "- Case added: SSU sak 07-2026 Ny sak om legevakt (meeting 26.11.2026).\n" in text
    assert "- Meeting 26.11.2026 cancelled (was planned).\n" in text
    assert "- Meeting moved: 04.02.2027 → 05.02.2027.\n" in text
    assert "- fsu-akuttmedisin-2027: rule meetings.min_per_year: 5 → 6.\n" in text


def test_diff_notices_decisions_and_renumbered_cases(fsu, repo):  # noqa: F811
    base = git(repo, "rev-parse", "HEAD").strip()
    os.rename(repo / "data/cases/ssu/2026/06.yaml", repo / "data/cases/ssu/2026/07.yaml")
    edit(repo / "data/cases/ssu/2026/07.yaml", "number: 6", "number: 7")
    fsu("decide", "ssu/2026/5", "--outcome", "adopted", "--as-of", "2026-11-27", "--repo", repo)
    lines = fsu("diff", base, "--repo", repo).lines
    assert "  - Case renumbered: SSU sak 06-2026 → SSU sak 07-2026 (Årsplan 2027 for Strategisk samarbeidsutvalg)." \
        in lines
    assert ("  - Case decided: SSU sak 05-2026 Sluttrapport fra tidsavgrenset FSU psykisk helse "
            "(adopted, 26.11.2026).") in lines


def test_diff_without_changes(fsu, repo):  # noqa: F811
    result = fsu("diff", "HEAD", "--repo", repo)
    assert result.lines[-1] == "No changes to committees, mandates or cases."


def test_diff_outside_git_is_a_usage_error(fsu, community):
    result = fsu("diff", "--repo", community)
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


def test_init_makes_a_repository_that_validates(fsu, tmp_path):
    target = tmp_path / "ny"
    result = fsu("init", target, "--name", "Helsefellesskapet i Testby")
    assert result.exit_code == 0
    assert result.lines[0] == f"Created a governance repository for Helsefellesskapet i Testby in {target}:"
    for rel in ("fsu.yaml", "data/committees/ssu.yaml", ".pre-commit-config.yaml", ".github/workflows/fsu.yml",
                ".vscode/settings.json", "README.md", "schemas/case.schema.json"):
        assert (target / rel).is_file(), rel
    assert (target / ".git").is_dir()
    assert git(target, "symbolic-ref", "--short", "HEAD").strip() == "main"
    validated = fsu("validate", "--repo", target)
    assert validated.exit_code == 0, validated.stdout
    assert "error" not in validated.lines[-1]
    # the new repository can be worked on straight away
    assert fsu("new", "meeting", "ssu", "2027-01-20", "--repo", target).exit_code == 0
    assert fsu("new", "case", "ssu", "--meeting", "2027-01-20", "--title", "Første sak", "--repo", target).lines == [
        "SSU sak 01-2027: data/cases/ssu/2027/01.yaml"]


def test_init_creates_main_whatever_git_is_set_to_call_a_new_branch(fsu, tmp_path, monkeypatch):
    config = tmp_path / "gitconfig"
    config.write_text("[init]\n\tdefaultBranch = master\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    target = tmp_path / "ny"
    assert fsu("init", target, "--name", "Testby").exit_code == 0
    assert git(target, "symbolic-ref", "--short", "HEAD").strip() == "main"
    git(target, "config", "user.email", "a@example.org")
    git(target, "config", "user.name", "A")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Start")
    assert git(target, "branch", "--format=%(refname:short)").split() == ["main"]
    assert "branches: [main]" in (target / ".github/workflows/fsu.yml").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(fsu, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = fsu("init", tmp_path, "--name", "X")
    assert result.exit_code == 2
    assert "is not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_init_asks_for_the_name_only_when_it_can(fsu, tmp_path):
    result = fsu("init", tmp_path / "ny")
    assert result.exit_code == 2
    assert "--name" in result.stderr


def test_the_pre_commit_hook_runs_with_pre_commit(repo):  # noqa: F811
    """pre-commit installs fsu from this project and runs the hook on a governance repository."""
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    env = {**os.environ, "FSU_AS_OF": AS_OF, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-cache")}
    edit(repo / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    git(repo, "add", "-A")
    failed = subprocess.run([pre_commit, "try-repo", str(PROJECT), "fsu-validate", "--files",
                             "data/cases/ssu/2024/01.yaml"], cwd=repo, capture_output=True, text=True, env=env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "data/cases/ssu/2024/01.yaml:6:7: FSU105 'beslutning' is not an allowed value for 'kind'." in failed.stdout
    edit(repo / "data/cases/ssu/2024/01.yaml", "kind: beslutning", "kind: decision")
    git(repo, "add", "-A")
    passed = subprocess.run([pre_commit, "try-repo", str(PROJECT), "fsu-validate", "--files",
                             "data/cases/ssu/2024/01.yaml"], cwd=repo, capture_output=True, text=True, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "fsu validate" in passed.stdout and "Passed" in passed.stdout


@pytest.mark.parametrize("example", ["github-actions.yml", "gitlab-ci.yml", "pre-commit-config.yaml"])
def test_ci_examples_are_valid_yaml_that_run_fsu_validate(example):
    from ruamel.yaml import YAML

    text = (PROJECT / "examples" / example).read_text(encoding="utf-8")
    YAML(typ="safe").load(text)
    assert "fsu validate" in text


def example(name: str) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((PROJECT / "examples" / name).read_text(encoding="utf-8"))


def github_steps() -> dict[str, dict]:
    workflow = example("github-actions.yml")
    return {step.get("name") or step["uses"].split("@")[0]: step for step in workflow["jobs"]["validate"]["steps"]}


def test_the_github_workflow_runs_on_main_with_current_actions_and_checks_what_a_pull_request_adds():
    workflow = example("github-actions.yml")
    triggers = workflow["on"] if "on" in workflow else workflow[True]  # YAML 1.1 readers take 'on' for true
    assert triggers["push"] == {"branches": ["main"]} and "pull_request" in triggers
    steps = github_steps()
    assert steps["actions/checkout"]["uses"] == "actions/checkout@v6"  # node24; v4 ran on node20
    assert steps["actions/checkout"]["with"]["fetch-depth"] == 0
    assert steps["actions/setup-python"]["uses"] == "actions/setup-python@v6"
    pull = steps["Validate what the pull request adds"]
    assert pull["if"] == "github.event_name == 'pull_request'"
    assert pull["run"] == 'fsu validate --changed-since "origin/$BASE_REF"'
    assert pull["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert steps["Validate"] == {"name": "Validate", "if": "github.event_name != 'pull_request'",
                                 "run": "fsu validate"}
    assert steps["Summary of the changes"]["run"] == 'fsu diff "origin/$BASE_REF" --format md > fsu-diff.md'
    assert "--body-file fsu-diff.md" in steps["Comment on the pull request"]["run"]
    assert steps["Install fsu"]["env"] == {"FSU_REPOSITORY": "${{ vars.FSU_REPOSITORY }}"}
    assert (PROJECT / "examples/github-actions.yml").read_text(encoding="utf-8").count("FSU_REPOSITORY") >= 3


def test_the_gitlab_pipeline_runs_on_merge_requests_and_the_default_branch():
    job = example("gitlab-ci.yml")["fsu"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'},
                            {"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert job["variables"]["GIT_DEPTH"] == 0
    assert 'fsu validate --changed-since "origin/$target"' in job["script"][2]


def run_script(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A CI step's script, run as the runner runs it: bash, stopping at the first failing command."""
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.mark.parametrize("variable", [None, ""])
def test_without_fsu_repository_the_install_stops_with_a_clear_error(tmp_path, variable):
    env = {key: value for key, value in os.environ.items() if key != "FSU_REPOSITORY"}
    if variable is not None:
        env["FSU_REPOSITORY"] = variable
    github = run_script(github_steps()["Install fsu"]["run"], tmp_path, env)
    assert github.returncode == 1
    assert github.stdout.startswith("::error title=FSU_REPOSITORY is not set::Set the repository variable "
                                    "FSU_REPOSITORY (Settings, Secrets and variables, Actions, Variables)")
    gitlab = run_script(example("gitlab-ci.yml")["fsu"]["script"][0], tmp_path, env)
    assert gitlab.returncode == 1
    assert gitlab.stderr.startswith("FSU_REPOSITORY is not set: set the CI/CD variable FSU_REPOSITORY")


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A clone on a branch that adds one error, whose main (pushed to origin) already has one; and an
    environment with this fsu on the PATH, as CI would have it installed."""
    origin, clone = tmp_path / "origin.git", tmp_path / "clone"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    clone.mkdir()
    shutil.copy(PROJECT / "fsu.yaml", clone / "fsu.yaml")
    shutil.copytree(PROJECT / "data", clone / "data")
    edit(clone / "data/committees/ssu.yaml", "organization: fjordvik", "organization: fjordvk")  # already on main
    git(clone, "init", "-q", "-b", "main")
    git(clone, "config", "user.email", "a@example.org")
    git(clone, "config", "user.name", "A")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "start")
    git(clone, "remote", "add", "origin", str(origin))
    git(clone, "push", "-q", "origin", "main")
    git(clone, "checkout", "-q", "-b", "endring")
    edit(clone / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    git(clone, "commit", "-q", "-am", "endring")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "fsu").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m fsu_cli "$@"\n', encoding="utf-8")
    (bin_dir / "fsu").chmod(0o755)
    outside_ci = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY",
                                                                     "FORCE_COLOR")}
    return clone, {**outside_ci, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "FSU_AS_OF": AS_OF}


def test_the_github_workflow_annotates_only_what_the_pull_request_adds(pull_request, tmp_path):
    clone, env = pull_request
    git(clone, "fetch", "-q", "origin")  # actions/checkout with fetch-depth 0 brings origin/main
    summary = tmp_path / "summary.md"
    env = {**env, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "BASE_REF": "main"}
    steps = github_steps()
    done = run_script(steps["Validate what the pull request adds"]["run"], clone, env)
    assert done.returncode == 1
    [annotation] = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotation.startswith("::error file=data/cases/ssu/2024/01.yaml,line=6,col=7,title=FSU105::")
    assert "this change adds 1 error" in done.stdout and "that were there before it" in done.stdout
    assert "| data/cases/ssu/2024/01.yaml:6:7 | FSU105 | error |" in summary.read_text(encoding="utf-8")
    on_main = run_script(steps["Validate"]["run"], clone, env)  # a push to main checks everything
    assert on_main.returncode == 1 and on_main.stdout.count("::error ") >= 3
    described = run_script(steps["Summary of the changes"]["run"], clone, env)
    assert described.returncode == 0
    assert "decision → beslutning" in (clone / "fsu-diff.md").read_text(encoding="utf-8")


def test_the_gitlab_job_fails_only_on_what_the_merge_request_adds(pull_request):
    clone, env = pull_request
    script = example("gitlab-ci.yml")["fsu"]["script"][2]
    merge_request = {**env, "CI_MERGE_REQUEST_IID": "7", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    merge_request.pop("FSU_NOTE_TOKEN", None)
    done = run_script(script, clone, merge_request)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith("data/cases/ssu/2024/01.yaml:6:7: FSU105 ")
    assert "fjordvk" not in done.stdout  # there before the merge request
    assert "decision → beslutning" in (clone / "fsu-diff.md").read_text(encoding="utf-8")
    default_branch = {k: v for k, v in env.items() if not k.startswith("CI_MERGE_REQUEST")}
    everything = run_script(script, clone, default_branch)
    assert everything.returncode == 1 and "fjordvk" in everything.stdout


def test_git_commands_work_for_a_governance_repository_in_a_subfolder(fsu, tmp_path):
    top = tmp_path / "kommunen"
    governance = top / "styring" / "helsefellesskap"
    governance.mkdir(parents=True)
    shutil.copy(PROJECT / "fsu.yaml", governance / "fsu.yaml")
    shutil.copytree(PROJECT / "data", governance / "data")
    (top / "annet.txt").write_text("andre filer\n", encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.email", "a@example.org")
    git(top, "config", "user.name", "A")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "start")
    case = governance / "data/cases/ssu/2024/01.yaml"
    edit(case, "kind: decision", "kind: beslutning")
    assert fsu("validate", "--staged", "--repo", governance).exit_code == 0
    git(top, "add", "-A")
    staged = fsu("validate", "--staged", "--repo", governance)
    assert staged.exit_code == 1 and staged.lines[0].startswith("data/cases/ssu/2024/01.yaml:6:7: FSU105")
    changed = fsu("validate", "--changed-since", "HEAD", "--repo", governance)
    assert changed.lines[-1] == f"{EXAMPLE_FILES} files checked: this change adds 1 error."
    git(top, "commit", "-q", "-m", "endring")
    described = fsu("diff", "HEAD~1", "HEAD", "--repo", governance)
    assert described.exit_code == 0
    assert described.lines[-2:] == ["SSU – Strategisk samarbeidsutvalg",
                                    "  - Case kind changed: SSU sak 01-2024: decision → beslutning."]


def test_validate_finds_the_repository_from_the_files_named(fsu, tmp_path):
    """As a pre-commit hook runs it: from the top of a git repository, data in a subfolder."""
    governance = tmp_path / "styring"
    governance.mkdir()
    shutil.copy(PROJECT / "fsu.yaml", governance / "fsu.yaml")
    shutil.copytree(PROJECT / "data", governance / "data")
    edit(governance / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    result = fsu("validate", "styring/data/cases/ssu/2024/01.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.lines[0].startswith("data/cases/ssu/2024/01.yaml:6:7: FSU105")
    assert fsu("validate", cwd=tmp_path).exit_code == 2  # no files named: nothing to go by


def test_diff_shows_an_exempt_case_only_by_its_public_title(fsu, repo):  # noqa: F811
    """A pull-request comment is often public: the exempt case's own title must not be in it."""
    base = git(repo, "rev-parse", "HEAD").strip()
    case = repo / "data/cases/ssu/2024/04.yaml"
    secret = "Forhandlinger om avtale om kjøp av intermediære senger i Storelv"
    edit(case, f"title: {secret}", "title: Forhandlinger om kjøp av senger i Storelv og Havnøy")
    fresh = case.with_name("09.yaml")
    fresh.write_text(case.read_text(encoding="utf-8").replace("number: 4", "number: 9"), encoding="utf-8")
    text = fsu("diff", base, "--format", "md", "--repo", repo).stdout
    assert "Case title changed: SSU sak 04-2024 (exempt from public access)." in text
    assert "Forhandlinger om avtale om tjenestekjøp (exempt from public access)" in text  # the new case 09
    assert "Storelv" not in text and "Havnøy" not in text
