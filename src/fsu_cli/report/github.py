"""GitHub Actions workflow commands, shown as annotations on the pull request."""

from __future__ import annotations

from typing import Sequence

from fsu_cli.check.findings import ERROR, INFO, WARNING, Finding, Summary
from fsu_cli.report.base import Reporter


class GithubReporter(Reporter):
    name = "github"
    _command = {ERROR: "error", WARNING: "warning", INFO: "notice"}

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        for f in findings:
            props = [f"file={_property(f.path)}"]
            if f.line:
                props.append(f"line={f.line}")
                props.append(f"col={f.column}")
            props.append(f"title={_property(f.code)}")
            text = f.message + (f"\n{f.hint}" if f.hint else "")
            self.stream.write(f"::{self._command[f.severity]} {','.join(props)}::{_data(text)}\n")
        self.stream.write(summary.sentence() + "\n")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


REPORTER = GithubReporter
