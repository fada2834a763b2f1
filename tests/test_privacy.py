"""National identity numbers (FSU361) however they are written, in values, keys, comments and names,
each reported once and never shown beyond its date part; and ``fsu scan-history``, which finds them
in the commits already made, in a real git repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, PROJECT, edit
from small_community import write_small_community
from test_authoring import git

CASE = "data/cases/fsu/2026/01.yaml"  # 8 lines; a background added at the end is line 9
CORPUS = Path(__file__).parent / "corpus" / "national-id-spellings.yaml"
NUMBER = "31129956715"  # valid check digits, as test_mandate_rules._fnr computes them


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_community(tmp_path / "testfjord")


def findings(fsu, root: Path, code: str | None = None) -> list[dict]:
    result = fsu("validate", "--repo", root, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return [f for f in json.loads(result.stdout)["findings"] if code is None or f["code"] == code]


def add_background(root: Path, value: str) -> None:
    with open(root / CASE, "a", encoding="utf-8") as stream:
        stream.write(f"background: {value}\n")


def shows_only_the_date_part(finding: dict) -> bool:
    """No more than six digits in a row in the message or hint, even with separators between them."""
    text = re.sub(r"[\s.\-/\u00a0\u202f\u2009]", "", finding["message"] + finding["hint"])
    return re.search(r"\d{7}", text) is None


# --- spellings ----------------------------------------------------------------------------------


def _d_number() -> str:
    """31.12.99 as a D-number, with check digits computed here (not by fsu)."""
    nine = [7, 1, 1, 2, 9, 9, 5, 6, 7]
    k1 = (11 - sum(a * b for a, b in zip([3, 7, 6, 1, 8, 9, 4, 5, 2], nine)) % 11) % 11
    k2 = (11 - sum(a * b for a, b in zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], nine + [k1])) % 11) % 11
    assert k1 < 10 and k2 < 10
    return "".join(map(str, nine)) + f"{k1}{k2}"


D_NUMBER = _d_number()


@pytest.mark.parametrize("value, column", [
    ("Fnr 31 12 99 567 15.", 17),
    ("Fnr 31.12.99.56715.", 17),
    ("Fnr 311299-56715.", 17),
    ("Fnr 311299/56715.", 17),
    ("Fnr 311299\t56715.", 17),
    ("Fnr 311299\u00a056715.", 17),  # no-break space
    ("Fnr 311299\u202f56715.", 17),  # narrow no-break space
    ("Fnr 31\u200912\u200999 567\u200915.", 17),  # thin spaces
    ("Fnr 3112\u200b99\u200c5671\u200d5.", 17),  # zero-width space, non-joiner, joiner
    ("Fnr \u2060311299\ufeff56715.", 18),  # word joiner, zero-width no-break space
    ('"Fnr 311299\\x3567\\x315"', 13),  # YAML escapes: placed at the value
    ('"Fnr 311299\\u00356715"', 13),
    (">\n  Fnr 311299\n  56715.", 13),  # folded over two lines
    ("Fnr 311299\n  56715.", 13),  # a plain text over two lines
    ('"Fnr 311299\n  56715"', 13),
    ('"Fnr 311299\\\n  56715"', 13),  # an escaped line break
    ("Fnr 3112.99.56715.", 17),  # shaped like an account number: the check digits decide
    (f"Fnr {D_NUMBER}.", 17),  # a D-number: 4 added to the first digit
])
def test_every_common_spelling_is_found_once(fsu, small, value, column):
    add_background(small, value)
    [finding] = findings(fsu, small, "FSU361")
    assert (finding["path"], finding["line"], finding["column"]) == (CASE, 9, column)
    assert f"({'711299' if D_NUMBER in value else '311299'}*****)" in finding["message"]
    assert shows_only_the_date_part(finding)


@pytest.mark.parametrize("value", [
    "Ring +47 22 33 44 55 eller 22 33 44 55.",  # phone numbers
    "Org.nr. 974 760 673 og 974760673.",  # organization numbers (9 digits)
    "Kontonummer 1503.12.34567 og 15031234567.",  # an account number: 11 digits, no valid date and checks
    "Møtet 09.10.2025 behandlet sak 24/01234 og 2024/01234-3.",  # dates and case references
    "Beløp kr 1 234 567,50 og 12 345 678.",  # amounts
    "Se 09.10.25 24/01234, tlf 91 23 45 67.",  # a date followed by a case number
    "Fnr 311299 56716.",  # a wrong check digit
    "Fnr 311299 567 156.",  # one digit too many
    "3112995671512 og 1311299567150.",  # 13 digits in a row
])
def test_common_numbers_in_case_papers_are_not_taken_for_one(fsu, small, value):
    add_background(small, f'"{value}"')
    assert findings(fsu, small) == []


def test_one_number_found_by_both_scans_is_reported_once_and_two_numbers_twice(fsu, small):
    add_background(small, f"Fnr {NUMBER}, og igjen {NUMBER[:6]} {NUMBER[6:]}.")
    found = findings(fsu, small, "FSU361")
    assert [(f["line"], f["column"]) for f in found] == [(9, 17), (9, 39)]
    edit(small / CASE, "title: Felles rutine for utskrivning", f"# {NUMBER}\ntitle: Felles rutine for utskrivning")
    assert [(f["line"], f["column"]) for f in findings(fsu, small, "FSU361")] == [(5, 3), (10, 17), (10, 39)]


def test_a_number_in_a_key_is_found_at_the_key(fsu, small):
    edit(small / CASE, "title: Felles rutine for utskrivning", 'title: Felles rutine for utskrivning\n'
         '"kontakt 311299\\x3567\\x315": x')
    [finding] = findings(fsu, small, "FSU361")
    assert (finding["line"], finding["column"]) == (6, 1)


def test_a_number_found_only_in_the_parsed_values_keeps_its_place_when_cached(fsu, small):
    add_background(small, '"Fnr 311299\\x3567\\x315"')
    first = findings(fsu, small, "FSU361")
    edit(small / "data/cases/fsu/2026/02.yaml", "Arbeidsplan 2027", "Arbeidsplan for 2027")  # the run is not reused
    assert findings(fsu, small, "FSU361") == first
    assert [(f["line"], f["column"]) for f in first] == [(9, 13)]


def test_numbers_in_file_and_folder_names(fsu, small):
    case = (small / CASE).read_text(encoding="utf-8")
    (small / f"data/cases/fsu/2026/{NUMBER}.yaml").write_text(case, encoding="utf-8")
    (small / f"data/cases/{NUMBER[:6]} {NUMBER[6:]}/2026").mkdir(parents=True)
    (small / f"data/cases/{NUMBER[:6]} {NUMBER[6:]}/2026/01.yaml").write_text(case, encoding="utf-8")
    (small / f"data/notat-{NUMBER}.yaml").write_text("title: x\n", encoding="utf-8")  # not where fsu reads
    found = {f["path"]: f for f in findings(fsu, small, "FSU361")}  # the paths too show only the date part
    assert sorted(found) == ["data/cases/311299*****/2026/01.yaml", "data/cases/fsu/2026/311299*****.yaml",
                             "data/notat-311299*****.yaml"]
    folder = found["data/cases/311299*****/2026/01.yaml"]
    assert (folder["line"], folder["column"]) == (1, 1)
    assert folder["message"].startswith("The folder name holds what looks like a national identity number or "
                                        "D-number (311299*****)")
    assert found["data/cases/fsu/2026/311299*****.yaml"]["message"].startswith("The file name holds")
    assert found["data/cases/fsu/2026/311299*****.yaml"]["hint"].startswith("Rename the file (git mv).")
    assert all(shows_only_the_date_part(f) for f in found.values())


def test_the_corpus_of_spellings_is_found_whole(fsu, small):
    """Twenty-five numbers, each written another way: every one is found, once, at its line."""
    shutil.copy(CORPUS, small / CASE)
    found = findings(fsu, small, "FSU361")
    assert len(found) == 25
    assert len({f["message"] for f in found}) == 25  # each a different number
    assert [f["line"] for f in found] == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 21, 23, 24, 25,
                                          26, 27, 28, 30, 31, 32]
    assert all(shows_only_the_date_part(f) for f in found)


def test_explain_says_what_is_looked_for_and_how_to_scan_the_history(fsu):
    text = fsu("explain", "FSU361").stdout
    assert "DD.MM.YY.PPPPP" in text and "zero-width" in text and "fsu scan-history" in text


# --- fsu scan-history ---------------------------------------------------------------------------


def committed(root: Path, message: str, author: str = "Sekretariatet", date: str = "2025-03-04T10:00:00+01:00") -> str:
    git(root, "add", "-A")
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(root), "-c", f"user.name={author}", "-c", "user.email=a@example.org",
                    "commit", "-q", "-m", message], check=True, env=env)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture
def history(community: Path) -> Path:
    git(community, "init", "-q", "-b", "main")
    committed(community, "Start", date="2025-01-02T09:00:00+01:00")
    return community


SSU_CASE = "data/cases/ssu/2024/01.yaml"
TITLE = "title: Årsplan 2024 for Strategisk samarbeidsutvalg"


def data_files(root) -> int:
    """The files fsu reads in a repository: fsu.yaml and the YAML under data/."""
    return 1 + sum(1 for _ in (root / "data").rglob("*.yaml"))


def test_scan_history_finds_a_number_that_a_later_commit_removed(fsu, history):
    edit(history / SSU_CASE, TITLE, f"{TITLE} (kontakt 311299 56715)")
    leak = committed(history, "Ny tittel", author="Ola Normann")
    edit(history / SSU_CASE, f"{TITLE} (kontakt 311299 56715)", TITLE)
    committed(history, "Fjernet fødselsnummeret", date="2025-03-05T10:00:00+01:00")
    validated = fsu("validate", "--repo", history)
    assert validated.exit_code == 0 and not any("FSU361" in line for line in validated.lines)
    scanned = fsu("scan-history", "--repo", history)
    assert scanned.exit_code == 1, scanned.stderr
    assert scanned.lines[0] == (f"{SSU_CASE}:5:62: FSU361 311299***** (a national identity number or D-number) "
                                f"in commit {leak[:10]} (2025-03-04, Ola Normann)")
    versions = data_files(history) + 1  # the case in its two versions
    assert scanned.lines[1] == (f"1 national identity number found in the history (3 commits, {versions} file "
                                "versions checked).")
    assert "git filter-repo" in scanned.lines[2] and "data protection officer" in scanned.lines[2]
    assert "56715" not in scanned.stdout


def test_scan_history_as_json_and_a_number_in_a_file_name(fsu, history):
    (history / f"data/cases/ssu/2024/{NUMBER}.yaml").write_bytes((history / SSU_CASE).read_bytes())
    leak = committed(history, "Kopi")
    git(history, "rm", "-q", f"data/cases/ssu/2024/{NUMBER}.yaml")
    committed(history, "Fjernet")
    scanned = fsu("scan-history", "--repo", history, "--format", "json")
    assert scanned.exit_code == 1
    document = json.loads(scanned.stdout)
    assert document["findings"] == [{"commit": leak, "date": "2025-03-04", "author": "Sekretariatet",
                                     "path": "data/cases/ssu/2024/311299*****.yaml", "line": 1, "column": 1,
                                     "number": "311299*****", "in": "file name"}]
    # the copy has the same content as a file already read: it is not read again
    assert document["summary"] == {"commits": 3, "files": data_files(history), "found": 1, "too_large": [],
                                   "shallow": False}


def test_a_clean_history_gives_exit_code_0(fsu, history):
    edit(history / SSU_CASE, TITLE, f"{TITLE} (sak 24/01234, 09.10.2025)")
    committed(history, "Ren endring")
    scanned = fsu("scan-history", "--repo", history)
    assert scanned.exit_code == 0, scanned.stdout
    versions = data_files(history) + 1
    assert scanned.lines == [f"No national identity numbers in the history (2 commits, {versions} file versions "
                             "checked)."]


def test_scan_history_all_branches_and_since_a_revision(fsu, history):
    start = git(history, "rev-parse", "HEAD").strip()
    git(history, "checkout", "-q", "-b", "utkast")
    edit(history / SSU_CASE, TITLE, f"{TITLE} {NUMBER}")
    committed(history, "Utkast med nummer")
    git(history, "checkout", "-q", "main")
    assert fsu("scan-history", "--repo", history).exit_code == 0  # HEAD does not reach the draft branch
    assert fsu("scan-history", "--repo", history, "--all").exit_code == 1
    assert fsu("scan-history", "--repo", history, "--all", "--since", start).exit_code == 1
    git(history, "merge", "-q", "utkast")
    assert fsu("scan-history", "--repo", history, "--since", "HEAD").lines == [
        "No national identity numbers in the history (0 commits, 0 file versions checked)."]
    unknown = fsu("scan-history", "--repo", history, "--since", "v9")
    assert unknown.exit_code == 2
    assert unknown.stderr == "fsu: There is no commit 'v9' in this git repository; name a branch, tag or commit id.\n"


def test_scan_history_reads_the_history_of_the_repository_it_names_from_another_ones_hook(tmp_path):
    """Run from a hook of repository A (GIT_DIR set), it still walks repository B's history."""
    clean = tmp_path / "a"
    shutil.copytree(PROJECT / "data", clean / "data")
    shutil.copy(PROJECT / "fsu.yaml", clean / "fsu.yaml")
    git(clean, "init", "-q", "-b", "main")
    committed(clean, "Start")
    leaky = tmp_path / "b"
    shutil.copytree(clean, leaky, ignore=shutil.ignore_patterns(".git"))
    git(leaky, "init", "-q", "-b", "main")
    edit(leaky / SSU_CASE, TITLE, f"{TITLE} {NUMBER}")
    committed(leaky, "Start")
    env = {**os.environ, "FSU_AS_OF": AS_OF, "GIT_DIR": str(clean / ".git"),
           "GIT_INDEX_FILE": str(clean / ".git/index")}
    done = subprocess.run([sys.executable, "-m", "fsu_cli", "scan-history", "--repo", str(leaky)], cwd=clean,
                          capture_output=True, text=True, env=env)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"{SSU_CASE}:5:")


