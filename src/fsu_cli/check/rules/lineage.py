"""FSU371–FSU375: referrals between committees (saksgang) and the follow-up of decisions."""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.lineage import loop
from fsu_cli.domain.records import FOLLOW_UP_STATUSES, Case, Repository, parse_case_ref

REFERRED_WITHIN = define(
    "FSU371",
    "referral-within-committee",
    ERROR,
    "A case is referred from a case of its own committee.",
    """
"referred_from" names the case in the committee that sent this case on, for
example the FSU case whose recommendation the SSU now decides. A committee does
not refer a case to itself; a case that comes back is a new case that refers to
the earlier one as an attachment.

Example: in data/cases/ssu/2025/4.yaml, "referred_from: ssu/2024/12".

Fix: name the other committee's case, or use an attachment with "case:" for an
earlier case of the same committee.
""",
)

REFERRED_UNDECIDED = define(
    "FSU372",
    "referral-before-decision",
    ERROR,
    "A referred case is decided before the case that referred it was.",
    """
A committee decides a referred case on the sending committee's recommendation,
so the sending case must be decided (its "decision" recorded) before, or on the
same day as, the referred case.

Example: ssu/2025/4 has "referred_from: fsu/2025/2" and a decision dated
2025-02-12, while fsu/2025/2 has no decision, or one dated 2025-03-01.

Fix: record the sending committee's decision (fsu decide), or correct the
dates or the reference.
""",
)

REFERRAL_LOOP = define(
    "FSU373",
    "referral-loop",
    ERROR,
    "Cases refer to each other in a loop.",
    """
Following "referred_from" from case to case must end at the case where the
matter started. A loop (a case that, step by step, is referred from itself)
is a mistake in one of the references.

Example: fsu/2025/2 has "referred_from: ssu/2025/4", and ssu/2025/4 has
"referred_from: fsu/2025/2".

Fix: remove the reference from the case that started the matter.
""",
)

FOLLOW_UP_OVERDUE = define(
    "FSU374",
    "follow-up-overdue",
    WARNING,
    "A decision's follow-up is past its due date and not done.",
    """
Each item in a decision's "follow_up" has a due date. When the date has passed
(today, or --as-of) and the status is still open or in-progress, the follow-up
is overdue.

Example: "follow_up: [{what: Felles prosedyre, due: 2025-06-30, status: open}]"
on 2025-08-01.

Fix: do it and record "status: done" with the date in "done:", move the due
date if the committee agreed to, or record "status: dropped".
""",
)

FOLLOW_UP_UNCLEAR = define(
    "FSU375",
    "follow-up-status-unclear",
    WARNING,
    "A follow-up item's status and done date disagree.",
    """
An item that is done or dropped records the date in "done:"; an open or
in-progress item has no done date. A done date before the decision, or after
today, cannot be right either.

Example: "status: done" with no "done:", or "status: open" with
"done: 2025-05-02".

Fix: set the status and the done date together.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    reported_loops: set[frozenset] = set()
    for case in repo.all_cases:
        if case.referred_from:
            yield from _referral(repo, case, reported_loops)
        if case.decision is not None and case.decision.follow_up:
            yield from _follow_up(case, context)


def _referral(repo: Repository, case: Case, reported_loops: set[frozenset]) -> Iterator[Finding]:
    path = case.source.path
    parsed = parse_case_ref(case.referred_from or "")
    if parsed is None:
        return  # the schema reports the malformed reference
    if parsed[0] == case.committee:
        yield REFERRED_WITHIN.finding(
            path, f"The case is referred from {case.referred_from}, a case of its own committee.",
            "Name the other committee's case that sent this one on.", pointer=("referred_from",))
        return
    cycle = loop(repo, case)
    if cycle is not None:
        if frozenset(cycle) not in reported_loops:  # once per loop, at the first case of it met
            reported_loops.add(frozenset(cycle))
            yield REFERRAL_LOOP.finding(
                path, f"The referrals run in a loop: {' → '.join(cycle)}.",
                "Remove the reference from the case where the matter started.", pointer=("referred_from",))
        return
    sender = repo.case(case.referred_from or "")
    decided = case.decision_date
    if sender is None or decided is None:
        return  # an unknown case is FSU205; an undecided referral is not judged yet
    if sender.decision is None:
        yield REFERRED_UNDECIDED.finding(
            path, f"The case is decided ({decided.isoformat()}), but {sender.ref}, which referred it, has no decision.",
            f"Record the decision in {sender.ref} first (fsu decide {sender.ref} ...).",
            pointer=("decision", "date"))
    elif sender.decision_date is not None and sender.decision_date > decided:
        yield REFERRED_UNDECIDED.finding(
            path, f"The case is decided {decided.isoformat()}, before {sender.ref}, which referred it, was decided "
                  f"({sender.decision_date.isoformat()}).",
            "Correct whichever decision date is wrong.", pointer=("decision", "date"))


def _follow_up(case: Case, context: Context) -> Iterator[Finding]:
    path = case.source.path
    decided = case.decision_date
    for item in case.decision.follow_up:  # type: ignore[union-attr]
        what = f"'{item.what}'" if item.what else "A follow-up item"
        pointer = item.source.pointer
        if item.overdue(context.as_of):
            who = f" ({item.responsible})" if item.responsible else ""
            yield FOLLOW_UP_OVERDUE.finding(
                path, f"{what}{who} was due {item.due.isoformat()} and is {item.status}.",  # type: ignore[union-attr]
                "Record 'status: done' and the date in 'done:' when it is done, or agree on a new due date.",
                pointer=pointer + ("due",))
        problem = _unclear(item, decided, context)
        if problem:
            yield FOLLOW_UP_UNCLEAR.finding(path, f"{what}: {problem}.", "Set the status and the done date together.",
                                            pointer=pointer + (("done",) if item.done else ("status",)))


def _unclear(item, decided, context: Context) -> str:
    if item.status not in FOLLOW_UP_STATUSES:
        return ""  # the schema reports it
    if not item.unfinished and item.done is None:
        return f"the status is {item.status}, but there is no date in 'done:'"
    if item.unfinished and item.done is not None:
        return f"the status is {item.status}, but 'done:' has a date ({item.done.isoformat()})"
    if item.done is not None and decided is not None and item.done < decided:
        return f"it is marked done {item.done.isoformat()}, before the decision ({decided.isoformat()})"
    if item.done is not None and item.done > context.as_of:
        return f"it is marked done {item.done.isoformat()}, after today ({context.as_of.isoformat()})"
    return ""
