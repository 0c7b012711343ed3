"""Which theme renders (HTML and PDF): --theme > meta.theme > default; the built-in
themes are found in their folders; an unknown meta.theme warns."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from resumeconv import api
from resumeconv.exporters import themes as choice

DOC = {"basics": {"name": "Ada Example"}, "meta": {"theme": "plain"}}


@pytest.fixture
def themes(tmp_path, monkeypatch):
    """Theme folders with the default theme and a new one, ``plain``, in both halves."""
    html, pdf = tmp_path / "html", tmp_path / "pdf"
    shutil.copytree(choice.HTML_THEMES / "default", html / "default")
    (html / "plain").mkdir()
    (html / "plain" / "resume.html.j2").write_text("PLAIN {{ data.basics.name }}\n", "utf-8")
    (html / "notes").mkdir()  # a folder without the entry point is no theme
    (html / "half").mkdir()  # an HTML half without its PDF style is none either
    (html / "half" / "resume.html.j2").write_text("HALF\n", "utf-8")
    pdf.mkdir()
    for name in ("default", "plain"):
        shutil.copy(choice.PDF_STYLES / "default.json", pdf / f"{name}.json")
    monkeypatch.setattr(choice, "HTML_THEMES", html)
    monkeypatch.setattr(choice, "PDF_STYLES", pdf)
    return html


def render(document):
    return api.render(api.load(document), "html").decode("utf-8")


def test_builtin_themes_are_the_folders_with_both_halves(themes):
    assert choice.names() == ["default", "plain"]
    assert [name for name, _ in choice.listing()] == ["default", "plain"]


def test_the_real_themes_folders_give_the_listed_themes():
    assert choice.names() == list(choice.BUILTIN)


def test_meta_theme_picks_the_pdf_style_too(tmp_path):
    from resumeconv.exporters import pdf
    from resumeconv.options import WriteOptions

    seen = []
    original = pdf.render
    try:
        pdf.render = lambda doc, options: seen.append(options.theme) or b""
        pdf.write(api.load({**DOC, "meta": {"theme": "modern"}}), WriteOptions())
        pdf.write(api.load({**DOC, "meta": {"theme": "modern"}}), WriteOptions(theme="classic"))
        pdf.write(api.load({**DOC, "meta": {"theme": "elegant"}}), WriteOptions())
    finally:
        pdf.render = original
    assert seen == ["modern", "classic", None]


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


def test_an_unknown_flag_is_an_error_even_with_a_good_meta_theme(tmp_path):
    resume = api.load({**DOC, "meta": {"theme": "modern"}})
    with pytest.raises(api.UsageError) as err:
        api.render(resume, "html", theme="nope")
    assert "default" in err.value.hint and "modern" in err.value.hint
