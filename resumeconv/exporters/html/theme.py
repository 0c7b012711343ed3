"""User themes (``--theme DIR``): ``DIR/resume.html.j2`` rendered by Jinja2 in its sandbox.

Imported only when a theme is asked for, so the built-in page never pays for Jinja2. A
theme sees the outline and our built-in renderers as functions returning ``Markup``
(:func:`functions`), so it can restyle the page and still reuse any part of ours; the
loader looks only in the theme's folder.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from resumeconv.errors import ExportError
from resumeconv.exporters.html import ENTRY_POINT, render
from resumeconv.model import CUSTOM, STANDARD_SECTIONS

if TYPE_CHECKING:
    from collections.abc import Callable

    from resumeconv.exporters.outline import Item, Outline, Section
    from resumeconv.locales import Locale

#: A theme to copy: it makes exactly the built-in page from the functions below.
STARTER = render.TEMPLATES / "starter" / ENTRY_POINT
#: Section keys that ``entry_html`` accepts in place of a kind.
_SECTION_KEYS = frozenset((*STANDARD_SECTIONS, CUSTOM))
#: Partials the Jinja2 version of the built-in theme had, which themes used to include.
_OLD_PARTIALS = ("header.html.j2", "section.html.j2", "style.css.j2", "entries/")


@functools.lru_cache(maxsize=8)
def environment(folder: str) -> SandboxedEnvironment:
    """The sandboxed environment of one theme folder, built once per process and folder
    (compiled templates stay cached in it)."""
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(folder, encoding="utf-8"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["href"] = render.href
    env.filters["paragraphs"] = render.paragraphs
    env.tests["safe_href"] = lambda value: render.href(value) is not None
    return env


def functions(view: Outline, words: Locale, paper: str) -> dict[str, Callable[..., Markup]]:
    """The built-in renderers for this page, as template functions that return Markup.

    They are bound to the page being rendered (its words, paper and language), so a theme
    calls ``section_html(section)`` without repeating them.
    """

    def stylesheet() -> Markup:
        """The built-in CSS for the page's paper size."""
        return Markup(render.stylesheet(paper))

    def header_html() -> Markup:
        """Photo, name, label, contacts and summary; empty when the resume has none."""
        return Markup(render.header(view, words))

    def section_html(section: Section) -> Markup:
        """One section: title, prose and entries, each entry by its section's kind."""
        return Markup(render.section(section, view.lang))

    def entry_html(item: Item, kind: str = "entry") -> Markup:
        """One entry; ``kind`` is ``entry``, ``skill``, ``language``, ``publication``,
        ``reference``, or a section key (``skills`` → ``skill``, ``work`` → ``entry``)."""
        name = render.KINDS.get(kind, kind)
        if name not in render.ENTRIES:
            if kind not in _SECTION_KEYS:
                raise ValueError(
                    f"unknown entry kind {kind!r}: use one of {', '.join(render.ENTRIES)} "
                    "or a section key"
                )
            name = "entry"
        return Markup(render.ENTRIES[name](item, view.lang))

    return {
        "stylesheet": stylesheet,
        "header_html": header_html,
        "section_html": section_html,
        "entry_html": entry_html,
    }


def page(folder: str, view: Outline, words: Locale, paper: str, data: dict[str, Any]) -> str:
    """The theme's ``resume.html.j2`` rendered; every failure becomes an ExportError."""
    context: dict[str, Any] = {
        "resume": view,
        "words": words,
        "paper": paper,
        "kinds": render.KINDS,
        "data": data,  # the raw JSON Resume, for themes that want it
        **functions(view, words, paper),
    }
    try:
        return environment(folder).get_template(ENTRY_POINT).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise ExportError(
            f"template syntax error: {exc.message}",
            file=exc.filename or exc.name,
            line=exc.lineno,
            hint="fix the template; see https://jinja.palletsprojects.com/templates/",
        ) from None
    except jinja2.TemplateNotFound as exc:
        file, line = _template_position(exc)
        hint = f"theme templates are looked up in {folder} only"
        if str(exc.name).startswith(_OLD_PARTIALS):
            hint += (
                "; resumeconv no longer ships Jinja2 partials: call header_html(), "
                "section_html(section), entry_html(item, kind) or stylesheet() instead "
                f"(see {STARTER})"
            )
        raise ExportError(
            f"template not found: {exc.name}", file=file, line=line, hint=hint
        ) from None
    except (jinja2.TemplateError, SecurityError) as exc:
        file, line = _template_position(exc)
        raise ExportError(
            f"template error: {exc}",
            file=file,
            line=line,
            hint="the outline's fields are resume.name, resume.contacts, resume.sections, "
            "section.title, section.items, item.heading, item.dates, … (see outline.py)",
        ) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
        file, line = _template_position(exc)
        raise ExportError(
            f"template failed: {type(exc).__name__}: {exc}",
            file=file,
            line=line,
            hint="check the expression on that line of the template",
        ) from None


def _template_position(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame of a render error (Jinja2 rewrites tracebacks so that
    template frames carry the template's file name and line)."""
    file = line = None
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".j2", ".html", ".jinja", ".jinja2")):
            file, line = name, tb.tb_lineno
        tb = tb.tb_next
    return file, line
