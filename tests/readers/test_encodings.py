"""What Windows and other editors save: UTF-16/UTF-32 with a byte-order mark, a BOM twice;
and stdin's format told from its content when -f is not given (issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import resumeconv
from resumeconv.errors import InputError
from resumeconv.sources import decode, sniff_format

from conftest import EXAMPLE, REPO

DOC = '{\r\n  "basics": {"name": "Zoë 陈 😀"}\r\n}\r\n'


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_read(codec: str) -> None:
    data = DOC.encode(codec)
    if not codec.endswith(("16", "32")):  # the -le/-be codecs write no BOM: add it
        data = "\ufeff".encode(codec) + data
    assert decode(data, "cv.json") == DOC.replace("\r\n", "\n")
    resume = resumeconv.load(data, format="json")
    assert resume.to_dict() == {"basics": {"name": "Zoë 陈 😀"}}


def test_notepad_unicode_file_converts(tmp_path) -> None:
    src = tmp_path / "cv.md"
    src.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("utf-16"))  # LE with BOM
    assert resumeconv.load(src).to_dict() == resumeconv.load(EXAMPLE).to_dict()


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf\xef\xbb\xbf# CV\n",
        "\ufeff\ufeff# CV\n".encode("utf-16"),
        b"\xef\xbb\xbf" * 5 + b"# CV\n",
    ],
    ids=["utf8-twice", "utf16-twice", "utf8-five-times"],
)
def test_a_double_bom_is_stripped(data: bytes) -> None:
    assert decode(data, "cv.md") == "# CV\n"


@pytest.mark.parametrize(
    ("data", "words", "where"),
    [
        (b"\xff\xfe" + "{}".encode("utf-16-le") + b"x", "byte 6 is not valid UTF-16", (1, 3)),
        (b"\xff\xfe\n\x00\x00\xd8a\x00", "not valid UTF-16 (illegal UTF-16 surrogate)", (2, 1)),
        (b"\xff\xfe" + "  \n".encode("utf-16-le"), "file is empty", (None, None)),
        (b"\xef\xbb\xbf\xef\xbb\xbf \n", "file is empty", (None, None)),
        ("a\x00b".encode("utf-16"), "binary data", (None, None)),
        (b"{\x00}\x00", "binary data", (None, None)),  # UTF-16 without its BOM
    ],
)
def test_bad_wide_text_is_one_located_error(data: bytes, words: str, where: tuple) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "cv.json")
    assert words in info.value.message
    assert (info.value.line, info.value.column) == where


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"basics": {}}', "json"),
        ("  [1]", "json"),
        ("---\ntitle: CV\n---\n\nJane\n", "markdown"),
        ("# Jane Doe\n\n## Work\n\n* ACME\n", "markdown"),
        ("Jane Doe\n========\n\nEngineer\n", "markdown"),
        ("# Jane Doe\n\nEmail: jane@example.com\n", "markdown"),  # a page's header fields
        ("basics:\n  name: Jane\nwork: []\n", "yaml"),
        ("# yaml-language-server: $schema=x\nbasics:\n  name: Jane\n", "yaml"),
        ("---\nbasics:\n  name: Jane\n", "yaml"),  # a YAML document start, no front matter
        ("% refs\n@article{doe2020,\n  title = {T},\n}\n", "bibtex"),
        ("@misc{x, title={T}}\n", "bibtex"),
        ("Jane Doe\nEngineer at ACME\n", None),
        ("- a\n- b\n", None),
    ],
)
def test_sniff_format(text: str, fmt: str | None) -> None:
    assert sniff_format(text) == fmt


def _stdin(args: list[str], data: bytes) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "resumeconv", *args, "--no-progress"],
        input=data,
        capture_output=True,
        timeout=120,
        env=env,
        cwd=REPO,
        check=False,
    )


@pytest.mark.parametrize(
    "data",
    [
        json.dumps({"basics": {"name": "Jane"}}).encode(),
        b"basics:\n  name: Jane\n",
        b"# Jane\n\n## Work\n\n* Engineer, ACME, 2020\n",
        json.dumps({"basics": {"name": "Jane"}}).encode("utf-16"),
    ],
    ids=["json", "yaml", "page", "json-utf16"],
)
def test_stdin_is_read_without_f(data: bytes) -> None:
    proc = _stdin(["convert", "-", "-o", "-", "-t", "json"], data)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["basics"]["name"] == "Jane"


def test_stdin_that_is_none_of_them_asks_for_f() -> None:
    proc = _stdin(["convert", "-", "-o", "-", "-t", "json"], b"Jane Doe\nEngineer\n")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and "cannot tell the format of <stdin>" in err, err
    assert "-f markdown" in err and "Traceback" not in err
