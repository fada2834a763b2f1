"""Changes to one meeting: its schedule, attendance, agenda and minutes.

A meeting lives in its committee's ``meetings:`` list (date, status, time, location: a
schedule) or in its own file, data/meetings/<committee>/<date>.yaml, never both. A change
that records more than the schedule moves a listed meeting into a file, taking it out of the
list in the same change; the committee's file keeps its comments. Names are checked against
the members in office on the day, with a suggestion for a near miss.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fsu_cli.domain.dates import norwegian_date
from fsu_cli.domain.office import in_office
from fsu_cli.domain.records import Committee, Date, Meeting, Repository, case_label, parse_case_ref
from fsu_cli.edit.authoring import Change, _as_date, read_document
from fsu_cli.errors import UsageError
from fsu_cli.store import yamlio
from fsu_cli.store.paths import is_id, target_inside

# The keys of a meeting file in the order the contract writes them; a key added later takes its place.
FILE_ORDER = ("committee", "date", "status", "time", "location", "video", "form", "chair", "minute_taker",
              "notice_sent", "attendance", "agenda", "minutes")
SCHEDULE = ("date", "status", "time", "location")


def meeting_rel(committee_id: str, day: Date) -> str:
    if not is_id(committee_id):
        raise UsageError(f"The committee's id {committee_id!r} is not of the form the schema allows (small letters, "
                         "digits and '-'), so fsu will not make a file path of it. Fix the id first.")
    return f"data/meetings/{committee_id}/{day.isoformat()}.yaml"


def find_meeting(committee: Committee, day: Date, root: Path | None = None) -> Meeting:
    """The committee's meeting on the day; else a UsageError listing the meetings it has (or, with the
    repository's ``root``, saying that its meeting file is there but cannot be read)."""
    meeting = committee.meeting_on(day)
    if meeting is None:
        if root is not None:
            refuse_unreadable_file(root, committee, day)
        raise UsageError(no_meeting(committee, day))
    return meeting


def refuse_unreadable_file(root: Path, committee: Committee, day: Date) -> None:
    """A meeting file on disk that the data does not hold could not be read: it must be mended, not replaced."""
    rel = meeting_rel(committee.id, day)
    if target_inside(root, rel).exists():
        raise UsageError(f"{rel} is there but cannot be read, so fsu will not change it. Run 'fsu validate' to see "
                         "where the mistake is, correct it, then run the command again.")


def no_meeting(committee: Committee, day: Date) -> str:
    dates = sorted({m.date.isoformat() for m in committee.meetings if m.date is not None})
    near = [d for d in dates if d[:4] == str(day.year)] or dates[-8:]
    listed = f"Its meetings{' in ' + str(day.year) if near and near[0][:4] == str(day.year) else ''}: " \
             f"{', '.join(near)}." if near else "It has no meetings yet."
    return (f"{committee.label} has no meeting on {day.isoformat()}. {listed} "
            f"Add it with: fsu meeting new {committee.id} {day.isoformat()}")


@dataclass(slots=True)
class MeetingEdit:
    """One meeting opened for editing: ``doc`` is the meeting file's document, or the entry in the
    committee's list (then inside ``committee_doc``)."""

    committee: Committee
    day: Date
    rel: str  # where the meeting is (after the edit)
    doc: Any
    in_file: bool
    committee_doc: Any = None  # the committee's document, when it changes too
    created: bool = False  # the meeting file is new

    @property
    def converted(self) -> bool:
        return self.created and self.committee_doc is not None

    def changes(self) -> list[Change]:
        changes = []
        if self.committee_doc is not None:
            changes.append(Change(self.committee.source.path, yamlio.dump_roundtrip(self.committee_doc)))
        if self.in_file:
            text = yamlio.dump_roundtrip(self.doc)
            changes.append(Change(self.rel, (_HEADER + text) if self.created else text, new=self.created))
        return changes


_HEADER = ("# Møtet med oppmøte, saksliste og protokoll. Endres med fsu meeting (attend, agenda, held,\n"
           "# approve-minutes) eller for hånd; fsu validate sjekker navn, saker og datoer.\n")


