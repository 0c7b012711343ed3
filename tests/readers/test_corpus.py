"""Every real CV page of ../shared imports, validates against the official schema, and
keeps (almost) every visible word. The coverage table is printed (run with -s to see it)."""

from __future__ import annotations

import json
import statistics

import pytest

import resumeconv
from resumeconv.importers.cvpage.wordcheck import check_page

from conftest import SHARED, corpus_pages, needs_shared

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


#: Floors of the coverage figures (issue 12 asks median >= 0.97 and worst >= 0.90 in the
#: standard sections, every page >= 0.99 anywhere in the file). They record what holds
#: now and may only be raised.
STANDARD_MEDIAN_FLOOR = 0.99
STANDARD_WORST_FLOOR = 0.925
ANYWHERE_WORST_FLOOR = 0.925


@needs_shared
def test_corpus_word_coverage(capsys) -> None:
    """Per page: the share of visible words found in the standard sections (meta content
    ignored; the layout's section titles count, headings being structure) and anywhere in
    the file; the share found or read as the page's form (labels, joining words: what the
    careful reading drops, ``cvpage/wordcheck.py``); and the words lost, which must be none:
    ``--strict`` accepts every corpus page."""
    rows = []
    for page in PAGES:
        resume = resumeconv.load(page)
        data = resume.to_dict()
        text = page.read_text(encoding="utf-8")
        report = resume.import_report
        std = check_page(text, data, report.blocks, form=report.form)
        anywhere = check_page(text, data, report.blocks, standard=False, form=report.form)
        rows.append((std, anywhere, page.relative_to(SHARED)))
    rows.sort(key=lambda r: (r[0].share, r[1].share))
    with capsys.disabled():
        print("\nvisible words reaching the JSON (worst first)")
        print("  standard  anywhere  +form  words  page  (read as form, not found)")
        for std, anywhere, name in rows:
            top = ", ".join(f"{w}×{n}" for w, n in std.form.most_common(5))
            lost = "; ".join(f"line {n}: {', '.join(w)}" for n, w in std.lost_by_line())
            print(
                f"  {std.share:7.1%}  {anywhere.share:7.1%}  {std.accounted:6.1%}"
                f"  {std.total:5}  {name}  {top}" + (f"  LOST {lost}" if lost else "")
            )
        median = statistics.median(r[0].share for r in rows)
        print(f"  median standard {median:.1%}")
    assert median >= STANDARD_MEDIAN_FLOOR
    worst = rows[0]
    assert worst[0].share >= STANDARD_WORST_FLOOR, f"{worst[2]}: {worst[0].share:.1%} standard"
    low = min(rows, key=lambda r: r[1].share)
    assert low[1].share >= ANYWHERE_WORST_FLOOR, f"{low[2]}: {low[1].share:.1%} anywhere"
    assert [(str(name), std.lost_by_line()) for std, _, name in rows if std.lost] == []
    assert min(r[1].accounted for r in rows) >= 0.99
