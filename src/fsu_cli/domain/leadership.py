"""Leadership terms: who led a committee when, from which side, and who should lead next.

A term is one leader's period, with the deputy or deputies who served beside
them. A leader replaced mid-term by someone from the same side continues the
same term, so a resignation does not look like a broken rotation. So does a
by-election from another side that serves out the term to its very end (the
term's turn stays the side that began it, as ``fsu elect --by-election`` writes it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fsu_cli.domain.dates import add_years, day_after, day_before, months_between, norwegian_date
from fsu_cli.domain.mandates import mandate_in_force, rules_of
from fsu_cli.domain.office import in_office
from fsu_cli.domain.records import Committee, Date, Mandate, Member, Office, Organization, Repository

SIDE_WORDS = {
    "hospital": "the hospital",
    "municipality": "the municipalities",
    "user": "the user representatives",
    "gp": "the GPs",
    "employee": "the employee representatives",
    "external": "the external partners",
    "secretariat": "the secretariat",
}


@dataclass(slots=True)
class Holder:
    """One leadership entry, with the membership and organization behind it."""

    office: Office
    member: Member | None
    organization: Organization | None

    @property
    def side(self) -> str | None:
        return self.organization.side if self.organization else None

    @property
    def name(self) -> str:
        return self.office.name or "?"


@dataclass(slots=True)
class Term:
    start: Date
    end: Date | None
    mandate: Mandate | None  # the mandate in force when the term began
    leaders: list[Holder] = field(default_factory=list)
    deputies: list[Holder] = field(default_factory=list)

    @property
    def side(self) -> str | None:
        return self.leaders[0].side if self.leaders else None

    def overlap_days(self, start: Date, end: Date | None) -> int:
        last = min(self.end or Date.max, end or Date.max)
        return (last - max(self.start, start)).days + 1 if last >= max(self.start, start) else 0


def membership(committee: Committee, name: str | None, on: Date | None) -> Member | None:
    """The person's membership covering the date, or failing that their latest one."""
    mine = [m for m in committee.members if m.name == name]
    current = in_office(mine, on=on) if on is not None else []
    return current[0] if current else max(mine, key=lambda m: m.start or Date.min, default=None)


def holder(repo: Repository, committee: Committee, office: Office) -> Holder:
    member = membership(committee, office.name, office.start)
    organization = repo.organizations.get(member.organization) if member and member.organization else None
    return Holder(office, member, organization)


def leadership_terms(repo: Repository, committee: Committee) -> list[Term]:
    """The committee's terms in order, built from its leader and deputy entries."""
    key = ("terms", committee.id)
    if key in repo.cache:
        return repo.cache[key]
    leaders = sorted(
        (holder(repo, committee, o) for o in committee.leadership if o.role == "leader" and o.start),
        key=lambda h: h.office.start,
    )
    terms: list[Term] = []
    for lead in leaders:
        previous = terms[-1] if terms else None
        if previous is not None and _continues(previous, lead):
            previous.leaders.append(lead)
            previous.end = lead.office.end
            continue
        mandate = mandate_in_force(repo, committee.id, lead.office.start)
        terms.append(Term(lead.office.start, lead.office.end, mandate, [lead]))
    for office in committee.leadership:
        if office.role != "deputy" or office.start is None:
            continue
        best = max(terms, key=lambda t: t.overlap_days(office.start, office.end), default=None)
        if best is not None and best.overlap_days(office.start, office.end) > 0:
            best.deputies.append(holder(repo, committee, office))
    repo.cache[key] = terms
    return terms


def _continues(term: Term, lead: Holder) -> bool:
    """A leader who starts the day after the previous one ends and continues their term: from the same
    side within one term's length, or from another side elected to serve out the term to its end."""
    years = rules_of(term.mandate).leadership.term_years
    if years is None or term.end is None or lead.office.start != day_after(term.end) or lead.side is None:
        return False
    if lead.side == term.side:
        return months_between(term.start, lead.office.end or term.end) <= years * 12
    return (lead.office.end is not None and months_between(term.start, term.end) < years * 12
            and months_between(term.start, lead.office.end) == years * 12)


def expected_side(previous: str | None, alternate: tuple[str, ...] | None) -> str | None:
    """The side that should lead after ``previous`` in the mandate's rotation."""
    if not alternate or previous not in alternate:
        return None
    return alternate[(alternate.index(previous) + 1) % len(alternate)]


def rotation_held(previous: Term, term: Term) -> bool | None:
    """Whether ``term`` follows the rotation after ``previous``; None when it cannot be judged,
    or when the mandate fixes the leader's side instead (leader_side)."""
    rules = rules_of(term.mandate).leadership
    if rules.leader_side is not None:
        return None
    alternate = rules.alternate
    expected = expected_side(previous.side, alternate)
    if expected is None or alternate is None or term.side is None or term.side not in alternate:
        return None
    return term.side == expected


