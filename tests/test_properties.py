"""Properties that must hold for every input, checked with Hypothesis.

- Readers raise nothing but ``ResumeconvError`` on any text: random Unicode, and pages built
  from CV fragments (headings, bullets, dates, Liquid, HTML, tables, YAML and JSON bits).
- JSON → model → JSON is the identity on every document valid against our JSON Resume
  1.2.1 schema (documents are generated *from* the schema, with extension layouts from
  ``resumeconv-extension.schema.json``), and so is our JSON output read back.
- Every writer accepts every valid model and returns bytes.

In CI (``CI`` set) the examples are derandomized so that a run is repeatable; the fuzz
script (``fuzz/run.py``) is where new inputs are explored.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import importlib.util
import json
import os
import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import resumeconv
from resumeconv.errors import NotAResumeError, ResumeconvError
from resumeconv.importers.migrate import KNOWN_TOP_LEVEL
from resumeconv.model import SCHEMA_URL, Resume

from conftest import REPO

ROOT = REPO
SCHEMA = json.loads((ROOT / "schemas" / "jsonresume-1.2.1.schema.json").read_text())
EXTENSION = json.loads((ROOT / "schemas" / "resumeconv-extension.schema.json").read_text())

COMMON = {
    "deadline": None,
    "derandomize": bool(os.environ.get("CI")),
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


def _fuzz_inputs() -> Any:
    """The fuzz script's CV fragments (fuzz/inputs.py), loaded without touching sys.path."""
    spec = importlib.util.spec_from_file_location("_fuzz_inputs", ROOT / "fuzz" / "inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


FRAGMENTS = _fuzz_inputs().ALL_FRAGMENTS

# --------------------------------------------------------------------------- text strategies

fragment = st.sampled_from([f for group in FRAGMENTS for f in group])
line = st.one_of(
    fragment,
    st.tuples(fragment, st.text(max_size=20), fragment).map("".join),
    st.text(max_size=40),
)
cv_text = st.lists(line, max_size=25).map("\n".join)
any_text = st.one_of(cv_text, st.text(max_size=400))
FRONT = "---\nlayout: archive\ntitle: CV\npermalink: /cv/\n---\n"


def _read(data: bytes, fmt: str) -> None:
    with contextlib.suppress(ResumeconvError):  # anything else fails the test
        resumeconv.load(data, format=fmt)


@settings(max_examples=100, **COMMON)
@given(text=any_text, front=st.booleans())
def test_markdown_reader_raises_only_our_errors(text: str, front: bool) -> None:
    _read(((FRONT if front else "") + text).encode("utf-8", "surrogatepass"), "markdown")


@settings(max_examples=100, **COMMON)
@given(text=any_text)
def test_json_reader_raises_only_our_errors(text: str) -> None:
    _read(text.encode("utf-8", "surrogatepass"), "json")


@settings(max_examples=100, **COMMON)
@given(text=any_text)
def test_yaml_reader_raises_only_our_errors(text: str) -> None:
    _read(text.encode("utf-8", "surrogatepass"), "yaml")


@settings(max_examples=100, **COMMON)
@given(data=st.binary(max_size=300), fmt=st.sampled_from(["markdown", "json", "yaml", "rendercv"]))
def test_readers_raise_only_our_errors_on_bytes(data: bytes, fmt: str) -> None:
    _read(data, fmt)


# --------------------------------------------------------------------------- schema strategies

#: Keys JSON Resume once had and the readers migrate (docs/migration.md): a generated extra
#: key must not be one of them, or reading it back renames it — by design, not a bug.
OLD_NAMES = {"bio", "hobbies", "picture", "website", "state", "company", "gpa", "awardDate"}
OLD_NAMES |= {"name", "level", "url"}  # languages[] and meta renames

SECTION_NAMES = [
    "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
    "languages", "interests", "references", "projects", "custom", "basics.summary",
]  # fmt: skip

json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
uris = st.one_of(
    st.sampled_from(["https://example.org", "http://x.y/a?b=c#d", "mailto:a@b.c", "urn:isbn:1"]),
    st.from_regex(r"\Ahttps://[a-z]{1,10}\.(org|com|cn)(/[a-z0-9_~-]{0,10}){0,3}\Z"),
)
emails = st.from_regex(r"\A[a-z0-9._+-]{1,12}@[a-z0-9-]{1,10}\.(org|com|edu)\Z")


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        path = node["$ref"].removeprefix("#/").split("/")
        node = functools.reduce(lambda d, k: d[k], path, root)
    return node


def _merged(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """``$ref`` followed and ``allOf`` folded into one object schema."""
    node = dict(_resolve(node, root))
    for part in node.pop("allOf", []):
        part = _merged(part, root)
        props = {**node.get("properties", {}), **part.get("properties", {})}
        node = {**part, **node, "properties": props}
    return node


def from_schema(node: dict[str, Any], root: dict[str, Any], name: str = "") -> Any:
    """A Hypothesis strategy for the JSON values a (draft-07 subset) schema accepts."""
    node = _merged(node, root)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**node, "type": k}, root, name) for k in kind])
    if kind == "object" or "properties" in node:
        return _object(node, root, name)
    if kind == "array":
        return st.lists(from_schema(node.get("items", {}), root, name), max_size=3)
    if kind == "string":
        return _string(node, name)
    if kind == "integer":
        return st.integers(min_value=node.get("minimum", -5), max_value=6)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    return json_value


