"""Everything that touches git, and nothing else does: through the git command itself.

The repository's data can be read as it is in the index (``--staged``) or in any
commit (``fsu diff``), as an overlay on the working tree for the loader.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from fsu_cli.repo import UsageError, classify

Overlay = dict[str, "bytes | None"]


def _git(root: Path, *args: str, input: bytes | None = None) -> bytes:
    if shutil.which("git") is None:
        raise UsageError("git is not installed, or not on the PATH.")
    done = subprocess.run(["git", "-C", str(root), *args], input=input, capture_output=True)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {args[0]} failed: {message[-1] if message else 'unknown error'}")
    return done.stdout


def _top(root: Path) -> tuple[Path, str]:
    """The git repository's top folder, and where the governance repository sits in it ('' at the top)."""
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    except UsageError:
        raise UsageError(f"{root} is not inside a git repository.") from None
    rel = root.resolve().relative_to(top).as_posix()
    return top, "" if rel == "." else rel + "/"


def _pathspecs(where: str) -> list[str]:
    return [where + "fsu.yaml", where + "data"]


def _records(listing: bytes, where: str):
    """(metadata, path relative to the governance repository) from git's -z listings of full paths."""
    for record in listing.split(b"\0"):
        if record:
            meta, path = record.decode("utf-8", "surrogateescape").split("\t", 1)
            yield meta.split(), path[len(where):] if path.startswith(where) else path


def _blobs(root: Path, shas: list[str]) -> list[bytes]:
    """The contents of many blobs in one git call."""
    if not shas:
        return []
    out = _git(root, "cat-file", "--batch", input=("\n".join(shas) + "\n").encode())
    contents, position = [], 0
    for _ in shas:
        header_end = out.index(b"\n", position)
        size = int(out[position:header_end].split()[2])
        start = header_end + 1
        contents.append(out[start:start + size])
        position = start + size + 1
    return contents


def _overlay(root: Path, entries: list[tuple[str, str]], working: list[str]) -> Overlay:
    """Files as listed (path relative to the root, blob id), and every other working-tree data file removed."""
    overlay: Overlay = {rel: None for rel in working}
    wanted = [(rel, sha) for rel, sha in entries if classify(rel) is not None]
    for (rel, _), content in zip(wanted, _blobs(root, [sha for _, sha in wanted])):
        overlay[rel] = content
    return overlay


def _working_files(root: Path) -> list[str]:
    from fsu_cli.repo import discover

    files, _ = discover(root)
    return [file.rel for file in files]


def staged_overlay(root: Path) -> Overlay:
    """The data as it is in the git index."""
    top, where = _top(root)
    listing = _git(top, "ls-files", "-s", "-z", "--", *_pathspecs(where))
    entries = [(rel, meta[1]) for meta, rel in _records(listing, where) if meta[2] == "0"]
    return _overlay(top, entries, _working_files(root))


def revision_overlay(root: Path, revision: str) -> Overlay:
    """The data as it is in a commit (a branch, tag or commit id)."""
    top, where = _top(root)
    _git(top, "rev-parse", "--verify", "--quiet", revision + "^{commit}")
    listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", revision, "--", *_pathspecs(where))
    entries = [(rel, meta[2]) for meta, rel in _records(listing, where) if meta[1] == "blob"]
    return _overlay(top, entries, _working_files(root))


def changed_since(root: Path, revision: str) -> list[str]:
    """Data files changed, added or removed since a commit, in the working tree (untracked ones included)."""
    top, where = _top(root)
    _git(top, "rev-parse", "--verify", "--quiet", revision + "^{commit}")
    changed = _git(top, "diff", "--name-only", "-z", revision, "--", *_pathspecs(where))
    untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z", "--", *_pathspecs(where))
    paths = {p.decode("utf-8", "surrogateescape") for p in (changed + b"\0" + untracked).split(b"\0") if p}
    return sorted(p[len(where):] if p.startswith(where) else p for p in paths)


def default_base(root: Path) -> str:
    """The merge base of HEAD with the main branch (main, master, or the remote's default)."""
    _top(root)  # a clear error outside git
    for candidate in ("origin/HEAD", "origin/main", "main", "origin/master", "master"):
        try:
            _git(root, "rev-parse", "--verify", "--quiet", candidate + "^{commit}")
        except UsageError:
            continue
        return _git(root, "merge-base", candidate, "HEAD").decode().strip()
    raise UsageError("No main branch was found to compare with; name the base, e.g. fsu diff HEAD~1.")
