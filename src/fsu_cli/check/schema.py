"""JSON Schema validation of each document, with errors turned into findings.

Each schema has two validators, each built once per process. A compiled one
(fastjsonschema turns the schema into a Python function, kept in memory only)
answers first and fast: a document it accepts has no findings. Only a document
it rejects goes to jsonschema (imported then), whose errors become the findings.
The compiled function must never accept what jsonschema, as fsu sets it up,
rejects, or a finding would be lost: it gets the same integer type, formats and
regular expressions, and a keyword not known to behave alike keeps a schema off
the fast path (tests/test_compiled_schema.py holds the two to agreement).
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any, Callable, Iterator

from fsu_cli.check.findings import Finding
from fsu_cli.check.rules import structure
from fsu_cli.store.resources import resource_dir

# The kinds of file, and the schema each follows.
SCHEMA_FILES = {
    "config": "fsu.schema.json",
    "committee": "committee.schema.json",
    "mandate": "mandate.schema.json",
    "case": "case.schema.json",
    "meeting": "meeting.schema.json",
    "report": "report.schema.json",
}

def schema_path(kind: str) -> Path:
    return resource_dir("schemas") / SCHEMA_FILES[kind]


def check_document(kind: str, data: Any, path: str) -> list[Finding]:
    """Every schema violation in one document, as findings with pointers."""
    if compiled_accepts(kind, data):
        return []
    return jsonschema_findings(kind, data, path)


def jsonschema_findings(kind: str, data: Any, path: str) -> list[Finding]:
    """The findings jsonschema gives, without asking the compiled validator first."""
    validator = _validator(kind)
    findings: list[Finding] = []
    for error in validator.iter_errors(data):
        findings.extend(_findings(error, path, validator.schema))
    return _without_echoes(findings)


def compiled_accepts(kind: str, data: Any) -> bool:
    """Whether the compiled validator accepts the document (False when there is none for this kind)."""
    validate = _compiled(kind)
    if validate is None:
        return False
    try:
        validate(data)
    except Exception:  # a rejection, or a value the generated code cannot handle: jsonschema decides
        return False
    return True


def prepare() -> None:
    """Build every compiled validator now (before worker processes are forked), without importing jsonschema."""
    for kind in SCHEMA_FILES:
        _compiled(kind)


@cache
def _raw(kind: str) -> dict:
    return json.loads(schema_path(kind).read_text(encoding="utf-8"))


@cache
def _inlined(kind: str) -> dict:
    """The schema with its local references inlined; both validators read it, neither changes it."""
    return _inline_refs(_raw(kind), _raw(kind).get("$defs", {}))


@cache
def _validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(_raw(kind))
    return jsonschema_validator(_inlined(kind))


def jsonschema_validator(schema: dict) -> Any:
    """jsonschema as fsu sets it up: draft 2020-12, formats checked, and 2024.0 not an integer."""
    from jsonschema import Draft202012Validator, validators

    # JSON Schema counts 2024.0 as an integer; a year, a number or a count in a record is written 2024.
    strict = validators.extend(Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)))
    return strict(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _inline_refs(node: Any, defs: dict) -> Any:
    """Replace local ``{"$ref": "#/$defs/x"}`` with the definition itself.

    The schemas on disk keep their references (editors read them); validating
    against the inlined copy skips a reference look-up for every value checked.
    """
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/") and ref[8:] in defs:
        merged = {**_inline_refs(defs[ref[8:]], defs), **{k: v for k, v in node.items() if k != "$ref"}}
        return _inline_refs(merged, defs)
    return {key: _inline_refs(value, defs) for key, value in node.items()}


# --- the compiled validator ---------------------------------------------------


@cache
def _compiled(kind: str) -> Callable[[Any], Any] | None:
    return compile_schema(_inlined(kind))


def compile_schema(schema: dict) -> Callable[[Any], Any] | None:
    """The schema as a function that raises for a document it rejects, or None if the schema has a
    keyword the fast path does not take exactly as jsonschema does."""
    formats: dict[str, Callable[[str], Any]] = {}
    try:
        plain = _compilable(schema, formats)
    except _Unsupported:
        return None
    from fastjsonschema.draft04 import CodeGeneratorDraft04
    from fastjsonschema.draft07 import CodeGeneratorDraft07
    from fastjsonschema.ref_resolver import RefResolver

    class Generator(CodeGeneratorDraft07):
        # From draft 6 on, 2024.0 is an integer (fastjsonschema agrees); draft 4's test is fsu's: an int, not a bool.
        generate_type = CodeGeneratorDraft04.generate_type

    resolver = RefResolver.from_schema(plain, store={})
    generator = Generator(plain, resolver=resolver, formats=formats, use_default=False, detailed_exceptions=False)
    namespace = generator.global_state
    exec(generator.func_code, namespace)  # fsu's own schema as code, in this process's memory only
    return partial(namespace[resolver.get_scope_name()], custom_formats=formats)


class _Unsupported(Exception):
    pass


# What the compiled validator checks exactly as jsonschema does; anything else keeps the schema off the fast path.
_SUBSCHEMA = {"items", "additionalProperties", "propertyNames", "if", "then"}
_PLAIN = {"enum", "required", "minimum", "maximum", "minLength", "minItems", "minProperties", "uniqueItems"}
_ANNOTATION = {"$schema", "$defs", "title", "description", "patternErrorMessage"}  # $defs: inlined already
_TYPES = {"string", "integer", "number", "boolean", "array", "object", "null"}


def _compilable(node: Any, formats: dict) -> dict:
    """A copy of a (sub)schema for fastjsonschema, with patterns and formats as fsu's own checks."""
    if not isinstance(node, dict):
        raise _Unsupported(node)
    plain: dict = {}
    for key, value in node.items():
        if key == "additionalProperties" and isinstance(value, bool):
            plain[key] = value
        elif key in _SUBSCHEMA:
            plain[key] = _compilable(value, formats)
        elif key == "allOf":
            plain.setdefault("allOf", []).extend(_compilable(sub, formats) for sub in value)
        elif key == "properties":
            plain[key] = {name: _compilable(sub, formats) for name, sub in value.items()}
        elif key == "pattern":  # as a format: fastjsonschema would read '$' as the very end of the text
            name = f"pattern {len(formats)}"  # (a space: no format named in a schema is taken for it)
            formats[name] = re.compile(value).search
            plain.setdefault("allOf", []).append({"format": name})
        elif key == "const":  # as the one value allowed: fastjsonschema's const fails without detailed errors
            plain.setdefault("allOf", []).append({"enum": [value]})
        elif key == "format" and isinstance(value, str) and re.fullmatch("[a-z-]+", value):
            formats.setdefault(value, _format_check(value))
            plain[key] = value
        elif key in _PLAIN or key == "type" and set(value if isinstance(value, list) else [value]) <= _TYPES:
            plain[key] = value
        elif key not in _ANNOTATION:
            raise _Unsupported(key)
    return plain


