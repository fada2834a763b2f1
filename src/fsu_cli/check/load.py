"""Load a governance repository: read, parse and schema-check every file, then index it.

Each file is handled on its own (``load_file``), so the work can be spread over
processes; building the ``Repository`` from the loaded documents is cheap.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from fsu_cli.check import schema
from fsu_cli.check.findings import SEVERITIES, Finding
from fsu_cli.check.rules import privacy, syntax
from fsu_cli.domain import build
from fsu_cli.domain.records import Repository, Source
from fsu_cli.store import yamlio
from fsu_cli.store.files import DEFAULT_MAX_BYTES, HARD_MAX_BYTES, read_bytes
from fsu_cli.store.paths import DataFile, Stray, classify, discover


@dataclass(slots=True)
class Document:
    file: DataFile
    text: str | None  # None when the file could not be read as text
    data: Any  # the loaded mapping; None when the file could not be loaded
    findings: list[Finding] = field(default_factory=list)
    content: str | None = None  # the content's hash (git's object id), when the file was read to load it


@dataclass(slots=True)
class Loaded:
    root: Path
    repo: Repository
    documents: dict[str, Document]  # by relative path
    findings: list[Finding]  # from reading, parsing and the schemas


# What stopped a file from loading, by the loader's name for it.
_YAML_RULES = {
    "syntax": syntax.SYNTAX,
    "duplicate-key": syntax.DUPLICATE_KEY,
    "multiple-documents": syntax.MULTIPLE_DOCUMENTS,
    "alias-expansion": syntax.ALIAS_BOMB,
}


def load_file(file: DataFile, raw: bytes | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read (unless given the bytes), parse and schema-check one file. Never raises for bad content."""
    if raw is None:
        raw = read_bytes(file.location, max_bytes)
    document = _load_bytes(file, raw, max_bytes)
    if raw is not None:
        from fsu_cli.store.cache import content_hash

        document.content = content_hash(raw)
    return document


def _load_bytes(file: DataFile, raw: bytes | None, max_bytes: int) -> Document:
    if raw is None:
        return _broken(file, None, syntax.NOT_UTF8.finding(
            file.rel, "The file cannot be read.", "Check that the file exists and that you may read it."))
    if len(raw) > max_bytes:
        return _broken(file, None, syntax.TOO_LARGE.finding(
            file.rel, f"The file is larger than {max_bytes // 1024:,} kB, so it is not read.",
            "Move large files (exports, PDFs, attachments) out of data/, or raise limits.max_file_kb in fsu.yaml.",
            line=1, column=1))
    try:
        text = yamlio.decode(raw)
    except yamlio.NotUtf8 as error:
        return _broken(file, None, syntax.NOT_UTF8.finding(
            file.rel,
            f"The file is not UTF-8 text (byte 0x{error.byte:02X} cannot be read).",
            "Save the file again with the encoding UTF-8 (in most editors: Save as, Encoding: UTF-8).",
            line=error.line, column=error.column))
    if not text.strip():
        return _broken(file, text, _empty(file))
    personal = privacy.scan(file.rel, text)
    try:
        data = yamlio.load(text)
    except yamlio.YamlProblem as problem:
        return Document(file, text, None, [_YAML_RULES[problem.kind].finding(
            file.rel, problem.message, problem.hint, line=problem.line, column=problem.column)] + personal)
    personal += privacy.scan_values(file.rel, data, text)
    if data is None:  # only comments: they may still hold a number
        return Document(file, text, None, [_empty(file)] + personal)
    if not isinstance(data, dict):
        return Document(file, text, None, [syntax.NOT_A_MAPPING.finding(
            file.rel,
            f"The file holds {'a list' if isinstance(data, list) else 'a single value'}, "
            "not a record of keys and values.",
            "Start the file with keys such as 'id:' or 'title:' at the first column, without '- ' in front.",
            line=1, column=1)] + personal)
    findings = schema.check_document(file.kind, data, file.rel) + personal
    if _may_hold_control_characters(text):
        findings += control_characters(file.rel, data)
    if file.kind == "case" and "Skriv " in text:  # str.find first: the skeleton's words are rare
        from fsu_cli.check.rules.casework import skeleton_findings

        findings += skeleton_findings(file.rel, data)
    return Document(file, text, data, findings)


# Characters no record may hold: C0 controls but tab and line breaks, DEL, C1 controls,
# lone surrogates and the non-characters U+FFFE and U+FFFF (none of them fits in XML).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"
                      "\u202a-\u202e\u2066-\u2069]")  # and the overrides that reorder text on screen
