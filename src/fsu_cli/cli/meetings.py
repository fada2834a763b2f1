"""``fsu meetings``: meetings per committee and year against the mandate's minimum."""

from __future__ import annotations

from fsu_cli.cli.leaders import CommitteeArgument, YearOption
from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded, parse_as_of

_VERDICT_STYLE = {
    "met": "green",
    "on pace": "green",
    "not judged": "dim",
    "below minimum": "bold red",
    "cannot reach minimum": "yellow",
    "above maximum": "yellow",
}


@guarded
def meetings(
    committee: CommitteeArgument = None,
    year: YearOption = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Count each committee's meetings per year (held, planned, cancelled) against its mandate."""
    from fsu_cli.cli.console import console, heading, load, select, table
    from fsu_cli.domain.meetings import YearTally, tallies, year_tally

    loaded = load(repo, ("config", "committee", "mandate", "meeting"))
    today = parse_as_of(as_of, loaded.root)
    out = console()

    def required(tally: YearTally) -> str:
        if tally.minimum is None:
            return "–"
        text = str(tally.minimum)
        if tally.per_year is not None and tally.months < 12:
            text += f"\n[dim]{tally.per_year}/yr × {tally.months}/12[/dim]"
        return text

    listed = 0
    for item in select(loaded, committee):
        rows = [year_tally(loaded.repo, item, year, today)] if year is not None else tallies(loaded.repo, item, today)
        rows = [r for r in rows if r.held or r.planned or r.cancelled or r.minimum is not None]
        if not rows:
            continue
        listed += 1
        out.print(heading(item), soft_wrap=True)
        grid = table(out, "Year", "Held", "Planned", "Cancelled", "Minimum", "Maximum", "Verdict")
        for tally in rows:
            verdict = tally.verdict
            if not tally.final and verdict in ("met", "on pace"):
                verdict = f"{verdict} (year not over)"
            style = _VERDICT_STYLE.get(tally.verdict, "")
            grid.add_row(
                str(tally.year),
                str(tally.held),
                str(tally.planned_ahead if not tally.final else tally.planned),
                str(tally.cancelled),
                required(tally),
                "–" if tally.maximum is None else str(tally.maximum),
                f"[{style}]{verdict}[/{style}]" if style else verdict,
            )
        out.print(grid)
        out.print()
    if listed == 0:
        out.print("No meetings are recorded" + (f" for {year}." if year is not None else "."))
    return 0
