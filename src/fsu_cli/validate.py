"""``fsu validate``: load, index, check, and place every finding at its line and column."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from fsu_cli import yamlio
from fsu_cli.findings import Finding
from fsu_cli.load import Document, load_repository
from fsu_cli.model import Context
from fsu_cli.rules import run_checks


@dataclass(slots=True)
class Result:
    findings: list[Finding]
    files: int  # how many files the findings speak for


def validate(root: Path, context: Context, only: list[str] | None = None,
             overlay: dict[str, bytes | None] | None = None) -> Result:
    """Check the whole repository; with ``only``, report just the findings in those files.

    ``only`` holds paths relative to the root: files, or folders ending in '/'.
    Cross-file rules always see the whole repository.
    """
    loaded = load_repository(root, overlay=overlay)
    findings = loaded.findings + list(run_checks(loaded.repo, context))
    files = len(loaded.documents)
    if only is not None:
        findings = [f for f in findings if _selected(f.path, only)]
        files = sum(1 for path in loaded.documents if _selected(path, only))
    place(findings, loaded.documents)
    findings.sort(key=Finding.sort_key)
    return Result(findings, files)


def _selected(path: str, only: list[str]) -> bool:
    return any(p == "" or path == p or (p.endswith("/") and path.startswith(p)) for p in only)


def place(findings: list[Finding], documents: dict[str, Document]) -> None:
    """Fill in line and column for findings that point into a document.

    Only files with such findings are parsed a second time, for positions.
    """
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.line:
            continue
        if finding.pointer is None:  # about the whole file: its first line
            finding.line, finding.column = 1, 1
        else:
            by_file[finding.path].append(finding)
    for path, pending in by_file.items():
        document = documents.get(path)
        root = yamlio.compose(document.text) if document is not None and document.text else None
        for finding in pending:
            finding.line, finding.column = yamlio.locate(root, finding.pointer, finding.on_key)
