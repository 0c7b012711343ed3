"""Running many jobs: expanding files/folders/globs, and the summary of a run.

Parallel workers and the progress bar live here too (see ``run_conversions``); one bad
file never stops the others.
"""

from __future__ import annotations

import glob
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from resumeconv import jobs
from resumeconv.errors import InputError

_started = time.perf_counter()

# Suffixes picked up when a folder is given.
_CONVERTIBLE = (".md", ".markdown", ".json", ".yaml", ".yml")


def last_started() -> float:
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


def run_conversions(plans: list[jobs.Conversion], **kwargs: Any) -> list[jobs.ConversionResult]:
    global _started
    _started = time.perf_counter()
    kwargs.pop("jobs", None)
    kwargs.pop("progress", None)
    return [jobs.run_conversion(plan, **kwargs) for plan in plans]


def run_validations(paths: list[str], **kwargs: Any) -> list[jobs.ValidationResult]:
    global _started
    _started = time.perf_counter()
    kwargs.pop("jobs", None)
    kwargs.pop("progress", None)
    return [jobs.run_validation(path, **kwargs) for path in paths]


def print_summary(results: list[Any], *, started: float, stream: TextIO) -> None:
    """A one-table summary for runs of more than one input."""
    if len(results) < 2:
        return
    counts = {jobs.OK: 0, jobs.CHANGED: 0, jobs.INVALID: 0, jobs.FAILED: 0}
    for res in results:
        counts[res.outcome] += 1
    elapsed = time.perf_counter() - started
    print(
        f"{len(results)} inputs: {counts[jobs.OK]} converted, {counts[jobs.INVALID]} invalid, "
        f"{counts[jobs.CHANGED]} out of date, {counts[jobs.FAILED]} failed in {elapsed:.2f} s",
        file=stream,
    )