# jsonschema's own test for "date" (then the calendar's), and all it asks of an e-mail address.
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(text: str) -> bool:
    try:
        return bool(_DATE.fullmatch(text) and date.fromisoformat(text))
    except ValueError:
        return False


def _is_email(text: str) -> bool:
    return "@" in text


# A URI of a plain shape that every URI grammar (RFC 3986, 3987) accepts: scheme://host[:port][/path][?query][#frag].
_URI_CHAR = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
_PLAIN_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.-]*://(?:[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{{2}})+(?::[0-9]*)?"
    rf"(?:/{_URI_CHAR}*)*(?:\?(?:{_URI_CHAR}|[/?])*)?(?:#(?:{_URI_CHAR}|[/?])*)?"
)


def _format_check(name: str) -> Callable[[str], bool]:
    """fsu's check of a format; one it does not know is left to jsonschema's checker (which may not know it either)."""
    if name == "date":
        return _is_date
    if name == "email":
        return _is_email
    quick = _PLAIN_URI.fullmatch if name == "uri" else None

    def by_jsonschema(text: str) -> bool:
        if quick is not None and quick(text):
            return True
        from jsonschema import Draft202012Validator

        return Draft202012Validator.FORMAT_CHECKER.conforms(text, name)

    return by_jsonschema


