"""The user's own CV page converts exactly to the JSON written by hand for it."""

from __future__ import annotations

import json
import subprocess
import sys

import resumeconv
from resumeconv.model import SCHEMA_URL
from resumeconv.report import IMPORTED, SKIPPED, UNMAPPED

from conftest import FIXTURES, SEED, needs_seed

pytestmark = needs_seed  # the page is read from ../shared/seed (a real person's CV)

EXPECTED = json.loads((FIXTURES / "seed" / "cv.expected.json").read_text(encoding="utf-8"))


def test_seed_imports_to_the_expected_json() -> None:
    assert resumeconv.load(SEED).to_dict() == EXPECTED


def test_seed_is_valid_json_resume() -> None:
    issues = resumeconv.validate(resumeconv.load(SEED))
    assert [i for i in issues if i.is_error] == []


def test_every_line_of_the_seed_is_accounted_for() -> None:
    """Nothing is lost silently: each non-blank line is in an imported or skipped block."""
    report = resumeconv.load(SEED).import_report
    lines = SEED.read_text(encoding="utf-8").split("\n")
    covered = set()
    for block in report.blocks:
        covered.update(range(block.start, block.end + 1))
    missing = [n for n, text in enumerate(lines, 1) if text.strip() and n not in covered]
    assert missing == []
    assert not report.unmapped()


def test_seed_report_explains_what_was_not_imported() -> None:
    blocks = resumeconv.load(SEED).import_report.blocks
    reasons = {b.reason for b in blocks if b.status == SKIPPED}
    assert any("commented out" in r for r in reasons)  # Talks, Service: hidden on the page
    assert any("site.publications" in r and "--site" in r for r in reasons)
    assert any(b.status == IMPORTED and b.pointer == "/projects/3" for b in blocks)
    assert all(b.status != UNMAPPED for b in blocks)


def test_cli_converts_seed_to_json_and_strict_passes(tmp_path) -> None:
    out = tmp_path / "cv.json"
    proc = subprocess.run(
        [sys.executable, "-m", "resumeconv", "convert", str(SEED), "-o", str(out), "--strict"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    assert next(iter(written)) == "$schema"  # first, for editor completion
    assert written == {"$schema": SCHEMA_URL, **EXPECTED}


def test_cli_report_lists_blocks(tmp_path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "resumeconv",
            "convert",
            str(SEED),
            "-o",
            str(tmp_path / "x.yaml"),
            "--report",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    assert "cv.md:15\timported\t/education/0" in proc.stderr
    assert "commented out" in proc.stderr
