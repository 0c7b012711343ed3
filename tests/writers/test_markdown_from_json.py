"""JSON Resume → Markdown → JSON keeps every field, ``$schema`` and ``meta`` included, and
the page reads like a CV page a person writes (localized titles, no stray escapes).

What is not content (``$schema``, ``meta.canonical/version/lastModified``, empty basics
fields) goes to the page's front matter as ``jsonresume:`` and is read back from there
(docs/markdown-export.md). The page's layout is the page's structure: the re-import adds
one for a resume that had none, and numbers each section's entries in page order.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import resumeconv
from resumeconv.importers.cvpage.valid import keep_valid
from resumeconv.model import STANDARD_SECTIONS
from resumeconv.sources import Source
from tests.writers.test_markdown_roundtrip import field_diff

from conftest import REPO, SHARED

EXT = "x-resumeconv"


def json_inputs() -> list[Path]:
    """sample.resume.json (when ../shared exists), fixtures/export/*.json, fixtures/json/*."""
    paths = sorted((REPO / "fixtures" / "export").glob("*.json"))
    paths += sorted(p for p in (REPO / "fixtures" / "json").iterdir() if p.is_file())
    sample = SHARED / "jsonresume" / "sample.resume.json"
    return ([sample] if sample.exists() else []) + paths


def _as_laid_out(data: dict[str, Any]) -> dict[str, Any]:
    """The resume with each standard list in the order its layout shows it (indices
    renumbered), and without layout sections that only list entries no earlier section
    listed, so that two resumes showing the same page compare equal."""
    data = copy.deepcopy(data)
    ext = data.get("meta", {}).get(EXT, {})
    sections = ext.get("sections", [])
    for key in STANDARD_SECTIONS:
        items = data.get(key)
        if not isinstance(items, list):
            continue
        order: list[int] = []
        for s in sections:
            if s.get("section") == key:
                order += [i for i in s.get("items", []) if i not in order]
        order += [i for i in range(len(items)) if i not in order]
        data[key] = [items[i] for i in order]
        new = {old: n for n, old in enumerate(order)}
        for s in sections:
            if s.get("section") == key and "items" in s:
                s["items"] = [new[i] for i in s["items"]]
    return data


def _layout_added(j1: dict[str, Any], j2: dict[str, Any]) -> dict[str, Any]:
    """J2 with the layout sections the re-import added after J1's own removed (for
    standard entries J1's layout did not list), and J2's layout dropped when J1 had none."""
    j2 = copy.deepcopy(j2)
    ext1 = j1.get("meta", {}).get(EXT)
    ext2 = j2.get("meta", {}).get(EXT)
    if ext2 is None:
        return j2
    n = len(ext1.get("sections", [])) if isinstance(ext1, dict) else 0
    extra = ext2.get("sections", [])[n:]
    if not isinstance(ext1, dict):  # the page's layout (summary first, then the rest)
        del j2["meta"][EXT]
        if not j2["meta"]:
            del j2["meta"]
    else:
        assert all(s.get("section") in STANDARD_SECTIONS for s in extra), extra
        ext2["sections"] = ext2.get("sections", [])[:n]
        if "sections" not in ext1 and not ext2["sections"]:
            del ext2["sections"]
    return j2


def _export(resume: resumeconv.Resume, **options: Any) -> str:
    return resumeconv.render(resume, "markdown", **options).decode("utf-8")


def _reimport(markdown: str) -> resumeconv.Resume:
    return resumeconv.load(Source(markdown, name="<exported>"), format="markdown")


@pytest.mark.parametrize("path", json_inputs(), ids=lambda p: p.name)
def test_json_round_trip_keeps_every_field(path: Path) -> None:
    resume = resumeconv.load(path)
    markdown = _export(resume)
    j2 = _reimport(markdown).to_dict()
    # A CV page's url and email fields are made valid or moved aside (x-url, x-email) by
    # the reader's last rule (issue 12, rule 9): the round trip keeps every value in that
    # form, so the original is compared in it too (only xss.json's hostile URLs change).
    j1 = copy.deepcopy(resume.to_dict())
    keep_valid(j1, None, lambda pointer, why: None)
    diff = field_diff(_as_laid_out(j1), _as_laid_out(_layout_added(j1, j2)))
    assert not diff, "fields differ after JSON → Markdown → JSON:\n" + "\n".join(diff)


def test_inputs_found() -> None:
    names = {p.name for p in json_inputs()}
    assert {"every-field.json", "rich.json", "xss.json", "old-0x.resume.json"} <= names


def _every_field() -> str:
    return _export(resumeconv.load(REPO / "fixtures" / "export" / "every-field.json"))


def test_no_stray_escapes_and_no_data_dump() -> None:
    text = _every_field()
    for stray in ("\\&", "5\\.0", "4\\.0", "\\!", "Silicon\\_Valley", '*Image:* ""'):
        assert stray not in text, stray
    assert "R&D" in text and "Silicon_Valley" in text and "*Score:* 4.0" in text
    assert "jsonresume: {" in text.split("\n---\n", 1)[0]
    page = text.split("\n---\n", 1)[1]
    for dump in ("*Postal code:*", "*City:*", "*Region:*", "*Country:*", "*Image:*"):
        assert dump not in page, dump


def test_a_structured_address_is_one_line_and_reads_back_in_parts() -> None:
    location = {
        "address": "1 Example Road",
        "postalCode": "EX1 2MP",
        "city": "Exampleton",
        "region": "Exampleshire",
        "countryCode": "GB",
    }
    resume = resumeconv.Resume.from_dict(
        {
            "basics": {"name": "Ann Example", "location": location},
            "work": [{"name": "Example Ltd", "position": "Engineer", "startDate": "2020"}],
        }
    )
    page = _export(resume)
    lines = [line.rstrip() for line in page.splitlines()]
    assert "*Address:* 1 Example Road, Exampleton, Exampleshire, EX1 2MP, GB" in lines
    assert _reimport(page).to_dict()["basics"]["location"] == location
    # an edited line wins: it is the address as written, not the remembered parts
    edited = page.replace("1 Example Road, Exampleton", "2 Other Street, Otherton")
    assert _reimport(edited).to_dict()["basics"]["location"] == {
        "address": "2 Other Street, Otherton, Exampleshire, EX1 2MP, GB"
    }


def test_english_titles_for_a_resume_without_layout() -> None:
    text = _every_field()
    assert "\nWork Experience\n======\n" in text
    assert "\nwork\n======" not in text


def test_titles_follow_the_locale_option_and_the_text_script() -> None:
    resume = resumeconv.load(REPO / "fixtures" / "export" / "every-field.json")
    assert "\nBerufserfahrung\n======\n" in _export(resume, locale="de")
    data = resumeconv.load(REPO / "fixtures" / "export" / "zh.json").to_dict()
    del data["meta"]  # no stored titles: the script of the text chooses Chinese
    zh = _export(resumeconv.load(data))
    assert "\n工作经历\n======\n" in zh


def test_owner_bold_in_authors_survives() -> None:
    text = _every_field()
    assert "**Ada Example**" in text and "\\*\\*Ada Example" not in text
    back = _reimport(text).to_dict()
    assert back["publications"][0]["x-authors"][0] == "**Ada Example**"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:msgbox"])
def test_unsafe_link_schemes_are_not_links(url: str) -> None:
    data = {"work": [{"position": "Engineer", "highlights": [f"see [this]({url}) now"]}]}
    text = _export(resumeconv.load(data))
    assert f"[this]({url})" not in text and f"\\[this\\]({url})" in text
    back = _reimport(text).to_dict()
    assert back["work"][0]["highlights"] == [f"see [this]({url}) now"]


def test_header_is_lines_a_person_writes() -> None:
    text = _every_field()
    header = text.split("{% include base_path %}\n\n", 1)[1].split("\n\n", 1)[0]
    lines = header.split("  \n")
    assert lines[:3] == [
        "**Ada Example**",
        "*Research Engineer & Lecturer*",
        "ada@example.org · +1 555 0100 · <https://ada.example.org>",
    ]
    back = _reimport(text).to_dict()["basics"]
    assert back["label"] == "Research Engineer & Lecturer"
    assert (back["email"], back["phone"]) == ("ada@example.org", "+1 555 0100")
    assert back["url"] == "https://ada.example.org"


def test_summary_is_a_section_of_paragraphs() -> None:
    text = _every_field()
    assert "\nSummary\n======\n\nBuilds compilers (v5.0 and up) for R&D teams." in text
    assert "*Summary:*" not in text.split("\n======", 1)[0]


def test_language_line_stays_in_skills() -> None:
    page = (
        "Skills\n======\n\n"
        "* **Programming**: Python, C++\n"
        "* **Languages**: English (native), French (TOEFL 109: R:29, L:30)\n"
        "* **Tools**: Git, Docker\n"
    )
    j1 = _reimport(page)
    layout = j1.to_dict()["meta"][EXT]["sections"]
    assert layout[1] == {
        "section": "languages",
        "title": "Languages",
        "items": [0, 1],
        "group": True,
        "at": 1,
    }
    text = _export(j1)
    assert text.endswith(page.split("\n\n", 1)[1]), text
    assert _reimport(text).to_dict() == j1.to_dict()


def test_language_group_that_does_not_fit_is_its_own_section() -> None:
    data = _reimport("Skills\n======\n\n* **Go**: yes\n* **Languages**: English (native)\n")
    data = data.to_dict()
    data["languages"][0]["x-note"] = "since birth"
    text = _export(resumeconv.load(data))
    assert "\nLanguages\n======\n" in text and "*Note:* since birth" in text


def test_a_json_resume_paper_is_one_citation_line() -> None:
    paper = {
        "name": "Compression for 3d media at scale",
        "publisher": "Example Press",
        "releaseDate": "2014-10-01",
        "url": "https://papers.example.org/1",
        "summary": "A middle-out algorithm.",
    }
    resume = resumeconv.Resume.from_dict(
        {"basics": {"name": "Ann Example"}, "publications": [paper]}
    )
    page = _export(resume)
    assert "* **Compression for 3d media at scale**, Example Press, 1 Oct 2014" in page
    assert "*Name:*" not in page and "*Released:*" not in page
    assert _reimport(page).to_dict()["publications"] == [paper]
