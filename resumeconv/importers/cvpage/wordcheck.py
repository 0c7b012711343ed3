"""Which words a visitor reads on a CV page, and whether each reached the resume.

Issue 12, rule 8: nothing on the page may be lost silently. After the page is read, its
visible words (as Jekyll shows them: no front matter, Liquid, comments, ``<style>`` or
``<script>``; emoji shortcodes are pictures) are looked for in the resume's strings, one
occurrence each, in page order. A word that is not found is either

- *form*, read as the page's structure rather than as a value: a field label ("GPA:",
  "Email:", "时间："), a table's column title, the text of a link whose URL reached the
  resume ("[Link](…)", "[主页](…)"), a joining word that a
  field split consumes ("PhD *in* Physics *at* …": :data:`resumeconv.dialect.JOINING_WORDS`),
  or a word of a date expression ("since", "expected"); or
- *lost*: content that reached no field. The import report lists lost words with their
  lines, ``convert`` warns about them, and ``--strict`` refuses the page.

Blocks the import report skips with a reason (front matter, page chrome, legends, spacers,
the "Details" toggle of a ``<details>`` block)
are not counted: their reasons are the account of them. The same check, given the whole
resume instead of its standard sections, gives the "found anywhere in the file" figure of
the corpus table (tests/readers/test_corpus.py).
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from typing import Any

from resumeconv.dates import DATE_WORDS, MONTHS, SEASONS
from resumeconv.dialect import JOINING_WORDS
from resumeconv.importers.cvpage.entries import SCORE_LABELS, is_field_label
from resumeconv.importers.cvpage.parser import jekyll_text, parser
from resumeconv.report import SKIPPED, Block, by_line

_WORD = re.compile(r"[^\W_]+", re.U)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
#: ``:link:``, ``:star2:``: jemoji (in the academicpages template) draws a picture.
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_TAG = re.compile(r"<[^>]*>?")
#: A kramdown attribute list (``{: .btn .btn--info}``): styling, never shown.
_IAL = re.compile(r"\{:[^{}\n]*\}")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_BREAKING_TAG = re.compile(r"<(?:br|/?(?:p|div|li|tr|td|th|h[1-6]|ul|ol|table))\b", re.I)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
#: A score's label without a colon: "…, 2018, GPA 3.92" (``entries._score`` reads it).
_SCORE_LABEL = re.compile(rf"\b({'|'.join(SCORE_LABELS)})\s+(?=\d)", re.I)
#: A label: ``GPA:``, ``**Personal Email**:``, ``时间：`` at the start of a line, or after a
#: separator within it.
_LABEL = re.compile(r"(?:^|[—–|·;(（,]|\s-\s)[\s*_•·\-–—>#]*([^:：\n—–|·;(（,]{1,40}?)\s*[:：]")
_LABEL_MAX_WORDS = 5

#: How a word was shown; every kind but TEXT is form when the word is not found.
TEXT, LABEL, COLUMN, LINK = "text", "label", "column title", "link text"
_FORM_KINDS = frozenset({LABEL, COLUMN})


@dataclass(frozen=True, slots=True)
class Word:
    """One visible word of the page (lower case; a CJK character is a word of its own)."""

    text: str
    line: int
    kind: str = TEXT
    href: str | None = None
    label: str = ""
    """For a word of a label, the whole label ("Personal Email")."""


@dataclass(slots=True)
class WordCheck:
    """What became of the visible words of one page."""

    total: int = 0
    reached: int = 0
    form: Counter[str] = field(default_factory=Counter)
    lost: list[Word] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Share of the visible words found in the resume's strings."""
        return self.reached / self.total if self.total else 1.0

    @property
    def accounted(self) -> float:
        """Share found, or read as form: what a careful reader keeps."""
        return (self.reached + sum(self.form.values())) / self.total if self.total else 1.0

    def lost_by_line(self) -> list[tuple[int, list[str]]]:
        """Lost words grouped by line, in page order."""
        return by_line((word.line, word.text) for word in self.lost)


def words(text: str) -> list[str]:
    """Lower-case word tokens; each CJK character is a token of its own."""
    return [word for token in _WORD.findall(text) for _, word in _offset_words(token)]


@cache
def _date_words() -> frozenset[str]:
    """Date words as :func:`words` cuts them: "現在" is two words, "現" and "在"."""
    units = {"年", "月", "日", "年度", "년", "월", "일"}
    return frozenset(part for word in DATE_WORDS | units for part in words(word))


