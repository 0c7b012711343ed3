"""HTML output: one self-contained page (inline CSS, no scripts, no fetches).

The page renders :mod:`resumeconv.exporters.outline`, so it shows what DOCX and PDF show.
Every page is a Jinja2 theme rendered by :func:`.theme.page`: the built-in ones are the
folders shipped in the package (``themes/default/``, ``classic/``, ``modern/``,
``compact/``: :mod:`resumeconv.exporters.themes`), a user's is the folder given with
``--theme``; all take the same path. Without ``--theme``, the resume's ``meta.theme`` may
name a built-in theme (:func:`resumeconv.exporters.themes.chosen`).

Everything the resume says is data, never template code or markup: every value is
autoescaped, links are limited by :mod:`resumeconv.links` twice (outline and templates),
and every theme, ours included, runs in Jinja2's sandbox.
"""

from __future__ import annotations

from pathlib import Path

from resumeconv import locales
from resumeconv.errors import UsageError
from resumeconv.exporters import outline as outline_mod
from resumeconv.exporters import themes
from resumeconv.exporters.html import theme
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
    view = outline_mod.build(resume, options.locale)
    words = locales.get(view.locale)
    name = themes.chosen(options.theme, resume)
    if themes.is_builtin(name):
        folder = str(themes.html_folder(name))
    else:
        folder = _theme_folder(themes.html_folder(name))
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
            hint=f"copy the built-in theme, {DEFAULT_THEME}, and edit it",
        )
    return str(folder.resolve())
