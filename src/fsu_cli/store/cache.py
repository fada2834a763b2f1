"""A cache of validation work, kept outside the repository, keyed by file content and by fsu's own code.

Two stores per repository, in the user's cache folder (``FSU_CACHE_DIR``, or the
operating system's convention: ``~/.cache/fsu`` on Linux, ``~/Library/Caches/fsu``
on macOS, ``%LOCALAPPDATA%\\fsu\\Cache`` on Windows):

- the documents: each file's parsed data and per-file findings, by content hash;
- the last result: every finding of a whole run, by the hash of all files
  together and the date checked.

Both are keyed by a fingerprint of fsu's own code and schemas, so an edited
installation never serves stale results. The folder is created for this user alone
(mode 700); a folder or file that another user could write to is not used, since
whoever can write the cache could plant a clean result for a broken repository. The files hold plain data (MessagePack:
maps, lists, text, numbers), never code, so a cache file that someone else wrote
can at worst be wrong, and a wrong one is simply not used: anything missing,
stale, corrupt or written by two runs at once is ignored, and every write is a
whole new file renamed into place.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from fsu_cli.store.resources import package_dir, resource_dir

FORMAT = 6


def cache_dir() -> Path:
    explicit = os.environ.get("FSU_CACHE_DIR")
    if explicit:
        return Path(explicit)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("fsu", appauthor=False))


@cache
def fingerprint() -> str:
    """Changes whenever fsu's code, its schemas or the cache's format change."""
    from fsu_cli import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}".encode())
    package = package_dir()
    sources = sorted(package.rglob("*.py")) + sorted(resource_dir("schemas").glob("*.json"))
    for path in sources:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_hash(raw: bytes) -> str:
    """git's object id for the content (sha1 of "blob <size>\\0" and the bytes): a file in the working
    tree, the index or any commit is then found in the cache by the id git already knows."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


SHARDS = 64


