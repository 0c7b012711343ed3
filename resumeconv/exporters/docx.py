"""Word (DOCX) output through pandoc.

We build pandoc's JSON AST ourselves and run the pandoc binary that ``pypandoc-binary``
ships (``pandoc --sandbox -f json -t docx``). Resume text only ever becomes ``Str`` nodes,
so HTML, LaTeX or raw OpenXML written in a field comes out as literal text; a field's
inline Markdown (links, bold, italic, code), read once by the outline
(:mod:`~resumeconv.exporters.richtext`), becomes pandoc's ``Link`` / ``Strong`` / ``Emph`` /
``Code`` around those ``Str`` nodes. The only raw OpenXML in the document is our own tab
run.

The result is a plain Word document that ATS parsers read: real Heading 1/2/3 paragraphs
and real lists, no text boxes, no layout tables. Styles come from the reference documents
in ``assets/docx/`` (A4 and Letter differ only in page size and side margins).

``pypandoc`` itself is never imported on the normal path (importing it costs more than
the whole conversion); we only locate its bundled binary.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from resumeconv.errors import ExportError, UsageError
from resumeconv.exporters import richtext
from resumeconv.links import safe_url
from resumeconv.model import Resume
from resumeconv.options import WriteOptions

ASSETS = Path(__file__).parent / "assets" / "docx"
REFERENCE_DOCS = {"a4": ASSETS / "reference-a4.docx", "letter": ASSETS / "reference-letter.docx"}

#: pandoc-api-version of the bundled pandoc (3.x); re-read from pandoc if it disagrees.
API_VERSION = [1, 23, 1, 1]

#: Creation time in docProps/core.xml. pandoc's --sandbox reads no environment and writes
#: the epoch itself; we set the same value so that output is the same without the sandbox.
SOURCE_DATE_EPOCH = "0"

#: How long pandoc may take before we give up (seconds).
TIMEOUT = 60

_TAB = {"t": "RawInline", "c": ["openxml", "<w:r><w:tab/></w:r>"]}
_SPACE = {"t": "Space"}
_DOT = [_SPACE, {"t": "Str", "c": "·"}, _SPACE]
_COMMA = [{"t": "Str", "c": ","}, _SPACE]
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_WORDS = re.compile(r"[^\S\n]+")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

_pandoc: str | None = None
_api_version: list[int] | None = None


def write(resume: Resume, options: WriteOptions) -> bytes:
    """The resume as a .docx (A4 or Letter, from ``options.paper``)."""
    from resumeconv.exporters import outline

    return render(outline.build(resume, locale=options.locale), options)


def render(doc: Any, options: WriteOptions) -> bytes:
    """Convert an :class:`~resumeconv.exporters.outline.Outline` to DOCX bytes."""
    reference = REFERENCE_DOCS.get(str(options.paper).lower())
    if reference is None:
        raise UsageError(f"unknown paper size {options.paper!r}", hint="use a4 or letter")
    if options.reference_doc is not None:
        reference = reference_document(options.reference_doc)
    name = _text(doc.name)
    return with_properties(run_pandoc(ast(doc, options.locale), reference), name, name)


def reference_document(path: str) -> Path:
    """A user's ``--reference-doc``, checked: an existing .docx (a zip with Word parts)."""
    file = Path(path).expanduser()
    if not file.is_file():
        raise UsageError(
            "reference document not found" if not file.exists() else "not a file",
            file=path,
            hint="pass --reference-doc a .docx whose styles the output should take",
        )
    try:
        with zipfile.ZipFile(file) as archive:
            archive.getinfo("word/styles.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        raise UsageError(
            "the reference document is not a Word .docx (no word/styles.xml inside)",
            file=path,
            hint=f"save it from Word or LibreOffice as .docx, or start from {REFERENCE_DOCS['a4']}",
        ) from None
    return file


