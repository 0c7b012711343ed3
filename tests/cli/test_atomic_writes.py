"""Atomic outputs: a temp file in the same folder, renamed into place, or nothing at all.

A failure at any point (writer error, disk full half-way, rename refused, Ctrl-C) must
leave an existing output byte-for-byte as it was and no temporary file behind.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from resumeconv import cli, outputs
from resumeconv.errors import ExportError, OutputError, UsageError

RESUME = '{"basics": {"name": "Ada Lovelace"}, "work": [{"name": "Analytical Engines"}]}\n'
OLD = b"old output, must survive\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return out


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def umask() -> Any:
    """Set a umask for one test and restore it afterwards."""
    saved = os.umask(0o022)
    os.umask(saved)

    def set_mask(mask: int) -> None:
        os.umask(mask)

    yield set_mask
    os.umask(saved)


# --------------------------------------------------------------------------- write_atomic


def test_new_file_is_written_whole(folder: Path) -> None:
    target = folder / "cv.html"
    outputs.write_atomic(target, b"<p>hello</p>\n")
    assert target.read_bytes() == b"<p>hello</p>\n"
    assert _names(folder) == ["cv.html"]


def test_replacing_swaps_the_file_in_one_rename(folder: Path) -> None:
    """A reader that opened the old file keeps reading the old bytes; the path gets new ones."""
    target = folder / "cv.html"
    target.write_bytes(OLD)
    old_inode = target.stat().st_ino
    with target.open("rb") as reader:
        outputs.write_atomic(target, b"new\n")
        assert reader.read() == OLD
    assert target.read_bytes() == b"new\n"
    assert target.stat().st_ino != old_inode
    assert _names(folder) == ["cv.html"]


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_permissions_follow_the_umask(folder: Path, umask: Any, mask: int, mode: int) -> None:
    umask(mask)
    target = folder / "cv.json"
    outputs.write_atomic(target, b"{}\n")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    # mkstemp makes 0600 files; replacing an existing file still follows the umask.
    target.chmod(0o600 if mode != 0o600 else 0o644)
    outputs.write_atomic(target, b"{}\n")
    assert stat.S_IMODE(target.stat().st_mode) == mode


class _HalfWriter:
    """A file object that writes half of the data, then fails as a full disk would."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fileno(self) -> int:
        return self.real.fileno()


