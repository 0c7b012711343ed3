"""The exporters' shared outline: order, titles, dates, safe links, nothing visible lost."""

from __future__ import annotations

import copy
import json
from dataclasses import fields

import pytest

from resumeconv import locales
from resumeconv.errors import UsageError
from resumeconv.exporters import outline
from resumeconv.model import Resume

from conftest import REPO

FIXTURES = REPO / "fixtures" / "export"
DATE_KEYS = {"startDate", "endDate", "date", "releaseDate"}


def load(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rich() -> outline.Outline:
    return outline.build(Resume.from_dict(load("rich")))


def _sources(value) -> list[str]:
    """A field as written (a Rich field's Markdown source; a link's label and target)."""
    if isinstance(value, list):
        return [s for v in value for s in _sources(v)]
    if isinstance(value, outline.Link):
        return [value.label, value.url]
    return [getattr(value, "source", value or "")]


def all_outline_strings(o: outline.Outline) -> list[str]:
    out = [o.name, *_sources(o.label), o.image or "", *_sources(o.summary)]
    for c in o.contacts:
        out += [c.label, c.url or ""]
    for s in o.sections:
        out += [s.title, *_sources(s.text)]
        for item in s.items:
            for name in (f.name for f in fields(item)):
                out += _sources(getattr(item, name))
    return out


def visible_strings(value, key=None):
    """Every string of a JSON Resume dict a reader should see (not dates, not meta)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("meta", "$schema", "section"):
                if k == "meta":
                    yield from visible_strings(v.get("x-resumeconv", {}), k)
                continue
            if k == "version":
                continue
            yield from visible_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from visible_strings(v, key)
    elif isinstance(value, str) and key not in DATE_KEYS:
        yield key, value


def test_sections_follow_layout_then_unlisted_standard_sections(rich):
    assert [(s.key, s.title) for s in rich.sections] == [
        ("basics.summary", "Personal Profile"),
        ("education", "Education"),
        ("work", "Working Experience"),
        ("work", "Teaching Experience"),
        ("projects", "Projects"),
        ("publications", "Publications"),
        ("custom", "Talks"),
        ("custom", "Supervision"),
        ("custom", "Research Statement"),
        ("awards", "Honors & Awards"),
        ("skills", "Skills"),
        ("languages", "Languages"),
        # not listed in the layout: appended under default titles, in standard order
        ("volunteer", "Volunteering"),
        ("certificates", "Certificates"),
        ("interests", "Interests"),
        ("references", "References"),
    ]
    assert [i.heading for i in rich.sections[3].items] == ["Teaching Assistant"]


def test_every_visible_string_reaches_the_outline(rich):
    shown = all_outline_strings(rich)
    strings = list(visible_strings(load("rich")))
    assert len(strings) > 80
    missing = [(k, v) for k, v in strings if not any(v in s for s in shown)]
    assert missing == []


def test_summary_section_replaces_the_header_summary(rich):
    assert rich.summary == ""
    assert rich.sections[0].text.startswith("Systems researcher")
    data = load("rich")
    del data["meta"]
    plain = outline.build(Resume.from_dict(data))
    assert plain.summary.startswith("Systems researcher")
    assert all(s.key != "basics.summary" for s in plain.sections)


def test_without_layout_sections_come_in_standard_order():
    data = load("rich")
    del data["meta"]
    keys = [s.key for s in outline.build(Resume.from_dict(data)).sections]
    assert keys == [
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
    ]


def test_item_fields_of_each_kind(rich):
    by_title = {s.title: s for s in rich.sections}
    ms = by_title["Education"].items[0]
    assert ms.heading == "M.S. in Computer Technology"
    assert ms.subheading == "Shanghai Jiao Tong University"
    assert ms.note == "GPA 3.9"
    assert ms.bullets[-1].startswith("Thesis:")
    assert (ms.start, ms.end) == ("2022-09", "2025-03")
    assert by_title["Education"].items[1].note == "GPA 3.7/4.0"  # not "GPA GPA …"
    intern = by_title["Working Experience"].items[0]
    assert (intern.heading, intern.subheading, intern.location) == (
        "Research Intern",
        "Cloud Storage Innovation Lab, Huawei Cloud",
        "Chengdu, China",
    )
    assert intern.end is None
    talk = by_title["Talks"].items[0]
    assert talk.subheading == "Invited talk, UC San Francisco"
    assert talk.url == "https://example.org/talks/agents"
    assert by_title["Talks"].items[1].note == "Best talk nominee"
    prose = by_title["Research Statement"].items[0]
    assert prose.heading == "" and prose.summary.startswith("I build systems")
    skill = by_title["Skills"].items[0]
    assert skill.keywords == ["C/C++", "Python", "SQL", "LaTeX"] and skill.note == "Expert"
    project = by_title["Projects"].items[0]
    assert project.subheading == "Main Contributor, Maintainer · IPADS Lab"
    assert project.note == "research prototype"


def test_contacts_in_fixed_order(rich):
    assert [(c.kind, c.label) for c in rich.contacts][:5] == [
        ("email", "ada@example.org"),
        ("phone", "+44 20 7946 0958"),
        ("url", "ada.example.org"),
        ("location", "12 St James's Square, SW1Y 4LB London, Greater London, GB"),
        ("profile", "GitHub: adalovelace"),
    ]
    assert rich.contacts[0].url == "mailto:ada@example.org"
    assert rich.contacts[1].url is None


def test_dates_are_passed_to_dates_module(monkeypatch):
    calls = []

    def fake(start, end, *, open, expected, locale):
        calls.append((start, end, open, expected, locale))
        return "D"

    import resumeconv.dateformat

    monkeypatch.setattr(resumeconv.dateformat, "format_range", fake)
    outline.build(Resume.from_dict(load("rich")), locale="de")
    assert ("2023-09", None, True, False, "de") in calls  # open work range
    assert ("2022-09", "2025-03", False, True, "de") in calls  # x-expected education
    assert ("2025", None, False, False, "de") in calls  # publication: a single date
    assert ("2024-02", None, True, False, "de") in calls  # open custom range
    assert ("2023-02", "2023-06", False, True, "de") in calls  # expected custom range
    assert ("2021-10", None, False, False, "de") in calls  # award date is not open


def test_open_range_reads_present_in_each_locale():
    for code, word in [("en", "Present"), ("zh", "至今")]:
        o = outline.build(Resume.from_dict(load("rich")), locale=code)
        work = next(s for s in o.sections if s.key == "work")
        assert word in work.items[0].dates


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "relative/path.html",
        "https\x00://x",
        "http:example.org",  # no "//": PDF and DOCX never linked it (resumeconv/links.py)
        "tel:+15555550100",  # HTML never linked it
        "",
    ],
)
def test_unsafe_urls_are_dropped(url):
    assert outline.safe_url(url) is None


@pytest.mark.parametrize(
    "url", ["https://example.org/a?b=c", "http://x.org", "HTTPS://X.ORG", "mailto:a@b.c"]
)
def test_safe_urls_survive(url):
    assert outline.safe_url(url) == url


def test_unsafe_urls_never_reach_the_outline():
    data = load("rich")
    data["basics"]["url"] = "javascript:alert(1)"
    data["basics"]["image"] = "data:text/html,<script>alert(1)</script>"
    data["work"][0]["url"] = " JaVaScRiPt:alert(1)"
    data["basics"]["profiles"][0]["url"] = "data:text/html,x"
    o = outline.build(Resume.from_dict(data))
    urls = [c.url for c in o.contacts] + [i.url for s in o.sections for i in s.items]
    assert o.image is None
    assert all(u is None or u.startswith(("https:", "http:", "mailto:")) for u in urls)
    assert all(c.kind != "url" for c in o.contacts)
    assert any(c.label == "GitHub: adalovelace" and c.url is None for c in o.contacts)


def test_empty_sections_are_dropped():
    data = {
        "basics": {"name": "A"},
        "work": [{}],
        "skills": [{"name": "Python"}],
        "meta": {
            "x-resumeconv": {
                "sections": [
                    {"section": "basics.summary", "title": "Profile"},
                    {"section": "work", "title": "Jobs", "items": [0]},
                    {"section": "custom", "title": "Talks", "entries": []},
                    {"section": "custom", "title": "Empty", "entries": [{}]},
                    {"section": "skills", "title": "Skills", "items": [0]},
                ]
            }
        },
    }
    o = outline.build(Resume.from_dict(data))
    assert [s.title for s in o.sections] == ["Skills"]


def test_wrong_types_never_crash():
    data = {
        "basics": {"name": 42, "profiles": ["loose", {"network": ["x"]}], "location": "Paris"},
        "work": ["just a string", {"position": 5, "highlights": "one", "startDate": 2020}],
        "skills": [{"name": "Go", "keywords": "fast"}],
        "education": None,
        "meta": {
            "x-resumeconv": {
                "sections": [
                    {"section": "work", "items": [99, "x", True, -1, 1, 0]},
                    {"section": "nonsense", "title": "Odd", "entries": [{"name": "kept"}]},
                    "not a section",
                ]
            }
        },
    }
    o = outline.build(Resume.from_dict(data))
    assert o.name == "42"
    assert [c.label for c in o.contacts] == ["Paris", "loose"]
    work = o.sections[0]
    assert [i.heading for i in work.items] == ["5", "just a string"]
    assert work.items[0].bullets == ["one"]
    assert o.sections[1].title == "Odd" and o.sections[1].items[0].heading == "kept"
    assert o.sections[2].items[0].keywords == ["fast"]


def test_layout_may_show_the_same_entry_twice_and_skip_others():
    data = copy.deepcopy(load("rich"))
    data["meta"]["x-resumeconv"]["sections"] = [
        {"section": "work", "title": "A", "items": [0]},
        {"section": "work", "title": "B", "items": [0]},
    ]
    o = outline.build(Resume.from_dict(data))
    titles = [s.title for s in o.sections]
    assert titles[:3] == ["A", "B", "Work Experience"]
    assert [i.heading for i in o.sections[2].items] == [
        "Big Data Development Intern",
        "Teaching Assistant",
    ]


def test_default_titles_follow_the_locale():
    data = load("rich")
    del data["meta"]
    for code in locales.KNOWN:
        o = outline.build(Resume.from_dict(data), locale=code)
        assert [s.title for s in o.sections] == [
            locales.get(code).titles[s.key] for s in o.sections
        ]
        assert o.lang == code
    de = outline.build(Resume.from_dict(data), locale="de_DE")
    assert de.sections[0].title == "Berufserfahrung"


def test_unknown_locale_is_a_usage_error():
    with pytest.raises(UsageError) as info:
        outline.build(Resume.from_dict(load("rich")), locale="xx")
    assert "xx" in str(info.value)
    for code in locales.KNOWN:
        assert code in str(info.value.hint)


def test_chinese_content_is_marked_chinese():
    o = outline.build(Resume.from_dict(load("zh")))
    assert o.lang == "zh"
    edu = o.sections[0].items[0]
    assert edu.heading == "计算机技术硕士"
    talk = next(s for s in o.sections if s.title == "学术报告").items[0]
    assert talk.subheading == "特邀报告，中国计算机学会"


def test_build_is_deterministic():
    a = outline.build(Resume.from_dict(load("rich")))
    b = outline.build(Resume.from_dict(load("rich")))
    assert a == b


@pytest.mark.parametrize(
    ("name", "org", "lang"),
    [
        ("山田太郎", "東京大学のひと", "ja"),
        ("김민준", "서울대학교", "ko"),
        ("张伟", "北京大学计算机科学技术学院", "zh"),
    ],
)
def test_cjk_resumes_are_tagged_with_their_language(name: str, org: str, lang: str) -> None:
    resume = Resume.from_dict({"basics": {"name": name}, "work": [{"name": org}]})
    assert outline.build(resume).lang == lang
