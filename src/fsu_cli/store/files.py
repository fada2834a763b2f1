"""Reading and writing files: bounded reads, atomic replacement, exclusive creation, one edit at a time.

Whatever goes wrong in the environment while writing (a full disk, a read-only
folder) ends in a plain ``UsageError`` naming the file, with nothing half-written
or temporary left behind.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fsu_cli.errors import UsageError, os_cause

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

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

    A crash leaves either the old file or the new one, never half of one. The new
    file keeps the old one's permissions (and owner and group, where fsu may set
    them); a read-only file is refused, not replaced.
    """
    try:
        old = os.stat(path)
    except OSError:
        old = None
    if old is not None:
        _may_replace(path, old, force)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"The folder {folder} does not exist.")
    with _failures_explained(path):
        _write_new(folder, path.name, data, old, lambda temporary: os.replace(temporary, path))


def _may_replace(path: Path, old: os.stat_result, force: bool) -> None:
    if not force:
        raise UsageError(f"{path} already exists. Use --force to replace it, or choose another --output.")
    if stat.S_ISDIR(old.st_mode):
        raise UsageError(f"{path} is a folder; --output needs a file name.")
    if not stat.S_ISREG(old.st_mode):
        raise UsageError(f"{path} is not a plain file (a device or a pipe, say), so fsu will not replace it.")
    if not old.st_mode & 0o222 or not os.access(path, os.W_OK):  # root may write anything: look at the mode too
        raise UsageError(f"{path} is read-only, so fsu left it as it was. Make it writable first if it should "
                         "change (for example: chmod u+w).")


def create_exclusively(path: Path, data: bytes) -> None:
    """Create a file with its whole content at once, failing with FileExistsError if it exists."""
    with _failures_explained(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_new(path.parent, path.name, data, None, lambda temporary: os.link(temporary, path), keep=False)


def _write_new(folder: Path, name: str, data: bytes, like: os.stat_result | None, place, keep: bool = True
               ) -> None:
    """Write ``data`` to a new temporary file in ``folder`` and ``place`` it; the temporary file never stays.

    The temporary file gets the mode a new file gets (0666 less the umask: 0644 usually),
    or that of the file it replaces (``like``), never more open than that while it is written.
    """
    temporary, handle = _create_temporary(folder, name, stat.S_IMODE(like.st_mode) if like else 0o666)
    placed = False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if like is not None:
                _same_owner_and_mode(stream.fileno(), like)
            os.fsync(stream.fileno())
        place(temporary)
        placed = keep
    finally:
        if not placed:
            try:
                os.unlink(temporary)
            except FileNotFoundError:
                pass


def _create_temporary(folder: Path, name: str, mode: int) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return temporary, os.open(temporary, flags, mode)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(folder))


def _same_owner_and_mode(handle: int, like: os.stat_result) -> None:
    if not hasattr(os, "fchown"):  # Windows: no owners or modes of this kind
        return
    for owner, group in ((like.st_uid, like.st_gid), (-1, like.st_gid)):
        try:
            os.fchown(handle, owner, group)
            break
        except OSError:  # only root may give a file away; a group of one's own is allowed
            continue
    os.fchmod(handle, stat.S_IMODE(like.st_mode))  # after fchown, which may clear set-id bits


@contextmanager
def _failures_explained(path: Path) -> Iterator[None]:
    """An OSError while writing (other than a file that exists) as a plain UsageError naming the file."""
    try:
        yield
    except FileExistsError:
        raise
    except OSError as error:
        folder = Path(error.filename).parent if isinstance(error.filename, str) else path.parent  # which refused
        if error.errno == errno.EACCES:
            cause = f"fsu may not write to the folder {folder}"
        else:
            cause = os_cause(error) or error.strerror or str(error) or "the system refused"
        raise UsageError(f"Could not write {path}: {cause}. Nothing was changed.") from None


# --- one edit at a time ------------------------------------------------------------------------

LOCK_WAIT_SECONDS = 60.0


@contextmanager
def repository_lock(root: Path) -> Iterator[None]:
    """Hold the repository for one edit (read, check, write), so that edits made at once do not lose each other.

    The lock is taken on the repository's folder itself (flock), so no lock file is left
    behind for git or fsu to see, and the system releases it when fsu ends, even in a crash.
    Another edit's lock is waited for, ``LOCK_WAIT_SECONDS`` at most. Without flock (Windows),
    edits are not serialised.
    """
    if fcntl is None:
        yield
        return
    try:
        handle = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise UsageError(f"Could not open the repository folder {root}: {error.strerror}.") from None
    try:
        _wait_for_lock(handle)
        yield
    finally:
        os.close(handle)  # releases the lock


def _wait_for_lock(handle: int) -> None:
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    pause = 0.01
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise UsageError("another fsu command is changing this repository; try again.") from None
        except OSError:  # a file system without locks (some network shares): go on, as before locks
            return
        time.sleep(pause)
        pause = min(pause * 2, 0.2)
