"""Which mandate applies to a committee on a date, and what it says.

The mandate in force on a date is the approved mandate whose validity covers the
date and that no approved mandate in force by then supersedes. When two remain
(an overlap nobody declared), the one that took effect last applies.
"""

from __future__ import annotations

from typing import Any

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
    return mandate.valid_from is not None and mandate.valid_from <= day and (
        mandate.valid_until is None or day <= mandate.valid_until
    )


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
    found = mandates_in_force(repo, committee_id, on)
    return found[0] if found else None


def rule(mandate: Mandate | None, *path: str) -> Any:
    """A value from the mandate's ``rules`` (``rule(m, "meetings", "min_per_year")``), or None."""
    value: Any = mandate.rules if mandate is not None else None
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def rule_int(mandate: Mandate | None, *path: str) -> int | None:
    """A whole-number rule, or None when it is missing, not a whole number, or negative."""
    value = rule(mandate, *path)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def rule_text(mandate: Mandate | None, *path: str) -> str | None:
    value = rule(mandate, *path)
    return value if isinstance(value, str) else None


def rule_sides(mandate: Mandate | None, *path: str) -> list[str] | None:
    """A list of sides, or None when it is missing or holds anything but text."""
    value = rule(mandate, *path)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    return None


def exists_on(committee: Committee, day: Date) -> bool:
    """Whether the committee had been founded and not yet dissolved on the date."""
    return (committee.founded is None or committee.founded <= day) and (
        committee.dissolved is None or day <= committee.dissolved
    )
