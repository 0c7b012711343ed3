"""The one Markdown parser: markdown-it-py, CommonMark + pipe tables, raw HTML kept.

The CV-page reader (``blocks.py`` reads its token stream) and developer measures
(``tests/wordshare.py``) take the parser from here, built once per process.
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


def tokens(text: str) -> tuple[list[Any], list[tuple[int, int]]]:
    """markdown-it-py's block-level token stream of ``text`` (inline tokens as children),
    and the (1-based, inclusive) line ranges of its link reference definitions
    (``[id]: https://…``), which leave no token: links that use them carry the URL."""
    env: dict[str, Any] = {}
    stream = parser().parse(text, env)
    spans = [ref["map"] for ref in env.get("references", {}).values() if ref.get("map")]
    return stream, sorted((start + 1, end) for start, end in spans)
