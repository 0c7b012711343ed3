"""``resumeconv init``: an example resume that converts and validates cleanly, never
written over an existing file."""

from __future__ import annotations

import subprocess
import sys

import pytest

from resumeconv import api


def run(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumeconv", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.mark.parametrize(
    ("fmt", "name"), [("md", "cv.md"), ("json", "resume.json"), ("yaml", "resume.yaml")]
)
def test_init_writes_a_resume_that_validates_and_converts(fmt, name, tmp_path):
    proc = run("init", "--format", fmt, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    path = tmp_path / name
    resume = api.load(path)
    assert resume.basics.name == "Your Name"
    assert resume.work[0].highlights and resume.education and resume.skills
    assert api.validate(resume) == []  # no error, no warning
    assert not resume.import_report.unmapped()
    proc = run("validate", name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    proc = run("convert", name, "-o", "out/", "-t", "html,json,md", "--strict", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    stem = name.rsplit(".", 1)[0]
    assert "Your Name" in (tmp_path / "out" / f"{stem}.html").read_text("utf-8")
    assert api.load(tmp_path / "out" / f"{stem}.json").to_dict() == resume.to_dict() | {
        "$schema": api.load(tmp_path / "out" / f"{stem}.json").schema
    }


def test_every_format_holds_the_same_resume(tmp_path):
    docs = []
    for fmt, name in (("md", "a.md"), ("json", "a.json"), ("yaml", "a.yaml")):
        assert run("init", "--format", fmt, "-o", name, cwd=tmp_path).returncode == 0
        docs.append(api.load(tmp_path / name).to_dict())
    docs[1].pop("$schema")  # the JSON writer names the schema, for editors
    assert docs[1] == docs[2]
    assert docs[0]["basics"]["name"] == docs[1]["basics"]["name"]
    titles = [s["title"] for s in docs[0]["meta"]["x-resumeconv"]["sections"]]
    assert titles == ["Experience", "Education", "Skills", "Projects"]  # the page's headings
    assert "meta" not in docs[1]  # JSON Resume has no titles: no extension in the JSON
    assert [w["name"] for w in docs[0]["work"]] == [w["name"] for w in docs[1]["work"]]


def test_init_never_overwrites(tmp_path):
    path = tmp_path / "cv.md"
    path.write_text("my own CV\n", "utf-8")
    proc = run("init", cwd=tmp_path)
    assert proc.returncode == 2
    assert "already exists" in proc.stderr and proc.stderr.count("\n") == 1
    assert path.read_text("utf-8") == "my own CV\n"
