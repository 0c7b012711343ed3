"""Writing a repaired JSON document back in the layout it was written in.

``json.dumps(indent=…)`` puts every item on a line of its own, so a file with
``"keywords": ["a", "b"]`` on one line (as the official sample has) would come back with
every short list spread out, and ``fix --diff`` would show lines no rule changed. Here each
object and array keeps its layout, read from where its members were in the input
(:func:`layouts`): on the line of its bracket (``inline``), all on one line of their own
between brackets on theirs (``row``, arrays only), or one per line (``block``, what
``json.dumps`` writes). Scalars and keys are written by :func:`json.dumps`.
"""

from __future__ import annotations

import json
from typing import Any

from resumeconv.report import escape

INLINE, ROW, BLOCK = "inline", "row", "block"


def layouts(document: Any, positions: dict[str, tuple[int, int]]) -> dict[str, str]:
    """JSON pointer → layout of every non-empty object and array that is not ``block``: a
    container is ``inline`` when everything inside it starts on its own line, ``row`` (an
    array) when everything inside starts on one later line."""
    found: dict[str, str] = {}

    def visit(value: Any, pointer: str) -> set[int]:
        """The lines on which the members and items inside ``value`` start."""
        inside: set[int] = set()
        for _, child, child_pointer in _children(value, pointer):
            if child_pointer in positions:
                inside.add(positions[child_pointer][0])
            inside |= visit(child, child_pointer)
        own = positions.get(pointer)
        if own is not None and inside:
            if inside == {own[0]}:
                found[pointer] = INLINE
            elif isinstance(value, list) and len(inside) == 1 and min(inside) > own[0]:
                found[pointer] = ROW
        return inside

    visit(document, "")
    return found


def _children(value: Any, pointer: str) -> list[tuple[str, Any, str]]:
    """(key text to write before it, value, pointer) of each member or item."""
    if isinstance(value, dict):
        return [(k, v, f"{pointer}/{escape(k)}") for k, v in value.items()]
    if isinstance(value, list):
        return [("", v, f"{pointer}/{i}") for i, v in enumerate(value)]
    return []


def dump(document: Any, layout: dict[str, str], indent: str | int, ascii_only: bool) -> str:
    """``document`` as JSON text with each container in its ``layout`` (``block`` when not
    listed) and ``indent`` (a number of spaces or a tab) per level; no final newline."""
    unit = indent if isinstance(indent, str) else " " * indent

    def scalar(value: Any) -> str:
        return json.dumps(value, ensure_ascii=ascii_only)

    def write(value: Any, pointer: str, level: int, inline: bool) -> str:
        children = _children(value, pointer)
        if not children:
            return scalar(value)
        is_dict = isinstance(value, dict)
        opening, closing = ("{", "}") if is_dict else ("[", "]")
        style = INLINE if inline else layout.get(pointer, BLOCK)

        def member(key: str, child: Any, child_pointer: str, depth: int, flat: bool) -> str:
            head = f"{scalar(key)}: " if is_dict else ""
            return head + write(child, child_pointer, depth, flat)

        if style == INLINE:
            inner = ", ".join(member(k, c, p, level, True) for k, c, p in children)
            return f"{opening}{inner}{closing}"
        pad = unit * (level + 1)
        if style == ROW:
            inner = ", ".join(member(k, c, p, level + 1, True) for k, c, p in children)
            return f"{opening}\n{pad}{inner}\n{unit * level}{closing}"
        inner = ",\n".join(pad + member(k, c, p, level + 1, False) for k, c, p in children)
        return f"{opening}\n{inner}\n{unit * level}{closing}"

    return write(document, "", 0, False)
