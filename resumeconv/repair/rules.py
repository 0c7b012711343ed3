"""The repair rules of ``resumeconv fix``, in the order they run; each returns its changes.

A rule changes the document in place and returns one :class:`Change` per value it
touched. What it sees but cannot repair it leaves as it is and reports with
``context.cannot`` (it stays in the file, and ``fix`` lists it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from resumeconv.dates import parse_date, parse_range
from resumeconv.model import EXTENSION_KEY, STANDARD_SECTIONS
from resumeconv.repair.changes import REMOVED, Change, Context
from resumeconv.report import escape

#: The schema's ISO 8601 date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``).
_ISO = re.compile(r"[1-2][0-9]{3}(?:-[0-1][0-9](?:-[0-3][0-9])?)?")
#: The date fields of each section's entries (the schema's iso8601 fields); ``endDate``
#: first, so that a range in ``startDate`` is split the same whether an ongoing end date
#: was there or not (``fix`` of a fixed file changes nothing).
DATE_KEYS = ("endDate", "startDate", "date", "releaseDate")
#: A host name and what may follow it, without a scheme: ``github.com/x``, ``www.x.org``.
_HOST = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?::[0-9]{1,5})?(?:[/?#]\S*)?"
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: Keys of a highlight object whose value alone is the highlight's text.
_TEXT_KEYS = ("text", "highlight", "description", "summary", "value", "content", "name", "title")
#: A highlight object's title and its text: ``{"name": …, "description": …}`` → "name: text".
_TITLE_KEYS = ("name", "title", "label")
_BODY_KEYS = ("description", "summary", "text", "details")


def _entries(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, entry) of every object in the standard sections' lists."""
    for section in STANDARD_SECTIONS:
        items = document.get(section)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    yield f"/{section}/{i}", item


def _get(document: Any, pointer: str) -> Any:
    value = document
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(value, list):
            value = value[int(part)] if part.isdigit() and int(part) < len(value) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


def _set_after(obj: dict[str, Any], after: str, key: str, value: Any) -> None:
    """Insert ``key`` right after ``after``, keeping every other key where it was."""
    items = list(obj.items())
    obj.clear()
    for k, v in items:
        obj[k] = v
        if k == after:
            obj[key] = value


# --------------------------------------------------------------------------- rules


def old_names(document: dict[str, Any], context: Context) -> list[Change]:
    """Field names of older JSON Resume versions → 1.2.1 (``company`` → ``name``, …)."""
    from resumeconv.importers.migrate import migrate, move_positions

    migration = migrate(document)
    changes = []
    context.positions = move_positions(context.positions, migration.moved)
    for old, new in migration.moved:
        line = context.line(new)  # where the old key was: its position moved with it
        value = _get(document, new)
        old_key, new_key = old.rsplit("/", 1)[1], new.rsplit("/", 1)[1]
        if old_key == "firstName":
            message = "firstName and lastName → name (JSON Resume before 0.0.0)"
        elif new_key.isdigit():
            message = f"profiles object entry {old_key!r} → a profile in the list"
        else:
            message = f"renamed {old_key} → {new_key} (older JSON Resume name)"
        changes.append(Change("old-name", old, line, value, value, message, moved_to=new))
    for pointer, text in migration.notes:
        if text.startswith("kept "):
            context.cannot(pointer, _get(document, pointer), text)
    return changes


def flat_highlights(document: dict[str, Any], context: Context) -> list[Change]:
    """``highlights`` given as objects (``{"text": …}``, ``{"name": …, "description": …}``)
    → strings, and a single string → a list of one."""
    changes = []
    for pointer, entry in _entries(document):
        value = entry.get("highlights")
        where = f"{pointer}/highlights"
        if isinstance(value, str) and value.strip():
            entry["highlights"] = [value]
            changes.append(
                Change(
                    "highlights",
                    where,
                    context.line(where),
                    value,
                    [value],
                    "one highlight written as text → a list of one",
                )
            )
            continue
        if not isinstance(value, list):
            continue
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            text = _highlight_text(item)
            at = f"{where}/{i}"
            if text is None:
                context.cannot(
                    at,
                    item,
                    "a highlight object with fields no text can hold; write it as one string",
                )
                continue
            value[i] = text
            changes.append(
                Change(
                    "highlights", at, context.line(at), item, text, "highlight object → its text"
                )
            )
    return changes


def _highlight_text(item: dict[str, Any]) -> str | None:
    """The string a highlight object stands for, or None when that would drop a field."""
    filled = {k: v for k, v in item.items() if v not in ("", None)}
    if not all(isinstance(v, str) for v in filled.values()):
        return None
    if len(filled) == 1:
        key, text = next(iter(filled.items()))
        return text.strip() if key in _TEXT_KEYS else None
    if len(filled) == 2:
        title = next((filled[k] for k in _TITLE_KEYS if k in filled), None)
        body = next((filled[k] for k in _BODY_KEYS if k in filled), None)
        if title is not None and body is not None:
            return f"{title.strip().rstrip(':')}: {body.strip()}"
    return None


def iso_dates(document: dict[str, Any], context: Context) -> list[Change]:
    """Dates in any style the CV-page reader knows → ISO 8601; an ongoing end date
    (``"Present"``, ``"now"``, ``"current"``) removed, as JSON Resume has no end for it;
    a range in ``startDate`` with no ``endDate`` split in two."""
    changes = []
    for pointer, entry in _entries(document):
        for key in DATE_KEYS:
            if key in entry:
                changes += _fix_date(entry, key, f"{pointer}/{key}", context)
    return changes