def shard_of(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogateescape")) % SHARDS


def _well_formed(versions: Any) -> bool:
    return isinstance(versions, list) and all(isinstance(v, list) and len(v) == 5 for v in versions)


def is_plain(value: Any, depth: int = 0) -> bool:
    """Whether the value survives MessagePack unchanged: maps, lists, text, small numbers, booleans, null."""
    if value is None or isinstance(value, (str, bool, float)):
        return True
    if isinstance(value, int):
        return -(2**63) <= value < 2**64
    if depth > 400:
        return False
    if type(value) is list:
        return all(is_plain(item, depth + 1) for item in value)
    if type(value) is dict:
        return all(
            (key is None or isinstance(key, (str, bool, float)) or (isinstance(key, int) and -(2**63) <= key < 2**64))
            and is_plain(item, depth + 1)
            for key, item in value.items()
        )
    return False


def _pack(value: Any) -> bytes:
    import msgpack

    return msgpack.packb(value, use_bin_type=True)


def _unpack(raw: bytes) -> Any:
    import msgpack

    return msgpack.unpackb(raw, raw=False, strict_map_key=False, use_list=True)


class Store:
    def __init__(self, root: Path):
        self.key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        self.folder = cache_dir()
        self.result_path = self.folder / f"{self.key}.result"
        self.trees_path = self.folder / f"{self.key}.trees"

    def _read(self, path: Path) -> Any:
        if not _private(self.folder):
            return None
        try:
            with open(path, "rb") as stream:
                if not _private_file(os.fstat(stream.fileno())):
                    return None
                stored = _unpack(stream.read())
        except Exception:  # missing, corrupt, half-written, from another version: not used
            return None
        if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint():
            return None
        return stored.get("value")

    def _write(self, path: Path, value: Any) -> None:
        try:
            data = _pack({"fingerprint": fingerprint(), "value": value})
        except (TypeError, ValueError, OverflowError):
            return  # not plain data: not cached
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _private(self.folder):
                return
            handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                os.replace(temporary, path)
            except BaseException:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass
                raise
        except OSError:
            return  # a cache that cannot be written (read-only home, full disk) only costs time

    # --- documents, in shards by path: one changed file rewrites one shard ---------------------

    def _shard_path(self, shard: int) -> Path:
        return self.folder / f"{self.key}.documents.{shard:02x}"

    def documents(self, rels: Iterable[str] | None = None) -> dict[str, list]:
        """By path: the cached versions of the file, each [digest, kind, data, findings, slim].

        Only the shards that hold ``rels`` are read (all of them when ``rels`` is None).
        """
        shards = range(SHARDS) if rels is None else sorted({shard_of(rel) for rel in rels})
        entries: dict[str, list] = {}
        for shard in shards:
            value = self._read(self._shard_path(shard))
            if isinstance(value, dict):
                entries.update((rel, versions) for rel, versions in value.items()
                               if isinstance(rel, str) and _well_formed(versions))
        return entries

    def save_documents(self, changed: dict[str, list | None], keep_only: set[str] | None = None) -> None:
        """Store new versions (None: forget the file), rewriting only the shards they fall in.

        A file keeps its two latest versions, so checking a commit and the working tree in turn
        (``--staged``) parses neither again. With ``keep_only``, every other path in the shards
        rewritten is forgotten (files that no longer exist).
        """
        by_shard: dict[int, dict[str, list | None]] = {}
        for rel, version in changed.items():
            by_shard.setdefault(shard_of(rel), {})[rel] = version
        for shard, updates in by_shard.items():
            stored = self._read(self._shard_path(shard))
            entries = {rel: versions for rel, versions in stored.items() if isinstance(rel, str)
                       and _well_formed(versions)} if isinstance(stored, dict) else {}
            for rel, version in updates.items():
                if version is None:
                    entries.pop(rel, None)
                else:
                    older = [v for v in entries.get(rel, []) if v[0] != version[0]]
                    entries[rel] = [version, *older[:1]]
            if keep_only is not None:
                entries = {rel: versions for rel, versions in entries.items() if rel in keep_only}
            self._write(self._shard_path(shard), entries)

    def last_run(self) -> dict:
        """The last run's key, findings and file signatures (mtime, ctime, size, inode, content hash)."""
        value = self._read(self.result_path)
        if (isinstance(value, dict) and isinstance(value.get("stats"), dict)
                and isinstance(value.get("written"), int) and isinstance(value.get("findings"), list)):
            value["stats"] = {rel: signature for rel, signature in value["stats"].items()
                              if isinstance(signature, list) and len(signature) == 5}
            return value
        return {"key": None, "findings": None, "stats": {}, "written": 0}

    def save_run(self, key: str, findings: list, stats: dict[str, list]) -> None:
        import time

        self._write(self.result_path, {"key": key, "findings": findings, "stats": stats,
                                       "written": time.time_ns()})


    # --- which case each case file is referred from (for a case paper's route), by file signature --------

    def referrals(self) -> dict:
        value = self._read(self.folder / f"{self.key}.referrals")
        if isinstance(value, dict) and isinstance(value.get("written"), int) and isinstance(value.get("files"), dict):
            return value
        return {"written": 0, "files": {}}

    def save_referrals(self, files: dict) -> None:
        import time

        self._write(self.folder / f"{self.key}.referrals", {"files": files, "written": time.time_ns()})

    # --- findings of whole trees given as overlays (a commit, the index), by their run key -----

    def tree_findings(self, key: str) -> list | None:
        """The findings of a tree checked before (``--staged`` checks HEAD at every commit), or None."""
        value = self._read(self.trees_path)
        if isinstance(value, list):
            for entry in value:
                if isinstance(entry, list) and len(entry) == 2 and entry[0] == key and isinstance(entry[1], list):
                    return entry[1]
        return None

    def save_tree_findings(self, key: str, findings: list) -> None:
        """Remember a tree's findings; the few most recent trees are kept."""
        value = self._read(self.trees_path)
        kept = [entry for entry in value if isinstance(entry, list) and len(entry) == 2 and entry[0] != key] \
            if isinstance(value, list) else []
        self._write(self.trees_path, [[key, findings], *kept[:TREES - 1]])


# How many trees' findings are kept: HEAD and the index, and a branch or two compared with --changed-since.
TREES = 6


def _private(folder: Path) -> bool:
    """Whether only this user can write to the folder; otherwise someone else could plant results in it."""
    try:
        st = folder.stat()
    except OSError:
        return False
    return _private_file(st)


def _private_file(st: os.stat_result) -> bool:
    if not hasattr(os, "getuid"):  # Windows: the folder is in the user's own profile
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


# A file changed this close to the moment the cache was written might have changed
# again within the same timestamp: its content is read and hashed, as git does.
RACY_NS = 2_000_000_000
