"""Time fsu against its peers and against itself, in one run, and print the ratios.

    python bench/validate_speed.py [--cases 3000] [--runs 5]

1. A cold ``fsu validate`` (empty cache: parsing, the real schemas, every rule)
   against check-jsonschema only parsing the same files (schema ``{}``). Target <= 0.5.
2. An unchanged re-run of ``fsu validate`` against the cold run. Target <= 0.2.
3. ``fsu --help`` against the ``--help`` of a bare typer app. Target <= 1.3.

Every command runs as a fresh process in this Python environment, alternating, and
medians are compared. Needs the bench extra: ``python3 -m pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

# The generated repository is written to be correct on this date.
ENV = {**os.environ, "FSU_AS_OF": "2026-11-22"}
BARE_TYPER = """
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "x"):
    print(name)
@app.command()
def bye(name: str = "x"):
    print(name)
app()
"""


def timed(command: list[str], env: dict | None = None, before=None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or ENV)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command[:4]} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return elapsed


def compare(label: str, ours: list[float], theirs: list[float], target: float, names: tuple[str, str]) -> bool:
    a, b = statistics.median(ours), statistics.median(theirs)
    ratio = a / b
    verdict = "PASS" if ratio <= target else "FAIL"
    print(f"{label}\n  {names[0]:<44} {a:7.3f} s\n  {names[1]:<44} {b:7.3f} s\n"
          f"  ratio {ratio:.2f} (target <= {target}) {verdict}\n")
    return ratio <= target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    repo = HERE / "out" / f"repo-{args.cases}"
    if not (repo / "fsu.yaml").exists():
        generate(args.cases, repo)
    files = sorted(str(p) for p in repo.rglob("*.yaml"))
    scratch = Path(tempfile.mkdtemp())
    trivial = scratch / "trivial.json"
    trivial.write_text(json.dumps({}))
    bare = scratch / "bare_typer.py"
    bare.write_text(BARE_TYPER)
    cache = scratch / "cache"
    env = {**ENV, "FSU_CACHE_DIR": str(cache)}

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    fsu = [sys.executable, "-m", "fsu_cli", "validate", "--repo", str(repo), "--format", "json"]
    peer = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(trivial), *files]
    fsu_help = [sys.executable, "-m", "fsu_cli", "--help"]
    typer_help = [sys.executable, str(bare), "--help"]

    timed(peer), timed(fsu, env, empty_cache), timed(fsu_help), timed(typer_help)  # warm the disk cache
    cold, warm, peers, helps, bares = [], [], [], [], []
    for _ in range(args.runs):
        cold.append(timed(fsu, env, empty_cache))
        warm.append(timed(fsu, env))
        peers.append(timed(peer))
        helps.append(timed(fsu_help))
        bares.append(timed(typer_help))

    print(f"{len(files)} files ({args.cases} cases), {args.runs} runs each, median wall time, "
          f"{os.cpu_count()} cores\n")
    ok = compare("1. cold validation against a parse-only peer", cold, peers, 0.5,
                 ("fsu validate, empty cache", "check-jsonschema, schema {}"))
    ok &= compare("2. unchanged re-run against the cold run", warm, cold, 0.2,
                  ("fsu validate, unchanged since last run", "fsu validate, empty cache"))
    ok &= compare("3. start-up: --help against a bare typer app", helps, bares, 1.3,
                  ("fsu --help", "bare typer app --help"))
    shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
