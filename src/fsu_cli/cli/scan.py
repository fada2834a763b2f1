"""``fsu scan-history``: national identity numbers in the commits already made."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import DebugOption, RepoOption, guarded

AFTERWARDS = (
    "A number stays in the git history after it is removed from the files. Have whoever manages the repository "
    "rewrite the history (e.g. git filter-repo --replace-text, or --invert-paths for a file name), force-push, "
    "and ask the git host to clear its caches and old pull requests; and tell your data protection officer "
    "(personvernombud)."
)


class ScanFormat(str, Enum):
    text = "text"
    json = "json"


@guarded
def scan_history(
    all_refs: Annotated[bool, typer.Option("--all", help="Scan the commits of every branch and tag, not only "
                                                         "those HEAD reaches.")] = False,
    since: Annotated[Optional[str], typer.Option("--since", metavar="REV", help="Scan only the commits made after "
                                                 "the git revision REV.", show_default=False)] = None,
    format: Annotated[ScanFormat, typer.Option("--format", help="text, or json.")] = ScanFormat.text,
    repo: RepoOption = None,
    debug: DebugOption = False,
) -> int:
    """Look for national identity numbers in every commit already made: in data files and their names.

    Exit code 0: none found; 1: found (each with its commit, file and line).
    """
    from fsu_cli.check.load import max_file_bytes
    from fsu_cli.check.rules.privacy import history_sightings, mask_text
    from fsu_cli.store.git import History
    from fsu_cli.store.paths import find_root

    root = find_root(explicit=repo)
    history = History(root, all_refs=all_refs, since=since, max_bytes=max_file_bytes(root))
    found = [{"commit": file.commit.id, "date": file.commit.date, "author": file.commit.author,
              "path": mask_text(file.path), "line": sighting.line, "column": sighting.column,
              "number": sighting.masked, "in": f"{sighting.name} name" if sighting.name else "content"}
             for file, sighting in history_sightings(history)]
    summary = {"commits": history.commits, "files": history.files, "found": len(found),
               "too_large": [mask_text(path) for path in history.too_large], "shallow": history.shallow}
    if format == ScanFormat.json:
        json.dump({"findings": found, "summary": summary}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_text(found, summary)
    return 1 if found else 0


def _print_text(found: list[dict], summary: dict) -> None:
    out = sys.stdout
    for item in found:
        where = f"in the {item['in']}" if item["in"] != "content" else "a national identity number or D-number"
        out.write(f"{item['path']}:{item['line']}:{item['column']}: FSU361 {item['number']} ({where}) in commit "
                  f"{item['commit'][:10]} ({item['date']}, {item['author']})\n")
    for path in summary["too_large"]:
        out.write(f"{path}: not read: larger than the size limit for data files.\n")
    if summary["shallow"]:
        out.write("This is a shallow clone: only the history in it was scanned (git fetch --unshallow for all).\n")
    commits = f"{summary['commits']} commit{'s' if summary['commits'] != 1 else ''}"
    if found:
        out.write(f"{len(found)} national identity number{'s' if len(found) != 1 else ''} found in the history "
                  f"({commits}, {summary['files']} file version{'' if summary['files'] == 1 else 's'} checked).\n    hint: {AFTERWARDS}\n")
    else:
        out.write(f"No national identity numbers in the history ({commits}, {summary['files']} file versions "
                  "checked).\n")
