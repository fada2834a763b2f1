"""Every command that writes YAML writes plain YAML: no anchors (&id001) or aliases (*id001), which a secretary
cannot read, and which would make an edit of one value silently change another."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from test_authoring import git, repo, snapshot  # noqa: F401  (the git repository fixture)


def anchored(text: str) -> list[str]:
    """The anchors and aliases in a YAML document, from the parser's events (not a text search)."""
    return [f"{type(event).__name__} {event.anchor}" for event in YAML().parse(text)
            if getattr(event, "anchor", None)]


def changed_yaml(root: Path, before: dict[str, bytes]) -> dict[str, str]:
    after = snapshot(root)
    return {rel: content.decode("utf-8") for rel, content in after.items()
            if before.get(rel) != content and rel.endswith(".yaml")}


def test_no_authoring_command_writes_anchors_or_aliases(fsu, repo):  # noqa: F811
    before = snapshot(repo)
    commands = [
        ("new", "meeting", "ssu", "2027-03-11", "--location", "Storelv", "--time", "09:00-12:00"),
        ("new", "case", "ssu", "--meeting", "2027-03-11", "--title", "Sak", "--kind", "decision"),
        ("member", "add", "ssu", "--name", "Ola Nordvik", "--organization", "lundheim", "--start", "2027-01-01"),
        ("member", "end", "ssu", "--name", "Ola Nordvik", "--date", "2027-06-30"),
        ("elect", "fsu-akuttmedisin", "--leader", "Astrid Lunde", "--deputy", "Knut Vestby", "--start", "2028-01-01"),
        ("decide", "ssu/2026/5", "--outcome", "adopted", "--text", "Vedtatt som innstilt.", "--as-of", "2026-11-27"),
    ]
    for command in commands:
        result = fsu(*command, "--repo", repo)
        assert result.exit_code == 0, (command, result.stderr)
    written = changed_yaml(repo, before)
    assert set(written) >= {"data/committees/ssu.yaml", "data/committees/fsu-akuttmedisin.yaml",
                            "data/cases/ssu/2026/05.yaml", "data/cases/ssu/2027/01.yaml"}
    for rel, text in written.items():
        assert anchored(text) == [], rel
    # the same date written for leader and deputy stays two plain dates
    assert written["data/committees/fsu-akuttmedisin.yaml"].count("start_date: 2028-01-01\n") == 2


def test_a_new_repository_is_plain_yaml(fsu, tmp_path):
    assert fsu("init", tmp_path / "ny", "--name", "Helsefellesskapet Nord").exit_code == 0
    for path in (tmp_path / "ny").rglob("*.yaml"):
        assert anchored(path.read_text(encoding="utf-8")) == [], path
