"""DOCX exporter (pandoc): structure Word and ATS parsers read, paper, determinism, LibreOffice."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx as python_docx
import pytest

from resumeconv import api
from resumeconv.errors import ExportError, UsageError
from resumeconv.exporters import docx, outline
from resumeconv.model import Resume
from resumeconv.options import WriteOptions

from conftest import REPO

EXPORT = REPO / "fixtures" / "export"
BUILD_REFERENCE = REPO / "tools" / "build_docx_reference.py"
TWIPS_PER_EMU = 635  # python-docx lengths are EMU; Word's page sizes are twips


def load(name: str) -> Resume:
    return Resume.from_dict(json.loads((EXPORT / name).read_text(encoding="utf-8")))


def render(resume: Resume, **options: str) -> bytes:
    return docx.write(resume, WriteOptions(**options))


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph, tabs shown as a tab character."""
    document = python_docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs]


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


@pytest.fixture(scope="module")
def rich() -> bytes:
    return render(load("rich.json"))


def test_name_is_heading_1(rich: bytes) -> None:
    assert paragraphs(rich)[0] == ("Heading 1", "Ada Q. Lovelace")


@pytest.mark.parametrize("fixture", ["rich.json", "pdf-cjk.json", "zh.json"])
def test_sections_are_heading_2_and_entries_are_found(fixture: str) -> None:
    resume = load(fixture)
    doc = outline.build(resume)
    paras = paragraphs(render(resume))
    titles = [text for style, text in paras if style == "Heading 2"]
    assert titles == [s.title for s in doc.sections]
    entry_headings = [text for style, text in paras if style == "Heading 3"]
    lines = [text for style, text in paras if style == "List Line"]
    for section in doc.sections:
        for item in section.items:
            if item.dates or item.subheading or item.bullets or item.summary:
                expected = item.heading + (
                    "\t" + item.dates.replace(" ", "\u00a0") if item.dates else ""
                )
                if item.heading:
                    assert expected in entry_headings, expected
            else:
                assert any(line.startswith(item.heading) for line in lines), item.heading


def test_bullets_are_real_word_lists(rich: bytes) -> None:
    xml = part(rich, "word/document.xml")
    assert "<w:numPr>" in xml
    doc = outline.build(load("rich.json"))
    bullets = {b for s in doc.sections for i in s.items for b in i.bullets}
    paras = paragraphs(rich)
    listed = {text for style, text in paras if style == "Compact"}
    assert bullets <= listed


def test_no_tables_no_text_boxes(rich: bytes) -> None:
    xml = part(rich, "word/document.xml")
    assert "<w:tbl" not in xml
    assert "txbx" not in xml and "<w:drawing" not in xml and "<v:shape" not in xml


def test_links_are_hyperlinks(rich: bytes) -> None:
    rels = part(rich, "word/_rels/document.xml.rels")
    assert 'Target="mailto:ada@example.org"' in rels
    assert 'Target="https://github.com/adalovelace"' in rels


def test_same_input_gives_identical_bytes(rich: bytes) -> None:
    assert render(load("rich.json")) == rich
    core = part(rich, "docProps/core.xml")
    assert core.count("1970-01-01T00:00:00Z") == 2  # created, modified: fixed, not "now"
    with zipfile.ZipFile(io.BytesIO(rich)) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize(("paper", "size"), [("a4", (11906, 16838)), ("letter", (12240, 15840))])
def test_paper_size(paper: str, size: tuple[int, int]) -> None:
    data = render(load("rich.json"), paper=paper)
    section = python_docx.Document(io.BytesIO(data)).sections[0]
    width, height = section.page_width // TWIPS_PER_EMU, section.page_height // TWIPS_PER_EMU
    assert (width, height) == size
    text_width = width - (section.left_margin + section.right_margin) // TWIPS_PER_EMU
    assert text_width == 9638  # where the right tab stop of the dates sits


def test_unknown_paper_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        render(load("rich.json"), paper="a5")


def test_reference_documents_match_styles_xml() -> None:
    """The shipped reference docs are what tools/build_docx_reference.py makes from styles.xml."""
    spec = importlib.util.spec_from_file_location("build_docx_reference", BUILD_REFERENCE)
    assert spec is not None and spec.loader is not None
    build_reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_reference)
    default = subprocess.run(
        [docx.pandoc_path(), "--print-default-data-file", "reference.docx"],
        capture_output=True,
        check=True,
    ).stdout
    styles = (docx.ASSETS / "styles.xml").read_bytes()
    for paper, (w, h, lr, tb) in build_reference.PAGES.items():
        document = build_reference.DOCUMENT.format(w=w, h=h, lr=lr, tb=tb).encode()
        expected = build_reference._rebuild(default, styles, document)
        assert docx.REFERENCE_DOCS[paper].read_bytes() == expected, paper


def test_styles_of_the_reference_doc_are_used(rich: bytes) -> None:
    styles = part(rich, "word/styles.xml")
    assert 'w:eastAsia="Microsoft YaHei"' in styles
    assert "<w:pBdr>" in styles  # the rule under section titles
    assert 'w:styleId="EntryDetails"' in styles and 'w:styleId="EntryDates"' in styles


def test_language_of_a_chinese_resume() -> None:
    styles = part(render(load("zh.json")), "word/styles.xml")
    assert re.search(r'<w:lang [^>]*w:eastAsia="zh"', styles)


def test_api_version_mismatch_is_recovered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx, "API_VERSION", [1, 0])
    monkeypatch.setattr(docx, "_api_version", None)
    data = render(load("zh.json"))
    assert data.startswith(b"PK")
    assert docx._api_version is not None and docx._api_version[:2] == [1, 23]


def test_missing_pandoc_is_an_export_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx, "_pandoc", "/nonexistent/pandoc")
    with pytest.raises(ExportError) as info:
        render(load("zh.json"))
    assert info.value.hint


def test_api_render() -> None:
    assert api.render(load("zh.json"), "docx").startswith(b"PK")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")
def test_libreoffice_converts_it_to_pdf(rich: bytes, tmp_path: Path) -> None:
    source = tmp_path / "cv.docx"
    source.write_bytes(rich)
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    out = tmp_path / "cv.pdf"
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, check=True
        ).stdout.decode()
        assert "Ada Q. Lovelace" in text and "Research Intern" in text


def test_seed_cv_page_converts() -> None:
    resume = api.load(REPO / "fixtures" / "example" / "cv.md")
    paras = paragraphs(api.render(resume, "docx"))
    titles = [text for style, text in paras if style == "Heading 2"]
    assert titles == [s.title for s in outline.build(resume).sections]
    assert "Working experience" in titles and "Projects" in titles
    headings = " ".join(text for style, text in paras if style == "Heading 3")
    assert "Research Intern" in headings and "Teaching Assistant" in headings


def test_line_items_use_full_width_punctuation_in_a_chinese_resume() -> None:
    lines = [text for style, text in paragraphs(render(load("zh.json"))) if style == "List Line"]
    assert "编程语言：C/C++、Python、SQL" in lines
    english = [
        text for style, text in paragraphs(render(load("rich.json"))) if style == "List Line"
    ]
    assert "Programming Languages (Expert): C/C++, Python, SQL, LaTeX" in english
