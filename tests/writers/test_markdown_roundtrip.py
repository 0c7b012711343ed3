"""Markdown → JSON → Markdown → JSON is a fixpoint (the Markdown exporter and the CV-page
reader agree on every field), for every fixture page and every page of ../shared.

J1 = import(page), M1 = export(J1), J2 = import(M1): J2 == J1 and export(J2) == M1. M1 is
read as text (no path), so no Jekyll site is looked for: collection entries and the site's
author must be carried by the page itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import resumeconv
from resumeconv.errors import UsageError
from resumeconv.sources import Source

from conftest import FIXTURES, REPO, SEED, SHARED, corpus_pages, needs_seed


def fixture_pages() -> list[Path]:
    """Every CV page under fixtures/ (Jekyll collection documents are not pages)."""
    pages = []
    for path in sorted(FIXTURES.rglob("*.md")):
        rel = path.relative_to(FIXTURES)
        if any(p.startswith("_") and p != "_pages" for p in rel.parts[:-1]):
            continue
        if path.name.lower().startswith("readme"):
            continue
        pages.append(path)
    return pages


PAGES = fixture_pages() + corpus_pages()


def _id(path: Path) -> str:
    for root in (SHARED, REPO):
        if path.is_relative_to(root):
            return str(path.relative_to(root))
    return str(path)


def _export(resume: resumeconv.Resume, **options: Any) -> str:
    return resumeconv.render(resume, "markdown", **options).decode("utf-8")


def _reimport(markdown: str) -> resumeconv.Resume:
    return resumeconv.load(Source(markdown, name="<exported>"), format="markdown")


def field_diff(a: Any, b: Any, path: str = "") -> list[str]:
    """Readable differences between two JSON values, one line per differing field."""
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[str] = []
        for key in list(a) + [k for k in b if k not in a]:
            sub = f"{path}/{key}"
            if key not in b:
                out.append(f"{sub}: lost (was {_short(a[key])})")
            elif key not in a:
                out.append(f"{sub}: added {_short(b[key])}")
            else:
                out += field_diff(a[key], b[key], sub)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in field_diff(x, y, f"{path}/{i}")
        ]
    return [] if a == b else [f"{path or '/'}: {_short(a)} became {_short(b)}"]


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_fixpoint(page: Path) -> None:
    j1_resume = resumeconv.load(page)
    j1 = j1_resume.to_dict()
    m1 = _export(j1_resume)
    j2_resume = _reimport(m1)
    j2 = j2_resume.to_dict()
    diff = field_diff(j1, j2)
    assert not diff, "fields differ after Markdown → JSON → Markdown → JSON:\n" + "\n".join(diff)
    m2 = _export(j2_resume)
    assert m2 == m1, "export(J2) differs from export(J1)"
    assert not [i for i in resumeconv.validate(j2_resume) if i.is_error]


def test_pages_found() -> None:
    """The fixpoint runs over the seed and the pattern fixtures (not an empty list)."""
    names = {_id(p) for p in PAGES}
    assert "fixtures/example/cv.md" in names
    assert any(n.startswith("fixtures/cvpage/") for n in names)


# ----------------------------------------------------------------------------- plain flavour


def _names(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(section, what the entry is called) for every entry, custom sections included."""
    keys = {
        "work": ("position", "name"),
        "volunteer": ("position", "organization"),
        "education": ("institution", "studyType"),
        "awards": ("title",),
        "certificates": ("name",),
        "publications": ("name",),
        "skills": ("name",),
        "languages": ("language",),
        "interests": ("name",),
        "references": ("name",),
        "projects": ("name",),
        "custom": ("name",),
    }
    out = []
    entries = [(k, e) for k in keys if k != "custom" for e in data.get(k, [])]
    for section in data.get("meta", {}).get("x-resumeconv", {}).get("sections", []):
        entries += [("custom", e) for e in section.get("entries", [])]
    for kind, entry in entries:
        for key in keys[kind]:
            if entry.get(key):
                out.append((kind, entry[key]))
                break
    return out


def _all_entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = [e for k, v in data.items() if isinstance(v, list) for e in v if isinstance(e, dict)]
    for section in data.get("meta", {}).get("x-resumeconv", {}).get("sections", []):
        out += section.get("entries", [])
    return out


def _titles(data: dict[str, Any]) -> list[str]:
    return [s["title"] for s in data.get("meta", {}).get("x-resumeconv", {}).get("sections", [])]


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_plain_keeps_titles_and_names(page: Path) -> None:
    j1 = resumeconv.load(page)
    plain = _export(j1, flavor="plain")
    assert not plain.startswith("---"), "plain Markdown has no front matter"
    assert "{%" not in plain and "{{" not in plain, "plain Markdown has no Liquid"
    assert "\n======" not in plain, "plain Markdown uses ATX headings"
    j2 = _reimport(plain).to_dict()
    data = j1.to_dict()
    assert _titles(j2) == _titles(data)
    # an entry may land in another section (a title that says "Teaching" over talks) but
    # what it is called must survive
    kept = {v for entry in _all_entries(j2) for v in entry.values() if isinstance(v, str)}
    missing = [n for _, n in _names(data) if n not in kept]
    assert not missing, f"entries lost in plain Markdown: {missing}"


