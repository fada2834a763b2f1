"""How long ``fsu publish`` takes on the example community, against ``fsu validate`` of the same data.

    python3 bench/publish_speed.py [--runs 7]

Each run is a fresh process with a fresh (empty) cache folder, into a new folder, so nothing is reused; the
floor is ``fsu validate`` of the same copy, measured the same way in the same run. Prints the medians of the
wall-clock times, a second publish into the existing site and ``--check`` of it, and publish/validate. The
target (issue 17) is under 3 s for the whole site; the calendar, the eInnsyn export and the open data are
timed the same way.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import installed_env

PROJECT = Path(__file__).resolve().parent.parent


def timed(args: list[str], env: dict[str, str], cache: Path) -> float:
    shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "fsu_cli", *args], env={**env, "FSU_CACHE_DIR": str(cache)},
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    env = installed_env()
    with tempfile.TemporaryDirectory(prefix="fsu-publish-bench-") as folder:
        work = Path(folder)
        shutil.copy(PROJECT / "fsu.yaml", work / "fsu.yaml")
        shutil.copytree(PROJECT / "data", work / "data")
        cache, repo = work / "cache", ["--repo", str(work)]
        times: dict[str, list[float]] = {"validate": [], "publish site": [], "publish site again": [],
                                         "publish site --check": [], "publish ics": [], "publish einnsyn": [],
                                         "publish data": []}
        for run in range(runs):
            out = str(work / f"site-{run}")
            times["validate"].append(timed(["validate", *repo], env, cache))
            times["publish site"].append(timed(["publish", "site", out, *repo], env, cache))
            times["publish site again"].append(timed(["publish", "site", out, *repo], env, cache))
            times["publish site --check"].append(timed(["publish", "site", out, "--check", *repo], env, cache))
            for kind, name in (("ics", "calendar.ics"), ("einnsyn", "einnsyn.json"), ("data", "data.json")):
                target = work / f"{run}-{name}"
                times[f"publish {kind}"].append(timed(["publish", kind, str(target), *repo], env, cache))
        pages = sum(1 for _ in (work / "site-0").rglob("*.html"))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"example community, {pages} pages, median of {runs} runs (wall clock, fresh process and cache):")
    for name, value in medians.items():
        ratio = value / medians["validate"]
        print(f"  {name:<22} {value:6.3f} s   {ratio:5.2f} x validate")
    print(f"target: publish site under 3 s: {'met' if medians['publish site'] < 3 else 'NOT met'}")


if __name__ == "__main__":
    main()
