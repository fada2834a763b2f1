"""Everything that touches git, and nothing else does: through the git command itself.

The repository's data can be read as it is in the index (``--staged``) or in any
commit (``fsu diff``), as an overlay on the working tree for the loader.

A git hook runs with variables such as GIT_DIR and GIT_INDEX_FILE that point at
the hook's repository. They are passed on only to git calls on that same
repository; a call on any other repository (or a new one) runs without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

from fsu_cli.errors import UsageError
from fsu_cli.store.paths import classify, discover

Overlay = dict[str, "bytes | None"]


def _git(root: Path, *args: str, input: bytes | None = None) -> bytes:
    done = _run(root, args, input, _environment(root))
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {args[0]} failed: {message[-1] if message else 'unknown error'}")
    return done.stdout


def _run(root: Path, args: tuple[str, ...], input: bytes | None, env: dict[str, str]) -> subprocess.CompletedProcess:
    if shutil.which("git") is None:
        raise UsageError("git is not installed, or not on the PATH.")
    return subprocess.run(["git", "-C", str(root), *args], input=input, capture_output=True, env=env)


@cache
def _local_variables() -> tuple[str, ...]:
    """The variables that tie git to one repository (GIT_DIR, GIT_INDEX_FILE, ...), as git itself lists them."""
    done = subprocess.run(["git", "rev-parse", "--local-env-vars"], capture_output=True, text=True)
    listed = tuple(done.stdout.split()) if done.returncode == 0 else ()
    return listed or ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
                      "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX", "GIT_NAMESPACE")


def _without_local_variables() -> dict[str, str]:
    local = set(_local_variables())
    return {key: value for key, value in os.environ.items() if key not in local}


def _environment(root: Path) -> dict[str, str]:
    """The environment for git calls on ``root``: a hook's GIT_* variables only if they name this repository."""
    clean = _without_local_variables()
    if len(clean) == len(os.environ):
        return clean
    inherited = tuple(sorted((k, v) for k, v in os.environ.items() if k not in clean))
    return dict(os.environ) if _hook_repository_is(root.resolve(), Path.cwd(), inherited) else clean


@cache
def _hook_repository_is(root: Path, cwd: Path, inherited: tuple[tuple[str, str], ...]) -> bool:
    hook_repository = _git_dir(cwd, dict(os.environ))
    return hook_repository is not None and hook_repository == _git_dir(root, _without_local_variables())


def _git_dir(folder: Path, env: dict[str, str]) -> Path | None:
    done = _run(folder, ("rev-parse", "--absolute-git-dir"), None, env)
    text = done.stdout.decode("utf-8", "surrogateescape").strip()
    return Path(text).resolve() if done.returncode == 0 and text else None


def init_repository(folder: Path) -> bool:
    """``git init`` in a new folder (never inside the hook's repository); False when git is not at hand."""
    if shutil.which("git") is None or (folder / ".git").exists():
        return False
    done = subprocess.run(["git", "init", "-q", str(folder)], capture_output=True, env=_without_local_variables())
    return done.returncode == 0


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
