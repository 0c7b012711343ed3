"""The display-ready view of a resume that every visual exporter renders.

HTML, DOCX and PDF must show the same things in the same order, so the decisions about
*what* is shown — section order and titles, which field is the heading of an entry, how
dates read, which links are safe — are made once here. Exporters only decide *how* it looks.

Every string in an :class:`Outline` is plain text (never markup): templates escape it.
Every visible field of the model reaches the outline; only links that
:func:`resumeconv.links.safe_url` refuses are dropped, so that no exporter can emit a
``javascript:`` link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from resumeconv import assets, dateformat, locales, scripts
from resumeconv.links import safe_url
from resumeconv.model import (
    CUSTOM,
    STANDARD_SECTIONS,
    Basics,
    Location,
    Profile,
    Resume,
    SectionLayout,
)

#: Layout key of the prose profile section (see docs/extension.md).
SUMMARY = "basics.summary"
#: Standard sections whose entries are ranges: a start without an end is ongoing.
OPEN_SECTIONS = frozenset({"work", "education", "volunteer", "projects", CUSTOM})

_ISO_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@dataclass(slots=True)
class Item:
    """One entry as it is displayed."""

    heading: str = ""
    subheading: str = ""
    location: str = ""
    dates: str = ""
    start: str | None = None
    """ISO 8601 start (or the single date) for machine-readable markup; None when not ISO."""
    end: str | None = None
    url: str | None = None
    summary: str = ""
    bullets: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class Section:
    """One titled section: entries, or prose in ``text``."""

    key: str
    title: str
    items: list[Item] = field(default_factory=list)
    text: str = ""


@dataclass(slots=True)
class Contact:
    """One line of the header: ``kind`` is email, phone, url, location or profile."""

    kind: str
    label: str
    url: str | None = None


@dataclass(slots=True)
class Outline:
    """The whole resume, ready to display."""

    lang: str
    name: str
    label: str
    image: str | None
    contacts: list[Contact]
    summary: str
    sections: list[Section]


# --------------------------------------------------------------------------- helpers


def text(value: Any) -> str:
    """A model value as display text: strings stripped, numbers shown, anything else ''."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def texts(value: Any) -> list[str]:
    """A list of strings from a model value (a lone string is one item); blanks dropped."""
    if isinstance(value, list):
        values = value
    elif value is None:
        values = []
    else:
        values = [value]
    return [t for t in (text(v) for v in values) if t]


def iso(value: Any) -> str | None:
    """The value if it is an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD), else None."""
    t = text(value)
    return t if _ISO_DATE.fullmatch(t) else None


def _join(sep: str, *parts: str) -> str:
    return sep.join(p for p in parts if p)


def _comma(*parts: str) -> str:
    """Parts joined by a comma: a full-width one between Chinese words."""
    present = [p for p in parts if p]
    cjk = present and all(scripts.uses(scripts.CJK, p) for p in present)
    return ("，" if cjk else ", ").join(present)


def _extra(entry: Any, key: str) -> Any:
    extra = getattr(entry, "extra", None)
    return extra.get(key) if isinstance(extra, dict) else None


def _field(entry: Any, name: str) -> Any:
    return getattr(entry, name, None)


# --------------------------------------------------------------------------- entries


class _Builder:
    """Turns model entries into :class:`Item` s for one locale."""

    def __init__(self, locale: locales.Locale) -> None:
        self.locale = locale

    def item(self, section: str, entry: Any) -> Item | None:
        """The display item for ``entry`` of ``section``; None when it shows nothing."""
        if not hasattr(entry, "extra"):
            # A value of the wrong type (kept by the lossless model): show it as it is.
            heading = text(entry) or ", ".join(texts(entry))
            return Item(heading=heading) if heading else None
        make = _MAKERS.get(section, _custom)
        item = make(self, entry)
        self._common(section, entry, item)
        if not item.heading:
            item.heading, item.subheading = item.subheading, ""
        if not _visible(item):
            return None
        return item

    def _common(self, section: str, entry: Any, item: Item) -> None:
        """Dates, x-note and x-highlights, which work the same in every section."""
        start, end = entry.dates() if hasattr(entry, "dates") else (None, None)
        start_t, end_t = text(start), text(end)
        expected = _extra(entry, "x-expected") is True
        if section == "education" and end_t and not start_t:
            start_t, end_t = end_t, ""  # "B.S., 2022": the graduation date, not "until 2022"
        if start_t or end_t:
            item.dates = dateformat.format_range(
                start_t or None,
                end_t or None,
                open=section in OPEN_SECTIONS and bool(start_t) and not end_t and _has_range(entry),
                expected=expected,
                locale=self.locale.code,
            )
            item.start, item.end = iso(start_t), iso(end_t)
        item.note = _join(" · ", item.note, text(_extra(entry, "x-note")))
        item.bullets = [*item.bullets, *texts(_extra(entry, "x-highlights"))]
        item.url = safe_url(_field(entry, "url"))

    def degree(self, study_type: str, area: str) -> str:
        """ "M.S. in Computer Technology"; Chinese words join as Chinese ("计算机技术硕士")."""
        if not (study_type and area):
            return study_type or area
        pattern = self.locale.degree
        if scripts.uses(scripts.CJK, study_type) and scripts.uses(scripts.CJK, area):
            pattern = locales.get("zh").degree
        return pattern.format(type=study_type, area=area)

    def score(self, score: str) -> str:
        if not score or re.search(r"[^\W\d_]", score):
            return score  # "GPA 3.9/4.0", "First class": already says what it is
        return f"{self.locale.score} {score}"