def _string(node: dict[str, Any], name: str) -> Any:
    if "pattern" in node:  # the ISO date pattern: real dates, and odd ones it allows
        real = st.dates(datetime.date(1000, 1, 1), datetime.date(2999, 12, 31)).map(
            datetime.date.isoformat
        )
        shapes = st.sampled_from([slice(0, 10), slice(0, 7), slice(0, 4)])
        return st.one_of(
            st.tuples(real, shapes).map(lambda t: t[0][t[1]]), st.from_regex(node["pattern"])
        )
    if node.get("format") == "uri":
        return uris
    if node.get("format") == "email":
        return emails
    if name == "section":
        return st.one_of(st.sampled_from(SECTION_NAMES), st.text(min_size=1, max_size=10))
    return st.text(min_size=node.get("minLength", 0), max_size=40)


@st.composite
def _with_extras(draw: Any, base: Any, known: set[str], allow: bool) -> dict[str, Any]:
    value = draw(base)
    if allow and draw(st.integers(0, 3)) == 0:
        keys = st.text(max_size=10).filter(lambda k: k not in known and k not in OLD_NAMES)
        value.update(draw(st.dictionaries(keys, json_value, max_size=2)))
    return value


def _object(node: dict[str, Any], root: dict[str, Any], name: str) -> Any:
    props = dict(node.get("properties", {}))
    if name in SECTION_NAMES[:11]:  # entries of standard sections may carry our x- keys
        props.update(_resolve({"$ref": "#/definitions/entryKeys"}, EXTENSION)["properties"])
    if name == "meta":
        props["x-resumeconv"] = {"$ref": "#/definitions/extension", "$root": "extension"}
    required = set(node.get("required", []))
    fields = {}
    for key, sub in props.items():
        sub_root = EXTENSION if sub.get("$root") == "extension" or root is EXTENSION else root
        sub = {k: v for k, v in sub.items() if k != "$root"}
        if key.startswith("x-") and "$ref" not in sub:
            sub_root = EXTENSION
        child = key if sub.get("type") == "array" else name
        fields[key] = from_schema(sub, sub_root, child if key in SECTION_NAMES else key)
    mandatory = {k: v for k, v in fields.items() if k in required}
    optional = {k: v for k, v in fields.items() if k not in required}
    base = st.fixed_dictionaries(mandatory, optional=optional)
    return _with_extras(base, set(props), node.get("additionalProperties", True) is not False)


