"""The one YAML loader: YAML 1.2 through ruamel.yaml, dates kept as ISO strings.

Checking uses a fast safe load (libyaml's C parser where installed) that keeps no
positions: plain documents are built straight from the parser's events
(``lean``), anything else goes through ruamel's composer and SafeConstructor
(``load_reference``), with the same result either way. Positions are recovered
only for files that have findings, by composing the node tree once more
(``compose`` and ``locate``).
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.constructor import DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from fsu_cli.store import lean


class _Constructor(SafeConstructor):
    """Safe constructor that leaves timestamps as the strings they were written as."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


class _Resolver(VersionedResolver):
    """The YAML 1.2 resolver, with its table of implicit tags looked up once, not per scalar."""

    _table = VersionedResolver().versioned_resolver  # YAML 1.2, the default

    @property
    def versioned_resolver(self) -> Any:
        return self._table


try:  # the C parser from ruamel.yaml's libyaml extra
    from ruamel.yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - pure-Python fallback (PyPy, or no compiler)
    _CParser = None


if _CParser is not None:

    class _Loader(_CParser, _Constructor, _Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            self._parser = self._composer = self
            _Constructor.__init__(self, loader=self)
            self.allow_duplicate_keys = False
            _Resolver.__init__(self, loadumper=self)

    def _new_loader(text: str) -> Any:
        return _Loader(text)

else:  # pragma: no cover
    from ruamel.yaml import YAML

    def _new_loader(text: str) -> Any:
        yaml = YAML(typ="safe", pure=True)
        yaml.Constructor = _Constructor
        yaml.Resolver = _Resolver
        constructor, parser = yaml.get_constructor_parser(text)
        return constructor.loader


class YamlProblem(Exception):
    """A file that cannot be loaded: what kind of problem, what to do, and where.

    ``kind`` is one of "syntax", "duplicate-key", "multiple-documents" and "alias-expansion".
    """

    def __init__(self, kind: str, message: str, hint: str, line: int, column: int):
        super().__init__(message)
        self.kind, self.message, self.hint = kind, message, hint
        self.line, self.column = line, column


class NotUtf8(Exception):
    def __init__(self, line: int, column: int, byte: int):
        super().__init__(line, column, byte)
        self.line, self.column, self.byte = line, column, byte


def decode(data: bytes) -> str:
    """UTF-8 text without a byte-order mark; raises ``NotUtf8`` with the position."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise NotUtf8(line, column, data[error.start]) from None
    return text[1:] if text.startswith("\ufeff") else text


# Deeper flow nesting ([[[...]]]) than any governance record needs; far deeper
# nesting can exhaust the C parser's stack, so it is refused before parsing.
MAX_FLOW_DEPTH = 200
_BRACKETS = re.compile(r"[\[\]{}]")


def _flow_depth(text: str) -> int:
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


# In block style every level of nesting starts at least one column further right
# ("- - - x", or deeper indentation), so a node's column bounds its depth. A line
# whose indentation and leading "- ", "? " and ": " run past this many columns
# nests deeper than the C parser's stack allows; no record comes near it.
MAX_BLOCK_COLUMN = 1000
_DEEP_BLOCK = re.compile(r"^(?:[ \t]|[-?:](?=[ \t]))" + "{%d}" % MAX_BLOCK_COLUMN, re.M)


def _may_nest_deeply(text: str) -> bool:
    """A cheap first look: deep block nesting needs many indicators, or a long run of spaces."""
    if len(text) <= MAX_BLOCK_COLUMN:
        return False
    return text.count("-") + text.count("?") > MAX_BLOCK_COLUMN // 4 or " " * (MAX_BLOCK_COLUMN // 4) in text


def _refuse_runaway_nesting(text: str) -> None:
    if text.count("[") + text.count("{") > MAX_FLOW_DEPTH and _flow_depth(text) > MAX_FLOW_DEPTH:
        raise YamlProblem(
            "syntax",
            f"The file nests brackets more than {MAX_FLOW_DEPTH} levels deep, which no record needs.",
            "Check for runaway '[' or '{' characters, or content pasted from another program.",
            1,
            1,
        )
    if _may_nest_deeply(text):
        deep = _DEEP_BLOCK.search(text)
        if deep is not None:
            raise YamlProblem(
                "syntax",
                f"A line here is indented or nested more than {MAX_BLOCK_COLUMN} columns deep, which no record "
                "needs.",
                "Check for runaway '- ' at the start of the line, or content pasted from another program.",
                text.count("\n", 0, deep.start()) + 1,
                1,
            )


def load(text: str) -> Any:
    """Load one YAML document; raises ``YamlProblem`` for anything that is not one.

    Plain documents are built straight from the C parser's events (``lean``); any
    other document, and every error, goes the full way (``load_reference``), so
    the result and the message are always ruamel's.
    """
    _refuse_runaway_nesting(text)
    if _CParser is not None:
        try:
            return lean.load(text, _CParser)
        except lean.Unusual:
            pass
    return _load_full(text)


def load_reference(text: str) -> Any:
    """``load`` through ruamel's composer, resolver and SafeConstructor only: the reference."""
    _refuse_runaway_nesting(text)
    return _load_full(text)


def _load_full(text: str) -> Any:
    loader = _new_loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in text:
            _check_expansion(node)
        return loader.construct_document(node)
    except YAMLError as error:
        raise _problem(error, text) from None
    except RecursionError:
        raise YamlProblem(
            "syntax",
            "The file is nested too deeply to be read.",
            "Data files need only a few levels of indentation; check for runaway brackets.",
            1,
            1,
        ) from None
    except (ValueError, TypeError, OverflowError, MemoryError) as error:  # e.g. a 5,000-digit number
        raise YamlProblem(
            "syntax",
            f"A value in the file cannot be read: {' '.join(str(error).split())[:200]}.",
            "Look for an unusually long number or a value pasted in by mistake.",
            1,
            1,
        ) from None
    finally:
        loader.dispose()


# How many values a document may stand for once its aliases are expanded.
MAX_EXPANDED_NODES = 200_000


def _check_expansion(root: Node) -> None:
    """Refuse documents whose aliases expand to more than MAX_EXPANDED_NODES values, or loop."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise YamlProblem("alias-expansion", "An alias in this file refers to the value that contains it.",
                              "Remove the anchor (&name) and alias (*name); write the value out.",
                              node.start_mark.line + 1, node.start_mark.column + 1)
        open_nodes.add(key)
        total = 1
        if isinstance(node, MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                total += size(item)
        open_nodes.discard(key)
        if total > MAX_EXPANDED_NODES:
            raise YamlProblem("alias-expansion",
                              f"The aliases (*name) in this file expand to more than {MAX_EXPANDED_NODES:,} values.",
                              "Write the values out, or remove the anchors (&name) and aliases; data files need "
                              "neither.", node.start_mark.line + 1, node.start_mark.column + 1)
        sizes[key] = total
        return total

    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, MAX_FLOW_DEPTH * 4 + 200))
    try:
        size(root)
    finally:
        sys.setrecursionlimit(limit)


def _roundtrip() -> Any:
    """The round-trip YAML used for edits: comments, key order, quoting and flow style are kept."""
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):
        def ignore_aliases(self, data: Any) -> bool:
            return True  # plain YAML: a value used twice is written twice, never as &id001 / *id001

    Representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    yaml = YAML(typ="rt")
    yaml.Representer = Representer
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_roundtrip(text: str) -> Any:
    """A document for editing; raises ``YamlProblem`` like ``load`` for broken input."""
    load(text)  # the same checks and messages as validation (duplicate keys, depth, syntax)
    return _roundtrip().load(text)


def dump_roundtrip(data: Any) -> str:
    import io

    stream = io.StringIO()
    _roundtrip().dump(data, stream)
    return stream.getvalue()


def compose(text: str) -> Node | None:
    """The node tree of a document that ``load`` accepted, with source positions."""
    loader = _new_loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def locate(root: Node | None, pointer: tuple, on_key: bool = False) -> tuple[int, int]:
    """1-based line and column of the node at ``pointer`` (a path of keys and indexes).

    When the path does not exist (a missing key), the deepest node that does is
    used. With ``on_key``, a mapping entry is located at its key, not its value.
    """
    if root is None:
        return 1, 1
    node, key_node = root, None
    for step in pointer:
        child = _child(node, step)
        if child is None:
            return _position(node)
        key_node, node = child
    return _position(key_node if on_key and key_node is not None else node)


def _child(node: Node, step: Any) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == step or (not isinstance(step, str) and key.value == str(step)):
                return key, value
    elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None


def _position(node: Node) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


# --- turning the parser's complaints into findings a secretary can act on -----

_DUPLICATE = re.compile(r'found duplicate key "(.*?)" with value')

_EXPLANATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "found character '\\t' that cannot start any token",
        "A tab character is used here; YAML allows only spaces for indentation.",
        "Replace the tab with spaces (most editors can show tabs as visible characters).",
    ),
    (
        "mapping values are not allowed",
        "A colon followed by a space appears where plain text was expected.",
        'Put text that contains ": " in quotes, e.g. title: "Sak: oppfølging".',
    ),
    (
        "could not find expected ':'",
        "A line is missing the colon between a key and its value.",
        "Write each entry as 'key: value', with a space after the colon.",
    ),
    (
        "did not find expected key",
        "This line is not indented in line with the keys around it.",
        "Line up the key with the other keys at the same level, using spaces only.",
    ),
    (
        "did not find expected '-' indicator",
        "This line does not line up with the list it belongs to.",
        "Indent every list entry ('- ...') the same number of spaces.",
    ),
    (
        "did not find expected ',' or ']'",
        "A list opened with '[' is not closed with ']', or its items are not separated by commas.",
        "Close the bracket, or put text that starts with '[' in quotes.",
    ),
    (
        "did not find expected ',' or '}'",
        "A mapping opened with '{' is not closed with '}', or its entries are not separated by commas.",
        "Close the brace, and put text that contains a comma in quotes.",
    ),
    (
        "found undefined alias",
        "An alias (*name) refers to an anchor (&name) that is not defined.",
        "Define the anchor before using it, or write the value out in full.",
    ),
    (
        "found a tab character",
        "A tab character is used here; YAML allows only spaces for indentation.",
        "Replace the tab with spaces (most editors can show tabs as visible characters).",
    ),
    (
        "found unexpected end of stream",
        "The file ends while a quoted text or bracket is still open.",
        "Close the quote or bracket that was opened.",
    ),
    (
        "found unknown escape character",
        "A backslash in double quotes starts an escape that YAML does not know.",
        "Use single quotes for text with backslashes, or write \\\\ for one backslash.",
    ),
    (
        "control characters are not allowed",
        "The file contains a control character that YAML does not allow.",
        "Remove the invisible character (often pasted in from another program).",
    ),
)


def _problem(error: YAMLError, text: str) -> YamlProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context_mark = getattr(error, "context_mark", None)
    if mark is not None and context_mark is not None and mark.line >= len(text.rstrip().splitlines()):
        # The reader gave up at the end of the file; where the unclosed thing began helps more.
        mark = context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(error, "problem", "") or "") if isinstance(error, MarkedYAMLError) else str(error)
    if isinstance(error, DuplicateKeyError):
        match = _DUPLICATE.search(problem)
        key = match.group(1) if match else "?"
        return YamlProblem(
            "duplicate-key",
            f"The key '{key}' appears twice in the same mapping.",
            "Keep one of them; otherwise one value would be silently lost.",
            line,
            column,
        )
    if "expected a single document" in str(getattr(error, "context", "")):
        return YamlProblem(
            "multiple-documents",
            "A second YAML document starts here ('---'); a data file holds exactly one record.",
            "Remove the '---' line, or move the second record to a file of its own.",
            line,
            column,
        )
    for needle, message, hint in _EXPLANATIONS:
        if needle in problem:
            return YamlProblem("syntax", message, hint, line, column)
    detail = " ".join(problem.split()) or "unreadable content"
    return YamlProblem(
        "syntax",
        f"The YAML cannot be read here: {detail}.",
        "Check the indentation and the quotes on this line and the line above.",
        line,
        column,
    )
