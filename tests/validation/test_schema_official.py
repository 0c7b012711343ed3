"""Our JSON Resume schemas against the official ones.

The core test replays the official repository's own test documents (208 verdicts in
../shared/jsonresume/EXPECTED.tsv) through *our* 1.2.1 schema with format checks on.
CI has ../shared; locally the tests skip when it is absent.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from resumeconv.validation import schema as ours

from conftest import REPO, SHARED

JSONRESUME = SHARED / "jsonresume"
SCHEMAS = REPO / "schemas"
needs_shared = pytest.mark.skipif(not JSONRESUME.is_dir(), reason="../shared/jsonresume is absent")

TOP_LEVEL = [
    "$schema",
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
]


def _official() -> Draft7Validator:
    schema = json.loads((JSONRESUME / "schema.json").read_text(encoding="utf-8"))
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def _expected_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (JSONRESUME / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        path, pointer, expected, _implied, _against, _spec, test_name = line.split("\t")
        rows.append((path, pointer, expected, test_name))
    return rows


def _document(path: str, pointer: str) -> Any:
    data = json.loads((JSONRESUME / path).read_text(encoding="utf-8"))
    for part in pointer.lstrip("/").split("/"):
        data = data[part.replace("~1", "/").replace("~0", "~")]
    return data


# --------------------------------------------------------------------------- official verdicts


@needs_shared
def test_our_schema_gives_every_official_verdict() -> None:
    """Every tested fixture document gets the official verdict, with format checks on."""
    check = ours.validator(ours.schema_file("1.2.1"))
    # dates.json holds bare strings that the official suite checks against the date
    # pattern alone (a mock schema in dates.spec.js), so we do the same with ours.
    iso8601 = ours.load_schema(ours.schema_file("1.2.1"))["definitions"]["iso8601"]
    date_check = jsonschema_rs.Draft7Validator(iso8601, validate_formats=True)
    tested = agreed = 0
    disagreements = []
    for path, pointer, expected, test_name in _expected_rows():
        if expected == "untested":
            continue
        doc = _document(path, pointer)
        valid = (date_check if path.endswith("/dates.json") else check).is_valid(doc)
        tested += 1
        if valid == (expected == "valid"):
            agreed += 1
        else:
            disagreements.append(f"{path}{pointer} ({test_name}): expected {expected}")
    print(f"\nofficial fixtures: {agreed}/{tested} verdicts agree")
    assert tested == 208
    assert disagreements == []


def test_format_checks_are_really_on() -> None:
    """Formats are assertions in our engine, not annotations that accept anything."""
    check = ours.validator(ours.schema_file("1.2.1"))
    assert not check.is_valid({"basics": {"url": "example"}})
    assert not check.is_valid({"basics": {"email": "example"}})
    assert check.is_valid({"basics": {"url": "https://example.org", "email": "a@b.org"}})


@needs_shared
@pytest.mark.parametrize("version", ["1.2.1", "1.0.0"])
def test_official_sample_is_valid(version: str) -> None:
    sample = json.loads((JSONRESUME / "sample.resume.json").read_text(encoding="utf-8"))
    assert _official().is_valid(sample)
    assert ours.validator(ours.schema_file(version)).is_valid(sample)


# --------------------------------------------------------------------------- our own files


def test_schemas_are_draft7_and_ours() -> None:
    for name in [*ours.SCHEMA_FILES.values(), ours.EXTENSION_FILE]:
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert schema["$id"].startswith("urn:resumeconv:schema:")


def test_shipped_copy_is_the_repository_file() -> None:
    """resumeconv/schemas is a link to schemas/, so the package cannot drift from it."""
    for name in [*ours.SCHEMA_FILES.values(), ours.EXTENSION_FILE]:
        shipped = ours.load_schema(name)
        assert shipped == json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def test_1_0_0_has_the_same_fields_and_a_closed_top_level() -> None:
    new = ours.load_schema(ours.schema_file("1.2.1"))
    old = ours.load_schema(ours.schema_file("1.0.0"))
    assert list(old["properties"]) == TOP_LEVEL == list(new["properties"])
    assert old["properties"] == new["properties"]
    assert old["additionalProperties"] is False
    assert new["additionalProperties"] is True
    check_old = ours.validator(ours.schema_file("1.0.0"))
    assert not check_old.is_valid({"talks": []})
    assert check_old.is_valid({"meta": {"talks": [], "x-resumeconv": {"version": "1"}}})


@needs_shared
def test_same_fields_as_the_official_schema() -> None:
    official = json.loads((JSONRESUME / "schema.json").read_text(encoding="utf-8"))
    mine = ours.load_schema(ours.schema_file("1.2.1"))

    def shape(node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        out = {k: shape(v) for k, v in node.items() if k not in ("description", "additionalItems")}
        return {k: v for k, v in out.items() if k not in ("$schema", "$id", "title")}

    assert shape(mine["properties"]) == shape(official["properties"])
    assert (
        mine["definitions"]["iso8601"]["pattern"] == official["definitions"]["iso8601"]["pattern"]
    )


# --------------------------------------------------------------------------- generated documents

_DATES = ["2021", "2021-03", "2021-03-05", "2021-13", "1999-1", "March 2021", "3000", "2021-3-5"]
_URLS = ["https://example.org/a", "example", "mailto:a@b.org", "http://", "//x.org", "a b"]
_EMAILS = ["a@b.org", "ab.org", "a@", "@"]

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.text(max_size=6),
    st.sampled_from(_DATES + _URLS + _EMAILS),
)
_values = st.one_of(
    _scalars,
    st.lists(st.one_of(st.text(max_size=4), _scalars), max_size=3),
    st.dictionaries(st.text(max_size=3), _scalars, max_size=2),
)


def _objects(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Objects with the keys the *official* schema names at this place (plus a stranger),
    each holding a value that is sometimes right and often wrong."""
    props = node.get("properties", {})
    fields = {key: _value_for(sub) for key, sub in props.items()}
    fields["x-extra"] = _values
    return st.fixed_dictionaries({}, optional=fields)


