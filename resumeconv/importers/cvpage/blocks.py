"""The blocks of a CV page, from markdown-it-py's token stream.

A page is a flat sequence of top-level blocks: headings, paragraphs, lists (with nested
items), tables, raw HTML and rules. Each keeps its source line range. Raw HTML blocks are
classified here (comment, Liquid loop, table, list, other) so that later rules never look
at markup.

The token stream (``parser.tokens``) is read by small rules, one per kind of block: a rule
gets the stream and the index of the block's opening token, appends the block(s) it makes
and returns the index of the token after the block. ``_BLOCK_RULES`` names them for the
page's top level, ``_ITEM_RULES`` for what a list item holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from resumeconv.dialect import is_known_title
from resumeconv.importers.cvpage import chrome
from resumeconv.importers.cvpage.inline import Line, inline_lines, is_liquid_only, text_lines

if TYPE_CHECKING:
    from markdown_it.token import Token

LOOP = re.compile(r"\{%-?\s*for\s+\w+\s+in\s+site\.(\w+)([^%]*)%\}")
#: ``{% for post in sorted_teaching %}``: a loop over a variable, resolved when the page
#: ``{% assign sorted_teaching = site.teaching | sort: "date" %}`` (:func:`_assigned_loops`).
VAR_LOOP = re.compile(r"\{%-?\s*for\s+\w+\s+in\s+([A-Za-z_]\w*)\s*([^%]*)%\}")
ASSIGN = re.compile(r"\{%-?\s*assign\s+(\w+)\s*=\s*site\.(\w+)\s*([^%]*)%\}")
_SORT = re.compile(r"\|\s*sort\s*:\s*[\"']([\w-]+)[\"']")
IAL = re.compile(r"^\s*\{:[^{}\n]*\}\s*$")
_TITLED = re.compile(r"<h[1-6][\s>]|class\s*=\s*[\"'][^\"'>]*(?:title|heading)\b", re.I)
_TITLE_MAX_CHARS = 80
_START_TAG = re.compile(r"<[a-zA-Z]")
_GROUP_TAGS = frozenset({"div", "p", "section", "article"})
_SPAN_LINES = re.compile(r"(</span\s*>)[ \t]*\n\s*(<span\b)", re.I)
_CONTAINERS = frozenset({"table", "ul", "ol", "dl", "details", "style", "script"})
_TITLE_TEXT = re.compile(r">[^<>]{1,80}<")  # an element with a short text in it
_DETAILS = re.compile(r"\s*<details\b", re.I)
_DETAILS_CLOSE = re.compile(r"^\s*</details\s*>\s*$", re.I)
_DETAILS_END = "end of a <details> block"
_DETAILS_TAGS = re.compile(r"</?details\b[^>]*>", re.I)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.S | re.I)
_NOT_SHOWN = re.compile(r"<(style|script)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)


@dataclass(slots=True)
class Block:
    """A top-level block and the (1-based, inclusive) lines it spans."""

    start: int
    end: int


@dataclass(slots=True)
class Heading(Block):
    level: int
    line: Line
    markup: str = ""
    """How the page wrote it: ``#`` (ATX), ``=`` or ``-`` (Setext), "" (raw HTML)."""


@dataclass(slots=True)
class Paragraph(Block):
    lines: list[Line]


@dataclass(slots=True)
class Item(Block):
    """A list item: its own lines (all paragraphs) and nested items."""

    lines: list[Line]
    children: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class ListBlock(Block):
    items: list[Item]


@dataclass(slots=True)
class Table(Block):
    header: list[list[Line]] | None
    rows: list[list[list[Line]]]


@dataclass(slots=True)
class Loop(Block):
    """A Liquid ``{% for post in site.<collection> %}`` loop."""

    collection: str
    reversed: bool
    variable: str = ""
    """The Liquid variable looped over (``sorted_teaching``) until its assign is known."""
    sort_by: str = ""
    """A ``sort: "key"`` filter of the assign: documents ordered by that front matter key."""


@dataclass(slots=True)
class Skipped(Block):
    """Content that is not imported on purpose, with the reason.

    ``visible`` marks text a reader of the page does see (a download button): it is
    reported as unmapped, so that ``--strict`` refuses it.
    """

    reason: str
    text: str = ""
    visible: bool = False


