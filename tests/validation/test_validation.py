"""resumeconv.validation.check: schema errors in plain words, lint rules, source positions."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resumeconv
from resumeconv.model import Resume
from resumeconv.report import SourceMap
from resumeconv.validation import check
from resumeconv.validation.issues import Issue
from resumeconv.validation.lint import RULE_NAMES

from conftest import REPO, SHARED

ROOT = REPO
FIXTURES = ROOT / "fixtures" / "validation"
EXAMPLE = ROOT / "fixtures" / "example" / "cv.md"


def _check(doc: dict[str, Any], version: str = "1.2.1", lint: bool = True) -> list[Issue]:
    return check(Resume.from_dict(doc), schema_version=version, lint=lint)


def _found(doc: dict[str, Any], **kwargs: Any) -> set[tuple[str, str]]:
    return {(i.pointer, i.rule) for i in _check(doc, **kwargs)}


def _messages(doc: dict[str, Any], **kwargs: Any) -> dict[str, str]:
    return {i.pointer: i.message for i in _check(doc, **kwargs)}


def _fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- schema errors


def test_a_clean_resume_has_no_issues() -> None:
    assert _check(_fixture("valid.json")) == []
    assert resumeconv.validate(Resume.from_dict(_fixture("valid.json"))) == []


def test_reports_every_schema_error_not_just_the_first() -> None:
    doc = {
        "basics": {"email": "foo", "url": "example"},
        "work": [{"highlights": "one", "startDate": "March 2021"}],
        "skills": [{"keywords": ["a", 3]}],
    }
    assert _found(doc, lint=False) == {
        ("/basics/email", "schema"),
        ("/basics/url", "schema"),
        ("/work/0/highlights", "schema"),
        ("/work/0/startDate", "schema"),
        ("/skills/0/keywords/1", "schema"),
    }


def test_schema_messages_are_written_for_people() -> None:
    messages = _messages(
        {
            "basics": {"email": "foo", "url": "example", "name": None},
            "work": [{"highlights": "one", "startDate": "March 2021", "endDate": 2020}],
            "skills": [{"keywords": ["a", 3]}],
            "education": "MIT",
        },
        lint=False,
    )
    assert messages["/basics/email"] == "email 'foo' is not an e-mail address"
    assert messages["/basics/url"] == (
        "url 'example' is not a URL: include the scheme, e.g. https://…"
    )
    assert messages["/basics/name"] == "name must be a string, not null"
    assert messages["/work/0/highlights"].startswith(
        "highlights must be a list of strings, not a string"
    )
    assert messages["/work/0/startDate"] == (
        "startDate is 'March 2021': write dates as YYYY, YYYY-MM or YYYY-MM-DD"
    )
    assert messages["/work/0/endDate"] == (
        "endDate must be a date string (YYYY, YYYY-MM or YYYY-MM-DD), not a number (2020)"
    )
    assert messages["/skills/0/keywords/1"] == "keywords[1] must be a string, not a number (3)"
    assert messages["/education"].startswith("education must be a list of entries")
    for message in messages.values():
        assert "is not of type" not in message and "does not match" not in message


def test_1_0_0_rejects_unknown_top_level_keys_one_finding_each() -> None:
    doc = {"basics": {"name": "A"}, "talks": [], "hobbies": "chess"}
    assert _check(doc) == []
    issues = _check(doc, version="1.0.0")
    assert [(i.pointer, i.rule, i.severity) for i in issues] == [
        ("/hobbies", "schema", "error"),
        ("/talks", "schema", "error"),
    ]
    assert issues[1].message.startswith(
        "unknown top-level key 'talks' (JSON Resume 1.0.0 allows only $schema, basics, work,"
    )
    assert "keep your own data under meta" in issues[1].message


def test_unknown_schema_version_is_a_usage_error() -> None:
    with pytest.raises(resumeconv.ResumeconvError) as info:
        _check({}, version="2.0.0")
    assert info.value.exit_code == 2
    assert "1.2.1" in (info.value.hint or "")


# --------------------------------------------------------------------------- the extension


def test_an_imported_cv_with_the_extension_validates_under_both_versions() -> None:
    doc = _fixture("valid.json")
    assert "x-resumeconv" in doc["meta"]
    for version in ("1.2.1", "1.0.0"):
        assert _check(doc, version=version) == []


def test_the_seed_cv_page_validates_under_both_versions() -> None:
    """The product's own example, imported by the CV-page reader (needs that importer)."""
    resume = resumeconv.load(EXAMPLE)
    assert resume.extension is not None
    for version in ("1.2.1", "1.0.0"):
        errors = [i for i in resumeconv.validate(resume, version) if i.is_error]
        assert errors == [], [i.format_text() for i in errors]


