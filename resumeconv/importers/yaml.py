"""YAML reader: JSON Resume fields written as YAML, and the safe YAML parser other readers use.

:func:`parse` turns YAML text into plain JSON values (dict, list, str, int, float, bool,
None) together with the line and column of every value, so that validation can point at
what the user wrote. It builds the values from the parser's *event stream* (libyaml's C
parser when available) with an explicit stack instead of PyYAML's recursive composer:
that is what lets it refuse 10,000 nested brackets with a clean error rather than a
``RecursionError``, count what aliases expand to (billion laughs), and catch duplicate
keys, which PyYAML silently lets the last one win.

Only YAML's core types are built; a ``!!python/...`` or any other unknown tag is refused.
Dates and timestamps become ISO 8601 strings because JSON Resume dates are strings.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode

from resumeconv.errors import InputError
from resumeconv.model import Resume
from resumeconv.options import ReadOptions
from resumeconv.report import escape
from resumeconv.sources import Source

#: Deepest nesting of sequences/mappings accepted. A resume is 4-5 levels deep.
MAX_DEPTH = 64
#: Most values that aliases may expand to in one document (defeats "billion laughs").
MAX_ALIAS_NODES = 10_000

_Base: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader (libyaml when installed); only its parser and resolver are used."""


_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = (_TAG + t for t in ("str", "null", "bool", "int", "float"))
_TIMESTAMP, _BINARY, _MERGE, _VALUE = (_TAG + t for t in ("timestamp", "binary", "merge", "value"))
_SCALAR_TAGS = {_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP, _BINARY, _MERGE, _VALUE}
_SEQ_TAGS = {_TAG + "seq", _TAG + "omap", _TAG + "pairs"}
_MAP_TAGS = {_TAG + "map", _TAG + "set"}

_CTOR = SafeConstructor()


@dataclass(slots=True)
class _Collection:
    """A sequence or mapping being built: its value, where it started, what is pending."""

    value: Any
    pointer: str | None
    """None inside a mapping key that is itself a collection (no pointer reaches it)."""
    anchor: str | None
    line: int
    column: int
    key: Any = None
    key_pos: tuple[int, int] | None = None
    has_key: bool = False
    merges: list[tuple[Any, int]] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)
    size: int = 1
    height: int = 1


@dataclass(slots=True)
class _Anchored:
    value: Any
    size: int
    height: int


@dataclass(slots=True)
class Parsed:
    """A parsed YAML document: the value, positions by JSON pointer, top-level key lines."""

    value: Any
    positions: dict[str, tuple[int, int]]
    last_line: int


def parse(
    text: str,
    name: str,
    first_line: int = 1,
    duplicates: list[tuple[int, int, str]] | None = None,
) -> tuple[Any, dict[str, tuple[int, int]]]:
    """Safe YAML → (plain JSON value, JSON pointer → (line, column)), both 1-based.

    ``first_line`` is the line of ``text``'s first line in its file, so that front matter
    inside a Markdown page reports the page's lines. Raises :class:`InputError` for syntax
    errors, duplicate keys, unknown tags, alias bombs and nesting deeper than 64.

    With a ``duplicates`` list, a duplicate key is not an error: the last one wins (as in
    Jekyll, whose site config this is for) and (line, column, message) is appended.
    """
    parsed = parse_document(text, name, first_line, duplicates)
    return parsed.value, parsed.positions


