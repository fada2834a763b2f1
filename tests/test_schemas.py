"""The JSON Schemas: valid 2020-12, Norwegian help on every property, and shipped with fsu."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
import zipfile

import pytest
from jsonschema import Draft202012Validator

from conftest import PROJECT
from fsu_cli.check.schema import SCHEMA_FILES, check_document, schema_path

SCHEMAS = sorted(SCHEMA_FILES)
# Every schema fsu ships: the data's, and the one for its JSON output.
SCHEMA_NAMES = sorted(p.name for p in (PROJECT / "schemas").glob("*.schema.json"))
# Common English words that Norwegian text does not use: a description with one is not bokmål.
ENGLISH = re.compile(r"\b(the|and|of|is|are|which|must|when|this|with|or)\b", re.IGNORECASE)


def _properties(node, where=""):
    """Every (path, property schema) pair in a schema, however deeply nested."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{where}.{name}", sub
        for key, sub in node.items():
            if key != "if":  # a condition, not a description of the data
                yield from _properties(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _properties(sub, f"{where}[{i}]")


@pytest.mark.parametrize("kind", SCHEMA_NAMES)
def test_schema_is_valid_2020_12(kind):
    schema = json.loads((PROJECT / "schemas" / kind).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", SCHEMA_NAMES)
def test_every_property_has_norwegian_title_and_description(kind):
    schema = json.loads((PROJECT / "schemas" / kind).read_text(encoding="utf-8"))
    properties = list(_properties(schema))
    assert len(properties) > 5
    for where, prop in properties:
        assert prop.get("title"), f"{kind}{where} has no title"
        description = prop.get("description", "")
        assert len(description) > 5, f"{kind}{where} has no description"
        prose = re.sub(r"«[^»]*»", "", description)  # a value named in «», as written in the file, is not prose
        assert not ENGLISH.search(prose), f"{kind}{where}: description looks English: {description!r}"


@pytest.mark.parametrize("kind", SCHEMA_NAMES)
def test_unknown_keys_are_refused_everywhere(kind):
    schema = json.loads((PROJECT / "schemas" / kind).read_text(encoding="utf-8"))

    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for sub in node.values():
                yield from objects(sub)
        elif isinstance(node, list):
            for sub in node:
                yield from objects(sub)

    for obj in objects(schema):
        assert obj.get("additionalProperties") is False or "propertyNames" in obj


def test_dates_must_be_real():
    data = {"committee": "ssu", "year": 2024, "number": 1, "title": "x", "kind": "information", "meeting": "2024-02-30"}
    [finding] = check_document("case", data, "data/cases/ssu/2024/01.yaml")
    assert finding.code == "FSU104"
    data["meeting"] = "2024-02-29"
    assert check_document("case", data, "data/cases/ssu/2024/01.yaml") == []


def date_nodes(node):
    """Every part of a schema that describes a date."""
    if isinstance(node, dict):
        if node.get("format") == "date":
            yield node
        for sub in node.values():
            yield from date_nodes(sub)
    elif isinstance(node, list):
        for sub in node:
            yield from date_nodes(sub)


IMPOSSIBLE = ["2024-13-01", "2024-02-30", "2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31", "2024-00-10",
              "2024-01-00", "2024-01-32", "2024-1-1", "24-01-01", "2024-01-01T00:00"]


@pytest.mark.parametrize("kind", SCHEMAS)
def test_every_date_has_a_pattern_that_an_editor_can_check(kind):
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    nodes = list(date_nodes(schema))
    assert nodes
    for node in nodes:
        pattern = re.compile(node["pattern"])
        assert node["patternErrorMessage"].startswith("Datoen finnes ikke")
        for bad in IMPOSSIBLE:
            assert not pattern.search(bad), bad
        assert pattern.search("2023-02-29")  # left to fsu's own check (FSU104): not a leap year


def test_the_date_pattern_takes_every_real_date():
    pattern = re.compile(json.loads(schema_path("case").read_text(encoding="utf-8"))["$defs"]["date"]["pattern"])
    day, end = datetime.date(1900, 1, 1), datetime.date(2101, 1, 1)
    while day < end:
        assert pattern.fullmatch(day.isoformat()), day
        day += datetime.timedelta(days=1)


def test_an_editor_ignoring_format_still_flags_impossible_dates():
    """As an editor validates: the schema as written (references kept), and no format checks."""
    schema = json.loads(schema_path("committee").read_text(encoding="utf-8"))
    data = {"id": "ssu", "name": "x", "kind": "ssu", "founded": "2024-02-30", "dissolved": "2024-04-31"}
    flagged = {tuple(error.absolute_path) for error in Draft202012Validator(schema).iter_errors(data)}
    assert flagged == {("founded",), ("dissolved",)}


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "2024-04-31", "2023-02-29", "2024-1-1"])
def test_fsu_reports_a_bad_date_once_in_its_own_words(value):
    data = {"committee": "ssu", "year": 2024, "number": 1, "title": "x", "kind": "information", "meeting": value}
    [finding] = check_document("case", data, "data/cases/ssu/2024/01.yaml")
    assert finding.code == "FSU104"
    if value == "2024-1-1":
        assert (finding.message, finding.hint) == ("'2024-1-1' in 'meeting' is not a date in the form YYYY-MM-DD.",
                                                   "Write dates as year-month-day, e.g. 2025-10-09.")
    else:
        assert (finding.message, finding.hint) == (f"'{value}' in 'meeting' is not a real date.",
                                                   "Check the day and month: the date must exist in the calendar.")


def test_approved_mandate_needs_its_approval():
    data = {"id": "m", "committee": "c", "title": "t", "status": "approved", "valid_from": "2025-01-01"}
    [finding] = check_document("mandate", data, "data/mandates/m.yaml")
    assert finding.code == "FSU102"
    assert "'approved'" in finding.message
    data["status"] = "draft"
    assert check_document("mandate", data, "data/mandates/m.yaml") == []


def test_wheel_ships_the_schemas_and_templates(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(PROJECT)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("fsu_cli-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for schema in SCHEMA_FILES.values():
        assert f"fsu_cli/schemas/{schema}" in names
    for template in ("base.html.j2", "case.html.j2", "case.md.j2", "report.md.j2"):
        assert f"fsu_cli/templates/{template}" in names
    assert "fsu_cli/cli/__init__.py" in names
