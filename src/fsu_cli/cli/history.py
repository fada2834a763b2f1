"""``fsu history``: who served when, and who recorded each change, from the git history of the data."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import DebugOption, RepoOption, guarded


class HistoryFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"
    endringslogg = "endringslogg"


SHALLOW = ("This is a shallow clone: the history stops at its oldest commit, which shows what it holds as "
           "created; fetch the whole history (git fetch --unshallow) for the rest.")


@guarded
def history(
    committee: Annotated[Optional[str], typer.Argument(metavar="[COMMITTEE|FILE]", show_default=False,
                                                       help="A committee (id or short name), or a data file "
                                                            "such as data/committees/ssu.yaml.")] = None,
    person: Annotated[Optional[str], typer.Option("--person", metavar="NAME", show_default=False,
                                                  help="The history of one person: memberships and offices.")]
    = None,
    case: Annotated[Optional[str], typer.Option("--case", metavar="REF", show_default=False,
                                                help="The history of one case, e.g. ssu/2024/3.")] = None,
    format: Annotated[HistoryFormat, typer.Option("--format", case_sensitive=False,
                                                  help="text, md, json, or endringslogg (Noark 5 XML).")]
    = HistoryFormat.text,
    repo: RepoOption = None,
    debug: DebugOption = False,
) -> int:
    """Show a committee's, a person's or a case's history: the story in the data's own dates, and for each change the commit that recorded it, with date, author and message.

    Name one of COMMITTEE (or a data file), --person NAME or --case REF.

    Changes are compared field by field: a commit that only reformats shows none; a renamed file keeps its history.
    """
    from fsu_cli.errors import UsageError
    from fsu_cli.report import history as report
    from fsu_cli.store.paths import find_root

    chosen = [given for given in (committee, person, case) if given]
    if len(chosen) != 1:
        raise UsageError("Name one of: a committee (fsu history ssu), a person (fsu history --person \"Kari "
                         "Holm\") or a case (fsu history --case ssu/2024/3).")
    log = report.read_log(find_root(explicit=repo))
    if person:
        view = report.person_view(log, person)
    elif case:
        view = report.case_view(log, case)
    elif committee.endswith(".yaml"):
        view = report.path_view(log, committee)
    else:
        view = report.committee_view(log, committee)
    if view.shallow:
        sys.stderr.write(SHALLOW + "\n")
    for commit_id, path in log.unreadable:  # compared with the next version that reads instead
        sys.stderr.write(f"{path} in commit {commit_id[:10]} is not readable YAML; its changes are shown with the "
                         "next version that is.\n")
    _write(report, view, format)
    return 0


def _write(report, view, format: HistoryFormat) -> None:
    from fsu_cli.errors import UsageError

    if format == HistoryFormat.endringslogg:
        if not view.entries:
            raise UsageError(f"No changes are recorded for {view.title}, and an endringslogg holds at least one.")
        sys.stdout.flush()
        sys.stdout.buffer.write(report.as_endringslogg(view))
        sys.stdout.buffer.flush()
        return
    writer = {HistoryFormat.text: report.as_text, HistoryFormat.md: report.as_markdown,
              HistoryFormat.json: report.as_json}[format]
    sys.stdout.write(writer(view))
