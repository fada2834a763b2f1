"""FSU36x: personal data that must never be committed.

A national identity number is looked for in three places: the file's text as
written (which gives its position, and covers comments), the values the YAML
parser reads from it (escapes resolved and folded lines joined, so a number
spelled around the text scan is still seen), and the names of files and folders.
Each number is reported once, and never shown beyond its date part.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

from fsu_cli.check.catalogue import define
from fsu_cli.check.findings import ERROR, Finding
from fsu_cli.store import yamlio

NATIONAL_ID = define(
    "FSU361",
    "national-identity-number",
    ERROR,
    "A Norwegian national identity number (fødselsnummer) or D-number appears in the data.",
    """
Names, titles and work e-mail addresses of representatives may be kept in the
repository; national identity numbers may not. fsu looks for 11 digits that
form a real date (a D-number adds 4 to the first digit) and pass both mod-11
check digits, by the rule in use today or the rule from 2032, written

- together or in groups: DDMMYYPPPPP, DDMMYY PPPPP, DD.MM.YY.PPPPP,
  DDMMYY-PPPPP, DD MM YY PPP PP (a space, dot, hyphen, slash, tab or any
  other space or dash between day, month, year and the personal part);
- with invisible characters (zero-width spaces) anywhere inside;
- in YAML escapes ("\x35" for 5) or split over two lines of a text;
- in comments, keys and values, and in the names of files and folders.

Other numbers of that length (account numbers, phone numbers, case numbers
and dates) are told apart by the date and the check digits. fsu never shows
more of a number than its date part (DDMMYY*****).

Example: "Kontaktperson: fnr. DDMMYY PPPPP" in a case background, or a case
file named data/cases/ssu/2024/DDMMYYPPPPP.yaml.

Fix: remove the number (or rename the file or folder). If it has already been
committed, it is still in the git history: `fsu scan-history` lists every
commit that holds one. Ask whoever manages the repository to rewrite the
history (for example with git filter-repo) and to have the git host clear its
caches, and tell your data protection officer (personvernombud).
""",
)

_STILL_IN_HISTORY = ("it is still in the git history (fsu scan-history finds it there): have the history "
                     "rewritten (e.g. git filter-repo) and the git host's caches cleared, and tell your data "
                     "protection officer.")

# One of these may stand between two groups of digits: space, dot, hyphen, slash, other spaces and dashes.
_SEPARATOR = " \t./\\-\u00a0\u1680\u2000-\u200a\u2010-\u2015\u202f\u205f\u2212\u3000"
# Characters that show as nothing, so they may stand anywhere in a number.
_INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060\ufeff"
# A quick first pass (a single character class, which the regex engine runs fastest): eleven or more
# digits and separators in a row. Most files have no such span at all.
_SPAN = re.compile(rf"\d[\d{_SEPARATOR}{_INVISIBLE}]{{9,}}\d")
# Within a span: eleven or more digits in groups joined by one separator, invisible characters anywhere.
_RUN = re.compile(rf"\d(?:[{_INVISIBLE}]*+[{_SEPARATOR}]?+[{_INVISIBLE}]*+\d){{10,}}+")
_GROUP = re.compile(rf"\d(?:[{_INVISIBLE}]*\d)*")
_INVISIBLES = re.compile(f"[{_INVISIBLE}]")
# A line that starts with a digit (after its indentation): if the line before ends in one, YAML may fold
# the two lines into one number. (Searched from the line feed, which the regex engine finds fastest.)
_LINE_STARTS_WITH_DIGIT = re.compile(rf"\n[ \t]*+[{_SEPARATOR}{_INVISIBLE}]*\d")
_ENDS_WITH_DIGIT = re.compile(rf"\d[{_SEPARATOR}{_INVISIBLE}]*\r?\Z")
_LONE_CARRIAGE_RETURN = re.compile("\r(?!\n)")
# Where a written number may be split: between day, month, year and personal part, and as 567 15.
_SPLITS = frozenset((2, 4, 6, 9))
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


@dataclass(frozen=True, slots=True)
class Sighting:
    """One number seen: shown only up to its date part, with its place (a line, or a path into the data)."""

    masked: str
    line: int = 0
    column: int = 0
    pointer: tuple | None = None
    on_key: bool = False
    name: str = ""  # 'file' or 'folder' when the number is in a path's name


def is_national_id(digits: str) -> bool:
    """11 digits that form a fødselsnummer or D-number, by today's or the 2032 check-digit rule."""
    if len(digits) != 11 or not digits.isdecimal():
        return False
    n = [int(c) for c in digits]
    day = n[0] * 10 + n[1]
    if day > 40:  # D-number: 4 added to the first digit
        day -= 40
    month = n[2] * 10 + n[3]
    if not (1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]):
        return False
    # before 2032 the first weighted sum leaves remainder 0; from 2032 also 1, 2 or 3
    first = sum(w * d for w, d in zip(_W1, n)) % 11
    second = sum(w * d for w, d in zip(_W2, n)) % 11
    return first in (0, 1, 2, 3) and second == 0


