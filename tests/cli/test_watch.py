"""The watcher of ``serve`` and ``convert --watch``: which changes mean a rebuild, and an
edit made before the watcher ran is not lost."""

from __future__ import annotations

import os
import queue
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from resumeconv.cli import watch

from conftest import FIXTURES

DEADLINE = 30.0


class Background:
    """A watcher's batches, read in a thread (its generator blocks)."""

    def __init__(self, watcher: watch.Watcher) -> None:
        self.ready = threading.Event()
        self.batches: queue.Queue[list[str]] = queue.Queue()
        self._changes: Iterator[list[str]] = watcher.changes(self.ready.set)
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        for batch in self._changes:
            self.batches.put(batch)

    def next(self) -> list[str]:
        try:
            return self.batches.get(timeout=DEADLINE)
        except queue.Empty:
            pytest.fail(f"no change seen in {DEADLINE:.0f} s")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "site", tmp_path / "site")
    return tmp_path / "site"


def test_what_a_cv_page_depends_on(site: Path) -> None:
    page = site / "_pages" / "cv.md"
    read = [str(site / "_publications" / "searching.md")]
    targets = watch.targets([str(page)], read=read)
    assert targets.matters(str(page)) and targets.matters(read[0])
    assert targets.matters(str(site / "_config.yml"))
    assert targets.matters(str(site / "_talks" / "new-talk.md"))  # not read yet, but Jekyll would
    assert not targets.matters(str(site / "_pages" / ".cv.md.swp"))
    assert not targets.matters(str(site / "_site" / "cv" / "index.html"))
    assert not targets.matters(str(site / "README.md"))
    # an output written beside the page, in a folder the site has: ignored when named
    out = str(site / "_pages" / "cv.html")
    assert not watch.targets([str(page)], read=read, outputs=[out]).matters(out)
    assert str(site / "_site") not in targets.folders()


def test_a_json_resume_depends_on_itself_only(tmp_path: Path) -> None:
    src = tmp_path / "ada.json"
    shutil.copy(FIXTURES / "batch" / "good" / "ada.json", src)
    targets = watch.targets([str(src)], theme=None)
    assert targets.trees == ()
    assert targets.matters(str(src)) and not targets.matters(str(tmp_path / "ada.html"))
    assert watch.describe(targets) == "1 file"


def test_an_edit_before_the_watcher_runs_is_not_lost(tmp_path: Path) -> None:
    src = tmp_path / "ada.json"
    shutil.copy(FIXTURES / "batch" / "good" / "ada.json", src)
    watcher = watch.Watcher(watch.targets([str(src)]))
    src.write_text(src.read_text("utf-8").replace("Ada", "Adah"), "utf-8")  # no watcher yet
    assert os.path.realpath(src) in Background(watcher).next()


def test_an_output_written_beside_the_input_is_not_a_change(tmp_path: Path) -> None:
    src = tmp_path / "ada.json"
    shutil.copy(FIXTURES / "batch" / "good" / "ada.json", src)
    background = Background(watch.Watcher(watch.targets([str(src)])))
    assert background.ready.wait(DEADLINE)
    (tmp_path / "ada.html").write_text("<p>output</p>", "utf-8")
    (tmp_path / ".ada.json.swp").write_text("editor state", "utf-8")
    src.write_text(src.read_text("utf-8").replace("Ada", "Adah"), "utf-8")
    assert background.next() == [str(src)]  # the first batch names the input alone


def test_a_new_document_in_a_collection_is_a_change(site: Path) -> None:
    page = site / "_pages" / "cv.md"
    background = Background(watch.Watcher(watch.targets([str(page)])))
    assert background.ready.wait(DEADLINE)
    new = site / "_talks" / "2024-01-01-new.md"
    new.write_text("---\ntitle: New talk\n---\n", "utf-8")
    assert str(new) in background.next()
