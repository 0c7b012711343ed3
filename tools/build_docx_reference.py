"""Rebuild reference-a4.docx and reference-letter.docx from styles.xml (run by hand).

    .venv/bin/python tools/build_docx_reference.py

The three files are in ``resumeconv/exporters/assets/docx/``; this script is not shipped.

Starts from pandoc's own reference.docx (so every part pandoc expects is there), puts in
our styles.xml, an empty body with the page setup, and drops the settings that make Word
embed fonts. The zip is written with fixed dates so that rebuilding changes no byte.
Both papers have a 9638-twip (17 cm) text width, the position of the right tab stops.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's resumeconv, not an installed one

from resumeconv.exporters.docx import ASSETS, pandoc_path  # noqa: E402

#: Page width and height, left/right and top/bottom margins, in twips.
PAGES = {
    "a4": (11906, 16838, 1134, 1134),
    "letter": (12240, 15840, 1301, 1134),
}

DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <w:body>
    <w:p/>
    <w:sectPr>
      <w:pgSz w:w="{w}" w:h="{h}"/>
      <w:pgMar w:top="{tb}" w:right="{lr}" w:bottom="{tb}" w:left="{lr}" \
w:header="567" w:footer="567" w:gutter="0"/>
      <w:cols w:space="720"/>
    </w:sectPr>
  </w:body>
</w:document>
"""


def main() -> None:
    default = subprocess.run(
        [pandoc_path(), "--print-default-data-file", "reference.docx"],
        capture_output=True,
        check=True,
    ).stdout
    styles = (ASSETS / "styles.xml").read_bytes()
    for paper, (w, h, lr, tb) in PAGES.items():
        document = DOCUMENT.format(w=w, h=h, lr=lr, tb=tb).encode()
        out = ASSETS / f"reference-{paper}.docx"
        out.write_bytes(_rebuild(default, styles, document))
        print(f"wrote {out}")


def _rebuild(default: bytes, styles: bytes, document: bytes) -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(default)) as src,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for name in sorted(src.namelist()):
            data = src.read(name)
            if name == "word/styles.xml":
                data = styles
            elif name == "word/document.xml":
                data = document
            elif name == "word/settings.xml":
                data = re.sub(rb"\s*<w:embedSystemFonts\s*/>", b"", data)
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    return buffer.getvalue()


if __name__ == "__main__":
    main()
