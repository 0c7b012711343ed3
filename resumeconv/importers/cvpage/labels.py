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
import re
from typing import Any

from resumeconv.importers.cvpage.inline import Line

#: Field key → the label written for it. One label per key, one key per label.
LABELS: dict[str, str] = {
    "name": "Name",
    "position": "Position",
    "institution": "Institution",
    "organization": "Organization",
    "location": "Location",
    "url": "URL",
    "startDate": "Start",
    "endDate": "End",
    "date": "Date",
    "releaseDate": "Released",
    "summary": "Summary",
    "description": "Description",
    "highlights": "Highlights",
    "area": "Area",
    "studyType": "Degree",
    "score": "Score",
    "courses": "Courses",
    "title": "Title",
    "awarder": "Awarder",
    "issuer": "Issuer",
    "publisher": "Publisher",
    "level": "Level",
    "keywords": "Keywords",
    "language": "Language",
    "fluency": "Fluency",
    "reference": "Reference",
    "roles": "Roles",
    "entity": "Entity",
    "type": "Type",
    "role": "Role",
    "label": "Label",
    "image": "Image",
    "email": "Email",
    "phone": "Phone",
    "profiles": "Profiles",
    "x-note": "Note",
    "x-expected": "Expected",
    "x-highlights": "Details",
    "x-url": "Link",
    "x-endDate": "Until",
    "x-location": "Place",
    "x-citation": "Citation",
    "x-authors": "Authors",
    "x-slides": "Slides",
    "x-bibtex": "BibTeX",
    "x-category": "Category",
    "x-status": "Status",
    "x-employer": "Employer",
    "x-pronouns": "Pronouns",
}
_KEYS = {label: key for key, label in LABELS.items()}
#: Parts of ``basics.location``, written as their own lines in a page's header.
LOCATION_LABELS: dict[str, str] = {
    "address": "Address",
    "postalCode": "Postal code",
    "city": "City",
    "region": "Region",
    "countryCode": "Country",
}
LOCATION_KEYS = {label: key for key, label in LOCATION_LABELS.items()}
_RAW_KEY = re.compile(r"^(?:x-[\w-]+|[a-z][A-Za-z0-9_]*)$")


def label_for(key: str) -> str:
    """The label written for a field key (the key itself when it has no label)."""
    return LABELS.get(key, key)


def key_for(label: str) -> str | None:
    """The field key a label names, or None (``x-…`` and camelCase keys name themselves)."""
    if label in _KEYS:
        return _KEYS[label]
    if _RAW_KEY.match(label):
        return label
    return None


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
