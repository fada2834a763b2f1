"""``fsu leaders``: who led each committee when, whether the rotation (or the fixed sides) held, and who is next."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded, parse_as_of

CommitteeArgument = Annotated[
    Optional[str],
    typer.Argument(help="One committee, by id or short name. Default: every committee.", show_default=False),
]
YearOption = Annotated[
    Optional[int],
    typer.Option("--year", help="Show only the year YEAR.", show_default=False, min=1900, max=2999),
]


@guarded
def leaders(
    committee: CommitteeArgument = None,
    year: YearOption = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Show each committee's leaders and deputies term by term, and whose turn it is next."""
    from fsu_cli.cli.console import console, heading, load, select, shown, table
    from fsu_cli.domain.leadership import (
        Holder,
        advice_sentence,
        fixed_sides_held,
        leadership_terms,
        next_term,
        period_label,
        rotation_held,
    )

    loaded = load(repo, ("config", "committee", "mandate"))
    today = parse_as_of(as_of, loaded.root)
    out = console()

    def person(holders: list[Holder]) -> str:
        if not holders:
            return "–"
        lines = []
        for h in holders:
            where = h.organization.label if h.organization else "not a member"
            lines.append(f"{shown(h.name)}\n{shown(where)}\n[dim]{shown(h.side or 'side unknown')}[/dim]")
        return "\n".join(lines)

    listed = 0
    for item in select(loaded, committee):
        terms = leadership_terms(loaded.repo, item)
        if year is not None:
            terms = [t for t in terms if t.start.year <= year and (t.end is None or t.end.year >= year)]
            if not terms:
                continue
        elif not terms:
            advice = next_term(loaded.repo, item, today) if item.dissolved is None or item.dissolved > today else None
            if advice is not None:  # no leader yet, but the mandate fixes the sides
                listed += 1
                out.print(heading(item), soft_wrap=True)
                out.print(f"No leadership is recorded. Elect for {shown(advice_sentence(loaded.repo, advice))}",
                          soft_wrap=True)
                out.print()
            continue
        listed += 1
        out.print(heading(item), soft_wrap=True)
        grid = table(out, "Period", "Leader", "Deputy", "Rotation")
        all_terms = leadership_terms(loaded.repo, item)
        for term in terms:
            index = all_terms.index(term)
            held = rotation_held(all_terms[index - 1], term) if index > 0 else None
            verdict = {True: "held", False: "[red]BROKEN[/red]", None: "–"}[held]
            fixed = fixed_sides_held(term)  # a mandate that fixes the sides has no rotation to hold
            if fixed is not None:
                verdict = "fixed sides held" if fixed else "[red]fixed sides BROKEN[/red]"
            grid.add_row(period_label(term.start, term.end), person(term.leaders), person(term.deputies), verdict)
        out.print(grid)
        if year is None and (item.dissolved is None or item.dissolved > today):
            advice = next_term(loaded.repo, item, today)
            if advice is not None:
                out.print(f"Next term: {shown(advice_sentence(loaded.repo, advice))}", soft_wrap=True)
        out.print()
    if listed == 0:
        out.print("No leadership is recorded" + (f" for {year}." if year is not None else "."))
    return 0