# Values that are one line (a name, a title, a place): a line break in one is a mistake, and
# would break tables, lists and headings in every document.
_ONE_LINE = frozenset({"name", "title", "short_name", "id", "organization", "email", "location", "time",
                       "case_officer", "presenter", "heading", "public_title", "basis", "chair", "minute_taker",
                       "for", "responsible", "area", "document", "archive_ref", "what"})
_BLOCK_MARK = re.compile(r":[ \t]*[|>]")


_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _may_hold_control_characters(text: str) -> bool:
    """Only an escape in a quoted text, an override typed as it is, or a block (| or >) for a one-line value
    can put such characters in a value (YAML itself refuses the rest)."""
    if "\\" in text or any(override in text for override in _OVERRIDES):  # str.find: far faster than a regex
        return True
    for mark in _BLOCK_MARK.finditer(text):
        key = text[text.rfind("\n", 0, mark.start()) + 1:mark.start()].strip(" \t-")
        if key in _ONE_LINE:
            return True
    return False


def control_characters(rel: str, data: Any, pointer: tuple = ()) -> list[Finding]:
    """A finding for each text value (or key) in the document that holds a control character."""
    findings: list[Finding] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if isinstance(key, str) and _CONTROL.search(key):
            findings.append(_control_finding(rel, key, pointer + (key,), on_key=True))
        if isinstance(value, str):
            if _CONTROL.search(value):
                findings.append(_control_finding(rel, value, pointer + (key,)))
            elif key in _ONE_LINE and "\n" in value.rstrip("\n"):
                findings.append(syntax.CONTROL_CHARACTER.finding(
                    rel, f"The value of '{key}' is one line, but this one holds a line break.",
                    "Write it on one line (without '|' or '>' after the colon, and without \\n).",
                    pointer=pointer + (key,)))
        elif isinstance(value, (dict, list)):
            findings += control_characters(rel, value, pointer + (key,))
    return findings


def _control_finding(rel: str, text: str, pointer: tuple, on_key: bool = False) -> Finding:
    character = _CONTROL.search(text).group()
    return syntax.CONTROL_CHARACTER.finding(
        rel, f"This text holds the invisible control character U+{ord(character):04X}.",
        "Remove it: look for an escape such as \\x01 or \\e in the quoted text, or retype the text.",
        pointer=pointer, on_key=on_key)


def _broken(file: DataFile, text: str | None, finding: Finding) -> Document:
    return Document(file, text, None, [finding])


def stray_findings(strays: list[Stray]) -> list[Finding]:
    """Warnings for what discovery passed over: YAML files in the wrong place, links out of the repository."""
    findings = []
    for stray in strays:
        if stray.reason == "outside-link":
            what = "folder" if stray.folder else "file"
            findings.append(syntax.OUTSIDE_LINK.finding(
                stray.rel, f"This {what} is a link to a place outside the repository; it is not read.",
                f"Copy the {what} into the repository instead of linking to it."))
        elif stray.folder:
            findings.append(syntax.UNREAD_FILE.finding(
                stray.rel, "This is a folder named like a YAML file; fsu reads only files, so nothing in it is "
                "checked.", "Rename the folder, or put the file it stands for in its place."))
        else:
            findings.append(syntax.UNREAD_FILE.finding(
                stray.rel, "This YAML file is not in a place fsu reads, so it is not checked.",
                _where_hint(stray.rel.rsplit("/", 1)[-1])))
    return findings


def _where_hint(name: str) -> str:
    if name.endswith(".yml"):
        return f"fsu reads only files ending in '.yaml'; rename this file to '{name[:-4]}.yaml'."
    return (
        "Committees go in data/committees/<id>.yaml, mandates in data/mandates/<id>.yaml, "
        "and cases in data/cases/<committee>/<year>/<number>.yaml."
    )


def _empty(file: DataFile) -> Finding:
    return syntax.EMPTY.finding(
        file.rel, "The file is empty.", "Write the record into the file, or delete the file.",
        line=1, column=1)


