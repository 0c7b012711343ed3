"""No resume content can run code in the HTML page: checked statically and in Chromium.

``fixtures/export/xss.json`` (built by ``fixtures/export/make_xss.py``) has a payload in
every text field and a dangerous link in every URL field. Each payload tries to change the
page (``document.title = "PWNED"`` or ``data-pwned`` on <body>), so a browser that ran any of
them leaves a trace in the dumped DOM. Control pages with a real script prove that the
detection works.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from resumeconv.exporters import html
from resumeconv.model import Resume
from resumeconv.options import WriteOptions

from conftest import REPO

FIXTURES = REPO / "fixtures" / "export"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "img", "div",
    "h1", "h2", "h3", "p", "ul", "li", "a", "section", "article", "span", "time", "cite",
    "figure", "blockquote", "figcaption", "strong", "em", "code",
}  # fmt: skip
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n')


def xss_resume() -> Resume:
    return Resume.from_dict(json.loads((FIXTURES / "xss.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def page() -> str:
    return html.write(xss_resume(), WriteOptions()).decode("utf-8")


class Tags(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_fixture_is_full_of_payloads():
    raw = (FIXTURES / "xss.json").read_text(encoding="utf-8")
    for needle in ("<script>", "onerror=", "<svg onload", "javascript:", "data:text/html",
                   " JaVaScRiPt:", "{{7*7}}", "</style>"):  # fmt: skip
        assert needle in raw


def test_no_markup_from_content_survives(page):
    tags = Tags(page).tags
    assert {t for t, _ in tags} <= ALLOWED_TAGS
    assert "<script" not in page.lower()
    assert "<svg" not in page.lower() and "<iframe" not in page.lower()
    for tag, attrs in tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert re.match(r"(https?:|mailto:)", value or ""), (tag, name, value)
            assert "javascript:" not in (value or "").lower().replace(" ", "")
    # "onerror=" may appear only as escaped text: never in a tag outside an attribute value
    assert not re.search(r"<[a-z]+(\s+[a-z-]+(=\"[^\"]*\")?)*\s+on\w+=", page)
    assert not re.search(r"href=\"\s*(javascript|data|vbscript):", page, re.IGNORECASE)


def test_markdown_links_in_fields_keep_their_text_not_a_dangerous_target(page):
    """A field's [text](javascript:…) is drawn as text (the Markdown is read, not printed),
    and only http(s)/mailto targets become links (resumeconv/links.py)."""
    hrefs = [v for t, a in Tags(page).tags if t == "a" for n, v in a if n == "href"]
    assert "https://example.org/" in hrefs  # a safe link inside a field is a link
    assert all(re.match(r"(https?:|mailto:)", h or "") for h in hrefs)
    # contacts (addresses, user names) are identifiers, shown as written, never Markdown
    body = re.sub(r'<ul class="contacts".*?</ul>', "", page, flags=re.S)
    text = re.sub(r"<[^>]+>", "", body)
    assert "click" in text and "[click](" not in text
    assert "](JaVaScRiPt:" not in text and "**" not in text.replace("**Ada", "")
    assert "<strong>bold</strong>" in page  # **[bold](vbscript:…)**: bold text, no link
    assert 'onmouseover="' not in page  # the quote in a Markdown link target stays inside it


def test_payload_text_is_shown_as_text(page):
    assert "{{7*7}}" in page  # template syntax in content is data, not evaluated
    assert "&lt;script&gt;document.title=" in page
    # </style> in content cannot end the style element: only ours closes it.
    assert page.count("</style>") == 1


def _dump_dom(path: Path, profile: Path) -> str:
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",
        "--dump-dom",
        path.as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "</html>" in done.stdout, done.stderr[-2000:]
    return done.stdout


def _pwned(dom: str) -> bool:
    """True when a payload changed the page: an attribute on <body> or the title."""
    body = re.search(r"<body\b[^>]*>", dom)
    title = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    assert body is not None and title is not None
    return "data-pwned" in body.group(0) or title.group(1) == "PWNED"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_no_payload_runs_in_a_browser(page, tmp_path):
    pages = {
        # our page as written
        "page.html": page,
        # without the Content-Security-Policy: escaping alone must hold
        "no-csp.html": CSP.sub("", page),
        # controls: the same page with a real script and a real handler injected
        "control-script.html": CSP.sub("", page).replace(
            "</main>",
            "</main><script>document.body.setAttribute('data-pwned','control')</script>",
        ),
        "control-handler.html": CSP.sub("", page).replace(
            "</main>",
            "</main><img src=x onerror=\"document.title='PWNED'\">",
        ),
        # the CSP on its own stops an injected script
        "control-csp.html": page.replace(
            "</main>",
            "</main><script>document.body.setAttribute('data-pwned','csp')</script>",
        ),
    }
    assert CSP.search(page)
    doms = {}
    for name, text in pages.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        doms[name] = _dump_dom(path, tmp_path / f"profile-{name}")
    assert _pwned(doms["control-script.html"]), "detection is broken: control script did not run"
    assert _pwned(doms["control-handler.html"]), "detection is broken: control handler did not run"
    assert not _pwned(doms["control-csp.html"])
    assert not _pwned(doms["no-csp.html"])
    assert not _pwned(doms["page.html"])
    # the payloads are in the DOM as text
    assert "&lt;script&gt;document.title=" in doms["page.html"]
