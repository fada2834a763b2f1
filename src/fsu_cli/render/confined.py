"""The files a document may use: regular files inside the template folders, reached without links.

A governance repository takes pull requests from many people, and CI renders
documents with a token in ``.git/config`` and in the environment. So a template,
the letterhead, or a logo in a PDF is read only if it is a regular file inside
the repository's own ``templates/`` folder or fsu's shipped one: no symbolic link
anywhere on the way (the repository's ``templates/`` folder itself included), no
absolute name, no ``..``, nothing whose real path lies outside the folder. A hard
link cannot be told from a regular file; git never checks one out.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fsu_cli.errors import UsageError

TEMPLATES = "templates"


class NotAllowed(UsageError):
    """A file a document would use breaks the rules above (exit code 2, naming the file)."""


def template_folders(root: Path | None) -> list[Path]:
    """The repository's ``templates/`` (when it has one), then fsu's own; real paths, no links."""
    from fsu_cli.store.resources import resource_dir

    folders = []
    if root is not None:
        own = Path(os.path.realpath(root)) / TEMPLATES
        if os.path.islink(own):
            raise NotAllowed(f"{TEMPLATES}/ in the repository is a symbolic link; fsu reads templates only from a "
                             f"real folder. Replace the link with the folder itself.")
        if own.is_dir():
            folders.append(own)
    return folders + [Path(os.path.realpath(resource_dir(TEMPLATES)))]


def find(folder: Path, name: str, what: str = "template") -> Path | None:
    """The file ``name`` inside ``folder`` if it is there and allowed; None if it is not there.

    ``name`` is a template name such as ``case.md.j2`` or ``parts/logo.png``.
    """
    parts = name.split("/")
    if (not name or name.startswith("/") or "\\" in name or "\0" in name or ":" in parts[0]
            or any(part in ("", ".", "..") for part in parts)):
        raise NotAllowed(f"The {what} '{name}' is not allowed: name a file inside {TEMPLATES}/ by its path there, "
                         f"without '..' or a leading '/'.")
    return inside(folder, folder.joinpath(*parts), name, what)


def inside(folder: Path, path: Path, name: str, what: str = "template") -> Path | None:
    """``path`` if it is a regular file within ``folder`` with no link on the way; None if it does not exist."""
    lexical = os.path.normpath(path)
    real = os.path.realpath(lexical)
    if real != lexical:
        raise NotAllowed(f"The {what} '{name}' is reached through a symbolic link; fsu uses only regular files "
                         f"inside {TEMPLATES}/. Replace the link with the file itself.")
    if os.path.commonpath([real, str(folder)]) != str(folder) or real == str(folder):
        raise NotAllowed(f"The {what} '{name}' lies outside {TEMPLATES}/; fsu uses only files inside it.")
    try:
        mode = os.lstat(lexical).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise NotAllowed(f"The {what} '{name}' cannot be read: {error.strerror}.") from None
    if not stat.S_ISREG(mode):
        raise NotAllowed(f"The {what} '{name}' in {TEMPLATES}/ is not a regular file (a folder, a link or a "
                         f"device); fsu uses only regular files there.")
    return Path(lexical)


def read(path: Path, name: str, max_bytes: int, what: str = "template") -> bytes:
    """The bytes of a file ``find`` or ``inside`` allowed, opened without following a link (up to ``max_bytes``)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise NotAllowed(f"The {what} '{name}' cannot be read: {error.strerror}.") from None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise NotAllowed(f"The {what} '{name}' in {TEMPLATES}/ is not a regular file.")
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise NotAllowed(f"The {what} '{name}' is larger than {max_bytes // (1024 * 1024)} MB; fsu does not read it.")
    return data
