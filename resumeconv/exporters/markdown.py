"""Markdown output: an academicpages CV page (default) or plain Markdown for a README.

The page is written so that resumeconv's own CV-page reader gives back the same resume:
Markdown → JSON → Markdown → JSON is a fixpoint (docs/markdown-export.md). Each entry is
first written as a CV line a person would write (``* **Position**, Organisation, City,
Sep 2023 – Present`` with its highlights as bullets). The reader is then run on that one
entry; fields it reads differently are added as field lines (``*Citation:* …``, see
``importers/cvpage/labels.py``), and an entry whose line would give a field it does not
have is written as field lines only. So nothing is lost and nothing is guessed twice.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields
from typing import Any

from resumeconv.dateformat import format_range
from resumeconv.errors import UsageError
from resumeconv.model import CUSTOM, ENTRY_TYPES, Resume, SectionLayout
from resumeconv.options import ReadOptions, WriteOptions

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
    return _Writer(resume, plain=flavor == "plain").page().encode("utf-8")


# ----------------------------------------------------------------------------- text


_LINKED = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s<>]+)\)")
_ALWAYS = set("\\`*_[]<>&!|~#")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d{1,9}(?=[.)]))")


def escape(text: str) -> str:
    """Plain text as Markdown that shows (and reads back as) exactly that text."""
    out = []
    for ch in text:
        out.append("\\" + ch if ch in _ALWAYS else ch)
    md = "".join(out)
    # Liquid would run ({{ … }}, {% … %}); an empty comment keeps the braces apart
    md = re.sub(r"\{(?=[{%])", "{<!-- -->", md)
    m = _LINE_START.match(md)
    if m:
        if m.group(2)[0].isdigit():
            end = m.end()
            md = md[:end] + "\\" + md[end:]
        else:
            md = md[: m.start(2)] + "\\" + md[m.start(2) :]
    return md


def linked_text(text: str) -> str:
    """Text that may hold ``[label](url)`` links (our free-text form) as Markdown."""
    out: list[str] = []
    pos = 0
    for m in _LINKED.finditer(text):
        out.append(escape(text[pos : m.start()]) if pos < m.start() else "")
        out.append(f"[{escape(m.group(1))}]({_url(m.group(2))})")
        pos = m.end()
    if not out:
        return escape(text)
    out.append(_escape_tail(text[pos:]))
    return "".join(out)


def _escape_tail(text: str) -> str:
    """Escaping for text after a link (no line-start rules apply there)."""
    md = "".join("\\" + ch if ch in _ALWAYS else ch for ch in text)
    return re.sub(r"\{(?=[{%])", "{<!-- -->", md)


def _url(url: str) -> str:
    return "".join("\\" + ch if ch in "\\()<>[]" else ch for ch in url)


def json_value(value: Any) -> str:
    """A value as JSON in a code span: whitespace and Liquid braces escaped inside strings."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = re.sub(r"\s", lambda m: f"\\u{ord(m.group(0)):04x}", text)
    text = text.replace("{{", "{\\u007b").replace("{%", "{\\u0025")
    ticks = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}{text}{ticks}"


def _clean(text: str) -> bool:
    return bool(text) and text == " ".join(text.split())


# ----------------------------------------------------------------------------- reading back


def _read_back(markdown: str) -> dict[str, Any]:
    """What resumeconv's CV-page reader makes of a (small) page."""
    from resumeconv.importers.markdown import read
    from resumeconv.sources import Source

    return read(Source(markdown, name="<markdown export>"), ReadOptions(find_site=False)).to_dict()


def _field_value(key: str, value: Any) -> str:
    """``*Label:* value`` markdown for one field (text when it reads back, else JSON)."""
    from resumeconv.dialect import label_for

    label = f"*{_escape_tail(label_for(key))}:*"
    if isinstance(value, str) and _clean(value) and "\n" not in value:
        md = f"{label} {linked_text(value)}"
        if _value_back(md) == value:
            return md
    return f"{label} {json_value(value)}"


