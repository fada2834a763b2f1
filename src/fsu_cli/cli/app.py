"""The ``fsu`` command tree, registered in one place, in the order help lists it."""

from __future__ import annotations

import importlib
from typing import Any

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from fsu_cli import __version__

# Every command, in the order help lists it: its panel, its module in fsu_cli.cli, its function (or,
# for a group, its subcommands and their functions), and the summary help shows. A command's module
# is imported, and its options built, only when that command runs or shows its own help, so `fsu`
# starts as fast as a one-command app. A test holds each summary to the first paragraph of its help.
COMMANDS: dict[str, tuple[str, str, str | dict[str, str], str]] = {
    "validate": ("Check", "validate", "validate",
                 "Check every file against the schemas and the cross-file rules, and report every mistake at "
                 "once."),
    "scan-history": ("Check", "scan", "scan_history",
                     "Look for national identity numbers in every commit already made: in data files and their "
                     "names."),
    "leaders": ("Overview", "leaders", "leaders",
                "Show each committee's leaders and deputies term by term, and whose turn it is next."),
    "meetings": ("Overview", "meetings", "meetings",
                 "Count each committee's meetings per year (held, planned, cancelled) against its mandate."),
    "status": ("Overview", "status", "status",
               "Show what is coming up in the next three months and what is overdue."),
    "followup": ("Overview", "followup", "followup",
                 "List the follow-up of decisions: what is to be done, who is responsible, the due date and the "
                 "status."),
    "case": ("Overview", "case", {"trail": "trail"},
             "Follow a case through the committees: where it came from and where it was sent on."),
    "history": ("Overview", "history", "history",
                "Show a committee's, a person's or a case's history: the story in the data's own dates, and for "
                "each change the commit that recorded it, with date, author and message."),
    "diff": ("Overview", "diff", "diff",
             "Describe what changed between two versions: members, leaders, meetings, mandates and cases."),
    "render": ("Documents", "render", {"case": "render_case", "mandate": "render_mandate",
                                       "agenda": "render_agenda", "minutes": "render_minutes",
                                       "report": "render_report", "members": "render_members"},
               "Make documents from the data: case papers, mandates, agendas, minutes, annual reports, "
               "member lists."),
    "publish": ("Documents", "publish", {"site": "site", "ics": "ics", "einnsyn": "einnsyn", "data": "data"},
                "Publish the public record: a website, a meeting calendar, an eInnsyn export and open data."),
    "new": ("Change the data", "edit", {"case": "new_case", "meeting": "new_meeting", "committee": "new_committee",
                                        "mandate": "new_mandate"},
            "Add a case, a meeting, a committee or a draft mandate."),
    "meeting": ("Change the data", "meeting", {"new": "new", "held": "held", "cancel": "cancel", "notice": "notice",
                                               "attend": "attend",
                                               "agenda": "agenda", "approve-minutes": "approve_minutes"},
                "Record a meeting: its file, status, notice, attendance, agenda and the approval of its minutes."),
    "org": ("Change the data", "org", {"add": "org_add"},
            "Add an organization that members can represent to fsu.yaml."),
    "mandate": ("Change the data", "mandate", {"approve": "approve"},
                "Approve a draft mandate: by a committee (in a case) or by the partners (in a document)."),
    "member": ("Change the data", "edit", {"add": "member_add", "end": "member_end"},
               "Add a member to a committee, or end a membership."),
    "elect": ("Change the data", "edit", "elect",
              "Record a new term's leader and deputy; refused if it breaks the mandate's leadership rules, "
              "unless a case decides the deviation (--deviation-case)."),
    "decide": ("Change the data", "edit", "decide", "Record the decision (vedtak) in a case after its meeting."),
    "followup-update": ("Change the data", "edit", "followup_update",
                        "Record how far a decision's follow-up item has come: its status, the date it was done, a "
                        "note, a new due date."),
    "init": ("Change the data", "edit", "init",
             "Start a new governance repository: fsu.yaml, data folders, an example committee, hooks and CI."),
    "rules": ("Reference", "rules", "list_rules", "List every finding code with its severity and what it means."),
    "explain": ("Reference", "rules", "explain",
                "Explain a finding code: what triggers it, an example, and how to fix it."),
}


def build_command(name: str) -> Any:
    """The command as typer makes it from its function (importing its module now)."""
    panel, module_name, target, summary = COMMANDS[name]
    module = importlib.import_module(f"fsu_cli.cli.{module_name}")
    sub = typer.Typer(pretty_exceptions_enable=False, add_completion=False)
    if isinstance(target, dict):
        sub = typer.Typer(help=summary, no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
        for command_name, function in target.items():
            sub.command(command_name)(getattr(module, function))
        command: Any = typer.main.get_group(sub)
    else:
        sub.command(name)(getattr(module, target))
        command = typer.main.get_command(sub)
    command.name = name
    command.rich_help_panel = panel  # type: ignore[attr-defined]
    return command


class _Commands(TyperGroup):
    """fsu's command group: a command is built when it is used, and listed in help by its summary."""

    def list_commands(self, ctx: typer.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any | None:
        if cmd_name not in COMMANDS:
            return None
        if getattr(ctx, "fsu_listing", False):  # only the name, panel and summary are shown
            panel, _, _, summary = COMMANDS[cmd_name]
            return TyperCommand(cmd_name, help=summary, rich_help_panel=panel)
        return build_command(cmd_name)

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        ctx.fsu_listing = True  # type: ignore[attr-defined]
        try:
            super().format_help(ctx, formatter)
        finally:
            ctx.fsu_listing = False  # type: ignore[attr-defined]


app = typer.Typer(
    name="fsu",
    cls=_Commands,
    help=(
        "Keep the governance of a health community (helsefellesskap) as checked YAML in git: "
        "committees, mandates, meetings and cases."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        print(f"fsu {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Keep the governance of a health community (helsefellesskap) as checked YAML in git."""


def run() -> int:
    try:
        app(prog_name="fsu")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    return 0
