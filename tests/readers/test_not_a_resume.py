"""Files that are not resumes: an error saying what the file looks like, never a blank resume.

``{"foo": 1}``, a Jekyll ``_config.yml``, a RenderCV file and a BibTeX file once converted to
an empty resume with exit 0 and validated as "valid" (issue 14). Both the latter now have a
reader (issue 15): a BibTeX file given to the CV-page reader is read as a bibliography, a
RenderCV file is read by its reader (tests/readers/test_rendercv.py), and only one forced
through ``-f yaml`` is refused.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import resumeconv
import resumeconv.api
from resumeconv.cli import main
from resumeconv.errors import NotAResumeError

JEKYLL_CONFIG = "title: My site\nurl: https://me.github.io\nauthor:\n  name: Ada\n"
RENDERCV = (
    "cv:\n  name: John Doe\n  sections:\n    education:\n      - institution: X\n"
    "design:\n  theme: classic\n"
)
BIBTEX = "% my papers\n@article{ada2020,\n  title={A},\n  author={Ada},\n  year={2020}\n}\n"

CASES = [
    ("foo.json", '{"foo": 1}\n', None, "no JSON Resume field at the top level (found: foo)"),
    ("empty.json", "{}\n", None, "the document is empty"),
    ("_config.yml", JEKYLL_CONFIG, None, "looks like a Jekyll site configuration"),
    # RenderCV has its own reader, chosen from the content; forced through -f yaml it is refused
    ("rendercv.yaml", RENDERCV, "yaml", "is a RenderCV file (cv:, design:), read here as JSON"),
    ("liquid.md", "---\ntitle: CV\n---\n{% include cv.html %}\n", None, "no CV content"),
]


@pytest.mark.parametrize(("name", "text", "fmt", "message"), CASES, ids=[c[0] for c in CASES])
def test_load_refuses_what_is_not_a_resume(name: str, text: str, fmt: str | None, message: str):
    with pytest.raises(NotAResumeError, match=re.escape(message)) as info:
        resumeconv.load(text.encode(), format=fmt or resumeconv.api.format_of_path(name).name)
    assert info.value.hint  # says what to do
    assert info.value.line == 1


@pytest.mark.parametrize(("name", "text", "fmt", "message"), CASES, ids=[c[0] for c in CASES])
def test_convert_fails_and_writes_nothing(tmp_path: Path, capsys, name, text, fmt, message):
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    argv = ["convert", str(src), "-o", str(out), "--no-progress"]
    if fmt:
        argv += ["-f", fmt]
    assert main(argv) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("resumeconv: ")]
    assert lines[0] == lines[0].strip() and message in lines[0] and f"{src}:1:" in lines[0]
    assert not out.exists()


@pytest.mark.parametrize(("name", "text", "fmt", "message"), CASES, ids=[c[0] for c in CASES])
def test_validate_reports_it(tmp_path: Path, capsys, name, text, fmt, message):
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    argv = ["validate", str(src), "--no-progress", "--format", "json"]
    if fmt:
        argv += ["-f", fmt]
    assert main(argv) == 2
    (report,) = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    (issue,) = report["issues"]
    assert issue["rule"] == "not-a-resume" and message in issue["message"]


def test_a_resume_with_unknown_keys_still_reads():
    resume = resumeconv.load(b'{"basics": {"name": "Ada"}, "foo": 1}', format="json")
    assert resume.to_dict() == {"basics": {"name": "Ada"}, "foo": 1}


def test_bibtex_given_as_a_page_is_read_as_a_bibliography():
    resume = resumeconv.load(BIBTEX.encode(), format="markdown")
    assert resume.to_dict()["publications"][0]["name"] == "A"
    assert any("read as BibTeX" in b.reason for b in resume.import_report.blocks)
