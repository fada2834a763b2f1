"""How long ``fsu render`` takes on a large case, and how that grows with the size of the text.

    python bench/render_speed.py [--sizes 10 100 1000] [--shapes paragraphs lines one list table]
                                 [--formats pdf docx] [--runs 1]

One case of the example community gets a background (Markdown) of the given size
in kB, in one of five shapes: paragraphs of wrapped lines with blank lines between
them (``paragraphs``), wrapped lines with no blank line, which Markdown makes one
paragraph (``lines``), one paragraph on one line (``one``), a list of one-line
items (``list``), and a three-column table (``table``). Each render is a fresh
process; the script prints wall seconds, processor seconds and peak memory per
size, and the ratio of processor time 1 MB / 100 kB (10 would be linear). Target:
a 1 MB case as a PDF in under 15 s on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
CASE = Path("data/cases/ssu/2024/02.yaml")
SENTENCES = [
    "Kommunene og sykehuset skal samarbeide om pasientforløp for skrøpelige eldre.",
    "Felles sekretariat har utarbeidet et notat om status i arbeidet.",
    "Brukerutvalget ønsker at tiltakene evalueres etter ett år.",
    "Det er behov for bedre informasjonsflyt mellom fastlegene og spesialisthelsetjenesten.",
    "Utvalget ber om en ny vurdering av ressursbruken i de minste kommunene.",
]


def background(shape: str, size: int) -> str:
    """A YAML block scalar (indented two spaces) of about ``size`` bytes in one of the shapes."""
    pick = random.Random(size).choice
    pieces, total = [], 0
    while total < size:
        if shape in ("paragraphs", "lines"):  # written as people write YAML: lines of at most 76 characters
            piece = "\n".join(textwrap.wrap(" ".join(pick(SENTENCES) for _ in range(6)), 76))
            piece += "\n\n" if shape == "paragraphs" else "\n"
        elif shape == "one":
            piece = pick(SENTENCES) + " "
        elif shape == "list":
            piece = f"- {pick(SENTENCES)}\n"
        else:
            piece = ("| Tiltak | Ansvar | Frist |\n|---|---|---|\n" if not pieces else "") + \
                    f"| {pick(SENTENCES)} | {pick(['kommunene', 'sykehuset', 'begge'])} | 202{len(pieces) % 9} |\n"
        pieces.append(piece)
        total += len(piece.encode()) + 2 * piece.count("\n")  # with the indentation
    text = "".join(pieces).rstrip("\n")
    return "".join(f"  {line}\n" if line else "\n" for line in text.split("\n"))


def make_repository(root: Path, shape: str, size: int) -> None:
    shutil.copy(PROJECT / "fsu.yaml", root / "fsu.yaml")
    if size > 1_000_000:  # above fsu's default limit of 1024 kB per file
        with open(root / "fsu.yaml", "a", encoding="utf-8") as config:
            config.write(f"limits: {{max_file_kb: {size // 1000 + 100}}}\n")
    shutil.copytree(PROJECT / "data", root / "data")
    path = root / CASE
    text = path.read_text(encoding="utf-8")
    start, end = text.index("background: |\n"), text.index("assessments:")
    path.write_text(text[:start] + "background: |\n" + background(shape, size) + text[end:], encoding="utf-8")


def measure(root: Path, fmt: str, scratch: Path, runs: int) -> tuple[float, float, float]:
    """Wall seconds, processor seconds and peak memory (MB) of ``fsu render``: the least of ``runs`` runs,
    since other work on the machine only ever adds time."""
    return tuple(min(values) for values in zip(*(_one_run(root, fmt, scratch) for _ in range(runs))))


def _one_run(root: Path, fmt: str, scratch: Path) -> tuple[float, float, float]:
    out = scratch / f"case.{fmt}"
    env = {**os.environ, "FSU_AS_OF": "2026-11-22", "FSU_CACHE_DIR": str(scratch / "cache")}
    command = [sys.executable, "-m", "fsu_cli", "render", "case", "ssu/2024/2", "--format", fmt, "--output",
               str(out), "--force", "--repo", str(root)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"render failed: {error}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="kB")
    parser.add_argument("--shapes", nargs="+", default=["paragraphs", "lines", "one", "list", "table"])
    parser.add_argument("--formats", nargs="+", default=["pdf", "docx"])
    parser.add_argument("--runs", type=int, default=1, help="runs per measurement; the least is shown")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start\n")
    print("| format | shape | size | wall s | cpu s | peak MB |\n|---|---|---|---|---|---|")
    ratios = []
    with tempfile.TemporaryDirectory(prefix="fsu-render-bench-") as folder:
        scratch = Path(folder)
        for fmt in args.formats:
            for shape in args.shapes:
                times = {}
                for size in args.sizes:
                    root = scratch / f"{shape}-{size}"
                    if not root.exists():
                        root.mkdir()
                        make_repository(root, shape, size * 1000)
                    wall, cpu, peak = measure(root, fmt, scratch, args.runs)
                    times[size] = cpu
                    print(f"| {fmt} | {shape} | {size:,} kB | {wall:.2f} | {cpu:.2f} | {peak:.0f} |", flush=True)
                ratios.append(f"  {fmt} {shape}: " + _growth(times))
    print("\nprocessor time as the text grows (time grows no faster than the size when fsu is linear; start-up "
          "makes small sizes look slower):\n" + "\n".join(ratios))


def _growth(times: dict[int, float]) -> str:
    sizes = sorted(times)
    return ", ".join(f"{a:,}->{b:,} kB: size x{b / a:.1f}, time x{times[b] / times[a]:.1f}"
                     for a, b in itertools.pairwise(sizes))


if __name__ == "__main__":
    main()
