"""``fsu history`` over 300 commits, against a cold ``fsu validate`` of the same repository.

    python3 bench/history_speed.py [--cases 3000] [--commits 300] [--runs 3]

Builds a generated community (bench/generate.py) in a temporary git repository, first as one
commit, then 299 more by three authors a day apart: each edits one committee's file (a member's
title, a new member) or one case (its decision text), and every tenth only reformats a file.
Then times, each run a fresh process with an empty cache: ``fsu validate`` (the floor) and
``fsu history`` of the committee most edited, ``--person`` and ``--case``. Issue 18 asks for
history under 6× the cold validate.
"""

from __future__ import annotations

import argparse
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
from _common import installed_env  # noqa: E402
from generate import generate  # noqa: E402

AUTHORS = [("Maren Sletten", "maren@example.no"), ("Ola Vik", "ola@example.no"), ("Kari Holm", "kari@example.no")]


def git(root: Path, *args: str, env: dict | None = None) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def build(root: Path, cases: int, commits: int) -> None:
    generate(cases, root)
    git(root, "init", "-q", "-b", "main")
    base = {**os.environ, "GIT_COMMITTER_NAME": "fsu", "GIT_COMMITTER_EMAIL": "fsu@example.no"}
    committees = sorted((root / "data/committees").glob("fsu-*.yaml"))[:5]
    case_files = sorted((root / "data/cases").glob("fsu-01/*/*.yaml"))
    for n in range(commits):
        name, email = AUTHORS[n % 3]
        when = f"2025-01-01T09:00:00+01:00" if n == 0 else f"@{1735718400 + n * 86400} +0100"
        env = {**base, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": when,
               "GIT_COMMITTER_DATE": when}
        if n:
            edit(n, committees, case_files)
        git(root, "add", "-A", env=env)
        git(root, "commit", "-q", "--allow-empty", "-m", f"Endring {n}" if n else "Første versjon", env=env)


def edit(n: int, committees: list[Path], case_files: list[Path]) -> None:
    if n % 10 == 0:  # reformat only: quotes around a title
        path = committees[n % len(committees)]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("title: rådgiver", 'title: "rådgiver"', 1)
                        if "title: rådgiver" in text else text.replace('title: "rådgiver"', "title: rådgiver", 1),
                        encoding="utf-8")
    elif n % 3 == 0:  # a case's decision text
        path = case_files[n % len(case_files)]
        path.write_text(path.read_text(encoding="utf-8") + f"  text: Vedtak nummer {n}.\n"
                        if "  text: Vedtak" not in path.read_text(encoding="utf-8")
                        else path.read_text(encoding="utf-8").replace("Vedtak nummer", f"Vedtak {n} nummer", 1),
                        encoding="utf-8")
    else:  # a member's title, or a new member
        path = committees[0] if n % 2 else committees[n % len(committees)]
        text = path.read_text(encoding="utf-8")
        if n % 7 == 0:
            text = text.replace("members:\n", f"members:\n  - name: Ny person {n}\n    organization: hf\n"
                                f"    title: rådgiver\n    start_date: 2025-01-01\n    end_date: null\n", 1)
        else:
            text = text.replace("    title: rådgiver\n", f"    title: seniorrådgiver {n}\n", 1)
        path.write_text(text, encoding="utf-8")


def timed(args: list[str], env: dict[str, str], cache: Path) -> float:
    shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "fsu_cli", *args], env={**env, "FSU_CACHE_DIR": str(cache)},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"fsu {' '.join(args)} failed: {done.stderr.decode()[-400:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    env = installed_env()
    with tempfile.TemporaryDirectory(prefix="fsu-history-bench-") as folder:
        root, cache = Path(folder) / "repo", Path(folder) / "cache"
        build(root, options.cases, options.commits)
        case = sorted((root / "data/cases").glob("fsu-01/*/*.yaml"))[3].relative_to(root / "data/cases")
        ref = f"{case.parts[0]}/{case.parts[1]}/{int(case.stem)}"
        repo = ["--repo", str(root)]
        jobs = {"validate (cold)": ["validate", *repo], "history fsu-01": ["history", "fsu-01", *repo],
                "history --person": ["history", "--person", "Person fsu-01 1", *repo],
                "history --case": ["history", "--case", ref, *repo]}
        times = {name: [timed(args, env, cache) for _ in range(options.runs)] for name, args in jobs.items()}
    medians = {name: statistics.median(values) for name, values in times.items()}
    floor = medians["validate (cold)"]
    print(f"{options.cases} cases, {options.commits} commits, median of {options.runs} runs (fresh process and cache):")
    for name, value in medians.items():
        print(f"  {name:<18} {value:6.2f} s   {value / floor:5.2f} x validate")
    worst = max(value for name, value in medians.items() if name.startswith("history")) / floor
    print(f"target: history under 6x a cold validate: {'met' if worst < 6 else 'NOT met'} ({worst:.2f}x)")


if __name__ == "__main__":
    main()
