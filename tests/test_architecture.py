"""The shape of the code: layers that import only downwards, no import circles, a short top
level, and a command line that starts without loading what only some commands need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

import fsu_cli
from conftest import PROJECT

PACKAGE = Path(fsu_cli.__file__).parent
TOOLS = Path(sys.executable).parent


def test_the_import_contracts_in_pyproject_are_kept():
    done = subprocess.run([str(TOOLS / "lint-imports"), "--no-cache"], cwd=PROJECT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_no_import_circles_at_all():
    """Not even between a package and a module inside it (which the sibling contract allows)."""
    graph = grimp.build_graph("fsu_cli", exclude_type_checking_imports=True, cache_dir=None)
    circles: dict[frozenset[str], str] = {}
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                circles.setdefault(frozenset(back), " → ".join((importer, *back)))
    assert list(circles.values()) == [], "import circles:\n" + "\n".join(circles.values())


def test_at_most_six_modules_at_the_top_of_the_package():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 6, f"put these in a layer's package: {top}"


# --- start-up: what a command imports ----------------------------------------------------------------


def imports_of(*args: str) -> dict[str, str | None]:
    """Every module the command imports, with the module that imported it (None at the top)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "fsu_cli", *args], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and not line.rstrip().endswith("imported package"):
            name = line.rsplit("|", 1)[1]
            rows.append(((len(name) - len(name.lstrip())) // 2, name.strip()))
    # importtime prints a module after everything it imports: its importer is the next row one level up
    importers: dict[str, str | None] = {}
    for at, (level, name) in enumerate(rows):
        parent = next((other for lvl, other in rows[at + 1:] if lvl < level), None)
        importers.setdefault(name, parent)
    return importers


def top_level(importers: dict[str, str | None]) -> set[str]:
    return {name.split(".")[0] for name in importers}


def test_help_imports_no_heavy_library():
    importers = imports_of("--help")
    assert "fsu_cli.cli.app" in importers  # the measurement is of fsu's command line
    heavy = {"jsonschema", "jinja2", "git", "ruamel", "weasyprint", "docx", "msgpack", "platformdirs", "lxml"}
    assert top_level(importers) & heavy == set()
    # typer's rich help formatting imports rich.markdown, which imports markdown_it; fsu itself must not
    assert importers.get("markdown_it") in (None, "rich.markdown")


def test_validate_help_imports_nothing_for_documents_or_git():
    importers = imports_of("validate", "--help")
    assert top_level(importers) & {"jinja2", "weasyprint", "docx", "git"} == set()
    assert not any(name.startswith("fsu_cli.render") for name in importers)
