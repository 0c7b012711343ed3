"""Cold start: ``validate`` loads no exporter and no export engine (time is measured in bench/).

Each check runs the CLI's ``main`` in a fresh interpreter and lists the modules that were
imported by it (``sys.modules`` after minus before), so that site start-up does not count.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

ROOT = REPO
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


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


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


def test_exporters_import_no_importer() -> None:
    """Writers depend on the model, not on readers; exporters/markdown.py is the one
    exception for now (it reads its own output back)."""
    offenders = []
    for path in sorted((ROOT / "resumeconv" / "exporters").rglob("*.py")):
        if path.name == "markdown.py" and path.parent.name == "exporters":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):  # from resumeconv import importers, too
                names = [f"{node.module or ''}.{a.name}" for a in node.names]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if "importers" in n]
    assert offenders == []
