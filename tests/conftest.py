"""Shared fixtures: a copy of the example community in a temporary folder, and a CLI runner."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fsu_cli.cli.app import app

PROJECT = Path(__file__).resolve().parent.parent
# The date the example community is written for; every test runs "on" it.
AS_OF = "2026-11-22"
EXAMPLE_FILES = 1 + sum(1 for _ in (PROJECT / "data").rglob("*.yaml"))


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def pytest_addoption(parser, pluginmanager):
    """With xdist switched off (-p no:xdist), accept the -n of addopts and run in one process."""
    if not pluginmanager.has_plugin("xdist"):
        parser.getgroup("xdist")._addoption("-n", "--numprocesses", dest="numprocesses", default=None,
                                            help="ignored: pytest-xdist is not active")


def pytest_configure(config):
    """Hypothesis keeps its files (constants it reads from the source) in a temporary folder, not the project."""
    from hypothesis.configuration import set_hypothesis_home_dir

    config.hypothesis_home = Path(tempfile.mkdtemp(prefix="fsu-tests-hypothesis-"))
    set_hypothesis_home_dir(config.hypothesis_home)


def pytest_unconfigure(config):
    shutil.rmtree(config.hypothesis_home, ignore_errors=True)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own fsu cache folder, so tests never share (or leave) cached results; the
    cache is on and files are parsed on every core, whatever the caller's environment says."""
    monkeypatch.setenv("FSU_CACHE_DIR", str(tmp_path_factory.mktemp("fsu-cache")))
    monkeypatch.delenv("FSU_NO_CACHE", raising=False)
    monkeypatch.delenv("FSU_WORKERS", raising=False)


# The variables that tie git to one repository (GIT_DIR, GIT_INDEX_FILE, ...), as git lists them.
GIT_LOCAL_VARIABLES = subprocess.run(["git", "rev-parse", "--local-env-vars"], capture_output=True,
                                     text=True).stdout.split()


@pytest.fixture(autouse=True)
def outside_any_git_hook(monkeypatch):
    """Run from a git hook (the tests as a pre-commit check), the hook's GIT_* variables would lead
    the tests' own git calls into the hook's repository; each test sets what it needs."""
    for name in GIT_LOCAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def community(tmp_path: Path) -> Path:
    """A writable copy of the example health community (fsu.yaml and data/)."""
    root = tmp_path / "community"
    root.mkdir()
    shutil.copy(PROJECT / "fsu.yaml", root / "fsu.yaml")
    shutil.copytree(PROJECT / "data", root / "data")
    return root


@pytest.fixture
def fsu(monkeypatch):
    """Run fsu in-process: ``fsu("validate", "--repo", path)`` returns exit code and output."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FSU_AS_OF", AS_OF)

    def run(*args: str | Path, cwd: Path | None = None) -> Outcome:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return run


def generate_repository(cases: int, root: Path) -> Path:
    """A synthetic community with this many valid case files (bench/generate.py: the benchmarks' data)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", PROJECT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(cases, root)
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def meetings_back_in_the_list(root: Path, committee: str = "fsu-pasientforlop") -> Path:
    """The example committee with every meeting back in its list (date, status, place) and no meeting
    files, so a test that writes its own meeting files does not depend on the example's."""
    from ruamel.yaml import YAML

    listed = root / f"data/committees/{committee}.yaml"
    entries = []
    for path in sorted((root / "data/meetings" / committee).glob("*.yaml")):
        record = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        entries.append(f"  - {{date: {record['date']}, status: {record['status']}, "
                       f"location: {record.get('location', 'Teams')}}}\n")
        path.unlink()
    text = listed.read_text(encoding="utf-8")
    listed.write_text(text.replace("meetings:\n", "meetings:\n" + "".join(entries), 1), encoding="utf-8")
    mandate = root / "data/mandates/fsu-pasientforlop-2025.yaml"  # and its meeting rules, as before meeting files
    rules = ("    notice_days: 7\n    minutes_within_days: 70\n  quorum:\n    min_share_present: 0.5\n"
             "    sides_present: [hospital, municipality]\n")
    if committee == "fsu-pasientforlop" and rules in mandate.read_text(encoding="utf-8"):
        mandate.write_text(mandate.read_text(encoding="utf-8").replace(rules, ""), encoding="utf-8")
    return root


def validation_findings(fsu, root: Path, *options: str) -> list[dict]:
    """The findings of ``fsu validate --format json`` (exit 0 or 1), as plain data."""
    import json

    result = fsu("validate", "--repo", root, "--format", "json", *options)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The small community of tests/small_community.py, written afresh."""
    from small_community import write_small_community

    return write_small_community(tmp_path / "testfjord")
