"""Batch runs: many inputs (files, folders, globs), worker processes, progress, summary.

The CLI tests run ``python -m resumeconv`` in a subprocess with stderr a pipe (not a
terminal), as CI would; one test puts stderr on a pseudo-terminal to get the rich bar.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from resumeconv.cli import batch, jobs, progress
from resumeconv.errors import InputError, UsageError

from conftest import REPO

ROOT = REPO
FIX = ROOT / "fixtures" / "batch"
GOOD = [FIX / "good" / name for name in ("ada.json", "bo.json", "more/chen.json", "more/dee.json")]
BROKEN = FIX / "bad" / "broken.json"
INVALID = FIX / "bad" / "invalid.json"
EXAMPLE = ROOT / "fixtures" / "example" / "cv.md"


def _cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "resumeconv", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        timeout=120,
    )


def _writable(*names: str) -> list[str]:
    """Output formats whose exporter exists in this checkout (json and yaml always do)."""
    return [n for n in names if importlib.util.find_spec(f"resumeconv.exporters.{n}")]


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))}


# --- inputs ---------------------------------------------------------------------------


def test_folder_input_finds_resume_files_sorted_and_skips_hidden(tmp_path: Path) -> None:
    shutil.copytree(FIX / "good", tmp_path / "cvs")
    (tmp_path / "cvs" / ".git").mkdir()
    (tmp_path / "cvs" / ".git" / "x.json").write_text("{}")
    (tmp_path / "cvs" / "_site").mkdir()
    (tmp_path / "cvs" / "_site" / "cv.md").write_text("# x")
    (tmp_path / "cvs" / "notes.txt").write_text("not a resume")
    found = batch.expand_inputs([str(tmp_path / "cvs")], for_conversion=True)
    rel = [str(Path(p).relative_to(tmp_path / "cvs")) for p in found]
    assert rel == ["ada.json", "bo.json", "more/chen.json", "more/dee.json"]


def test_glob_input_is_expanded_sorted_and_files_keep_their_order(tmp_path: Path) -> None:
    pattern = str(FIX / "good" / "**" / "*.json")
    found = batch.expand_inputs([str(INVALID), pattern, "-"], for_conversion=False)
    assert found == [str(INVALID), *[str(p) for p in GOOD], "-"]


def test_empty_folder_and_unmatched_glob_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder has no"):
        batch.expand_inputs([str(tmp_path)], for_conversion=True)
    with pytest.raises(InputError, match="no file matches"):
        batch.expand_inputs([str(tmp_path / "*.json")], for_conversion=True)


def test_worker_count() -> None:
    assert batch.worker_count(3, 10) == 3
    assert batch.worker_count(8, 2) == 2  # never more workers than inputs
    assert batch.worker_count(0, 1000) >= 1  # all cores
    assert batch.worker_count(0, 1) == 1
    with pytest.raises(UsageError):
        batch.worker_count(-1, 5)


# --- the CLI --------------------------------------------------------------------------


def test_batch_with_a_broken_file_writes_the_others_and_exits_2(tmp_path: Path) -> None:
    fmts = _writable("json", "yaml", "html", "markdown")
    out = tmp_path / "out"
    inputs = [str(FIX / "good"), str(BROKEN)]
    proc = _cli("convert", *inputs, "-o", f"{out}/", "-t", ",".join(fmts), "--jobs", "2")
    assert proc.returncode == 2, proc.stderr
    stems = [p.stem for p in GOOD]
    for stem in stems:
        for name in fmts:
            ext = {"markdown": ".md", "yaml": ".yaml"}.get(name, f".{name}")
            assert (out / f"{stem}{ext}").stat().st_size > 0
    assert not list(out.glob("broken.*"))
    assert "Traceback" not in proc.stderr
    # the error names the file (and the line), once; the log has one line per input in order
    assert f"{BROKEN}:" in proc.stderr
    log = [line for line in proc.stderr.splitlines() if line.startswith("resumeconv: [")]
    names = [str(p) for p in GOOD] + [str(BROKEN)]
    assert log == [
        f"resumeconv: [{i}/5] {name}: {'failed' if name == str(BROKEN) else 'converted'}"
        for i, name in enumerate(names, 1)
    ]
    assert "5 inputs: 4 converted, 0 invalid, 0 out of date, 1 failed in" in proc.stderr


def test_jobs_1_and_jobs_2_write_the_same_bytes(tmp_path: Path) -> None:
    fmts = ",".join(_writable("json", "yaml", "html", "markdown", "docx"))
    glob_arg = str(FIX / "good" / "**" / "*.json")
    one = _cli("convert", glob_arg, "-o", f"{tmp_path / 'one'}/", "-t", fmts, "-j", "1")
    two = _cli("convert", glob_arg, "-o", f"{tmp_path / 'two'}/", "-t", fmts, "-j", "2")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    first, second = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert len(first) == len(GOOD) * len(fmts.split(","))
    assert first == second


def test_validate_many_reports_in_input_order_with_the_worst_exit_status(tmp_path: Path) -> None:
    files = [str(INVALID), *[str(p) for p in GOOD]]
    proc = _cli("validate", *files, "--jobs", "2")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    verdict_files = [
        line.split(": ")[0]
        for line in proc.stdout.splitlines()
        if line.split(": ")[0] in files
        and line.split(": ", 1)[1].startswith(("valid", "invalid", "unreadable"))
    ]
    assert verdict_files == files
    assert f"{INVALID}: invalid" in proc.stdout
    assert "5 inputs: 4 valid, 1 invalid, 0 failed in " in proc.stderr
    proc = _cli("validate", *files, str(BROKEN), "--jobs", "2", "--no-progress")
    assert proc.returncode == 2
    assert "resumeconv: [" not in proc.stderr  # --no-progress: no log lines


def test_single_input_prints_no_log_and_no_summary(tmp_path: Path) -> None:
    proc = _cli("convert", str(GOOD[0]), "-o", str(tmp_path / "a.yaml"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""


def test_stdin_input_runs_beside_the_workers(tmp_path: Path) -> None:
    text = GOOD[0].read_text(encoding="utf-8")
    proc = _cli("validate", "-", str(GOOD[1]), str(GOOD[2]), "-f", "json", "-j", "2", stdin=text)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "<stdin>: valid" in proc.stdout or "-: valid" in proc.stdout


def test_negative_jobs_is_a_usage_error(tmp_path: Path) -> None:
    proc = _cli("validate", str(GOOD[0]), str(GOOD[1]), "--jobs", "-1")
    assert proc.returncode == 2
    assert "--jobs" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")
def test_terminal_gets_a_progress_bar_and_a_summary_table(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    args = ["convert", str(FIX / "good"), "-o", f"{tmp_path}/", "-t", "json", "-j", "2"]
    proc = subprocess.run(
        [sys.executable, "-m", "resumeconv", *args],
        stdout=subprocess.PIPE,
        stderr=follower,
        timeout=120,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    os.close(leader)
    text = screen.decode("utf-8", "replace")
    assert proc.returncode == 0, text
    assert "resumeconv: [" not in text  # no plain log on a terminal
    assert "converted" in text and "failed" in text and "time" in text  # the table's header
    assert "┃" in text or "│" in text  # drawn by rich


# --- the library: ordering, crashes, bugs ---------------------------------------------


def _plans(out: Path, paths: list[Path]) -> list[jobs.Conversion]:
    return [
        jobs.Conversion(str(p), [("json", str(out / f"{i:03}.json"))]) for i, p in enumerate(paths)
    ]


def test_results_come_back_in_input_order(tmp_path: Path) -> None:
    paths = [*(GOOD * 10)[:37], BROKEN]
    plans = _plans(tmp_path, paths)
    results = batch.run_conversions(plans, jobs=2, progress=False)
    assert [r.input for r in results] == [str(p) for p in paths]
    assert [r.outcome for r in results] == [jobs.OK] * 37 + [jobs.FAILED]
    assert [Path(r.written[0]).name for r in results[:37]] == [f"{i:03}.json" for i in range(37)]


def _boom(job: jobs.Conversion, **kwargs: object) -> jobs.ConversionResult:
    if job.input.endswith("bo.json"):
        raise RuntimeError("boom\nsecond line")
    return _real_run_conversion(job, **kwargs)


def _die(job: jobs.Conversion, **kwargs: object) -> jobs.ConversionResult:
    if job.input.endswith("bo.json"):
        os._exit(3)
    return _real_run_conversion(job, **kwargs)


_real_run_conversion = jobs.run_conversion


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_bug_in_one_job_becomes_a_failed_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n_jobs: int
) -> None:
    if n_jobs > 1 and not sys.platform.startswith("linux"):
        pytest.skip("workers inherit the patch only when forked")
    monkeypatch.setattr(jobs, "run_conversion", _boom)
    results = batch.run_conversions(_plans(tmp_path, GOOD), jobs=n_jobs, progress=False)
    outcomes = {Path(r.input).name: r.outcome for r in results}
    assert outcomes == {"ada.json": "ok", "bo.json": "failed", "chen.json": "ok", "dee.json": "ok"}
    err = results[1].error
    assert err.message == "internal error (RuntimeError: boom)"
    assert err.file == str(GOOD[1]) and "bug" in err.hint


def _whose(job: jobs.Conversion, **kwargs: object) -> jobs.ConversionResult:
    result = _real_run_conversion(job, **kwargs)
    result.report = os.getpid()
    return result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_workers_live_across_files_so_their_caches_pay_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "run_conversion", _whose)
    results = batch.run_conversions(_plans(tmp_path, GOOD * 10), jobs=2, progress=False)
    pids = [r.report for r in results]
    assert os.getpid() not in pids  # the work ran in workers ...
    assert len(set(pids)) <= 2  # ... two of them, each handling many files


def test_validation_workers_are_warmed_up_before_their_first_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pool's initializer builds the schema validators in each worker, so no file
    pays for them; every file runs in a worker and is reported once, in order."""
    from resumeconv.validation import schema

    real = jobs.run_validation

    def whose(path: str, **kwargs: object) -> jobs.ValidationResult:
        warm = schema.validator.cache_info().currsize > 0
        result = real(path, **kwargs)
        result.issues = [(os.getpid(), warm)]
        return result

    schema.validator.cache_clear()  # forked workers would inherit this process's cache
    monkeypatch.setattr(jobs, "run_validation", whose)
    paths = [str(p) for p in GOOD * 3]
    results = batch.run_validations(paths, jobs=2, progress=True)
    owners = [r.issues[0] for r in results]
    assert all(pid != os.getpid() and warm for pid, warm in owners)
    log = [line for line in capsys.readouterr().err.splitlines() if line.startswith("resume")]
    assert [line.split("] ")[1].rsplit(":", 1)[0] for line in log] == paths


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_worker_that_dies_fails_its_files_without_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "run_conversion", _die)
    results = batch.run_conversions(_plans(tmp_path, GOOD), jobs=2, progress=False)
    assert [r.input for r in results] == [str(p) for p in GOOD]
    dead = results[1]
    assert dead.outcome == jobs.FAILED
    assert "worker process" in dead.error.message and "--jobs 1" in dead.error.hint
    assert all(r.outcome in (jobs.OK, jobs.FAILED) for r in results)


