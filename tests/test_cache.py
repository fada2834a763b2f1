"""The validation cache: used when nothing changed, partly used when something did, never wrong,
and harmless when corrupt or written by two runs at once."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import fsu_cli.check.load
import fsu_cli.store.cache
from conftest import AS_OF, EXAMPLE_FILES, edit
from fsu_cli.store.resources import package_dir, resource_dir

PACKAGE = package_dir()


@pytest.fixture
def parses(monkeypatch):
    """Counts the files actually parsed (not taken from the cache)."""
    seen: list[str] = []
    real = fsu_cli.check.load.load_file

    def counting(file, *args):
        seen.append(file.rel)
        return real(file, *args)

    monkeypatch.setattr(fsu_cli.check.load, "load_file", counting)
    return seen


def test_an_unchanged_repository_is_not_parsed_again(fsu, community, parses):
    first = fsu("validate", "--repo", community, "--format", "json")
    assert len(parses) == EXAMPLE_FILES
    parses.clear()
    second = fsu("validate", "--repo", community, "--format", "json")
    assert parses == []
    assert second.stdout == first.stdout


def test_only_the_changed_file_is_parsed_again_and_cross_file_rules_are_recomputed(fsu, community, parses):
    assert fsu("validate", "--repo", community).exit_code == 0
    parses.clear()
    # remove a meeting from SSU: the (unchanged) cases set to it must now be reported
    edit(community / "data/committees/ssu.yaml", "  - date: 2024-04-25\n    status: held\n    location: Teams\n", "")
    result = fsu("validate", "--repo", community, "--format", "json")
    assert parses == ["data/committees/ssu.yaml"]
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["path"]) for f in findings if f["code"] == "FSU207"] == []  # no case was set to it
    edit(community / "data/committees/ssu.yaml",
         "  - date: 2024-02-15\n    status: held\n    location: Sykehuset Fjordvik\n", "")
    findings = json.loads(fsu("validate", "--repo", community, "--format", "json").stdout)["findings"]
    assert {(f["code"], f["path"]) for f in findings if f["code"] == "FSU207"} == {
        ("FSU207", "data/cases/ssu/2024/01.yaml"), ("FSU207", "data/cases/ssu/2024/02.yaml")}
    # and the positions of findings in cached files are still found
    assert all(f["line"] > 0 for f in findings)


def test_a_different_date_is_checked_again(fsu, community):
    assert fsu("validate", "--repo", community).exit_code == 0
    later = fsu("validate", "--repo", community, "--as-of", "2027-03-01")
    assert "FSU324" in later.stdout


def test_a_corrupt_cache_is_ignored_and_replaced(fsu, community, parses):
    first = fsu("validate", "--repo", community, "--format", "json").stdout
    folder = Path(os.environ["FSU_CACHE_DIR"])
    for path in folder.iterdir():
        path.write_bytes(b"\x80\x05not a pickle at all")
    parses.clear()
    assert fsu("validate", "--repo", community, "--format", "json").stdout == first
    assert len(parses) == EXAMPLE_FILES  # parsed again, since the cache was unusable
    parses.clear()
    assert fsu("validate", "--repo", community, "--format", "json").stdout == first
    assert parses == []  # and the cache works again


def test_a_cache_from_another_version_of_fsu_is_not_used(fsu, community, parses, monkeypatch):
    import fsu_cli.store.cache

    assert fsu("validate", "--repo", community).exit_code == 0
    parses.clear()
    assert fsu("validate", "--repo", community).exit_code == 0
    assert parses == []  # same fsu: the cache is used
    monkeypatch.setattr(fsu_cli.store.cache, "fingerprint", lambda: "another version")
    assert fsu("validate", "--repo", community).exit_code == 0
    assert len(parses) == EXAMPLE_FILES


def test_the_cache_lives_outside_the_repository(fsu, community):
    before = sorted(p.relative_to(community) for p in community.rglob("*"))
    assert fsu("validate", "--repo", community).exit_code == 0
    assert fsu("validate", "--repo", community).exit_code == 0
    assert sorted(p.relative_to(community) for p in community.rglob("*")) == before
    assert cache_kinds(Path(os.environ["FSU_CACHE_DIR"])) == {"documents", "result"}


def test_runs_at_once_share_the_cache_safely(community):
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    env = {**os.environ, "FSU_AS_OF": AS_OF}

    def run(_: int) -> tuple[int, str]:
        done = subprocess.run([sys.executable, "-m", "fsu_cli", "validate", "--repo", str(community),
                               "--format", "json"], capture_output=True, text=True, env=env)
        return done.returncode, done.stdout

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(run, range(8)))
    assert {code for code, _ in outcomes} == {1}
    assert len({out for _, out in outcomes}) == 1
    assert json.loads(outcomes[0][1])["summary"]["errors"] == 1


def test_no_cache_when_asked(fsu, community, parses, monkeypatch):
    assert fsu("validate", "--repo", community).exit_code == 0
    parses.clear()
    assert fsu("validate", "--repo", community).exit_code == 0
    assert parses == []  # the cache is used...
    monkeypatch.setenv("FSU_NO_CACHE", "1")
    assert fsu("validate", "--repo", community).exit_code == 0
    assert len(parses) == EXAMPLE_FILES  # ...unless it is turned off


# --- plain data, never code ---------------------------------------------------------------------


def cache_files(community: Path) -> list[Path]:
    """The repository's cache files: the shards of documents, then the last result."""
    import fsu_cli.store.cache

    store = fsu_cli.store.cache.Store(community)
    return sorted(store.folder.glob(f"{store.key}.documents.*")) + [store.result_path]


