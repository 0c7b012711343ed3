"""Reading inputs safely: size limit, UTF-8 (or UTF-16/32 with a BOM), no directories,
stdin, CRLF folded.

Every importer receives a :class:`Source`, never a path, so that these checks happen once
and every error names the file.
"""

from __future__ import annotations

import os
import re
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
    """Text with CRLF/CR folded to LF: UTF-8 (a BOM, or two, dropped), or UTF-16/UTF-32
    with a byte-order mark; a clear error for anything else."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"file is {len(data) // 1024} KiB, over the {_LIMIT_MIB} MiB limit",
            file=name,
            hint="a resume is a few kilobytes; check that this is the right file",
        )
    wide = _wide_encoding(data)
    text = _decode_wide(data, wide, name) if wide is not None else _decode_utf8(data, name)
    if text.startswith("\ufeff"):  # a second BOM: an editor added one to a file that had one
        text = text.lstrip("\ufeff")
        if not text.strip():
            raise InputError("file is empty", file=name, hint="write the resume into it first")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 when the data starts with its byte-order mark (Windows Notepad saves
    "Unicode" as UTF-16 LE with a BOM); None for everything else, read as UTF-8."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def _decode_wide(data: bytes, encoding: str, name: str) -> str:
    """A UTF-16/32 file with its BOM (the codec reads the BOM and drops it)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode(encoding, "replace")
        line = before.count("\n") + 1
        where = f"byte {exc.start}"
        if exc.end - exc.start > 1:
            where = f"bytes {exc.start}-{exc.end - 1}"
        raise InputError(
            f"{where} is not valid {encoding.upper()} ({exc.reason})",
            file=name,
            line=line,
            column=len(before) - (before.rfind("\n") + 1) + 1,
            hint=f"the file starts with a {encoding.upper()} byte-order mark; save it again"
            " as UTF-8",
        ) from None
    if not text.strip("\ufeff \t\r\n"):
        raise InputError("file is empty", file=name, hint="write the resume into it first")
    if "\x00" in text[:8192]:
        raise InputError(
            "file is binary data, not text", file=name, hint="give a .md, .json or .yaml file"
        )
    return text


def _decode_utf8(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError("file is empty", file=name, hint="write the resume into it first")
    if b"\x00" in data[:8192]:
        raise InputError(
            "file is binary data, not text", file=name, hint="give a .md, .json or .yaml file"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
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


#: Longest file name (one path component) and path, in bytes, that file systems store
#: (ext4, XFS, APFS, NTFS: 255 per name; Linux: 4,096 for a path).
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4095


def name_too_long(path: str) -> str | None:
    """Why ``path`` cannot name a file on a common file system, or None when it can.
    Checked before any ``stat``: Python raises ``OSError`` from ``Path.is_dir`` for it."""
    raw = os.fsencode(path)
    if len(raw) > MAX_PATH_BYTES:
        return f"path is too long ({len(raw):,} bytes; file systems allow {MAX_PATH_BYTES:,})"
    longest = max(raw.split(os.fsencode(os.sep)), key=len)
    if len(longest) > MAX_NAME_BYTES:
        return (
            f"file name is too long ({len(longest)} bytes; file systems allow"
            f" {MAX_NAME_BYTES} per name)"
        )
    return None


_RESUME_KEYS = {
    *("$schema", "basics", "work", "volunteer", "education", "awards", "certificates"),
    *("publications", "skills", "languages", "interests", "references", "projects", "meta"),
}
_YAML_KEY = re.compile(r"""(?:[A-Za-z_$][\w$ .-]*|"[^"\n]*"|'[^'\n]*'):(?:[ \t]|$)""")


def sniff_format(text: str) -> str | None:
    """The format of a text that has no file name (stdin), from how it starts: ``{``, ``[``
    or a ``//`` / ``/*`` comment (JSONC) → ``json``; front matter (``---`` … ``---``) or a
    ``#`` heading → ``markdown``; ``key:`` lines (every unindented line a key, ``#`` lines
    comments) → ``yaml``, or ``rendercv`` when a top-level key is ``cv:``
    (:func:`is_rendercv`); ``@article{key,`` → ``bibtex``; None when it is none of these."""
    from resumeconv.importers.kinds import looks_like_bibtex

    if looks_like_bibtex(text):
        return "bibtex"
    body = text.lstrip()
    if body[:1] in ("{", "[") or body.startswith(("//", "/*")):  # "//": JSONC's comments
        return "json"
    lines = body.split("\n")
    if lines[0].rstrip() == "---" and any(line.rstrip() == "---" for line in lines[1:]):
        return "markdown"
    top = [
        line
        for line in lines
        if line.strip() and not line[0].isspace() and line.rstrip() not in ("---", "...")
    ]
    content = [line for line in top if not line.startswith("#")]
    headings = any(re.match(r"#{1,6}(?:[ \t]|$)", line) for line in top)
    if content and all(_YAML_KEY.match(line) or line.startswith("- ") for line in content):
        keys = {line.split(":", 1)[0].strip("\"' ") for line in content}
        # "# Jane Doe" then "Email: …" lines is a page's header, unless a key is a resume's
        if _YAML_KEY.match(content[0]) and (not headings or keys & (_RESUME_KEYS | {"cv"})):
            return "rendercv" if is_rendercv(text) else "yaml"
    if headings or re.search(r"^\S.*\n(?:=+|-+)[ \t]*$", body, re.M):
        return "markdown"
    return None


_TOP_KEY = re.compile(
    r"""^(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z_$][\w$ .-]*?))[ \t]*:(?:[ \t]|$)""", re.M
)


def is_rendercv(text: str) -> bool:
    """Whether a YAML text is a RenderCV file: its top level has ``cv:`` and no JSON
    Resume key. Decides between the YAML and RenderCV readers whatever the file's name."""
    keys = {next(g for g in m.groups() if g is not None) for m in _TOP_KEY.finditer(text)}
    return "cv" in keys and not keys & _RESUME_KEYS


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
