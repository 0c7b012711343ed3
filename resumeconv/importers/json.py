"""JSON reader: JSON Resume documents of any published version, with positions.

Python's :mod:`json` says nothing about where a value was, and lets a duplicate key
silently replace the first. So this module has its own small scanner: recursive descent
over the text that uses :func:`json.decoder.scanstring` (C) for strings and one regex for
numbers. It returns exactly what :func:`json.loads` returns for any valid document, plus
the line and column of every value, and says what it expected when the text is not JSON.
Nesting is limited to :data:`MAX_DEPTH` levels so that no input can exhaust the stack.

With ``jsonc=True`` the same scanner reads JSONC, the "JSON with comments" that resumed and
VS Code accept: ``//`` and ``/* */`` comments count as whitespace and a comma may end an
object or array. Nothing else changes (no single quotes, hex or NaN: that is JSON5). The
:mod:`json5` library was measured for this and not used: it reports no position of any
value (validation could then name no line) and took 37 ms for the 5 KB official sample
where this scanner takes 0.25 ms; the tests check that both give the same values.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from json.decoder import JSONDecodeError, scanstring
from typing import Any

from resumeconv.errors import InputError
from resumeconv.model import Resume
from resumeconv.options import ReadOptions
from resumeconv.report import escape
from resumeconv.sources import Source

#: Deepest nesting of arrays/objects accepted (a resume is 4-5 levels deep).
MAX_DEPTH = 64

_WS = re.compile(r"[ \t\n\r]*")
#: Whitespace and comments of JSONC (linear: no nested quantifier can backtrack).
_WS_JSONC = re.compile(r"(?:[ \t\n\r]+|//[^\n]*|/\*(?:[^*]|\*(?!/))*\*/)*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_SPACE = frozenset(" \t\n\r")
_SPACE_JSONC = frozenset(" \t\n\r/")
_VALUE_START = "a value (string, number, object, array, true, false or null)"
# Escape sequences left to right: a surrogate pair, a lone surrogate (group 1), any other.
_ESCAPE = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
    r"|(u[dD][89a-fA-F][0-9a-fA-F]{2})|.)"
)


@dataclass(slots=True)
class ParsedJSON:
    """A parsed document: value, positions by JSON pointer, top-level member line ranges."""

    value: Any
    positions: dict[str, tuple[int, int]]
    ranges: dict[str, tuple[int, int]]


def parse(
    text: str, name: str = "<string>", jsonc: bool = False
) -> tuple[Any, dict[str, tuple[int, int]]]:
    """JSON text → (value, JSON pointer → (line, column)), both 1-based.

    Object members are located at their key, array items at the item. Raises
    :class:`InputError` with line and column for syntax errors, duplicate keys, nesting
    deeper than :data:`MAX_DEPTH` and data after the value. ``jsonc`` reads comments and
    trailing commas too.
    """
    parsed = parse_document(text, name, jsonc)
    return parsed.value, parsed.positions


def parse_document(text: str, name: str = "<string>", jsonc: bool = False) -> ParsedJSON:
    """Like :func:`parse`, also returning the line range of each top-level member."""
    scanner = _Scanner(text, name, jsonc)
    value = scanner.document()
    if "\\u" in text:
        scanner.lone_surrogates()
    lines = scanner.lines
    positions = {}
    # Offsets were recorded in text order, so one forward sweep finds every line.
    line, count = 1, len(lines)
    for pointer, offset in scanner.offsets.items():
        while line < count and lines[line] <= offset:
            line += 1
        positions[pointer] = (line, offset - lines[line - 1] + 1)
    ranges = {
        key: (bisect.bisect_right(lines, start), bisect.bisect_right(lines, max(start, end - 1)))
        for key, (start, end) in scanner.top_ranges.items()
    }
    return ParsedJSON(value, positions, ranges)


class _Scanner:
    """Recursive descent over one JSON text; offsets are converted to lines at the end."""

    def __init__(self, text: str, name: str, jsonc: bool = False) -> None:
        self.text = text
        self.name = name
        self.jsonc = jsonc
        self.ws = (_WS_JSONC if jsonc else _WS).match
        self.space = _SPACE_JSONC if jsonc else _SPACE
        self.offsets: dict[str, int] = {}
        self.top_ranges: dict[str, tuple[int, int]] = {}
        self._lines: list[int] | None = None

    @property
    def lines(self) -> list[int]:
        """Offsets at which each line starts."""
        if self._lines is None:
            self._lines = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return self._lines

    def document(self) -> Any:
        text = self.text
        idx = self.ws(text, 0).end()  # type: ignore[union-attr]
        if idx == len(text):
            raise self.error(idx, f"expected {_VALUE_START}, found the end of the file")
        self.offsets[""] = idx
        value, idx = self.value(idx, "", 0)
        idx = self.ws(text, idx).end()  # type: ignore[union-attr]
        if idx != len(text):
            raise self.error(
                idx,
                "unexpected data after the JSON value",
                "a JSON file holds one value; remove what follows the closing bracket",
            )
        return value

    def value(self, idx: int, pointer: str, depth: int) -> tuple[Any, int]:
        text = self.text
        char = text[idx : idx + 1]
        if char == '"':
            return self.string(idx)
        if char == "{":
            return self.object(idx, pointer, depth + 1)
        if char == "[":
            return self.array(idx, pointer, depth + 1)
        if char == "n" and text.startswith("null", idx):
            return None, idx + 4
        if char == "t" and text.startswith("true", idx):
            return True, idx + 4
        if char == "f" and text.startswith("false", idx):
            return False, idx + 5
        match = _NUMBER.match(text, idx)
        if match is not None:
            return self.number(match), match.end()
        raise self.unexpected(idx, _VALUE_START)

    def string(self, idx: int) -> tuple[str, int]:
        try:
            return scanstring(self.text, idx + 1, True)
        except JSONDecodeError as exc:
            hint = "write a newline as \\n and a tab as \\t inside strings"
            if exc.msg.startswith("Unterminated"):
                hint = "the string is missing its closing double quote"
            elif exc.msg.startswith("Invalid \\escape") or "escape" in exc.msg:
                hint = "write a backslash as \\\\"
            elif self.text[exc.pos : exc.pos + 1] == "\n":
                hint = "is the closing double quote missing? A newline in a string is written \\n"
            message = exc.msg.lower().removesuffix(" at").removesuffix(":")
            raise self.error(exc.pos, f"{message} in a string", hint) from None

    def lone_surrogates(self) -> None:
        """Refuse ``"\\ud800"``: half of a UTF-16 pair is no character, and no output
        (UTF-8 files, PDF, DOCX) can hold it. Run on a parsed text, where every backslash
        starts a well-formed escape inside a string."""
        text = self.text
        for match in _ESCAPE.finditer(text, text.find("\\")):
            if match.group(1):
                raise self.error(
                    match.start(),
                    f"\\{match.group(1)} is half of a UTF-16 surrogate pair, not a character",
                    "write the character itself, or both halves of its pair, e.g. \\ud83d\\ude00",
                )

    def number(self, match: re.Match[str]) -> int | float:
        frac, exp = match.group(1), match.group(2)
        literal = match.group(0)
        try:
            value = float(literal) if frac or exp else int(literal)
        except ValueError:
            raise self.error(match.start(), "number has too many digits", "quote it") from None
        if value in (math.inf, -math.inf):  # would be written back as Infinity: not JSON
            raise self.error(match.start(), "number is too large", "quote it")
        return value

    def object(self, start: int, pointer: str, depth: int) -> tuple[dict[str, Any], int]:
        # Written for speed: whitespace is skipped only when present, and string values
        # (most of a resume) are scanned here without a call through value().
        if depth > MAX_DEPTH:
            raise self.depth_error(start)
        text = self.text
        ws = self.ws
        space = self.space
        offsets = self.offsets
        result: dict[str, Any] = {}
        idx = start + 1
        if text[idx : idx + 1] in space:
            idx = ws(text, idx).end()  # type: ignore[union-attr]
        if text[idx : idx + 1] == "}":
            return result, idx + 1
        while True:
            if text[idx : idx + 1] != '"':
                if self.jsonc and result and text[idx : idx + 1] == "}":
                    return result, idx + 1  # a trailing comma
                raise self.key_expected(idx, first=not result)
            key_at = idx
            try:
                key, idx = scanstring(text, idx + 1, True)
            except JSONDecodeError:
                self.string(key_at)  # raises the located error
                raise
            child = f"{pointer}/{key}" if "~" not in key and "/" not in key else _join(pointer, key)
            if child in offsets:
                raise self.duplicate(key, key_at, offsets[child])
            if text[idx : idx + 1] != ":":
                if text[idx : idx + 1] in space:
                    idx = ws(text, idx).end()  # type: ignore[union-attr]
                if text[idx : idx + 1] != ":":
                    raise self.unexpected(idx, "':' after the key")
            idx += 1
            if text[idx : idx + 1] in space:
                idx = ws(text, idx).end()  # type: ignore[union-attr]
            offsets[child] = key_at
            if text[idx : idx + 1] == '"':
                try:
                    value, end = scanstring(text, idx + 1, True)
                except JSONDecodeError:
                    self.string(idx)
                    raise
            else:
                value, end = self.value(idx, child, depth)
            result[key] = value
            if depth == 1:
                self.top_ranges[key] = (key_at, end)
            idx = end
            if text[idx : idx + 1] in space:
                idx = ws(text, idx).end()  # type: ignore[union-attr]
            char = text[idx : idx + 1]
            if char == ",":
                idx += 1
                if text[idx : idx + 1] in space:
                    idx = ws(text, idx).end()  # type: ignore[union-attr]
            elif char == "}":
                return result, idx + 1
            else:
                hint = "add a ',' between members" if char == '"' else None
                raise self.unexpected(idx, "',' or '}' after a member", hint)

    def array(self, start: int, pointer: str, depth: int) -> tuple[list[Any], int]:
        if depth > MAX_DEPTH:
            raise self.depth_error(start)
        text = self.text
        ws = self.ws
        space = self.space
        offsets = self.offsets
        result: list[Any] = []
        idx = start + 1
        if text[idx : idx + 1] in space:
            idx = ws(text, idx).end()  # type: ignore[union-attr]
        if text[idx : idx + 1] == "]":
            return result, idx + 1
        while True:
            char = text[idx : idx + 1]
            child = f"{pointer}/{len(result)}"
            offsets[child] = idx
            if char == '"':
                try:
                    value, end = scanstring(text, idx + 1, True)
                except JSONDecodeError:
                    self.string(idx)
                    raise
            elif char == "]" and self.jsonc and result:
                del offsets[child]
                return result, idx + 1  # a trailing comma
            elif char == "]":
                raise self.error(idx, "trailing comma before ']'", "remove the last ','")
            else:
                value, end = self.value(idx, child, depth)
            result.append(value)
            idx = end
            if text[idx : idx + 1] in space:
                idx = ws(text, idx).end()  # type: ignore[union-attr]
            char = text[idx : idx + 1]
            if char == ",":
                idx += 1
                if text[idx : idx + 1] in space:
                    idx = ws(text, idx).end()  # type: ignore[union-attr]
            elif char == "]":
                return result, idx + 1
            else:
                hint = "add a ',' between items" if char in ('"', "{", "[") else None
                raise self.unexpected(idx, "',' or ']' after an item", hint)

    def duplicate(self, key: str, at: int, first_at: int) -> InputError:
        first = bisect.bisect_right(self.lines, first_at)
        return self.error(
            at,
            f"duplicate key {key!r} (first at line {first})",
            "JSON readers keep only one of them; remove or rename the duplicate",
        )

    # ----------------------------------------------------------------- errors

    def key_expected(self, idx: int, first: bool) -> InputError:
        char = self.text[idx : idx + 1]
        if char == "}" and not first:
            return self.error(idx, "trailing comma before '}'", "remove the last ','")
        expected = "a key in double quotes" + (" or '}'" if first else "")
        hint = None
        if char == "'":
            hint = "JSON keys use double quotes, not single quotes"
        elif char.isalpha() or char == "_":
            hint = "put the key in double quotes"
        return self.unexpected(idx, expected, hint)

    def unexpected(self, idx: int, expected: str, hint: str | None = None) -> InputError:
        text = self.text
        if idx >= len(text):
            return self.error(idx, f"expected {expected}, found the end of the file", hint)
        char = text[idx]
        if hint is None:
            if char == "'":
                hint = "JSON strings use double quotes, not single quotes"
            elif text.startswith("/*", idx) and self.jsonc:
                hint = "this /* comment is never closed: end it with */"
            elif text.startswith(("//", "/*"), idx):
                hint = "JSON has no comments; remove them"
            elif text.startswith(("NaN", "Infinity", "-Infinity"), idx):
                hint = "NaN and Infinity are not JSON numbers; quote them"
            elif char.isalpha():
                hint = "put text in double quotes; literals are true, false and null"
        shown = repr(char) if char.isprintable() else f"U+{ord(char):04X}"
        return self.error(idx, f"expected {expected}, found {shown}", hint)

    def depth_error(self, idx: int) -> InputError:
        return self.error(
            idx,
            f"values nested deeper than {MAX_DEPTH} levels",
            "a resume is a few levels deep; check for runaway brackets",
        )

    def error(self, idx: int, message: str, hint: str | None = None) -> InputError:
        lines = self.lines
        line = bisect.bisect_right(lines, idx)
        return InputError(
            f"JSON: {message}",
            file=self.name,
            line=line,
            column=idx - lines[line - 1] + 1,
            hint=hint or "check the JSON syntax at this position",
        )


def _join(pointer: str, key: str) -> str:
    return f"{pointer}/{escape(key)}"


#: Extensions whose files are JSONC from the start (a ``.json`` file is read as JSONC only
#: when it is not plain JSON).
JSONC_EXTENSIONS = (".jsonc",)


def read(source: Source, options: ReadOptions) -> Resume:
    """A JSON Resume document (any published version) → :class:`Resume`.

    A ``.jsonc`` file is read as JSONC. A ``.json`` file is read as plain JSON, and only
    when that fails as JSONC (resumed accepts comments in ``resume.json``): the import
    report then notes it, since other JSON tools refuse such a file. When neither reads,
    the JSONC error is the one reported (it is the further of the two, past any comment).
    """
    from resumeconv.importers.migrate import build_resume
    from resumeconv.report import NOTE

    relaxed = source.name.lower().endswith(JSONC_EXTENSIONS)
    try:
        parsed = parse_document(source.text, source.name, jsonc=relaxed)
    except InputError:
        if relaxed:
            raise
        parsed = parse_document(source.text, source.name, jsonc=True)
        relaxed = True
    resume = build_resume(parsed.value, parsed.positions, source, parsed.ranges)
    if relaxed and not source.name.lower().endswith(JSONC_EXTENSIONS):
        resume.import_report.add(
            1,
            1,
            NOTE,
            "",
            "read as JSONC (JSON with comments or trailing commas); other JSON tools may "
            "refuse it: 'resumeconv fix' writes it as plain JSON",
        )
    return resume
