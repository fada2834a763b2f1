"""FSU356–FSU357: deviations from the mandate that a case decides (avvik).

While a case's decision stands, the findings its deviations name are accepted: they are
still reported, with the case, but fail nothing. ``accept`` runs after every other rule,
since it needs their findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from fsu_cli.check.catalogue import Context, all_rules, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.records import Case, Deviation, Repository, case_label

UNMATCHED = define(
    "FSU356",
    "deviation-matches-nothing",
    WARNING,
    "A deviation decided by a case matches no finding.",
    """
A case's "deviations:" accept findings of a code (in one file, when "path" is
given) while the case's decision stands (adopted or amended) and until the
deviation's "until". A deviation in force that matches no finding accepts
nothing: the problem was fixed, or the code or path is wrong.

Example: SSU sak 01-2025 has
    deviations:
      - code: FSU315
        path: data/committees/fsu.yaml
but FSU's leadership follows the rotation again, or the file is
data/committees/fsu-pasientforlop.yaml.

Fix: correct the code or the path (fsu validate --format json shows each
finding's code and file), or end the deviation with "until:" on the last day it
was needed.
""",
)

NOT_ACCEPTABLE = define(
    "FSU357",
    "deviation-cannot-be-accepted",
    ERROR,
    "A deviation names a code that no case can accept.",
    """
A case may decide to depart from a committee's mandate, but not to keep a file
that cannot be read (FSU0xx), a record that breaks the schema (FSU1xx), a
national identity number (FSU361), or a deviation that is itself wrong (FSU356,
FSU357). A code fsu does not know cannot be accepted either. Such a deviation
accepts nothing.

Example:
    deviations:
      - code: FSU101

Fix: fix what the finding says and remove the deviation, or correct the code
(fsu rules lists them).
""",
)

# Why a code can never be accepted, by its prefix or by the code itself.
_NEVER = {
    "FSU0": "a file that cannot be read must be fixed",
    "FSU1": "a record that breaks the schema must be fixed",
    "FSU361": "a national identity number must never be in the data",
    UNMATCHED.code: "a deviation must itself be right",
    NOT_ACCEPTABLE.code: "a deviation must itself be right",
}


def refusal(code: str) -> str | None:
    """Why no case can accept findings with this code, or None if a case can."""
    for start, reason in _NEVER.items():
        if code.startswith(start):
            return reason
    return None if code in all_rules() else "fsu has no such rule"


def accept(findings: Iterable[Finding], repo: Repository, context: Context) -> list[Finding]:
    """Mark the findings that deviations in force accept; return the findings about the deviations."""
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_code[finding.code].append(finding)
    found: list[Finding] = []
    for case in sorted((c for c in repo.all_cases if c.deviations), key=lambda c: c.source.path):
        in_force = case.deviations_in_force(context.as_of)
        for deviation in case.deviations:
            reason = refusal(deviation.code)
            if reason is not None:
                found.append(_not_acceptable(case, deviation, reason))
            elif deviation in in_force and not _accept(repo, case, deviation, by_code[deviation.code]):
                found.append(_unmatched(case, deviation))
    return found


def _accept(repo: Repository, case: Case, deviation: Deviation, candidates: list[Finding]) -> bool:
    """Mark the findings the deviation matches (the first case to accept a finding names it); any matched?"""
    matched = [f for f in candidates if deviation.path is None or f.path == deviation.path]
    for finding in matched:
        if not finding.accepted_by:
            finding.accepted_by = case.ref
            finding.accepted_in = case_label(repo.committees.get(case.committee or ""), case)
    return bool(matched)


def _subject(deviation: Deviation) -> str:
    return f"deviations/[code={deviation.code}" + (f",path={deviation.path}]" if deviation.path else "]")


def _unmatched(case: Case, deviation: Deviation) -> Finding:
    where = f" in {deviation.path}" if deviation.path else ""
    hint = ("Remove the deviation or end it with 'until:', or correct its code"
            + (" or path (written from the repository's root, e.g. data/committees/ssu.yaml)." if deviation.path
               else "."))
    return UNMATCHED.finding(case.source.path, f"The deviation for {deviation.code}{where} matches no finding, "
                             "so it accepts nothing.", hint, pointer=deviation.source.pointer,
                             subject=_subject(deviation))


def _not_acceptable(case: Case, deviation: Deviation, reason: str) -> Finding:
    hint = ("Correct the code ('fsu rules' lists them)." if reason == "fsu has no such rule"
            else "Fix what the finding says, and remove the deviation.")
    return NOT_ACCEPTABLE.finding(case.source.path, f"{deviation.code} cannot be accepted by a case: {reason}.",
                                  hint, pointer=deviation.source.pointer + ("code",), subject=_subject(deviation))
