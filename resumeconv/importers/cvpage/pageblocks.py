"""A CV page's blocks, from the fastest parser installed.

``blocks.py`` turns markdown-it-py's token stream into the page's blocks. markdown-it-py is
the reference parser and always works. When ``markdown-it-pyrs`` is installed (a Rust port
of the same markdown-it design, several times faster), its syntax tree is read here into
the same blocks, with the same one-block functions of ``blocks.py``, so nothing downstream
knows which parser ran. (Reading the tree straight into blocks, rather than into
markdown-it-py's token stream first, saves 9 % of a page's import + validate.)

The two give equal blocks on every page we have (fixtures, the shared corpus, the template,
generated and fuzzed pages: ``tests/test_page_blocks.py``). Where they could disagree, the
reader does not guess: a node it does not know, a source map it cannot trust, or a
construct the ports treat differently sends the whole page to markdown-it-py.
``RESUMECONV_PARSER=markdown-it-py`` forces the reference parser.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from typing import Any

from resumeconv.importers.cvpage import blocks as B
from resumeconv.importers.cvpage.inline import inline_lines

_RUST: Any = None  # markdown_it_pyrs.MarkdownIt, False when unavailable


class Token:
    """An inline token: the fields of ``markdown_it.token.Token`` that ``inline_lines`` reads."""

    __slots__ = ("content", "href", "type")

    def __init__(self, type: str, content: str = "", href: str | None = None) -> None:
        self.type = type
        self.content = content
        self.href = href

    def attrGet(self, name: str) -> str | None:  # markdown-it-py's name
        return self.href if name == "href" else None

    def __repr__(self) -> str:
        return f"Token({self.type!r}, content={self.content!r}, href={self.href!r})"


class Unsupported(Exception):
    """The tree has something the reader does not translate: use markdown-it-py."""


def page_blocks(text: str) -> list[B.Block]:
    """The top-level blocks of ``text`` (CommonMark + tables, raw HTML kept)."""
    rust = _rust_parser()
    if rust:
        if "\r" in text or "\0" in text:  # what markdown-it-py's normalize rule does
            text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
        if _safe_for_rust(text):
            try:
                return TreeReader(text).blocks(_rust_tree(rust, text))
            except (Unsupported, RecursionError):  # RecursionError: inline markup nested deep
                pass
    return B.parse_blocks(reference_tokens(text))


def _rust_tree(rust: Any, text: str) -> Any:
    """The Rust port's tree; a panic in it (pyo3 raises ``PanicException``, a
    ``BaseException``) means the page goes to markdown-it-py instead."""
    try:
        return rust.tree(text)
    except Exception as exc:
        raise Unsupported(str(exc)) from exc
    except BaseException as exc:
        if type(exc).__name__ == "PanicException":
            raise Unsupported(str(exc)) from exc
        raise


def reference_tokens(text: str) -> list[Any]:
    """markdown-it-py's own token stream (the reference for :func:`page_blocks`)."""
    from resumeconv.importers.markdown import parser

    return parser().parse(text)


def _rust_parser() -> Any:
    global _RUST
    if _RUST is None:
        _RUST = False
        if os.environ.get("RESUMECONV_PARSER", "") != "markdown-it-py":
            try:
                from markdown_it_pyrs import MarkdownIt
            except ImportError:
                pass
            else:
                _RUST = MarkdownIt("commonmark").enable("table")
    return _RUST


def _safe_for_rust(text: str) -> bool:
    """Whether ``text`` may go to the Rust parser.

    - Size and depth: the Rust port recurses without a limit, and a tree nested some
      50,000 levels deep overflows the stack when it is freed (a crash, not an error). A
      page of at most 32 KiB (real CV pages are 1–20 KiB) with no line that opens more than
      100 containers (quotes, list markers, indentation) keeps block nesting under 100
      and inline nesting (two characters a level at least) under 16,384, which was
      measured safe in a thread.
    - Form feeds, vertical tabs, U+2028 and other odd line or space characters: the two
      ports disagree on whether they are white space.
    - Backticks: the Rust port's code-span rule panics on some inputs (the six characters
      backtick, e, backtick, two ``[``, backtick; found by fuzzing); a panic is caught,
      but Rust prints it on stderr first. CV pages rarely have code spans.
    """
    global _DEEP_LINE
    if len(text) > _MAX_CHARS:
        return False
    for char in _UNSAFE_CHARS:  # ten substring scans: ~4 µs a page, a regex class ~18
        if char in text:
            return False
    if _DEEP_LINE is None:
        import re

        _DEEP_LINE = re.compile(r"\n[ \t>*+\-0-9.)]{100}")  # the "\n" makes it fast
    return not _DEEP_LINE.search("\n" + text[:128]) and not _DEEP_LINE.search(text)


