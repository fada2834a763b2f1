"""What a mandate says the tool should check (its ``rules:``), typed and parsed once.

Every part is optional. A value of the wrong type (a schema error, reported as
such) reads as not stated, so the rules never meet it. Numbers are whole and not
negative; lists of sides hold text only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class LeadershipRules:
    stated: bool = False  # the mandate has a 'leadership' section at all
    term_years: int | None = None
    alternate: tuple[str, ...] | None = None  # the sides that take turns to lead
    deputy_from_other_side: bool = False
    eligible_sides: tuple[str, ...] | None = None
    leader_side: str | None = None  # the leader always comes from this side (instead of alternate)
    deputy_side: str | None = None  # the deputy always comes from this side


@dataclass(frozen=True, slots=True)
class MeetingRules:
    min_per_year: int | None = None
    max_per_year: int | None = None
    notice_days: int | None = None  # the notice goes out at least this many days before
    minutes_within_days: int | None = None  # the minutes are approved within this many days after


@dataclass(frozen=True, slots=True)
class QuorumRules:
    """When the committee may decide (vedtaksført)."""

    min_share_present: float | None = None  # of the members in office; substitutes count for their member
    sides_present: tuple[str, ...] | None = None  # each of these sides has someone present

    @property
    def stated(self) -> bool:
        return self.min_share_present is not None or self.sides_present is not None


@dataclass(frozen=True, slots=True)
class Seats:
    """Seats of one side: at least ``min``, at most ``max`` members in office. ``including``: other sides whose
    members appointed by this side count in its seats (a GP appointed by the municipalities); ``appointed_by``:
    at least so many of the seats appointed by each side (side, count)."""

    side: str
    min: int | None = None
    max: int | None = None
    including: tuple[str, ...] = ()
    appointed_by: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class OrganizationSeats:
    """Seats of a named organization: "one from each municipality", "Bergen up to six"."""

    organization: str
    min: int | None = None
    max: int | None = None


@dataclass(frozen=True, slots=True)
class ReportingRules:
    to: str | None = None  # the committee that receives the reports
    every_months: int | None = None


@dataclass(frozen=True, slots=True)
class MandateRules:
    leadership: LeadershipRules = LeadershipRules()
    meetings: MeetingRules = MeetingRules()
    quorum: QuorumRules = QuorumRules()
    composition: tuple[Seats, ...] = ()  # in the mandate's order
    organization_seats: tuple[OrganizationSeats, ...] = ()
    appointment_years: int | None = None
    reporting: ReportingRules = ReportingRules()
    evaluation_every_months: int | None = None
    written: tuple[tuple[str, Any], ...] = ()  # every stated value by its dotted path, for describing changes

    def flat(self) -> dict[str, Any]:
        """Each stated rule by its path ('meetings.min_per_year'), as written."""
        return dict(self.written)


NO_RULES = MandateRules()


def parse_rules(data: Any) -> MandateRules:
    if not isinstance(data, dict):
        return NO_RULES
    leadership = data.get("leadership")
    meetings = _mapping(data.get("meetings"))
    reporting = _mapping(data.get("reporting"))
    quorum = _mapping(data.get("quorum"))
    lead = _mapping(leadership)
    return MandateRules(
        leadership=LeadershipRules(
            stated=leadership is not None,
            term_years=_count(lead.get("term_years")),
            alternate=_sides(lead.get("alternate")),
            deputy_from_other_side=lead.get("deputy_from_other_side") is True,
            eligible_sides=_sides(lead.get("eligible_sides")),
            leader_side=lead.get("leader_side") if isinstance(lead.get("leader_side"), str) else None,
            deputy_side=lead.get("deputy_side") if isinstance(lead.get("deputy_side"), str) else None,
        ),
        meetings=MeetingRules(_count(meetings.get("min_per_year")), _count(meetings.get("max_per_year")),
                              _count(meetings.get("notice_days")), _count(meetings.get("minutes_within_days"))),
        quorum=QuorumRules(_share(quorum.get("min_share_present")), _sides(quorum.get("sides_present"))),
        composition=tuple(
            Seats(side, _whole(limits.get("min")), _whole(limits.get("max")), _sides(limits.get("including")) or (),
                  tuple((by, count) for by, count in _mapping(limits.get("appointed_by")).items()
                        if isinstance(by, str) and _count(count) is not None))
            for side, limits in _mapping(data.get("composition")).items()
            if isinstance(side, str) and side != "organizations" and isinstance(limits, dict)
        ),
        organization_seats=tuple(
            OrganizationSeats(organization, _whole(limits.get("min")), _whole(limits.get("max")))
            for organization, limits in _mapping(_mapping(data.get("composition")).get("organizations")).items()
            if isinstance(organization, str) and isinstance(limits, dict)
        ),
        appointment_years=_count(data.get("appointment_years")),
        reporting=ReportingRules(
            to=reporting.get("to") if isinstance(reporting.get("to"), str) else None,
            every_months=_count(reporting.get("every_months")),
        ),
        evaluation_every_months=_count(data.get("evaluation_every_months")),
        written=tuple(_flatten(data).items()),
    )


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _share(value: Any) -> float | None:
    """A share between 0 and 1 (0.5: half)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return None


def _count(value: Any) -> int | None:
    """A whole number of things (meetings, years, months): not negative."""
    number = _whole(value)
    return number if number is not None and number >= 0 else None


def _sides(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _flatten(rules: Any, prefix: str = "") -> dict[str, Any]:
    if not isinstance(rules, dict):
        return {prefix.rstrip("."): rules} if prefix else {}
    flat: dict[str, Any] = {}
    for key, value in rules.items():
        flat.update(_flatten(value, f"{prefix}{key}."))
    return flat
