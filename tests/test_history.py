"""``fsu history`` in real git repositories with dated commits by different authors: the story, the record
of each field change, a rename followed, a reformat that changes nothing, the endringslogg against
Arkivverket's schema, and bad input."""

from __future__ import annotations

import os
import json
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import edit
from small_community import write_small_community

NOARK5 = Path(__file__).parent / "data" / "noark5"
FSU = "data/committees/fsu.yaml"
CASE = "data/cases/fsu/2026/02.yaml"


def git(root: Path, *args: str, env: dict | None = None) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env=env).stdout


def commit(root: Path, day: str, author: str, message: str) -> None:
    """Commit everything as ``author`` at 10:00 Oslo winter time on ``day``."""
    import os

    when = f"{day}T10:00:00+01:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "Sekretariatet", "GIT_COMMITTER_EMAIL": "s@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", message, env=env)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return build_story(tmp_path / "community")


def build_story(folder: Path) -> Path:
    """Seven commits: the start, a rename, an edit, a reformat, a member removed, then added back with a new
    leader, a case decided."""
    root = write_small_community(folder)
    git(root, "init", "-q", "-b", "main")
    commit(root, "2026-01-05", "Anne Berg", "Start")
    git(root, "mv", "data/mandates/fsu-2023.yaml", "data/mandates/fsu-mandat.yaml")
    commit(root, "2026-01-10", "Per Lie", "Rename the mandate file")
    edit(root / FSU, "{name: Mari Moe, organization: alfa, start_date: 2023-01-01, end_date: null}",
         "{name: Mari Moe, organization: alfa, start_date: 2023-01-01, end_date: 2026-01-31}")
    commit(root, "2026-02-01", "Per Lie", "Mari Moe leaves")
    _reformat(root / "data/mandates/fsu-mandat.yaml")
    commit(root, "2026-02-15", "Anne Berg", "Tidy the mandate")
    edit(root / FSU, "  - {name: Ulla Ulvik, organization: bruker, start_date: 2023-01-01, end_date: null}\n", "")
    commit(root, "2026-03-01", "Per Lie", "Remove Ulla by mistake")
    edit(root / FSU, "  - {name: Geir Grini,",
         "  - {name: Ulla Ulvik, organization: bruker, start_date: 2023-01-01, end_date: null}\n  - {name: Geir Grini,")
    edit(root / FSU, "  - {role: deputy, name: Hans Hauge, start_date: 2026-01-01, end_date: 2026-12-31}",
         "  - {role: deputy, name: Hans Hauge, start_date: 2026-01-01, end_date: 2026-12-31}\n"
         "  - {role: leader, name: Hanne Holm, start_date: 2027-01-01, end_date: 2027-12-31}")
    commit(root, "2026-03-02", "Kari Nes", "Ulla back; leader for 2027")
    edit(root / CASE, "proposal:", "decision: {date: 2026-12-07, outcome: adopted}\nproposal:")
    commit(root, "2026-12-08", "Kari Nes", "FSU decided its work plan")
    return root


def _reformat(path: Path) -> None:
    """The same mandate, keys reordered, flow mappings written out, strings quoted: the same data."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('title: Mandat for FSU\n', '').replace("id: fsu-2023\n", "id: 'fsu-2023'\ntitle: \"Mandat for FSU\"\n")
    text = text.replace("approved: {by: ssu, date: 2022-12-01}", "approved:\n    date: 2022-12-01\n    by: ssu")
    path.write_text(text, encoding="utf-8")


RECORD = """\
Record
  2026-01-05 10:00  {start}  Anne Berg: Start
    case fsu/2026/1: created
    case fsu/2026/2: created
    committee fsu: created
    mandate fsu-2023: created
  2026-02-01 10:00  {leaves}  Per Lie: Mari Moe leaves
    committee fsu  members[Mari Moe].end_date: – → 2026-01-31
  2026-03-01 10:00  {remove}  Per Lie: Remove Ulla by mistake
    committee fsu  members[Ulla Ulvik]: {{name: Ulla Ulvik, organization: bruker, start_date: 2023-01-01, end_date: –}} → –
  2026-03-02 10:00  {back}  Kari Nes: Ulla back; leader for 2027
    committee fsu  members[Ulla Ulvik]: – → {{name: Ulla Ulvik, organization: bruker, start_date: 2023-01-01, end_date: –}}
    committee fsu  leadership[2027-01-01 leader]: – → {{role: leader, name: Hanne Holm, start_date: 2027-01-01, end_date: 2027-12-31}}
  2026-12-08 10:00  {decided}  Kari Nes: FSU decided its work plan
    case fsu/2026/2  decision: – → {{date: 2026-12-07, outcome: adopted}}
