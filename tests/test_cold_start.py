"""Cold start: what each command imports (the time itself is measured in bench/, not here).

Each check runs the CLI's ``main`` in a fresh interpreter and lists the modules that were
imported by it (``sys.modules`` after minus before), so that site start-up does not count.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures" / "batch"

_PROBE = """
import contextlib, io, json, sys
before = set(sys.modules)
from resumeconv.cli import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    try:
        status = main(sys.argv[2:])
    except SystemExit as exc:
        status = exc.code
new = sorted(set(sys.modules) - before)
with open(sys.argv[1], "w") as fh:
    json.dump({"status": status, "modules": new, "stdout": out.getvalue(),
               "stderr": err.getvalue()}, fh)
"""

# Packages `validate` must never load: exporters and their engines, and the progress UI.
_NOT_FOR_VALIDATE = ("resumeconv.exporters", "jinja2", "typst", "pypandoc", "docx", "rich")


def _imports(tmp_path: Path, *argv: str) -> dict:
    report = tmp_path / "probe.json"
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(report), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(report.read_text())


def _third_party(modules: list[str]) -> list[str]:
    tops = {m.split(".")[0] for m in modules}
    return sorted(t for t in tops if t not in sys.stdlib_module_names and t != "resumeconv")


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_version_imports_no_third_party_package(tmp_path: Path) -> None:
    probe = _imports(tmp_path, "--version")
    assert probe["status"] == 0
    assert probe["stdout"].startswith("resumeconv ")
    assert _third_party(probe["modules"]) == []
    # and not the heavy parts of our own package either
    assert _loaded(probe["modules"], ("resumeconv.api", "resumeconv.model")) == []


@pytest.mark.parametrize(
    "files",
    [
        [FIX / "good" / "ada.json"],
        [FIX / "good" / "ada.json", FIX / "bad" / "invalid.json"],  # a batch: plain log
    ],
    ids=["one-file", "batch"],
)
def test_validate_loads_no_exporter_engine_or_rich(tmp_path: Path, files: list[Path]) -> None:
    probe = _imports(tmp_path, "validate", *map(str, files), "--jobs", "1")
    assert probe["status"] == (0 if len(files) == 1 else 1), probe["stdout"] + probe["stderr"]
    assert f"{files[0]}: valid" in probe["stdout"]
    assert _loaded(probe["modules"], _NOT_FOR_VALIDATE) == []


def test_convert_to_json_loads_no_other_exporter_or_engine(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    probe = _imports(tmp_path, "convert", str(FIX / "good" / "bo.json"), "-o", str(out))
    assert probe["status"] == 0, probe["stderr"]
    assert out.stat().st_size > 0
    loaded = _loaded(probe["modules"], ("jinja2", "typst", "pypandoc", "docx", "rich"))
    assert loaded == []
    exporters = _loaded(probe["modules"], ("resumeconv.exporters",))
    assert set(exporters) <= {"resumeconv.exporters", "resumeconv.exporters.json"}


# Standard-library modules whose import costs more than the work of a one-file run.
_SLOW_STDLIB = ("dataclasses", "inspect", "typing", "argparse", "tempfile", "importlib.resources")


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "{good}"],
        ["convert", "{good}", "-o", "{tmp}/a.html"],
        ["convert", "{good}", "-o", "{tmp}/a.pdf"],
        ["convert", "{good}", "-o", "{tmp}/a.docx"],
    ],  # not Markdown: it re-reads its output with markdown-it-py, which imports dataclasses
    ids=["validate", "html", "pdf", "docx"],
)
def test_json_paths_skip_slow_stdlib_modules(tmp_path: Path, argv: list[str]) -> None:
    good = str(FIX / "good" / "bo.json")
    args = [a.format(good=good, tmp=tmp_path) for a in argv]
    probe = _imports(tmp_path, *args)
    assert probe["status"] == 0, probe["stderr"]
    assert _loaded(probe["modules"], _SLOW_STDLIB) == []


def test_cv_page_validate_skips_slow_stdlib_modules_and_markdown_it_py(tmp_path: Path) -> None:
    """Batch workers import the CV-page reader once each: records, not dataclasses; typing
    only for type checkers; the markdown-it-pyrs parser, with markdown-it-py left unloaded
    for pages it reads alike; ``html`` and ``html.parser`` only for pages with entities
    or HTML tables and lists (the seed has neither); no PyYAML, as the seed's front matter
    is of the shape ``importers/frontmatter.py`` recognizes without it."""
    pytest.importorskip("markdown_it_pyrs")
    page = ROOT / "fixtures" / "seed" / "cv.md"
    probe = _imports(tmp_path, "validate", str(page), "--jobs", "1")
    assert probe["status"] == 0, probe["stdout"] + probe["stderr"]
    assert f"{page}: valid" in probe["stdout"]
    assert "resumeconv.importers.cvpage.assemble" in probe["modules"]  # the page path ran
    unwanted = (*_SLOW_STDLIB, "markdown_it", "copy", "html", "html.parser", "yaml")
    unwanted += ("resumeconv.importers.yaml",)
    assert _loaded(probe["modules"], unwanted) == []
    assert _loaded(probe["modules"], _NOT_FOR_VALIDATE) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_batch_forks_its_workers_without_multiprocessing(tmp_path: Path) -> None:
    """A batch's workers are forked by ``forkpool.py``: the ~20 ms of multiprocessing and
    concurrent.futures imports are not paid before the first worker starts."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for k in range(3):
        shutil.copy(ROOT / "fixtures" / "seed" / "cv.md", folder / f"cv{k}.md")
    probe = _imports(tmp_path, "validate", str(folder), "--jobs", "2", "--no-progress")
    assert probe["status"] == 0, probe["stdout"] + probe["stderr"]
    assert probe["stdout"].count(": valid") == 3
    assert _loaded(probe["modules"], ("multiprocessing", "concurrent.futures")) == []
