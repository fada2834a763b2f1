"""SARIF 2.1.0, for code-scanning views (GitHub code scanning, editors' SARIF viewers).

Paths are relative to the git repository's top (``%SRCROOT%``), percent-encoded as RFC 3986
URI references. Each result carries a fingerprint of the finding's identity (code, file,
subject), so a code-scanning view keeps one alert for one finding while lines move around it.

``tool.driver.rules`` lists every rule of the catalogue, not only those reported: a view can then
explain any rule, a clean run still says which rules were checked, and a rule's index is the
same in every run.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Mapping, Sequence
from urllib.parse import quote

from fsu_cli.check.findings import ERROR, INFO, WARNING, Finding, Summary
from fsu_cli.report.base import Reporter, RuleText, accepted_note

_LEVEL = {ERROR: "error", WARNING: "warning", INFO: "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "fsuFindingIdentity/v1"


class SarifReporter(Reporter):
    name = "sarif"

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        from fsu_cli import __version__

        rules = driver_rules(self.catalogue, findings)
        index = {rule["id"]: i for i, rule in enumerate(rules)}
        seen: Counter[str] = Counter()
        results = []
        for f in findings:
            seen[f.identity] += 1
            results.append(self._result(f, index[f.code], seen[f.identity]))
        driver = {"name": "fsu", "version": __version__, "semanticVersion": __version__, "rules": rules}
        document = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
        }
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")

    def _result(self, f: Finding, rule_index: int, occurrence: int) -> dict:
        location = {"artifactLocation": {"uri": uri(self.prefix + f.path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": max(f.line, 1), "startColumn": max(f.column, 1)}}
        result = {
            "ruleId": f.code,
            "ruleIndex": rule_index,
            "level": _LEVEL[f.severity],
            "message": {"text": f.message + (f" Hint: {f.hint}" if f.hint else "")},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT: fingerprint(f.identity, occurrence)},
        }
        if f.accepted_by:  # a case's deviation accepts it: reported, suppressed, with the case as the reason
            result["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": accepted_note(f).strip(" ()")}]
        return result


def driver_rules(catalogue: Mapping[str, RuleText], findings: Sequence[Finding]) -> list[dict]:
    """Every rule of the catalogue (and any code reported that it lacks), sorted by code."""
    codes = sorted(set(catalogue) | {f.code for f in findings})
    return [_rule(code, catalogue.get(code)) for code in codes]


def _rule(code: str, rule: RuleText | None) -> dict:
    if rule is None:
        return {"id": code}
    first_paragraph = rule.explanation.split("\n\n", 1)[0]
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(first_paragraph.split())},
        "help": {"text": rule.explanation},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def uri(path: str) -> str:
    """A relative path as an RFC 3986 URI reference: every byte but unreserved characters and '/' encoded."""
    return quote(path, safe="/", errors="surrogateescape")  # a file name that is not UTF-8: its bytes


def fingerprint(identity: str, occurrence: int = 1) -> str:
    """The finding's identity, hashed; the same identity twice in one file is told apart by its occurrence,
    as GitHub's own fingerprints do."""
    return f"{hashlib.sha256(identity.encode('utf-8', 'surrogateescape')).hexdigest()}:{occurrence}"


REPORTER = SarifReporter
