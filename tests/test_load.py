"""Loading a large repository: parsing on several cores (a real process pool) finds exactly what
parsing one file after another finds, positions included."""

from __future__ import annotations

import concurrent.futures
import json
import os
from pathlib import Path

import pytest

import fsu_cli.check.load
from conftest import edit, generate_repository


@pytest.fixture
def large(tmp_path: Path) -> Path:
    """Enough case files for the process pool, with mistakes of every kind spread over them."""
    root = generate_repository(fsu_cli.check.load.PARALLEL_FROM + 50, tmp_path / "stor")
    cases = root / "data/cases"
    edit(cases / "ssu/2005/02.yaml", "case_officer:", "saksbehandler:")  # unknown key
    edit(cases / "ssu/2006/03.yaml", "year: 2006", "year: [2006")  # broken YAML
    edit(cases / "fsu-01/2010/04.yaml", "number: 4", 'number: "4"')  # wrong type
    edit(cases / "fsu-01/2015/01.yaml", "-15\ntitle:", "-16\ntitle:")  # a day with no meeting (and after the decision)
    edit(cases / "fsu-02/2012/05.yaml", "case_officer: Felles sekretariat\n",
         "case_officer: Felles sekretariat\ncase_officer: Felles sekretariat\n")  # duplicate key
    broken = cases / "ssu/2020/06.yaml"
    broken.write_bytes(broken.read_text(encoding="utf-8").replace("title:", "title: Tønsberg", 1).encode("latin-1"))
    return root


def findings(fsu, root: Path) -> list[dict]:
    result = fsu("validate", "--repo", root, "--format", "json")
    assert result.exit_code == 1, result.stderr
    return json.loads(result.stdout)["findings"]


def test_parallel_parsing_finds_exactly_what_serial_parsing_finds(fsu, large, monkeypatch):
    pools: list[int] = []

    class CountedPool(concurrent.futures.ProcessPoolExecutor):  # a real pool, counted
        def __init__(self, workers, *args, **kwargs):
            pools.append(workers)
            super().__init__(workers, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # two workers, even on a machine with one core
    monkeypatch.setenv("FSU_NO_CACHE", "1")
    monkeypatch.setenv("FSU_WORKERS", "1")
    serial = findings(fsu, large)
    assert pools == []
    monkeypatch.delenv("FSU_WORKERS")
    parallel = findings(fsu, large)
    assert pools == [2]
    assert parallel == serial
    assert {(f["path"].split("/", 2)[2], f["code"]) for f in serial} == {
        ("ssu/2005/02.yaml", "FSU101"), ("ssu/2006/03.yaml", "FSU003"), ("fsu-01/2010/04.yaml", "FSU103"),
        ("fsu-01/2015/01.yaml", "FSU207"), ("fsu-01/2015/01.yaml", "FSU352"), ("fsu-02/2012/05.yaml", "FSU004"),
        ("ssu/2020/06.yaml", "FSU001")}
    assert all(f["line"] > 1 for f in serial)  # every one placed on its own line, not the whole file's
