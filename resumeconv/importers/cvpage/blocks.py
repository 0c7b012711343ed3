"""The blocks of a CV page, from markdown-it-py's token stream.

A page is a flat sequence of top-level blocks: headings, paragraphs, lists (with nested
items), tables, raw HTML and rules. Each keeps its source line range. Raw HTML blocks are
classified here (comment, Liquid loop, table, list, other) so that later rules never look
at markup. The one-block functions (``heading``, ``paragraph``, ``html_blocks`` …) are
shared with ``pageblocks.py``, which reads the Rust parser's tree into the same blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from resumeconv.importers.cvpage.inline import Line, inline_lines, is_liquid_only, text_lines

LOOP = re.compile(r"\{%-?\s*for\s+\w+\s+in\s+site\.(\w+)([^%]*)%\}")
IAL = re.compile(r"^\s*\{:[^{}\n]*\}\s*$")
_TITLED = re.compile(r"<h[1-6][\s>]|class\s*=\s*[\"'][^\"'>]*(?:title|heading)\b", re.I)
_TITLE_MAX_CHARS = 80
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
class Rule(Block):
    """A thematic break (``---``): only a divider."""


def parse_blocks(tokens: list[Any]) -> list[Block]:
    """Top-level blocks of markdown-it-py's token stream."""
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        start, end = _span(tok)
        if kind == "heading_open":
            blocks.append(heading(start, end, int(tok.tag[1]), tokens[i + 1].children or []))
            i += 3
        elif kind == "paragraph_open":
            inline = tokens[i + 1]
            blocks.append(paragraph(start, end, inline.content, inline.children or []))
            i += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            close = _matching_close(tokens, i)
            items = _list_items(tokens[i + 1 : close])
            blocks.append(ListBlock(start, end, items))
            i = close + 1
        elif kind == "table_open":
            close = _matching_close(tokens, i)
            blocks.append(_table(tokens[i : close + 1], start, end))
            i = close + 1
        elif kind == "html_block":
            blocks.extend(html_blocks(tok.content, start, end))
            i += 1
        elif kind == "hr":
            blocks.append(Rule(start, end))
            i += 1
        elif kind in ("fence", "code_block"):
            blocks.append(code(start, end, tok.content))
            i += 1
        elif kind == "blockquote_open":
            close = _matching_close(tokens, i)
            inner = parse_blocks(tokens[i + 1 : close])
            blocks.extend(inner)
            i = close + 1
        else:
            i += 1
    return blocks


# ------------------------------------------------------------------ one block each
# Shared by both parsers' readers (this module's and ``pageblocks.py``): each takes a
# block's lines, its raw content and its inline tokens, whichever parser found them.


def heading(start: int, end: int, level: int, inline: list[Any]) -> Heading:
    """A heading: its inline content as one line, even if it wraps."""
    lines = inline_lines(inline, start, soft_breaks=False)
    line = lines[0] if lines else Line([], start)
    for extra in lines[1:]:
        line.runs.extend(extra.runs)
    return Heading(start, end, level, line)


def paragraph(start: int, end: int, content: str, inline: list[Any]) -> Block:
    """A paragraph: a Liquid tag, a kramdown attribute list, or lines of text (a newline
    in a paragraph starts a new line: paragraphs whose lines are fields)."""
    if is_liquid_only(content):
        return Skipped(start, end, "Liquid tag (ignored)", content)
    if IAL.match(content):
        return Attributes(start, end, "kramdown attribute list (styling)", content.strip())
    return Paragraph(start, end, inline_lines(inline, start, soft_breaks=True))


def add_item_paragraph(item: Item, first_line: int, content: str, inline: list[Any]) -> None:
    """A paragraph of a list item joins the item's lines (a wrapped bullet is one line)."""
    if not is_liquid_only(content):
        item.lines.extend(inline_lines(inline, first_line, soft_breaks=False))


def add_item_html(item: Item, first_line: int, content: str) -> None:
    """Raw HTML inside a list item: its text joins the item's lines, comments do not."""
    if not content.lstrip().startswith("<!--"):
        item.lines.extend(text_lines(content, first_line))


def code(start: int, end: int, content: str) -> Paragraph:
    """A fenced or indented code block: its text, a line each (its first line is the fence
    or the code's first line, so the text starts a line below ``start``)."""
    return Paragraph(start, end, text_lines(content, start + 1))


def _span(tok: Any) -> tuple[int, int]:
    if tok.map:
        return tok.map[0] + 1, max(tok.map[1], tok.map[0] + 1)
    return 0, 0


