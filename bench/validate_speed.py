"""Time a cold ``fsu validate`` against check-jsonschema parsing the same files, in one run.

    python bench/validate_speed.py [--cases 3000] [--runs 5]

check-jsonschema (the peer) is given a trivial schema (``{}``), so its time is
what it takes to start, read and parse the files. fsu does everything: parsing,
the real schemas, and every cross-file rule. Both run as fresh processes in this
Python environment, alternating, and the median of each is compared.
Needs the bench extra: ``python3 -m pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

TARGET = 0.5


# The generated repository is written to be correct on this date.
ENV = {**os.environ, "FSU_AS_OF": "2026-11-22"}


def timed(command: list[str], expect: set[int]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    elapsed = time.perf_counter() - start
    if done.returncode not in expect:
        raise SystemExit(f"{command[:4]} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    repo = HERE / "out" / f"repo-{args.cases}"
    if not (repo / "fsu.yaml").exists():
        generate(args.cases, repo)
    files = sorted(str(p) for p in repo.rglob("*.yaml"))
    trivial = Path(tempfile.mkdtemp()) / "trivial.json"
    trivial.write_text(json.dumps({}))

    fsu = [sys.executable, "-m", "fsu_cli", "validate", "--repo", str(repo), "--format", "json"]
    peer = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(trivial), *files]

    timed(fsu, {0}), timed(peer, {0})  # warm the file system cache for both
    fsu_times, peer_times = [], []
    for _ in range(args.runs):
        fsu_times.append(timed(fsu, {0}))
        peer_times.append(timed(peer, {0}))

    fsu_median, peer_median = statistics.median(fsu_times), statistics.median(peer_times)
    ratio = fsu_median / peer_median
    print(f"files: {len(files)} ({args.cases} cases), runs: {args.runs}, median wall time")
    print(f"  fsu validate (schemas + cross-file rules): {fsu_median:6.2f} s")
    print(f"  check-jsonschema (parse, trivial schema):  {peer_median:6.2f} s")
    print(f"  ratio fsu / check-jsonschema: {ratio:.2f} (target <= {TARGET}) {'PASS' if ratio <= TARGET else 'FAIL'}")


if __name__ == "__main__":
    main()
