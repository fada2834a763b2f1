"""Reporters: findings as text, JSON, GitHub workflow commands or SARIF.

A reporter knows findings, their summary, and a rule catalogue handed to it as
data (code → name, summary, explanation); it knows nothing of how findings are made.
"""

from __future__ import annotations

import importlib
import os
from typing import IO, Mapping

from fsu_cli.report.base import Reporter, RuleText

# Output format → the module that holds its reporter (imported only when used).
FORMATS = {"text": "text", "json": "data", "github": "github", "sarif": "sarif"}
# The formats whose paths are read from the top of the git repository, not the governance repository.
FROM_GIT_TOP = ("github", "sarif")


def reporter(name: str, stream: IO[str], catalogue: Mapping[str, RuleText] | None = None, *, prefix: str = "",
             step_summary: IO[str] | None = None) -> Reporter:
    module = importlib.import_module(f"fsu_cli.report.{FORMATS[name]}")
    return module.REPORTER(stream, catalogue or {}, prefix=prefix, step_summary=step_summary)


def default_format() -> str:
    """``github`` inside GitHub Actions, ``text`` everywhere else."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
