"""The compiled schema validator against jsonschema: it accepts exactly the documents jsonschema
(as fsu sets it up) finds nothing wrong with, and fsu's findings are what jsonschema alone gives."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from conftest import AS_OF, PROJECT, edit, generate_repository
from fsu_cli.check import schema
from fsu_cli.store import yamlio
from fsu_cli.store.paths import classify
from small_community import FILES as SMALL_COMMUNITY
from test_rules import TRIGGERS

KINDS = sorted(schema.SCHEMA_FILES)


def assert_agree(kind: str, data, path: str = "data/x.yaml") -> None:
    """Compiled accepts <=> jsonschema finds no error; fsu's findings are jsonschema's either way."""
    errors = list(schema._validator(kind).iter_errors(data))
    before = repr(data)
    assert schema.compiled_accepts(kind, data) == (not errors), (kind, data, [e.message for e in errors])
    assert repr(data) == before  # the compiled validator fills in no defaults
    assert schema.check_document(kind, data, path) == schema.jsonschema_findings(kind, data, path)


def load(path: Path):
    """The document in a file as fsu's checking load gives it, or None if it does not load as a mapping."""
    try:
        data = yamlio.load(yamlio.decode(path.read_bytes()))
    except (yamlio.YamlProblem, yamlio.NotUtf8):
        return None
    return data if isinstance(data, dict) else None


def documents(root: Path) -> list[tuple[str, str | None, dict]]:
    """(path, kind, document) for every YAML file under root that loads as a mapping."""
    found = []
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        data = load(path)
        if data is not None:
            found.append((rel, classify(rel), data))
    return found


def assert_all_agree(found: list[tuple[str, str | None, dict]]) -> None:
    assert found
    for rel, _, data in found:
        for kind in KINDS:  # a file checked as every kind: most are wrong as the others, in many ways
            assert_agree(kind, data, rel)


# --- every shipped schema is on the fast path, and it is fast on valid data -----------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_compiles(kind):
    assert schema._compiled(kind) is not None


def test_the_example_data_is_accepted_by_the_compiled_validator():
    found = [(rel, kind, data) for rel, kind, data in documents(PROJECT) if kind is not None]
    assert len(found) > 40
    for rel, kind, data in found:
        assert schema.compiled_accepts(kind, data), rel


def test_a_keyword_the_fast_path_does_not_know_turns_it_off():
    assert schema.compile_schema({"type": "object", "dependentRequired": {"a": ["b"]}}) is None
    assert schema.compile_schema({"type": "object", "properties": {"a": {"maxLength": 3}}}) is None
    assert schema.compile_schema({"type": "number", "multipleOf": 0.5}) is None
    assert schema.compile_schema({"type": "object", "properties": {"a": {"type": "string"}}}) is not None


# --- the documents of the project and of the other tests ---------------------------------------------------------


def test_data_files_agree():
    assert_all_agree([(rel, kind, data) for rel, kind, data in documents(PROJECT) if kind is not None])


def test_corpus_agrees():
    found = documents(PROJECT / "tests" / "corpus")
    assert len(found) >= 5
    assert_all_agree(found)


def test_small_community_agrees(tmp_path):
    for rel, text in SMALL_COMMUNITY.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert_all_agree(documents(tmp_path))


def test_generated_repository_agrees(tmp_path):
    root = generate_repository(60, tmp_path / "repo")
    found = documents(root)
    for rel, kind, data in found:
        assert schema.compiled_accepts(kind, data), rel
    assert_all_agree(found[:40] + found[-40:])  # committees, mandates and the first and last cases


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_the_rule_triggers_agree(community, code):
    TRIGGERS[code][0](community)
    assert_all_agree(documents(community))


# The documents tests/test_schemas.py checks, and the impossible dates it tries.
CASE = {"committee": "ssu", "year": 2024, "number": 1, "title": "x", "kind": "information"}
SCHEMA_TEST_DOCUMENTS = [
    ("case", {**CASE, "meeting": "2024-02-30"}),
    ("case", {**CASE, "meeting": "2024-02-29"}),
    ("committee", {"id": "ssu", "name": "x", "kind": "ssu", "founded": "2024-02-30", "dissolved": "2024-04-31"}),
    ("mandate", {"id": "m", "committee": "c", "title": "t", "status": "approved", "valid_from": "2025-01-01"}),
    ("mandate", {"id": "m", "committee": "c", "title": "t", "status": "draft", "valid_from": "2025-01-01"}),
]
DATES = ["2024-13-01", "2024-02-30", "2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31", "2024-00-10",
         "2024-01-00", "2024-01-32", "2024-1-1", "24-01-01", "2024-01-01T00:00", "2023-02-29", "2024-02-29",
         "2024-01-01\n", " 2024-01-01", "0000-01-01", "9999-12-31", "２０２４-01-01", "2024-01-01Z", "20240101",
         "2024-W01-1", "", 20240101, 2024.0, None, True]


