"""The worker pool of a batch: a ProcessPoolExecutor whose workers are warmed up once.

Workers are forked on Linux (they start with this process's imports) and created at the
first submit, before this process runs any job itself, so no Typst compiler or pandoc
process exists here when they fork. Each worker ignores Ctrl-C (the parent stops them)
and, in its initializer, loads what every job needs: the schema validators, or the
writers of the output formats. Imported only when a batch has a pool (``multiprocessing``
costs ~30 ms of every start otherwise).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from resumeconv import api
from resumeconv.api import ResumeconvError


def run(
    one: Callable[[Any, dict[str, Any]], Any],
    items: Sequence[Any],
    kwargs: dict[str, Any],
    chunks: list[list[int]],
    n_workers: int,
    warm_up: list[str] | None,
    done: Callable[[int, Any], None],
    failed: Callable[[int, str], Any],
    meanwhile: Callable[[], None],
    *,
    started: Callable[[], None],
) -> None:
    """Run ``one`` on every chunk of ``items`` in ``n_workers`` processes; ``done(i, result)``
    as each result arrives, ``failed(i, message)`` makes the result of a file whose worker
    died. ``started`` runs once the workers exist, then ``meanwhile`` (stdin jobs) here."""
    executor = ProcessPoolExecutor(
        max_workers=n_workers,
        mp_context=_mp_context(),
        initializer=_worker_init,
        initargs=(warm_up,),
    )
    try:
        # The first submit starts every worker; start drawing (a thread) only after it.
        pending = {
            executor.submit(_run_chunk, one, [items[i] for i in chunk], kwargs): chunk
            for chunk in chunks
        }
        started()
        meanwhile()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                chunk = pending.pop(future)
                for i, res in zip(chunk, _chunk_results(future, chunk, failed), strict=True):
                    done(i, res)
    except BaseException:
        _stop_workers(executor)
        raise
    executor.shutdown(wait=True)


def _run_chunk(
    one: Callable[[Any, dict[str, Any]], Any], chunk: list[Any], kwargs: dict[str, Any]
) -> list[Any]:
    """In a worker: run a few jobs one after another (caches stay warm between them)."""
    return [one(item, kwargs) for item in chunk]


def _chunk_results(future: Any, chunk: list[int], failed: Callable[[int, str], Any]) -> list[Any]:
    """A chunk's results, or a FAILED result per file if its worker died."""
    try:
        return future.result()
    except Exception as exc:
        if isinstance(exc, BrokenProcessPool):
            message = "the worker process handling this file stopped (crash or out of memory)"
        else:
            message = f"the worker process failed ({type(exc).__name__}: {exc})"
        return [failed(i, message) for i in chunk]


def _mp_context() -> Any:
    """Fork where it is safe and cheap (Linux): workers start without re-importing Python.
    (No Typst compiler or pandoc process exists in this process before the pool starts.)"""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _worker_init(warm_up: list[str] | None) -> None:
    """In each worker, before its first job: leave Ctrl-C to the parent (no tracebacks),
    and load what every job will need: the validators, or the writers of the formats."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)
    with contextlib.suppress(ResumeconvError):  # a job reports its own errors
        if warm_up is None:
            api.validate(api.Resume())
        else:
            for name in warm_up:
                api.format_named(name).load_writer()


def _on_sigterm(signum: int, frame: object) -> None:
    """In a worker, when the parent stops it (Ctrl-C, an error, its own SIGTERM): delete the
    temporary file it is writing, then end at once, as SIGTERM would."""
    import os

    api.remove_temporaries()
    os._exit(128 + signum)


def _stop_workers(executor: Any) -> None:
    """On Ctrl-C or an error in this process: end the workers now, not after their chunk."""
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):  # already gone
            proc.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
