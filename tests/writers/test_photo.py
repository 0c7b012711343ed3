"""basics.image: a local file (in the site, or beside the input) is embedded in HTML, PDF
and DOCX; a remote one is never fetched (HTML links it, PDF/DOCX leave it out, one note)."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

import resumeconv
from resumeconv import api


def png(width: int = 3, height: int = 2) -> bytes:
    """A real PNG image (red pixels), made here so no binary fixture is needed."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def site(tmp_path: Path, avatar: str = "me.png") -> Path:
    root = tmp_path / "site"
    (root / "_pages").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "images" / "me.png").write_bytes(png())
    (root / "_config.yml").write_text(
        f'url: "https://pat.example.org"\nauthor:\n  name: "Pat Example"\n  avatar: "{avatar}"\n',
        encoding="utf-8",
    )
    page = root / "_pages" / "cv.md"
    page.write_text("Education\n=========\n* Ph.D. in Physics, Example University, 2020\n")
    return page


def docx_media(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]


def test_a_site_avatar_is_embedded_in_html_pdf_and_docx(tmp_path: Path) -> None:
    resume = resumeconv.load(site(tmp_path))
    assert resume.to_dict()["basics"]["image"] == "https://pat.example.org/images/me.png"
    html = api.render(resume, "html").decode()
    assert f'src="data:image/png;base64,{base64.b64encode(png()).decode()}"' in html
    assert docx_media(api.render(resume, "docx")) == [png()]
    pdf = api.render(resume, "pdf")
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf
    assert api.export_notes(resume, ["html", "pdf", "docx"]) == []


def test_a_photo_beside_a_json_resume_is_embedded(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(png())
    source = tmp_path / "resume.json"
    source.write_text(json.dumps({"basics": {"name": "J", "image": "photo.png"}}))
    resume = resumeconv.load(source)
    assert docx_media(api.render(resume, "docx")) == [png()]
    assert "data:image/png;base64," in api.render(resume, "html").decode()


def test_a_remote_photo_is_never_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "resume.json"
    url = "https://photos.example.org/me.png"
    source.write_text(json.dumps({"basics": {"name": "J", "image": url}}))
    resume = resumeconv.load(source)

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("resumeconv opened a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    html = api.render(resume, "html").decode()
    assert f'src="{url}"' in html  # HTML links it: the reader's browser may load it
    assert docx_media(api.render(resume, "docx")) == []
    pdf = api.render(resume, "pdf")
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf
    notes = api.export_notes(resume, ["html", "pdf", "docx"])
    assert len(notes) == 1 and "remote" in notes[0] and "PDF and DOCX" in notes[0]


def test_the_remote_photo_note_is_printed_once_per_input(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(json.dumps({"basics": {"name": "J", "image": "https://x.example/p.png"}}))
    run = subprocess.run(
        [sys.executable, "-m", "resumeconv", "convert", str(source), "-o", str(tmp_path / "o/"),
         "-t", "html,pdf,docx"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("basics.image") == 1, run.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_photo_linked_from_outside_the_site_is_not_read(tmp_path: Path) -> None:
    page = site(tmp_path)
    secret = tmp_path / "outside.png"
    secret.write_bytes(png(5, 5))
    target = page.parents[1] / "images" / "me.png"
    target.unlink()
    target.symlink_to(secret)
    resume = resumeconv.load(page)
    assert resume.assets == {}
    assert docx_media(api.render(resume, "docx")) == []


def test_a_file_that_is_not_an_image_is_not_embedded(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_text("<svg onload=alert(1)>")
    source = tmp_path / "resume.json"
    source.write_text(json.dumps({"basics": {"name": "J", "image": "photo.png"}}))
    resume = resumeconv.load(source)
    assert "<img" not in api.render(resume, "html").decode()
    assert docx_media(api.render(resume, "docx")) == []
    assert "no PNG, JPEG or GIF" in api.export_notes(resume, ["pdf"])[0]


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils missing")
def test_the_pdf_photo_is_the_file(tmp_path: Path) -> None:
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(api.render(resumeconv.load(site(tmp_path)), "pdf"))
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    rows = [line.split() for line in listing.stdout.splitlines()[2:]]
    assert [(r[3], r[4]) for r in rows] == [("3", "2")]  # width, height of our PNG