def load_repository(root: Path, kinds: tuple[str, ...] | None = None,
                    overlay: dict[str, bytes | None] | None = None, *,
                    discovered: tuple[list[DataFile], list[Stray]] | None = None,
                    known: dict[str, str] | None = None, store: Any = None, slim: bool = False,
                    progress: Any = None, only: Any = None) -> Loaded:
    """Load every data file, or only those of the given kinds (config, committee, mandate, case).

    ``overlay`` replaces the content of files by path (None removes a file), so a change
    can be checked before it is written, or a git index or commit checked as it is.
    ``known`` holds the content hashes of files known to be unchanged, which are then not
    read at all when the cache (``store``) has them; ``slim`` drops the long texts of cases,
    which only documents need (validation of a very large repository then fits in far
    less memory); ``only(rel)`` picks the case files to load (e.g. one committee's year).
    """
    files, strays = discovered or discover(root, cases=kinds is None or "case" in kinds)
    findings = stray_findings(strays)
    overlay = overlay or {}
    if overlay:
        present = {file.rel for file in files}
        files = [file for file in files if overlay.get(file.rel, b"") is not None]
        for rel, content in sorted(overlay.items()):
            kind = classify(rel)
            if content is not None and rel not in present and kind is not None:
                files.append(DataFile(root / rel, rel, kind))
    whole = kinds is None and only is None
    if kinds is not None:
        files = [file for file in files if file.kind in kinds]
    skipped: list[DataFile] = []
    if only is not None:
        prepare = getattr(only, "prepare", None)  # a picker that looks into the case files first (a route)
        if prepare is not None:
            prepare([file for file in files if file.kind == "case"], store)
        skipped = [file for file in files if file.kind == "case" and not only(file.rel)]
        files = [file for file in files if file.kind != "case" or only(file.rel)]
    if not whole:
        findings = []
    contents = {rel: c for rel, c in overlay.items() if c is not None}
    config = contents.get("fsu.yaml")
    limit = max_file_bytes(root, config if config is None or isinstance(config, bytes) else config.read())
    documents = _load_all(files, contents, store, limit, slim, progress, known or {},
                          whole and not overlay)
    for document in documents.values():
        findings.extend(document.findings)
    if whole:
        findings.extend(privacy.scan_names([*documents, *(stray.rel for stray in strays)]))
    repo = index(documents.values())
    for file in skipped:  # cases not read are known by their file's place: a reference to one is not broken
        _register_placeholder(repo, file)
    return Loaded(root, repo, documents, findings)


def _load_all(files: list[DataFile], contents: dict[str, bytes], store: Any, limit: int, slim: bool,
              progress: Any, known: dict[str, str], whole_tree: bool) -> dict[str, Document]:
    """Every file's document, from the cache where its content is unchanged.

    A file whose hash is known (unchanged since the last run) is not read at all when the
    cache has it; a file the cache has another version of is read here to find out; every
    other file is read once, where it is parsed (in a worker, when there are many), and
    hashed there.
    """
    from fsu_cli.store.cache import content_hash, is_plain

    cached = store.documents(None if whole_tree else [file.rel for file in files]) if store is not None else {}
    documents: dict[str, Document] = {}
    to_parse: list[tuple[DataFile, bytes | None]] = []
    for file in files:
        raw = contents.get(file.rel)  # bytes, or a git blob known by its object id (git's hash: the same key)
        versions = cached.get(file.rel)
        hashed = (content_hash(raw) if isinstance(raw, bytes) else raw.id) if raw is not None else known.get(file.rel)
        if hashed is None and versions:  # perhaps changed: read it here, once, to look for its content
            raw = read_bytes(file.location, limit)
            hashed = content_hash(raw) if raw is not None else None
        document = _from_cache(file, versions, f"{limit}:{hashed}", slim) if hashed else None
        if document is not None:
            document.content = hashed
            documents[file.rel] = document
        else:
            to_parse.append((file, raw))
    blobs = [raw for _, raw in to_parse if raw is not None and not isinstance(raw, bytes)]
    if blobs:  # the git blobs the cache does not have: read in one call
        from fsu_cli.store.git import read_blobs

        read_blobs(blobs)
        to_parse = [(file, raw if raw is None or isinstance(raw, bytes) else raw.read()) for file, raw in to_parse]
    if progress is not None:
        progress.start(len(to_parse))
    changed: dict[str, list | None] = {}
    for document in _parse(to_parse, limit, slim, progress):
        documents[document.file.rel] = document
        if store is not None and document.content is not None and is_plain(document.data):
            changed[document.file.rel] = [f"{limit}:{document.content}", document.file.kind, document.data,
                                          [f.to_plain() for f in document.findings],
                                          slim and document.file.kind == "case"]  # only cases lose texts
    if store is not None and changed:
        store.save_documents(changed, keep_only={file.rel for file in files} if whole_tree else None)
    return {file.rel: documents[file.rel] for file in files}  # in discovery order


