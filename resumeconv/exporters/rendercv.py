"""RenderCV writer: any resume → a RenderCV YAML file (``cv:``, ``sections:``, blocks).

Sections come in ``resume.layout()`` order under their titles (the RenderCV key the reader
kept in ``x-key`` when there is one), each written as the entry type its layout names
(``x-entryType``) or its home's default (``resumeconv.rendercv.HOMES``). Keys RenderCV has
no field for are written as ``x-<key>``: RenderCV accepts and ignores them, and the reader
turns them back into the model's keys. ``meta["x-rendercv"]`` (``design``, ``locale``,
settings) is written back untouched. The mapping is docs/rendercv.md.
"""

from __future__ import annotations

import re
from typing import Any

from resumeconv import locales
from resumeconv import rendercv as rcv
from resumeconv.exporters.yaml import dump
from resumeconv.model import EXTENSION_KEY, STANDARD_SECTIONS, Node, Resume, SectionLayout
from resumeconv.options import WriteOptions

_SUMMARY = "basics.summary"
_CUSTOM = "custom"
#: Order of ``cv:`` keys (RenderCV prints the header's contacts in the file's order).
_CV_ORDER = (
    *("name", "headline", "photo", "location", "email", "phone", "website"),
    *("social_networks", "x-profiles"),
)
_CV_RENAMES = {"url": "website", "image": "photo", "label": "headline"}
_CV_FIELDS = ("name", "location", "email", "photo", "phone", "website", "social_networks")
_CV_FIELDS += ("sort_entries", "headline")
_BASICS_KEYS = ("name", "label", "image", "email", "phone", "url", "summary", "location")
#: cv keys the reader reads its own way: an x- key with such a name stays x-.
_CV_SPECIAL = frozenset(("profiles", "meta", "sections", "social_networks"))
_YEAR = re.compile(r"\d{4}")
_RCV_DATES = ("date", "start_date", "end_date")
_SCHEME = re.compile(r"^[a-z]+://(?:www\.)?", re.I)


def write(resume: Resume, options: WriteOptions) -> bytes:
    """UTF-8 RenderCV YAML; same resume → same bytes."""
    document = resume.to_dict()
    meta = document.get("meta") if isinstance(document.get("meta"), dict) else {}
    out: dict[str, Any] = {"cv": _cv(document, resume, options.locale)}
    blocks = meta.get(rcv.META_KEY)
    if isinstance(blocks, dict):
        for key, value in blocks.items():
            out.setdefault(key, value)
    return dump(out).encode("utf-8")


# --------------------------------------------------------------------------- cv


def _basics(document: dict[str, Any]) -> dict[str, Any]:
    basics = document.get("basics")
    return basics if isinstance(basics, dict) else {}  # a wrong type is left to validation


def _cv(document: dict[str, Any], resume: Resume, locale: str) -> dict[str, Any]:
    basics = _basics(document)
    cv: dict[str, Any] = {}
    for key, value in basics.items():
        if key == "summary":
            continue  # a text section (below)
        if key == "profiles" and isinstance(value, list):
            networks, others = _networks(value)
            if networks:
                cv["social_networks"] = networks
            if others:
                cv["x-profiles"] = others
            continue
        if key == "location" and isinstance(value, dict):
            text = _location(value)
            if text:
                cv["location"] = text
            continue
        name = _cv_key(key, value)
        cv[name if name not in cv else "x-" + key] = value
    meta = document.get("meta")
    if isinstance(meta, dict):
        rest = {k: v for k, v in meta.items() if k not in (EXTENSION_KEY, rcv.META_KEY)}
        if rest:
            cv["x-meta"] = rest
    ordered = {k: cv.pop(k) for k in _CV_ORDER if k in cv}
    ordered.update(cv)
    sections = _sections(document, resume, locale)
    if sections:
        ordered["sections"] = sections
    return ordered


def _cv_key(key: str, value: Any) -> str:
    """The ``cv:`` key of a basics field; values RenderCV would refuse stay ``x-``."""
    if key == "phone" and not (isinstance(value, str) and value.startswith(("+", "tel:"))):
        return "x-phone"  # RenderCV wants the country code
    if key == "url" and not (isinstance(value, str) and value.startswith(("http://", "https://"))):
        return "x-url"
    if key == "image" and isinstance(value, str) and "://" in value:
        return "x-image"  # RenderCV's photo is a file next to the YAML
    return rcv.rcv_key(key, _CV_RENAMES, _CV_FIELDS, _BASICS_KEYS, _CV_SPECIAL)


