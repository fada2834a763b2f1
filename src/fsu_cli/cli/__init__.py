"""The command-line layer: parse options, call the core, pick the exit code.

Only typer is imported at start-up; each command imports what it needs when it
runs, so ``fsu --help`` stays fast.
"""

from __future__ import annotations

import typer

from fsu_cli import __version__

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


from fsu_cli.cli import (  # noqa: E402,F401,I001  (registers the commands, in the order help lists them)
    validate as _validate,
    leaders as _leaders,
    meetings as _meetings,
    status as _status,
    diff as _diff,
    render as _render,
    authoring as _authoring,
    rules as _rules,
)


def run() -> int:
    try:
        app(prog_name="fsu")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    return 0