def _from_cache(file: DataFile, versions: list | None, digest: str, slim: bool) -> Document | None:
    """The cached version of the file with this content, or None if there is none fit for use: for another
    kind of file, not what fsu writes, or with the long texts dropped when they are wanted."""
    version = next((v for v in versions or () if v[0] == digest), None)
    if version is None or version[1] != file.kind or (version[4] and not slim):
        return None
    data, findings = version[2], findings_from_plain(version[3])
    if not (data is None or isinstance(data, dict)) or findings is None:
        return None
    return Document(file, None, data, findings)


def findings_from_plain(plain: Any) -> list[Finding] | None:
    """Findings as the cache holds them, or None if any of them is not what fsu writes there."""
    if not isinstance(plain, list) or not all(_is_plain_finding(item) for item in plain):
        return None
    return [Finding.from_plain(item) for item in plain]


def _is_plain_finding(item: Any) -> bool:
    if not (isinstance(item, list) and len(item) == 12):
        return False
    code, severity, path, line, column, message, hint, pointer, on_key, subject, accepted_by, accepted_in = item
    return (all(isinstance(text, str) for text in (code, severity, path, message, hint, subject, accepted_by,
                                                   accepted_in))
            and severity in SEVERITIES
            and all(type(number) is int for number in (line, column))
            and (pointer is None or isinstance(pointer, list)
                 and all(type(step) in (str, int) for step in pointer))
            and isinstance(on_key, bool))


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 400