def check_page(
    text: str,
    data: dict[str, Any],
    blocks: Iterable[Block],
    *,
    standard: bool = True,
    form: Iterable[tuple[int, str]] = (),
    stream: list[Any] | None = None,
) -> WordCheck:
    """Look for every visible word of the page ``text`` in ``data`` (a resume dict).

    ``standard``: only the standard sections count (``meta`` does not, but for the layout's
    section titles: a heading's one home is the layout); else the whole resume. ``form``:
    (line, text) the reader's rules read as structure (``ImportReport.form``); ``stream``:
    the page's tokens, when the reader has them (:func:`page_words`)."""
    skipped = _skipped_lines(blocks)
    read_as_form = Counter((line, word) for line, part in form for word in words(part))
    searched = standard_part(data) if standard else data
    pool, dates = _pool(searched)
    pool_strings = list(strings(searched))
    data_strings = pool_strings if not standard else list(strings(data))
    result = WordCheck()
    shown = [word for word in page_words(text, stream) if word.line not in skipped]
    # labels and column titles are form whatever the pool holds: they look last, so that
    # "Grade: 1.4 (ECTS Grade A)" finds the value's "Grade" for the value
    ordered = [w for w in shown if w.kind not in _FORM_KINDS]
    ordered += [w for w in shown if w.kind in _FORM_KINDS]
    result.lost.extend(_lost_links(shown, pool_strings))
    for word in ordered:
        result.total += 1
        if pool[word.text] > 0:
            pool[word.text] -= 1
            result.reached += 1
        elif dates.holds(word.text):
            result.reached += 1
        elif read_as_form[word.line, word.text] > 0 or _is_form(word, data_strings):
            read_as_form[word.line, word.text] -= 1
            result.form[word.text] += 1
        else:
            result.lost.append(word)
    return result


def standard_part(data: dict[str, Any]) -> dict[str, Any]:
    """The resume without ``meta``'s content: what JSON Resume tools read. The layout's
    section titles stay (a heading is the page's structure, not content)."""
    out = {k: v for k, v in data.items() if k != "meta"}
    layout = ((data.get("meta") or {}).get("x-resumeconv") or {}).get("sections") or []
    out["section titles"] = [s.get("title") for s in layout if isinstance(s, dict)]
    return out


def page_words(text: str, stream: list[Any] | None = None) -> Iterator[Word]:
    """The words a visitor of the rendered page reads, with their lines and kinds.

    ``stream``: markdown-it-py's tokens of ``text`` when the reader has them already (one
    parse per page); Liquid is removed from the text the tokens hold."""
    if stream is None:
        stream = parser().parse(jekyll_text(text))
    in_header = False
    for token in stream:
        if token.type in ("thead_open", "thead_close"):
            in_header = token.type == "thead_open"
        if token.map is None:
            continue
        first = token.map[0] + 1
        if token.type == "inline":
            yield from _inline_words(token, first, COLUMN if in_header else TEXT)
        elif token.type == "html_block":
            yield from _html_words(_blank(_LIQUID, token.content), first)
        elif token.type in ("code_block", "fence"):
            start = first + (token.type == "fence")
            for offset, line in enumerate(_blank(_LIQUID, token.content).split("\n")):
                yield from _plain(line, start + offset)


# ------------------------------------------------------------------ reading the page


def _inline_words(token: Any, line: int, base: str) -> Iterator[Word]:
    """Words of one inline token: runs of text per source line, links with their targets
    (Markdown or ``<a href>``), a leading ``Label:`` marked."""
    runs: list[tuple[str, str, str | None]] = []
    href: str | None = None
    html = _HtmlText(line)
    for child in token.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            yield from _line_words(runs, line)
            runs = []
            line += 1
        elif kind == "link_open":
            href = child.attrGet("href")
        elif kind == "link_close":
            href = None
        elif kind in ("text", "code_inline") and not html.hidden:
            shown, target = base, href
            if html.kinds:
                shown, target = html.kinds[-1][1], html.kinds[-1][2] or href
            elif href is not None and base == TEXT:
                shown = LINK
            content = _code_value(child.content) if kind == "code_inline" else child.content
            runs.append((_blank(_IAL, _blank(_LIQUID, content)), shown, target))
        elif kind == "html_inline":
            with contextlib.suppress(AssertionError, ValueError):  # malformed: no effect
                html.feed(child.content)
            if _BREAKING_TAG.match(child.content):  # "<br>Grade: 1.3": a new visual line
                yield from _line_words(runs, line)
                runs = []
    yield from _line_words(runs, line)


