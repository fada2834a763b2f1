"""Edits made at the same time, by real processes, in a real git repository: each waits for the
others, so whatever fsu reports as done is in the file, and the lock leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import fsu_cli.store.files
from conftest import AS_OF
from test_authoring import git, repo  # noqa: F401  (the git repository fixture)
from fsu_cli.store.files import repository_lock

SSU = "data/committees/ssu.yaml"
BUSY = "fsu: another fsu command is changing this repository; try again.\n"



def at_once(root: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
    """Start every command as its own fsu process before waiting for any of them."""
    env = {**os.environ, "FSU_AS_OF": AS_OF, "NO_COLOR": "1"}
    started = [(command, subprocess.Popen([sys.executable, "-m", "fsu_cli", *command, "--repo", str(root)],
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
               for command in commands]
    results = []
    for command, process in started:
        out, err = process.communicate()
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def member_add(name: str) -> list[str]:
    return ["member", "add", "ssu", "--name", name, "--organization", "lundheim", "--start", "2026-12-01"]


def assert_done_or_busy(results: list[subprocess.CompletedProcess]) -> list[subprocess.CompletedProcess]:
    """Each run either did its edit or said plainly that it could not; returns those that did."""
    for result in results:
        assert (result.returncode, result.stderr) in ((0, ""), (2, BUSY)), result.stderr
    return [result for result in results if result.returncode == 0]


def test_eight_members_added_at_once_are_all_kept(fsu, repo):
    names = [f"Person {i}" for i in range(8)]
    done = assert_done_or_busy(at_once(repo, [member_add(name) for name in names]))
    assert done  # serialised, not all turned away
    text = (repo / SSU).read_text(encoding="utf-8")
    for result in done:
        name = result.args[4]
        assert result.stdout == f"Added {name} (lundheim) to {SSU}.\n"
        assert text.count(f"  - name: {name}\n") == 1, name
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == f" M {SSU}\n"  # no lock file anywhere
    assert fsu("validate", "--repo", repo).exit_code == 0


def test_meetings_and_members_added_at_once_are_all_kept(fsu, repo):
    days = ["2027-03-04", "2027-05-06", "2027-09-09", "2027-11-11"]
    names = ["Anne Aas", "Bjørn Bø", "Cecilie Dahl", "Dag Eik"]
    commands = [command for day, name in zip(days, names)
                for command in (["new", "meeting", "ssu", day], member_add(name))]
    done = assert_done_or_busy(at_once(repo, commands))
    text = (repo / SSU).read_text(encoding="utf-8")
    for result in done:
        if result.args[0] == "new":
            assert f"  - date: {result.args[3]}\n    status: planned\n" in text, result.args
        else:
            assert f"  - name: {result.args[4]}\n" in text, result.args
    assert len(done) == len(commands)
    assert fsu("validate", "--repo", repo).exit_code == 0


def test_an_edit_waits_a_bounded_time_then_says_the_repository_is_busy(fsu, repo, monkeypatch):
    monkeypatch.setattr(fsu_cli.store.files, "LOCK_WAIT_SECONDS", 0.2)
    before = (repo / SSU).read_bytes()
    with repository_lock(repo):  # another fsu command is in the middle of an edit
        result = fsu(*member_add("Ola Nordvik"), "--repo", repo)
    assert (result.exit_code, result.stderr) == (2, BUSY)
    assert (repo / SSU).read_bytes() == before
    assert fsu(*member_add("Ola Nordvik"), "--repo", repo).exit_code == 0  # and works once the other is done


HOLD_THE_LOCK = """\
import sys, time
from pathlib import Path
from fsu_cli.store.files import repository_lock
with repository_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(600)
"""


def test_an_edit_killed_while_holding_the_lock_leaves_no_stale_lock(fsu, repo, monkeypatch):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_LOCK, str(repo)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        monkeypatch.setattr(fsu_cli.store.files, "LOCK_WAIT_SECONDS", 0.2)
        assert fsu(*member_add("Ola Nordvik"), "--repo", repo).stderr == BUSY
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: no clean-up runs
        holder.wait()
        holder.stdout.close()
    result = fsu(*member_add("Ola Nordvik"), "--repo", repo)
    assert result.exit_code == 0, result.stderr
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == f" M {SSU}\n"