def _location(location: dict[str, Any]) -> str:
    parts = [location.get(k) for k in ("address", "city", "region", "postalCode", "countryCode")]
    return ", ".join(p for p in parts if isinstance(p, str) and p)


def _networks(profiles: list[Any]) -> tuple[list[dict[str, str]], list[Any]]:
    """Profiles RenderCV can show as social networks, and the others (kept in
    ``x-profiles``): an unknown network, a username RenderCV refuses, a URL of its own."""
    networks: list[dict[str, str]] = []
    others: list[Any] = []
    for profile in profiles:
        if not isinstance(profile, dict):
            others.append(profile)
            continue
        name = rcv.network_name(profile.get("network"))
        user = profile.get("username")
        url = profile.get("url")
        if name is not None and not user and isinstance(url, str):
            user = _user_from_url(name, url)
        if (
            name is not None
            and rcv.username_ok(name, user)
            and set(profile) <= {"network", "username", "url"}
            and (url is None or _same_url(url, rcv.profile_url(name, user)))
        ):
            networks.append({"network": name, "username": user})
        else:
            others.append(profile)
    return networks, others


def _bare(url: str) -> str:
    """A URL without scheme, ``www.`` and trailing slash, for comparing links."""
    return _SCHEME.sub("", url.strip()).rstrip("/")


def _same_url(url: Any, made: str | None) -> bool:
    return isinstance(url, str) and made is not None and _bare(url).lower() == _bare(made).lower()


def _user_from_url(network: str, url: str) -> str | None:
    """``https://github.com/jane`` → ``jane`` (a JSON Resume profile with a URL only)."""
    base = _SCHEME.sub("", rcv.NETWORK_URLS.get(network) or "")
    bare = _bare(url)
    if not base or not bare.lower().startswith(base.lower()):
        return None
    rest = bare[len(base) :]
    return rest if rest and "/" not in rest and "?" not in rest else None


# --------------------------------------------------------------------------- sections


def _sections(document: dict[str, Any], resume: Resume, locale: str) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    listed: dict[str, set[int]] = {}
    summary = _basics(document).get("summary")
    layout = resume.layout()
    if isinstance(summary, str) and summary and not any(s.section == _SUMMARY for s in layout):
        _add(sections, "summary", [_paragraphs(summary)])
    for section in layout:
        written = _layout_section(section, document, listed, locale)
        if written is not None:
            _add(sections, *written)
    for name in STANDARD_SECTIONS:
        items = document.get(name)
        if not isinstance(items, list):
            continue
        missing = [e for i, e in enumerate(items) if i not in listed.get(name, set())]
        if missing:
            home = rcv.home(name)
            assert home is not None
            _add(sections, locales.title(locale, name), [_entries(name, home, missing)])
    return sections


def _add(sections: dict[str, Any], key: str, written: list[list[Any]]) -> None:
    entries = written[0]
    if not entries:
        return  # RenderCV refuses an empty section
    unique, n = key, 2
    while unique in sections:
        unique, n = f"{key} ({n})", n + 1
    sections[unique] = entries


def _layout_section(
    layout: SectionLayout, document: dict[str, Any], listed: dict[str, set[int]], locale: str
) -> tuple[str, list[list[Any]]] | None:
    name = layout.section
    if not isinstance(name, str):
        return None
    title = layout.title if isinstance(layout.title, str) and layout.title else None
    key = layout.extra.get("x-key")
    key = key if isinstance(key, str) and key else title or locales.title(locale, name)
    kind = layout.extra.get("x-entryType")
    if name == _SUMMARY:
        summary = _basics(document).get("summary")
        return (key, [_paragraphs(summary)]) if isinstance(summary, str) else None
    if "x-entries" in layout.extra:  # a RenderCV section that was no list, as it came
        return key, [layout.extra["x-entries"]]
    if name == _CUSTOM:
        entries = [e.to_dict() if isinstance(e, Node) else e for e in layout.custom_entries()]
    elif name in STANDARD_SECTIONS:
        items = document.get(name)
        items = items if isinstance(items, list) else []
        indices = [i for i in layout.indices() if 0 <= i < len(items)]
        listed.setdefault(name, set()).update(indices)
        entries = [items[i] for i in indices]
    else:
        return None
    home = _choose_home(name, kind, entries)
    written = _entries(name, home, entries)
    if rcv.section_type(written) not in (home.rcv_type, None):  # RenderCV would see another
        written = _entries(name, _choose_home(name, None, entries), entries)
    return key, [written]


