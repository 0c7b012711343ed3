"""The HTML exporter: structure, content, locales, print CSS, themes and their errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from resumeconv import api, locales
from resumeconv.errors import ExportError, UsageError
from resumeconv.exporters import html, outline
from resumeconv.model import Resume
from resumeconv.options import WriteOptions

from conftest import REPO

FIXTURES = REPO / "fixtures" / "export"


def load(name: str) -> Resume:
    return Resume.from_dict(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")))


def render(resume: Resume, **options) -> str:
    return html.write(resume, WriteOptions(**options)).decode("utf-8")


class Page(HTMLParser):
    """Text per tag name, attributes of every tag, and the document's text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.body: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "img", "br", "link"):
            self.stack.append(tag)
            self.texts.setdefault(tag, []).append("")

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        for tag in set(self.stack):
            self.texts[tag][-1] += data
        if "style" not in self.stack and "title" not in self.stack:
            self.body.append(data)

    def all(self, tag: str) -> list[str]:
        return [" ".join(t.split()) for t in self.texts.get(tag, [])]

    def text(self) -> str:
        return " ".join("".join(self.body).split())


@pytest.fixture(scope="module")
def rich_html() -> str:
    return render(load("rich"))


def test_every_section_title_and_entry_heading_is_shown(rich_html):
    page = Page(rich_html)
    view = outline.build(load("rich"))
    assert page.all("h1") == ["Ada Q. Lovelace"]
    assert page.all("h2") == [s.title for s in view.sections]
    headings = [i.heading for s in view.sections for i in s.items if i.heading]
    shown = page.all("h3") + page.all("figcaption")
    for heading in headings:
        assert any(heading in h for h in shown), heading
    assert len(page.all("section")) == len(view.sections)


def test_every_outline_string_is_in_the_page(rich_html):
    text = Page(rich_html).text()
    view = outline.build(load("rich"))
    strings = [view.name, view.label, *(c.label for c in view.contacts)]
    for s in view.sections:
        strings += [s.title, *outline_paragraphs(s.text)]
        for i in s.items:
            strings += [i.heading, i.subheading, i.location, i.dates, i.note]
            strings += [*outline_paragraphs(i.summary), *i.bullets, *i.keywords]
    for value in filter(None, strings):
        assert " ".join(value.split()) in text, value


def outline_paragraphs(value: str) -> list[str]:
    return html.paragraphs(value)


def test_semantic_markup_and_metadata(rich_html):
    page = Page(rich_html)
    tags = {t for t, _ in page.tags}
    assert {"header", "section", "article", "time", "ul", "li", "h1", "h2", "h3"} <= tags
    html_attrs = next(a for t, a in page.tags if t == "html")
    assert html_attrs["lang"] == "en"
    metas = [a for t, a in page.tags if t == "meta"]
    assert {"name": "generator", "content": "resumeconv"} in metas
    assert any(a.get("name") == "viewport" for a in metas)
    times = [a["datetime"] for t, a in page.tags if t == "time"]
    assert "2023-09" in times and "2025" in times
    assert rich_html.startswith("<!DOCTYPE html>\n")
    links = {a["href"] for t, a in page.tags if t == "a"}
    assert "https://github.com/adalovelace" in links
    assert "mailto:ada@example.org" in links


def test_self_contained_no_scripts_no_fetches(rich_html):
    page = Page(rich_html)
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "link", "iframe", "object", "embed", "base"}
    css = "".join(page.texts["style"])
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    # The only fetch is the author's own photo.
    srcs = [a.get("src") for t, a in page.tags if "src" in a]
    assert srcs == ["https://example.org/ada.png"]


def test_print_css_and_paper_size(rich_html):
    assert "@page { size: A4;" in rich_html
    assert "break-inside: avoid" in rich_html
    assert "@media print" in rich_html
    letter = render(load("rich"), paper="letter")
    assert "@page { size: letter;" in letter
    with pytest.raises(UsageError):
        render(load("rich"), paper="a5")


def test_output_is_deterministic(rich_html):
    assert render(load("rich")) == rich_html
    assert html.write(load("rich"), WriteOptions()) == rich_html.encode("utf-8")


