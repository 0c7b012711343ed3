"""Regenerate docs/themes/*.png: the first page of every built-in theme, PDF and HTML.

A developer script (not installed, not run by the tests): it renders
fixtures/export/rich.json with each theme, rasterises the PDF's first page with
pdftoppm and screenshots the HTML with headless Chromium, then lays the four themes side
by side (needs Pillow: pip install pillow).

    python tools/theme_previews.py
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from resumeconv import api
from resumeconv.model import Resume

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "themes"


def main() -> None:
    resume = Resume.from_dict(json.loads((ROOT / "fixtures/export/rich.json").read_text()))
    names = [name for name, _ in api.themes()]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdfs, htmls = [], []
        for name in names:
            (work / f"{name}.pdf").write_bytes(api.render(resume, "pdf", theme=name))
            (work / f"{name}.html").write_bytes(api.render(resume, "html", theme=name))
            subprocess.run(
                ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile",
                 str(work / f"{name}.pdf"), str(work / f"{name}-pdf")],
                check=True,
            )  # fmt: skip
            subprocess.run(
                ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                 f"--screenshot={work / f'{name}-html.png'}", "--window-size=900,1200",
                 (work / f"{name}.html").as_uri()],
                check=True, capture_output=True,
            )  # fmt: skip
            pdfs.append(Image.open(work / f"{name}-pdf.png").convert("RGB"))
            html = Image.open(work / f"{name}-html.png").convert("RGB")
            htmls.append(html.resize((html.width // 2, html.height // 2)))
        OUT.mkdir(parents=True, exist_ok=True)
        for kind, images in (("pdf", pdfs), ("html", htmls)):
            sheet = Image.new("RGB", (sum(i.width for i in images), max(i.height for i in images)))
            x = 0
            for image in images:
                sheet.paste(image, (x, 0))
                x += image.width
            sheet.quantize(colors=128).save(OUT / f"{kind}.png", optimize=True)
            print(OUT / f"{kind}.png", "(" + ", ".join(names) + ", left to right)")


if __name__ == "__main__":
    main()
