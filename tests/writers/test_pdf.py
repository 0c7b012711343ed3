"""PDF exporter (Typst): content, paper, fonts, page breaks, determinism, speed-related caching."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from resumeconv import api
from resumeconv.errors import UsageError
from resumeconv.exporters import outline, pdf
from resumeconv.model import Resume
from resumeconv.options import WriteOptions

from conftest import REPO, SEED, needs_seed

FIXTURES = REPO / "fixtures"
EXPORT = FIXTURES / "export"

poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def load(name: str) -> Resume:
    return Resume.from_dict(json.loads((EXPORT / name).read_text(encoding="utf-8")))


def render(resume: Resume, **options: str) -> bytes:
    return pdf.write(resume, WriteOptions(**options))


def pdf_text(data: bytes, tmp_path: Path, page: int | None = None) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True).stdout
    return out.decode("utf-8")


def poppler_tool(tool: str, data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run([tool, str(path)], capture_output=True, check=True).stdout.decode()


def squash(text: str) -> str:
    """Whitespace-insensitive, case-insensitive form (titles are set in capitals)."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def test_is_a_pdf_and_goes_through_the_api() -> None:
    data = api.render(load("rich.json"), "pdf")
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")


@poppler
@pytest.mark.parametrize("fixture", ["rich.json", "pdf-cjk.json", "pdf-long.json"])
def test_every_section_title_and_entry_heading_is_in_the_text(fixture: str, tmp_path: Path) -> None:
    resume = load(fixture)
    doc = outline.build(resume)
    text = squash(pdf_text(render(resume), tmp_path))
    assert squash(doc.name) in text
    for section in doc.sections:
        assert squash(section.title) in text, section.title
        for item in section.items:
            assert squash(item.heading) in text, item.heading
            for bullet in item.bullets:
                assert squash(bullet) in text, bullet


def test_contacts_are_links() -> None:
    data = render(load("rich.json"))
    assert b"/URI(mailto:ada@example.org)" in data
    assert b"/URI(https://github.com/adalovelace)" in data


@poppler
@pytest.mark.parametrize(
    ("paper", "size"), [("a4", "595.276 x 841.89 pts (A4)"), ("letter", "612 x 792 pts (letter)")]
)
def test_paper_size(paper: str, size: str, tmp_path: Path) -> None:
    info = poppler_tool("pdfinfo", render(load("rich.json"), paper=paper), tmp_path)
    assert re.search(r"Page size:\s+" + re.escape(size), info), info


def test_unknown_paper_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        render(load("rich.json"), paper="a5")


def test_same_input_gives_identical_bytes() -> None:
    resume = load("rich.json")
    first = render(resume)
    assert render(resume) == first
    pdf._compilers.clear()  # a fresh compiler (another process) makes the same bytes too
    assert render(resume) == first
    assert b"/CreationDate" not in first and b"/ModDate" not in first


@poppler
def test_cjk_text_uses_the_embedded_wenquanyi_font(tmp_path: Path) -> None:
    data = render(load("pdf-cjk.json"))
    fonts = poppler_tool("pdffonts", data, tmp_path)
    wqy = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert wqy and all(" yes " in line for line in wqy)  # embedded
    text = squash(pdf_text(data, tmp_path))
    for sample in (
        "王小明",
        "教育背景",
        "ひらがなとカタカナ",
        "東京大学との共同研究",
        "한국어 자연어 처리",
    ):
        assert squash(sample) in text, sample


@poppler
def test_latin_resume_does_not_load_the_cjk_font(tmp_path: Path) -> None:
    fonts = poppler_tool("pdffonts", render(load("rich.json")), tmp_path)
    assert "Libertinus" in fonts
    assert "WenQuanYi" not in fonts and "Noto" not in fonts
    assert pdf._font_dirs(cjk=False, other=False) == ()


@poppler
def test_emoji_symbols_and_other_scripts_are_drawn_by_the_noto_fallbacks(
    tmp_path: Path,
) -> None:
    """Headings like "🏫 Education" (real pages have them), Arabic and Hindi names: each
    glyph comes from an embedded Noto face, so it is drawn and extracts as text."""
    resume = Resume.from_dict(
        {
            "basics": {"name": "Layla مرحبا", "summary": "नमस्ते ☕ and ✉"},
            "education": [{"institution": "🏫 Example University", "area": "🎓 History"}],
        }
    )
    data = render(resume)
    fonts = poppler_tool("pdffonts", data, tmp_path)
    for face in ("NotoEmoji", "NotoSansArabic", "NotoSansDevanagari"):
        assert face in fonts, face
    text = pdf_text(data, tmp_path)
    for sample in ("🏫", "🎓", "☕", "नमस्ते", "Example University"):
        assert sample in text, sample


def test_compiler_is_reused_per_font_set() -> None:
    resume = load("rich.json")
    render(resume)
    compiler = pdf._compilers[()]
    render(resume)
    assert pdf._compilers[()] is compiler


@poppler
def test_entry_heading_stays_on_the_page_of_its_first_line(tmp_path: Path) -> None:
    """pdf-long.json needs several pages; no entry is cut between its heading and body."""
    resume = load("pdf-long.json")
    data = render(resume)
    pages = int(re.search(r"Pages:\s+(\d+)", poppler_tool("pdfinfo", data, tmp_path))[1])
    assert pages >= 3
    texts = [squash(pdf_text(data, tmp_path, page=n)) for n in range(1, pages + 1)]
    for section in outline.build(resume).sections:
        heading_page = next(n for n, t in enumerate(texts) if squash(section.title) in t)
        first = section.items[0].heading
        assert squash(first) in texts[heading_page], section.title
        for item in section.items:
            page = next(n for n, t in enumerate(texts) if squash(item.heading) in t)
            follower = item.bullets[0] if item.bullets else item.keywords[0]
            assert squash(follower) in texts[page], item.heading
            if len(item.bullets) <= 6:  # short entries are never split
                assert squash(item.bullets[-1] if item.bullets else follower) in texts[page]


@poppler
def test_prose_paragraphs_and_line_items(tmp_path: Path) -> None:
    resume = load("rich.json")
    text = pdf_text(render(resume), tmp_path)
    assert "Programming Languages (Expert): C/C++, Python, SQL, LaTeX" in " ".join(text.split())


@poppler
@needs_seed
def test_seed_cv_page_converts(tmp_path: Path) -> None:
    if importlib.util.find_spec("resumeconv.importers.markdown") is None:
        pytest.skip("the CV-page importer has not landed yet")
    resume = api.load(SEED)
    text = squash(pdf_text(render(resume), tmp_path))
    for words in ("Education", "Shanghai Jiao Tong University", "Huawei Cloud", "Skills"):
        assert squash(words) in text


@poppler
def test_line_items_use_full_width_punctuation_in_a_chinese_resume(tmp_path: Path) -> None:
    text = pdf_text(render(load("zh.json")), tmp_path)
    assert "编程语言：C/C++、Python、SQL" in text