@st.composite
def _with_layout(draw: Any) -> dict[str, Any]:
    """A document whose ``meta["x-resumeconv"]`` has sections (rare in plain generation)."""
    document = draw(from_schema(SCHEMA, SCHEMA))
    extension = draw(from_schema({"$ref": "#/definitions/extension"}, EXTENSION))
    section = from_schema({"$ref": "#/definitions/section"}, EXTENSION)
    extension["sections"] = draw(st.lists(section, min_size=1, max_size=4))
    meta = document.get("meta")
    document["meta"] = {**(meta if isinstance(meta, dict) else {}), "x-resumeconv": extension}
    return document


documents = st.one_of(from_schema(SCHEMA, SCHEMA), _with_layout())


@functools.cache
def _validators() -> tuple[Any, Any]:
    from jsonschema import Draft7Validator

    checker = Draft7Validator.FORMAT_CHECKER
    return Draft7Validator(SCHEMA, format_checker=checker), Draft7Validator(EXTENSION)


def assert_valid(document: dict[str, Any]) -> None:
    for validator in _validators():
        errors = [e.message for e in validator.iter_errors(document)]
        assert not errors, errors


def _dates(value: Any) -> list[str]:
    """Every string under a key that names a date, anywhere in a document."""
    if isinstance(value, list):
        return [d for item in value for d in _dates(item)]
    if not isinstance(value, dict):
        return []
    found = [v for k, v in value.items() if k.lower().endswith("date") and isinstance(v, str)]
    return found + [d for v in value.values() for d in _dates(v)]


def test_the_generator_makes_valid_documents_with_every_part() -> None:
    """The strategy itself: valid, and it reaches sections, extension layouts and extras."""
    seen: set[str] = set()

    @settings(max_examples=60, **COMMON)
    @given(documents)
    def check(document: dict[str, Any]) -> None:
        assert_valid(document)
        seen.update(document)
        ext = (document.get("meta") or {}).get("x-resumeconv")
        if isinstance(ext, dict) and ext.get("sections"):
            seen.add("layout")
        if any(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in _dates(document)):
            seen.add("full date")

    check()
    assert {"basics", "work", "education", "meta", "layout", "full date"} <= seen, seen


@settings(max_examples=100, **COMMON)
@given(documents)
def test_model_round_trip_is_the_identity(document: dict[str, Any]) -> None:
    assert Resume.from_dict(document).to_dict() == document


@settings(max_examples=100, **COMMON)
@given(documents)
def test_json_output_reads_back_to_the_same_document(document: dict[str, Any]) -> None:
    data = resumeconv.render(Resume.from_dict(document), "json")
    if "$schema" not in document:  # the writer names the official schema first
        document = {"$schema": SCHEMA_URL, **document}
    assert json.loads(data) == document
    if not _has_resume_content(document):  # {}: written, but read back it is not a resume
        with pytest.raises(NotAResumeError):
            resumeconv.load(data, format="json")
        return
    again = resumeconv.load(data, format="json")
    assert again.to_dict() == document


def _has_resume_content(document: dict[str, Any]) -> bool:
    """What the readers accept: at least one JSON Resume field besides ``$schema``."""
    return any(key != "$schema" and key in KNOWN_TOP_LEVEL for key in document)


@settings(max_examples=50, **COMMON)
@given(documents)
@example({"basics": {"name": "a\x85b", "summary": "line\u2028sep\r"}, "\x85": None})
def test_yaml_output_reads_back_to_the_same_document(document: dict[str, Any]) -> None:
    data = resumeconv.render(Resume.from_dict(document), "yaml")
    if not _has_resume_content(document):
        with pytest.raises(NotAResumeError):
            resumeconv.load(data, format="yaml")
        return
    assert resumeconv.load(data, format="yaml").to_dict() == document


# --------------------------------------------------------------------------- writers


