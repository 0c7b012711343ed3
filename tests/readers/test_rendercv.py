"""The RenderCV reader: every entry type to its JSON Resume home, nothing lost, blocks kept.

Fixtures are ours (fixtures/rendercv/): every entry type, custom sections, design, locale
and settings blocks, and an older file with ``locale_catalog`` and keys RenderCV does not
know. The mapping they check is docs/rendercv.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import resumeconv
from resumeconv.cli import main
from resumeconv.errors import InputError
from resumeconv.importers.yaml import parse

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "rendercv"
EVERY = FIXTURES / "every_entry_type_cv.yaml"
LEGACY = FIXTURES / "legacy_locale_catalog_cv.yml"


def _plain(path: Path) -> dict:
    value, _ = parse(path.read_text(encoding="utf-8"), str(path))
    return value


@pytest.fixture(scope="module")
def every() -> dict:
    return resumeconv.load(EVERY).to_dict()


def test_contacts_and_profiles(every: dict):
    basics = every["basics"]
    assert basics["name"] == "Ada Quill"
    assert basics["label"] == "Research engineer in program analysis"  # headline
    assert basics["url"] == "https://ada-quill.example.org/"  # website
    assert basics["location"] == {"address": "Lisbon, Portugal"}
    assert basics["phone"] == "+351 912 345 678"
    assert basics["summary"] == "I build tools that find bugs before users do."
    assert basics["profiles"] == [
        {"network": "GitHub", "username": "adaquill", "url": "https://github.com/adaquill"},
        {
            "network": "ORCID",
            "username": "0000-0002-1825-0097",
            "url": "https://orcid.org/0000-0002-1825-0097",
        },
        {
            "network": "Mastodon",
            "username": "@ada@sigmoid.social",
            "url": "https://sigmoid.social/@ada",
        },
    ]


def test_education_and_experience(every: dict):
    phd, bs = every["education"]
    assert phd["institution"] == "University of Lisbon" and phd["area"] == "Computer Science"
    assert phd["studyType"] == "PhD" and phd["score"] == "Summa cum laude"
    assert (phd["startDate"], phd["endDate"]) == ("2018-09", "2022-07")
    assert phd["x-location"] == "Lisbon, Portugal"  # documented x- keys of education
    assert phd["x-summary"] == "Thesis on incremental static analysis."
    assert phd["x-highlights"][0] == "Advisor: Prof. Rui Costa"
    assert (bs["startDate"], bs["endDate"], bs["x-date"]) == ("2017", "2017", "2017")
    # a name that is one Markdown link is RenderCV's way to link an entry
    assert (bs["institution"], bs["url"]) == ("Porto Polytechnic", "https://www.ipp.pt")
    lumen, ferrous = every["work"]
    assert lumen["name"] == "Lumen Labs" and lumen["position"] == "Senior Research Engineer"
    assert lumen["startDate"] == "2022-09" and "endDate" not in lumen  # end_date: present
    assert lumen["location"] == "Remote" and len(lumen["highlights"]) == 2
    # a free-text date keeps its text and gets ISO dates (a season is its first month)
    assert ferrous["x-date"] == "Summer 2021" and ferrous["startDate"] == "2021-06"
    assert every["volunteer"] == [
        {
            "organization": "PyLisbon",
            "position": "Co-organiser",
            "startDate": "2019",
            "endDate": "2023",
        }
    ]


def test_publications_skills_languages_awards_projects(every: dict):
    first, second = every["publications"]
    assert first["name"] == "Incremental Taint Analysis at Scale"
    assert first["publisher"] == "ICSE 2024" and first["releaseDate"] == "2024-04"
    assert first["x-authors"] == ["***Ada Quill***", "Rui Costa"]
    assert first["x-doi"] == "10.1145/3597503.3639999"
    assert second["url"] == "https://arxiv.org/abs/2301.00001"
    assert second["releaseDate"] == "2023-01-15"
    assert every["skills"][0] == {"name": "Languages", "keywords": ["Rust", "Python", "OCaml"]}
    assert every["languages"][1] == {"language": "English", "fluency": "Fluent (C2)"}
    assert every["awards"] == [
        {
            "title": "Distinguished Paper Award",
            "date": "2024-04",
            "summary": "ICSE 2024",
            "x-location": "Lisbon",
        }
    ]
    assert every["projects"][0]["description"] == "An open-source taint analyser."
    assert every["projects"][0]["startDate"] == "2020"


def test_custom_sections_keep_their_type_title_and_key(every: dict):
    layout = every["meta"]["x-resumeconv"]["sections"]
    by_key = {s.get("x-key", s["title"]): s for s in layout}
    assert [s.get("x-key", s["title"]) for s in layout] == list(_plain(EVERY)["cv"]["sections"])
    talks = by_key["Selected Talks"]
    assert talks["section"] == "custom" and "x-key" not in talks
    assert talks["entries"][0]["x-slides"] == "https://ada-quill.example.org/slides.pdf"
    assert talks["entries"][0]["date"] == "2023-11-10"
    assert talks["entries"][1] == {
        "name": "Points-to sets in practice",
        "date": "2022-09",
        "x-date": "Fall 2022",
    }
    assert by_key["patents"]["x-entryType"] == "NumberedEntry"
    assert by_key["invited_reviews"]["x-entryType"] == "ReversedNumberedEntry"
    assert by_key["invited_reviews"]["entries"][0] == {"name": "ICSE 2025 program committee"}
    note = by_key["a_note_on_this_cv"]
    assert note["title"] == "A Note on This Cv" and note["x-entryType"] == "TextEntry"
    assert [e["summary"] for e in note["entries"]] == _plain(EVERY)["cv"]["sections"][
        "a_note_on_this_cv"
    ]
    assert by_key["interests"]["section"] == "interests"  # bullets titled Interests
    assert by_key["summary"] == {
        "section": "basics.summary",
        "title": "Summary",
        "x-key": "summary",
    }


def test_design_locale_and_settings_are_kept_verbatim(every: dict):
    plain = _plain(EVERY)
    blocks = every["meta"]["x-rendercv"]
    assert blocks == {k: plain[k] for k in ("design", "locale", "rendercv_settings")}


def test_older_file_and_unknown_keys_are_kept():
    data = resumeconv.load(LEGACY).to_dict()
    assert data["meta"]["x-rendercv"] == {"locale_catalog": _plain(LEGACY)["locale_catalog"]}
    assert data["basics"]["x-sort_entries"] == "reverse-chronological"
    assert data["basics"]["x-pronouns"] == "he/him"
    assert data["basics"]["phone"] == "tel:+46-18-471-0000"
    assert data["work"][0]["x-note"] == "Marie Curie fellow"  # a key RenderCV does not know
    assert data["work"][0]["x-x-internal"] == "written by another tool"  # an x- key: one more
    assert data["interests"] == [
        {"name": "Type systems", "keywords": ["gradual typing", "effect systems"]}
    ]
    teaching = data["meta"]["x-resumeconv"]["sections"][1]
    assert teaching["section"] == "custom" and teaching["entries"][0]["startDate"] == "2019"


def test_the_resume_validates_and_the_report_accounts_for_every_section():
    resume = resumeconv.load(EVERY)
    assert [i.message for i in resumeconv.validate(resume) if i.severity == "error"] == []
    report = resume.import_report
    assert not report.unmapped()
    text = report.format_text()
    for key in _plain(EVERY)["cv"]["sections"]:
        assert f"\t{key}: " in text
    assert "doi kept as /publications/0/x-doi" in text
    assert "/meta/x-rendercv/design\tkept verbatim" in text


def test_issues_point_at_the_rendercv_line(tmp_path: Path):
    src = tmp_path / "cv.yaml"
    src.write_text(
        "cv:\n  name: Ada\n  email: not-an-email\n  sections:\n    experience:\n"
        "      - company: X\n        position: Y\n        start_date: 2020-13\n",
        encoding="utf-8",
    )
    issues = resumeconv.validate(resumeconv.load(src))
    lines = {i.pointer: i.line for i in issues}
    assert lines["/basics/email"] == 3
    assert lines["/work/0/startDate"] == 8


@pytest.mark.parametrize("name", ["cv.yaml", "cv.yml", "John_Doe_CV.yaml", "cv.rcv.yaml"])
def test_detected_from_the_content_whatever_the_name(tmp_path: Path, name: str):
    src = tmp_path / name
    src.write_text(EVERY.read_text(encoding="utf-8"), encoding="utf-8")
    assert resumeconv.load(src).basics.name == "Ada Quill"
    # and JSON Resume YAML stays JSON Resume, even named .rcv.yaml
    src.write_text("basics:\n  name: Bo\ncv_url: x\n", encoding="utf-8")
    assert resumeconv.load(src).to_dict() == {"basics": {"name": "Bo"}, "cv_url": "x"}


def test_stdin_is_sniffed(monkeypatch, capsys):
    import io

    data = EVERY.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["convert", "-", "-t", "json", "-o", "-", "--no-progress"]) == 0
    assert '"name": "Ada Quill"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("cv: Ada\n", 1, "a RenderCV file has a 'cv:' mapping"),
        ("cv:\n  name: Ada\n  name: Bo\n", 3, "duplicate key 'name'"),
        ("cv:\n  sections:\n    a:\n\t- x\n", 4, "YAML syntax error"),
    ],
)
def test_bad_input_is_one_error(tmp_path: Path, capsys, text: str, line: int, message: str):
    src = tmp_path / "cv.yaml"
    src.write_text(text, encoding="utf-8")
    if text.startswith("cv: Ada"):
        with pytest.raises(InputError, match=message):
            resumeconv.load(src, format="rendercv")
        argv = ["convert", str(src), "-f", "rendercv", "-o", str(tmp_path / "o.json")]
    else:
        argv = ["convert", str(src), "-o", str(tmp_path / "o.json")]
    assert main([*argv, "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert f"{src}:{line}:" in err and message in err and "Traceback" not in err
    assert not (tmp_path / "o.json").exists()


def test_a_folder_input_converts_its_rendercv_file(tmp_path: Path, capsys):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "Ada_CV.yaml").write_text(EVERY.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "navigation.yml").write_text("main:\n  - title: Home\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", f"{out}/", "-t", "json", "--no-progress"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["Ada_CV.json"]
    assert '"name": "Ada Quill"' in (out / "Ada_CV.json").read_text(encoding="utf-8")
