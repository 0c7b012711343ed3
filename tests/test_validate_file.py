"""``validate_file`` (what ``resumeconv validate`` runs) checks a CV page's document without
building the model: it must say exactly what ``validate(load(...))`` says."""

from __future__ import annotations

from pathlib import Path

import pytest

import resumeconv
from resumeconv.errors import ResumeconvError
from resumeconv.sources import Source

from conftest import FIXTURES, corpus_pages, generated_pages

PAGES = sorted(FIXTURES.rglob("*.md")) + corpus_pages()


def _both(source: Path | Source, **kwargs: object) -> tuple[object, object]:
    """(validate_file's answer, validate(load)'s answer): issue dicts or the error text."""

    def answer(run: object) -> object:
        try:
            return [issue.to_dict() for issue in run()]  # type: ignore[operator]
        except ResumeconvError as exc:
            return f"error: {exc}"

    direct = answer(lambda: resumeconv.validate_file(source, **kwargs))
    through_model = answer(lambda: resumeconv.validate(resumeconv.load(source, **kwargs)))
    return direct, through_model


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_real_pages_get_the_same_issues(page: Path) -> None:
    direct, through_model = _both(page)
    assert direct == through_model


def test_pages_with_issues_are_compared_too() -> None:
    """Not vacuous: some pages have findings (lines and all), and a broken page an error."""
    answers = [_both(page)[0] for page in PAGES]
    assert any(isinstance(a, list) and a for a in answers)
    broken = Source(text="---\na: [\n---\n# Work\n", name="broken.md")
    direct, through_model = _both(broken, format="markdown")
    assert direct == through_model and str(direct).startswith("error: broken.md:")


def test_generated_pages_get_the_same_issues() -> None:
    differ = []
    with_issues = 0
    for k, text in enumerate(generated_pages(300, seed=21)):
        source = Source(text=text, name=f"generated-{k}.md")
        direct, through_model = _both(source, format="markdown")
        with_issues += isinstance(direct, list) and bool(direct)
        if direct != through_model:
            differ.append(k)
    assert differ == []
    assert with_issues > 20


def test_formats_without_a_document_reader_use_the_model(tmp_path: Path) -> None:
    path = tmp_path / "cv.json"
    path.write_text('{"basics": {"name": "A", "email": "not an address"}}', encoding="utf-8")
    direct, through_model = _both(path)
    assert direct == through_model
    assert isinstance(direct, list) and any(i["pointer"] == "/basics/email" for i in direct)
