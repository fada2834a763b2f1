"""``fsu validate``."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import (
    AsOfOption,
    DebugOption,
    FormatOption,
    RepoOption,
    guarded,
    parse_as_of,
)


@guarded
def validate(
    files: Annotated[
        Optional[list[Path]],
        typer.Argument(
            help="Report only findings in these files or folders (the whole repository is still read).",
            show_default=False,
        ),
    ] = None,
    repo: RepoOption = None,
    format: FormatOption = None,
    as_of: AsOfOption = None,
    staged: Annotated[bool, typer.Option("--staged", help="Check what is about to be committed (the git index) "
                                                          "against HEAD, and report only the problems it adds.")
                      ] = False,
    changed_since: Annotated[Optional[str], typer.Option(
        "--changed-since", metavar="REV",
        help="Check the working tree against the git revision REV (a pull request's base), and report only the "
             "problems the change adds, in any file.",
        show_default=False)] = None,
    debug: DebugOption = False,
) -> int:
    """Check every file against the schemas and the cross-file rules, and report every mistake at once.

    Exit code 0: no errors; 1: errors found; 2: fsu was called wrongly or the
    repository was not found; 3: fsu failed unexpectedly.
    """
    from fsu_cli.check.catalogue import Context, all_rules
    from fsu_cli.check.findings import Summary, exit_code
    from fsu_cli.report import FROM_GIT_TOP, default_format, reporter
    from fsu_cli.store import git

    if staged and changed_since is not None:
        from fsu_cli.errors import UsageError

        raise UsageError("Use --staged (what is about to be committed) or --changed-since REV, not both.")
    root = _root_for(repo, files)
    context = Context(as_of=parse_as_of(as_of, root))
    chosen = format.value if format else default_format()
    from fsu_cli.cli.progress import Progress, wanted

    progress = Progress() if wanted(sys.stderr, machine_readable=chosen != "text") else None
    try:
        if staged or changed_since is not None:
            result = _check_change(root, context, changed_since, progress)
            findings, summary = result.introduced, Summary.of(result.introduced, result.files, result.already)
        else:
            from fsu_cli.check.validate import validate as run_validation

            plain = run_validation(root, context, _selection(root, files) if files else None, progress=progress)
            findings, summary = plain.findings, Summary.of(plain.findings, plain.files)
    finally:
        if progress is not None:
            progress.close()
    catalogue = all_rules() if chosen == "sarif" else None
    prefix = git.governance_prefix(root) if chosen in FROM_GIT_TOP else ""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY") if chosen == "github" else None
    step_summary = io.StringIO() if summary_file else None
    reporter(chosen, sys.stdout, catalogue, prefix=prefix, step_summary=step_summary).report(findings, summary)
    if step_summary is not None:
        _append_job_summary(summary_file, step_summary.getvalue())
    return exit_code(findings)


def _append_job_summary(name: str, text: str) -> None:
    """Add to GitHub's job summary for this step. A summary that cannot be written is only a warning:
    the annotations and the exit code still tell."""
    try:
        with open(name, "a", encoding="utf-8") as summary:
            summary.write(text)
    except OSError as error:
        print(f"fsu: warning: could not write the job summary to {name}: {error.strerror or error}.",
              file=sys.stderr)


def _check_change(root: Path, context, since: str | None, progress):
    """The change against its base: the index against HEAD, or the working tree against ``since``.

    The whole repository is checked on both sides, so a change to one file that breaks
    another (a renamed id, a deleted committee) is caught; files named on the command line
    (as an older hook passes them) change nothing.
    """
    from fsu_cli.check.validate import validate_change
    from fsu_cli.store import git
    from fsu_cli.store.paths import discover

    working = discover(root)  # walked once: both sides and both overlays start from it
    if since is None:  # --staged
        head = git.head_commit(root)
        after = git.staged_overlay(root, working)
        before = git.revision_overlay(root, head, working) if head else None
        return validate_change(root, context, before, after, git.renames(root, head, staged=True), progress,
                               first_commit=head is None, discovered=working)
    before = git.revision_overlay(root, since, working)
    return validate_change(root, context, before, None, git.renames(root, since, staged=False), progress,
                           discovered=working)


def _root_for(repo: Path | None, files: list[Path] | None) -> Path:
    """--repo, else the nearest fsu.yaml above the current folder, else above the first file named.

    The last covers a pre-commit hook run from the top of a git repository whose
    governance data sits in a subfolder.
    """
    from fsu_cli.errors import UsageError
    from fsu_cli.store.paths import find_root

    try:
        return find_root(explicit=repo)
    except UsageError:
        if repo is not None or not files:
            raise
        return find_root(start=files[0].resolve().parent)


def _selection(root: Path, files: list[Path]) -> list[str]:
    from fsu_cli.errors import UsageError

    selected = []
    for name in files:
        path = name.resolve()
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            raise UsageError(f"{name} is outside the repository {root}.") from None
        if path.is_dir():
            selected.append("" if rel == "." else rel.rstrip("/") + "/")
        elif path.exists():
            selected.append(rel)
        else:
            raise UsageError(f"The file {name} does not exist.")
    return selected
