"""Markup written in a resume is text in the PDF and DOCX: Typst, LaTeX, HTML, OpenXML alike.

Every field that reaches the page carries a payload; the payloads must come out literally
and nothing they ask for (reading files, evaluating code, raw OpenXML) may happen. Inline
Markdown is the one markup a field may hold (the readers keep links as ``[text](url)``):
it is drawn as formatting — ``**x**`` is a bold "x" — and a link inside a field is a link
only when resumeconv/links.py allows its target.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx as python_docx
import pytest

from resumeconv.exporters import docx, pdf
from resumeconv.model import Resume
from resumeconv.options import WriteOptions

PAYLOADS = [
    "<b>x</b>",
    "\\textbf{x}",
    "**x**",
    "`<w:p/>`{=openxml}",
    "{=openxml}",
    "[click](javascript:alert(1))",
    "[file](file:///etc/passwd) [ok](https://example.org/ok)",
    '#read("/etc/passwd")',
    '#import "/etc/hostname": *',
    '#eval("1 + 1")',
    "$x^2$",
    "*bold* _emph_",
    "] [ ) ( } {",
    '#set page(paper: "a5")',
    "<script>alert(1)</script>",
    "]]></w:t><w:t>",
    "&amp; &lt;",
    "@label <label> // not a comment /* nor this */",
]


def payload_resume() -> Resume:
    """A resume whose every shown field is a payload (one per field, cycling)."""
    it = iter(PAYLOADS * 4)

    def nxt() -> str:
        return f"P{next(it)}"

    return Resume.from_dict(
        {
            "basics": {
                "name": nxt(),
                "label": nxt(),
                "summary": nxt(),
                "email": "a@example.org",
                "url": "javascript:alert(1)",
                "location": {"city": nxt()},
                "profiles": [{"network": nxt(), "url": "javascript:alert(2)"}],
            },
            "work": [
                {
                    "name": nxt(),
                    "position": nxt(),
                    "location": nxt(),
                    "summary": nxt(),
                    "highlights": [nxt(), nxt()],
                    "url": "file:///etc/passwd",
                    "startDate": "2020-01",
                }
            ],
            "skills": [{"name": nxt(), "keywords": [nxt(), nxt()]}],
            "projects": [{"name": nxt(), "keywords": [nxt()], "description": nxt()}],
            "meta": {
                "x-resumeconv": {
                    "version": "1",
                    "sections": [
                        {"section": "work", "title": nxt(), "items": [0]},
                        {"section": "skills", "title": nxt(), "items": [0]},
                        {"section": "projects", "title": nxt(), "items": [0]},
                        {"section": "custom", "title": nxt(), "entries": [{"summary": nxt()}]},
                    ],
                }
            },
        }
    )


#: What a reader sees of the payloads that are inline Markdown (the others print as written).
MARKDOWN = {
    "**x**": "x",
    "`<w:p/>`{=openxml}": "<w:p/>{=openxml}",
    "*bold* _emph_": "bold emph",
    "&amp; &lt;": "& <",
    "[click](javascript:alert(1))": "click",
    "[file](file:///etc/passwd) [ok](https://example.org/ok)": "file ok",
}


def shown() -> list[str]:
    """Every payload string the resume above shows (each prefixed with P)."""
    return [f"P{MARKDOWN.get(p, p)}" for p in PAYLOADS]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_pdf_prints_payloads_literally(tmp_path: Path) -> None:
    data = pdf.write(payload_resume(), WriteOptions())
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    text = squash(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True).stdout.decode()
    )
    for payload in shown():  # section titles are in capitals in the PDF
        assert squash(payload).casefold() in text.casefold(), payload
    assert "root:" not in text  # /etc/passwd was not read
    assert "P2" not in text  # P#eval("1 + 1") did not run
    assert "P**x**" not in text and "Pclick](" not in text  # Markdown drawn, not printed
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True).stdout.decode()
    assert "(A4)" in info  # #set page(paper: "a5") did not apply
    assert b"javascript:" not in data and b"file:///etc/passwd" not in data
    assert b"https://example.org/ok" in data  # a safe link inside a field is a link


def test_pdf_payload_is_data_not_source() -> None:
    """The template receives the resume as JSON in sys.inputs, never spliced into source."""
    data = pdf.template_data(_outline(), WriteOptions())
    assert data["name"] == f"P{PAYLOADS[0]}"
    assert "sys.inputs.data" in pdf.TEMPLATE.read_text(encoding="utf-8")
    assert "eval(" not in pdf.TEMPLATE.read_text(encoding="utf-8")


def _outline():  # type: ignore[no-untyped-def]
    from resumeconv.exporters import outline

    return outline.build(payload_resume())


def test_docx_prints_payloads_literally() -> None:
    data = docx.write(payload_resume(), WriteOptions())
    document = python_docx.Document(io.BytesIO(data))
    text = squash("\n".join(p.text for p in document.paragraphs))
    for payload in shown():
        assert squash(payload) in text, payload
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "<b>" not in xml and "<w:p/>" not in xml  # no raw markup got through
    assert "<script" not in xml
    assert "javascript:" not in rels and "file:///" not in rels
    assert "https://example.org/ok" in rels  # a safe link inside a field is a link
    assert "P**x**" not in text and "Pclick](" not in text  # Markdown drawn, not printed
    assert re.search(r"<w:b\s*/>.{0,200}?<w:t[^>]*>x</w:t>", xml, re.S)  # **x** is bold
    # the only raw OpenXML is our tab run: every <w:p> is one we asked pandoc for
    assert xml.count("<w:p>") + xml.count("<w:p ") == len(document.paragraphs)
