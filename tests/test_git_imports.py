"""GitPython is loaded only by what touches git: ``fsu --help`` and the commands that read only the working
tree never import it, even inside a git repository (measured as ``python -X importtime`` lists imports)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF
from test_git import governance_repository


def gitpython_modules(*args: str | Path, cwd: Path) -> list[str]:
    """The modules of GitPython (``git``, ``git.*``) that one fsu run imports; the run must succeed."""
    env = {**os.environ, "FSU_AS_OF": AS_OF, "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "fsu_cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    names = [line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert "fsu_cli" in names  # the listing is there to be read
    return [name for name in names if name == "git" or name.startswith("git.")]


def test_help_does_not_import_gitpython(tmp_path):
    assert gitpython_modules("--help", cwd=tmp_path) == []


@pytest.mark.parametrize("command", [
    ("validate",),
    ("validate", "--format", "json"),
    ("leaders",),
    ("meetings",),
    ("status",),
    ("render", "case", "ssu/2024/1"),
], ids=" ".join)
def test_commands_that_do_not_touch_git_do_not_import_gitpython(tmp_path, command):
    root = governance_repository(tmp_path / "kommunen")  # in git, and still git is not asked
    assert gitpython_modules(*command, "--repo", root, cwd=tmp_path) == []


def test_publishing_does_not_import_gitpython(tmp_path):
    root = governance_repository(tmp_path / "kommunen")
    assert gitpython_modules("publish", "data", tmp_path / "ut", "--repo", root, cwd=root) == []


@pytest.mark.parametrize("command", [("validate", "--staged"), ("validate", "--changed-since", "HEAD"), ("diff",)],
                         ids=" ".join)
def test_commands_that_read_git_import_it(tmp_path, command):
    """The other side, so that the checks above could see GitPython if it were there."""
    root = governance_repository(tmp_path / "kommunen")
    assert "git" in gitpython_modules(*command, cwd=root)