def test_extension_types_are_checked_and_unknown_layout_keys_allowed() -> None:
    good = {
        "meta": {
            "x-resumeconv": {
                "version": "1",
                "future-key": {"anything": True},
                "sections": [
                    {"section": "custom", "title": "Talks", "collection": "talks", "entries": []},
                    {"section": "basics.summary", "title": "Personal Profile"},
                ],
            }
        }
    }
    assert _check(good) == []
    bad = {
        "work": [{"name": "X", "x-expected": "yes", "x-note": 3, "x-highlights": "one"}],
        "education": [{"x-highlights": ["ok", 2]}],
        "meta": {
            "x-resumeconv": {
                "version": 1,
                "sections": [
                    {"section": "", "title": 5, "items": [0, -1, "2"]},
                    {"section": "custom", "entries": [{"name": 1, "date": "May 2020"}, "talk"]},
                    "work",
                ],
            }
        },
    }
    found = _found(bad, lint=False)
    assert all(rule == "extension" for _, rule in found)
    assert {p for p, _ in found} == {
        "/work/0/x-expected",
        "/work/0/x-note",
        "/work/0/x-highlights",
        "/education/0/x-highlights/1",
        "/meta/x-resumeconv/version",
        "/meta/x-resumeconv/sections/0/section",
        "/meta/x-resumeconv/sections/0/title",
        "/meta/x-resumeconv/sections/0/items/1",
        "/meta/x-resumeconv/sections/0/items/2",
        "/meta/x-resumeconv/sections/1/entries/0/name",
        "/meta/x-resumeconv/sections/1/entries/0/date",
        "/meta/x-resumeconv/sections/1/entries/1",
        "/meta/x-resumeconv/sections/2",
    }
    messages = _messages(bad, lint=False)
    assert messages["/work/0/x-expected"] == (
        "x-expected must be true or be left out, not a string ('yes')"
    )


# --------------------------------------------------------------------------- lint rules


def test_rule_names_are_the_documented_ones() -> None:
    assert set(RULE_NAMES) == {
        "schema",
        "extension",
        "invalid-date",
        "date-order",
        "url",
        "email",
        "empty",
        "future-date",
        "duplicate-entry",
    }
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for rule in RULE_NAMES:
        assert f"`{rule}`" in docs


def test_date_order() -> None:
    doc = {
        "work": [
            {"startDate": "2020-05", "endDate": "2019"},
            {"startDate": "2020-05", "endDate": "2020"},  # same year: not before
            {"startDate": "2020-05-10", "endDate": "2020-05-01"},
        ],
        "volunteer": [{"startDate": "2020", "endDate": "2020-01"}],
    }
    issues = _check(doc)
    assert [(i.pointer, i.rule, i.severity) for i in issues] == [
        ("/work/0/endDate", "date-order", "error"),
        ("/work/2/endDate", "date-order", "error"),
    ]
    assert issues[0].message == "endDate 2019 is before startDate 2020-05"


def test_invalid_calendar_dates() -> None:
    messages = _messages({"work": [{"startDate": "2021-13"}], "awards": [{"date": "2023-02-29"}]})
    assert messages["/work/0/startDate"].startswith("startDate is '2021-13': there is no month 13")
    assert "2023-02 has no day 29" in messages["/awards/0/date"]
    assert _check({"awards": [{"date": "2024-02-29"}]}) == []


