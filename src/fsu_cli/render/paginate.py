"""HTML cut into pieces WeasyPrint lays out in linear time, for the PDF only.

WeasyPrint slows down more than linearly on a few shapes that only very large
texts have: one text run of hundreds of kilobytes (each line copies the rest of
the run) and a table of thousands of rows (each page walks every row of its row
group). So a long run of text becomes a row of ``<span>`` pieces, split at
spaces, and a long table body becomes several row groups: the lines break in the
same places. Very long lists and tables are also set more simply
(``plain_blocks``). Tables of more than one column get column widths from their
content (``columns``), which WeasyPrint's own layout does not weigh well, and
e-mail addresses in them places to break. Other documents are passed through
untouched.
"""

from __future__ import annotations

from typing import Any

from fsu_cli.render.columns import breakable_emails, column_widths
from fsu_cli.render.plain_blocks import CSS, simplify

MIN_HTML = 64 * 1024  # smaller documents cannot hold a shape worth cutting
TEXT_PIECE = 2_000  # characters
ROW_GROUP = 100  # table rows
TEXT_WIDTH = 170 / 25.4 * 72  # points: A4 less the margins of base.html.j2 (20 mm each side)
CHAR_WIDTH = 9 * 0.55  # points: an average character of a table (DejaVu Sans 9 pt)
_SKIP = {"style", "script", "title", "head"}


def prepare(html: str) -> str:
    """``html`` with its tables' columns sized to their content, and long text runs and long tables cut up;
    unchanged when there is nothing to do."""
    large = len(html) >= MIN_HTML
    if not large and "<table" not in html:
        return html
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    body = tree.find("body")
    if body is None:
        return html
    simplified = simplify(body) if large else False
    changed = _size_columns(body)
    if large:
        changed = _split_tables(body) or changed or simplified
        changed = _split_texts(body) or changed
    if not changed:
        return html
    if simplified:
        style = tree.find("head").makeelement("style", {})
        style.text = CSS
        tree.find("head").append(style)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def _size_columns(body: Any) -> bool:
    """Each table's columns as wide as their content asks (``columns``), as a share of the page's text width;
    the layout stays automatic, so a column still widens for a word that would not fit."""
    changed = False
    for table in body.iter("table"):
        if table.find("colgroup") is not None:
            continue
        rows = [[_squash(cell.text_content()) for cell in row if cell.tag in ("th", "td")] for row in table.iter("tr")]
        shares = column_widths(rows, TEXT_WIDTH / CHAR_WIDTH)
        if len(shares) < 2:
            continue  # one column has the whole width anyway
        for part in table.iter():
            _breakable(part, tail=part is not table)  # the table's tail is the text after it
        group = table.makeelement("colgroup", {})
        group.extend(table.makeelement("col", {"style": f"width: {share * 100:.1f}%"}) for share in shares)
        table.insert(1 if len(table) and table[0].tag == "caption" else 0, group)
        changed = True
    return changed


def _breakable(element: Any, tail: bool = True) -> None:
    """E-mail addresses in the element's own text (not its attributes) get places to break; they stay whole
    in the PDF's text, which leaves the zero-width spaces out."""
    if element.text and "@" in element.text:
        element.text = breakable_emails(element.text)
    if tail and element.tail and "@" in element.tail:
        element.tail = breakable_emails(element.tail)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _split_texts(body: Any) -> bool:
    changed = False
    for element in list(body.iter()):
        if not isinstance(element.tag, str) or element.tag in _SKIP:
            continue
        if element.text and len(element.text) > TEXT_PIECE:
            first, rest = _pieces(element.text)
            element.text = first
            for i, piece in enumerate(rest):
                element.insert(i, _span(element, piece))
            changed = True
        if element.tail and len(element.tail) > TEXT_PIECE and element.getparent() is not None:
            first, rest = _pieces(element.tail)
            element.tail = first
            parent, at = element.getparent(), element.getparent().index(element)
            for i, piece in enumerate(rest, start=1):
                parent.insert(at + i, _span(element, piece))
            changed = True
    return changed


def _pieces(text: str) -> tuple[str, list[str]]:
    """``text`` in pieces of about TEXT_PIECE characters, each ending just after a space where there is one."""
    pieces, start = [], 0
    while len(text) - start > TEXT_PIECE:
        cut = text.find(" ", start + TEXT_PIECE, start + 2 * TEXT_PIECE)
        cut = start + TEXT_PIECE if cut < 0 else cut + 1  # no space near: cut a word, which still cannot break
        pieces.append(text[start:cut])
        start = cut
    if start < len(text):
        pieces.append(text[start:])
    return pieces[0], pieces[1:]


def _span(like: Any, text: str) -> Any:
    span = like.makeelement("span", {})
    span.text = text
    return span


def _split_tables(body: Any) -> bool:
    changed = False
    for group in list(body.iter("tbody")):
        rows = [row for row in group if isinstance(row.tag, str) and row.tag == "tr"]
        if len(rows) <= ROW_GROUP or len(rows) != len(group):
            continue
        table, at = group.getparent(), group.getparent().index(group)
        for start in range(ROW_GROUP, len(rows), ROW_GROUP):
            piece = group.makeelement("tbody", dict(group.attrib))
            piece.extend(rows[start:start + ROW_GROUP])
            at += 1
            table.insert(at, piece)
        changed = True
    return changed
