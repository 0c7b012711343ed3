"""Markdown output: an academicpages CV page (default) or plain Markdown for a README.

The page is written so that resumeconv's own CV-page reader gives back the same resume:
Markdown → JSON → Markdown → JSON is a fixpoint (docs/markdown-export.md, proven by
tests/test_markdown_roundtrip.py). The writer never runs or imports the reader; it writes
by the academicpages dialect both share (``resumeconv/dialect.py``). Each entry is a CV
line a person would write (``* **Position**, Organisation, City, Sep 2023 – Present``)
holding only the values that are certain to read back in their slot; every other field is
a field line under it (``*Citation:* …``), read with no heuristics.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from typing import Any

from resumeconv import locales
from resumeconv.dateformat import format_range
from resumeconv.dates import find_range, parse_range
from resumeconv.dialect import (
    ATTRIBUTE_LIST,
    LOCATION_KEYS,
    LOCATION_LABELS,
    LOCATION_ORDER,
    date_fields,
    is_code_group,
    is_language_group,
    is_page_title,
    key_for,
    label_for,
    location_line,
    publication_type,
    section_key,
    split_degree,
)
from resumeconv.errors import UsageError
from resumeconv.exporters import outline
from resumeconv.links import safe_url
from resumeconv.model import CUSTOM, ENTRY_TYPES, EXTENSION_KEY, Resume, SectionLayout
from resumeconv.options import WriteOptions
from resumeconv.places import CITIES, US_STATES, is_country, is_place

FLAVORS = ("academicpages", "plain")

FRONT_MATTER = """---
layout: archive
title: "CV"
permalink: /cv/
author_profile: true
redirect_from:
  - /resume
---

{% include base_path %}
"""

_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def _front_matter(resume: Resume, data: dict[str, Any]) -> str:
    """The page settings, with the page's ``lang`` (meta["x-resumeconv"]["lang"]) when it
    declared one, so that the page reads back in its language, and ``jsonresume:`` with
    what is not content (``$schema``, ``meta``), which the CV-page reader reads back."""
    ext = resume.extension
    lang = ext.extra.get("lang") if ext is not None else None
    settings = ""
    if isinstance(lang, str) and _LANG_CODE.fullmatch(lang):
        settings += f"lang: {lang}\n"
    kept = not_content(data)
    if kept:
        # JSON is YAML: its strings are always read back as strings (no dates, no yes/no)
        settings += f"{FRONT_KEY}: {json.dumps(kept, ensure_ascii=False)}\n"
    return FRONT_MATTER.replace("author_profile: true\n", f"author_profile: true\n{settings}")


#: The front matter key that carries ``$schema`` and ``meta`` (docs/markdown-export.md).
FRONT_KEY = "jsonresume"
#: What the page itself says of meta["x-resumeconv"]: its layout and its language.
_PAGE_KEYS = ("version", "sections", "lang")


def not_content(data: dict[str, Any]) -> dict[str, Any]:
    """``$schema`` and ``meta`` without what the page's own structure says (the layout,
    ``lang``): the resume's bookkeeping, which no reader of the page needs to see."""
    out: dict[str, Any] = {}
    if "$schema" in data:
        out["$schema"] = data["$schema"]
    if _empty_basics(data):
        out["basics"] = _empty_basics(data)
    split = _location_split(data)
    if split is not None:
        out["location"] = split
    meta = data.get("meta")
    if not isinstance(meta, dict):
        return out
    kept = {k: v for k, v in meta.items() if k != EXTENSION_KEY}
    ext = meta.get(EXTENSION_KEY)
    if isinstance(ext, dict):
        rest = {k: v for k, v in ext.items() if k not in _PAGE_KEYS}
        if ext.get("version") not in (None, "1"):
            rest["version"] = ext["version"]
        if rest:
            kept[EXTENSION_KEY] = rest
    if kept:
        out["meta"] = kept
    return out


def _empty_basics(data: dict[str, Any]) -> dict[str, Any]:
    """basics fields no line of the page shows: empty strings (``"image": ""``), and the
    photo's URL (academicpages shows the photo from ``_config.yml``, never in the CV)."""
    basics = data.get("basics")
    if not isinstance(basics, dict):
        return {}
    return {
        k: v
        for k, v in basics.items()
        if (v == "" and k != "name") or (k == "image" and isinstance(v, str))
    }


_LOOP = (
    "<ul>{{% for post in site.{collection}{reversed} %}}\n"
    "  {{% include {include} %}}\n"
    "{{% endfor %}}</ul>"
)
_SUMMARY = "basics.summary"
_BASICS_ORDER = ("label", "image", "email", "phone", "url", "location", "profiles", "summary")
_LIST_KEY = {"work", "volunteer", "projects", CUSTOM}


def write(resume: Resume, options: WriteOptions) -> bytes:
    """The resume as a CV page; deterministic (same resume → same bytes)."""
    flavor = options.flavor or "academicpages"
    if flavor not in FLAVORS:
        raise UsageError(
            f"unknown Markdown flavour {flavor!r}",
            hint="use --flavor academicpages (a Jekyll CV page) or --flavor plain (a README)",
        )
    # the page's language as the other exporters choose it: --locale, else the page's
    # declared lang, else the script of its text (exporters/outline.py)
    locale = outline.build(resume, locale=options.locale).locale
    return _Writer(resume, plain=flavor == "plain", locale=locale).page().encode("utf-8")