def test_year_zero_is_an_invalid_date_not_a_crash() -> None:
    """``0000`` passes the schema's pattern but is no date a CV means (it crashed the
    future-date rule: datetime has no year 0)."""
    for value in ("0000", "0000-05", "0000-05-01"):
        issues = _check({"work": [{"name": "X", "startDate": value}]})
        lint = [i for i in issues if i.rule == "invalid-date"]
        assert [i.pointer for i in lint] == ["/work/0/startDate"]
        assert "there is no year 0000" in lint[0].message


def test_empty_strings_and_entries() -> None:
    doc = {
        "basics": {"name": "A", "label": "  ", "summary": ""},
        "work": [{}, {"name": "X", "highlights": ["", "ok"]}],
    }
    issues = _check(doc)
    assert {(i.pointer, i.rule, i.severity) for i in issues} == {
        ("/basics/label", "empty", "warning"),
        ("/basics/summary", "empty", "warning"),
        ("/work/0", "empty", "warning"),
        ("/work/1/highlights/0", "empty", "warning"),
    }


def test_urls() -> None:
    doc = {
        "$schema": "https://example.org/schema.json",
        "basics": {
            "url": "ftp://files.example.org",
            "profiles": [{"url": "https://github.com/a"}, {"url": "https://exa mple.org"}],
        },
        "work": [{"url": "http://intranet"}, {"url": "mailto:a@b.org"}],
        "projects": [{"url": "https:///path"}, {"url": "mailto:nobody"}],
        "meta": {"canonical": "http://localhost:4000/cv.json"},
    }
    found = _found(doc)
    assert found == {
        ("/basics/url", "url"),
        ("/basics/profiles/1/url", "schema"),  # rfc3987 already refuses the space
        ("/work/0/url", "url"),
        ("/projects/0/url", "url"),
        ("/projects/1/url", "url"),
    }
    messages = _messages(doc)
    assert "http://, https:// or mailto:" in messages["/basics/url"]


def test_a_url_the_schema_rejects_is_reported_once() -> None:
    issues = _check({"basics": {"url": "example.org"}})
    assert [(i.pointer, i.rule) for i in issues] == [("/basics/url", "schema")]


@pytest.mark.parametrize(
    ("email", "ok"),
    [
        ("ada@example.org", True),
        ("ada.lovelace+cv@cs.example.ac.uk", True),
        ("李雷@例子.中国", True),
        ("ada@example", False),
        ("ada@@example.org", False),
        ("ada lovelace@example.org", False),
        ("ada@example..org", False),
        (".ada@example.org", False),
        ("ada [at] example.org", None),  # no "@": the schema's own check catches it
    ],
)
def test_email(email: str, ok: bool | None) -> None:
    found = _found({"basics": {"email": email}})
    if ok is None:
        assert found == {("/basics/email", "schema")}
    else:
        assert found == (set() if ok else {("/basics/email", "email")})


def test_future_dates_warn_unless_expected() -> None:
    doc = {
        "education": [
            {"institution": "A", "startDate": "2020", "endDate": "2999"},
            {"institution": "B", "startDate": "2020", "endDate": "2999-06", "x-expected": True},
        ],
        "meta": {
            "x-resumeconv": {
                "sections": [{"section": "custom", "entries": [{"name": "T", "date": "2999"}]}]
            }
        },
    }
    issues = _check(doc)
    assert [(i.pointer, i.rule, i.severity) for i in issues] == [
        ("/education/0/endDate", "future-date", "warning"),
        ("/meta/x-resumeconv/sections/0/entries/0/date", "future-date", "warning"),
    ]
    assert '"x-expected": true' in issues[0].message


def test_duplicate_entries() -> None:
    entry = {"name": "X", "position": "Y"}
    doc = {
        "work": [entry, {"name": "Z"}, dict(entry)],
        "volunteer": [{"organization": "X"}],
        "publications": [{"name": "P"}, {"name": "P", "releaseDate": "2020"}],
    }
    issues = _check(doc)
    assert [(i.pointer, i.rule, i.severity) for i in issues] == [
        ("/work/2", "duplicate-entry", "warning"),
    ]
    assert "/work/0" in issues[0].message


