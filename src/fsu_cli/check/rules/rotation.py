"""FSU31x: leadership, as the mandate in force at the start of each term says."""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.dates import day_after, months_between
from fsu_cli.domain.leadership import (
    SIDE_WORDS,
    Holder,
    expected_side,
    holder,
    leadership_terms,
    rotation_held,
    term_in_office,
)
from fsu_cli.domain.mandates import exists_on, mandate_in_force, rules_of
from fsu_cli.domain.office import in_office
from fsu_cli.domain.records import Committee, Date, Office, Repository

TWO_AT_ONCE = define(
    "FSU311",
    "two-office-holders-at-once",
    ERROR,
    "Two leaders (or two deputies) are in office at the same time.",
    """
A committee has one leader and one deputy at any time. Two "leader" entries
whose periods overlap usually mean that an end date is missing or mistyped
when the office passed to someone else.

Example: leader A from 2024-01-01 with no end date, and leader B from
2025-01-01.

Fix: give the earlier entry the end date of its term (the day before the next
one starts).
""",
)

NOT_A_MEMBER = define(
    "FSU312",
    "office-holder-not-member",
    ERROR,
    "A leader or deputy was not a member of the committee for the whole period.",
    """
Leader and deputy are elected among the committee's members, so each must be
listed under "members", spelt the same way, with a membership that covers the
whole period in office.

Example: "leader: Kari Nordman" when the member is "Kari Nordmann", or a
membership that ended 2025-08-31 while the term runs to 2025-12-31.

Fix: correct the name, add the member, or correct the dates.
""",
)

NOT_ELIGIBLE = define(
    "FSU313",
    "office-holder-not-eligible",
    ERROR,
    "A leader or deputy comes from a side that the mandate does not allow to lead.",
    """
Mandates usually say that leader and deputy are chosen among the partners'
representatives (the hospital and the municipalities), not among user, GP or
employee representatives: rules.leadership.eligible_sides lists the sides
allowed. The side of a person follows from the organization they represent.

Example: a user representative (organization with side: user) as leader when
eligible_sides is [hospital, municipality].

Fix: elect someone from an eligible side, or correct the member's organization.
""",
)

SAME_SIDE = define(
    "FSU314",
    "deputy-same-side",
    ERROR,
    "Leader and deputy come from the same side, though the mandate says they must not.",
    """
When rules.leadership.deputy_from_other_side is true, the deputy must come
from another side than the leader: a leader from the hospital has a deputy from
the municipalities, and the other way round.

Example: leader Ingrid (Sykehuset, side hospital) with deputy Marte (also
Sykehuset) when the mandate has deputy_from_other_side: true.

Fix: elect a deputy from the other side.
""",
)

ROTATION = define(
    "FSU315",
    "rotation-broken",
    ERROR,
    "The same side leads two terms running, against the mandate's rotation.",
    """
rules.leadership.alternate lists the sides that take turns to lead, for example
[hospital, municipality]: after a term led from the municipalities, the next
is led from the hospital. Terms are the periods of the "leader" entries; a
leader replaced mid-term by someone from the same side continues the term, and
so does a by-election from another side whose entry ends with the term: the
term stays the turn of the side that began it. When the mandate fixes the
leader's side (leader_side), there is no rotation, and FSU318 applies instead.

Example: the municipalities led 2024, and a municipal leader is entered for 2025.

Fix: elect the leader from the side whose turn it is (fsu leaders shows it).
""",
)

TERM_LENGTH = define(
    "FSU316",
    "term-length",
    WARNING,
    "A term is longer or shorter than the mandate's term_years.",
    """
Leader and deputy are elected for rules.leadership.term_years years at a time.
A term of another length usually means a mistyped date. A first term that runs
from a start in the middle of a year to the end of the following year is
common; it is still reported, so that the choice is visible.

A term that ends because the committee is dissolved is not reported.

Example: term_years: 1, and a leader entry from 2025-01-01 to 2026-12-31
(24 months).

Fix: correct the dates, or accept the warning when the length was decided.
""",
)

NO_LEADER = define(
    "FSU317",
    "no-leader",
    WARNING,
    "A committee in operation has no leader in office.",
    """
On the date checked (today, or --as-of), no "leader" entry covers the date,
although the committee exists and its mandate has leadership rules (or it has
had leaders before).

Example: the last leader entry ended 2026-09-30, and on 2026-11-22 no new
leader has been recorded.

Fix: record the new term's leader and deputy (fsu leaders shows whose turn it
is), or correct the end date of the current term.
""",
)

