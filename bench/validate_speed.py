"""Time fsu against its peers, against a floor and against itself, in one run, and print the ratios.

    python bench/validate_speed.py [--cases 3000] [--runs 5]

1. A cold ``fsu validate`` (empty cache: parsing, the real schemas, every rule) against
   the parse floor: a fresh Python process that only loads the same files with PyYAML's
   C loader (CSafeLoader). Target <= 2.0.
2. The cold run against check-jsonschema only parsing the same files (schema ``{}``).
   Target <= 0.15.
3. An unchanged re-run against the cold run. Target <= 0.2.
4. A re-run after one case file changed against the cold run. Target <= 0.12.
5. ``fsu validate --staged`` with one staged change (a git repository: HEAD against the
   index) against the cold run. Target <= 0.25.
6. ``fsu render case`` of one case, after a validation, against the cold run. Target <= 0.3.
7. ``fsu --help`` against the ``--help`` of a bare typer app. Target <= 1.1.

Every command runs as a fresh process, alternating, and both sides of a ratio take the
best of the runs (the least disturbed by other work on the machine). Needs the bench extra
(``python3 -m pip install -e '.[bench]'``) and PyYAML.
"""

from __future__ import annotations

import argparse
import json
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

# The generated repository is written to be correct on this date.
ENV = installed_env()  # fsu's bytecode compiled, as an installed fsu has it
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
FLOOR = """
import sys, yaml
for name in open(sys.argv[1], encoding="utf-8").read().split("\\n"):
    with open(name, encoding="utf-8") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
"""


def timed(command: list[str], env: dict | None = None, before=None, cwd: Path | None = None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or ENV, cwd=cwd)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command[:4]} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return elapsed


def compare(label: str, ours: list[float], theirs: list[float], target: float, names: tuple[str, str]) -> bool:
    a, b = min(ours), min(theirs)
    ratio = a / b
    verdict = "PASS" if ratio <= target else "FAIL"
    print(f"{label}\n  {names[0]:<48} {a:7.3f} s\n  {names[1]:<48} {b:7.3f} s\n"
          f"  ratio {ratio:.2f} (target <= {target}) {verdict}\n")
    return ratio <= target


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args],
                   check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp())
    repo = scratch / f"repo-{args.cases}"
    generate(args.cases, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
    old = time.time() - 3600  # files an hour old, as in a real checkout (none too recent to trust)
    for path in repo.rglob("*.yaml"):
        os.utime(path, (old, old))
    files = sorted(str(p) for p in repo.rglob("*.yaml") if ".git" not in p.parts)
    listing = scratch / "files.txt"
    listing.write_text("\n".join(files), encoding="utf-8")
    (scratch / "floor.py").write_text(FLOOR, encoding="utf-8")
    (scratch / "trivial.json").write_text(json.dumps({}))
    (scratch / "bare_typer.py").write_text(BARE_TYPER)
    cache = scratch / "cache"
    env = {**ENV, "FSU_CACHE_DIR": str(cache)}
    case = next(p for p in sorted(repo.glob("data/cases/*/*/*.yaml")))
    ref = "/".join([case.parts[-3], case.parts[-2], str(int(case.stem))])
    original = case.read_text(encoding="utf-8")

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def touch_one() -> None:  # one case changes (its title), as a secretary's edit would
        text = case.read_text(encoding="utf-8")
        case.write_text(text.replace("title: ", "title: Endret ", 1) if "Endret" not in text else original,
                        encoding="utf-8")

    def stage_one() -> None:
        touch_one()
        git(repo, "add", str(case))

    fsu = [sys.executable, "-m", "fsu_cli"]
    validate = [*fsu, "validate", "--repo", str(repo), "--format", "json"]
    staged = [*fsu, "validate", "--staged", "--repo", str(repo), "--format", "json"]
    render = [*fsu, "render", "case", ref, "--repo", str(repo)]
    floor = [sys.executable, str(scratch / "floor.py"), str(listing)]
    peer = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(scratch / "trivial.json"), *files]
    fsu_help = [*fsu, "--help"]
    typer_help = [sys.executable, str(scratch / "bare_typer.py"), "--help"]

    timed(peer), timed(floor), timed(validate, env, empty_cache), timed(fsu_help), timed(typer_help)  # warm disk
    runs: dict[str, list[float]] = {name: [] for name in
                                    ("cold", "floor", "peer", "unchanged", "one", "staged", "render", "help", "bare")}
    for _ in range(args.runs):
        runs["cold"].append(timed(validate, env, empty_cache))
        runs["unchanged"].append(timed(validate, env))
        runs["one"].append(timed(validate, env, touch_one))
        timed(validate, env)  # the working tree's own result cached again
        runs["staged"].append(timed(staged, env, stage_one))
        runs["render"].append(timed(render, env))
        runs["floor"].append(timed(floor))
        runs["peer"].append(timed(peer))
        runs["help"].append(timed(fsu_help))
        runs["bare"].append(timed(typer_help))

    print(f"{len(files)} files ({args.cases} cases), {args.runs} runs each, best of the runs, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")
    cold = runs["cold"]
    ok = compare("1. cold validation against the parse floor", cold, runs["floor"], 2.0,
                 ("fsu validate, empty cache", "PyYAML CSafeLoader, the same files"))
    ok &= compare("2. cold validation against a parse-only peer", cold, runs["peer"], 0.15,
                  ("fsu validate, empty cache", "check-jsonschema, schema {}"))
    ok &= compare("3. unchanged re-run against the cold run", runs["unchanged"], cold, 0.2,
                  ("fsu validate, unchanged since last run", "fsu validate, empty cache"))
    ok &= compare("4. one changed file against the cold run", runs["one"], cold, 0.12,
                  ("fsu validate, one case changed", "fsu validate, empty cache"))
    ok &= compare("5. --staged with one staged change against the cold run", runs["staged"], cold, 0.25,
                  ("fsu validate --staged, one case staged", "fsu validate, empty cache"))
    ok &= compare("6. rendering one case against the cold run", runs["render"], cold, 0.3,
                  (f"fsu render case {ref}", "fsu validate, empty cache"))
    ok &= compare("7. start-up: --help against a bare typer app", runs["help"], runs["bare"], 1.1,
                  ("fsu --help", "bare typer app --help"))
    floor = min(runs["bare"]) / min(cold)
    print(f"\nFor 3-6: starting Python with typer (the bare app's --help) is already {floor:.2f} of the cold run.")
    shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
