"""How fsu grows from 300 to 30,000 case files: time and peak memory, in one run.

    python bench/scale.py [--sizes 300 3000 30000]

For each size, in a git repository: a cold ``fsu validate`` (empty cache), an unchanged
re-run, a re-run after one case changed, ``--staged`` with that change staged,
``fsu render case`` of one case, ``fsu leaders`` and ``fsu meetings``. Peak memory is the
largest resident set of any process in the run (fsu, or one of its worker processes).
Prints the time per 1,000 files, so linear growth shows as a flat column.
Targets: one changed file within 1 s at 30,000 files; peak memory under 300 MB.
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

from _common import installed_env  # noqa: E402
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
    if code not in ("0", "1"):  # 1: findings (a change may bring one); anything else is a failure
        raise SystemExit(f"{command[2:5]} failed: {done.stderr}")
    return elapsed, int(peak_kb)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args],
                   check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000, 30000])
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp())
    cache = scratch / "cache"
    env = installed_env(FSU_CACHE_DIR=str(cache))
    rows = []
    for size in args.sizes:
        generated = HERE / "out" / f"repo-{size}"
        if not (generated / "fsu.yaml").exists():
            generate(size, generated)
        repo = scratch / f"repo-{size}"
        shutil.copytree(generated, repo)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "start")
        old = time.time() - 3600  # files an hour old, as in a real checkout
        for path in repo.rglob("*.yaml"):
            os.utime(path, (old, old))
        time.sleep(2.5)  # setting the times makes the ctime now: past fsu's racy window, as after a checkout
        files = sum(1 for _ in repo.rglob("*.yaml"))
        case = next(p for p in sorted(repo.glob("data/cases/*/*/*.yaml")))
        ref = "/".join([case.parts[-3], case.parts[-2], str(int(case.stem))])
        fsu = [sys.executable, "-m", "fsu_cli"]
        validate = fsu + ["validate", "--repo", str(repo), "--format", "json"]
        shutil.rmtree(cache, ignore_errors=True)
        results = {"validate (cold)": measure(validate, env),
                   "validate (unchanged)": measure(validate, env)}
        case.write_text(case.read_text(encoding="utf-8").replace("title: ", "title: Endret ", 1), encoding="utf-8")
        results["validate (one changed)"] = measure(validate, env)
        git(repo, "add", str(case))
        results["validate --staged (one)"] = measure(fsu + ["validate", "--staged", "--repo", str(repo),
                                                            "--format", "json"], env)
        results["render case"] = measure(fsu + ["render", "case", ref, "--repo", str(repo)], env)
        results["leaders"] = measure(fsu + ["leaders", "--repo", str(repo)], env)
        results["meetings"] = measure(fsu + ["meetings", "--repo", str(repo)], env)
        for name, (seconds, peak) in results.items():
            rows.append((size, files, name, seconds, peak))
        shutil.rmtree(repo, ignore_errors=True)
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"{'cases':>7} {'files':>7}  {'command':<24} {'seconds':>8} {'s/1000 files':>13} {'peak MB':>8}")
    for size, files, name, seconds, peak in rows:
        print(f"{size:>7} {files:>7}  {name:<24} {seconds:>8.2f} {seconds / files * 1000:>13.3f} {peak / 1024:>8.0f}")
    worst = max(peak for *_, peak in rows) / 1024
    print(f"\nlargest process: {worst:.0f} MB (target < 300 MB)", "PASS" if worst < 300 else "FAIL")
    largest = max(args.sizes)
    one = next(seconds for size, _, name, seconds, _ in rows if size == largest and name == "validate (one changed)")
    print(f"one changed file at {largest} cases: {one:.2f} s (target <= 1 s)", "PASS" if one <= 1 else "FAIL")


if __name__ == "__main__":
    main()
