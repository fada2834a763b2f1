"""The changes that set a community up by command: organizations in fsu.yaml, new committees and
mandates, a mandate's approval, and a by-election inside a leadership term.

Each function changes a round-trip document (comments and key order stay) or returns a new file's
text; the commands check the result against the whole repository before writing it.
"""

from __future__ import annotations

from typing import Any

from fsu_cli.domain.records import Date
from fsu_cli.edit.authoring import _as_date, _entry, _insert, _list, literal
from fsu_cli.errors import UsageError
from fsu_cli.store import yamlio
from fsu_cli.store.paths import is_id

SIDES = ("hospital", "municipality", "user", "gp", "employee", "external", "secretariat")


def require_id(text: str, what: str) -> None:
    if not is_id(text):
        raise UsageError(f"{what} '{text}' must be small letters, digits and '-' (e.g. 'fsu-barn'), starting with "
                         "a letter or digit.")


def add_organization(doc: Any, org_id: str, name: str, side: str, short_name: str | None) -> None:
    """Add the organization after the last one of its side (at the end if none), so the list stays grouped."""
    require_id(org_id, "The organization id")
    organizations = _list(doc, "organizations")
    for org in organizations:
        if hasattr(org, "get") and org.get("id") == org_id:
            raise UsageError(f"There is already an organization '{org_id}' in fsu.yaml ({org.get('name')}).")
    same_side = [i for i, org in enumerate(organizations) if hasattr(org, "get") and org.get("side") == side]
    position = same_side[-1] + 1 if same_side else len(organizations)
    _insert(organizations, position, _entry(organizations, id=org_id, name=name, short_name=short_name or None,
                                            side=side))


def check_case_number_format(text: str) -> None:
    try:
        text.format(number=7, year=2026, yy="26")
    except (KeyError, ValueError, IndexError, AttributeError):
        raise UsageError(f"--case-number-format '{text}' is not a format fsu can use: the placeholders are "
                         "{number}, {year} and {yy}, e.g. '{number:02d}-{year}'.") from None
    if "{number" not in text:
        raise UsageError(f"--case-number-format '{text}' must contain {{number}}, e.g. '{{number:02d}}-{{year}}'.")


def committee_text(committee_id: str, name: str, short_name: str | None, kind: str, parent: str | None,
                   founded: Date, case_number_format: str | None, area: str | None = None) -> str:
    """A new committee's file, with empty member, leadership and meeting lists to fill by command."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    doc = CommentedMap()
    doc["id"] = committee_id
    doc["name"] = name
    if short_name:
        doc["short_name"] = short_name
    doc["kind"] = kind
    if area:
        doc["area"] = area
    if parent:
        doc["parent"] = parent
    doc["founded"] = founded
    doc["dissolved"] = None
    if case_number_format:
        doc["case_number_format"] = DoubleQuotedScalarString(case_number_format)
    for key in ("members", "leadership", "meetings"):
        doc[key] = CommentedSeq()
        doc[key].fa.set_flow_style()
    label = short_name or name
    return (f"# {label}. Legg til medlemmer (fsu member add), ledelse (fsu elect) og møter (fsu new meeting).\n"
            + yamlio.dump_roundtrip(doc))


def plain_copy(node: Any) -> Any:
    """A fresh copy of a round-trip node, in the same block or flow style, sharing nothing with the source, so
    that it is written without anchors even if the source used them."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, dict):
        copy: Any = CommentedMap((key, plain_copy(value)) for key, value in node.items())
    elif isinstance(node, list):
        copy = CommentedSeq(plain_copy(value) for value in node)
    else:
        return node
    if getattr(node, "fa", None) is not None and node.fa.flow_style():
        copy.fa.set_flow_style()
    return copy


def mandate_text(mandate_id: str, committee_id: str, title: str, valid_from: Date, source: Any | None,
                 source_id: str | None, supersede: bool) -> str:
    """A new draft mandate; from ``source`` (another mandate's round-trip document) its sections and rules."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    doc = CommentedMap()
    doc["id"] = mandate_id
    doc["committee"] = committee_id
    doc["title"] = title
    doc["status"] = "draft"
    doc["valid_from"] = valid_from
    doc["valid_until"] = None
    doc["supersedes"] = CommentedSeq([source_id] if supersede and source_id else [])
    doc["supersedes"].fa.set_flow_style()
    if source is not None:
        doc["sections"] = plain_copy(source.get("sections") or CommentedSeq())
        doc["rules"] = plain_copy(source.get("rules") or CommentedMap())
    else:
        section = CommentedMap(heading="Formål", body=literal("Skriv formålet her.", block=True))
        doc["sections"] = CommentedSeq([section])
        doc["rules"] = CommentedMap()
    head = (f"# Utkast til mandat, kopiert fra {source_id}. Godkjennes med fsu mandate approve.\n" if source_id
            else "# Utkast til mandat. Godkjennes med fsu mandate approve.\n")
    return head + yamlio.dump_roundtrip(doc)


def approve_mandate(doc: Any, by: str, day: Date, case: str | None, document: str | None) -> None:
    """Set the draft's status to approved and record who approved it, when, in which case or document."""
    from ruamel.yaml.comments import CommentedMap

    if doc.get("status") == "approved":
        approved = doc.get("approved") or {}
        raise UsageError(f"The mandate {doc.get('id')} is already approved"
                         + (f" (by {approved.get('by')} on {approved.get('date')})" if approved.get("by") else "")
                         + "; make a new version with fsu new mandate --from.")
    approved = CommentedMap()
    approved["by"] = by
    approved["date"] = day
    if case:
        approved["case"] = case
    if document:
        approved["document"] = document
    doc["status"] = "approved"
    if "approved" in doc:
        doc["approved"] = approved
    else:
        doc.insert(list(doc).index("status") + 1, "approved", approved)
    _drop_draft_header(doc)


def _drop_draft_header(doc: Any) -> None:
    """The line fsu new mandate put at the top ("# Utkast til mandat ... Godkjennes med fsu mandate approve.")
    is no longer true once approved; the secretary's own comments stay."""
    comment = getattr(doc, "ca", None) and doc.ca.comment
    if not comment or len(comment) < 2 or not comment[1]:
        return
    comment[1] = [token for token in comment[1]
                  if not (token.value.startswith("# Utkast til mandat") and "fsu mandate approve" in token.value)]


def by_election(doc: Any, role: str, name: str, start: Date, term_end: Date | None) -> str | None:
    """Replace whoever holds ``role`` on ``start``: their entry ends the day before, and ``name`` serves from
    ``start`` to the end of the term. Returns the name of the one replaced (None if the office was empty)."""
    from fsu_cli.domain.dates import day_before

    leadership = _list(doc, "leadership")
    holding = [o for o in leadership if hasattr(o, "get") and o.get("role") == role
               and (_as_date(o.get("start_date")) or Date.max) <= start
               and (o.get("end_date") in (None, "") or (_as_date(o.get("end_date")) or Date.min) >= start)]
    leaving = holding[-1] if holding else None
    if leaving is not None:
        if leaving.get("name") == name:
            raise UsageError(f"{name} already holds the office of {role} on {start.isoformat()}.")
        if _as_date(leaving.get("start_date")) == start:
            raise UsageError(f"{leaving.get('name')} took office as {role} on {start.isoformat()}; a by-election "
                             "must start after the term began.")
        leaving["end_date"] = day_before(start)
    _insert(leadership, len(leadership), _entry(leadership, ("end_date",), role=role, name=name, start_date=start,
                                                end_date=term_end))
    return str(leaving.get("name")) if leaving is not None else None
