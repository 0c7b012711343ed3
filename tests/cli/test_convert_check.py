"""``convert --check``: exit 1 naming each output that is missing or differs, 0 when current,
and never a write. It relies on deterministic writers, so their bytes are checked too:
twice in one process, and in two fresh processes a few seconds apart in other time zones.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import resumeconv
from resumeconv import cli

from conftest import REPO

ROOT = REPO
EXAMPLE = ROOT / "fixtures" / "example" / "cv.md"
EXPORT_FIXTURES = sorted((ROOT / "fixtures" / "export").glob("*.json"))
FORMATS = ("json", "yaml", "markdown", "html", "docx", "pdf")
EXT = {"json": "json", "yaml": "yaml", "markdown": "md", "html": "html", "docx": "docx"}
EXT["pdf"] = "pdf"


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``folder`` with its bytes, mtime and inode."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = cli.main(["convert", *args, "--no-progress", "--jobs", "1"])
    return code, capsys.readouterr().err.strip().splitlines()


@pytest.fixture
def site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """The seed page converted to ``out/`` as html, md and json."""
    src = tmp_path / "cv.md"
    src.write_bytes(EXAMPLE.read_bytes())
    code, err = _run([str(src), "-o", f"{tmp_path}/out/", "-t", "html,md,json"], capsys)
    assert code == 0, err
    return src, tmp_path / "out"


def _check(src: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    return _run([str(src), "-o", f"{out}/", "-t", "html,md,json", "--check"], capsys)


def test_current_outputs_pass(site: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    src, out = site
    before = _snapshot(out)
    assert sorted(before) == ["cv.html", "cv.json", "cv.md"]
    code, err = _check(src, out, capsys)
    assert code == 0, err
    assert err == []
    assert _snapshot(out) == before


def test_a_changed_output_is_named(
    site: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = site
    html = out / "cv.html"
    html.write_bytes(html.read_bytes().replace(b"</body>", b"<!-- edited --></body>"))
    before = _snapshot(out)
    code, err = _check(src, out, capsys)
    assert code == 1
    assert len(err) == 1, err
    assert err[0].startswith(f"resumeconv: {html}: out of date")
    assert str(src) in err[0] and "without --check" in err[0]
    assert _snapshot(out) == before


def test_missing_and_changed_outputs_are_each_named(
    site: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = site
    (out / "cv.md").unlink()
    (out / "cv.json").write_text("{}\n")
    before = _snapshot(out)
    code, err = _check(src, out, capsys)
    assert code == 1
    assert sorted(err) == sorted(
        [
            f"resumeconv: {out / 'cv.md'}: missing (make it with the same command without --check)",
            f"resumeconv: {out / 'cv.json'}: out of date (differs from what {src} gives now; "
            "regenerate it with the same command without --check)",
        ]
    )
    assert _snapshot(out) == before


def test_changed_input_makes_every_output_stale(
    site: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = site
    src.write_text(
        src.read_text().replace("Example Institute of Technology", "Other Institute of Technology")
    )
    before = _snapshot(out)
    code, err = _check(src, out, capsys)
    assert code == 1
    assert len(err) == 3 and all("out of date" in line for line in err)
    assert _snapshot(out) == before


def test_check_creates_no_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "cv.md"
    src.write_bytes(EXAMPLE.read_bytes())
    code, err = _check(src, tmp_path / "never", capsys)
    assert code == 1
    assert len(err) == 3 and all(": missing (" in line for line in err)
    assert not (tmp_path / "never").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.md"]


def test_check_with_an_unreadable_input_is_exit_2(
    site: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = site
    src.write_bytes(b"\x00binary")
    before = _snapshot(out)
    code, err = _check(src, out, capsys)
    assert code == 2
    assert err[0].startswith(f"resumeconv: {src}: file is binary")
    assert _snapshot(out) == before


def test_single_file_output_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "cv.md"
    src.write_bytes(EXAMPLE.read_bytes())
    pdf = tmp_path / "cv.pdf"
    assert _run([str(src), "-o", str(pdf)], capsys)[0] == 0
    stamp = pdf.stat().st_mtime_ns
    assert _run([str(src), "-o", str(pdf), "--check"], capsys) == (0, [])
    assert _run([str(src), "-o", str(pdf), "--check", "--paper", "letter"], capsys)[0] == 1
    assert pdf.stat().st_mtime_ns == stamp


# --------------------------------------------------------------------------- determinism


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_resume_same_bytes_in_one_process(fmt: str) -> None:
    resume = resumeconv.load(EXAMPLE)
    first = resumeconv.render(resume, fmt)
    again = resumeconv.render(resumeconv.load(EXAMPLE), fmt)
    assert first, fmt
    assert first == again, fmt


@pytest.mark.parametrize("path", EXPORT_FIXTURES, ids=[p.name for p in EXPORT_FIXTURES])
@pytest.mark.parametrize("fmt", ["json", "yaml", "html"])
def test_export_fixtures_render_the_same_twice(path: Path, fmt: str) -> None:
    # Markdown is left out here: its writer reads its output back to reach a fixpoint,
    # which takes seconds on the XSS fixture; the seed page covers it above.
    assert resumeconv.render(resumeconv.load(path), fmt) == resumeconv.render(
        resumeconv.load(path), fmt
    )


def test_same_bytes_in_fresh_processes_at_other_times_and_zones(tmp_path: Path) -> None:
    """What --check in CI compares: a new process, later, maybe in another time zone."""
    formats = ",".join(EXT[f] for f in FORMATS)
    folders = []
    for zone in ("UTC", "Asia/Shanghai"):
        out = tmp_path / zone.replace("/", "_")
        env = {**os.environ, "TZ": zone, "LC_ALL": "C.UTF-8"}
        env.pop("SOURCE_DATE_EPOCH", None)
        command = [sys.executable, "-m", "resumeconv", "convert", str(EXAMPLE), "-o", f"{out}/"]
        subprocess.run(
            [*command, "-t", formats, "--no-progress"],
            check=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
        )
        folders.append(out)
        time.sleep(2.1)  # ZIP and PDF dates have 2 s / 1 s resolution: make them differ
    first, second = (_snapshot(f) for f in folders)
    assert sorted(first) == sorted(f"cv.{EXT[f]}" for f in FORMATS)
    for name in first:
        assert first[name][0] == second[name][0], name


def test_check_refuses_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "cv.md"
    src.write_bytes(EXAMPLE.read_bytes())
    code, err = _run([str(src), "-o", "-", "-t", "json", "--check"], capsys)
    assert code == 2
    assert err == [f"resumeconv: {src}: --check compares files; it cannot check stdout (use -o)"]
