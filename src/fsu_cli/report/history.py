"""``fsu history``: the data's history from git, as a story in the data's own dates and as the record of
who changed which field in which commit; in text, Markdown, JSON or Noark 5's endringslogg.

The git layer gives each commit's changed files; this module parses both versions of each and asks the
domain which fields differ, following a renamed file as the same record.
"""

from __future__ import annotations

import difflib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fsu_cli.domain.history import (
    FieldChange,
    case_story,
    committee_story,
    field_changes,
    mentions,
    people,
    person_story,
    record_of,
)
from fsu_cli.errors import UsageError
from fsu_cli.store.git import DataLog, FileChange, Recorded
from fsu_cli.store.paths import classify
from fsu_cli.store.yamlio import YamlProblem, load

# referanseArkivenhet is a Noark systemID (a UUID): version 5 of this namespace and the record's reference.
NAMESPACE = uuid.UUID("6f1c0b8e-6a63-5d2b-9a8e-0c7d2f1e4b10")


@dataclass(frozen=True, slots=True)
class Entry:
    """One field change and the commit that recorded it."""

    commit: Recorded
    change: FieldChange
    committee: str | None  # the committee the record belongs to
    paths: tuple[str, ...]  # the file's path before and after


@dataclass
class Log:
    """Every field change in the history, oldest first, and the data as HEAD has it, by record."""

    entries: list[Entry] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)  # record → parsed data at HEAD
    committees: dict[str, str] = field(default_factory=dict)  # record → its committee
    ever: set[str] = field(default_factory=set)  # every record that ever was
    people: set[str] = field(default_factory=set)  # every member or office holder that ever was
    shallow: bool = False
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (commit id, path) that did not parse


def read_log(root: Path) -> Log:
    log, data_log = Log(), DataLog(root)
    for commit, files in data_log:
        for file in files:
            _add(log, commit, file)
    log.shallow = data_log.shallow
    return log


def _add(log: Log, commit: Recorded, file: FileChange) -> None:
    old_kind, new_kind = classify(file.old_path or ""), classify(file.new_path or "")
    if old_kind is None or new_kind is None:  # moved in from, or out to, a place fsu does not read
        file = FileChange(file.old_path if old_kind else None, file.new_path if new_kind else None,
                          file.old if old_kind else None, file.new if new_kind else None)
    new = _parse(file.new)
    if file.new is not None and new is None:  # a version that does not parse: wait for one that does
        log.unreadable.append((commit.id, file.new_path))
        return
    old = _parse(file.old)
    old_record = record_of(old_kind, file.old_path, old) if file.old_path else None
    if old is None and old_record:  # the version before did not parse: the last one that did
        old = log.state.get(old_record)
    record = record_of(new_kind, file.new_path, new) if file.new_path else old_record
    committee = _committee_of(new_kind or old_kind, new if new is not None else old) or log.committees.get(
        old_record or "")
    for change in field_changes(record, old, new):
        log.entries.append(Entry(commit, change, committee, (file.old_path or "", file.new_path or "")))
    if old_record and old_record != record:
        log.state.pop(old_record, None)
    if new is None:
        log.state.pop(record, None)
    else:
        log.state[record] = new
        log.people |= people(new) if new_kind == "committee" else set()
    log.ever.add(record)
    if committee:
        log.committees[record] = committee


def _parse(content: bytes | None) -> Any:
    if content is None:
        return None
    try:
        return load(content.decode("utf-8-sig"))
    except (YamlProblem, UnicodeDecodeError, ValueError):
        return None


