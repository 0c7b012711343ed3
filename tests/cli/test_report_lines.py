"""Report lines stay lines: a field value with a newline cannot add lines to a text report,
a GitHub Actions log (``::error`` commands) or an error message (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from resumeconv import cli
from resumeconv.cli.reporting import one_line

INJECT = "x\n::error file=a.md,line=1::pwned\r::warning::w\u2028::notice::n\x1b[31m"
DOC = {
    "basics": {"name": "Jane", "email": INJECT, "url": INJECT},
    "work": [{"name": INJECT, "startDate": "2020-13" + INJECT}],
}


def _validate(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    src = tmp_path / "nl\n::error::name.json"  # the file name itself too
    src.write_text(json.dumps(DOC), encoding="utf-8")
    code = cli.main(["validate", str(src), "--no-progress", *args])
    assert code == 1
    out = capsys.readouterr().out
    return out.splitlines(keepends=True)


def test_text_report_lines_hold_no_raw_breaks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _validate(tmp_path, capsys)
    assert len(lines) >= 4  # three findings and the verdict
    for line in lines:
        assert line.endswith("\n")
        body = line[:-1]
        assert not any(ch in body for ch in "\n\r\x1b\u2028\x85"), repr(line)
        assert not body.startswith("::"), line
    assert any("'x\\n::error file=a.md,line=1::pwned\\r::warning::w\\u2028" in ln for ln in lines)
    assert lines[-1].rstrip("\n").endswith("name.json: invalid (3 errors, 0 warnings)")


def test_github_annotations_are_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _validate(tmp_path, capsys, "--format", "github")
    assert len(lines) == 3
    for line in lines:
        assert line.startswith(("::error ", "::warning ")), line
        body = line[:-1]
        assert not any(ch in body for ch in "\n\r\x1b\u2028\x85"), repr(line)
        assert "file=" in body and "%0A%3A%3Aerror%3A%3Aname.json" in body
    assert any("x%0A::error file=a.md,line=1::pwned%0D::warning" in ln for ln in lines)


def test_an_error_message_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "cv\n::error::x.json"
    src.write_text("{", encoding="utf-8")
    code = cli.main(["convert", str(src), "-o", str(tmp_path / "out.html"), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2
    first = err.splitlines()[0]
    assert first.startswith("resumeconv: ") and "cv\\n::error::x.json:" in first, err
    assert not any(line.startswith("::") for line in err.splitlines()), err


@pytest.mark.parametrize(
    ("text", "shown"),
    [("a\nb", "a\\nb"), ("a\r\nb", "a\\r\\nb"), ("tab\tkept", "tab\tkept"), ("\x85", "\\u0085")],
)
def test_one_line(text: str, shown: str) -> None:
    assert one_line(text) == shown


def test_the_import_report_keeps_one_line_per_block(tmp_path) -> None:
    """``--report`` text: a YAML key or a problem message with a line break in it stays
    on its line (escaped), so every line of the report is one block."""
    from resumeconv.report import SKIPPED, ImportReport, Problem

    report = ImportReport("cv.md")
    report.add(1, 2, SKIPPED, "/meta/a\nb", "why\r\n::error title=x::injected")
    report.problems.append(Problem("_talks/x.md", 3, "broken\n::error::injected"))
    lines = report.format_text().split("\n")
    assert len(lines) == 2
    assert "/meta/a\\nb" in lines[0] and "why\\r\\n::error" in lines[0]
    assert "broken\\n::error::injected" in lines[1]


def test_a_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    """`resumeconv fix --diff … | head`: the reader goes away; no traceback, status 141."""
    source = tmp_path / "inv.json"
    source.write_text(json.dumps({"work": [{"startDate": f"x{i}"} for i in range(3000)]}))
    proc = subprocess.Popen(
        [sys.executable, "-m", "resumeconv", "fix", str(source), "--diff", "-o",
         str(tmp_path / "out.json")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err
