"""How much of what a reader sees on a CV page reached the model: a developer's measure.

The page is rendered as Jekyll would show it (front matter, Liquid and HTML comments
removed; Markdown rendered; tags stripped) and cut into words; each word must be found in
the resume's strings. Dates are compared as dates: "Sept. 2024" is reached when some
field holds 2024-09. The measure backs the promise that nothing is lost silently
(``tests/readers/test_corpus.py`` prints it per page); it is not part of the installed package.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

_WORD = re.compile(r"[^\W_]+", re.U)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_SEASONS = {"spring", "summer", "fall", "autumn", "winter"}
_OPEN = {"present", "now", "ongoing", "current", "today", "since", "至", "今"}
_DATE_GLUE = {"年", "月", "日", "to", "until", "expected", "预", "计"}


@dataclass
class Coverage:
    """Visible words of a page and how many of them reached the resume."""

    total: int
    reached: int
    missing: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        return self.reached / self.total if self.total else 1.0


def words(text: str) -> list[str]:
    """Lower-case word tokens; each CJK character is a token of its own."""
    out: list[str] = []
    for token in _WORD.findall(text.lower()):
        if _CJK.search(token):
            out.extend(_split_cjk(token))
        else:
            out.append(token)
    return out


def _split_cjk(token: str) -> list[str]:
    parts: list[str] = []
    buf = ""
    for ch in token:
        if _CJK.match(ch):
            if buf:
                parts.append(buf)
                buf = ""
            parts.append(ch)
        else:
            buf += ch
    if buf:
        parts.append(buf)
    return parts


class _Text(HTMLParser):
    """Text a browser shows: not the bodies of ``<style>`` and ``<script>``."""

    _HIDDEN = ("style", "script")
    #: Phrasing elements: a browser draws ``<strong>E</strong>ast`` as one word "East".
    _INLINE = frozenset(
        "a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span"
        " strong sub sup time u var".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.hidden = 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.chunks.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in self._HIDDEN
        if tag not in self._INLINE:
            self.chunks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self.hidden:
            self.hidden -= 1
        if tag not in self._INLINE:
            self.chunks.append(" ")


def visible_text(page: str) -> str:
    """The text a visitor of the rendered page reads."""
    from resumeconv.importers.cvpage.parser import parser
    from resumeconv.importers.jekyll import split_front_matter

    split = split_front_matter(page)
    body = split[1] if split else page
    body = _LIQUID.sub(" ", _COMMENT.sub(" ", body))
    html = parser().render(body)
    html = _COMMENT.sub(" ", html)
    parser = _Text()
    parser.feed(html)
    return "".join(parser.chunks)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def standard_part(data: dict[str, Any], titles: bool = True) -> dict[str, Any]:
    """The resume without ``meta``'s content: what JSON Resume tools read (issue 12 counts
    a word as reached in the standard sections only, not in custom entries of the layout).

    The section titles stay when ``titles`` is true: a heading is the page's structure,
    not content, and its one home is the layout (rule 1); ``titles=False`` is the strict
    figure where heading words count as lost."""
    out = {k: v for k, v in data.items() if k != "meta"}
    if titles:
        layout = ((data.get("meta") or {}).get("x-resumeconv") or {}).get("sections") or []
        out["section titles"] = [s.get("title") for s in layout if isinstance(s, dict)]
    return out


def measure(page: str, data: dict[str, Any]) -> Coverage:
    """Share of the page's visible words found in the resume dict (``to_dict()``); pass
    :func:`standard_part` of it to count the standard sections only."""
    seen = words(visible_text(page))
    pool: Counter[str] = Counter()
    years: set[str] = set()
    months: set[int] = set()
    days: set[int] = set()
    for text in _strings(data):
        m = _ISO.match(text)
        if m:
            years.add(m.group(1))
            if m.group(2):
                months.add(int(m.group(2)))
            if m.group(3):
                days.add(int(m.group(3)))
        pool.update(words(text))
    has_open = _any_open(data)
    missing: Counter[str] = Counter()
    reached = 0
    for word in seen:
        if pool[word] > 0:
            pool[word] -= 1
            reached += 1
        elif _date_word(word, years, months, days, has_open):
            reached += 1
        else:
            missing[word] += 1
    return Coverage(len(seen), reached, missing)


def _date_word(
    word: str, years: set[str], months: set[int], days: set[int], has_open: bool
) -> bool:
    if word in years or (word.isdigit() and len(word) == 2 and ("20" + word) in years):
        return True
    month = _MONTHS.get(word) or _month_word(word)
    if month:
        return month in months
    if word.isdigit() and 1 <= int(word) <= 31:
        return int(word) in months or int(word) in days
    if word in _OPEN:
        return has_open
    return word in _SEASONS or word in _DATE_GLUE


def _month_word(word: str) -> int | None:
    """A month name in any language the date reader knows ("abril", "Oktober")."""
    from resumeconv.dates import MONTHS

    return MONTHS.get(word)


def _any_open(data: dict[str, Any]) -> bool:
    for value in data.values():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and item.get("startDate") and not item.get("endDate"):
                    return True
    return False
