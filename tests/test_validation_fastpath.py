"""The fast "certainly valid" path never vouches for a document jsonschema rejects."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resumeconv
from resumeconv.validation.fastpath import compile_schema
from resumeconv.validation.schema import EXTENSION_FILE, SCHEMA_FILES, load_schema, validator

from conftest import FIXTURES, SHARED, corpus_pages

FILES = [*SCHEMA_FILES.values(), EXTENSION_FILE]


def documents() -> list[dict]:
    docs = []
    expected = SHARED / "jsonresume" / "EXPECTED.tsv"
    if expected.exists():
        for row in expected.read_text(encoding="utf-8").splitlines():
            if row.startswith("#"):
                continue
            path, ptr, verdict, *_ = row.split("\t")
            if verdict == "untested" or "dates.json" in path:
                continue
            doc = json.loads((SHARED / "jsonresume" / path).read_text(encoding="utf-8"))
            docs.append(doc[ptr.lstrip("/")])
    pages = [
        *corpus_pages(),
        *sorted((FIXTURES / "cvpage").glob("*.md")),
        FIXTURES / "seed" / "cv.md",
    ]
    docs += [resumeconv.load(p).to_dict() for p in pages]
    for path in sorted(FIXTURES.glob("*/*.json")):
        try:  # some fixtures are broken on purpose
            doc = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(doc, dict):
            docs.append(doc)
    return docs


@pytest.mark.parametrize("filename", FILES)
def test_fast_path_agrees_with_jsonschema(filename) -> None:
    quick, slow = compile_schema(load_schema(filename)), validator(filename)
    vouched = 0
    for doc in documents():
        if quick(doc):
            vouched += 1
            assert slow.is_valid(doc), json.dumps(doc)[:300]
    assert vouched > 0  # the fast path is used, not always skipped


def test_fast_path_answers_false_for_invalid_seed_edits() -> None:
    quick = compile_schema(load_schema(SCHEMA_FILES["1.2.1"]))
    doc = resumeconv.load(FIXTURES / "seed" / "cv.md").to_dict()
    assert quick(doc)
    for bad in ("2021-1", "March 2021", 2021):
        doc["education"][0]["startDate"] = bad
        assert not quick(doc)
    doc["education"][0]["startDate"] = "2021"
    doc["basics"] = {"url": "not a url", "email": "x@y"}
    assert not quick(doc)


URL_CHARS = st.sampled_from(list("abcXYZ019:/?#[]@!$&'()*+,;=%-._~ \"<>\\^`{|}é"))


@settings(max_examples=400, deadline=None)
@given(
    st.text(URL_CHARS, max_size=30), st.sampled_from(["", "http://", "https://x.org/", "mailto:"])
)
def test_fast_uri_check_is_a_subset_of_rfc3987(tail: str, head: str) -> None:
    schema = {"type": "string", "format": "uri"}
    quick = compile_schema(schema)
    from jsonschema import Draft7Validator

    slow = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    value = head + tail
    if quick(value):
        assert slow.is_valid(value), value
