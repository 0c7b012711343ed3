"""The site around a page (issue 14): a tolerant _config.yml, which config was used, and
never a link out of the site or past a bound on collection files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resumeconv
from resumeconv.cli import main
from resumeconv.errors import InputError
from resumeconv.importers import jekyll

PAGE = """---
title: "CV"
---

Talks
======
  <ul>{% for post in site.talks %}
    {% include archive-single-talk-cv.html %}
  {% endfor %}</ul>
"""
TALK = "---\ntitle: {title}\nvenue: Venue\ndate: 2020-01-0{n}\n---\nbody\n"


def _site(root: Path, config: str = "title: x\nauthor:\n  name: Ada\n") -> Path:
    (root / "_pages").mkdir(parents=True)
    (root / "_talks").mkdir()
    (root / "_config.yml").write_text(config, encoding="utf-8")
    (root / "_talks" / "t1.md").write_text(TALK.format(title="Talk one", n=1), encoding="utf-8")
    page = root / "_pages" / "cv.md"
    page.write_text(PAGE, encoding="utf-8")
    return page


def _talks(resume: resumeconv.Resume) -> list[str]:
    """Talk documents are publications of type talk (issue 12, rule 1)."""
    pubs = resume.to_dict().get("publications", [])
    return [p["name"] for p in pubs if p.get("x-type") == "talk"]


def test_duplicate_key_in_site_config_warns_and_keeps_the_last(tmp_path, capsys):
    page = _site(tmp_path, "title: x\nauthor:\n  name: First\n  name: Ada Last\ntitle: y\n")
    resume = resumeconv.load(page)
    assert resume.basics.name == "Ada Last"
    out = tmp_path / "cv.json"
    assert main(["convert", str(page), "-o", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    config = tmp_path / "_config.yml"
    assert (
        f"resumeconv: {config}:4:3: warning: duplicate key 'name' (first at line 3): "
        "the last one is used, as Jekyll does" in err
    )
    assert f"{config}:5:1: warning: duplicate key 'title'" in err
    assert json.loads(out.read_text())["basics"]["name"] == "Ada Last"
    assert main(["validate", str(page), "--no-progress", "--format", "json"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert [i["rule"] for i in report["issues"]] == ["site-config", "site-config"]


def test_duplicate_key_in_the_resume_itself_stays_an_error(tmp_path):
    with pytest.raises(InputError, match="duplicate key 'name'"):
        resumeconv.load(b"basics:\n  name: a\n  name: b\n", format="yaml")
    page = tmp_path / "cv.md"
    page.write_text("---\ntitle: a\ntitle: b\n---\n# Ada\n", encoding="utf-8")
    with pytest.raises(InputError, match="duplicate key 'title'"):
        resumeconv.load(page)


def test_report_says_which_config_was_used(tmp_path, capsys):
    page = _site(tmp_path / "site")
    assert main(["convert", str(page), "-o", str(tmp_path / "a.json"), "--report"]) == 0
    config = (tmp_path / "site" / "_config.yml").resolve()
    assert f"note\t\tsite settings: {config} (the page's site root)" in capsys.readouterr().err
    lone = tmp_path / "lone" / "cv.md"
    lone.parent.mkdir()
    lone.write_text("# Ada\n\n## Work\n\n* 2020, Engineer\n", encoding="utf-8")
    assert main(["convert", str(lone), "-o", str(tmp_path / "b.json"), "--report"]) == 0
    assert "no site around the page" in capsys.readouterr().err


def test_symlinked_config_out_of_the_site_is_refused(tmp_path):
    page = _site(tmp_path / "site")
    (tmp_path / "secret.yml").write_text("author:\n  name: Someone else\n", encoding="utf-8")
    config = tmp_path / "site" / "_config.yml"
    config.unlink()
    config.symlink_to(tmp_path / "secret.yml")
    with pytest.raises(InputError, match=r"_config\.yml is a symlink .* outside the site folder"):
        resumeconv.load(page)


def test_symlinked_collection_document_out_of_the_site_is_refused(tmp_path):
    page = _site(tmp_path / "site")
    (tmp_path / "outside.md").write_text(TALK.format(title="Stolen", n=2), encoding="utf-8")
    (tmp_path / "site" / "_talks" / "t2.md").symlink_to(tmp_path / "outside.md")
    with pytest.raises(InputError, match="a collection document is a symlink") as info:
        resumeconv.load(page)
    assert info.value.file.endswith("t2.md")


@pytest.mark.parametrize("where", ["collection", "subfolder"])
def test_symlinked_collection_folder_out_of_the_site_is_refused(tmp_path, where):
    page = _site(tmp_path / "site")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "t9.md").write_text(TALK.format(title="X", n=9), encoding="utf-8")
    talks = tmp_path / "site" / "_talks"
    if where == "collection":
        for f in talks.iterdir():
            f.unlink()
        talks.rmdir()
        talks.symlink_to(tmp_path / "elsewhere")
    else:
        (talks / "more").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InputError, match=r"is a symlink .* outside the site folder"):
        resumeconv.load(page)


def test_symlinks_inside_the_site_are_read_and_loops_end(tmp_path):
    page = _site(tmp_path / "site")
    talks = tmp_path / "site" / "_talks"
    (tmp_path / "site" / "files").mkdir()
    (tmp_path / "site" / "files" / "t2.md").write_text(TALK.format(title="Two", n=2))
    (talks / "t2.md").symlink_to(tmp_path / "site" / "files" / "t2.md")
    (talks / "loop").symlink_to(talks)  # a folder that contains itself
    assert _talks(resumeconv.load(page)) == ["Talk one", "Two"]


def test_collection_folder_is_read_with_a_bound(tmp_path, monkeypatch):
    page = _site(tmp_path / "site")
    monkeypatch.setattr(jekyll, "MAX_COLLECTION_FILES", 3)
    for n in range(2, 4):
        (tmp_path / "site" / "_talks" / f"t{n}.md").write_text(TALK.format(title=n, n=n))
    assert len(_talks(resumeconv.load(page))) == 3  # at the bound: read
    (tmp_path / "site" / "_talks" / "t4.md").write_text(TALK.format(title=4, n=4))
    with pytest.raises(InputError, match="holds more than 3 documents"):
        resumeconv.load(page)
