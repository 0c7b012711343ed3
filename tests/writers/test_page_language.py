"""Without --locale, exports speak the page's language: the one its front matter declares
(``lang``), else the script it is written in; ja and ko have their own words."""

from __future__ import annotations

import io

import docx as python_docx
import pytest

import resumeconv
from resumeconv import locales
from resumeconv.exporters import outline
from resumeconv.model import Resume
from resumeconv.sources import Source

from conftest import FIXTURES

CHINESE_PAGE = """教育背景
======
* 计算机科学博士，示例大学，2021年9月 – 至今
"""


def _page(text: str) -> Resume:
    return resumeconv.load(Source(text, name="cv.md"), format="markdown")


def test_front_matter_lang_is_kept_and_chooses_the_words() -> None:
    resume = resumeconv.load(FIXTURES / "cvpage" / "front-matter-name-lang.md")
    assert resume.to_dict()["meta"]["x-resumeconv"]["lang"] == "zh"
    doc = outline.build(resume)
    assert (doc.lang, doc.locale) == ("zh", "zh")
    assert doc.sections[0].items[0].dates == "2021年9月 – 至今"


def test_a_chinese_page_without_lang_gets_chinese_words_from_its_script() -> None:
    resume = Resume.from_dict(
        {
            "basics": {"name": "陈美"},
            "work": [{"name": "示例实验室", "position": "研究实习生", "startDate": "2023-07"}],
        }
    )
    doc = outline.build(resume)
    assert doc.locale == "zh"
    assert doc.sections[0].title == "工作经历"  # the default title, in Chinese
    assert doc.sections[0].items[0].dates == "2023年7月 – 至今"
    html = resumeconv.render(resume, "html").decode()
    assert "至今" in html and "Present" not in html and "Work Experience" not in html
    text = "\n".join(
        p.text
        for p in python_docx.Document(io.BytesIO(resumeconv.render(resume, "docx"))).paragraphs
    )
    assert "至今" in text and "工作经历" in text


def test_a_chinese_page_read_from_markdown_without_lang() -> None:
    doc = outline.build(_page(CHINESE_PAGE))
    assert doc.locale == "zh" and doc.sections[0].items[0].dates == "2021年9月 – 至今"


def test_an_explicit_locale_wins_over_the_page() -> None:
    resume = resumeconv.load(FIXTURES / "cvpage" / "front-matter-name-lang.md")
    doc = outline.build(resume, "en")
    assert doc.locale == "en" and doc.sections[0].items[0].dates == "Sep 2021 – Present"
    assert doc.lang == "zh"  # still marked as Chinese text for browsers and Typst
    assert "Present" in resumeconv.render(resume, "html", locale="en").decode()


def test_an_english_page_stays_english() -> None:
    doc = outline.build(Resume.from_dict({"work": [{"name": "Lab", "startDate": "2020"}]}))
    assert (doc.lang, doc.locale) == ("en", "en")
    assert doc.sections[0].items[0].dates == "2020 – Present"


def test_a_declared_language_without_words_keeps_its_tag_and_english_words() -> None:
    data = {
        "work": [{"name": "Laboratorio", "startDate": "2020"}],
        "meta": {"x-resumeconv": {"version": "1", "sections": [], "lang": "it"}},
    }
    doc = outline.build(Resume.from_dict(data))
    assert (doc.lang, doc.locale) == ("it", "en")
    assert '<html lang="it">' in resumeconv.render(Resume.from_dict(data), "html").decode()


@pytest.mark.parametrize(
    ("code", "present", "title"), [("ja", "現在", "職歴"), ("ko", "현재", "경력")]
)
def test_japanese_and_korean_words(code: str, present: str, title: str) -> None:
    words = locales.get(code)
    assert words.present == present and words.titles["work"] == title
    resume = Resume.from_dict({"work": [{"name": "X", "startDate": "2023-09"}]})
    doc = outline.build(resume, code)
    assert doc.sections[0].title == title and doc.sections[0].items[0].dates.endswith(present)


def test_a_japanese_page_is_told_by_its_kana() -> None:
    resume = Resume.from_dict(
        {
            "basics": {"name": "山田太郎"},
            "work": [{"name": "東京大学のひと", "startDate": "2020-04"}],
        }
    )
    doc = outline.build(resume)
    assert (doc.lang, doc.locale) == ("ja", "ja")
    assert doc.sections[0].items[0].dates == "2020年4月 – 現在"


def test_every_locale_has_every_word() -> None:
    keys = set(locales.get("en").titles)
    for code in locales.KNOWN:
        words = locales.get(code)
        assert set(words.titles) == keys, code
        assert len(words.months) == 12 and words.present and words.link, code