@pytest.mark.parametrize("kind, data", SCHEMA_TEST_DOCUMENTS)
def test_the_schema_tests_documents_agree(kind, data):
    assert_agree(kind, data)


def date_pointers(node, pointer=()):
    """Where the example data holds a date (a text of the form YYYY-MM-DD)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
            yield pointer + (key,)
        yield from date_pointers(value, pointer + (key,))


def put(document, pointer, value):
    for step in pointer[:-1]:
        document = document[step]
    document[pointer[-1]] = value


@pytest.mark.parametrize("value", DATES, ids=repr)
def test_every_date_field_with_a_bad_date_agrees(value):
    seen = 0
    for rel, kind, data in documents(PROJECT):
        if kind is None:
            continue
        for pointer in list(date_pointers(data))[:6]:
            changed = copy.deepcopy(data)
            put(changed, pointer, value)
            assert_agree(kind, changed, rel)
            seen += 1
    assert seen > 50


# --- keyword by keyword, on small schemas -----------------------------------------------------------------------


def agree_on(fragment: dict, values) -> None:
    reference = schema.jsonschema_validator(fragment)
    assert schema.compile_schema(fragment) is not None
    for value in values:
        assert compiled_accepts(fragment, value) == reference.is_valid(value), (fragment, value)


JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    | st.sampled_from([0, 1, 1.0, 0.0, True, False, 2024.0, 10**40, float("nan"), "a", "1"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=10,
)


def test_integer_is_an_int_and_not_a_bool():
    values = [2024, 2024.0, 2024.5, True, False, 0, 10**40, -(10**40), float("inf"), float("nan"), "2024", None, []]
    agree_on({"type": "integer"}, values)
    agree_on({"type": ["integer", "null"], "minimum": 0, "maximum": 366}, values + [-1, 367, 366.0])


def compiled_accepts(fragment: dict, value) -> bool:
    try:
        schema.compile_schema(fragment)(value)
    except Exception:
        return False
    return True


def has_repeats(values: list) -> bool:
    """Two items equal as JSON Schema compares them (1 and 1.0 alike, 1 and True not), pair by pair."""
    from jsonschema._utils import equal

    return any(equal(a, b) for i, a in enumerate(values) for b in values[i + 1:])


@settings(max_examples=300, deadline=None)
@given(st.lists(JSON_LIKE, max_size=6) | st.lists(st.text("aAb", max_size=2), max_size=6))
def test_unique_items(values):
    """The compiled validator finds every repeat; jsonschema, which sorts first, misses some ([[False], [0],
    [False]]), so where they differ the compiled one rejects and jsonschema's answer (no finding) stands.
    In fsu's schemas unique lists hold texts only, where the two agree."""
    for value in (values, values + values[:1]):
        assert compiled_accepts({"uniqueItems": True}, value) == (not has_repeats(value)), value
        if compiled_accepts({"uniqueItems": True}, value):
            assert schema.jsonschema_validator({"uniqueItems": True}).is_valid(value), value
    agree_on({"uniqueItems": True, "items": {"type": "string"}}, [values, values + values[:1]])


def test_unique_items_in_examples():
    agree_on({"uniqueItems": True}, [[1, True], [1, 1.0], [0, False], [[1], [True]], [{"a": 1}, {"a": 1.0}],
                                     [{"a": 1}, {"a": True}], [float("nan"), float("nan")], ["a", "a"], ["a", "A"]])
    assert not compiled_accepts({"uniqueItems": True}, [[False], [0], [False]])
    assert schema.jsonschema_validator({"uniqueItems": True}).is_valid([[False], [0], [False]])  # jsonschema's miss


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12) | st.sampled_from(["abc\n", "abc\n\n", "a-b", "\nabc", "ABC", "äbc", "a\x00"]))
def test_patterns_are_searched_as_python_re_does(text):
    for pattern in ["^[a-z0-9][a-z0-9-]*$", "\\{number(:0?\\d*d)?\\}", "^FSU[0-9]{3}$", "a$", "b"]:
        agree_on({"pattern": pattern}, [text])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=4) | st.sampled_from(["é", "é", "😀", "\ud800", "\x00"]))
