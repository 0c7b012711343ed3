"""The ``resumeconv`` command: parses arguments, calls the library, prints, exits.

Exit status: 0 success; 1 invalid resume, ``--strict`` refusal or ``--check`` difference;
2 unreadable input or bad usage. Errors are one line each on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from resumeconv import __version__, api
from resumeconv.cli import arguments, batch, fixing, jobs, progress, rebuild, reporting
from resumeconv.cli.stopping import Terminated, on_sigterm


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line; returns the exit status."""
    import signal

    args = arguments.parse(sys.argv[1:] if argv is None else argv, __version__)
    try:
        previous = signal.signal(signal.SIGTERM, on_sigterm)
    except ValueError:  # not the main thread (an embedding program's worker thread)
        return _main(args)
    try:
        return _main(args)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(args: argparse.Namespace) -> int:
    if args.command is None:
        arguments.build_parser(__version__).print_help()
        return 2
    try:
        if args.command == "formats":
            return _formats()
        if args.command == "themes":
            return _themes()
        if args.command == "convert" and args.watch:
            return rebuild.run(args, _convert_once)
        if args.command == "convert":
            return _convert_once(args)[0]
        if args.command == "fix":
            return fixing.run_fix(args)
        if args.command == "init":
            return fixing.run_init(args)
        if args.command == "serve":
            from resumeconv.cli import serve

            return serve.run(args)
        return _validate(args)
    except api.ResumeconvError as exc:
        print(f"resumeconv: {reporting.one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        api.remove_temporaries()
        print("resumeconv: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("resumeconv: terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:  # the reader of our output went away (`resumeconv … | head`)
        api.remove_temporaries()
        _quiet_stdout()
        return 141  # as a shell reports a program stopped by SIGPIPE


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush of the closed pipe
    does not print a second error (the recipe of the Python docs, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _formats() -> int:
    for fmt in api.FORMATS:
        modes = ("read " if fmt.reader else "     ") + ("write" if fmt.writer else "")
        print(f"{fmt.name:<9} {modes:<10} {' '.join(fmt.extensions):<18} {fmt.description}")
    return 0


def _themes() -> int:
    for name, description in api.themes():
        print(f"{name:<9} {description}")
    print("(--theme NAME for HTML and PDF; --theme DIR for an HTML theme folder of your own)")
    return 0


def _split_formats(values: list[str]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _convert_once(args: argparse.Namespace) -> tuple[int, list[jobs.ConversionResult]]:
    """One ``convert`` run: plan, convert, print what happened; its status and results."""
    inputs = batch.expand_inputs(args.inputs, for_conversion=True)
    plans = jobs.plan_conversions(inputs, args.output, _split_formats(args.to_formats))
    options = {
        "locale": args.locale,
        "paper": args.paper,
        "theme": args.theme,
        "flavor": args.flavor,
        "reference_doc": args.reference_doc,
    }
    results = batch.run_conversions(
        plans,
        jobs=args.jobs,
        progress=not args.no_progress,
        from_format=args.from_format,
        site=args.site,
        bib=args.bib,
        author=args.author,
        check=args.check,
        strict=args.strict,
        want_report=bool(args.report),
        options=options,
    )
    for res in results:
        if res.report is not None and args.report == "json":
            print(json.dumps(res.report.to_dict(), ensure_ascii=False), file=sys.stderr)
        elif res.report is not None:
            print(res.report.format_text(), file=sys.stderr)
        for problem in res.problems:
            print(f"resumeconv: warning: {problem.format_text()}", file=sys.stderr)
        if res.error is not None:
            print(f"resumeconv: {reporting.one_line(str(res.error))}", file=sys.stderr)
        for warning in res.warnings:
            print(f"resumeconv: {warning}", file=sys.stderr)
        for issue in res.findings:
            print(f"resumeconv: {_as_warning(issue)}", file=sys.stderr)
        if res.error is None and res.outcome == jobs.INVALID and res.unmapped:
            print(
                f"resumeconv: {res.input}: {res.unmapped} block(s) of visible text were not "
                "mapped (--strict); run with --report to see them",
                file=sys.stderr,
            )
        elif res.error is None and res.outcome == jobs.INVALID and res.meta_only:
            lines = ", ".join(map(str, res.meta_only[:10]))
            print(
                f"resumeconv: {res.input}: {len(res.meta_only)} block(s) reached only a custom "
                f"section of meta.x-resumeconv, which no JSON Resume tool shows (line {lines}; "
                "--strict): give the section a title resumeconv knows (docs/cv-page-import.md)",
                file=sys.stderr,
            )
        elif res.error is None and res.outcome == jobs.INVALID and res.lost:
            print(
                f"resumeconv: {res.input}: {res.lost} word(s) of the page reached no JSON Resume "
                f"field (--strict): {res.lost_summary}; give them a field or a section title "
                "resumeconv knows (docs/cv-page-import.md), or run without --strict",
                file=sys.stderr,
            )
        elif res.error is None and res.outcome == jobs.INVALID and res.problems:
            print(
                f"resumeconv: {res.input}: {len(res.problems)} site document(s) could not be "
                "read (--strict); fix them or run without --strict",
                file=sys.stderr,
            )
        elif res.error is None and res.outcome == jobs.INVALID and res.findings:
            print(
                f"resumeconv: {res.input}: not written: the resume has "
                f"{len(res.findings)} validation error(s) (--strict); fix them or drop --strict",
                file=sys.stderr,
            )
        for out in res.changed:
            if os.path.exists(out):
                state = f"out of date (differs from what {res.input} gives now; regenerate"
            else:
                state = "missing (make"
            print(
                f"resumeconv: {out}: {state} it with the same command without --check)",
                file=sys.stderr,
            )
    progress.print_summary(results, started=batch.last_started(), stream=sys.stderr)
    return jobs.EXIT_STATUS[jobs.worst([r.outcome for r in results])], results


def _as_warning(issue: api.Issue) -> str:
    """A validation error of a converted resume, as a warning line (file:line: warning: …)."""
    text = issue.format_text()
    return text.replace(f": {issue.severity}: ", ": warning: ", 1)


def _validate(args: argparse.Namespace) -> int:
    inputs = batch.expand_inputs(args.inputs, for_conversion=False)
    results = batch.run_validations(
        inputs,
        jobs=args.jobs,
        progress=not args.no_progress and args.output_format == "text",
        from_format=args.from_format,
        site=args.site,
        bib=args.bib,
        author=args.author,
        schema_version=args.schema_version,
    )
    sys.stdout.write(reporting.render(results, args.output_format))
    if args.output_format == "text":
        sys.stdout.flush()
        progress.print_summary(results, started=batch.last_started(), stream=sys.stderr)
    return jobs.EXIT_STATUS[jobs.worst([r.outcome for r in results])]


def entry_point() -> None:
    """Console-script entry: exit with :func:`main`'s status."""
    sys.exit(main())