def _line_words(runs: list[tuple[str, str, str | None]], line: int) -> Iterator[Word]:
    yield from _run_words([(text, line, kind, href) for text, kind, href in runs])


def _run_words(runs: list[tuple[str, int, str, str | None]]) -> Iterator[Word]:
    """The words of one visual line made of runs (text, line, kind, href): a word is cut
    from the whole line (``**E**ast`` is "east") and takes the kind of the run it starts
    in; words of a leading ``Label:`` are labels."""
    plain = _SHORTCODE.sub(lambda m: " " * len(m.group()), "".join(run[0] for run in runs))
    if not plain.strip():
        return
    labels = _label_spans(plain)
    starts: list[int] = []
    at = 0
    for run in runs:
        starts.append(at)
        at += len(run[0])
    index = 0
    for match in _WORD.finditer(plain):
        for offset, word in _offset_words(match.group()):
            where = match.start() + offset
            while index + 1 < len(runs) and starts[index + 1] <= where:
                index += 1
            _, line, kind, href = runs[index]
            span = next(((a, b) for a, b in labels if a <= where < b), None)
            if kind in (TEXT, LINK) and span is not None:
                label = plain[span[0] : span[1]].rstrip(" :：")
                yield Word(word, line, LABEL, href, label)
                continue
            yield Word(word, line, kind, href)


def _offset_words(token: str) -> Iterator[tuple[int, str]]:
    """:func:`words` of one regex token, each with its offset in it (a CJK run gives one
    word per character: "公司[主页](…)" has a link's words inside)."""
    if not _CJK.search(token):
        yield 0, token.lower()
        return
    buf_start = None
    for i, ch in enumerate(token):
        if _CJK.match(ch):
            if buf_start is not None:
                yield buf_start, token[buf_start:i].lower()
                buf_start = None
            yield i, ch
        elif buf_start is None:
            buf_start = i
    if buf_start is not None:
        yield buf_start, token[buf_start:].lower()


def _code_value(code: str) -> str:
    """A code span as the reader takes it: JSON in backticks (what resumeconv's Markdown
    writer uses for values with line breaks or lists, ``cvpage/labels.py``) is its text."""
    import json

    try:
        value = json.loads(code)
    except ValueError:
        return code
    return " ".join(strings(value)) if isinstance(value, (str, list, dict)) else code


def _label_spans(plain: str) -> list[tuple[int, int]]:
    """Where the line's labels are: a leading ``Label:`` (up to five words), or one of up
    to three words after a separator ("… December 2022 — GPA: 4.05")."""
    spans = [(m.start(1), m.end(1)) for m in _SCORE_LABEL.finditer(plain)]  # "GPA 3.92"
    for m in _LABEL.finditer(plain):
        limit = _LABEL_MAX_WORDS if m.start() == 0 else 3
        if len(m.group(1).split()) <= limit and not plain[m.end() :].startswith("//"):
            spans.append((m.start(1), m.end()))
    return spans


def _plain(text: str, line: int) -> Iterator[Word]:
    yield from _run_words([(text, line, TEXT, None)])


def _html_words(html: str, first: int) -> Iterator[Word]:
    reader = _HtmlText(first)
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):
        # html.parser gives up on some malformed markup ("<![" with no name): the text
        # between the tags, as the CV-page reader keeps it (cvpage/blocks.py)
        for offset, line in enumerate(html.split("\n")):
            yield from _plain(_TAG.sub(" ", line), first + offset)
        return
    yield from reader.flush()


