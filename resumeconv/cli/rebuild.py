"""``convert --watch``: convert, then convert again whenever an input or a file its import
read changes, printing one line per rebuild. A failed rebuild is reported (with the
usual file:line) and the watch goes on; Ctrl-C stops it with exit status 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable

from resumeconv import api
from resumeconv.cli import jobs, stopping, watch

Convert = Callable[[argparse.Namespace], tuple[int, list[jobs.ConversionResult]]]


def run(args: argparse.Namespace, convert: Convert) -> int:
    """Convert once as ``convert`` does (a bad command line is an error here, exit 2),
    then once per change until Ctrl-C."""
    if args.check:
        raise api.UsageError(
            "--watch rewrites outputs and --check never writes: choose one",
            hint="--check is for CI, --watch for editing",
        )
    if "-" in args.inputs or "-" in args.output:
        raise api.UsageError(
            "--watch needs files: it cannot watch stdin or rewrite stdout",
            hint="name the input and the output files",
        )
    args.no_progress = True  # one line per rebuild, not a bar
    try:
        before = _targets(args, []).signature()
        _, results = convert(args)
        watcher = watch.Watcher(_targets(args, results), before)
        ready = f"watching {watch.describe(watcher.targets)} for changes (Ctrl-C stops)"
        for changed in watcher.changes(lambda: _say(ready)):
            started = time.perf_counter()
            before = watcher.targets.signature()
            try:
                _, results = convert(args)
            except api.ResumeconvError as exc:  # e.g. an input folder emptied meanwhile
                _say(api.one_line(str(exc)))
                results = []
            watcher.update(_targets(args, results), before)
            _say(_summary(changed, results, time.perf_counter() - started))
    except stopping.STOP:  # Ctrl-C or SIGTERM: the way to stop, not an error
        api.remove_temporaries()
        _say("stopped watching")
    return 0


def _targets(args: argparse.Namespace, results: list[jobs.ConversionResult]) -> watch.Targets:
    inputs = [r.input for r in results]
    read = [path for r in results for path in r.read] + list(args.bib)
    outputs = [out for r in results for out in r.written]
    folders = [item for item in args.inputs if os.path.isdir(item)]
    if not inputs:  # nothing could be planned: watch what was named
        inputs = [item for item in args.inputs if os.path.isfile(item)]
    theme = args.theme if args.theme is not None and os.path.isdir(args.theme) else None
    return watch.targets(
        inputs, read=read, site=args.site, theme=theme, folders=folders, outputs=outputs
    )


def _summary(changed: list[str], results: list[jobs.ConversionResult], took: float) -> str:
    """The one line of a rebuild: what changed, what was written, what failed."""
    what = os.path.relpath(changed[0]) if changed else "?"
    if len(changed) > 1:
        what += f" and {len(changed) - 1} more"
    written = [out for r in results for out in r.written]
    failed = [r.input for r in results if r.outcome == jobs.FAILED]
    refused = [r.input for r in results if r.outcome == jobs.INVALID]
    parts = [f"wrote {', '.join(written)}" if written else "wrote nothing"]
    if failed:
        parts.append(f"{len(failed)} input(s) failed (see above)")
    if refused:
        parts.append(f"{len(refused)} refused by --strict (see above)")
    return f"{time.strftime('%H:%M:%S')} {what} changed: {'; '.join(parts)} ({took * 1000:.0f} ms)"


def _say(line: str) -> None:
    print(f"resumeconv: {line}", file=sys.stderr, flush=True)
