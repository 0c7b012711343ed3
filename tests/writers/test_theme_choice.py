"""Which HTML theme renders: --theme > meta.theme > default; an unknown meta.theme warns."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from resumeconv import api
from resumeconv.exporters.html import choice
from resumeconv.exporters.html.theme import DEFAULT_THEME

DOC = {"basics": {"name": "Ada Example"}, "meta": {"theme": "plain"}}


@pytest.fixture
def themes(tmp_path, monkeypatch):
    """A themes folder with the default theme and a second one, ``plain``."""
    folder = tmp_path / "themes"
    shutil.copytree(DEFAULT_THEME, folder / "default")
    (folder / "plain").mkdir()
    (folder / "plain" / "resume.html.j2").write_text("PLAIN {{ data.basics.name }}\n", "utf-8")
    (folder / "notes").mkdir()  # a folder without the entry point is no theme
    monkeypatch.setattr(choice, "THEMES", folder)
    return folder


def render(document):
    return api.render(api.load(document), "html").decode("utf-8")


def test_builtin_themes_are_the_folders_with_an_entry_point(themes):
    assert choice.builtin_themes() == ["default", "plain"]


def test_the_real_themes_folder_has_default():
    assert "default" in choice.builtin_themes()


def test_meta_theme_is_honoured(themes):
    assert render(DOC) == "PLAIN Ada Example\n"
    package = {**DOC, "meta": {"theme": "jsonresume-theme-plain"}}
    assert render(package) == "PLAIN Ada Example\n"


def test_flag_beats_meta_theme(themes, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "resume.html.j2").write_text("MINE\n", "utf-8")
    resume = api.load(DOC)
    assert api.render(resume, "html", theme=str(mine)) == b"MINE\n"
    assert api.render(resume, "html", theme="default").startswith(b"<!DOCTYPE html>")
    assert api.theme_warning(resume, str(mine)) is None


@pytest.mark.parametrize("value", ["elegant", 5, ["plain"]])
def test_unknown_meta_theme_is_a_warning_and_the_default_page(themes, value):
    resume = api.load({**DOC, "meta": {"theme": value}})
    assert api.render(resume, "html") == api.render(api.load({"basics": DOC["basics"]}), "html")
    warning = api.theme_warning(resume)
    assert warning is not None and "not a built-in theme" in warning and "default" in warning


def test_cli_warns_with_the_line_of_meta_theme(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({**DOC, "meta": {"theme": "elegant"}}, indent=2), "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "resumeconv", "convert", str(path), "-o", str(tmp_path / "a.html")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"{path}:6:5: warning: meta.theme 'elegant' is not a built-in theme" in proc.stderr
    assert (tmp_path / "a.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_unknown_flag_names_the_builtin_themes(tmp_path):
    with pytest.raises(api.UsageError) as err:
        api.render(api.load(DOC), "html", theme=str(tmp_path / "nope"))
    assert "default" in err.value.hint
