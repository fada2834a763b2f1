"""Writing a rendered document: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fsu_cli.repo import UsageError


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
