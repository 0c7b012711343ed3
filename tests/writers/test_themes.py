"""Built-in themes (--theme NAME) for HTML and PDF: listed, distinct, complete, refused
clearly when misused; PDF entry titles keep one colour with or without a link."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from resumeconv import api
from resumeconv.errors import UsageError
from resumeconv.exporters import themes
from resumeconv.model import Resume

from conftest import REPO

RICH = REPO / "fixtures" / "export" / "rich.json"
NAMES = ["default", "classic", "modern", "compact"]
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def rich() -> Resume:
    return Resume.from_dict(json.loads(RICH.read_text(encoding="utf-8")))


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumeconv", *args], capture_output=True, text=True, cwd=cwd
    )


def test_themes_command_lists_every_builtin_theme() -> None:
    run = cli("themes")
    assert run.returncode == 0
    listed = [line.split()[0] for line in run.stdout.splitlines() if not line.startswith("(")]
    assert listed == NAMES == [name for name, _ in api.themes()]


@pytest.mark.parametrize("name", NAMES)
def test_every_theme_has_both_halves(name: str) -> None:
    assert (themes.HTML_THEMES / name / "resume.html.j2").is_file()
    style = themes.pdf_style(name)
    assert style["font"] in ("serif", "sans") and style["heading"] in ("rule", "smallcaps", "bar")


def _css(page: str) -> str:
    return "\n".join(re.findall(r"<style>(.*?)</style>", page, flags=re.S))


def _body(page: str) -> str:
    """The page's content, blank lines between elements aside."""
    return re.sub(r">\s+<", "><", page[page.index("<main") :])


def test_html_themes_share_the_content_and_differ_in_looks() -> None:
    pages = {n: api.render(rich(), "html", theme=n).decode() for n in NAMES}
    default_body = _body(pages["default"])
    for name in NAMES[1:]:
        assert _body(pages[name]) == default_body, f"{name} shows other content"
        assert _css(pages[name]).startswith(_css(pages["default"]).rstrip()[:200])
    assert len({_css(p) for p in pages.values()}) == len(NAMES)
    assert 'class="theme-modern"' in pages["modern"]


def _fonts(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "t.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout


@poppler
def test_pdf_themes_differ_and_embed_their_fonts(tmp_path: Path) -> None:
    pdfs = {n: api.render(rich(), "pdf", theme=n) for n in NAMES}
    assert len(set(pdfs.values())) == len(NAMES)
    for name, data in pdfs.items():
        fonts = _fonts(data, tmp_path)
        sans = themes.pdf_style(name)["font"] == "sans"
        assert ("NotoSans-" in fonts) is sans, (name, fonts)
        assert ("Libertinus" in fonts) is not sans, (name, fonts)
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(tmp_path / "t.pdf"), "-"],
            capture_output=True,
            text=True,
        ).stdout
        assert "Ada Q. Lovelace" in text


def test_a_folder_theme_is_for_html_only(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    shutil.copytree(themes.HTML_THEMES / "default", folder)
    assert api.render(rich(), "html", theme=str(folder)) == api.render(rich(), "html")
    with pytest.raises(UsageError, match="styles HTML only"):
        api.render(rich(), "pdf", theme=str(folder))


def test_a_folder_of_your_own_wins_over_a_builtin_name(tmp_path: Path) -> None:
    folder = tmp_path / "modern"
    folder.mkdir()
    (folder / "resume.html.j2").write_text("mine: {{ resume.name }}", encoding="utf-8")
    run = cli("convert", str(RICH), "-o", "x.html", "--theme", "modern", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "x.html").read_text(encoding="utf-8") == "mine: Ada Q. Lovelace\n"


def test_unknown_theme_name_is_one_clear_error(tmp_path: Path) -> None:
    run = cli("convert", str(RICH), "-o", str(tmp_path / "x.html"), "--theme", "fancy")
    assert run.returncode == 2
    assert "unknown theme 'fancy'" in run.stderr and "classic" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "x.html").exists()


# --------------------------------------------------------------- title colour in the PDF


def _ppm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary PPM (what pdftoppm writes)."""
    data = path.read_bytes()
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P6"
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][-width * height * 3 :]


def _word_boxes(pdf: Path, dpi: int) -> list[tuple[str, int, int, int, int]]:
    """Every word of page 1 with its box in pixels at ``dpi`` (pdftotext -bbox)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    scale = dpi / 72
    boxes = []
    for x0, y0, x1, y1, word in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html
    ):
        box = [round(float(v) * scale) for v in (x0, y0, x1, y1)]
        boxes.append((word, *box))
    return boxes


def _ink(image: tuple[int, int, bytes], box: tuple[int, int, int, int]) -> tuple[int, int, int]:
    """The colour of the darkest pixels in ``box``: the glyphs' colour."""
    width, _, rgb = image
    x0, y0, x1, y1 = box
    pixels = [
        tuple(rgb[(y * width + x) * 3 : (y * width + x) * 3 + 3])
        for y in range(y0, y1)
        for x in range(x0, x1)
    ]
    pixels.sort(key=sum)
    darkest = pixels[: max(1, len(pixels) // 20)]
    return tuple(sum(p[i] for p in darkest) // len(darkest) for i in range(3))  # type: ignore[return-value]


@poppler
@pytest.mark.parametrize("name", NAMES)
def test_pdf_entry_titles_have_one_colour_linked_or_not(name: str, tmp_path: Path) -> None:
    resume = Resume.from_dict(
        {
            "basics": {"name": "Title Colours"},
            "projects": [
                {"name": "Linkedtitle", "url": "https://example.org/a", "startDate": "2020"},
                {"name": "Plaintitle", "startDate": "2021"},
            ],
        }
    )
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(api.render(resume, "pdf", theme=name))
    dpi = 150
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    image = _ppm(next(tmp_path.glob("p*.ppm")))
    boxes = {w: b for w, *b in _word_boxes(pdf, dpi)}
    linked, plain = _ink(image, boxes["Linkedtitle"]), _ink(image, boxes["Plaintitle"])
    assert max(abs(a - b) for a, b in zip(linked, plain, strict=True)) <= 12, (linked, plain)
