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

import contextlib
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resumeconv import locales
from resumeconv.errors import ExportError, UsageError
from resumeconv.exporters import outline as outline_mod
from resumeconv.exporters.html import render
from resumeconv.exporters.html.render import KINDS, TEMPLATES, href, paragraphs
from resumeconv.formats import WriteOptions
from resumeconv.model import Resume

if TYPE_CHECKING:
    import jinja2

__all__ = ["KINDS", "PAPER", "href", "paragraphs", "write"]

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
    if options.theme is None:
        return render.page(view, locales.get(options.locale), paper).encode("utf-8")
    env = environment(_theme_key(options.theme))
    context = {
        "resume": view,
        "words": locales.get(options.locale),
        "paper": paper,
        "kinds": KINDS,
    }
    if options.theme is not None:
        context["data"] = resume.to_dict()  # the raw JSON Resume, for themes that want it
    html = _render(env, context, options.theme)
    if not html.endswith("\n"):
        html += "\n"
    return html.encode("utf-8")


# --------------------------------------------------------------------------- environment


def _theme_key(theme: Path | str | None) -> str | None:
    """The theme folder as a cache key, checked: it must exist and hold ``resume.html.j2``."""
    if theme is None:
        return None
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
            hint=f"copy {TEMPLATES / ENTRY_POINT} into the folder and edit it",
        )
    return str(folder.resolve())


@functools.lru_cache(maxsize=8)
def environment(theme: str | None = None) -> jinja2.Environment:
    """The Jinja2 environment for our templates, or a sandboxed one for a theme folder.

    Built once per process and theme: compiled templates stay cached in it.
    """
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    ours = jinja2.FileSystemLoader(str(TEMPLATES), encoding="utf-8")
    options: dict[str, Any] = {
        "autoescape": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "undefined": jinja2.StrictUndefined,
    }
    if theme is None:
        # Our templates never change under a running process, and their compiled code
        # is cached on disk between processes: compiling them is most of a cold render.
        env: jinja2.Environment = jinja2.Environment(
            loader=ours, auto_reload=False, bytecode_cache=_bytecode_cache(), **options
        )
    else:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(theme, encoding="utf-8"), ours])
        env = SandboxedEnvironment(loader=loader, **options)
    env.filters["href"] = href
    env.filters["paragraphs"] = paragraphs
    env.tests["safe_href"] = lambda value: href(value) is not None
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja2's per-user cache of compiled templates (in the temp folder, mode 0700),
    keyed by template file and checked against its source; best effort, never an error."""
    from jinja2 import FileSystemBytecodeCache

    class QuietCache(FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: Any) -> None:
            # A read-only or full disk only costs the next process a compile.
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    try:
        return QuietCache()
    except (OSError, RuntimeError):  # RuntimeError: the cache folder is not safely ours
        return None


def _render(env: jinja2.Environment, context: dict[str, Any], theme: Path | None) -> str:
    """Render the entry point, turning every template failure into an ExportError."""
    import jinja2
    from jinja2.sandbox import SecurityError

    try:
        return env.get_template(ENTRY_POINT).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise ExportError(
            f"template syntax error: {exc.message}",
            file=exc.filename or exc.name,
            line=exc.lineno,
            hint="fix the template; see https://jinja.palletsprojects.com/templates/",
        ) from None
    except jinja2.TemplateNotFound as exc:
        file, line = _template_position(exc)
        raise ExportError(
            f"template not found: {exc.name}",
            file=file,
            line=line,
            hint=f"theme templates are looked up in {theme} and then in {TEMPLATES}",
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