def _value_for(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    if node.get("type") == "object":
        return st.one_of(_objects(node), _scalars)
    if node.get("type") == "array":
        items = node.get("items", {})
        inner = _objects(items) if items.get("type") == "object" else _values
        return st.one_of(st.lists(inner, max_size=3), _scalars)
    if node.get("$ref", "").endswith("/iso8601"):
        return st.one_of(st.sampled_from(_DATES), _scalars)
    if node.get("format") == "uri":
        return st.one_of(st.sampled_from(_URLS), _scalars)
    if node.get("format") == "email":
        return st.one_of(st.sampled_from(_EMAILS), _scalars)
    return st.one_of(st.text(max_size=6), _values)


def _documents() -> st.SearchStrategy[Any]:
    if not JSONRESUME.is_dir():
        return st.just({})
    official = json.loads((JSONRESUME / "schema.json").read_text(encoding="utf-8"))
    return _objects(official)


def _official_errors(check: Draft7Validator, doc: Any) -> set[tuple[tuple[Any, ...], str]]:
    return {(tuple(e.absolute_path), str(e.validator)) for e in check.iter_errors(doc)}


def _our_errors(filename: str, doc: Any) -> set[tuple[tuple[Any, ...], str]]:
    schema = ours.load_schema(filename)
    found = [ours.SchemaError.of(e, schema) for e in ours.validator(filename).iter_errors(doc)]
    return {(e.path, e.keyword) for e in found}


@needs_shared
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_agrees_with_the_official_schema_on_generated_documents(doc: dict[str, Any]) -> None:
    """Our schema in our engine (jsonschema-rs) fails in the same places (path, keyword) as
    the official schema in the reference engine (jsonschema)."""
    official = _OFFICIAL.get("v") or _OFFICIAL.setdefault("v", _official())
    assert _our_errors(ours.schema_file("1.2.1"), doc) == _official_errors(official, doc)


_OFFICIAL: dict[str, Draft7Validator] = {}
