"""Printing validation results: plain text, a stable JSON report, GitHub annotations."""

from __future__ import annotations

import json
from typing import Any

from resumeconv.api import one_line


def render(results: list[Any], style: str) -> str:
    """All results in ``style`` (``text``, ``json`` or ``github``)."""
    if style == "json":
        return json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2) + "\n"
    if style == "github":
        return "".join(_github(r) for r in results)
    return "".join(_text(r) for r in results)


def _text(result: Any) -> str:
    lines = []
    if result.error is not None:
        lines.append(f"{result.error}")
    for issue in result.issues:
        lines.append(issue.format_text())
    errors = sum(1 for i in result.issues if i.is_error)
    warnings = len(result.issues) - errors
    if result.error is not None:
        verdict = "unreadable"
    elif errors:
        verdict = f"invalid ({_count(errors, 'error')}, {_count(warnings, 'warning')})"
    else:
        verdict = "valid" + (f" ({_count(warnings, 'warning')})" if warnings else "")
    lines.append(f"{result.path}: {verdict}")
    return "\n".join(one_line(line) for line in lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("s" if n != 1 else "")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return one_line(_escape_data(text)).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, file: str, line: int | None, col: int | None, message: str) -> str:
    props = [f"file={_escape_prop(file)}"]
    if line is not None:
        props.append(f"line={line}")
        if col is not None:
            props.append(f"col={col}")
    return f"::{level} {','.join(props)}::{one_line(_escape_data(message))}\n"


def _github(result: Any) -> str:
    out = []
    if result.error is not None:
        err = result.error
        message = err.message + (f" ({err.hint})" if err.hint else "")
        out.append(_annotation("error", result.path, err.line, err.column, message))
    for issue in result.issues:
        level = "error" if issue.is_error else "warning"
        message = f"{issue.pointer or '/'}: {issue.message} [{issue.rule}]"
        out.append(_annotation(level, issue.file or result.path, issue.line, issue.column, message))
    return "".join(out)
