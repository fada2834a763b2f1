"""``fsu render``: documents in Norwegian as Markdown, HTML, Word or PDF/A."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from fsu_cli.cli import app
from fsu_cli.cli._common import AsOfOption, DebugOption, RepoOption, guarded, parse_as_of

render_app = typer.Typer(
    help="Make documents from the data: case papers, mandates, agendas, minutes, annual reports, member lists.",
    no_args_is_help=True,
)
app.add_typer(render_app, name="render", rich_help_panel="Documents")


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


def _emit(template: str, build, repo: Path | None, fmt: DocumentFormat, output: Path | None, force: bool,
          public: bool, as_of: str | None) -> int:
    from fsu_cli.cli._output import load
    from fsu_cli.render import render
    from fsu_cli.render.output import write_atomically
    from fsu_cli.repo import UsageError

    if fmt in (DocumentFormat.docx, DocumentFormat.pdf) and output is None:
        raise UsageError(f"A {fmt.value} document is a file: name it with --output, e.g. --output sak.{fmt.value}.")
    if output is not None and output.exists() and not force:
        raise UsageError(f"{output} already exists. Use --force to replace it, or choose another --output.")
    loaded = load(repo)
    context = build(loaded.repo, parse_as_of(as_of), public)
    data = render(loaded.root, template, context, fmt.value)
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    write_atomically(output, data, force=force)
    print(f"Wrote {output} ({len(data):,} bytes).", file=sys.stderr)
    return 0


@render_app.command("case")
@guarded
def render_case(
    ref: Annotated[str, typer.Argument(help="The case, as committee/year/number, e.g. ssu/2024/5.",
                                       show_default=False)],
    format: FormatOption = DocumentFormat.md,
    output: OutputOption = None,
    public: PublicOption = False,
    force: ForceOption = False,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """A case paper (saksfremlegg)."""
    from fsu_cli.render.documents import case_document

    return _emit("case", lambda r, day, pub: case_document(r, ref, pub), repo, format, output, force, public, as_of)


@render_app.command("mandate")
@guarded
def render_mandate(
    mandate_id: Annotated[str, typer.Argument(metavar="ID", help="The mandate's id.", show_default=False)],
    format: FormatOption = DocumentFormat.md,
    output: OutputOption = None,
    public: PublicOption = False,
    force: ForceOption = False,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """A mandate (mandat), its sections in order, with its approval."""
    from fsu_cli.render.documents import mandate_document

    return _emit("mandate", lambda r, day, pub: mandate_document(r, mandate_id, pub), repo, format, output, force,
                 public, as_of)


CommitteeArg = Annotated[str, typer.Argument(help="The committee, by id or short name.", show_default=False)]
DateArg = Annotated[str, typer.Argument(metavar="DATE", help="The meeting date, YYYY-MM-DD.", show_default=False)]


@render_app.command("agenda")
@guarded
def render_agenda(
    committee: CommitteeArg,
    date: DateArg,
    format: FormatOption = DocumentFormat.md,
    output: OutputOption = None,
    public: PublicOption = False,
    force: ForceOption = False,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """The notice and agenda of a meeting (innkalling og saksliste)."""
    from fsu_cli.render.documents import meeting_document

    return _emit("agenda", lambda r, day, pub: meeting_document(r, committee, date, pub, minutes=False), repo,
                 format, output, force, public, as_of)


@render_app.command("minutes")
@guarded
def render_minutes(
    committee: CommitteeArg,
    date: DateArg,
    format: FormatOption = DocumentFormat.md,
    output: OutputOption = None,
    public: PublicOption = False,
    force: ForceOption = False,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """The minutes of a meeting (protokoll), each case with its decision."""
    from fsu_cli.render.documents import meeting_document

    return _emit("minutes", lambda r, day, pub: meeting_document(r, committee, date, pub, minutes=True), repo,
                 format, output, force, public, as_of)


@render_app.command("report")
@guarded
def render_report(
    committee: CommitteeArg,
    year: Annotated[int, typer.Argument(help="The year, e.g. 2025.", show_default=False, min=1900, max=2999)],
    format: FormatOption = DocumentFormat.md,
    output: OutputOption = None,
    public: PublicOption = False,
    force: ForceOption = False,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """A committee's annual report (årsrapport) for a year."""
    from fsu_cli.render.documents import report_document

    return _emit("report", lambda r, day, pub: report_document(r, committee, year, day, pub), repo, format, output,
                 force, public, as_of)


@render_app.command("members")
@guarded
def render_members(
    committee: CommitteeArg,
    format: FormatOption = DocumentFormat.md,
    output: OutputOption = None,
    public: PublicOption = False,
    force: ForceOption = False,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """A committee's members in office (medlemsliste)."""
    from fsu_cli.render.documents import members_document

    return _emit("members", lambda r, day, pub: members_document(r, committee, day, pub), repo, format, output,
                 force, public, as_of)
