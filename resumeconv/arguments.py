"""The command line's options, declared once, read fast, with argparse for help and errors.

Building an :mod:`argparse` parser costs ~20 ms (argparse, gettext, locale and, through
its help formatter, shutil with bz2/lzma) — a fifth of a whole ``validate`` run. Every
option is declared once in :data:`COMMANDS`; :func:`parse` reads a well-formed command
line directly from that table and hands anything else (``--help``, a typo, an abbreviated
option, a missing value, a bad choice) to the argparse parser built from the same table,
so help and error messages are argparse's own. ``tests/test_arguments.py`` checks that
both readings agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

EPILOG = """examples:
  resumeconv convert cv.md -o cv.pdf
  resumeconv convert cv.md -o out/ -t html,md,docx,pdf
  resumeconv validate cv.md resume.json --format github
  resumeconv formats
"""

#: How an option takes its value: a switch, one value, a repeatable value, an integer, or
#: an optional value (``--report [text|json]``, left to argparse: its reading depends on
#: the next word).
SWITCH, VALUE, REPEAT, INTEGER, OPTIONAL = "switch", "value", "repeat", "integer", "optional"


class Option:
    """One option: its flags, where it lands, how it is read, and argparse's extras."""

    __slots__ = ("choices", "default", "dest", "extras", "flags", "kind")

    def __init__(
        self,
        flags: tuple[str, ...],
        dest: str,
        kind: str = VALUE,
        *,
        default: Any = None,
        choices: tuple[str, ...] | None = None,
        **extras: Any,
    ) -> None:
        self.flags = flags
        self.dest = dest
        self.kind = kind
        self.default = [] if kind == REPEAT else (False if kind == SWITCH else default)
        self.choices = choices
        self.extras = extras


_JOBS = (
    Option(
        ("-j", "--jobs"),
        "jobs",
        INTEGER,
        default=0,
        metavar="N",
        help="parallel workers (default: all cores)",
    ),
    Option(("--no-progress",), "no_progress", SWITCH, help="never draw a progress bar"),
)

#: command → (help, name of its positional list, positional's metavar and help, options)
COMMANDS: dict[str, tuple[str, str | None, tuple[str, str], tuple[Option, ...]]] = {
    "convert": (
        "convert a resume to other formats",
        "inputs",
        ("INPUT", "file, folder or glob; - for stdin"),
        (
            Option(
                ("-o", "--output"),
                "output",
                REPEAT,
                metavar="OUT",
                help="output file, DIR/ for one file per format, - for stdout (repeatable)",
            ),
            Option(
                ("-f", "--from"),
                "from_format",
                metavar="FORMAT",
                help="input format (default: from the extension)",
            ),
            Option(
                ("-t", "--to"),
                "to_formats",
                REPEAT,
                metavar="FORMATS",
                help="output format(s), comma-separated",
            ),
            Option(
                ("--site",),
                "site",
                metavar="DIR",
                help="Jekyll site root (default: found from the page)",
            ),
            Option(
                ("--report",),
                "report",
                OPTIONAL,
                choices=("text", "json"),
                const="text",
                help="print what became of each source block (to stderr)",
            ),
            Option(
                ("--strict",),
                "strict",
                SWITCH,
                help="fail (exit 1) when visible text was not mapped to any field",
            ),
            Option(
                ("--check",),
                "check",
                SWITCH,
                help="write nothing; exit 1 naming each output that is missing or differs",
            ),
            Option(
                ("--locale",),
                "locale",
                default="en",
                help="language of dates and titles: en, zh, de, fr, es",
            ),
            Option(
                ("--paper",),
                "paper",
                default="a4",
                choices=("a4", "letter"),
                help="PDF/HTML print page size",
            ),
            Option(("--theme",), "theme", metavar="DIR", help="HTML template folder of your own"),
            Option(
                ("--flavor",),
                "flavor",
                choices=("academicpages", "plain"),
                help="Markdown flavour (default academicpages)",
            ),
            *_JOBS,
        ),
    ),
    "validate": (
        "check resumes against JSON Resume and common sense",
        "inputs",
        ("FILE", "file, folder or glob; - for stdin"),
        (
            Option(("-f", "--from"), "from_format", metavar="FORMAT"),
            Option(("--site",), "site", metavar="DIR"),
            Option(
                ("--format",),
                "output_format",
                default="text",
                choices=("text", "json", "github"),
                help="how to print the findings",
            ),
            Option(
                ("--schema-version",), "schema_version", default="1.2.1", choices=("1.2.1", "1.0.0")
            ),
            *_JOBS,
        ),
    ),
    "formats": ("list the formats resumeconv reads and writes", None, ("", ""), ()),
}


