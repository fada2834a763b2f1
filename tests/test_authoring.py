"""Authoring commands in a real git repository: numbers, comments kept, refusals that write
nothing, and two ``fsu new case`` runs at once."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import AS_OF, edit

SSU = "data/committees/ssu.yaml"
AKUTT = "data/committees/fsu-akuttmedisin.yaml"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(community: Path) -> Path:
    git(community, "init", "-q", "-b", "main")
    git(community, "config", "user.email", "sekretariat@example.org")
    git(community, "config", "user.name", "Sekretariatet")
    git(community, "add", "-A")
    git(community, "commit", "-q", "-m", "Start")
    return community


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "data").rglob("*") if p.is_file()}


def test_new_case_takes_the_next_number_and_prints_it(fsu, repo):
    result = fsu("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "Revidert mandat: FSU akuttmedisin",
                 "--repo", repo)
    assert result.exit_code == 0, result.stderr
    assert result.lines == ["SSU sak 07-2026: data/cases/ssu/2026/07.yaml"]
    text = (repo / "data/cases/ssu/2026/07.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Ny sak.")
    assert "number: 7\n" in text and "title: 'Revidert mandat: FSU akuttmedisin'\n" in text
    assert "# consensus (Innstilling til konsensus) | decision (Forslag til vedtak)" in text
    assert fsu("validate", "--repo", repo).exit_code == 0
    again = fsu("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "Neste", "--kind", "information",
                "--repo", repo)
    assert again.lines == ["SSU sak 08-2026: data/cases/ssu/2026/08.yaml"]


def test_a_meeting_that_is_already_planned_is_refused(fsu, repo):
    before = snapshot(repo)
    result = fsu("new", "meeting", "ssu", "2027-02-11", "--repo", repo)
    assert result.exit_code == 2
    assert result.stderr == "fsu: There is already a meeting on 2027-02-11.\n"
    assert snapshot(repo) == before


def test_new_case_in_a_new_year_starts_at_one(fsu, repo):
    result = fsu("new", "case", "ssu", "--meeting", "2027-02-11", "--title", "Årsplan", "--repo", repo)
    assert result.lines == ["SSU sak 01-2027: data/cases/ssu/2027/01.yaml"]


def test_new_case_for_a_meeting_that_does_not_exist_is_refused(fsu, repo):
    before = snapshot(repo)
    result = fsu("new", "case", "ssu", "--meeting", "2026-11-27", "--title", "X", "--repo", repo)
    assert result.exit_code == 2
    assert result.stderr == ("fsu: SSU has no meeting on 2026-11-27. Its meetings in 2026: 2026-02-12, 2026-04-23, "
                             "2026-06-11, 2026-09-17, 2026-11-26. Add it first: fsu new meeting ssu 2026-11-27\n")
    assert snapshot(repo) == before


def test_two_new_case_runs_at_once_cannot_take_the_same_number(repo):
    env = {**os.environ, "FSU_AS_OF": AS_OF}

    def run(i: int) -> str:
        done = subprocess.run([sys.executable, "-m", "fsu_cli", "new", "case", "ssu", "--meeting", "2026-11-26",
                               "--title", f"Sak {i}", "--repo", str(repo)], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    with ThreadPoolExecutor(max_workers=4) as pool:
        printed = sorted(pool.map(run, range(4)))
    assert printed == [f"SSU sak {n:02d}-2026: data/cases/ssu/2026/{n:02d}.yaml" for n in (7, 8, 9, 10)]
    titles = sorted((repo / f"data/cases/ssu/2026/{n:02d}.yaml").read_text(encoding="utf-8").split("title: ")[1]
                    .split("\n")[0] for n in (7, 8, 9, 10))
    assert titles == ["Sak 0", "Sak 1", "Sak 2", "Sak 3"]
    assert not list((repo / "data/cases/ssu/2026").glob(".*.tmp"))


def test_new_meeting_keeps_comments_order_and_style(fsu, repo):
    before = (repo / AKUTT).read_text(encoding="utf-8")
    result = fsu("new", "meeting", "fsu-akuttmedisin", "2027-03-04", "--location", "Teams", "--repo", repo)
    assert result.exit_code == 0
    after = (repo / AKUTT).read_text(encoding="utf-8")
    # exactly one line added, in the flow style of its neighbours, after the last meeting
    assert after == before.replace("  - {date: 2026-11-19, status: held, location: Sykehuset Fjordvik}\n",
                                   "  - {date: 2026-11-19, status: held, location: Sykehuset Fjordvik}\n"
                                   "  - {date: 2027-03-04, status: planned, location: Teams}\n")
    # a meeting in the middle goes in date order
    fsu("new", "meeting", "fsu-akuttmedisin", "2026-10-01", "--repo", repo)
    lines = (repo / AKUTT).read_text(encoding="utf-8").splitlines()
    assert lines.index("  - {date: 2026-10-01, status: planned}") == lines.index(
        "  - {date: 2026-11-19, status: held, location: Sykehuset Fjordvik}") - 1
    # comments elsewhere survive
    assert after.splitlines()[0] == before.splitlines()[0]


def test_member_add_and_end_keep_comments(fsu, repo):
    before = (repo / SSU).read_text(encoding="utf-8")
    assert "# sluttet i kommunen; erstattet av Mona Eide" in before
    fsu("member", "add", "ssu", "--name", "Ola Nordvik", "--organization", "lundheim", "--start", "2026-12-01",
        "--title", "kommunalsjef", "--repo", repo)
    fsu("member", "end", "ssu", "--name", "Terje Vik", "--date", "2026-11-30", "--repo", repo)
    after = (repo / SSU).read_text(encoding="utf-8")
    assert "# sluttet i kommunen; erstattet av Mona Eide" in after
    assert "  - name: Ola Nordvik\n    organization: lundheim\n    title: kommunalsjef\n" \
           "    start_date: 2026-12-01\n    end_date: null\n" in after
    assert "  - name: Terje Vik\n    organization: havnoy\n    title: helse- og omsorgssjef\n" \
           "    start_date: 2024-01-01\n    end_date: 2026-11-30\n" in after
    diff = git(repo, "diff", "--numstat", "--", SSU).split()
    assert diff[:2] == ["6", "1"]  # five lines for the new member, one changed end date


def test_a_refused_edit_leaves_the_file_byte_for_byte(fsu, repo):
    before = snapshot(repo)
    # ending Bjørn Moen's membership would leave SSU short of municipal members and its leader outside it
    result = fsu("member", "end", "ssu", "--name", "Bjørn Moen", "--date", "2026-06-30", "--repo", repo)
    assert result.exit_code == 1
    assert "Nothing was written" in result.stderr
    assert "FSU312" in result.stderr and "FSU331" in result.stderr
    assert snapshot(repo) == before
    unknown = fsu("member", "add", "ssu", "--name", "X", "--organization", "oslo", "--start", "2026-01-01",
                  "--repo", repo)
    assert unknown.exit_code == 2 and "There is no organization 'oslo'" in unknown.stderr
    nobody = fsu("member", "end", "ssu", "--name", "Ingen", "--date", "2026-01-01", "--repo", repo)
    assert nobody.exit_code == 2 and "There is no current member named 'Ingen'" in nobody.stderr
    assert fsu("new", "meeting", "nope", "2026-01-01", "--repo", repo).exit_code == 2
    assert snapshot(repo) == before


def test_elect_refuses_a_choice_that_breaks_the_rules_unless_a_case_decides_it(fsu, repo):
    before = snapshot(repo)
    # after the hospital's term 2026-2027 the municipalities lead; a hospital leader breaks the rotation
    result = fsu("elect", "fsu-akuttmedisin", "--leader", "Knut Vestby", "--deputy", "Astrid Lunde",
                 "--start", "2028-01-01", "--repo", repo)
    assert result.exit_code == 1
    assert "FSU315" in result.stderr and "Nothing was written" in result.stderr
    assert snapshot(repo) == before
    ok = fsu("elect", "fsu-akuttmedisin", "--leader", "Astrid Lunde", "--deputy", "Knut Vestby",
             "--start", "2028-01-01", "--repo", repo)
    assert ok.exit_code == 0
    assert ok.lines == ["Recorded leader Astrid Lunde and deputy Knut Vestby, 2028-01-01 to 2029-12-31, "
                        "in data/committees/fsu-akuttmedisin.yaml."]
    decided = fsu("elect", "ssu", "--leader", "Bjørn Moen", "--deputy", "Sissel Aune", "--start", "2028-01-01",
                  "--deviation-case", "ssu/2026/3", "--repo", repo)
    assert decided.exit_code == 0
    assert "FSU315" in fsu("validate", "--repo", repo).stdout


def test_decide_records_the_decision(fsu, repo, tmp_path):
    wording = tmp_path / "vedtak.md"
    wording.write_text("1. SSU tar sluttrapporten til orientering.\n2. FSU pasientforløp følger opp.\n",
                       encoding="utf-8")
    result = fsu("decide", "ssu/2026/5", "--outcome", "amended", "--text-file", wording, "--as-of", "2026-11-27",
                 "--repo", repo)
    assert result.exit_code == 0, result.stderr
    text = (repo / "data/cases/ssu/2026/05.yaml").read_text(encoding="utf-8")
    assert text.endswith("decision:\n  date: 2026-11-26\n  outcome: amended\n  text: |\n"
                         "    1. SSU tar sluttrapporten til orientering.\n    2. FSU pasientforløp følger opp.\n")
    again = fsu("decide", "ssu/2026/5", "--outcome", "adopted", "--as-of", "2026-11-27", "--repo", repo)
    assert again.exit_code == 2 and "already has a decision" in again.stderr
    # before the meeting, a decision would be an error: refused
    early = fsu("decide", "ssu/2026/6", "--outcome", "adopted", "--repo", repo)
    assert early.exit_code == 1 and "FSU353" in early.stderr


def test_validate_staged_checks_the_index_not_the_working_tree(fsu, repo):
    case = repo / "data/cases/ssu/2024/01.yaml"
    edit(case, "kind: decision", "kind: beslutning")
    assert fsu("validate", "--repo", repo).exit_code == 1
    assert fsu("validate", "--staged", "--repo", repo).exit_code == 0  # the broken edit is not staged
    git(repo, "add", str(case))
    staged = fsu("validate", "--staged", "--repo", repo)
    assert staged.exit_code == 1
    assert staged.lines[0].startswith("data/cases/ssu/2024/01.yaml:6:7: FSU105")
    # a staged fix with a broken unstaged edit on top passes
    edit(case, "kind: beslutning", "kind: decision")
    git(repo, "add", str(case))
    edit(case, "kind: decision", "kind: ???")
    assert fsu("validate", "--staged", "--repo", repo).exit_code == 0
    # a new file that is not staged is not part of the commit
    (repo / "data/cases/ssu/2024/99.yaml").write_text("title: [\n", encoding="utf-8")
    edit(case, "kind: ???", "kind: decision")
    assert fsu("validate", "--staged", "--repo", repo).exit_code == 0


def test_validate_changed_since_reports_only_changed_files(fsu, repo):
    edit(repo / "data/cases/ssu/2025/01.yaml", "kind: information", "kind: informasjon")
    git(repo, "commit", "-qam", "broken earlier")
    base = git(repo, "rev-parse", "HEAD").strip()
    edit(repo / SSU, "organization: tillitsvalgte", "organization: tillitsvalgt")
    result = fsu("validate", "--changed-since", base, "--repo", repo)
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.lines if line.startswith("data/")] == [SSU]
    assert fsu("validate", "--changed-since", "nope", "--repo", repo).exit_code == 2


def test_an_edit_that_crashes_before_the_rename_leaves_the_old_file(fsu, repo, monkeypatch):
    """Old file or new file, never half of one: fail the write between the temporary file and the rename."""
    before = snapshot(repo)

    def crash(*args):
        raise OSError("the machine went down")

    monkeypatch.setattr(os, "replace", crash)
    result = fsu("member", "add", "ssu", "--name", "Ola Nordvik", "--organization", "lundheim",
                 "--start", "2026-12-01", "--repo", repo)
    assert result.exit_code == 2  # the environment's trouble, said plainly: not a fault in fsu
    assert result.stderr == (f"fsu: Could not write {repo.resolve() / SSU}: the machine went down. "
                             "Nothing was changed.\n")
    assert snapshot(repo) == before
    assert not [p for p in (repo / "data").rglob("*.tmp")]


def test_new_case_files_follow_the_committees_naming_style(fsu, tmp_path):
    from test_contract import contract_repository

    root = contract_repository(tmp_path / "vestfold")  # cases named 3.yaml, 20.yaml, 45.yaml
    edit(root / "data/committees/ssu.yaml", "  - date: 2024-11-28\n    status: held\n",
         "  - date: 2024-11-28\n    status: held\n  - date: 2025-02-13\n    status: planned\n")
    result = fsu("new", "case", "ssu", "--meeting", "2025-02-13", "--title", "Første sak i 2025", "--repo", root)
    assert result.lines == ["SSU sak 01-2025: data/cases/ssu/2025/1.yaml"]
    nxt = fsu("new", "case", "ssu", "--meeting", "2024-11-28", "--title", "Etter sak 45", "--repo", root)
    assert nxt.lines == ["SSU sak 46-2024: data/cases/ssu/2024/46.yaml"]


def test_a_change_that_adds_only_a_warning_is_written_and_the_warning_shown(fsu, community):
    """Warnings never block a change, but none passes unseen: a meeting marked held on a date still to come."""
    result = fsu("new", "meeting", "ssu", "2026-12-10", "--status", "held", "--repo", community)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("fsu validate warns about this change:\n")
    assert "FSU325" in result.stderr and "2026-12-10" in result.stderr
    assert "date: 2026-12-10" in (community / "data/committees/ssu.yaml").read_text(encoding="utf-8")