@pytest.mark.parametrize("code", ["zh", "de", "fr", "es"])
def test_locale_titles_and_dates(code):
    page = Page(render(load("rich"), locale=code))
    words = locales.get(code)
    h2 = page.all("h2")
    # layout titles are the author's; unlisted sections get the locale's titles
    assert "Working Experience" in h2
    for key in ("volunteer", "certificates", "interests", "references"):
        assert words.titles[key] in h2
    html_attrs = next(a for t, a in page.tags if t == "html")
    assert html_attrs["lang"] == code
    from resumeconv import dateformat as dates

    text = page.text()
    assert (
        " ".join(
            dates.format_range("2023-09", None, open=True, expected=False, locale=code).split()
        )
        in text
    )
    assert (
        " ".join(
            dates.format_range(
                "2019-01-15", "2021-06-30", open=False, expected=False, locale=code
            ).split()
        )
        in text
    )
    assert words.present in text


def test_chinese_resume_is_marked_chinese():
    page = Page(render(load("zh")))
    assert next(a for t, a in page.tags if t == "html")["lang"] == "zh"
    assert page.all("h1") == ["李明"]
    assert page.all("h2")[:3] == ["教育背景", "工作经历", "项目经历"]


def test_unknown_locale_is_a_usage_error():
    with pytest.raises(UsageError) as info:
        api.render(load("rich"), "html", locale="klingon")
    assert "en, zh, ja, ko, de, fr, es" in info.value.hint


def test_autoescape_keeps_markup_as_text():
    resume = Resume.from_dict(
        {
            "basics": {"name": "<b>Bold</b> & {{ 7*7 }}"},
            "work": [{"position": "<i>x</i>", "highlights": ["a < b > c"]}],
        }
    )
    out = render(resume)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; {{ 7*7 }}" in out
    assert "&lt;i&gt;x&lt;/i&gt;" in out and "a &lt; b &gt; c" in out
    assert "<b>" not in out and "49" not in out


def test_template_refuses_unsafe_links_even_if_outline_lets_them_through(monkeypatch):
    real = outline.build

    def poisoned(resume, locale="en"):
        view = real(resume, locale)
        view.contacts[0].url = "javascript:alert(1)"
        view.sections[1].items[0].url = "data:text/html,x"
        return view

    monkeypatch.setattr(outline, "build", poisoned)
    out = render(load("rich"))
    assert "javascript:" not in out and "data:text/html" not in out
    assert "ada@example.org" in out


# --------------------------------------------------------------------------- themes


