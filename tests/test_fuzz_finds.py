"""Crashes found by fuzzing (issue 14), each kept in ``fuzz/corpus/`` so that every fuzz run
starts from it, and checked here: every reader and writer gives output or one
``ResumeconvError``, and each fix does what it says."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

import resumeconv
from resumeconv.errors import ExportError, InputError

from conftest import REPO

CORPUS = sorted((REPO / "fuzz" / "corpus").iterdir())
WRITERS = ("json", "yaml", "markdown", "html", "docx", "pdf")


def test_the_corpus_is_there() -> None:
    names = {p.name for p in CORPUS}
    assert {"lone-surrogate.json", "profiles-label.md", "empty-href.md"} <= names
    assert {"wrong-types.json", "location-label.md"} <= names


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_reader_and_writer_raises_only_our_errors(path: Path) -> None:
    data = path.read_bytes()
    for fmt in ("markdown", "json", "yaml"):
        try:
            resume = resumeconv.load(data, format=fmt)
        except resumeconv.ResumeconvError:
            continue
        for writer in WRITERS:
            with contextlib.suppress(resumeconv.ResumeconvError):
                assert resumeconv.render(resume, writer)


def test_lone_surrogate_is_refused_where_it_is() -> None:
    path = REPO / "fuzz" / "corpus" / "lone-surrogate.json"
    with pytest.raises(InputError) as info:
        resumeconv.load(path)
    err = info.value
    assert (err.line, err.column) == (3, 19)
    assert "\\ud800 is half of a UTF-16 surrogate pair" in err.message


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (b'{"name": "\\ud83d\\ude00"}', "\U0001f600"),  # a pair is one character
        (b'{"name": "\\\\ud800"}', "\\ud800"),  # an escaped backslash, then text
        (b'{"name": "\\u00e9\\\\\\\\"}', "\u00e9\\\\"),
    ],
)
def test_surrogate_pairs_and_escaped_backslashes_still_read(text: bytes, value: str) -> None:
    from resumeconv.importers.json import parse

    assert parse(text.decode())[0] == {"name": value}


@pytest.mark.parametrize(
    "text", [b'["\\udc00"]', b'{"\\ud800": 1}', b'{"a": "\\uD83D x"}', b'{"a": "\\\\\\ud800"}']
)
def test_every_lone_half_is_refused(text: bytes) -> None:
    from resumeconv.importers.json import parse

    with pytest.raises(InputError, match="surrogate pair"):
        parse(text.decode())


@pytest.mark.parametrize("writer", WRITERS)
def test_a_model_built_with_a_lone_surrogate_is_an_export_error(writer: str) -> None:
    resume = resumeconv.load({"basics": {"name": "Jane \ud800 Doe"}})
    try:
        data = resumeconv.render(resume, writer)
    except ExportError as exc:
        assert "U+D800" in exc.message
    else:  # YAML writes it as an escape, \ud800
        assert writer == "yaml"
        assert b"\\uD800" in data


def test_profiles_label_makes_profiles() -> None:
    """``*Profiles:* x`` set basics.profiles to a string; the next label appended to it
    (AttributeError from the library)."""
    resume = resumeconv.load(REPO / "fuzz" / "corpus" / "profiles-label.md")
    assert resume.to_dict()["basics"]["profiles"] == [
        {"username": "x"},
        {"network": "GitHub", "username": "jane"},
    ]
    page = b"*Profiles:* [GitHub](https://github.com/j), [ORCID](https://orcid.org/1)\n\n## Work\n"
    profiles = resumeconv.load(page, format="markdown").to_dict()["basics"]["profiles"]
    assert profiles == [
        {"network": "GitHub", "url": "https://github.com/j"},
        {"network": "ORCID", "url": "https://orcid.org/1"},
    ]


def test_an_empty_href_is_no_link() -> None:
    """``<a href="">`` raised StopIteration in the inline HTML reader."""
    resume = resumeconv.load(REPO / "fuzz" / "corpus" / "empty-href.md")
    assert "href" not in str(resume.to_dict())
    assert "course" in str(resume.to_dict())


def test_wrong_typed_fields_render_in_markdown() -> None:
    """A layout section named by a list or an object was an unhashable TypeError."""
    resume = resumeconv.load(REPO / "fuzz" / "corpus" / "wrong-types.json")
    text = resumeconv.render(resume, "markdown").decode()
    assert "Python" in text
    assert any(i.is_error for i in resumeconv.validate(resume))  # reported, not written over


def test_a_header_line_after_a_location_label_joins_it() -> None:
    """``*Location:* Zurich`` made basics.location text; a later plain header line indexed
    it as an object (TypeError, found by the 100,000-input run of issue 14)."""
    resume = resumeconv.load(REPO / "fuzz" / "corpus" / "location-label.md")
    basics = resume.to_dict()["basics"]
    assert basics["location"] == "Zurich\nInstitute for Advanced Study, Einstein Drive 1"
    assert any(i.pointer == "/basics/location" for i in resumeconv.validate(resume))
    page = (
        b"Jane Doe\n*Location:* `[1]`\nInstitute for Advanced Study, Einstein Drive 1\n\n## Work\n"
    )
    resume = resumeconv.load(page, format="markdown")
    assert resume.to_dict()["basics"]["location"] == [1]
    assert any(b.status == "unmapped" for b in resume.import_report.blocks)
