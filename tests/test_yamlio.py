"""The one YAML loader: YAML 1.2, dates as strings, duplicate keys refused, positions on demand."""

from __future__ import annotations

import pytest

from fsu_cli.store import yamlio


def test_yaml_1_2_scalars():
    data = yamlio.load("a: yes\nb: on\nc: 0o17\nd: 017\ne: 1.5\nf: ~\ng: true\nh: NO\n")
    assert data == {"a": "yes", "b": "on", "c": 15, "d": 17, "e": 1.5, "f": None, "g": True, "h": "NO"}


def test_dates_stay_the_strings_they_were_written_as():
    data = yamlio.load("a: 2024-01-05\nb: 2024-02-30\nc: 2024-1-5\nd: '2024-01-05'\n")
    assert data == {"a": "2024-01-05", "b": "2024-02-30", "c": "2024-1-5", "d": "2024-01-05"}


def test_duplicate_keys_are_refused_with_their_position():
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load("title: A\nkind: x\ntitle: B\n")
    problem = caught.value
    assert problem.kind == "duplicate-key"
    assert (problem.line, problem.column) == (3, 1)
    assert problem.message == "The key 'title' appears twice in the same mapping."


@pytest.mark.parametrize(
    "text, line, column, start",
    [
        ("a: 1\n\tb: 2\n", 2, 1, "A tab character"),
        ("a: b: c\n", 1, 5, "A colon followed by a space"),
        ("a: [1, 2\n", 1, 4, "A list opened with '['"),
        ("a: {x: 1\n", 1, 4, "A mapping opened with '{'"),
        ("a: 'open\n", 1, 4, "The file ends while a quoted text"),
        ("a: *nowhere\n", 1, 4, "An alias (*name)"),
        ("- 1\n---\n- 2\n", 2, 1, "A second YAML document"),
    ],
)
def test_broken_yaml_is_explained_in_plain_words(text, line, column, start):
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.message.startswith(start)


def test_decode_strips_a_byte_order_mark_and_finds_bad_bytes():
    assert yamlio.decode("\ufeffa: 1\n".encode()) == "a: 1\n"
    with pytest.raises(yamlio.NotUtf8) as caught:
        yamlio.decode("a: 1\nb: Tr".encode() + b"\xf8ndelag\n")
    assert (caught.value.line, caught.value.column, caught.value.byte) == (2, 6, 0xF8)


def test_deep_nesting_is_a_finding_not_a_crash():
    with pytest.raises(yamlio.YamlProblem) as caught:
        yamlio.load("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert caught.value.kind == "syntax"


def test_locate_finds_keys_values_and_list_items():
    text = "id: x\nmembers:\n  - name: Kari\n    organization: horten\n  - name: Ola\n"
    root = yamlio.compose(text)
    assert yamlio.locate(root, ("members", 0, "organization")) == (4, 19)
    assert yamlio.locate(root, ("members", 0, "organization"), on_key=True) == (4, 5)
    assert yamlio.locate(root, ("members", 1)) == (5, 5)
    # a missing key points at the mapping that should hold it
    assert yamlio.locate(root, ("members", 1, "start_date")) == (5, 5)
    assert yamlio.locate(root, ()) == (1, 1)


def test_columns_count_characters_not_bytes():
    root = yamlio.compose("navn: Åse Ødegård\nsted: Tønsberg\n")
    assert yamlio.locate(root, ("sted",)) == (2, 7)
    root = yamlio.compose("a: {sted: Øst, by: Å}\n")
    assert yamlio.locate(root, ("a", "by"), on_key=True) == (1, 16)
