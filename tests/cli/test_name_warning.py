"""A resume without a name gets a warning that names the fix; the seed page inside its
site prints the site author's name on top."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from resumeconv import cli

from conftest import EXAMPLE

CONFIG = """title: "Site"
author:
  name: "Ada Example"
  email: "ada@example.org"
"""


def _convert(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["convert", *args, "--no-progress", "--jobs", "1"])
    return code, capsys.readouterr().err


def test_a_page_without_a_name_is_warned_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "cv.md"
    page.write_bytes(EXAMPLE.read_bytes())
    code, err = _convert([str(page), "-o", f"{tmp_path}/out/", "-t", "pdf,html"], capsys)
    assert code == 0
    lines = [line for line in err.splitlines() if "has no name" in line]
    assert len(lines) == 1, err
    assert str(page) in lines[0] and "--site DIR" in lines[0] and "name:" in lines[0]
    assert "front matter" in lines[0]


def test_a_json_resume_without_a_name_is_told_to_add_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "r.json"
    src.write_text('{"work": [{"name": "Lab"}]}', encoding="utf-8")
    code, err = _convert([str(src), "-o", str(tmp_path / "r.html")], capsys)
    assert code == 0 and 'add "name" to "basics"' in err


def test_no_warning_for_data_formats_or_a_named_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "cv.md"
    page.write_bytes(EXAMPLE.read_bytes())
    _, err = _convert([str(page), "-o", str(tmp_path / "cv.json")], capsys)
    assert "has no name" not in err
    named = tmp_path / "named.md"
    named.write_text(
        "---\nname: Ada Example\n---\n" + EXAMPLE.read_text(encoding="utf-8").split("---", 2)[2]
    )
    _, err = _convert([str(named), "-o", str(tmp_path / "named.html")], capsys)
    assert "has no name" not in err
    assert "<h1>Ada Example</h1>" in (tmp_path / "named.html").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_the_seed_page_in_its_site_prints_the_author_on_top(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "_pages").mkdir(parents=True)
    (site / "_config.yml").write_text(CONFIG, encoding="utf-8")
    page = site / "_pages" / "cv.md"
    page.write_bytes(EXAMPLE.read_bytes())
    code, err = _convert([str(page), "-o", str(tmp_path / "cv.pdf")], capsys)
    assert code == 0 and "has no name" not in err
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "cv.pdf"), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert text.strip().splitlines()[0] == "Ada Example"
