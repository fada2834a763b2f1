"""Everything that touches git, and nothing else does: through GitPython, imported only when git is used.

The repository's data can be read as it is in the index (``--staged``) or in any
commit (``fsu diff``), as an overlay on the working tree for the loader; and every
version of every data file in the history can be walked (``fsu scan-history``).
Blobs and trees are read through one ``git cat-file --batch`` process per repository
(GitPython's ``GitCmdObjectDB``); the index, diffs and revision names are git's own
answers, asked through ``repo.git``.

When git cannot give what was asked (no commits yet, a shallow clone without the
base, a file with merge conflicts, a damaged repository), the error says so in plain words.

A git hook runs with variables such as GIT_DIR and GIT_INDEX_FILE that point at
the hook's repository. They are passed on only to git calls on that same
repository; a call on any other repository (or a new one) runs without them.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterator

from fsu_cli.errors import UsageError
from fsu_cli.store.paths import classify, discover


class Blob:
    """A file as git stores it: known by its object id at once, its bytes read only when asked for.

    The object id is also fsu's cache key for the content, so a commit or the index is looked up
    in the cache without reading a byte; ``read_blobs`` fetches many in one git process.
    """

    __slots__ = ("id", "top", "_data")

    def __init__(self, object_id: str, top: Path):
        self.id, self.top, self._data = object_id, top, None

    def read(self) -> bytes:
        if self._data is None:
            read_blobs([self])
        return self._data  # type: ignore[return-value]


def read_blobs(blobs: list[Blob]) -> None:
    """Fetch the bytes of the blobs not read yet, through one ``git cat-file --batch`` per repository."""
    by_top: dict[Path, list[Blob]] = {}
    for blob in blobs:
        if blob._data is None:
            by_top.setdefault(blob.top, []).append(blob)
    for top, pending in by_top.items():
        for blob, content in zip(pending, _blobs(top, [blob.id for blob in pending])):
            blob._data = content


Overlay = dict[str, "bytes | Blob | None"]


def _library() -> Any:
    """GitPython, imported here so that commands which never touch git never load it."""
    try:
        import git
    except ImportError:  # GitPython refuses to load without a git program; or it is missing
        if shutil.which("git") is None:
            raise UsageError("git is not installed, or not on the PATH.") from None
        raise UsageError("fsu needs GitPython for this; install it: python3 -m pip install gitpython.") from None
    return git


@contextmanager
def _repository(top: Path) -> Iterator[Any]:
    """GitPython's repository at ``top``, run with the environment git needs for it; whatever git or
    GitPython cannot read (a damaged repository, a git that fails) ends as a plain UsageError."""
    git = _library()
    with _variables(_environment(top)):  # GitPython reads os.environ, and passes it on to git
        try:
            repo = git.Repo(top)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise UsageError(f"{top} is not inside a git repository.") from None
        try:
            yield repo
        except (git.GitError, git.exc.ODBError, ValueError, OSError) as error:  # ValueError: GitPython's
            raise _failure(error) from None  # "could not be resolved" for an object cat-file lacks
        finally:
            repo.close()  # ends the cat-file processes


def _failure(error: Exception) -> UsageError:
    """A git command's failure in git's own last words; an object git cannot read, as the damage it is."""
    command = getattr(error, "command", None)
    if not isinstance(command, (list, tuple)) or len(command) < 2:  # GitPython's reading of an object failed
        return UsageError("git could not read an object of this repository: it is damaged or incomplete "
                          "(git fsck tells more).")
    said = _last_line(error).removeprefix("stderr: '").removesuffix("'")  # GitPython quotes git's stderr
    return UsageError(f"git {command[1]} failed: {said}")


@cache
def _local_variables() -> tuple[str, ...]:
    """The variables that tie git to one repository (GIT_DIR, GIT_INDEX_FILE, ...), as git itself lists them."""
    try:
        git = _library()
    except UsageError:
        git = None
    listed: tuple[str, ...] = ()
    if git is not None:
        try:
            listed = tuple(git.Git().rev_parse("--local-env-vars").split())
        except (git.GitError, OSError):
            pass
    return listed or ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
                      "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX", "GIT_NAMESPACE")


def _without_local_variables() -> dict[str, str]:
    local = set(_local_variables())
    return {key: value for key, value in os.environ.items() if key not in local}


def _environment(root: Path) -> dict[str, str]:
    """The environment for git calls on ``root``: a hook's GIT_* variables only if they name this repository."""
    if not any(key.startswith("GIT_") for key in os.environ):  # outside a hook: nothing to ask git about
        return dict(os.environ)
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
    git = _library()
    with _variables(env):
        try:
            text = git.Git(folder).rev_parse("--absolute-git-dir").strip()
        except (git.GitError, OSError):
            return None
    return Path(text).resolve() if text else None


