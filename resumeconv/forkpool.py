"""A small process pool for POSIX: workers forked from this process, fed over pipes.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: importing it (with
``multiprocessing``, ``logging``, ``tempfile``, ``subprocess`` …) costs ~20 ms before the
first worker starts, and its feeder and manager threads take CPU from the workers. That is
serial time in a batch that should finish 400 pages in under a second. A forked worker
already holds the job function, every item and the caches warmed in this process, so a
task is a chunk number (4 bytes) and a result is one pickle.

A worker that dies (crash, out of memory, ``os._exit``) fails only the chunk it was
running; the other workers take the remaining chunks, and when none is left alive every
remaining chunk fails. Workers ignore Ctrl-C: this process stops them.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["available", "run_chunks"]

#: What a chunk whose worker died fails with.
DIED = "the worker process handling this file stopped (crash or out of memory)"

_TASK = struct.Struct("<I")
_SIZE = struct.Struct("<Q")


def available() -> bool:
    """Whether workers can be forked here (Linux: fork is safe and cheap)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def run_chunks(
    work: Callable[[int], Any],
    n_chunks: int,
    n_workers: int,
    on_result: Callable[[int, Any], None],
    on_failure: Callable[[int, str], None],
    after_fork: Callable[[], None] = lambda: None,
) -> None:
    """Run ``work(k)`` for every ``k`` in ``range(n_chunks)`` in ``n_workers`` forked
    processes, handing chunks out in order as workers become free.

    ``on_result(k, value)`` runs here as each chunk finishes; ``on_failure(k, message)``
    for a chunk whose worker died or whose result could not be sent back.
    ``after_fork`` runs here once every worker is started (start threads there, not before).
    """
    sys.stdout.flush()
    sys.stderr.flush()
    workers: dict[int, _Worker] = {}  # result pipe → worker
    next_chunk = 0
    try:
        for _ in range(min(n_workers, n_chunks)):
            try:
                worker = _fork(work, workers)
            except OSError as exc:  # out of processes or memory: go on with fewer workers
                if not workers:
                    for k in range(n_chunks):
                        on_failure(k, f"no worker process could be started ({exc.strerror})")
                    return
                break
            workers[worker.results] = worker
        after_fork()
        for worker in list(workers.values()):
            next_chunk = _hand_out(worker, next_chunk, n_chunks)
        while workers:
            ready, _, _ = select.select(list(workers), [], [])
            for fd in ready:
                worker = workers[fd]
                message = _read_message(fd)
                if message is None:  # the worker is gone
                    del workers[fd]
                    worker.close()
                    if worker.chunk is not None:
                        on_failure(worker.chunk, DIED)
                    continue
                chunk, worker.chunk = worker.chunk, None
                ok, value = pickle.loads(message)
                if chunk is not None:
                    if ok:
                        on_result(chunk, value)
                    else:
                        on_failure(chunk, f"the worker process failed ({value})")
                next_chunk = _hand_out(worker, next_chunk, n_chunks)
        for k in range(next_chunk, n_chunks):  # every worker died before these
            on_failure(k, DIED)
    except BaseException:
        for worker in workers.values():
            worker.kill()
        raise


class _Worker:
    """A forked worker: its pid, the pipe ends this process holds, its current chunk."""

    __slots__ = ("chunk", "pid", "results", "tasks")

    def __init__(self, pid: int, tasks: int | None, results: int) -> None:
        self.pid = pid
        self.tasks = tasks
        self.results = results
        self.chunk: int | None = None

    def no_more_tasks(self) -> None:
        if self.tasks is not None:
            os.close(self.tasks)  # the worker reads the end of its task pipe and exits
            self.tasks = None

    def close(self) -> None:
        self.no_more_tasks()
        os.close(self.results)
        _reap(self.pid)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        self.close()


def _fork(work: Callable[[int], Any], others: dict[int, _Worker]) -> _Worker:
    task_r, task_w = os.pipe()
    try:
        result_r, result_w = os.pipe()
    except OSError:
        _close_all(task_r, task_w)
        raise
    try:
        pid = os.fork()
    except OSError:
        _close_all(task_r, task_w, result_r, result_w)
        raise
    if pid == 0:  # the worker
        code = 1
        try:
            os.close(task_w)
            os.close(result_r)
            for other in others.values():  # else a worker keeps another's task pipe open
                if other.tasks is not None:
                    os.close(other.tasks)
                os.close(other.results)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's
            _serve(work, task_r, result_w)
            code = 0
        finally:
            os._exit(code)  # never this process's atexit handlers or buffered output
    os.close(task_r)
    os.close(result_w)
    return _Worker(pid, task_w, result_r)


def _close_all(*fds: int) -> None:
    for fd in fds:
        os.close(fd)


def _serve(work: Callable[[int], Any], tasks: int, results: int) -> None:
    """In a worker: run each chunk number read from ``tasks`` until the pipe closes."""
    while True:
        data = _read_exactly(tasks, _TASK.size)
        if data is None:
            return
        (chunk,) = _TASK.unpack(data)
        try:
            payload = pickle.dumps((True, work(chunk)), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # work() reports its own errors; this is a result pickle
            payload = pickle.dumps((False, f"{type(exc).__name__}: {exc}"))
        _write_all(results, _SIZE.pack(len(payload)) + payload)


def _hand_out(worker: _Worker, next_chunk: int, n_chunks: int) -> int:
    """Give ``worker`` the next chunk, or tell it there is none; the new next chunk."""
    if next_chunk >= n_chunks:
        worker.no_more_tasks()
        return next_chunk
    assert worker.tasks is not None
    worker.chunk = next_chunk
    # a worker that died meanwhile: its result pipe says so next, and the chunk fails then
    with contextlib.suppress(BrokenPipeError):
        _write_all(worker.tasks, _TASK.pack(next_chunk))
    return next_chunk + 1


def _read_message(fd: int) -> bytes | None:
    head = _read_exactly(fd, _SIZE.size)
    if head is None:
        return None
    return _read_exactly(fd, _SIZE.unpack(head)[0])


def _read_exactly(fd: int, n: int) -> bytes | None:
    """``n`` bytes from ``fd``; None if it ends first (the writer is gone)."""
    data = os.read(fd, n)
    if len(data) == n:
        return data
    parts = [data]
    got = len(data)
    while got < n:
        if not data:
            return None
        data = os.read(fd, n - got)
        parts.append(data)
        got += len(data)
    return b"".join(parts)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _reap(pid: int) -> int | None:
    """Wait for a worker to end; its wait status (None if it was already reaped)."""
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None
