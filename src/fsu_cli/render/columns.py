"""Column widths from a table's content, the same for Word and PDF, and e-mail addresses that may wrap.

Widths follow the idea of CSS's automatic table layout, counted in characters: a column needs at least its
longest word (so no word is split) and would like its longest cell on one line. When every column can have
what it would like, the text width is shared in proportion to that; when not, each column gets what it needs
and the rest is shared in proportion to what it lacks of its wish. One pass over the cells: linear in the
table's size.
"""

from __future__ import annotations

import re

ZWSP = "\u200b"  # a zero-width space: a place a line may break, invisible on the page
MIN_CHARS = 4  # no column narrower than a short word
PADDING_CHARS = 2.5  # a cell's inner margins, left and right together (Word: 0.19 cm each), and a little air
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORDS = re.compile(rf"[\s{ZWSP}]+")


def breakable_emails(text: str) -> str:
    """``text`` with a place to break after each '@' and before each '.' of an e-mail address (as typesetters
    break addresses: the next line's '.' shows the address goes on), so a long address wraps, never is cut."""
    if "@" not in text:
        return text
    return _EMAIL.sub(lambda m: m.group(0).replace("@", "@" + ZWSP).replace(".", ZWSP + "."), text)


def _longest_word(text: str) -> int:
    """The longest piece of ``text`` that cannot break (an e-mail address breaks at its '@' and dots)."""
    return max((len(word) for word in _WORDS.split(breakable_emails(text))), default=0)


def _capped(need: list[float], available: float) -> list[float]:
    """The needs, the largest cut down to one common cap so that they fit ``available`` (water-filling): a
    name or a role keeps its width, and only the columns of the longest words have them broken."""
    rest, left = sorted(need), available
    for count, smallest in enumerate(rest):
        cap = left / (len(rest) - count)
        if smallest > cap:
            return [min(n, cap) for n in need]
        left -= smallest
    return list(need)


def column_widths(rows: list[list[str]], available: float) -> list[float]:
    """Each column's share of the width (fractions that sum to 1) for ``rows`` of cell texts, on a line of
    ``available`` characters."""
    columns = max((len(row) for row in rows), default=0)
    need = [float(MIN_CHARS)] * columns
    wish = [float(MIN_CHARS)] * columns
    for row in rows:
        for i, text in enumerate(row):
            need[i] = max(need[i], _longest_word(text))
            wish[i] = max(wish[i], len(text))
    need = [n + PADDING_CHARS for n in need]
    wish = [max(w + PADDING_CHARS, n) for w, n in zip(wish, need)]
    if sum(wish) <= available:
        return [w / sum(wish) for w in wish]
    if sum(need) >= available:  # some words must break: only the longest, the short columns keep theirs
        capped = _capped(need, available)
        return [c / sum(capped) for c in capped]
    spare, lacking = available - sum(need), sum(w - n for w, n in zip(wish, need))
    return [(n + spare * (w - n) / lacking) / available for w, n in zip(wish, need)]
