"""Lint rules: mistakes a schema cannot see (dates out of order, dead links, duplicates).

Each rule is a function ``rule(document, context) -> Iterator[Finding]``; rule names are
stable (they appear in reports and docs/ci.md). Rules read the plain JSON document, the
same one the schema checks, so pointers mean the same thing in both.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from resumeconv.model import EXTENSION_KEY, STANDARD_SECTIONS
from resumeconv.report import pointer as make_pointer
from resumeconv.validation.issues import ERROR, WARNING
from resumeconv.validation.schema import DATE_HINT, field_name, quote

#: Entry fields that hold a date.
DATE_FIELDS = ("startDate", "endDate", "date", "releaseDate")
URL_SCHEMES = ("http", "https", "mailto")

_SPACE = re.compile(r"\s")  # what str.isspace() calls white space
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Stricter than a schema engine's "email" format check.
_EMAIL = re.compile(
    r"^(?!\.)(?!.*\.\.)[^\s@\"(),:;<>\[\]\\]+(?<!\.)"
    r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,}$"
)


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str
    rule: str
    pointer: str
    message: str


@dataclass(slots=True)
class Context:
    """What rules share: today's date and the pointers the schema already reported."""

    today: datetime.date
    schema_pointers: set[str] = field(default_factory=set)


#: A lint rule: the document and the shared context in, findings out.
Rule = Callable[[dict[str, Any], Context], Iterator[Finding]]


def run(document: dict[str, Any], context: Context) -> list[Finding]:
    """Every rule's findings, in rule order."""
    return [finding for rule in RULES for finding in rule(document, context)]


# --------------------------------------------------------------------------- walking


def sections(document: dict[str, Any]) -> Iterator[tuple[str, tuple[Any, ...], list[Any]]]:
    """(section name, path, entries) for standard sections and custom layout sections."""
    for name in STANDARD_SECTIONS:
        entries = document.get(name)
        if isinstance(entries, list):
            yield name, (name,), entries
    meta = document.get("meta")
    ext = meta.get(EXTENSION_KEY) if isinstance(meta, dict) else None
    layout = ext.get("sections") if isinstance(ext, dict) else None
    if not isinstance(layout, list):
        return
    for i, sec in enumerate(layout):
        if isinstance(sec, dict) and isinstance(sec.get("entries"), list):
            title = sec.get("title") if isinstance(sec.get("title"), str) else "custom"
            yield (
                title or "custom",
                ("meta", EXTENSION_KEY, "sections", i, "entries"),
                sec["entries"],
            )


def parse_date(value: Any) -> tuple[int, ...] | None:
    """``"2021-03"`` → ``(2021, 3)``; None when the text is not YYYY[-MM[-DD]]."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    year, month, day = match.groups()  # a day only comes with a month
    if month is None:
        return (int(year),)
    if day is None:
        return (int(year), int(month))
    return (int(year), int(month), int(day))


def calendar_problem(parts: tuple[int, ...]) -> str | None:
    """Why a parsed date names no real day or month, or None."""
    if parts[0] < 1:  # ISO 8601's year 0000 is 1 BC: never a CV's date, and not a datetime
        return "there is no year 0000 in a CV (a typing slip?)"
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return f"there is no month {parts[1]:02d}"
    if len(parts) == 3:
        try:
            datetime.date(*parts)
        except ValueError:
            return f"{parts[0]:04d}-{parts[1]:02d} has no day {parts[2]:02d}"
    return None


def first_day(parts: tuple[int, ...]) -> datetime.date:
    """The earliest day a (possibly partial) date can mean."""
    year, month, day = (*parts, 1, 1)[:3]
    return datetime.date(year, month, day)


# --------------------------------------------------------------------------- rules


def check_empty(document: dict[str, Any], context: Context) -> Iterator[Finding]:
    """``empty``: blank strings anywhere, and ``{}`` entries in a section."""
    for name, path, items in sections(document):
        for i, item in enumerate(items):
            if item == {}:
                yield Finding(
                    WARNING,
                    "empty",
                    make_pointer(*path, i),
                    f"empty entry in {name}: remove it or fill it in",
                )
    yield from _blank_strings(document, ())


def _blank_strings(value: Any, path: tuple[Any, ...]) -> Iterator[Finding]:
    if isinstance(value, str):
        if not value.strip():
            name = _name(path)
            yield Finding(
                WARNING, "empty", make_pointer(*path), f"{name} is empty: fill it in or remove it"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _blank_strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _blank_strings(item, (*path, i))


def check_dates(document: dict[str, Any], context: Context) -> Iterator[Finding]:
    """``invalid-date``, ``date-order`` and ``future-date`` for every entry's dates."""
    for _name, path, items in sections(document):
        for i, data in enumerate(items):
            if not isinstance(data, dict):
                continue
            parsed: dict[str, tuple[int, ...]] = {}
            for key in DATE_FIELDS:
                value = data.get(key)
                if value is None:
                    continue  # most entries have two of the four
                parts = parse_date(value)
                if parts is None:
                    continue  # the schema reports what is not a date at all
                problem = calendar_problem(parts)
                if problem is not None:
                    yield Finding(
                        ERROR,
                        "invalid-date",
                        make_pointer(*path, i, key),
                        f"{key} is {quote(value)}: {problem}; {DATE_HINT}",
                    )
                    continue
                parsed[key] = parts
                if first_day(parts) > context.today and data.get("x-expected") is not True:
                    yield Finding(
                        WARNING,
                        "future-date",
                        make_pointer(*path, i, key),
                        f"{key} {value} is in the future: if it is expected, "
                        'write "(expected)" after the date on a CV page, or set "x-expected": true',
                    )
            start, end = parsed.get("startDate"), parsed.get("endDate")
            if start is not None and end is not None:
                common = min(len(start), len(end))
                if end[:common] < start[:common]:
                    yield Finding(
                        ERROR,
                        "date-order",
                        make_pointer(*path, i, "endDate"),
                        f"endDate {data['endDate']} is before startDate {data['startDate']}",
                    )