# ----------------------------------------------------------------------------- text


_LINKED = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s<>]+)\)")
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE_START = re.compile(r"^(\s*)(?:([>=#])|([-+])(?=\s|$|-)|(\d{1,9})(?=[.)](?:\s|$)))")


def _escape_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` would be read as Markdown (CommonMark or kramdown's GFM) where
    it stands; only those characters are escaped, so "R&D", "5.0", "Hi!" and
    "Silicon_Valley" stay as written."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i else ""
    if ch in "`*[]":
        return True
    if ch == "\\":
        return nxt == "" or nxt in _ASCII_PUNCT
    if ch == "_":  # between letters or digits it opens and closes nothing
        return not (prev.isalnum() and nxt.isalnum())
    if ch == "<":  # an HTML tag or an autolink
        return nxt.isalpha() or nxt in "/!?"
    if ch == "&":
        return _ENTITY.match(text, i) is not None
    if ch == "~":  # ~~strike~~ (kramdown's GFM)
        return nxt == "~" or prev == "~"
    if ch == "|":  # a table needs a row of only | - : under it
        return re.fullmatch(r"[\s|:-]*", text) is not None
    return False


def _escape_inline(text: str) -> str:
    """Text as Markdown away from the start of a line; Liquid openers split."""
    md = "".join("\\" + ch if _escape_char(text, i) else ch for i, ch in enumerate(text))
    # Liquid would run ({{ … }}, {% … %}); an empty comment keeps the braces apart
    return re.sub(r"\{(?=[{%])", "{<!-- -->", md)


def escape(text: str) -> str:
    """Plain text as Markdown that shows (and reads back as) exactly that text, also at
    the start of a line (no heading, quote, list item or rule)."""
    md = _escape_inline(text)
    m = _LINE_START.match(md)
    if m:
        if m.group(4):
            end = m.end()
            md = md[:end] + "\\" + md[end:]
        else:
            md = md[: m.end(1)] + "\\" + md[m.end(1) :]
    return md


def linked_text(text: str, start: bool = True) -> str:
    """Text that may hold ``[label](url)`` links (our free-text form) as Markdown; a link
    whose URL ``links.safe_url`` refuses (javascript:, data:, …) is written as text."""
    out: list[str] = []
    pos = 0
    for m in _LINKED.finditer(text):
        if safe_url(m.group(2)) is None:
            continue
        before = text[pos : m.start()]
        out.append((escape if start and not pos else _escape_inline)(before) if before else "")
        out.append(f"[{_escape_inline(m.group(1))}]({_url(m.group(2))})")
        pos = m.end()
    if not out:
        return escape(text) if start else _escape_inline(text)
    out.append(_escape_tail(text[pos:]))
    return "".join(out)


def _escape_tail(text: str) -> str:
    """Escaping for text after a link or a label (no line-start rules apply there)."""
    return _escape_inline(text)


def _url(url: str) -> str:
    return "".join("\\" + ch if ch in "\\()<>[]" else ch for ch in url)


def json_value(value: Any) -> str:
    """A value as JSON in a code span: Liquid braces and white space escaped inside strings,
    but for single plain spaces (a reader keeps those; runs of spaces it would collapse)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = re.sub(r"[^\S ]| (?= )|(?<= ) ", lambda m: f"\\u{ord(m.group(0)):04x}", text)
    text = text.replace("{{", "{\\u007b").replace("{%", "{\\u0025")
    ticks = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}{text}{ticks}"


#: A web address the reader gives back as written from an autolink ``<url>``.
_BARE_URL = re.compile(r"https?://[A-Za-z0-9/._~#?=&+@!$*,;:()'-]+")
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")


def _marked_ok(value: Any) -> bool:
    """An author list (string) whose owner is marked ``**Name**`` and that reads back as
    written: bold spans of clean text, and clean text around them."""
    if not isinstance(value, str) or not _BOLD.search(value) or not _text_ok(value):
        return False
    for m in _BOLD.finditer(value):
        before, after = value[m.start() - 1 : m.start()], value[m.end() : m.end() + 1]
        if not _clean(m.group(1)) or before not in ("", " ") or after not in ("", " ", ",", ";"):
            return False
    return "*" not in _BOLD.sub("", value)


def _marked(value: str, start: bool) -> str:
    """An author list with its ``**owner**`` as real Markdown bold (the rest as text)."""
    out: list[str] = []
    pos = 0
    for m in _BOLD.finditer(value):
        if m.start() > pos:
            out.append(linked_text(value[pos : m.start()], start and not pos))
        out.append(f"**{_escape_inline(m.group(1))}**")
        pos = m.end()
    if pos < len(value):
        out.append(_escape_inline(value[pos:]))
    return "".join(out)


def _clean(text: str) -> bool:
    return bool(text) and text == " ".join(text.split())


# ----------------------------------------------------------------------------- safe values

#: URLs the reader gives back character for character (markdown-it percent-encodes others).
_SAFE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9/._~#?=&+@!$*,;:-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _text_ok(value: Any) -> bool:
    """Text that reads back as itself after ``linked_text``: one clean line whose links
    the reader writes the same way (``[text](url)``, text not the URL)."""
    if not isinstance(value, str) or not _clean(value) or _CONTROL.search(value):
        return False
    if ATTRIBUTE_LIST.search(value):  # "{: .btn}" is styling to the reader, not text
        return False
    for m in _LINKED.finditer(value):
        text, url = m.group(1), m.group(2)
        if not _SAFE_URL.fullmatch(url) or not _clean(text) or text.strip() == url:
            return False
        if url.lower().startswith("mailto:"):
            return False
    return True


def _field_value(key: str, value: Any, start: bool = False) -> str:
    """``*Label:* value`` markdown for one field (text when it reads back, else JSON);
    ``start`` when the value will stand at the start of a line (a bullet of a list)."""
    label = f"*{_escape_tail(label_for(key))}:*"
    if key == "x-authors" and _marked_ok(value):
        return f"{label} {_marked(value, start)}"
    if isinstance(value, str) and _BARE_URL.fullmatch(value):
        return f"{label} <{value}>"
    if _text_ok(value):
        return f"{label} {linked_text(value, start)}"
    return f"{label} {json_value(value)}"


def _field_lines(key: str, value: Any) -> list[str]:
    """A field as a bullet: lists of strings become bullets under the label."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        label = f"*{_escape_tail(label_for(key))}:*"
        subs = []
        for v in value:
            md = _field_value(key if key == "x-authors" else "x", v, start=True)
            md = md.replace(f"*{_escape_tail(label_for(key))}:* ", "*x:* ", 1)
            subs.append("  * " + md[len("*x:* ") :])
        return [label, *subs]
    return [_field_value(key, value)]


