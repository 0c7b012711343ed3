"""``resumeconv fix`` and ``resumeconv init``: what they print and write (the rules are
the library's, :mod:`resumeconv.repair` through :func:`resumeconv.api.fix`).

Exit status of ``fix``: 0 the result validates; 1 it still does not (the reasons are
listed); 2 the file cannot be read. A file that needs no change is not written.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from resumeconv import api
from resumeconv.cli import reporting

#: Longest value shown in a change line before it is cut with "…".
_SHOWN = 60


def run_fix(args: argparse.Namespace) -> int:
    """Repair ``args.input``: in place (``--backup`` keeps FILE.bak), or to ``-o``."""
    target = args.output or args.input
    if args.backup and args.output and args.output != args.input:
        raise api.UsageError(
            "--backup keeps FILE.bak when fixing in place; with -o the input is not touched",
            hint="drop --backup, or drop -o to fix the file itself",
        )
    if args.input == "-" and args.output is None:
        target = "-"
    in_place = target == args.input and target != "-"
    if not in_place:
        api.check_not_input(target, [args.input])
    fixed = api.fix(args.input, format=args.from_format, to_name=target)
    out: TextIO = sys.stderr if target == "-" else sys.stdout
    for change in fixed.changes:
        out.write(_change_line(fixed.name, change) + "\n")
    if args.diff and fixed.changed:
        out.write(fixed.diff(None if in_place else target))
    if target == "-":
        sys.stdout.write(fixed.text)
    elif fixed.changed or not in_place:
        if args.backup:
            api.backup(args.input)
        api.write_atomic(target, fixed.text.encode("utf-8"))
    for item in sorted(fixed.unfixed, key=lambda u: (u.line or 0, u.pointer)):
        where = f"{fixed.name}:{item.line}" if item.line else fixed.name
        shown = _shown(item.value)
        out.write(
            reporting.one_line(
                f"{where}: not fixed: {item.pointer or '/'}: {item.reason} (kept: {shown})"
            )
            + "\n"
        )
    errors = [i for i in fixed.issues if i.is_error]
    listed = {item.pointer for item in fixed.unfixed}
    for issue in errors:
        if issue.pointer in listed:
            continue  # said above, with why it could not be fixed
        out.write(reporting.one_line(issue.format_text()) + "\n")
    out.write(_summary(fixed, target, in_place, len(errors)) + "\n")
    return 0 if fixed.valid else 1


def _change_line(name: str, change: Any) -> str:
    where = f"{name}:{change.line}" if change.line else name
    if change.rule in ("jsonc", "comments"):
        return reporting.one_line(f"{where}: fixed: {change.message}")
    after = "removed" if change.after is None else _shown(change.after)
    text = f"{where}: fixed: {change.pointer or '/'}: {change.message}: {_shown(change.before)}"
    if change.rule != "old-name":
        text += f" → {after}"
    return reporting.one_line(text)


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _summary(fixed: Any, target: str, in_place: bool, errors: int) -> str:
    if not fixed.changed:
        head = f"{fixed.name}: nothing to fix"
        if not in_place and target != "-":
            head += f" (copied to {target})"
    else:
        where = fixed.name if in_place else target
        head = f"{fixed.name}: {len(fixed.changes)} change(s), written to {where}"
        if target == "-":
            head = f"{fixed.name}: {len(fixed.changes)} change(s), written to stdout"
    if errors:
        return f"{head}; still invalid: {errors} error(s) (listed above)"
    return f"{head}; valid"


def run_init(args: argparse.Namespace) -> int:
    """Write the example resume in ``args.format`` to ``-o`` (or the format's usual name)."""
    target = args.output or api.STARTER_NAMES[args.format]
    api.write_starter(target, args.format)
    print(f"wrote {target}: convert it with 'resumeconv convert {target} -o out/ -t html,pdf'")
    return 0
