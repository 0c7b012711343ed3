"""A field's inline Markdown as runs of styled text, which HTML, PDF and DOCX each draw.

Resumes carry Markdown inside their strings: the CV-page reader keeps links as
``[text](url)`` and marks the owner among a paper's authors as ``**Jane Doe**``, and JSON
Resume authors write ``*emphasis*`` in summaries. Printing that raw (``[Jane Doe](https://…)``)
is wrong in every format, and each format has its own way to show formatting, so the
Markdown is parsed once here — by markdown-it-py, the project's one Markdown parser — into
:class:`Run` s (text with strong / emphasis / code marks and a link target), and each writer
maps the runs to its own elements.

Only inline Markdown is read (links, autolinks, emphasis, strong, code, images as their alt
text, backslash escapes and entities). Raw HTML is not: ``<b>x</b>`` stays text. Link
targets go through :func:`resumeconv.links.safe_url`, the one link policy: a
``javascript:`` link keeps its text and loses its target.

:class:`Rich` is a ``str`` (the text without its Markdown), so code and themes that treat
outline fields as plain strings keep working and never see the marks; writers that know
better read ``.runs``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from resumeconv.links import safe_url

#: A text can hold Markdown only if it has one of these characters (most fields do not,
#: and they skip the parser).
_MARKUP = re.compile(r"[*_`\[\]<>&\\!]")
_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one set of marks; ``url`` is a safe link target or None."""

    text: str
    strong: bool = False
    emph: bool = False
    code: bool = False
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """Consecutive runs that share a link target (``url`` None: not a link)."""

    url: str | None
    runs: tuple[Run, ...]


class Rich(str):
    """Display text that remembers its formatting: ``str(rich)`` is the plain text,
    ``rich.runs`` the styled runs, ``rich.source`` the Markdown it was read from."""

    runs: tuple[Run, ...]
    source: str

    def __new__(cls, runs: tuple[Run, ...], source: str | None = None) -> Rich:
        plain = "".join(r.text for r in runs)
        obj = super().__new__(cls, plain)
        obj.runs = runs
        obj.source = plain if source is None else source
        return obj

    def __getnewargs__(self) -> tuple[tuple[Run, ...], str]:  # type: ignore[override]
        return self.runs, self.source

    @property
    def has_links(self) -> bool:
        """Whether some run is a link (then the whole text must not be linked again)."""
        return any(r.url for r in self.runs)

    @property
    def spans(self) -> tuple[Span, ...]:
        """The runs grouped by link: consecutive runs with one target are one link."""
        out: list[Span] = []
        for run in self.runs:
            if out and out[-1].url == run.url:
                out[-1] = Span(out[-1].url, (*out[-1].runs, run))
            else:
                out.append(Span(run.url, (run,)))
        return tuple(out)

    @property
    def styled(self) -> bool:
        """Whether any run carries a mark or a link (plain text needs no run-by-run drawing)."""
        return any(r.strong or r.emph or r.code or r.url for r in self.runs)


def plain(text: str) -> Rich:
    """Text shown as it is, never read as Markdown (URLs, dates, our own words)."""
    return Rich((Run(text),) if text else (), text)


def rich(value: Any) -> Rich:
    """A field's text with its inline Markdown read; anything but a string is "" (as
    :func:`outline.text <resumeconv.exporters.outline.text>` treats it)."""
    if isinstance(value, Rich):
        return value
    if not isinstance(value, str):
        return plain("")
    text = value.strip()
    if not _MARKUP.search(text):
        return plain(text)
    return _parse(text)


def paragraphs(value: Any) -> list[Rich]:
    """Prose split at blank lines, each paragraph read on its own."""
    source = value.source if isinstance(value, Rich) else value
    if not isinstance(source, str):
        return []
    return [rich(p.strip()) for p in _BLANK_LINE.split(source) if p.strip()]


def join(sep: str, *parts: Any) -> Rich:
    """The non-empty parts joined by ``sep`` (plain), keeping each part's runs."""
    present = [rich(p) if not isinstance(p, Rich) else p for p in parts]
    present = [p for p in present if p]
    runs: list[Run] = []
    for n, part in enumerate(present):
        if n and sep:
            runs.append(Run(sep))
        runs.extend(part.runs)
    return Rich(tuple(runs), sep.join(p.source for p in present))


def fill(pattern: str, **values: Rich) -> Rich:
    """``pattern`` (``"{type} in {area}"``) with each field replaced by its runs."""
    runs: list[Run] = []
    for literal, name, _, _ in _FORMATTER.parse(pattern):
        if literal:
            runs.append(Run(literal))
        if name is not None:
            runs.extend(values[name].runs)
    return Rich(tuple(runs), "".join(r.text for r in runs))


def _formatter() -> Any:
    import string

    return string.Formatter()


_FORMATTER = _formatter()


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> Rich:
    """Inline Markdown → runs (cached: HTML, PDF and DOCX of one job read the same fields)."""
    tokens = _parser().parseInline(text)
    runs: list[Run] = []
    strong = emph = 0
    links: list[str | None] = []
    for token in tokens[0].children or () if tokens else ():
        kind = token.type
        url = links[-1] if links else None
        if kind == "text" or kind == "html_inline":
            _add(runs, Run(token.content, strong > 0, emph > 0, False, url))
        elif kind == "code_inline":
            _add(runs, Run(token.content, strong > 0, emph > 0, True, url))
        elif kind in ("softbreak", "hardbreak"):
            _add(runs, Run("\n", strong > 0, emph > 0, False, url))
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emph += 1
        elif kind == "em_close":
            emph -= 1
        elif kind == "link_open":
            # a link inside a link is not one (Markdown forbids it; keep the outer)
            links.append(url if url else safe_url(str(token.attrGet("href") or "")))
        elif kind == "link_close":
            if links:
                links.pop()
        elif kind == "image":
            # a picture in a text field is shown by its description: nothing is fetched
            _add(runs, Run(token.content or "", strong > 0, emph > 0, False, url))
    return Rich(tuple(r for r in runs if r.text), text)


def _add(runs: list[Run], run: Run) -> None:
    """Append, merging with the previous run when the marks are the same."""
    if runs:
        last = runs[-1]
        if (last.strong, last.emph, last.code, last.url) == (
            run.strong,
            run.emph,
            run.code,
            run.url,
        ):
            runs[-1] = Run(last.text + run.text, run.strong, run.emph, run.code, run.url)
            return
    runs.append(run)


@functools.cache
def _parser() -> Any:
    """markdown-it-py's CommonMark inline rules, raw HTML off; every link target is
    accepted here and judged by :func:`resumeconv.links.safe_url` (markdown-it's own check
    would leave a refused link as raw ``[text](javascript:…)``)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md
