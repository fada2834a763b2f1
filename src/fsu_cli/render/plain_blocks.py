"""Very long lists and tables, set more simply in a PDF so that a large case still renders quickly.

WeasyPrint spends about 1.5 ms on each list item (its marker is a box placed
beside the item) and about 3 ms on each table row (every cell is measured, laid
out and framed). Past ``LONG_LIST`` items a list's markers are written as text at
the start of each item, with a hanging indent, which looks much the same. Past
``LONG_TABLE`` rows a table becomes columns of monospaced text, every cell
wrapped within its column: all of it is there and the columns line up, but it
is no longer a framed table. No ordinary document comes near these sizes; Word
and HTML keep real lists and tables.
"""

from __future__ import annotations

import textwrap
from typing import Any

LONG_LIST = 1_000  # items
LONG_TABLE = 1_000  # rows
LINE = 100  # monospaced characters across the text width of an A4 page at 8 pt
_GAP = " │ "
CSS = """
.fsu-list { list-style: none; }
.fsu-list > li { display: block; }
.fsu-list > li > * { text-indent: 0; }
.fsu-list > li > p:first-child { text-indent: inherit; }
.fsu-grid { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; line-height: 1.3; white-space: pre;
  margin: .4em 0 1em; }
"""


def simplify(body: Any) -> bool:
    """Set the long lists and tables in ``body`` simply; whether there were any."""
    lists = [e for e in body.iter("ul", "ol") if sum(1 for c in e if c.tag == "li") > LONG_LIST]
    tables = [t for t in body.iter("table") if sum(1 for _ in t.iter("tr")) > LONG_TABLE]
    for element in lists:
        _text_markers(element)
    for table in tables:
        table.getparent().replace(table, _grid(table))
    return bool(lists or tables)


def _text_markers(element: Any) -> None:
    items = [c for c in element if c.tag == "li"]
    if element.tag == "ol":
        first = int(element.get("start", "1")) if element.get("start", "1").lstrip("-").isdigit() else 1
        markers = [f"{first + i}." for i in range(len(items))]
    else:
        markers = ["•"] * len(items)
    width = max(len(m) for m in markers) * 0.6 + 0.7  # em: the widest marker and a space
    element.set("class", (element.get("class", "") + " fsu-list").strip())
    element.set("style", f"text-indent: -{width:.1f}em")  # inherited by the items: a hanging indent
    for item, marker in zip(items, markers):
        target = item[0] if not (item.text or "").strip() and len(item) and item[0].tag == "p" else item
        target.text = f"{marker}\u00a0" + (target.text or "").lstrip()


def _grid(table: Any) -> Any:
    rows = [[" ".join(cell.text_content().split()) for cell in row if cell.tag in ("th", "td")]
            for row in table.iter("tr")]
    heads = sum(1 for row in table.iter("tr") if len(row) and all(cell.tag == "th" for cell in row))
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    widths, line = _widths([max(len(row[i]) for row in rows) for i in range(columns)])
    lines = []
    for number, row in enumerate(rows):
        lines += _row_lines(row, widths)
        if number + 1 == heads:
            lines.append("─" * (sum(widths) + len(_GAP) * (columns - 1)))
    grid = table.makeelement("div", {"class": "fsu-grid"})
    if line > LINE:
        grid.set("style", f"font-size: {8 * LINE / line:.2f}pt")
    grid.text = "\n".join(lines)
    return grid


def _widths(natural: list[int]) -> tuple[list[int], int]:
    """Column widths in characters, and the line they fill: the natural widths if they fit, else the widest
    columns narrowed first, down to 3 characters; a line longer than LINE is set in a smaller size."""
    widths = [min(max(n, 1), LINE) for n in natural]
    line = max(LINE, 3 * len(widths) + len(_GAP) * (len(widths) - 1))
    room = line - len(_GAP) * (len(widths) - 1)
    while sum(widths) > room:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    return widths, line


def _row_lines(row: list[str], widths: list[int]) -> list[str]:
    cells = [textwrap.wrap(text, width, subsequent_indent="  ", break_on_hyphens=False) or [""]
             for text, width in zip(row, widths)]
    height = max(len(cell) for cell in cells)
    return [_GAP.join((cell[i] if i < len(cell) else "").ljust(width) for cell, width in zip(cells, widths)).rstrip()
            for i in range(height)]