def fixed_sides_held(term: Term) -> bool | None:
    """Whether every leader and deputy of ``term`` comes from the side the mandate fixes for the office;
    None when the mandate fixes no side or no side is known."""
    rules = rules_of(term.mandate).leadership
    verdicts = [h.side == side for side, holders in ((rules.leader_side, term.leaders),
                                                     (rules.deputy_side, term.deputies))
                if side is not None for h in holders if h.side is not None]
    return all(verdicts) if verdicts else None


def term_in_office(terms: list[Term], day: Date) -> Term | None:
    current = in_office(terms, on=day)
    return current[0] if current else None


@dataclass(slots=True)
class Advice:
    start: Date
    end: Date | None
    leader_side: str | None
    deputy_side: str | None  # None: any eligible side other than the leader's, or no rule
    mandate: Mandate | None
    fixed: bool = False  # the mandate fixes the leader's side (leader_side) instead of a rotation
    first: bool = False  # no term is recorded yet

    def period(self) -> str:
        return "the first term" if self.first else period_label(self.start, self.end)


def next_term(repo: Repository, committee: Committee, as_of: Date) -> Advice | None:
    """Who should lead the term after the latest one recorded: the sides the mandate fixes
    (leader_side, deputy_side), or else the side whose turn it is in the rotation."""
    terms = leadership_terms(repo, committee)
    mandate = mandate_in_force(repo, committee.id, as_of)
    if not terms:
        return _first_term(mandate, as_of)
    last = terms[-1]
    years = rules_of(mandate).leadership.term_years
    if last.end is not None:
        start = day_after(last.end)
    elif years is not None:
        start = add_years(last.start, years)
    else:
        return None
    mandate = mandate_in_force(repo, committee.id, start) or mandate
    rules = rules_of(mandate).leadership
    years = rules.term_years
    end = day_before(add_years(start, years)) if years is not None else None
    alternate = rules.alternate
    leader_side = rules.leader_side or expected_side(last.side, alternate)
    deputy_side = rules.deputy_side
    if deputy_side is None and rules.deputy_from_other_side and leader_side and alternate:
        others = [s for s in alternate if s != leader_side]
        deputy_side = others[0] if len(others) == 1 else None
    return Advice(start, end, leader_side, deputy_side, mandate, fixed=rules.leader_side is not None)


def _first_term(mandate: Mandate | None, as_of: Date) -> Advice | None:
    """Before any leader is recorded, only sides the mandate fixes can be advised."""
    rules = rules_of(mandate).leadership
    if rules.leader_side is None:
        return None
    return Advice(as_of, None, rules.leader_side, rules.deputy_side, mandate, fixed=True, first=True)


def advice_sentence(repo: Repository, advice: Advice) -> str:
    """'2025: leader from the hospital (Sykehuset i Vestfold HF), deputy from the municipalities'."""
    if advice.fixed:
        text = f"{advice.period()}: the leader comes from {side_phrase(repo, advice.leader_side)}"
        if advice.deputy_side:
            text += f", the deputy from {side_phrase(repo, advice.deputy_side)}"
        elif rules_of(advice.mandate).leadership.deputy_from_other_side:
            text += f", the deputy from a side other than {SIDE_WORDS.get(advice.leader_side, advice.leader_side)}"
        return text + ", as the mandate fixes."
    if advice.leader_side is None:
        deputy = f"; the deputy comes from {side_phrase(repo, advice.deputy_side)}" if advice.deputy_side else ""
        return f"{advice.period()}: the mandate sets no rotation, so any eligible member may lead{deputy}."
    text = f"{advice.period()}: leader from {side_phrase(repo, advice.leader_side)}"
    if advice.deputy_side:
        text += f", deputy from {side_phrase(repo, advice.deputy_side)}"
    elif rules_of(advice.mandate).leadership.deputy_from_other_side:
        text += f", deputy from a side other than {SIDE_WORDS.get(advice.leader_side, advice.leader_side)}"
    return text


def side_phrase(repo: Repository, side: str) -> str:
    """'the hospital (Sykehuset i Vestfold HF)' when one organization makes up the side."""
    words = SIDE_WORDS.get(side, side)
    names = [o.name or o.id for o in repo.organizations.values() if o.side == side]
    return f"{words} ({names[0]})" if len(names) == 1 else words


def period_label(start: Date, end: Date | None) -> str:
    if end is None:
        return f"from {norwegian_date(start)}"
    if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{norwegian_date(start)}–{norwegian_date(end)}"

