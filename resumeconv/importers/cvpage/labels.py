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


def value_of(line: Line) -> Any:
    """The value a field line's rest holds: JSON in a lone code span, else linked text."""
    runs = [r for r in line.runs if r.text.strip()]
    if len(runs) == 1 and runs[0].code:
        try:
            return json.loads(runs[0].text.strip())
        except ValueError:
            pass
    return line.linked()
