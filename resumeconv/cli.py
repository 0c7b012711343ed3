"""The ``resumeconv`` command: parses arguments, calls the library, prints, exits.

Exit status: 0 success; 1 invalid resume, ``--strict`` refusal or ``--check`` difference;
2 unreadable input or bad usage. Errors are one line each on stderr, never a traceback.
"""

from __future__ import annotations

import sys

from resumeconv import __version__
from resumeconv.errors import ResumeconvError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

EPILOG = """examples:
  resumeconv convert cv.md -o cv.pdf
  resumeconv convert cv.md -o out/ -t html,md,docx,pdf
  resumeconv validate cv.md resume.json --format github
  resumeconv formats
"""


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="resumeconv",
        description="Convert and validate resumes: academicpages CV pages, JSON Resume, YAML.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"resumeconv {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    conv = sub.add_parser("convert", help="convert a resume to other formats")
    conv.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, folder or glob; - for stdin"
    )
    conv.add_argument(
        "-o",
        "--output",
        action="append",
        default=[],
        metavar="OUT",
        help="output file, DIR/ for one file per format, - for stdout (repeatable)",
    )
    conv.add_argument(
        "-f",
        "--from",
        dest="from_format",
        metavar="FORMAT",
        help="input format (default: from the extension)",
    )
    conv.add_argument(
        "-t",
        "--to",
        dest="to_formats",
        action="append",
        default=[],
        metavar="FORMATS",
        help="output format(s), comma-separated",
    )
    conv.add_argument(
        "--site", metavar="DIR", help="Jekyll site root (default: found from the page)"
    )
    conv.add_argument(
        "--report",
        nargs="?",
        const="text",
        choices=["text", "json"],
        help="print what became of each source block (to stderr)",
    )
    conv.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1) when visible text was not mapped to any field",
    )
    conv.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 naming each output that is missing or differs",
    )
    conv.add_argument(
        "--locale", default="en", help="language of dates and titles: en, zh, de, fr, es"
    )
    conv.add_argument(
        "--paper", default="a4", choices=["a4", "letter"], help="PDF/HTML print page size"
    )
    conv.add_argument("--theme", metavar="DIR", help="HTML template folder of your own")
    conv.add_argument(
        "--flavor",
        choices=["academicpages", "plain"],
        help="Markdown flavour (default academicpages)",
    )
    _add_jobs(conv)

    val = sub.add_parser("validate", help="check resumes against JSON Resume and common sense")
    val.add_argument("inputs", nargs="+", metavar="FILE", help="file, folder or glob; - for stdin")
    val.add_argument("-f", "--from", dest="from_format", metavar="FORMAT")
    val.add_argument("--site", metavar="DIR")
    val.add_argument(
        "--format",
        dest="output_format",
        default="text",
        choices=["text", "json", "github"],
        help="how to print the findings",
    )
    val.add_argument("--schema-version", default="1.2.1", choices=["1.2.1", "1.0.0"])
    _add_jobs(val)

    sub.add_parser("formats", help="list the formats resumeconv reads and writes")
    return parser


def _add_jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="parallel workers (default: all cores)",
    )
    parser.add_argument("--no-progress", action="store_true", help="never draw a progress bar")


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # the one call that must be instant: no argparse, nothing else imported
        print(f"resumeconv {__version__}")
        return 0
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "formats":
            return _formats()
        if args.command == "convert":
            return _convert(args)
        return _validate(args)
    except ResumeconvError as exc:
        print(f"resumeconv: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("resumeconv: interrupted", file=sys.stderr)
        return 130


def _formats() -> int:
    from resumeconv.formats import FORMATS

    for fmt in FORMATS:
        modes = ("read " if fmt.reader else "     ") + ("write" if fmt.writer else "")
        print(f"{fmt.name:<9} {modes:<10} {' '.join(fmt.extensions):<18} {fmt.description}")
    return 0


def _split_formats(values: list[str]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _convert(args: argparse.Namespace) -> int:
    from resumeconv import batch, jobs

    inputs = batch.expand_inputs(args.inputs, for_conversion=True)
    plans = jobs.plan_conversions(inputs, args.output, _split_formats(args.to_formats))
    options = {
        "locale": args.locale,
        "paper": args.paper,
        "theme": args.theme,
        "flavor": args.flavor,
    }
    results = batch.run_conversions(
        plans,
        jobs=args.jobs,
        progress=not args.no_progress,
        from_format=args.from_format,
        site=args.site,
        check=args.check,
        strict=args.strict,
        want_report=bool(args.report),
        options=options,
    )
    import os

    for res in results:
        if res.report is not None and args.report == "json":
            import json

            print(json.dumps(res.report.to_dict(), ensure_ascii=False), file=sys.stderr)
        elif res.report is not None:
            print(res.report.format_text(), file=sys.stderr)
        if res.error is not None:
            print(f"resumeconv: {res.error}", file=sys.stderr)
        elif res.outcome == jobs.INVALID:
            print(
                f"resumeconv: {res.input}: {res.unmapped} block(s) of visible text were not "
                "mapped (--strict); run with --report to see them",
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
    batch.print_summary(results, started=batch.last_started(), stream=sys.stderr)
    return jobs.EXIT_STATUS[jobs.worst([r.outcome for r in results])]


def _validate(args: argparse.Namespace) -> int:
    from resumeconv import batch, jobs
    from resumeconv.validation import reporting

    inputs = batch.expand_inputs(args.inputs, for_conversion=False)
    results = batch.run_validations(
        inputs,
        jobs=args.jobs,
        progress=not args.no_progress and args.output_format == "text",
        from_format=args.from_format,
        site=args.site,
        schema_version=args.schema_version,
    )
    sys.stdout.write(reporting.render(results, args.output_format))
    if args.output_format == "text":
        sys.stdout.flush()
        batch.print_summary(results, started=batch.last_started(), stream=sys.stderr)
    return jobs.EXIT_STATUS[jobs.worst([r.outcome for r in results])]


def entry_point() -> None:
    """Console-script entry: exit with :func:`main`'s status."""
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
