"""The reload script ``serve`` adds to the page it serves: it runs under the page's own
Content-Security-Policy (only it: a script in the resume's data still cannot), and the
rest of the page is the exporter's, byte for byte."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from resumeconv import api
from resumeconv.cli import livereload

from conftest import FIXTURES, REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCRIPT = re.compile(r'<script nonce="([^"]+)">.*?</script>\n', re.DOTALL)
META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def _page() -> bytes:
    return api.render(api.load(FIXTURES / "batch" / "good" / "ada.json"), "html")


def test_only_the_policy_and_the_script_change() -> None:
    page = _page().decode("utf-8")
    served = livereload.inject(page.encode("utf-8"), 7).decode("utf-8")
    script = SCRIPT.search(served)
    assert script is not None and "var version = 7;" in script.group(0)
    assert served.index(script.group(0)) < served.index("</body>")
    assert META.sub("", SCRIPT.sub("", served)) == META.sub("", page)
    policy = META.search(served)
    assert policy is not None
    content = policy.group(0).replace("&#x27;", "'")
    assert f"script-src 'nonce-{script.group(1)}'" in content
    assert "connect-src 'self'" in content
    assert "default-src 'none'" in content and "style-src 'unsafe-inline'" in content


@pytest.mark.parametrize("theme", [name for name, _ in api.themes()])
def test_every_built_in_theme_lets_the_script_run(theme: str) -> None:
    page = api.render(api.load(FIXTURES / "batch" / "good" / "ada.json"), "html", theme=theme)
    served = livereload.inject(page, 1).decode("utf-8")
    script, policy = SCRIPT.search(served), META.search(served)
    assert script is not None and policy is not None
    assert f"&#x27;nonce-{script.group(1)}&#x27;" in policy.group(0)


def test_each_response_has_its_own_nonce() -> None:
    page = _page()
    nonces = {SCRIPT.search(livereload.inject(page, 1).decode()).group(1) for _ in range(5)}
    assert len(nonces) == 5


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (
            "default-src 'none'; style-src 'unsafe-inline'",
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-N'; "
            "connect-src 'self'",
        ),
        (  # falling back to default-src: its sources stay allowed, ours are added
            "default-src 'self' https://cdn.example",
            "default-src 'self' https://cdn.example; script-src 'self' https://cdn.example "
            "'nonce-N'; connect-src 'self' https://cdn.example",
        ),
        ("script-src 'none'; img-src *", "script-src 'nonce-N'; img-src *"),
        ("img-src *", "img-src *"),  # scripts and fetches are not restricted: nothing to add
        (  # the first of a name is the one in force (CSP): the second is left alone
            "script-src 'self'; script-src 'none'",
            "script-src 'self' 'nonce-N'",
        ),
    ],
)
def test_the_policy_lets_through_our_script_and_nothing_else(policy: str, expected: str) -> None:
    assert livereload.allow_script(policy, "N") == expected


def test_a_page_without_body_or_policy_gets_the_script_at_the_end() -> None:
    served = livereload.inject(b"<p>hello", 1).decode()
    assert served.startswith("<p>hello<script nonce=")
    assert "Content-Security-Policy" not in served


def test_the_error_page_shows_the_message_as_text() -> None:
    page = livereload.error_page("cv.json", "cv.json:3:5: bad <script>x</script>", 2).decode()
    assert "cv.json:3:5: bad &lt;script&gt;x&lt;/script&gt;" in page
    assert page.count("<script") == 1 and "var version = 2;" in page


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_in_a_browser_the_reload_script_runs_and_the_payloads_do_not(tmp_path: Path) -> None:
    # the served copy of the page full of payloads: our script must run under the page's
    # policy (it marks <html>), no payload may (they would mark <body> or the title)
    src = tmp_path / "xss.json"
    shutil.copy(REPO / "fixtures" / "export" / "xss.json", src)
    server = subprocess.Popen(
        [sys.executable, "-m", "resumeconv", "serve", str(src), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update",
             "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
             url.group(0)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=60)
    dom = done.stdout
    assert "</html>" in dom, done.stderr[-2000:]
    html_tag = re.search(r"<html\b[^>]*>", dom)
    body_tag = re.search(r"<body\b[^>]*>", dom)
    title = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    assert html_tag and body_tag and title
    assert 'data-resumeconv-live="1"' in html_tag.group(0), "the reload script did not run"
    assert "data-pwned" not in body_tag.group(0) and title.group(1) != "PWNED"


def test_a_poll_answers_when_the_page_changes_and_not_before() -> None:
    from resumeconv.cli import preview

    state = preview.Preview("cv.json")
    state.publish(b"<p>one</p>")
    answers: list[int] = []

    def poll(after: int) -> threading.Thread:
        thread = threading.Thread(target=lambda: answers.append(state.wait(after, None)))
        thread.start()
        return thread

    poll(0).join(timeout=30)  # an old version: answered without waiting for a change
    assert answers == [1]
    waiting = poll(1)
    waiting.join(timeout=0.2)
    assert waiting.is_alive() and answers == [1]  # nothing changed: still waiting
    assert not state.publish(b"<p>one</p>")  # the same page again is no change
    assert state.publish(b"<p>two</p>")
    waiting.join(timeout=30)
    assert answers == [1, 2]
    last = poll(2)
    state.close()  # the server stops: every poll is answered
    last.join(timeout=30)
    assert not last.is_alive() and answers == [1, 2, 2]
