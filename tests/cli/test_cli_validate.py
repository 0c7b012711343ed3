"""``resumeconv validate``: exit codes, and the text, JSON and GitHub report formats.

The fixtures in fixtures/validation/ have known errors on known lines; line numbers come
from the JSON importer's source map.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
import yaml

from resumeconv.cli import main

from conftest import REPO

ROOT = REPO
VALID = "fixtures/validation/valid.json"
INVALID = "fixtures/validation/invalid.json"
WARNINGS = "fixtures/validation/warnings.json"
BROKEN = "fixtures/validation/broken.json"
EXTRA_KEY = "fixtures/validation/extra-key.json"
MISSING = "fixtures/validation/no-such-file.json"

#: (pointer, line, severity, rule) of every finding in invalid.json.
INVALID_FINDINGS = [
    ("/basics/email", 4, "error", "schema"),
    ("/basics/url", 5, "error", "schema"),
    ("/work/0/startDate", 11, "error", "invalid-date"),
    ("/work/0/highlights", 13, "error", "schema"),
    ("/work/1/endDate", 18, "error", "date-order"),
    ("/education/0/endDate", 24, "error", "schema"),
]


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["validate", "--no-progress", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumeconv", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


# --------------------------------------------------------------------------- exit codes


def test_valid_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(VALID, capsys=capsys)
    assert status == 0
    assert out == f"{VALID}: valid\n"


def test_invalid_file_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(INVALID, capsys=capsys)
    assert status == 1
    assert out.splitlines()[-1] == f"{INVALID}: invalid (6 errors, 0 warnings)"


def test_warnings_alone_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(WARNINGS, capsys=capsys)
    assert status == 0
    assert out.splitlines()[-1] == f"{WARNINGS}: valid (3 warnings)"


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(MISSING, "--format", "json", capsys=capsys)
    assert status == 2
    [result] = json.loads(out)
    assert result["valid"] is False
    assert [i["rule"] for i in result["issues"]] == ["unreadable"]


def test_malformed_json_exits_2_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(BROKEN, "--format", "json", capsys=capsys)
    assert status == 2
    [result] = json.loads(out)
    [issue] = result["issues"]
    assert issue["rule"] == "unreadable"
    # read as JSONC (a .json file that is not plain JSON), the stray comma before the brace
    # is allowed: the error is the end of the file, where the outer object is never closed
    assert issue["line"] == 6
    assert "found the end of the file" in issue["message"]


def test_worst_file_decides_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(VALID, INVALID, capsys=capsys)[0] == 1
    assert _run(VALID, INVALID, MISSING, capsys=capsys)[0] == 2


def test_bad_usage_exits_2() -> None:
    assert _cli("validate", "--format", "xml", VALID).returncode == 2
    assert _cli("validate").returncode == 2
    assert _cli("validate", "--schema-version", "9.9.9", VALID).returncode == 2


def test_real_process_exit_codes() -> None:
    assert _cli("validate", VALID).returncode == 0
    assert _cli("validate", INVALID).returncode == 1
    assert _cli("validate", MISSING).returncode == 2


def test_schema_version_1_0_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(EXTRA_KEY, capsys=capsys)[0] == 0
    status, out, _ = _run(EXTRA_KEY, "--schema-version", "1.0.0", "--format", "json", capsys=capsys)
    assert status == 1
    [issue] = json.loads(out)[0]["issues"]
    assert (issue["pointer"], issue["rule"], issue["line"]) == ("/talks", "schema", 5)
    assert issue["message"].startswith("unknown top-level key 'talks'")
    # our own extension lives under meta, so an imported page passes 1.0.0 too
    assert _run(VALID, "--schema-version", "1.0.0", capsys=capsys)[0] == 0


# --------------------------------------------------------------------------- --format json


def test_json_report_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(VALID, INVALID, "--format", "json", capsys=capsys)
    assert status == 1
    report = json.loads(out)
    assert [r["path"] for r in report] == [VALID, INVALID]
    assert [r["valid"] for r in report] == [True, False]
    assert report[0]["issues"] == []
    for result in report:
        assert list(result) == ["path", "valid", "issues"]
    issues = report[1]["issues"]
    for issue in issues:
        assert list(issue) == ["severity", "rule", "pointer", "line", "column", "message"]
        assert isinstance(issue["column"], int) and issue["column"] >= 1
    got = [(i["pointer"], i["line"], i["severity"], i["rule"]) for i in issues]
    assert got == INVALID_FINDINGS


def test_json_report_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    first = _run(INVALID, WARNINGS, "--format", "json", capsys=capsys)[1]
    second = _run(INVALID, WARNINGS, "--format", "json", capsys=capsys)[1]
    assert first == second


# --------------------------------------------------------------------------- --format github

_ANNOTATION = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+)"
    r"::(?P<message>.+)$"
)


def _annotations(out: str) -> list[dict[str, Any]]:
    found = []
    for line in out.splitlines():
        match = _ANNOTATION.match(line)
        assert match, f"not a GitHub annotation: {line!r}"
        found.append(match.groupdict())
    return found


def test_github_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(INVALID, "--format", "github", capsys=capsys)
    assert status == 1
    notes = _annotations(out)
    assert [(n["level"], int(n["line"])) for n in notes] == [
        (severity, line) for _, line, severity, _ in INVALID_FINDINGS
    ]
    assert {n["file"] for n in notes} == {INVALID}
    assert notes[0]["message"] == (
        "/basics/email: email 'ada-at-example.org' is not an e-mail address [schema]"
    )


def test_github_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(WARNINGS, "--format", "github", capsys=capsys)
    assert status == 0
    notes = _annotations(out)
    assert [(n["level"], int(n["line"])) for n in notes] == [
        ("warning", 4),
        ("warning", 10),
        ("warning", 11),
    ]


def test_github_prints_nothing_for_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(VALID, "--format", "github", capsys=capsys)[1:] == ("", "")


def test_github_unreadable_file_is_an_error_annotation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _run(MISSING, "--format", "github", capsys=capsys)
    assert status == 2
    assert out.startswith(f"::error file={MISSING}")


# --------------------------------------------------------------------------- --format text


def test_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(INVALID, "--format", "text", capsys=capsys)
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == len(INVALID_FINDINGS) + 1
    for line, (pointer, number, severity, rule) in zip(lines, INVALID_FINDINGS, strict=False):
        assert re.match(rf"^{re.escape(INVALID)}:{number}:\d+: {severity}: {pointer}: ", line)
        assert line.endswith(f"[{rule}]")


# --------------------------------------------------------------------------- pre-commit hooks


def test_pre_commit_hooks_file() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"resumeconv-validate", "resumeconv-convert"}
    for hook in hooks:
        for key in ("id", "name", "entry", "language"):
            assert isinstance(hook[key], str) and hook[key]
        assert hook["language"] == "python"
    validate = by_id["resumeconv-validate"]
    assert validate["entry"] == "resumeconv validate"
    files = re.compile(validate["files"])
    names = ("_pages/cv.md", "resume.json", "cv.yaml", "cv.yml", "a/b/resume.yml")
    for name in (*names, "John_Doe_CV.yaml", "out/cv.rcv.yaml"):  # RenderCV's, ours
        assert files.search(name), name
    for name in ("README.md", "package.json", "_config.yml", ".pre-commit-config.yaml", "_CV.md"):
        assert not files.search(name), name
    convert = by_id["resumeconv-convert"]
    assert convert["entry"] == "resumeconv convert"
    assert convert["pass_filenames"] is False
