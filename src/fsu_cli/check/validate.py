"""``fsu validate``: load, index, check, and place every finding at its line and column."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from fsu_cli.check.catalogue import Context, run_checks
from fsu_cli.check.findings import Finding
from fsu_cli.check.identity import assign_subjects, introduced
from fsu_cli.check.load import Document, findings_from_plain, load_repository, max_file_bytes
from fsu_cli.check.rules import deviations, privacy
from fsu_cli.store import yamlio
from fsu_cli.store.files import read_bytes
from fsu_cli.store.paths import discover


# The last repository loaded, kept: freeing a model of 30,000 cases takes a tenth of a second, which the
# command line does not need to spend, as it ends the process without tearing it down (see __main__).
_retained: list = []


@dataclass(slots=True)
class Result:
    findings: list[Finding]
    files: int  # how many files the findings speak for


def validate(root: Path, context: Context, only: list[str] | None = None,
             overlay: dict[str, bytes | None] | None = None, use_cache: bool = True, progress=None,
             discovered: tuple | None = None) -> Result:
    """Check the whole repository; with ``only``, report just the findings in those files.

    ``only`` holds paths relative to the root: files, or folders ending in '/'.
    Cross-file rules always see the whole repository. Unless told otherwise (or
    FSU_NO_CACHE is set), unchanged files are not parsed again, and a repository
    that has not changed at all since the last run is not checked again.
    """
    files, discovery = discovered or discover(root)
    caching = use_cache and not os.environ.get("FSU_NO_CACHE")
    store, signatures, known, last = None, {}, {}, None
    if caching:
        from fsu_cli.store.cache import Store

        store = Store(root)
    if store is not None and overlay is None:  # the working tree: what is unchanged since the last run?
        last = store.last_run()
        signatures, known = _unchanged(files, last)
        if len(known) == len(files):
            key = _run_key(context, max_file_bytes(root), files, discovery, known)
            cached = findings_from_plain(last["findings"]) if key == last["key"] else None
            if cached is not None:
                return _report(cached, [file.rel for file in files], only)
    tree_key = _tree_key(root, context, files, discovery, overlay) if store is not None and overlay else None
    if tree_key is not None:
        cached = findings_from_plain(store.tree_findings(tree_key))
        if cached is not None:
            return _report(cached, sorted(_tree_files(files, overlay)), only)
    loaded = load_repository(root, overlay=overlay, discovered=(files, discovery), known=known, store=store,
                             slim=True, progress=progress)  # findings only: no document needs the texts
    findings = loaded.findings + list(run_checks(loaded.repo, context))
    findings += deviations.accept(findings, loaded.repo, context)  # last: it needs every other finding
    place(findings, loaded.documents)
    assign_subjects(findings, {rel: document.data for rel, document in loaded.documents.items()})
    findings.sort(key=Finding.sort_key)
    if last is not None:
        hashes = {rel: document.content or "-" for rel, document in loaded.documents.items()}
        key = _run_key(context, max_file_bytes(root), files, discovery, hashes)
        stats = {rel: signature + [hashes.get(rel, "-")] for rel, signature in signatures.items()}
        store.save_run(key, [f.to_plain() for f in findings], stats)
    if tree_key is not None:
        store.save_tree_findings(tree_key, [f.to_plain() for f in findings])
    _retained[:] = [loaded]
    return _report(findings, sorted(loaded.documents), only)


@dataclass(slots=True)
class ChangeResult:
    introduced: list[Finding]  # after the change, and not before it
    already: list[Finding]  # there before the change, and still there
    files: int


def validate_change(root: Path, context: Context, before: dict[str, bytes | None] | None,
                    after: dict[str, bytes | None] | None, renamed: dict[str, str] | None = None,
                    progress=None, *, first_commit: bool = False, discovered: tuple | None = None) -> ChangeResult:
    """What a change does to the findings of the whole repository, each recognised by its identity.

    ``before`` and ``after`` are overlays (None: the working tree). For the first commit of a
    repository there was nothing before. Findings in files the change renamed (``renamed``,
    old path → new) are matched under their new path.
    """
    discovered = discovered or discover(root)  # the working tree, walked once for both sides
    old = [] if first_commit else validate(root, context, overlay=before, discovered=discovered).findings
    _retained.clear()  # one model in memory at a time
    new = validate(root, context, overlay=after, progress=progress, discovered=discovered)
    for finding in old:
        finding.path = (renamed or {}).get(finding.path, finding.path)
    # An accepted finding fails nothing, so it is new only if it was not there at all; one that fails
    # now is new unless it failed (or warned) before too: a change that ends a deviation adds its findings.
    chosen = {id(f) for f in introduced(old, [f for f in new.findings if f.accepted_by])}
    chosen |= {id(f) for f in introduced([f for f in old if not f.accepted_by],
                                         [f for f in new.findings if not f.accepted_by])}
    added = [f for f in new.findings if id(f) in chosen]
    return ChangeResult(added, [f for f in new.findings if id(f) not in chosen], new.files)


def _unchanged(files: list, last: dict) -> tuple[dict[str, list], dict[str, str]]:
    """Each file's signature (mtime, ctime, size, inode), and the content hash of those unchanged since the
    last run, known without reading them. A file changed too close to the last run to tell is read (racy)."""
    from fsu_cli.store.cache import RACY_NS

    signatures, known = {}, {}
    for file in files:
        try:
            st = os.stat(file.location)
        except OSError:
            continue
        # ctime too: an edit that restores size and mtime still changes it
        signature = signatures[file.rel] = [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]
        stored = last["stats"].get(file.rel)
        if stored and stored[:4] == signature and max(signature[:2]) < last["written"] - RACY_NS:
            known[file.rel] = stored[4]
    return signatures, known


def _run_key(context: Context, limit: int, files: list, strays: list, hashes: dict[str, str]) -> str:
    """What the whole run's result depends on: fsu itself, the date, the size limit and every file."""
    from fsu_cli.store.cache import fingerprint

    digest = hashlib.sha256(f"{fingerprint()}|{context.as_of.isoformat()}|{limit}".encode())
    for file in files:
        digest.update(f"{file.rel}\0{hashes.get(file.rel, '-')}\0".encode())
    for stray in strays:
        digest.update(f"{stray.reason}{stray.rel}".encode())
    return digest.hexdigest()


