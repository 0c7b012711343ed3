"""Running many jobs: expanding files/folders/globs, and sharing them among workers.

One bad file never stops the others: every job returns a result, whatever happens in it.
Several files run in the worker pool of ``pool.py`` (workers live for the whole run, so
each pays once for its imports, validators, Typst compiler and theme); a single input, or
``--jobs 1``, runs in this process: starting a pool costs more than it saves. Files are
handed out in shrinking chunks (:func:`guided_chunks`). What the user sees meanwhile is
``progress.py``.
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from resumeconv import api
from resumeconv.api import InputError, ResumeconvError, UsageError, name_too_long
from resumeconv.cli import jobs
from resumeconv.cli.progress import CONVERT_WORDS, VALIDATE_WORDS, make_reporter

_started = time.perf_counter()

# Suffixes picked up when a folder is given (api.is_resume_file decides among them).
_CONVERTIBLE = (".md", ".markdown", ".json", ".jsonc", ".yaml", ".yml")

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
        too_long = name_too_long(item)
        if too_long is not None:
            raise InputError(too_long, file=item, hint="rename it, or give a shorter path")
        path = Path(item)
        if path.is_dir():
            found = sorted(_resume_files(str(path)))
            if not found:
                raise InputError(
                    "folder has no CV page or resume file",
                    file=item,
                    hint="a folder input means its CV pages (cv.md) and JSON Resume files; "
                    "name the files to convert others",
                )
            out.extend(found)
        elif any(ch in item for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", file=item)
            out.extend(matches)
        else:
            out.append(item)
    return out


def _resume_files(folder: str, in_site: bool = False) -> Iterable[str]:
    """CV pages and resume files under ``folder`` (``api.is_resume_file``: not a site's
    ``_config.yml``, collection documents or other pages, not JSON/YAML without a resume
    section), skipping hidden entries, Jekyll's ``_site`` and ``node_modules``; symbolic
    links to folders are not followed. (``os.scandir`` rather than ``Path.rglob``: 12 ms →
    1.3 ms for a folder of 400 pages.)"""
    try:
        with os.scandir(folder) as entries:
            found = list(entries)
    except PermissionError:
        return
    in_site = in_site or api.is_site_root(folder)
    for entry in found:
        name = entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                if not api.skip_folder(name, in_site):
                    yield from _resume_files(entry.path, in_site)
            elif (
                not name.startswith(".")
                and os.path.splitext(name)[1].lower() in _CONVERTIBLE
                and entry.is_file()
                and api.is_resume_file(entry.path, in_site)
            ):
                yield entry.path
        except OSError:
            continue  # gone or unreadable since the listing


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
        words=CONVERT_WORDS,
        verb="converting",
        local=[_needs_this_process(p.input, [out for _, out in p.outputs]) for p in plans],
        warm_up=sorted({name for p in plans for name, _ in p.outputs}),
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
        words=VALIDATE_WORDS,
        verb="validating",
        local=[_needs_this_process(p, []) for p in paths],
        warm_up=None,
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
    warm_up: list[str] | None,
) -> list[Any]:
    """Run ``one`` on every item: here when there is one worker (or for stdin), else in a
    pool whose workers are warmed up for the ``warm_up`` output formats (None: validation)."""
    global _started
    _started = time.perf_counter()
    n_workers = worker_count(workers, len(items))
    results: list[Any] = [None] * len(items)
    reporter = make_reporter(len(items), names, words, verb, progress)
    local_idx = [i for i in range(len(items)) if local[i] or n_workers == 1]
    in_pool = [i for i in range(len(items)) if not (local[i] or n_workers == 1)]

    def run_here() -> None:
        for i in local_idx:
            results[i] = one(items[i], kwargs)
            reporter.done(i, results[i])

    try:
        if in_pool:
            workers = min(n_workers, len(in_pool))
            chunks = guided_chunks(in_pool, workers)
            from resumeconv.cli import pool  # multiprocessing: only when there is a pool

            def done(i: int, result: Any) -> None:
                results[i] = result
                reporter.done(i, result)

            def failed(i: int, message: str) -> Any:
                return _failed(one, items[i], message)

            pool.run(one, items, kwargs, chunks, workers, warm_up, done, failed, run_here,
                     started=reporter.start)  # fmt: skip
        else:
            reporter.start()
            run_here()
    finally:
        reporter.close()
    return results


def guided_chunks(indices: list[int], n_workers: int) -> list[list[int]]:
    """Split the work into chunks that shrink towards the end ("guided" scheduling):
    large chunks save round trips while there is plenty left, and the last ones are a file
    or two, so no worker is left finishing a big chunk while the others wait. (The two cores
    of a machine are often not equally fast.)"""
    chunks: list[list[int]] = []
    k = 0
    while k < len(indices):
        size = max(1, min(_MAX_CHUNK, (len(indices) - k) // (n_workers * 4)))
        chunks.append(indices[k : k + size])
        k += size
    return chunks


def _failed(one: Callable[..., Any], item: Any, message: str) -> Any:
    hint = "run this file alone with --jobs 1 to see the cause"
    if one is convert_one:
        err = ResumeconvError(message, file=item.input, hint=hint)
        return jobs.ConversionResult(item.input, jobs.FAILED, error=err)
    return jobs.ValidationResult(
        item, jobs.FAILED, error=ResumeconvError(message, file=item, hint=hint)
    )
