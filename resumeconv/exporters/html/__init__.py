"""HTML output: one self-contained page (inline CSS, no scripts, no fetches).

The page renders :mod:`resumeconv.exporters.outline`, so it shows what DOCX and PDF show.
Every page is a Jinja2 theme rendered by :func:`.theme.page`: the built-in one is the
folder :data:`DEFAULT_THEME` shipped in the package (``themes/default/``), a user's is the
folder given with ``--theme``; both take the same path. Which one: ``--theme`` (a folder or
a built-in theme's name), else the resume's ``meta.theme``, else ``default``
(:mod:`.choice`).

Everything the resume says is data, never template code or markup: every value is
autoescaped, links are limited by :mod:`resumeconv.links` twice (outline and templates),
and every theme, ours included, runs in Jinja2's sandbox.
"""

from __future__ import annotations

from resumeconv import locales
from resumeconv.errors import UsageError
from resumeconv.exporters import outline as outline_mod
from resumeconv.exporters.html import choice, theme
from resumeconv.exporters.html.theme import DEFAULT_THEME, ENTRY_POINT, KINDS, paragraphs
from resumeconv.model import Resume
from resumeconv.options import WriteOptions

__all__ = ["DEFAULT_THEME", "ENTRY_POINT", "KINDS", "PAPER", "paragraphs", "write"]

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
    folder = choice.theme_folder(options.theme, resume)
    html = theme.page(folder, view, words, paper, resume.to_dict())
    if not html.endswith("\n"):
        html += "\n"
    return html.encode("utf-8")
