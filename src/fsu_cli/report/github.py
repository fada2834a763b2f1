"""GitHub Actions: workflow commands, shown as annotations on the pull request, and the job summary.

GitHub shows at most 10 annotations of each level per step and drops the rest without a word.
So at most 10 errors, 10 warnings and 10 notes are annotated, errors first, and one notice
counts the rest (it takes one of the ten notice places). Every finding is in the job summary,
a Markdown table, and, when some were not annotated, in a folded list in the step's log.
"""

from __future__ import annotations

from typing import Sequence

from fsu_cli.check.findings import ERROR, INFO, WARNING, Finding, Summary
from fsu_cli.report.base import Reporter, accepted_note, by_severity, shown_severity
from fsu_cli.report.escape import for_markdown, for_terminal, for_terminal_line

PER_LEVEL = 10
# GitHub refuses a step's whole summary above 1 MiB; fsu's part stays below, with room for others.
SUMMARY_BUDGET = 1_000_000
_COMMAND = {ERROR: "error", WARNING: "warning", INFO: "notice"}
_WORD = {ERROR: "error", WARNING: "warning", INFO: "note"}


class GithubReporter(Reporter):
    name = "github"

    def report(self, findings: Sequence[Finding], summary: Summary) -> None:
        shown = annotated(findings)
        for f in shown:
            self.stream.write(self._annotation(f))
        rest = len(findings) - len(shown)
        if rest:
            where = "see the job summary" if self.step_summary is not None else "see the list in this step's log"
            self.stream.write(f"::notice title=fsu::… and {_plural(rest, 'more finding')}: {where}\n")
            self._log_list(findings)
        self.stream.write(summary.sentence() + "\n")
        if self.step_summary is not None:
            self.step_summary.write(job_summary(findings, summary, self.prefix))

    def _annotation(self, f: Finding) -> str:
        props = [f"file={_property(self.prefix + f.path)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_property(f.code)}")
        text = f.message + accepted_note(f) + (f"\n{f.hint}" if f.hint else "")
        return f"::{_COMMAND[shown_severity(f)]} {','.join(props)}::{_data(for_terminal(text))}\n"

    def _log_list(self, findings: Sequence[Finding]) -> None:
        """Every finding as a line of the log, folded; indented, so no line from the data is a command."""
        self.stream.write(f"::group::All {_plural(len(findings), 'finding')}\n")
        for f in by_severity(findings):
            self.stream.write(f"  {for_terminal_line(_place(f, self.prefix))}: {f.code} {_WORD[shown_severity(f)]}: "
                              f"{for_terminal_line(_text(f))}\n")
        self.stream.write("::endgroup::\n")


def annotated(findings: Sequence[Finding]) -> list[Finding]:
    """The findings GitHub will show as annotations: up to ten of each level, errors first."""
    chosen: list[Finding] = []
    for severity in (ERROR, WARNING, INFO):
        chosen += [f for f in findings if shown_severity(f) == severity][:PER_LEVEL]
    notes = sum(shown_severity(f) == INFO for f in chosen)
    if len(chosen) < len(findings) and notes == PER_LEVEL:  # the counting notice needs a notice place
        chosen.pop()  # the last is the tenth note
    return chosen


def job_summary(findings: Sequence[Finding], summary: Summary, prefix: str = "") -> str:
    """Markdown for the job summary: the summary sentence and a table of every finding, errors first.

    Every cell is escaped, so nothing from the data becomes markup or breaks the table.
    """
    lines = ["## fsu validate", "", for_markdown(summary.sentence()), ""]
    if findings:
        lines += ["| Where | Code | Severity | Message |", "|---|---|---|---|"]
    size = sum(len(line.encode("utf-8")) + 1 for line in lines) + 400  # and room for the closing note
    ordered = by_severity(findings)
    for listed, f in enumerate(ordered):
        cells = (_place(f, prefix), f.code, _WORD[shown_severity(f)], _text(f))
        row = "| " + " | ".join(for_markdown(cell) for cell in cells) + " |"
        size += len(row.encode("utf-8")) + 1
        if size > SUMMARY_BUDGET:
            lines += ["", f"{_plural(len(ordered) - listed, 'more finding')} not listed: GitHub keeps at most 1 MB "
                          "of summary per step. Run fsu validate to see every finding."]
            break
        lines.append(row)
    return "\n".join(lines) + "\n\n"


def _place(f: Finding, prefix: str) -> str:
    return f"{prefix}{f.path}:{f.line}:{f.column}"


def _text(f: Finding) -> str:
    return f.message + accepted_note(f) + (f" Hint: {f.hint}" if f.hint else "")


def _plural(n: int, words: str) -> str:
    return f"{n} {words}" if n == 1 else f"{n} {words}s"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


REPORTER = GithubReporter
