"""Which theme renders a page: ``--theme`` > the resume's ``meta.theme`` > ``default``.

The built-in themes are the folders of ``themes/`` that hold a ``resume.html.j2``, listed
when asked (:func:`builtin_themes`), so a theme added there is known without a table to
update. ``meta.theme`` is how JSON Resume tools (resume-cli, resumed) name a theme: a name
such as ``"elegant"`` or ``"jsonresume-theme-elegant"``; one we do not ship is a warning
(:func:`meta_theme_warning`), and the page is rendered with the default theme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from resumeconv.errors import UsageError
from resumeconv.exporters.html.theme import DEFAULT_THEME, ENTRY_POINT, THEMES
from resumeconv.model import Meta, Resume

#: The prefix of JSON Resume theme packages on npm, dropped from a ``meta.theme`` name.
_PACKAGE_PREFIX = "jsonresume-theme-"


def builtin_themes() -> list[str]:
    """The names of the themes shipped in ``themes/`` (each a folder with the entry point)."""
    return sorted(p.name for p in THEMES.iterdir() if (p / ENTRY_POINT).is_file())


def theme_folder(flag: str | Path | None, resume: Resume) -> str:
    """The folder to render: ``flag`` (a folder, or a built-in theme's name), else the
    resume's ``meta.theme`` when we ship it, else the default theme."""
    if flag is not None:
        return _flag_folder(flag)
    name = _builtin_name(meta_theme(resume))
    return str(THEMES / name) if name is not None else str(DEFAULT_THEME)


def meta_theme(resume: Resume) -> Any:
    """The resume's ``meta.theme`` as written (None when absent)."""
    meta = resume.meta
    return meta.extra.get("theme") if isinstance(meta, Meta) else None


def meta_theme_warning(resume: Resume, flag: str | Path | None = None) -> str | None:
    """Why ``meta.theme`` is not used, when it names a theme we do not ship (None when it
    is used, absent, or ``--theme`` decides)."""
    value = meta_theme(resume)
    if flag is not None or value is None or _builtin_name(value) is not None:
        return None
    return (
        f"meta.theme {value!r} is not a built-in theme (built-in: "
        f"{', '.join(builtin_themes())}); the HTML uses the default theme: pass --theme DIR "
        "for a theme folder of your own"
    )


def _builtin_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    name = value.strip().lower().removeprefix(_PACKAGE_PREFIX)
    return name if name in builtin_themes() else None


def _flag_folder(theme: str | Path) -> str:
    """``--theme``: a folder holding ``resume.html.j2``, or the name of a built-in theme."""
    folder = Path(theme).expanduser()
    if not folder.exists() and str(theme) in builtin_themes():
        return str(THEMES / str(theme))
    if not folder.is_dir():
        raise UsageError(
            "theme folder not found" if not folder.exists() else "a theme is a folder",
            file=str(theme),
            hint=f"pass --theme a folder that contains {ENTRY_POINT}, or a built-in theme: "
            + ", ".join(builtin_themes()),
        )
    if not (folder / ENTRY_POINT).is_file():
        raise UsageError(
            f"the theme has no {ENTRY_POINT}",
            file=str(folder / ENTRY_POINT),
            hint=f"copy the built-in theme, {DEFAULT_THEME}, and edit it",
        )
    return str(folder.resolve())