@dataclass(slots=True)
class Attributes(Skipped):
    """A kramdown attribute list (``{: .notice}``): styling for the block above it."""


@dataclass(slots=True)
class Details(Block):
    """A ``<details>`` block: the blocks it unfolds, and its ``<summary>`` toggle text
    (a control, not content). It belongs to the entry above it."""

    inner: list[Block]
    toggle: str = ""
    toggle_lines: list[Line] = field(default_factory=list)
    """The ``<summary>``'s lines: the first line of the entry's unfolded text when it
    says something (``chrome.is_toggle`` tells a control from content)."""
    toggle_line: int = 0
    closed: bool = True
    """False when the block ends before ``</details>`` (its body follows as blocks)."""


@dataclass(slots=True)
class Rule(Block):
    """A thematic break (``---``): only a divider."""


def page_blocks(text: str, stream: list[Token], references: list[tuple[int, int]]) -> list[Block]:
    """The top-level blocks of a page's text (front matter already blanked), from its
    token stream and link reference definitions (``parser.tokens(text)``)."""
    blocks = parse_blocks(stream)
    if "assign" in text:
        blocks = _assigned_loops(text, blocks)
    if references:
        reason = "link reference definition (the links that use it keep its URL)"
        blocks += [Skipped(start, end, reason) for start, end in references]
        blocks.sort(key=lambda b: b.start)
    return blocks


def _assigned_loops(text: str, blocks: list[Block]) -> list[Block]:
    """Loops over a variable that an ``{% assign x = site.C | sort: "k" | reverse %}`` of
    the page set are loops over collection C (academicpages pages sort their teaching this
    way); a loop over a variable the page never assigns from a collection stays Liquid."""
    assigned = {m.group(1): (m.group(2), m.group(3)) for m in ASSIGN.finditer(text)}
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Loop) and block.variable:
            found = assigned.get(block.variable)
            if found is None:
                out.append(Skipped(block.start, block.end, "Liquid loop (ignored)"))
                continue
            collection, filters = found
            sort = _SORT.search(filters)
            rev = block.reversed != bool(re.search(r"\|\s*reverse\b", filters))
            by = sort.group(1) if sort and sort.group(1) != "date" else ""
            block = Loop(block.start, block.end, collection, rev, sort_by=by)
        out.append(block)
    return out


def parse_blocks(tokens: list[Token]) -> list[Block]:
    """Top-level blocks of markdown-it-py's token stream; tokens no rule is for (closing
    tokens, reference definitions) are passed over."""
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        rule = _BLOCK_RULES.get(tokens[i].type)
        i = rule(tokens, i, blocks) if rule is not None else i + 1
    return _joined_details(blocks)


def _joined_details(blocks: list[Block]) -> list[Block]:
    """A ``<details>`` whose body is Markdown set off by blank lines ("<details>
    <summary>…</summary>", a list, "</details>") is three blocks to markdown-it: the blocks
    up to its closing tag are its body, as a browser shows them."""
    out: list[Block] = []
    open_details: Details | None = None
    for block in blocks:
        if open_details is not None:
            if isinstance(block, Skipped) and block.reason == _DETAILS_END:
                open_details = None
                out.append(block)  # reported as skipped markup
            else:
                open_details.inner.append(block)
                open_details.end = block.end
            continue
        out.append(block)
        if isinstance(block, Details) and not block.closed:
            open_details = block
    return out


# ------------------------------------------------------------------ top-level rules


def _heading(tokens: list[Token], i: int, out: list[Block]) -> int:
    """A heading: its inline content as one line, even if it wraps."""
    start, end = _span(tokens[i])
    lines = inline_lines(tokens[i + 1].children or [], start, soft_breaks=False)
    line = lines[0] if lines else Line([], start)
    for extra in lines[1:]:
        line.runs.extend(extra.runs)
    if chrome.is_download_line(line):  # "[Download CV (PDF)](…)" as a heading: no section
        out.append(Skipped(start, end, chrome.REASON, line.linked()))
        return i + 3
    markup = (tokens[i].markup or "")[:1]
    out.append(Heading(start, end, int(tokens[i].tag[1]), line, markup))
    return i + 3  # heading_open, inline, heading_close