def _value_back(md: str) -> Any:
    from resumeconv.importers.cvpage.inline import inline_lines
    from resumeconv.importers.cvpage.labels import field_line, value_of
    from resumeconv.importers.cvpage.parser import parser

    tokens = parser().parseInline(md)
    lines = inline_lines(tokens[0].children or [], 1, soft_breaks=False) if tokens else []
    if len(lines) != 1:
        return None
    found = field_line(lines[0])
    return value_of(found[1]) if found else None


def _field_lines(key: str, value: Any) -> list[str]:
    """A field as a bullet: lists of strings become bullets under the label."""
    from resumeconv.dialect import label_for

    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        label = f"*{_escape_tail(label_for(key))}:*"
        subs = []
        for v in value:
            md = _field_value("x", v)
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


_PRIMARY = {
    "work": ("position", "name", "summary"),
    "volunteer": ("position", "organization", "summary"),
    "education": ("studyType", "institution", "area"),
    "awards": ("title",),
    "certificates": ("name",),
    "publications": ("name",),
    "skills": ("name",),
    "languages": ("language",),
    "interests": ("name",),
    "references": ("name",),
    "projects": ("name",),
    CUSTOM: ("name",),
}


def _candidates(kind: str, e: dict[str, Any]) -> list[str]:
    """CV lines to try: the natural ones, then the entry's main field alone (the other
    fields then go to field lines)."""
    heads = _heads(kind, e)
    for key in _PRIMARY.get(kind, ()):
        text = _s(e, key)
        if text:
            heads += [text, f"**{text}**", f"*{text}*"]
            break
    return list(dict.fromkeys(h for h in heads if h))


def _heads(kind: str, e: dict[str, Any]) -> list[str]:
    """Natural CV lines for an entry, most natural first."""
    d = _dates(e, kind)
    bold = lambda k: f"**{_s(e, k)}**" if _s(e, k) else ""  # noqa: E731
    if kind == "work":
        return [
            _join(bold("position"), _s(e, "name"), _s(e, "location"), d),
            _join(bold("position"), _s(e, "name"), d),
        ]
    if kind == "volunteer":
        return [_join(bold("position"), _s(e, "organization"), d)]
    if kind == "education":
        degree = _s(e, "studyType")
        if _s(e, "area"):
            degree = f"{degree} in {_s(e, 'area')}" if degree else _s(e, "area")
        return [
            _join(degree, _s(e, "institution"), _s(e, "x-location"), d),
            _join(bold("studyType"), _s(e, "area"), _s(e, "institution"), d),
        ]
    if kind == "awards":
        return [_join(bold("title"), _s(e, "awarder"), d), _join(bold("title"), d)]
    if kind == "certificates":
        return [_join(bold("name"), _s(e, "issuer"), d)]
    if kind == "publications":
        heads = []
        summary = e.get("summary")
        if isinstance(summary, str) and _clean(summary):
            heads.append(linked_text(summary))
        name = _s(e, "name")
        venue = f"*{_s(e, 'publisher')}*" if _s(e, "publisher") else ""
        heads.append(_join(f"“{name}”" if name else "", venue, d))
        return heads
    if kind == "skills":
        kws = e.get("keywords") or []
        kw = ", ".join(linked_text(k) for k in kws if isinstance(k, str))
        return [f"{bold('name')}: {kw}" if kw else bold("name")]
    if kind == "languages":
        fl = _s(e, "fluency")
        return [f"{_s(e, 'language')} ({fl})" if fl else _s(e, "language"), _s(e, "language")]
    if kind == "interests":
        kws = e.get("keywords") or []
        kw = ", ".join(linked_text(k) for k in kws if isinstance(k, str))
        return [f"{bold('name')}: {kw}" if kw else bold("name"), _s(e, "name")]
    if kind == "references":
        ref = _s(e, "reference")
        return [f"{bold('name')}: {ref}" if bold("name") else ref]
    if kind == "projects":
        roles = e.get("roles") or []
        role = linked_text(roles[0]) if roles and isinstance(roles[0], str) else ""
        return [_join(f"{bold('name')} {role}".strip(), d), _join(bold("name"), d)]
    name = _s(e, "name")
    return [
        _join(f"*{name}*" if name else "", _s(e, "organization"), _s(e, "location"), d),
        _join(name, _s(e, "organization"), _s(e, "location"), d),
    ]