def open_meeting(root: Path, committee: Committee, day: Date, as_file: bool) -> MeetingEdit:
    """The meeting on the day, ready to change; a listed meeting moves into a new file when ``as_file``.
    A meeting that is both in the list and in a file (FSU402) is refused: which one to change?"""
    meeting = find_meeting(committee, day, root)
    if meeting.in_file:
        return MeetingEdit(committee, day, meeting.source.path, read_document(root, meeting.source.path), True)
    committee_doc = read_document(root, committee.source.path)
    entries = committee_doc.get("meetings") or []
    index = next((i for i, m in enumerate(entries) if hasattr(m, "get") and _as_date(m.get("date")) == day), None)
    if index is None:  # the loaded data and the file disagree: it changed meanwhile
        raise UsageError(f"{committee.source.path} has no meeting on {day.isoformat()} any more. Run the command "
                         "again.")
    rel = meeting_rel(committee.id, day)
    if target_inside(root, rel).exists():
        raise UsageError(f"The meeting on {day.isoformat()} is both in {committee.source.path} and in {rel} "
                         f"(FSU402). Keep one: delete the entry in the list or the file, then run the command again.")
    if not as_file:
        return MeetingEdit(committee, day, committee.source.path, entries[index], False, committee_doc)
    entry = entries[index]
    doc = new_meeting_doc(committee.id, day, entry.get("status") or "planned", entry.get("time"),
                          entry.get("location"))
    present, absent = list(entry.get("present") or []), list(entry.get("absent") or [])
    if present or absent:
        attendance = _section(doc, "attendance")
        if present:
            attendance["present"] = _seq(present)
        if absent:
            attendance["absent"] = _seq([_map(name=name) for name in absent])
    for key, comment in entry_comments(entries, index).items():
        if key in doc:
            doc.yaml_add_eol_comment(comment, key)
    remove_entry(committee_doc["meetings"], index)
    return MeetingEdit(committee, day, rel, doc, True, committee_doc, created=True)


def create_meeting(root: Path, committee: Committee, day: Date, status: str) -> MeetingEdit:
    """A new meeting file for a day the committee has no meeting on."""
    if committee.meeting_on(day) is not None:
        raise UsageError(f"{committee.label} already has a meeting on {day.isoformat()}.")
    refuse_unreadable_file(root, committee, day)
    rel = meeting_rel(committee.id, day)
    return MeetingEdit(committee, day, rel, new_meeting_doc(committee.id, day, status), True, created=True)


def new_meeting_doc(committee_id: str, day: Date, status: str, time: str | None = None,
                    location: str | None = None) -> Any:
    return _map(committee=committee_id, date=day, status=status, time=quoted_time(time), location=location or None)


def quoted_time(time: Any) -> Any:
    """A time such as 09:00-12:00 in quotes, as the contract writes it (no YAML reader takes it for a number)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(str(time)) if time else None


def set_fields(doc: Any, **values: Any) -> list[str]:
    """Set the given values (None: leave as is) in their places; returns the keys that changed."""
    changed = []
    if values.get("time") is not None:
        values["time"] = quoted_time(values["time"])
    for key, value in values.items():
        if value is not None and doc.get(key) != value:
            put(doc, key, value)
            changed.append(key)
    return changed


def put(doc: Any, key: str, value: Any) -> None:
    """Set ``key``; a new key goes where the contract's order puts it among the keys there."""
    if key in doc:
        doc[key] = value
        return
    order = FILE_ORDER if key in FILE_ORDER else ()
    before = [i for i, k in enumerate(doc) if k in order and order.index(k) < order.index(key)] if order else []
    doc.insert(before[-1] + 1 if before else (0 if order else len(doc)), key, value)


# --- attendance --------------------------------------------------------------------------


def members_on(committee: Committee, day: Date) -> list[str]:
    return [m.name for m in in_office(committee.members, on=day) if m.name]


def checked_name(name: str, committee: Committee, day: Date, what: str) -> str:
    """The name as the committee's list writes it (ignoring letter case), or a UsageError with a suggestion."""
    names = members_on(committee, day)
    for known in names:
        if known.casefold() == name.strip().casefold():
            return known
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise UsageError(f"{what} '{name}' is not a member of {committee.label} in office on {norwegian_date(day)}."
                     f"{hint} Members that day: {', '.join(names) or 'none'}.")


