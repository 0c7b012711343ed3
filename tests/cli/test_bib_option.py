"""``--bib FILE`` and ``--author NAME`` on convert and validate, ``convert refs.bib``, and a
Jekyll site's ``_bibliography/`` (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

from resumeconv.cli import main

from conftest import FIXTURES

BIB = FIXTURES / "bibtex"
RESUME = {
    "basics": {"name": "Jane Doe"},
    "publications": [{"name": "Deep rivers of the été café", "publisher": "JIML"}],
}


def _resume(tmp_path: Path) -> Path:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(RESUME), encoding="utf-8")
    return path


def test_convert_a_bib_file_to_json(tmp_path: Path):
    out = tmp_path / "refs.json"
    assert main(["convert", str(BIB / "refs.bib"), "-o", str(out), "--no-progress"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == ["$schema", "publications"] and len(data["publications"]) == 4


def test_bib_appends_after_the_inputs_own_without_doubles(tmp_path: Path, capsys):
    out = tmp_path / "out.json"
    argv = ["convert", str(_resume(tmp_path)), "--bib", str(BIB / "refs.bib")]
    assert main([*argv, "--bib", str(BIB / "refs.bib"), "-o", str(out), "--no-progress"]) == 0
    pubs = json.loads(out.read_text(encoding="utf-8"))["publications"]
    names = [p["name"] for p in pubs]
    # the resume's own first (same title as doe2020rivers: completed, not doubled), the
    # file given twice adds its papers once
    assert names == [
        "Deep rivers of the été café",
        "Lakes and Ponds: a Survey",
        "On Streams",
        "Waves",
    ]
    assert pubs[0]["publisher"] == "JIML"  # the resume's value wins
    assert pubs[0]["x-doi"] == "10.1000/xyz123"  # what it lacked comes from the .bib
    # no --author: the resume's basics.name is the owner
    assert pubs[0]["x-authors"] == "Alice Smith, Jürgen Müller, **Jane Doe** and B. François"


def test_author_names_the_owner(tmp_path: Path):
    out = tmp_path / "out.json"
    argv = ["convert", str(BIB / "refs.bib"), "--author", "Bob Lee", "-o", str(out)]
    assert main([*argv, "--no-progress"]) == 0
    pubs = json.loads(out.read_text(encoding="utf-8"))["publications"]
    assert pubs[1]["x-authors"] == "J. Doe and **Bob Lee**"
    assert pubs[3]["x-authors"] == "**Bob Lee** and J. Doe"  # written "Lee, Bob"
    assert "**" not in pubs[2]["x-authors"]


def test_broken_entry_in_a_bib_is_a_warning_and_the_rest_is_kept(tmp_path: Path, capsys):
    out = tmp_path / "out.json"
    argv = ["convert", str(_resume(tmp_path)), "--bib", str(BIB / "broken.bib")]
    assert main([*argv, "-o", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert f"{BIB / 'broken.bib'}:8:1: warning: malformed BibTeX block left out" in err
    assert len(json.loads(out.read_text(encoding="utf-8"))["publications"]) == 3


def test_unreadable_bib_is_one_error_and_writes_nothing(tmp_path: Path, capsys):
    out = tmp_path / "out.json"
    argv = ["convert", str(_resume(tmp_path)), "--bib", str(BIB / "allbad.bib")]
    assert main([*argv, "-o", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("resumeconv: ")]
    assert f"{BIB / 'allbad.bib'}:1: malformed BibTeX" in lines[0]
    assert "Traceback" not in err
    assert not out.exists()


def test_missing_bib_is_one_error(tmp_path: Path, capsys):
    argv = ["convert", str(_resume(tmp_path)), "--bib", str(tmp_path / "nope.bib")]
    assert main([*argv, "-o", str(tmp_path / "o.json"), "--no-progress"]) == 2
    assert "nope.bib: no such file" in capsys.readouterr().err


def test_output_over_a_bib_file_is_refused(tmp_path: Path, capsys):
    bib = tmp_path / "refs.txt"  # any name: --bib files are BibTeX whatever they are called
    bib.write_bytes((BIB / "refs.bib").read_bytes())
    argv = ["convert", str(_resume(tmp_path)), "--bib", str(bib), "-o", str(bib), "-t", "json"]
    assert main([*argv, "--no-progress"]) == 2
    assert "a --bib file of this run" in capsys.readouterr().err
    assert bib.read_bytes() == (BIB / "refs.bib").read_bytes()


def test_validate_with_bib(tmp_path: Path, capsys):
    argv = ["validate", str(_resume(tmp_path)), "--bib", str(BIB / "refs.bib")]
    assert main([*argv, "--format", "json", "--no-progress"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert report["valid"] is True


def test_validate_reports_a_broken_bib_entry(tmp_path: Path, capsys):
    argv = ["validate", str(_resume(tmp_path)), "--bib", str(BIB / "broken.bib")]
    assert main([*argv, "--format", "json", "--no-progress"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    (issue,) = report["issues"]
    assert issue["severity"] == "warning" and issue["line"] == 8 and issue["rule"] == "bibtex"
    assert "malformed BibTeX" in issue["message"]


def test_jekyll_scholar_tag_adds_the_file_it_names(tmp_path: Path):
    out = tmp_path / "cv.json"
    page = BIB / "scholar-site" / "_pages" / "cv.md"
    assert main(["convert", str(page), "-o", str(out), "--no-progress"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    pubs = data["publications"]
    # papers.bib (--file papers), not other.bib; the page's own paper completed by doe2018
    assert [p.get("x-citekey") for p in pubs] == ["doe2018", "doe2020"]
    assert pubs[1]["x-authors"] == "Bob Lee and **Jane Doe**"  # owner: the site's author
    (home,) = [s for s in data["meta"]["x-resumeconv"]["sections"] if s["title"] == "Publications"]
    assert home["items"] == [0, 1]


def test_empty_publications_heading_takes_the_sites_bibliography(tmp_path: Path):
    out = tmp_path / "cv.json"
    page = BIB / "empty-heading-site" / "_pages" / "cv.md"
    assert main(["convert", str(page), "-o", str(out), "--no-progress"]) == 0
    pubs = json.loads(out.read_text(encoding="utf-8"))["publications"]
    assert [p["name"] for p in pubs] == ["Rivers before the Bibliography", "Lakes at NeurIPS"]


def test_a_page_without_tag_or_empty_heading_reads_no_bibliography(tmp_path: Path):
    site = tmp_path / "site"
    (site / "_pages").mkdir(parents=True)
    (site / "_bibliography").mkdir()
    (site / "_config.yml").write_text("title: x\nauthor:\n  name: Jane Doe\n", encoding="utf-8")
    (site / "_bibliography" / "refs.bib").write_bytes((BIB / "refs.bib").read_bytes())
    page = site / "_pages" / "cv.md"
    page.write_text("Publications\n======\n* Doe, J. A paper, 2001.\n", encoding="utf-8")
    out = tmp_path / "cv.json"
    assert main(["convert", str(page), "-o", str(out), "--no-progress"]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["publications"]) == 1


def test_a_paper_already_listed_with_other_values_is_a_warning(tmp_path: Path, capsys):
    argv = ["convert", str(_resume(tmp_path)), "--bib", str(BIB / "refs.bib")]
    assert main([*argv, "-o", str(tmp_path / "o.json"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert f"{BIB / 'refs.bib'}:5:1: warning: 'Deep Rivers of the Été Café' is already" in err
    assert "the resume's own publisher is kept" in err


def test_two_entries_of_one_file_with_one_title_are_both_kept(tmp_path: Path, capsys):
    bib = tmp_path / "versions.bib"
    bib.write_text(
        "@misc{pre, title={Waves}, year={2019}, howpublished={arXiv}}\n"
        "@article{pub, title={Waves}, year={2020}, journal={J}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.json"
    argv = ["convert", str(_resume(tmp_path)), "--bib", str(bib), "--bib", str(bib)]
    assert main([*argv, "-o", str(out), "--no-progress"]) == 0
    pubs = json.loads(out.read_text(encoding="utf-8"))["publications"]
    # a preprint and its published version are two entries; the file given twice adds them once
    assert [p.get("x-citekey") for p in pubs[1:]] == ["pre", "pub"]
    assert "already in the resume" not in capsys.readouterr().err


def test_bib_keeps_what_the_reader_found_beside_the_input(tmp_path: Path):
    import resumeconv

    (tmp_path / "me.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    path = tmp_path / "resume.json"
    path.write_text('{"basics": {"name": "Jane Doe", "image": "me.png"}}', encoding="utf-8")
    plain = resumeconv.load(path)
    assert plain.assets  # the photo beside the input
    assert resumeconv.load(path, bib=[BIB / "refs.bib"]).assets == plain.assets
