"""FSU36x: personal data that must never be committed."""

from __future__ import annotations

import re
from typing import Iterator

from fsu_cli.check.catalogue import define
from fsu_cli.check.findings import ERROR, Finding

NATIONAL_ID = define(
    "FSU361",
    "national-identity-number",
    ERROR,
    "A Norwegian national identity number (fødselsnummer) or D-number appears in the data.",
    """
Names, titles and work e-mail addresses of representatives may be kept in the
repository; national identity numbers may not. fsu looks for 11 digits (the
date part and the personal part may be separated by a space or a dot) that
form a real date (a D-number adds 4 to the first digit) and pass both mod-11
check digits, by the rule in use today or the rule from 2032.

Example: "Kontaktperson: 010190 12345" in a case background.

Fix: remove the number. If it has already been committed, it is still in the
git history: ask whoever manages the repository to rewrite the history (for
example with git filter-repo) and to have the git host clear its caches, and
tell your data protection officer (personvernombud).
""",
)

_CANDIDATE = re.compile(r"(?<![\d.])(\d{6})[ .]?(\d{5})(?![\d])")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def is_national_id(digits: str) -> bool:
    """11 digits that form a fødselsnummer or D-number, by today's or the 2032 check-digit rule."""
    if len(digits) != 11 or not digits.isdigit():
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


def find_national_ids(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, the number as written) for every national identity number in the text."""
    for match in _CANDIDATE.finditer(text):
        if is_national_id(match.group(1) + match.group(2)):
            before = text[: match.start()]
            line = before.count("\n") + 1
            column = match.start() - (before.rfind("\n") + 1) + 1
            yield line, column, match.group(0)


def scan(path: str, text: str) -> list[Finding]:
    """Findings for every national identity number in one file's text (run as each file is loaded)."""
    findings = []
    for line, column, number in find_national_ids(text):
        masked = number[:6] + "*****" if len(number) == 11 else number[:7] + "*****"
        findings.append(NATIONAL_ID.finding(
            path,
            f"This looks like a national identity number or D-number ({masked}); personal identity "
            "numbers must not be kept in the repository.",
            "Remove it. If it was committed, it is still in the git history: have the history rewritten "
            "(e.g. git filter-repo) and the git host's caches cleared, and tell your data protection "
            "officer.",
            line=line,
            column=column,
        ))
    return findings
