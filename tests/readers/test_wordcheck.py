"""The CV-page word check (issue 12, rule 8): every visible word reaches a standard field,
is the page's form, or is reported lost with its line; --strict refuses lost words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import resumeconv
from resumeconv.importers.cvpage import wordcheck
from resumeconv.importers.cvpage.wordcheck import LABEL, LINK, check_page, page_words
from resumeconv.report import IMPORTED, SKIPPED, Block, ImportReport


def lost(page: str, data: dict[str, Any], blocks: list[Block] = (), **kw: Any) -> list:
    return [(w.line, w.text) for w in check_page(page, data, blocks, **kw).lost]


def test_a_word_in_no_field_is_lost_with_its_line() -> None:
    page = "Work\n====\n\n* Data Engineer, Northwind Traders, 2021\n* Baker, Corner Bakery\n"
    data = {
        "work": [{"position": "Data Engineer", "name": "Northwind Traders", "startDate": "2021"}],
        "meta": {"x-resumeconv": {"sections": [{"section": "work", "title": "Work"}]}},
    }
    assert lost(page, data) == [(5, "baker"), (5, "corner"), (5, "bakery")]
    # found anywhere: the same words in meta count only when asked for the whole file
    data["meta"]["x-resumeconv"]["sections"].append({"entries": [{"name": "Baker, Corner Bakery"}]})
    assert lost(page, data) != [] and lost(page, data, standard=False) == []


def test_labels_joining_words_and_dates_are_form_not_lost() -> None:
    page = (
        "* Ph.D. in Physics at Example University, since Sept. 2020\n"
        "  * GPA: 3.9\n"
        "* **Personal Email**: jane@example.org\n"
        "* Graduated *cum laude*, 2019 — Grade: 1.3\n"
        "* 时间：2022.09 – 至今\n"
    )
    data = {
        "education": [
            {"studyType": "Ph.D.", "area": "Physics", "institution": "Example University"},
            {"score": "3.9", "startDate": "2020-09", "x-highlights": ["cum laude"]},
            {"score": "1.3", "endDate": "2019", "startDate": "2022-09"},
        ],
        "basics": {"email": "jane@example.org"},
    }
    check = check_page(page, data, [])
    assert check.lost == []
    assert {"in", "at", "gpa", "personal", "email", "grade", "时", "间"} <= set(check.form)
    assert check.share < 1.0 and check.accounted == 1.0


def test_a_labels_word_that_is_also_a_value_goes_to_the_value() -> None:
    """ "Grade: 1.4 (ECTS Grade A)": the label's "Grade" is form, the value's is found."""
    page = "* Grade: 1.4 (ECTS Grade A)\n"
    data = {"education": [{"score": "1.4", "x-highlights": ["(ECTS Grade A)"]}]}
    check = check_page(page, data, [])
    assert check.lost == [] and check.form["grade"] == 1


def test_link_text_is_form_only_when_its_target_was_kept() -> None:
    page = "* Acme Corp [homepage](https://acme.example/) and [slides](../files/talk.pdf)\n"
    data = {"work": [{"name": "Acme Corp", "url": "https://acme.example/"}]}
    assert lost(page, data) == [(1, "<../files/talk.pdf>"), (1, "slides")]
    kinds = {w.text: w.kind for w in page_words(page)}
    assert kinds["homepage"] == LINK and kinds["acme"] != LINK


def test_words_are_cut_as_a_browser_shows_them() -> None:
    """Bold initials are one word; a CJK link inside a run keeps its kind per character;
    emoji shortcodes are pictures; <script>, <style>, Liquid and comments are not shown."""
    page = (
        "* [**E**ast **C**hina **U**niversity](https://ecust.example/)\n"
        "* 公司[主页](https://co.example/)-实习生 :link:\n"
        "<style>h2 { color: navy }</style>\n"
        "<div>{{ site.author }} <!-- hidden --> Shown <script>var x = 1;</script></div>\n"
    )
    got = [(w.text, w.kind) for w in page_words(page)]
    assert ("east", LINK) in got and ("niversity", LINK) not in got
    assert ("主", LINK) in got and ("公", "text") in got and ("link", LINK) not in got
    texts = [t for t, _ in got]
    assert "shown" in texts
    for hidden in ("navy", "color", "site", "author", "hidden", "var"):
        assert hidden not in texts


def test_column_titles_summaries_and_skipped_blocks() -> None:
    page = (
        "| Period | Description |\n| --- | --- |\n| 2020 | Tutor |\n\n"
        "<table><tr><th>Category</th></tr><tr><td>Rust</td></tr></table>\n\n"
        "<details><summary>Key results</summary>\nWrote the docs.\n</details>\n\n"
        "[Download CV](cv.pdf)\n"
    )
    data = {"work": [{"position": "Tutor", "startDate": "2020", "summary": "Wrote the docs."}]}
    data["skills"] = [{"name": "Rust"}]
    chrome = [Block(11, 11, SKIPPED, None, "page chrome: a link to this CV as a file")]
    check = check_page(page, data, chrome)
    assert {"period", "description", "category"} <= set(check.form)
    assert "download" not in check.form  # a skipped block is not counted at all
    # a summary that says something is content: lost until a field holds it
    assert [w.text for w in check.lost] == ["key", "results"]
    data["work"][0]["highlights"] = ["Key results"]
    assert check_page(page, data, chrome).lost == []


def test_what_a_rule_read_as_structure_is_form() -> None:
    page = "Current position · PhD Fellow\n"
    data = {"basics": {"label": "PhD Fellow"}}
    assert lost(page, data) == [(1, "position")]
    assert lost(page, data, form=[(1, "Current position")]) == []


def test_import_report_lists_lost_words_by_line() -> None:
    report = ImportReport("cv.md")
    report.add(1, 2, IMPORTED, "/work/0")
    report.lost_words = [(2, "baker"), (2, "corner"), (5, "human")]
    assert report.to_dict()["lost_words"] == [
        {"line": 2, "words": ["baker", "corner"]},
        {"line": 5, "words": ["human"]},
    ]
    assert report.lost_summary() == "line 2: baker, corner; line 5: human"
    assert "cv.md:5\tlost\t\twords that reached no standard field: human" in report.format_text()


def test_a_read_page_has_its_lost_words_in_the_report(tmp_path: Path) -> None:
    page = tmp_path / "cv.md"
    page.write_text("Work\n====\n\n* Data Engineer, Northwind Traders, 2021\n", encoding="utf-8")
    assert resumeconv.load(page).import_report.lost_words == []


@pytest.fixture
def loses_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader made to lose "northwind" (no page of ours loses a word: each one that
    did was a rule to fix), so that the CLI's handling of lost words is exercised."""
    real = wordcheck.check_page

    def losing(*args: Any, **kwargs: Any) -> wordcheck.WordCheck:
        result = real(*args, **kwargs)
        result.lost.append(wordcheck.Word("northwind", 4))
        return result

    monkeypatch.setattr(wordcheck, "check_page", losing)


