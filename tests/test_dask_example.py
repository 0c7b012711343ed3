"""The Dask example in bench/dask_example.py (quoted in docs/benchmark.md) really works.

It maps the pure library API over a bag in worker processes, so it also checks that
``load``/``render`` pickle across processes and give the same bytes as in this process.
Skipped when dask is not installed (it is not a dependency of resumeconv).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")

import resumeconv

from conftest import REPO, SEED, needs_seed

ROOT = REPO
EXAMPLE = ROOT / "bench" / "dask_example.py"
PAGE = SEED  # the user's page, read from ../shared


@needs_seed
def test_dask_example_converts_every_page_like_the_library_does(tmp_path: Path) -> None:
    pages, out = tmp_path / "pages", tmp_path / "out"
    pages.mkdir()
    out.mkdir()
    for name in ("alice", "bob", "carol"):
        shutil.copyfile(PAGE, pages / f"{name}.md")
    proc = subprocess.run(
        [sys.executable, str(EXAMPLE), str(pages), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    resume = resumeconv.load(PAGE.read_bytes(), format="markdown")
    expected_json = resumeconv.render(resume, "json")
    expected_html = resumeconv.render(resume, "html")
    assert sorted(p.name for p in out.iterdir()) == [
        f"{n}.{ext}" for n in ("alice", "bob", "carol") for ext in ("html", "json")
    ]
    for name in ("alice", "bob", "carol"):
        assert (out / f"{name}.json").read_bytes() == expected_json
        assert (out / f"{name}.html").read_bytes() == expected_html
    assert b"Shanghai Jiao Tong University" in expected_json


def test_example_is_short_enough_to_quote() -> None:
    code = [
        line
        for line in EXAMPLE.read_text(encoding="utf-8").split('"""', 2)[2].splitlines()
        if line.strip()
    ]
    assert len(code) <= 14
