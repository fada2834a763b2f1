"""Render times of this tree against an earlier version of fsu, in the same run.

    python3 bench/render_versions.py 5698103 --runs 9

The earlier version is checked out (git worktree) into a temporary folder and run from its own
source (PYTHONPATH), both compiled to bytecode first. Every document is rendered alternately by the
two versions, each run a fresh process, and the median of each is compared: the ratio new/old is
what the issue's "within 20%" is about. Documents: the example's case papers, minutes and annual
report in every format, and a case paper of a generated 3,000-case repository (where the route
through the committees has to look into the other case files).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent

DOCUMENTS = [
    ("case md", ["case", "ssu/2026/4"], "md"),
    ("case pdf", ["case", "ssu/2026/4"], "pdf"),
    ("case docx", ["case", "ssu/2026/4"], "docx"),
    ("minutes html", ["minutes", "fsu-pasientforlop", "2026-05-21"], "html"),
    ("minutes docx", ["minutes", "fsu-pasientforlop", "2026-05-21"], "docx"),
    ("report pdf", ["report", "ssu", "2026"], "pdf"),
    ("members pdf", ["members", "fsu-pasientforlop"], "pdf"),
]


def run(source: Path, args: list[str], form: str, repo: Path, out: Path) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(source / "src"), FSU_AS_OF="2026-11-22")
    command = [sys.executable, "-m", "fsu_cli", "render", *args, "--format", form, "--repo", str(repo)]
    if form in ("docx", "pdf"):
        command += ["--output", str(out), "--force"]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=source, capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{source}: fsu render {' '.join(args)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("old", help="the git revision to compare against, e.g. 5698103")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--large", type=Path, default=HERE / "out" / "repo-3000",
                        help="a generated repository (bench/generate.py) for the large case paper")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder) / "old"
        subprocess.run(["git", "-C", str(PROJECT), "worktree", "add", "--detach", str(old), options.old],
                       check=True, capture_output=True)
        try:
            compare(old, options)
        finally:
            subprocess.run(["git", "-C", str(PROJECT), "worktree", "remove", "--force", str(old)], check=True)


def compare(old: Path, options: argparse.Namespace) -> None:
    for tree in (old, PROJECT):
        compileall.compile_dir(tree / "src", quiet=1)
    documents = [(name, args, form, None) for name, args, form in DOCUMENTS]
    if options.large.is_dir():
        large = options.large
        ref = next(iter(sorted((large / "data/cases").glob("*/*/*.yaml")))).relative_to(large / "data/cases")
        documents.append(("large case md", ["case", f"{ref.parts[0]}/{ref.parts[1]}/{int(ref.stem)}"], "md", large))
    print(f"{'document':<16} {'old (s)':>9} {'new (s)':>9} {'new/old':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        for name, args, form, repo in documents:
            times: dict[Path, list[float]] = {old: [], PROJECT: []}
            for tree in (old, PROJECT):  # a first run of each warms the cache and the file system
                run(tree, args, form, repo or tree, out.with_suffix("." + form))
            for _ in range(options.runs):
                for tree in (old, PROJECT):
                    times[tree].append(run(tree, args, form, repo or tree, out.with_suffix("." + form)))
            before, after = statistics.median(times[old]), statistics.median(times[PROJECT])
            print(f"{name:<16} {before:>9.3f} {after:>9.3f} {after / before:>8.2f}")


if __name__ == "__main__":
    main()
