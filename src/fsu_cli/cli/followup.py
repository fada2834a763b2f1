"""``fsu followup``: the register of what the committees have decided and whether it has been done."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded, parse_as_of


class ListFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"


@guarded
def followup(
    overdue: Annotated[bool, typer.Option("--overdue", help="Only what is past its due date and not done.")] = False,
    committee: Annotated[Optional[str], typer.Option(
        "--committee", help="Only this committee's decisions, by id or short name.", show_default=False)] = None,
    format: Annotated[ListFormat, typer.Option("--format", help="text, json or md (a Markdown table).",
                                               case_sensitive=False)] = ListFormat.text,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """List the follow-up of decisions: what is to be done, who is responsible, the due date and the status."""
    from fsu_cli.cli.console import load
    from fsu_cli.domain.followup import register

    loaded = load(repo, ("config", "committee", "case"))
    today = parse_as_of(as_of, loaded.root)
    chosen = loaded.repo.committee_named(committee).id if committee else None
    entries = register(loaded.repo, chosen, today if overdue else None)
    rows = [_row(loaded.repo, entry, today) for entry in entries]
    if format is ListFormat.json:
        sys.stdout.write(json.dumps({"as_of": today.isoformat(), "items": rows}, ensure_ascii=False, indent=2) + "\n")
    elif format is ListFormat.md:
        sys.stdout.write(_markdown(rows, overdue))
    else:
        _text(rows, overdue, today, loaded.repo.committees[chosen].label if chosen else None)
    return 0


def _row(repo, entry, today) -> dict:
    from fsu_cli.domain.records import case_label
    from fsu_cli.domain.followup import responsible_name

    case, item = entry.case, entry.item
    committee = repo.committees.get(case.committee or "")
    return {
        "case": case.ref, "item": entry.number, "number": case_label(committee, case), "title": case.title or "",
        "decided": case.decision_date.isoformat() if case.decision_date else None,
        "what": item.what or "", "responsible": item.responsible or "",
        "responsible_name": responsible_name(repo, item.responsible),
        "due": item.due.isoformat() if item.due else None, "status": item.status,
        "done": item.done.isoformat() if item.done else None, "note": item.note or "",
        "overdue": item.overdue(today),
        "file": case.source.path,
    }


def _markdown(rows: list[dict], overdue: bool) -> str:
    from fsu_cli.render import words
    from fsu_cli.render.templates import markdown_text, table_cell

    def cell(text: str) -> str:
        return table_cell(markdown_text(text))

    if not rows:
        return ("Ingen oppfølgingspunkter har passert fristen.\n" if overdue
                else "Ingen vedtak har oppfølgingspunkter.\n")
    lines = ["| Sak | Nr. | Hva | Ansvarlig | Frist | Status |", "|---|---|---|---|---|---|"]
    for row in rows:
        status = words.FOLLOW_UP_STATUS.get(row["status"], row["status"]) + (f" {_nb(row['done'])}" if row["done"] else "")
        status += " (forfalt)" if row["overdue"] else ""
        lines.append(f"| {cell(row['number'])} | {row['item']} | {cell(row['what'])} | {cell(row['responsible_name'])} | "
                     f"{_nb(row['due'])} | {status} |")
    return "\n".join(lines) + "\n"


def _nb(iso: str | None) -> str:
    from fsu_cli.domain.dates import norwegian_date
    from fsu_cli.domain.records import Date

    return norwegian_date(Date.fromisoformat(iso)) if iso else ""


def _text(rows: list[dict], overdue: bool, today, committee: str | None) -> None:
    from fsu_cli.cli.console import console, shown, table
    from fsu_cli.domain.dates import norwegian_date

    out = console()
    if not rows:
        out.print(f"Nothing is overdue on {norwegian_date(today)}." if overdue
                  else "No decision has any follow-up recorded (decision.follow_up in the case files)."
                  if committee is None else f"No decision of {committee} has any follow-up recorded.",
                  soft_wrap=True)
        return
    grid = table(out, "Due", "Case", "What", "Responsible", "Status")
    grid.columns[1].no_wrap = True  # 'ssu/2026/4 #2' is what fsu followup-update takes
    for row in rows:
        status = row["status"] + (f" {_nb(row['done'])}" if row["done"] else "")
        status = f"[red]OVERDUE[/red] {status}" if row["overdue"] else status
        grid.add_row(_nb(row["due"]) or "–", f"{shown(row['case'])} #{row['item']}", shown(row["what"]),
                     shown(row["responsible_name"]), status)
    out.print(grid)
    late = sum(row["overdue"] for row in rows)
    out.print(f"{len(rows)} item(s); {late} overdue on {norwegian_date(today)}." if late
              else f"{len(rows)} item(s); nothing overdue on {norwegian_date(today)}.", soft_wrap=True)
    out.print("Record progress with: fsu followup-update CASE NUMBER --status done --date YYYY-MM-DD", soft_wrap=True)

