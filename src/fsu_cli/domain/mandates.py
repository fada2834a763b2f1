"""Which mandate applies to a committee on a date, and what it says.

The mandate in force on a date is the approved mandate whose validity covers the
date and that no approved mandate in force by then supersedes. When two remain
(an overlap nobody declared), the one that took effect last applies.
"""

from __future__ import annotations

from fsu_cli.domain.dates import in_period
from fsu_cli.domain.mandate_rules import NO_RULES, MandateRules
from fsu_cli.domain.records import Committee, Date, Mandate, Repository


def approved_mandates(repo: Repository, committee_id: str) -> list[Mandate]:
    """The committee's approved mandates with a start date, oldest first."""
    index = repo.cache.get("approved_mandates")
    if index is None:
        index = {}
        for mandate in repo.mandates.values():
            if mandate.status == "approved" and mandate.committee and mandate.valid_from:
                index.setdefault(mandate.committee, []).append(mandate)
        for mandates in index.values():
            mandates.sort(key=lambda m: (m.valid_from, m.id))
        repo.cache["approved_mandates"] = index
    return index.get(committee_id, [])


def _superseders(repo: Repository) -> dict[str, list[Mandate]]:
    """For each mandate id, the approved mandates that say they replace it."""
    index = repo.cache.get("superseders")
    if index is None:
        index = {}
        for mandate in repo.mandates.values():
            if mandate.status == "approved" and mandate.valid_from:
                for old, _ in mandate.supersedes:
                    index.setdefault(old, []).append(mandate)
        repo.cache["superseders"] = index
    return index


def covers(mandate: Mandate, day: Date) -> bool:
    return mandate.valid_from is not None and in_period(mandate.valid_from, mandate.valid_until, day)


def mandates_in_force(repo: Repository, committee_id: str, on: Date) -> list[Mandate]:
    """Every approved mandate in force on the date, the one that applies first."""
    superseders = _superseders(repo)
    found = [
        m
        for m in approved_mandates(repo, committee_id)
        if covers(m, on) and not any(s.valid_from <= on for s in superseders.get(m.id, ()))
    ]
    return sorted(found, key=lambda m: (m.valid_from, m.id), reverse=True)


def mandate_in_force(repo: Repository, committee_id: str, on: Date) -> Mandate | None:
    """The mandate that applies on the date; asked for the same day many times over (each month of each year
    of each committee, each meeting), so each answer is kept with the repository's other indexes."""
    known = repo.cache.setdefault("mandate_in_force", {})
    key = (committee_id, on)
    if key not in known:
        found = mandates_in_force(repo, committee_id, on)
        known[key] = found[0] if found else None
    return known[key]


def rules_of(mandate: Mandate | None) -> MandateRules:
    """The mandate's rules; none at all when there is no mandate."""
    return mandate.rules if mandate is not None else NO_RULES


def exists_on(committee: Committee, day: Date) -> bool:
    """Whether the committee had been founded and not yet dissolved on the date."""
    return in_period(committee.founded, committee.dissolved, day)
