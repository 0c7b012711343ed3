"""JSONC: JSON with // and /* */ comments and trailing commas, read with positions."""

from __future__ import annotations

import json
import subprocess
import sys

import json5
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumeconv import api
from resumeconv.errors import InputError
from resumeconv.importers.json import parse
from resumeconv.report import NOTE

from conftest import REPO

FIXTURE = REPO / "fixtures" / "json" / "commented.resume.jsonc"

COMMENTED = """// my resume, read by resumed
{
  /* who */
  "basics": {
    "name": "Ada", // the name
    "email": "ada@example.com",
    "url": "https://ada.example/*not a comment*/", /* a comment with // inside */
  },
  "work": [
    {"name": "Acme", "startDate": "2020-01",},
  ],
}
"""


def test_same_values_as_json5():
    assert parse(COMMENTED, jsonc=True)[0] == json5.loads(COMMENTED)


def test_fixture_same_values_as_json5():
    text = FIXTURE.read_text("utf-8")
    assert parse(text, jsonc=True)[0] == json5.loads(text)


def test_positions_point_past_comments():
    value, positions = parse(COMMENTED, jsonc=True)
    assert value["basics"]["url"] == "https://ada.example/*not a comment*/"
    assert positions["/basics"] == (4, 3)
    assert positions["/basics/email"] == (6, 5)
    assert positions["/work/0/startDate"] == (10, 22)
    assert "/work/1" not in positions  # a trailing comma is no item


def test_plain_json_reader_still_refuses_comments():
    with pytest.raises(InputError) as err:
        parse(COMMENTED)
    assert "no comments" in err.value.hint


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ('{\n  "a": 1 /* never closed\n}', 2, 10, "never closed"),
        ('{\n  "a": 1,,\n}', 2, 10, "found ','"),
        ("[1, 2,,]", 1, 7, "expected a value"),
        ("{,}", 1, 2, "expected a key"),
        ("[,]", 1, 2, "found ','"),
    ],
)
def test_jsonc_errors_are_located(text, line, column, words):
    with pytest.raises(InputError) as err:
        parse(text, "x.jsonc", jsonc=True)
    assert (err.value.line, err.value.column) == (line, column)
    assert words in str(err.value) + str(err.value.hint)


jsonc_words = st.sampled_from([" ", "\n", "// c\n", "/* c */", "/**/", "/* * / */"])


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=4),
    st.lists(jsonc_words, min_size=1, max_size=4),
)
def test_comments_anywhere_give_the_plain_value(document, words):
    """A comment between any two tokens, and a trailing comma, change nothing."""
    text = json.dumps(document, indent=1, ensure_ascii=False)  # json5 joins no \\u pairs
    tokens = text.split("\n")
    pad = "".join(words)
    commented = pad + ("\n" + pad).join(tokens) + pad
    if document:
        commented = commented.replace("\n" + pad + "}", "," + pad + "\n}")
    assert parse(commented, jsonc=True)[0] == document == json5.loads(commented)


def test_json_file_with_comments_is_read_and_noted(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(COMMENTED, "utf-8")
    resume = api.load(path)
    assert resume.basics.name == "Ada"
    notes = [b.reason for b in resume.import_report.blocks if b.status == NOTE]
    assert any("JSONC" in n for n in notes)
    assert resume.source_map.lookup("/work/0/startDate").line == 10


def test_jsonc_extension_is_read_without_a_note():
    resume = api.load(FIXTURE)
    assert resume.basics.name
    assert not any("JSONC" in b.reason for b in resume.import_report.blocks)


def test_validation_points_at_the_line_of_a_commented_file(tmp_path):
    path = tmp_path / "resume.jsonc"
    path.write_text(COMMENTED.replace('"2020-01"', '"Jan 2020"'), "utf-8")
    issues = api.validate(api.load(path))
    [issue] = [i for i in issues if i.pointer == "/work/0/startDate"]
    assert issue.line == 10


def test_broken_json_reports_the_jsonc_error(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text('{\n  // fine\n  "basics": {"name": "A"}\n  "work": []\n}\n', "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "resumeconv", "validate", str(path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert f"{path}:4:3:" in proc.stdout and "Traceback" not in proc.stdout + proc.stderr


def test_stdin_with_a_comment_first_is_json():
    proc = subprocess.run(
        [sys.executable, "-m", "resumeconv", "convert", "-", "-t", "json", "-o", "-"],
        input=COMMENTED,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["basics"]["name"] == "Ada"
