"""Text from the data is shown, never acted on: in pull-request comments, on the terminal, in tables."""

from __future__ import annotations

import json

from markdown_it import MarkdownIt

from conftest import edit
from test_authoring import git, repo  # noqa: F401  (the git repository fixture)

SSU = "data/committees/ssu.yaml"


def test_a_pull_request_comment_shows_markup_from_the_data_as_text(fsu, repo):  # noqa: F811
    base = git(repo, "rev-parse", "HEAD").strip()
    edit(repo / SSU, "name: Bjørn Moen", "name: 'Bjørn Moen <!-- @octocat # ![x](https://evil.example/x.png)'", 9)
    edit(repo / "data/cases/ssu/2026/05.yaml", "title: Sluttrapport", "title: '```sh\\n[klikk](https://evil.example) *'\n# ")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Markup i navn og titler")
    text = fsu("diff", base, "HEAD", "--format", "md", "--repo", repo).stdout
    body = text.split("\n", 1)[1]  # below fsu's own heading, which names the revisions as code
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(body)
    assert "<!--" not in html and "<img" not in html and "<code>" not in html
    assert '<a href="https://evil.example"' not in html and "<pre" not in html
    assert html.count("<h3>") == text.count("\n### ") + text.startswith("### ")  # only the headings fsu writes
    assert "@octocat" not in text and "@\u200boctocat" in text  # nobody is notified
    assert "Bjørn Moen &lt;!-- @\u200boctocat # ![x](https:/\u200b/evil.example/x.png)" in html  # all shown


def test_control_characters_from_the_data_do_not_reach_the_terminal(fsu, community):
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", 'kind: "decision\\e[2J\\e]8;;https://x\\a"')
    edit(community / SSU, "name: Bjørn Moen", 'name: "Bjørn\\e[31m Moen"', 9)
    result = fsu("validate", "--repo", community)
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "'decision\\x1b[2J\\x1b]8;;https://x\\x07' is not an allowed value for 'kind'." in result.stdout
    leaders = fsu("leaders", "ssu", "--repo", community).stdout
    assert "\x1b" not in leaders and "Bjørn\\x1b[31m Moen" in leaders


def test_rich_markup_in_a_name_is_printed_as_written(fsu, community, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    edit(community / SSU, "name: Bjørn Moen", "name: '[blink]Bjørn Moen[/blink]'", 9)
    leaders = fsu("leaders", "ssu", "--repo", community).stdout
    assert "[blink]Bjørn Moen[/blink]" in leaders


def test_json_output_keeps_the_data_exactly(fsu, community):
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", 'kind: "decision\\e[2J"')
    findings = json.loads(fsu("validate", "--repo", community, "--format", "json").stdout)["findings"]
    assert any("'decision\x1b[2J'" in f["message"] for f in findings)  # JSON escapes it; programs get it as is


def test_bare_addresses_from_the_data_do_not_become_links():
    """GitHub links bare https:// and www. addresses after parsing Markdown; the comment keeps them as text."""
    from fsu_cli.report.escape import for_markdown

    shown = for_markdown("Se https://evil.example/x og WWW.evil.no")
    assert "://" not in shown and "www." not in shown.lower()
    assert shown.replace("\u200b", "") == "Se https://evil.example/x og WWW.evil.no"
