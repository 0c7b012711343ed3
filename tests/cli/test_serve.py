"""``resumeconv serve`` and ``convert --watch``, run as a user runs them: a subprocess on
a free port (``--port 0``, the address read from its first line), fetched with urllib
before and after editing the input.

Every wait is a polling loop with a generous deadline (the machine is shared and slow at
times): a test that works ends within a second or two, one that does not fails at the
deadline, never passes by waiting.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, REPO

ADA = FIXTURES / "batch" / "good" / "ada.json"
SITE = FIXTURES / "site"
DEADLINE = 30.0  # seconds: only reached when something is broken


def _wait_for(what: str, check: Callable[[], Any], deadline: float = DEADLINE) -> Any:
    """Poll ``check`` until it returns something true; fail naming ``what`` at the deadline."""
    end = time.monotonic() + deadline
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            pytest.fail(f"timed out after {deadline:.0f} s waiting for {what}")
        time.sleep(0.05)


#: ``python -m resumeconv``, with Ctrl-C delivered as in a terminal even when these tests
#: run in a background job (which starts its children with SIGINT ignored, and Python
#: keeps it so).
_MAIN = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
from resumeconv.cli import main
sys.exit(main(sys.argv[1:]))
"""


class Running:
    """A ``resumeconv`` command running in the background: its stdout lines as they come,
    its stderr in a file."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.err_path = cwd / f".stderr-{len(list(cwd.glob('.stderr-*')))}.txt"
        self._err = self.err_path.open("w")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _MAIN, *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=self._err,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def first_line(self) -> str:
        try:
            return self.lines.get(timeout=DEADLINE)
        except queue.Empty:
            pytest.fail(f"no output in {DEADLINE:.0f} s; stderr: {self.stderr()}")

    def stderr(self) -> str:
        self._err.flush()
        return self.err_path.read_text()

    def interrupt(self) -> int:
        """Ctrl-C, and the exit status."""
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            pytest.fail("did not stop on Ctrl-C")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._err.close()


@pytest.fixture
def run(tmp_path: Path) -> Iterator[Callable[..., Running]]:
    started: list[Running] = []

    def start(*args: str) -> Running:
        started.append(Running(list(args), tmp_path))
        return started[-1]

    yield start
    for proc in started:
        proc.stop()


def _serve(run: Callable[..., Running], *args: str) -> tuple[Running, str]:
    server = run("serve", *args, "--port", "0")
    line = server.first_line()
    match = re.search(r"http://127\.0\.0\.1:\d+/", line)
    assert match, f"no address in {line!r}; stderr: {server.stderr()}"
    # edits from now on are seen by the watcher itself (one made earlier would be found
    # by comparing the files once it runs: tests/cli/test_watch.py)
    _wait_for("the watcher", lambda: "watching" in server.stderr())
    return server, match.group(0)


def _get(url: str, timeout: float = DEADLINE) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _version(page: str) -> int:
    match = re.search(r"var version = (\d+);", page)
    assert match, "the served page has no reload script"
    return int(match.group(1))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _save(path: Path, text: str) -> None:
    """Save as many editors do: a new file renamed over the old one."""
    tmp = path.with_name(path.name + ".saving")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


@pytest.fixture
def ada(tmp_path: Path) -> Path:
    path = tmp_path / "ada.json"
    shutil.copy(ADA, path)
    return path


def test_serve_shows_the_page_then_the_edit(run: Callable[..., Running], ada: Path) -> None:
    server, url = _serve(run, str(ada))
    status, page = _get(url)
    assert status == 200 and "Ada Example" in page and "Research Engineer" in page
    assert "/__resumeconv/changes" in page
    _edit(ada, "Ada Example", "Ada Lovelace")
    _wait_for("the edited name in the page", lambda: "Ada Lovelace" in _get(url)[1])
    # the page is published before its line is printed: wait for the line, do not race it
    _wait_for("the rebuild's line", lambda: "page rebuilt" in server.stderr())
    assert server.interrupt() == 0


def test_the_reload_endpoint_answers_when_the_input_changes(
    run: Callable[..., Running], ada: Path
) -> None:
    _, url = _serve(run, str(ada))
    version = _version(_get(url)[1])
    answer: queue.Queue[Any] = queue.Queue()

    def poll() -> None:
        try:
            answer.put(_get(f"{url}__resumeconv/changes?after={version}")[1])
        except Exception as exc:  # the test fails on it below
            answer.put(exc)

    threading.Thread(target=poll, daemon=True).start()
    time.sleep(0.2)  # not needed for correctness: the poll answers at once if it came late
    assert answer.empty(), "the poll answered before anything changed"
    _edit(ada, "Lyon", "Paris")
    got = answer.get(timeout=DEADLINE)
    assert not isinstance(got, Exception), got
    assert json.loads(got)["version"] > version
    assert "Paris" in _get(url)[1]


def test_a_broken_edit_shows_the_error_and_a_fix_recovers(
    run: Callable[..., Running], ada: Path
) -> None:
    server, url = _serve(run, str(ada))
    good = ada.read_text(encoding="utf-8")
    _save(ada, good.replace('"name": "Ada Example"', '"name" "Ada Example"'))
    _, page = _wait_for("the error page", lambda: (r := _get(url))[0] == 500 and r)
    assert re.search(r"ada\.json:3:\d+: JSON: expected", page), page
    assert "cannot be shown" in page and "/__resumeconv/changes" in page  # it reloads too
    _wait_for("the error on the terminal", lambda: "ada.json:3:" in server.stderr())
    assert server.proc.poll() is None, "the server stopped on a bad edit"
    _save(ada, good.replace("Ada Example", "Ada Fixed"))
    _, page = _wait_for("the page back", lambda: (r := _get(url))[0] == 200 and r)
    assert "Ada Fixed" in page
    assert "Traceback" not in server.stderr()


def test_a_file_the_site_reads_changes_the_page(
    run: Callable[..., Running], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    _, url = _serve(run, str(site / "_pages" / "cv.md"))
    assert "Searching Things" in _get(url)[1]
    _edit(site / "_publications" / "searching.md", "Searching Things", "Finding Things")
    _wait_for("the new publication title", lambda: "Finding Things" in _get(url)[1])
    _edit(site / "_config.yml", 'location         : "Berkeley, CA, USA"', 'location : "Oslo"')
    _wait_for("the site's new location", lambda: "Oslo" in _get(url)[1])


def test_a_theme_folder_and_a_bib_file_are_watched_too(
    run: Callable[..., Running], ada: Path, tmp_path: Path
) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "resumeconv" / "exporters" / "html" / "themes" / "default", theme)
    bib = tmp_path / "refs.bib"
    shutil.copy(FIXTURES / "bibtex" / "refs.bib", bib)
    _, url = _serve(run, str(ada), "--theme", str(theme), "--bib", str(bib))
    page = _get(url)[1]
    assert "Lakes and Ponds" in page and "resumeconv-theme-marker" not in page
    css = theme / "style.css.j2"
    css.write_text(css.read_text("utf-8") + "\n/* resumeconv-theme-marker */\n", "utf-8")
    _wait_for("the theme edit", lambda: "resumeconv-theme-marker" in _get(url)[1])
    _edit(bib, '"Lakes and {Ponds}: a {S}urvey"', '"Seas and {Ponds}: a {S}urvey"')
    _wait_for("the bibliography edit", lambda: "Seas and Ponds" in _get(url)[1])


def test_only_this_machine_can_connect_by_default(run: Callable[..., Running], ada: Path) -> None:
    _, url = _serve(run, str(ada))
    port = int(url.rsplit(":", 1)[1].strip("/"))
    assert _get(url)[0] == 200
    # 127.0.0.2 is this machine too, but not the address the server is bound to
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.2", port), 5):
        pass


def test_the_written_file_never_holds_the_reload_script(
    run: Callable[..., Running], ada: Path, tmp_path: Path
) -> None:
    _, url = _serve(run, str(ada))
    assert "__resumeconv" in _get(url)[1]
    out = tmp_path / "ada.html"
    done = subprocess.run(
        [sys.executable, "-m", "resumeconv", "convert", str(ada), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "__resumeconv" not in out.read_text(encoding="utf-8")
    assert "<script" not in out.read_text(encoding="utf-8")


def test_a_port_in_use_is_one_clear_error(ada: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "resumeconv", "serve", str(ada), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "in use" in lines[0] and f":{port}" in lines[0], done.stderr
    assert "--port" in lines[0]


def test_serve_refuses_a_missing_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resumeconv", "serve", str(tmp_path / "nope.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "nope.json" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_ctrl_c_stops_serve_cleanly(run: Callable[..., Running], ada: Path) -> None:
    server, url = _serve(run, str(ada))
    assert _get(url)[0] == 200
    assert server.interrupt() == 0
    assert "Traceback" not in server.stderr()


def test_sigterm_stops_serve_cleanly_too(run: Callable[..., Running], ada: Path) -> None:
    server, _ = _serve(run, str(ada))
    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(timeout=DEADLINE) == 0
    assert "stopped" in server.stderr() and "Traceback" not in server.stderr()


def test_loopback_addresses() -> None:
    from resumeconv.cli.preview import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("127.0.0.2") and is_loopback("::1")
    assert is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")
    assert not is_loopback("example.org")


def test_convert_watch_rewrites_the_output_on_every_change(
    run: Callable[..., Running], ada: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "ada.json"
    watcher = run("convert", str(ada), "-o", f"{tmp_path / 'out'}/", "-t", "json,html", "--watch")
    _wait_for("the first conversion", lambda: "watching" in watcher.stderr())
    assert json.loads(out.read_text("utf-8"))["basics"]["name"] == "Ada Example"

    _edit(ada, "Ada Example", "Ada Watched")
    _wait_for("the rewritten output", lambda: "Ada Watched" in out.read_text("utf-8"))
    _wait_for("the rebuild line", lambda: "changed: wrote" in watcher.stderr())

    good = ada.read_text(encoding="utf-8")
    _save(ada, good.replace('"name": "Ada Watched"', '"name" "Ada Watched"'))
    _wait_for("the error", lambda: "ada.json:3:" in watcher.stderr())
    assert watcher.proc.poll() is None, "an error stopped the watch"
    assert "Ada Watched" in out.read_text("utf-8")  # a failed rebuild writes nothing

    _save(ada, good.replace("Ada Watched", "Ada Again"))
    _wait_for("the output after the fix", lambda: "Ada Again" in out.read_text("utf-8"))

    def rebuilds() -> list[str]:
        return [line for line in watcher.stderr().splitlines() if " changed: " in line]

    # one line per rebuild (three saves; an editor saving in two steps may make more)
    lines = _wait_for("three rebuild lines", lambda: len(rebuilds()) >= 3 and rebuilds())
    assert "wrote nothing; 1 input(s) failed" in "".join(lines)
    assert watcher.interrupt() == 0
    assert "Traceback" not in watcher.stderr()


def test_convert_watch_refuses_check_and_stdout(ada: Path, tmp_path: Path) -> None:
    for extra in (["-o", str(tmp_path / "a.html"), "--check"], ["-o", "-", "-t", "html"]):
        done = subprocess.run(
            [sys.executable, "-m", "resumeconv", "convert", str(ada), *extra, "--watch"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "--watch" in done.stderr