def _parse(items: list[tuple[DataFile, bytes | None]], limit: int, slim: bool = False,
           progress: Any = None) -> list[Document]:
    """Parse files, on every core when there are enough of them; ``progress.advance(n)`` as they finish."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_FROM or workers < 2 or os.environ.get("FSU_WORKERS") == "1":
        documents = []
        for file, raw in items:
            documents.append(_slimmed(load_file(file, raw, limit), slim))
            if progress is not None:
                progress.advance(1)
        return documents
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(50, min(500, len(items) // (workers * 8)))  # small batches: small messages, low peak memory
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":  # build the validators once, before the workers are forked from this process
        schema.prepare()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                 initializer=_leave_interrupts_to_the_main_process) as pool:
            parts = []
            try:
                with _interrupts_held():  # the workers start here, and must not see Ctrl+C before they ignore it
                    results = pool.map(_parse_chunk, chunks, [limit] * len(chunks), [slim] * len(chunks))
                for part in results:
                    parts.append(part)
                    if progress is not None:
                        progress.advance(len(part))
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)  # the workers finish their batch, then stop
                raise
    except (OSError, RuntimeError):  # no processes to be had: do it here
        return [_slimmed(load_file(file, raw, limit), slim) for file, raw in items]
    return [document for part in parts for document in part]


@contextmanager
def _interrupts_held():
    """Hold back Ctrl+C (SIGINT) in this block; it arrives, as KeyboardInterrupt, when the block ends."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: workers are spawned, not forked
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _leave_interrupts_to_the_main_process() -> None:
    """In a worker: Ctrl+C reaches every process of the terminal; only the main process acts on it
    (it stops the pool and says so once), so a worker ignores it instead of printing a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    import gc

    gc.enable()  # forked from the main process, which runs without it (see __main__): a worker parses, keeps little


def _parse_chunk(items: list[tuple[DataFile, bytes | None]], limit: int, slim: bool) -> list[Document]:
    """In a worker: parse, and send back everything but the text (re-read only where positions are needed)."""
    documents = [_slimmed(load_file(file, raw, limit), slim) for file, raw in items]
    for document in documents:
        document.text = None
    return documents


# The long texts of a case, which no check reads once the file itself has been checked.
_CASE_TEXTS = (("background",), ("introduction",), ("assessment",), ("status_since_last",), ("recommendation",),
               ("proposal", "text"), ("decision", "text"))


def _slimmed(document: Document, slim: bool) -> Document:
    """With ``slim``, drop what only documents need (case texts, the file's text), to keep memory low."""
    if not slim:
        return document
    document.text = None
    data = document.data
    if document.file.kind == "case" and isinstance(data, dict):
        for path in _CASE_TEXTS:
            holder = data
            for key in path[:-1]:
                holder = holder.get(key) if isinstance(holder, dict) else None
            if isinstance(holder, dict) and isinstance(holder.get(path[-1]), str):
                holder[path[-1]] = "…"
        for assessment in data.get("assessments") or []:
            if isinstance(assessment, dict) and isinstance(assessment.get("text"), str):
                assessment["text"] = "…"
    return document


def _settings(root: Path, config: bytes | None = None) -> dict:
    """fsu.yaml as plain data for the settings fsu needs before anything else; empty if it cannot be read.

    Read once however often it is asked for, while the file stays as it is.
    """
    if config is not None:
        return _parsed_settings(config)
    try:
        st = os.stat(root / "fsu.yaml")
    except OSError:
        return {}
    return _settings_of(str(root), st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


@lru_cache(maxsize=8)
def _settings_of(root: str, *signature: int) -> dict:
    return _parsed_settings(read_bytes(Path(root) / "fsu.yaml"))


def _parsed_settings(raw: bytes | None) -> dict:
    try:
        data = yamlio.load(yamlio.decode(raw)) if raw and len(raw) <= DEFAULT_MAX_BYTES else None
    except (yamlio.YamlProblem, yamlio.NotUtf8):
        return {}
    return data if isinstance(data, dict) else {}


def frozen_date(root: Path) -> date | None:
    """The date a frozen repository (an example, an archive) is checked on: as_of in fsu.yaml, if it is a date."""
    value = _settings(root).get("as_of")
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def max_file_bytes(root: Path, config: bytes | None = None) -> int:
    """The size limit for data files, from limits.max_file_kb in fsu.yaml."""
    data = _settings(root, config)
    limits = data.get("limits")
    value = limits.get("max_file_kb") if isinstance(limits, dict) else None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return min(value * 1024, HARD_MAX_BYTES)
    return DEFAULT_MAX_BYTES


_BUILDERS = {"committee": build.build_committee, "mandate": build.build_mandate, "case": build.build_case,
             "meeting": build.build_meeting, "report": build.build_report}


def index(documents) -> Repository:
    """Build the typed, indexed repository from loaded documents (first record of each id wins)."""
    repo = Repository()
    for document in documents:
        data, file = document.data, document.file
        _register_placeholder(repo, file)
        if not isinstance(data, dict):
            continue
        source = Source(file.rel)
        if file.kind == "config":
            repo.name = data.get("name") if isinstance(data.get("name"), str) else None
            repo.language = data.get("language") if data.get("language") in ("nb", "nn") else "nb"
            for organization in build.build_organizations(data, source):
                repo.all_organizations.append(organization)
                repo.organizations.setdefault(organization.id, organization)
            continue
        record = _BUILDERS[file.kind](data, source)
        getattr(repo, f"all_{file.kind}s").append(record)  # all_committees, all_mandates, all_cases, all_meetings
        if file.kind in ("meeting", "report"):
            continue
        key = _case_key(record, file) if file.kind == "case" else record.id
        if key:
            getattr(repo, f"{file.kind}s").setdefault(key, record)
    _attach_meeting_files(repo)
    return repo


def _attach_meeting_files(repo: Repository) -> None:
    """Each meeting file joins its committee's meetings (after the inline ones), as its folder names it."""
    for meeting in repo.all_meetings:
        committee = repo.committees.get(meeting.source.path.split("/")[2])
        if committee is not None:
            committee.meetings.append(meeting)
            committee._meetings_by_date = None


def _register_placeholder(repo: Repository, file: DataFile) -> None:
    """Make the record known by its file's place, whatever the file holds."""
    if file.kind in ("committee", "mandate"):
        repo.placeholders.add((file.kind, file.stem))
    elif file.kind == "case":
        _, _, committee, year, name = file.rel.split("/")
        stem = name[:-5]  # without ".yaml"
        if year.isdigit() and stem.isdigit():
            repo.placeholders.add(("case", (committee, int(year), int(stem))))
    elif file.kind == "meeting":
        day = build._iso_date(file.stem) if len(file.stem) == 10 else None
        if day is not None:
            repo.placeholders.add(("meeting", (file.rel.split("/")[2], day)))


def _case_key(case, file: DataFile) -> tuple[str, int, int] | None:
    """A case is known by its fields, or by its path where a field is missing or unreadable."""
    parts = file.rel.split("/")  # data/cases/<committee>/<year>/<number>.yaml
    committee = case.committee or parts[2]
    year = case.year if case.year is not None else _number(parts[3])
    number = case.number if case.number is not None else _number(file.stem)
    if year is None or number is None:
        return None
    return committee, year, number


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None