# ----------------------------------------------------------------------------- entries


def _order(kind: str, entry: dict[str, Any]) -> list[str]:
    """Keys in the model's field order, then extension keys sorted (deterministic)."""
    cls = ENTRY_TYPES.get(kind)
    known = [f.name for f in fields(cls) if f.name != "extra"] if cls else []
    keys = [k for k in known if k in entry]
    return keys + sorted(k for k in entry if k not in keys)


def _dates(entry: dict[str, Any], kind: str) -> str:
    start = entry.get("startDate") or entry.get("date") or entry.get("releaseDate")
    end = entry.get("endDate") or entry.get("x-endDate")
    expected = entry.get("x-expected") is True
    if kind == "education" and start is None and isinstance(end, str):
        return format_range(end, None, expected=expected)
    if not isinstance(start, str) or (end is not None and not isinstance(end, str)):
        return ""
    if kind in ("work", "volunteer", "projects") and start and end == start:
        end = None
    is_open = "startDate" in entry and "endDate" not in entry
    return format_range(start, end, open=is_open, expected=expected)


def _s(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    return linked_text(value) if isinstance(value, str) and _clean(value) else ""


def _join(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


# A natural CV line states some fields; the writer uses it only when every value in it is
# certain to read back in its slot (the reader's rules, docs/markdown-export.md): plain
# words with no separator, no date, no place where the reader would look for one. All
# other fields of the entry are field lines under it, which the reader takes as written.

#: Characters a value in a slot of a CV line may not hold: separators the reader splits
#: on, brackets, quotes, labels' colons, Markdown and Liquid.
_WORD = re.compile(r"[^\W_][\w .'&/+-]*", re.U)
_ROLE_LABEL = re.compile(r"^\s*(?:职位|角色|Role|role|Position)\s*[:：]")
_ON_REQUEST = re.compile(r"\breferences?\b.*\brequest\b", re.I | re.S)


#: The fields of a publication as JSON Resume defines them.
_PLAIN_PUBLICATION = frozenset({"name", "publisher", "releaseDate", "url", "summary"})


def _title_ok(value: Any) -> bool:
    """A publication title for the bold slot of its line: words (no separator, date,
    Markdown or link); "for" and "at" allowed."""
    return (
        isinstance(value, str)
        and _clean(value)
        and _WORD.fullmatch(value) is not None
        and value == _strip_punct(value)
        and not value.endswith((".", "/", "&", "+"))
        and find_range(value) is None
    )


def _word(value: Any) -> bool:
    """A value safe in any slot of a CV line: words, no separator, no date, no place."""
    return (
        isinstance(value, str)
        and _clean(value)
        and _WORD.fullmatch(value) is not None
        and value == _strip_punct(value)
        and not value.endswith((".", "/", "&", "+"))
        and find_range(value) is None
        and not is_place(value)
        and not _ON_REQUEST.search(value)
        and not value.lower().startswith(("at ", "for "))
        and " at " not in value.lower()
        and " for " not in value.lower()
    )


def _org_ok(value: Any, single: bool) -> bool:
    """An organisation for a CV line: words, or comma-separated words none of which is a
    place ("Cloud Storage Innovation Lab, Huawei Cloud"); one part only in a teaching
    section, where the reader sorts the parts into courses and organisations."""
    if not isinstance(value, str):
        return False
    bits = value.split(", ")
    return all(_word(b) for b in bits) and (len(bits) == 1 or not single)


def _place_ok(value: Any) -> bool:
    """A location the reader takes off the end of a line as exactly this text: a known
    place, or a known city then its country or US state ("Chengdu, China")."""
    if not isinstance(value, str) or not _clean(value):
        return False
    bits = value.split(", ")
    if any(not b or not _WORD.fullmatch(b) or find_range(b) for b in bits):
        return False
    if len(bits) == 1:
        return is_place(bits[0]) and bits[0][:1].isupper() and bits[0].lower() in CITIES
    if len(bits) == 2:
        city, country = bits
        return (
            city.lower() in CITIES
            and city[:1].isupper()
            and len(city.split()) <= 3
            and (is_country(country) or country in US_STATES)
        )
    return False


def _date_part(kind: str, e: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The entry's dates as CV-line text and the fields the reader fills from it;
    ("", {}) for an entry without dates, None when the text would not read back."""
    text = _dates(e, kind)
    if not text:
        return "", {}
    found = parse_range(text)
    if found is None or found.note or (found.start is None and found.end is None):
        return None
    shown = date_fields(kind, found.start, found.end, found.open, found.expected)
    if any(e.get(k) != v for k, v in shown.items()):
        return None
    return text, shown


def _line(words: list[str], dates: str) -> str | None:
    """``words, dates`` as plain text, when the reader finds exactly those dates at the
    end (and no date anywhere in the words)."""
    prefix = ", ".join(w for w in words if w)
    full = ", ".join(p for p in (prefix, dates) if p)
    found = find_range(full)
    if not dates:
        return full if found is None else None
    if found is None or tuple(found.span) != (len(full) - len(dates), len(full)):
        return None
    if prefix and parse_range(prefix + ",") is not None:
        return None
    return full


def _highlights_ok(kind: str, e: dict[str, Any], dated: bool) -> bool:
    """Highlights as plain bullets: each reads back as itself, and none is taken for the
    entry's dates (an undated line) or for a role (projects)."""
    items = e.get(_list_key(kind))
    if kind not in (*_LIST_KEY, "education") or not isinstance(items, list) or not items:
        return False
    if not all(_text_ok(h) for h in items):
        return False
    if not dated and any(find_range(h) is not None for h in items):
        return False
    return not (kind == "projects" and any(_ROLE_LABEL.match(h) for h in items))


def _degree_join(locale: str) -> str:
    """The word the page's language puts between a degree and its subject ("in", "en",
    "em"), from the locale's degree pattern; "in" where the pattern has none (CJK)."""
    pattern = locales.get(locale).degree
    m = re.fullmatch(r"\{type\} (\w+) \{area\}", pattern)
    return m.group(1) if m else "in"


def _natural(
    kind: str, e: dict[str, Any], teaching: bool, degree_join: str = "in"
) -> tuple[str, dict[str, Any]] | None:
    """(CV line, the fields it states) when the reader reads the line (and the plain
    highlight bullets under it) back as exactly those fields; None when the entry's main
    value is not certain to read back (the entry is then field lines only)."""
    dated = _date_part(kind, e) or ("", {})
    dates, shown = dated
    if kind in ("work", "volunteer", CUSTOM):
        main = "name" if kind == CUSTOM else "position"
        org = "name" if kind == "work" else "organization"
        if not _word(e.get(main)):
            return None
        words = [e[main]]
        if _org_ok(e.get(org), single=teaching):
            words.append(e[org])
            if kind != "volunteer" and _place_ok(e.get("location")):
                words.append(e["location"])
        kids = _highlights_ok(kind, e, bool(dates))
        if kids and len(words) == 1 and kind != CUSTOM:
            kids = False  # the first bullet would be taken for the organisation
        if _line(words, dates) is None:
            if not dates or _line(words, "") is None:
                return None
            dates, shown = "", {}
            kids = kids and _highlights_ok(kind, e, False)
        shown.update(zip([main, org, "location"], words, strict=False))
        mark = "*" if kind == CUSTOM else "**"
        head = ", ".join([f"{mark}{escape(words[0])}{mark}", *map(_escape_tail, words[1:])])
    elif kind == "education":
        degree, area, inst = e.get("studyType"), e.get("area"), e.get("institution")
        if not (_degree_ok(degree) and _word(area) and _word(inst)) or _AREA_TAIL.match(inst):
            return None
        first = f"{degree} {degree_join} {area}"
        if split_degree(first) != (degree, area):
            return None
        words = [first, inst]
        if _place_ok(e.get("x-location")):
            words.append(e["x-location"])
        if _line(words, dates) is None:
            if _line(words, "") is None:
                return None
            dates, shown = "", {}
        keys = ["studyType", "area", "institution", "x-location"]
        shown.update(zip(keys, [degree, area, *words[1:]], strict=False))
        head = ", ".join([escape(first), *map(_escape_tail, words[1:])])
        kids = _highlights_ok(kind, e, bool(dates))
    elif kind in ("awards", "certificates"):
        main = "title" if kind == "awards" else "name"
        if not _word(e.get(main)):
            return None
        if _line([e[main]], dates) is None:
            dates, shown = "", {}
        shown[main] = e[main]
        head, kids = f"**{escape(e[main])}**", False
    elif kind == "publications":
        # "* **Title**, Venue, 1 Oct 2014", for a paper as JSON Resume has it (a paper read
        # from a CV page keeps the layout its citation fields give it); a bold title is its
        # own slot, so words such as "for" or "at" that other slots avoid may stand in it
        if not set(e) <= _PLAIN_PUBLICATION or not _title_ok(e.get("name")):
            return None
        if not _text_ok(e.get("summary")) or " " not in e["name"]:
            return None  # the reader keeps such a line whole (as summary, or as the title)
        words = [e["name"]]
        if _org_ok(e.get("publisher"), single=True) and not e["publisher"][:1].isdigit():
            words.append(e["publisher"])
        if _line(words, dates) is None:
            if _line(words, "") is None:
                return None
            dates, shown = "", {}
        shown.update(zip(["name", "publisher"], words, strict=False))
        head = ", ".join([f"**{escape(words[0])}**", *map(_escape_tail, words[1:])])
        kids = False
    elif kind == "projects":
        if not _word(e.get("name")):
            return None
        roles = e.get("roles")
        role = roles[0] if isinstance(roles, list) and len(roles) == 1 else None
        words = [e["name"], role] if _word(role) else [e["name"]]
        if _line([" ".join(words)], dates) is None:
            if _line([" ".join(words)], "") is None:
                return None
            dates, shown = "", {}
        shown["name"] = e["name"]
        if len(words) == 2:
            shown["roles"] = [role]
        head = " ".join([f"**{escape(e['name'])}**", *map(_escape_tail, words[1:])])
        kids = _highlights_ok(kind, e, bool(dates))
    elif kind in ("skills", "interests"):
        name, kws = e.get("name"), e.get("keywords")
        if not _word(name) or (kind == "skills" and is_language_group(name)):
            return None
        shown = {"name": name}
        head = f"**{escape(name)}**"
        listed = isinstance(kws, list) and kws and all(_keyword(k) for k in kws)
        if listed and find_range(f"{name}: {', '.join(kws)}") is None:
            shown["keywords"] = list(kws)
            head += ": " + ", ".join(map(_escape_tail, kws))
        return head, shown
    elif kind == "languages":
        lang, fluency = e.get("language"), e.get("fluency")
        if not _word(lang):
            return None
        shown = {"language": lang}
        head = lang
        if _word(fluency) and find_range(f"{lang} ({fluency})") is None:
            shown["fluency"] = fluency
            head = f"{lang} ({fluency})"
        return escape(head), shown
    elif kind == "references":
        name, ref = e.get("name"), e.get("reference")
        if not _word(name):
            return None
        shown = {"name": name}
        head = f"**{escape(name)}**"
        ok = _text_ok(ref) and not _LINKED.search(ref) and ref == _strip_punct(ref)
        if ok and not find_range(f"{name}: {ref}") and not _ON_REQUEST.search(f"{name} {ref}"):
            shown["reference"] = ref
            head += f": {_escape_tail(ref)}"
        return head, shown
    else:
        return None
    if kids:
        shown[_list_key(kind)] = list(e[_list_key(kind)])
    if dates:
        head += ", " + dates
    return head, shown


_AREA_TAIL = re.compile(r"^(?:(?i:minor|major|specialization|concentration)\b|[a-z])")


def _degree_ok(value: Any) -> bool:
    """A degree name for the start of an education line ("M.S.", "Ph.D.")."""
    return (
        isinstance(value, str)
        and _clean(value)
        and _WORD.fullmatch(value) is not None
        and find_range(value) is None
    )


_KEYWORD = re.compile(r"[^\W_][\w .'&/+()-]*", re.U)


def _keyword(value: Any) -> bool:
    """A keyword of a skills line: one item, no separator, no link, no final full stop;
    balanced brackets (the reader does not split inside them)."""
    return (
        isinstance(value, str)
        and _clean(value)
        and _KEYWORD.fullmatch(value) is not None
        and re.fullmatch(r"[^()]*(?:\([^()]*\)[^()]*)*", value) is not None
        and value == _strip_punct(value)
        and not value.endswith((".", "。"))
    )


def _strip_punct(text: str) -> str:
    return text.strip().strip(",;:|–—-·•：，；、").strip()


def _list_key(kind: str) -> str:
    return "highlights" if kind in _LIST_KEY else "x-highlights"


def _children(kind: str, e: dict[str, Any]) -> list[str]:
    items = e.get(_list_key(kind))
    if not isinstance(items, list):
        return []
    return [linked_text(h) if isinstance(h, str) and _clean(h) else "" for h in items]


def _bullet(head: str, children: list[list[str]]) -> str:
    lines = [f"* {head}"]
    for child in children:
        lines.append(f"  * {child[0]}")
        lines.extend(f"  {sub}" for sub in child[1:])
    return "\n".join(lines)


@dataclass
class _Groups:
    """Layout sections written as group lines inside another (by layout index)."""

    inside: set[int] = field(default_factory=set)
    lines: dict[int, list[tuple[int, str]]] = field(default_factory=dict)


class _Writer:
    def __init__(self, resume: Resume, plain: bool, locale: str = "en") -> None:
        self.resume = resume
        self.locale = locale
        self.data = resume.to_dict()
        self.plain = plain
        self.fallbacks = 0

    # ------------------------------------------------------------------ page

    def page(self) -> str:
        parts: list[str] = []
        if not self.plain:
            parts.append(_front_matter(self.resume, self.data))
        header = self.header()
        if header:
            parts.append(header)
        layout = self.layout()
        # a section name of the wrong type ([5], {…}) is no key: validation reports it
        listed = {(s.section, i) for s in layout if type(s.section) is str for i in s.indices()}
        groups = self.groups(layout)
        for i, section in enumerate(layout):
            if i in groups.inside:
                continue
            parts.append(self.section(section, groups.lines.get(i, [])))
        for key in ENTRY_TYPES:
            if key == CUSTOM:
                continue
            rest = [i for i in range(len(self._list(key))) if (key, i) not in listed]
            if rest:
                title = locales.title(self.locale, key)
                extra = SectionLayout(section=key, title=title, items=rest)
                parts.append(self.section(extra))
        return "\n\n".join(p.strip("\n") for p in parts if p.strip()) + "\n"

    def layout(self) -> list[SectionLayout]:
        """The page's sections; a resume with no stored layout (from JSON) opens with its
        summary as a section of paragraphs, as a CV page does."""
        layout = self.resume.layout()
        ext = self.resume.extension
        stored = ext is not None and isinstance(ext.sections, list) and ext.sections
        basics = self.data.get("basics")
        summary = basics.get("summary") if isinstance(basics, dict) else None
        if not stored and isinstance(summary, str) and summary.strip():
            return [SectionLayout(section=_SUMMARY), *layout]
        return layout

    def heading(self, title: str, level: int, kind: str | None = None) -> str:
        """A section heading; ``{: .cv-KEY}`` under it when the title alone names
        another section (academicpages flavour only: kramdown reads it as a CSS class)."""
        # a link the page's heading had stays a link ("Publications ([Scholar](…))")
        text = linked_text(title) if _text_ok(title) else escape(title)
        if self.plain:
            return f"{'#' * level} {text}"
        head = f"{text}\n======"
        shown = _LINKED.sub(lambda m: m.group(1), title)  # what the reader matches
        # a custom section is marked too: an unknown title alone is placed by its shape
        if kind is not None and (section_key(shown) != kind or kind == CUSTOM):
            css = "summary" if kind == _SUMMARY else kind
            head += f"\n\n{{: .cv-{css}}}"
        return head

    # ------------------------------------------------------------------ header

    def header(self) -> str:
        basics = self.data.get("basics")
        if not isinstance(basics, dict) or not basics:
            return ""
        summary_in_layout = any(s.section == _SUMMARY for s in self.layout())
        fields = {k: v for k, v in basics.items() if not (k == "summary" and summary_in_layout)}
        if not self.plain:  # empty fields go to the front matter (not_content)
            fields = {k: v for k, v in fields.items() if k not in _empty_basics(self.data)}
        return self._header_text(fields)

    def _header_text(self, basics: dict[str, Any]) -> str:
        lines: list[str] = []
        name = basics.get("name")
        if name is not None:
            if _name_ok(name):
                md = escape(name)
                lines.append(f"# {md}" if self.plain else f"**{md}**")
            else:
                lines.append(_field_value("name", name))
        keys = [k for k in _BASICS_ORDER if k in basics]
        keys += sorted(k for k in basics if k not in keys and k != "name")
        if lines:  # after the name, the lines a person writes (the reader's header rules)
            if _label_ok(basics.get("label")):
                lines.append(f"*{_escape_inline(basics['label'])}*")
                keys.remove("label")
            contacts = _contacts(basics)
            if contacts:
                lines.append(" · ".join(contacts.values()))
                keys = [k for k in keys if k not in contacts]
        for key in keys:
            value = basics[key]
            if key == "profiles" and _profiles_ok(value):
                lines.extend(_profile_line(p) for p in value)
            elif key == "location" and _location_ok(value) and _one_line_location(value):
                md = _field_value("x", location_line(value))
                lines.append("*Address:* " + md[len("*x:* ") :])
            elif key == "location" and _location_ok(value):
                lines.extend(_location_lines(value))
            else:
                lines.append(_field_value(key, value))
        if self.plain and lines and lines[0].startswith("# "):
            return lines[0] + "\n\n" + "  \n".join(lines[1:])
        return "  \n".join(lines)

    # ------------------------------------------------------------------ sections

    def groups(self, layout: list[SectionLayout]) -> _Groups:
        """Group lines to write inside the section above them (``group`` layouts: a
        "Languages" line in Skills), when every entry reads back from such a line."""
        found = _Groups()
        parent = None
        for i, s in enumerate(layout):
            if s.extra.get("group") is not True:
                parent = i
                continue
            at = s.extra.get("at")
            line = self.group_line(s)
            if parent is None or line is None or type(at) is not int:
                continue
            want = {"languages": "skills", "skills": "languages"}.get(str(s.section))
            if layout[parent].section != want:
                continue
            found.inside.add(i)
            found.lines.setdefault(parent, []).append((at, line))
        return found

    def group_line(self, layout: SectionLayout) -> str | None:
        """``**Languages**: English (native), French`` for a languages group in Skills, or
        the skills lines of a code group in Languages; None when one would not read back."""
        title, items = layout.title, self._list(str(layout.section))
        entries = [items[i] for i in layout.indices() if 0 <= i < len(items)]
        if not entries or len(entries) != len(layout.indices()) or not _word(title):
            return None
        if layout.section == "languages" and is_language_group(title):
            parts = []
            for e in entries:
                if not isinstance(e, dict) or set(e) - {"language", "fluency"}:
                    return None
                lang, fluency = e.get("language"), e.get("fluency")
                if not _group_language_ok(lang) or not (fluency is None or _fluency_ok(fluency)):
                    return None
                parts.append(lang if fluency is None else f"{lang} ({fluency})")
            text = f"{title}: {', '.join(parts)}"
            if find_range(text) is not None:
                return None
            return f"* **{escape(title)}**: " + ", ".join(map(_escape_inline, parts))
        if layout.section == "skills" and is_code_group(title):
            lines = []
            for e in entries:
                natural = _natural("skills", e, False) if isinstance(e, dict) else None
                if natural is None or natural[1] != e or e.get("name") != title:
                    return None
                lines.append("* " + natural[0])
            return "\n".join(lines)
        return None

    def section(self, layout: SectionLayout, groups: list[tuple[int, str]] = ()) -> str:
        kind = layout.section
        title = layout.title
        if not isinstance(title, str):  # a resume from JSON: the locale's title
            title = locales.title(self.locale, kind) if type(kind) is str else str(kind)
        head = self.heading(title, 2, kind)
        body: list[str] = []
        if kind == _SUMMARY:
            body.append(self.summary(title))
        elif kind == CUSTOM:
            prose = self.prose(layout, title)
            for entry in [] if prose else layout.custom_entries():
                e = entry.to_dict() if hasattr(entry, "to_dict") else entry
                body.append(self.entry(CUSTOM, e, title))
            body += [prose] if prose else []
        elif isinstance(kind, str):
            items = self._list(kind)
            for i in layout.indices():
                if 0 <= i < len(items):
                    body.append(self.entry(kind, items[i], title))
            for at, line in sorted(groups, key=lambda g: g[0], reverse=True):
                body.insert(max(0, min(at, len(body))), line)
        collection = layout.extra.get("collection")
        if isinstance(collection, str) and not self.plain:
            include = (
                "archive-single-talk-cv.html"
                if collection == "talks"
                else ("archive-single-cv.html")
            )
            rev = " reversed" if layout.extra.get("reversed") else ""
            loop = _LOOP.format(collection=collection, reversed=rev, include=include)
            return "\n\n".join([head, "\n".join(body), loop] if body else [head, loop])
        if not body:
            return head
        bullets = [b for b in body if b.startswith("* ")]
        other = [b for b in body if not b.startswith("* ")]
        return "\n\n".join([head, *other, "\n".join(bullets)] if bullets else [head, *other])

    def prose(self, layout: SectionLayout, title: str) -> str:
        """A section of paragraphs (custom entries with a summary only) as paragraphs."""
        entries = [e.to_dict() if hasattr(e, "to_dict") else e for e in layout.custom_entries()]
        texts = [
            e.get("summary") if isinstance(e, dict) and set(e) == {"summary"} else None
            for e in entries
        ]
        if not texts:
            return ""
        if not all(_prose_ok(t) for t in texts):
            return ""
        return "\n\n".join(linked_text(t) for t in texts)  # type: ignore[arg-type]

    def _list(self, key: str) -> list[Any]:
        """A section's entries; a wrong type (reported by validation) renders as none."""
        items = self.data.get(key)
        return items if isinstance(items, list) else []

    def summary(self, title: str) -> str:
        basics = self.data.get("basics")
        basics = basics if isinstance(basics, dict) else {}  # a wrong type: validation says so
        text = basics.get("summary")
        if text is None:
            return ""
        if isinstance(text, str):
            paras = text.split("\n\n")
            if all(_text_ok(p) and not p.startswith("{:") for p in paras):
                return "\n\n".join(linked_text(p) for p in paras)
        return _field_value("summary", text)

    # ------------------------------------------------------------------ entries

    def entry(self, kind: str, e: Any, title: str) -> str:
        """The entry's natural CV line with field lines for what it does not state; field
        lines only when its main value is not certain to read back in a line."""
        if not isinstance(e, dict):
            return _bullet(json_value(e), [])
        if kind == "publications" and "x-type" in e and e["x-type"] == publication_type(title):
            e = {k: v for k, v in e.items() if k != "x-type"}  # the heading says it
        teaching = any(w in title.lower() for w in ("teach", "教学"))
        natural = _natural(kind, e, teaching, _degree_join(self.locale))
        if natural is None:
            self.fallbacks += 1
            return self.explicit(kind, e)
        head, shown = natural
        list_key = _list_key(kind)
        kids = [[linked_text(h)] for h in shown[list_key]] if list_key in shown else []
        extra = [_field_lines(k, e[k]) for k in _order(kind, e) if k not in shown]
        return _bullet(head, kids + extra)

    def explicit(self, kind: str, e: dict[str, Any]) -> str:
        """Field lines only: the first one-line field leads the bullet, the rest under it."""
        keys = _order(kind, e)
        if not keys:
            return "* " + json_value({})
        fields = {k: _field_lines(k, e[k]) for k in keys}
        lead = next((k for k in keys if len(fields[k]) == 1), keys[0])
        head = _field_value(lead, e[lead])
        return _bullet(head, [fields[k] for k in keys if k != lead])


def _group_language_ok(value: Any) -> bool:
    """A language of a group line: one part (no separator the reader splits parts on) and
    nothing the reader takes for the start of a fluency (a bracket, a colon)."""
    return (
        _text_ok(value)
        and not _LINKED.search(value)
        and re.search(r"[,，;；、()（）:：\[\]]", value) is None
        and value == _strip_punct(value)
    )


def _fluency_ok(value: Any) -> bool:
    """A fluency in brackets after a language of a group line ("TOEFL 109: R:29, L:30"):
    the reader does not split inside brackets, and takes all of it up to the last one."""
    return (
        _text_ok(value)
        and not _LINKED.search(value)
        and re.search(r"[()（）\[\]]", value) is None
        and value == _strip_punct(value)
    )


def _label_ok(label: Any) -> bool:
    """A title the reader takes from an italic line under the name (``*Programmer*``)."""
    return (
        _text_ok(label)
        and not _LINKED.search(label)
        and not label.endswith((":", "："))
        and _BARE_URL.fullmatch(label) is None
    )


#: What the reader takes for an e-mail address, a phone number (narrower than its rules).
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(r"\+?[\d()./-][\d ()./-]{5,}[\d)]")


def _contacts(basics: dict[str, Any]) -> dict[str, str]:
    """E-mail, phone and web address as Markdown for one ``a · b · c`` header line (the
    reader sorts its parts by what they look like), each only when it reads back."""
    out: dict[str, str] = {}
    email, phone, url = basics.get("email"), basics.get("phone"), basics.get("url")
    if isinstance(email, str) and _EMAIL.fullmatch(email):
        out["email"] = email
    if isinstance(phone, str) and _clean(phone) and _PHONE.fullmatch(phone):
        out["phone"] = phone
    if isinstance(url, str) and _BARE_URL.fullmatch(url) and "x-url" not in basics:
        out["url"] = f"<{url}>"
    md = {k: (_escape_inline(v) if k != "url" else v) for k, v in out.items()}
    first = next(iter(md), None)
    if first is not None and first != "url":
        md[first] = escape(out[first])
    return md


def _name_ok(name: Any) -> bool:
    """A name the reader takes from the header's first line: a few words, no link, no
    e-mail address, not a page title ("CV" there names the page)."""
    return (
        _text_ok(name)
        and not _LINKED.search(name)
        and "@" not in name
        and len(name.split()) <= 6
        and not is_page_title(name)
    )


def _prose_ok(text: Any) -> bool:
    """A paragraph the reader keeps as prose, not as an entry: more than 40 words and at
    least two sentences (links count as their text)."""
    if not _text_ok(text) or "\n" in text or text.startswith("{:"):
        return False
    plain = _LINKED.sub(lambda m: m.group(1), text)
    return len(plain.split()) > 40 and plain.count(". ") + plain.count("。") >= 2


def _location_ok(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(k in LOCATION_LABELS and _text_ok(v) for k, v in value.items())
    )


def _one_line_location(value: dict[str, str]) -> bool:
    """A location written as one ``*Address:*`` line, its split kept in the front matter:
    parts in the usual order, none empty or holding the separator itself."""
    parts = [value.get(k) for k in LOCATION_ORDER if k in value]
    return set(value) <= set(LOCATION_ORDER) and all(
        isinstance(p, str) and p.strip() == p and p and ", " not in p for p in parts
    )


def _location_split(data: dict[str, Any]) -> dict[str, str] | None:
    """The parts of the location written as one line (front matter ``location``), if any."""
    basics = data.get("basics")
    value = basics.get("location") if isinstance(basics, dict) else None
    if not (_location_ok(value) and _one_line_location(value)) or set(value) == {"address"}:
        return None
    return dict(value)


def _location_lines(value: dict[str, str]) -> list[str]:
    out = []
    for key, label in LOCATION_LABELS.items():
        if key in value:
            md = _field_value("x", value[key])
            out.append(f"*{label}:* " + md[len("*x:* ") :])
    return out


def _profiles_ok(value: Any) -> bool:
    if not isinstance(value, list):
        return False
    for p in value:
        if not isinstance(p, dict) or set(p) - {"network", "username", "url"}:
            return False
        net = p.get("network")
        if not isinstance(net, str) or not re.fullmatch(r"[A-Z][\w .+-]*", net):
            return False
        if (
            key_for(net) is not None
            or net in LOCATION_KEYS
            or not (p.get("username") or p.get("url"))
        ):
            return False
        user, url = p.get("username"), p.get("url")
        if user is not None and (not _text_ok(user) or _LINKED.search(user) or user == url):
            return False
        if url is not None and not (isinstance(url, str) and _SAFE_URL.fullmatch(url)):
            return False
    return True


def _profile_line(p: dict[str, Any]) -> str:
    net = _escape_tail(p["network"])
    user, url = p.get("username"), p.get("url")
    if url and user:
        return f"*{net}:* [{_escape_inline(user)}]({_url(url)})"
    if url and re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s<>]+", url, re.I):
        return f"*{net}:* <{url}>"
    if url:
        return f"*{net}:* [{_escape_inline(url)}]({_url(url)})"
    return f"*{net}:* {_escape_inline(user)}"
