"""Find the governance repository and list the data files in it.

A governance repository is a folder with ``fsu.yaml`` at its root and the data
under ``data/``: ``committees/<id>.yaml``, ``mandates/<id>.yaml`` and
``cases/<committee>/<year>/<number>.yaml``.

What a link leads to outside the repository (or into its .git folder, where a CI
token may be kept) is never read, and nothing is written there: ``target_inside``
is the one way to the file an edit writes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from fsu_cli.errors import UsageError

CONFIG_FILE = "fsu.yaml"

# The schemas' pattern for an id: only such an id is ever made part of a file path.
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


class DataFile:
    """A data file: its absolute path, its path relative to the repository root (with forward
    slashes), and its kind (config | committee | mandate | case). The path may be given as text;
    it becomes a Path when first asked for (a large repository has tens of thousands of files)."""

    __slots__ = ("_path", "rel", "kind")

    def __init__(self, path: Path | str, rel: str, kind: str):
        self._path, self.rel, self.kind = path, rel, kind

    @property
    def path(self) -> Path:
        if not isinstance(self._path, Path):
            self._path = Path(self._path)
        return self._path

    @property
    def location(self) -> str:
        """The absolute path as text, for reading the file without making a Path of it."""
        return str(self._path)

    @property
    def stem(self) -> str:
        """The file name without its ending: a committee's or mandate's id, a case's number."""
        return self.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, DataFile) and (self.rel, self.kind, str(self._path))
                == (other.rel, other.kind, str(other._path)))

    def __hash__(self) -> int:
        return hash((self.rel, self.kind))

    def __repr__(self) -> str:
        return f"DataFile({str(self._path)!r}, {self.rel!r}, {self.kind!r})"

    def __getstate__(self) -> tuple:  # to a worker process: as text
        return (str(self._path), self.rel, self.kind)

    def __setstate__(self, state: tuple) -> None:
        self._path, self.rel, self.kind = state


@dataclass(frozen=True, slots=True)
class Stray:
    """Something under data/ that fsu does not read: a YAML file in the wrong place, or a link out."""

    rel: str
    reason: str  # "outside-link" | "unread"
    folder: bool = False  # a folder (named like a YAML file, or a link to one)


def find_root(start: Path | None = None, explicit: Path | None = None) -> Path:
    """The repository given with --repo, or the nearest folder upwards that holds fsu.yaml."""
    if explicit is not None:
        root = explicit.expanduser().resolve()
        if not root.is_dir():
            raise UsageError(f"The folder {explicit} does not exist.")
        if not _holds_config(root):
            raise UsageError(
                f"There is no {CONFIG_FILE} in {root}. "
                f"Point --repo at the root folder of a governance repository (the one with {CONFIG_FILE})."
            )
        return _readable(root)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _holds_config(folder):
            return _readable(folder)
    raise UsageError(
        f"No {CONFIG_FILE} was found in {here} or any folder above it. "
        f"Run fsu inside a governance repository, or name one with --repo DIR."
    )


def _holds_config(folder: Path) -> bool:
    config = folder / CONFIG_FILE
    return config.is_file() or config.is_symlink()


def _readable(root: Path) -> Path:
    """The root, if its fsu.yaml can be read and neither it nor data/ is a link out of the repository."""
    _no_link_out(root)
    if not (root / CONFIG_FILE).is_file():
        raise UsageError(f"{CONFIG_FILE} in {root} is not a file that can be read.")
    return root


def _no_link_out(root: Path) -> None:
    """fsu.yaml and data/ must be the repository's own: what a link out leads to must not be read or shown."""
    for name, what in ((CONFIG_FILE, "file"), ("data", "folder")):
        path = root / name
        if path.is_symlink() and _leads_out(path, root):
            raise UsageError(
                f"{name}{'/' if what == 'folder' else ''} in {root} is a link to a place outside the repository, so the repository cannot be "
                f"read. Put the {what} itself in the repository instead of a link to it."
            )


