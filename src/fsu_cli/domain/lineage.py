"""Referral lineage (saksgang): which committee sent a case on to which, derived from ``referred_from``.

Only the referring link is stored, in the later case; the route a case paper shows, and
``fsu case trail``, follow the chain both ways from it. A chain with a loop (a mistake in
the data, reported by the rules) is followed only until it repeats.
"""

from __future__ import annotations

from fsu_cli.domain.records import Case, Date, Repository

_FAR = Date.max  # an undated case sorts last


def referrals(repo: Repository) -> dict[str, list[Case]]:
    """Each case reference → the cases referred on from it, in order of their meeting; built once."""
    index = repo.cache.get("referrals")
    if index is None:
        index = {}
        for case in repo.all_cases:
            if case.referred_from:
                index.setdefault(case.referred_from, []).append(case)
        for children in index.values():
            children.sort(key=lambda c: (c.meeting or c.decision_date or _FAR, c.ref))
        repo.cache["referrals"] = index
    return index


def earlier(repo: Repository, case: Case) -> list[Case]:
    """The cases this one came from, the first sender first (stops at an unknown case or a loop)."""
    chain: list[Case] = []
    seen = {case.ref}
    current = case
    while current.referred_from and current.referred_from not in seen:
        sender = repo.case(current.referred_from)
        if sender is None:
            break
        seen.add(sender.ref)
        chain.append(sender)
        current = sender
    return chain[::-1]


def later(repo: Repository, case: Case) -> list[Case]:
    """The cases referred on from this one, and from those, depth first in meeting order."""
    index = referrals(repo)
    found: list[Case] = []
    seen = {case.ref}
    stack = list(reversed(index.get(case.ref, [])))
    while stack:
        current = stack.pop()
        if current.ref in seen:
            continue
        seen.add(current.ref)
        found.append(current)
        stack.extend(reversed(index.get(current.ref, [])))
    return found


def route(repo: Repository, case: Case) -> list[Case]:
    """Every case on the path through the committees, this one included, first sender first."""
    return [*earlier(repo, case), case, *later(repo, case)]


def loop(repo: Repository, case: Case) -> list[str] | None:
    """The references of a loop that the chain from this case runs into, or None."""
    path = [case.ref]
    current = case
    while current.referred_from:
        if current.referred_from in path:
            return path[path.index(current.referred_from):] + [current.referred_from]
        sender = repo.case(current.referred_from)
        if sender is None:
            return None
        path.append(sender.ref)
        current = sender
    return None
