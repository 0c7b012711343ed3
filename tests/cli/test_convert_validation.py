"""``convert`` never writes a schema-invalid document silently (issue 14).

It prints each validation error as a warning with file:line after writing; ``--strict``
refuses to write the document (exit 1, nothing written).
"""

from __future__ import annotations

from pathlib import Path

from resumeconv.cli import main

from conftest import FIXTURES

INVALID = FIXTURES / "validation" / "invalid.json"
VALID = FIXTURES / "validation" / "valid.json"


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": warning: " in line]


def test_invalid_resume_is_written_with_its_findings_as_warnings(tmp_path: Path, capsys):
    out = tmp_path / "cv.html"
    assert main(["convert", str(INVALID), "-o", str(out), "--no-progress"]) == 0
    assert out.stat().st_size > 0
    warnings = _warnings(capsys.readouterr().err)
    assert f"resumeconv: {INVALID}:4:5: warning: /basics/email: " in warnings[0]
    assert any(f"{INVALID}:18:7: warning: /work/1/endDate" in w for w in warnings)
    assert len(warnings) == 6


def test_strict_refuses_an_invalid_resume_and_writes_nothing(tmp_path: Path, capsys):
    out = tmp_path / "cv.json"
    assert main(["convert", str(INVALID), "-o", str(out), "--no-progress", "--strict"]) == 1
    err = capsys.readouterr().err
    assert len(_warnings(err)) == 6
    assert "not written: the resume has 6 validation error(s) (--strict)" in err
    assert not out.exists()


def test_a_valid_resume_converts_without_warnings(tmp_path: Path, capsys):
    out = tmp_path / "cv.json"
    assert main(["convert", str(VALID), "-o", str(out), "--no-progress", "--strict"]) == 0
    assert _warnings(capsys.readouterr().err) == []
    assert out.exists()


def test_batch_reports_warnings_per_input(tmp_path: Path, capsys):
    out = tmp_path / "out"
    argv = ["convert", str(INVALID), str(VALID), "-o", f"{out}/", "-t", "json", "--no-progress"]
    assert main([*argv, "-j", "2"]) == 0
    warnings = _warnings(capsys.readouterr().err)
    assert len(warnings) == 6 and all(str(INVALID) in w for w in warnings)
    assert sorted(p.name for p in out.iterdir()) == ["invalid.json", "valid.json"]
