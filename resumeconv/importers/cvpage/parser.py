"""The one Markdown parser: markdown-it-py, CommonMark + pipe tables, raw HTML kept.

The CV-page reader (``blocks.py`` reads its token stream) and developer measures
(``tests/wordshare.py``) take the parser from here, built once per process.
"""

from __future__ import annotations

import re
from typing import Any

_PARSER: Any = None


def parser() -> Any:
    """One ``markdown_it.MarkdownIt`` per process (built on first use)."""
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable("table")
        _PARSER.core.ruler.push("html_continuation", html_continuation)
    return _PARSER


def html_continuation(state: Any) -> None:
    """An indented code block right after a raw-HTML block, itself starting with a tag, is
    that HTML's continuation: Jekyll's kramdown reads an HTML block to its closing tag, where
    CommonMark ends it at a blank line and shows the indented rest (a ``<script>`` nested in
    a ``<div>``) as code a visitor never sees."""
    previous = None
    for token in state.tokens:
        if token.level != 0:
            continue
        if (
            token.type == "code_block"
            and previous is not None
            and previous.type == "html_block"
            and _TAG_START.match(token.content)
        ):
            token.type = "html_block"
            token.tag = ""
        previous = token


_TAG_START = re.compile(r"\s*</?[A-Za-z][\w-]*[\s>/]")


#: A Liquid output tag that starts a link's path: ``[CV]({{ base_path }}/files/cv.pdf)``.
_LIQUID_PATH = re.compile(r"(\]\(\s*)\{\{[^{}\n]*\}\}(?=/)")


def jekyll_text(text: str) -> str:
    """The page as Markdown sees it once Jekyll's Liquid has run, as far as links go: the
    base-path tag before a link's path is gone (its spaces would stop markdown-it from
    reading the link at all; Jekyll puts the site's base path there, usually nothing)."""
    return _LIQUID_PATH.sub(r"\1", text)


def tokens(text: str) -> tuple[list[Any], list[tuple[int, int]]]:
    """markdown-it-py's block-level token stream of ``text`` (inline tokens as children),
    and the (1-based, inclusive) line ranges of its link reference definitions
    (``[id]: https://…``), which leave no token: links that use them carry the URL."""
    env: dict[str, Any] = {}
    stream = parser().parse(text, env)
    spans = [ref["map"] for ref in env.get("references", {}).values() if ref.get("map")]
    return stream, sorted((start + 1, end) for start, end in spans)
