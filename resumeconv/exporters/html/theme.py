"""Themes: a folder whose ``resume.html.j2`` Jinja2 renders, in its sandbox, with autoescape.

The built-in page is such a folder, :data:`DEFAULT_THEME` (``themes/default/``: the page,
``header.html.j2``, ``section.html.j2``, one ``entries/KIND.html.j2`` per entry kind, shared
macros in ``parts.html.j2`` and ``style.css.j2``), and it goes through :func:`page` exactly
as a ``--theme`` folder does. A theme's loader looks in its own folder only; a theme reuses
our partials through the functions of :func:`functions`, or copies them into its folder.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError, safe_range
from markupsafe import Markup

from resumeconv.errors import ExportError
from resumeconv.exporters import richtext
from resumeconv.exporters.outline import Item, Outline, Section
from resumeconv.links import safe_url
from resumeconv.locales import Locale
from resumeconv.model import CUSTOM, STANDARD_SECTIONS

#: The file a theme folder must hold.
ENTRY_POINT = "resume.html.j2"
#: The themes we ship (and their README for theme authors).
THEMES = Path(__file__).resolve().parent / "themes"
#: The built-in page.
DEFAULT_THEME = THEMES / "default"
#: Entry kind (``entries/KIND.html.j2``) of each section key; every other section: ``entry``.
KINDS = {
    "skills": "skill",
    "interests": "skill",
    "languages": "language",
    "publications": "publication",
    "references": "reference",
}
#: Every entry kind, the values of :data:`KINDS` and ``entry``.
ENTRY_KINDS = ("entry", "skill", "language", "publication", "reference")
#: Section keys that ``entry_html`` accepts in place of a kind.
_SECTION_KEYS = frozenset((*STANDARD_SECTIONS, CUSTOM))

#: Longest a page may take to render (seconds) and most characters it may have: a theme
#: that loops forever or blows up its output is stopped with an :class:`ExportError`.
MAX_RENDER_SECONDS = 10.0
MAX_OUTPUT_CHARS = 20 * 1024 * 1024
_render = threading.local()  # the deadline of the page this thread renders


class TemplateLimitError(ExportError):
    """A theme hit a limit (render time, output size, recursion): the theme's fault."""


