"""JSON: a ``version``, a ``findings`` list and a ``summary``, for programs.

The shape is described by ``schemas/findings.schema.json``; ``version`` changes only when a
program reading version 1 could misread the output (new optional keys do not change it).
"""

from __future__ import annotations

import json
from typing import Sequence

from fsu_cli.check.findings import Finding, Summary
from fsu_cli.report.base import Reporter

VERSION = 1


class JsonReporter(Reporter):
    name = "json"

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        document = {
            "version": VERSION,
            "findings": [finding_data(f) for f in findings],
            "summary": summary_data(summary),
        }
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def finding_data(finding: Finding) -> dict:
    """The finding's keys, and ``accepted_by`` (the case's reference) only for a finding a case accepts."""
    data = finding.as_dict()
    if finding.accepted_by:
        data["accepted_by"] = finding.accepted_by
    return data


def summary_data(summary: Summary) -> dict:
    """The counts; for a change (--staged, --changed-since) the counts are of what it adds, and
    ``already_there`` counts the findings that were there before it (``already_there_errors`` of them errors)."""
    data = {"files": summary.files, "errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos}
    if summary.change:
        data.update(change=True, already_there=summary.already, already_there_errors=summary.already_errors)
    return data


REPORTER = JsonReporter
