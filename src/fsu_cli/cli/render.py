"""``fsu render``: documents in Norwegian as Markdown, HTML, Word or PDF/A."""

from __future__ import annotations

import inspect
import sys
from contextvars import ContextVar
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional, get_type_hints

import typer

from fsu_cli.render.i18n import N_
from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded, parse_as_of


class DocumentFormat(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


FormatOption = Annotated[
    DocumentFormat,
    typer.Option("--format", help="md (Markdown), html, docx (Word) or pdf (PDF/A-2b for archiving).",
                 case_sensitive=False),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="The file to write. Markdown and HTML go to standard output without it.",
                 show_default=False),
]
PublicOption = Annotated[
    bool,
    typer.Option("--public", help="For the public: exempt cases show only their public title and legal basis."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
DraftOption = Annotated[
    bool,
    typer.Option("--draft", help="Render even from files with errors, marked UTKAST (draft) on every page."),
]


# The options every document shares, declared once: (name, default, annotation).
_SHARED = (
    ("format", DocumentFormat.md, FormatOption),
    ("output", None, OutputOption),
    ("public", False, PublicOption),
    ("force", False, ForceOption),
    ("draft", False, DraftOption),
    ("repo", None, RepoOption),
    ("as_of", None, AsOfOption),
    ("debug", False, DebugOption),
)


def document(template: str, cases: Callable[..., Callable[[str], bool]] | None = None
             ) -> Callable[[Callable[..., dict]], Callable[..., None]]:
    """A ``fsu render`` subcommand for one template.

    The decorated function takes the loaded repository, the as-of date, whether the
    document is public, and its own arguments, and returns what the document says;
    the options every document shares are added here. ``cases``, given the command's own
    arguments, picks the case files the document needs (all of them when not given), so that a
    document of a large repository reads only what it shows.
    """

    def wrap(build: Callable[..., dict]) -> Callable[..., None]:
        hints = get_type_hints(build, include_extras=True)
        own = [p.replace(annotation=hints.get(p.name, p.annotation))
               for p in list(inspect.signature(build).parameters.values())[3:]]
        shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
                  for name, default, annotation in _SHARED]

        def command(**arguments: Any) -> int:
            options = {name: arguments.pop(name) for name, _, _ in _SHARED}
            only = cases(**arguments) if cases is not None else None
            return _emit(template, lambda data, day, public: build(data, day, public, **arguments), only=only,
                         sources=lambda repo: _sources(repo, arguments), **options)

        command.__signature__ = inspect.Signature(own + shared)  # type: ignore[attr-defined]
        command.__name__ = f"render_{template}"
        command.__doc__ = build.__doc__
        return guarded(command)

    return wrap


# The findings that make a document wrong, so that it is not made (without --draft):
# - a file that cannot be read leaves its record missing or half there;
UNREADABLE = frozenset({"FSU001", "FSU002", "FSU003", "FSU004", "FSU005", "FSU006", "FSU009", "FSU010"})
# - a schema error leaves a value missing or wrong, printed as if right ("Vedtak: " with no outcome);
SCHEMA_ERRORS = frozenset({"FSU100", "FSU101", "FSU102", "FSU103", "FSU104", "FSU105", "FSU106", "FSU107"})
# - a reference that leads nowhere, or to one of two records, names what is not there: a case filed under
#   another number (FSU202), an unknown organization, committee, case, mandate or meeting (FSU203-FSU207),
#   two records with one id, number or meeting date (FSU208, FSU209, FSU211), a meeting file named for
#   another meeting (FSU401), an agenda naming another meeting's case (FSU409), minutes approved at no
#   meeting (FSU412), an annual report's own words filed under another committee or year (FSU381, FSU382).
BROKEN_REFERENCES = frozenset({"FSU202", "FSU203", "FSU204", "FSU205", "FSU206", "FSU207", "FSU208", "FSU209",
                               "FSU211", "FSU401", "FSU409", "FSU412", "FSU381", "FSU382"})
BLOCKING = UNREADABLE | SCHEMA_ERRORS | BROKEN_REFERENCES
# Rule findings (too few meetings, leadership rotation, seats) are facts a document may state, and a control
# character in a text (FSU011) is rendered as a visible mark: neither blocks.


def _sources(repo: Any, arguments: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The files a document renders from, as path prefixes: its own records (its case, its mandate, or its
    committee's file, meetings and cases), where every blocking finding counts; and the files it takes only
    names from (fsu.yaml, the committee of a case or mandate), where only an unreadable file does. A record
    whose file cannot be read is found by the name it was asked for."""
    if "ref" in arguments:
        parts = str(arguments["ref"]).split("/")
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            return ((f"data/cases/{parts[0]}/{parts[1]}/{int(parts[2]):02d}.yaml",
                     f"data/cases/{parts[0]}/{parts[1]}/{int(parts[2])}.yaml"),
                    ("fsu.yaml", f"data/committees/{parts[0]}.yaml"))
        return (), ("fsu.yaml",)
    if "mandate_id" in arguments:
        mandate = repo.mandates.get(arguments["mandate_id"])
        if mandate is None:
            return (f"data/mandates/{arguments['mandate_id']}.yaml",), ("fsu.yaml",)
        committee = (f"data/committees/{mandate.committee}.yaml",) if mandate.committee else ()
        return (mandate.source.path,), ("fsu.yaml", *committee)
    if "committee" in arguments:
        name = arguments["committee"]
        known = ("committee", name) in repo.placeholders and name not in repo.committees
        committee = name if known else repo.committee_named(name).id
        report = (f"data/reports/{committee}/",) if "year" in arguments else ()  # the report's own words
        return ((f"data/committees/{committee}.yaml", f"data/meetings/{committee}/", f"data/cases/{committee}/",
                 *report), ("fsu.yaml",))
    return (), ("fsu.yaml",)


def _blocking(loaded: Any, own: tuple[str, ...], names_from: tuple[str, ...], day: Any) -> list:
    """The findings that make the document wrong: in its own files, every blocking one; in the files it takes
    names from, an unreadable file."""
    found = [*loaded.findings, *_reference_findings(loaded, own, day)]
    return [f for f in found if f.severity == "error" and (
        (f.code in BLOCKING and f.path.startswith(own)) or (f.code in UNREADABLE and f.path.startswith(names_from))
        or (f.code in SCHEMA_ERRORS and f.path == "fsu.yaml"))]  # its names and its language are in every document


def _reference_findings(loaded: Any, own: tuple[str, ...], day: Any) -> list:
    """The cross-file findings about references. A document loads only some case files; the loader makes the
    others known by their file names, so a reference to a case not loaded is not a broken one."""
    from fsu_cli.check.catalogue import Context
    from fsu_cli.check.rules import meeting_records, references, reports

    if not own:
        return []
    repo = loaded.repo
    context = Context(as_of=day)
    found = [f for f in references.check(repo, context) if f.code in BROKEN_REFERENCES]
    if any(prefix.startswith("data/meetings/") for prefix in own):
        found += [f for f in meeting_records.check(repo, context) if f.code in BROKEN_REFERENCES]
    if any(prefix.startswith("data/reports/") for prefix in own):
        found += [f for f in reports.check(repo, context) if f.code in BROKEN_REFERENCES]
    return found


def _refuse_broken(loaded: Any, broken: list, draft: bool) -> None:
    """Nothing is rendered from files with errors that make the document wrong: print them (file:line), and
    stop with exit code 1; with ``draft``, print them and go on (the document is marked UTKAST)."""
    from fsu_cli.check.findings import Summary
    from fsu_cli.check.validate import place
    from fsu_cli.errors import ExitCode, Stop
    from fsu_cli.report import reporter

    if not broken:
        return
    place(broken, loaded.documents)
    if draft:
        print("Rendering a draft (marked UTKAST) although the document's files have errors; correct them before "
              "it is sent:", file=sys.stderr)
    else:
        print("Nothing was rendered: the document's own files have errors; correct them first (or render a "
              "draft with --draft):", file=sys.stderr)
    reporter("text", sys.stderr).report(broken, Summary.of(broken, len({f.path for f in broken})))
    if not draft:
        raise Stop(ExitCode.FINDINGS)


_ROOT: ContextVar[Path] = ContextVar("fsu_render_root")


def _emit(template: str, build, *, repo: Path | None, format: DocumentFormat, output: Path | None, force: bool,
          draft: bool, public: bool, as_of: str | None, debug: bool, only: Callable[[str], bool] | None = None,
          sources: Callable[[Any], tuple[tuple[str, ...], tuple[str, ...]]] | None = None) -> int:
    from fsu_cli.cli.console import load
    from fsu_cli.errors import UsageError
    from fsu_cli.render import render
    from fsu_cli.store.files import write_atomically

    if format in (DocumentFormat.docx, DocumentFormat.pdf) and output is None:
        raise UsageError(f"A {format.value} document is a file: name it with --output, e.g. --output "
                         f"sak.{format.value}.")
    if output is not None and output.exists() and not force:
        raise UsageError(f"{output} already exists. Use --force to replace it, or choose another --output.")
    loaded = load(repo, only=only, full_texts=True)
    day = parse_as_of(as_of, loaded.root)
    if sources is not None:
        _refuse_broken(loaded, _blocking(loaded, *sources(loaded.repo), day), draft)
    token = _ROOT.set(loaded.root)  # for a document that also reads the repository's git history
    try:
        context = build(loaded.repo, day, public)
    finally:
        _ROOT.reset(token)
    data = render(loaded.root, template, context, format.value, draft=draft)
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    write_atomically(output, data, force=force)
    print(f"Wrote {output} ({len(data):,} bytes).", file=sys.stderr)
    return 0


CommitteeArg = Annotated[str, typer.Argument(help="The committee, by id or short name.", show_default=False)]
DateArg = Annotated[str, typer.Argument(metavar="DATE", help="The meeting date, YYYY-MM-DD.", show_default=False)]


def _case_folder(ref: str, **_: Any) -> Callable[[str], bool]:
    """The folder of the case (data/cases/<committee>/<year>/), and the cases on its route through the
    other committees; none for a reference that is not one."""
    parts = ref.split("/")
    folder = f"data/cases/{parts[0]}/{parts[1]}/" if len(parts) == 3 else None
    return _Route(folder, (parts[0], int(parts[1]), int(parts[2]))
                  if folder and parts[1].isdigit() and parts[2].isdigit() else None)


class _Route:
    """Picks the case's folder, and the case files on its referral route, found before loading (``prepare``)."""

    def __init__(self, folder: str | None, ref: tuple[str, int, int] | None) -> None:
        self.folder, self.ref, self.related = folder, ref, set()

    def prepare(self, case_files: list, store: Any = None) -> None:
        from fsu_cli.store.referrals import related_cases

        if self.ref is not None:
            self.related = related_cases(case_files, self.ref, store)

    def __call__(self, rel: str) -> bool:
        return self.folder is not None and rel.startswith(self.folder) or rel in self.related


def _year_folders(**arguments: Any) -> Callable[[str], bool]:
    """Every committee's cases of the document's year (a meeting's), or for a report also the next year's
    (where the report is approved, and the year's cases are taken further)."""
    year = str(arguments.get("year") or str(arguments.get("date", ""))[:4])
    years = {year, str(int(year) + 1)} if arguments.get("year") and year.isdigit() else {year}
    return lambda rel: rel.split("/")[3] in years if rel.count("/") >= 4 else False


def _no_cases(**_: Any) -> Callable[[str], bool]:
    return lambda rel: False


@document("case", cases=_case_folder)
def render_case(data, today, public: bool,
                ref: Annotated[str, typer.Argument(help="The case, as committee/year/number, e.g. ssu/2024/5.",
                                                   show_default=False)]) -> dict:
    """A case paper (saksfremlegg)."""
    from fsu_cli.render.documents import case_document

    return case_document(data, ref, public, today)


@document("mandate")
def render_mandate(data, today, public: bool,
                   mandate_id: Annotated[str, typer.Argument(metavar="ID", help="The mandate's id.",
                                                             show_default=False)]) -> dict:
    """A mandate (mandat), its sections in order, with its approval."""
    from fsu_cli.render.documents import mandate_document

    return mandate_document(data, mandate_id, public)


@document("agenda", cases=_year_folders)
def render_agenda(data, today, public: bool, committee: CommitteeArg, date: DateArg) -> dict:
    """The notice and agenda of a meeting (innkalling og saksliste)."""
    from fsu_cli.render.documents import meeting_document

    return meeting_document(data, committee, date, public, minutes=False)


@document("minutes", cases=_year_folders)
def render_minutes(data, today, public: bool, committee: CommitteeArg, date: DateArg) -> dict:
    """The minutes of a meeting (protokoll), each case with its decision."""
    from fsu_cli.render.documents import meeting_document

    return meeting_document(data, committee, date, public, minutes=True)


@document("report", cases=_year_folders)
def render_report(data, today, public: bool, committee: CommitteeArg,
                  year: Annotated[int, typer.Argument(help="The year, e.g. 2025.", show_default=False, min=1900,
                                                      max=2999)],
                  changes: Annotated[bool, typer.Option(
                      "--changes", help="Add 'Endringer i året': each change to the committee's file, mandates and "
                                        "meetings recorded in git during the year, with who recorded it.")] = False,
                  ) -> dict:
    """A committee's annual report (årsrapport) for a year."""
    from fsu_cli.render.documents import report_document

    context = report_document(data, committee, year, today, public)
    context["recorded"] = _recorded(data.committee_named(committee).id, year) if changes else []
    return context


_RECORD_KIND = {"committee": N_("utvalg"), "mandate": N_("mandat"), "meeting": N_("møte")}


def _recorded(committee_id: str, year: int) -> list[dict]:
    """The year's recorded changes to the committee's own records (its file, mandates, meetings: never a case's
    text, which may be exempt), from git, oldest first."""
    from fsu_cli.domain.dates import norwegian_date
    from fsu_cli.domain.records import Date
    from fsu_cli.render.i18n import _
    from fsu_cli.report.history import committee_view, read_log, value_text

    view = committee_view(read_log(_ROOT.get()), committee_id)
    created, removed = _("opprettet"), _("fjernet")
    rows = []
    for entry in view.entries:
        commit, change = entry.commit, entry.change
        if not commit.date.startswith(str(year)) or not change.record.startswith(("committee ", "mandate ",
                                                                                   "meeting ")):
            continue
        kind, _space, name = change.record.partition(" ")
        record = f"{_(_RECORD_KIND.get(kind, kind))} {name}"
        what = (f"{record}, {change.field}: {value_text(change.old)} → {value_text(change.new)}" if change.field
                else f"{record} {created if change.old is None else removed}")
        rows.append({"date": norwegian_date(Date.fromisoformat(commit.date[:10])), "author": commit.author,
                     "message": commit.message, "what": what})
    return rows


@document("members", cases=_no_cases)
def render_members(data, today, public: bool, committee: CommitteeArg) -> dict:
    """A committee's members in office (medlemsliste)."""
    from fsu_cli.render.documents import members_document

    return members_document(data, committee, today, public)