def parse_substitute(text: str) -> tuple[str, str]:
    name, sep, instead = text.partition(" for ")
    if not sep or not name.strip() or not instead.strip():
        raise UsageError(f"--substitute must be written \"NAME for MEMBER\", e.g. \"Ola Vik for Kari Holm\" "
                         f"(got '{text}').")
    return name.strip(), instead.strip()


def record_attendance(doc: Any, present: list[str], absent: list[tuple[str, str | None]],
                      substitutes: list[tuple[str, str | None, str]]) -> None:
    """Add to the attendance: a name given as present leaves the absent list, and the other way round.
    ``substitutes`` are (name, organization or None, the absent member they meet for)."""
    attendance = _section(doc, "attendance")
    here = attendance.get("present")
    away = attendance.get("absent")
    for name in present:
        if away is not None:
            _drop(away, lambda a, n=name: _name_of(a) == n)
        if here is None:
            here = attendance["present"] = _seq([])
        if name not in here:
            here.append(name)
    for name, reason in absent:
        if here is not None:
            _drop(here, lambda p, n=name: p == n)
        if away is None:
            away = attendance["absent"] = _seq([])
        existing = next((a for a in away if _name_of(a) == name), None)
        if existing is None:
            away.append(_map(name=name, reason=reason))
        elif reason:
            existing["reason"] = reason
    if substitutes:
        subs = attendance.get("substitutes")
        if subs is None:
            subs = attendance["substitutes"] = _seq([])
        for name, organization, instead in substitutes:
            _drop(subs, lambda s, n=name: hasattr(s, "get") and s.get("name") == n)
            subs.append(_map(name=name, organization=organization, **{"for": instead}))
    for key in ("present", "absent", "substitutes"):
        if key in attendance and not attendance[key]:
            del attendance[key]
    _reorder(attendance, ("present", "absent", "substitutes", "others"))


def parse_other(text: str) -> tuple[str, str | None, str | None]:
    """'NAME[, ORGANIZATION[, ROLE]]' as (name, organization, role)."""
    parts = [part.strip() for part in text.split(",")]
    if not parts[0] or len(parts) > 3 or any(not part for part in parts[1:]):
        raise UsageError(f"--other must be written \"NAME\", \"NAME, ORGANIZATION\" or \"NAME, ORGANIZATION, ROLE\", "
                         f"e.g. \"Hilde Fossum, sekretariatet, referent\" (got '{text}').")
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def record_others(doc: Any, others: list[tuple[str, str | None, str | None]]) -> None:
    """Add people also present (møtte også); one named again is replaced."""
    if not others:
        return
    attendance = _section(doc, "attendance")
    seq = attendance.get("others")
    if seq is None:
        seq = attendance["others"] = _seq([])
    for name, organization, role in others:
        _drop(seq, lambda o, n=name: _name_of(o) == n)
        seq.append(_map(name=name, organization=organization, role=role))
    _reorder(attendance, ("present", "absent", "substitutes", "others"))


def _name_of(entry: Any) -> Any:
    return entry.get("name") if hasattr(entry, "get") else entry


def _drop(seq: Any, matches) -> None:
    for i in reversed(range(len(seq))):
        if matches(seq[i]):
            del seq[i]


# --- agenda ------------------------------------------------------------------------------


def previous_held(committee: Committee, day: Date) -> Meeting | None:
    earlier = [m for m in committee.meetings if m.date is not None and m.date < day and m.status == "held"]
    return max(earlier, key=lambda m: m.date, default=None)


def minutes_to_approve(committee: Committee, day: Date) -> Date | None:
    """The previous held meeting, whose minutes this meeting approves: unless they were approved otherwise
    (by e-mail, by signatures, or at another meeting)."""
    previous = previous_held(committee, day)
    if previous is None:
        return None
    if any(item.kind == "approval-of-minutes" and item.meeting == previous.date
           for other in committee.meetings if other.date != day for item in other.agenda or ()):
        return None  # another meeting's agenda approves them already (held or not yet)
    minutes = previous.minutes
    if minutes is not None and minutes.status == "approved" and (minutes.approved_by != "meeting"
                                                                  or minutes.approved_on not in (None, day)):
        return None
    return previous.date


