"""What a batch run shows: a progress bar on a terminal, a plain log otherwise, a summary.

Rich is imported only when a bar or table is actually drawn, so that ``validate`` in CI
never pays for it.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from resumeconv.cli import jobs

# Words for each outcome in logs and summaries.
CONVERT_WORDS = {
    jobs.OK: "converted",
    jobs.CHANGED: "out of date",
    jobs.INVALID: "invalid",
    jobs.FAILED: "failed",
}
VALIDATE_WORDS = {jobs.OK: "valid", jobs.INVALID: "invalid", jobs.FAILED: "failed"}


class Reporter:
    """Says nothing (one input, ``--no-progress`` with a terminal, or machine output)."""

    def start(self) -> None:
        pass

    def done(self, index: int, result: Any) -> None:
        pass

    def close(self) -> None:
        pass


class _PlainLog(Reporter):
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


class _RichBar(Reporter):
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


def make_reporter(
    total: int, names: list[str], words: dict[str, str], verb: str, progress: bool
) -> Reporter:
    if total < 2 or not progress:
        return Reporter()
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
    words = CONVERT_WORDS if _is_conversion(results[0]) else VALIDATE_WORDS
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
