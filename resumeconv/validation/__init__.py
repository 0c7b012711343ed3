"""Validation: JSON Resume schema errors and lint rules, each located in the source.

``check`` is what ``resumeconv validate`` and :func:`resumeconv.validate` run. It imports
jsonschema-rs only when called, and never an exporter, Jinja2, pandoc or Typst.
"""

from __future__ import annotations

import datetime
from typing import Any

from resumeconv.validation import lint as lint_rules
from resumeconv.validation import schema
from resumeconv.validation.issues import ERROR, WARNING, Issue

__all__ = ["ERROR", "WARNING", "Issue", "check"]


def check(
    resume: Any, schema_version: str = "1.2.1", lint: bool = True, source_map: Any = None
) -> list[Issue]:
    """Every schema error and (with ``lint``) lint finding of ``resume``, in source order.

    ``resume`` is a :class:`resumeconv.model.Resume` or its JSON document (a plain dict).
    Issues carry ``file``/``line``/``column`` from ``source_map``, by default the resume's.
    The order of the issues never depends on the order of the document's keys (they are
    sorted), so a document and ``Resume.from_dict(document)`` give the same list.
    """
    document = _as_json(resume if isinstance(resume, dict) else resume.to_dict())
    issues = [
        Issue(ERROR, where, message, "schema")
        for where, message in schema.errors(schema.schema_file(schema_version), document)
    ]
    issues += [
        Issue(ERROR, where, message, "extension")
        for where, message in schema.errors(schema.EXTENSION_FILE, document)
    ]
    if lint:
        context = lint_rules.Context(
            today=datetime.date.today(), schema_pointers={i.pointer for i in issues}
        )
        issues += [
            Issue(f.severity, f.pointer, f.message, f.rule)
            for f in lint_rules.run(document, context)
        ]
    issues = _unique(issues)
    _locate(issues, source_map if source_map is not None else getattr(resume, "source_map", None))
    issues.sort(key=lambda i: (i.line or 0, i.pointer, i.rule, i.message))
    return issues


def _as_json(value: Any) -> Any:
    """``value`` as JSON would carry it: object keys strings, other values JSON types.

    A dict built by hand or by a YAML loader may hold ``2019:`` keys or ``date`` values,
    which the schema engine refuses; JSON has them as the strings ``"2019"``/``"2000-01-01"``.
    """
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_json(v) for v in value]
    if value is None or isinstance(value, (str, int, float)):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _unique(issues: list[Issue]) -> list[Issue]:
    seen: set[tuple[str, str]] = set()
    out = []
    for issue in issues:
        key = (issue.pointer, issue.message)
        if key not in seen:
            seen.add(key)
            out.append(issue)
    return out


def _locate(issues: list[Issue], source_map: Any) -> None:
    """Fill file/line/column from the source map (the nearest mapped ancestor)."""
    if source_map is None:
        return
    for issue in issues:
        position = source_map.lookup(issue.pointer)
        if position is not None:
            issue.file, issue.line, issue.column = position.file, position.line, position.column
