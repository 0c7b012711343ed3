"""Table cells and list items of a raw HTML block in a CV page (``<table>``, ``<ul>``).

Its own module so that pages without such blocks never import :mod:`html.parser`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass(slots=True)
class HTMLItem:
    """One ``<li>``: its own markup (nested lists left out) and its nested items."""

    chunks: list[str] = field(default_factory=list)
    children: list[HTMLItem] = field(default_factory=list)

    @property
    def raw(self) -> str:
        return "".join(self.chunks)


class HTMLTree(HTMLParser):
    """Collects table cells and list items of a raw HTML block, keeping inline markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tables: list[tuple[list[str] | None, list[list[str]]]] = []
        self.items: list[HTMLItem] = []
        """Top-level list items, each with the items of the lists nested in it."""
        self._li_stack: list[HTMLItem] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._header: list[str] | None = None
        self._rows: list[list[str]] = []
        self._in_head = False
        self._links: list[str] = []
        self._text_outside_links = False
        self._a_depth = 0
        self._row_th = False

    @property
    def only_links_to_files(self) -> bool:
        return bool(self._links) and not self._text_outside_links

    def _raw(self) -> str:
        return self.get_starttag_text() or ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._header, self._rows = None, []
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
            self._row_th = False
        elif tag in ("td", "th"):
            self._cell = []
            self._row_th = self._row_th or tag == "th"
        elif tag == "li":
            self._li_stack.append(HTMLItem())
        elif tag == "a":
            self._links.append(dict(attrs).get("href") or "")
            self._a_depth += 1
            self._sink(self._raw())
        else:
            self._sink(self._raw())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._sink(self._raw())

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._in_head or (self._header is None and not self._rows and self._row_th):
                self._header = self._row
            else:
                self._rows.append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "table":
            self.tables.append((self._header, self._rows))
        elif tag == "li" and self._li_stack:
            item = self._li_stack.pop()
            (self._li_stack[-1].children if self._li_stack else self.items).append(item)
        else:
            if tag == "a":
                self._a_depth = max(self._a_depth - 1, 0)
            self._sink(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._a_depth:
            self._text_outside_links = True
        self._sink(data)

    def handle_entityref(self, name: str) -> None:
        self._sink(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._sink(f"&#{name};")

    def _sink(self, text: str) -> None:
        if self._cell is not None:
            self._cell.append(text)
        elif self._li_stack:
            self._li_stack[-1].chunks.append(text)


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class TitleFinder(HTMLParser):
    """Top-level elements of a raw HTML block that are headings: ``<h2>`` … ``<h6>``, or
    an element whose class names a title (``<div class="cv-section-title">``).

    :attr:`titles` holds (start offset, end offset, level) of each, in order; ``<hN>`` is
    level N, a titled element level 2. :attr:`elements` holds (start, end, level, tag) of
    every top-level element (level 0 when neither), whose text may still name a section
    (``<div class="section-head">Education</div>``).
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.titles: list[tuple[int, int, int]] = []
        self.elements: list[tuple[int, int, int, str]] = []
        self._starts = [0]
        for i, char in enumerate(text):
            if char == "\n":
                self._starts.append(i + 1)
        self._depth = 0
        self._open: tuple[int, int] | None = None  # (start offset, level) of an element
        self._tag = ""

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self._depth == 0:
            level = _title_level(tag, dict(attrs).get("class") or "")
            self._open = (self._offset(), level)
            self._tag = tag
        self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or self._depth == 0:
            return
        self._depth -= 1
        if self._depth == 0 and self._open is not None:
            start, level = self._open
            end = self.text.find(">", self._offset())
            stop = len(self.text) if end < 0 else end + 1
            self.elements.append((start, stop, level, self._tag))
            if level:
                self.titles.append((start, stop, level))
            self._open = None


def _title_level(tag: str, classes: str) -> int:
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return int(tag[1])
    words = classes.lower().split()
    if any(w.endswith(("title", "heading")) for w in words):
        return 2
    return 0
