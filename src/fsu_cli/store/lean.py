"""A lean load for plain documents: values built straight from libyaml's events.

ruamel's full load composes a node tree, runs the Python resolver on every
scalar and constructs the values from the nodes; for the plain documents the
data files are, most of that time is spent in Python. This module reads the
events of the same C parser and builds the same values in one pass, with
ruamel's own YAML 1.2 implicit-resolver table and a copy of its SafeConstructor's
int, float, bool and null construction.

It handles only block and flow mappings and sequences of plain and quoted
scalars, with scalar keys. Anything else (a directive, tag, anchor, alias, merge
key, complex key, repeated key, more than one document, any parser error) raises
``Unusual``, and the caller loads the document with the full ruamel path, so that
unusual input and every error get exactly its result and message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.resolver import VersionedResolver


class Unusual(Exception):
    """The document needs the full ruamel path."""


def _unusual(value: str) -> Any:
    raise Unusual(value)


def _int(value: str) -> int:
    """SafeConstructor.construct_yaml_int under YAML 1.2 (no octal without 0o, no sexagesimals)."""
    value_s = value.replace("_", "")
    sign = +1
    if value_s[0] == "-":
        sign = -1
    if value_s[0] in "+-":
        value_s = value_s[1:]
    if value_s == "0":
        return 0
    if value_s.startswith("0b"):
        return sign * int(value_s[2:], 2)
    if value_s.startswith("0x"):
        return sign * int(value_s[2:], 16)
    if value_s.startswith("0o"):
        return sign * int(value_s[2:], 8)
    return sign * int(value_s)


_INF, _NAN = SafeConstructor.inf_value, SafeConstructor.nan_value  # the very objects ruamel returns


def _float(value: str) -> float:
    """SafeConstructor.construct_yaml_float under YAML 1.2."""
    value_s = value.replace("_", "").lower()
    sign = +1
    if value_s[0] == "-":
        sign = -1
    if value_s[0] in "+-":
        value_s = value_s[1:]
    if value_s == ".inf":
        return sign * _INF
    if value_s == ".nan":
        return _NAN
    return sign * float(value_s)


_BOOLS = SafeConstructor.bool_values

_BUILDERS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:null": lambda value: None,
    "tag:yaml.org,2002:bool": lambda value: _BOOLS[value.lower()],
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": _float,
    "tag:yaml.org,2002:timestamp": str,  # fsu keeps dates as the strings they were written as
}


def _rules() -> dict[str, tuple[tuple[Any, Callable[[str], Any]], ...]]:
    """ruamel's YAML 1.2 implicit resolvers by first character, each regex paired with its builder.

    A tag the lean path does not build (merge ``<<``, value ``=``) falls back. Rules at the end
    of a list that give the text unchanged (timestamps) are left out: no match gives the same.
    """
    table = {}
    for first, resolvers in VersionedResolver().versioned_resolver.items():
        rules = [(regexp.match, _BUILDERS.get(tag, _unusual)) for tag, regexp in resolvers]
        while rules and rules[-1][1] is str:
            rules.pop()
        if rules:
            table[first] = tuple(rules)
    return table


_RULES = _rules()
_NO_KEY = object()


def _plain(value: str) -> Any:
    """A plain scalar as ruamel's resolver and SafeConstructor make it."""
    rules = _RULES.get(value[:1])
    if rules is not None:
        for match, build in rules:
            if match(value) is not None:
                return build(value)
    return value


def load(text: str, parser_class: Any) -> Any:
    """The document's value, or ``Unusual`` when the full path must decide."""
    parser = parser_class(text)
    try:
        return _document(parser.get_event)
    except Unusual:
        raise
    except Exception as error:  # any parser or value error: ruamel's path gives the message
        raise Unusual(repr(error)) from None
    finally:
        parser.dispose()


def _document(get: Callable[[], Any]) -> Any:
    if type(get()) is not StreamStartEvent:
        raise Unusual("stream")
    event = get()
    if type(event) is StreamEndEvent:
        return None
    if type(event) is not DocumentStartEvent or event.version is not None or event.tags is not None:
        raise Unusual("directive")
    root = _value(get)
    if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
        raise Unusual("another document")
    return root


def _value(get: Callable[[], Any]) -> Any:
    """The root value, built from the events with a stack of the open collections."""
    stack: list[tuple[Any, Any]] = []
    container: Any = None
    key: Any = _NO_KEY
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.ctag is not None:
                raise Unusual("anchor or tag")
            value = event.value
            if event.implicit[0]:
                value = _plain(value)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = container
            container, key = stack.pop()
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.ctag is not None:
                raise Unusual("anchor or tag")
            stack.append((container, key))
            container = {} if kind is MappingStartEvent else []
            key = _NO_KEY
            continue
        else:
            raise Unusual("alias")
        if container is None:
            return value
        if type(container) is list:
            container.append(value)
        elif key is _NO_KEY:
            if type(value) is dict or type(value) is list:
                raise Unusual("complex key")
            if value in container:
                raise Unusual("repeated key")  # ruamel's message and position
            key = value
        else:
            container[key] = value
            key = _NO_KEY
