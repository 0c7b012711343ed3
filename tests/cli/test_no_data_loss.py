"""No run loses a file: two inputs never write one output, and no output is a file the run
reads (another input, the site's ``_config.yml``, a collection document). Collection
documents that cannot be read are warned about, and ``--strict`` counts them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resumeconv.cli import batch, main

from conftest import FIXTURES

GOOD = FIXTURES / "batch" / "good"
SITE = FIXTURES / "site"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


def test_inputs_with_one_name_keep_their_folders_under_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, src in (("a", "ada.json"), ("b", "bo.json")):
        (tmp_path / name).mkdir()
        shutil.copy(GOOD / src, tmp_path / name / "cv.json")
    out = tmp_path / "out"
    args = [str(tmp_path / "a" / "cv.json"), str(tmp_path / "b" / "cv.json")]
    code, err = _run(["convert", *args, "-o", f"{out}/", "-t", "yaml,json", "-j", "1"], capsys)
    assert code == 0, err
    assert sorted(_snapshot(out)) == ["a/cv.json", "a/cv.yaml", "b/cv.json", "b/cv.yaml"]
    assert b"Ada" in (out / "a" / "cv.json").read_bytes()
    assert b"Bo" in (out / "b" / "cv.json").read_bytes()


def test_distinct_names_stay_flat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, err = _run(["convert", str(GOOD), "-o", f"{out}/", "-t", "yaml", "-j", "1"], capsys)
    assert code == 0, err
    assert sorted(_snapshot(out)) == ["ada.yaml", "bo.yaml", "chen.yaml", "dee.yaml"]


def test_two_inputs_for_one_output_are_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(GOOD / "ada.json", tmp_path / "cv.json")
    (tmp_path / "cv.yaml").write_text("basics:\n  name: Other\n")
    out = tmp_path / "out"
    code, err = _run(["convert", str(tmp_path / "cv.json"), str(tmp_path / "cv.yaml"),
                      "-o", f"{out}/", "-t", "html"], capsys)  # fmt: skip
    assert code == 2
    assert "cv.json and " in err and "cv.yaml would both be written" in err
    assert not out.exists() or _snapshot(out) == {}


def test_an_output_that_is_another_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "d"
    d.mkdir()
    shutil.copy(FIXTURES / "example" / "cv.md", d / "cv.md")
    (d / "cv.json").write_text('{"basics": {"name": "Hand Written"}}\n')
    before = _snapshot(d)
    code, err = _run(["convert", str(d), "-o", f"{d}/", "-t", "json"], capsys)
    assert code == 2
    assert "output is another input of this run" in err
    assert _snapshot(d) == before


@pytest.mark.parametrize(
    ("target", "fmt"), [("_config.yml", "yaml"), ("_publications/2017-01-10-early.md", "md")]
)
def test_an_output_that_the_run_read_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, fmt: str
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    before = _snapshot(site)
    code, err = _run(
        ["convert", str(site / "_pages" / "cv.md"), "-o", str(site / target), "-t", fmt], capsys
    )
    assert code == 2
    assert "output is a file this run reads" in err
    assert _snapshot(site) == before


def test_broken_collection_front_matter_is_a_warning_and_fails_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = str(SITE / "_pages" / "cv.md")
    code, err = _run(["convert", page, "-o", str(tmp_path / "cv.json")], capsys)
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("resumeconv: warning:")]
    assert len(warnings) == 1, err  # notes.md (no front matter) is a static file: not warned
    assert "_publications/broken.md:3: YAML syntax error" in warnings[0]
    code, err = _run(["convert", page, "-o", str(tmp_path / "strict.json"), "--strict"], capsys)
    assert code == 1
    assert "1 site document(s) could not be read (--strict)" in err
    assert not (tmp_path / "strict.json").exists()
    code, err = _run(["convert", page, "-o", str(tmp_path / "r.json"), "--report"], capsys)
    assert "broken.md:3\tproblem" in err


def test_validate_reports_broken_collection_documents(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(SITE / "_pages" / "cv.md")])
    out = capsys.readouterr().out
    assert code == 0
    assert "_publications/broken.md:3: warning:" in out
    assert "[unreadable-document]" in out


def test_a_site_folder_input_means_its_cv_pages_and_resume_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    (site / "_data").mkdir()
    shutil.copy(GOOD / "ada.json", site / "_data" / "cv.json")  # academicpages' cv-json page
    (site / "_data" / "navigation.yml").write_text("main:\n  - title: CV\n    url: /cv/\n")
    (site / "_posts").mkdir()
    (site / "_posts" / "2020-01-01-cv-news.md").write_text("---\ntitle: New CV\n---\nx\n")
    (site / "_pages" / "about.md").write_text("---\ntitle: About\npermalink: /about/\n---\nHi\n")
    (site / "_pages" / "vita.md").write_text("---\ntitle: Vita\n---\nEducation\n======\n")
    (site / "_pages" / "page.md").write_text("---\ntitle: Curriculum Vitae\n---\n# Work\n")
    (site / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n')
    (site / "README.md").write_text("# My site\n")
    found = batch.expand_inputs([str(site)], for_conversion=True)
    rel = [str(Path(p).relative_to(site)) for p in found]
    assert rel == ["_data/cv.json", "_pages/cv.md", "_pages/page.md", "_pages/vita.md"]
    out = tmp_path / "out"
    code, err = _run(["convert", str(site), "-o", f"{out}/", "-t", "json", "-j", "1"], capsys)
    assert code == 0, err
    assert sorted(_snapshot(out)) == ["_data/cv.json", "_pages/cv.json", "_pages/page.json",
                                      "_pages/vita.json"]  # fmt: skip


def test_a_plain_folder_keeps_its_pages_but_not_other_json_or_yaml(tmp_path: Path) -> None:
    (tmp_path / "alice.md").write_text("# Alice\n\n## Education\n\n* PhD, 2020\n")
    shutil.copy(GOOD / "ada.json", tmp_path / "ada.json")
    (tmp_path / "bo.yaml").write_text("basics:\n  name: Bo\n")
    (tmp_path / "broken.json").write_text('{"basics": {')  # meant as a resume: its error shows
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {}}\n')
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "LICENSE.md").write_text("MIT\n")
    found = [Path(p).name for p in batch.expand_inputs([str(tmp_path)], for_conversion=True)]
    assert found == ["ada.json", "alice.md", "bo.yaml", "broken.json"]


def test_one_inputs_output_is_never_a_file_another_inputs_site_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``convert site/_pages/cv.md other/2017-01-10-early.md -o site/_publications/ -t md``:
    the second job would write over a collection document the first job's site reads.
    Refused before any job runs, nothing written."""
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    other = tmp_path / "other" / "2017-01-10-early.md"
    other.parent.mkdir()
    other.write_text("Education\n======\n\n* PhD in History, Example University, 2020\n")
    before = _snapshot(tmp_path)
    code, err = _run(
        ["convert", str(site / "_pages" / "cv.md"), str(other), "-o",
         f"{site / '_publications'}/", "-t", "md"],
        capsys,
    )  # fmt: skip
    assert code == 2, err
    assert "output is a file this run reads" in err and "2017-01-10-early.md" in err
    assert _snapshot(tmp_path) == before
