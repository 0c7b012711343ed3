"""Validation findings as objects: severity, JSON pointer, source position, message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(slots=True)
class Issue:
    """One finding. ``pointer`` is a JSON pointer into the resume (``""`` is the root)."""

    severity: str
    pointer: str
    message: str
    rule: str
    file: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "rule": self.rule,
            "pointer": self.pointer,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }

    def format_text(self) -> str:
        """``cv.md:12:3: error: /work/0/startDate: … [rule]``"""
        where = self.file or "<resume>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        target = self.pointer or "/"
        return f"{where}: {self.severity}: {target}: {self.message} [{self.rule}]"
