"""What a finding is about, so that the same finding is recognised before and after a change.

A finding's identity is its code, its file and its subject, never its message or its
line: "SSU has 0 members from the municipalities" and "SSU has 1 member ..." are the
same finding, and a member's finding stays that member's when someone is added
above them. The subject is the rule's own (a side, a year) or the path to the value
the finding points at, with each list entry named by its key instead of its place.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from fsu_cli.check.findings import Finding

# How a list entry is named, by the first of these groups of keys it has.
_ENTRY_KEYS = (("id",), ("date",), ("role", "name", "start_date"), ("name", "start_date"), ("title",),
               ("side",), ("case",))


def assign_subjects(findings: Iterable[Finding], data_by_path: dict[str, Any]) -> None:
    """Give every finding that points into a document and has no subject of its own one from its pointer."""
    for finding in findings:
        if not finding.subject and finding.pointer is not None:
            finding.subject = subject_of(finding.pointer, data_by_path.get(finding.path))


def subject_of(pointer: tuple, data: Any) -> str:
    parts, node = [], data
    for step in pointer:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            node = node[step]
            parts.append(_entry_name(node, step))
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "/".join(parts)


def _entry_name(entry: Any, index: int) -> str:
    if isinstance(entry, dict):
        for keys in _ENTRY_KEYS:
            if keys[0] in entry or (len(keys) > 1 and keys[1] in entry):
                named = [f"{key}={entry[key]}" for key in keys if isinstance(entry.get(key), (str, int))]
                if named:
                    return "[" + ",".join(named) + "]"
    elif isinstance(entry, (str, int)) and not isinstance(entry, bool):
        return f"[{entry}]"
    return f"[{index}]"


def introduced(before: Iterable[Finding], after: list[Finding]) -> list[Finding]:
    """The findings after a change that were not there before it, counted by identity."""
    known = Counter(f.identity for f in before)
    new = []
    for finding in after:
        if known[finding.identity] > 0:
            known[finding.identity] -= 1
        else:
            new.append(finding)
    return new