# ----------------------------------------------------------------------------- the page's form


@needs_seed
def test_academicpages_front_matter_and_loops() -> None:
    page = SEED
    text = _export(resumeconv.load(page))
    assert text.startswith(
        '---\nlayout: archive\ntitle: "CV"\npermalink: /cv/\nauthor_profile: true\n'
        "redirect_from:\n  - /resume\n---\n\n{% include base_path %}\n\n"
    )
    assert "\nEducation\n======\n\n* M.S. in Computer Technology" in text
    assert "{% for post in site.publications reversed %}" in text
    assert "{% include archive-single-cv.html %}" in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_talks_loop_uses_the_talk_include() -> None:
    data = {
        "meta": {
            "x-resumeconv": {
                "version": "1",
                "sections": [
                    {"section": "custom", "title": "Talks", "entries": [], "collection": "talks"}
                ],
            }
        }
    }
    text = _export(resumeconv.load(data))
    assert "{% for post in site.talks %}" in text
    assert "{% include archive-single-talk-cv.html %}" in text
    back = _reimport(text).to_dict()
    assert back["meta"]["x-resumeconv"]["sections"][0]["collection"] == "talks"
    plain = _export(resumeconv.load(data), flavor="plain")
    assert "{%" not in plain
    assert _titles(_reimport(plain).to_dict()) == ["Talks"]


def test_plain_headings_and_name() -> None:
    text = _export(resumeconv.load(REPO / "fixtures" / "cvpage" / "site-header.md"), flavor="plain")
    first = text.splitlines()[0]
    assert first.startswith("# ") and first != "# "
    assert "\n## " in text


def test_output_is_deterministic() -> None:
    resume = resumeconv.load(REPO / "fixtures" / "site" / "_pages" / "cv.md")
    assert _export(resume) == _export(resume)
    assert _export(resume, flavor="plain") == _export(resume, flavor="plain")


def test_unknown_flavour_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        resumeconv.render(resumeconv.load({"basics": {"name": "A"}}), "markdown", flavor="gfm")


def test_json_resume_without_layout_exports_and_reimports() -> None:
    """A resume from JSON (no page layout) gets standard titles and reads back whole."""
    resume = resumeconv.load(REPO / "fixtures" / "export" / "rich.json")
    text = _export(resume)
    back = _reimport(text).to_dict()
    data = resume.to_dict()
    for key in ("work", "education", "skills", "publications", "awards", "languages"):
        assert back.get(key) == data.get(key), key


# ----------------------------------------------------------------------------- nasty text

NASTY = [
    "*bold* and _it_",
    "**strong**",
    "[not a link]",
    "[a link](https://example.org/x_(y)) in text",
    "see [site](https://ex.org/p?q=1&r=2) now",
    "<script>alert(1)</script>",
    "<b>html</b> &amp; entity &copy;",
    "# not a heading",
    "a | b | c",
    "back\\slash \\* \\_",
    "{% include evil.html %}",
    "{{ site.title }} and {%raw%}",
    "1. not a list",
    "- not a bullet",
    "+ plus",
    "> not a quote",
    "`code` and ``more``",
    "*Name:* not a field line",
    "_Location:_ not one either",
    "2020 – 2021",
    "C++, C#, F#; Go",
    "Foo, Inc., Berlin, Germany",
    "=====",
    "---",
    "![img](x.png)",
    "<!-- comment -->",
    "~~strike~~",
    "ends with colon:",
    "line\nbreak",
    "two  spaces",
    " leading space",
    "",
    "http://bare.url/x_y_z",
    "雪 & 中文 *星*",
    "{: .cv-skills}",
    "References available on request",
]