def _without_echoes(findings: list[Finding]) -> list[Finding]:
    """Drop "missing 'title'" when the same mapping has a misspelt key that suggests 'title'.

    The unknown-key finding already says "Did you mean 'title'?"; one mistake, one finding.
    """
    suggested = {
        (f.pointer[:-1], f.hint.split("'")[1])
        for f in findings
        if f.code == structure.UNKNOWN_KEY.code and f.hint.startswith("Did you mean")
    }
    if not suggested:
        return findings
    return [
        f
        for f in findings
        if not (f.code == structure.MISSING_KEY.code and (f.pointer, _quoted_key(f.message)) in suggested)
    ]


def _quoted_key(message: str) -> str:
    return message.split("'")[1] if "'" in message else ""


# --- from jsonschema's errors to plain sentences ------------------------------

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of keys",
    "null": "empty",
}

_PATTERNS = {
    "^[a-z0-9][a-z0-9-]*$": (
        "an id",
        "Use lowercase letters (a-z), digits and hyphens only, e.g. 'fsu-pasientforlop'.",
    ),
    "^[a-z0-9][a-z0-9-]*/[0-9]{4}/[0-9]+$": (
        "a case reference",
        "Write it as committee/year/number, e.g. 'ssu/2024/45'.",
    ),
    "\\{number(:0?\\d*d)?\\}": (
        "a case number format",
        "Include {number}, e.g. '{number:02d}-{year}' or '{year}.{number:02d}'.",
    ),
}

_DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _findings(error: Any, path: str, root: dict | None = None) -> Iterator[Finding]:
    pointer = tuple(error.absolute_path)
    validator = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    name = _name(pointer)

    if "propertyNames" in error.absolute_schema_path:
        allowed = ", ".join(schema.get("enum", []))
        yield structure.NOT_ALLOWED.finding(
            path,
            f"'{error.instance}' is not an allowed key here.",
            f"Allowed keys: {allowed}." + _did_you_mean(error.instance, schema.get("enum", [])),
            pointer=pointer + (error.instance,),
            on_key=True,
        )
    elif validator == "additionalProperties" and isinstance(error.instance, dict):
        known = list(schema.get("properties", {}))
        for key in error.instance:
            if key not in known:
                suggestion = _did_you_mean(key, known).strip()
                yield structure.UNKNOWN_KEY.finding(
                    path,
                    f"Unknown key '{key}'.",
                    (suggestion + " " if suggestion else "") + f"Allowed keys here: {', '.join(known)}.",
                    pointer=pointer + (key,),
                    on_key=True,
                )
    elif validator == "required" and isinstance(error.instance, dict):
        missing = _quoted(error.message)
        # a key required by an if/then at the top level is described in the top-level properties
        properties = schema.get("properties") or ((root or {}).get("properties", {}) if not pointer else {})
        title = properties.get(missing, {}).get("title") if properties else None
        where = f" in {name}" if pointer else ""
        label = f" ({title})" if title else ""
        yield structure.MISSING_KEY.finding(
            path,
            f"The required key '{missing}'{label} is missing{where}.",
            _missing_hint(missing, error),
            pointer=pointer,
        )
    elif validator == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        if schema.get("format") == "date":
            words = "a date written YYYY-MM-DD" + (" or empty" if "null" in expected else "")
        yield structure.WRONG_TYPE.finding(
            path,
            f"{name.capitalize()} must be {words}, not {_kind_of(error.instance)}.",
            _type_hint(expected, error.instance),
            pointer=pointer,
        )
    elif validator == "format":
        yield _format_finding(error, path, pointer, name)
    elif validator in ("enum", "const"):
        allowed = error.validator_value if validator == "enum" else [error.validator_value]
        yield structure.NOT_ALLOWED.finding(
            path,
            f"{_show(error.instance)} is not an allowed value for {name}.",
            f"Allowed values: {', '.join(str(a) for a in allowed)}."
            + _did_you_mean(error.instance, [str(a) for a in allowed]),
            pointer=pointer,
        )
    elif validator == "pattern" and schema.get("format") == "date":
        return  # the pattern is for editors (which ignore "format"); the date check below says it once
    elif validator == "pattern":
        what, hint = _PATTERNS.get(error.validator_value, ("in the expected form", ""))
        yield structure.BAD_FORM.finding(
            path,
            f"{_show(error.instance)} is not {what} ({name}).",
            hint,
            pointer=pointer,
        )
    elif validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        word = "at least" if "inimum" in validator else "at most"
        yield structure.OUT_OF_RANGE.finding(
            path,
            f"{name.capitalize()} must be {word} {error.validator_value}, not {error.instance}.",
            pointer=pointer,
        )
    elif validator == "minLength":
        yield structure.OUT_OF_RANGE.finding(
            path, f"{name.capitalize()} must not be empty.", "Write the text, or remove the key.", pointer=pointer
        )
    elif validator in ("minItems", "minProperties"):
        yield structure.OUT_OF_RANGE.finding(
            path,
            f"{name.capitalize()} must not be empty.",
            "Add at least one entry.",
            pointer=pointer,
        )
    elif validator == "uniqueItems":
        yield structure.OUT_OF_RANGE.finding(
            path, f"{name.capitalize()} lists the same value more than once.", "Remove the repeated value.", pointer=pointer
        )
    else:
        yield structure.OTHER.finding(path, f"{name.capitalize()}: {error.message}.", pointer=pointer)


