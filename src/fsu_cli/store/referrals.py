"""Which case files a case paper's route (saksgang) needs, found without parsing every case.

A referral is written only in the later case (``referred_from: fsu/2024/7``), so finding the
cases sent on from one means looking into the others: the case files from the case's own
year on (a referral never goes back in time). Each file's sender is read from its raw bytes
once and kept in the cache by the file's signature (times, size, inode), as git keeps its
index: an unchanged file is not opened again, a file changed too close to the moment the
cache was written is read anyway. The earlier cases are followed one file at a time.
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterable

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


def related_cases(case_files: Iterable[DataFile], ref: tuple[str, int, int], store: Any = None) -> set[str]:
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
    senders = _senders([(parsed, file) for parsed, file in by_ref.items() if parsed[1] >= ref[1]], store,
                       {file.rel for file in by_ref.values()})
    later = {parsed: sender for parsed, sender in senders.items() if sender is not None and parsed not in wanted}
    grown = True
    while grown:  # later: the cases referred from any case on the route, until no more join
        joined = {parsed for parsed, sender in later.items() if sender in wanted}
        grown = bool(joined)
        wanted |= joined
        for parsed in joined:
            del later[parsed]
    return {by_ref[parsed].rel for parsed in wanted if parsed in by_ref}


def _senders(files: list, store: Any, existing: set[str]) -> dict:
    """Each file's sender (or None), from the cache where the file's signature is unchanged; the cache is
    rewritten when a file had to be read (and then forgets the files that no longer exist)."""
    from fsu_cli.store.cache import RACY_NS

    known = store.referrals() if store is not None else {"written": 0, "files": {}}
    cached, trusted_before = known["files"], known["written"] - RACY_NS
    found, fresh, changed = {}, {}, False
    for parsed, file in files:
        try:
            st = os.stat(file.location)
        except OSError:
            found[parsed] = None
            continue
        signature = [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]
        entry = cached.get(file.rel)
        if isinstance(entry, list) and len(entry) == 5 and entry[:4] == signature \
                and max(signature[:2]) < trusted_before:
            sender = tuple(entry[4]) if isinstance(entry[4], list) and len(entry[4]) == 3 else None
        else:
            raw = _read(file)
            sender = _referred_from(raw) if b"referred_from" in raw else None
            changed = True
        found[parsed] = sender
        fresh[file.rel] = signature + [list(sender) if sender else None]
    if store is not None and changed:
        store.save_referrals({rel: entry for rel, entry in {**cached, **fresh}.items() if rel in existing})
    return found
