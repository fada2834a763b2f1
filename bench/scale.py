"""How fsu grows from 3,000 to 30,000 case files: time and peak memory, in one run.

    python bench/scale.py [--sizes 3000 30000]

For each size: a cold ``fsu validate`` (empty cache), an unchanged re-run,
``fsu leaders`` and ``fsu meetings``. Peak memory is the largest resident set of
any process in the run (fsu, or one of its worker processes). Prints the time per
1,000 files, so linear growth shows as a flat column. Target: under 500 MB at 30,000.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

# Runs a command and prints the largest resident set (kB) among it and its children.
MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "sys.stderr.write(done.stderr.decode()[-2000:])\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def measure(command: list[str], env: dict) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    code, peak_kb = done.stdout.split()
    if code != "0":
        raise SystemExit(f"{command[2:5]} failed: {done.stderr}")
    return elapsed, int(peak_kb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 30000])
    args = parser.parse_args()
    cache = Path(tempfile.mkdtemp())
    env = {**os.environ, "FSU_AS_OF": "2026-11-22", "FSU_CACHE_DIR": str(cache)}
    rows = []
    for size in args.sizes:
        repo = HERE / "out" / f"repo-{size}"
        if not (repo / "fsu.yaml").exists():
            generate(size, repo)
        files = sum(1 for _ in repo.rglob("*.yaml"))
        fsu = [sys.executable, "-m", "fsu_cli"]
        shutil.rmtree(cache, ignore_errors=True)
        results = {
            "validate (cold)": measure(fsu + ["validate", "--repo", str(repo), "--format", "json"], env),
            "validate (unchanged)": measure(fsu + ["validate", "--repo", str(repo), "--format", "json"], env),
            "leaders": measure(fsu + ["leaders", "--repo", str(repo)], env),
            "meetings": measure(fsu + ["meetings", "--repo", str(repo)], env),
        }
        for name, (seconds, peak) in results.items():
            rows.append((size, files, name, seconds, peak))
    shutil.rmtree(cache, ignore_errors=True)
    print(f"{'cases':>7} {'files':>7}  {'command':<22} {'seconds':>8} {'s/1000 files':>13} {'peak MB':>8}")
    for size, files, name, seconds, peak in rows:
        print(f"{size:>7} {files:>7}  {name:<22} {seconds:>8.2f} {seconds / files * 1000:>13.3f} {peak / 1024:>8.0f}")
    worst = max(peak for *_, peak in rows) / 1024
    print(f"\nlargest process: {worst:.0f} MB (target < 500 MB)", "PASS" if worst < 500 else "FAIL")


if __name__ == "__main__":
    main()
