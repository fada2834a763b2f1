"""What changed between two states of a governance repository, in words, per committee.

Used by ``fsu diff`` to let a reviewer read a pull request as the secretariat
would describe it: who joined or left, who took over as leader and whether the
rotation holds, meetings added, moved or cancelled, mandate changes, and cases
added, decided or renumbered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fsu_cli.domain.dates import norwegian_date
from fsu_cli.domain.leadership import SIDE_WORDS, holder, leadership_terms, rotation_held
from fsu_cli.domain.records import Case, Committee, Date, Repository, case_label


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)


def _d(day: Date | None) -> str:
    return norwegian_date(day) if day else "no date"


def describe(old: Repository, new: Repository) -> list[Section]:
    sections: dict[str, Section] = {}

    def say(key: str, title: str, line: str) -> None:
        sections.setdefault(key, Section(title)).lines.append(line)

    for cid in sorted(set(old.committees) | set(new.committees)):
        before, after = old.committees.get(cid), new.committees.get(cid)
        ref = after or before
        title = f"{ref.label} – {ref.name}" if ref.name and ref.name != ref.label else ref.label
        for line in _committee_lines(old, new, before, after):
            say(cid, title, line)
    for line in _mandate_lines(old, new):
        say("~mandates", "Mandates", line)
    for cid, line in _case_lines(old, new):
        committee = new.committees.get(cid) or old.committees.get(cid)
        title = (f"{committee.label} – {committee.name}" if committee and committee.name != committee.label
                 else committee.label if committee else cid)
        say(cid, title, line)
    for line in _organization_lines(old, new):
        say("~organizations", "Organizations (fsu.yaml)", line)
    return [sections[k] for k in sorted(sections, key=lambda k: (k.startswith("~"), k))]


def _org(repo: Repository, organization_id: str | None) -> str:
    organization = repo.organizations.get(organization_id or "")
    return (organization.name or organization.id) if organization else (organization_id or "?")


def _committee_lines(old: Repository, new: Repository, before: Committee | None, after: Committee | None):
    if before is None and after is not None:
        yield f"Committee created ({after.kind or 'committee'}), founded {_d(after.founded)}."
        return
    if after is None:
        yield "Committee file removed."
        return
    if before.dissolved != after.dissolved:
        yield (f"Dissolved on {_d(after.dissolved)}." if after.dissolved
               else f"No longer marked dissolved (was {_d(before.dissolved)}).")
    for key in ("name", "short_name", "parent", "case_number_format"):
        if getattr(before, key) != getattr(after, key):
            yield f"{key}: {getattr(before, key)} → {getattr(after, key)}"
    yield from _member_lines(old, new, before, after)
    yield from _leadership_lines(old, new, before, after)
    yield from _meeting_lines(before, after)


def _member_lines(old, new, before: Committee, after: Committee):
    def key(m):
        return (m.name, m.organization, m.start)

    old_members = {key(m): m for m in before.members}
    new_members = {key(m): m for m in after.members}
    for k, member in new_members.items():
        if k not in old_members:
            yield f"Member joined: {member.name} ({_org(new, member.organization)}), from {_d(member.start)}."
        elif old_members[k].end != member.end:
            if member.end is not None:
                yield f"Member left: {member.name} ({_org(new, member.organization)}), last day {_d(member.end)}."
            else:
                yield f"Membership reopened: {member.name} (end date {_d(old_members[k].end)} removed)."
    for k, member in old_members.items():
        if k not in new_members:
            yield f"Member entry removed: {member.name} ({_org(old, member.organization)}), from {_d(member.start)}."


def _leadership_lines(old, new, before: Committee, after: Committee):
    def key(o):
        return (o.role, o.name, o.start)

    old_offices = {key(o) for o in before.leadership}
    terms = leadership_terms(new, after)
    for office in after.leadership:
        if key(office) in old_offices or office.start is None:
            continue
        person = holder(new, after, office)
        side = SIDE_WORDS.get(person.side or "", "unknown side")
        if office.role == "leader":
            index = next((i for i, t in enumerate(terms) if any(h.office is office for h in t.leaders)), None)
            text = f"New leader: {office.name} ({_org(new, person.member.organization if person.member else None)}, " \
                   f"{side}) from {_d(office.start)}"
            if index:
                previous, term = terms[index - 1], terms[index]
                text += f", after {', '.join(h.name for h in previous.leaders)}"
                held = rotation_held(previous, term)
                text += {True: "; the rotation holds.",
                         False: f"; this breaks the rotation: {SIDE_WORDS.get(previous.side or '', '?')} "
                                "led the term before.",
                         None: "."}[held]
            else:
                text += "."
            yield text
        else:
            yield f"New deputy: {office.name} ({side}) from {_d(office.start)}."
    new_offices = {key(o) for o in after.leadership}
    for office in before.leadership:
        if key(office) not in new_offices:
            yield f"Leadership entry removed: {office.role} {office.name} from {_d(office.start)}."


def _meeting_lines(before: Committee, after: Committee):
    old = {m.date: m for m in before.meetings if m.date}
    new = {m.date: m for m in after.meetings if m.date}
    added = sorted(set(new) - set(old))
    removed = sorted(set(old) - set(new))
    if len(added) == len(removed):  # the same number gone and come: moved meetings
        for was, now in zip(removed, added):
            yield f"Meeting moved: {_d(was)} → {_d(now)}."
        added, removed = [], []
    for day in added:
        yield f"Meeting added: {_d(day)} ({new[day].status})."
    for day in removed:
        yield f"Meeting removed: {_d(day)}."
    for day in sorted(set(old) & set(new)):
        if old[day].status != new[day].status:
            word = "cancelled" if new[day].status == "cancelled" else f"now {new[day].status}"
            yield f"Meeting {_d(day)} {word} (was {old[day].status})."


def _mandate_lines(old: Repository, new: Repository):
    for mid in sorted(set(old.mandates) | set(new.mandates)):
        before, after = old.mandates.get(mid), new.mandates.get(mid)
        if before is None:
            yield f"{mid}: new mandate for {after.committee} ({after.status}), valid from {_d(after.valid_from)}."
            continue
        if after is None:
            yield f"{mid}: mandate removed."
            continue
        if before.status != after.status:
            yield f"{mid}: status {before.status} → {after.status}."
        for key in ("valid_from", "valid_until"):
            if getattr(before, key) != getattr(after, key):
                yield f"{mid}: {key} {_d(getattr(before, key))} → {_d(getattr(after, key))}."
        old_rules, new_rules = before.rules.flat(), after.rules.flat()
        for path in sorted(set(old_rules) | set(new_rules)):
            if old_rules.get(path) != new_rules.get(path):
                yield f"{mid}: rule {path}: {old_rules.get(path, '–')} → {new_rules.get(path, '–')}."
        old_sections = {s.heading: s.body for s in before.sections}
        new_sections = {s.heading: s.body for s in after.sections}
        for heading in new_sections:
            if heading not in old_sections:
                yield f"{mid}: section «{heading}» added."
            elif old_sections[heading] != new_sections[heading]:
                yield f"{mid}: section «{heading}» edited."
        for heading in old_sections:
            if heading not in new_sections:
                yield f"{mid}: section «{heading}» removed."


def _case_lines(old: Repository, new: Repository):
    added = [c for k, c in new.cases.items() if k not in old.cases]
    removed = [c for k, c in old.cases.items() if k not in new.cases]
    renumbered = []
    for case in list(added):
        twin = next((r for r in removed if r.title == case.title and r.committee == case.committee
                     and r.meeting == case.meeting), None)
        if twin is not None:
            renumbered.append((twin, case))
            added.remove(case)
            removed.remove(twin)
    for was, now in renumbered:
        yield now.committee, (f"Case renumbered: {_label(old, was)} → {_label(new, now)} ({_title(now)}).")
    for case in sorted(added, key=lambda c: (c.year or 0, c.number or 0)):
        yield case.committee, f"Case added: {_label(new, case)} {_title(case)} (meeting {_d(case.meeting)})."
    for case in sorted(removed, key=lambda c: (c.year or 0, c.number or 0)):
        yield case.committee, f"Case removed: {_label(old, case)} {_title(case)}."
    for key, case in new.cases.items():
        before = old.cases.get(key)
        if before is None:
            continue
        if before.decision is None and case.decision is not None:
            outcome = case.decision.outcome
            yield case.committee, f"Case decided: {_label(new, case)} {_title(case)} ({outcome}, {_d(case.decision_date)})."
        elif before.decision != case.decision and case.decision is not None:
            yield case.committee, f"Decision changed: {_label(new, case)} {_title(case)}."
        for field_name in ("title", "kind"):
            old_value, new_value = getattr(before, field_name), getattr(case, field_name)
            if old_value != new_value and field_name == "title" and (before.exemption or case.exemption):
                yield case.committee, f"Case title changed: {_label(new, case)} (exempt from public access)."
            elif old_value != new_value:
                yield case.committee, f"Case {field_name} changed: {_label(new, case)}: {old_value} → {new_value}."
        if before.meeting != case.meeting:
            yield case.committee, f"Case moved to another meeting: {_label(new, case)} {_d(before.meeting)} → " \
                                  f"{_d(case.meeting)}."


def _title(case: Case) -> str:
    """The title a change description may show: an exempt case's public title, since a description of
    changes is often posted where anyone can read it (a pull request)."""
    if case.exemption is None:
        return case.title or ""
    return f"{case.exemption.public_title or 'Unntatt offentlighet'} (exempt from public access)"


def _label(repo: Repository, case: Case) -> str:
    return case_label(repo.committees.get(case.committee or ""), case)


def _organization_lines(old: Repository, new: Repository):
    for oid in sorted(set(old.organizations) | set(new.organizations)):
        before, after = old.organizations.get(oid), new.organizations.get(oid)
        if before is None:
            yield f"Organization added: {after.name} ({after.side})."
        elif after is None:
            yield f"Organization removed: {before.name}."
        elif (before.name, before.side) != (after.name, after.side):
            yield f"Organization changed: {before.name} ({before.side}) → {after.name} ({after.side})."