def _choose_home(section: str, kind: Any, entries: list[Any]) -> rcv.Home:
    """The layout's entry type, else the section's default (a custom section of prose
    alone is text). The caller checks that RenderCV will see the type written."""
    home = rcv.home(section, kind) if isinstance(kind, str) else None
    if home is None and section == _CUSTOM and entries and all(_prose(e) for e in entries):
        home = rcv.home(_CUSTOM, rcv.TEXT)
    found = home or rcv.home(section)
    assert found is not None
    return found


def _prose(entry: Any) -> bool:
    return isinstance(entry, str) or (
        isinstance(entry, dict) and set(entry) == {"summary"} and isinstance(entry["summary"], str)
    )


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")  # the reader joins text entries with a blank line


# --------------------------------------------------------------------------- entries


def _entries(section: str, home: rcv.Home, entries: list[Any]) -> list[Any]:
    return [_entry(section, home, e) for e in entries]


def _entry(section: str, home: rcv.Home, entry: Any) -> Any:
    if home.rcv_type == rcv.TEXT and _prose(entry):
        return entry["summary"] if isinstance(entry, dict) else entry
    if not isinstance(entry, dict):
        return entry  # a value of the wrong type, written back as it came
    fields = rcv.ENTRY_TYPES.get(home.rcv_type, ())
    out, owned = _dates(section, entry)
    linked = rcv.link_fields(section, home.rcv_type)
    if linked is not None and linked[0] in entry:
        text = rcv.join_link(entry[linked[0]], entry.get(linked[1]))
        if text is not None and rcv.split_link(entry[linked[0]]) is None:
            entry = {**entry, linked[0]: text}  # RenderCV shows the link on the name
            owned = {*owned, linked[1]}
    model_keys = rcv.MODEL_KEYS[section]
    guard = rcv.guarded(home.rcv_type) | set(_RCV_DATES)
    for key, value in entry.items():
        if key in owned:
            continue
        name = rcv.rcv_key(key, home.renames, fields, model_keys, guard)
        if key == home.joined and _joinable(value):
            value = ", ".join(value)
        if name in out:
            name = "x-" + key
        if name == "authors" and isinstance(value, str) and home.rcv_type == "PublicationEntry":
            value = [value]  # a CV page's "A. Author, B. Author": RenderCV wants a list
        out[name] = value
    for name in rcv.REQUIRED.get(home.rcv_type, ()):
        out.setdefault(name, [] if name == "authors" else "")
    ordered = {k: out.pop(k) for k in fields if k in out}
    ordered.update(out)
    return ordered


def _joinable(value: Any) -> bool:
    """Keywords written as one line: RenderCV's details is text. (A keyword with ", " in
    it is read back as two: the text is kept, the split is not.)"""
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _dates(section: str, entry: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """RenderCV's date keys of an entry, and the model keys they were made from."""
    out: dict[str, Any] = {}
    written = entry.get("x-date")
    single = rcv.SINGLE_DATE.get(section)
    if single is not None:
        owned = {single, "x-date", "x-startDate", "x-endDate"}
        value = written if written is not None else entry.get(single)
        if value is not None:
            out["date"] = value
        for model_key, key in (("x-startDate", "start_date"), ("x-endDate", "end_date")):
            if model_key in entry:
                out[key] = entry[model_key]
        return _years(out), owned
    model_keys = ("startDate", "endDate", *(("date",) if section == _CUSTOM else ()))
    owned = {*model_keys, "x-date"}
    dates = {k: entry[k] for k in model_keys if k in entry}
    if written is not None:
        out["date"] = written
        if not dates or dates == rcv.derived_dates(section, rcv.text_date(written)):
            return _years(out), owned
    elif "date" in dates:
        out["date"] = dates["date"]
    start, end = dates.get("startDate"), dates.get("endDate")
    if start is not None:
        out["start_date"] = start
        out["end_date"] = end if end is not None else "present"
    elif end is not None:
        out["end_date"] = end
    return _years(out), owned


def _years(dates: dict[str, Any]) -> dict[str, Any]:
    """``"2020"`` → ``2020``: RenderCV files write years as numbers."""
    return {k: int(v) if isinstance(v, str) and _YEAR.fullmatch(v) else v for k, v in dates.items()}
