"""Inline content of a CV page as lines of styled runs.

markdown-it gives inline tokens (text, strong, em, link, breaks, raw HTML). Entry rules need
to know which words were bold, italic or linked, and where lines break, but not the rest of
the markup; a :class:`Line` is exactly that, with its source line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

_SPACE = re.compile(r"\s+")


class _HTMLPatterns:
    """Tags and their link and image attributes: only pages with inline HTML need them."""

    __slots__ = ("alt", "href", "tag")

    def __init__(self) -> None:
        self.tag = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", re.S)
        self.href = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
        self.alt = re.compile(r"""alt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


@cache
def _html_rx() -> _HTMLPatterns:
    """Compiled on first use (~0.5 ms of every import otherwise)."""
    return _HTMLPatterns()


#: What :meth:`Line.strip` takes off both ends of a line by default.
SEPARATORS = " ,;:|–—-·•：，；、"
BREAK_TAGS = {"br"}
BOLD_TAGS = {"strong", "b"}
ITALIC_TAGS = {"em", "i"}


def _unescape(text: str) -> str:
    """``html.unescape``, imported only for text that has an entity (``html`` and its
    entity table cost ~2.5 ms to import, and most pages have none)."""
    if "&" not in text:
        return text
    from html import unescape

    return unescape(text)


def strip_liquid(text: str) -> str:
    r"""``text`` without Liquid ``{{ … }}`` and ``{% … %}`` tags, in linear time.

    (A regex such as ``\{\{.*?\}\}`` rescans to the end for every opener that is never
    closed: quadratic on hostile input.)
    """
    if "{" not in text:
        return text
    out: list[str] = []
    pos = 0
    next_var, next_tag = text.find("{{"), text.find("{%")
    while True:
        if next_var != -1 and next_var < pos:
            next_var = text.find("{{", pos)
        if next_tag != -1 and next_tag < pos:
            next_tag = text.find("{%", pos)
        starts = [i for i in (next_var, next_tag) if i != -1]
        if not starts:
            break
        start = min(starts)
        end = text.find("}}" if start == next_var else "%}", start + 2)
        if end == -1:
            break  # an opener never closed: the rest is text (and later openers too)
        out.append(text[pos:start])
        pos = end + 2
    out.append(text[pos:])
    return "".join(out)


def strip_attribute_lists(text: str) -> str:
    """``text`` without kramdown attribute lists such as ``{: .btn .btn--info}``
    (``dialect.ATTRIBUTE_LIST``): styling, not text."""
    if "{:" not in text:
        return text
    from resumeconv.dialect import ATTRIBUTE_LIST

    return ATTRIBUTE_LIST.sub("", text)


def is_liquid_only(text: str) -> bool:
    """True when ``text`` holds nothing but Liquid tags and white space."""
    return not strip_liquid(text).strip()