def _committee_of(kind: str | None, data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if kind == "committee":
        return str(data.get("id")) if data.get("id") else None
    if kind in ("mandate", "case", "meeting", "report"):
        return str(data["committee"]) if data.get("committee") else None
    return None


# --- choosing what to show ----------------------------------------------------------------------------------


@dataclass
class View:
    title: str
    story: list
    entries: list[Entry]
    shallow: bool


def committee_view(log: Log, name: str) -> View:
    cid = _committee_id(log, name)
    data = log.state.get(f"committee {cid}") or {}
    mandates = [d for r, d in log.state.items() if r.startswith("mandate ") and log.committees.get(r) == cid]
    meetings = [d for r, d in log.state.items() if r.startswith("meeting ") and log.committees.get(r) == cid]
    title = f"{data.get('short_name') or cid} – {data['name']}" if data.get("name") else cid
    story = committee_story(data, mandates, meetings)
    return View(title, story, [e for e in log.entries if e.committee == cid], log.shallow)


def person_view(log: Log, name: str) -> View:
    known = {p.casefold(): p for p in log.people}
    if name.casefold() not in known:
        raise UsageError(f"Nobody called '{name}' was ever a member of a committee in this history."
                         f"{_did_you_mean(name, sorted(log.people))}")
    person = known[name.casefold()]
    committees = {r.split(" ", 1)[1]: d for r, d in log.state.items() if r.startswith("committee ")}
    entries = [item for e in log.entries for item in _itemised(e) if mentions(item.change, person)]
    return View(person, person_story(person, committees), entries, log.shallow)


def _itemised(entry: Entry) -> list[Entry]:
    """A record created or removed as the fields it held, so a person's membership in it shows by itself."""
    change = entry.change
    if change.field or not isinstance(change.old or change.new, dict):
        return [entry]
    held = change.old if change.new is None else change.new
    empty = {key: [] for key, value in held.items() if isinstance(value, list)}  # lists item by item
    old, new = (held, empty) if change.new is None else (empty, held)
    return [Entry(entry.commit, item, entry.committee, entry.paths) for item in field_changes(change.record, old, new)]


def case_view(log: Log, ref: str) -> View:
    record = f"case {_normal_ref(ref)}"
    cases = sorted(r.split(" ", 1)[1] for r in log.ever if r.startswith("case "))
    if record not in log.ever:
        raise UsageError(f"There was never a case '{ref}' in this history (name a case as committee/year/number, "
                         f"e.g. ssu/2024/3).{_did_you_mean(ref, cases)}")
    data = log.state.get(record)
    title = f"{record.split(' ', 1)[1]}" + (f": {data['title']}" if isinstance(data, dict) and data.get("title")
                                           else " (removed)" if data is None else "")
    story = case_story(data) if isinstance(data, dict) else []
    return View(title, story, [e for e in log.entries if e.change.record == record], log.shallow)


def path_view(log: Log, path: str) -> View:
    wanted = path.removeprefix("./")
    records = {e.change.record for e in log.entries if wanted in e.paths}
    if not records:
        raise UsageError(f"The file {path} was never changed in this history (paths are relative to the folder "
                         "with fsu.yaml, e.g. data/committees/ssu.yaml).")
    return View(wanted, [], [e for e in log.entries if e.change.record in records], log.shallow)


def _committee_id(log: Log, name: str) -> str:
    ids = {r.split(" ", 1)[1] for r in log.ever if r.startswith("committee ")}
    by_name = {cid.casefold(): cid for cid in ids}
    for record, data in log.state.items():
        if record.startswith("committee ") and isinstance(data, dict) and data.get("short_name"):
            by_name.setdefault(str(data["short_name"]).casefold(), record.split(" ", 1)[1])
    if name.casefold() in by_name:
        return by_name[name.casefold()]
    raise UsageError(f"There was never a committee '{name}' in this history.{_did_you_mean(name, sorted(ids))}")


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f" Did you mean '{close[0]}'?"
    return f" Known: {', '.join(known)}." if 0 < len(known) <= 12 else ""


def _normal_ref(ref: str) -> str:
    parts = ref.strip().split("/")
    if len(parts) == 3 and parts[2].isdigit():
        parts[2] = str(int(parts[2]))
    return "/".join(parts)


# --- the formats ----------------------------------------------------------------------------------------------


def value_text(value: Any) -> str:
    """A value on one line: scalars as they are, lists and mappings as compact YAML-like text."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {value_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v) for v in value) + "]"
    return " ".join(str(value).split())


def _what(change: FieldChange) -> str:
    if not change.field:
        return f"{change.record}: {'created' if change.old is None else 'removed'}"
    return f"{change.record}  {change.field}: {value_text(change.old)} → {value_text(change.new)}"


def _when(commit: Recorded) -> str:
    return commit.date[:16].replace("T", " ")


def _by_commit(entries: list[Entry]) -> list[tuple[Recorded, list[Entry]]]:
    grouped: dict[str, tuple[Recorded, list[Entry]]] = {}
    for entry in entries:
        grouped.setdefault(entry.commit.id, (entry.commit, []))[1].append(entry)
    return list(grouped.values())


def as_text(view: View) -> str:
    lines = [view.title, "", "Story"]
    lines += [f"  {event.date}  {event.text}" for event in view.story] or ["  (nothing dated in the data)"]
    lines += ["", "Record"]
    for commit, entries in _by_commit(view.entries):
        lines.append(f"  {_when(commit)}  {commit.id[:10]}  {commit.author}: {commit.message}")
        lines += [f"    {_what(entry.change)}" for entry in entries]
    if not view.entries:
        lines.append("  (no changes recorded)")
    return "\n".join(lines) + "\n"


def as_markdown(view: View) -> str:
    lines = [f"# {_md(view.title)}", "", "## Story", ""]
    lines += [f"- {event.date}: {_md(event.text)}" for event in view.story] or ["(nothing dated in the data)"]
    lines += ["", "## Record", "", "| date | commit | author | message | record | field | old | new |",
              "|---|---|---|---|---|---|---|---|"]
    for entry in view.entries:
        c, ch = entry.commit, entry.change
        old, new = ((("–", "created") if ch.old is None else ("removed", "–")) if not ch.field
                    else (value_text(ch.old), value_text(ch.new)))
        lines.append(f"| {_when(c)} | `{c.id[:10]}` | {_md(c.author)} | {_md(c.message)} | {_md(ch.record)} | "
                     f"{_md(ch.field or '(record)')} | {_md(old)} | {_md(new)} |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def as_json(view: View) -> str:
    document = {
        "version": 1,
        "title": view.title,
        "shallow": view.shallow,
        "story": [{"date": event.date, "text": event.text} for event in view.story],
        "changes": [{"commit": {"id": e.commit.id, "date": e.commit.date, "author": e.commit.author,
                                "committer": e.commit.committer, "message": e.commit.message},
                     "record": e.change.record, "field": e.change.field, "old": e.change.old,
                     "new": e.change.new, "path": e.paths[1] or e.paths[0]}
                    for e in view.entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


ENDRINGSLOGG = "http://www.arkivverket.no/standarder/noark5/endringslogg"
NO_VALUE = "(ingen verdi)"  # tidligereVerdi and nyVerdi must hold text: what stands for a value not there


def system_id(record: str) -> str:
    return str(uuid.uuid5(NAMESPACE, record))


def as_endringslogg(view: View) -> bytes:
    """Noark 5 endringslogg (v5.0): one endring per field change."""
    from lxml import etree

    root = etree.Element(f"{{{ENDRINGSLOGG}}}endringslogg", nsmap={None: ENDRINGSLOGG})
    for entry in view.entries:
        change = etree.SubElement(root, f"{{{ENDRINGSLOGG}}}endring")
        for name, text in (("referanseArkivenhet", system_id(entry.change.record)),
                           ("referanseMetadata", entry.change.field or "*"),
                           ("endretDato", entry.commit.date),
                           ("endretAv", entry.commit.author or entry.commit.committer or "ukjent"),
                           ("tidligereVerdi", _xml_value(entry.change.old)),
                           ("nyVerdi", _xml_value(entry.change.new))):
            etree.SubElement(change, f"{{{ENDRINGSLOGG}}}{name}").text = _xml_text(text)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _xml_value(value: Any) -> str:
    if value is None:
        return NO_VALUE
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = value_text(value) if isinstance(value, bool) else str(value)
    return _xml_text(text) or NO_VALUE


def _xml_text(text: str) -> str:
    """XML 1.0 takes no control characters but tab and line ends: each becomes U+FFFD, visibly."""
    return "".join(c if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff") else "\ufffd" for c in text)
