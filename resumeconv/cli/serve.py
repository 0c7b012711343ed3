"""``resumeconv serve INPUT``: the HTML of INPUT on http://127.0.0.1:PORT, rebuilt and
reloaded in the browser whenever the input or a file its import read changes.

A build that fails (a bad edit) shows its error, with file:line, in the page and on the
terminal, and the server goes on; the next good save brings the page back. Ctrl-C (or
SIGTERM) stops it with exit status 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field

from resumeconv import api
from resumeconv.cli import preview, stopping, watch
from resumeconv.cli.reporting import one_line


@dataclass(slots=True)
class Build:
    """One build of the page: its HTML or its error, and what it read."""

    page: bytes | None = None
    error: str | None = None
    read: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Warnings for the terminal: what the reader tolerated, validation errors."""


def build(args: argparse.Namespace) -> Build:
    """Read the input and render its HTML as ``convert -t html`` would."""
    result = Build()
    try:
        resume = api.load(
            args.input, format=args.from_format, site=args.site, bib=args.bib, author=args.author
        )
        report = resume.import_report
        if report is not None:
            result.read = list(report.read_files)
            result.notes += [
                f"{file}:{line}:{column}: warning: {message}"
                for file, line, column, message in report.warnings
            ]
            result.notes += [f"warning: {problem.format_text()}" for problem in report.problems]
        for issue in api.validate(resume):
            if issue.is_error:
                text = issue.format_text()
                result.notes.append(text.replace(f": {issue.severity}: ", ": warning: ", 1))
        result.page = api.render(
            resume, "html", theme=args.theme, locale=args.locale, paper=args.paper
        )
    except api.ResumeconvError as exc:
        result.error = one_line(str(exc.located(args.input)))
    return result


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C (exit 0); an input that is not a file, or a port that cannot be
    listened on, is one error before anything is served."""
    if args.input == "-" or not os.path.isfile(args.input):
        what = "not stdin" if args.input == "-" else "no such file"
        raise api.InputError(
            f"serve needs a file to watch: {what}",
            file=args.input,
            hint="give the path of a CV page, JSON or YAML resume",
        )
    names = [name for name, _ in api.themes()]
    if args.theme is not None and not os.path.isdir(args.theme) and args.theme not in names:
        raise api.UsageError(
            f"--theme {args.theme} is neither a built-in theme nor a folder",
            hint=f"use one of {', '.join(names)} (resumeconv themes), or a theme folder",
        )
    state = preview.Preview(os.path.basename(args.input))
    server = None
    try:
        before = _targets(args, Build()).signature()
        current = _publish(state, build(args))
        watcher = watch.Watcher(_targets(args, current), before)
        server = preview.start(state, args.host, args.port)
        if not preview.is_loopback(args.host):
            _say(
                f"warning: serving on {args.host}, not only this machine: anyone who can "
                "reach it on the network can read this resume"
            )
        address = preview.url(server)
        print(f"resumeconv: serving {args.input} at {address} (Ctrl-C stops)", flush=True)
        ready = f"watching {watch.describe(watcher.targets)} for changes"
        for changed in watcher.changes(lambda: _say(ready)):
            started = time.perf_counter()
            before = watcher.targets.signature()
            current = _publish(state, build(args))
            watcher.update(_targets(args, current), before)
            took = f"{(time.perf_counter() - started) * 1000:.0f} ms"
            if current.error is None:
                outcome = f"page rebuilt ({took})"
            else:
                outcome = "the page shows the error above until the next good save"
            _say(f"{time.strftime('%H:%M:%S')} {_names(changed)} changed: {outcome}")
    except stopping.STOP:  # Ctrl-C or SIGTERM: the way to stop, not an error
        _say("stopped")
    finally:
        state.close()
        if server is not None:
            server.shutdown()
            server.server_close()
    return 0


def _publish(state: preview.Preview, result: Build) -> Build:
    for note in dict.fromkeys(result.notes):  # a document can be both a warning and a problem
        _say(one_line(note))
    if result.error is not None:
        _say(result.error)
    state.publish(result.page, result.error)
    return result


def _targets(args: argparse.Namespace, result: Build) -> watch.Targets:
    theme = args.theme if args.theme is not None and os.path.isdir(args.theme) else None
    read = [*result.read, *args.bib]
    return watch.targets([args.input], read=read, site=args.site, theme=theme)


def _names(paths: list[str]) -> str:
    names = [os.path.relpath(p) if not os.path.relpath(p).startswith("..") else p for p in paths]
    return names[0] + (f" and {len(names) - 1} more" if len(names) > 1 else "")


def _say(line: str) -> None:
    print(f"resumeconv: {line}", file=sys.stderr, flush=True)
