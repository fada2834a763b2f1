"""Text from the data, made safe for where it is shown.

Data comes from pull requests: a name or a title can hold terminal control
sequences, or Markdown that hides the rest of a pull-request comment or
notifies people. What the data says is shown, but never acted on.
"""

from __future__ import annotations

import re

# C0 and C1 control characters (but not the line break, which callers handle), DEL, and the
# Unicode controls that reorder or hide text on screen (bidirectional overrides, isolates).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """Control characters as visible escapes (``\\x1b``), so nothing from the data drives the terminal."""
    return _UNSAFE.sub(_shown, text)


def for_terminal_line(text: str) -> str:
    """As ``for_terminal``, and a line break shown as ``\\n``: for one line of output."""
    return for_terminal(text).replace("\n", "\\n")


# Characters that start Markdown or HTML constructs inside a line (HTML and comments, code,
# emphasis, links and images, headings, tables, strike-through, entities), escaped with a
# backslash. Line breaks are flattened first, so nothing from the data starts a line.
# An underscore inside a word (min_per_year) starts no emphasis and is left as it is.
_MARKDOWN = re.compile(r"([\\`*\[\]<>#!|~&]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")


def for_markdown(text: str) -> str:
    """Text for a Markdown line (a pull-request comment) that renders as itself.

    No HTML, comments, links (bare addresses included), images, headings, code or
    emphasis; line breaks become spaces, and '@' cannot mention anyone (a zero-width
    space follows it).
    """
    flat = " ".join(for_terminal(text).split("\n"))
    escaped = _MARKDOWN.sub(r"\\\1", flat).replace("@", "@\u200b")
    # GitHub turns bare addresses into links after parsing; a zero-width space keeps them text.
    return _BARE_LINK.sub(lambda m: m.group()[:-1] + "\u200b" + m.group()[-1], escaped)


_BARE_LINK = re.compile(r"(?i)(?:://|\bwww\.)")