def with_properties(docx: bytes, title: str, author: str) -> bytes:
    """The document with its title and author in ``docProps/core.xml``.

    pandoc takes both only from metadata it would also print as a title block, so they are
    written into the part pandoc made, every other zip entry copied as it is (same dates,
    same order: the bytes still depend on the input only).
    """
    if not title and not author:
        return docx
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = text.replace("<dc:title></dc:title>", f"<dc:title>{_xml(title)}</dc:title>")
                text = text.replace(
                    "<dc:creator></dc:creator>", f"<dc:creator>{_xml(author)}</dc:creator>"
                )
                data = text.encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _xml(text: str) -> str:
    return xml_escape(_CONTROL.sub("", text))


# --------------------------------------------------------------------------- the AST


def ast(doc: Any, locale: str = "en") -> dict[str, Any]:
    """pandoc's JSON document for the outline (without the API version)."""
    blocks: list[Any] = []
    cjk = _text(getattr(doc, "lang", "")).split("-")[0] in ("zh", "ja", "ko")
    image = _text(getattr(doc, "image", None))
    if image.startswith("data:image/"):  # a local photo, inline; a remote one stays out
        size = [["width", "2.6cm"], ["height", "2.6cm"]]
        photo = {"t": "Image", "c": [["", [], size], [], [image, ""]]}
        blocks.append(_styled("Photo", [_para([photo])]))
    if _text(doc.name):
        blocks.append(_header(1, _inlines(doc.name)))
    if _text(doc.label):
        blocks.append(_styled("Resume Label", [_para(_inlines(doc.label))]))
    contacts = [_contact(c) for c in doc.contacts if _text(c.label)]
    if contacts:
        blocks.append(_styled("Contact Line", [_para(_join(contacts, _DOT))]))
    blocks.extend(_prose(doc.summary))
    for section in doc.sections:
        blocks.append(_header(2, _inlines(section.title)))
        blocks.extend(_prose(section.text))
        for item in section.items:
            blocks.extend(_item(item, cjk))
    lang = _text(getattr(doc, "lang", "")) or locale
    meta = {"lang": {"t": "MetaString", "c": lang}} if _LANG.match(lang or "") else {}
    return {"meta": meta, "blocks": blocks}


def _item(item: Any, cjk: bool = False) -> list[Any]:
    """One entry: a Heading 3 with the dates at a right tab, then authors, details, text,
    bullets, keywords, further lines and links."""
    heading, subheading = _shown(item.heading), _shown(item.subheading)
    if not heading:
        heading, subheading = subheading, ""
    bullets = [b for b in item.bullets if _text(b)]
    keywords = [k for k in item.keywords if _text(k)]
    dates, location, note, summary = (
        _text(item.dates),
        _shown(item.location),
        _shown(item.note),
        _shown(item.summary),
    )
    authors = _shown(getattr(item, "authors", ""))
    details = [d for d in getattr(item, "details", []) if _text(d)]
    links = [link for link in getattr(item, "links", []) if safe_url(link.url)]
    title = _link(_inlines(heading), item.url)
    if not (dates or subheading or location or summary or bullets or authors or details):
        return _line_item(title, note, keywords, cjk, links)
    out = []
    if title or dates:
        out.append(_header(3, [*title, _TAB, _dates(dates)] if dates else title))
    if authors:
        out.append(_styled("Entry Details", [_para(_inlines(authors))]))
    if subheading or location:
        details_line = [{"t": "Emph", "c": _inlines(subheading)}] if subheading else []
        if location:
            details_line += [_TAB, *_inlines(location)]
        out.append(_styled("Entry Details", [_para(details_line)]))
    if note:
        out.append(_styled("Entry Note", [_para(_inlines(note))]))
    out.extend(_prose(summary))
    if bullets:
        out.append({"t": "BulletList", "c": [[{"t": "Plain", "c": _inlines(b)}] for b in bullets]})
    if keywords:
        keyword_line = _join([_inlines(k) for k in keywords], _DOT)
        out.append(_styled("Keywords", [_para(keyword_line)]))
    for line in details:
        out.append(_styled("Entry Note", [_para(_inlines(line))]))
    if links:
        out.append(_styled("Entry Note", [_para(_link_line(links))]))
    return out