"""


def _ids(root: Path) -> dict[str, str]:
    log = git(root, "log", "--format=%H %s").splitlines()
    by_message = {line.split(" ", 1)[1]: line.split(" ", 1)[0] for line in log}
    return {key: by_message[message][:10] for key, message in (
        ("start", "Start"), ("leaves", "Mari Moe leaves"), ("remove", "Remove Ulla by mistake"),
        ("back", "Ulla back; leader for 2027"), ("decided", "FSU decided its work plan"))}


def test_a_committees_history_tells_the_story_and_the_record(fsu, story):
    result = fsu("history", "fsu", "--repo", story)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("FSU – Faglig samarbeidsutvalg\n\nStory\n  2022-12-01  mandate fsu-2023 approved by ssu\n"
                           "  2023-01-01  founded\n  2023-01-01  Hanne Holm joined as member (hf)\n")
    assert "  2026-01-31  Mari Moe left as member\n" in text
    assert "  2027-01-01  Hanne Holm leader until 2027-12-31\n" in text
    assert "  2026-12-07  meeting planned\n" in text
    assert text[text.index("Record\n"):] == RECORD.format(**_ids(story))


def test_a_reformat_and_a_rename_show_no_change(fsu, story):
    text = fsu("history", "fsu", "--repo", story).stdout
    assert "Tidy the mandate" not in text and "Rename the mandate file" not in text


def test_a_renamed_file_keeps_its_history(fsu, story):
    result = fsu("history", "data/mandates/fsu-2023.yaml", "--repo", story)
    assert result.exit_code == 0, result.stderr
    assert result.lines[-2:] == [f"  2026-01-05 10:00  {_ids(story)['start']}  Anne Berg: Start",
                                 "    mandate fsu-2023: created"]


def test_a_persons_history(fsu, story):
    result = fsu("history", "--person", "ulla ulvik", "--repo", story)
    assert result.exit_code == 0, result.stderr
    ids = _ids(story)
    assert result.stdout == (
        "Ulla Ulvik\n\nStory\n  2023-01-01  FSU: joined as member (bruker)\n\nRecord\n"
        f"  2026-01-05 10:00  {ids['start']}  Anne Berg: Start\n"
        "    committee fsu  members[Ulla Ulvik]: – → {name: Ulla Ulvik, organization: bruker, start_date: "
        "2023-01-01, end_date: –}\n"
        f"  2026-03-01 10:00  {ids['remove']}  Per Lie: Remove Ulla by mistake\n"
        "    committee fsu  members[Ulla Ulvik]: {name: Ulla Ulvik, organization: bruker, start_date: 2023-01-01, "
        "end_date: –} → –\n"
        f"  2026-03-02 10:00  {ids['back']}  Kari Nes: Ulla back; leader for 2027\n"
        "    committee fsu  members[Ulla Ulvik]: – → {name: Ulla Ulvik, organization: bruker, start_date: "
        "2023-01-01, end_date: –}\n")


def test_a_cases_history_as_json(fsu, story):
    result = fsu("history", "--case", "fsu/2026/02", "--format", "json", "--repo", story)
    assert result.exit_code == 0, result.stderr
    start, decided = (git(story, "log", "--format=%H", f"--grep={m}").strip() for m in ("^Start$", "decided"))
    assert json.loads(result.stdout) == {
        "version": 1,
        "title": "fsu/2026/2: Arbeidsplan 2027",
        "shallow": False,
        "story": [{"date": "2026-12-07", "text": "on the agenda of the meeting"},
                  {"date": "2026-12-07", "text": "decided: adopted"}],
        "changes": [
            {"commit": {"id": start, "date": "2026-01-05T10:00:00+01:00", "author": "Anne Berg",
                        "committer": "Sekretariatet", "message": "Start"},
             "record": "case fsu/2026/2", "field": "", "old": None,
             "new": {"committee": "fsu", "year": 2026, "number": 2, "meeting": "2026-12-07",
                     "title": "Arbeidsplan 2027", "kind": "decision",
                     "proposal": {"kind": "decision", "text": "FSU vedtar arbeidsplanen."}},
             "path": CASE},
            {"commit": {"id": decided, "date": "2026-12-08T10:00:00+01:00", "author": "Kari Nes",
                        "committer": "Sekretariatet", "message": "FSU decided its work plan"},
             "record": "case fsu/2026/2", "field": "decision", "old": None,
             "new": {"date": "2026-12-07", "outcome": "adopted"}, "path": CASE},
        ],
    }


def test_the_committees_record_in_markdown(fsu, story):
    result = fsu("history", "FSU", "--format", "md", "--repo", story)
    assert result.exit_code == 0, result.stderr
    assert "| 2026-02-01 10:00 | `" in result.stdout
    assert "| Per Lie | Mari Moe leaves | committee fsu | members[Mari Moe].end\\_date | – | 2026-01-31 |" in (
        result.stdout)


def test_the_endringslogg_is_valid_against_arkivverkets_schema(fsu, story):
    result = fsu("history", "fsu", "--format", "endringslogg", "--repo", story)
    assert result.exit_code == 0, result.stderr
    schema = etree.XMLSchema(etree.parse(str(NOARK5 / "endringslogg.xsd")))
    document = etree.fromstring(result.stdout.encode("utf-8"))
    schema.assertValid(document)
    ns = {"n": "http://www.arkivverket.no/standarder/noark5/endringslogg"}
    ended = document.xpath("//n:endring[n:referanseMetadata='members[Mari Moe].end_date']", namespaces=ns)[0]
    assert [child.text for child in ended] == [_system_id("committee fsu"), "members[Mari Moe].end_date",
        "2026-02-01T10:00:00+01:00", "Per Lie", "(ingen verdi)", "2026-01-31"]


def _system_id(record: str) -> str:
    from fsu_cli.report.history import system_id

    return system_id(record)


def test_a_merge_does_not_record_its_branchs_changes_again(fsu, story):
    git(story, "checkout", "-q", "-b", "branch", "HEAD~1")
    edit(story / FSU, "{date: 2026-12-07, status: planned}", "{date: 2026-12-07, status: cancelled}")
    commit(story, "2026-12-01", "Per Lie", "Cancel December")
    git(story, "checkout", "-q", "main")
    git(story, "merge", "-q", "--no-ff", "-m", "Merge branch", "branch")
    text = fsu("history", "fsu", "--repo", story).stdout
    assert text.count("meetings[2026-12-07].status: planned → cancelled") == 1
    assert "Merge branch" not in text


def test_a_shallow_clone_shows_what_it_has_and_says_the_history_is_cut(fsu, story, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{story}", str(clone)], check=True)
    result = fsu("history", "fsu", "--repo", clone)
    assert result.exit_code == 0
    assert "shallow clone: the history stops at its oldest commit" in result.stderr
    assert "committee fsu: created" in result.stdout  # its oldest commit holds it all
    assert "Mari Moe leaves" not in result.stdout


@pytest.mark.parametrize("args, message", [
    (("fsux",), "There was never a committee 'fsux' in this history. Did you mean 'fsu'?"),
    (("--person", "Ulla Ulvk"), ("Nobody called 'Ulla Ulvk' was ever a member of a committee in this history. "
                                 "Did you mean 'Ulla Ulvik'?")),
    (("--case", "fsu/2026/9"), ("There was never a case 'fsu/2026/9' in this history (name a case as "
                                "committee/year/number, e.g. ssu/2024/3). Did you mean 'fsu/2026/2'?")),
    (("data/committees/nope.yaml",), "The file data/committees/nope.yaml was never changed in this history"),
    (("fsu", "--person", "Ulla Ulvik"), "Name one of: a committee"),
])
def test_what_never_existed_is_refused(fsu, story, args, message):
    result = fsu("history", *args, "--repo", story)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_outside_git_and_without_commits(fsu, tmp_path):
    root = write_small_community(tmp_path / "plain")
    result = fsu("history", "fsu", "--repo", root)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "is not inside a git repository" in result.stderr
    git(root, "init", "-q", "-b", "main")
    result = fsu("history", "fsu", "--repo", root)
    assert result.exit_code == 2
    assert "This git repository has no commits yet; there is no history to show." in result.stderr


def test_help_does_not_import_gitpython():
    import sys

    program = ("import sys; from fsu_cli.cli.app import build_command; build_command('history'); "
               "print('git' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "False", done.stderr


def test_a_periods_changes_in_words(fsu, story):
    ids = {line.split(" ", 1)[1]: line.split(" ", 1)[0][:12] for line in git(story, "log", "--format=%H %s").splitlines()}
    result = fsu("diff", "--since", "2026-02-01", "--until", "2026-03-02", "--repo", story)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Changes from 2026-02-01 ({ids['Rename the mandate file']}) to 2026-03-02 "
        f"({ids['Remove Ulla by mistake']}):\n\n"
        "FSU – Faglig samarbeidsutvalg\n"
        "  - Member left: Mari Moe (Alfa kommune), last day 31.01.2026.\n"
        "  - Member entry removed: Ulla Ulvik (Brukerutvalget), from 01.01.2023.\n")
    result = fsu("diff", "--since", "2026-03-02", "--repo", story)
    assert result.lines[0] == (f"Changes from 2026-03-02 ({ids['Remove Ulla by mistake']}) to now "
                               f"({ids['FSU decided its work plan']}):")
    assert "  - Case decided: FSU sak 2026.02 Arbeidsplan 2027 (adopted, 07.12.2026)." in result.lines


@pytest.mark.parametrize("args, message", [
    (("--since", "2025-06-01"), "No commit was made before 2025-06-01, so there is nothing to compare with"),
    (("--since", "2026-02-30"), "--since and --until need real dates written YYYY-MM-DD (got '2026-02-30')."),
    (("--since", "2026-03-01", "--until", "2026-02-01"), "--until (2026-02-01) comes before --since (2026-03-01)."),
    (("--until", "2026-02-01"), "--until goes with --since"),
    (("HEAD~1", "--since", "2026-02-01"), "Give either revisions (fsu diff BASE HEAD) or a period"),
])
def test_a_period_that_cannot_be_compared_is_refused(fsu, story, args, message):
    result = fsu("diff", *args, "--repo", story)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_version_that_does_not_parse_is_skipped_and_said(fsu, story):
    good = (story / FSU).read_text(encoding="utf-8")
    (story / FSU).write_text(good + "members: [\n", encoding="utf-8")
    commit(story, "2026-12-09", "Per Lie", "Broken")
    (story / FSU).write_text(good.replace("end_date: 2026-01-31}", "end_date: 2026-02-28}"), encoding="utf-8")
    commit(story, "2026-12-10", "Kari Nes", "Mended")
    result = fsu("history", "fsu", "--repo", story)
    assert result.exit_code == 0
    broken = git(story, "log", "--format=%H", "--grep=^Broken$").strip()[:10]
    assert result.stderr == (f"{FSU} in commit {broken} is not readable YAML; its changes are shown with the next "
                             "version that is.\n")
    assert result.lines[-1] == "    committee fsu  members[Mari Moe].end_date: 2026-01-31 → 2026-02-28"
    assert "Kari Nes: Mended" in result.lines[-2] and "Broken" not in result.stdout


def test_list_items_are_matched_by_their_natural_key():
    from fsu_cli.domain.history import FieldChange, field_changes, mentions

    old = {"members": [{"name": "Kari Holm", "start_date": "2020-01-01", "end_date": "2021-12-31"},
                       {"name": "Per Lie", "start_date": "2020-01-01"}],
           "meetings": [{"date": "2024-01-01", "status": "held"}]}
    new = {"meetings": [{"status": "held", "date": "2024-01-01"}],
           "members": [{"name": "Per Lie", "start_date": "2020-01-01"},
                       {"name": "Kari Holm", "start_date": "2020-01-01", "end_date": "2021-12-31"},
                       {"name": "Kari Holm", "start_date": "2024-01-01"}]}
    changes = field_changes("committee x", old, new)
    assert changes == [
        FieldChange("committee x", "members[Kari Holm 2024-01-01]", None, {"name": "Kari Holm",
                                                                            "start_date": "2024-01-01"})]
    assert mentions(changes[0], "kari holm") and not mentions(changes[0], "Kari Hol")


def test_a_file_moved_out_of_the_data_is_removed(fsu, story):
    (story / "data/old").mkdir()
    git(story, "mv", CASE, "data/old/02.yaml")
    commit(story, "2026-12-20", "Per Lie", "Put the work plan aside")
    assert fsu("history", "fsu", "--repo", story).lines[-2:] == [
        f"  2026-12-20 10:00  {git(story, 'rev-parse', 'HEAD').strip()[:10]}  Per Lie: Put the work plan aside",
        "    case fsu/2026/2: removed"]


def test_an_endringslogg_without_changes_is_refused():
    from fsu_cli.cli.history import HistoryFormat, _write
    from fsu_cli.errors import UsageError
    from fsu_cli.report import history as report

    with pytest.raises(UsageError, match="No changes are recorded for Geir Grini, and an endringslogg holds at "
                                         "least one."):
        _write(report, report.View("Geir Grini", [], [], False), HistoryFormat.endringslogg)


def test_the_annual_report_gains_the_years_recorded_changes_with_changes(fsu, community):
    """'Endringer i året': the year's recorded changes to the committee's own records, from git; never a case's."""
    import subprocess

    def commit(when: str, author: str, message: str) -> None:
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": author,
               "GIT_AUTHOR_EMAIL": "a@example.no", "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "a@example.no"}
        subprocess.run(["git", "add", "-A"], cwd=community, check=True, env=env)
        subprocess.run(["git", "commit", "-q", "-m", message], cwd=community, check=True, env=env)

    outside = fsu("render", "report", "fsu-pasientforlop", "2026", "--changes", "--repo", community)
    assert outside.exit_code == 2 and "is not inside a git repository" in outside.stderr
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=community, check=True)
    commit("2025-12-20T10:00:00+01:00", "Maren Sletten", "Første versjon")
    committee = community / "data/committees/fsu-pasientforlop.yaml"
    committee.write_text(committee.read_text(encoding="utf-8").replace(
        "title: enhetsleder, hjemmetjenesten", "title: virksomhetsleder, hjemmetjenesten", 1), encoding="utf-8")
    case = community / "data/cases/fsu-pasientforlop/2026/02.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("Kartleggingen", "Den hemmelige kartleggingen"),
                    encoding="utf-8")
    commit("2026-03-02T10:00:00+01:00", "Ola Vik", "Ny stilling for Trine Løken")
    result = fsu("render", "report", "fsu-pasientforlop", "2026", "--changes", "--repo", community)
    assert result.exit_code == 0, result.stderr
    section = result.stdout[result.stdout.index("## Endringer i året"):].split("\n## ")[0]
    assert ("| 02.03.2026 | Ola Vik | Ny stilling for Trine Løken | utvalg fsu-pasientforlop, "
            "members[Trine Løken].title: enhetsleder, hjemmetjenesten → virksomhetsleder, hjemmetjenesten |") in section
    assert "Maren Sletten" not in section  # 2025's commit is another year's
    assert "hemmelige" not in result.stdout  # a case's text is never in it
    plain = fsu("render", "report", "fsu-pasientforlop", "2026", "--repo", community)
    assert "Endringer i året" not in plain.stdout  # only asked for