def _paragraph(tokens: list[Token], i: int, out: list[Block]) -> int:
    """A paragraph: a Liquid tag, a kramdown attribute list, or lines of text (a newline
    in a paragraph starts a new line: paragraphs whose lines are fields)."""
    start, end = _span(tokens[i])
    inline = tokens[i + 1]
    content = inline.content
    if is_liquid_only(content):
        out.append(Skipped(start, end, "Liquid tag (ignored)", content))
    elif IAL.match(content):
        out.append(Attributes(start, end, "kramdown attribute list (styling)", content.strip()))
    else:
        lines = inline_lines(inline.children or [], start, soft_breaks=True)
        rows = _pipe_rows(lines)
        if rows is not None:  # "| M.Tech., Example Institute | 2019- 2021 |" with no header
            out.append(Table(start, end, None, rows))
        elif chrome.is_navigation_block(lines):
            text = " ".join(line.linked() for line in lines)
            out.append(Skipped(start, end, chrome.NAVIGATION_REASON, text))
        elif chrome.is_button_block(content):
            text = " ".join(line.linked() for line in lines)
            out.append(Skipped(start, end, chrome.BUTTON_REASON, text))
        elif chrome.is_download_block(lines):
            text = " ".join(line.linked() for line in lines)
            out.append(Skipped(start, end, chrome.REASON, text))
        elif chrome.is_updated_line(lines):
            text = " ".join(line.plain for line in lines)
            out.append(Skipped(start, end, chrome.UPDATED_REASON, text))
        else:
            out.append(Paragraph(start, end, lines))
    return i + 3  # paragraph_open, inline, paragraph_close


def _pipe_rows(lines: list[Line]) -> list[list[list[Line]]] | None:
    """The rows of a paragraph written as table rows without a header row (which
    CommonMark then reads as a paragraph): every line has a ``|``, one starts with one.
    Delimiter rows (``| --- | --- |``) and empty cells are dropped; None for any other
    paragraph."""
    shown = [line for line in lines if line]
    if not shown or not all("|" in line.plain for line in shown):
        return None
    if not any(line.plain.lstrip().startswith("|") for line in shown):
        return None
    rows: list[list[list[Line]]] = []
    for line in shown:
        plain = line.plain
        cuts = [-1, *(i for i, ch in enumerate(plain) if ch == "|"), len(plain)]
        cells = [line.cut(a + 1, b) for a, b in pairwise(cuts)]
        cells = [c for c in cells if c]
        if cells and not all(_DELIMITER.fullmatch(c.plain) for c in cells):
            rows.append([[c] for c in cells])
    return rows


_DELIMITER = re.compile(r"\s*:?-{3,}:?\s*")


def _list(tokens: list[Token], i: int, out: list[Block]) -> int:
    """A bullet or ordered list: its items (see ``_ITEM_RULES``)."""
    start, end = _span(tokens[i])
    close = _matching_close(tokens, i)
    items = _items(tokens, i + 1, close)
    if items and all(not it.children and chrome.is_download_block(it.lines) for it in items):
        text = " ".join(line.linked() for it in items for line in it.lines)
        out.append(Skipped(start, end, chrome.REASON, text))  # "* [Download my CV](cv.pdf)"
        return close + 1
    out.append(ListBlock(start, end, items))
    return close + 1


def _table(tokens: list[Token], i: int, out: list[Block]) -> int:
    """A pipe table: header cells and rows of cells, each cell's lines numbered from its
    row's line."""
    start, end = _span(tokens[i])
    close = _matching_close(tokens, i)
    header: list[list[Line]] | None = None
    rows: list[list[list[Line]]] = []
    row: list[list[Line]] = []
    row_line = start
    in_head = False
    for j in range(i, close + 1):
        tok = tokens[j]
        kind = tok.type
        if kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
            row_line = tok.map[0] + 1 if tok.map else row_line
        elif kind == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(row)
        elif kind == "inline" and tokens[j - 1].type in ("th_open", "td_open"):
            row.append(inline_lines(tok.children or [], row_line, soft_breaks=False))
    out.append(Table(start, end, header, rows))
    return close + 1


def _html(tokens: list[Token], i: int, out: list[Block]) -> int:
    """A raw HTML block (see :func:`html_blocks`)."""
    start, end = _span(tokens[i])
    out.extend(html_blocks(tokens[i].content, start, end))
    return i + 1


