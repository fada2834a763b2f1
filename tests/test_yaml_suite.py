"""Every input of the YAML test suite, valid YAML or not, as a data file: findings, never a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF
from small_community import write_small_community

SUITE = sorted((Path(__file__).parent / "yaml-test-suite").glob("*.yaml"))


def validate(root: Path) -> tuple[int, dict, str]:
    """In a process of its own, so that even a crash of the C parser is caught as a failure here."""
    done = subprocess.run([sys.executable, "-m", "fsu_cli", "validate", "--repo", str(root), "--format", "json",
                           "--as-of", AS_OF], capture_output=True, text=True,
                          env={**os.environ, "FSU_NO_CACHE": "1"})
    return done.returncode, json.loads(done.stdout or "{}"), done.stderr


def test_the_suite_is_all_here():
    assert len(SUITE) > 400


@pytest.mark.parametrize("folder, name", [("data/cases/fsu/2026", "{n}.yaml"),
                                          ("data/committees", "yts-{n}.yaml")])
def test_every_suite_input_gives_findings_never_a_crash(tmp_path, folder, name):
    root = write_small_community(tmp_path / "testfjord")
    placed = {}
    for n, sample in enumerate(SUITE, start=100):
        rel = f"{folder}/{name.format(n=n)}"
        (root / rel).write_bytes(sample.read_bytes())
        placed[rel] = sample.name
    code, document, stderr = validate(root)
    assert code in (0, 1), stderr
    assert "Traceback" not in stderr
    assert document["summary"]["files"] == 7 + len(SUITE)
    reported = {f["path"] for f in document["findings"]}
    assert set(placed) <= reported  # none of them is a valid record, and each is told why
    for finding in document["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1