def _format_finding(error: Any, path: str, pointer: tuple, name: str) -> Finding:
    value = error.instance
    if error.validator_value == "date":
        if _DATE_SHAPE.match(str(value)):
            message = f"'{value}' in {name} is not a real date."
            hint = "Check the day and month: the date must exist in the calendar."
        else:
            message = f"'{value}' in {name} is not a date in the form YYYY-MM-DD."
            hint = "Write dates as year-month-day, e.g. 2025-10-09."
    elif error.validator_value == "email":
        message = f"'{value}' in {name} is not an e-mail address."
        hint = "Write a work e-mail address such as kari.nordmann@kommune.no."
    else:
        message = f"'{value}' in {name} is not a valid {error.validator_value}."
        hint = ""
    return structure.BAD_DATE.finding(path, message, hint, pointer=pointer)


def _name(pointer: tuple) -> str:
    """'start_date' for ('members', 2, 'start_date'); 'item 3 of members' for ('members', 2)."""
    if not pointer:
        return "the file"
    last = pointer[-1]
    if isinstance(last, int):
        parent = pointer[-2] if len(pointer) > 1 else "the list"
        return f"item {last + 1} of '{parent}'"
    return f"'{last}'"


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    return "a set of keys"


def _type_hint(expected: list[str], value: Any) -> str:
    if "integer" in expected and isinstance(value, str):
        return "Remove the quotes around the number."
    if "integer" in expected and isinstance(value, float):
        return "Write the number without a decimal point, e.g. 2024."
    if "string" in expected and isinstance(value, (dict, list)):
        return "Write the text on the same line as the key, or as a block after 'key: |'."
    if "boolean" in expected:
        return "Write true or false (without quotes)."
    if "array" in expected:
        return "Write each entry on its own line, starting with '- '."
    if "string" in expected and value is None:
        return "Write a value after the colon, or remove the key."
    if "string" in expected and isinstance(value, (int, float, bool)):
        return "Put the value in quotes if it is meant as text."
    return ""


# What a key required only in some cases (a schema's if/then) is for, by the key.
_REQUIRED_WHEN = {
    "approved": "An approved mandate must say who approved it and when: add 'approved:' with 'by:' and 'date:'.",
    "valid_from": "An approved mandate must say when it takes effect: add 'valid_from:' with a date.",
    "meeting": "Approval of minutes must say whose minutes: add 'meeting:' with the date of that earlier meeting.",
    "title": "An orientering (kind: information) needs a title: add 'title:' with what it is about.",
    "case": "An agenda item of kind 'case' must say which case: add 'case:' with e.g. fsu/2025/3.",
}


def _missing_hint(missing: str, error: Any) -> str:
    if "then" in error.absolute_schema_path and missing in _REQUIRED_WHEN:
        return _REQUIRED_WHEN[missing]
    return f"Add '{missing}:' with its value."


def _did_you_mean(word: Any, choices: list[str]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def _quoted(message: str) -> str:
    match = re.match(r"^'(.*)' is a required property$", message)
    return match.group(1) if match else message


def _show(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else repr(value)
