"""What an import did with each part of the source: the source map and the import report.

The source map ties JSON pointers in the model back to ``file:line:column`` so that
validation can point at what the user wrote. The import report accounts for every block
of the input: where it went, or why it was not imported. Nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: A pointer inside a custom section's entries or text (``/meta/x-resumeconv/sections/2/…``).
_IN_CUSTOM = re.compile(r"^/meta/x-resumeconv/sections/\d+/")

# Characters that end a line somewhere (a terminal, a CI log, a text editor) or control it.
_BREAKS = re.compile("[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")
_SHOWN = {"\n": "\\n", "\r": "\\r"}


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters written as escapes (``\\n``): a
    report line stays one line whatever a field holds, so a CV cannot add lines of its
    own (``::error …`` commands in a GitHub Actions log)."""
    if not _BREAKS.search(text):
        return text
    return _BREAKS.sub(lambda m: _SHOWN.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


#: Block statuses. ``unmapped`` means visible text that reached no field: ``--strict`` fails.
IMPORTED = "imported"
SKIPPED = "skipped"
UNMAPPED = "unmapped"
NOTE = "note"


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a source file (1-based line and column)."""

    file: str
    line: int
    column: int = 1


@dataclass(slots=True)
class SourceMap:
    """JSON pointer → position in the source the value came from."""

    file: str
    positions: dict[str, Position] = field(default_factory=dict)

    def add(self, pointer: str, line: int, column: int = 1) -> None:
        """Record where ``pointer`` came from; the first record wins."""
        if pointer not in self.positions:
            self.positions[pointer] = Position(self.file, line, column)

    def lookup(self, pointer: str) -> Position | None:
        """Position of ``pointer`` or of its nearest ancestor that has one."""
        while True:
            pos = self.positions.get(pointer)
            if pos is not None:
                return pos
            if not pointer:
                return None
            pointer = pointer.rsplit("/", 1)[0]


def pointer(*parts: Any) -> str:
    """A JSON pointer from path parts (keys or list indexes), RFC 6901."""
    return "".join("/" + escape(part) for part in parts)


def escape(part: Any) -> str:
    """One reference token of a JSON pointer: ``~`` → ``~0``, ``/`` → ``~1`` (RFC 6901).

    The only escaper: every pointer in reports, source maps and issues is built with it."""
    return str(part).replace("~", "~0").replace("/", "~1")


@dataclass(slots=True)
class Block:
    """One source block (a line range) and what became of it."""

    start: int
    end: int
    status: str
    pointer: str | None = None
    reason: str = ""
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"lines": [self.start, self.end], "status": self.status}
        if self.pointer is not None:
            out["pointer"] = self.pointer
        if self.reason:
            out["reason"] = self.reason
        if self.text:
            out["text"] = self.text
        return out


@dataclass(frozen=True, slots=True)
class Problem:
    """A file the import needed and could not use (a collection document whose front
    matter is broken): reported as a warning, counted by ``--strict``."""

    file: str
    line: int
    message: str

    def format_text(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(slots=True)
class ImportReport:
    """Every block of one input, in source order; the other files the import read, and
    those it could not use."""

    file: str
    blocks: list[Block] = field(default_factory=list)
    read_files: list[str] = field(default_factory=list)
    """Files read besides the input (the site's ``_config.yml``, collection documents):
    no output of the run may be one of them."""
    problems: list[Problem] = field(default_factory=list)
    warnings: list[tuple[str, int, int, str]] = field(default_factory=list)
    """What the import tolerated, to tell the user even without a report:
    (file, line, column, message), e.g. a duplicate key in the site's ``_config.yml``."""

    form: list[tuple[int, str]] = field(default_factory=list)
    """Text a rule read as the page's structure, not a value: (line, text) — the lead of a
    tagline ("Current position · …"), a group label that only names the kind of its items
    ("Human" over spoken languages). The word check counts it as form, not lost."""
    lost_words: list[tuple[int, str]] = field(default_factory=list)
    """Visible words of a CV page that reached no standard field, nor were read as the
    page's form (labels, joining words: ``cvpage/wordcheck.py``): (line, word), in page
    order. ``convert`` warns about them and ``--strict`` refuses them (issue 12, rule 8)."""

    def read_as_form(self, line: int, text: str) -> None:
        """Record that ``text`` on ``line`` was read as structure (see :attr:`form`)."""
        self.form.append((line, text))

    def warn(self, file: str, line: int, column: int, message: str) -> None:
        self.warnings.append((file, line, column, message))

    def add(
        self,
        start: int,
        end: int,
        status: str,
        pointer: str | None = None,
        reason: str = "",
        text: str = "",
    ) -> Block:
        block = Block(start, end, status, pointer, reason, _excerpt(text))
        self.blocks.append(block)
        return block

    def unmapped(self) -> list[Block]:
        """Blocks of visible text that reached no field (what ``--strict`` refuses)."""
        return [b for b in self.blocks if b.status == UNMAPPED]

    def meta_only(self) -> list[Block]:
        """Blocks whose text reached only a custom section of ``meta["x-resumeconv"]``,
        where no JSON Resume tool reads it (``--strict`` refuses them too: issue 12, rule 8).
        A heading's title is layout, not content, and does not count."""
        return [
            b
            for b in self.blocks
            if b.status == IMPORTED and b.pointer and _IN_CUSTOM.match(b.pointer)
        ]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "blocks": [b.to_dict() for b in self.sorted()]}
        if self.problems:
            out["problems"] = [p.to_dict() for p in self.problems]
        if self.lost_words:
            out["lost_words"] = [
                {"line": line, "words": found} for line, found in self.lost_by_line()
            ]
        return out

    def lost_by_line(self) -> list[tuple[int, list[str]]]:
        """:attr:`lost_words` grouped by line, in page order."""
        return by_line(self.lost_words)

    def lost_summary(self, lines: int = 5, words: int = 8) -> str:
        """``line 33: mechanisms, token, …; line 40: human`` — the first lost words."""
        parts = []
        for line, found in self.lost_by_line()[:lines]:
            shown = ", ".join(found[:words]) + (", …" if len(found) > words else "")
            parts.append(f"line {line}: {shown}")
        more = len(self.lost_by_line()) - lines
        return "; ".join(parts) + (f"; and {more} more line(s)" if more > 0 else "")

    def sorted(self) -> list[Block]:
        return sorted(self.blocks, key=lambda b: (b.start, b.end))

    def format_text(self) -> str:
        """One line per block: ``file:12-14  imported  /work/0``."""
        lines = []
        for b in self.sorted():
            span = f"{b.start}" if b.start == b.end else f"{b.start}-{b.end}"
            target = b.pointer if b.pointer is not None else ""
            detail = b.reason
            if b.text and b.status != IMPORTED:
                detail = f"{detail}: {b.text!r}" if detail else repr(b.text)
            lines.append(one_line(f"{self.file}:{span}\t{b.status}\t{target}\t{detail}".rstrip()))
        for p in self.problems:
            lines.append(one_line(f"{p.file}:{p.line}\tproblem\t\t{p.message}"))
        for line, found in self.lost_by_line():
            text = "words that reached no standard field: " + ", ".join(found)
            lines.append(one_line(f"{self.file}:{line}\tlost\t\t{text}"))
        return "\n".join(lines)


def by_line(pairs: Iterable[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """(line, word) pairs grouped by line, lines in order, words as they came."""
    out: dict[int, list[str]] = {}
    for line, word in pairs:
        out.setdefault(line, []).append(word)
    return sorted(out.items())


def _excerpt(text: str, limit: int = 60) -> str:
    if not text:
        return text  # most blocks: imported, nothing to quote
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
