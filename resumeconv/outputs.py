"""Writing outputs atomically: a temporary file in the same folder, renamed into place.

A failed run therefore never leaves half a file, and an output path that is one of the
inputs is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from resumeconv.errors import OutputError, UsageError

#: Temporary files being written now (absolute paths): what a signal handler of the CLI
#: removes before the process ends (:func:`remove_temporaries`).
_PENDING: set[str] = set()


def remove_temporaries() -> None:
    """Delete every temporary file this process is writing (for a signal handler: SIGTERM
    ends a process without running its ``finally`` blocks)."""
    for tmp in list(_PENDING):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _PENDING.discard(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_not_input(
    output: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]],
    what: str = "the input file",
) -> None:
    """Refuse to write over an input file (or, with ``what``, another file the run reads)."""
    if str(output) == "-":
        return
    out = Path(output)
    for item in inputs:
        if str(item) == "-":
            continue
        src = Path(item)
        same = False
        try:
            same = out.exists() and src.exists() and os.path.samefile(out, src)
        except OSError:
            same = False
        if same or _resolved(out) == _resolved(src):
            raise UsageError(
                f"output is {what}" + ("" if str(item) == str(output) else f": {item}"),
                file=str(output),
                hint="choose another output name or folder; resumeconv never overwrites "
                "what it reads",
            )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare the path as written
        return path.absolute()


def check_destination(path: str | os.PathLike[str]) -> Path:
    """The folder ``path`` will be written in; an error if that cannot work.

    Called before rendering, so that a run with a bad output path fails before it
    writes any of its outputs.
    """
    try:
        return _check_destination(Path(path))
    except OSError as exc:  # e.g. a folder above it that cannot be searched
        raise OutputError(f"cannot use this output path: {exc.strerror}", file=str(path)) from None


def _check_destination(target: Path) -> Path:
    path = str(target)
    folder = target.parent
    if target.is_dir():
        raise OutputError("is a folder", file=path, hint="give a file name for the output")
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            f"{str(folder)!r} is a file, not a folder",
            file=path,
            hint="choose an output path inside a folder",
        )
    if not folder.is_dir():
        raise OutputError(
            f"folder {str(folder)!r} does not exist",
            file=path,
            hint=f"create it first: mkdir -p {folder}",
        )
    return folder


def make_folder(path: str | os.PathLike[str]) -> None:
    """Create an output folder named with ``-o DIR/`` (and its parents) if it is missing."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(
            "is a file, not a folder", file=str(path), hint="choose another output folder"
        ) from None
    except OSError as exc:
        raise OutputError(
            f"cannot create the output folder: {exc.strerror}",
            file=str(path),
            hint="check the path and the permissions of the folder above it",
        ) from None


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that it appears whole or not at all."""
    if str(path) == "-":
        raise UsageError("'-' means stdout, which is the caller's to write", file="-")
    target = Path(path)
    if _is_special(target):
        _write_through(target, data, str(path))
        return
    if target.is_symlink():  # update the file the link points to; keep the link
        target = Path(os.path.realpath(target))
    folder = check_destination(target)
    try:
        fd, tmp = _create_temporary(str(folder), target.name)
    except OSError as exc:
        raise OutputError(
            f"cannot write in {str(folder)!r}: {exc.strerror}",
            file=str(path),
            hint="check the folder's permissions",
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write: {exc.strerror}", file=str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        _PENDING.discard(tmp)


def backup(path: str | os.PathLike[str]) -> str:
    """Keep ``path`` as ``path.bak`` (its bytes as they are, written atomically) before it
    is replaced; an older ``.bak`` is replaced, as ``sed -i.bak`` does. Returns the name."""
    kept = f"{path}.bak"
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise OutputError(
            f"cannot read it to keep a backup: {exc.strerror}", file=str(path)
        ) from None
    write_atomic(kept, data)
    return kept


def _create_temporary(folder: str, name: str) -> tuple[int, str]:
    """A new private (0600) file ``.NAME.<random>.tmp`` beside the target, opened for writing.

    Not :func:`tempfile.mkstemp`: the name is registered for :func:`remove_temporaries`
    *before* the file exists, so a signal arriving at any moment cannot leave a file that
    no one knows about (mkstemp only tells the name once the file is made).
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = os.path.abspath(os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp"))
        _PENDING.add(tmp)
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileExistsError:
            _PENDING.discard(tmp)
            continue
        except BaseException:
            _PENDING.discard(tmp)
            raise
        return fd, tmp
    raise FileExistsError(f"no free temporary name in {folder}")


def _is_special(target: Path) -> bool:
    """A device, pipe or socket (``/dev/null``, ``/dev/stdout``): never renamed over."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(target: Path, data: bytes, name: str) -> None:
    """Write straight into a special file, as ``cp`` would: it has no contents to keep."""
    try:
        with target.open("wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", file=name) from None
