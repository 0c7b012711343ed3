"""PDF output through Typst, in-process: no browser, no TeX, no network.

The resume goes to our template (``typst/resume.typ``) as JSON in ``sys.inputs``, never as
Typst source, so nothing a resume contains can run as Typst code or read a file. A field's
inline Markdown arrives as runs (text with strong / emph / code marks and a checked link,
:mod:`~resumeconv.exporters.richtext`) that the template wraps in ``strong``, ``emph``,
``raw`` and ``link``: still data, never markup. Fonts are
the ones Typst embeds (Libertinus Serif) plus WenQuanYi Micro Hei when the text has CJK
characters; system fonts are ignored so that every machine makes the same bytes.

One ``typst.Compiler`` per font set is kept for the life of the process: loading fonts is
most of the cost of a first compile, and a warm compile takes a few milliseconds.
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

from resumeconv import assets, scripts
from resumeconv.errors import ExportError, UsageError
from resumeconv.exporters import richtext, themes
from resumeconv.links import safe_url
from resumeconv.model import Resume
from resumeconv.options import WriteOptions

TEMPLATE = Path(__file__).parent / "typst" / "resume.typ"

#: Latin text font, embedded in the typst wheel (so no system font is needed).
LATIN_FONT = "Libertinus Serif"
#: Latin text font of the sans-serif themes (a variable font of manimgx-fonts).
SANS_FONT = "Noto Sans"
#: CJK font (Chinese, Japanese kana, Korean hangul) shipped by paperang-p2-fonts-cjk.
CJK_FONT = "WenQuanYi Micro Hei"
#: Fallbacks for what neither draws (emoji, symbols, Arabic, Hebrew, the Indic scripts …),
#: Noto faces shipped by manimgx-fonts; Typst takes each glyph from the first that has it.
NOTO_FONTS = (
    "Noto Sans Symbols", "Noto Emoji", "Noto Sans Arabic", "Noto Sans Hebrew",
    "Noto Sans Armenian", "Noto Sans Georgian", "Noto Sans Devanagari", "Noto Sans Bengali",
    "Noto Sans Gujarati", "Noto Sans Gurmukhi", "Noto Sans Tamil", "Noto Sans Telugu",
    "Noto Sans Kannada", "Noto Sans Malayalam", "Noto Sans Oriya", "Noto Sans Sinhala",
    "Noto Sans Thai", "Noto Sans Lao", "Noto Sans Myanmar", "Noto Sans Khmer",
    "Noto Sans Ethiopic",
)  # fmt: skip

#: Typst's paper names for ours.
PAPERS = {"a4": "a4", "letter": "us-letter"}

#: Creation time written into the PDF: fixed, so that output depends on input only.
TIMESTAMP = 315532800  # 1980-01-01T00:00:00Z

_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}))?\b")

_compilers: dict[tuple[str, ...], Any] = {}
_lock = threading.Lock()


def write(resume: Resume, options: WriteOptions) -> bytes:
    """The resume as a PDF (A4 or Letter, from ``options.paper``; the look from
    ``options.theme``, a built-in theme name, else the resume's ``meta.theme``)."""
    import dataclasses

    from resumeconv.exporters import outline

    theme = themes.chosen(options.theme, resume)
    if theme != options.theme:
        options = dataclasses.replace(options, theme=str(theme))
    return render(outline.build(resume, locale=options.locale), options)


def render(doc: Any, options: WriteOptions) -> bytes:
    """Typeset an :class:`~resumeconv.exporters.outline.Outline` as PDF bytes."""
    data = template_data(doc, options)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return _compile(text, font_folders(data))


def font_folders(data: dict[str, Any]) -> tuple[str, ...]:
    """The font folders Typst needs for :func:`template_data`'s ``data`` (its font list)."""
    names = _font_names(data["fonts"])
    return _font_dirs(cjk=CJK_FONT in names, other=bool({NOTO_FONTS[0], SANS_FONT} & set(names)))


def template_data(doc: Any, options: WriteOptions) -> dict[str, Any]:
    """The JSON the template reads: plain strings and lists, links already checked."""
    paper = PAPERS.get(str(options.paper).lower())
    if paper is None:
        raise UsageError(f"unknown paper size {options.paper!r}", hint="use a4 or letter")
    lang, region = _language(getattr(doc, "lang", "") or options.locale)
    data: dict[str, Any] = {
        "paper": paper,
        "lang": lang,
        "region": region,
        "name": _str(doc.name),
        "label": _runs(doc.label),
        "summary": _paras(doc.summary),
        "contacts": [
            {"label": _str(c.label), "url": _url(c.url)} for c in doc.contacts if _str(c.label)
        ],
        "sections": [_section(s) for s in doc.sections],
        # An embedded photo only (a local file, as bytes): a remote one is never fetched.
        "photo": list(assets.data_url_bytes(doc.image) or b"") if doc.image else [],
    }
    all_text = json.dumps(data, ensure_ascii=False)
    cjk = scripts.uses(scripts.CJK_GLYPHS, all_text)
    data["style"] = themes.pdf_style(options.theme)
    latin = SANS_FONT if data["style"].get("font") == "sans" else LATIN_FONT
    data["fonts"] = _fonts(cjk, lang, latin) + (
        list(NOTO_FONTS) if scripts.uses(scripts.OTHER_GLYPHS, all_text) else []
    )
    return data


def _section(section: Any) -> dict[str, Any]:
    return {
        "title": _str(section.title),
        "text": _paras(section.text),
        "items": [_item(i) for i in section.items],
    }


def _item(item: Any) -> dict[str, Any]:
    heading = _runs(item.heading)
    return {
        "heading": heading,
        "subheading": _runs(item.subheading),
        "location": _runs(item.location),
        "authors": _runs(getattr(item, "authors", "")),
        "dates": _str(item.dates),
        # a heading with links of its own is not linked again (no link inside a link)
        "url": "" if any(r["url"] for r in heading) else _url(item.url),
        "summary": _paras(item.summary),
        "bullets": [_runs(b) for b in item.bullets if _str(b)],
        "keywords": [_runs(k) for k in item.keywords if _str(k)],
        "note": _runs(item.note),
        "details": [_runs(d) for d in getattr(item, "details", []) if _str(d)],
        "links": [
            {"label": _str(link.label), "url": _url(link.url)}
            for link in getattr(item, "links", [])
            if _url(link.url)
        ],
    }


def _runs(value: Any) -> list[dict[str, Any]]:
    """A field as the template's runs: ``{"text", "strong", "emph", "code", "url"}``, the
    URL checked again here (:mod:`resumeconv.links`); an empty field is ``[]``."""
    if not _str(value):
        return []
    runs = getattr(value, "runs", None)
    if runs is None:
        return [{"text": _str(value), "strong": False, "emph": False, "code": False, "url": ""}]
    return [
        {"text": r.text, "strong": r.strong, "emph": r.emph, "code": r.code, "url": _url(r.url)}
        for r in runs
    ]


def _paras(value: Any) -> list[list[dict[str, Any]]]:
    """Prose as paragraphs (blank lines separate them), each a list of runs."""
    return [_runs(p) for p in richtext.paragraphs(value) if _str(p)]


def _str(value: Any) -> str:
    """Text for the template: None becomes "", anything else its string form."""
    return "" if value is None else str(value).strip()


def _url(value: Any) -> str:
    """A link target we are willing to put in a PDF (:mod:`resumeconv.links`), else ""."""
    return safe_url(value) or ""


def _language(locale: str) -> tuple[str, str | None]:
    """Typst's ``lang`` and ``region`` from a locale such as ``zh-CN`` (``en`` if invalid)."""
    match = _LANG.match(locale or "")
    if not match:
        return "en", None
    region = match.group(2)
    return match.group(1).lower(), region.upper() if region else None


def _fonts(cjk: bool, lang: str, latin: str = LATIN_FONT) -> list[Any]:
    """Font fallback list: Latin first; in a CJK document Latin covers only Latin letters."""
    if not cjk:
        return [latin]
    if lang in ("zh", "ja", "ko"):
        return [{"name": latin, "covers": "latin-in-cjk"}, CJK_FONT]
    return [latin, CJK_FONT]


def _font_names(fonts: list[Any]) -> list[str]:
    """The names in a :func:`_fonts` list (entries are names or ``{"name": …}``)."""
    return [f["name"] if isinstance(f, dict) else f for f in fonts]


def _font_dirs(cjk: bool, other: bool) -> tuple[str, ...]:
    """Extra font folders, each only when the text needs it (loading fonts costs time)."""
    dirs = []
    if cjk:
        dirs.append(_package_folder("paperang_p2_fonts_cjk", "Chinese, Japanese, Korean") / "fonts")
    if other:
        dirs.append(_package_folder("manimgx_fonts", "emoji, symbols, Arabic, Indic scripts"))
    return tuple(str(d) for d in dirs)


def _package_folder(package: str, needed_for: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        name = package.replace("_", "-")
        raise ExportError(
            f"the font package {name} is not installed",
            hint=f"pip install {name} (needed for {needed_for})",
        )
    return Path(spec.submodule_search_locations[0])


def _compiler(font_dirs: tuple[str, ...]) -> Any:
    """The process-wide compiler for this font set (created on first use)."""
    compiler = _compilers.get(font_dirs)
    if compiler is None:
        import typst

        compiler = typst.Compiler(
            input=str(TEMPLATE),
            root=str(TEMPLATE.parent),
            font_paths=list(font_dirs),
            ignore_system_fonts=True,
        )
        _compilers[font_dirs] = compiler
    return compiler


def _compile(data_json: str, font_dirs: tuple[str, ...]) -> bytes:
    import typst

    with _lock:
        compiler = _compiler(font_dirs)
        try:
            pdf = compiler.compile(
                format="pdf", sys_inputs={"data": data_json}, timestamp=TIMESTAMP
            )
        except typst.TypstError as exc:
            raise ExportError(
                f"Typst could not typeset the resume: {exc.message}",
                hint="this is a bug in resumeconv's PDF template; please report it",
            ) from None
    if not isinstance(pdf, bytes):
        raise ExportError("Typst returned no PDF", hint="please report this as a bug")
    return pdf
