"""Who was at a meeting, who counts for its quorum, and what it decided, answered once.

The indexes over all cases and meetings are built on first use and kept in
``repo.cache``, so each rule asks about one meeting without scanning every case.
"""

from __future__ import annotations

from dataclasses import dataclass

from fsu_cli.domain.office import in_office
from fsu_cli.domain.records import Case, Committee, Date, Meeting, Member, Repository


def members_in_office(committee: Committee, day: Date) -> dict[str, Member]:
    """The members in office on the day, by name as written in the members list."""
    return {m.name: m for m in in_office(committee.members, on=day) if m.name}


def seats(office: dict[str, Member]) -> dict[str, Member]:
    """The members who hold a seat: substitutes and observers hold none, so the quorum and the roll
    call leave them out."""
    return {name: m for name, m in office.items() if m.holds_seat}


def cases_at(repo: Repository, committee_id: str, day: Date) -> list[Case]:
    """The committee's cases whose meeting is the day, in file order."""
    index = repo.cache.get("cases_by_meeting")
    if index is None:
        index = {}
        for case in repo.cases.values():
            if case.meeting is not None:
                index.setdefault((case.committee, case.meeting), []).append(case)
        repo.cache["cases_by_meeting"] = index
    return index.get((committee_id, day), [])


def approvals_of_minutes(repo: Repository) -> dict[tuple[str, Date], Date]:
    """(committee, meeting date) -> the first held meeting whose agenda approves those minutes."""
    index = repo.cache.get("minutes_approved_at")
    if index is None:
        index = {}
        for meeting in repo.all_meetings:
            if meeting.status != "held" or meeting.date is None or not meeting.agenda:
                continue
            for item in meeting.agenda:
                if item.kind == "approval-of-minutes" and item.meeting is not None:
                    key = (meeting.committee, item.meeting)
                    index[key] = min(index.get(key, meeting.date), meeting.date)
        repo.cache["minutes_approved_at"] = index
    return index


def side_of(repo: Repository, organization_id: str | None) -> str | None:
    organization = repo.organizations.get(organization_id or "")
    return organization.side if organization is not None else None


@dataclass(frozen=True, slots=True)
class Quorum:
    """The members counted present for one item, against the members in office."""

    counted: frozenset[str]  # members in office present, in person or by a substitute
    in_office: int
    sides: frozenset[str]  # the sides of the counted members

    def share_met(self, share: float | None) -> bool:
        # compare whole numbers where we can: 7 of 14 meets 0.5 exactly
        return share is None or len(self.counted) >= share * self.in_office - 1e-9

    def missing_sides(self, wanted: tuple[str, ...] | None) -> list[str]:
        return [side for side in wanted or () if side not in self.sides]


def quorum(repo: Repository, meeting: Meeting, office: dict[str, Member], recused: frozenset[str]) -> Quorum:
    """Who counts: members present and members whose substitute came, less the recused (a recused
    substitute takes away the member they stand for)."""
    office = seats(office)
    stands_for = {name: name for name in meeting.present if name in office}
    for substitute in meeting.substitutes:
        if substitute.stands_for in office and substitute.stands_for not in meeting.present:
            stands_for[substitute.name] = substitute.stands_for
    counted = frozenset(member for person, member in stands_for.items()
                        if person not in recused and member not in recused)
    sides = frozenset(side for name in counted if (side := side_of(repo, office[name].organization)))
    return Quorum(counted, len(office), sides)


def parse_span(text: str | None) -> tuple[int, int | None] | None:
    """'09:30-10:15' -> (570, 615) in minutes of the day; '09:30' -> (570, None); None if unreadable."""
    if not text:
        return None
    try:
        parts = [int(h) * 60 + int(m) for h, m in (part.split(":") for part in text.split("-"))]
    except ValueError:
        return None
    if len(parts) == 1:
        return parts[0], None
    return (parts[0], parts[1]) if len(parts) == 2 else None