def test_pdf_workers_are_forked_before_the_parent_runs_typst(tmp_path: Path) -> None:
    """Typst's threads do not survive a fork, so the pool forks its workers before this
    process compiles anything (stdin's job runs here, beside them): no hang, same bytes."""
    out = tmp_path / "out"
    text = GOOD[1].read_text(encoding="utf-8")
    inputs = [str(p) for p in GOOD]
    proc = _cli("convert", "-", *inputs, "-f", "json", "-o", f"{out}/", "-t", "pdf", "-j", "2",
                stdin=text)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) == len(GOOD) + 1
    from_stdin = [p for p in pdfs if p.stem not in {g.stem for g in GOOD}]
    assert len(from_stdin) == 1
    assert from_stdin[0].read_bytes() == (out / "bo.pdf").read_bytes()


def test_validations_in_workers_match_in_process(tmp_path: Path) -> None:
    paths = [str(p) for p in [*GOOD, INVALID, BROKEN]]
    here = batch.run_validations(paths, jobs=1, progress=False)
    there = batch.run_validations(paths, jobs=2, progress=False)
    assert [r.to_dict() for r in here] == [r.to_dict() for r in there]
    assert [r.outcome for r in there] == ["ok"] * 4 + ["invalid", "failed"]
    assert there[-1].error.line is not None  # located in the broken file


