"""The README's promises: its two commands, and the outputs it shows, are what fsu does."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import PROJECT, edit

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def shown(command: str) -> list[str]:
    """The output the README shows after '$ <command>'."""
    match = re.search(r"```text\n\$ " + re.escape(command) + r"\n(.*?)```", README, re.S)
    assert match, command
    return [line.rstrip() for line in match.group(1).splitlines()]


def test_the_two_commands_open_the_readme():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).splitlines()
    assert first_block == ["python3 -m pip install . && fsu validate",
                           "python3 -m pip install -e '.[test]' && python3 -m pytest"]
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert first_block[1] in ci.splitlines(), "CI runs the README's test command, exactly"


def test_the_leaders_example_is_real(fsu):
    result = fsu("leaders", "ssu", "--repo", PROJECT)
    assert [line.rstrip() for line in result.lines if line.strip()] == shown("fsu leaders ssu")


def test_the_validate_example_is_real(fsu, community: Path):
    edit(community / "data/committees/ssu.yaml", "organization: fjordvik", "organization: fjordvk")
    edit(community / "data/cases/ssu/2024/01.yaml", "title: Årsplan 2024", "titel: Årsplan 2024")
    result = fsu("validate", "--repo", community)
    assert [line.rstrip() for line in result.lines] == shown("fsu validate")
