"""Hostile paths and a hostile environment: what a pull request can put in the repository (ids that
climb out, links out of it, a folder where a file belongs) and what the machine can do to a write
(a read-only file or folder, a file size limit) end in a plain message, with nothing written
outside the repository and nothing half-written inside it."""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, PROJECT, edit
from fsu_cli.errors import UsageError
from fsu_cli.store.paths import find_root, target_inside

SSU = "data/committees/ssu.yaml"
TOKEN = "gho_SECRETTOKEN0123456789"
NEW_MEMBER = ("member", "add", "ssu", "--name", "Ola Nordvik", "--organization", "lundheim", "--start", "2026-12-01")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(community: Path) -> Path:
    """The example community in a real git repository, with a CI token in .git/config as CI keeps it."""
    git(community, "init", "-q", "-b", "main")
    git(community, "config", "user.email", "sekretariat@example.org")
    git(community, "config", "user.name", "Sekretariatet")
    git(community, "config", "http.extraheader", f"AUTHORIZATION: basic {TOKEN}")
    git(community, "add", "-A")
    git(community, "commit", "-q", "-m", "Start")
    return community


def everything(folder: Path) -> dict[str, bytes]:
    """Every file under the folder (links not followed), with its content: to show nothing changed."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() and not p.is_symlink() else b"")
            for p in folder.rglob("*") if ".git" not in p.relative_to(folder).parts}


# --- 1. ids and links that would lead a write out of the repository ----------------------------


def test_a_committee_id_that_climbs_out_is_never_made_a_path(fsu, repo, tmp_path):
    edit(repo / SSU, "id: ssu\n", "id: ../../../escaped\n")  # data/cases/<id> would be tmp_path/escaped
    before = everything(tmp_path)
    result = fsu("new", "case", "../../../escaped", "--meeting", "2026-11-26", "--title", "X", "--repo", repo)
    assert result.exit_code == 2
    assert result.stderr == (
        "fsu: The committee's id '../../../escaped' is not of the form the schema allows (small letters, digits "
        "and '-'), so fsu will not make a file path of it. Fix the id first (fsu validate shows where).\n")
    assert everything(tmp_path) == before
    assert not (tmp_path / "escaped").exists()


def test_a_case_folder_that_is_a_link_out_is_not_written_through(fsu, repo, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (repo / "data/cases/ssu").rename(elsewhere)
    (repo / "data/cases/ssu").symlink_to(elsewhere, target_is_directory=True)
    before = everything(elsewhere)
    result = fsu("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "X", "--repo", repo)
    assert result.exit_code == 2
    assert result.stderr == (
        f"fsu: data/cases/ssu leads out of the repository {repo} (through a link or '..'), so fsu will not write "
        "there. Replace links under data/ with the folders and files themselves.\n")
    assert everything(elsewhere) == before


@pytest.mark.parametrize("rel", ["../outside.yaml", "data/../../outside.yaml", "/tmp/outside.yaml", "",
                                 "data//committees/x.yaml", ".git/config", "data/link/x.yaml"])
def test_a_write_target_outside_the_repository_is_refused(repo, tmp_path, rel):
    (repo / "data/link").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(UsageError, match="leads out of the repository"):
        target_inside(repo, rel)


def test_a_link_that_stays_inside_is_written_through_and_stays_a_link(fsu, repo):
    shared = repo / "shared"
    shared.mkdir()
    (repo / SSU).rename(shared / "ssu.yaml")
    (repo / SSU).symlink_to("../../shared/ssu.yaml")
    assert target_inside(repo, SSU) == (shared / "ssu.yaml").resolve()
    result = fsu(*NEW_MEMBER, "--repo", repo)
    assert result.exit_code == 0, result.stderr
    assert (repo / SSU).is_symlink()
    assert "  - name: Ola Nordvik\n" in (shared / "ssu.yaml").read_text(encoding="utf-8")


def test_init_writes_only_inside_its_folder_even_if_a_link_appears_meanwhile(fsu, tmp_path, monkeypatch):
    from fsu_cli.edit import init

    target, outside = tmp_path / "ny", tmp_path / "outside"
    outside.mkdir()
    plain = init.files_for

    def planting_a_link(name, today):  # someone puts a link in the empty folder after fsu looked at it
        (target / ".github").symlink_to(outside, target_is_directory=True)
        return plain(name, today)

    monkeypatch.setattr(init, "files_for", planting_a_link)
    result = fsu("init", target, "--name", "Helsefellesskapet Ny")
    assert result.exit_code == 2
    assert "leads out of the repository" in result.stderr
    assert list(outside.iterdir()) == []


# --- 2. fsu.yaml, data/ or a data file as a link out of the repository ------------------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the repository that must never be read or shown."""
    path = tmp_path / "outside" / "secret.yaml"
    path.parent.mkdir()
    path.write_text(f"name: {TOKEN}\norganizations: {TOKEN}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["validate"], ["validate", "--format", "json"], ["leaders"], ["status"]])
def test_fsu_yaml_as_a_link_out_is_refused_and_never_shown(fsu, repo, secret, command):
    (repo / "fsu.yaml").unlink()
    (repo / "fsu.yaml").symlink_to(secret)
    for where in ({"cwd": repo / "data/committees"}, {}):  # found upwards, or named with --repo
        result = fsu(*command, *([] if where else ["--repo", repo]), **where)
        assert result.exit_code == 2
        assert result.stderr == (f"fsu: fsu.yaml in {repo} is a link to a place outside the repository, so the "
                                 "repository cannot be read. Put the file itself in the repository instead of a "
                                 "link to it.\n")
        assert TOKEN not in result.stdout + result.stderr


def test_data_as_a_link_out_is_refused_and_never_shown(fsu, repo, tmp_path):
    outside = tmp_path / "outside-data"
    (repo / "data").rename(outside)
    edit(outside / "committees/ssu.yaml", "kind: ssu", f"kind: {TOKEN}")
    (repo / "data").symlink_to(outside, target_is_directory=True)
    result = fsu("validate", "--repo", repo, "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"fsu: data/ in {repo} is a link to a place outside the repository")
    assert TOKEN not in result.stdout + result.stderr
    assert fsu(*NEW_MEMBER, "--repo", repo).exit_code == 2


def test_links_into_git_s_own_folder_are_not_read(fsu, repo):
    (repo / "data/committees/config.yaml").symlink_to("../../.git/config")
    result = fsu("validate", "--repo", repo, "--format", "json")
    found = [(f["code"], f["path"]) for f in json.loads(result.stdout)["findings"]]
    assert ("FSU008", "data/committees/config.yaml") in found
    assert TOKEN not in result.stdout + result.stderr
    (repo / "fsu.yaml").unlink()
    (repo / "fsu.yaml").symlink_to(".git/config")
    result = fsu("validate", "--repo", repo)
    assert result.exit_code == 2 and TOKEN not in result.stdout + result.stderr


def test_a_link_loop_is_a_file_that_cannot_be_read_not_a_crash(fsu, repo):
    (repo / "data/committees/loop.yaml").symlink_to("loop.yaml")
    result = fsu("validate", "--repo", repo, "--format", "json")
    assert result.exit_code == 1, result.stderr
    found = [(f["code"], f["path"]) for f in json.loads(result.stdout)["findings"]]
    assert ("FSU001", "data/committees/loop.yaml") in found


def test_find_root_refuses_a_repository_whose_fsu_yaml_cannot_be_read(tmp_path):
    (tmp_path / "fsu.yaml").symlink_to("nowhere.yaml")  # inside, but leads to nothing
    with pytest.raises(UsageError, match="fsu.yaml in .* is not a file that can be read"):
        find_root(explicit=tmp_path)


# --- 3. a folder where a file belongs ---------------------------------------------------------------


def test_a_folder_named_like_a_case_file_is_reported(fsu, repo):
    (repo / "data/cases/ssu/2024/09.yaml").mkdir()
    result = fsu("validate", "--repo", repo, "--format", "json")
    found = [(f["code"], f["path"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    assert ("FSU007", "data/cases/ssu/2024/09.yaml", "This is a folder named like a YAML file; fsu reads only "
            "files, so nothing in it is checked.") in found


# --- 5. what a write keeps: mode, owner, read-only, byte-order mark and line endings -------------------


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_get_the_usual_mode_and_edits_keep_the_files_own(fsu, repo, umask_022):
    result = fsu("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "X", "--repo", repo)
    assert result.exit_code == 0, result.stderr
    assert mode(repo / "data/cases/ssu/2026/07.yaml") == 0o644
    (repo / SSU).chmod(0o664)
    assert fsu(*NEW_MEMBER, "--repo", repo).exit_code == 0
    assert mode(repo / SSU) == 0o664
    out = repo / "sak.md"
    assert fsu("render", "case", "ssu/2024/2", "-o", out, "--repo", repo).exit_code == 0
    assert mode(out) == 0o644


def test_an_edit_keeps_the_files_owner_and_group_where_fsu_may_set_them(fsu, repo):
    owner, group = (4321, 4322) if os.geteuid() == 0 else (os.geteuid(), os.getgroups()[-1])
    os.chown(repo / SSU, owner, group)
    assert fsu(*NEW_MEMBER, "--repo", repo).exit_code == 0
    assert ((repo / SSU).stat().st_uid, (repo / SSU).stat().st_gid) == (owner, group)


def test_a_read_only_file_is_refused_and_left_as_it_was(fsu, repo, tmp_path):
    (repo / SSU).chmod(0o444)
    before = everything(repo)
    result = fsu(*NEW_MEMBER, "--repo", repo)
    assert result.exit_code == 2
    assert result.stderr == (f"fsu: {repo / SSU} is read-only, so fsu left it as it was. Make it writable first "
                             "if it should change (for example: chmod u+w).\n")
    assert everything(repo) == before and mode(repo / SSU) == 0o444
    out = tmp_path / "sak.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o444)
    result = fsu("render", "case", "ssu/2024/2", "-o", out, "--force", "--repo", repo)
    assert result.exit_code == 2 and "is read-only" in result.stderr
    assert out.read_text(encoding="utf-8") == "old"


def test_an_edit_in_a_windows_file_keeps_its_bom_and_crlf_and_changes_only_its_lines(fsu, repo):
    path = repo / SSU
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    git(repo, "commit", "-qam", "Saved on Windows")
    result = fsu(*NEW_MEMBER, "--title", "kommunalsjef", "--repo", repo)
    assert result.exit_code == 0, result.stderr
    assert git(repo, "diff", "--numstat", "--", SSU).split()[:2] == ["5", "0"]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert b"  - name: Ola Nordvik\r\n    organization: lundheim\r\n    title: kommunalsjef\r\n" in raw


def test_a_member_added_last_goes_before_the_comment_about_what_follows(fsu, repo):
    assert fsu(*NEW_MEMBER, "--repo", repo).exit_code == 0
    text = (repo / SSU).read_text(encoding="utf-8")
    assert ("  - name: Ola Nordvik\n    organization: lundheim\n    start_date: 2026-12-01\n    end_date: null\n"
            "\n# Ledervervet går på omgang") in text


# --- 6. the environment refuses the write ---------------------------------------------------------


def without_root_privileges() -> None:
    """In the child: as root, give up overriding file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH),
    so a read-only folder is read-only for fsu as it is for anyone else."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone after exec
                raise OSError(ctypes.get_errno(), "prctl")


def with_a_file_size_limit() -> None:
    """In the child: files may not grow past 1000 bytes (ulimit -f). SIGXFSZ, which would kill the
    process, is left as a shell leaves it: Python itself ignores it, so the write fails with EFBIG."""
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))


def run_fsu(root: Path, *args: str, preexec) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fsu_cli", *args, "--repo", str(root)], capture_output=True,
                          text=True, preexec_fn=preexec, env={**os.environ, "FSU_AS_OF": AS_OF, "NO_COLOR": "1"},
                          check=False)


def test_a_read_only_folder_is_a_plain_message_and_nothing_is_left(repo):
    before = everything(repo)
    folders = [repo / "data/committees", repo / "data/cases/ssu", repo / "data/cases/ssu/2026"]
    for folder in folders:
        folder.chmod(0o555)
    try:
        edited = run_fsu(repo, *NEW_MEMBER, preexec=without_root_privileges)
        created = run_fsu(repo, "new", "case", "ssu", "--meeting", "2026-11-26", "--title", "X",
                          preexec=without_root_privileges)
        in_a_new_year = run_fsu(repo, "new", "case", "ssu", "--meeting", "2027-02-11", "--title", "X",
                                preexec=without_root_privileges)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert edited.returncode == 2
    assert edited.stderr == (f"fsu: Could not write {repo / SSU}: fsu may not write to the folder "
                             f"{repo / 'data/committees'}. Nothing was changed.\n")
    assert created.returncode == 2
    assert created.stderr == (f"fsu: Could not write {repo / 'data/cases/ssu/2026/07.yaml'}: fsu may not write "
                              f"to the folder {repo / 'data/cases/ssu/2026'}. Nothing was changed.\n")
    assert in_a_new_year.returncode == 2
    assert in_a_new_year.stderr == (f"fsu: Could not write {repo / 'data/cases/ssu/2027/01.yaml'}: fsu may not "
                                    f"write to the folder {repo / 'data/cases/ssu'}. Nothing was changed.\n")
    assert everything(repo) == before


def test_a_file_size_limit_is_a_plain_message_and_nothing_is_left(repo, tmp_path):
    before = everything(repo)
    edited = run_fsu(repo, *NEW_MEMBER, preexec=with_a_file_size_limit)
    assert edited.returncode == 2, edited.stderr
    assert edited.stderr == (f"fsu: Could not write {repo / SSU}: the file would be larger than fsu may write "
                             "(a file size limit is set). Nothing was changed.\n")
    assert everything(repo) == before
    out = tmp_path / "sak.pdf"
    rendered = run_fsu(PROJECT, "render", "case", "ssu/2024/2", "--format", "pdf", "-o", str(out),
                       preexec=with_a_file_size_limit)
    assert rendered.returncode == 2 and "a file size limit is set" in rendered.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["community"]  # no sak.pdf, whole or in part


def test_a_full_disk_is_named_as_such(fsu, repo, monkeypatch):
    import errno

    before = everything(repo)

    def full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = fsu(*NEW_MEMBER, "--repo", repo)
    assert result.exit_code == 2
    assert result.stderr == f"fsu: Could not write {repo / SSU}: the disk is full. Nothing was changed.\n"
    assert everything(repo) == before
