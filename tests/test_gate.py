"""The pre-commit gate, in real git repositories with real pre-commit: a commit is refused for the problems it
adds anywhere in the repository (through renames and deletions too), and accepted when it adds none, even in a
repository that already has problems."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import AS_OF, PROJECT, edit
from test_authoring import git

HOOK = YAML(typ="safe").load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


@pytest.fixture
def gated(tmp_path: Path, monkeypatch) -> Path:
    """A governance repository whose commits go through fsu's hook, set up as the published hook sets it up."""
    root = tmp_path / "community"
    root.mkdir()
    shutil.copy(PROJECT / "fsu.yaml", root / "fsu.yaml")
    shutil.copytree(PROJECT / "data", root / "data")
    entry = HOOK["entry"].replace("fsu ", f"{sys.executable} -m fsu_cli ", 1)  # this fsu, as the hook runs it
    settings = "".join(f"        {key}: {str(HOOK[key]).lower()}\n" for key in ("pass_filenames", "always_run",
                                                                              "require_serial"))
    (root / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: fsu-validate\n        name: fsu validate\n"
        f"        entry: {entry}\n        language: system\n" + settings, encoding="utf-8")
    monkeypatch.setenv("FSU_AS_OF", AS_OF)
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-cache"))
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "sekretariat@example.org")
    git(root, "config", "user.name", "Sekretariatet")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start")
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    subprocess.run([pre_commit, "install"], cwd=root, check=True, capture_output=True)
    return root


def commit(root: Path, message: str = "Endring") -> subprocess.CompletedProcess:
    """git commit, with what the hook printed (git shows it on standard error) as ``stdout``."""
    done = subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, capture_output=True, text=True,
                          env={**os.environ})
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout + done.stderr, "")


def test_the_published_hook_checks_every_commit_as_a_whole():
    assert HOOK["entry"] == "fsu validate --staged"
    assert HOOK["pass_filenames"] is False and HOOK["always_run"] is True


def test_renaming_an_organization_id_is_refused(gated):
    edit(gated / "fsu.yaml", "id: lundheim", "id: lundhjem")
    git(gated, "add", "-A")
    done = commit(gated)
    assert done.returncode != 0
    assert "FSU203 Heidi Rønning represents the organization 'lundheim', which is not listed" in done.stdout
    assert git(gated, "rev-list", "--count", "HEAD").strip() == "1"


def test_deleting_a_committee_is_refused(gated):
    git(gated, "rm", "-q", "data/committees/fsu-barn-unge.yaml")
    done = commit(gated)
    assert done.returncode != 0
    assert "FSU204 There is no committee 'fsu-barn-unge'" in done.stdout
    assert "this change adds" in done.stdout


def test_deleting_a_meeting_that_a_case_refers_to_is_refused(gated):
    edit(gated / "data/committees/ssu.yaml", "  - date: 2024-02-15\n    status: held\n    location: Sykehuset Fjordvik\n",
         "")
    git(gated, "add", "-A")
    done = commit(gated)
    assert done.returncode != 0
    assert "data/cases/ssu/2024/01.yaml" in done.stdout and "FSU207 SSU has no meeting on 2024-02-15." in done.stdout


def test_a_harmless_commit_in_a_repository_with_old_errors_is_accepted(gated):
    edit(gated / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")  # an old error...
    git(gated, "add", "-A")
    subprocess.run(["git", "commit", "-q", "--no-verify", "-m", "Gammel feil"], cwd=gated, check=True)
    edit(gated / "data/committees/ssu.yaml", "location: Teams", "location: Microsoft Teams", 1)  # ...and a harmless edit
    git(gated, "add", "-A")
    done = commit(gated)
    assert done.returncode == 0, done.stdout + done.stderr
    assert git(gated, "rev-list", "--count", "HEAD").strip() == "3"


def test_adding_the_first_member_to_a_new_committee_by_command_is_accepted(gated, fsu):
    (gated / "data/committees/fsu-rus.yaml").write_text(
        "id: fsu-rus\nname: Faglig samarbeidsutvalg for rus\nshort_name: FSU rus\nkind: fsu\nparent: ssu\n"
        "founded: 2026-11-01\nmembers: []\nleadership: []\nmeetings: []\n", encoding="utf-8")
    (gated / "data/mandates/fsu-rus-2026.yaml").write_text(
        "id: fsu-rus-2026\ncommittee: fsu-rus\ntitle: Mandat for FSU rus\nstatus: approved\n"
        "approved: {by: ssu, date: 2026-10-15}\nvalid_from: 2026-11-01\n"
        "rules:\n  composition:\n    hospital: {min: 2}\n    municipality: {min: 2}\n", encoding="utf-8")
    git(gated, "add", "-A")
    subprocess.run(["git", "commit", "-q", "--no-verify", "-m", "Nytt utvalg"], cwd=gated, check=True)
    added = fsu("member", "add", "fsu-rus", "--name", "Kari Vik", "--organization", "lundheim", "--start",
                "2026-11-01", "--repo", gated)
    assert added.exit_code == 0, added.stderr  # "0 members" becoming "1 member" is not a new problem
    git(gated, "add", "-A")
    done = commit(gated, "Første medlem")
    assert done.returncode == 0, done.stdout + done.stderr
