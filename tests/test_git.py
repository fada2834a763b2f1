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
