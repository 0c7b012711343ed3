"""Page 1 of the seed's PDF, rendered to pixels with pdftoppm, looks like a printed CV:
the right paper shape, ink on the page but mostly white, text starting at the top margin.
(The theme was designed by looking at these renders; this keeps the basic shape honest.)"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import resumeconv

from conftest import EXAMPLE

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler absent")


def _page_one(pdf: bytes, tmp_path: Path) -> tuple[int, int, bytes]:
    """Width, height and 8-bit grey pixels of page 1 at 30 dpi (a PGM from pdftoppm)."""
    src = tmp_path / "cv.pdf"
    src.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", str(src), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    data = next(tmp_path.glob("p*.pgm")).read_bytes()
    magic, width, height, maxval, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    return int(width), int(height), pixels


@pytest.mark.parametrize(("paper", "ratio"), [("a4", 210 / 297), ("letter", 8.5 / 11)])
def test_first_page_looks_like_a_cv(paper: str, ratio: float, tmp_path: Path) -> None:
    width, height, pixels = _page_one(
        resumeconv.render(resumeconv.load(EXAMPLE), "pdf", paper=paper), tmp_path
    )
    assert abs(width / height - ratio) < 0.01
    ink = sum(1 for p in pixels if p < 128) / len(pixels)
    assert 0.01 < ink < 0.25  # text on the page, but a page of text, not a dark block
    rows = [pixels[y * width : (y + 1) * width] for y in range(height)]
    inked = [y for y, row in enumerate(rows) if any(p < 128 for p in row)]
    assert inked[0] < height * 0.15  # content starts near the top margin
    assert inked[-1] > height * 0.6  # and fills most of the page
    left = min(next(x for x, p in enumerate(rows[y]) if p < 128) for y in inked)
    assert width * 0.03 < left < width * 0.2  # a real left margin
