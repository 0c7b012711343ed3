"""A field's inline Markdown becomes runs (richtext.py), and every writer draws them."""

from __future__ import annotations

import copy
import io
import pickle
import re
import shutil
import subprocess
import zipfile

import docx as python_docx
import pytest

import resumeconv
from resumeconv.exporters import outline
from resumeconv.exporters.richtext import Run, join, paragraphs, plain, rich


def test_links_bold_italic_code_become_runs() -> None:
    r = rich("See [Jane Doe](https://jane.example/) and **Bob**, *it*, `x = 1`")
    assert str(r) == "See Jane Doe and Bob, it, x = 1"
    assert r.runs == (
        Run("See "),
        Run("Jane Doe", url="https://jane.example/"),
        Run(" and "),
        Run("Bob", strong=True),
        Run(", "),
        Run("it", emph=True),
        Run(", "),
        Run("x = 1", code=True),
    )
    assert r.has_links and r.styled and r.source.startswith("See [Jane Doe]")


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](&#106;avascript:alert(1))",
        "[x](file:///etc/passwd)",
        "<javascript:alert(1)>",
    ],
)
def test_unsafe_link_targets_keep_their_text_and_lose_the_link(text: str) -> None:
    r = rich(text)
    assert all(run.url is None for run in r.runs)
    assert "](" not in str(r)  # never left as raw Markdown


def test_a_target_with_white_space_is_no_link_at_all() -> None:
    r = rich("[x](java\tscript:alert(1))")  # CommonMark: not a link, so its text as written
    assert all(run.url is None for run in r.runs)


def test_raw_html_and_other_markup_stay_text() -> None:
    for text in ("<b>x</b>", "\\textbf{x}", '#read("/etc/passwd")', "$x^2$", "] [ ) ("):
        assert str(rich(text)) == text
        assert not rich(text).styled


def test_escapes_and_entities_are_read() -> None:
    assert str(rich("5\\*3 \\_a\\_ &amp; &lt;")) == "5*3 _a_ & <"


def test_plain_text_is_never_parsed() -> None:
    assert plain("**x**").runs == (Run("**x**"),)
    assert rich("no markup at all").runs == (Run("no markup at all"),)
    assert rich(None) == "" and rich(5) == ""


def test_paragraphs_join_and_copies_keep_the_runs() -> None:
    ps = paragraphs(rich("one **a**\n\ntwo [b](https://b.example)"))
    assert [str(p) for p in ps] == ["one a", "two b"]
    assert ps[1].runs[-1].url == "https://b.example"
    j = join(", ", rich("**a**"), "b")
    assert str(j) == "a, b" and j.runs[0].strong
    for copied in (copy.deepcopy(j), pickle.loads(pickle.dumps(j))):
        assert copied == j and copied.runs == j.runs


def test_a_heading_with_its_own_link_is_not_linked_twice() -> None:
    resume = resumeconv.load(
        {"projects": [{"name": "[Tool](https://tool.example)", "url": "https://other.example"}]}
    )
    html = resumeconv.render(resume, "html").decode()
    assert '<a href="https://tool.example">Tool</a>' in html
    assert "https://other.example" not in html  # no link inside a link


EVERY_FIELD = {
    "basics": {"name": "Ada Example", "label": "Researcher", "x-pronouns": "she/her",
               "x-employer": "Example University"},
    "publications": [{
        "name": "Sorting [Fast](https://paper.example/)", "publisher": "Venue Journal",
        "releaseDate": "2024", "summary": "An *abstract* with `code`.",
        "x-authors": "Grace Lee, **Ada Example**", "x-status": "Under review",
        "x-category": "journals", "x-citation": "Lee, G. and Example, A. Sorting Fast. 2024.",
        "x-slides": "https://slides.example/s.pdf", "x-bibtex": "https://bib.example/b.bib",
        "x-links": [{"label": "Code", "url": "https://code.example/"}],
    }],
    "awards": [{"title": "Grant Alpha", "date": "2023", "x-endDate": "2028",
                "x-url": "https://grant.example/"},
               {"title": "Prize Beta", "date": "2025", "x-endDate": "2025"}],
    "education": [{"institution": "Example University", "studyType": "PhD", "area": "CS",
                   "endDate": "2020", "x-location": "Shenzhen", "x-note": "Second year"}],
    "certificates": [{"name": "Cert Gamma", "summary": "Forty hours"}],
    "work": [{"name": "Lab", "position": "Engineer", "startDate": "2021", "x-widget": "Blue"}],
}  # fmt: skip
WORDS = [
    "Ada Example", "she/her", "Example University", "Sorting", "Fast", "Venue Journal",
    "abstract", "code", "Grace Lee", "Under review", "journals", "Lee, G. and Example, A.",
    "Slides", "BibTeX", "Code", "Grant Alpha", "2023 – 2028", "Prize Beta", "Shenzhen",
    "Second year", "Forty hours", "Blue",
]  # fmt: skip


def _texts() -> dict[str, str]:
    resume = resumeconv.load(EVERY_FIELD)
    out = {"html": re.sub(r"<[^>]+>", " ", resumeconv.render(resume, "html").decode())}
    document = python_docx.Document(io.BytesIO(resumeconv.render(resume, "docx")))
    out["docx"] = "\n".join(p.text for p in document.paragraphs)
    if shutil.which("pdftotext"):
        pdf = resumeconv.render(resume, "pdf")
        out["pdf"] = subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
    return out


def test_every_documented_field_is_in_every_format() -> None:
    for fmt, text in _texts().items():
        flat = " ".join(text.replace("\xa0", " ").split())
        missing = [w for w in WORDS if w not in flat]
        assert missing == [], fmt
        assert "2025 – 2025" not in flat, fmt  # a one-year entry prints once
        assert "**" not in flat and "](" not in flat, fmt  # Markdown is drawn, not printed


def test_the_owner_among_the_authors_is_bold_everywhere() -> None:
    resume = resumeconv.load(EVERY_FIELD)
    assert "Grace Lee, <strong>Ada Example</strong>" in resumeconv.render(resume, "html").decode()
    with zipfile.ZipFile(io.BytesIO(resumeconv.render(resume, "docx"))) as z:
        xml = z.read("word/document.xml").decode()
    assert re.search(r"<w:b\s*/>(?:(?!</w:r>).)*Ada Example</w:t>", xml)
    doc = outline.build(resume)
    item = next(s for s in doc.sections if s.key == "publications").items[0]
    assert [r.text for r in item.authors.runs if r.strong] == ["Ada Example"]
    from resumeconv.exporters import pdf
    from resumeconv.options import WriteOptions

    data = pdf.template_data(outline.build(resume), WriteOptions())
    authors = next(s for s in data["sections"] if s["items"][0]["authors"])["items"][0]["authors"]
    assert [r["text"] for r in authors if r["strong"]] == ["Ada Example"]