def mask(digits: str) -> str:
    """The number as fsu shows it: the date part, and a star for each digit of the personal part."""
    return digits[:6] + "*****"


def find_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the 11 digits) for every national identity number written in the text.

    A run of digit groups holds a number when whole groups add up to 11 digits,
    split only where people split one (31 12 99 567 15), with valid date and check
    digits. So '1503.12.34567' is judged by its check digits, while a longer run
    ('+47 22 33 44 55 66') or 13 digits in a row never is one.
    """
    for span in _SPAN.finditer(text):
        for run in _RUN.finditer(span.group()):
            offset = span.start() + run.start()
            groups = [(offset + g.start(), offset + g.end(), _digits(g.group())) for g in _GROUP.finditer(run.group())]
            for first in range(len(groups)):
                window = _window(groups[first:])
                if window is not None and is_national_id(window[2]):
                    yield window


def _window(groups: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The first whole groups, if they hold exactly 11 digits split only where people split them."""
    digits = ""
    for _, end, part in groups:
        if digits and len(digits) not in _SPLITS:
            return None
        digits += part
        if len(digits) >= 11:
            return (groups[0][0], end, digits) if len(digits) == 11 else None
    return None


def _digits(group: str) -> str:
    group = _INVISIBLES.sub("", group)
    return group if group.isascii() else "".join(str(int(c)) for c in group)


def text_sightings(text: str) -> list[Sighting]:
    """Every number in the text as written, with its line and column."""
    sightings = []
    for offset, _, digits in find_numbers(text):
        line_start = text.rfind("\n", 0, offset) + 1
        sightings.append(Sighting(mask(digits), text.count("\n", 0, offset) + 1, offset - line_start + 1))
    return sightings


def value_sightings(data: Any, text: str) -> list[Sighting]:
    """Numbers the YAML reader makes of the text that the text itself does not show (escapes, folded lines)."""
    if not _may_hide_numbers(text):
        return []
    found = Counter(digits for _, _, digits in find_numbers("\n".join(_texts(data))))
    if not found:
        return []
    found -= Counter(digits for _, _, digits in find_numbers(text))
    sightings = []
    for pointer, on_key, value in _places(data):
        for _, _, digits in find_numbers(value):
            if found[digits] > 0:
                found[digits] -= 1
                sightings.append(Sighting(mask(digits), pointer=pointer, on_key=on_key))
    return sightings


def _may_hide_numbers(text: str) -> bool:
    """Whether the parsed values can hold a number the text does not show: only through an escape
    (backslash), a tag (!!binary and the like), or lines folded together."""
    if any(sign in text for sign in ("\\", "!", "\x85", "\u2028", "\u2029")):
        return True
    if "\r" in text and _LONE_CARRIAGE_RETURN.search(text):  # a line break of its own (old Mac files)
        return True
    return any(_ENDS_WITH_DIGIT.search(text, max(0, line.start() - 40), line.start())
               for line in _LINE_STARTS_WITH_DIGIT.finditer(text))


@lru_cache(maxsize=8192)
def _numbers_in_name(part: str) -> tuple[str, ...]:
    """The numbers in one file or folder name; a folder is named again in the path of every file in it."""
    return tuple(digits for _, _, digits in find_numbers(part))


def name_sightings(rel: str) -> list[Sighting]:
    """Numbers in the names of a file and the folders it is in (each number once)."""
    parts = rel.split("/")
    seen, sightings = set(), []
    for at, part in enumerate(parts):
        for digits in _numbers_in_name(part):
            if digits not in seen:
                seen.add(digits)
                sightings.append(Sighting(mask(digits), 1, 1, name="file" if at == len(parts) - 1 else "folder"))
    return sightings


