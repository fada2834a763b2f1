"""SARIF 2.1.0, for code-scanning views."""

from __future__ import annotations

import json
from typing import Sequence

from fsu_cli.check.findings import ERROR, INFO, WARNING, Finding, Summary
from fsu_cli.report.base import Reporter

_LEVEL = {ERROR: "error", WARNING: "warning", INFO: "note"}


class SarifReporter(Reporter):
    name = "sarif"

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        from fsu_cli import __version__

        used = sorted({f.code for f in findings})
        rule_index = {code: i for i, code in enumerate(used)}
        driver_rules = []
        for code in used:
            rule = self.catalogue.get(code)
            entry: dict = {"id": code}
            if rule:
                entry["name"] = rule.name
                entry["shortDescription"] = {"text": rule.summary}
                entry["fullDescription"] = {"text": rule.explanation}
                entry["defaultConfiguration"] = {"level": _LEVEL[rule.severity]}
            driver_rules.append(entry)
        results = []
        for f in findings:
            region = {"startLine": f.line, "startColumn": f.column}
            text = f.message + (f" Hint: {f.hint}" if f.hint else "")
            results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": rule_index[f.code],
                    "level": _LEVEL[f.severity],
                    "message": {"text": text},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                                "region": region,
                            }
                        }
                    ],
                }
            )
        document = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "fsu",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": driver_rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


REPORTER = SarifReporter
