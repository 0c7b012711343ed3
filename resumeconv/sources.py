"""Reading inputs safely: size limit, UTF-8 only, no directories, stdin, CRLF folded.

Every importer receives a :class:`Source`, never a path, so that these checks happen once
and every error names the file.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from resumeconv.errors import InputError

#: Largest input accepted. A CV is a few kilobytes; anything near this is not a CV.
MAX_INPUT_BYTES = 1024 * 1024
_LIMIT_MIB = MAX_INPUT_BYTES // (1024 * 1024)


@dataclass(slots=True)
class Source:
    """The text of one input, with its name for messages and its folder for site lookup."""

    text: str
    name: str = "<string>"
    path: Path | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        import bisect

        if not self._line_starts:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        return bisect.bisect_right(self._line_starts, offset)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text with CRLF/CR folded to LF; a clear error for anything else."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"file is {len(data) // 1024} KiB, over the {_LIMIT_MIB} MiB limit",
            file=name,
            hint="a resume is a few kilobytes; check that this is the right file",
        )
    if not data.strip():
        raise InputError("file is empty", file=name, hint="write the resume into it first")
    if b"\x00" in data[:8192]:
        raise InputError(
            "file is binary data, not text", file=name, hint="give a .md, .json or .yaml file"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise InputError(
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
            file=name,
            line=line,
            column=column,
            hint="save the file as UTF-8; it looks like Latin-1 or another legacy encoding",
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _folder_error(name: str) -> InputError:
    return InputError("is a folder, not a file", file=name, hint="name the CV file inside it")


def _read_limited(fh: BinaryIO) -> bytes:
    """At most ``MAX_INPUT_BYTES + 1`` bytes. A regular file is read at its size (+1 to
    see growth): ``read(1 MiB)`` allocates the whole buffer first, 40 µs for a 3 KiB page
    against 10; pipes, devices and /proc files (size 0) are read up to the limit."""
    size = os.fstat(fh.fileno()).st_size
    if not 0 < size <= MAX_INPUT_BYTES:
        return fh.read(MAX_INPUT_BYTES + 1)
    data = fh.read(size + 1)
    if len(data) > size:  # it grew since fstat: the rest, up to the limit
        data += fh.read(MAX_INPUT_BYTES + 1 - len(data))
    return data


def read_source(path: str | os.PathLike[str]) -> Source:
    """Read a file (or ``-`` for stdin) into a :class:`Source`."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return Source(decode(data, "<stdin>"), name="<stdin>")
    p = Path(path)
    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = _read_limited(fh)
    except FileNotFoundError:
        raise InputError("no such file", file=name, hint="check the path") from None
    except IsADirectoryError:
        raise _folder_error(name) from None
    except PermissionError:
        if os.path.isdir(path):  # Windows opens no folder, with this error
            raise _folder_error(name) from None
        raise InputError("permission denied", file=name, hint="make the file readable") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=name) from None
    if len(data) > MAX_INPUT_BYTES:
        size = p.stat().st_size
        what = f"file is {size // (1024 * 1024)} MiB," if size > MAX_INPUT_BYTES else "input is"
        raise InputError(
            f"{what} over the {_LIMIT_MIB} MiB limit",
            file=name,
            hint="a resume is a few kilobytes; check that this is the right file",
        )
    return Source(decode(data, name), name=name, path=p)
