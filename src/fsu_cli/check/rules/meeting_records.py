"""FSU40x: meetings as records, the meeting files in data/meetings/<committee>/<date>.yaml.

A meeting is either an entry in the committee's ``meetings:`` list (a schedule) or a
file (the whole record: attendance, agenda, minutes), never both.
"""

from __future__ import annotations

from typing import Iterator

from fsu_cli.check.catalogue import Context, define
from fsu_cli.check.findings import ERROR, Finding
from fsu_cli.domain.records import Meeting, Repository

MEETING_PATH_MISMATCH = define(
    "FSU401",
    "meeting-file-misplaced",
    ERROR,
    "A meeting file's committee or date differs from its folder or file name.",
    """
A meeting file lives at data/meetings/<committee>/<date>.yaml, and its
"committee" and "date" say the same. Cases refer to the meeting by the
committee's folder and the date, so a file whose name and content disagree
would be found under the wrong meeting.

Example: data/meetings/fsu/2025-03-12.yaml with "date: 2025-03-13".

Fix: rename the file to the meeting's date, or correct "date" (or
"committee") to match the file's place.
""",
)

MEETING_LISTED_TWICE = define(
    "FSU402",
    "meeting-in-list-and-file",
    ERROR,
    "A meeting is both in the committee's meeting list and in a meeting file.",
    """
A meeting is written in one place: as an entry in the committee's "meetings:"
list (date, status, time, place), or as a meeting file with its whole record.
Two records of one meeting could say different things.

Example: data/committees/fsu.yaml lists "- {date: 2025-03-12, status: held}",
and data/meetings/fsu/2025-03-12.yaml exists too.

Fix: remove the entry from the committee's list (the file holds it all), or
let fsu do it: "fsu meeting new fsu 2025-03-12" moves an entry into a file.
""",
)

MEETING_OF_UNKNOWN_COMMITTEE = define(
    "FSU403",
    "meeting-of-unknown-committee",
    ERROR,
    "A meeting file is in the folder of a committee that does not exist.",
    """
The folder of a meeting file names its committee: data/meetings/<committee>/.
There is no committee file data/committees/<committee>.yaml for it.

Example: data/meetings/fus/2025-03-12.yaml, when the committee is "fsu".

Fix: move the file to the folder of an existing committee, or add the
committee.
""",
)


def check(repo: Repository, context: Context) -> Iterator[Finding]:
    for meeting in repo.all_meetings:
        yield from _place(repo, meeting)
    for committee in repo.committees.values():
        listed = {m.date: m for m in committee.meetings if not m.in_file and m.date is not None}
        for meeting in committee.meetings:
            if meeting.in_file and meeting.date in listed:
                entry = listed[meeting.date]
                yield MEETING_LISTED_TWICE.finding(
                    committee.source.path,
                    f"The meeting on {meeting.date.isoformat()} is also recorded in {meeting.path}.",
                    f"Remove this entry from the list: {meeting.path} holds the meeting's whole record.",
                    pointer=entry.source.pointer + ("date",),
                )


def _place(repo: Repository, meeting: Meeting) -> Iterator[Finding]:
    path = meeting.path
    _, _, folder, file_name = path.split("/")
    stem = file_name[: -len(".yaml")]
    if not repo.has_committee(folder):
        yield MEETING_OF_UNKNOWN_COMMITTEE.finding(
            path,
            f"There is no committee '{folder}' for this meeting's folder data/meetings/{folder}/.",
            "Move the file to the folder of an existing committee (the committee's id), or add the committee.",
            line=1, column=1,
        )
    if meeting.committee and meeting.committee != folder:
        yield MEETING_PATH_MISMATCH.finding(
            path,
            f"The meeting says committee '{meeting.committee}', but it is in the folder '{folder}'.",
            f"Move the file to data/meetings/{meeting.committee}/{file_name}, or change 'committee' to '{folder}'.",
            pointer=("committee",),
        )
    if meeting.date is not None and meeting.date.isoformat() != stem:
        yield MEETING_PATH_MISMATCH.finding(
            path,
            f"The meeting says date {meeting.date.isoformat()}, but the file is named '{file_name}'.",
            f"Rename the file to {meeting.date.isoformat()}.yaml, or change 'date' to match the file name.",
            pointer=("date",),
        )
