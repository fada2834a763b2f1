"""Changes to the data made by commands, safely.

Every change is made with the round-trip loader (comments, key order, quoting and
blank lines stay), checked against the whole repository before anything is
written, and refused if it would add errors. Files are written atomically, only
inside the repository, in the byte-order mark and line endings they had; a new
case file is created exclusively, so two runs at once cannot take one number.
(The commands hold the repository's lock around read, check and write.)
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fsu_cli.check.catalogue import Context
from fsu_cli.check.findings import Finding
from fsu_cli.check.rules.casework import SKELETON_BACKGROUND, SKELETON_PROPOSAL
from fsu_cli.check.validate import place_in, validate_change
from fsu_cli.domain.records import Date
from fsu_cli.errors import UsageError
from fsu_cli.store import yamlio
from fsu_cli.store.files import DEFAULT_MAX_BYTES, create_exclusively, read_bytes, write_atomically
from fsu_cli.store.paths import is_id, target_inside


class EditRefused(Exception):
    """The change would add errors; nothing was written."""

    def __init__(self, findings: list[Finding]):
        super().__init__(f"{len(findings)} error(s)")
        self.findings = findings


@dataclass(slots=True)
class Change:
    rel: str  # the file, relative to the root
    text: str  # its new content
    new: bool = False  # a file that must not exist yet


def check_changes(root: Path, changes: list[Change], context: Context) -> list[Finding]:
    """Raise ``EditRefused`` when the changes add errors (that no case's deviation accepts); else return the
    warnings they add, to be shown (warnings never block a change).

    Findings are compared by identity, as ``fsu validate --staged`` compares them, so a
    finding that only changes its wording ("0 members" becoming "1 member") is not new.
    """
    overlay = {c.rel: c.text.encode("utf-8") for c in changes}
    result = validate_change(root, context, None, overlay)
    place_in(root, result.introduced, {c.rel: c.text for c in changes})  # at their lines in the changed text
    added = [f for f in result.introduced if f.fails]
    if added:
        raise EditRefused(added)
    return [f for f in result.introduced if not f.accepted_by]


def write_changes(root: Path, changes: list[Change]) -> None:
    for change in changes:
        path = target_inside(root, change.rel)
        if change.new:
            create_exclusively(path, change.text.encode("utf-8"))
        else:
            write_atomically(path, in_style_of(_read(path, change.rel), change.text), force=True)


def in_style_of(original: bytes, text: str) -> bytes:
    """The text as bytes with the original's byte-order mark and line endings (CRLF or LF), so that
    an edit in a file saved on Windows changes only the lines it changes."""
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    if original.count(b"\r\n") * 2 > original.count(b"\n"):  # mostly CRLF
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return bom + text.encode("utf-8")


def read_document(root: Path, rel: str) -> Any:
    """The file for editing; read with LF line endings (the round trip misplaces comments ending in CR),
    which ``in_style_of`` turns back into the file's own when it is written."""
    try:
        return yamlio.load_roundtrip(yamlio.decode(_read(target_inside(root, rel), rel)).replace("\r\n", "\n"))
    except yamlio.YamlProblem as problem:
        raise UsageError(f"{rel}:{problem.line}:{problem.column}: {problem.message} Fix the file first "
                         "(fsu validate shows every problem).") from None
    except yamlio.NotUtf8:
        raise UsageError(f"{rel} is not UTF-8 text. Fix the file first (fsu validate shows where).") from None


# The largest file fsu.yaml may let fsu read (limits.max_file_kb).
_LARGEST = 1024 * DEFAULT_MAX_BYTES


def _read(path: Path, rel: str) -> bytes:
    raw = read_bytes(path, _LARGEST)
    if raw is None:
        raise UsageError(f"{rel} does not exist or cannot be read.")
    if len(raw) > _LARGEST:
        raise UsageError(f"{rel} is too large to edit.")
    return raw


def parse_day(text: str, what: str) -> Date:
    try:
        if len(text) == 10:
            return Date.fromisoformat(text)
    except ValueError:
        pass
    raise UsageError(f"{what} must be a real date written YYYY-MM-DD (got '{text}').")


def literal(text: str, block: bool = False) -> Any:
    """Multi-line (or ``block``) text as a YAML block (|), short single lines as they are."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    text = text.strip("\n")
    return LiteralScalarString(text + "\n") if block or "\n" in text or len(text) > 70 else text


# --- the changes commands make -------------------------------------------------------------


def case_rel(root: Path, committee_id: str, year: int, number: int) -> str:
    """The new case file's path relative to the root: data/cases/<committee>/<year>/<number>.yaml."""
    return f"data/cases/{committee_id}/{year}/{case_file_name(root, committee_id, number)}"


def next_case_number(root: Path, committee_id: str, year: int) -> int:
    """One more than the highest number used, by any case file of that committee and year."""
    folder = _cases_of(root, committee_id) / str(year)
    used = [int(p.stem) for p in folder.glob("*.yaml") if p.stem.isdigit()] if folder.is_dir() else []
    return max(used, default=0) + 1


def case_file_name(root: Path, committee_id: str, number: int) -> str:
    """The file name for a case number, in the style the committee's case files already use.

    Zero-padded to two digits ('07.yaml') unless the committee's files are written
    without padding ('7.yaml').
    """
    folder = _cases_of(root, committee_id)
    stems = [p.stem for p in folder.glob("*/*.yaml") if p.stem.isdigit()] if folder.is_dir() else []
    unpadded = any(len(stem) == 1 for stem in stems)
    padded = any(len(stem) >= 2 and stem.startswith("0") for stem in stems)
    return f"{number}.yaml" if unpadded and not padded else f"{number:02d}.yaml"


def _cases_of(root: Path, committee_id: str) -> Path:
    """The committee's case folder; only an id of the schemas' form is made part of a path."""
    if not is_id(committee_id):
        raise UsageError(f"The committee's id {committee_id!r} is not of the form the schema allows (small letters, "
                         "digits and '-'), so fsu will not make a file path of it. Fix the id first "
                         "(fsu validate shows where).")
    return target_inside(root, f"data/cases/{committee_id}")


def case_text(committee_id: str, year: int, number: int, meeting: Date, title: str, kind: str,
              officer: str | None, exemption: dict | None = None, reports_for: list[str] | None = None,
              evaluates: list[str] | None = None, referral: dict | None = None,
              archive_ref: str | None = None, paper_date: Date | None = None) -> str:
    """A new case file with a commented skeleton; an exempt case gets its ``exemption`` (basis and public
    title), a case that handles a committee's report or evaluation ``reports_for`` or ``evaluates``."""
    from ruamel.yaml.comments import CommentedMap

    doc = CommentedMap()
    doc["committee"] = committee_id
    doc["year"] = year
    doc["number"] = number
    doc["meeting"] = meeting
    doc["title"] = title
    doc["kind"] = kind
    doc.yaml_add_eol_comment("information (til orientering) | discussion (til drøfting) | decision (til beslutning)",
                             "kind")
    if officer:
        doc["case_officer"] = officer
    if paper_date:
        doc["date"] = paper_date
        doc.yaml_add_eol_comment("the case paper's date (Dato)", "date")
    if archive_ref:
        doc["archive_ref"] = archive_ref
    if referral:
        doc["referred_from"] = referral["ref"]
        doc.yaml_add_eol_comment("the case that sent this one on; its decision is shown as its recommendation",
                                 "referred_from")
    if exemption:
        doc["exemption"] = CommentedMap(basis=exemption["basis"], public_title=exemption["public_title"])
    for key, ids in (("reports_for", reports_for), ("evaluates", evaluates)):
        if ids:
            doc[key] = ids[0] if len(ids) == 1 else list(ids)
    doc["attachments"] = []
    if referral:
        doc["attachments"].append(CommentedMap(title=referral["attachment"], printed=False, case=referral["ref"]))
    doc.yaml_add_eol_comment("- {title: ..., printed: true}   printed: true = Vedlegg (t), false = Vedlegg (ikke t)",
                             "attachments")
    if kind == "decision":
        proposal = CommentedMap()
        proposal["kind"] = "consensus"
        proposal.yaml_add_eol_comment("consensus (Innstilling til konsensus) | decision (Forslag til vedtak)", "kind")
        proposal["text"] = literal(SKELETON_PROPOSAL, block=True)
        doc["proposal"] = proposal
    doc["background"] = literal(SKELETON_BACKGROUND, block=True)
    text = yamlio.dump_roundtrip(doc)
    return (
        "# Ny sak. Fyll ut bakgrunn" + (" og innstilling" if kind == "decision" else "")
        + "; legg til vurderinger (assessments) ved behov.\n" + text
    )


def add_meeting(doc: Any, day: Date, status: str, location: str | None, time: str | None) -> None:
    meetings = _list(doc, "meetings")
    dates = [_as_date(m.get("date")) for m in meetings if hasattr(m, "get")]
    if day in dates:
        raise UsageError(f"There is already a meeting on {day.isoformat()}.")
    position = sum(1 for d in dates if d is not None and d < day)
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    # quoted: in a list written {date: ..., time: 09:00-12:00} the colons would break the line
    entry = _entry(meetings, date=day, status=status, time=DoubleQuotedScalarString(time) if time else None,
                   location=location or None)
    _insert(meetings, position, entry)


def _list(doc: Any, key: str) -> Any:
    """The document's list under ``key``, created empty if it is missing."""
    from ruamel.yaml.comments import CommentedSeq

    if doc.get(key) is None:
        doc[key] = CommentedSeq()
    return doc[key]


def _entry(entries: Any, keep_none: tuple[str, ...] = (), **values: Any) -> Any:
    """A new list entry in the given key order, leaving out empty optional values, styled like its neighbours."""
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap()
    for key, value in values.items():
        if value is not None or key in keep_none:
            entry[key] = value
    _styled_like(entries, entry)
    return entry


def _insert(entries: Any, position: int, entry: Any) -> None:
    """Insert the entry; one put last takes over the comment lines that followed the old last entry
    (they are about what comes next in the file, and stay just above it)."""
    if position == len(entries) and position:
        _move_trailing_comment(entries[-1], entry)
    entries.insert(position, entry)


def _move_trailing_comment(old: Any, new: Any) -> None:
    """Move the lines after ``old`` (a block mapping) to after ``new``; ``old`` keeps its end-of-line comment."""
    from ruamel.yaml.tokens import CommentToken

    slot = old.ca.items.get(list(old)[-1]) if hasattr(old, "ca") and len(old) else None
    token = slot[2] if slot and len(slot) > 2 else None
    if not isinstance(token, CommentToken) or "\n" not in token.value or not len(new):
        return
    own, rest = token.value.split("\n", 1)
    if not rest:
        return
    slot[2] = CommentToken(own + "\n", token.start_mark) if own.strip() else None
    new.ca.items[list(new)[-1]] = [None, None, CommentToken("\n" + rest, token.start_mark), None]


def _styled_like(entries: Any, entry: Any) -> None:
    """A new list entry written the way its neighbours are: on one line ({...}) if they are."""
    last = entries[-1] if len(entries) else None
    if getattr(last, "fa", None) is not None and last.fa.flow_style():
        entry.fa.set_flow_style()


def _as_date(value: Any) -> Date | None:
    if isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(str(value))
    except ValueError:
        return None


def add_member(doc: Any, name: str, organization: str, start: Date, title: str | None, email: str | None,
               end: Date | None = None, role: str | None = None, appointed_by: str | None = None) -> None:
    """Add a membership; ``role`` other than member (substitute, observer) and ``appointed_by`` (the side
    that appointed the seat) are written only when given."""
    if end is not None and end < start:
        raise UsageError(f"The end date {end.isoformat()} is before the start date {start.isoformat()}.")
    members = _list(doc, "members")
    for member in members:
        if hasattr(member, "get") and member.get("name") == name and member.get("end_date") in (None, ""):
            raise UsageError(f"{name} is already a member (with no end date).")
    _insert(members, len(members), _entry(members, ("end_date",), name=name, organization=organization,
                                          role=role if role and role != "member" else None,
                                          appointed_by=appointed_by or None, title=title or None,
                                          email=email or None, start_date=start, end_date=end))


def end_member(doc: Any, name: str, day: Date) -> None:
    open_entries = [m for m in doc.get("members") or [] if hasattr(m, "get") and m.get("name") == name
                    and m.get("end_date") in (None, "")]
    if not open_entries:
        members = [m for m in doc.get("members") or [] if hasattr(m, "get")]
        current = sorted({str(m.get("name")) for m in members if m.get("end_date") in (None, "")})
        if any(m.get("name") == name for m in members):
            raise UsageError(f"{name}'s membership has already ended (see end_date in the file). "
                             f"Current members: {', '.join(current) or 'none'}.")
        raise UsageError(f"There is no current member named '{name}'. Current members: "
                         f"{', '.join(current) or 'none'}.")
    open_entries[-1]["end_date"] = day


def add_terms(doc: Any, leader: str, deputy: str | None, start: Date, end: Date | None) -> None:
    leadership = _list(doc, "leadership")
    for role, name in (("leader", leader), ("deputy", deputy)):
        if name:
            _insert(leadership, len(leadership), _entry(leadership, ("end_date",), role=role, name=name,
                                                        start_date=start, end_date=end))


def set_decision(doc: Any, day: Date, outcome: str, text: str | None, replace: bool,
                 follow_up: list[tuple[str, str | None, Date | None]] = ()) -> None:
    """Record the decision; a decision replaced keeps the follow-up already recorded, and ``follow_up``
    (what, who, due) is added to it."""
    from ruamel.yaml.comments import CommentedMap

    old = doc.get("decision")
    if old and not replace:
        raise UsageError("The case already has a decision. Use --force to replace it.")
    decision = CommentedMap()
    decision["date"] = day
    decision["outcome"] = outcome
    if text:
        decision["text"] = literal(text)
    if hasattr(old, "get") and old.get("follow_up"):
        decision["follow_up"] = old["follow_up"]
    doc["decision"] = decision
    for what, responsible, due in follow_up:
        items = _list(decision, "follow_up")
        _insert(items, len(items), _entry(items, what=what, responsible=responsible, due=due, status="open"))


FOLLOW_UP_STATUSES = ("open", "in-progress", "done", "dropped")


def parse_follow_up(text: str) -> tuple[str, str | None, Date | None]:
    """'what; responsible; due' (the last two may be left out) as a follow-up item's parts."""
    parts = [part.strip() for part in text.split(";")]
    if not parts[0] or len(parts) > 3:
        raise UsageError(f"--follow-up '{text}': write what is to be done, then who is responsible and the due "
                         "date, separated by ';', e.g. 'Sende rutinen til partnerne; sekretariatet; 2026-10-01'.")
    if len(parts) == 2 and re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", parts[1]):
        parts = [parts[0], "", parts[1]]  # 'what; due', who left out
    responsible = parts[1] if len(parts) > 1 and parts[1] else None
    due = parse_day(parts[2], "The follow-up's due date") if len(parts) > 2 and parts[2] else None
    return parts[0], responsible, due


def update_follow_up(doc: Any, number: int, status: str | None, day: Date | None, note: str | None,
                     due: Date | None) -> str:
    """Set the status (with the day it was done or dropped), note or due date of the decision's follow-up item
    ``number`` (from 1); returns what it is."""
    decision = doc.get("decision")
    if not hasattr(decision, "get"):
        raise UsageError("The case has no decision yet; record it first with fsu decide (--follow-up adds items).")
    items = decision.get("follow_up")
    if not items:
        raise UsageError("The case's decision has no follow-up items; add them with fsu decide ... --follow-up.")
    if not 1 <= number <= len(items):
        raise UsageError(f"The decision has follow-up items 1 to {len(items)}; there is no item {number}.")
    item = items[number - 1]
    if status is not None:
        item["status"] = status
        if status in ("done", "dropped"):
            if day is None:
                raise UsageError(f"Say when it was {status} with --date (YYYY-MM-DD).")
            item["done"] = day
        elif "done" in item:
            del item["done"]
    if note is not None:
        item["note"] = literal(note)
    if due is not None:
        item["due"] = due
    return str(item.get("what", ""))


def add_deviations(doc: Any, codes: list[str], path: str, until: Date | None) -> list[str]:
    """Add a deviation to the case for each code (in the file ``path``, ending ``until``); returns the
    codes added (an entry the case already has is not written twice)."""
    deviations = _list(doc, "deviations")
    have = {(d.get("code"), d.get("path"), _as_date(d.get("until")) if d.get("until") else None)
            for d in deviations if hasattr(d, "get")}
    added = [code for code in codes if (code, path, until) not in have]
    for code in added:
        _insert(deviations, len(deviations), _entry(deviations, code=code, path=path, until=until))
    return added
