"""The command list help shows without building the commands says what each command's own help says."""

import re

import pytest

from fsu_cli.cli.app import COMMANDS, build_command


def _first_paragraph(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().split("\n\n")[0])


@pytest.mark.parametrize("name", list(COMMANDS))
def test_summary_is_the_first_paragraph_of_the_commands_help(name):
    command = build_command(name)
    assert command.name == name
    assert _first_paragraph(command.help or "") == COMMANDS[name][3]


def test_top_help_lists_every_command_in_its_panel(fsu):
    result = fsu("--help")
    assert result.exit_code == 0
    for name, (panel, *_rest) in COMMANDS.items():
        assert re.search(rf"│ {re.escape(name)}\s", result.stdout), name
        assert panel in result.stdout


def test_a_group_lists_its_subcommands(fsu):
    result = fsu("render", "--help")
    assert result.exit_code == 0
    for sub in COMMANDS["render"][2]:
        assert re.search(rf"│ {sub}\s", result.stdout), sub
