"""HTML output: one self-contained page (inline CSS, no scripts, no fetches).

The page renders :mod:`resumeconv.exporters.outline`, so it shows what DOCX and PDF show.
The built-in theme is plain Python (:mod:`.render`: one function per entry kind, plus
header, section and page) and the static ``templates/html/style.css``: no template engine
is imported. A theme folder (``--theme``) is rendered with Jinja2 instead, imported only then.

Everything the resume says is data, never template code or markup: every value is escaped,
links are limited to http, https and mailto twice (outline and renderer), and user themes
run in Jinja2's sandbox.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resumeconv import locales
from resumeconv.errors import UsageError
from resumeconv.exporters import outline as outline_mod
from resumeconv.exporters.html import render
from resumeconv.exporters.html.render import KINDS, TEMPLATES, href, paragraphs

if TYPE_CHECKING:
    from resumeconv.model import Resume
    from resumeconv.options import WriteOptions

__all__ = ["KINDS", "PAPER", "TEMPLATES", "href", "paragraphs", "write"]

#: The file a theme folder must hold.
ENTRY_POINT = "resume.html.j2"
#: CSS page sizes for ``--paper``.
PAPER = {"a4": "A4", "letter": "letter"}


def write(resume: Resume, options: WriteOptions) -> bytes:
    """The resume as a UTF-8 HTML5 page (same resume and options → same bytes)."""
    paper = PAPER.get((options.paper or "a4").lower())
    if paper is None:
        raise UsageError(
            f"unknown paper size {options.paper!r}", hint="use one of: " + ", ".join(PAPER)
        )
    view = outline_mod.build(resume, options.locale or "en")
    words = locales.get(options.locale)
    if options.theme is None:
        return render.page(view, words, paper).encode("utf-8")
    folder = _theme_folder(options.theme)
    from resumeconv.exporters.html import theme  # Jinja2: only for theme folders

    html = theme.page(folder, view, words, paper, resume.to_dict())
    if not html.endswith("\n"):
        html += "\n"
    return html.encode("utf-8")


def _theme_folder(theme: Path | str) -> str:
    """The theme folder, resolved and checked: it must exist and hold ``resume.html.j2``."""
    folder = Path(theme).expanduser()
    if not folder.is_dir():
        raise UsageError(
            "theme folder not found" if not folder.exists() else "a theme is a folder",
            file=str(theme),
            hint=f"pass --theme a folder that contains {ENTRY_POINT}",
        )
    if not (folder / ENTRY_POINT).is_file():
        raise UsageError(
            f"the theme has no {ENTRY_POINT}",
            file=str(folder / ENTRY_POINT),
            hint=f"copy {TEMPLATES / 'starter' / ENTRY_POINT} into the folder and edit it",
        )
    return str(folder.resolve())
