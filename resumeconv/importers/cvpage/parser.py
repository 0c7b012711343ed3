"""The one Markdown parser: markdown-it-py, CommonMark + pipe tables, raw HTML kept.

The CV-page reader (``blocks.py`` reads its token stream) and the Markdown exporter (which
reads its own output back) both take the parser from here. This module imports nothing of
resumeconv, so neither of them imports the other to get it.
"""

from __future__ import annotations

from typing import Any

_PARSER: Any = None


def parser() -> Any:
    """One ``markdown_it.MarkdownIt`` per process (built on first use)."""
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable("table")
    return _PARSER


def tokens(text: str) -> list[Any]:
    """markdown-it-py's block-level token stream of ``text`` (inline tokens as children)."""
    return parser().parse(text)
