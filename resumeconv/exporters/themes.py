"""The built-in looks, by name: what ``--theme NAME`` and ``resumeconv themes`` know.

A built-in theme is two files with one name, each beside the exporter that reads it: an
HTML theme folder ``html/themes/NAME/`` (Jinja2) and a PDF style ``typst/themes/NAME.json``
(colours, sizes, margins, title style for ``typst/resume.typ``). ``--theme`` also takes a
folder of your own, which styles HTML only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from resumeconv.errors import UsageError

_HERE = Path(__file__).resolve().parent
#: The HTML theme folders and the PDF styles we ship.
HTML_THEMES = _HERE / "html" / "themes"
PDF_STYLES = _HERE / "typst" / "themes"
#: The theme used when none is given.
DEFAULT = "default"

#: Every built-in theme and what it looks like, in the order ``resumeconv themes`` lists them.
BUILTIN: dict[str, str] = {
    "default": "sans-serif text under a serif name, blue accent (PDF: Libertinus Serif)",
    "classic": "serif in black ink, name centred over a double rule, small-capital titles",
    "modern": "sans-serif with a teal accent: coloured name, titles over a short accent bar",
    "compact": "small type and tight spacing to fit one page; titles in a side column (HTML)",
}


def is_builtin(theme: str | Path | None) -> bool:
    """True when ``theme`` names a built-in theme rather than a folder.

    A folder that exists wins over a built-in name, so a folder of your own called
    ``modern`` is still yours.
    """
    if theme is None:
        return True
    text = str(theme)
    return text in BUILTIN and not Path(text).is_dir()


def html_folder(theme: str | Path | None) -> Path:
    """The HTML theme folder for ``theme``: a built-in name, a folder, or None (default)."""
    if is_builtin(theme):
        return HTML_THEMES / (DEFAULT if theme is None else str(theme))
    folder = Path(str(theme)).expanduser()
    if not folder.exists() and not any(sep in str(theme) for sep in "/\\."):
        raise UsageError(
            f"unknown theme {theme!r}",
            hint="built-in themes: " + ", ".join(BUILTIN) + " (resumeconv themes); or a folder",
        )
    return folder


def pdf_style(theme: str | Path | None) -> dict[str, Any]:
    """The PDF style of a built-in theme (a folder of your own styles HTML only)."""
    if not is_builtin(theme):
        raise UsageError(
            f"the theme {theme} is a folder: a folder theme styles HTML only",
            hint="for PDF, use a built-in theme: " + ", ".join(BUILTIN),
        )
    name = DEFAULT if theme is None else str(theme)
    with open(PDF_STYLES / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def listing() -> list[tuple[str, str]]:
    """(name, description) of every built-in theme."""
    return list(BUILTIN.items())
