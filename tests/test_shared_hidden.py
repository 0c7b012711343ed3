"""``RESUMECONV_NO_SHARED=1`` hides ../shared from the whole suite and the fuzzer's seeds, so
that ``.ci/run`` can prove the README's test command passes in a fresh clone without it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO

_PROBE = """
import sys
sys.path[:0] = ["tests", "fuzz"]
import conftest, inputs
seeds = [s for s in inputs.load_seeds() if "/shared/" in s.name]
print(conftest.SHARED.exists(), len(conftest.corpus_pages()), len(seeds))
"""


def _probe(hidden: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "RESUMECONV_NO_SHARED"}
    if hidden is not None:
        env["RESUMECONV_NO_SHARED"] = hidden
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_variable_hides_shared_from_tests_and_fuzz_seeds() -> None:
    assert _probe("1") == ["False", "0", "0"]


@pytest.mark.skipif(not (REPO.parent / "shared" / "corpus").is_dir(), reason="no ../shared")
def test_without_the_variable_shared_is_used() -> None:
    exists, pages, seeds = _probe(None)
    assert exists == "True" and int(pages) > 0 and int(seeds) > 0
    assert _probe("0")[0] == "True"  # "0" means not hidden
