"""Shared test paths: the repo, its fixtures, and ../shared (present in CI, optional locally)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"
SEED = FIXTURES / "seed" / "cv.md"


def corpus_pages() -> list[Path]:
    """Every CV page of ../shared (the 14 corpus pages, c08's Chinese page, the template)."""
    if not (SHARED / "corpus").is_dir():
        return []
    pages = sorted((SHARED / "corpus").glob("*/cv.md"))
    pages += sorted((SHARED / "corpus").glob("*/_pages/*.md"))
    template = SHARED / "academicpages-template" / "_pages" / "cv.md"
    if template.exists():
        pages.append(template)
    return pages


needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is absent")
