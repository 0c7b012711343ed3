"""Running many jobs: expanding files/folders/globs, parallel workers, progress, summary.

One bad file never stops the others: every job returns a result, whatever happens in it.
Work runs in worker processes that live for the whole run, so each worker pays once for
its imports, its Typst compiler and its parsed theme (the exporters cache them at module
level). A single input, or ``--jobs 1``, runs in this process: starting a pool costs more
than it saves. Rich is imported only when a progress bar or table is drawn.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from resumeconv import jobs
from resumeconv.errors import InputError, ResumeconvError, UsageError

_started = time.perf_counter()

# Suffixes picked up when a folder is given.
_CONVERTIBLE = (".md", ".markdown", ".json", ".yaml", ".yml")

# Words for each outcome in logs and summaries.
_CONVERT_WORDS = {
    jobs.OK: "converted",
    jobs.CHANGED: "out of date",
    jobs.INVALID: "invalid",
    jobs.FAILED: "failed",
}
_VALIDATE_WORDS = {jobs.OK: "valid", jobs.INVALID: "invalid", jobs.FAILED: "failed"}

# Most files handed to a worker at once: big enough to save round trips, small enough
# that both workers stay busy to the end and the progress bar moves.
_MAX_CHUNK = 16


def last_started() -> float:
    """When the last run started (``time.perf_counter``), for the summary's time."""
    return _started


