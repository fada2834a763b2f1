"""The README's promises: its two commands, and the outputs it shows, are what fsu does."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import PROJECT, edit
from fsu_cli.check.catalogue import all_rules

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


def code_ranges() -> list[tuple[str, str]]:
    """The codes column of the README's table of codes: ('FSU001', 'FSU010'), ('FSU361', 'FSU361'), ..."""
    rows = re.findall(r"^\| (FSU\d{3})(?:–(FSU\d{3}))? \|", README, re.M)
    assert rows, "the README has no table of codes"
    return [(first, last or first) for first, last in rows]


def test_every_code_is_in_the_readme_table():
    ranges = code_ranges()
    missing = [code for code in all_rules() if not any(first <= code <= last for first, last in ranges)]
    assert missing == [], f"add these codes to the table in 'What fsu validate does': {missing}"


def test_every_row_of_the_readme_table_has_codes():
    codes = list(all_rules())
    assert [(first, last) for first, last in code_ranges() if not any(first <= c <= last for c in codes)] == []