def test_summary_counts_each_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    results = [
        jobs.ValidationResult("a", jobs.OK),
        jobs.ValidationResult("b", jobs.INVALID),
        jobs.ValidationResult("c", jobs.FAILED),
    ]
    progress.print_summary(results, started=batch.last_started(), stream=sys.stderr)
    err = capsys.readouterr().err
    assert err.startswith("3 inputs: 1 valid, 1 invalid, 1 failed in ")
    progress.print_summary(results[:1], started=batch.last_started(), stream=sys.stderr)
    assert capsys.readouterr().err == ""


@pytest.mark.skipif(
    importlib.util.find_spec("resumeconv.importers.markdown") is None,
    reason="no CV-page importer yet",
)
def test_seed_page_in_a_batch_with_json_files(tmp_path: Path) -> None:
    fmts = ",".join(_writable("json", "html", "markdown"))
    proc = _cli("convert", str(EXAMPLE), *[str(p) for p in GOOD], "-o", f"{tmp_path}/", "-t", fmts)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "cv.json").stat().st_size > 0
    assert "5 inputs: 5 converted" in proc.stderr


@pytest.mark.parametrize(("n", "workers"), [(1, 2), (5, 2), (400, 2), (1000, 8), (37, 3)])
def test_guided_chunks_cover_every_file_once_and_shrink(n: int, workers: int) -> None:
    chunks = batch.guided_chunks(list(range(n)), workers)
    assert [i for chunk in chunks for i in chunk] == list(range(n))
    sizes = [len(c) for c in chunks]
    assert sizes == sorted(sizes, reverse=True)
    assert max(sizes) <= 16 and sizes[-1] == 1
