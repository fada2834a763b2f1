"""FSU35x: cases against their meetings: proposals, decisions and dates."""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, WARNING, Finding
from fsu_cli.domain.records import Case, Repository

NOTED_KINDS = ("information", "discussion")  # cases that end noted (tatt til orientering), not decided

NO_PROPOSAL = define(
    "FSU351",
    "decision-case-without-proposal",
    ERROR,
    "A case for decision has no proposal.",
    """
A case put forward for decision (kind: decision) carries a proposal: the
"Innstilling til konsensus" or "Forslag til vedtak" the meeting decides on.

Example:
    kind: decision
    title: Revidert samarbeidsavtale
    (no "proposal:")

Fix: add "proposal:" with "kind:" (consensus or decision) and "text:", or
change the case's kind to information or discussion.
""",
)

DECIDED_BEFORE_MEETING = define(
    "FSU352",
    "decision-before-meeting",
    ERROR,
    "A decision is dated before the meeting that made it.",
    """
A decision is made in the case's meeting, so decision.date cannot come before
the meeting date.

Example: meeting 2025-09-18, and "decision: {date: 2025-09-17, ...}".

Fix: correct decision.date (usually the meeting date) or the case's meeting.
""",
)

DECIDED_IN_FUTURE = define(
    "FSU353",
    "decision-for-future-meeting",
    ERROR,
    "A decision is recorded for a meeting that has not been held yet.",
    """
A case whose meeting lies after today (or --as-of) cannot have a decision yet.
Often the decision text was pasted into the wrong case, or the meeting date is
wrong.

Example: on 2026-11-22, a case for the meeting on 2026-11-26 that already has
"decision: {date: 2026-11-26, outcome: adopted}".

Fix: remove the decision until the meeting has been held, or correct the dates.
""",
)

CANCELLED_MEETING = define(
    "FSU354",
    "case-at-cancelled-meeting",
    WARNING,
    "A case is set to a meeting that was cancelled.",
    """
The case's meeting is marked cancelled in the committee's meeting list, so the
case was not handled there.

Example: "meeting: 2025-08-28" when the committee lists
"- {date: 2025-08-28, status: cancelled}".

Fix: move the case to the meeting that will handle it.
""",
)

UNDECIDED = define(
    "FSU355",
    "meeting-passed-without-decision",
    WARNING,
    "A case's meeting has passed, but no decision is recorded.",
    """
After the meeting, each case records what the meeting did: the decision, or
for a case for information or discussion, that it was noted ("tatt til
orientering") with outcome noted, which completes it. A postponed case records
outcome postponed. A case for decision may also end noted. This is a warning,
never an error: the meeting has passed, only its record is missing.

Example: on 2026-11-22, a case for the meeting on 2026-09-17 with no
"decision:".

Fix: add "decision:" with date, outcome and text from the minutes; for a case
for information or discussion, "decision: {date: 2026-09-17, outcome: noted}".
""",
)


# What ``fsu new case`` writes for the writer to replace; a paper that still says it is not finished.
SKELETON_BACKGROUND = "Skriv bakgrunnen for saken her."
SKELETON_PROPOSAL = "Skriv innstillingen her."

SKELETON_LEFT = define(
    "FSU358",
    "case-skeleton-text",
    WARNING,
    "A case still holds the text fsu new case wrote for you to replace.",
    """
fsu new case writes a skeleton with "Skriv bakgrunnen for saken her." as the
background and "Skriv innstillingen her." as the proposal. Left as they are,
they are printed in the case paper and the agenda.

Example: "background: Skriv bakgrunnen for saken her."

Fix: write the case's background and proposal, or remove the key if the case
has none.
""",
)


def skeleton_findings(path: str, data: dict) -> list[Finding]:
    """Run on each case file as it is read (the checks of the whole repository see no long texts)."""
    proposal = data.get("proposal")
    texts = ((("background",), data.get("background"), SKELETON_BACKGROUND),
             (("proposal", "text"), proposal.get("text") if isinstance(proposal, dict) else None, SKELETON_PROPOSAL))
    return [SKELETON_LEFT.finding(path, f"'{'.'.join(pointer)}' still says \"{skeleton}\".",
                                  "Write the real text before the paper is sent out.", pointer=pointer)
            for pointer, text, skeleton in texts if isinstance(text, str) and text.strip() == skeleton]


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    today = context.as_of
    for case in repo.all_cases:
        path = case.source.path
        if case.kind == "decision" and "proposal" not in case.keys:
            yield NO_PROPOSAL.finding(
                path,
                f"The case '{case.title}' is for decision but has no proposal.",
                "Add 'proposal:' with 'kind: consensus' or 'kind: decision' and the proposed text.",
                pointer=("kind",),
            )
        decided = case.decision_date
        if case.meeting is None:
            continue
        if decided is not None and decided < case.meeting:
            yield DECIDED_BEFORE_MEETING.finding(
                path,
                f"The decision is dated {decided.isoformat()}, before the meeting on {case.meeting.isoformat()}.",
                "Use the meeting date as the decision date.",
                pointer=("decision", "date"),
            )
        if case.decision is not None and case.meeting > today:
            yield DECIDED_IN_FUTURE.finding(
                path,
                f"A decision is recorded, but the meeting on {case.meeting.isoformat()} has not been held yet "
                f"({today.isoformat()}).",
                "Remove the decision until after the meeting, or correct the meeting date.",
                pointer=("decision",),
                on_key=True,
            )
        committee = repo.committees.get(case.committee or "")
        meeting = committee.meeting_on(case.meeting) if committee else None
        if meeting is not None and meeting.status == "cancelled":
            yield CANCELLED_MEETING.finding(
                path,
                f"The meeting on {case.meeting.isoformat()} was cancelled.",
                "Move the case to the meeting that will handle it.",
                pointer=("meeting",),
            )
        elif case.decision is None and case.meeting < today:
            yield UNDECIDED.finding(
                path,
                f"The meeting on {case.meeting.isoformat()} has passed, but the case has no decision.",
                _undecided_hint(case),
                pointer=("meeting",),
            )


def _undecided_hint(case: Case) -> str:
    if case.kind in NOTED_KINDS:  # complete once noted: the usual end of a briefing or a discussion
        return (f"Record that the meeting noted it (tatt til orientering): "
                f"'decision: {{date: {case.meeting.isoformat()}, outcome: noted}}'.")
    return "Add 'decision:' with date, outcome and text (fsu decide does it for you)."