def init_repository(folder: Path) -> bool:
    """``git init`` on the branch ``main`` in a new folder (never inside the hook's repository); False when git
    is not at hand.

    ``main`` whatever git's own default is, since the workflows fsu writes run on pushes to ``main``.
    """
    if shutil.which("git") is None or (folder / ".git").exists():
        return False
    try:
        git = _library()
    except UsageError:
        return False
    with _variables(_without_local_variables()):
        try:
            git.Repo.init(folder, initial_branch="main", quiet=True).close()
        except git.GitCommandError:  # git before 2.28 has no --initial-branch: name the unborn branch instead
            try:
                repo = git.Repo.init(folder, quiet=True)
                repo.git.symbolic_ref("HEAD", "refs/heads/main")
                repo.close()
            except git.GitError:
                return False
    return True


def governance_prefix(root: Path) -> str:
    """Where the governance repository sits in its git repository ('styring/' or '' at the top), for paths that
    tools such as GitHub read from the git repository's top; '' outside git, too."""
    try:
        return _top(root)[1]
    except (UsageError, ValueError):  # not in git, or no git: the governance repository is the top
        return ""


def _top(root: Path) -> tuple[Path, str]:
    """The git repository's top folder, and where the governance repository sits in it ('' at the top)."""
    git = _library()
    with _variables(_environment(root)):
        try:
            repo = git.Repo(root, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            repo = None
    if repo is None or repo.working_tree_dir is None:  # not in git, or a bare repository
        raise UsageError(f"{root} is not inside a git repository.")
    top = Path(repo.working_tree_dir).resolve()
    repo.close()
    rel = root.resolve().relative_to(top).as_posix()
    return top, "" if rel == "." else rel + "/"


def _pathspecs(where: str) -> list[str]:
    return [where + "fsu.yaml", where + "data"]


def _records(listing: str, where: str) -> Iterator[tuple[list[str], str]]:
    """(metadata, path relative to the governance repository) from git's -z listings of full paths."""
    for record in listing.split("\0"):
        if record:
            meta, path = record.split("\t", 1)
            yield meta.split(), path.removeprefix(where)


def _blobs(top: Path, shas: list[str]) -> list[bytes]:
    """The contents of many blobs, through GitPython's one persistent ``git cat-file --batch``."""
    if not shas:
        return []
    with _repository(top) as repo:
        return [repo.odb.stream(bytes.fromhex(sha)).read() for sha in shas]


def _overlay(root: Path, entries: list[tuple[str, str]], working: list[str]) -> Overlay:
    """Files as listed (path relative to the root, blob id), and every other working-tree data file removed."""
    overlay: Overlay = {rel: None for rel in working}
    for rel, sha in entries:
        if classify(rel) is not None:
            overlay[rel] = Blob(sha, root)
    return overlay


def _working_files(root: Path, discovered: tuple | None = None) -> list[str]:
    files, _ = discovered or discover(root)
    return [file.rel for file in files]


def staged_overlay(root: Path, discovered: tuple | None = None) -> Overlay:
    """The data as it is in the git index (``discovered``: the working tree's files, if known already).

    The index is listed by git itself rather than parsed by GitPython's ``IndexFile``, which reads only
    index versions 1-3 (not version 4, nor a split index: both tested) and only .git/index unless told of
    GIT_INDEX_FILE, which a hook of ``git commit -a`` points at another file.
    """
    top, where = _top(root)
    with _repository(top) as repo:
        listing = repo.git.ls_files("-s", "-z", "--", *_pathspecs(where))
    records = list(_records(listing, where))
    _refuse_conflicts(sorted({rel for meta, rel in records if meta[2] != "0"}))
    entries = [(rel, meta[1]) for meta, rel in records if meta[2] == "0"]
    return _overlay(top, entries, _working_files(root, discovered))


def _refuse_conflicts(unmerged: list[str]) -> None:
    """An unmerged file (index stages 1-3, no stage 0) is not deleted: it is waiting for its merge."""
    if unmerged:
        names = ", ".join(unmerged[:5]) + (f" and {len(unmerged) - 5} more" if len(unmerged) > 5 else "")
        many = len(unmerged) > 1
        raise UsageError(f"{names} {'have' if many else 'has'} merge conflicts; resolve them and stage the "
                         f"file{'s' if many else ''} first (git add), then run fsu again.")


def revision_overlay(root: Path, revision: str, discovered: tuple | None = None) -> Overlay:
    """The data as it is in a commit (a branch, tag or commit id).

    The tree is listed by git's ``ls-tree`` rather than walked as GitPython's ``Tree`` objects, which parse
    every entry in Python: 5x slower at 30,000 files (bench/README.md), and ``--staged`` lists HEAD each time.
    """
    top, where = _top(root)
    with _repository(top) as repo:
        commit = _named_commit(repo, revision)
        listing = repo.git.ls_tree("-r", "-z", "--full-tree", commit, "--", *_pathspecs(where))
    entries = [(rel, meta[2]) for meta, rel in _records(listing, where) if meta[1] == "blob"]
    return _overlay(top, entries, _working_files(root, discovered))


def changed_since(root: Path, revision: str) -> list[str]:
    """Data files changed, added or removed since a commit, in the working tree (untracked ones included)."""
    top, where = _top(root)
    with _repository(top) as repo:
        commit = _named_commit(repo, revision)
        # git's own listing: GitPython's Diff decodes paths strictly, and a file name need not be UTF-8
        changed = repo.git.diff("--name-only", "-z", commit, "--", *_pathspecs(where))
        untracked = repo.git.ls_files("--others", "--exclude-standard", "-z", "--", *_pathspecs(where))
    paths = {path for path in (changed + "\0" + untracked).split("\0") if path}
    return sorted(path.removeprefix(where) for path in paths)


def head_commit(root: Path) -> str | None:
    """The commit HEAD points at, or None in a repository with no commits yet."""
    top, _ = _top(root)
    with _repository(top) as repo:
        return _commit_in(repo, "HEAD")


def renames(root: Path, revision: str | None, staged: bool) -> dict[str, str]:
    """Data files renamed since a commit (old path → new path), in the index or in the working tree.

    Findings that moved with their file are then recognised as the same findings.
    """
    top, where = _top(root)
    if revision is None:
        return {}
    with _repository(top) as repo:
        commit = _named_commit(repo, revision)
        listing = repo.git.diff("-M", "--name-status", "-z", *(["--cached"] if staged else []), commit, "--",
                                *_pathspecs(where))
    return _moved(listing.split("\0"), where)


def _moved(fields: list[str], where: str) -> dict[str, str]:
    """Old path → new path from ``--name-status -z`` (a rename or copy has two paths, the rest one)."""
    moved, i = {}, 0
    while i < len(fields) - 1:
        status = fields[i]
        if status.startswith(("R", "C")):
            if status.startswith("R"):
                moved[fields[i + 1].removeprefix(where)] = fields[i + 2].removeprefix(where)
            i += 3
        else:
            i += 2
    return moved


def default_base(root: Path) -> str:
    """The merge base of HEAD with the main branch (main, master, or the remote's default)."""
    top, _ = _top(root)  # a clear error outside git
    with _repository(top) as repo:
        if _commit_in(repo, "HEAD") is None:
            raise UsageError(_no_commits(_COMMIT_FIRST))
        for candidate in ("origin/HEAD", "origin/main", "main", "origin/master", "master"):
            if _commit_in(repo, candidate) is not None:
                return _merge_base(repo, candidate)
    raise UsageError("No main branch was found to compare with; name the base, e.g. fsu diff HEAD~1.")


def _merge_base(repo: Any, candidate: str) -> str:
    bases = repo.merge_base(candidate, "HEAD")  # none: git found no common commit
    if bases:
        return bases[0].hexsha
    if _shallow(repo):
        raise UsageError(f"This is a shallow clone, so the base (where this branch left {candidate}) is not in "
                         f"it; fetch more history (git fetch --unshallow), or name the base, e.g. fsu diff "
                         f"{candidate}.")
    raise UsageError(f"This branch has no commit in common with {candidate}; name the base, e.g. fsu diff "
                     f"{candidate}.")


def _commit_id(top: Path, revision: str) -> str | None:
    """The commit a branch, tag or commit id names, or None if there is none."""
    with _repository(top) as repo:
        return _commit_in(repo, revision)


def _commit_in(repo: Any, revision: str) -> str | None:
    """git's own reading of a revision (GitPython's ``rev_parse`` knows only part of its syntax)."""
    if (repo.git_dir, revision) in _confirmed:
        return revision
    try:
        found = repo.git.rev_parse("--verify", "--quiet", revision + "^{commit}").strip() or None
    except _library().GitCommandError:
        return None
    if found:
        _confirmed.add((repo.git_dir, found))
    return found


# (git folder, commit id) that git has confirmed: an id names its commit for good, so --staged, which names
# HEAD's id to every step, asks git once
_confirmed: set[tuple[str, str]] = set()


def _commit(top: Path, revision: str) -> str:
    """The commit a revision names; if there is none, a plain sentence saying why."""
    with _repository(top) as repo:
        return _named_commit(repo, revision)


def _named_commit(repo: Any, revision: str) -> str:
    found = _commit_in(repo, revision) if not revision.startswith("-") else None
    if found is not None:
        return found
    if _commit_in(repo, "HEAD") is None and not repo.git.rev_list("-n", "1", "--all").strip():
        raise UsageError(_no_commits(_COMMIT_FIRST))
    if _shallow(repo):
        raise UsageError(f"This is a shallow clone, so the base '{revision}' is not in it; fetch more history "
                         "(git fetch --unshallow) or the base itself (git fetch origin <branch>), or, in CI, check "
                         "out the full history (fetch-depth: 0).")
    raise UsageError(f"There is no commit '{revision}' in this git repository; name a branch, tag or commit id.")


_COMMIT_FIRST = "commit the data first (git add, git commit), then compare with a commit"


def _no_commits(advice: str) -> str:
    return f"This git repository has no commits yet; {advice}."


def _is_shallow(top: Path) -> bool:
    with _repository(top) as repo:
        return _shallow(repo)


def _shallow(repo: Any) -> bool:
    return repo.git.rev_parse("--is-shallow-repository").strip() == "true"


# --- the history, for fsu scan-history -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Commit:
    id: str
    date: str  # the author's date, YYYY-MM-DD
    author: str


@dataclass(frozen=True, slots=True)
class HistoryFile:
    """A data file as one commit has it, the first time (oldest commit first) its path or its content is seen."""

    commit: Commit
    path: str  # relative to the governance repository
    content: bytes | None  # None: this content was read before, or is not read (not YAML, a link, too large)


@dataclass
class History:
    """Every version of fsu.yaml and of the files under data/ in the commits reachable from HEAD (or from
    every branch and tag), each content read once, however many commits hold it."""

    root: Path
    all_refs: bool = False
    since: str | None = None  # only the commits after this one
    max_bytes: int = 1024 * 1024
    commits: int = 0  # how many were walked
    files: int = 0  # how many contents were read
    too_large: list[str] = field(default_factory=list)
    shallow: bool = False

    def __iter__(self) -> Iterator[HistoryFile]:
        top, where = _top(self.root)
        if _commit_id(top, "HEAD") is None:
            raise UsageError(_no_commits("there is no history to scan"))
        since = _commit(top, self.since) if self.since else None
        self.shallow = _is_shallow(top)
        git = _gitpython()
        with _variables(_environment(top)):  # GitPython reads GIT_DIR and its kind from os.environ
            repo = git.Repo(top)
            try:
                yield from self._walk(repo, where, since)
            except (git.GitError, git.exc.ODBError) as error:  # a damaged repository
                raise UsageError(f"git could not read the history: {_last_line(error)}") from None
            finally:
                repo.close()

    def _walk(self, repo: Any, where: str, since: str | None) -> Iterator[HistoryFile]:
        revisions = [f"^{since}"] if since else []
        options = {"all": True} if self.all_refs else {}
        seen_trees: set[tuple[bytes, str]] = set()
        seen: set[tuple[str, bytes]] = set()  # (path, blob id)
        read: set[bytes] = set()  # blob ids
        if since:  # what REV already has counts as seen: only what came after it is read
            for path, blob in _data_blobs(repo.commit(since).tree, where, seen_trees):
                seen.add((path, blob.binsha))
                read.add(blob.binsha)
        for commit in repo.iter_commits(["HEAD", *revisions], topo_order=True, reverse=True, **options):
            self.commits += 1
            about = Commit(commit.hexsha, commit.authored_datetime.date().isoformat(), commit.author.name or "")
            for path, blob in _data_blobs(commit.tree, where, seen_trees):
                if (path, blob.binsha) in seen:
                    continue
                seen.add((path, blob.binsha))
                content = None
                if blob.binsha not in read and _is_yaml(path) and blob.mode != _LINK:
                    read.add(blob.binsha)
                    content = self._read(blob, path)
                yield HistoryFile(about, path, content)

    def _read(self, blob: Any, path: str) -> bytes | None:
        if blob.size > self.max_bytes:
            self.too_large.append(path)
            return None
        self.files += 1
        return blob.data_stream.read()


_LINK = 0o120000


def _is_yaml(path: str) -> bool:
    return path == "fsu.yaml" or path.endswith((".yaml", ".yml"))


def _data_blobs(tree: Any, where: str, seen_trees: set) -> Iterator[tuple[str, Any]]:
    """(path, blob) for fsu.yaml and everything under data/ in a commit's tree."""
    governance = _entry(tree, where.rstrip("/")) if where else tree
    if governance is None or governance.type != "tree":
        return
    config = _entry(governance, "fsu.yaml")
    if config is not None and config.type == "blob":
        yield "fsu.yaml", config
    data = _entry(governance, "data")
    if data is not None and data.type == "tree":
        yield from _blobs_under(data, "data/", seen_trees)


def _entry(tree: Any, name: str) -> Any:
    try:
        return tree[name]
    except KeyError:
        return None


def _blobs_under(tree: Any, prefix: str, seen_trees: set) -> Iterator[tuple[str, Any]]:
    """Every blob under a tree, skipping a folder already walked with the same content at the same path."""
    if (tree.binsha, prefix) in seen_trees:
        return
    seen_trees.add((tree.binsha, prefix))
    for blob in tree.blobs:
        yield prefix + blob.name, blob
    for subtree in tree.trees:
        yield from _blobs_under(subtree, prefix + subtree.name + "/", seen_trees)


def _gitpython() -> Any:
    try:
        import git
    except ImportError:  # GitPython missing, or no git program for it to run
        raise UsageError("Reading the history needs git and GitPython; install git, and then: "
                         "python3 -m pip install gitpython.") from None
    return git


@contextmanager
def _variables(environment: dict[str, str]):
    """os.environ as ``environment`` inside the block (GitPython reads it, and passes it on to git)."""
    if environment == os.environ:
        yield
        return
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(environment)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _last_line(error: Exception) -> str:
    text = str(getattr(error, "stderr", "") or error).strip().splitlines()
    return text[-1].strip() if text else type(error).__name__


# --- the history of the data, commit by commit, for fsu history --------------------------------------


@dataclass(frozen=True, slots=True)
class Recorded:
    """Who recorded a commit, and when."""

    id: str
    date: str  # the author's date and time, ISO 8601 with its offset
    author: str
    committer: str
    message: str  # the first line


@dataclass(frozen=True, slots=True)
class FileChange:
    """A data file one commit changed: None for a path or content on the side where the file is not."""

    old_path: str | None
    new_path: str | None
    old: bytes | None
    new: bytes | None


@dataclass
class DataLog:
    """The commits reachable from HEAD that touched fsu.yaml or data/, oldest first, each with the data files it
    changed against its first parent (a root commit against nothing), renames paired."""

    root: Path
    shallow: bool = False  # a shallow clone: the history stops at its boundary

    def __iter__(self) -> Iterator[tuple[Recorded, list[FileChange]]]:
        top, where = _top(self.root)
        if _commit_id(top, "HEAD") is None:
            raise UsageError(_no_commits("there is no history to show"))
        self.shallow = _is_shallow(top)
        git = _gitpython()
        with _variables(_environment(top)):
            repo = git.Repo(top)
            try:
                yield from self._walk(repo, where)
            except (git.GitError, git.exc.ODBError) as error:
                raise UsageError(f"git could not read the history: {_last_line(error)}") from None
            finally:
                repo.close()

    def _walk(self, repo: Any, where: str) -> Iterator[tuple[Recorded, list[FileChange]]]:
        paths = [where + "fsu.yaml", where + "data"]
        raw = _raw_log(repo, paths)  # every commit's files in one git process, not one per commit
        for commit in repo.iter_commits("HEAD", paths=paths, topo_order=True, reverse=True):
            changes = [change for entry in raw.get(commit.hexsha, ())
                       if (change := _raw_change(repo, entry, where)) is not None
                       and not _brought_by_merge(commit, change, where)]
            if changes:
                yield _recorded(commit), changes


_NO_OBJECT = "0" * 40


def _raw_log(repo: Any, paths: list[str]) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
    """Each commit's changed files, (old blob, new blob, old path, new path) with renames paired, against its
    first parent; a root commit, or one at a shallow clone's boundary (git sees no parent), against nothing."""
    out = repo.git.log("HEAD", "--format=%x01%H", "--raw", "-z", "-M", "--root", "--diff-merges=first-parent",
                       "--no-abbrev", "--", *paths, stdout_as_string=False)
    found: dict[str, list] = {}
    for chunk in out.split(b"\x01")[1:]:
        sha, _, rest = chunk.partition(b"\0")
        tokens = [t.decode("utf-8", "surrogateescape") for t in rest.lstrip(b"\n").split(b"\0")]
        entries, i = found.setdefault(sha.decode(), []), 0
        while i < len(tokens):
            meta = tokens[i].lstrip("\n")
            if not meta.startswith(":"):
                i += 1
                continue
            old_mode, new_mode, old_sha, new_sha, status = meta[1:].split()
            paired = status[0] in "RC"
            old_path, new_path = tokens[i + 1], tokens[i + 2] if paired else tokens[i + 1]
            i += 3 if paired else 2
            entries.append((old_sha if old_mode != _LINK_MODE else _NO_OBJECT,
                            new_sha if new_mode != _LINK_MODE else _NO_OBJECT,
                            None if status == "A" else old_path, None if status == "D" else new_path))
    return found


_LINK_MODE = "120000"


def _raw_change(repo: Any, entry: tuple, where: str) -> FileChange | None:
    old_sha, new_sha, old, new = entry
    old_path = _relative(old, where) if old is not None else None
    new_path = _relative(new, where) if new is not None else None
    if classify(old_path or "") is None and classify(new_path or "") is None:
        return None  # not a file fsu reads
    return FileChange(old_path, new_path, _blob_bytes(repo, old_sha), _blob_bytes(repo, new_sha))


def _blob_bytes(repo: Any, sha: str) -> bytes | None:
    """A blob's content through the one persistent cat-file; None for no object (or a link)."""
    return None if sha == _NO_OBJECT else repo.odb.stream(bytes.fromhex(sha)).read()


def _relative(path: str, where: str) -> str:
    return path.removeprefix(where)


def _brought_by_merge(commit: Any, change: FileChange, where: str) -> bool:
    """A merge's file that is as its other parent has it: the branch's own commits recorded that change."""
    if len(commit.parents) < 2 or change.new_path is None:
        return False
    for parent in commit.parents[1:]:
        other = _entry_at(parent.tree, where + change.new_path)
        if other is not None and other.data_stream.read() == change.new:
            return True
    return False


def _entry_at(tree: Any, path: str) -> Any:
    try:
        return tree / path
    except KeyError:
        return None


def _recorded(commit: Any) -> Recorded:
    message = (commit.message or "").strip().splitlines()
    return Recorded(commit.hexsha, commit.authored_datetime.isoformat(), commit.author.name or "",
                    commit.committer.name or "", message[0] if message else "")


def commit_before(root: Path, day: str) -> str | None:
    """The last commit on HEAD's own line (its first parents) committed before the start of ``day``
    (YYYY-MM-DD, local time), or None if the history starts later: the data as it stood that morning."""
    top, _ = _top(root)
    if _commit_id(top, "HEAD") is None:
        raise UsageError(_no_commits("there is no history to compare"))
    git = _gitpython()
    with _variables(_environment(top)):
        repo = git.Repo(top)
        try:
            found = next(repo.iter_commits("HEAD", first_parent=True, before=f"{day} 00:00:00", max_count=1),
                         None)
        except (git.GitError, git.exc.ODBError) as error:
            raise UsageError(f"git could not read the history: {_last_line(error)}") from None
        finally:
            repo.close()
    return found.hexsha if found is not None else None


def is_shallow(root: Path) -> bool:
    """Whether the repository is a shallow clone, whose history stops short."""
    return _is_shallow(_top(root)[0])