def _shown(value: Any, head: str) -> bool:
    return isinstance(value, str) and bool(value) and linked_text(value) in head


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


class _Writer:
    def __init__(self, resume: Resume, plain: bool) -> None:
        self.resume = resume
        self.data = resume.to_dict()
        self.plain = plain
        self.fallbacks = 0

    # ------------------------------------------------------------------ page

    def page(self) -> str:
        parts: list[str] = []
        if not self.plain:
            parts.append(FRONT_MATTER)
        header = self.header()
        if header:
            parts.append(header)
        layout = self.resume.layout()
        listed = {(s.section, i) for s in layout for i in s.indices()}
        for section in layout:
            parts.append(self.section(section))
        for key in ENTRY_TYPES:
            if key == CUSTOM:
                continue
            rest = [i for i in range(len(self._list(key))) if (key, i) not in listed]
            if rest:
                extra = SectionLayout(section=key, title=key.capitalize(), items=rest)
                parts.append(self.section(extra))
        return "\n\n".join(p.strip("\n") for p in parts if p.strip()) + "\n"

    def heading(self, title: str, level: int, kind: str | None = None) -> str:
        """A section heading; ``{: .cv-KEY}`` under it when the title alone names
        another section (academicpages flavour only: kramdown reads it as a CSS class)."""
        from resumeconv.dialect import section_key

        text = escape(title)
        if self.plain:
            return f"{'#' * level} {text}"
        head = f"{text}\n======"
        if kind is not None and section_key(title) != kind:
            css = "summary" if kind == _SUMMARY else kind
            head += f"\n\n{{: .cv-{css}}}"
        return head

    # ------------------------------------------------------------------ header

    def header(self) -> str:
        basics = self.data.get("basics")
        if not isinstance(basics, dict) or not basics:
            return ""
        summary_in_layout = any(s.section == _SUMMARY for s in self.resume.layout())
        fields = {k: v for k, v in basics.items() if not (k == "summary" and summary_in_layout)}
        for natural in (True, False):
            text = self._header_text(fields, natural)
            page = f"{text}\n\n{self.heading('Education', 2)}\n"
            back = _read_back(page).get("basics", {})
            if back == fields:
                return text
        return self._header_text(fields, False)

    def _header_text(self, basics: dict[str, Any], natural: bool) -> str:
        lines: list[str] = []
        name = basics.get("name")
        if name is not None:
            if natural and isinstance(name, str) and _clean(name):
                md = escape(name)
                lines.append(f"# {md}" if self.plain else f"**{md}**")
            else:
                lines.append(_field_value("name", name))
        keys = [k for k in _BASICS_ORDER if k in basics]
        keys += sorted(k for k in basics if k not in keys and k != "name")
        for key in keys:
            value = basics[key]
            if key == "profiles" and natural and _profiles_ok(value):
                lines.extend(_profile_line(p) for p in value)
            elif key == "location" and natural and _location_ok(value):
                lines.extend(_location_lines(value))
            else:
                lines.append(_field_value(key, value))
        if self.plain and lines and lines[0].startswith("# "):
            return lines[0] + "\n\n" + "  \n".join(lines[1:])
        return "  \n".join(lines)

    # ------------------------------------------------------------------ sections

    def section(self, layout: SectionLayout) -> str:
        title = layout.title if isinstance(layout.title, str) else str(layout.section)
        kind = layout.section
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
        if not texts or not all(isinstance(t, str) and _clean(t) for t in texts):
            return ""
        md = "\n\n".join(linked_text(t) for t in texts)  # type: ignore[arg-type]
        page = f"{self.heading(title, 2, CUSTOM)}\n\n{md}\n"
        want = [{"section": CUSTOM, "title": title, "entries": entries}]
        back = _read_back(page).get("meta", {}).get("x-resumeconv", {}).get("sections")
        return md if back == want else ""

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
            if all(_clean(p) for p in paras):
                md = "\n\n".join(linked_text(p) for p in paras)
                page = f"{self.heading(title, 2, _SUMMARY)}\n\n{md}\n"
                if _read_back(page).get("basics", {}).get("summary") == text:
                    return md
        return _field_value("summary", text)

    # ------------------------------------------------------------------ entries

    def entry(self, kind: str, e: Any, title: str) -> str:
        """The most natural bullet that reads back as exactly this entry."""
        if not isinstance(e, dict):
            return _bullet(json_value(e), [])
        children = _children(kind, e)
        list_key = _list_key(kind)
        plain_list = all(children) and list_key in e
        target = dict(e)
        best: tuple[int, str] | None = None
        for head in _candidates(kind, e):
            kids = [[c] for c in children] if plain_list else []
            got = self._entry_back(kind, _bullet(head, kids), title)
            if got is None or any(k not in target for k in got):
                continue
            fix = [k for k in _order(kind, target) if got.get(k) != target[k]]
            # a field line repeating what the line already shows counts double
            cost = len(fix) + sum(1 for k in fix if _shown(target[k], head))
            if (list_key in fix and plain_list) or (best is not None and cost >= best[0]):
                continue
            extra = [_field_lines(k, target[k]) for k in fix]
            md = _bullet(head, kids + extra)
            if fix and self._entry_back(kind, md, title) != target:
                continue
            best = (cost, md)
            if not fix:
                break
        if best is not None:
            return best[1]
        self.fallbacks += 1
        return self.explicit(kind, target)

    def explicit(self, kind: str, e: dict[str, Any]) -> str:
        """Field lines only: the first one-line field leads the bullet, the rest under it."""
        keys = _order(kind, e)
        if not keys:
            return "* " + json_value({})
        fields = {k: _field_lines(k, e[k]) for k in keys}
        lead = next((k for k in keys if len(fields[k]) == 1), keys[0])
        head = _field_value(lead, e[lead])
        return _bullet(head, [fields[k] for k in keys if k != lead])

    def _entry_back(self, kind: str, md: str, title: str) -> dict[str, Any] | None:
        page = f"{self.heading(title, 2, kind)}\n\n{md}\n" if title else md + "\n"
        try:
            back = _read_back(page)
        except Exception:  # the reader raising is a form that does not work
            return None
        sections = back.get("meta", {}).get("x-resumeconv", {}).get("sections", [])
        if len(sections) != 1:
            return None
        got = sections[0]
        if kind == CUSTOM:
            entries = got.get("entries") or []
            ok = got.get("section") == CUSTOM and len(entries) == 1
            return entries[0] if ok else None
        items = back.get(kind) or []
        others = [k for k in back if k not in (kind, "meta")]
        if got.get("section") != kind or len(items) != 1 or others or got.get("items") != [0]:
            return None
        return items[0]


