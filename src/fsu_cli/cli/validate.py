"""``fsu validate``."""

from __future__ import annotations

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
    staged: Annotated[bool, typer.Option("--staged", help="Check the files as they are staged in git (the index), "
                                                          "not as they are in the working tree.")] = False,
    changed_since: Annotated[Optional[str], typer.Option(
        "--changed-since", metavar="REV",
        help="Report only findings in files changed since the git revision REV (a pull request's base).",
        show_default=False)] = None,
    debug: DebugOption = False,
) -> int:
    """Check every file against the schemas and the cross-file rules, and report every mistake at once.

    Exit code 0: no errors; 1: errors found; 2: fsu was called wrongly or the
    repository was not found; 3: fsu failed unexpectedly.
    """
    from fsu_cli.check.catalogue import Context, all_rules
    from fsu_cli.check.findings import Summary, exit_code
    from fsu_cli.check.validate import validate as run_validation
    from fsu_cli.report import default_format, reporter

    day = parse_as_of(as_of)
    root = _root_for(repo, files)
    only = _selection(root, files) if files else None
    overlay = None
    if staged:
        from fsu_cli.store.git import staged_overlay

        overlay = staged_overlay(root)
    if changed_since is not None:
        from fsu_cli.store.git import changed_since as changed

        paths = changed(root, changed_since)
        only = [p for p in paths if only is None or p in only]
    chosen = format.value if format else default_format()
    from fsu_cli.cli.progress import Progress, wanted

    progress = Progress() if wanted(sys.stderr, machine_readable=chosen != "text") else None
    try:
        result = run_validation(root, Context(as_of=day), only, overlay=overlay, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    catalogue = all_rules() if chosen == "sarif" else None
    reporter(chosen, sys.stdout, catalogue).report(result.findings, Summary.of(result.findings, result.files))
    return exit_code(result.findings)


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
