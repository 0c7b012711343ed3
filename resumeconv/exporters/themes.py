"""The built-in looks, by name: what ``--theme NAME`` and ``resumeconv themes`` know.

A built-in theme is two files with one name, each beside the exporter that reads it: an
HTML theme folder ``html/themes/NAME/`` (Jinja2) and a PDF style ``typst/themes/NAME.json``
(colours, sizes, margins, title style for ``typst/resume.typ``). ``--theme`` also takes a
folder of your own, which styles HTML only. Without ``--theme`` the resume's ``meta.theme``
may name a built-in theme (flag > meta.theme > default); an unknown name is a warning.
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

#: The prefix of JSON Resume theme packages on npm, dropped from a ``meta.theme`` name.
_PACKAGE_PREFIX = "jsonresume-theme-"

#: What each built-in theme looks like, in the order ``resumeconv themes`` lists them (which
#: themes there are is :func:`names`: the folders).
BUILTIN: dict[str, str] = {
    "default": "sans-serif text under a serif name, blue accent (PDF: Libertinus Serif)",
    "classic": "serif in black ink, name centred over a double rule, small-capital titles",
    "modern": "sans-serif with a teal accent: coloured name, titles over a short accent bar",
    "compact": "small type and tight spacing to fit one page; titles in a side column (HTML)",
}


def names() -> list[str]:
    """The built-in themes, found in the folders when asked (so a theme added there needs
    no table): each ``html/themes/NAME/`` with a ``resume.html.j2`` that has a
    ``typst/themes/NAME.json`` beside the PDF template. :data:`BUILTIN`'s order first."""
    found = {
        p.name
        for p in HTML_THEMES.iterdir()
        if (p / "resume.html.j2").is_file() and (PDF_STYLES / f"{p.name}.json").is_file()
    }
    return [n for n in BUILTIN if n in found] + sorted(found - BUILTIN.keys())


def chosen(flag: str | Path | None, resume: Any) -> str | Path | None:
    """The theme to use: ``flag`` (``--theme``), else the resume's ``meta.theme`` when it
    names a built-in theme, else None (the default). An unknown ``meta.theme`` is not an
    error (:func:`meta_theme_warning` says why it was not used)."""
    if flag is not None:
        return flag
    return _builtin_name(meta_theme(resume))


def meta_theme(resume: Any) -> Any:
    """The resume's ``meta.theme`` as written (None when absent), as resume-cli and resumed
    name a theme: ``"modern"`` or the npm package ``"jsonresume-theme-modern"``."""
    from resumeconv.model import Meta

    meta = getattr(resume, "meta", None)
    return meta.extra.get("theme") if isinstance(meta, Meta) else None


def meta_theme_warning(resume: Any, flag: str | Path | None = None) -> str | None:
    """Why ``meta.theme`` is not used when it names no built-in theme (None when it is
    used, absent, or ``--theme`` decides)."""
    value = meta_theme(resume)
    if flag is not None or value is None or _builtin_name(value) is not None:
        return None
    return (
        f"meta.theme {value!r} is not a built-in theme ({', '.join(names())}); "
        "the default theme is used: pass --theme NAME or --theme DIR to choose"
    )


def _builtin_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    name = value.strip().lower().removeprefix(_PACKAGE_PREFIX)
    return name if name in names() else None


def is_builtin(theme: str | Path | None) -> bool:
    """True when ``theme`` names a built-in theme rather than a folder.

    A folder that exists wins over a built-in name, so a folder of your own called
    ``modern`` is still yours.
    """
    if theme is None:
        return True
    text = str(theme)
    return text in names() and not Path(text).is_dir()


def html_folder(theme: str | Path | None) -> Path:
    """The HTML theme folder for ``theme``: a built-in name, a folder, or None (default)."""
    if is_builtin(theme):
        return HTML_THEMES / (DEFAULT if theme is None else str(theme))
    folder = Path(str(theme)).expanduser()
    if not folder.exists() and not any(sep in str(theme) for sep in "/\\."):
        raise UsageError(
            f"unknown theme {theme!r}",
            hint="built-in themes: " + ", ".join(names()) + " (resumeconv themes); or a folder",
        )
    return folder


def pdf_style(theme: str | Path | None) -> dict[str, Any]:
    """The PDF style of a built-in theme (a folder of your own styles HTML only)."""
    if not is_builtin(theme):
        raise UsageError(
            f"the theme {theme} is a folder: a folder theme styles HTML only",
            hint="for PDF, use a built-in theme: " + ", ".join(names()),
        )
    name = DEFAULT if theme is None else str(theme)
    with open(PDF_STYLES / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def listing() -> list[tuple[str, str]]:
    """(name, description) of every built-in theme."""
    return [(name, BUILTIN.get(name, "")) for name in names()]
