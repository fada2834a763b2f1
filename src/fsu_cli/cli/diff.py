"""``fsu diff``: what a change does to the governance, in words, for reviewing a pull request."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import DebugOption, RepoOption, guarded


class DiffFormat(str, Enum):
    text = "text"
    md = "md"


@guarded
def diff(
    base: Annotated[Optional[str], typer.Argument(help="The git revision to compare from. Default: where this "
                                                        "branch left the main branch.", show_default=False)] = None,
    head: Annotated[Optional[str], typer.Argument(help="The git revision to compare to. Default: the working "
                                                        "tree.", show_default=False)] = None,
    format: Annotated[DiffFormat, typer.Option("--format", help="text, or md for a pull-request comment.")] =
    DiffFormat.text,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE", show_default=False,
                                                 help="A period's changes: from the last commit before DATE "
                                                      "(YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DATE", show_default=False,
                                                 help="With --since: to the last commit before DATE. Default: "
                                                      "now.")] = None,
    repo: RepoOption = None,
    debug: DebugOption = False,
) -> int:
    """Describe what changed between two versions: members, leaders, meetings, mandates and cases."""
    from fsu_cli.check.load import load_repository
    from fsu_cli.domain.changes import describe
    from fsu_cli.report.escape import for_markdown, for_terminal_line
    from fsu_cli.store.cache import Store
    from fsu_cli.store.git import default_base, revision_overlay
    from fsu_cli.store.paths import find_root

    root = find_root(explicit=repo)
    if since or until:
        base, head = _period(root, base, head, since, until)
    base_rev = base or default_base(root)
    store = None if os.environ.get("FSU_NO_CACHE") else Store(root)  # both sides by content (full texts)
    old = load_repository(root, overlay=revision_overlay(root, base_rev), store=store).repo
    new = load_repository(root, overlay=revision_overlay(root, head) if head else None, store=store).repo
    sections = describe(old, new)
    short = base_rev[:12] if len(base_rev) == 40 else base_rev
    target = (head[:12] if head and len(head) == 40 else head) or "the working tree"
    if since:  # the period in its own dates, then the commits that bound it
        short, target = f"{since} ({short})", f"{until or 'now'} ({target})"
    out = sys.stdout
    if format == DiffFormat.md:  # a pull-request comment: the data's text renders as itself
        out.write(f"## Governance changes from {short if since else _code(short)} to {_code(target) if head and not since else target}\n\n")
        if not sections:
            out.write("No changes to committees, mandates or cases.\n")
        for section in sections:
            out.write(f"### {for_markdown(section.title)}\n\n")
            out.writelines(f"- {for_markdown(line)}\n" for line in section.lines)
            out.write("\n")
    else:
        out.write(f"Changes from {for_terminal_line(short)} to {for_terminal_line(target)}:\n")
        if not sections:
            out.write("No changes to committees, mandates or cases.\n")
        for section in sections:
            out.write(f"\n{for_terminal_line(section.title)}\n")
            out.writelines(f"  - {for_terminal_line(line)}\n" for line in section.lines)
    return 0


def _code(revision: str) -> str:
    """A git revision as a code span (a revision cannot break out of it without a backtick)."""
    return "`" + " ".join(revision.replace("`", "").split()) + "`"


def _period(root, base: str | None, head: str | None, since: str | None, until: str | None) -> tuple[str, str]:
    """The commits that bound a period: the last before --since, and the last before --until (or HEAD)."""
    import datetime as dt

    from fsu_cli.errors import UsageError
    from fsu_cli.store.git import commit_before, head_commit, is_shallow

    if base or head:
        raise UsageError("Give either revisions (fsu diff BASE HEAD) or a period (--since DATE), not both.")
    if not since:
        raise UsageError("--until goes with --since: fsu diff --since 2025-01-01 --until 2026-01-01.")
    for day in (since, until):
        try:
            if day is not None and (len(day) != 10 or not dt.date.fromisoformat(day)):
                raise ValueError
        except ValueError:
            raise UsageError(f"--since and --until need real dates written YYYY-MM-DD (got '{day}').") from None
    if until and until < since:
        raise UsageError(f"--until ({until}) comes before --since ({since}).")
    start = commit_before(root, since)
    if start is None:
        cut = " (this is a shallow clone: git fetch --unshallow for the whole history)" if is_shallow(root) else ""
        raise UsageError(f"No commit was made before {since}, so there is nothing to compare with{cut}; give a "
                         "later --since.")
    end = commit_before(root, until) if until else head_commit(root)
    return start, end or start
