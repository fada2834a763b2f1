"""What the calendar, the eInnsyn export and the open data share: loading the repository, the as-of
date, the public face of a case, the identity-number guard, and writing the one output file.

Only the public content of a case leaves through here: an exempt case is its public title and its
legal basis, as ``fsu render --public`` shows it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fsu_cli.check.findings import Finding
from fsu_cli.check.load import Loaded
from fsu_cli.domain.records import Case, Committee, Meeting, Repository, case_label
from fsu_cli.errors import ExitCode, Stop, UsageError

# Reading and schema errors leave records missing or half there: nothing is published from them. (An identity
# number is looked for in what is published, by ``guard_identity_numbers``, so that the message names the
# published field; one in a text that is not published, an exempt case's, is fsu validate's to report.)
_WRONG = frozenset({"FSU001", "FSU002", "FSU003", "FSU004", "FSU005", "FSU006", "FSU009", "FSU010",
                    "FSU100", "FSU101", "FSU102", "FSU103", "FSU104", "FSU105", "FSU106", "FSU107"})


def load(repo_option: Path | None) -> Loaded:
    """The whole repository with the full texts of its cases, through the cache as validation reads it;
    stops with exit 1, listing them, when files cannot be read or break their schema."""
    from fsu_cli.check.load import load_repository
    from fsu_cli.store.cache import Store
    from fsu_cli.store.paths import find_root

    root = find_root(explicit=repo_option)
    store = None if os.environ.get("FSU_NO_CACHE") else Store(root)
    loaded = load_repository(root, store=store, slim=False)
    _refuse_broken(loaded, [f for f in loaded.findings if f.severity == "error" and f.code in _WRONG])
    return loaded


def _refuse_broken(loaded: Loaded, broken: list[Finding]) -> None:
    from fsu_cli.check.validate import place

    if not broken:
        return
    place(broken, loaded.documents)
    print("Nothing was published: these files have errors; correct them first ('fsu validate' shows them all):",
          file=sys.stderr)
    for finding in sorted(broken, key=lambda f: (f.path, f.line or 0, f.column or 0)):
        print(f"{finding.path}:{finding.line or 1}:{finding.column or 1}: {finding.code} {finding.message}",
              file=sys.stderr)
    raise Stop(ExitCode.FINDINGS)


def as_of(value: str | None, root: Path) -> dt.date:
    """--as-of, else FSU_AS_OF, else ``as_of`` in fsu.yaml, else today (as every command reads it)."""
    from fsu_cli.check.load import frozen_date

    value = value or os.environ.get("FSU_AS_OF") or None
    if value is None:
        return frozen_date(root) or dt.date.today()
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise UsageError(f"--as-of needs a real date written YYYY-MM-DD, such as 2025-10-09 (got '{value}').")


def check_target(out: Path, looks_like_ours: Callable[[bytes], bool]) -> bool:
    """Whether OUT may be written, and whether that replaces a file: a file fsu published before is
    replaced (publishing again is the point), anything else is refused; the folder must exist."""
    if not out.parent.is_dir() and str(out.parent):
        raise UsageError(f"The folder {out.parent} does not exist. Create it first, or choose another OUT.")
    if out.is_dir():
        raise UsageError(f"{out} is a folder; OUT needs a file name.")
    if not out.exists():
        return False
    from fsu_cli.store.files import read_bytes

    data = read_bytes(out, 64 * 1024 * 1024)
    if data is None or not looks_like_ours(data):
        raise UsageError(f"{out} already exists and is not a file fsu published; fsu will not replace it. "
                         "Move it away, or choose another OUT.")
    return True


def write(out: Path, data: bytes, looks_like_ours: Callable[[bytes], bool]) -> int:
    from fsu_cli.store.files import write_atomically

    replace = check_target(out, looks_like_ours)
    write_atomically(out, data, force=replace)
    print(f"Wrote {out} ({len(data):,} bytes).", file=sys.stderr)
    return ExitCode.CLEAN


def slug(text: str) -> str:
    """'Helsefellesskapet Fjordvik' -> 'helsefellesskapet-fjordvik' (æøå kept as ae, o, a)."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "helsefellesskap"