@dataclass(slots=True)
class Run:
    """A stretch of text with one style; ``code`` when written as a code span (a field
    line's JSON value is one)."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    code: bool = False


@dataclass(slots=True)
class Line:
    """One visual line of a CV page: styled runs and the source line it starts on."""

    runs: list[Run] = field(default_factory=list)
    lineno: int = 0

    @property
    def plain(self) -> str:
        runs = self.runs
        if len(runs) == 1:  # most lines
            return runs[0].text
        return "".join([r.text for r in runs])

    def __bool__(self) -> bool:
        """Whether the line has visible text (not only white space)."""
        for run in self.runs:  # noqa: SIM110 (any() with a generator costs more, per line)
            if run.text and not run.text.isspace():
                return True
        return False

    def linked(self) -> str:
        """Plain text with links written as Markdown ``[text](url)`` (URLs are never lost)."""
        out: list[str] = []
        i = 0
        runs = self.runs
        while i < len(runs):
            run = runs[i]
            if run.href is None:
                out.append(run.text)
                i += 1
                continue
            href = run.href
            text = ""
            while i < len(runs) and runs[i].href == href:
                text += runs[i].text
                i += 1
            stripped = text.strip()
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            if not stripped or stripped == href or _same_mail(stripped, href):
                out.append(lead + stripped + trail if stripped else href)
            else:
                out.append(f"{lead}[{stripped}]({href}){trail}")
        return "".join(out)

    def links(self) -> list[tuple[str, str]]:
        """(text, url) of every link on the line, in order."""
        found: list[tuple[str, str]] = []
        previous: str | None = None
        for run in self.runs:
            if run.href is not None and run.href == previous:
                found[-1] = (found[-1][0] + run.text, run.href)
            elif run.href is not None:
                found.append((run.text, run.href))
            previous = run.href
        return [(t.strip(), u) for t, u in found]

    def bold_prefix(self) -> str:
        """Text of the bold runs the line starts with ("" when it does not start bold)."""
        text = ""
        for run in self.runs:
            if not run.text.strip() and not text:
                continue
            if not run.bold:
                break
            text += run.text
        return text.strip()

    def emphasized(self) -> list[str]:
        """Texts of bold or italic stretches, merged across adjacent runs."""
        out: list[str] = []
        current = ""
        for run in self.runs:
            if run.bold or run.italic:
                current += run.text
            elif current:
                out.append(current.strip())
                current = ""
        if current:
            out.append(current.strip())
        return [t for t in out if t]

    def slice(self, start: int, end: int | None = None) -> Line:
        """The part of the line between two offsets of :attr:`plain`, styles kept."""
        pieces: list[tuple[str, Run]] = []
        pos = 0
        for run in self.runs:
            text = run.text
            r0 = pos
            pos += len(text)
            if end is not None and r0 >= end:
                break  # this run and the ones after it are past the end
            a = start if start > r0 else r0
            b = pos if end is None or end > pos else end
            if a < b:
                pieces.append((text if b - a == pos - r0 else text[a - r0 : b - r0], run))
        return Line(_normalize(pieces), self.lineno)

    def strip(self, chars: str = SEPARATORS) -> Line:
        """The line without leading/trailing separators."""
        text = self.plain
        start, end = 0, len(text)
        while start < end and text[start] in chars:
            start += 1
        while end > start and text[end - 1] in chars:
            end -= 1
        return self.slice(start, end)

    def cut(self, start: int, end: int | None = None) -> Line:
        """``self.slice(start, end).strip()`` in one pass.

        Slicing collapses white space to single spaces and trims it, and the space is one of
        :data:`SEPARATORS`; so skipping separators *and* white space at both ends of the
        original text gives the same line.
        """
        text = self.plain
        stop = len(text) if end is None else min(end, len(text))
        while start < stop and (text[start] in SEPARATORS or text[start].isspace()):
            start += 1
        while stop > start and (text[stop - 1] in SEPARATORS or text[stop - 1].isspace()):
            stop -= 1
        return self.slice(start, stop)


def _same_mail(text: str, href: str) -> bool:
    return href.lower().startswith("mailto:") and href[7:].strip().lower() == text.lower()


def _normalize(pieces: list[tuple[str, Run]]) -> list[Run]:
    """New runs from (text, the run whose style it has): white space collapsed across
    runs, equal styles merged, the ends trimmed."""
    out: list[Run] = []
    for text, run in pieces:
        if "  " in text or not text.isprintable():
            # every white space character but " " is unprintable: only then is there work
            text = _SPACE.sub(" ", text)
        if not text:
            continue
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
            if not text:
                continue
        prev = out[-1] if out else None
        style = (run.bold, run.italic, run.href, run.code)
        if prev and (prev.bold, prev.italic, prev.href, prev.code) == style:
            prev.text += text
        else:
            out.append(Run(text, run.bold, run.italic, run.href, run.code))
    if out:
        out[0].text = out[0].text.lstrip()
        out[-1].text = out[-1].text.rstrip()
    return [r for r in out if r.text]


class _Builder:
    """Accumulates runs into lines while walking inline tokens."""

    def __init__(self, lineno: int, soft_breaks: bool) -> None:
        self.lines: list[Line] = []
        self.runs: list[Run] = []
        self.lineno = lineno
        self.line_start = lineno
        self.soft_breaks = soft_breaks
        self.bold = 0
        self.italic = 0
        self.hrefs: list[str | None] = []

    def text(self, text: str, code: bool = False) -> None:
        if not text:
            return
        text = strip_liquid(text) if code else strip_attribute_lists(strip_liquid(text))
        href = next((h for h in reversed(self.hrefs) if h), None) if self.hrefs else None
        self.runs.append(Run(text, self.bold > 0, self.italic > 0, href, code))

    def newline(self, hard: bool) -> None:
        if hard or self.soft_breaks:
            self.flush()
            self.lineno += 1
            self.line_start = self.lineno
        else:
            self.text(" ")
            self.lineno += 1

    def flush(self) -> None:
        runs = _normalize([(run.text, run) for run in self.runs])
        if runs:
            self.lines.append(Line(runs, self.line_start))
        self.runs = []
        self.line_start = self.lineno

    def html(self, raw: str) -> None:
        """Inline HTML: breaks, bold/italic/link tags; other tags vanish, their text stays."""
        rx = _html_rx()
        for match in rx.tag.finditer(raw):
            closing, name, attrs = match.group(1) == "/", match.group(2).lower(), match.group(3)
            if name in BREAK_TAGS:
                self.flush()
            elif name in BOLD_TAGS:
                self.bold += -1 if closing else 1
                self.bold = max(self.bold, 0)
            elif name in ITALIC_TAGS:
                self.italic += -1 if closing else 1
                self.italic = max(self.italic, 0)
            elif name == "a":
                if closing:
                    if self.hrefs:
                        self.hrefs.pop()
                else:
                    m = rx.href.search(attrs)
                    href = next((g for g in m.groups() if g), None) if m else None
                    if href and "{" in href:  # Liquid is Jekyll's: `{% link … %}` alone is no URL
                        href = strip_liquid(href).strip()
                    self.hrefs.append(_unescape(href) if href else None)  # href="": no link
            elif name == "img":
                m = rx.alt.search(attrs)
                if m:
                    self.text(_unescape(next(g for g in m.groups() if g is not None)))


def inline_lines(tokens: list[Any], first_line: int, soft_breaks: bool) -> list[Line]:
    """Lines of one inline token's children.

    ``soft_breaks`` makes a plain newline start a new line (paragraphs whose lines are
    fields, as in a publication written over several lines); otherwise it is a space
    (a bullet wrapped in the source).
    """
    if len(tokens) == 1 and tokens[0].type == "text":
        return _plain_line(tokens[0].content, first_line)
    b = _Builder(first_line, soft_breaks)
    for at, tok in enumerate(tokens):
        kind = tok.type
        if kind == "text" or kind == "code_inline":
            b.text(tok.content, code=kind == "code_inline")
        elif kind == "softbreak" and _continues_sentence(tokens, at):
            b.text(" ")  # "… Stockholm University and\nthe Royal Institute …": one line
            b.lineno += 1
        elif kind == "softbreak":
            b.newline(hard=False)
        elif kind == "hardbreak":
            b.newline(hard=True)
        elif kind == "strong_open":
            b.bold += 1
        elif kind == "strong_close":
            b.bold = max(b.bold - 1, 0)
        elif kind == "em_open":
            b.italic += 1
        elif kind == "em_close":
            b.italic = max(b.italic - 1, 0)
        elif kind == "link_open":
            b.hrefs.append(tok.attrGet("href"))
        elif kind == "link_close":
            if b.hrefs:
                b.hrefs.pop()
        elif kind == "image":
            b.text(tok.content or "")
        elif kind == "html_inline":
            if tok.content.startswith("<!--"):
                continue
            b.html(tok.content)
    b.flush()
    return b.lines


def _continues_sentence(tokens: list[Any], at: int) -> bool:
    """The source line after this soft break begins in lower case: the sentence goes on
    (prose wrapped at 80 columns), it is no new field line."""
    nxt = tokens[at + 1] if at + 1 < len(tokens) else None
    if nxt is None or nxt.type != "text":
        return False
    first = nxt.content.lstrip()[:1]
    return first.isalpha() and first.islower()


def _plain_line(text: str, lineno: int) -> list[Line]:
    """What :func:`inline_lines` makes of one plain text token (most bullets and headings),
    without a builder: one unstyled run, Liquid dropped, white space collapsed and trimmed."""
    text = strip_attribute_lists(strip_liquid(text))
    if "  " in text or not text.isprintable():
        text = _SPACE.sub(" ", text)
    text = text.strip()
    return [Line([Run(text)], lineno)] if text else []


def text_lines(text: str, lineno: int) -> list[Line]:
    """Lines from a fragment of raw HTML text (table cells, list items of an HTML block)."""
    b = _Builder(lineno, soft_breaks=False)
    pos = 0
    for match in _html_rx().tag.finditer(text):
        b.text(_unescape(text[pos : match.start()]))
        lineno += text.count("\n", pos, match.start())  # only the new stretch: linear
        b.lineno = lineno
        b.html(match.group(0))
        lineno += match.group(0).count("\n")
        pos = match.end()
    b.text(_unescape(text[pos:]))
    b.flush()
    return b.lines
