"""Tables and text for the reporting commands: rich on a terminal, plain when piped."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from fsu_cli.check.load import Loaded
    from fsu_cli.domain.records import Committee


def console() -> "Console":
    from rich.console import Console

    return Console(highlight=False, emoji=False)


def table(out: "Console", *columns: str) -> "Table":
    from rich import box
    from rich.table import Table

    grid = Table(box=box.SIMPLE_HEAD if out.is_terminal else box.ASCII2, show_edge=out.is_terminal,
                 pad_edge=False, expand=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    return grid


def shown(text: object) -> str:
    """Text from the data for a rich table or line: no markup of its own, no control characters."""
    from rich.markup import escape

    from fsu_cli.report.escape import for_terminal

    return escape(for_terminal(str(text)))


def heading(committee: "Committee") -> str:
    if committee.name and committee.name != committee.label:
        return f"[bold]{shown(committee.label)}[/bold] – {shown(committee.name)}"
    return f"[bold]{shown(committee.label)}[/bold]"


def load(repo_option: Path | None, kinds: tuple[str, ...] | None = None, only=None, full_texts: bool = False
         ) -> "Loaded":
    """Load the repository for a report or a document (through the cache, as validation does), and warn
    (on stderr) when its files have errors. ``only(rel)`` picks the case files; ``full_texts`` keeps the long
    texts of cases, which only documents need."""
    import os

    from fsu_cli.check.load import load_repository
    from fsu_cli.store.cache import Store
    from fsu_cli.store.paths import find_root

    root = find_root(explicit=repo_option)
    store = None if os.environ.get("FSU_NO_CACHE") else Store(root)
    loaded = load_repository(root, kinds, store=store, only=only, slim=not full_texts)
    broken = sorted({f.path for f in loaded.findings if f.severity == "error"})
    if broken:
        names = ", ".join(broken[:3]) + (" ..." if len(broken) > 3 else "")
        print(f"fsu: note: {len(broken)} file(s) have errors and may be read only in part ({names}); "
              "run 'fsu validate' for details.", file=sys.stderr)
    return loaded


def select(loaded: "Loaded", name: str | None) -> list["Committee"]:
    """All committees, or the one named by id or short name (any letter case)."""
    if name is not None:
        return [loaded.repo.committee_named(name)]
    from fsu_cli.domain.records import hierarchy

    return sorted(loaded.repo.committees.values(), key=hierarchy)

