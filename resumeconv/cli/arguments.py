"""The command line's options: one argparse parser, each option declared once.

Options shared by several commands (``-f``, ``--site``, ``-j``, ``--no-progress``) are
declared in one function each command calls, so help texts and defaults cannot drift.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

EPILOG = """examples:
  resumeconv convert cv.md -o cv.pdf
  resumeconv convert cv.md -o out/ -t html,md,docx,pdf
  resumeconv convert cv.md --bib papers.bib --author "Jane Doe" -o cv.html
  resumeconv convert refs.bib -o refs.json
  resumeconv validate cv.md resume.json --format github
  resumeconv fix resume.json --diff
  resumeconv init --format md -o cv.md
  resumeconv serve cv.md                    # http://127.0.0.1:8000/, reloads on save
  resumeconv convert cv.md -o out/ -t html,pdf --watch
  resumeconv formats
  resumeconv themes
"""


def parse(argv: Sequence[str], version: str) -> argparse.Namespace:
    """Read ``argv``; ``--help``, ``--version`` and usage errors exit through argparse."""
    return build_parser(version).parse_args(list(argv))


def build_parser(version: str) -> argparse.ArgumentParser:
    """The parser of every command."""
    parser = argparse.ArgumentParser(
        prog="resumeconv",
        description="Convert and validate resumes: academicpages CV pages, JSON Resume, YAML.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"resumeconv {version}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _convert(sub.add_parser("convert", help="convert a resume to other formats"))
    _validate(sub.add_parser("validate", help="check resumes against JSON Resume and common sense"))
    _fix(
        sub.add_parser("fix", help="repair a JSON Resume file (JSON or YAML) so that it validates")
    )
    _init(sub.add_parser("init", help="write an example resume to start from"))
    _serve(sub.add_parser("serve", help="preview the HTML in a browser, reloaded on every save"))
    sub.add_parser("formats", help="list the formats resumeconv reads and writes")
    sub.add_parser("themes", help="list the built-in themes (--theme NAME)")
    return parser


def _convert(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder or glob; - for stdin")
    cmd.add_argument(
        "-o",
        "--output",
        action="append",
        default=[],
        metavar="OUT",
        help="output file, DIR/ for one file per format, - for stdout (repeatable)",
    )
    cmd.add_argument(
        "-t",
        "--to",
        dest="to_formats",
        action="append",
        default=[],
        metavar="FORMATS",
        help="output format(s), comma-separated",
    )
    _reading(cmd)
    cmd.add_argument(
        "--report",
        nargs="?",
        const="text",
        choices=["text", "json"],
        help="print what became of each source block (to stderr)",
    )
    cmd.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1, writing nothing) when visible text was not mapped to any field "
        "or the resume does not validate",
    )
    cmd.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 naming each output that is missing or differs",
    )
    cmd.add_argument(
        "--watch",
        action="store_true",
        help="after converting, rewrite the outputs whenever the input or a file it read "
        "changes (one line per rebuild; Ctrl-C stops)",
    )
    _looks(cmd)
    cmd.add_argument(
        "--reference-doc",
        metavar="FILE",
        help="DOCX: take the styles of this .docx, as pandoc's --reference-doc",
    )
    cmd.add_argument(
        "--flavor",
        choices=["academicpages", "plain"],
        help="Markdown flavour (default academicpages)",
    )
    _running(cmd)


def _serve(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("input", metavar="INPUT", help="the resume file to preview")
    _reading(cmd)
    cmd.add_argument(
        "--port",
        type=_port,
        default=8000,
        metavar="N",
        help="port to listen on (default 8000; 0: any free port, printed)",
    )
    cmd.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="H",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    _looks(cmd)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return port


def _looks(cmd: argparse.ArgumentParser) -> None:
    """How pages look: language, paper, theme (``convert`` and ``serve``)."""
    cmd.add_argument(
        "--locale",
        default=None,
        help="language of dates and titles: en, zh, ja, ko, de, fr, es, pt (default: the page's "
        "own, from its front matter lang or the script it is written in)",
    )
    cmd.add_argument(
        "--paper", default="a4", choices=["a4", "letter"], help="PDF/HTML print page size"
    )
    cmd.add_argument(
        "--theme",
        metavar="NAME|DIR",
        help="look of HTML and PDF: default, classic, modern, compact (resumeconv themes), "
        "or an HTML theme folder of your own",
    )


def _validate(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("inputs", nargs="+", metavar="FILE", help="file, folder or glob; - for stdin")
    _reading(cmd)
    cmd.add_argument(
        "--format",
        dest="output_format",
        default="text",
        choices=["text", "json", "github"],
        help="how to print the findings",
    )
    cmd.add_argument("--schema-version", default="1.2.1", choices=["1.2.1", "1.0.0"])
    _running(cmd)


def _fix(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("input", metavar="FILE", help="a JSON Resume file (.json, .jsonc, .yaml)")
    cmd.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the repaired file here (- for stdout) instead of over FILE",
    )
    cmd.add_argument(
        "--backup", action="store_true", help="keep the original as FILE.bak when fixing in place"
    )
    cmd.add_argument("--diff", action="store_true", help="print a unified diff of the changes")
    cmd.add_argument(
        "-f",
        "--from",
        dest="from_format",
        metavar="FORMAT",
        help="json or yaml (default: from the extension)",
    )


def _init(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--format",
        default="md",
        choices=["md", "json", "yaml"],
        help="CV page (md, the default), JSON Resume (json) or YAML",
    )
    cmd.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default cv.md, resume.json or resume.yaml); never overwritten",
    )


def _reading(cmd: argparse.ArgumentParser) -> None:
    """How inputs are read: their format and the Jekyll site around a CV page."""
    cmd.add_argument(
        "-f",
        "--from",
        dest="from_format",
        metavar="FORMAT",
        help="input format (default: from the extension)",
    )
    cmd.add_argument(
        "--site", metavar="DIR", help="Jekyll site root (default: found from the page)"
    )
    cmd.add_argument(
        "--bib",
        action="append",
        default=[],
        metavar="FILE",
        help="add the publications of a BibTeX file after the input's own (repeatable)",
    )
    cmd.add_argument(
        "--author",
        action="append",
        default=[],
        metavar="NAME",
        help="the owner, in bold in BibTeX author lists (default: the resume's name; "
        "repeatable for name variants)",
    )


def _running(cmd: argparse.ArgumentParser) -> None:
    """How a batch runs: its workers and what it shows meanwhile."""
    cmd.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="parallel workers (default: all cores)",
    )
    cmd.add_argument("--no-progress", action="store_true", help="never draw a progress bar")