class _HtmlText(HTMLParser):
    """Text a browser shows of raw HTML, with lines: not ``<style>``/``<script>`` bodies;
    ``<th>`` cells are column titles, ``<a href>`` text a link's."""

    _HIDDEN = frozenset({"style", "script"})
    #: Phrasing elements: ``<strong>E</strong>ast`` is one word "East".
    _INLINE = frozenset(
        {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
         "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
         "time", "u", "var"}
    )  # fmt: skip

    def __init__(self, line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.line = line
        self.hidden = 0
        self.kinds: list[tuple[str, str, str | None]] = []  # (tag, kind, href)
        self.chunks: list[tuple[str, int, str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        kind = {"th": COLUMN}.get(tag)
        if kind or tag == "a":
            href = dict(attrs).get("href") if tag == "a" else None
            self.kinds.append((tag, kind or LINK, href))
        if tag not in self._INLINE:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self.hidden:
            self.hidden -= 1
        for i in range(len(self.kinds) - 1, -1, -1):
            if self.kinds[i][0] == tag:
                del self.kinds[i:]
                break
        if tag not in self._INLINE:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        line = self.line + self.getpos()[0] - 1
        kind, href = (self.kinds[-1][1], self.kinds[-1][2]) if self.kinds else (TEXT, None)
        for offset, part in enumerate(data.split("\n")):
            self.chunks.append((" " + part, line + offset, kind, href))

    def _break(self) -> None:
        self.chunks.append(("\n", self.line + self.getpos()[0] - 1, TEXT, None))

    def flush(self) -> Iterator[Word]:
        """The words read so far, one visual line (between block tags) at a time."""
        chunks, self.chunks = self.chunks, []
        run: list[tuple[str, int, str, str | None]] = []
        for chunk in [*chunks, ("\n", 0, TEXT, None)]:
            if chunk[0] != "\n":
                run.append(chunk)
            else:
                yield from _run_words(run)
                run = []


# ------------------------------------------------------------------ looking words up


@dataclass(slots=True)
class _Dates:
    """The dates the resume holds: a page's "Sept." or "2024" is found in 2024-09."""

    years: set[str] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    days: set[int] = field(default_factory=set)

    def holds(self, word: str) -> bool:
        if word in self.years or (
            word.isdecimal() and len(word) == 2 and "20" + word in self.years
        ):
            return True
        month = MONTHS.get(word)
        if month:
            return month in self.months
        if word.isdecimal() and 1 <= int(word) <= 31:
            return int(word) in self.months or int(word) in self.days
        return word in SEASONS or word in _date_words()


def _pool(data: Any) -> tuple[Counter[str], _Dates]:
    pool: Counter[str] = Counter()
    dates = _Dates()
    for text in strings(data):
        m = _ISO.match(text)
        if m:
            dates.years.add(m.group(1))
            if m.group(2):
                dates.months.add(int(m.group(2)))
            if m.group(3):
                dates.days.add(int(m.group(3)))
        pool.update(words(text))
    return pool, dates


def _is_form(word: Word, data_strings: list[str]) -> bool:
    if word.kind == COLUMN:
        return True
    if word.kind == LABEL and is_field_label(word.label):
        return True
    if word.kind == LINK and word.href and _url_kept(word.href, data_strings):
        return True
    return word.text in JOINING_WORDS


def _lost_links(shown: list[Word], strings: list[str]) -> list[Word]:
    """Rule 3, every link target is kept: a link (Markdown or ``<a href>``) whose target
    no string holds is lost, reported as ``<url>`` at its line."""
    out: list[Word] = []
    seen: set[tuple[int, str]] = set()
    for word in shown:
        href = word.href
        if not href or (word.line, href) in seen:
            continue
        seen.add((word.line, href))
        target = _link_target(href)
        if target and not any(target in text for text in strings):
            out.append(Word(f"<{href}>", word.line, LINK, href))
    return out


def _link_target(href: str) -> str:
    """What of a link must be found in the resume: the address of a ``mailto:``, the path
    of a page-relative link (resolved against the site's url, or kept as written); nothing
    for an in-page anchor or a Liquid-made link."""
    href = href.strip()
    if href.startswith("#") or "{{" in href or "{%" in href:
        return ""
    target = href.removeprefix("mailto:").removeprefix("tel:").rstrip("/")
    if not _SCHEME.match(target):
        target = target.lstrip("./")
    return target


def _url_kept(href: str, data_strings: list[str]) -> bool:
    """The link's target reached the resume (as a field or inside a kept ``[text](url)``)."""
    target = href.removeprefix("mailto:").rstrip("/")
    return bool(target) and any(target in text for text in data_strings)


def strings(value: Any) -> Iterator[str]:
    """Every string of a resume value (dicts and lists walked), in document order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def _skipped_lines(blocks: Iterable[Block]) -> set[int]:
    """Lines of blocks skipped with a reason (their reasons account for them)."""
    lines: set[int] = set()
    for block in blocks:
        if block.status == SKIPPED:
            lines.update(range(block.start, block.end + 1))
    return lines


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with ``pattern``'s matches replaced by spaces, line breaks kept."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