def _has_range(entry: Any) -> bool:
    """True when the entry uses startDate (a range), not a single date."""
    return bool(text(getattr(entry, "startDate", None)))


def _visible(item: Item) -> bool:
    return any(
        (
            item.heading,
            item.subheading,
            item.location,
            item.dates,
            item.url,
            item.summary,
            item.bullets,
            item.keywords,
            item.note,
        )
    )


def _work(b: _Builder, e: Any) -> Item:
    return Item(
        heading=text(e.position),
        subheading=text(e.name),
        location=text(e.location),
        summary=text(e.summary),
        bullets=texts(e.highlights),
        note=text(e.description),
    )


def _volunteer(b: _Builder, e: Any) -> Item:
    return Item(
        heading=text(e.position),
        subheading=text(e.organization),
        summary=text(e.summary),
        bullets=texts(e.highlights),
    )


def _education(b: _Builder, e: Any) -> Item:
    return Item(
        heading=b.degree(text(e.studyType), text(e.area)),
        subheading=text(e.institution),
        bullets=texts(e.courses),
        note=b.score(text(e.score)),
    )


def _award(b: _Builder, e: Any) -> Item:
    return Item(heading=text(e.title), subheading=text(e.awarder), summary=text(e.summary))


def _certificate(b: _Builder, e: Any) -> Item:
    return Item(heading=text(e.name), subheading=text(e.issuer))


def _publication(b: _Builder, e: Any) -> Item:
    return Item(heading=text(e.name), subheading=text(e.publisher), summary=text(e.summary))


def _skill(b: _Builder, e: Any) -> Item:
    return Item(heading=text(e.name), keywords=texts(e.keywords), note=text(e.level))


def _language(b: _Builder, e: Any) -> Item:
    return Item(heading=text(e.language), note=text(e.fluency))


def _interest(b: _Builder, e: Any) -> Item:
    return Item(heading=text(e.name), keywords=texts(e.keywords))


def _reference(b: _Builder, e: Any) -> Item:
    return Item(heading=text(e.name), summary=text(e.reference))


def _project(b: _Builder, e: Any) -> Item:
    return Item(
        heading=text(e.name),
        subheading=_join(" · ", _comma(*texts(e.roles)), text(e.entity)),
        summary=text(e.description),
        bullets=texts(e.highlights),
        keywords=texts(e.keywords),
        note=text(e.type),
    )


def _custom(b: _Builder, e: Any) -> Item:
    return Item(
        heading=text(_field(e, "name")),
        subheading=_comma(text(_field(e, "role")), text(_field(e, "organization"))),
        location=text(_field(e, "location")),
        summary=text(_field(e, "summary")),
        bullets=texts(_field(e, "highlights")),
    )


_MAKERS: dict[str, Callable[[_Builder, Any], Item]] = {
    "work": _work,
    "volunteer": _volunteer,
    "education": _education,
    "awards": _award,
    "certificates": _certificate,
    "publications": _publication,
    "skills": _skill,
    "languages": _language,
    "interests": _interest,
    "references": _reference,
    "projects": _project,
    CUSTOM: _custom,
}


# --------------------------------------------------------------------------- header


def _location_label(loc: Any) -> str:
    if isinstance(loc, Location):
        city_line = _join(" ", text(loc.postalCode), text(loc.city))
        return _join(", ", text(loc.address), city_line, text(loc.region), text(loc.countryCode))
    return text(loc)


def _profile_contact(p: Any) -> Contact | None:
    if not isinstance(p, Profile):
        label = text(p)
        return Contact("profile", label) if label else None
    network, username, url = text(p.network), text(p.username), safe_url(p.url)
    label = _join(": ", network, username) or network or _display_url(url or "")
    if not label:
        return None
    return Contact("profile", label, url)


def _display_url(url: str) -> str:
    """``https://www.example.com/`` → ``www.example.com``: what a reader would type."""
    shown = re.sub(r"^(https?://|mailto:)", "", url, flags=re.IGNORECASE)
    return shown.rstrip("/") or url