def _check_time() -> None:
    deadline = getattr(_render, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise TemplateLimitError(
            f"the theme took more than {MAX_RENDER_SECONDS:g} s to render: stopped",
            hint="check the theme for loops that never end or loops inside loops over range()",
        )


def _too_big(what: str) -> TemplateLimitError:
    return TemplateLimitError(
        f"the theme made {what} of more than {MAX_OUTPUT_CHARS:,} characters: stopped",
        hint="check the theme for repeated text ('x' * n) or loops that write without end",
    )


class _TimedRange:
    """``range()`` for templates: the sandbox's bounded range, checking the deadline."""

    __slots__ = ("_range",)

    def __init__(self, *args: int) -> None:
        self._range = safe_range(*args)

    def __len__(self) -> int:
        return len(self._range)

    def __iter__(self) -> Iterator[int]:
        for i, value in enumerate(self._range):
            if not i % 512:
                _check_time()
            yield value


class _Timed:
    """What a template's ``{% for %}`` iterates over: the same items, with the deadline
    checked as it goes (loops inside loops over literal lists call nothing else)."""

    __slots__ = ("_items",)

    def __init__(self, items: Any) -> None:
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        for i, value in enumerate(self._items):
            if not i % 64:
                _check_time()
            yield value


class _LimitedEnvironment(SandboxedEnvironment):
    """The sandbox, with a deadline checked on every call, attribute and item a template
    uses and in every loop, and ``*`` / ``**`` bounded so that one expression cannot fill
    the memory."""

    intercepted_binops = frozenset(("*", "**"))

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's tree with every ``{% for %}`` iterating through :class:`_Timed`."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_timed", [], [], None, None, lineno=loop.lineno)
        return tree

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_time()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _check_time()
        return super().getitem(obj, argument)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_time()
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > 64:
                raise _too_big("a number")
            return left**right
        if isinstance(left, int) and not isinstance(left, bool):
            left, right = right, left
        if (
            isinstance(left, (str, list, tuple))
            and isinstance(right, int)
            and len(left) * max(right, 0) > MAX_OUTPUT_CHARS
        ):
            raise _too_big("a text or list")
        return left * right


class _ThemeLoader(jinja2.FileSystemLoader):
    """Templates from the theme folder only: a symlink out of it is refused."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder, encoding="utf-8")
        self._root = os.path.realpath(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename) if filename else ""
        if not real.startswith(self._root.rstrip(os.sep) + os.sep):
            raise ExportError(
                f"theme template {template} is a symlink (or in a symlinked folder) to "
                f"{real}, outside the theme folder {self._root}: refused",
                file=filename,
                hint="resumeconv never follows a link out of the theme; copy the file in",
            )
        return source, filename, uptodate


def paragraphs(value: Any) -> list[str]:
    """Prose split at blank lines, so that a multi-paragraph summary keeps its shape; each
    paragraph is a :class:`~resumeconv.exporters.richtext.Rich` with its own runs."""
    return list(richtext.paragraphs(value))


@functools.lru_cache(maxsize=8)
def environment(folder: str) -> SandboxedEnvironment:
    """The sandboxed environment of one theme folder, built once per process and folder
    (compiled templates stay cached in it)."""
    env = _LimitedEnvironment(
        loader=_ThemeLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_bytecode_cache(),
    )
    env.globals["range"] = _TimedRange
    env.filters["_timed"] = _Timed
    env.filters["href"] = safe_url
    env.filters["paragraphs"] = paragraphs
    env.tests["safe_href"] = lambda value: safe_url(value) is not None
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja2's cache of compiled templates in a private folder of the temp directory.

    Compiling a theme costs ~40 ms, more than the rest of a page; the cache makes every
    process after the first load it instead (keyed by template source, so an edited theme
    is compiled again). No usable temp folder: compile every time.
    """
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # Jinja2 refuses an unsafe or missing temp folder
        return None


def functions(view: Outline, words: Locale, paper: str) -> dict[str, Callable[..., Markup]]:
    """The built-in theme's partials for this page, as template functions returning Markup.

    They render :data:`DEFAULT_THEME`'s templates (not the calling theme's), bound to the
    page being rendered (its outline, words and paper), so a theme calls
    ``section_html(section)`` without repeating them.
    """
    ours = environment(str(DEFAULT_THEME))
    context = {"resume": view, "words": words, "paper": paper, "kinds": KINDS}

    def partial(name: str, **extra: Any) -> Markup:
        return Markup(ours.get_template(name).render(context, **extra))

    def stylesheet() -> Markup:
        """The built-in CSS for the page's paper size."""
        return partial("style.css.j2")

    def header_html() -> Markup:
        """Photo, name, label, contacts and summary; empty when the resume has none."""
        return partial("header.html.j2")

    def section_html(section: Section) -> Markup:
        """One section: title, prose and entries, each entry by its section's kind."""
        return partial("section.html.j2", section=section)

    def entry_html(item: Item, kind: str = "entry") -> Markup:
        """One entry; ``kind`` is ``entry``, ``skill``, ``language``, ``publication``,
        ``reference``, or a section key (``skills`` → ``skill``, ``work`` → ``entry``)."""
        name = KINDS.get(kind, kind)
        if name not in ENTRY_KINDS:
            if kind not in _SECTION_KEYS:
                raise ValueError(
                    f"unknown entry kind {kind!r}: use one of {', '.join(ENTRY_KINDS)} "
                    "or a section key"
                )
            name = "entry"
        return partial(f"entries/{name}.html.j2", item=item)

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
        "kinds": KINDS,
        "data": data,  # the raw JSON Resume, for themes that want it
        **functions(view, words, paper),
    }
    outer = getattr(_render, "deadline", None)
    if outer is None:
        _render.deadline = time.monotonic() + MAX_RENDER_SECONDS
    try:
        return _generate(environment(folder).get_template(ENTRY_POINT), context)
    except TemplateLimitError as exc:
        if exc.file is None:
            file, exc.line = _template_position(exc)
            exc.file = file or os.path.join(folder, ENTRY_POINT)
        raise
    except RecursionError as exc:
        file, line = _template_position(exc)
        raise TemplateLimitError(
            "the theme recursed too deeply (a macro or include that calls itself): stopped",
            file=file,
            line=line,
            hint="check the theme's macros and includes for a call without an end",
        ) from None
    except MemoryError:
        raise _too_big("a value") from None
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
        if (DEFAULT_THEME / str(exc.name)).is_file():
            hint += (
                f"; that one is ours, in {DEFAULT_THEME}: copy it into your theme, or call "
                "header_html(), section_html(section), entry_html(item, kind) or "
                "stylesheet() instead"
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

    finally:
        if outer is None:
            _render.deadline = None


def _generate(template: jinja2.Template, context: dict[str, Any]) -> str:
    """The page, streamed and counted: past :data:`MAX_OUTPUT_CHARS` it is stopped."""
    parts: list[str] = []
    size = 0
    for chunk in template.generate(context):
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise _too_big("a page")
        _check_time()
        parts.append(chunk)
    return "".join(parts)


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