def test_convert_warns_of_lost_words_and_strict_refuses(
    tmp_path: Path, loses_a_word: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from resumeconv.cli import main

    page = tmp_path / "cv.md"
    page.write_text("Work\n====\n\n* Data Engineer, Northwind Traders, 2021\n", encoding="utf-8")
    out = tmp_path / "cv.json"
    assert main(["convert", str(page), "-o", str(out), "--strict", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "1 word(s) of the page reached no JSON Resume field (--strict): line 4: northwind" in err
    assert not out.exists()
    assert main(["convert", str(page), "-o", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "warning: 1 word(s) of the page reached no JSON Resume field (line 4: northwind)" in err
    assert out.exists()


def test_label_word_limit_keeps_sentences_out() -> None:
    """A colon after a whole clause is no label: its words must be found, not excused."""
    page = "* We asked many hard questions about the sea: why is it salty?\n"
    assert LABEL not in {w.kind for w in page_words(page)}


def test_digits_that_are_no_numbers() -> None:
    """A superscript two is a digit to ``str.isdigit`` but no number (found by Hypothesis)."""
    assert check_page("²\n", {}, []).total == 1


def test_a_link_whose_target_reached_nothing_is_lost() -> None:
    """Rule 3: a link target must be in the resume; an anchor or a Liquid link need not."""
    page = (
        "* [Fellowship](https://fund.example/) [[news](https://news.example/n)]\n"
        "* [top](#top) [cv]({{ site.cv_url }}) [mail](mailto:j@example.org)\n"
    )
    data = {"awards": [{"title": "Fellowship", "x-url": "https://fund.example/"}]}
    data["basics"] = {"email": "j@example.org"}
    assert (1, "<https://news.example/n>") in lost(page, data)
    data["awards"][0]["x-links"] = [{"label": "news", "url": "https://news.example/n"}]
    assert [w for w in lost(page, data) if w[1].startswith("<")] == []


def test_only_labels_the_reader_consumes_are_form() -> None:
    """ "GPA:", "E-mail Address:", "时间：" are field labels; "Swedish:" is content."""
    page = "* GPA: 3.9\n* E-mail Address: j@example.org\n* 时间：2020\n* Swedish: native\n"
    data = {"education": [{"score": "3.9"}], "basics": {"email": "j@example.org"}}
    data["languages"] = [{"fluency": "native"}]
    data["work"] = [{"startDate": "2020"}]
    assert lost(page, data) == [(4, "swedish")]