def expand_inputs(items: Iterable[str], *, for_conversion: bool) -> list[str]:
    """Files as given; folders → their resume files; globs → their matches, sorted."""
    out: list[str] = []
    for item in items:
        if item == "-":
            out.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in _CONVERTIBLE and not _hidden(p, path)
            )
            if not found:
                raise InputError("folder has no .md, .json or .yaml files", file=item)
            out.extend(found)
        elif any(ch in item for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", file=item)
            out.extend(matches)
        else:
            out.append(item)
    return out


def _hidden(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return any(part.startswith(".") for part in rel) or any(
        part in {"_site", "node_modules"} for part in rel
    )


def worker_count(requested: int, n_inputs: int) -> int:
    """Workers for a run: ``0`` means every core this process may use; never more than inputs."""
    if requested < 0:
        raise UsageError("--jobs must be 0 (all cores) or a positive number", hint="e.g. -j 2")
    if requested == 0:
        requested = _usable_cores()
    return max(1, min(requested, n_inputs))


def _usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def run_conversions(
    plans: list[jobs.Conversion], *, jobs: int = 0, progress: bool = True, **kwargs: Any
) -> list[jobs.ConversionResult]:
    """Run every planned conversion; results come back in the order of ``plans``.

    ``kwargs`` are :func:`resumeconv.jobs.run_conversion`'s keyword arguments.
    """
    return _run(
        convert_one,
        plans,
        kwargs,
        workers=jobs,
        progress=progress,
        names=[p.input for p in plans],
        words=_CONVERT_WORDS,
        verb="converting",
        local=[_needs_this_process(p.input, [out for _, out in p.outputs]) for p in plans],
    )


def run_validations(
    paths: list[str], *, jobs: int = 0, progress: bool = True, **kwargs: Any
) -> list[jobs.ValidationResult]:
    """Validate every path; results come back in the order of ``paths``.

    ``kwargs`` are :func:`resumeconv.jobs.run_validation`'s keyword arguments.
    """
    return _run(
        validate_one,
        paths,
        kwargs,
        workers=jobs,
        progress=progress,
        names=list(paths),
        words=_VALIDATE_WORDS,
        verb="validating",
        local=[_needs_this_process(p, []) for p in paths],
    )


def convert_one(plan: jobs.Conversion, kwargs: dict[str, Any]) -> jobs.ConversionResult:
    """One conversion that always returns a result, even if the code has a bug."""
    try:
        return jobs.run_conversion(plan, **kwargs)
    except Exception as exc:  # a bug, not the user's input: report it, keep going
        return jobs.ConversionResult(
            plan.input, jobs.FAILED, error=_internal_error(exc, plan.input)
        )


def validate_one(path: str, kwargs: dict[str, Any]) -> jobs.ValidationResult:
    """One validation that always returns a result, even if the code has a bug."""
    try:
        return jobs.run_validation(path, **kwargs)
    except Exception as exc:  # a bug, not the user's input: report it, keep going
        return jobs.ValidationResult(path, jobs.FAILED, error=_internal_error(exc, path))


def _internal_error(exc: BaseException, name: str) -> ResumeconvError:
    """A one-line error for an exception that escaped a job (never a traceback)."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    what = type(exc).__name__ + (f": {detail}" if detail else "")
    return ResumeconvError(
        f"internal error ({what})",
        file=name,
        hint="this is a bug in resumeconv; please report it with this input file",
    )


def _needs_this_process(name: str, outputs: Sequence[str]) -> bool:
    """Stdin and stdout belong to this process, not to a worker."""
    return name == "-" or "-" in outputs


def _run(
    one: Callable[[Any, dict[str, Any]], Any],
    items: Sequence[Any],
    kwargs: dict[str, Any],
    *,
    workers: int,
    progress: bool,
    names: list[str],
    words: dict[str, str],
    verb: str,
    local: list[bool],
) -> list[Any]:
    global _started
    _started = time.perf_counter()
    n_workers = worker_count(workers, len(items))
    results: list[Any] = [None] * len(items)
    reporter = _reporter(len(items), names, words, verb, progress)
    local_idx = [i for i in range(len(items)) if local[i] or n_workers == 1]
    in_pool = [i for i in range(len(items)) if not (local[i] or n_workers == 1)]

    def run_here() -> None:
        for i in local_idx:
            results[i] = one(items[i], kwargs)
            reporter.done(i, results[i])

    try:
        if in_pool:
            workers = min(n_workers, len(in_pool))
            _run_pool(one, items, kwargs, in_pool, workers, results, reporter, run_here)
        else:
            reporter.start()
            run_here()
    finally:
        reporter.close()
    return results


def _run_pool(
    one: Callable[[Any, dict[str, Any]], Any],
    items: Sequence[Any],
    kwargs: dict[str, Any],
    indices: list[int],
    n_workers: int,
    results: list[Any],
    reporter: _Reporter,
    meanwhile: Callable[[], None],
) -> None:
    """Run ``items[indices]`` in ``n_workers`` processes, chunk by chunk, filling ``results``.

    ``meanwhile`` runs in this process once the workers are busy (stdin jobs).
    """
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    size = max(1, min(_MAX_CHUNK, len(indices) // (n_workers * 4)))
    chunks = [indices[k : k + size] for k in range(0, len(indices), size)]
    executor = ProcessPoolExecutor(
        max_workers=n_workers, mp_context=_mp_context(), initializer=_worker_init
    )
    try:
        # The first submit forks every worker; start drawing (a thread) only after it.
        pending = {
            executor.submit(_run_chunk, one, [items[i] for i in chunk], kwargs): chunk
            for chunk in chunks
        }
        reporter.start()
        meanwhile()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                chunk = pending.pop(future)
                for i, res in zip(chunk, _chunk_results(future, one, items, chunk), strict=True):
                    results[i] = res
                    reporter.done(i, res)
    except BaseException:
        _stop_workers(executor)
        raise
    executor.shutdown(wait=True)


def _run_chunk(
    one: Callable[[Any, dict[str, Any]], Any], chunk: list[Any], kwargs: dict[str, Any]
) -> list[Any]:
    """In a worker: run a few jobs one after another (caches stay warm between them)."""
    return [one(item, kwargs) for item in chunk]


def _chunk_results(
    future: Any, one: Callable[..., Any], items: Sequence[Any], chunk: list[int]
) -> list[Any]:
    """A chunk's results, or a FAILED result per file if its worker died."""
    try:
        return future.result()
    except Exception as exc:
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(exc, BrokenProcessPool):
            message = "the worker process handling this file stopped (crash or out of memory)"
        else:
            message = f"the worker process failed ({type(exc).__name__}: {exc})"
        return [_failed(one, items[i], message) for i in chunk]


def _failed(one: Callable[..., Any], item: Any, message: str) -> Any:
    hint = "run this file alone with --jobs 1 to see the cause"
    if one is convert_one:
        err = ResumeconvError(message, file=item.input, hint=hint)
        return jobs.ConversionResult(item.input, jobs.FAILED, error=err)
    return jobs.ValidationResult(
        item, jobs.FAILED, error=ResumeconvError(message, file=item, hint=hint)
    )


def _mp_context() -> Any:
    """Fork where it is safe and cheap (Linux): workers start without re-importing Python."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _worker_init() -> None:
    """Ctrl-C is the parent's to handle: workers ignore it instead of printing tracebacks."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(executor: Any) -> None:
    """On Ctrl-C or an error in this process: end the workers now, not after their chunk."""
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):  # already gone
            proc.terminate()
    executor.shutdown(wait=False, cancel_futures=True)


# --- progress -------------------------------------------------------------------------


class _Reporter:
    """Says nothing (one input, ``--no-progress`` with a terminal, or machine output)."""

    def start(self) -> None:
        pass

    def done(self, index: int, result: Any) -> None:
        pass

    def close(self) -> None:
        pass


class _PlainLog(_Reporter):
    """One line per file on stderr, in input order, for logs and CI."""

    def __init__(self, names: list[str], words: dict[str, str], stream: TextIO) -> None:
        self.names = names
        self.words = words
        self.stream = stream
        self.waiting: dict[int, Any] = {}
        self.next = 0

    def done(self, index: int, result: Any) -> None:
        self.waiting[index] = result
        total = len(self.names)
        width = len(str(total))
        while self.next in self.waiting:
            res = self.waiting.pop(self.next)
            self.next += 1
            print(
                f"resumeconv: [{self.next:>{width}}/{total}] {self.names[self.next - 1]}: "
                f"{self.words.get(res.outcome, res.outcome)}",
                file=self.stream,
                flush=True,
            )


class _RichBar(_Reporter):
    """A rich progress bar on the terminal, removed when the run ends."""

    def __init__(self, total: int, verb: str, stream: TextIO) -> None:
        self.total = total
        self.verb = verb
        self.stream = stream
        self.bar: Any = None
        self.task: Any = None
        self.failed = 0

    def start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            transient=True,
        )
        self.task = self.bar.add_task(self.verb, total=self.total, failed="")
        self.bar.start()

    def done(self, index: int, result: Any) -> None:
        if self.bar is None:
            return
        if result.outcome == jobs.FAILED:
            self.failed += 1
        failed = f"[red]{self.failed} failed[/red]" if self.failed else ""
        self.bar.update(self.task, advance=1, failed=failed)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _reporter(
    total: int, names: list[str], words: dict[str, str], verb: str, progress: bool
) -> _Reporter:
    if total < 2 or not progress:
        return _Reporter()
    stream = sys.stderr
    if _is_terminal(stream):
        return _RichBar(total, verb, stream)
    return _PlainLog(names, words, stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# --- summary --------------------------------------------------------------------------


def print_summary(results: list[Any], *, started: float, stream: TextIO) -> None:
    """A one-table summary for runs of more than one input (a rich table on a terminal)."""
    if len(results) < 2:
        return
    elapsed = time.perf_counter() - started
    words = _CONVERT_WORDS if _is_conversion(results[0]) else _VALIDATE_WORDS
    counts = {outcome: 0 for outcome in words}
    for res in results:
        counts[res.outcome] = counts.get(res.outcome, 0) + 1
    if _is_terminal(stream):
        _rich_summary(len(results), counts, words, elapsed, stream)
        return
    parts = ", ".join(f"{counts[o]} {w}" for o, w in _summary_order(words))
    print(f"{len(results)} inputs: {parts} in {elapsed:.2f} s", file=stream)


def _is_conversion(result: Any) -> bool:
    return isinstance(result, jobs.ConversionResult)


def _summary_order(words: dict[str, str]) -> list[tuple[str, str]]:
    order = [jobs.OK, jobs.INVALID, jobs.CHANGED, jobs.FAILED]
    return [(o, words[o]) for o in order if o in words]


def _rich_summary(
    total: int, counts: dict[str, int], words: dict[str, str], elapsed: float, stream: TextIO
) -> None:
    from rich.console import Console
    from rich.table import Table

    styles = {jobs.OK: "green", jobs.INVALID: "yellow", jobs.CHANGED: "yellow", jobs.FAILED: "red"}
    table = Table(title=None, show_edge=True)
    table.add_column("inputs", justify="right")
    for outcome, word in _summary_order(words):
        table.add_column(word, justify="right", style=styles[outcome] if counts[outcome] else None)
    table.add_column("time", justify="right")
    table.add_row(
        str(total), *(str(counts[o]) for o, _ in _summary_order(words)), f"{elapsed:.2f} s"
    )
    Console(file=stream).print(table)
