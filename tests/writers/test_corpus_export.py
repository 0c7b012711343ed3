"""Every real CV page (and the seed) exports to every format, and every section title and
entry heading can be read back from each output as a person's tools would read it:
an HTML parser, python-docx, pdftotext, and our own Markdown importer."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

import resumeconv
from resumeconv.exporters import outline
from resumeconv.sources import Source

from conftest import EXAMPLE, SHARED, corpus_pages

PAGES = [EXAMPLE, *corpus_pages()]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _expected(resume) -> list[str]:
    doc = outline.build(resume)
    wanted = [s.title for s in doc.sections]
    wanted += [i.heading or i.subheading for s in doc.sections for i in s.items]
    return [_norm(w) for w in wanted if w and w.strip()]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(data: bytes) -> str:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return " ".join(parser.parts)


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    return " ".join(p.text for p in document.paragraphs)


def _pdf_text(data: bytes) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def _missing(wanted: list[str], text: str) -> list[str]:
    haystack = _norm(text)
    squeezed = haystack.replace(" ", "")
    return [w for w in wanted if w not in haystack and w.replace(" ", "") not in squeezed]


def _name(page) -> str:
    return "seed" if page == EXAMPLE else str(page.relative_to(SHARED))


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_page_exports_to_every_format_with_every_heading(page) -> None:
    resume = resumeconv.load(page)
    wanted = _expected(resume)
    assert wanted
    assert _missing(wanted, _html_text(resumeconv.render(resume, "html"))) == []
    assert _missing(wanted, _docx_text(resumeconv.render(resume, "docx"))) == []
    if shutil.which("pdftotext"):
        assert _missing(wanted, _pdf_text(resumeconv.render(resume, "pdf"))) == []
    markdown = resumeconv.render(resume, "markdown")
    again = resumeconv.load(Source(markdown.decode("utf-8"), name="out.md"), format="markdown")
    assert _missing(wanted, " | ".join(_expected(again))) == []
