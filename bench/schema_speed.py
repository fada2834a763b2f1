"""Schema validation per document: jsonschema against the compiled fast path, in one run.

    python bench/schema_speed.py [--cases 3000] [--runs 7]

Documents come from the example data (data/ and fsu.yaml) and from a generated
repository (bench/generate.py, written to bench/out/repo-N if missing), loaded with
fsu's checking load. For each set, best of ``--runs``:

- jsonschema: ``schema.jsonschema_findings`` (what fsu did for every document before);
- compiled: ``schema.check_document`` (the compiled validator; jsonschema only on rejection);
- a document with one finding (each case with ``year: "2024"``): both paths, to show what
  the compiled try costs a document that jsonschema must describe anyway.

Then the one-time cost of building the validators, each in a fresh process (import
included), best of ``--runs``: the four compiled validators, and the four jsonschema
validators as fsu built them before (schema checked, references inlined).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from fsu_cli.check import schema  # noqa: E402
from fsu_cli.store import yamlio  # noqa: E402
from fsu_cli.store.paths import classify  # noqa: E402

BUILD = {
    "compiled (fastjsonschema)": "schema.prepare()",
    "jsonschema": "for kind in schema.SCHEMA_FILES: schema._validator(kind)",
}
# fsu's schema module is imported before the clock starts; the validator library's import is timed.
TIMED = ("import time\nfrom fsu_cli.check import schema\nstart = time.perf_counter()\n{}\n"
         "print(time.perf_counter() - start)")


def documents(root: Path) -> list[tuple[str, dict]]:
    found = []
    for path in sorted(root.rglob("*.yaml")):
        kind = classify(path.relative_to(root).as_posix())
        if kind is not None:
            found.append((kind, yamlio.load(yamlio.decode(path.read_bytes()))))
    return found


def best_per_document(check, docs: list[tuple[str, dict]], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for kind, data in docs:
            check(kind, data, "x.yaml")
        times.append(time.perf_counter() - start)
    return min(times) / len(docs)


def compare(label: str, docs: list[tuple[str, dict]], runs: int) -> None:
    jsonschema = best_per_document(schema.jsonschema_findings, docs, runs)
    compiled = best_per_document(schema.check_document, docs, runs)
    print(f"{label} ({len(docs)} documents)\n  jsonschema {jsonschema * 1e6:8.1f} µs per document\n"
          f"  compiled   {compiled * 1e6:8.1f} µs per document\n  ratio {compiled / jsonschema:.3f} "
          f"(jsonschema is {jsonschema / compiled:.1f}× slower)\n")


def build_cost(runs: int) -> None:
    print(f"one-time build of the four validators, fresh process each, best of {runs}:")
    for label, code in BUILD.items():
        seconds = min(float(subprocess.run([sys.executable, "-c", TIMED.format(code)], capture_output=True,
                                           text=True, check=True).stdout) for _ in range(runs))
        print(f"  {label:<26} {seconds * 1e3:6.1f} ms (the library's import included)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    repo = HERE / "out" / f"repo-{args.cases}"
    if not (repo / "fsu.yaml").exists():
        generate(args.cases, repo)
    example = documents(HERE.parent)
    generated = documents(repo)
    for kind in schema.SCHEMA_FILES:  # built before timing (the build is measured on its own, below)
        schema.check_document(kind, {}, "")
    assert all(schema.compiled_accepts(kind, data) for kind, data in example + generated), "a document has findings"
    compare("example data", example, args.runs)
    compare(f"generated repository, {args.cases} cases", generated, args.runs)
    failing = [(kind, {**data, "year": str(data["year"])}) for kind, data in generated if kind == "case"][:500]
    compare("cases with one finding each (year as text)", failing, args.runs)
    build_cost(args.runs)


if __name__ == "__main__":
    main()