def _thematic_break(tokens: list[Token], i: int, out: list[Block]) -> int:
    start, end = _span(tokens[i])
    out.append(Rule(start, end))
    return i + 1


def _code(tokens: list[Token], i: int, out: list[Block]) -> int:
    """A fenced or indented code block: its text, a line each (its first line is the fence
    or the code's first line, so the text starts a line below ``start``)."""
    start, end = _span(tokens[i])
    out.append(Paragraph(start, end, text_lines(tokens[i].content, start + 1)))
    return i + 1


def _quote(tokens: list[Token], i: int, out: list[Block]) -> int:
    """A block quote: its blocks, as if they were not quoted."""
    close = _matching_close(tokens, i)
    out.extend(parse_blocks(tokens[i + 1 : close]))
    return close + 1


BlockRule = Callable[[list[Any], int, list[Block]], int]

_BLOCK_RULES: dict[str, BlockRule] = {
    "heading_open": _heading,
    "paragraph_open": _paragraph,
    "bullet_list_open": _list,
    "ordered_list_open": _list,
    "table_open": _table,
    "html_block": _html,
    "hr": _thematic_break,
    "fence": _code,
    "code_block": _code,
    "blockquote_open": _quote,
}


# ------------------------------------------------------------------ list items


def _items(tokens: list[Token], i: int, close: int) -> list[Item]:
    """The items of one list: the ``list_item_open`` tokens from ``i`` up to ``close``."""
    items: list[Item] = []
    while i < close:
        if tokens[i].type != "list_item_open":
            i += 1
            continue
        item_close = _matching_close(tokens, i)
        start, end = _span(tokens[i])
        item = Item(start, end, [])
        j = i + 1
        while j < item_close:
            rule = _ITEM_RULES.get(tokens[j].type)
            j = rule(tokens, j, item) if rule is not None else j + 1
        items.append(item)
        i = item_close + 1
    return items


def _item_paragraph(tokens: list[Token], i: int, item: Item) -> int:
    """A paragraph of a list item joins the item's lines (a wrapped bullet is one line)."""
    inline = tokens[i + 1]
    if not is_liquid_only(inline.content):
        first_line = _span(tokens[i])[0]
        item.lines.extend(inline_lines(inline.children or [], first_line, soft_breaks=False))
    return i + 3


def _item_list(tokens: list[Token], i: int, item: Item) -> int:
    """A list inside an item: its items are the item's children."""
    close = _matching_close(tokens, i)
    item.children.extend(_items(tokens, i + 1, close))
    return close + 1


def _item_html(tokens: list[Token], i: int, item: Item) -> int:
    """Raw HTML inside a list item: its text joins the item's lines, comments do not."""
    content = tokens[i].content
    if not content.lstrip().startswith("<!--"):
        item.lines.extend(text_lines(content, _span(tokens[i])[0]))
    return i + 1


ItemRule = Callable[[list[Any], int, Item], int]

_ITEM_RULES: dict[str, ItemRule] = {
    "paragraph_open": _item_paragraph,
    "bullet_list_open": _item_list,
    "ordered_list_open": _item_list,
    "html_block": _item_html,
}


def _span(tok: Token) -> tuple[int, int]:
    if tok.map:
        return tok.map[0] + 1, max(tok.map[1], tok.map[0] + 1)
    return 0, 0