def content_sightings(raw: bytes) -> list[Sighting]:
    """Every number in a file's content, each with its line and column (for files outside the loader)."""
    try:
        text = yamlio.decode(raw)
    except yamlio.NotUtf8:
        text = raw.decode("utf-8", "replace")
    sightings = text_sightings(text)
    try:
        data = yamlio.load(text)
    except yamlio.YamlProblem:
        return sightings
    extra = value_sightings(data, text)
    if extra:
        try:
            root = yamlio.compose(text)
        except Exception:  # positions are a courtesy
            root = None
        for sighting in extra:
            line, column = yamlio.locate(root, sighting.pointer, sighting.on_key)
            sightings.append(Sighting(sighting.masked, line, column, sighting.pointer, sighting.on_key))
    return sorted(sightings, key=lambda s: (s.line, s.column))


def mask_text(text: str) -> str:
    """The text with every national identity number in it shown only up to its date part."""
    limit = len(text)
    for start, end, digits in reversed(list(find_numbers(text))):
        if end <= limit:  # not overlapping one already masked
            text, limit = text[:start] + mask(digits) + text[end:], start
    return text


def history_sightings(files: Iterable[Any]) -> Iterator[tuple[Any, Sighting]]:
    """(file, sighting) for the numbers in files from the git history (``store.git.History``): in each
    content read, and in each path's name the first time the path is seen."""
    named: set[str] = set()
    for file in files:
        if file.path not in named:
            named.add(file.path)
            yield from ((file, sighting) for sighting in name_sightings(file.path))
        if file.content is not None:
            yield from ((file, sighting) for sighting in content_sightings(file.content))


def scan(path: str, text: str) -> list[Finding]:
    """Findings for every number in one file's text as written (run as each file is loaded)."""
    return [_finding(path, sighting) for sighting in text_sightings(text)]


def scan_values(path: str, data: Any, text: str) -> list[Finding]:
    """Findings for numbers that only the parsed values show; placed later, by their pointer."""
    return [_finding(path, sighting) for sighting in value_sightings(data, text)]


def scan_names(paths: Iterable[str]) -> list[Finding]:
    """Findings for numbers in the names of files and folders."""
    return [_finding(path, sighting) for path in paths for sighting in name_sightings(path)]


def _finding(path: str, sighting: Sighting) -> Finding:
    if sighting.name:
        return NATIONAL_ID.finding(
            path,
            f"The {sighting.name} name holds what looks like a national identity number or D-number "
            f"({sighting.masked}); personal identity numbers must not be kept in the repository.",
            f"Rename the {sighting.name} (git mv). If the name was committed, {_STILL_IN_HISTORY}",
            line=1, column=1, subject=f"{sighting.name} name/{sighting.masked}")
    return NATIONAL_ID.finding(
        path,
        f"This looks like a national identity number or D-number ({sighting.masked}); personal identity "
        "numbers must not be kept in the repository.",
        f"Remove it. If it was committed, {_STILL_IN_HISTORY}",
        pointer=sighting.pointer, on_key=sighting.on_key, line=sighting.line, column=sighting.column,
        subject=f"number/{sighting.masked}")


def _texts(data: Any) -> list[str]:
    """Every text (key or value) and 11-digit integer in the parsed data; shared parts (aliases) once."""
    texts, stack, seen = [], [data], set()
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, bytes):  # !!binary
            texts.append(node.decode("latin-1"))
        elif isinstance(node, (dict, list)):
            if id(node) not in seen:
                seen.add(id(node))
                if isinstance(node, dict):
                    texts.extend(key for key in node if isinstance(key, str))
                    stack.extend(node.values())
                else:
                    stack.extend(node)
        elif _is_eleven_digits(node):
            texts.append(str(node))
    return texts


def _places(data: Any) -> Iterator[tuple[tuple, bool, str]]:
    """(pointer, whether it is a key, text) for every text in the data, in the order of the file."""
    stack: list[tuple[tuple, Any]] = [((), data)]
    seen = set()
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, (str, bytes)):
            yield pointer, False, node if isinstance(node, str) else node.decode("latin-1")
        elif _is_eleven_digits(node):
            yield pointer, False, str(node)
        elif isinstance(node, (dict, list)) and id(node) not in seen:
            seen.add(id(node))
            if isinstance(node, dict):
                yield from ((pointer + (key,), True, key) for key in node if isinstance(key, str))
                children = [(pointer + (key,), value) for key, value in node.items()]
            else:
                children = [(pointer + (index,), item) for index, item in enumerate(node)]
            stack.extend(reversed(children))


def _is_eleven_digits(node: Any) -> bool:
    return type(node) is int and 10**10 <= node < 10**11
