"""A file to repair: parsed with positions, and written back in the style it came in.

JSON stays JSON (its indentation unit, tab or spaces, and ``\\u`` escapes of an ASCII-only
file kept) and YAML stays YAML (its indentation and whether list items are indented under
their key). Keys keep their order. Line endings (LF or CRLF) and the final newline are
kept. Comments cannot be kept, since the values are written anew: a file that has them
gets a change saying so (``--backup`` keeps the original).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from resumeconv.errors import InputError
from resumeconv.repair.changes import Change
from resumeconv.sources import Source


@dataclass(slots=True)
class Parsed:
    """The document of a file to repair, where its values were, and how it was written."""

    document: Any
    positions: dict[str, tuple[int, int]]
    format: str
    indent: str | int | None = 2
    indent_lists: bool = False
    ascii_only: bool = False
    notes: list[Change] = field(default_factory=list)
    """Changes of the file as a whole (comments that cannot be kept)."""
    lines: list[str] = field(default_factory=list)
    """The input's lines (where YAML flow collections, ``[a, b]``, are seen)."""


def parse(source: Source, format: str) -> Parsed:
    """The file's document, positions and style (``format`` is ``json`` or ``yaml``)."""
    text = source.text
    if format == "json":
        return _parse_json(source)
    from resumeconv.importers import yaml as yaml_reader

    parsed = yaml_reader.parse_document(text, source.name)
    result = Parsed(parsed.value, parsed.positions, "yaml", lines=text.split("\n"))
    result.indent, result.indent_lists = _yaml_style(text)
    comments = _yaml_comment_lines(text)
    if comments:
        shown = ", ".join(map(str, comments[:5])) + (" …" if len(comments) > 5 else "")
        result.notes.append(
            Change(
                "comments",
                "",
                comments[0],
                None,
                None,
                f"YAML comments (line {shown}) are not kept; --backup keeps the original",
            )
        )
    return result


def _parse_json(source: Source) -> Parsed:
    from resumeconv.importers.json import parse_document

    text = source.text
    notes = []
    try:
        parsed = parse_document(text, source.name)
    except InputError:
        parsed = parse_document(text, source.name, jsonc=True)
        notes.append(
            Change(
                "jsonc",
                "",
                1,
                None,
                None,
                "comments and trailing commas removed: written as plain JSON, which "
                "every JSON tool reads (--backup keeps the original)",
            )
        )
    result = Parsed(parsed.value, parsed.positions, "json", notes=notes)
    result.indent = _json_indent(text)
    result.ascii_only = text.isascii() and "\\u" in text
    return result


def _json_indent(text: str) -> str | int | None:
    """The indentation unit of the first indented line: a tab, N spaces, or None when the
    whole document is on one line."""
    match = re.search(r"\n([ \t]+)\S", text)
    if match is None:
        return None
    unit = match.group(1)
    return "\t" if unit.startswith("\t") else len(unit)


def _yaml_style(text: str) -> tuple[int, bool]:
    """(indentation of the first nested key, whether list items are indented under their
    key: ``work:\\n  - name:`` rather than ``work:\\n- name:``)."""
    indent = 2
    found = re.search(r"^[^\s#-][^\n]*:[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*( +)[^\s#-]", text, re.M)
    if found:
        indent = len(found.group(1))
    lists = re.search(r"^( *)[^\s#-][^\n]*:[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)- ", text, re.M)
    indented = bool(lists) and len(lists.group(2)) > len(lists.group(1))
    return indent, indented


def _yaml_comment_lines(text: str) -> list[int]:
    """Lines that hold a YAML comment: a ``#`` at a line's start or after a space that no
    scalar of the file contains (PyYAML's scanner gives every scalar's span)."""
    candidates = [
        (n, m.start())
        for n, line in enumerate(text.split("\n"))
        for m in re.finditer(r"(?:^|(?<=[ \t]))#", line)
    ]
    if not candidates:
        return []
    import bisect

    import yaml

    spans = []
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, yaml.ScalarToken):
                start, end = token.start_mark, token.end_mark
                spans.append(((start.line, start.column), (end.line, end.column)))
    except yaml.YAMLError:
        return sorted({n + 1 for n, _ in candidates})  # (already parsed: not reached)
    starts = [start for start, _ in spans]
    lines = set()
    for n, column in candidates:
        i = bisect.bisect_right(starts, (n, column)) - 1
        if i < 0 or spans[i][1] <= (n, column):
            lines.add(n + 1)
    return sorted(lines)


def render(
    parsed: Parsed,
    document: Any,
    newline: str = "\n",
    positions: dict[str, tuple[int, int]] | None = None,
) -> str:
    """``document`` written as ``parsed`` was: same format, indentation, line ends, and
    (JSON) each list and object on one line or spread out as it was. ``positions`` are the
    input's, moved to the names the repair gave (by default ``parsed.positions``)."""
    if parsed.format == "json" and parsed.indent is None:
        text = json.dumps(document, ensure_ascii=parsed.ascii_only) + "\n"
    elif parsed.format == "json":
        from resumeconv.repair import jsonlayout

        layout = jsonlayout.layouts(document, parsed.positions if positions is None else positions)
        text = jsonlayout.dump(document, layout, parsed.indent, parsed.ascii_only) + "\n"
    else:
        from resumeconv.exporters.yaml import dump

        indent = parsed.indent if isinstance(parsed.indent, int) else 2
        flow = _yaml_flow(parsed, document, parsed.positions if positions is None else positions)
        text = dump(
            document, indent=indent, indent_lists=parsed.indent_lists, width=4096, flow=flow
        )
    return text.replace("\n", newline) if newline != "\n" else text


def _yaml_flow(
    parsed: Parsed, document: Any, positions: dict[str, tuple[int, int]]
) -> frozenset[str]:
    """The collections written in flow style (``tags: [a, b]``, ``- {name: x}``): all on
    the line where they start, with a bracket there. (A block mapping starts at its first
    key, so a one-key mapping is on one line too: the bracket tells them apart.)"""
    from resumeconv.repair.jsonlayout import INLINE, layouts

    flow = set()
    for pointer, style in layouts(document, positions).items():
        line, column = positions[pointer]
        text = parsed.lines[line - 1][column - 1 :] if line <= len(parsed.lines) else ""
        if style == INLINE and re.match(r"[^\[{#]*[\[{]", text):
            flow.add(pointer)
    return frozenset(flow)
