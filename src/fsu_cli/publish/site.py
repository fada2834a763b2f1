"""``fsu publish site OUT``: the community's public website as a folder of static files.

The site is made in memory (``site_html``), then either written into OUT, file by file and atomically, with the
files of an earlier run that are no longer made taken away, or (``--check``) compared with OUT, writing nothing,
as a CI job checks that the published site is current. OUT is fsu's only when it holds the marker file fsu
writes: a folder of other things is never written into or cleaned.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from fsu_cli.errors import UsageError

MARKER = ".fsu-site"
MARKER_TEXT = b"This folder is a website written by 'fsu publish site'; fsu replaces its files on every run.\n"
OWNED = (".html", ".json", ".css")  # what fsu writes, so what it may replace or take away; CNAME and the like stay


def publish_site(repo_option: Path | None, out: Path, *, check: bool = False, as_of: str | None = None) -> int:
    from fsu_cli.check.load import load_repository
    from fsu_cli.publish.site_html import site_files
    from fsu_cli.store.cache import Store
    from fsu_cli.store.paths import find_root

    root = find_root(explicit=repo_option)
    today, from_clock = _as_of(as_of, root)
    _refuse_foreign(out)
    loaded = load_repository(root, store=None if os.environ.get("FSU_NO_CACHE") else Store(root))
    if _broken(loaded):
        return 1
    files = {**site_files(root, loaded.repo, today, dated=not from_clock), MARKER: MARKER_TEXT}
    return _compare(out, files) if check else _write(out, files)


def _as_of(value: str | None, root: Path) -> tuple[dt.date, bool]:
    """--as-of, else FSU_AS_OF, else as_of in fsu.yaml, else today (as every fsu command reads it); and whether
    it is today's date from the clock, which the pages then do not print (a run tomorrow would differ by it)."""
    from fsu_cli.check.load import frozen_date

    value = value or os.environ.get("FSU_AS_OF") or None
    if value is None:
        frozen = frozen_date(root)
        return (frozen, False) if frozen else (dt.date.today(), True)
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value), False
    except ValueError:
        pass
    raise UsageError(f"--as-of needs a real date written YYYY-MM-DD, such as 2025-10-09 (got '{value}').")


def _refuse_foreign(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file, not a folder. Name a new folder, or one 'fsu publish site' wrote before.")
    if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        raise UsageError(f"{out} is a folder with other things in it, and fsu did not write it (it has no {MARKER} "
                         f"file), so fsu will not write into it. Name a new or empty folder.")


def _broken(loaded) -> bool:
    """Files that cannot be read or break their schema would make pages wrong: list them and publish nothing."""
    from fsu_cli.check.validate import place

    errors = [f for f in loaded.findings if f.severity == "error"]
    if not errors:
        return False
    place(errors, loaded.documents)
    print("Nothing was published: these files have errors; correct them first (fsu validate shows every finding):",
          file=sys.stderr)
    for f in sorted(errors, key=lambda f: (f.path, f.line or 0, f.code)):
        print(f"{f.path}:{f.line or 1}:{f.column or 1}: {f.code} {f.message}", file=sys.stderr)
    return True


def existing(out: Path) -> dict[str, Path]:
    """The files fsu owns in OUT by their site path; hidden folders (a .git of a gh-pages checkout) are skipped."""
    found = {}
    if not out.is_dir():
        return found
    for folder, subfolders, names in os.walk(out):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in names:
            path = Path(folder) / name
            rel = path.relative_to(out).as_posix()
            if rel == MARKER or name.endswith(OWNED):
                found[rel] = path
    return found


def differences(out: Path, files: dict[str, bytes]) -> list[tuple[str, str]]:
    """(what, path) for every file that is stale, missing or extra in OUT, by path."""
    there = existing(out)
    found = [("missing" if rel not in there else "stale", rel) for rel, data in files.items()
             if rel not in there or there[rel].read_bytes() != data]
    found += [("extra", rel) for rel in there if rel not in files]
    return sorted(found, key=lambda pair: pair[1])


def _compare(out: Path, files: dict[str, bytes]) -> int:
    found = differences(out, files)
    if not found:
        print(f"The site in {out} is up to date ({len(files)} files).")
        return 0
    for what, rel in found:
        print(f"{what}: {rel}")
    print(f"The site in {out} is out of date: {len(found)} file(s) differ from what the data gives. "
          f"Run 'fsu publish site {out}' and commit the result.", file=sys.stderr)
    return 1


def _write(out: Path, files: dict[str, bytes]) -> int:
    from fsu_cli.store.files import write_atomically

    from fsu_cli.errors import UsageError

    if not out.parent.is_dir():  # a typo in the path should not leave a stray tree of folders
        raise UsageError(f"The folder {out.parent} does not exist. Create it first, or check the path.")
    found = differences(out, files)
    out.mkdir(exist_ok=True)
    for what, rel in found:
        path = out / rel
        if what == "extra":
            path.unlink()
            _prune(path.parent, out)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, files[rel], force=True)
    pages = sum(rel.endswith(".html") for rel in files)
    removed = [rel for what, rel in found if what == "extra"]
    for rel in removed:  # said by name: a file someone put there by hand is gone
        print(f"removed: {rel}")
    print(f"Published {pages} pages to {out} ({len(found)} file(s) changed"
          + (f", {len(removed)} removed" if removed else "") + ").")
    return 0


def _prune(folder: Path, out: Path) -> None:
    """Take away folders an earlier run made that are now empty."""
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
