"""A quick "certainly valid" verdict, so that valid resumes never wait for jsonschema.

Importing jsonschema and walking a document with it costs ~100 ms and ~3 ms per resume;
most resumes are valid. This module compiles our schemas (a small Draft-07 subset: type,
properties, additionalProperties, items, pattern, enum, required, format, local $ref)
into plain Python checks once (also allOf, const, minLength, minimum, used by the extension
schema). It is deliberately conservative: it answers True only
when it is sure, and False whenever anything is outside what it understands (an unknown
keyword, a URI it cannot vouch for). False never becomes an error by itself: jsonschema
then decides, and reports every error. Tests check on official fixtures, corpus pages and
generated documents that True is never said of a document jsonschema rejects.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    Check = Callable[[Any], bool]


# RFC 3986 URIs, a strict subset: what matches here is a URI for rfc3987 too.
_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
_QUERY = rf"(?:{_PCHAR}|[/?])*"
_HOST = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*"


@functools.cache
def _uri() -> re.Pattern[str]:
    """Compiled on first use (~1 ms at start-up otherwise): pages without URLs skip it."""
    return re.compile(
        rf"^[A-Za-z][A-Za-z0-9+.-]*:"
        rf"(?://{_HOST}(?::[0-9]*)?(?:/{_PCHAR}*)*|{_PCHAR}+(?:/{_PCHAR}*)*)"
        rf"(?:\?{_QUERY})?(?:#{_QUERY})?$"
    )


_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "default", "examples"}
_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
}


def _format(name: str) -> Check | None:
    if name == "email":
        return lambda v: not isinstance(v, str) or "@" in v  # jsonschema's own rule
    if name == "uri":
        return lambda v: not isinstance(v, str) or bool(_uri().match(v))
    return None


def compile_schema(schema: dict[str, Any]) -> Check:
    """A function answering "certainly valid?" for ``schema`` (definitions resolved in it)."""
    cache: dict[int, Check] = {}

    def build(node: Any) -> Check:
        if node is True or node == {}:
            return _always
        if not isinstance(node, dict):
            return _never
        key = id(node)
        if key in cache:
            return cache[key]
        cache[key] = lambda v: compiled(v)  # recursion through $ref
        compiled = _build_node(node, build, schema)
        cache[key] = compiled
        return compiled

    return build(schema)


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def _build_node(node: dict[str, Any], build: Callable[[Any], Check], root: dict) -> Check:
    checks: list[Check] = []
    # the parts of the commonest shapes (an object with properties, a list of items, a
    # string with a pattern): _fused checks those in one function instead of several
    kind = props = item = rx = None
    for keyword, arg in node.items():
        if keyword in _ANNOTATIONS or keyword == "definitions":
            continue
        if keyword == "$ref":
            target = _resolve(root, arg)
            if target is None:
                return _never
            checks.append(build(target))
        elif keyword == "type":
            names = arg if isinstance(arg, list) else [arg]
            if not all(n in _TYPES for n in names):
                return _never
            tests = [_TYPES[n] for n in names]
            checks.append(tests[0] if len(tests) == 1 else _any_of(tests))
            kind = names[0] if len(names) == 1 else None
        elif keyword == "properties":
            props = {name: build(sub) for name, sub in arg.items()}
            checks.append(functools.partial(_properties, props=props))
        elif keyword == "additionalProperties":
            known = set(node.get("properties", {}))
            extra = build(arg) if arg is not True else None
            if extra is not None:
                checks.append(lambda v, known=known, extra=extra: _additional(v, known, extra))
        elif keyword == "required":
            checks.append(
                lambda v, req=list(arg): not isinstance(v, dict) or all(k in v for k in req)
            )
        elif keyword == "items":
            if not isinstance(arg, dict):
                return _never  # tuple validation is outside this subset
            item = build(arg)
            checks.append(functools.partial(_items, item=item))
        elif keyword == "additionalItems":
            if isinstance(node.get("items"), dict):
                continue  # ignored in Draft 7 when items is a single schema
            return _never
        elif keyword == "pattern":
            rx = re.compile(arg)
            checks.append(functools.partial(_pattern, rx=rx))
        elif keyword == "enum":
            choices = list(arg)
            checks.append(lambda v, choices=choices: _in_enum(v, choices))
        elif keyword == "allOf":
            subs = [build(sub) for sub in arg]
            checks.append(lambda v, subs=subs: all(c(v) for c in subs))
        elif keyword == "const":
            checks.append(lambda v, c=arg: _in_enum(v, [c]))
        elif keyword == "minLength":
            checks.append(lambda v, n=arg: not isinstance(v, str) or len(v) >= n)
        elif keyword == "minimum":
            checks.append(lambda v, n=arg: not _TYPES["number"](v) or v >= n)
        elif keyword == "format":
            fmt = _format(arg)
            if fmt is None:
                return _never
            checks.append(fmt)
        else:
            return _never  # a keyword we do not model: let jsonschema decide
    if len(checks) == 2:  # the type and one more
        return _fused(kind, props, item, rx) or _all_of(checks)
    return _all_of(checks)


def _fused(kind: str | None, props: Any, item: Any, rx: Any) -> Check | None:
    """One function for the type and the check that goes with it: the same answer as the
    two in turn, without a call for each. None when the node has another shape."""
    if kind == "object" and props is not None:
        return lambda value: isinstance(value, dict) and _properties(value, props)
    if kind == "array" and item is not None:
        return lambda value: isinstance(value, list) and all(map(item, value))
    if kind == "string" and rx is not None:
        search = rx.search
        return lambda value: isinstance(value, str) and search(value) is not None
    return None


def _all_of(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]

    def check(value: Any) -> bool:
        for c in checks:  # noqa: SIM110 - a plain loop beats all(<generator>) on this hot path
            if not c(value):
                return False
        return True

    return check


def _any_of(checks: list[Check]) -> Check:
    def check(value: Any) -> bool:
        for c in checks:  # noqa: SIM110 - see _all_of
            if c(value):
                return True
        return False

    return check


def _properties(value: Any, props: dict[str, Check]) -> bool:
    if not isinstance(value, dict):
        return True
    for name, item in value.items():
        check = props.get(name)
        if check is not None and not check(item):
            return False
    return True


def _pattern(value: Any, rx: re.Pattern[str]) -> bool:
    return not isinstance(value, str) or rx.search(value) is not None


def _items(value: Any, item: Check) -> bool:
    if not isinstance(value, list):
        return True
    for x in value:  # noqa: SIM110 - see _all_of
        if not item(x):
            return False
    return True


def _additional(value: Any, known: set[str], extra: Check) -> bool:
    if not isinstance(value, dict):
        return True
    return all(extra(v) for k, v in value.items() if k not in known)


def _in_enum(value: Any, choices: list[Any]) -> bool:
    return any(type(value) is type(c) and value == c for c in choices)


def _resolve(root: dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#"):
        return None
    node: Any = root
    for part in ref[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node
