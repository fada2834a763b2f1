"""FSU30x: which mandate applies, and whether the mandates themselves hang together."""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.mandates import approved_mandates, exists_on, mandates_in_force
from fsu_cli.domain.records import Repository

NO_MANDATE = define(
    "FSU301",
    "no-mandate-in-force",
    WARNING,
    "A committee in operation has no approved mandate in force.",
    """
Every committee should work under an approved mandate. fsu takes the numbers it
checks (meetings, seats, leadership rotation) from the mandate in force, so a
committee without one is not checked against anything.

A mandate is in force on a date when it is approved, its valid_from is on or
before the date, its valid_until (if any) is on or after it, and no approved
mandate that has taken effect lists it under "supersedes".

Example: a committee founded 2025-01-01 whose only mandate has status draft.

Fix: record the approved mandate in data/mandates/, or set the committee's
"dissolved" date if it no longer exists.
""",
)

EXPIRED = define(
    "FSU302",
    "time-limited-mandate-expired",
    WARNING,
    "A time-limited mandate has run out, but the committee is not dissolved.",
    """
A time-limited committee ("avgrenset til ett år") ends when its mandate's
valid_until has passed. If the committee still appears to be in operation,
either its work was extended (record the new or extended mandate) or it has
ended (record the date in "dissolved").

Example: valid_until 2026-10-31, checked on 2026-11-22, with "dissolved: null".

Fix: set "dissolved" on the committee, or approve and record an extension.
""",
)

APPROVED_LATE = define(
    "FSU303",
    "approved-after-start",
    ERROR,
    "A mandate is approved after the date it takes effect.",
    """
A mandate cannot apply before it was approved: approved.date must be on or
before valid_from.

Example: approved.date 2025-09-18 with valid_from 2025-09-01.

Fix: correct one of the dates (usually valid_from should be the approval date
or later).
""",
)

APPROVER_MISSING = define(
    "FSU304",
    "approved-by-absent-committee",
    ERROR,
    "A mandate is approved by a committee that did not exist on the approval date.",
    """
The committee named in approved.by must have been founded, and not yet
dissolved, on approved.date. A mandate approved by the partners
("by: partners", in their cooperation agreement) names no committee, and
is not judged by this rule.

Example: approved by "ssu" on 2020-05-01 when SSU was founded 2021-03-01.

Fix: correct approved.by or approved.date, or the approving committee's
founded/dissolved dates.
""",
)

OVERLAP = define(
    "FSU305",
    "overlapping-mandates",
    WARNING,
    "Two approved mandates of one committee are in force at the same time.",
    """
When a new mandate replaces an old one, it should say so in "supersedes", so
that only one mandate is in force on any date. fsu then uses the one that took
effect last.

Example: fsu-2024 (valid from 2024-01-01, no end) and fsu-2025 (valid from
2025-01-01) without "supersedes: [fsu-2024]".

Fix: add the old mandate's id to the new mandate's "supersedes", or give the
old mandate a valid_until.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    today = context.as_of
    for committee in repo.committees.values():
        if not exists_on(committee, today):
            continue
        in_force = mandates_in_force(repo, committee.id, today)
        if len(in_force) > 1:
            used, other = in_force[0], in_force[1]
            yield OVERLAP.finding(
                used.source.path,
                f"Both {used.id} and {other.id} are in force for {committee.label} on {today.isoformat()}; "
                f"fsu uses {used.id}, the later one.",
                f"If {used.id} replaces {other.id}, add 'supersedes: [{other.id}]' to it.",
                pointer=("valid_from",),
            )
        if in_force:
            continue
        mandates = approved_mandates(repo, committee.id)
        ended = [m for m in mandates if m.valid_until is not None and m.valid_until < today]
        if mandates and ended and ended[-1] is mandates[-1]:
            last = mandates[-1]
            yield EXPIRED.finding(
                last.source.path,
                f"The mandate {last.id} ran out on {last.valid_until.isoformat()}, "
                f"but {committee.label} is not dissolved.",
                f"Set 'dissolved: {last.valid_until.isoformat()}' in data/committees/{committee.id}.yaml, "
                "or record the extended mandate.",
                pointer=("valid_until",),
            )
        else:
            yield NO_MANDATE.finding(
                committee.source.path,
                f"{committee.label} has no approved mandate in force on {today.isoformat()}.",
                "Record its approved mandate in data/mandates/, or set 'dissolved' if the committee has ended.",
                pointer=("id",),
            )
    yield from _approvals(repo)


def _approvals(repo: Repository) -> Iterator[Finding]:
    for mandate in repo.mandates.values():
        approval = mandate.approved
        if mandate.status != "approved" or approval is None or approval.date is None:
            continue
        if mandate.valid_from is not None and approval.date > mandate.valid_from:
            yield APPROVED_LATE.finding(
                mandate.source.path,
                f"The mandate is approved on {approval.date.isoformat()}, "
                f"after it takes effect on {mandate.valid_from.isoformat()}.",
                "Correct approved.date or valid_from: a mandate cannot apply before it is approved.",
                pointer=("approved", "date"),
            )
        approver = repo.committees.get(approval.by) if approval.by else None
        if approver is not None and not exists_on(approver, approval.date):
            when = (
                f"was founded {approver.founded.isoformat()}"
                if approver.founded and approval.date < approver.founded
                else f"was dissolved {approver.dissolved.isoformat()}"
            )
            yield APPROVER_MISSING.finding(
                mandate.source.path,
                f"{approver.label} approved the mandate on {approval.date.isoformat()}, but it {when}.",
                "Correct approved.by or approved.date.",
                pointer=("approved", "by"),
            )
