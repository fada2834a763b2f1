"""``fsu mandate approve``: a draft mandate becomes approved, by a committee or by the partners."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded


@guarded
def approve(
    mandate_id: Annotated[str, typer.Argument(metavar="ID", help="The mandate's id.", show_default=False)],
    by: Annotated[str, typer.Option("--by", metavar="COMMITTEE|partners",
                                    help="The committee that approved it (id or short name), or 'partners' when "
                                         "the partners' own boards and councils adopted it.", show_default=False)],
    date: Annotated[str, typer.Option("--date", metavar="DATE", help="The day it was approved.",
                                      show_default=False)],
    case: Annotated[Optional[str], typer.Option("--case", metavar="REF", help="The case that approved it, as "
                                                "committee/year/number.", show_default=False)] = None,
    document: Annotated[Optional[str], typer.Option(
        "--document", help="The document it was adopted in, e.g. the cooperation agreement (samarbeidsavtalen).",
        show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Approve a draft mandate: by a committee (in a case) or by the partners (in a document)."""
    from fsu_cli.cli.edit import _editing, edit_file
    from fsu_cli.domain.records import PARTNERS, parse_case_ref
    from fsu_cli.edit.authoring import parse_day
    from fsu_cli.edit.records import approve_mandate
    from fsu_cli.errors import UsageError

    day = parse_day(date, "--date")
    if document is not None and not document.strip():
        raise UsageError("--document needs the document's name.")
    with _editing(repo) as (root, loaded):
        mandates = loaded.repo.mandates
        if mandate_id not in mandates:
            raise UsageError(f"There is no mandate '{mandate_id}'. Known mandates: "
                             f"{', '.join(sorted(mandates)) or 'none'}.")
        approver = PARTNERS if by.casefold() == PARTNERS else loaded.repo.committee_named(by).id
        if approver == PARTNERS and document is None:
            raise UsageError("A mandate adopted by the partners names the document that adopted it: add "
                             "--document, e.g. --document \"Samarbeidsavtale mellom ... og kommunene\".")
        if case is not None:
            if parse_case_ref(case) is None:
                raise UsageError(f"--case must name a case as committee/year/number, e.g. ssu/2026/3 (got '{case}').")
            if not loaded.repo.has_case(case):
                raise UsageError(f"There is no case {case}. Create it first with fsu new case.")
        mandate = mandates[mandate_id]
        rel = edit_file(root, mandate.source.path, as_of,
                        lambda doc: approve_mandate(doc, approver, day, case, document and document.strip()),
                        advice=_ADVICE)
    by_whom = "the partners" if approver == PARTNERS else loaded.repo.committees[approver].label
    print(f"Approved the mandate {mandate_id} (by {by_whom}, {day.isoformat()}"
          + (f", in {case}" if case else "") + f") in {rel}.")
    return 0


_ADVICE = ("Approving a mandate brings its rules into force: where the findings are about the committee's members, "
           "leaders or meetings and it is still being set up, add them first (fsu member add, fsu elect, fsu new "
           "meeting), or give the mandate a later --valid-from.")
