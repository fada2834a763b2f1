"""Which case files a case paper's route (saksgang) needs, found without parsing every case.

A referral is written only in the later case (``referred_from: fsu/2024/7``), so finding the
cases sent on from one means looking into the others. Reading the raw bytes of the case
files from the case's own year on is far cheaper than loading them, and a referral never goes
back in time; the earlier cases are followed one file at a time along the chain.
"""

from __future__ import annotations

import re
from typing import Iterable

from fsu_cli.store.paths import DataFile

_REFERRED = re.compile(rb"""^referred_from:[ \t]*["']?([a-z0-9][a-z0-9-]*)/([0-9]{4})/0*([0-9]+)""", re.M)


def _ref_of(rel: str) -> tuple[str, int, int] | None:
    parts = rel.split("/")  # data/cases/<committee>/<year>/<number>.yaml
    if len(parts) != 5 or not parts[3].isdigit() or not parts[4][:-5].isdigit():
        return None
    return parts[2], int(parts[3]), int(parts[4][:-5])


def _read(file: DataFile) -> bytes:
    try:
        with open(file.location, "rb") as handle:
            return handle.read(1 << 20)
    except OSError:
        return b""


def _referred_from(raw: bytes) -> tuple[str, int, int] | None:
    found = _REFERRED.search(raw)
    return (found[1].decode(), int(found[2]), int(found[3])) if found else None


def related_cases(case_files: Iterable[DataFile], ref: tuple[str, int, int]) -> set[str]:
    """The paths of the case files on the referral chain through ``ref``, both ways (a superset: every file
    that refers to one of them, from the case's year on)."""
    by_ref = {parsed: file for file in case_files if (parsed := _ref_of(file.rel)) is not None}
    wanted: set[tuple[str, int, int]] = {ref}
    current = ref
    while current in by_ref:  # earlier: follow the chain from the case itself
        sender = _referred_from(_read(by_ref[current]))
        if sender is None or sender in wanted:
            break
        wanted.add(sender)
        current = sender
    later = {}
    for parsed, file in by_ref.items():
        if parsed[1] >= ref[1] and parsed not in wanted:
            raw = _read(file)
            if b"referred_from" in raw and (sender := _referred_from(raw)) is not None:
                later[parsed] = sender
    grown = True
    while grown:  # later: the cases referred from any case on the route, until no more join
        joined = {parsed for parsed, sender in later.items() if sender in wanted}
        grown = bool(joined)
        wanted |= joined
        for parsed in joined:
            del later[parsed]
    return {by_ref[parsed].rel for parsed in wanted if parsed in by_ref}
