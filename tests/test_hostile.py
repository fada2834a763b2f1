"""Hostile input: whatever a data file holds, fsu answers with findings (exit 0 or 1, valid JSON
under --format json), never a traceback. The corpus holds inputs that once broke fsu or are
known to break YAML readers; hypothesis tries many more. (How fast hostile input is refused is
measured in bench/, not here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import AS_OF
from fsu_cli.cli.app import app
from small_community import FILES, write_small_community

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))
PLACES = ["data/cases/fsu/2026/01.yaml", "data/committees/fsu.yaml", "data/mandates/fsu-2023.yaml", "fsu.yaml"]


def run_json(root: Path) -> tuple[int, dict, str]:
    result = CliRunner().invoke(app, ["validate", "--repo", str(root), "--format", "json", "--as-of", AS_OF],
                                catch_exceptions=False)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, json.loads(result.stdout), result.stderr


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_small_community(tmp_path / "testfjord")


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("sample", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_inputs_give_findings_never_a_crash(small, sample, place):
    (small / place).write_bytes(sample.read_bytes())
    code, document, stderr = run_json(small)
    assert code in (0, 1), stderr
    assert document["summary"]["files"] == 7
    if sample.name not in ("bom-crlf.yaml", "merge-key.yaml"):
        assert any(f["path"] == place for f in document["findings"]), document["findings"]
    for finding in document["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1


@pytest.mark.parametrize("sample, code", [
    ("alias-bomb.yaml", "FSU010"),
    ("recursive-alias.yaml", "FSU010"),
    ("deep-brackets.yaml", "FSU003"),
    ("deep-mappings.yaml", "FSU003"),
    ("deep-block-sequence.yaml", "FSU003"),
    ("deep-block-indentation.yaml", "FSU003"),
    ("huge-integer.yaml", "FSU003"),
    ("nul-byte.yaml", "FSU003"),
    ("invalid-utf8.yaml", "FSU001"),
    ("two-documents.yaml", "FSU006"),
    ("list-at-top.yaml", "FSU005"),
    ("only-a-comment.yaml", "FSU002"),
    ("python-tag.yaml", "FSU003"),
])
def test_known_hostile_inputs_are_named(small, sample, code):
    (small / "data/cases/fsu/2026/01.yaml").write_bytes((Path(__file__).parent / "corpus" / sample).read_bytes())
    exit_code, document, _ = run_json(small)
    assert exit_code == 1
    # refused with one finding: nothing of the file was expanded, schema-checked or cross-checked
    assert [f["code"] for f in document["findings"] if f["path"] == "data/cases/fsu/2026/01.yaml"] == [code]


def test_a_50000_deep_block_sequence_is_a_finding_not_a_crash(small):
    """It once crashed the process (the C parser ran out of stack): checked in a process of its own."""
    (small / "data/cases/fsu/2026/01.yaml").write_text("- " * 50_000 + "x\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "fsu_cli", "validate", "--repo", str(small), "--format", "json",
                           "--as-of", AS_OF], capture_output=True, text=True, env={**os.environ, "FSU_NO_CACHE": "1"})
    assert done.returncode == 1, done.stderr
    [finding] = json.loads(done.stdout)["findings"]
    assert finding["code"] == "FSU003" and "nested more than 1000 columns deep" in finding["message"]


def test_an_alias_bomb_is_refused_before_it_expands(small):
    (small / "data/cases/fsu/2026/01.yaml").write_bytes((Path(__file__).parent / "corpus/alias-bomb.yaml").read_bytes())
    code, document, _ = run_json(small)
    assert code == 1
    [finding] = document["findings"]
    assert (finding["code"], finding["path"]) == ("FSU010", "data/cases/fsu/2026/01.yaml")
    assert finding["message"] == "The aliases (*name) in this file expand to more than 200,000 values."


def test_a_named_pipe_among_the_data_files_is_not_waited_for(small):
    """Opening a pipe for reading waits for a writer; fsu reports it instead (run apart, to stop a hang)."""
    os.mkfifo(small / "data/cases/fsu/2026/03.yaml")
    done = subprocess.run([sys.executable, "-m", "fsu_cli", "validate", "--repo", str(small), "--format", "json",
                           "--as-of", AS_OF], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    [finding] = json.loads(done.stdout)["findings"]
    assert (finding["code"], finding["path"]) == ("FSU001", "data/cases/fsu/2026/03.yaml")
    assert finding["message"] == "The file cannot be read."


def test_a_file_above_the_size_limit_is_refused_without_reading_it(small):
    case = small / "data/cases/fsu/2026/01.yaml"
    with open(case, "a", encoding="utf-8") as stream:
        stream.write("background: |\n" + ("  " + "x" * 98 + "\n") * 310_000)  # about 30 MB
    code, document, _ = run_json(small)
    assert code == 1
    [finding] = document["findings"]
    assert (finding["code"], finding["path"]) == ("FSU009", "data/cases/fsu/2026/01.yaml")
    assert finding["message"] == "The file is larger than 1,024 kB, so it is not read."


def test_the_size_limit_is_set_in_fsu_yaml(small):
    case = small / "data/cases/fsu/2026/01.yaml"
    case.write_text(FILES["data/cases/fsu/2026/01.yaml"] + "background: |\n" + ("  " + "y" * 98 + "\n") * 30,
                    encoding="utf-8")  # about 3 kB
    (small / "fsu.yaml").write_text(FILES["fsu.yaml"] + "limits: {max_file_kb: 2}\n", encoding="utf-8")
    code, document, _ = run_json(small)
    assert [f["code"] for f in document["findings"]] == ["FSU009"]
    (small / "fsu.yaml").write_text(FILES["fsu.yaml"] + "limits: {max_file_kb: 8}\n", encoding="utf-8")
    code, document, _ = run_json(small)
    assert (code, document["findings"]) == (0, [])


def test_a_pull_request_cannot_raise_the_size_limit_beyond_2_mb(small):
    """limits.max_file_kb: 1048576 is out of range, and fsu still reads no file above 2048 kB."""
    case = small / "data/cases/fsu/2026/01.yaml"
    with open(case, "a", encoding="utf-8") as stream:
        stream.write("background: |\n" + ("  " + "x" * 98 + "\n") * 31_000)  # about 3 MB
    (small / "fsu.yaml").write_text(FILES["fsu.yaml"] + "limits: {max_file_kb: 1048576}\n", encoding="utf-8")
    code, document, _ = run_json(small)
    assert code == 1
    found = {(f["code"], f["path"]) for f in document["findings"]}
    assert found == {("FSU107", "fsu.yaml"), ("FSU009", "data/cases/fsu/2026/01.yaml")}
    [too_large] = [f for f in document["findings"] if f["code"] == "FSU009"]
    assert too_large["message"] == "The file is larger than 2,048 kB, so it is not read."


def test_names_and_paths_with_norwegian_letters_and_spaces(small):
    text = FILES["data/committees/fsu.yaml"].replace("Hanne Holm", "Åse Ødegård Bjørnstad")
    (small / "data/committees/fsu.yaml").write_text(text, encoding="utf-8")
    (small / "data/cases/fsu/2026/merknad om æøå.yaml").write_text("title: x\n", encoding="utf-8")
    (small / "data/merknader om æøå.yaml").write_text("title: x\n", encoding="utf-8")
    code, document, _ = run_json(small)
    found = {(f["code"], f["path"]) for f in document["findings"]}
    assert ("FSU202", "data/cases/fsu/2026/merknad om æøå.yaml") in found  # not named by its number
    assert ("FSU007", "data/merknader om æøå.yaml") in found  # not in a place fsu reads
    assert not any(f["path"] == "data/committees/fsu.yaml" for f in document["findings"])


def test_crlf_line_ends_and_a_byte_order_mark_are_fine(small):
    for rel in ("fsu.yaml", "data/committees/fsu.yaml", "data/cases/fsu/2026/01.yaml"):
        text = (small / rel).read_text(encoding="utf-8")
        (small / rel).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert run_json(small)[:2] == (0, {"version": 1, "findings": [],
                                       "summary": {"files": 7, "errors": 0, "warnings": 0, "infos": 0}})


# --- hypothesis: any bytes, any text, any mutation --------------------------------------------

# Derandomized, so every run tries the same examples; no example database in the project tree.
HYPOTHESIS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_community(tmp_path_factory) -> Path:
    return write_small_community(tmp_path_factory.mktemp("fuzz") / "testfjord")


@pytest.fixture
def fuzz_root(fuzz_community, monkeypatch) -> Path:
    """The shared community, checked without the cache (hundreds of examples, each a new content)."""
    monkeypatch.setenv("FSU_NO_CACHE", "1")
    return fuzz_community


def _restore(root: Path) -> None:
    for rel, text in FILES.items():
        (root / rel).write_text(text, encoding="utf-8")


@HYPOTHESIS
@given(place=st.sampled_from(PLACES), content=st.binary(max_size=3000))
def test_any_bytes_in_any_data_file(fuzz_root, place, content):
    _restore(fuzz_root)
    (fuzz_root / place).write_bytes(content)
    code, document, stderr = run_json(fuzz_root)
    assert code in (0, 1), stderr
    assert isinstance(document["findings"], list)


@HYPOTHESIS
@given(place=st.sampled_from(PLACES), content=st.text(max_size=1500))
def test_any_text_in_any_data_file(fuzz_root, place, content):
    _restore(fuzz_root)
    (fuzz_root / place).write_text(content, encoding="utf-8", errors="surrogatepass")
    code, _, stderr = run_json(fuzz_root)
    assert code in (0, 1), stderr


@HYPOTHESIS
@given(place=st.sampled_from(PLACES), data=st.data())
def test_any_mutation_of_a_valid_file(fuzz_root, place, data):
    _restore(fuzz_root)
    text = FILES[place]
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = data.draw(st.sampled_from([": ", "- ", "\n", "  ", "\t", "[", "]", "{", "}", "&a ", "*a", "#", "'",
                                           '"', "null", "0", "-1", "2024-02-30", "yes", "~", "!!str ", "\\", "æ",
                                           "leader", "hospital", "held", "01019012345"]))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + len(piece):]
        else:
            text = text[:at] + piece + text[at + len(piece):]
    (fuzz_root / place).write_text(text, encoding="utf-8")
    code, _, stderr = run_json(fuzz_root)
    assert code in (0, 1), stderr


@pytest.mark.parametrize("escape", ["\\x01", "\\e[2J", "\\x7f", "\\x9b", "\\uffff", "\\v", "\\0"])
def test_an_escaped_control_character_in_a_text_is_a_finding(small, escape):
    """It would be invisible on screen and would break Word documents and archive XML."""
    case = small / "data/cases/fsu/2026/01.yaml"
    lines = FILES["data/cases/fsu/2026/01.yaml"].splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = f'title: "Oppfølging{escape} av handlingsplanen"'
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, document, _ = run_json(small)
    assert code == 1
    [finding] = document["findings"]
    assert (finding["code"], finding["path"], finding["line"], finding["column"]) == (
        "FSU011", "data/cases/fsu/2026/01.yaml", at + 1, 8)
    assert finding["message"].startswith("This text holds the invisible control character U+")


def test_tabs_and_line_breaks_in_texts_are_fine(small):
    case = small / "data/cases/fsu/2026/01.yaml"
    case.write_text(FILES["data/cases/fsu/2026/01.yaml"] + 'background: "Linje 1\\n\\tLinje 2\\r\\n"\n',
                    encoding="utf-8")
    assert run_json(small)[:2] == (0, {"version": 1, "findings": [],
                                       "summary": {"files": 7, "errors": 0, "warnings": 0, "infos": 0}})


@pytest.mark.parametrize("written, message", [
    ("title: \"Oppfølging \u202eav planen\"", "This text holds the invisible control character U+202E."),
    ("title: Oppfølging \u2066av planen", "This text holds the invisible control character U+2066."),
    ("title: |\n  Oppfølging\n  av planen", "The value of 'title' is one line, but this one holds a line break."),
    ("title: \"Oppfølging\\nav planen\"", "The value of 'title' is one line, but this one holds a line break."),
])
def test_text_that_reorders_itself_or_breaks_a_one_line_value_is_a_finding(small, written, message):
    """A right-to-left override shows text in another order than it is stored; a name or title over two lines
    breaks every table, list and heading it appears in."""
    case = small / "data/cases/fsu/2026/01.yaml"
    lines = FILES["data/cases/fsu/2026/01.yaml"].splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = written
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, document, _ = run_json(small)
    assert code == 1
    assert [(f["code"], f["message"]) for f in document["findings"]] == [("FSU011", message)]


def test_a_member_added_with_a_line_break_in_the_name_is_refused(small):
    from test_authoring import snapshot

    before = snapshot(small)
    result = CliRunner().invoke(app, ["member", "add", "fsu", "--name", "Kari\nNordmann", "--organization",
                                      "alfa", "--start", "2026-01-01", "--repo", str(small),
                                      "--as-of", AS_OF])
    assert result.exit_code == 1, result.stderr
    assert "FSU011" in result.stderr and snapshot(small) == before