def test_scan_history_without_commits(fsu, community):
    git(community, "init", "-q", "-b", "main")
    result = fsu("scan-history", "--repo", community)
    assert result.exit_code == 2
    assert result.stderr == "fsu: This git repository has no commits yet; there is no history to scan.\n"


def test_scan_history_help_does_not_import_git():
    from test_architecture import imports_of, top_level

    assert "git" not in top_level(imports_of("scan-history", "--help"))


def test_scan_history_of_a_governance_repository_in_a_subfolder(fsu, tmp_path):
    top = tmp_path / "kommunen"
    governance = top / "styring" / "helsefellesskap"
    shutil.copytree(PROJECT / "data", governance / "data")
    shutil.copy(PROJECT / "fsu.yaml", governance / "fsu.yaml")
    edit(governance / SSU_CASE, TITLE, f"{TITLE} {NUMBER}")
    (top / "annet.txt").write_text(f"{NUMBER}\n", encoding="utf-8")  # not governance data: not fsu's to scan
    git(top, "init", "-q", "-b", "main")
    committed(top, "Start")
    scanned = fsu("scan-history", "--repo", governance)
    assert scanned.exit_code == 1
    assert [line.split(": FSU361")[0] for line in scanned.lines if "FSU361" in line] == [f"{SSU_CASE}:5:53"]


def test_no_output_shows_more_than_the_date_part_of_a_number_in_a_file_name(fsu, community):
    """The path, the message and the hint of every finding about the file are masked, so a CI log never holds
    the number; a hook that names the file still gets its findings."""
    case = community / "data/cases/ssu/2024/02.yaml"
    case.rename(case.with_name("31129956715.yaml"))
    everything = fsu("validate", "--repo", community)
    named = fsu("validate", "--repo", community, community / "data/cases/ssu/2024/31129956715.yaml")
    for result in (everything, named):
        assert result.exit_code == 1
        assert "31129956715" not in result.stdout + result.stderr
        assert "data/cases/ssu/2024/311299*****.yaml:1:1: FSU361" in result.stdout
        assert "or change 'number' to 311299*****." in result.stdout


def test_a_file_of_comments_only_is_still_scanned(fsu, community):
    (community / "data/cases/ssu/2024/09.yaml").write_text("# Kontaktperson 311299 56715\n", encoding="utf-8")
    codes = [line.split()[1] for line in fsu("validate", "--repo", community).lines if ": FSU" in line]
    assert codes == ["FSU002", "FSU361"]