def _matching_close(tokens: list[Any], i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _list_items(tokens: list[Any]) -> list[Item]:
    """Items of one list (tokens between its open and close)."""
    items: list[Item] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type != "list_item_open":
            i += 1
            continue
        close = _matching_close(tokens, i)
        start, end = _span(tok)
        item = Item(start, end, [])
        j = i + 1
        while j < close:
            inner = tokens[j]
            if inner.type == "paragraph_open":
                inline = tokens[j + 1]
                add_item_paragraph(item, _span(inner)[0], inline.content, inline.children or [])
                j += 3
            elif inner.type in ("bullet_list_open", "ordered_list_open"):
                sub_close = _matching_close(tokens, j)
                item.children.extend(_list_items(tokens[j + 1 : sub_close]))
                j = sub_close + 1
            elif inner.type == "html_block":
                add_item_html(item, _span(inner)[0], inner.content)
                j += 1
            else:
                j += 1
        items.append(item)
        i = close + 1
    return items


def _table(tokens: list[Any], start: int, end: int) -> Table:
    header: list[list[Line]] | None = None
    rows: list[list[list[Line]]] = []
    row: list[list[Line]] = []
    in_head = False
    for i, tok in enumerate(tokens):
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(row)
        elif tok.type == "inline" and i > 0 and tokens[i - 1].type in ("th_open", "td_open"):
            line_no = _row_line(tokens, i, start)
            row.append(inline_lines(tok.children or [], line_no, soft_breaks=False))
    return Table(start, end, header, rows)


def _row_line(tokens: list[Any], i: int, default: int) -> int:
    for j in range(i, -1, -1):
        if tokens[j].type == "tr_open" and tokens[j].map:
            return tokens[j].map[0] + 1
    return default


# --------------------------------------------------------------------------- raw HTML


def html_blocks(content: str, start: int, end: int) -> list[Block]:
    """A raw HTML block: a comment, a Liquid loop, a table, a list, or its text."""
    stripped = content.strip()
    if stripped.startswith("<!--"):
        return [Skipped(start, end, "commented out (HTML comment)", stripped)]
    loop = LOOP.search(content)
    if loop:
        return [Loop(start, end, loop.group(1), "reversed" in loop.group(2))]
    if is_liquid_only(content):
        return [Skipped(start, end, "Liquid tag (ignored)", stripped)]
    if "<s" in content or "<S" in content:
        # a <style> sheet or a <script> is markup the browser runs, not text it shows; its
        # lines are blanked (line numbers stay) and what is left of the block is read
        content = _NOT_SHOWN.sub(lambda m: "\n" * m.group(0).count("\n"), content)
        if not content.strip():
            return [Skipped(start, end, "style sheet or script (not shown on the page)", stripped)]
    if _TITLED.search(content):
        titled = _html_titles(content, start, end)
        if titled is not None:
            return titled
    return _html_block(content, stripped, start, end)


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
    for a, b, level in finder.titles:
        lines = text_lines(content[a:b], start + content.count("\n", 0, a))
        if len(lines) != 1 or len(lines[0].plain) > _TITLE_MAX_CHARS:
            continue  # a paragraph with a "title" class, not a heading
        out += _html_part(content[pos:a], start + content.count("\n", 0, pos))
        first = start + content.count("\n", 0, a)
        last = start + content.count("\n", 0, max(a, b - 1))
        out.append(Heading(first, last, level, lines[0]))
        pos = b
    if not out:
        return None
    out += _html_part(content[pos:], start + content.count("\n", 0, pos), end)
    return out


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
    if tree.tables:
        header, rows = tree.tables[0]
        return [Table(start, end, _cells_header(header, start), _cells(rows, start))]
    if tree.items:
        items = [Item(start, end, text_lines(raw, start)) for raw in tree.items]
        return [ListBlock(start, end, [i for i in items if i.lines])]
    lines = text_lines(content, start)
    if not lines:
        return [Skipped(start, end, "HTML without text", stripped)]
    if tree.only_links_to_files:
        return [Skipped(start, end, "page navigation (download link)", stripped, visible=True)]
    return [Paragraph(start, end, lines)]


def _cells(rows: list[list[str]], start: int) -> list[list[list[Line]]]:
    return [[text_lines(cell, start) for cell in row] for row in rows]


def _cells_header(header: list[str] | None, start: int) -> list[list[Line]] | None:
    if header is None:
        return None
    return [text_lines(cell, start) for cell in header]
