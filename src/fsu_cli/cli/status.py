"""``fsu status``: the secretariat's dashboard of what is coming and what is overdue."""

from __future__ import annotations

from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded, parse_as_of


@guarded
def status(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Show what is coming up in the next three months and what is overdue."""
    from fsu_cli.check.load import frozen_date
    from fsu_cli.cli.console import console, load, shown, table
    from fsu_cli.domain.dates import norwegian_date
    from fsu_cli.domain.status import DEVIATIONS, HORIZON_MONTHS, dashboard

    loaded = load(repo)
    today = parse_as_of(as_of, loaded.root)
    frozen = frozen_date(loaded.root)
    out = console()
    name = loaded.repo.name or "the health community"
    out.print(f"[bold]{shown(name)}[/bold]: status on {norwegian_date(today)} "
              f"(the next {HORIZON_MONTHS} months, and anything overdue)", soft_wrap=True)
    if frozen is not None:
        how = "so every check uses that date" if frozen == today else f"but this run uses {norwegian_date(today)}"
        out.print(f"The repository is frozen: fsu.yaml sets as_of: {frozen.isoformat()}, {how}.", soft_wrap=True)
    out.print()
    overdue = 0
    for title, items in dashboard(loaded.repo, today).items():
        out.print(f"[bold]{title}[/bold]")
        if not items:
            out.print("  none in force\n" if title == DEVIATIONS else "  nothing due\n")
            continue
        grid = table(out, "When", "Committee", "What")
        for item in items:
            when = norwegian_date(item.when) if item.when else "–"
            what = f"[red]OVERDUE[/red] {shown(item.text)}" if item.overdue else shown(item.text)
            overdue += item.overdue
            grid.add_row(when, shown(item.committee), what)
        out.print(grid)
        out.print()
    out.print(f"{overdue} overdue item(s)." if overdue else "Nothing is overdue.")
    return 0
