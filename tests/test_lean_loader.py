"""The lean load gives exactly what ruamel's full load gives: the same values, types and key order,
or the same problem with the same message and position.

Every document is loaded twice, with ``yamlio.load`` (the lean path, falling back to ruamel) and
``yamlio.load_reference`` (ruamel's composer, resolver and SafeConstructor only), and the outcomes
compared. Where it matters, the lean path is also checked to have done the work itself rather than
fallen back.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.cyaml import CParser
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from conftest import PROJECT, generate_repository
from fsu_cli.store import lean, yamlio

TESTS = Path(__file__).parent


def flat(value: object) -> list:
    """The value as a flat list of (type, content) tokens: types count (1, 1.0 and True differ), key
    order counts, a NaN equals a NaN, and deep nesting needs no recursion."""
    tokens: list = []
    todo = [value]
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind is dict:
            tokens.append(("dict", len(item)))
            todo.extend(reversed([part for pair in item.items() for part in pair]))
        elif kind is list:
            tokens.append(("list", len(item)))
            todo.extend(reversed(item))
        elif kind is float:
            tokens.append(("float", "nan" if math.isnan(item) else repr(item)))
        else:
            tokens.append((kind.__name__, item))
    return tokens


def outcome(load, text: str) -> tuple:
    try:
        return ("value", flat(load(text)))
    except yamlio.YamlProblem as problem:
        return ("problem", problem.kind, problem.message, problem.hint, problem.line, problem.column)


def same(text: str) -> bool:
    """Assert that both paths agree on ``text``; return whether the lean path built the value itself."""
    reference = outcome(yamlio.load_reference, text)
    assert outcome(yamlio.load, text) == reference
    if reference[0] != "value":
        return False  # (and lean.load alone, without load's depth check, must not see runaway nesting)
    try:
        value = lean.load(text, CParser)
    except lean.Unusual:
        return False
    assert ("value", flat(value)) == reference
    return True


def texts(paths) -> list[tuple[str, str]]:
    found = []
    for path in paths:
        try:
            found.append((path.name, yamlio.decode(path.read_bytes())))
        except yamlio.NotUtf8:
            pass
    return found


# --- the project's own files --------------------------------------------------------------------

DATA = sorted((PROJECT / "data").rglob("*.yaml")) + [PROJECT / "fsu.yaml"]
CORPUS = sorted((TESTS / "corpus").iterdir())
SUITE = sorted((TESTS / "yaml-test-suite").glob("*.yaml"))


def test_every_example_data_file_is_built_by_the_lean_path_as_ruamel_builds_it():
    assert len(DATA) > 10
    for name, text in texts(DATA):
        assert same(text), name


def test_every_hostile_corpus_file_gives_the_same_outcome():
    for _, text in texts(CORPUS):
        same(text)


def test_every_yaml_test_suite_input_gives_the_same_outcome():
    samples = texts(SUITE)
    assert len(samples) > 400
    built = sum(same(text) for _, text in samples)
    assert built > 100  # the plain ones really go the lean way


def test_generated_cases_are_built_by_the_lean_path(tmp_path):
    root = generate_repository(300, tmp_path / "repo")
    files = sorted((root / "data").rglob("*.yaml"))
    assert len(files) > 300
    for name, text in texts(files):
        assert same(text), name


# --- what the project promises of the loader, through both paths --------------------------------

SCALARS = {
    "yes": "yes", "on": "on", "NO": "NO", "off": "off", "y": "y", "True": True, "FALSE": False, "tRUE": "tRUE",
    "0o17": 15, "017": 17, "0x1F": 31, "0b101": 5, "-0x1F": -31, "+0o17": 15, "1_000": 1000, "1__0": 10,
    "+1": 1, "-0": 0, "0": 0, "1:20": "1:20", "~": None, "null": None, "Null": None, "NULL": None, "nULL": "nULL",
    "-.5": -0.5, "1.": 1.0, ".5": 0.5, "1e3": 1000.0, "1E+3": 1000.0, "1.5e-3": 0.0015, "1_0.5": 10.5,
    ".inf": math.inf, "-.Inf": -math.inf, "+.INF": math.inf, "2024-01-05": "2024-01-05",
    "2024-01-05T10:00:00Z": "2024-01-05T10:00:00Z", "2024-1-5": "2024-1-5", "Ærøy": "Ærøy", "0x": "0x",
    "1e": "1e", ".": ".", "0b2": "0b2", "08": 8, "0o8": "0o8",
}


@pytest.mark.parametrize("written, expected", list(SCALARS.items()), ids=list(SCALARS))
def test_plain_scalars_follow_yaml_1_2_and_ruamel(written, expected):
    text = f"value: {written}\n"
    assert same(text)
    value = yamlio.load(text)["value"]
    assert flat(value) == flat(expected)
    assert same(f"value: '{written}'\n") and yamlio.load(f"value: '{written}'\n") == {"value": written}


def test_empty_values_and_nan():
    assert same("a:\nb: ''\nc: .nan\nd: [a, ]\ne: {x, y: }\n")
    data = yamlio.load("a:\nb: ''\nc: .NaN\n")
    assert data["a"] is None and data["b"] == "" and math.isnan(data["c"])
    assert yamlio.load("") is None and yamlio.load("# only a comment\n") is None and yamlio.load("---\n") is None


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",                       # anchor and alias
    "a: !!str 1\n",                           # a tag
    "a: !!python/object:os.system x\n",       # a tag no safe loader builds
    "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",  # merge key
    "<<: {x: 1}\ny: 2\n",                     # merge key without an alias
    "a: <<\n",                                # the merge value as a plain value
    "a: =\n",                                 # the value key
    "? [a, b]\n: 1\n",                        # complex key
    "? {a: 1}\n: 1\n",
    "%YAML 1.1\n---\na: 017\nb: yes\n",        # a directive
    "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
    "a: 1\n---\nb: 2\n",                      # two documents
    "a: 1\n...\n---\nb: 2\n",
    "title: A\nkind: x\ntitle: B\n",          # repeated keys, as ruamel reports them
    "1: a\n1.0: b\n", "1: a\ntrue: b\n", "~: a\nnull: b\n", ".nan: a\n.NaN: b\n", "a: 1\n'a': 2\n",
    "a: {x: 1, x: 2}\n",
    "a: [1, 2\n", "a: 'open\n", "a: b: c\n", "a: 1\n\tb: 2\n",  # syntax errors
    "a: " + "9" * 5000 + "\n",                # a number too long for int()
    "a: 0x_\n", "a: -_\n", "a: 0o_\n",        # numbers ruamel resolves but cannot build
    "a: &a [*a]\n",                           # an alias inside its own anchor
    "a: &a [1, 2]\nb: [*a, *a, *a]\n",
])
def test_unusual_documents_go_the_full_way_with_the_same_result(text):
    assert not same(text)


def test_an_alias_bomb_gives_the_same_problem():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    assert not same("\n".join(lines) + "\n")
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load("\n".join(lines) + "\n")
    assert caught.value.kind == "alias-expansion"


@pytest.mark.parametrize("text, built", [
    ("a: " + "[" * 200 + "]" * 200 + "\n", True),
    ("a: " + "{a: " * 199 + "1" + "}" * 199 + "\n", True),
    ("- " * 499 + "x\n", True),
    ("".join("  " * i + "k:\n" for i in range(480)) + "  " * 480 + "v\n", True),
    ("".join("  " * i + ("k:\n" if i % 2 == 0 else "- \n") for i in range(300)), True),
    ("a: " + "[" * 201 + "]" * 201 + "\n", False),  # refused before either path parses
    ("- " * 501 + "x\n", False),
])
def test_deep_nesting_up_to_the_limits_gives_the_same_outcome(text, built):
    """The lean path keeps its open collections on a list, not the call stack."""
    assert same(text) is built


def test_key_order_and_types_are_ruamels():
    text = "z: 1\na: 1.0\nm: true\n2: x\n~: y\n-.5: z\nlist: [3, '3', 3.0, off]\n"
    assert same(text)
    data = yamlio.load(text)
    assert list(data) == ["z", "a", "m", 2, None, -0.5, "list"]
    assert [type(v) for v in data["list"]] == [int, str, float, str]


def test_block_scalars_keep_strip_and_fold_as_ruamel_does():
    text = ("a: |\n  x\n\n\nb: |-\n  x\n\nc: |+\n  x\n\n\nd: >\n  x\n  y\n\n  z\ne: >-\n  x\n"
            "f: |2\n   indented\ng: >+\n  kept\n\nh: end\n")
    assert same(text)
    assert yamlio.load(text)["c"] == "x\n\n\n"


# --- hypothesis: documents written by ruamel's round-trip dumper, and by hand -------------------

HYPOTHESIS = settings(max_examples=400, deadline=None, derandomize=True, database=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SIGNIFICANT = [
    "yes", "no", "on", "off", "Yes", "NO", "y", "n", "Y", "~", "null", "Null", "NULL", "true", "True", "TRUE",
    "false", "False", ".inf", "-.inf", "+.INF", ".nan", ".NaN", "0x1F", "0X1F", "0o17", "017", "08", "0b101",
    "1_000", "+1", "-1", "-.5", "+.5", "1.", ".5", "1e3", "1E+3", "1.5e-3", "6.02e23", "1:20", "1:20:30.5",
    "-0", "0", "00", "0.0", "-0.0", "2024-01-05", "2024-1-5", "2024-01-05 10:00:00", "2024-01-05T10:00:00Z",
    "<<", "=", "", " ", "Ærøy", "Bodø", "Tromsø kommune", "søknad: ja", "a # b", "#x", "- x", "? x", "@x",
    "`x", "%x", "!x", "&x", "*x", "|", ">", "'", '"', "\\", "a\nb", "a\n\nb\n", "trailing ", " leading",
    "\ttab", "line\n", "lines\n\n", "0x_", "-_", "._", "1__0", "0b", "0o", "1e", "-", "+", ".", "x: y",
    "[a]", "{a: 1}", "a, b", "ÆØÅ æøå", "\u00a0", "\u2028", "\x85",
]
scalars = st.one_of(
    st.sampled_from(SIGNIFICANT),
    st.text(alphabet=st.sampled_from(list("aøÆ019_.-+:#'\" \n\t~!&*|>%@,[]{}?=<eExXoObB")), max_size=12),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
STYLES = [str, SingleQuotedScalarString, DoubleQuotedScalarString, LiteralScalarString, FoldedScalarString]


@st.composite
def styled(draw, value=scalars):
    item = draw(value)
    if isinstance(item, str):
        return draw(st.sampled_from(STYLES))(item)
    return item


keys = st.one_of(st.sampled_from(SIGNIFICANT[:60]), st.text(alphabet="abcøå_-1 ", min_size=1, max_size=8),
                 st.integers(-5, 5), st.booleans(), st.none(), st.floats(allow_nan=False))


def _flow(collection, flow: bool):
    if flow:
        collection.fa.set_flow_style()
    return collection


documents = st.recursive(
    styled(),
    lambda children: st.one_of(
        st.builds(lambda items, flow: _flow(CommentedSeq(items), flow), st.lists(children, max_size=5),
                  st.booleans()),
        st.builds(lambda items, flow: _flow(CommentedMap(items), flow),
                  st.dictionaries(keys, children, max_size=5), st.booleans()),
    ),
    max_leaves=30,
)


@HYPOTHESIS
@given(document=documents)
def test_documents_written_by_ruamels_round_trip_dumper(document):
    try:
        text = yamlio.dump_roundtrip(document)
    except Exception:  # a combination the dumper itself cannot write; nothing to compare
        event("not written")
        return
    event("built by the lean path" if same(text) else "went the full way")


# Hand-written YAML: block and flow collections, plain and quoted scalars in every notation, block
# scalars with their indicators, comments and blank lines; now and then something unusual.


def _plain_anywhere(text: str) -> bool:
    """Whether the text can be written plain in block and flow context alike."""
    return (bool(text) and text.strip() == text and not any(c in text for c in "\n,[]{}\u2028\x85")
            and text[0] not in "`@%!&*|>'\"#?:" and text[:2] != "- " and text != "-" and ": " not in text
            and " #" not in text and not text.endswith(":"))


# Text that can stand plain, and now and then any one-line text at all.
plain_words = st.one_of(
    st.sampled_from([s for s in SIGNIFICANT if _plain_anywhere(s)] + ["a b", "x", "Øyvind"]),
    st.sampled_from([s for s in SIGNIFICANT if s and "\n" not in s and s.strip() == s]),
)
quoted = st.builds(lambda s, q: q + s.replace(q, q * 2 if q == "'" else "\\" + q) + q,
                   st.sampled_from(SIGNIFICANT), st.sampled_from(["'", '"']))
inline = st.one_of(plain_words, quoted,
                   st.lists(st.one_of(plain_words, quoted), max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
                   st.lists(st.tuples(plain_words, st.one_of(plain_words, quoted)), max_size=3).map(
                       lambda kvs: "{" + ", ".join(f"{k}: {v}" for k, v in kvs) + "}"),
                   st.just(""))
comment = st.sampled_from(["", "", "", " # note", "  #", " # æøå: - [x]"])
extras = st.sampled_from(["", "", "", "", "", "&a ", "*a", "!!str ", "!!int ", "<<: ", "? ", "---\n", "\t",
                          "%YAML 1.2\n---\n", "...\n", "- ", ": "])


@st.composite
def block_scalar(draw, indent: int) -> str:
    header = draw(st.sampled_from(["|", ">", "|-", ">-", "|+", ">+", "|2", ">1-", "|+2"]))
    pad = " " * (indent + 2)
    lines = draw(st.lists(st.one_of(plain_words, st.just(""), st.just("  more")), min_size=1, max_size=4))
    tail = draw(st.sampled_from(["", "\n", "\n\n"]))
    return header + draw(comment) + "\n" + "\n".join(pad + line if line else "" for line in lines) + tail


@st.composite
def block(draw, indent: int = 0, depth: int = 0) -> str:
    pad = " " * indent
    sequence = draw(st.booleans())
    lines = []
    used = []
    for _ in range(draw(st.integers(1, 4))):
        lead = f"{pad}- " if sequence else f"{pad}{draw(plain_words | quoted)}:"
        used.append(lead)
        choice = draw(st.integers(0, 9 if depth < 3 else 6))
        if choice <= 5:
            value = draw(inline)
            line = lead + ("" if sequence or not value else " ") + value
            lines.append(draw(extras) + line + draw(comment) if choice == 0 else line + draw(comment))
        elif choice == 6:
            lines.append(lead + " " + draw(block_scalar(indent)))
        else:
            child = draw(block(indent + 2, depth + 1))
            lines.append(lead + draw(comment) + "\n" + child)
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(["", "# a comment", pad + "# indented", used[0]])))
    return "\n".join(lines)


@HYPOTHESIS
@given(text=block(), end=st.sampled_from(["\n", "", "\n\n", "\n...\n", "\n# end\n"]))
def test_hand_written_documents(text, end):
    event("built by the lean path" if same(text + end) else "went the full way")


@HYPOTHESIS
@given(document=documents)
def test_documents_written_by_ruamel_then_edited_by_hand(document):
    """Dumped text with a comment, a blank line or a stray character put in at some place."""
    try:
        text = yamlio.dump_roundtrip(document)
    except Exception:
        event("not written")
        return
    for at, piece in ((len(text) // 2, " # x"), (len(text) // 3, "\n\n"), (len(text) // 4, ": ")):
        same(text[:at] + piece + text[at:])
