"""Every real CV page of ../shared imports, validates against the official schema, and
keeps (almost) every visible word. The coverage table is printed (run with -s to see it)."""

from __future__ import annotations

import json

import pytest

import resumeconv

from conftest import SHARED, corpus_pages, needs_shared
from wordshare import measure

PAGES = corpus_pages()


def _official_validator():
    from jsonschema import Draft7Validator, FormatChecker

    schema = json.loads((SHARED / "jsonresume" / "schema.json").read_text(encoding="utf-8"))
    return Draft7Validator(schema, format_checker=FormatChecker())


@needs_shared
@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(SHARED)))
def test_corpus_page_imports_valid(page) -> None:
    resume = resumeconv.load(page)
    data = resume.to_dict()
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in _official_validator().iter_errors(data)
    ]
    assert errors == []
    assert not [i for i in resumeconv.validate(resume) if i.is_error]
    # nothing lost silently: every non-blank line is imported or skipped with a reason
    covered = set()
    for block in resume.import_report.blocks:
        covered.update(range(block.start, block.end + 1))
    lines = page.read_text(encoding="utf-8").split("\n")
    assert [n for n, t in enumerate(lines, 1) if t.strip() and n not in covered] == []


@needs_shared
def test_corpus_word_coverage(capsys) -> None:
    rows = []
    for page in PAGES:
        resume = resumeconv.load(page)
        cov = measure(page.read_text(encoding="utf-8"), resume.to_dict())
        rows.append((cov.share, cov.reached, cov.total, page.relative_to(SHARED), cov.missing))
    rows.sort(key=lambda r: r[0])
    with capsys.disabled():
        print("\nvisible words reaching the JSON (worst first):")
        for share, reached, total, name, missing in rows:
            top = ", ".join(f"{w}×{n}" for w, n in missing.most_common(5))
            print(f"  {share:6.1%}  {reached:5}/{total:<5} {name}  {top}")
    worst = rows[0]
    assert worst[0] >= 0.90, f"{worst[3]} keeps only {worst[0]:.1%} of its visible words"
    total = sum(r[2] for r in rows)
    reached = sum(r[1] for r in rows)
    assert reached / total >= 0.97