def cache_kinds(folder: Path) -> set[str]:
    """'documents' and 'result': what the files in a cache folder hold, by their names."""
    return {p.name.split(".")[1] for p in folder.iterdir()}


def test_the_cache_files_are_messagepack_maps_not_pickles(fsu, community):
    import msgpack

    import fsu_cli.store.cache

    assert fsu("validate", "--repo", community).exit_code == 0
    assert len(cache_files(community)) > 2  # the documents in shards, and the last result
    for path in cache_files(community):
        raw = path.read_bytes()
        assert raw[0] in range(0x80, 0x90) or raw[0] in (0xDE, 0xDF), f"{path.name} does not start with a map"
        assert not raw.startswith(b"\x80\x04") and not raw.startswith(b"\x80\x05")  # pickle protocols 4, 5
        stored = msgpack.unpackb(raw, strict_map_key=False)
        assert stored["fingerprint"] == fsu_cli.store.cache.fingerprint()


class _Trap:
    """Unpickled, this opens (and so creates) the marker file: what a hostile pickle could do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


def test_a_pickle_in_place_of_the_cache_is_never_run(fsu, community, tmp_path):
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    expected = fsu("validate", "--repo", community, "--format", "json").stdout
    marker = tmp_path / "the-pickle-ran"
    payload = pickle.dumps(_Trap(marker))
    pickle.loads(payload).close()  # the payload is live: unpickling it does create the marker
    assert marker.exists()
    marker.unlink()
    for path in cache_files(community):
        path.write_bytes(payload)
    result = fsu("validate", "--repo", community, "--format", "json")
    assert (result.exit_code, result.stdout) == (1, expected)
    assert not marker.exists()


def test_the_fingerprint_follows_fsus_own_code(tmp_path):
    """An edited installation (a patched rule, a changed schema) never serves results cached by the old one."""
    copy = tmp_path / "site-packages" / "fsu_cli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if not (copy / "schemas").is_dir():  # a source checkout: the schemas sit beside src/, as in the wheel
        shutil.copytree(resource_dir("schemas"), copy / "schemas")

    def fingerprint() -> str:
        done = subprocess.run([sys.executable, "-c", "import fsu_cli.store.cache as c; print(c.fingerprint())"],
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(copy.parent)},
                              check=True)
        return done.stdout.strip()

    first = fingerprint()
    assert fingerprint() == first
    with open(copy / "check/rules/seats.py", "a", encoding="utf-8") as stream:
        stream.write("# a local patch\n")
    patched = fingerprint()
    assert patched != first
    schema = copy / "schemas/case.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"title"', '"title" ', 1), encoding="utf-8")
    assert fingerprint() not in (first, patched)


def test_without_fsu_cache_dir_the_cache_is_in_the_users_cache_folder(fsu, community, tmp_path, monkeypatch):
    from fsu_cli.store.cache import cache_dir

    monkeypatch.delenv("FSU_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "fsu"
    assert fsu("validate", "--repo", community).exit_code == 0
    assert cache_kinds(tmp_path / "xdg" / "fsu") == {"documents", "result"}


# Each garbles the stored documents (with the last result from another run, so they are used)
# or the stored last result (for the right key, so it would be used as it is).

def _committee_data(documents, result):
    documents["data/committees/ssu.yaml"][0][2] = "not a mapping"  # would hide the committee's mistake
    result["key"] = "another run"


def _finding_of_numbers(documents, result):
    documents["data/cases/ssu/2024/01.yaml"][0][3] = [[1, 2, 3, 4, 5, 6, 7, None, 9]]
    result["key"] = "another run"


def _findings_not_a_list(documents, result):
    documents["data/cases/ssu/2024/04.yaml"][0][3] = "no list of findings"
    result["key"] = "another run"


def _entry_not_a_list(documents, result):
    documents["data/cases/ssu/2024/03.yaml"] = {"digest": "no list"}
    result["key"] = "another run"


def _result_of_numbers(documents, result):
    result["findings"] = [[1, 2, 3, 4, 5, 6, 7, None, 9]]


def _result_of_wrong_types(documents, result):
    result["findings"] = [["FSU101", "fatal", "fsu.yaml", "one", 1.5, "m", None, None, "yes"]]


def _result_too_short(documents, result):
    result["findings"] = [["FSU101"], None]


def _signatures(documents, result):
    result["stats"] = {"fsu.yaml": "not a signature", 7: [1, 2, 3, 4], "data/committees/ssu.yaml": [None] * 4}


@pytest.mark.parametrize("garble", [_committee_data, _finding_of_numbers, _findings_not_a_list, _entry_not_a_list,
                                    _result_of_numbers, _result_of_wrong_types, _result_too_short, _signatures])
def test_messagepack_of_the_wrong_shape_is_ignored(fsu, community, garble):
    """Right fingerprint, right keys, garbage inside: nothing breaks, and the findings are the same."""
    import msgpack

    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    edit(community / "data/committees/ssu.yaml", "organization: tillitsvalgte", "organization: tillitsvalgt")
    expected = fsu("validate", "--repo", community, "--format", "json").stdout
    assert json.loads(expected)["summary"]["errors"] == 2
    stored = {path: msgpack.unpackb(path.read_bytes(), strict_map_key=False) for path in cache_files(community)}
    *shards, result_file = cache_files(community)
    documents = {rel: versions for shard in shards for rel, versions in stored[shard]["value"].items()}
    garble(documents, stored[result_file]["value"])
    for shard in shards:  # the garbled entries back into the shard each came from
        stored[shard]["value"] = {rel: documents[rel] for rel in stored[shard]["value"]}
    for path, content in stored.items():
        path.write_bytes(msgpack.packb(content))
    again = fsu("validate", "--repo", community, "--format", "json")
    assert (again.exit_code, again.stdout) == (1, expected)


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(fsu, community):
    """An in-place edit that restores the file's size and modification time changes its ctime."""
    case = community / "data/cases/ssu/2024/01.yaml"
    an_hour_ago = case.stat().st_mtime_ns - 3_600_000_000_000
    os.utime(case, ns=(an_hour_ago, an_hour_ago))
    assert fsu("validate", "--repo", community).exit_code == 0
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("kind: decision", "kind: decisiox"), encoding="utf-8")  # same size
    os.utime(case, ns=(an_hour_ago, an_hour_ago))
    result = fsu("validate", "--repo", community)
    assert result.exit_code == 1
    assert "FSU105 'decisiox' is not an allowed value for 'kind'." in result.stdout