def _matching_close(tokens: list[Token], i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


# --------------------------------------------------------------------------- raw HTML


def html_blocks(content: str, start: int, end: int) -> list[Block]:
    """A raw HTML block: a comment, a Liquid loop, a table, a list, or its text."""
    stripped = content.strip()
    if stripped.startswith("<!--"):
        return [Skipped(start, end, "commented out (HTML comment)", stripped)]
    loop = LOOP.search(content)
    if loop:
        return [Loop(start, end, loop.group(1), "reversed" in loop.group(2))]
    var = VAR_LOOP.search(content)
    if var and var.group(1) not in ("site", "include", "page"):
        return [Loop(start, end, "", "reversed" in var.group(2), variable=var.group(1))]
    if is_liquid_only(content):
        return [Skipped(start, end, "Liquid tag (ignored)", stripped)]
    if "<s" in content or "<S" in content:
        # a <style> sheet or a <script> is markup the browser runs, not text it shows; its
        # lines are blanked (line numbers stay) and what is left of the block is read
        content = _NOT_SHOWN.sub(lambda m: "\n" * m.group(0).count("\n"), content)
        if not content.strip():
            return [Skipped(start, end, "style sheet or script (not shown on the page)", stripped)]
    if _DETAILS.match(content):
        return [_details(content, start, end)]
    if _DETAILS_CLOSE.match(content):
        return [Skipped(start, end, _DETAILS_END, stripped)]
    inner = _section_wrapper(content)
    if inner is not None:
        # <div class="cv-section"><h2>Education</h2><ul>…</ul></div>: the wrapper is
        # styling; its heading and entries are read as if they stood on their own
        offset = content.count("\n", 0, inner)
        body = content[inner : content.rindex("</")]
        blocks = html_blocks(body, start + offset, end)
        if body.lstrip(" \t").startswith("\n"):  # the wrapper's tag on a line of its own
            blocks.insert(0, Skipped(start, start + offset, "HTML wrapper (no text)"))
        return blocks
    if _TITLED.search(content) or content.lstrip().startswith("<"):
        titled = _html_titles(content, start, end)
        if titled is not None:
            return titled
    return _html_block(content, stripped, start, end)


_WRAPPER = re.compile(r"^\s*<(div|section|article|main)\b[^>]*>(?=\s*<h[1-6][\s>])", re.I)


def _section_wrapper(content: str) -> int | None:
    """Where the inside of a wrapper element starts, when the block is one ``<div>`` (or
    ``<section>``) that opens with a heading and closes at the block's end; else None."""
    m = _WRAPPER.match(content)
    if m is None:
        return None
    tag = m.group(1).lower()
    body = content[m.end() :]
    if not re.search(rf"</{tag}\s*>\s*$", body, re.I):
        return None
    opened = len(re.findall(rf"<{tag}\b", body, re.I))
    closed = len(re.findall(rf"</{tag}\s*>", body, re.I))
    return m.end() if closed == opened + 1 else None


def _details(content: str, start: int, end: int) -> Details:
    """``<details><summary>Details</summary> text </details>``: the text as blocks of its
    own (line numbers kept), the toggle text apart."""
    toggle, lines, line = "", [], start
    found = _SUMMARY.search(content)
    if found is not None:
        line = start + content.count("\n", 0, found.start())
        lines = [shown for shown in text_lines(found.group(1), line) if shown]
        toggle = " ".join(shown.plain for shown in lines)
        content = (
            content[: found.start()] + "\n" * found.group(0).count("\n") + content[found.end() :]
        )
    closed = re.search(r"</details\s*>", content, re.I) is not None
    body = _DETAILS_TAGS.sub("", content)
    inner = _html_part(body, start, end) if body.strip() else []
    return Details(start, end, inner, toggle, lines, line, closed)


def _html_titles(content: str, start: int, end: int) -> list[Block] | None:
    """A raw HTML block with headings in it (``<div class="cv-section-title">🎓 Education
    </div>``, ``<h2>``): the headings, and the HTML between them read as blocks of its own.
    None when no heading of one short line is found at the top level."""
    from resumeconv.importers.cvpage.htmltree import TitleFinder

    finder = TitleFinder(content)
    try:
        finder.feed(content)
        finder.close()
    except (AssertionError, ValueError):
        return None
    out: list[Block] = []
    pos = 0
    line_of = _LineCounter(content, start)
    groups = sum(1 for e in finder.elements if e[3] in _GROUP_TAGS)
    previous = ""
    for a, b, level, tag in finder.elements:
        heading = _element_heading(content, a, b, level, tag, line_of)
        if heading is None:
            if groups >= 2 and tag in _GROUP_TAGS:
                # one entry group per <div>/<p> (rule 2): not all of them run together
                out += _html_part(content[pos:a], line_of(pos))
                out += _html_group(content[a:b], line_of(a), line_of(max(a, b - 1)), tag, previous)
                pos = b
            previous = tag
            continue
        out += _html_part(content[pos:a], line_of(pos))
        out.append(heading)
        pos = b
        previous = ""
    if not out:
        return None
    out += _html_part(content[pos:], line_of(pos), end)
    return out


def _element_heading(
    content: str, a: int, b: int, level: int, tag: str, line_of: _LineCounter
) -> Heading | None:
    """A top-level element that is a heading: ``<hN>``, a "…title" class, or an element
    whose only text is a known section title (``<div class="section-head">Education``)."""
    if not level and (tag in _CONTAINERS or not _TITLE_TEXT.search(content, a, b)):
        return None
    lines = text_lines(content[a:b], line_of(a))
    if len(lines) != 1 or len(lines[0].plain) > _TITLE_MAX_CHARS:
        return None  # a paragraph with a "title" class, not a heading
    if not level:
        text = lines[0].plain
        if len(text.split()) > 6 or not is_known_title(text) or "," in text:
            return None
        if len(_START_TAG.findall(content, a, b)) > 2:
            return None  # <div><span>Role,</span><span>Org</span></div>: an entry
        level = 2
    return Heading(line_of(a), line_of(max(a, b - 1)), level, lines[0])


def _html_group(content: str, first: int, last: int, tag: str, previous: str) -> list[Block]:
    """One ``<div>`` or ``<p>`` of a raw-HTML layout: its ``<span>``s on lines of their own
    are lines (``<span>Role,</span>⏎<span>Org</span>``); a ``<p>`` of text right after an
    entry's ``<div>`` describes that entry (read like a ``<details>`` body)."""
    blocks = _html_part(_SPAN_LINES.sub(r"\1<br>\2", content), first, last)
    if tag == "p" and previous == "div" and len(blocks) == 1 and isinstance(blocks[0], Paragraph):
        return [Details(first, last, blocks)]
    return blocks


class _LineCounter:
    """``start`` + the newlines before an offset, in time linear in the text: the line
    starts are found once, then each offset is a binary search (offsets come in any order;
    counting from 0 for each of thousands of titles was quadratic)."""

    def __init__(self, text: str, start: int) -> None:
        self.start = start
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        import bisect

        return self.start + bisect.bisect_left(self.newlines, offset)


def _html_part(content: str, start: int, end: int | None = None) -> list[Block]:
    """A stretch of a raw HTML block between headings, from ``start`` (to ``end``, else
    its last line with text)."""
    lead = len(content) - len(content.lstrip())
    first = start + content.count("\n", 0, lead)
    body = content.strip()
    if not body:
        return []
    last = end if end is not None else first + body.count("\n")
    return _html_block(content[lead:], body, first, last)


def _html_block(content: str, stripped: str, start: int, end: int) -> list[Block]:
    """A raw HTML block without headings: a table, a list, or its text."""
    from resumeconv.importers.cvpage.htmltree import HTMLTree  # html.parser: ~3 ms to import

    tree = HTMLTree()
    try:
        tree.feed(content)
        tree.close()
    except (AssertionError, ValueError):
        # html.parser gives up on some malformed markup ("<![" with no name): keep the
        # block's text as a paragraph instead of its structure
        tree = HTMLTree()
    if tree.tables:  # every table of the block, not only the first
        return [
            Table(start, end, _cells_header(header, start), _cells(rows, start))
            for header, rows in tree.tables
        ]
    if tree.items:
        items = [_html_item(item, start, end) for item in tree.items]
        return [ListBlock(start, end, [i for i in items if i.lines or i.children])]
    lines = text_lines(content, start)
    if not lines:
        return [Skipped(start, end, "HTML without text", stripped)]
    if tree.only_links_to_files and chrome.is_download_block(lines):
        shown = " ".join(line.plain for line in lines)
        return [Skipped(start, end, chrome.BUTTON_REASON, shown)]
    return [Paragraph(start, end, lines)]


def _html_item(item: Any, start: int, end: int) -> Item:
    """An ``<li>`` and the ``<li>``s of the lists nested in it, as Markdown list items."""
    children = [_html_item(child, start, end) for child in item.children]
    return Item(
        start, end, text_lines(item.raw, start), [c for c in children if c.lines or c.children]
    )


def _cells(rows: list[list[str]], start: int) -> list[list[list[Line]]]:
    return [[text_lines(cell, start) for cell in row] for row in rows]


def _cells_header(header: list[str] | None, start: int) -> list[list[Line]] | None:
    if header is None:
        return None
    return [text_lines(cell, start) for cell in header]