def test_disk_full_half_way_keeps_the_old_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "cv.pdf"
    target.write_bytes(OLD)
    real_fdopen = os.fdopen
    monkeypatch.setattr(outputs.os, "fdopen", lambda fd, mode: _HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(OutputError, match="No space left on device") as info:
        outputs.write_atomic(target, b"x" * 100_000)
    assert info.value.file == str(target)
    assert target.read_bytes() == OLD
    assert _names(folder) == ["cv.pdf"]


def test_failed_fsync_keeps_the_old_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = folder / "cv.pdf"
    target.write_bytes(OLD)

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(outputs.os, "fsync", broken_fsync)
    with pytest.raises(OutputError, match="Input/output error"):
        outputs.write_atomic(target, b"new")
    assert target.read_bytes() == OLD
    assert _names(folder) == ["cv.pdf"]


def test_refused_rename_keeps_the_old_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = folder / "cv.docx"
    target.write_bytes(OLD)

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(outputs.os, "replace", refuse)
    with pytest.raises(OutputError, match="Permission denied"):
        outputs.write_atomic(target, b"new")
    assert target.read_bytes() == OLD
    assert _names(folder) == ["cv.docx"]


def test_interrupt_while_writing_leaves_no_temp_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "cv.html"
    target.write_bytes(OLD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        outputs.write_atomic(target, b"new")
    assert target.read_bytes() == OLD
    assert _names(folder) == ["cv.html"]


def test_output_that_is_a_folder_is_refused(folder: Path) -> None:
    (folder / "cv.html").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        outputs.write_atomic(folder / "cv.html", b"x")
    assert _names(folder) == ["cv.html"]


def test_dash_is_not_a_file_name(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-`` means stdout on the command line; the library never writes a file called -."""
    monkeypatch.chdir(folder)
    with pytest.raises(UsageError, match="stdout"):
        outputs.write_atomic("-", b"x")
    assert _names(folder) == []


# --------------------------------------------------------------------------- through the CLI


def _convert(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["convert", *args, "--no-progress", "--jobs", "1"])
    return code, capsys.readouterr().err


@pytest.fixture
def src(tmp_path: Path) -> Path:
    path = tmp_path / "cv.json"
    path.write_text(RESUME)
    return path


def test_exporter_error_keeps_existing_outputs(
    src: Path, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "cv.html").write_bytes(OLD)
    (folder / "cv.yaml").write_bytes(OLD)

    def failing(resume: Any, options: Any) -> bytes:
        raise ExportError("template broke", hint="fix the theme")

    monkeypatch.setattr("resumeconv.exporters.html.write", failing)
    code, err = _convert([str(src), "-o", f"{folder}/", "-t", "yaml,html"], capsys)
    assert code == 2
    assert "template broke" in err and "Traceback" not in err
    # yaml rendered fine, but nothing is written when any output of the job fails
    assert (folder / "cv.html").read_bytes() == OLD
    assert (folder / "cv.yaml").read_bytes() == OLD
    assert _names(folder) == ["cv.html", "cv.yaml"]


def test_exporter_bug_keeps_existing_outputs(
    src: Path, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "cv.json").write_bytes(OLD)

    def buggy(resume: Any, options: Any) -> bytes:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("resumeconv.exporters.json.write", buggy)
    code, err = _convert([str(src), "-o", str(folder / "cv.json")], capsys)
    assert code == 2
    assert err.startswith("resumeconv: ") and "internal error (ZeroDivisionError" in err
    assert "Traceback" not in err
    assert (folder / "cv.json").read_bytes() == OLD
    assert _names(folder) == ["cv.json"]


def test_disk_full_through_the_cli(
    src: Path, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "cv.html").write_bytes(OLD)
    real_fdopen = os.fdopen
    monkeypatch.setattr(outputs.os, "fdopen", lambda fd, mode: _HalfWriter(real_fdopen(fd, mode)))
    code, err = _convert([str(src), "-o", str(folder / "cv.html")], capsys)
    assert code == 2
    assert err.strip() == (
        f"resumeconv: {folder / 'cv.html'}: cannot write: No space left on device"
    )
    assert (folder / "cv.html").read_bytes() == OLD
    assert _names(folder) == ["cv.html"]


def test_successful_convert_replaces_every_output(
    src: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("cv.html", "cv.json", "cv.yaml"):
        (folder / name).write_bytes(OLD)
    code, err = _convert([str(src), "-o", f"{folder}/", "-t", "html,json,yaml"], capsys)
    assert code == 0, err
    assert b"Ada Lovelace" in (folder / "cv.html").read_bytes()
    assert (folder / "cv.json").read_bytes().startswith(b"{\n")
    assert (folder / "cv.yaml").read_bytes().startswith(b"basics:")
    assert _names(folder) == ["cv.html", "cv.json", "cv.yaml"]


def test_library_dump_and_convert_are_atomic_too(
    src: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import resumeconv

    resume = resumeconv.load(src)
    target = folder / "cv.yaml"
    target.write_bytes(OLD)

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outputs.os, "fsync", broken_fsync)
    with pytest.raises(OutputError):
        resumeconv.dump(resume, target)
    with pytest.raises(OutputError):
        resumeconv.convert(src, target)
    assert target.read_bytes() == OLD
    assert _names(folder) == ["cv.yaml"]


# --------------------------------------------------------------------------- special targets


def test_a_symlinked_output_updates_its_target_and_keeps_the_link(folder: Path) -> None:
    real = folder / "real.html"
    real.write_bytes(OLD)
    link = folder / "cv.html"
    link.symlink_to("real.html")
    outputs.write_atomic(link, b"new\n")
    assert link.is_symlink() and os.readlink(link) == "real.html"
    assert real.read_bytes() == b"new\n"
    assert _names(folder) == ["cv.html", "real.html"]


def test_a_pipe_is_written_into_not_renamed_over(folder: Path) -> None:
    """``-o /dev/stdout`` or ``-o /dev/null`` must never replace the device with a file
    (as root that would break the machine); a FIFO stands in for them here."""
    import threading

    pipe = folder / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    outputs.write_atomic(pipe, b"through the pipe\n")
    reader.join(timeout=30)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert _names(folder) == ["pipe"]


def test_dev_full_is_a_clear_error() -> None:
    if not Path("/dev/full").is_char_device():
        pytest.skip("no /dev/full here")
    with pytest.raises(OutputError, match="No space left on device"):
        outputs.write_atomic("/dev/full", b"x" * 10)
    assert Path("/dev/full").is_char_device()