def test_min_length_counts_code_points(text):
    agree_on({"minLength": 1}, [text])
    agree_on({"minLength": 2}, [text])


DATE_LIKE = st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z") | st.from_regex(r"\A\d{4}-\d{1,2}-\d{1,3}\s?\Z")


@settings(max_examples=500, deadline=None)
@given(DATE_LIKE | st.text(max_size=12) | JSON_LIKE)
def test_date_format_is_jsonschemas(value):
    agree_on({"format": "date"}, [value])
    agree_on({"type": ["string", "null"], "format": "date"}, [value])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=10) | JSON_LIKE)
def test_email_format_is_jsonschemas(value):
    agree_on({"format": "email"}, [value])


@settings(max_examples=300, deadline=None)
@given(st.from_regex(schema._PLAIN_URI, fullmatch=True) | st.text(max_size=20) | JSON_LIKE)
def test_uri_format_is_jsonschemas(value):
    """A plain URI is accepted at once; any other text is asked of jsonschema's checker (if it has one)."""
    agree_on({"format": "uri"}, [value])


def test_property_names_additional_properties_and_if_then():
    fragment = {
        "type": "object",
        "propertyNames": {"enum": ["hospital", "user"]},
        "additionalProperties": {"type": "object", "additionalProperties": False, "minProperties": 1,
                                 "properties": {"min": {"type": "integer", "minimum": 0}}},
    }
    keys = ["hospital", "user", "gp", 1, True, None, 1.0, (1, 2), "", "Hospital"]
    agree_on(fragment, [{key: {"min": 1}} for key in keys] + [{"hospital": {}}, {"user": {"min": 1.0}}, {}])
    closed = {"type": "object", "additionalProperties": False, "properties": {"a": {"type": "string"}}}
    agree_on(closed, [{"a": "x"}, {"a": "x", "b": 1}, {1: "x"}, {None: 1}, {"a": 1}, {}, []])
    conditional = {"if": {"properties": {"status": {"const": "approved"}}, "required": ["status"]},
                   "then": {"required": ["approved"]}, "properties": {"status": {"enum": ["draft", "approved"]}}}
    agree_on(conditional, [{"status": "approved"}, {"status": "approved", "approved": None}, {"status": "draft"},
                           {"status": 1}, {}, {"status": ["approved"]}, "approved"])


# --- hypothesis: valid documents, mutated ----------------------------------------------------------------------


@cache
def seeds() -> list[tuple[str, dict]]:
    return [(kind, data) for _, kind, data in documents(PROJECT) if kind is not None]


ODD_VALUES = [
    2024.0, True, False, None, 0, 1, -1, 10**30, -(10**30), 2**63, float("inf"), float("-inf"), float("nan"), 1.5,
    "", " ", "x", "2024-02-30", "2024-13-01", "2023-02-29", "2024-02-29", "2024-1-1", "2024-01-01\n", "ssu\n",
    "SSU", "ssu/2024/1", "ssu/2024/1\n", "a\x00b", "x\x1b[31m", "\x85", "\ud800", "\ufeff", "hospital", "approved",
    "draft", "decision", "{number:02d}", "kari@kommune.no", "kari", "https://example.no/a b", "FSU101",
    [], [None], ["a", "a"], ["hospital", "hospital"], [1, True], {}, {"a": 1}, {"by": "ssu", "date": "2024-01-01"},
    {"min": 1}, {"hospital": {"min": 1.0}},
]
VALUES = st.sampled_from(ODD_VALUES) | JSON_LIKE | st.integers() | st.text(max_size=6)


def containers(node, pointer=()):
    """Every mapping and list in a document, by pointer."""
    if isinstance(node, (dict, list)):
        yield pointer
        for key, value in (node.items() if isinstance(node, dict) else enumerate(node)):
            yield from containers(value, pointer + (key,))


def at(document, pointer):
    for step in pointer:
        document = document[step]
    return document