@pytest.mark.parametrize(
    ("fmt", "examples"),
    [
        *(("json", 60), ("yaml", 50), ("rendercv", 50), ("html", 60), ("markdown", 30)),
        *(("pdf", 10), ("docx", 5)),
    ],
)
def test_every_writer_accepts_every_valid_model(fmt: str, examples: int) -> None:
    @settings(max_examples=examples, **COMMON)
    @given(
        documents,
        st.sampled_from(["en", "zh", "de", "fr", "es"]),
        st.sampled_from(["a4", "letter"]),
    )
    @example({"meta": {"x-resumeconv": []}}, "en", "a4")  # not an object: was a crash
    @example(
        {"meta": {"x-resumeconv": {"sections": [{"section": "work", "items": [9]}]}}}, "zh", "a4"
    )
    def check(document: dict[str, Any], locale: str, paper: str) -> None:
        data = resumeconv.render(Resume.from_dict(document), fmt, locale=locale, paper=paper)
        assert isinstance(data, bytes) and data

    check()


# --------------------------------------------------------------------------- RenderCV

_RCV_KEYS = sorted(
    {"x-a", "x-url", "note", "url", "date", "start_date", "end_date", "summary", "highlights"}
    | {k for keys in __import__("resumeconv.rendercv").rendercv.ENTRY_TYPES.values() for k in keys}
)
_rcv_value = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["2020", "2020-09", "present", "Fall 2021", "2019 – 2021", ""]),
    st.sampled_from(["[Acme](https://acme.example)", "[](x)", "[a](b) c", "[x]( y)"]),
    st.integers(min_value=1990, max_value=2030),
    st.lists(st.text(max_size=8), max_size=3),
    json_value,
)
_rcv_entry = st.one_of(
    st.text(max_size=20), st.dictionaries(st.sampled_from(_RCV_KEYS), _rcv_value, max_size=5)
)
rendercv_documents = st.fixed_dictionaries(
    {
        "cv": st.fixed_dictionaries(
            {
                "sections": st.dictionaries(
                    st.sampled_from(["education", "experience", "skills", "talks", "summary"])
                    | st.text(min_size=1, max_size=10),
                    st.lists(_rcv_entry, min_size=1, max_size=3),
                    max_size=4,
                )
            },
            optional={
                "name": st.text(max_size=10),
                "phone": st.sampled_from(["+1 609 999 9995", "555-1234"]),
                "social_networks": st.lists(
                    st.fixed_dictionaries(
                        {
                            "network": st.sampled_from(["GitHub", "ORCID", "Foo"]),
                            "username": st.text(max_size=8),
                        }
                    ),
                    max_size=2,
                ),
                "extra_key": json_value,
            },
        )
    },
    optional={"design": json_value, "locale": json_value},
)


@settings(max_examples=150, **COMMON)
@given(rendercv_documents)
def test_rendercv_model_round_trip_is_a_fixpoint(document: dict[str, Any]) -> None:
    """Any RenderCV-shaped file: read, write, read again gives the same model (authors
    given as one string, details as a list are written as RenderCV needs them: not a
    fixpoint)."""
    import yaml

    from resumeconv.rendercv import section_type

    for entries in document["cv"]["sections"].values():
        assume(section_type(entries) is not None)  # RenderCV refuses a section of no type
        for e in entries:
            if isinstance(e, dict):
                assume(not isinstance(e.get("authors"), str))
                assume(not isinstance(e.get("details"), list))  # RenderCV's details is text
                assume(not any("x-" + k in e for k in e))  # url and x-url: one model key

    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    try:
        first = resumeconv.load(text.encode(), format="rendercv")
    except ResumeconvError:
        return
    written = resumeconv.render(first, "rendercv")
    again = resumeconv.load(written, format="rendercv")
    assert _profiles_sorted(again.to_dict()) == _profiles_sorted(first.to_dict())


def _profiles_sorted(data: dict[str, Any]) -> dict[str, Any]:
    """Profiles RenderCV cannot show (x-profiles) are read back after those it shows."""
    profiles = data.get("basics", {}).get("profiles")
    if isinstance(profiles, list):
        data["basics"]["profiles"] = sorted(profiles, key=lambda p: json.dumps(p, sort_keys=True))
    return data