def _fix_date(entry: dict[str, Any], key: str, where: str, context: Context) -> list[Change]:
    value = entry[key]
    line = context.line(where)
    if isinstance(value, int) and not isinstance(value, bool) and _ISO.fullmatch(str(value)):
        entry[key] = str(value)
        return [Change("date", where, line, value, str(value), "year as a number → text")]
    if not isinstance(value, str) or not value.strip() or _ISO.fullmatch(value):
        return []
    iso = parse_date(value)
    if iso is not None:
        entry[key] = iso
        return [Change("date", where, line, value, iso, "date → ISO 8601")]
    found = parse_range(value)
    if found is not None and key == "endDate" and found.open and found.start is None:
        del entry[key]
        return [
            Change(
                "date",
                where,
                line,
                value,
                REMOVED,
                "ongoing end date removed (JSON Resume: no endDate means ongoing)",
            )
        ]
    if (
        found is not None
        and key == "startDate"
        and found.start
        and "endDate" not in entry
        and found.note is None  # "2019, 2021" or "Mar 2023 & 2024": two dates, no range
        and not found.expected
    ):
        entry[key] = found.start
        changes = [Change("date", where, line, value, found.start, "date range → its start")]
        if found.end:
            _set_after(entry, key, "endDate", found.end)
            end = where.rsplit("/", 1)[0] + "/endDate"
            changes.append(Change("date", end, line, value, found.end, "date range → its end"))
        return changes
    context.cannot(
        where, value, "not a date resumeconv can read; write it as YYYY-MM-DD, YYYY-MM or YYYY"
    )
    return []


def _url_fields(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(pointer, object, key) of every field the schema says is a URL."""
    basics = document.get("basics")
    if isinstance(basics, dict):
        yield "/basics/url", basics, "url"
        profiles = basics.get("profiles")
        if isinstance(profiles, list):
            for i, profile in enumerate(profiles):
                if isinstance(profile, dict):
                    yield f"/basics/profiles/{i}/url", profile, "url"
    for pointer, entry in _entries(document):
        yield f"{pointer}/url", entry, "url"
    meta = document.get("meta")
    if isinstance(meta, dict):
        yield "/meta/canonical", meta, "canonical"


def https_urls(document: dict[str, Any], context: Context) -> list[Change]:
    """Scheme-less URLs (``github.com/x``, ``www.x.org``, ``//x.org``) → ``https://…``."""
    changes = []
    for where, obj, key in _url_fields(document):
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip() or _SCHEME.match(value):
            continue
        text = value.strip()
        fixed = "https:" + text if text.startswith("//") else "https://" + text
        if not _HOST.fullmatch(fixed.removeprefix("https://")):
            context.cannot(where, value, "not a web address; write it as https://…")
            continue
        obj[key] = fixed
        changes.append(
            Change(
                "url",
                where,
                context.line(where),
                value,
                fixed,
                "web address without a scheme → https://",
            )
        )
    return changes


def plain_email(document: dict[str, Any], context: Context) -> list[Change]:
    """``"mailto:ada@example.com"`` in ``basics.email`` → the address alone."""
    basics = document.get("basics")
    value = basics.get("email") if isinstance(basics, dict) else None
    if not isinstance(value, str) or not value.lower().startswith("mailto:"):
        return []
    assert isinstance(basics, dict)
    basics["email"] = value[len("mailto:") :].strip()
    where = "/basics/email"
    return [
        Change(
            "email",
            where,
            context.line(where),
            value,
            basics["email"],
            "mailto: link → the address",
        )
    ]


def empty_values(document: dict[str, Any], context: Context) -> list[Change]:
    """Empty strings (or only spaces), nulls, empty lists and empty objects removed,
    inner ones first (an object left empty goes too). The resumeconv extension under
    ``meta`` is left alone: an empty list there can mean something."""
    changes: list[Change] = []
    _drop_empty(document, "", context, changes)
    return changes


def _is_empty(value: Any) -> bool:
    return (
        value is None
        or value == []
        or value == {}
        or (isinstance(value, str) and not value.strip())
    )


def _drop_empty(value: Any, where: str, context: Context, changes: list[Change]) -> None:
    """Empty members and items of ``value`` removed (pointers are the input's: a list is
    rebuilt once, after its items are looked at, which also keeps it linear)."""
    if where == f"/meta/{EXTENSION_KEY}":
        return
    if isinstance(value, dict):
        for key in list(value):
            child = f"{where}/{escape(key)}"
            _drop_empty(value[key], child, context, changes)
            if _is_empty(value[key]):
                changes.append(_removal(child, value.pop(key), context))
    elif isinstance(value, list):
        kept = []
        for i, item in enumerate(value):
            child = f"{where}/{i}"
            _drop_empty(item, child, context, changes)
            if _is_empty(item):
                changes.append(_removal(child, item, context))
            else:
                kept.append(item)
        value[:] = kept


def _removal(where: str, value: Any, context: Context) -> Change:
    if value is None:
        what = "null"
    elif isinstance(value, str):
        what = "empty text"
    else:
        what = "empty list" if isinstance(value, list) else "empty object"
    return Change("empty", where, context.line(where), value, REMOVED, f"{what} removed")


Rule = Callable[[dict[str, Any], Context], list[Change]]

#: Every rule, in the order they run: empty values first (an empty new name must not stop a
#: rename) and last (an entry whose only date was "Present" is left empty), names before
#: the rules that read 1.2.1 fields.
RULES: tuple[Rule, ...] = (
    empty_values,
    old_names,
    flat_highlights,
    iso_dates,
    https_urls,
    plain_email,
    empty_values,
)
