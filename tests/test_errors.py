"""The one error model, seen from outside the process: exit codes, a reader that goes away,
Ctrl+C, and an internal failure that leaves a crash report instead of a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import AS_OF, generate_repository
from small_community import FILES, write_small_community

# fsu's own entry point, after a change made in the process first (``PATCH``), with fsu's arguments after it.
PATCHED = "import sys; {patch}; from fsu_cli.__main__ import main; sys.argv[0] = 'fsu'; main()"


def environment() -> dict[str, str]:
    return {**os.environ, "FSU_AS_OF": AS_OF, "NO_COLOR": "1"}


def run(*args: str | Path, patch: str | None = None, **options) -> subprocess.CompletedProcess:
    command = ["-c", PATCHED.format(patch=patch)] if patch else ["-m", "fsu_cli"]
    return subprocess.run([sys.executable, *command, *map(str, args)], capture_output=True, text=True,
                          env=environment(), **options)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_community(tmp_path / "testfjord")


@pytest.fixture
def many_findings(small: Path) -> Path:
    """Eight hundred cases, each with a misspelt key: some 200 kB of findings."""
    case = FILES["data/cases/fsu/2026/01.yaml"]
    for number in range(3, 803):
        text = case.replace("number: 1\n", f"number: {number}\n").replace("title:", "titel:")
        (small / f"data/cases/fsu/2026/{number:03d}.yaml").write_text(text, encoding="utf-8")
    return small


# --- exit codes -------------------------------------------------------------------------------------


def test_exit_code_0_when_the_data_is_clean(small):
    done = run("validate", "--repo", small)
    assert (done.returncode, done.stdout, done.stderr) == (0, "7 files checked: no problems found.\n", "")


def test_exit_code_1_for_findings(small):
    (small / "data/cases/fsu/2026/01.yaml").write_text(FILES["data/cases/fsu/2026/01.yaml"] + "titel: x\n",
                                                      encoding="utf-8")
    done = run("validate", "--repo", small)
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "7 files checked: 1 error."


def test_exit_code_2_for_a_usage_error(small):
    done = run("leaders", "nope", "--repo", small)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "fsu: There is no committee 'nope'. Known committees: ssu, fsu.\n"


def test_exit_code_2_for_an_unknown_option(small):
    done = run("validate", "--repo", small, "--no-such-option")
    assert done.returncode == 2
    assert "No such option" in done.stderr and "Traceback" not in done.stderr


def test_exit_code_3_for_an_internal_failure(small):
    done = run("validate", "--repo", small,
               patch="import fsu_cli.check.validate as v; v.run_checks = lambda *a: 1 / 0")
    assert done.returncode == 3
    assert done.stderr.startswith("fsu 0.") and "an internal error stopped 'fsu validate'" in done.stderr


# --- a crash report instead of a traceback -------------------------------------------------------------


def test_an_internal_failure_writes_a_crash_report_and_says_what_to_do(tmp_path):
    from fsu_cli import __version__

    repo = write_small_community(tmp_path / "mitt fellesskap")  # a space: the command is written as typed
    done = run("validate", "--repo", repo, patch="import fsu_cli.check.validate as v; "
                                                  "v.run_checks = lambda *a: {}['no such key']")
    assert done.returncode == 3
    [report] = (Path(os.environ["FSU_CACHE_DIR"]) / "crash-reports").glob("*.txt")
    assert done.stderr.splitlines() == [
        f"fsu {__version__}: an internal error stopped 'fsu validate': KeyError: 'no such key'. This is a fault in "
        f"fsu, not in your data, and no file was changed. A crash report is in {report}: send that file when you "
        "report the problem. Run the same command again with --debug to see the technical details."]
    text = report.read_text(encoding="utf-8")
    assert text.startswith(f"fsu {__version__} crash report\n")
    assert f"command: fsu validate --repo '{repo}'\n" in text
    assert "Traceback (most recent call last):" in text and text.rstrip().endswith("KeyError: 'no such key'")
    assert "fsu_cli/check/validate.py" in text


def test_debug_shows_the_traceback_instead(small):
    done = run("validate", "--repo", small, "--debug", patch="import fsu_cli.check.validate as v; "
                                                              "v.run_checks = lambda *a: 1 / 0")
    assert done.returncode == 3
    assert "Traceback (most recent call last):" in done.stderr and "ZeroDivisionError" in done.stderr
    assert not (Path(os.environ["FSU_CACHE_DIR"]) / "crash-reports").exists()


# --- the reader goes away: fsu validate | head -1 ---------------------------------------------------------


def test_a_reader_that_closes_early_ends_fsu_quietly(many_findings):
    fsu = subprocess.Popen([sys.executable, "-m", "fsu_cli", "validate", "--repo", str(many_findings)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment())
    first = fsu.stdout.readline()
    fsu.stdout.close()  # as head -1 does: far more is still to come than the pipe holds
    stderr = fsu.stderr.read()
    assert first.startswith(b"data/cases/fsu/2026/003.yaml:")
    assert (fsu.wait(), stderr) == (141, b"")  # 128 + SIGPIPE, as for any command in a pipe; not 3


def test_the_closed_pipe_exit_code_is_what_the_shell_sees(many_findings):
    script = f"set -o pipefail; {sys.executable} -m fsu_cli validate --repo '{many_findings}' | head -1; " \
             "echo ${PIPESTATUS[0]} >&2"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=environment())
    assert done.stdout.startswith("data/cases/fsu/2026/003.yaml:") and done.stdout.count("\n") == 1
    assert done.stderr == "141\n"


# --- Ctrl+C -----------------------------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the process pool's workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid:
            found.append(int(stat.parent.name))
    return found


def test_ctrl_c_stops_fsu_with_one_line_and_no_traceback_from_any_process(tmp_path):
    """Ctrl+C reaches the whole foreground process group: fsu and each worker parsing files for it."""
    repo = generate_repository(2000, tmp_path / "stor")
    fsu = subprocess.Popen(
        [sys.executable, "-c", PATCHED.format(patch="import os; os.cpu_count = lambda: 2"),  # a pool, even on one core
         "validate", "--repo", str(repo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**environment(), "FSU_NO_CACHE": "1"},
        start_new_session=True)  # its own process group, as a terminal gives a command
    workers: list[int] = []
    while fsu.poll() is None and not workers:
        time.sleep(0.01)
        workers = children(fsu.pid)
    assert fsu.poll() is None, "fsu finished before its workers were seen"
    os.killpg(fsu.pid, signal.SIGINT)
    stdout, stderr = fsu.communicate(timeout=120)
    assert (fsu.returncode, stdout) == (130, "")
    assert stderr == "fsu: stopped (Ctrl+C). Nothing was changed.\n"
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []  # the pool was shut down



def test_a_file_size_limit_is_the_computers_trouble_not_a_fault_in_fsu(tmp_path):
    """With `ulimit -f` below the document's size, the write fails: exit 2, a plain sentence, nothing left."""
    import resource

    from conftest import PROJECT

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    out = tmp_path / "sak.html"
    done = run("render", "case", "ssu/2024/2", "--format", "html", "-o", out, "--repo", PROJECT,
               preexec_fn=small_files)
    assert done.returncode == 2, done.stderr
    assert "fault in fsu" not in done.stderr and "Traceback" not in done.stderr
    assert "the file would be larger than fsu may write (a file size limit is set)" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_command_that_ends_at_once_has_written_all_it_had_to(community, tmp_path):
    """fsu ends the process without tearing it down after a command that ran to its end (exit 0 or 1): what it
    printed, to a pipe or a file, is all there, and so is the cache it wrote."""
    from conftest import edit

    edit(community / "data/cases/ssu/2024/01.yaml", "title: Årsplan 2024", "titel: Årsplan 2024")
    cache = tmp_path / "cache"
    done = subprocess.run([sys.executable, "-m", "fsu_cli", "validate", "--format", "json", "--repo", str(community)],
                          capture_output=True, text=True, env={**environment(), "FSU_CACHE_DIR": str(cache)})
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    assert document["summary"]["errors"] == 1 and document["findings"][0]["code"] == "FSU101"
    again = subprocess.run([sys.executable, "-m", "fsu_cli", "validate", "--format", "json", "--repo",
                            str(community)], capture_output=True, text=True,
                           env={**environment(), "FSU_CACHE_DIR": str(cache)})
    assert json.loads(again.stdout) == document and any(cache.iterdir())
