"""Theme templates run with limits (issue 14): time, output size, recursion, and never a
link out of the theme folder. Hitting one is a user error naming the template, not
"internal error … a bug"."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from resumeconv.cli import main
from resumeconv.exporters.html import theme as themes

from conftest import FIXTURES

VALID = FIXTURES / "validation" / "valid.json"


def _convert(tmp_path: Path, files: dict[str, str], capsys) -> tuple[int, str, Path]:
    folder = tmp_path / "theme"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "cv.html"
    code = main(["convert", str(VALID), "-o", str(out), "--theme", str(folder), "--no-progress"])
    return code, capsys.readouterr().err, out


def test_a_theme_that_never_ends_is_stopped(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(themes, "MAX_RENDER_SECONDS", 0.5)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    started = time.monotonic()
    code, err, out = _convert(tmp_path, {"resume.html.j2": loops}, capsys)
    assert time.monotonic() - started < 5
    assert code == 2 and not out.exists()
    assert "resume.html.j2:1: the theme took more than 0.5 s to render: stopped" in err
    assert "internal error" not in err and "Traceback" not in err


def test_loops_over_literal_lists_that_do_nothing_are_stopped_too(tmp_path, capsys, monkeypatch):
    """Five nested loops over a literal list of 100 items: 10^10 empty steps, no call, no
    look-up, no output; the deadline is checked in every loop."""
    monkeypatch.setattr(themes, "MAX_RENDER_SECONDS", 0.5)
    items = "[" + ",".join(["1"] * 100) + "]"
    loops = "".join(f"{{% for x{k} in {items} %}}" for k in range(5)) + "{% endfor %}" * 5
    started = time.monotonic()
    code, err, out = _convert(tmp_path, {"resume.html.j2": loops}, capsys)
    assert time.monotonic() - started < 5
    assert code == 2 and not out.exists()
    assert "the theme took more than 0.5 s to render: stopped" in err


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ('{{ "x" * 100000000 }}', "made a text or list of more than"),
        ("{{ 10 ** 100000000 }}", "made a number of more than"),
        ("{% for i in range(100000) %}{{ 'y' * 300 }}{% endfor %}", "made a page of more than"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "recursed too deeply"),
    ],
    ids=["repeat", "power", "page", "recursion"],
)
def test_a_theme_past_a_limit_is_a_user_error(tmp_path, capsys, monkeypatch, template, message):
    monkeypatch.setattr(themes, "MAX_OUTPUT_CHARS", 1_000_000)
    code, err, out = _convert(tmp_path, {"resume.html.j2": template}, capsys)
    assert code == 2 and not out.exists()
    (line,) = err.strip().splitlines()[:1]
    assert line.startswith(f"resumeconv: {tmp_path / 'theme'}") and message in line
    assert "internal error" not in err


def test_limits_leave_an_ordinary_theme_alone(tmp_path, capsys):
    page = "{% for i in range(3) %}{{ i * 2 }}{{ 'ab' * 2 }}{{ 2 ** 3 }}{% endfor %}"
    page += "{{ range(4) | length }}{{ header_html() }}"
    code, err, out = _convert(tmp_path, {"resume.html.j2": page}, capsys)
    assert code == 0, err
    assert out.read_text().startswith("0abab82abab84abab84")


def test_a_template_symlinked_out_of_the_theme_is_refused(tmp_path, capsys):
    (tmp_path / "secret.txt").write_text("the secret\n", encoding="utf-8")
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "x.html").symlink_to(tmp_path / "secret.txt")
    code, err, out = _convert(tmp_path, {"resume.html.j2": '{% include "x.html" %}'}, capsys)
    assert code == 2 and not out.exists()
    assert "theme template x.html is a symlink" in err and "outside the theme folder" in err
    assert "the secret" not in err


def test_a_symlinked_folder_out_of_the_theme_is_refused(tmp_path, capsys):
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "p.html").write_text("outside", encoding="utf-8")
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "parts").symlink_to(tmp_path / "parts")
    code, err, _ = _convert(tmp_path, {"resume.html.j2": '{% include "parts/p.html" %}'}, capsys)
    assert code == 2 and "theme template parts/p.html is a symlink" in err


def test_a_symlink_inside_the_theme_is_followed(tmp_path, capsys):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "real.html").write_text("inside", encoding="utf-8")
    (tmp_path / "theme" / "link.html").symlink_to(tmp_path / "theme" / "real.html")
    code, err, out = _convert(tmp_path, {"resume.html.j2": '{% include "link.html" %}'}, capsys)
    assert code == 0, err
    assert out.read_text().strip() == "inside"
