"""The package's error types: each one says where, what is wrong, and what to do.

Importers and exporters raise nothing else on bad input; the CLI turns these into one
line on stderr and an exit status, never a traceback.
"""

from __future__ import annotations


class ResumeconvError(Exception):
    """Base of every error this package raises on purpose.

    ``file``/``line``/``column`` locate the problem when it is known (1-based);
    ``hint`` tells the user what to do about it.
    """

    #: Process exit status the CLI uses for this kind of error.
    exit_code = 2
    #: The rule name ``validate`` reports this error under.
    rule = "unreadable"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint

    def located(self, file: str | None) -> ResumeconvError:
        """Fill in the file name if the raiser did not know it; returns self."""
        if self.file is None:
            self.file = file
        return self

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(ResumeconvError):
    """The input cannot be read or parsed: missing, binary, too large, malformed."""


class NotAResumeError(InputError):
    """The input reads, but it is not a resume (no resume content, or another format)."""

    rule = "not-a-resume"


class UsageError(ResumeconvError):
    """The request itself is wrong: unknown format, conflicting options, output = input."""


class OutputError(ResumeconvError):
    """An output cannot be written (permissions, missing folder, disk full)."""


class ExportError(ResumeconvError):
    """An exporter could not render the resume (engine failure, missing template)."""
