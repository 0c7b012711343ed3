"""SIGTERM and Ctrl-C while an output is being written leave no hidden temporary file.

Each case runs the CLI in a subprocess whose ``os.fsync`` (called by ``write_atomic`` with
the temporary file written but not yet renamed) sends the signal: the process is then
stopped exactly mid-write, the moment that used to leave ``.NAME.xxxx.tmp`` behind.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES

GOOD = FIXTURES / "batch" / "good"

_SCRIPT = """
import os, signal, sys, time
import resumeconv.outputs as outputs
target = sys.argv[1]
def fsync(fd):
    pid = os.getpid() if target == "self" else os.getppid()
    os.kill(pid, getattr(signal, sys.argv[2]))
    time.sleep(30)  # the signal ends this process (or its parent stops it) long before
outputs.os.fsync = fsync
from resumeconv.cli import main
sys.exit(main(sys.argv[3:]))
"""


def _run(target: str, sig: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT, target, sig, *args],
        capture_output=True,
        text=True,
        timeout=25,
    )


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp"))


def test_sigterm_mid_write_removes_the_temporary_file(tmp_path: Path) -> None:
    src = tmp_path / "ada.json"
    shutil.copy(GOOD / "ada.json", src)
    proc = _run("self", "SIGTERM", "convert", str(src), "-o", str(tmp_path / "ada.yaml"))
    assert proc.returncode == 143, proc.stderr
    assert "terminated" in proc.stderr and "Traceback" not in proc.stderr
    assert _leftovers(tmp_path) == []
    assert not (tmp_path / "ada.yaml").exists()


def test_ctrl_c_mid_write_removes_the_temporary_file(tmp_path: Path) -> None:
    proc = _run("self", "SIGINT", "convert", str(GOOD / "ada.json"), "-o", str(tmp_path / "a.yaml"))
    assert proc.returncode == 130, proc.stderr
    assert _leftovers(tmp_path) == []


def test_sigterm_to_the_parent_of_a_batch_cleans_up_in_the_workers(tmp_path: Path) -> None:
    # a worker writing its output signals the parent, which stops its workers: each one
    # deletes its own temporary file before it ends
    out = tmp_path / "out"
    proc = _run("parent", "SIGTERM", "convert", str(GOOD), "-o", f"{out}/", "-t", "yaml", "-j", "2")
    assert proc.returncode == 143, proc.stderr
    assert "Traceback" not in proc.stderr
    assert _leftovers(out) == []


def test_ctrl_c_to_the_parent_of_a_batch_cleans_up_in_the_workers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _run("parent", "SIGINT", "convert", str(GOOD), "-o", f"{out}/", "-t", "yaml", "-j", "2")
    assert proc.returncode == 130, proc.stderr
    assert _leftovers(out) == []


def test_a_worker_killed_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _run("self", "SIGTERM", "convert", str(GOOD), "-o", f"{out}/", "-t", "yaml", "-j", "2")
    assert proc.returncode == 2, proc.stderr  # the worker's files fail; the run goes on
    assert "stopped" in proc.stderr
    assert _leftovers(out) == []
