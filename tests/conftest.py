"""Shared test paths: the repo, its fixtures, and ../shared (present in CI, optional locally)."""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
#: ``RESUMECONV_NO_SHARED=1`` hides ../shared: the suite then runs as in a fresh clone
#: without it (``.ci/run`` runs it both ways). Every test and the fuzzer's seeds read
#: ../shared through this name only.
SHARED_HIDDEN = os.environ.get("RESUMECONV_NO_SHARED", "") not in ("", "0")
SHARED = Path(os.devnull) / "shared" if SHARED_HIDDEN else REPO.parent / "shared"
#: The user's own CV page (``../shared/seed/cv.md``, read there: it is a real person's CV)
#: and the product's bundled example, a page of our own with the same shapes.
SEED = SHARED / "seed" / "cv.md"
EXAMPLE = FIXTURES / "example" / "cv.md"


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


def generated_pages(n: int, seed: int) -> list[str]:
    """``n`` CV pages from the fuzzer's generator (``fuzz/inputs.py``), the same for a seed."""
    spec = importlib.util.spec_from_file_location("fuzz_inputs", REPO / "fuzz" / "inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_inputs"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    rng = random.Random(seed)
    return [module.generate_page(rng) for _ in range(n)]


needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is absent")
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed/cv.md is absent")
