"""Schema validation: the JSON Schemas we ship, loaded once, and their errors in plain words.

Schema engines' messages ("None is not of type 'string'") are written for schema authors.
People fixing a CV need the field, the value and what to write instead, as RenderCV does,
so every error is translated here. jsonschema-rs is imported only when a check runs.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from resumeconv.errors import UsageError
from resumeconv.report import pointer as make_pointer

#: Versions of JSON Resume we can check against, and the file holding each schema.
SCHEMA_FILES = {
    "1.2.1": "jsonresume-1.2.1.schema.json",
    "1.0.0": "jsonresume-1.0.0.schema.json",
}
EXTENSION_FILE = "resumeconv-extension.schema.json"
#: The folder of the schemas we ship (``schemas/`` of the repository, package data).
SCHEMAS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schemas")

#: The ISO 8601 subset JSON Resume accepts for dates (same in every version we ship).
DATE_HINT = "write dates as YYYY, YYYY-MM or YYYY-MM-DD"


@functools.cache
def load_schema(filename: str) -> dict[str, Any]:
    """A schema file from ``resumeconv/schemas`` (inside the installed package), read once
    (errors look up the schema node they broke in it; do not change the dict).

    A plain path, not :mod:`importlib.resources`: that import costs ~10 ms of start-up and
    the package is always installed as files.
    """
    with open(os.path.join(SCHEMAS, filename), encoding="utf-8") as handle:
        return json.load(handle)


def schema_file(version: str) -> str:
    try:
        return SCHEMA_FILES[version]
    except KeyError:
        raise UsageError(
            f"unknown JSON Resume version {version!r}",
            hint="supported versions: " + ", ".join(SCHEMA_FILES),
        ) from None


@functools.cache
def validator(filename: str) -> Any:
    """A Draft-07 validator of jsonschema-rs with format checks (``uri``, ``email``), built once.

    jsonschema-rs gives the official verdict on all 208 documents of the JSON Resume test
    suite (``tests/validation/test_schema_official.py``) and an instance path on every
    error. Its own ``email`` check rejects internationalized addresses (``李雷@例子.中国``),
    so ``email`` keeps the reference engine's rule (an ``@``); the lint rule ``email``
    checks the shape.
    """
    import jsonschema_rs

    return jsonschema_rs.Draft7Validator(
        load_schema(filename), validate_formats=True, formats={"email": _has_at}
    )


def _has_at(value: str) -> bool:
    return "@" in value


def errors(filename: str, document: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every schema error of ``document`` as (JSON pointer, message for people)."""
    schema = load_schema(filename)
    found = [SchemaError.of(error, schema) for error in validator(filename).iter_errors(document)]
    found.sort(key=lambda e: (list(map(str, e.path)), e.message))
    for error in found:
        yield from explain(error, closed_version=_closed_version(filename))


#: jsonschema-rs's error kinds under the schema keyword that raises them.
_KEYWORDS = {"Constant": "const", "Enum": "enum", "FalseSchema": "false"}


@dataclass(frozen=True, slots=True)
class SchemaError:
    """One schema error, engine-neutral: where, which keyword, and the schema node it broke."""

    path: tuple[Any, ...]
    keyword: str
    instance: Any
    schema: dict[str, Any]
    message: str

    @property
    def keyword_value(self) -> Any:
        return self.schema.get(self.keyword)

    @classmethod
    def of(cls, error: Any, schema: dict[str, Any]) -> SchemaError:
        kind = type(error.kind).__name__
        keyword = _KEYWORDS.get(kind, kind[:1].lower() + kind[1:])
        node: Any = schema
        for step in list(error.schema_path)[:-1]:
            node = node[step] if isinstance(node, dict) or isinstance(step, int) else {}
        return cls(
            path=tuple(error.instance_path),
            keyword=keyword,
            instance=error.instance,
            schema=node if isinstance(node, dict) else {},
            message=error.message,
        )


def _closed_version(filename: str) -> str | None:
    for version, name in SCHEMA_FILES.items():
        if name == filename:
            return version
    return None


# --------------------------------------------------------------------------- messages


def explain(error: SchemaError, closed_version: str | None = None) -> Iterator[tuple[str, str]]:
    """Translate one schema error into (pointer, sentence) pairs.

    An ``additionalProperties`` error names several keys at once; it becomes one finding
    per key so that each can point at its own line.
    """
    path = list(error.path)
    where = make_pointer(*path)
    name = field_name(path)
    kind = error.keyword
    value = error.instance
    schema = error.schema

    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extras = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        scope = "top-level key" if not path else f"key in {name}"
        version = f"JSON Resume {closed_version}" if closed_version else "this schema"
        for key in extras:
            yield (
                make_pointer(*path, key),
                f"unknown {scope} {quote(key)} ({version} allows only "
                f"{', '.join(allowed)}; keep your own data under meta)",
            )
        return
    if kind == "type":
        yield where, f"{name} must be {expected_type(schema)}, not {describe(value)}"
    elif kind == "pattern" and _is_date_schema(schema):
        yield where, f"{name} is {quote(value)}: {DATE_HINT}"
    elif kind == "format" and error.keyword_value == "email":
        yield where, f"{name} {quote(value)} is not an e-mail address"
    elif kind == "format" and error.keyword_value in ("uri", "uri-reference", "iri"):
        yield where, f"{name} {quote(value)} is not a URL: include the scheme, e.g. https://…"
    elif kind == "const":
        yield (
            where,
            f"{name} must be {json.dumps(error.keyword_value)} or be left out, "
            + (f"not {describe(value)}"),
        )
    elif kind == "minimum":
        yield where, f"{name} must be {error.keyword_value} or more, not {value}"
    elif kind == "minLength":
        yield where, f"{name} must not be empty"
    else:
        yield where, f"{name}: {error.message}"


def field_name(path: list[Any]) -> str:
    """How a message names the value at ``path``: ``startDate``, ``highlights[2]``."""
    if not path:
        return "the resume"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path) if isinstance(p, str)), "item")
        return f"{parent}[{last}]"
    return str(last)


def expected_type(schema: dict[str, Any]) -> str:
    """The type a schema asks for, in words: 'a list of strings', 'a date string'."""
    kind = schema.get("type")
    if _is_date_schema(schema):
        return f"a date string ({DATE_HINT.removeprefix('write dates as ')})"
    if kind == "array":
        items = schema.get("items")
        if isinstance(items, dict) and items.get("type") == "string":
            return "a list of strings"
        if isinstance(items, dict) and items.get("type") == "object":
            return "a list of entries ({…} objects)"
        if isinstance(items, dict) and items.get("type") == "integer":
            return "a list of whole numbers"
        return "a list"
    if isinstance(kind, list):
        return " or ".join(_TYPE_WORDS.get(k, k) for k in kind)
    return _TYPE_WORDS.get(str(kind), str(kind))


_TYPE_WORDS = {
    "string": "a string",
    "object": "an object ({…})",
    "array": "a list",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


def describe(value: Any) -> str:
    """A value's JSON type in words, with the value when it is short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({quote(value)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def quote(value: Any, limit: int = 60) -> str:
    """``'value'`` for messages, shortened when long."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def _is_date_schema(schema: dict[str, Any]) -> bool:
    pattern = schema.get("pattern")
    return isinstance(pattern, str) and pattern.startswith("^([1-2][0-9]{3}-")
