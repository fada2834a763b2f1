"""The register of decisions' follow-up (oppfølging av vedtak): what each decision asked to be done,
who answers for it, by when, and how far it has come."""

from __future__ import annotations

from dataclasses import dataclass

from fsu_cli.domain.records import Case, Date, FollowUp, Repository


@dataclass(frozen=True, slots=True)
class Entry:
    case: Case
    item: FollowUp
    number: int  # its place in the decision's follow-up, from 1


def register(repo: Repository, committee_id: str | None = None, overdue_on: Date | None = None) -> list[Entry]:
    """Every follow-up item of every decision (of one committee), by due date (undated last), then case;
    with ``overdue_on``, only the items past due and not done on that day."""
    entries = [Entry(case, item, number) for case in repo.all_cases
               if case.decision is not None and case.decision.follow_up
               and (committee_id is None or case.committee == committee_id)
               for number, item in enumerate(case.decision.follow_up, start=1)
               if overdue_on is None or item.overdue(overdue_on)]
    entries.sort(key=lambda e: (e.item.due or Date.max, e.case.committee or "", e.case.year or 0,
                                e.case.number or 0))
    return entries


def responsible_name(repo: Repository, responsible: str | None) -> str:
    """An organization's or a committee's name for its id; anything else is a name, shown as written."""
    if not responsible:
        return ""
    organization = repo.organizations.get(responsible)
    if organization is not None:
        return organization.name or responsible
    committee = repo.committees.get(responsible)
    return committee.label if committee is not None else responsible