def contacts(basics: Basics | None) -> list[Contact]:
    """Header contacts in a fixed order: email, phone, url, location, profiles."""
    if not isinstance(basics, Basics):
        return []
    out: list[Contact] = []
    email = text(basics.email)
    if email:
        out.append(Contact("email", email, safe_url("mailto:" + email)))
    phone = text(basics.phone)
    if phone:
        out.append(Contact("phone", phone, None))
    url = safe_url(basics.url)
    if url:
        out.append(Contact("url", _display_url(url), url))
    where = _location_label(basics.location)
    if where:
        out.append(Contact("location", where, None))
    if isinstance(basics.profiles, list):
        for p in basics.profiles:
            c = _profile_contact(p)
            if c is not None:
                out.append(c)
    return out


def photo(resume: Resume) -> str | None:
    """The photo to show: a local file the reader found (``resume.assets``) as an inline
    ``data:`` image, else :func:`_image` of ``basics.image`` (a remote URL stays a URL:
    HTML shows it, PDF and DOCX leave it out; nothing is ever downloaded)."""
    image = resume.basics.image if isinstance(resume.basics, Basics) else None
    local = getattr(resume, "assets", {}).get(image) if isinstance(image, str) else None
    if local is not None:
        return assets.image_data_url(local)
    return _image(image)


def _image(value: Any) -> str | None:
    """A photo URL that cannot run anything: http(s) or an inline raster image."""
    url = text(value)
    if re.match(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+\Z", url):
        return url
    url_ok = safe_url(url)
    return url_ok if url_ok and not url_ok.lower().startswith("mailto:") else None


# --------------------------------------------------------------------------- sections


def _section_items(b: _Builder, resume: Resume, key: str, indices: Iterable[Any]) -> list[Item]:
    entries = getattr(resume, key, None)
    if not isinstance(entries, list):
        return []
    items = []
    for i in indices:
        if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < len(entries):
            continue
        item = b.item(key, entries[i])
        if item is not None:
            items.append(item)
    return items


def _layout_section(
    b: _Builder, resume: Resume, layout: SectionLayout, listed: dict[str, set[int]]
) -> Section:
    key = text(layout.section)
    title = text(layout.title)
    if key == SUMMARY:
        basics = resume.basics if isinstance(resume.basics, Basics) else None
        prose = text(basics.summary) if basics else ""
        return Section(SUMMARY, title or b.locale.titles[SUMMARY], text=prose)
    if key in STANDARD_SECTIONS:
        indices = layout.indices()
        listed.setdefault(key, set()).update(indices)
        items = _section_items(b, resume, key, indices)
        return Section(key, title or b.locale.titles[key], items)
    items = [it for it in (b.item(CUSTOM, e) for e in layout.custom_entries()) if it is not None]
    return Section(CUSTOM, title or b.locale.titles[CUSTOM], items)


def sections(resume: Resume, b: _Builder) -> list[Section]:
    """Layout sections in page order, then standard entries no layout section listed."""
    listed: dict[str, set[int]] = {}
    out = [_layout_section(b, resume, layout, listed) for layout in resume.layout()]
    for key in STANDARD_SECTIONS:
        entries = getattr(resume, key, None)
        if not isinstance(entries, list):
            continue
        missing = [i for i in range(len(entries)) if i not in listed.get(key, set())]
        if missing:
            out.append(Section(key, b.locale.titles[key], _section_items(b, resume, key, missing)))
    return [s for s in out if s.items or s.text]


def _content_lang(locale: str, outline: Outline) -> str:
    """The page language: the locale, or zh/ja/ko for a CJK resume under the default locale
    (kana → ja, hangul → ko, otherwise zh).

    Browsers pick CJK glyph variants and line breaking from ``lang``, so a Chinese resume
    rendered with default (English) words is still marked as Chinese.
    """
    if locale != "en":
        return locale
    sample = outline.name + "".join(s.title for s in outline.sections)
    sample += "".join(i.heading + i.subheading for s in outline.sections for i in s.items)
    cjk = scripts.count(scripts.CJK, sample)
    letters = sum(ch.isalpha() for ch in sample)
    if not letters or cjk * 3 < letters:
        return locale
    if scripts.uses(scripts.HANGUL, sample):
        return "ko"
    if scripts.uses(scripts.KANA, sample):
        return "ja"
    return "zh"


def build(resume: Resume, locale: str = "en") -> Outline:
    """The outline of ``resume`` with dates and default titles in ``locale``.

    Raises :class:`~resumeconv.errors.UsageError` for an unknown locale.
    """
    loc = locales.get(locale)
    b = _Builder(loc)
    basics = resume.basics if isinstance(resume.basics, Basics) else None
    secs = sections(resume, b)
    has_summary_section = any(s.key == SUMMARY for s in secs)
    outline = Outline(
        lang=loc.code,
        name=text(basics.name) if basics else "",
        label=text(basics.label) if basics else "",
        image=photo(resume) if basics else None,
        contacts=contacts(basics),
        summary="" if has_summary_section or not basics else text(basics.summary),
        sections=secs,
    )
    outline.lang = _content_lang(loc.code, outline)
    return outline