LEADER_SIDE = define(
    "FSU318",
    "leader-from-wrong-side",
    ERROR,
    "A leader comes from another side than the one the mandate fixes for the leader.",
    """
Some mandates fix the leader's side instead of letting the sides take turns:
"kommunal leiar og nestleiar frå spesialisthelsetenesta" is
rules.leadership.leader_side: municipality (and deputy_side: hospital). Every
leader entry, a by-election inside a term too, must then come from that side;
the rotation (alternate) is not applied. The side of a person follows from the
organization they represent, under the mandate in force when the entry starts.

Example: leader_side: municipality, and a leader from Helse Bergen (side
hospital) from 2025-01-01.

Fix: elect the leader among the representatives of the side the mandate names,
or correct the member's organization (fsu leaders shows the sides).
""",
)

DEPUTY_SIDE = define(
    "FSU319",
    "deputy-from-wrong-side",
    ERROR,
    "A deputy comes from another side than the one the mandate fixes for the deputy.",
    """
rules.leadership.deputy_side fixes the side the deputy (nestleder) comes from,
for example "nestleiar frå spesialisthelsetenesta": deputy_side: hospital.
Every deputy entry must then come from that side.

Example: deputy_side: hospital, and a deputy from Alver kommune (side
municipality) from 2025-01-01.

Fix: elect the deputy among the representatives of the side the mandate names,
or correct the member's organization.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    for committee in repo.committees.values():
        yield from _overlaps(committee)
        yield from _holders(repo, committee)
        terms = leadership_terms(repo, committee)
        for previous, term in zip(terms, terms[1:]):
            if rotation_held(previous, term) is False:
                lead = term.leaders[0]
                expected = expected_side(previous.side, rules_of(term.mandate).leadership.alternate)
                yield ROTATION.finding(
                    committee.source.path,
                    f"{lead.name} ({_side(lead.side)}) leads from {lead.office.start.isoformat()}, "
                    f"but {_side(previous.side)} also led the term before; "
                    f"by the mandate, it is the turn of {_side(expected)} to lead this term.",
                    f"Elect the leader from {_side(expected)}, with the deputy from {_side(previous.side)}.",
                    pointer=lead.office.source.pointer + ("name",),
                )
        for term in terms:
            years = rules_of(term.mandate).leadership.term_years
            if years is None:
                continue
            end = term.end
            if end is not None and committee.dissolved is not None and end >= committee.dissolved:
                continue
            if end is None:
                if months_between(term.start, context.as_of) > years * 12:
                    lead = term.leaders[0]
                    yield TERM_LENGTH.finding(
                        committee.source.path,
                        f"The term led by {lead.name} began {term.start.isoformat()} and has no end date; "
                        f"it has now run longer than the mandate's {years} year(s).",
                        "Give the term its end date, and record the next term.",
                        pointer=lead.office.source.pointer,
                    )
                continue
            length = months_between(term.start, end)
            if length != years * 12:
                lead = term.leaders[-1]
                yield TERM_LENGTH.finding(
                    committee.source.path,
                    f"The term {term.start.isoformat()} to {end.isoformat()} lasts {length} months; "
                    f"the mandate sets terms of {years} year(s) ({years * 12} months).",
                    "Check the start and end dates of the leader and deputy entries.",
                    pointer=lead.office.source.pointer + ("end_date",),
                )
        yield from _no_leader(repo, committee, context.as_of, terms)


def _side(side: str | None) -> str:
    return SIDE_WORDS.get(side or "", side or "an unknown side")


def _overlaps(committee: Committee) -> Iterator[Finding]:
    for role, word in (("leader", "leader"), ("deputy", "deputy")):
        entries = sorted(
            (o for o in committee.leadership if o.role == role and o.start),
            key=lambda o: o.start,
        )
        for earlier, later in zip(entries, entries[1:]):
            if earlier.end is None or later.start <= earlier.end:
                yield TWO_AT_ONCE.finding(
                    committee.source.path,
                    f"{later.name} becomes {word} on {later.start.isoformat()} while {earlier.name} is still "
                    f"{word} ({_until(earlier)}).",
                    f"Give {earlier.name}'s entry an end date before {later.start.isoformat()}.",
                    pointer=later.source.pointer + ("start_date",),
                )


def _until(office: Office) -> str:
    return f"until {office.end.isoformat()}" if office.end else "with no end date"


def _holders(repo: Repository, committee: Committee) -> Iterator[Finding]:
    for office in committee.leadership:
        if office.start is None or office.name is None:
            continue
        word = "leader" if office.role == "leader" else "deputy"
        uncovered = _not_covered(committee, office)
        if uncovered is not None:
            yield NOT_A_MEMBER.finding(committee.source.path, uncovered,
                                       "Correct the name or dates, or add the membership under 'members'.",
                                       pointer=office.source.pointer + ("name",))
            continue
        mandate = mandate_in_force(repo, committee.id, office.start)
        rules = rules_of(mandate).leadership
        eligible = rules.eligible_sides
        person: Holder = holder(repo, committee, office)
        fixed = rules.leader_side if office.role == "leader" else rules.deputy_side
        if eligible is not None and person.side is not None and person.side not in eligible:
            fixed = None  # one cause, one finding
            yield NOT_ELIGIBLE.finding(
                committee.source.path,
                f"{office.name} is {word} from {office.start.isoformat()}, but represents "
                f"{person.organization.name or person.organization.id} ({_side(person.side)}); "
                f"the mandate {mandate.id} allows only {', '.join(_side(s) for s in eligible)} to lead.",
                "Elect a leader and deputy among the representatives of the eligible sides.",
                pointer=office.source.pointer + ("name",),
            )
        if fixed is not None and person.side is not None and person.side != fixed:
            yield (LEADER_SIDE if office.role == "leader" else DEPUTY_SIDE).finding(
                committee.source.path,
                f"{office.name} is {word} from {office.start.isoformat()}, but represents "
                f"{person.organization.name or person.organization.id} ({_side(person.side)}); "
                f"the mandate {mandate.id} says the {word} comes from {_side(fixed)}.",
                f"Elect the {word} among the representatives of {_side(fixed)}.",
                pointer=office.source.pointer + ("name",),
            )
            if office.role == "deputy":
                continue  # the deputy's side is wrong already; not also 'the same side as the leader'
        if office.role == "deputy" and rules.deputy_from_other_side:
            leader = _leader_on(repo, committee, office.start)
            if rules.leader_side is not None and leader is not None and leader.side != rules.leader_side:
                continue  # the leader's side is wrong, FSU318 says so; the deputy's side is not a second cause
            if leader is not None and leader.side is not None and leader.side == person.side:
                yield SAME_SIDE.finding(
                    committee.source.path,
                    f"Deputy {office.name} and leader {leader.name} both come from {_side(person.side)}; "
                    f"the mandate {mandate.id} wants the deputy from another side.",
                    "Elect a deputy from the other side than the leader.",
                    pointer=office.source.pointer + ("name",),
                )


def _leader_on(repo: Repository, committee: Committee, day: Date) -> Holder | None:
    leaders = [o for o in in_office(committee.leadership, on=day) if o.role == "leader"]
    return holder(repo, committee, leaders[0]) if leaders else None


def _not_covered(committee: Committee, office: Office) -> str | None:
    """Why the office holder was not a member for the whole period, or None if they were."""
    word = "leader" if office.role == "leader" else "deputy"
    periods = sorted(
        (m.start or Date.min, m.end or Date.max) for m in committee.members if m.name == office.name
    )
    if not periods:
        return f"{office.name} is {word} from {office.start.isoformat()}, but is not a member of {committee.label}."
    day, end = office.start, office.end or Date.max
    for start, stop in periods:
        if start > day:
            break
        if stop >= end:
            return None
        if stop >= day:
            day = day_after(stop)
    gap = day.isoformat()
    return (
        f"{office.name} is {word} from {office.start.isoformat()}"
        f"{' to ' + office.end.isoformat() if office.end else ''}, but is not a member of "
        f"{committee.label} on {gap}."
    )


def _no_leader(repo: Repository, committee: Committee, today: Date, terms) -> Iterator[Finding]:
    if not exists_on(committee, today):
        return
    mandate = mandate_in_force(repo, committee.id, today)
    if not rules_of(mandate).leadership.stated and not terms:
        return
    if any(o.role == "leader" for o in in_office(committee.leadership, on=today)):
        return
    latest = term_in_office(terms, today) or (terms[-1] if terms else None)
    yield NO_LEADER.finding(
        committee.source.path,
        f"{committee.label} has no leader in office on {today.isoformat()}.",
        "Record the leader and deputy of the current term (run 'fsu leaders' for whose turn it is).",
        pointer=("leadership",) if latest is None else latest.leaders[-1].office.source.pointer,
    )
