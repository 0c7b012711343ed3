"""--strict refuses a page whose text reached only a custom section of meta.x-resumeconv,
where no JSON Resume tool reads it (issue 12, rule 8: meta does not count)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from resumeconv.report import IMPORTED, ImportReport

from conftest import SHARED, needs_shared


def test_meta_only_lists_content_blocks_of_custom_sections_not_headings() -> None:
    report = ImportReport("cv.md")
    report.add(1, 1, IMPORTED, "/meta/x-resumeconv/sections")  # a heading: layout
    report.add(3, 4, IMPORTED, "/work/0")
    report.add(6, 8, IMPORTED, "/meta/x-resumeconv/sections/1/entries/0")
    report.add(9, 9, IMPORTED, "/meta/x-resumeconv/sections/1/text")
    assert [b.start for b in report.meta_only()] == [6, 9]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumeconv", *args], capture_output=True, text=True
    )


@needs_shared
def test_a_research_statement_paragraph_is_no_longer_meta_only(tmp_path: Path) -> None:
    """c12's research-interests paragraph (line 33) was the corpus's one text reaching only
    a custom section; it is basics.summary now, and --strict accepts the page."""
    page = SHARED / "corpus" / "c12" / "cv.md"
    out = tmp_path / "cv.json"
    strict = run("convert", str(page), "-o", str(out), "--strict")
    assert strict.returncode == 0, strict.stderr
    assert (
        "organizational theory" in json.loads(out.read_text(encoding="utf-8"))["basics"]["summary"]
    )


def test_strict_accepts_a_page_whose_sections_all_have_homes(tmp_path: Path) -> None:
    page = tmp_path / "cv.md"
    page.write_text(
        "Education\n=========\n\n* Ph.D. in Physics, Example University, 2020\n\n"
        "Research Interests\n==================\n\nI study how small things grow.\n",
        encoding="utf-8",
    )
    run_ = run("convert", str(page), "-o", str(tmp_path / "cv.json"), "--strict")
    assert run_.returncode == 0, run_.stderr