_MAX_CHARS = 32 * 1024
_UNSAFE_CHARS = "`\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_DEEP_LINE: Any = None
_DELIMITER_ROW: Any = None


def _lines(map_: list[int]) -> tuple[int, int]:
    """A block's first and last line (1-based) from its ``map``, as ``blocks._span``."""
    return map_[0] + 1, max(map_[1], map_[0] + 1)


# Inline nodes that are an open/close pair in markdown-it-py.
_INLINE_PAIRS = frozenset({"strong", "em"})
_INLINE_NODES = frozenset(
    {
        "text",
        "text_special",
        "softbreak",
        "hardbreak",
        "strong",
        "em",
        "link",
        "autolink",
        "image",
        "code_inline",
        "html_inline",
    }
)


def _dedent(line: str, indent: int) -> str:
    """``line`` without ``indent`` columns of leading white space, as markdown-it-py's
    ``getLines`` takes them: tabs stop every four columns, and a tab that is only partly
    taken leaves its other columns as spaces."""
    col = 0
    pos = 0
    while pos < len(line) and col < indent and line[pos] in " \t":
        col += 4 - col % 4 if line[pos] == "\t" else 1
        pos += 1
    return " " * (col - indent) + line[pos:] if col > indent else line[pos:]


class TreeReader:
    """Reads one markdown-it-pyrs tree into the blocks ``blocks.parse_blocks`` makes of
    markdown-it-py's token stream for the same page."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.size = len(self.data)
        self.ascii = self.size == len(text)
        starts = [0]
        find = self.data.find
        pos = find(b"\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find(b"\n", pos + 1)
        self.line_starts = starts
        self.n_lines = len(starts) - 1 if self.data.endswith(b"\n") else len(starts)
        self.table_lines: set[int] = set()

    # ------------------------------------------------------------------ positions

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset) - 1

    def span(self, node: Any) -> list[int]:
        """markdown-it's ``map``: first line and the line after the last (0-based)."""
        srcmap = node.srcmap
        if srcmap is None:
            raise Unsupported(node.name)
        start, end = srcmap
        if not 0 <= start < end <= self.size:
            raise Unsupported(f"{node.name} srcmap {srcmap}")
        starts = self.line_starts
        return [bisect_right(starts, start) - 1, bisect_right(starts, end - 1)]

    def through_blank_lines(self, map_: list[int]) -> list[int]:
        """A list's (or item's) ``map`` also covers the blank lines after it, as in
        markdown-it-py, which consumes them before it sees where the list ends."""
        line = map_[1]
        starts, data = self.line_starts, self.data
        while line < self.n_lines:
            end = starts[line + 1] - 1 if line + 1 < len(starts) else len(data)
            if data[starts[line] : end].strip(b" "):
                break
            line += 1
        map_[1] = line
        return map_

    def source(self, start: int, end: int) -> str:
        if self.ascii:
            return self.text[start:end]
        return self.data[start:end].decode("utf-8")

    # ------------------------------------------------------------------ blocks

    def blocks(self, root: Any) -> list[B.Block]:
        out: list[B.Block] = []
        for node in root.children:
            self.block(node, 0, out)
        if "|" in self.text:
            self._check_delimiter_rows()
        return out

    def _check_delimiter_rows(self) -> None:
        """A table's ``|---|`` line that is not in a table: the ports disagree on why
        (a column count that does not match its header, a setext underline)."""
        global _DELIMITER_ROW
        if _DELIMITER_ROW is None:
            import re

            _DELIMITER_ROW = re.compile(r"^ {0,3}[|:-][ |:-]*$", re.M)
        for match in _DELIMITER_ROW.finditer(self.text):
            row = match.group()
            line = self.text.count("\n", 0, match.start())
            if "|" in row and "-" in row and line not in self.table_lines:
                raise Unsupported("table delimiter row outside a table")

    def block(self, node: Any, indent: int, out: list[B.Block]) -> None:
        """The blocks of one node of the page (or of a list item: see ``item_block``)."""
        name = node.name
        if name == "paragraph":
            start, end = _lines(self.span(node))
            content = self.inline_source(node.srcmap, indent)
            out.append(B.paragraph(start, end, content, self.inline(node.children)))
        elif name in ("heading", "lheading"):
            start, end = _lines(self.span(node))
            out.append(B.heading(start, end, node.meta["level"], self.inline(node.children)))
        elif name in ("bullet_list", "ordered_list"):
            start, end = _lines(self.through_blank_lines(self.span(node)))
            out.append(B.ListBlock(start, end, self.list_items(node)))
        elif name == "html_block" or name == "code_block" or name == "fence":
            start, end, content = self.raw(node)
            if name == "html_block":
                out.extend(B.html_blocks(content, start, end))
            else:
                out.append(B.code(start, end, content))
        elif name == "hr":
            start, end = _lines(self.span(node))
            out.append(B.Rule(start, end))
        elif name == "table":
            out.append(self.table(node))
        elif name == "definition":
            pass  # reference definitions make no block
        else:
            raise Unsupported(name)

    def raw(self, node: Any) -> tuple[int, int, str]:
        """A raw HTML or code block's lines and content, as markdown-it-py gives them."""
        name = node.name
        map_ = self.span(node)
        content = node.meta["content"]
        # The content's lines decide where the block ends: blank lines an unclosed
        # fence or comment runs through are in it, not in the Rust port's srcmap.
        n_lines = content.count("\n") + (content[-1:] not in ("", "\n"))
        map_[1] = max(map_[1], map_[0] + (name == "fence") + n_lines)
        if name != "code_block" and map_[1] == self.n_lines and not self.data.endswith(b"\n"):
            content = content.removesuffix("\n")  # no line end on the page's last line
        start, end = _lines(map_)
        return start, end, content

    def list_items(self, node: Any) -> list[B.Item]:
        items = []
        for child in node.children:
            if child.name != "list_item":
                raise Unsupported(child.name)
            start, end = _lines(self.through_blank_lines(self.span(child)))
            item = B.Item(start, end, [])
            self.item_content(child, item)
            items.append(item)
        return items

    def item_content(self, node: Any, item: B.Item) -> None:
        """A list item's paragraphs, raw HTML and nested lists, as ``blocks._list_items``
        reads them. A tight item's text sits directly in the item: markdown-it-py wraps it
        in a hidden paragraph that ends where the next block of the item starts."""
        children = node.children
        if not children:
            raise Unsupported("empty list item")  # the ports end the list on other lines
        start, end = node.srcmap
        first = self._content_start(start, end)
        indent = self._column(first)
        names = [child.name for child in children]  # each read of .name makes a new str
        n = len(children)
        i = 0
        while i < n:
            if names[i] not in _INLINE_NODES:
                self.item_block(children[i], names[i], indent, item)
                i += 1
                continue
            j = i
            while j < n and names[j] in _INLINE_NODES:
                j += 1
            if i != 0:
                raise Unsupported("text after a block in a tight list item")
            if self.data[first : first + 1] == b"\n":
                raise Unsupported("list item whose text starts on its second line")
            last = children[j].srcmap[0] if j < n else end
            last = self._trim_end(first, last)
            if last <= first:
                raise Unsupported("empty hidden paragraph")
            content = self.inline_source((first, last), indent)
            inline = self.inline(children[i:j])
            B.add_item_paragraph(item, self.line_of(first) + 1, content, inline)
            i = j

    def item_block(self, node: Any, name: str, indent: int, item: B.Item) -> None:
        """A block (named ``name``) inside a list item: paragraphs and raw HTML join its
        lines, lists its children; anything else is read (so that what the reader cannot
        trust still sends the page to markdown-it-py) and left out, as
        ``blocks._list_items`` leaves it."""
        if name == "paragraph":
            first_line = self.span(node)[0] + 1
            content = self.inline_source(node.srcmap, indent)
            B.add_item_paragraph(item, first_line, content, self.inline(node.children))
        elif name in ("bullet_list", "ordered_list"):
            self.through_blank_lines(self.span(node))
            item.children.extend(self.list_items(node))
        elif name == "html_block":
            start, _, content = self.raw(node)
            B.add_item_html(item, start, content)
        else:
            self.block(node, indent, [])

    def _content_start(self, start: int, end: int) -> int:
        """Where a list item's text starts: after its marker and the spaces that follow."""
        data = self.data
        pos = start
        while pos < end and data[pos] in b" \t":
            pos += 1
        while pos < end and data[pos] in b"0123456789":
            pos += 1
        if pos < end and data[pos] in b"-*+.)":
            pos += 1
        while pos < end and data[pos] in b" \t":
            pos += 1
        return pos

    def _trim_end(self, first: int, last: int) -> int:
        data = self.data
        while last > first and data[last - 1] in b" \t\n":
            last -= 1
        return last

    def _column(self, offset: int) -> int:
        return offset - self.line_starts[self.line_of(offset)]

    def inline_source(self, srcmap: tuple[int, int], indent: int) -> str:
        """markdown-it-py's ``inline.content``: the paragraph's lines, each without the
        indentation of the block it is in, trimmed."""
        raw = self.source(srcmap[0], srcmap[1])
        if "\n" not in raw:
            return raw.strip()
        lines = raw.split("\n")
        for k in range(1, len(lines)):
            lines[k] = _dedent(lines[k], indent)
        return "\n".join(lines).strip()

    def table(self, node: Any) -> B.Table:
        """A pipe table: header cells and rows of cells, each cell's lines numbered from
        its row's line."""
        map_ = self.span(node)
        self.table_lines.update(range(map_[0], map_[1]))
        header: list[list[Any]] | None = None
        rows: list[list[list[Any]]] = []
        for part in node.children:
            if part.name not in ("thead", "tbody"):
                raise Unsupported(part.name)
            self.span(part)
            for row in part.children:
                if row.name != "trow":
                    raise Unsupported(row.name)
                row_map = self.span(row)
                if part.name == "tbody" and self._starts_block(row_map[0]):
                    raise Unsupported("table row that starts another block")
                cells = []
                for tcell in row.children:
                    if tcell.name != "tcell":
                        raise Unsupported(tcell.name)
                    inline = self.inline(tcell.children)
                    cells.append(inline_lines(inline, row_map[0] + 1, soft_breaks=False))
                if part.name == "thead":
                    header = cells
                else:
                    rows.append(cells)
        start, end = _lines(map_)
        return B.Table(start, end, header, rows)

    def _starts_block(self, line: int) -> bool:
        """Whether a line could open a list, quote, heading, fence or HTML block: the
        ports disagree on whether such a line ends a table."""
        start = self.line_starts[line]
        head = self.data[start : start + 8].lstrip(b" ")
        if head[:1] in (b"-", b"*", b"+", b">", b"#", b"`", b"~", b"<", b"="):
            return True
        digits = head.lstrip(b"0123456789")
        return len(digits) < len(head) and digits[:1] in (b".", b")")

    # ------------------------------------------------------------------ inline

    def inline(self, nodes: list[Any]) -> list[Token]:
        out: list[Token] = []
        self._inline(nodes, out)
        return out

    def _inline(self, nodes: list[Any], out: list[Token]) -> None:
        for node in nodes:
            name = node.name
            if name == "text" or name == "text_special":
                text = node.meta["content"]
                if out and out[-1].type == "text":
                    out[-1].content += text  # markdown-it-py's text_join
                else:
                    out.append(Token("text", content=text))
            elif name == "softbreak" or name == "hardbreak":
                out.append(Token(name))
            elif name in _INLINE_PAIRS:
                out.append(Token(name + "_open"))
                self._inline(node.children, out)
                out.append(Token(name + "_close"))
            elif name == "link" or name == "autolink":
                out.append(Token("link_open", href=node.meta["url"]))
                self._inline(node.children, out)
                out.append(Token("link_close"))
            elif name == "image":
                out.append(Token("image", content=self._label(node)))
            elif name == "code_inline":
                text = "".join(child.meta["content"] for child in node.children)
                out.append(Token("code_inline", content=text))
            elif name == "html_inline":
                out.append(Token("html_inline", content=node.meta["content"]))
            else:
                raise Unsupported(name)

    def _label(self, image: Any) -> str:
        """An image's ``content``: the raw source of its alt text, as markdown-it-py keeps."""
        children = image.children
        if not children:
            return ""
        if len(children) == 1 and children[0].name == "text":
            return children[0].meta["content"]
        raise Unsupported("image with marked-up alt text")