def parse_document(
    text: str,
    name: str,
    first_line: int = 1,
    duplicates: list[tuple[int, int, str]] | None = None,
) -> Parsed:
    """Like :func:`parse`, also returning the last line that holds content."""
    loader = None
    try:
        loader = _Loader(text)  # PyYAML's own reader checks the characters here
        return _Builder(loader, name, first_line - 1, duplicates).run()
    except yaml.MarkedYAMLError as exc:
        error = _syntax_error(exc, name, first_line - 1)
        mark = exc.problem_mark
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            error.hint = "indent with spaces, not tabs"
        raise error from None
    except yaml.YAMLError as exc:
        raise InputError(
            f"not valid YAML: {_one_line(str(exc))}",
            file=name,
            hint="check the file for control characters and invalid text",
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


class _Builder:
    """Builds plain values from parser events with an explicit stack."""

    def __init__(
        self, loader: Any, name: str, offset: int, duplicates: list[Any] | None = None
    ) -> None:
        self.duplicates = duplicates
        self.loader = loader
        self.name = name
        self.offset = offset
        self.positions: dict[str, tuple[int, int]] = {}
        self.anchors: dict[str, _Anchored] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Collection] = []
        self.expanded = 0
        self.last_line = offset + 1

    def run(self) -> Parsed:
        loader = self.loader
        result: Any = None
        documents = 0
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self._scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._start(event, kind is yaml.MappingStartEvent)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self._end()
            elif kind is yaml.AliasEvent:
                self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise InputError(
                        "more than one YAML document in the file",
                        file=self.name,
                        line=event.start_mark.line + 1 + self.offset,
                        column=event.start_mark.column + 1,
                        hint="a resume is one document; remove the second '---'",
                    )
            elif kind is yaml.DocumentEndEvent:
                result = self.root
        return Parsed(result, self.positions, self.last_line)

    root: Any = None

    # ----------------------------------------------------------------- events

    def _pos(self, mark: Any) -> tuple[int, int]:
        return mark.line + 1 + self.offset, mark.column + 1

    def _scalar(self, event: Any) -> None:
        pos = self._pos(event.start_mark)
        end_line = event.end_mark.line + 1 + self.offset
        if event.end_mark.column == 0 and end_line > pos[0]:
            end_line -= 1  # a block scalar ends at the start of the next line
        self.last_line = max(self.last_line, end_line)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
        value = self._construct(event, tag, pos)
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchored(value, 1, 0)
        self._add(value, pos, 1, 0, tag)

    def _construct(self, event: Any, tag: str, pos: tuple[int, int]) -> Any:
        value = event.value
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag not in _SCALAR_TAGS:
            raise self._tag_error(tag, pos)
        node = ScalarNode(tag, value, event.start_mark, event.end_mark)
        try:
            if tag == _BOOL:
                return _CTOR.construct_yaml_bool(node)
            if tag == _INT:
                return _CTOR.construct_yaml_int(node)
            if tag == _FLOAT:
                number = _CTOR.construct_yaml_float(node)
                return number if math.isfinite(number) else value  # JSON has no inf/nan
            if tag == _TIMESTAMP:
                stamp = _CTOR.construct_yaml_timestamp(node)
                return value if len(value) == 10 else stamp.isoformat()
        except (ConstructorError, ValueError, TypeError) as exc:
            raise InputError(
                f"{value!r} is not a valid {tag.rsplit(':', 1)[-1]}: {_one_line(str(exc))}",
                file=self.name,
                line=pos[0],
                column=pos[1],
                hint="quote the value to keep it as text",
            ) from None
        return value  # binary, merge (as a value), value: keep the text

    def _start(self, event: Any, is_map: bool) -> None:
        pos = self._pos(event.start_mark)
        tag = event.tag
        if tag is not None and tag != "!" and tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            raise self._tag_error(tag, pos)
        if len(self.stack) >= MAX_DEPTH:
            raise self._depth_error(pos)
        pointer = self._child_pointer()
        coll = _Collection({} if is_map else [], pointer, event.anchor, pos[0], pos[1])
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(coll)

    def _end(self) -> None:
        coll = self.stack.pop()
        if coll.merges:
            coll.value = self._merged(coll)
        if coll.anchor is not None:
            self.open_anchors.discard(coll.anchor)
            self.anchors[coll.anchor] = _Anchored(coll.value, coll.size, coll.height)
        self._add(coll.value, (coll.line, coll.column), coll.size, coll.height, None)

    def _alias(self, event: Any) -> None:
        pos = self._pos(event.start_mark)
        anchor = event.anchor
        if anchor in self.open_anchors:
            raise InputError(
                f"alias *{anchor} refers to the node that contains it",
                file=self.name,
                line=pos[0],
                column=pos[1],
                hint="a recursive alias cannot be turned into JSON; write the value out",
            )
        target = self.anchors.get(anchor)
        if target is None:
            raise InputError(
                f"alias *{anchor} names no anchor defined before it",
                file=self.name,
                line=pos[0],
                column=pos[1],
                hint=f"define '&{anchor}' earlier in the file, or remove the alias",
            )
        self.expanded += target.size
        if self.expanded > MAX_ALIAS_NODES:
            raise InputError(
                f"aliases expand to more than {MAX_ALIAS_NODES:,} values",
                file=self.name,
                line=pos[0],
                column=pos[1],
                hint="this looks like an alias bomb ('billion laughs'); write values out",
            )
        if len(self.stack) + target.height > MAX_DEPTH:
            raise self._depth_error(pos)
        value = target.value
        if isinstance(value, (dict, list)):
            import copy  # only aliases need it (with weakref: ~2 ms of start-up)

            value = copy.deepcopy(value)
        self._add(value, pos, target.size, target.height, None)

    # ----------------------------------------------------------------- building

    def _child_pointer(self) -> str | None:
        if not self.stack:
            return ""
        parent = self.stack[-1]
        if parent.pointer is None:
            return None
        if isinstance(parent.value, list):
            return f"{parent.pointer}/{len(parent.value)}"
        if parent.has_key:
            return f"{parent.pointer}/{escape(parent.key)}"
        return None  # a collection used as a key: no JSON pointer reaches inside it

    def _add(
        self,
        value: Any,
        pos: tuple[int, int],
        size: int,
        height: int,
        tag: str | None,
    ) -> None:
        if not self.stack:
            self.root = value
            self.positions[""] = pos
            return
        parent = self.stack[-1]
        parent.size += size
        parent.height = max(parent.height, height + 1)
        if isinstance(parent.value, list):
            if parent.pointer is not None:
                self.positions.setdefault(f"{parent.pointer}/{len(parent.value)}", pos)
            parent.value.append(value)
            return
        if not parent.has_key:
            parent.key = _key_text(value) if tag != _MERGE else _MERGE
            parent.key_pos = pos
            parent.has_key = True
            return
        key, key_pos = parent.key, parent.key_pos
        parent.has_key = False
        assert key_pos is not None
        if key == _MERGE:
            parent.merges.append((value, key_pos[0]))
            return
        if key in parent.value and self.duplicates is not None:
            self.duplicates.append(
                (
                    key_pos[0],
                    key_pos[1],
                    f"duplicate key {key!r} (first at line {parent.key_lines[key]}): "
                    "the last one is used, as Jekyll does",
                )
            )
            del parent.value[key]  # the last one wins, in the last one's place
        elif key in parent.value:
            raise InputError(
                f"duplicate key {key!r} (first at line {parent.key_lines[key]})",
                file=self.name,
                line=key_pos[0],
                column=key_pos[1],
                hint="YAML keeps only one of them; remove or rename the duplicate",
            )
        parent.value[key] = value
        parent.key_lines[key] = key_pos[0]
        if parent.pointer is not None:
            self.positions[_join(parent, key)] = key_pos

    def _merged(self, coll: _Collection) -> dict[str, Any]:
        """``<<: *base`` merge keys, as PyYAML does: merged keys first, explicit keys win."""
        merged: dict[str, Any] = {}
        for value, line in coll.merges:
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                if not isinstance(source, dict):
                    raise InputError(
                        "a merge key '<<' needs a mapping or a list of mappings",
                        file=self.name,
                        line=line,
                        hint="write '<<: *anchor' where the anchor names a mapping",
                    )
                for key, item in source.items():
                    if key not in merged and key not in coll.value:
                        merged[key] = item
                        if coll.pointer is not None:
                            self.positions.setdefault(_join(coll, key), (line, 1))
        merged.update(coll.value)
        return merged

    # ----------------------------------------------------------------- errors

    def _tag_error(self, tag: str, pos: tuple[int, int]) -> InputError:
        return InputError(
            f"YAML tag {tag!r} is not allowed",
            file=self.name,
            line=pos[0],
            column=pos[1],
            hint="only plain values, lists and mappings are read; remove the '!' tag",
        )

    def _depth_error(self, pos: tuple[int, int]) -> InputError:
        return InputError(
            f"values nested deeper than {MAX_DEPTH} levels",
            file=self.name,
            line=pos[0],
            column=pos[1],
            hint="a resume is a few levels deep; check for runaway brackets or indentation",
        )


