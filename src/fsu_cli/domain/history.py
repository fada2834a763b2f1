"""The history of the data, field by field, and the story it tells in the data's own dates.

Works on parsed YAML (plain dicts, lists and scalars), never on lines, so a commit that only
re-indents, re-quotes or reorders keys changes nothing. List items are matched by their natural
key (a member by name, a term by start and role, a meeting by date, an attachment by title), so
reordering a list changes nothing either, and a change names the item it touched:
``members[Kari Holm].end_date``.
"""

from __future__ import annotations

from collections import Counter

from dataclasses import dataclass
from typing import Any

# A list's items are matched by the first of these fields every item has; leadership by two.
_KEYS = ("id", "name", "date", "title", "heading", "code", "what", "case", "side", "kind")
_PAIRED = {"leadership": ("start_date", "role")}
_NONE = object()  # a field that is not there, apart from a field that holds null


@dataclass(frozen=True, slots=True)
class FieldChange:
    record: str  # "committee ssu", "mandate ssu-2024", "case ssu/2024/3", "meeting ssu/2026-11-26", …
    field: str  # "members[Kari Holm].end_date"; "" for the whole record
    old: Any  # None: not there before
    new: Any  # None: not there after


def record_of(kind: str | None, path: str, data: Any) -> str:
    """The record a file holds, by its id or reference (from the content, else from the file's name)."""
    data = data if isinstance(data, dict) else {}
    parts = path.removesuffix(".yaml").split("/")
    if kind == "config":
        return "community"
    if kind == "case":
        committee, year, number = (data.get("committee"), data.get("year"), data.get("number"))
        if committee and year and number is not None:
            return f"case {committee}/{year}/{int(number) if str(number).isdigit() else number}"
        return f"case {parts[-3]}/{parts[-2]}/{int(parts[-1]) if parts[-1].isdigit() else parts[-1]}"
    if kind == "meeting":
        return f"meeting {data.get('committee') or parts[-2]}/{data.get('date') or parts[-1]}"
    if kind == "report":
        return f"report {data.get('committee') or parts[-2]}/{data.get('year') or parts[-1]}"
    return f"{kind} {data.get('id') or parts[-1]}"


def field_changes(record: str, old: Any, new: Any) -> list[FieldChange]:
    """Every field that differs between two parsed versions of one record (None: the record is not there)."""
    if old is None or new is None:
        return [] if old is new else [FieldChange(record, "", old, new)]
    return [FieldChange(record, path, a, b) for path, a, b in _diff("", old, new)]


def _diff(path: str, old: Any, new: Any):
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            yield from _pair(_join(path, str(key)), old.get(key, _NONE), new.get(key, _NONE))
    elif isinstance(old, list) and isinstance(new, list) and _keyed(path, old + new):
        before, after = _by_key(path, old, new)
        for key in list(before) + [k for k in after if k not in before]:
            yield from _pair(f"{path}[{key}]", before.get(key, _NONE), after.get(key, _NONE))
    elif old != new:
        yield path, old, new


