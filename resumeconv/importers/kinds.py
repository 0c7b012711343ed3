"""Files that are not resumes: what a document with no resume content looks like.

A JSON or YAML document without a single JSON Resume field, a Jekyll ``_config.yml`` or a
RenderCV file read as JSON Resume would otherwise become a blank resume that "converts" and
validates. The readers call :func:`refuse_json_document` and :func:`refuse_page` and raise
:class:`~resumeconv.errors.NotAResumeError` instead: one line that says what the file looks
like and what to do. A RenderCV file has its own reader (``importers/rendercv.py``, chosen
from the content); this refusal is for one forced through ``-f yaml`` or named ``.json``.
A BibTeX text has its reader: :func:`looks_like_bibtex` lets the CV-page reader and stdin
sniffing hand it to ``importers/bibtex.py``.
"""

from __future__ import annotations

import re
from typing import Any

from resumeconv.errors import NotAResumeError

#: Top-level keys of a Jekyll site configuration (any two of them make one).
_JEKYLL_KEYS = frozenset(
    (
        "baseurl",
        "collections",
        "defaults",
        "plugins",
        "gems",
        "theme",
        "remote_theme",
        "markdown",
        "kramdown",
        "exclude",
        "include",
        "permalink",
        "paginate",
        "url",
        "title",
        "repository",
        "author",
        "sass",
        "timezone",
        "locale",
        "site_theme",
        "analytics",
    )
)
#: What a RenderCV file holds at the top level (``cv:`` with ``sections:``, ``design:``…).
_RENDERCV_KEYS = frozenset(("cv", "design", "locale", "locale_catalog", "rendercv_settings"))
_BIBTEX = re.compile(r"\A(?:\s*%[^\n]*\n)*\s*@[A-Za-z]+\s*[{(]\s*[^\s,{}()]*\s*,", re.A)

_FORMATS_HINT = "a resume has JSON Resume fields such as basics, work and education"


def refuse_json_document(document: dict[str, Any], known: set[str], name: str) -> None:
    """Raise when a JSON/YAML document's top level has none of the ``known`` resume keys."""
    if any(key in known and key != "$schema" for key in document):
        return
    keys = set(document)
    cv = document.get("cv")
    if isinstance(cv, dict) and (keys <= _RENDERCV_KEYS or "sections" in cv or "design" in keys):
        raise NotAResumeError(
            "this is a RenderCV file (cv:, design:), read here as JSON Resume",
            file=name,
            line=1,
            hint="read it with -f rendercv (a .yaml file with 'cv:' at the top is read as "
            "RenderCV without -f)",
        )
    if len(keys & _JEKYLL_KEYS) >= 2:
        raise NotAResumeError(
            "this looks like a Jekyll site configuration (_config.yml), not a resume",
            file=name,
            line=1,
            hint="convert the site's CV page (e.g. _pages/cv.md); it reads _config.yml "
            "for the author",
        )
    if not keys:
        raise NotAResumeError(
            "the document is empty ({}): it has no resume content",
            file=name,
            line=1,
            hint=_FORMATS_HINT,
        )
    found = ", ".join(sorted(keys)[:5]) + (", …" if len(keys) > 5 else "")
    raise NotAResumeError(
        f"no JSON Resume field at the top level (found: {found}): this is not a resume",
        file=name,
        line=1,
        hint=_FORMATS_HINT + "; see https://jsonresume.org/schema",
    )


def looks_like_bibtex(text: str) -> bool:
    """Whether a text starts (after ``%`` comment lines) with a BibTeX entry ``@type{key,``."""
    return _BIBTEX.match(text) is not None


def refuse_page(data: dict[str, Any], name: str) -> None:
    """Raise when a CV page gave no resume content at all (not one field, section or entry)."""
    if any(key != "meta" for key in data):
        return
    ext = data.get("meta", {}).get("x-resumeconv", {}) if isinstance(data.get("meta"), dict) else {}
    if isinstance(ext, dict) and ext.get("sections"):
        return
    raise NotAResumeError(
        "the page has no CV content: no name, contact, section or entry was found",
        file=name,
        line=1,
        hint="a CV page has headings (## Education) with lists or paragraphs under them; "
        "run with --report to see what each line became",
    )
