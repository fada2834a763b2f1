"""Reading and writing files: bounded reads, atomic replacement, exclusive creation."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from fsu_cli.errors import UsageError

DEFAULT_MAX_BYTES = 1024 * 1024
# What a repository may raise the limit to, and no further: a pull request must not be
# able to make every check read (and every worker hold) arbitrarily large files.
HARD_MAX_BYTES = 2 * 1024 * 1024


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | None:
    """The file's bytes, or just over ``max_bytes`` of them for a file above the limit.

    None if it cannot be read, or is not a regular file: a named pipe or a device
    would otherwise keep fsu waiting for ever (opened without waiting, then checked).
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(max_bytes + 1)
    except OSError:
        return None
    finally:
        os.close(handle)


def write_atomically(path: Path, data: bytes, force: bool = False) -> None:
    """Write to a temporary file beside ``path``, then rename it into place.

    A crash leaves either the old file or the new one, never half of one.
    """
    if path.exists() and not force:
        raise UsageError(f"{path} already exists. Use --force to replace it, or choose another --output.")
    if path.is_dir():
        raise UsageError(f"{path} is a folder; --output needs a file name.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"The folder {folder} does not exist.")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def create_exclusively(path: Path, data: bytes) -> None:
    """Create a file with its whole content at once, failing with FileExistsError if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.link(temporary, path)  # atomic, and refuses to replace an existing file
    finally:
        os.unlink(temporary)