def test_a_cache_folder_others_can_write_to_is_not_used(fsu, community, tmp_path, monkeypatch):
    """Whoever can write the cache could plant a clean result for a broken repository: such a folder is ignored."""
    shared = tmp_path / "shared-cache"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    monkeypatch.setenv("FSU_CACHE_DIR", str(shared))
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    assert fsu("validate", "--repo", community).exit_code == 1
    assert list(shared.iterdir()) == []  # nothing written where others could replace it
    shared.chmod(0o700)
    assert fsu("validate", "--repo", community).exit_code == 1
    planted = sorted(shared.iterdir())
    assert planted and all(p.stat().st_mode & 0o077 == 0 for p in planted)
    shared.chmod(0o777)  # now someone else could have replaced the files: they are not read
    for path in planted:
        path.chmod(0o666)
    result = fsu("validate", "--repo", community)
    assert result.exit_code == 1 and "FSU105" in result.stdout


def test_the_cache_folder_is_made_for_this_user_alone(fsu, community, tmp_path, monkeypatch):
    folder = tmp_path / "new" / "fsu"
    monkeypatch.setenv("FSU_CACHE_DIR", str(folder))
    assert fsu("validate", "--repo", community).exit_code == 0
    assert folder.stat().st_mode & 0o777 == 0o700