def _nasty_resume(text: str) -> dict[str, Any]:
    return {
        "basics": {
            "name": text,
            "label": text,
            "email": "a@b.org",
            "summary": text or "x",
            "location": {"address": text, "city": "Berlin"},
            "profiles": [{"network": "GitHub", "username": text, "url": "https://github.com/u"}],
        },
        "work": [
            {
                "name": text,
                "position": text,
                "location": text,
                "startDate": "2020-01",
                "highlights": [text, "ok"],
                "summary": text,
                "x-note": text,
            }
        ],
        "education": [
            {
                "institution": text,
                "area": text,
                "studyType": text,
                "endDate": "2019",
                "courses": [text],
                "score": text,
                "x-highlights": [text],
            }
        ],
        "awards": [{"title": text, "awarder": text, "date": "2018", "summary": text}],
        "publications": [
            {
                "name": text,
                "publisher": text,
                "releaseDate": "2017-03",
                "summary": text,
                "x-citation": text,
                "x-authors": [text, "B"],
            }
        ],
        "skills": [{"name": text, "level": text, "keywords": [text, "Python"]}],
        "languages": [{"language": text, "fluency": text}],
        "references": [{"name": text, "reference": text}],
        "projects": [{"name": text, "roles": [text], "entity": text, "highlights": [text]}],
        "meta": {
            "x-resumeconv": {
                "version": "1",
                "sections": [
                    {"section": "basics.summary", "title": "Summary"},
                    {"section": "work", "title": "Work", "items": [0]},
                    {"section": "education", "title": "Education", "items": [0]},
                    {"section": "awards", "title": "Awards", "items": [0]},
                    {"section": "publications", "title": "Publications", "items": [0]},
                    {"section": "skills", "title": "Skills", "items": [0]},
                    {"section": "languages", "title": "Languages", "items": [0]},
                    {"section": "references", "title": "References", "items": [0]},
                    {"section": "projects", "title": "Projects", "items": [0]},
                    {
                        "section": "custom",
                        "title": "Talks",
                        "entries": [
                            {
                                "name": text,
                                "role": text,
                                "organization": text,
                                "date": "2021-05",
                                "highlights": [text],
                                "x-expected": True,
                            }
                        ],
                    },
                ],
            }
        },
    }


@pytest.mark.parametrize("text", NASTY, ids=repr)
def test_nasty_text_stays_text(text: str) -> None:
    data = resumeconv.load(_nasty_resume(text)).to_dict()
    markdown = _export(resumeconv.load(data))
    back = _reimport(markdown).to_dict()
    diff = field_diff(data, back)
    assert not diff, "\n".join(diff) + "\n\n" + markdown
    if "{%" in text or "{{" in text:
        body = markdown.split("{% include base_path %}", 1)[1]
        assert "{%" not in body and "{{" not in body, "Liquid in a field would run in Jekyll"


def test_section_titles_are_escaped() -> None:
    data = _nasty_resume("x")
    data["meta"]["x-resumeconv"]["sections"][-1]["title"] = "# *Talks* [1] {{ x }}"
    back = _reimport(_export(resumeconv.load(data))).to_dict()
    assert _titles(back) == _titles(data)


# ----------------------------------------------------------------------------- reader rules


def test_field_lines_are_read_and_other_italic_labels_stay_text() -> None:
    page = (
        "Work\n====\n\n"
        "* **Engineer**, Acme Corp, 2019 – 2020\n"
        "  * *Location:* Lyon, France\n"
        "  * *Advisor:* Prof. X\n"
        "  * Built things\n"
    )
    work = _reimport(page).to_dict()["work"][0]
    assert work["location"] == "Lyon, France"
    assert work["highlights"] == ["Advisor: Prof. X", "Built things"]


def test_field_only_entry_and_json_values() -> None:
    page = (
        "Education\n=========\n\n"
        "* *Institution:* Lyon, 2020 University\n"
        "  * *Degree:* PhD\n"
        "  * *Expected:* `true`\n"
        "  * *Courses:*\n"
        "    * A, B\n"
        "    * C\n"
    )
    edu = _reimport(page).to_dict()["education"][0]
    assert edu == {
        "institution": "Lyon, 2020 University",
        "studyType": "PhD",
        "x-expected": True,
        "courses": ["A, B", "C"],
    }


def test_kramdown_class_names_the_section() -> None:
    page = "Computer\n========\n\n{: .cv-skills}\n\n* **Stats**: R, Python\n"
    data = _reimport(page).to_dict()
    assert data["meta"]["x-resumeconv"]["sections"][0]["section"] == "skills"


def test_a_degree_line_is_joined_in_the_pages_language() -> None:
    """A Portuguese page's degree comes back as "Doutorado em …", not with an English "in";
    and it reads back to the same fields."""
    page = (
        "---\ntitle: CV\nlang: pt\n---\n\nFormação\n======\n"
        "* Doutorado em Saúde Pública, Universidade do Exemplo, 2015 – 2019\n"
    )
    from resumeconv.exporters import markdown
    from resumeconv.options import WriteOptions

    resume = resumeconv.load(page.encode(), format="markdown")
    written = markdown.write(resume, WriteOptions()).decode()
    assert "* Doutorado em Saúde Pública, Universidade do Exemplo, 2015 – 2019" in written
    again = resumeconv.load(written.encode(), format="markdown").to_dict()["education"]
    assert again == resume.to_dict()["education"]
