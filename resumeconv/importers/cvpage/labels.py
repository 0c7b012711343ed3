"""Field lines: ``*Label:* value`` lines that name the field they fill.

A line that *starts* with an italic ``Label:`` whose label names a field ("*Location:*
Beijing", "*Citation:* …", "*x-category:* manuscripts") sets that field directly, with no
heuristics. resumeconv's Markdown exporter writes them for what an entry's sentence cannot
say unambiguously (docs/markdown-export.md); people write them too ("*Note:* …").

A value that is a lone code span holding JSON (`` `["a","b"]` ``, `` `true` ``) is that
JSON value, so that lists, booleans and text with line breaks survive a round trip.
"""

from __future__ import annotations

import json
from typing import Any

from resumeconv.dialect import LABELS, LOCATION_KEYS, LOCATION_LABELS, key_for, label_for
from resumeconv.importers.cvpage.inline import Line

__all__ = [
    "LABELS",
    "LOCATION_KEYS",
    "LOCATION_LABELS",
    "field_line",
    "key_for",
    "label_for",
    "line_label",
    "value_of",
]


def line_label(line: Line) -> tuple[str, Line] | None:
    """(label, the rest of the line) when the line starts with an italic ``Label:``."""
    runs = line.runs
    if not runs:
        return None
    first = runs[0]
    if not first.italic or first.bold or first.href is not None or first.code:
        return None
    text = first.text.strip()
    if not text.endswith(":") or len(text) < 2:
        return None
    label = text[:-1].strip()
    if not label or ":" in label:
        return None
    return label, line.slice(len(first.text))


def field_line(line: Line) -> tuple[str, Line] | None:
    """(field key, value line) of a field line; None for any other line."""
    found = line_label(line)
    if found is None:
        return None
    key = key_for(found[0])
    return (key, found[1]) if key is not None else None


#: Fields whose bold is part of the value: an author list marks its owner ``**Name**``.
MARKED_KEYS = frozenset({"x-authors"})


def value_of(line: Line, key: str | None = None) -> Any:
    """The value a field line's rest holds: JSON in a lone code span, else linked text
    (with ``**bold**`` kept for the fields in :data:`MARKED_KEYS`)."""
    runs = [r for r in line.runs if r.text.strip()]
    if len(runs) == 1 and runs[0].code:
        try:
            return json.loads(runs[0].text.strip())
        except ValueError:
            pass
    if key in MARKED_KEYS and any(r.bold and r.text.strip() for r in line.runs):
        return marked(line)
    return line.linked()


def marked(line: Line) -> str:
    """Linked text with bold runs written ``**text**`` (spaces kept outside the marks)."""
    out: list[str] = []
    runs = line.runs
    i = 0
    while i < len(runs):
        j = i
        while j < len(runs) and runs[j].bold == runs[i].bold:
            j += 1
        text = Line(runs[i:j], line.lineno).linked()
        if runs[i].bold and text.strip():
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            text = f"{lead}**{text.strip()}**{trail}"
        out.append(text)
        i = j
    return "".join(out)
