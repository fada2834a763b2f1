"""fsu inside git hooks: the variables a hook inherits (GIT_DIR, GIT_INDEX_FILE) lead git calls to
the hook's own repository only, never to another governance repository or a new one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, PROJECT, edit
from test_authoring import git

BROKEN_IN_A = "data/cases/ssu/2024/01.yaml"
BROKEN_IN_B = "data/cases/ssu/2025/01.yaml"


def governance_repository(top: Path, where: str = "") -> Path:
    """A git repository holding a copy of the example community (at its top, or in a subfolder), committed."""
    root = top / where
    root.mkdir(parents=True)
    shutil.copy(PROJECT / "fsu.yaml", root / "fsu.yaml")
    shutil.copytree(PROJECT / "data", root / "data")
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.email", "sekretariat@example.org")
    git(top, "config", "user.name", "Sekretariatet")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "Start")
    return root


def fsu(*args: str | Path, cwd: Path, **variables: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FSU_AS_OF": AS_OF, "NO_COLOR": "1", **variables}
    return subprocess.run([sys.executable, "-m", "fsu_cli", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env=env)


def test_a_hook_in_one_repository_checks_the_index_of_the_repository_it_names(tmp_path):
    a = governance_repository(tmp_path / "a")
    b = governance_repository(tmp_path / "b")
    edit(a / BROKEN_IN_A, "kind: decision", "kind: beslutning")
    git(a, "add", BROKEN_IN_A)
    edit(b / BROKEN_IN_B, "kind: information", "kind: informasjon")
    git(b, "add", BROKEN_IN_B)
    # as a pre-commit hook of A runs it
    done = fsu("validate", "--staged", "--repo", b, "--format", "json", cwd=a,
               GIT_DIR=str(a / ".git"), GIT_INDEX_FILE=str(a / ".git" / "index"))
    assert done.returncode == 1, done.stderr
    assert [line for line in done.stdout.splitlines() if '"path"' in line] == [f'      "path": "{BROKEN_IN_B}",']
    # and A's own index, checked from its hook, has A's mistake
    own = fsu("validate", "--staged", "--format", "json", cwd=a, GIT_INDEX_FILE=".git/index")
    assert [line for line in own.stdout.splitlines() if '"path"' in line] == [f'      "path": "{BROKEN_IN_A}",']


def test_init_from_a_hook_makes_a_repository_of_its_own(tmp_path):
    a = governance_repository(tmp_path / "a")
    config, head = (a / ".git/config").read_bytes(), git(a, "rev-parse", "HEAD")
    done = fsu("init", tmp_path / "ny", "--name", "Helsefellesskapet Ny", cwd=a,
               GIT_DIR=str(a / ".git"), GIT_INDEX_FILE=str(a / ".git" / "index"))
    assert done.returncode == 0, done.stderr
    assert git(tmp_path / "ny", "rev-parse", "--absolute-git-dir").strip() == str(tmp_path / "ny" / ".git")
    assert (a / ".git/config").read_bytes() == config
    assert git(a, "rev-parse", "HEAD") == head
    assert git(a, "status", "--porcelain") == ""


def commit(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FSU_AS_OF": AS_OF, "NO_COLOR": "1"}
    return subprocess.run(["git", "-C", str(root), "commit", "-q", *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("where", ["", "styring/helsefellesskap"], ids=["at the top", "in a subfolder"])
def test_a_real_pre_commit_hook_checks_what_is_being_committed(tmp_path, where):
    """git runs the hook at the top of the repository, with GIT_INDEX_FILE set (relative, or the
    lock file of 'git commit -a')."""
    top = tmp_path / "kommunen"
    governance = governance_repository(top, where)
    hook = top / ".git/hooks/pre-commit"
    hook.write_text(f"#!/bin/sh\nexec '{sys.executable}' -m fsu_cli validate --staged --repo './{where}'\n",
                    encoding="utf-8")
    hook.chmod(0o755)
    case = governance / BROKEN_IN_B
    edit(case, "kind: information", "kind: informasjon")  # a broken edit, not staged
    edit(governance / "data/committees/ssu.yaml", "location: Teams", "location: Microsoft Teams")
    git(top, "add", str(governance / "data/committees/ssu.yaml"))
    assert commit(top, "-m", "Nytt møtested").returncode == 0  # what is committed is fine
    refused = commit(top, "-a", "-m", "Alt")  # now the broken edit is part of the commit
    assert refused.returncode == 1, refused.stderr
    # git shows a hook's output on its standard error
    assert f"{BROKEN_IN_B}:6:7: FSU105 'informasjon' is not an allowed value for 'kind'." in refused.stderr
    git(top, "add", str(case))
    assert commit(top, "-m", "Bare saken").returncode == 1
    edit(case, "kind: informasjon", "kind: discussion")
    git(top, "add", str(case))
    assert commit(top, "-m", "Rettet").returncode == 0
    assert git(top, "status", "--porcelain") == ""


# --- git trouble, in plain words ------------------------------------------------------------------


def without_commits(top: Path) -> Path:
    root = top / "ny"
    root.mkdir(parents=True)
    shutil.copy(PROJECT / "fsu.yaml", root / "fsu.yaml")
    shutil.copytree(PROJECT / "data", root / "data")
    git(root, "init", "-q", "-b", "main")
    return root


@pytest.mark.parametrize("command", [("diff",), ("diff", "HEAD"), ("validate", "--changed-since", "HEAD")])
def test_a_repository_without_commits_is_named_as_such(tmp_path, command):
    root = without_commits(tmp_path)
    done = fsu(*command, cwd=root)
    assert done.returncode == 2
    assert done.stderr == ("fsu: This git repository has no commits yet; commit the data first (git add, git "
                           "commit), then compare with a commit.\n")
    git(root, "add", "-A")
    assert fsu("validate", "--staged", cwd=root).returncode == 0  # the index can be checked all the same


def shallow_clone(tmp_path: Path) -> tuple[Path, str]:
    """A clone of one commit of a branch, with one commit of main: their merge base is not in it."""
    origin = governance_repository(tmp_path / "origin")
    start = git(origin, "rev-parse", "HEAD").strip()
    git(origin, "checkout", "-q", "-b", "ny-ledelse")
    edit(origin / "data/committees/ssu.yaml", "location: Teams", "location: Microsoft Teams")
    git(origin, "commit", "-q", "-am", "Nytt møtested")
    git(origin, "checkout", "-q", "main")
    edit(origin / "fsu.yaml", "name: Helsefellesskapet Fjordvik", "name: Helsefellesskapet i Fjordvik")
    git(origin, "commit", "-q", "-am", "Nytt navn")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "ny-ledelse", f"file://{origin}", str(clone))
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    return clone, start


def test_a_shallow_clone_without_the_base_says_so(tmp_path):
    clone, start = shallow_clone(tmp_path)
    described = fsu("diff", cwd=clone)
    assert described.returncode == 2
    assert described.stderr == ("fsu: This is a shallow clone, so the base (where this branch left origin/main) is "
                                "not in it; fetch more history (git fetch --unshallow), or name the base, e.g. fsu "
                                "diff origin/main.\n")
    for revision in (start, "HEAD~1"):
        changed = fsu("validate", "--changed-since", revision, cwd=clone)
        assert changed.returncode == 2
        assert changed.stderr.startswith(f"fsu: This is a shallow clone, so the base '{revision}' is not in it; "
                                         "fetch more history (git fetch --unshallow)")
    git(clone, "fetch", "-q", "--unshallow")
    assert fsu("validate", "--changed-since", start, cwd=clone).returncode == 0
    assert fsu("diff", cwd=clone).returncode == 0


@pytest.mark.parametrize("revision", ["v9", "--output=x"])
def test_a_revision_that_is_not_there_is_named(tmp_path, revision):
    root = governance_repository(tmp_path / "a")
    done = fsu("validate", "--changed-since", revision, cwd=root)
    assert done.returncode == 2
    assert done.stderr == (f"fsu: There is no commit '{revision}' in this git repository; name a branch, tag or "
                           "commit id.\n")
    assert not (root / "x").exists()


def test_staged_refuses_files_with_merge_conflicts_instead_of_reading_them_as_deleted(tmp_path):
    root = governance_repository(tmp_path / "a")
    git(root, "checkout", "-q", "-b", "zoom")
    edit(root / "data/committees/ssu.yaml", "location: Teams", "location: Zoom")
    git(root, "commit", "-q", "-am", "Zoom")
    git(root, "checkout", "-q", "main")
    edit(root / "data/committees/ssu.yaml", "location: Teams", "location: Microsoft Teams")
    git(root, "commit", "-q", "-am", "Microsoft Teams")
    merged = subprocess.run(["git", "-C", str(root), "merge", "zoom"], capture_output=True, text=True)
    assert merged.returncode == 1 and "CONFLICT" in merged.stdout
    done = fsu("validate", "--staged", cwd=root)
    assert done.returncode == 2
    assert done.stderr == ("fsu: data/committees/ssu.yaml has merge conflicts; resolve them and stage the file "
                           "first (git add), then run fsu again.\n")
    git(root, "checkout", "--theirs", "data/committees/ssu.yaml")
    git(root, "add", "data/committees/ssu.yaml")
    assert fsu("validate", "--staged", cwd=root).returncode == 0


@pytest.mark.parametrize("layout", [("--index-version", "4"), ("--split-index",)], ids=["index v4", "split index"])
def test_staged_reads_the_index_however_git_has_written_it(tmp_path, layout):
    root = governance_repository(tmp_path / "a")
    git(root, "update-index", *layout)
    edit(root / BROKEN_IN_A, "kind: decision", "kind: beslutning")
    git(root, "add", BROKEN_IN_A)
    done = fsu("validate", "--staged", "--format", "json", cwd=root)
    assert done.returncode == 1, done.stderr
    assert [line for line in done.stdout.splitlines() if '"path"' in line] == [f'      "path": "{BROKEN_IN_A}",']


def remove_object(root: Path, name: str) -> None:
    """Damage the repository: the object that ``name`` (e.g. HEAD:data) names is gone."""
    object_id = git(root, "rev-parse", name).strip()
    (root / ".git/objects" / object_id[:2] / object_id[2:]).unlink()


def test_a_damaged_repository_is_said_in_plain_words(tmp_path):
    root = governance_repository(tmp_path / "a")
    remove_object(root, "HEAD:data/committees/ssu.yaml")  # in HEAD and in the index: read from git
    done = fsu("validate", "--staged", cwd=root)
    assert done.returncode == 2
    assert done.stderr == ("fsu: git could not read an object of this repository: it is damaged or incomplete "
                           "(git fsck tells more).\n")
    remove_object(root, "HEAD:data")
    for command in (("validate", "--staged"), ("validate", "--changed-since", "HEAD"), ("diff", "HEAD")):
        done = fsu(*command, cwd=root)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("fsu: git ls-tree failed: ") and done.stderr.count("\n") == 1
    (root / ".git/index").write_bytes(b"junk")
    done = fsu("validate", "--staged", cwd=root)
    assert done.returncode == 2
    assert done.stderr.startswith("fsu: git ls-files failed: ") and done.stderr.count("\n") == 1
