"""Page chrome: what a CV page shows around the CV that is not part of it (issue 12, rule 8).

A download button (``<a class="btn">Download CV as PDF</a>``), a heading or bullet that is
only a link to the CV as a file ("[Download CV (PDF)](…)", "[Descargar mi Hoja de Vida
(PDF)](…)") and an intro line pointing at that file ("Printable version: [PDF](…)", "You
may also get this CV as a [PDF](…)") say where the CV is, not what it says: they are
reported as skipped, never read as the name, the url or an entry.
"""

from __future__ import annotations

import re

from resumeconv.importers.cvpage.inline import Line

#: Words naming the CV as a document, in the languages of the corpus.
_CV_WORDS = re.compile(
    r"\b(?:cv|c\.v\.|vita|vitae|curriculum|r[ée]sum[ée]|hoja de vida|lebenslauf|printable"
    r"|print version)\b|简历|履歴書|履历",
    re.I,
)
#: Words saying "get the file": download, print, view, PDF.
_GET_WORDS = re.compile(
    r"\b(?:download|descargar|descarga|t[ée]l[ée]charger|herunterladen|baixar|scaricare|get"
    r"|view|printable|print|version|pdf|link)\b|下载|ダウンロード",
    re.I,
)
_PDF = re.compile(r"\bpdf\b", re.I)
_FILE = re.compile(r"\.(?:pdf|docx?|odt)(?:$|[?#])", re.I)
_MAX_WORDS = 16


def _is_cv_file_link(text: str, url: str) -> bool:
    """A link to the CV as a file: its target is a document, or its text names the CV/PDF."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    return bool(_FILE.search(path) or _CV_WORDS.search(text) or _PDF.search(text))


def is_download_line(line: Line) -> bool:
    """A short line whose links all lead to the CV as a file, that names the CV and says
    how to get it ("Download CV (PDF)", "Printable version: PDF."); a paper's "[pdf]"
    link names no CV."""
    links = line.links()
    if not links or not all(_is_cv_file_link(text, url) for text, url in links):
        return False
    text = line.plain
    if len(text.split()) > _MAX_WORDS or "@" in text:
        return False
    return bool(_CV_WORDS.search(text)) and bool(_GET_WORDS.search(text))


def is_download_block(lines: list[Line]) -> bool:
    """Every line with text of a block is a download line (and there is one)."""
    shown = [line for line in lines if line]
    return bool(shown) and all(is_download_line(line) for line in shown)


#: A link styled as a button by a kramdown attribute list: ``[Text](…){: .btn .btn--info}``.
_BUTTON_LINE = re.compile(r"^\s*\[[^\]\n]+\]\([^)\n]*\)\s*\{:[^{}\n]*\.btn\b[^{}\n]*\}\s*$")


def is_button_block(content: str) -> bool:
    """Every line of a paragraph's source is a link styled as a button (academicpages'
    ``{: .btn}``): navigation, like a download button, not CV content."""
    shown = [line for line in content.split("\n") if line.strip()]
    return bool(shown) and all(_BUTTON_LINE.match(line) for line in shown)


NAVIGATION_REASON = "page chrome: links to the page's own sections (navigation)"


def is_navigation_block(lines: list[Line]) -> bool:
    """Every line is links to anchors of the page itself ("[Education](#education) |
    [Experience](#experience)") and separators: a table of contents, not content."""
    shown = [line for line in lines if line]
    if not shown:
        return False
    for line in shown:
        links = line.links()
        if not links or not all(url.startswith("#") for _, url in links):
            return False
        rest = line.plain
        for text, _ in links:
            rest = rest.replace(text, "", 1)
        if rest.strip(" |·•-–—,;/"):
            return False
    return True


#: "Last updated: March 2024", "*Last updated: {{ "now" | date: … }}*", "Updated on 2024-03-01".
_UPDATED = re.compile(
    r"^\s*(?:page\s+)?(?:last\s+)?(?:updated|modified|revised)(?:\s+on)?\s*[:：]?\s*(?P<rest>.*)$",
    re.I,
)


def is_updated_line(lines: list[Line]) -> bool:
    """A paragraph that only says when the page was last updated: page chrome, not a date
    of the CV (the date is often Liquid, ``{{ "now" | date }}``, gone by now)."""
    from resumeconv.dates import parse_range

    shown = [line for line in lines if line]
    if len(shown) != 1:
        return False
    found = _UPDATED.match(shown[0].plain)
    if found is None:
        return False
    rest = found.group("rest").strip(" .")
    return not rest or parse_range(rest) is not None


REASON = "page chrome: a link to this CV as a file (not CV content)"
UPDATED_REASON = "last-updated line"
"""When the page was last edited: page chrome, like the reasons above (the word check
does not count skipped blocks)."""
BUTTON_REASON = "page chrome: a download button (not CV content)"


#: What a ``<summary>`` says when it only opens its ``<details>``: a control, not content.
_TOGGLES = re.compile(
    r"^\s*(?:"
    r"(?:show|see|read|view|hide|open|expand|click(?:\s+here)?(?:\s+(?:to|for))?)"
    r"(?:\s+[\w’']+){0,3}"  # "Show duties", "Click here for more"
    r"|details?|more|less|expand|abstract|info|mehr|plus|détails|más|detalles"
    r"|详情|更多|展开|詳細"
    r")\s*[.…»>▸▾+]*\s*$",
    re.I,
)


def is_toggle(text: str) -> bool:
    """``<summary>Details</summary>``, "Show more", "详情": the toggle of a ``<details>``
    block, a control; a summary that says something ("Key results of the migration") is
    the first line of what it unfolds."""
    return bool(_TOGGLES.match(text))