def cases_of_meeting(repo: Repository, committee: Committee, day: Date) -> list[str]:
    cases = sorted((c for c in repo.all_cases if c.committee == committee.id and c.meeting == day),
                   key=lambda c: (c.year or 0, c.number or 0))
    return [f"{c.committee}/{c.year}/{c.number}" for c in cases]


def checked_case(repo: Repository, committee: Committee, day: Date, ref: str) -> str:
    parsed = parse_case_ref(ref)
    case = repo.cases.get(parsed) if parsed else None
    if case is None:
        known = cases_of_meeting(repo, committee, day)
        raise UsageError(f"There is no case {ref}. Write it committee/year/number; the cases for this meeting: "
                         f"{', '.join(known) or 'none yet (add one with fsu new case)'}.")
    if case.committee != committee.id or case.meeting != day:
        owner = repo.committees.get(case.committee or "")
        at = f"{owner.label if owner else case.committee}'s meeting {case.meeting.isoformat()}" if case.meeting \
            else "no meeting"
        raise UsageError(f"{case_label(owner, case)} is for {at}, not "
                         f"{committee.label}'s meeting on {day.isoformat()}. Change the case's meeting first.")
    return f"{case.committee}/{case.year}/{case.number}"


def _kind(item: Any) -> str | None:
    if not hasattr(item, "get"):
        return None
    return item.get("kind") or ("case" if item.get("case") else None)


def standard_agenda(doc: Any, cases: list[str], previous: Date | None) -> list[str]:
    """Put in the standard items that are missing: approval of the notice first, approval of the previous
    held meeting's minutes next, the meeting's cases, and any other business last. Items already there stay
    where they are. Returns what was added, in words."""
    agenda = _agenda(doc)
    added = []
    if not any(_kind(i) == "approval-of-notice" for i in agenda):
        agenda.insert(0, _map(kind="approval-of-notice"))
        added.append("approval of the notice and agenda")
    if previous is not None and not any(_kind(i) == "approval-of-minutes" for i in agenda):
        agenda.insert(_after_openers(agenda, "approval-of-notice"),
                      _map(kind="approval-of-minutes", meeting=previous))
        added.append(f"approval of the minutes of {previous.isoformat()}")
    for ref in cases:
        if _add_case_item(agenda, ref, None):
            added.append(ref)
    if not any(_kind(i) == "any-other-business" for i in agenda):
        agenda.append(_map(kind="any-other-business"))
        added.append("any other business")
    return added


def add_case(doc: Any, ref: str, presenter: str | None) -> None:
    if not _add_case_item(_agenda(doc), ref, presenter):
        raise UsageError(f"Case {ref} is already on the agenda.")


def add_information(doc: Any, title: str, presenter: str | None) -> None:
    agenda = _agenda(doc)
    if any(_kind(i) == "information" and i.get("title") == title for i in agenda):
        raise UsageError(f"The information item '{title}' is already on the agenda.")
    agenda.insert(_before_closer(agenda), _map(kind="information", title=title, presenter=presenter))


def add_minutes_approval(doc: Any, earlier: Date) -> bool:
    """An approval-of-minutes item for the earlier meeting, after the approval of the notice; False if there."""
    agenda = _agenda(doc)
    if any(_kind(i) == "approval-of-minutes" and _as_date(i.get("meeting")) == earlier for i in agenda):
        return False
    agenda.insert(_after_openers(agenda, "approval-of-notice", "approval-of-minutes"),
                  _map(kind="approval-of-minutes", meeting=earlier))
    return True


def _add_case_item(agenda: Any, ref: str, presenter: str | None) -> bool:
    if any(hasattr(i, "get") and i.get("case") == ref for i in agenda):
        return False
    cases = [n for n, i in enumerate(agenda) if _kind(i) == "case"]
    at = cases[-1] + 1 if cases else _after_openers(agenda, "approval-of-notice", "approval-of-minutes")
    agenda.insert(min(at, _before_closer(agenda)), _map(case=ref, presenter=presenter))
    return True