def url_fields(document: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, value) of every field that must hold a web link."""
    if "$schema" in document:
        yield ("$schema",), document["$schema"]
    basics = document.get("basics")
    if isinstance(basics, dict):
        if "url" in basics:
            yield ("basics", "url"), basics["url"]
        profiles = basics.get("profiles")
        if isinstance(profiles, list):
            for i, profile in enumerate(profiles):
                if isinstance(profile, dict) and "url" in profile:
                    yield ("basics", "profiles", i, "url"), profile["url"]
    meta = document.get("meta")
    if isinstance(meta, dict) and "canonical" in meta:
        yield ("meta", "canonical"), meta["canonical"]
    for _name, path, items in sections(document):
        for i, data in enumerate(items):
            if isinstance(data, dict) and "url" in data:
                yield (*path, i, "url"), data["url"]


def check_urls(document: dict[str, Any], context: Context) -> Iterator[Finding]:
    """``url``: links must be http, https or mailto, with a host (or an address)."""
    reported = context.schema_pointers
    for path, value in url_fields(document):
        if not isinstance(value, str) or not value.strip():
            continue
        if reported and make_pointer(*path) in reported:
            continue
        problem = url_problem(value)
        if problem is not None:
            where = make_pointer(*path)
            yield Finding(ERROR, "url", where, f"{_name(path)} {quote(value)} {problem}")


def url_problem(value: str) -> str | None:
    """Why ``value`` is not a usable link, or None."""
    if _SPACE.search(value):
        return "contains spaces: remove them or write them as %20"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "is malformed: check the host name and port"
    scheme = parts.scheme.lower()
    if not scheme:
        return "is not a URL: include the scheme, e.g. https://…"
    if scheme not in URL_SCHEMES:
        return f"uses '{scheme}:': a resume link must start with http://, https:// or mailto:"
    if scheme == "mailto":
        if not _EMAIL.match(parts.path):
            return "has no valid e-mail address after mailto:"
        return None
    host = parts.hostname or ""
    if not host:
        return "has no host name: write it as https://example.org/…"
    if "." not in host and host != "localhost" and ":" not in host:
        return f"has host {quote(host)}, which is not a domain name such as example.org"
    return None


def check_email(document: dict[str, Any], context: Context) -> Iterator[Finding]:
    """``email``: ``basics.email`` must look like name@example.org."""
    basics = document.get("basics")
    if not isinstance(basics, dict):
        return
    value = basics.get("email")
    where = make_pointer("basics", "email")
    if not isinstance(value, str) or not value.strip() or where in context.schema_pointers:
        return
    if not _EMAIL.match(value):
        yield Finding(
            ERROR,
            "email",
            where,
            f"email {quote(value)} is not an e-mail address: write it as name@example.org",
        )


def check_duplicates(document: dict[str, Any], context: Context) -> Iterator[Finding]:
    """``duplicate-entry``: the same entry twice in one section."""
    for name, path, items in sections(document):
        yield from _duplicates(name, path, items)


def _duplicates(name: str, path: tuple[Any, ...], items: list[Any]) -> Iterator[Finding]:
    seen: dict[Any, int] = {}
    for i, item in enumerate(items):
        if item in ({}, None, "", []):
            continue
        key = _canonical(item)
        if key in seen:
            first = make_pointer(*path, seen[key])
            yield Finding(
                WARNING,
                "duplicate-entry",
                make_pointer(*path, i),
                f"this entry of {name} repeats {first}: remove one of them",
            )
        else:
            seen[key] = i


def _canonical(value: Any) -> Any:
    """A hashable form of a JSON (or YAML) value in which key order does not matter."""
    if isinstance(value, dict):
        return ("{", tuple(sorted([(str(k), _canonical(v)) for k, v in value.items()])))
    if isinstance(value, list):
        return ("[", tuple([_canonical(v) for v in value]))
    return (type(value).__name__, repr(value))


def _name(path: tuple[Any, ...]) -> str:
    return field_name(list(path))


RULES: tuple[Rule, ...] = (check_empty, check_dates, check_urls, check_email, check_duplicates)

#: Every rule name, with its severity and what it catches (documented in docs/ci.md).
RULE_NAMES: dict[str, tuple[str, str]] = {
    "schema": (ERROR, "the document breaks the JSON Resume schema"),
    "extension": (ERROR, "meta['x-resumeconv'] or an x- entry key breaks the extension schema"),
    "invalid-date": (ERROR, "a date that does not exist (month 13, 30 February)"),
    "date-order": (ERROR, "endDate before startDate"),
    "url": (ERROR, "a link that is not http/https/mailto, or has no host"),
    "email": (ERROR, "an e-mail address that is malformed"),
    "empty": (WARNING, "an empty or blank string, or an empty entry {}"),
    "future-date": (WARNING, "a date after today on an entry not marked x-expected"),
    "duplicate-entry": (WARNING, "the same entry twice in one section"),
}