def write_theme(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def test_theme_reuses_our_renderers_beside_its_own_partials(tmp_path):
    theme = write_theme(
        tmp_path / "theme",
        {
            "resume.html.j2": "<html lang='{{ resume.lang }}'><style>{{ stylesheet() }}</style>"
            "<body><h1>MY {{ resume.name }}</h1>{{ header_html() }}"
            "{% for section in resume.sections %}"
            "{% if section.key == 'skills' %}"
            "{% for item in section.items %}{% include 'entries/skill.html.j2' %}{% endfor %}"
            "{% for item in section.items %}{{ entry_html(item, section.key) }}{% endfor %}"
            "{% elif section.key == 'languages' %}"
            "{% for item in section.items %}{{ entry_html(item, 'entry') }}{% endfor %}"
            "{% else %}{{ section_html(section) }}{% endif %}"
            "{% endfor %}</body></html>",
            "entries/skill.html.j2": "<p class='my-skill'>{{ item.heading }}</p>",
        },
    )
    out = render(load("rich"), theme=theme, paper="letter")
    page = Page(out)
    assert page.all("h1") == ["MY Ada Q. Lovelace", "Ada Q. Lovelace"]
    assert "<p class='my-skill'>Programming Languages</p>" in out  # the theme's partial
    assert '<article class="entry row">\n<h3 class="heading">Programming Languages' in out
    assert '<article class="entry">\n<div class="entry-head">\n<h3 class="heading">English' in out
    assert '<section class="section section-work">' in out  # our section, as fallback
    assert "Working Experience" in page.all("h2")
    assert "@page { size: letter;" in out
    assert '<ul class="contacts" aria-label="Contact">' in out


#: A theme made of our partials only, through the functions (the README's example).
FUNCTIONS_THEME = """\
<!DOCTYPE html>
<html lang="{{ resume.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="resumeconv">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'; img-src https: http: data:">
<title>{{ resume.name or words.document }}</title>
<style>
{{ stylesheet() }}</style>
</head>
<body>
<main class="resume">
{{ header_html() -}}
{% for section in resume.sections %}
{{ section_html(section) -}}
{% endfor %}
</main>
</body>
</html>
"""


@pytest.mark.parametrize("name", ["rich", "xss", "zh"])
@pytest.mark.parametrize(("code", "paper"), [("en", "a4"), ("zh", "letter"), ("de", "letter")])
def test_default_theme_copied_or_called_makes_the_built_in_page(tmp_path, name, code, paper):
    """The built-in page is a theme like any other: a copy of its folder, or a theme that
    calls our partials, makes the same bytes."""
    copy = tmp_path / "copy"
    shutil.copytree(html.DEFAULT_THEME, copy)
    called = write_theme(tmp_path / "called", {"resume.html.j2": FUNCTIONS_THEME})
    ours = html.write(load(name), WriteOptions(locale=code, paper=paper))
    for theme in (html.DEFAULT_THEME, copy, called):
        assert html.write(load(name), WriteOptions(locale=code, paper=paper, theme=theme)) == ours


def test_a_copied_partial_is_the_themes_own(tmp_path):
    """A theme that copied our folder and edited one entry template gets its edit."""
    copy = tmp_path / "copy"
    shutil.copytree(html.DEFAULT_THEME, copy)
    (copy / "entries" / "skill.html.j2").write_text(
        "<p class='my-skill'>{{ item.heading }}</p>\n", encoding="utf-8"
    )
    out = render(load("rich"), theme=copy)
    assert "<p class='my-skill'>Programming Languages</p>" in out
    assert '<article class="entry row">\n<h3 class="heading">Programming' not in out
    assert '<section class="section section-work">' in out


def test_theme_functions_return_escaped_markup(tmp_path):
    theme = write_theme(
        tmp_path / "t",
        {"resume.html.j2": "{{ header_html() }}{% for s in resume.sections %}"
         "{{ section_html(s) }}{% endfor %}"},
    )  # fmt: skip
    resume = Resume.from_dict(
        {"basics": {"name": "<script>x</script>"}, "work": [{"position": "a & 'b'"}]}
    )
    out = render(resume, theme=theme)
    assert "<script>" not in out and "<h1>&lt;script&gt;x&lt;/script&gt;</h1>" in out
    assert "a &amp; &#39;b&#39;" in out and "&amp;amp;" not in out  # escaped once, not twice
    assert '<header class="masthead">' in out


def test_theme_header_is_empty_without_basics(tmp_path):
    theme = write_theme(tmp_path / "t", {"resume.html.j2": "[{{ header_html() }}]"})
    resume = Resume.from_dict({"education": [{"institution": "MIT"}]})
    assert render(resume, theme=theme) == "[]\n"


def test_theme_autoescapes_too(tmp_path):
    theme = write_theme(
        tmp_path / "t", {"resume.html.j2": "{{ resume.name }}|{{ data.basics.name }}"}
    )
    resume = Resume.from_dict({"basics": {"name": "<script>x</script>"}})
    out = render(resume, theme=theme)
    assert "<script>" not in out and out.count("&lt;script&gt;") == 2


def test_missing_theme_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as info:
        render(load("rich"), theme=tmp_path / "nope")
    assert info.value.file.endswith("nope") and info.value.hint
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError) as info:
        render(load("rich"), theme=tmp_path / "empty")
    assert "resume.html.j2" in str(info.value)
    assert str(html.DEFAULT_THEME) in info.value.hint
    assert (html.DEFAULT_THEME / "resume.html.j2").is_file()


def test_theme_syntax_error_says_file_and_line(tmp_path):
    theme = write_theme(tmp_path / "t", {"resume.html.j2": "<p>\n<p>\n{% for x in %}\n"})
    with pytest.raises(ExportError) as info:
        render(load("rich"), theme=theme)
    assert info.value.file.endswith("resume.html.j2")
    assert info.value.line == 3
    assert info.value.hint


def test_theme_broken_partial_says_file_and_line(tmp_path):
    theme = write_theme(
        tmp_path / "t",
        {
            "resume.html.j2": "{% for section in resume.sections %}"
            "{% for item in section.items %}{% include 'entries/entry.html.j2' %}{% endfor %}"
            "{% endfor %}",
            "entries/entry.html.j2": "ok\n{{ item.no_such_field }}\n",
        },
    )
    with pytest.raises(ExportError) as info:
        render(load("rich"), theme=theme)
    assert info.value.file.endswith("entry.html.j2")
    assert info.value.line == 2
    assert "no_such_field" in str(info.value)


