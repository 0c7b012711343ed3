"""A small run of the fuzz script (``fuzz/run.py``) in CI, and proof that it catches crashes.

The full run (100,000 inputs, ``docs/hardening.md``) is too long for CI; this one runs
300 inputs through every reader and writer with a fixed seed, in this process.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO

ROOT = REPO


def _load(name: str) -> Any:
    path = ROOT / "fuzz" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fuzz() -> Any:
    saved = sys.modules.get("inputs")
    _load("inputs")  # run.py imports it by this name
    module = _load("run")
    yield module
    if saved is not None:
        sys.modules["inputs"] = saved


def test_inputs_are_reproducible(fuzz: Any) -> None:
    seeds = fuzz.load_seeds()
    assert any(s.name.endswith("fixtures/example/cv.md") for s in seeds)
    first = [fuzz.make_input(seeds, 3, i) for i in range(40)]
    again = [fuzz.make_input(seeds, 3, i) for i in range(40)]
    assert first == again
    formats = {i.format for i in first}
    assert {"markdown", "json", "yaml"} <= formats <= {"markdown", "json", "yaml", "rendercv"}
    assert len({i.data for i in first}) == 40


def test_three_hundred_inputs_pass(
    fuzz: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Known bugs found by the full runs are tracked as strict xfails in
    # test_hostile_input.py (other seeds, e.g. 11, still meet them); this seed must stay clean.
    monkeypatch.setattr(fuzz, "CRASH_DIR", tmp_path / "crashes")
    code = fuzz.main(["--count", "300", "--jobs", "1", "--seed", "1", "--quiet"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "fuzz: 300 inputs, 0 failure(s)" in out
    # every reader and writer really ran
    for stage in ("read markdown: imported", "read json: imported", "read yaml: imported"):
        assert stage in out, out
    for writer in ("json", "yaml", "markdown", "html"):
        assert f"write {writer}: written" in out, out
    assert "json round trip: equal" in out


def test_a_crash_is_caught_saved_and_fails_the_run(
    fuzz: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reader bug (an exception that is not ours) must fail the run and keep the input."""
    import resumeconv.importers.yaml as yaml_reader

    real = yaml_reader.read

    def buggy(source: Any, options: Any) -> Any:
        if "basics" in source.text:
            raise KeyError("bug")
        return real(source, options)

    monkeypatch.setattr(yaml_reader, "read", buggy)
    monkeypatch.setattr(fuzz, "CRASH_DIR", tmp_path / "crashes")
    code = fuzz.main(["--count", "60", "--jobs", "1", "--seed", "1", "--quiet", "--timeout", "5"])
    out = capsys.readouterr().out
    assert code == 1
    assert "read yaml: KeyError at" in out
    notes = [
        p
        for p in (tmp_path / "crashes").iterdir()
        if p.name.endswith(".txt") and "KeyError" in p.read_text()
    ]
    assert notes, out
    for note in notes:
        assert "--replay" in note.read_text()
        assert b"basics" in note.with_suffix("").read_bytes()


def test_a_hang_is_a_failure(
    fuzz: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The per-stage alarm turns a reader that never returns into a failure, not a stall."""
    import time

    import resumeconv.importers.json as json_reader

    def stuck(source: Any, options: Any) -> Any:
        time.sleep(60)

    monkeypatch.setattr(json_reader, "read", stuck)
    settings = fuzz.Settings(1, 1, 0, 0, 0, 1, ("json",))
    tally = fuzz.Tally()
    inp = fuzz.FuzzInput(0, "json", b'{"basics": {}}', "test")
    fuzz.signal.signal(fuzz.signal.SIGALRM, fuzz._on_alarm)
    fuzz.check_input(inp, settings, tally)
    assert [f.signature for f in tally.failures] == ["read json: timeout over 1 s in read json"]