def _after_openers(agenda: Any, *kinds: str) -> int:
    at = 0
    while at < len(agenda) and _kind(agenda[at]) in kinds:
        at += 1
    return at


def _before_closer(agenda: Any) -> int:
    return len(agenda) - 1 if len(agenda) and _kind(agenda[-1]) == "any-other-business" else len(agenda)


def _agenda(doc: Any) -> Any:
    if doc.get("agenda") is None:
        put(doc, "agenda", _seq([]))
    return doc["agenda"]


# --- minutes -----------------------------------------------------------------------------


def approve_minutes(doc: Any, on: Date, by: str) -> None:
    put(doc, "minutes", _map(status="approved", approved=_map(date=on, by=by)))


# --- the committee's list ----------------------------------------------------------------


def remove_entry(entries: Any, index: int) -> None:
    """Take an entry out of a list; the comment lines above and below it stay in the file (above the entry
    that now follows, or below the one before)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    own = entries.ca.items.get(index)
    above = "".join(t.value for t in (own[1] or []) if isinstance(t, CommentToken)) if own and len(own) > 1 else ""
    slot, at = _trailing_slot(entries, index)
    token = slot[at]
    below = token.value.split("\n", 1)[1] if isinstance(token, CommentToken) and "\n" in token.value else ""
    lines = [line.strip() for line in (above + "\n" + below).splitlines() if line.strip()]
    del entries[index]
    if not lines:
        return
    tokens = [CommentToken(line + "\n", CommentMark(2)) for line in lines]
    if index < len(entries):  # above the entry that took its place
        following = entries.ca.items.setdefault(index, [None, None, None, None])
        following[1] = tokens + list(following[1] or [])
    elif index > 0:  # below the entry before it
        before, place = _trailing_slot(entries, index - 1)
        old = before[place]
        text = old.value if isinstance(old, CommentToken) else "\n"
        mark = old.start_mark if isinstance(old, CommentToken) else CommentMark(0)
        before[place] = CommentToken((text if text.endswith("\n") else text + "\n")
                                     + "".join("  " + line + "\n" for line in lines), mark)
    else:  # the list is empty now
        entries.ca.comment = [None, tokens]


def entry_comments(entries: Any, index: int) -> dict[str, str]:
    """The end-of-line comments of a list entry, by key (one written after a {...} entry goes with its date)."""
    from ruamel.yaml.tokens import CommentToken

    def first_line(token: Any) -> str | None:
        line = token.value.split("\n", 1)[0].strip() if isinstance(token, CommentToken) else ""
        return line if line.startswith("#") else None

    item = entries[index]
    if getattr(item, "fa", None) is not None and item.fa.flow_style():
        slot = entries.ca.items.get(index)
        line = first_line(slot[0]) if slot else None
        return {"date": line} if line else {}
    return {key: line for key, slot in item.ca.items.items() if len(slot) > 2 and (line := first_line(slot[2]))}


def _trailing_slot(entries: Any, index: int) -> tuple[list, int]:
    """Where the comment after a list entry is kept: at its last key (a block mapping) or at the entry."""
    item = entries[index]
    if getattr(item, "fa", None) is not None and not item.fa.flow_style() and len(item):
        return item.ca.items.setdefault(list(item)[-1], [None, None, None, None]), 2
    return entries.ca.items.setdefault(index, [None, None, None, None]), 0


# --- plain building blocks ---------------------------------------------------------------


def _map(**values: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap

    out = CommentedMap()
    for key, value in values.items():
        if value is not None:
            out[key] = value
    return out


def _seq(items: list) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq(items)


def _section(doc: Any, key: str) -> Any:
    if not hasattr(doc.get(key), "get"):
        put(doc, key, _map())
    return doc[key]


def _reorder(mapping: Any, order: tuple[str, ...]) -> None:
    """Move the keys named in ``order`` into that order (only keys this module writes; comments on them move too)."""
    keys = [k for k in order if k in mapping]
    if [k for k in mapping if k in order] == keys:
        return
    for key in keys:
        value = mapping.pop(key)
        mapping[key] = value
