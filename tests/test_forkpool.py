"""The forked worker pool: every chunk gets a result or a failure, workers never linger."""

from __future__ import annotations

import os

import pytest

from resumeconv import batch, forkpool, jobs

pytestmark = pytest.mark.skipif(not forkpool.available(), reason="workers are forked on Linux")


def _run(work, n_chunks: int, n_workers: int = 2) -> tuple[dict, dict]:
    done: dict[int, object] = {}
    failed: dict[int, str] = {}
    forkpool.run_chunks(work, n_chunks, n_workers, done.__setitem__, failed.__setitem__)
    return done, failed


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_every_chunk_runs_once_in_a_worker() -> None:
    done, failed = _run(lambda k: (k * k, os.getpid()), 40)
    assert failed == {}
    assert sorted(done) == list(range(40))
    assert all(value[0] == k * k for k, value in done.items())
    pids = {value[1] for value in done.values()}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert _no_children_left()


def test_results_larger_than_a_pipe_buffer_arrive_whole() -> None:
    done, failed = _run(lambda k: bytes([k]) * 3_000_000, 3)
    assert failed == {}
    assert all(value == bytes([k]) * 3_000_000 for k, value in done.items())


def test_a_worker_that_dies_fails_only_its_chunk() -> None:
    def work(k: int) -> int:
        if k == 3:
            os._exit(9)
        return k

    done, failed = _run(work, 20)
    assert set(failed) == {3} and "worker process" in failed[3]
    assert sorted(done) == [k for k in range(20) if k != 3]
    assert _no_children_left()


def test_when_every_worker_dies_the_rest_fail_instead_of_hanging() -> None:
    def work(k: int) -> int:
        if k >= 2:
            os._exit(9)
        return k

    done, failed = _run(work, 10)
    assert sorted(done) == [0, 1]
    assert sorted(failed) == list(range(2, 10))
    assert _no_children_left()


def test_a_result_that_cannot_be_sent_back_fails_its_chunk() -> None:
    done, failed = _run(lambda k: (lambda: k) if k == 1 else k, 4)
    assert sorted(done) == [0, 2, 3]
    assert "worker process failed" in failed[1]


def test_an_error_here_stops_the_workers() -> None:
    """Ctrl-C (or any error) in this process while workers run: they are ended and
    reaped, and the error goes on."""

    def work(k: int) -> int:
        import time

        time.sleep(0.05)
        return k

    def on_result(k: int, value: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        forkpool.run_chunks(work, 50, 2, on_result, lambda k, m: None)
    assert _no_children_left()


def test_the_executor_path_gives_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not available, ProcessPoolExecutor runs the same jobs."""
    seed = os.path.join(os.path.dirname(__file__), "..", "fixtures", "seed", "cv.md")
    paths = [seed, seed, seed, "missing.md"]
    forked = batch.run_validations(paths, jobs=2, progress=False)
    monkeypatch.setattr(forkpool, "available", lambda: False)
    pooled = batch.run_validations(paths, jobs=2, progress=False)
    assert [r.to_dict() for r in pooled] == [r.to_dict() for r in forked]
    assert [r.outcome for r in pooled] == [jobs.OK] * 3 + [jobs.FAILED]


def test_when_no_worker_can_be_started_every_chunk_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(forkpool.os, "fork", no_fork)
    done, failed = _run(lambda k: k, 3)
    assert done == {}
    assert sorted(failed) == [0, 1, 2]
    assert "no worker process could be started" in failed[0]


def test_a_worker_that_cannot_be_started_leaves_the_work_to_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_fork = os.fork
    calls = []

    def second_fails() -> int:
        calls.append(1)
        if len(calls) == 2:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(forkpool.os, "fork", second_fails)
    done, failed = _run(lambda k: k, 10)
    assert failed == {}
    assert sorted(done) == list(range(10))
    assert _no_children_left()