def _join(coll: _Collection, key: str) -> str:
    return f"{coll.pointer}/{escape(key)}"


def _key_text(value: Any) -> str:
    """Mapping keys as JSON strings: ``1`` → ``"1"``, ``true`` → ``"true"``."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, default=str)


_HINTS = (
    ("mapping values are not allowed", "quote a value that contains ': '"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("tab character", "indent with spaces, not tabs"),
    ("could not find expected ':'", "a key needs ':' after it, or a value needs quotes"),
    ("did not find expected key", "check the indentation of this line against the one above"),
    ("did not find expected '-'", "check the indentation of this list item"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("while scanning a quoted scalar", "a quote is not closed"),
    ("found undefined alias", "define the '&anchor' before using '*anchor'"),
    ("found character '@'", "quote a value that starts with '@' or '`'"),
    ("found character '`'", "quote a value that starts with '@' or '`'"),
    ("found duplicate anchor", "anchor names must be unique"),
    ("exceeded maximum nesting depth", "a resume is a few levels deep; check for runaway brackets"),
)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _syntax_error(exc: yaml.MarkedYAMLError, name: str, offset: int) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    hint = next((h for text, h in _HINTS if text in problem or text in (exc.context or "")), None)
    return InputError(
        f"YAML syntax error: {_one_line(problem)}",
        file=name,
        line=mark.line + 1 + offset if mark else None,
        column=mark.column + 1 if mark else None,
        hint=hint or "check the indentation and quoting of this line and the one above",
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- reader


def read(source: Source, options: ReadOptions) -> Resume:
    """A YAML file with JSON Resume fields → :class:`Resume` (old field names migrated)."""
    from resumeconv.importers.migrate import build_resume

    parsed = parse_document(source.text, source.name)
    if parsed.value is None:
        raise InputError(
            "the YAML document is empty",
            file=source.name,
            hint="write JSON Resume fields such as 'basics:' and 'work:'",
        )
    ranges = top_level_ranges(parsed, source.text.split("\n"))
    return build_resume(parsed.value, parsed.positions, source, ranges)


def top_level_ranges(parsed: Parsed, lines: list[str]) -> dict[str, tuple[int, int]]:
    """Line range of each top-level key: from its line to its last line of content
    (blank lines and comments before the next key are not part of it)."""
    if not isinstance(parsed.value, dict):
        return {}
    keys = sorted((parsed.positions[f"/{escape(k)}"][0], k) for k in parsed.value)
    ranges: dict[str, tuple[int, int]] = {}
    for i, (line, key) in enumerate(keys):
        end = keys[i + 1][0] - 1 if i + 1 < len(keys) else parsed.last_line
        while end > line and _is_blank_or_comment(lines[end - 1] if end <= len(lines) else ""):
            end -= 1
        ranges[key] = (line, max(line, end))
    return ranges


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped in ("---", "...")
