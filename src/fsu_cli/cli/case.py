"""``fsu case trail``: a case's path through the committees, from where it started to where it was sent on."""

from __future__ import annotations

from typing import Annotated

import typer

from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded


@guarded
def trail(
    ref: Annotated[str, typer.Argument(metavar="REF", help="The case, as committee/year/number, e.g. ssu/2026/4.",
                                       show_default=False)],
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Follow a case through the committees: where it came from and where it was sent on."""
    from fsu_cli.cli.console import console, load, shown, table
    from fsu_cli.domain.dates import norwegian_date
    from fsu_cli.domain.lineage import earlier, later, loop
    from fsu_cli.domain.records import case_label, parse_case_ref
    from fsu_cli.errors import UsageError

    loaded = load(repo, ("config", "committee", "case"))
    found = loaded.repo.case(ref.lower())
    if found is None:
        if parse_case_ref(ref.lower()) is None:
            raise UsageError(f"'{ref}' is not a case reference; write it as committee/year/number, e.g. ssu/2026/4.")
        committee = ref.lower().split("/")[0]
        if committee not in loaded.repo.committees:
            loaded.repo.committee_named(committee)  # says there is no such committee, and which is meant
        raise UsageError(f"There is no case {ref} (no file for it in data/cases/{committee}/).")
    out = console()
    grid = table(out, "Step", "Case", "Meeting", "Decision", "Title")
    grid.columns[1].no_wrap = True  # a reference is copied whole into other commands
    steps = [("came from", c) for c in earlier(loaded.repo, found)] + [("this case", found)]
    steps += [("sent on to", c) for c in later(loaded.repo, found)]
    for step, case in steps:
        committee = loaded.repo.committees.get(case.committee or "")
        decision = case.decision
        decided = (f"{decision.outcome} {norwegian_date(decision.date)}" if decision and decision.date
                   else decision.outcome if decision else "not decided yet")
        title = case.exemption.public_title if case.exemption and case.exemption.public_title else case.title
        grid.add_row(step, f"{shown(case.ref)}\n{shown(case_label(committee, case))}",  # the ref whole: copied
                     norwegian_date(case.meeting) if case.meeting else "–", shown(decided or ""), shown(title or ""))
    out.print(grid)
    cycle = loop(loaded.repo, found)
    if cycle:
        out.print(f"[red]The referrals run in a loop[/red]: {' → '.join(cycle)} (see FSU373 in fsu validate).",
                  soft_wrap=True)
    elif steps[0][1].referred_from and loaded.repo.case(steps[0][1].referred_from) is None:
        out.print(f"[red]{shown(steps[0][1].ref)} is referred from {shown(steps[0][1].referred_from)}, which does "
                  "not exist[/red] (see FSU205 in fsu validate).", soft_wrap=True)
    elif len(steps) == 1:
        out.print(f"{found.ref} was not referred from another committee, and no case refers to it "
                  "('referred_from' in a case file).", soft_wrap=True)
    else:
        out.print(f"{len(steps)} cases on the path.", soft_wrap=True)
    return 0
