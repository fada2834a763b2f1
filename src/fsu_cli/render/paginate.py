"""HTML cut into pieces WeasyPrint lays out in linear time, for the PDF only.

WeasyPrint slows down more than linearly on a few shapes that only very large
texts have: one text run of hundreds of kilobytes (each line copies the rest of
the run) and a table of thousands of rows (each page walks every row of its row
group). So a long run of text becomes a row of ``<span>`` pieces, split at
spaces, and a long table body becomes several row groups: the lines break in the
same places. Very long lists and tables are also set more simply
(``plain_blocks``). Ordinary documents are passed through untouched.
"""

from __future__ import annotations

from typing import Any

from fsu_cli.render.plain_blocks import CSS, simplify

MIN_HTML = 64 * 1024  # smaller documents cannot hold a shape worth cutting
TEXT_PIECE = 2_000  # characters
ROW_GROUP = 100  # table rows
_SKIP = {"style", "script", "title", "head"}


def prepare(html: str) -> str:
    """``html`` with long text runs and long tables cut up; unchanged when there is nothing to cut."""
    if len(html) < MIN_HTML:
        return html
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    body = tree.find("body")
    if body is None:
        return html
    simplified = simplify(body)
    changed = _split_tables(body) or simplified
    changed = _split_texts(body) or changed
    if not changed:
        return html
    if simplified:
        style = tree.find("head").makeelement("style", {})
        style.text = CSS
        tree.find("head").append(style)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


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
