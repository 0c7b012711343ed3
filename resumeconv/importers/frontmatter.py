"""Front matter that is certainly valid YAML, recognized without a YAML parser.

A CV page's front matter is Jekyll's page settings: the reader only checks that it is
valid YAML (broken front matter is an error) and throws the values away. Importing
PyYAML and compiling its scanner's patterns costs more than the rest of a one-page run's
imports, and almost every page has the same few lines::

    layout: archive
    title: "CV"
    permalink: /cv/
    author_profile: true
    redirect_from:
      - /resume

:func:`certainly_valid` recognizes that shape, and only that shape: it answers True when
:func:`resumeconv.importers.yaml.parse` is sure to succeed on the text, and False
whenever it is not sure (the caller then runs the full parser, which also writes the error
messages). So it accepts only lines of these forms:

- blank lines and ``# comment`` lines (at any indentation);
- ``key: value`` at column 0, where the key is ASCII letters, digits, ``_`` and ``-``
  starting with a letter or ``_`` (never a YAML bool or null word such as ``on`` or
  ``null``, so two different keys are two different JSON keys) and appears once;
- ``key:`` with no value, then ``- value`` items all at the same indentation (1 or more);

where a value is one of

- a plain scalar on one line that starts with a letter, ``_`` or ``/`` and holds no
  ``: `` and does not end with ``:`` (so it is a string, a bool or null: nothing a
  constructor can refuse), or up to 100 ASCII digits (an int or a string), or a real
  ``YYYY-MM-DD`` date (a timestamp);
- ``"double quoted"`` without a backslash or ``'single quoted'`` (``''`` inside), on one
  line;

optionally followed by `` # comment``. Every line must be printable (no tabs, no carriage
returns, no control or line-separator characters). Anything else (flow ``[``/``{``,
anchors, aliases, tags, block scalars, directives, multi-line scalars, nesting, …) is left
to the parser. ``tests/test_frontmatter.py`` checks against the parser that every front
matter it accepts parses.
"""

from __future__ import annotations

_KEY_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_KEY_CHARS = _KEY_START | frozenset("0123456789-")
#: Keys YAML 1.1 reads as bools or null (compared lower-cased, so ``NuLL`` is out too).
_NOT_KEYS = frozenset({"yes", "no", "true", "false", "on", "off", "y", "n", "null"})
#: Simple keys must be shorter than 1024 characters; stay far below.
_MAX_KEY = 200
_MAX_DIGITS = 100
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def certainly_valid(text: str) -> bool:
    """True only if ``text`` is a front matter of the simple shape described above, which
    :func:`resumeconv.importers.yaml.parse` is certain to accept; False means "not sure"."""
    seen: set[str] = set()
    list_open = False  # after "key:" with no value: "- item" lines may follow
    list_indent = 0  # the indentation of the open list's items (0: no item yet)
    for line in text.split("\n"):
        if not line.isprintable():  # tabs, "\r", controls, U+2028, NBSP…
            return False
        body = line.lstrip(" ")
        if not body or body[0] == "#":
            continue
        indent = len(line) - len(body)
        if indent:
            if not list_open or not body.startswith("- "):
                return False
            if list_indent == 0:
                list_indent = indent
            elif indent != list_indent:
                return False
            value = body[2:].strip(" ")
            if not value or value[0] == "#" or not _value_ok(value):
                return False
            continue
        colon = line.find(":")
        key = line[:colon]
        if (
            colon <= 0
            or colon > _MAX_KEY
            or key[0] not in _KEY_START
            or not _KEY_CHARS.issuperset(key)
            or key.lower() in _NOT_KEYS
            or key in seen
        ):
            return False
        seen.add(key)
        rest = line[colon + 1 :]
        value = rest.strip(" ")
        if not value or value[0] == "#":
            if rest and rest[0] != " ":  # "key:#…" is not a comment
                return False
            list_open, list_indent = True, 0
            continue
        if rest[0] != " " or not _value_ok(value):
            return False
        list_open = False
    return True


def _value_ok(value: str) -> bool:
    """One value (no leading or trailing spaces, not empty, not a comment) is safe."""
    first = value[0]
    if first == '"':
        end = value.find('"', 1)
        return end > 0 and "\\" not in value[1:end] and _tail_ok(value[end + 1 :])
    if first == "'":
        start = 1
        while True:
            end = value.find("'", start)
            if end < 0:
                return False
            if value[end + 1 : end + 2] != "'":
                return _tail_ok(value[end + 1 :])
            start = end + 2
    hash_at = value.find(" #")
    if hash_at >= 0:
        value = value[:hash_at].rstrip(" ")
    if ": " in value or value.endswith(":"):
        return False
    if first.isalpha() or first in "/_":
        return True
    if value.isascii() and value.isdigit():
        return len(value) <= _MAX_DIGITS  # Python refuses to read ints of 4,300+ digits
    return _is_date(value)


def _tail_ok(tail: str) -> bool:
    """What follows a closing quote: nothing, spaces, or spaces and a comment."""
    rest = tail.lstrip(" ")
    return not rest or (rest[0] == "#" and len(rest) < len(tail))


def _is_date(value: str) -> bool:
    """``YYYY-MM-DD`` naming a real day (YAML reads it as a timestamp, which must exist)."""
    if len(value) != 10 or value[4] != "-" or value[7] != "-" or not value.isascii():
        return False
    year, month, day = value[:4], value[5:7], value[8:]
    if not (year.isdigit() and month.isdigit() and day.isdigit()):
        return False
    y, m, d = int(year), int(month), int(day)
    if y < 1 or not 1 <= m <= 12 or d < 1:
        return False
    if m == 2 and d == 29:
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return d <= _MONTH_DAYS[m - 1]