def misspelt(data, key: str) -> str:
    where = data.draw(st.integers(0, max(len(key) - 1, 0)))
    how = data.draw(st.sampled_from(["drop", "double", "swap", "upper", "space"]))
    if how == "drop":
        return key[:where] + key[where + 1:]
    if how == "double":
        return key[:where] + key[where:where + 1] * 2 + key[where + 1:]
    if how == "swap" and len(key) > 1:
        return key[:where] + key[where + 1:where + 2] + key[where] + key[where + 2:]
    return key.upper() if how == "upper" else key + " "


@cache
def example_values() -> list:
    """Every value in the example data, for swaps that keep the types right but put a value in the wrong place."""
    found = []

    def walk(node):
        for item in (node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()):
            found.append(item)
            walk(item)

    for _, document in seeds():
        walk(document)
    return sorted(found, key=repr)


def value(data):
    drawn = data.draw(VALUES | st.sampled_from(example_values()))
    return copy.deepcopy(drawn)  # the lists and mappings of ODD_VALUES are mutated later


def mutate(data, document) -> None:
    target = at(document, data.draw(st.sampled_from(list(containers(document)))))
    if isinstance(target, list):
        how = data.draw(st.sampled_from(["replace", "drop", "repeat", "append"] if target else ["append"]))
        if how == "append":
            target.append(value(data))
            return
        index = data.draw(st.integers(0, len(target) - 1))
        if how == "replace":
            target[index] = value(data)
        elif how == "drop":
            del target[index]
        else:
            target.append(copy.deepcopy(target[index]))
        return
    how = data.draw(st.sampled_from(["replace", "drop", "misspell", "add"] if target else ["add"]))
    if how == "add":
        target[data.draw(st.text(max_size=6) | st.sampled_from(["status", "approved", "title", 1, True, None]))] = (
            value(data))
        return
    key = data.draw(st.sampled_from(list(target)))
    if how == "replace":
        target[key] = value(data)
    elif how == "drop":
        del target[key]
    elif isinstance(key, str):
        target[misspelt(data, key)] = target.pop(key)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_documents_agree(data):
    kind, document = data.draw(st.sampled_from(seeds()))
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        mutate(data, document)
    assert_agree(kind, document)


# --- what runs, and what is kept -------------------------------------------------------------------------------


def imported(root: Path, env: dict) -> set[str]:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "fsu_cli", "validate", "--repo", str(root)],
                          capture_output=True, text=True, env=env)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in done.stderr.splitlines()
            if line.startswith("import time:") and "|" in line}


def test_a_clean_repository_is_validated_without_jsonschema(community, monkeypatch, tmp_path):
    import os

    env = {**os.environ, "FSU_AS_OF": AS_OF, "FSU_CACHE_DIR": str(tmp_path / "cache")}
    modules = imported(community, env)
    assert "fastjsonschema" in modules
    assert "jsonschema" not in modules
    edit(community / "data/cases/ssu/2025/05.yaml", "kind: decision", "kind: beslutning")
    assert "jsonschema" in imported(community, env)  # a document with a finding is described by jsonschema


def test_prepare_builds_the_compiled_validators_without_jsonschema():
    code = ("import sys; from fsu_cli.check import schema; schema.prepare(); "
            "assert schema._compiled.cache_info().currsize == len(schema.SCHEMA_FILES); "
            "assert 'jsonschema' not in sys.modules, 'jsonschema imported'; "
            "schema.check_document('case', {}, ''); assert 'jsonschema' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_generated_code_in_the_cache(community, fsu, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("FSU_CACHE_DIR", str(cache))
    assert fsu("validate", "--repo", community).exit_code == 0
    files = [path for path in cache.rglob("*") if path.is_file()]
    assert files
    for path in files:
        content = path.read_bytes()
        assert b"def validate" not in content and b"JsonSchemaValueException" not in content, path
        assert not path.name.endswith((".py", ".pyc")), path


def test_the_reference_validator_is_the_one_fsu_had():
    """jsonschema_findings is the code before the fast path: the strict integer, formats, inlined references."""
    validator = schema._validator("case")
    assert validator.schema == schema._inlined("case")
    assert validator.format_checker is Draft202012Validator.FORMAT_CHECKER
    assert not validator.is_type(2024.0, "integer") and not validator.is_type(True, "integer")
    assert json.loads(schema.schema_path("case").read_text(encoding="utf-8"))["$defs"]  # the file keeps its $refs
