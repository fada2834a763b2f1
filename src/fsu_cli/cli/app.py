"""The ``fsu`` command tree, registered in one place, in the order help lists it."""

from __future__ import annotations

import typer

from fsu_cli import __version__
from fsu_cli.cli import diff, edit, leaders, meetings, render, rules, scan, status, validate

app = typer.Typer(
    name="fsu",
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


def _group(name: str, help: str, panel: str, commands: dict[str, object]) -> None:
    group = typer.Typer(help=help, no_args_is_help=True)
    for command_name, function in commands.items():
        group.command(command_name)(function)
    app.add_typer(group, name=name, rich_help_panel=panel)


app.command(rich_help_panel="Check")(validate.validate)
app.command("scan-history", rich_help_panel="Check")(scan.scan_history)
app.command(rich_help_panel="Overview")(leaders.leaders)
app.command(rich_help_panel="Overview")(meetings.meetings)
app.command(rich_help_panel="Overview")(status.status)
app.command(rich_help_panel="Overview")(diff.diff)
_group("render", "Make documents from the data: case papers, mandates, agendas, minutes, annual reports, "
       "member lists.", "Documents", {
           "case": render.render_case,
           "mandate": render.render_mandate,
           "agenda": render.render_agenda,
           "minutes": render.render_minutes,
           "report": render.render_report,
           "members": render.render_members,
       })
_group("new", "Add a case or a meeting.", "Change the data", {"case": edit.new_case, "meeting": edit.new_meeting})
_group("member", "Add a member to a committee, or end a membership.", "Change the data",
       {"add": edit.member_add, "end": edit.member_end})
app.command(rich_help_panel="Change the data")(edit.elect)
app.command(rich_help_panel="Change the data")(edit.decide)
app.command(rich_help_panel="Change the data")(edit.init)
app.command("rules", rich_help_panel="Reference")(rules.list_rules)
app.command(rich_help_panel="Reference")(rules.explain)


def run() -> int:
    try:
        app(prog_name="fsu")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    return 0