def _pair(path: str, old: Any, new: Any):
    if old is _NONE or new is _NONE:
        yield path, None if old is _NONE else old, None if new is _NONE else new
    else:
        yield from _diff(path, old, new)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _field(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


def _key_fields(path: str, items: list) -> tuple[str, ...] | None:
    paired = _PAIRED.get(_field(path))
    if paired and all(all(k in item for k in paired) for item in items):
        return paired
    return next(((k,) for k in _KEYS if all(item.get(k) is not None for item in items)), None)


def _keyed(path: str, items: list) -> bool:
    return bool(items) and all(isinstance(item, dict) for item in items) and _key_fields(path, items) is not None


def _by_key(path: str, old: list, new: list) -> tuple[dict, dict]:
    """Both lists' items by their natural key; a key that repeats (a member appointed twice) adds the start."""
    fields = _key_fields(path, old + new)

    def plain(item: dict) -> str:
        return " ".join(str(item[k]) for k in fields)

    repeated = set()
    for items in (old, new):  # counted once per list: a list of thousands of cases stays linear
        counts = Counter(plain(item) for item in items)
        repeated |= {text for text, count in counts.items() if count > 1}

    def key(item: dict, seen: dict) -> str:
        text = plain(item)
        if text in repeated:
            text = f"{text} {item.get('start_date') or item.get('date') or ''}".rstrip()
        seen[text] = seen.get(text, 0) + 1
        return text if seen[text] == 1 else f"{text} #{seen[text]}"

    def index(items: list) -> dict:
        seen: dict = {}
        return {key(item, seen): item for item in items}

    return index(old), index(new)


def mentions(change: FieldChange, name: str) -> bool:
    """Whether a change is about a person (by name, letter case forgiven)."""
    wanted, path = name.casefold(), change.field.casefold()
    return f"[{wanted}]" in path or f"[{wanted} " in path or any(_names(value, wanted) for value in (change.old,
                                                                                              change.new))


def _names(value: Any, wanted: str) -> bool:
    if isinstance(value, dict):
        return str(value.get("name", "")).casefold() == wanted or str(value.get("for", "")).casefold() == wanted
    if isinstance(value, list):
        return any(_names(item, wanted) for item in value)
    return isinstance(value, str) and value.casefold() == wanted


def people(data: Any) -> set[str]:
    """The names of a committee's members and office holders."""
    if not isinstance(data, dict):
        return set()
    return {str(item["name"]) for key in ("members", "leadership") for item in data.get(key) or []
            if isinstance(item, dict) and item.get("name")}


# --- the story, in the data's own dates ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event:
    date: str  # YYYY-MM-DD, from the data
    text: str


def committee_story(committee: dict, mandates: list[dict], meetings: list[dict]) -> list[Event]:
    """Founded and dissolved, who joined and left, leadership terms, mandate versions, meetings."""
    events = [Event(str(committee[k]), text) for k, text in (("founded", "founded"), ("dissolved", "dissolved"))
              if committee.get(k)]
    for member in _dicts(committee.get("members")):
        events += _membership(member, str(member.get("name")))
    for term in _dicts(committee.get("leadership")):
        events += _office(term, str(term.get("name")))
    for mandate in mandates:
        events += _mandate(mandate)
    every = [m for m in _dicts(committee.get("meetings"))] + meetings
    events += [Event(str(m["date"]), f"meeting {m.get('status') or 'planned'}") for m in every if m.get("date")]
    return sorted(events, key=lambda e: e.date)


def person_story(name: str, committees: dict[str, dict]) -> list[Event]:
    """Each committee's memberships and offices of one person (letter case forgiven)."""
    wanted, events = name.casefold(), []
    for cid, committee in sorted(committees.items()):
        label = committee.get("short_name") or cid
        for member in _dicts(committee.get("members")):
            if str(member.get("name", "")).casefold() == wanted:
                events += _membership(member, f"{label}:")
        for term in _dicts(committee.get("leadership")):
            if str(term.get("name", "")).casefold() == wanted:
                events += _office(term, f"{label}:")
    return sorted(events, key=lambda e: e.date)


def case_story(case: dict) -> list[Event]:
    """The case paper's date, its meeting, where it came from, its decision and the decision's follow-up."""
    events = []
    if case.get("date"):
        events.append(Event(str(case["date"]), f"case paper dated: {case.get('title', '')}".rstrip(": ")))
    if case.get("meeting"):
        events.append(Event(str(case["meeting"]), "on the agenda of the meeting"))
    if case.get("referred_from") and (case.get("date") or case.get("meeting")):
        events.append(Event(str(case.get("date") or case["meeting"]), f"referred from {case['referred_from']}"))
    decision = case.get("decision") if isinstance(case.get("decision"), dict) else {}
    if decision.get("date") or decision.get("outcome"):
        events.append(Event(str(decision.get("date") or case.get("meeting") or ""),
                            f"decided: {decision.get('outcome', 'no outcome')}"))
    for item in _dicts(decision.get("follow_up")):
        if item.get("due"):
            events.append(Event(str(item["due"]), f"follow-up due: {item.get('what', '')}"))
        if item.get("done"):
            events.append(Event(str(item["done"]), f"follow-up {item.get('status', 'done')}: {item.get('what', '')}"))
    return sorted(events, key=lambda e: e.date)


def _dicts(value: Any) -> list[dict]:
    return [item for item in value or [] if isinstance(item, dict)] if isinstance(value, list) else []


def _membership(member: dict, who: str) -> list[Event]:
    role = member.get("role") or "member"
    joined = f"{who} joined as {role}" + (f" ({member['organization']})" if member.get("organization") else "")
    events = [Event(str(member["start_date"]), joined)] if member.get("start_date") else []
    if member.get("end_date"):
        events.append(Event(str(member["end_date"]), f"{who} left as {role}"))
    return events


def _office(term: dict, who: str) -> list[Event]:
    role = {"leader": "leader", "deputy": "deputy"}.get(str(term.get("role")), str(term.get("role")))
    until = f" until {term['end_date']}" if term.get("end_date") else ""
    return [Event(str(term["start_date"]), f"{who} {role}{until}")] if term.get("start_date") else []


def _mandate(mandate: dict) -> list[Event]:
    mid, events = mandate.get("id", "?"), []
    approved = mandate.get("approved") if isinstance(mandate.get("approved"), dict) else {}
    if approved.get("date"):
        by = f" by {approved['by']}" if approved.get("by") else ""
        case = f" in {approved['case']}" if approved.get("case") else ""
        events.append(Event(str(approved["date"]), f"mandate {mid} approved{by}{case}"))
    if mandate.get("valid_from"):
        draft = " (draft)" if mandate.get("status") == "draft" else ""
        events.append(Event(str(mandate["valid_from"]), f"mandate {mid}{draft} valid from"))
    if mandate.get("valid_until"):
        events.append(Event(str(mandate["valid_until"]), f"mandate {mid} valid until"))
    return events
