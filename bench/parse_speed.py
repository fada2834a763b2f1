"""Time fsu's checking load per file, old path against new, with PyYAML's CSafeLoader as the floor.

    PYTHONPATH=src python3 bench/parse_speed.py [--cases 3000] [--runs 7] [--repo DIR]

On the same files, in one process, alternating, best of ``--runs`` for each:

- ``reference``: ``yamlio.load_reference``, ruamel's C parser, composer, YAML 1.2
  resolver and SafeConstructor (the checking load before the lean path);
- ``lean``: ``yamlio.load``, values built from the C parser's events, falling back
  to the reference for anything unusual;
- ``pyyaml``: PyYAML's ``CSafeLoader`` (libyaml with PyYAML's own Cython
  constructor; YAML 1.1, so not the same values: the floor, not a peer);
- ``events``: only iterating ruamel's C parser events (what no loader can beat).

The files: the example community's ``data/`` and a generated repository
(``bench/generate.py``), its case files and its committees and mandates apart.
Before timing, every file is checked to load the same both ways. Target: lean
within 1.3x of pyyaml on the generated cases.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

import yaml
from ruamel.yaml.cyaml import CParser

from fsu_cli.store import lean, yamlio

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def events(text: str) -> None:
    parser = CParser(text)
    try:
        while parser.get_event() is not None:
            pass
    finally:
        parser.dispose()


LOADERS = {
    "reference": yamlio.load_reference,
    "lean": yamlio.load,
    "pyyaml": lambda text: yaml.load(text, Loader=yaml.CSafeLoader),  # noqa: S506 - the safe C loader
    "events": events,
}


def best_per_file(texts: list[str], runs: int) -> dict[str, float]:
    """Microseconds per file, the best of ``runs`` passes over all files for each loader.

    A few files are passed over several times in each run, so that no pass is too short to time.
    """
    passes = texts * max(1, 1000 // len(texts))
    best = dict.fromkeys(LOADERS, float("inf"))
    for run in range(runs):
        names = list(LOADERS) if run % 2 == 0 else list(reversed(LOADERS))
        for name in names:
            load = LOADERS[name]
            gc.collect()
            start = time.perf_counter()
            for text in passes:
                load(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: seconds / len(passes) * 1e6 for name, seconds in best.items()}


def checked(texts: list[str]) -> int:
    """How many of the files the lean path builds itself; every file must load the same both ways."""
    built = 0
    for text in texts:
        value = yamlio.load(text)
        if repr(value) != repr(yamlio.load_reference(text)):
            raise SystemExit("the lean path and the reference differ; run tests/test_lean_loader.py")
        try:
            lean.load(text, CParser)
            built += 1
        except lean.Unusual:
            pass
    return built


def read(paths: list[Path]) -> list[str]:
    return [yamlio.decode(path.read_bytes()) for path in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--repo", type=Path, help="a repository generate.py wrote (default bench/out/repo-CASES)")
    args = parser.parse_args()

    repo = args.repo or HERE / "out" / f"repo-{args.cases}"
    if not (repo / "fsu.yaml").exists():
        generate(args.cases, repo)
    project = HERE.parent
    groups = {
        "example data/": read(sorted((project / "data").rglob("*.yaml"))),
        f"generated cases ({args.cases})": read(sorted((repo / "data" / "cases").rglob("*.yaml"))),
        "generated committees, mandates": read(sorted((repo / "data" / "committees").glob("*.yaml"))
                                               + sorted((repo / "data" / "mandates").glob("*.yaml"))),
    }
    print(f"best of {args.runs}; microseconds per file\n")
    print(f"{'files':<32} {'n':>5} {'lean':>5} {'reference':>10} {'lean':>8} {'pyyaml':>8} {'events':>8}"
          f"  {'lean/pyyaml':>11} {'ref/pyyaml':>10} {'ref/lean':>8}")
    for label, texts in groups.items():
        built = checked(texts)
        t = best_per_file(texts, args.runs)
        print(f"{label:<32} {len(texts):>5} {built:>5} {t['reference']:>10.1f} {t['lean']:>8.1f} {t['pyyaml']:>8.1f}"
              f" {t['events']:>8.1f}  {t['lean'] / t['pyyaml']:>11.2f} {t['reference'] / t['pyyaml']:>10.2f}"
              f" {t['reference'] / t['lean']:>8.2f}")
    print("\n(n: files; lean: how many of them the lean path built without falling back)")


if __name__ == "__main__":
    main()