def _tree_files(files: list, overlay: dict) -> set[str]:
    """The data files of a tree given as an overlay over the working tree."""
    from fsu_cli.store.paths import classify

    present = {file.rel for file in files if overlay.get(file.rel, b"") is not None}
    return present | {rel for rel, content in overlay.items() if content is not None and classify(rel) is not None}


def _tree_key(root: Path, context: Context, files: list, strays: list, overlay: dict) -> str | None:
    """The run key of a tree every data file of which the overlay gives (as a commit or the index
    does), from git's object ids without reading a byte; None when a file would come from the disk."""
    from fsu_cli.store.cache import content_hash

    rels = _tree_files(files, overlay)
    hashes = {}
    for rel in rels:
        content = overlay.get(rel)
        if content is None:
            return None
        hashes[rel] = content_hash(content) if isinstance(content, bytes) else getattr(content, "id", None)
        if not isinstance(hashes[rel], str):
            return None
    config = overlay.get("fsu.yaml")
    raw = config if config is None or isinstance(config, bytes) else config.read()
    ordered = [_Named(rel) for rel in sorted(rels)]
    return _run_key(context, max_file_bytes(root, raw), ordered, strays, hashes)


@dataclass(slots=True, frozen=True)
class _Named:
    rel: str


def _report(findings: list[Finding], paths: list[str], only: list[str] | None) -> Result:
    if only is None:
        return Result(_masked(findings), len(paths))
    chosen = [f for f in findings if _selected(f.path, only)]
    return Result(_masked(chosen), sum(1 for p in paths if _selected(p, only)))


def _masked(findings: list[Finding]) -> list[Finding]:
    """No path, message or hint shows more than the date part of a national identity number, whatever
    quoted it (a file named by the number, an id, a value in a message): CI logs are often public."""
    return [replace(f, path=privacy.mask_text(f.path), message=privacy.mask_text(f.message),
                    hint=privacy.mask_text(f.hint)) for f in findings]


def _selected(path: str, only: list[str]) -> bool:
    return any(p == "" or path == p or (p.endswith("/") and path.startswith(p)) for p in only)


def place_in(root: Path, findings: list[Finding], texts: dict[str, str]) -> None:
    """Fill in line and column for findings of a change: in the files it changes from their new ``texts``,
    in the others from the files as they are."""
    from fsu_cli.store.paths import DataFile, classify

    documents = {}
    for finding in findings:
        rel = finding.path
        if rel in texts and finding.pointer is not None:
            finding.line = 0  # placed before in the file as it was (or line 1 of a file not written yet)
        if rel not in documents and classify(rel) is not None:
            documents[rel] = Document(DataFile(root / rel, rel, classify(rel)), texts.get(rel), None)
    place(findings, documents)


def place(findings: list[Finding], documents: dict[str, Document]) -> None:
    """Fill in line and column for findings that point into a document.

    Only files with such findings are parsed a second time, for positions.
    """
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.line:
            continue
        if finding.pointer is None:  # about the whole file: its first line
            finding.line, finding.column = 1, 1
        else:
            by_file[finding.path].append(finding)
    for path, pending in by_file.items():
        document = documents.get(path)
        text = document.text if document is not None else None
        if document is not None and text is None:  # from the cache: read it again for positions
            raw = read_bytes(document.file.path)
            try:
                text = yamlio.decode(raw) if raw is not None else None
            except yamlio.NotUtf8:
                text = None
        try:
            root = yamlio.compose(text) if text else None
        except Exception:  # positions are a courtesy; a file that changed meanwhile gets line 1
            root = None
        for finding in pending:
            finding.line, finding.column = yamlio.locate(root, finding.pointer, finding.on_key)
