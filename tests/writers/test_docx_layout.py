"""DOCX as Word and LibreOffice show it: title and author in the properties, fonts both
have, dates that stay on the title's line, and a reference document of your own."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx as python_docx
import pytest

from resumeconv import api
from resumeconv.errors import UsageError
from resumeconv.exporters import docx
from resumeconv.model import Resume

from conftest import REPO

libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler-utils missing",
)

WORDS = [
    "and",
    "Head",
    "of",
    "the",
    "Example",
    "Laboratory",
    "for",
    "Storage",
    "Research",
    "in",
    "the",
    "North",
    "Region",
]

LONG = Resume.from_dict(
    {
        "basics": {"name": "Dana Example"},
        "work": [
            {
                "name": "Example Organisation for Very Long Names of Institutes",
                "position": "Senior Principal Research Scientist and Head of the Distributed "
                "Systems Group of the Example Laboratory",
                "startDate": "2019-09",
                "endDate": "2023-08",
            },
            {"name": "Short Ltd", "position": "Engineer", "startDate": "2015", "endDate": "2019"},
        ],
    }
)


def test_title_and_author_are_in_the_document_properties() -> None:
    document = python_docx.Document(io.BytesIO(api.render(LONG, "docx")))
    assert document.core_properties.title == "Dana Example"
    assert document.core_properties.author == "Dana Example"


def test_properties_are_escaped_and_bytes_stay_deterministic() -> None:
    resume = Resume.from_dict({"basics": {"name": 'A <b> & "C"'}})
    first, second = api.render(resume, "docx"), api.render(resume, "docx")
    assert first == second
    assert python_docx.Document(io.BytesIO(first)).core_properties.title == 'A <b> & "C"'
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_fonts_are_ones_word_and_libreoffice_both_have() -> None:
    with zipfile.ZipFile(docx.REFERENCE_DOCS["a4"]) as archive:
        styles = archive.read("word/styles.xml").decode()
    fonts = set(re.findall(r'w:(?:ascii|hAnsi)="([^"]+)"', styles))
    # Arial: in every Word; LibreOffice shows it with the metric-compatible Liberation Sans.
    assert fonts <= {"Arial", "Consolas"}, fonts


def _lo_pdf(data: bytes, tmp_path: Path) -> Path:
    source = tmp_path / "cv.docx"
    source.write_bytes(data)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    return tmp_path / "cv.pdf"


def _lines(pdf: Path) -> list[tuple[float, str]]:
    """(baseline, text) of every line of page 1, top to bottom (pdftotext -bbox-layout)."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    out = []
    for y, body in re.findall(
        r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', html, re.S
    ):
        out.append((float(y), " ".join(re.findall(r">([^<]+)</word>", body))))
    return sorted(out)


#: Titles one word longer each: whatever the font's widths, some of them end so close to
#: the margin that dates after a tab at the margin would wrap onto a line of their own.
GROWING = Resume.from_dict(
    {
        "basics": {"name": "Dana Example"},
        "work": [
            {
                "position": " ".join(["Principal Scientist of Distributed Systems", *WORDS[:n]]),
                "startDate": f"{1990 + n}-09",
                "endDate": f"{1991 + n}-08",
            }
            for n in range(len(WORDS) + 1)
        ],
    }
)


@libreoffice
def test_dates_never_wrap_onto_a_line_of_their_own(tmp_path: Path) -> None:
    pdf = _lo_pdf(api.render(GROWING, "docx"), tmp_path)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "LiberationSans" in fonts  # Arial's stand-in: same widths, same line breaks
    by_y: dict[float, str] = {}
    for y, text in _lines(pdf):  # words whose baselines meet are one visual line
        key = next((k for k in by_y if abs(k - y) < 2), y)
        by_y[key] = (by_y.get(key, "") + " " + text).strip()
    rows = list(by_y.values())
    alone = [r for r in rows if re.fullmatch(r"\w{3} \d{4} – \w{3} \d{4}", r)]
    assert alone == [], rows
    assert sum(bool(re.search(r"\d{4} – \w{3} \d{4}", r)) for r in rows) == len(WORDS) + 1


def test_reference_doc_of_your_own_gives_its_styles(tmp_path: Path) -> None:
    mine = tmp_path / "mine.docx"
    with zipfile.ZipFile(docx.REFERENCE_DOCS["a4"]) as src, zipfile.ZipFile(mine, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace(b'"Arial"', b'"Georgia"')
            dst.writestr(info, data)
    out = tmp_path / "cv.docx"
    run = subprocess.run(
        [sys.executable, "-m", "resumeconv", "convert", str(REPO / "fixtures/export/rich.json"),
         "-o", str(out), "--reference-doc", str(mine)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(out) as archive:
        assert b'"Georgia"' in archive.read("word/styles.xml")


@pytest.mark.parametrize("content", [None, b"not a zip", "zip-without-styles"])
def test_a_bad_reference_doc_is_one_usage_error(content: object, tmp_path: Path) -> None:
    path = tmp_path / "ref.docx"
    if content == "zip-without-styles":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hi")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(UsageError) as info:
        api.render(LONG, "docx", reference_doc=str(path))
    assert info.value.hint
