"""JSON: a ``findings`` list and a ``summary``, for programs."""

from __future__ import annotations

import json
from typing import Sequence

from fsu_cli.check.findings import Finding, Summary
from fsu_cli.report.base import Reporter


class JsonReporter(Reporter):
    name = "json"

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        document = {
            "findings": [_plain(f) for f in findings],
            "summary": {
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
            },
        }
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _plain(finding: Finding) -> dict:
    """The finding's keys, and ``accepted_by`` (the case's reference) only for a finding a case accepts."""
    plain = finding.as_dict()
    if finding.accepted_by:
        plain["accepted_by"] = finding.accepted_by
    return plain


REPORTER = JsonReporter