def _shown(value: Any) -> Any:
    """The field itself (keeping its runs) when it shows anything, else ""."""
    return value if _text(value) else ""


def _link_line(links: list[Any]) -> list[Any]:
    """ "Slides · BibTeX", each its link."""
    return _join([_link(_inlines(link.label), link.url) for link in links], _DOT)


def _line_item(
    title: list[Any], note: Any, keywords: list[Any], cjk: bool, links: list[Any] | None = None
) -> list[Any]:
    """A name with keywords or a level (skills, languages): one line, "Name (note): a, b".

    In a Chinese, Japanese or Korean resume the punctuation is full-width: "名称（注）：甲、乙".
    """
    line = [{"t": "Strong", "c": title}] if title else []
    if note and cjk:
        line += [{"t": "Str", "c": "（"}, *_inlines(note), {"t": "Str", "c": "）"}]
    elif note:
        bracketed = [{"t": "Str", "c": "("}, *_inlines(note), {"t": "Str", "c": ")"}]
        line += [_SPACE, *bracketed] if line else _inlines(note)
    if line and keywords:
        line += [{"t": "Str", "c": "："}] if cjk else [{"t": "Str", "c": ":"}, _SPACE]
    line += _join([_inlines(k) for k in keywords], [{"t": "Str", "c": "、"}] if cjk else _COMMA)
    if links:
        line += [*_DOT, *_link_line(links)] if line else _link_line(links)
    return [_styled("List Line", [_para(line)])] if line else []


def _dates(dates: str) -> dict[str, Any]:
    """Dates in their own character style, kept on one line (no-break spaces)."""
    return {
        "t": "Span",
        "c": [
            ["", [], [["custom-style", "Entry Dates"]]],
            [{"t": "Str", "c": dates.replace(" ", "\u00a0")}],
        ],
    }


def _contact(contact: Any) -> list[Any]:
    return _link(_inlines(contact.label), contact.url)


def _text(value: Any) -> str:
    """A field as clean text: None is "", XML-forbidden control characters are dropped."""
    return "" if value is None else _CONTROL.sub("", str(value)).strip()


def _inlines(value: Any) -> list[Any]:
    """A field as pandoc inlines: its Markdown runs (:class:`~.richtext.Rich`) in
    Strong / Emph / Code / Link, their text as Str nodes (:func:`_words`), never parsed as
    markup here."""
    spans = getattr(value, "spans", None)
    if not spans or not value.styled:
        return _words(value)
    out: list[Any] = []
    for span in spans:
        inner: list[Any] = []
        for run in span.runs:
            if run.code:
                code = " ".join(_text(run.text).split())
                node: list[Any] = [{"t": "Code", "c": [["", [], []], code]}]
            else:
                node = _words(run.text, strip=False)
            if run.emph:
                node = [{"t": "Emph", "c": node}]
            if run.strong:
                node = [{"t": "Strong", "c": node}]
            inner.extend(node)
        out.extend(_link(inner, span.url))
    return out


def _words(value: Any, strip: bool = True) -> list[Any]:
    """Text as Str nodes, one per line with its white space collapsed (a newline becomes a
    line break): never parsed as markup. A Str per word with Space nodes between made a
    1 MB field 400,000 AST nodes (13 s and 550 MiB in pandoc); a line is one node. Inside a
    field (``strip=False``) the spaces at a run's ends are kept as Space nodes."""
    out: list[Any] = []
    raw = "" if value is None else _CONTROL.sub("", str(value))
    raw = raw.strip() if strip else raw
    for n, line in enumerate(raw.split("\n")):
        if n:
            out.append({"t": "LineBreak"})
        words = " ".join(w for w in _WORDS.split(line.strip()) if w)
        if not strip and line[:1].isspace() and (words or n == 0):
            out.append(_SPACE)
        if words:
            out.append({"t": "Str", "c": words})
            if not strip and line[-1:].isspace():
                out.append(_SPACE)
    return out


