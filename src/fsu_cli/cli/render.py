"""``fsu render``: documents in Norwegian as Markdown, HTML, Word or PDF/A."""

from __future__ import annotations

import inspect
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional, get_type_hints

import typer

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


# The options every document shares, declared once: (name, default, annotation).
_SHARED = (
    ("format", DocumentFormat.md, FormatOption),
    ("output", None, OutputOption),
    ("public", False, PublicOption),
    ("force", False, ForceOption),
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
                         own=lambda repo: _own_files(repo, arguments), **options)

        command.__signature__ = inspect.Signature(own + shared)  # type: ignore[attr-defined]
        command.__name__ = f"render_{template}"
        command.__doc__ = build.__doc__
        return guarded(command)

    return wrap


def _own_files(repo: Any, arguments: dict) -> tuple[str, ...]:
    """The files whose records the document is about, as path prefixes: its case, its mandate, or its
    committee's file, meetings and cases. A mistake in one of them must not be printed as a record."""
    if "ref" in arguments:
        parts = str(arguments["ref"]).split("/")
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            return (f"data/cases/{parts[0]}/{parts[1]}/{int(parts[2]):02d}.yaml",
                    f"data/cases/{parts[0]}/{parts[1]}/{int(parts[2])}.yaml")
        return ()
    if "mandate_id" in arguments:
        mandate = repo.mandates.get(arguments["mandate_id"])
        return (mandate.source.path,) if mandate is not None else ()
    if "committee" in arguments:
        committee = repo.committee_named(arguments["committee"])
        return (committee.source.path, f"data/meetings/{committee.id}/", f"data/cases/{committee.id}/")
    return ()


def _refuse_broken(loaded: Any, own: tuple[str, ...]) -> None:
    """Nothing is rendered from records with schema errors: print them (file:line), and stop with exit code 1."""
    from fsu_cli.check.findings import Summary
    from fsu_cli.check.validate import place
    from fsu_cli.errors import ExitCode, Stop
    from fsu_cli.report import reporter

    # Schema errors (FSU1xx) leave a record with a value missing or wrong, which would be printed as if it were
    # right ("Vedtak: " with no outcome). Characters a text must not hold (FSU011) are made visible instead.
    broken = [f for f in loaded.findings if f.severity == "error" and f.code.startswith("FSU1")
              and f.path.startswith(own)]
    if not broken:
        return
    place(broken, loaded.documents)
    print("Nothing was rendered: the document's own files have errors; correct them first:", file=sys.stderr)
    reporter("text", sys.stderr).report(broken, Summary.of(broken, len({f.path for f in broken})))
    raise Stop(ExitCode.FINDINGS)


def _emit(template: str, build, *, repo: Path | None, format: DocumentFormat, output: Path | None, force: bool,
          public: bool, as_of: str | None, debug: bool, only: Callable[[str], bool] | None = None,
          own: Callable[[Any], tuple[str, ...]] | None = None) -> int:
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
    if own is not None:
        _refuse_broken(loaded, own(loaded.repo))
    context = build(loaded.repo, parse_as_of(as_of, loaded.root), public)
    data = render(loaded.root, template, context, format.value)
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

    def prepare(self, case_files: list) -> None:
        from fsu_cli.store.referrals import related_cases

        if self.ref is not None:
            self.related = related_cases(case_files, self.ref)

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
                                                      max=2999)]) -> dict:
    """A committee's annual report (årsrapport) for a year."""
    from fsu_cli.render.documents import report_document

    return report_document(data, committee, year, today, public)


@document("members", cases=_no_cases)
def render_members(data, today, public: bool, committee: CommitteeArg) -> dict:
    """A committee's members in office (medlemsliste)."""
    from fsu_cli.render.documents import members_document

    return members_document(data, committee, today, public)