class Arguments:
    """The parsed command line: ``command`` plus one attribute per option (argparse-like)."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in sorted(self.__dict__.items()))
        return f"Arguments({inner})"


def parse(argv: Sequence[str], version: str) -> Arguments:
    """Read ``argv``; help, ``--version`` and every error go through argparse (may exit)."""
    fast = read_fast(list(argv))
    if fast is not None:
        return fast
    namespace = build_parser(version).parse_args(list(argv))
    return Arguments(**vars(namespace))


def read_fast(argv: list[str]) -> Arguments | None:
    """The command line read from the table, or None when argparse must read it."""
    if not argv or argv[0] not in COMMANDS:
        return None
    command = argv[0]
    _, positional, _, options = COMMANDS[command]
    by_flag = {flag: opt for opt in options for flag in opt.flags}
    values: dict[str, Any] = {"command": command}
    values.update(
        (opt.dest, list(opt.default) if opt.kind == REPEAT else opt.default) for opt in options
    )
    words: list[str] = []
    runs = 0  # argparse takes the positional list from one run of words only
    previous_was_word = False
    i = 1
    while i < len(argv):
        word = argv[i]
        i += 1
        if word == "--":
            return None  # rare; argparse knows its subtleties
        if not word.startswith("-") or word == "-":
            runs += not previous_was_word
            previous_was_word = True
            words.append(word)
            continue
        previous_was_word = False
        flag, has_value, attached = word.partition("=") if word.startswith("--") else (word, "", "")
        opt = by_flag.get(flag)
        if opt is None or opt.kind == OPTIONAL:
            return None
        if opt.kind == SWITCH:
            if has_value:
                return None
            values[opt.dest] = True
            continue
        if has_value:
            value = attached
        elif i < len(argv) and (argv[i] == "-" or not argv[i].startswith("-")):
            value = argv[i]
            i += 1
        else:
            return None  # the value is missing (or looks like an option)
        if opt.choices is not None and value not in opt.choices:
            return None
        if opt.kind == INTEGER:
            try:
                values[opt.dest] = int(value)
            except ValueError:
                return None
        elif opt.kind == REPEAT:
            values[opt.dest].append(value)
        else:
            values[opt.dest] = value
    if positional is None:
        return Arguments(**values) if not words else None
    if not words or runs != 1:
        return None
    values[positional] = words
    return Arguments(**values)


def build_parser(version: str) -> argparse.ArgumentParser:
    """The argparse parser for the same options: help texts and error messages."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="resumeconv",
        description="Convert and validate resumes: academicpages CV pages, JSON Resume, YAML.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"resumeconv {version}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command, (help_text, positional, (metavar, about), options) in COMMANDS.items():
        cmd = sub.add_parser(command, help=help_text)
        if positional is not None:
            cmd.add_argument(positional, nargs="+", metavar=metavar, help=about)
        for opt in options:
            kwargs: dict[str, Any] = dict(opt.extras)
            if opt.choices is not None:
                kwargs["choices"] = list(opt.choices)
            if opt.kind == SWITCH:
                kwargs["action"] = "store_true"
            elif opt.kind == REPEAT:
                kwargs.update(action="append", default=[])
            elif opt.kind == INTEGER:
                kwargs.update(type=int, default=opt.default)
            elif opt.kind == OPTIONAL:
                kwargs["nargs"] = "?"
            else:
                kwargs["default"] = opt.default
            cmd.add_argument(*opt.flags, dest=opt.dest, **kwargs)
    return parser