def _prose(value: Any) -> list[Any]:
    """Paragraphs of a text field (blank lines separate them), each with its own runs."""
    return [_para(_inlines(p)) for p in richtext.paragraphs(value)]


def _link(inlines: list[Any], url: Any) -> list[Any]:
    """Inlines linked to ``url`` when :mod:`resumeconv.links` allows it (and they hold no
    link of their own: Word has no link inside a link)."""
    target = safe_url(url)
    if not inlines or target is None or any(n.get("t") == "Link" for n in inlines):
        return inlines
    return [{"t": "Link", "c": [["", [], []], inlines, [target, ""]]}]


def _join(parts: list[list[Any]], sep: list[Any]) -> list[Any]:
    out: list[Any] = []
    for n, part in enumerate(parts):
        if n:
            out.extend(sep)
        out.extend(part)
    return out


def _para(inlines: list[Any]) -> dict[str, Any]:
    return {"t": "Para", "c": inlines}


def _header(level: int, inlines: list[Any]) -> dict[str, Any]:
    return {"t": "Header", "c": [level, ["", [], []], inlines]}


def _styled(style: str, blocks: list[Any]) -> dict[str, Any]:
    """Blocks in a named paragraph style of the reference document."""
    return {"t": "Div", "c": [["", [], [["custom-style", style]]], blocks]}


# --------------------------------------------------------------------------- pandoc


def pandoc_path() -> str:
    """The pandoc binary: pypandoc-binary's, else pypandoc's choice, else one on PATH."""
    global _pandoc
    if _pandoc is None:
        _pandoc = _find_pandoc()
    return _pandoc


def _find_pandoc() -> str:
    import importlib.util

    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.submodule_search_locations:
        name = "pandoc.exe" if sys.platform == "win32" else "pandoc"
        bundled = Path(spec.submodule_search_locations[0]) / "files" / name
        if bundled.is_file():
            return str(bundled)
        try:
            import pypandoc

            return str(pypandoc.get_pandoc_path())
        except (ImportError, OSError):
            pass
    import shutil

    found = shutil.which("pandoc")
    if found is None:
        raise ExportError(
            "pandoc is not installed, so DOCX cannot be written",
            hint="pip install pypandoc-binary (it ships pandoc)",
        )
    return found


def run_pandoc(document: dict[str, Any], reference: Path) -> bytes:
    """pandoc JSON → DOCX bytes; retries once if pandoc's API version differs from ours."""
    global _api_version
    version = _api_version or API_VERSION
    result = _pandoc_once(document, version, reference)
    if result.returncode != 0 and b"version" in result.stderr.lower() and _api_version is None:
        _api_version = _probe_api_version()
        result = _pandoc_once(document, _api_version, reference)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError(
            "pandoc could not write the DOCX: " + (message[0] if message else "unknown error"),
            hint="check that the pandoc shipped by pypandoc-binary works: pandoc --version",
        )
    return result.stdout


def _pandoc_once(
    document: dict[str, Any], version: list[int], reference: Path
) -> subprocess.CompletedProcess[bytes]:
    payload = json.dumps({"pandoc-api-version": version, **document}, ensure_ascii=False)
    args = [pandoc_path(), "--sandbox", "-f", "json", "-t", "docx"]
    args += ["--reference-doc", str(reference), "-o", "-"]
    try:
        return subprocess.run(
            args,
            input=payload.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "LANG": "C.UTF-8"},
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ExportError(
            f"could not run pandoc: {exc}", hint="reinstall pypandoc-binary"
        ) from None


def _probe_api_version() -> list[int]:
    """Ask pandoc which pandoc-api-version its JSON uses."""
    result = subprocess.run(
        [pandoc_path(), "-f", "markdown", "-t", "json"],
        input=b"",
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    try:
        return list(json.loads(result.stdout)["pandoc-api-version"])
    except (ValueError, KeyError, TypeError):
        return API_VERSION
