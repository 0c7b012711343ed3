"""Output names the run cannot honour are refused before anything is written (issue 14):
a name whose extension contradicts -t, and names longer than file systems store."""

from __future__ import annotations

from pathlib import Path

import pytest

import resumeconv
from resumeconv import cli

from conftest import EXAMPLE


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main([*args, "--no-progress"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "to", "says"),
    [("cv.html", "pdf", "html"), ("cv.pdf", "html", "pdf"), ("cv.json", "yaml", "json"),
     ("cv.md", "docx", "markdown")],
)  # fmt: skip
def test_a_name_that_contradicts_t_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, to: str, says: str
) -> None:
    out = tmp_path / name
    code, err = _run(capsys, "convert", str(EXAMPLE), "-o", str(out), "-t", to)
    assert code == 2
    assert err.count("\n") == 1, err
    assert f"{out}: the output name says {says} but the format asked for is {to}" in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "to"),
    [("cv.yml", "yaml"), ("cv.markdown", "md"), ("cv.txt", "md"), ("CV.HTML", "html"),
     ("cv", "json")],
)  # fmt: skip
def test_names_that_agree_or_say_nothing_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, to: str
) -> None:
    code, err = _run(capsys, "convert", str(EXAMPLE), "-o", str(tmp_path / name), "-t", to)
    assert code == 0, err
    assert (tmp_path / name).stat().st_size > 0


def test_the_library_refuses_it_too(tmp_path: Path) -> None:
    with pytest.raises(resumeconv.ResumeconvError, match="output name says html"):
        resumeconv.convert(EXAMPLE, tmp_path / "cv.html", to_format="pdf")
    resume = resumeconv.load(EXAMPLE)
    with pytest.raises(resumeconv.ResumeconvError, match="output name says html"):
        resumeconv.dump(resume, tmp_path / "cv.html", format="pdf")
    assert list(tmp_path.iterdir()) == []


LONG = "a" * 300
TOO_LONG = "file name is too long"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["convert", "{seed}", "-o", "{tmp}/" + LONG + ".json"], TOO_LONG + " (305 bytes"),
        (["convert", "{seed}", "-o", "{tmp}/" + LONG + "/", "-t", "json"], "file name is too long"),
        (["convert", "{seed}", "-o", "{tmp}/" + "b/" * 2100 + "cv.json"], "path is too long"),
        (["convert", "{tmp}/" + LONG + ".md", "-o", "{tmp}/cv.json"], "file name is too long"),
        (["validate", "{tmp}/" + LONG + ".md"], "file name is too long"),
    ],
    ids=["output", "output-folder", "output-path", "input", "validate"],
)
def test_very_long_names_are_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    argv = [a.replace("{seed}", str(EXAMPLE)).replace("{tmp}", str(tmp_path)) for a in args]
    code, err = _run(capsys, *argv)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("resumeconv: "), err
    assert words in lines[0], err
    assert "Traceback" not in err and "internal error" not in err
    assert list(tmp_path.iterdir()) == []


def test_an_output_named_after_a_long_input_is_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 255-byte input name is fine; its output name with ``.docx`` is 257 bytes."""
    src = tmp_path / ("d" * 252 + ".md")
    src.write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    code, err = _run(capsys, "convert", str(src), "-o", f"{out}/", "-t", "json,docx")
    assert code == 2
    assert "file name is too long (257 bytes" in err and err.count("\n") == 1, err
    assert sorted(tmp_path.iterdir()) == [src]
