"""FSU381–FSU382: an annual report's own words (data/reports/<committee>/<year>.yaml) in their place."""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, Finding
from fsu_cli.check.rules.references import _unknown_case, _unknown_committee
from fsu_cli.domain.records import Report, Repository, parse_case_ref

REPORT_MISPLACED = define(
    "FSU381",
    "report-file-misplaced",
    ERROR,
    "A report file's committee or year differs from its folder or file name.",
    """
The committee's own words for its annual report live at
data/reports/<committee>/<year>.yaml, and the file's "committee" and "year"
say the same. "fsu render report" finds them by the folder and the file name,
so a file whose name and content disagree would end up in the wrong report.

Example: data/reports/fsu/2024.yaml with "year: 2025".

Fix: rename the file to the report's year, or correct "year" (or "committee").
""",
)

REPORT_OF_UNKNOWN_COMMITTEE = define(
    "FSU382",
    "report-of-unknown-committee",
    ERROR,
    "A report file is in the folder of a committee that does not exist.",
    """
The folder of a report file names its committee: data/reports/<committee>/.
There is no committee file data/committees/<committee>.yaml for it.

Example: data/reports/fsu-pasientforløp/2025.yaml (with "ø") when the
committee's id is fsu-pasientforlop.

Fix: move the file to the folder named by the committee's id, or add the
committee.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    for report in repo.all_reports:
        yield from _place(repo, report)
        approved = report.approved
        if approved is None:
            continue
        if approved.by and not repo.has_committee(approved.by):
            yield _unknown_committee(repo, report.source.path, ("approved", "by"), approved.by, "approved the report")
        if approved.case and parse_case_ref(approved.case) and not repo.has_case(approved.case):
            yield _unknown_case(repo, report.source.path, ("approved", "case"), approved.case)


def _place(repo: Repository, report: Report) -> Iterator[Finding]:
    path = report.source.path
    _, _, folder, file_name = path.split("/")
    stem = file_name[: -len(".yaml")]
    if not repo.has_committee(folder):
        yield REPORT_OF_UNKNOWN_COMMITTEE.finding(
            path, f"There is no committee '{folder}' for this report's folder data/reports/{folder}/.",
            "Move the file to the folder of an existing committee (the committee's id), or add the committee.",
            line=1, column=1)
    if report.committee and report.committee != folder:
        yield REPORT_MISPLACED.finding(
            path, f"The report says committee '{report.committee}', but it is in the folder '{folder}'.",
            f"Move the file to data/reports/{report.committee}/{file_name}, or change 'committee' to '{folder}'.",
            pointer=("committee",))
    if report.year is not None and str(report.year) != stem:
        yield REPORT_MISPLACED.finding(
            path, f"The report says year {report.year}, but the file is named '{file_name}'.",
            f"Rename the file to {report.year}.yaml, or change 'year' to match the file name.", pointer=("year",))