def test_lint_false_runs_the_schema_only() -> None:
    doc = {"basics": {"label": ""}, "work": [{"startDate": "2020", "endDate": "2019"}]}
    assert _check(doc, lint=False) == []
    assert _found(doc) == {("/basics/label", "empty"), ("/work/0/endDate", "date-order")}


# --------------------------------------------------------------------------- positions


def test_positions_come_from_the_source_map_and_order_the_issues() -> None:
    resume = Resume.from_dict(
        {
            "basics": {"email": "foo", "label": ""},
            "work": [{"name": "X", "startDate": "2020", "endDate": "2019"}],
        }
    )
    smap = SourceMap("cv.json")
    smap.add("", 1, 1)
    smap.add("/basics", 2, 3)
    smap.add("/basics/email", 9, 5)
    smap.add("/work/0", 4, 5)
    smap.add("/work/0/endDate", 6, 7)
    resume.source_map = smap
    issues = check(resume)
    assert [(i.pointer, i.file, i.line, i.column) for i in issues] == [
        ("/basics/label", "cv.json", 2, 3),  # nearest mapped ancestor
        ("/work/0/endDate", "cv.json", 6, 7),
        ("/basics/email", "cv.json", 9, 5),
    ]
    assert issues[0].format_text().startswith("cv.json:2:3: warning: /basics/label: ")


def test_dict_built_resumes_have_no_positions() -> None:
    issues = _check({"basics": {"email": "foo"}})
    assert (issues[0].file, issues[0].line, issues[0].column) == (None, None, None)


def test_the_json_importer_locates_each_issue() -> None:
    """Needs the JSON importer (it sets resume.source_map)."""
    resume = resumeconv.load(FIXTURES / "invalid.json")
    lines = {i.pointer: i.line for i in resumeconv.validate(resume)}
    assert lines == {
        "/basics/email": 4,
        "/basics/url": 5,
        "/work/0/startDate": 11,
        "/work/0/highlights": 13,
        "/work/1/endDate": 18,
        "/education/0/endDate": 24,
    }


# --------------------------------------------------------------------------- imports


CORPUS = SHARED / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_real_cv_pages_have_no_errors_under_either_version() -> None:
    """14 real academicpages CVs: imported with the extension, valid in 1.2.1 and 1.0.0."""
    pages = sorted(CORPUS.glob("c*/cv.md")) + sorted(CORPUS.glob("c*/_pages/cv*.md"))
    assert len(pages) >= 14
    for page in pages:
        resume = resumeconv.load(page)
        for version in ("1.2.1", "1.0.0"):
            errors = [i.format_text() for i in resumeconv.validate(resume, version) if i.is_error]
            assert errors == [], (page, version)


# --------------------------------------------------------------------------- robustness

_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.dates(),  # YAML turns 2021-03-05 into a date when an importer lets it through
    st.sampled_from(["2021-13", "2021-02-30", "2999", "", " ", "mailto:", "http://x", "a@b"]),
)
_KEYS = st.one_of(
    st.sampled_from(
        ["name", "url", "email", "startDate", "endDate", "date", "x-expected", "x-note",
         "x-highlights", "section", "sections", "items", "entries", "title", "version"]
    ),
    st.text(max_size=4),
    st.integers(0, 3),
)  # fmt: skip
_ANY = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=12,
)
_SECTIONS = ["basics", "work", "education", "awards", "publications", "projects", "meta"]


@settings(max_examples=100, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            **{name: _ANY for name in _SECTIONS},
            "meta": st.fixed_dictionaries({"x-resumeconv": _ANY}),
            "work": st.lists(st.dictionaries(_KEYS, _ANY, max_size=5), max_size=3),
        },
    )
)
def test_check_never_crashes(doc: dict[str, Any]) -> None:
    for version in ("1.2.1", "1.0.0"):
        for issue in check(doc, schema_version=version):
            assert issue.severity in ("error", "warning")
            assert issue.rule in RULE_NAMES
            assert issue.pointer == "" or issue.pointer.startswith("/")
            assert issue.message