def _age(root: Path, hours: int = 1) -> None:
    """Make every data file look written an hour ago, so none is too recent to trust its signature."""
    for path in [root / "fsu.yaml", *(root / "data").rglob("*.yaml")]:
        then = path.stat().st_mtime_ns - hours * 3_600_000_000_000
        os.utime(path, ns=(then, then))


def test_one_change_reads_one_file_and_rewrites_one_shard(fsu, community, monkeypatch):
    """Unchanged files are known by their signature and not read; the cache is rewritten only where it changed."""
    monkeypatch.setattr(fsu_cli.store.cache, "RACY_NS", 0)  # the files' ctime is now: do not wait for it to age
    _age(community)
    assert fsu("validate", "--repo", community).exit_code == 0
    *shards, _ = cache_files(community)
    written = {path: path.stat().st_mtime_ns for path in shards}
    reads: list[str] = []
    real = fsu_cli.check.load.read_bytes
    monkeypatch.setattr(fsu_cli.check.load, "read_bytes", lambda path, *a: reads.append(os.path.basename(path)) or real(path, *a))
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    result = fsu("validate", "--repo", community)
    assert result.exit_code == 1 and "FSU105" in result.stdout
    assert reads == ["01.yaml"]  # (fsu.yaml was read for its settings by the run before, in this process)
    rewritten = [path for path in shards if path.stat().st_mtime_ns != written[path]]
    assert len(rewritten) == 1


def test_a_commit_and_the_working_tree_in_turn_parse_nothing_again(fsu, community, parses, tmp_path):
    """Each file keeps its two latest versions: checking HEAD and the index, as --staged does, reuses both."""
    git = ["git", "-C", str(community)]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "-c", "user.name=A", "-c", "user.email=a@example.org", "add", "-A"], check=True)
    subprocess.run([*git, "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-q", "-m", "s"],
                   check=True)
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    subprocess.run([*git, "add", "-A"], check=True)
    assert fsu("validate", "--staged", "--repo", community).exit_code == 1
    parses.clear()
    assert fsu("validate", "--staged", "--repo", community).exit_code == 1
    assert parses == []


def test_a_case_paper_reads_only_the_files_it_shows_and_the_rest_comes_from_the_cache(fsu, community, parses):
    assert fsu("validate", "--repo", community).exit_code == 0
    parses.clear()
    assert fsu("render", "case", "ssu/2024/2", "--repo", community).exit_code == 0
    # the case's own folder, for its full texts (validation keeps only what checks need); the rest is cached
    assert parses and all(rel.startswith("data/cases/ssu/2024/") for rel in parses)
    parses.clear()
    assert fsu("leaders", "ssu", "--repo", community).exit_code == 0
    assert parses == []


def test_a_tree_checked_before_is_not_loaded_again_and_a_new_one_is(fsu, community, monkeypatch):
    """--staged at every commit: HEAD's findings (and an unchanged index's) come from the cache by the trees'
    object ids; a newly staged content is a new tree, checked for real."""
    git = ["git", "-C", str(community), "-c", "user.name=A", "-c", "user.email=a@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "s"], check=True)
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: decision", "kind: beslutning")
    subprocess.run([*git, "add", "-A"], check=True)
    first = fsu("validate", "--staged", "--format", "json", "--repo", community)
    assert first.exit_code == 1 and "FSU105" in first.stdout
    loads: list[int] = []
    real = fsu_cli.check.validate.load_repository
    monkeypatch.setattr(fsu_cli.check.validate, "load_repository", lambda *a, **k: loads.append(1) or real(*a, **k))
    again = fsu("validate", "--staged", "--format", "json", "--repo", community)
    assert loads == [] and again.stdout == first.stdout
    edit(community / "data/cases/ssu/2024/01.yaml", "kind: beslutning", "kind: vedtak")
    subprocess.run([*git, "add", "-A"], check=True)
    changed = fsu("validate", "--staged", "--format", "json", "--repo", community)
    assert loads == [1]  # the index is new; HEAD is not
    assert changed.exit_code == 1 and "'vedtak'" in changed.stdout and "'beslutning'" not in changed.stdout
