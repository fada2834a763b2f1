"""``fsu publish data``: the public register as one JSON file, for journalists and researchers.

The community and its organizations, and per committee: its approved mandates (the one in force and
the earlier ones, with their approval), the members in office on the as-of date (name, title,
organization, side, role; no e-mail addresses), its meetings, and its cases with their decisions. An
exempt case is its number, its public title and the legal basis, nothing more. Keys are English, as
in the data files; everything sorted, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from fsu_cli.domain.mandates import approved_mandates, mandate_in_force
from fsu_cli.domain.office import in_office
from fsu_cli.domain.records import Case, Committee, Mandate, Repository
from fsu_cli.publish import public
from fsu_cli.render.casepaper import NOTED_KINDS

MARK = "fsu-open-data"  # in every file fsu writes; a file without it is not replaced
VERSION = 1


def publish_data(repo: Path | None, out: Path, as_of: str | None) -> int:
    loaded = public.load(repo)
    day = public.as_of(as_of, loaded.root)
    public.check_target(out, looks_like_ours)
    export = register(loaded.repo, day)
    public.guard_identity_numbers(export, out, lambda where: _origin(loaded.repo, where))
    return public.write(out, (json.dumps(export, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
                        looks_like_ours)


def looks_like_ours(data: bytes) -> bool:
    try:
        parsed = json.loads(data)
    except ValueError:
        return False
    return isinstance(parsed, dict) and parsed.get("format") == MARK


def _origin(repo: Repository, where: str) -> str:
    """The file behind an export path: 'committees[2]...' is that committee's (its meetings and cases
    are in their own files, but the committee names where to look)."""
    if where.startswith("committees["):
        index = int(where[len("committees["):where.index("]")])
        return public.committees(repo)[index].source.path
    return "fsu.yaml"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def register(repo: Repository, day: dt.date) -> dict:
    return {
        "format": MARK,
        "version": VERSION,
        "as_of": day.isoformat(),
        "community": {"name": repo.name or ""},
        "organizations": [{"id": o.id, "name": o.name, "short_name": o.short_name, "side": o.side}
                          for o in sorted(repo.organizations.values(), key=lambda o: o.id)],
        "committees": [committee(repo, c, day) for c in public.committees(repo)],
    }


def committee(repo: Repository, item: Committee, day: dt.date) -> dict:
    return {
        "id": item.id,
        "name": item.name,
        "short_name": item.short_name,
        "kind": item.kind,
        "parent": item.parent,
        "area": item.area,
        "founded": _iso(item.founded),
        "dissolved": _iso(item.dissolved),
        "mandates": mandates(repo, item, day),
        "members": members(repo, item, day),
        "meetings": [{"date": m.date.isoformat(), "status": m.status, "time": m.time, "location": m.location}
                     for m in public.meetings(item)],
        "cases": [case(repo, c) for key, c in sorted(repo.cases.items()) if key[0] == item.id],
    }


def mandates(repo: Repository, item: Committee, day: dt.date) -> list[dict]:
    """The approved mandates, oldest first; drafts are the committee's work in progress, not yet public."""
    current = mandate_in_force(repo, item.id, day)
    return [mandate(m, current is not None and m.id == current.id, day) for m in approved_mandates(repo, item.id)]


def mandate(item: Mandate, in_force: bool, day: dt.date) -> dict:
    approval = item.approved
    state = "in-force" if in_force else ("coming" if item.valid_from and item.valid_from > day else "earlier")
    return {
        "id": item.id,
        "title": item.title,
        "state": state,
        "valid_from": _iso(item.valid_from),
        "valid_until": _iso(item.valid_until),
        "approved": {"by": approval.by, "date": _iso(approval.date), "case": approval.case,
                     "document": approval.document} if approval is not None else None,
        "supersedes": sorted(old for old, _ in item.supersedes),
        "sections": [{"heading": s.heading, "body": s.body} for s in item.sections],
    }


def members(repo: Repository, item: Committee, day: dt.date) -> list[dict]:
    """Who is in office on the day, with leader or deputy marked; nothing personal beyond name and title."""
    offices = {o.name: o.role for o in in_office(item.leadership, on=day) if o.name}
    rows = []
    for member in in_office(item.members, on=day):
        organization = repo.organizations.get(member.organization or "")
        rows.append({
            "name": member.name,
            "title": member.title,
            "organization": member.organization,
            "side": organization.side if organization is not None else None,
            "role": member.role,
            "office": offices.get(member.name),
        })
    return sorted(rows, key=lambda r: (r["name"] or "", r["organization"] or "", r["role"]))


def _outcome(item: Case) -> str | None:
    """The outcome as the case paper gives it: an information or discussion case adopted was noted."""
    outcome = item.decision.outcome if item.decision else None
    return "noted" if outcome == "adopted" and item.kind in NOTED_KINDS else outcome


def case(repo: Repository, item: Case) -> dict:
    row = {"ref": item.ref, "label": public.label(repo, item), "year": item.year, "number": item.number,
           "meeting": _iso(item.meeting), "title": public.public_title(item)}
    if item.exemption is not None:
        return {**row, "exempt": True, "exemption_basis": item.exemption.basis}
    decision = item.decision
    return {**row, "exempt": False, "kind": item.kind,
            "decision": {"date": _iso(decision.date), "outcome": _outcome(item),
                         "text": public.decision_text(item)} if decision is not None else None}