def _location_ok(value: Any) -> bool:
    from resumeconv.dialect import LOCATION_LABELS

    return (
        isinstance(value, dict)
        and bool(value)
        and all(k in LOCATION_LABELS and isinstance(v, str) for k, v in value.items())
    )


def _location_lines(value: dict[str, str]) -> list[str]:
    from resumeconv.dialect import LOCATION_LABELS

    out = []
    for key, label in LOCATION_LABELS.items():
        if key in value:
            md = _field_value("x", value[key])
            out.append(f"*{label}:* " + md[len("*x:* ") :])
    return out


def _profiles_ok(value: Any) -> bool:
    from resumeconv.dialect import key_for

    if not isinstance(value, list):
        return False
    for p in value:
        if not isinstance(p, dict) or set(p) - {"network", "username", "url"}:
            return False
        net = p.get("network")
        if not isinstance(net, str) or not re.fullmatch(r"[A-Z][\w .+-]*", net):
            return False
        if key_for(net) is not None or not (p.get("username") or p.get("url")):
            return False
    return True


def _profile_line(p: dict[str, Any]) -> str:
    net = _escape_tail(p["network"])
    user, url = p.get("username"), p.get("url")
    if url and user:
        return f"*{net}:* [{escape(user)}]({_url(url)})"
    if url and re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s<>]+", url, re.I):
        return f"*{net}:* <{url}>"
    if url:
        return f"*{net}:* [{escape(url)}]({_url(url)})"
    return f"*{net}:* {escape(user)}"