def community_slug(repo: Repository) -> str:
    return slug(repo.name or "helsefellesskap")


def committees(repo: Repository) -> list[Committee]:
    """Every committee, by id, so the output does not move when a committee is renamed."""
    return [repo.committees[key] for key in sorted(repo.committees)]


def meetings(committee: Committee) -> list[Meeting]:
    """The committee's dated meetings in date order, each once (a date written twice is FSU's to report)."""
    seen: dict[dt.date, Meeting] = {}
    for meeting in committee.meetings:
        if meeting.date is not None:
            seen.setdefault(meeting.date, meeting)
    return [seen[day] for day in sorted(seen)]


def meeting_cases(repo: Repository, committee: Committee, day: dt.date) -> list[Case]:
    return [case for key, case in sorted(repo.cases.items())
            if key[0] == committee.id and case.meeting == day]


def public_title(case: Case) -> str:
    """The title the public may see: an exempt case's public title, else its title."""
    if case.exemption is not None:
        return case.exemption.public_title or ""
    return case.title or ""


def label(repo: Repository, case: Case) -> str:
    """'SSU sak 04-2024'."""
    return case_label(repo.committees.get(case.committee or ""), case)


def decision_text(case: Case) -> str:
    """The decision's words as the case paper gives them: its text, or the proposal when adopted as proposed,
    or else the outcome ('Tatt til orientering')."""
    from fsu_cli.render.casepaper import outcome_word

    decision = case.decision
    text = (decision.text or "").strip()
    if not text and decision.outcome == "adopted" and case.proposal is not None:
        text = (case.proposal.text or "").strip()
    return text or outcome_word(case)


def times(meeting: Meeting) -> tuple[dt.time, dt.time | None] | None:
    """'09:00-12:00' as (start, end), '09:00' as (start, None); None when no clock time is written."""
    text = (meeting.time or "").strip()
    parts = [p.strip() for p in text.split("-")]
    try:
        clock = [dt.time.fromisoformat(p) for p in parts if p]
    except ValueError:
        return None
    if not clock or len(clock) != len(parts) or len(clock) > 2 or any(len(p) != 5 for p in parts):
        return None
    end = clock[1] if len(clock) == 2 and clock[1] > clock[0] else None
    return clock[0], end


def latest_date(repo: Repository) -> dt.date | None:
    """The latest date in the data (a meeting, a case's decision): a DTSTAMP or timestamp that changes
    only when the data does."""
    days = [m.date for c in repo.committees.values() for m in c.meetings if m.date is not None]
    days += [c.decision.date for c in repo.cases.values() if c.decision is not None and c.decision.date]
    return max(days, default=None)


# --- the identity-number guard ---------------------------------------------------------------------


def strings(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every string in an export (keys included), ``where`` a path such as
    'moetemapper[3].moetesak[0].offentligTittel'."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f"{where}.{key} (key)".lstrip("."), str(key)
            yield from strings(item, f"{where}.{key}".lstrip("."))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from strings(item, f"{where}[{index}]")


def guard_identity_numbers(export: Any, out: Path, origin: Callable[[str], str]) -> None:
    """A national identity number anywhere in what would be published stops it, with exit 1 and nothing
    written. ``origin(where)`` names the data file a field came from, and what it is called there. The number is shown only up to its
    date part, as fsu validate (FSU361) shows it."""
    from fsu_cli.check.rules.privacy import find_numbers, mask

    hits = [(where, digits) for where, text in strings(export) for _, _, digits in find_numbers(text)]
    if not hits:
        return
    print(f"Nothing was written to {out}: a national identity number (fødselsnummer or D-number) would have "
          "been published.", file=sys.stderr)
    for where, digits in hits:
        print(f"{origin(where) or '?'}: FSU361 {mask(digits)} in {where}", file=sys.stderr)
    print("    hint: Remove the number from the data (fsu validate shows where), and see 'fsu explain FSU361'.",
          file=sys.stderr)
    raise Stop(ExitCode.FINDINGS)
