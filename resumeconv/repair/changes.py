"""What a repair is made of: each change, what could not be fixed, the result of a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: ``Change.after`` of a value that was removed (empty, or an ongoing end date).
REMOVED = None


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: which rule, where (JSON pointer, 1-based line of the input), before/after.

    ``after`` is :data:`REMOVED` (None) when the value was dropped; ``moved_to`` is the
    pointer of a value that was moved (a renamed field)."""

    rule: str
    pointer: str
    line: int | None
    before: Any
    after: Any
    message: str
    moved_to: str | None = None


@dataclass(frozen=True, slots=True)
class Unfixed:
    """A value no rule could repair: it stays where it was, and this says why."""

    pointer: str
    line: int | None
    value: Any
    reason: str


@dataclass(slots=True)
class Fixed:
    """What ``fix`` made of one file: the new text, every change, what is left."""

    name: str
    format: str
    original: str
    text: str
    changes: list[Change]
    unfixed: list[Unfixed]
    issues: list[Any]
    """Validation findings (:class:`resumeconv.validation.Issue`) of the new text."""

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def valid(self) -> bool:
        """The repaired document validates (warnings allowed)."""
        return not any(issue.is_error for issue in self.issues)

    def diff(self, to_name: str | None = None) -> str:
        """A unified diff from the original text to the repaired one."""
        import difflib

        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.text.replace("\r\n", "\n").splitlines(keepends=True),
            fromfile=self.name,
            tofile=to_name or self.name,
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass(slots=True)
class Context:
    """What the rules share: input positions by JSON pointer, and the unfixed values."""

    positions: dict[str, tuple[int, int]]
    unfixed: list[Unfixed] = field(default_factory=list)

    def line(self, pointer: str) -> int | None:
        """The input line of ``pointer``, or of its nearest ancestor the input has."""
        while True:
            pos = self.positions.get(pointer)
            if pos is not None:
                return pos[0]
            if not pointer:
                return None
            pointer = pointer.rsplit("/", 1)[0]

    def cannot(self, pointer: str, value: Any, reason: str) -> None:
        self.unfixed.append(Unfixed(pointer, self.line(pointer), value, reason))