def discover(root: Path, cases: bool = True) -> tuple[list[DataFile], list[Stray]]:
    """Every data file fsu reads, in a stable order, and the YAML files and links it would miss.

    Without ``cases``, data/cases/ is not walked (for commands that need no case).
    """
    _no_link_out(root)
    files = [DataFile(root / CONFIG_FILE, CONFIG_FILE, "config")]
    strays: list[Stray] = []
    data = root / "data"
    if data.is_dir():
        _walk(root, str(data), "data", (), files, strays, skip=() if cases else ("data/cases",))
    return files, strays


_EXPECTED = {"committees": "committee", "mandates": "mandate", "cases": "case", "meetings": "meeting", "reports": "report"}


def _walk(root: Path, folder: str, rel_folder: str, parts: tuple[str, ...], files: list[DataFile],
          strays: list[Stray], skip: tuple[str, ...] = ()) -> None:
    """One folder under data/, with os.scandir (a large repository has tens of thousands of files)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        rel = f"{rel_folder}/{name}"
        if rel in skip:
            continue
        if entry.is_symlink() and _leads_out(Path(entry.path), root):
            if entry.is_dir() or name.endswith((".yaml", ".yml")):
                strays.append(Stray(rel, "outside-link", folder=entry.is_dir()))
            continue
        if entry.is_dir(follow_symlinks=False):
            if name.endswith((".yaml", ".yml")):  # a folder where a file belongs: say so, not skip it silently
                strays.append(Stray(rel, "unread", folder=True))
            _walk(root, entry.path, rel, parts + (name,), files, strays, skip)
        elif name.endswith((".yaml", ".yml")):
            kind = _kind(parts, name, _EXPECTED)
            if kind is None:
                strays.append(Stray(rel, "unread"))
            else:
                files.append(DataFile(entry.path, rel, kind))


def classify(rel: str) -> str | None:
    """The kind of data file at a path relative to the root, or None if fsu does not read it."""
    if rel == CONFIG_FILE:
        return "config"
    parts = rel.split("/")
    if len(parts) < 2 or parts[0] != "data":
        return None
    return _kind(tuple(parts[1:-1]), parts[-1], _EXPECTED)


def _kind(rel_parts: tuple[str, ...], name: str, expected: dict[str, str]) -> str | None:
    if not name.endswith(".yaml") or not rel_parts or rel_parts[0] not in expected:
        return None
    top = rel_parts[0]
    depth = {"committees": 1, "mandates": 1, "cases": 3, "meetings": 2, "reports": 2}[top]
    return expected[top] if len(rel_parts) == depth else None


def _leads_out(path: Path, root: Path) -> bool:
    """Whether the path, followed through every link, ends outside the repository or inside its .git folder
    (where a CI token may be kept). A link loop leads nowhere: it is read, and fails, like any unreadable file."""
    try:
        inner = path.resolve().relative_to(root.resolve())
    except ValueError:
        return True
    except (OSError, RuntimeError):  # a loop (Python before 3.13 raises RuntimeError)
        return False
    return inner.parts[:1] == (".git",)


def is_id(text: object) -> bool:
    """Whether the text is an id as the schemas define it (small letters, digits, '-'): safe in a file path."""
    return isinstance(text, str) and _ID.fullmatch(text) is not None


def target_inside(root: Path, rel: str) -> Path:
    """The file (or folder) to write for ``rel``, followed through links; UsageError if it leads out of the
    repository.

    A path with '..', or one through a linked folder that leads elsewhere (data/cases/ssu as a link
    to /tmp), is refused, so that no edit writes outside the repository or into its .git folder.
    """
    parts = rel.split("/")
    refused = UsageError(f"{rel} leads out of the repository {root} (through a link or '..'), so fsu will not "
                         "write there. Replace links under data/ with the folders and files themselves.")
    if not rel or rel.startswith("/") or "\\" in rel or any(part in ("", ".", "..") for part in parts):
        raise refused
    path = root / rel
    try:
        real = path.resolve()
        inner = real.relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        raise refused from None
    if inner.parts[:1] == (".git",):
        raise refused
    return real