def test_theme_unknown_entry_kind_says_file_and_line(tmp_path):
    theme = write_theme(
        tmp_path / "t",
        {
            "resume.html.j2": "{% for section in resume.sections %}\n"
            "{% for item in section.items %}{{ entry_html(item, 'poem') }}{% endfor %}"
            "{% endfor %}"
        },
    )
    with pytest.raises(ExportError) as info:
        render(load("rich"), theme=theme)
    assert info.value.file.endswith("resume.html.j2") and info.value.line == 2
    assert "'poem'" in str(info.value) and "skill" in str(info.value)


def test_theme_is_sandboxed(tmp_path):
    theme = write_theme(
        tmp_path / "t",
        {"resume.html.j2": "{{ resume.__class__.__init__.__globals__['os'].system('true') }}"},
    )
    with pytest.raises(ExportError):
        render(load("rich"), theme=theme)
    theme2 = write_theme(tmp_path / "t2", {"resume.html.j2": "{{ ''.format_map.__self__ }}"})
    with pytest.raises(ExportError):
        render(load("rich"), theme=theme2)
    # our functions do not open a way out either
    theme3 = write_theme(
        tmp_path / "t3", {"resume.html.j2": "{{ section_html.__globals__['render'] }}"}
    )
    with pytest.raises(ExportError):
        render(load("rich"), theme=theme3)


def test_theme_missing_include_is_an_export_error(tmp_path):
    theme = write_theme(tmp_path / "t", {"resume.html.j2": "{% include 'nope.html.j2' %}"})
    with pytest.raises(ExportError) as info:
        render(load("rich"), theme=theme)
    assert "nope.html.j2" in str(info.value)


def test_theme_including_our_old_partials_is_told_what_replaces_them(tmp_path):
    theme = write_theme(
        tmp_path / "t",
        {
            "resume.html.j2": "{% for section in resume.sections %}"
            "{% include 'section.html.j2' %}{% endfor %}"
        },
    )
    with pytest.raises(ExportError) as info:
        render(load("rich"), theme=theme)
    assert "section.html.j2" in str(info.value)
    assert "section_html(section)" in info.value.hint


def test_theme_environment_is_built_once(tmp_path):
    from resumeconv.exporters.html import theme

    folder = str(write_theme(tmp_path / "t", {"resume.html.j2": "x"}))
    assert theme.environment(folder) is theme.environment(folder)


_CLI = "import sys; from resumeconv.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.mark.parametrize("with_theme", [False, True])
def test_cli_built_in_page_and_theme_option_take_one_path(tmp_path, with_theme):
    """``convert -o cv.html`` and ``--theme`` with the built-in folder make the same page."""
    out = tmp_path / "cv.html"
    argv = ["convert", str(FIXTURES / "rich.json"), "-o", str(out)]
    if with_theme:
        argv += ["--theme", str(html.DEFAULT_THEME)]
    proc = subprocess.run(
        [sys.executable, "-c", _CLI, *argv], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == html.write(load("rich"), WriteOptions())


def test_default_theme_css_has_cjk_fallbacks_and_phone_layout(rich_html):
    css = "".join(Page(rich_html).texts["style"])
    assert "PingFang SC" in css and "Noto Sans CJK SC" in css
    assert re.search(r"@media \(max-width: \d+rem\)", css)


def test_resume_without_basics_has_no_empty_header():
    resume = Resume.from_dict({"education": [{"institution": "MIT", "endDate": "2022"}]})
    out = render(resume)
    page = Page(out)
    assert "header" not in {t for t, _ in page.tags}
    assert page.all("title") == ["Curriculum Vitae"]
    assert '<time datetime="2022">2022</time>' in out  # a lone end date is the graduation


EXAMPLE = REPO / "fixtures" / "example" / "cv.md"


def test_seed_cv_page_renders_every_section_and_bullet():
    resume = api.load(EXAMPLE)
    page = Page(render(resume))
    view = outline.build(resume)
    assert page.all("h2") == [s.title for s in view.sections]
    assert {"Education", "Teaching experience", "Working experience", "Projects", "Skills"} <= set(
        page.all("h2")
    )
    text = page.text()
    for project in resume.projects:
        for bullet in project.highlights:
            assert " ".join(bullet.split()) in text
    times = [a["datetime"] for t, a in page.tags if t == "time"]
    assert "2023-09" in times
