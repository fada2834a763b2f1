"""A cache of validation work, kept outside the repository, keyed by file content.

Two stores per repository, in the user's cache folder (``FSU_CACHE_DIR``, or
``$XDG_CACHE_HOME/fsu``, or ``~/.cache/fsu``):

- the documents: each file's parsed data and per-file findings, by content hash;
- the last result: every finding of a whole run, by the hash of all files
  together and the date checked.

Both are keyed by fsu's version and its schemas too. A cache that is missing,
stale, corrupt or written by two runs at once is simply not used: every write is
a whole new file renamed into place, and anything that fails to load is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

FORMAT = 2


def cache_dir() -> Path:
    explicit = os.environ.get("FSU_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fsu"


@cache
def fingerprint() -> str:
    """Changes whenever fsu, its schemas or the Python that pickles the data change."""
    from fsu_cli import __version__
    from fsu_cli.schema import SCHEMA_FILES, resource_dir

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for name in sorted(SCHEMA_FILES.values()):
        digest.update((resource_dir("schemas") / name).read_bytes())
    return digest.hexdigest()


def content_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class Store:
    def __init__(self, root: Path):
        key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        self.folder = cache_dir()
        self.documents_path = self.folder / f"{key}.documents"
        self.result_path = self.folder / f"{key}.result"

    def _read(self, path: Path) -> Any:
        try:
            with open(path, "rb") as stream:
                stored = pickle.load(stream)
        except Exception:  # missing, corrupt, half-written, from another version: not used
            return None
        if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint():
            return None
        return stored.get("value")

    def _write(self, path: Path, value: Any) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "wb") as stream:
                    pickle.dump({"fingerprint": fingerprint(), "value": value}, stream,
                                protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
            except BaseException:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass
                raise
        except OSError:
            return  # a cache that cannot be written (read-only home, full disk) only costs time

    def documents(self) -> dict[str, tuple]:
        value = self._read(self.documents_path)
        return value if isinstance(value, dict) else {}

    def save_documents(self, entries: dict[str, tuple]) -> None:
        self._write(self.documents_path, entries)

    def last_run(self) -> dict:
        """The last run's key, findings and file signatures (mtime, size, inode, content hash)."""
        value = self._read(self.result_path)
        if isinstance(value, dict) and {"key", "findings", "stats", "written"} <= value.keys():
            return value
        return {"key": None, "findings": None, "stats": {}, "written": 0}

    def save_run(self, key: str, findings: Any, stats: dict[str, tuple]) -> None:
        import time

        self._write(self.result_path, {"key": key, "findings": findings, "stats": stats,
                                       "written": time.time_ns()})


# A file changed this close to the moment the cache was written might have changed
# again within the same timestamp: its content is read and hashed, as git does.
RACY_NS = 2_000_000_000
