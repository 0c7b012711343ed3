"""The display-ready view of a resume that every visual exporter renders.

HTML, DOCX and PDF must show the same things in the same order, so the decisions about
*what* is shown — section order and titles, which field is the heading of an entry, how
dates read, which links are safe — are made once here. Exporters only decide *how* it looks.

Every string in an :class:`Outline` is text, never markup to pass through: the fields
that may hold inline Markdown are :class:`~.richtext.Rich` strings (plain text, with the
styled runs each writer draws in ``.runs``), and templates escape them. Every field of the
model reaches the outline — JSON Resume's and the extension's (``docs/extension.md``:
authors, status, citation, end dates, places, links, notes) — and only links that
:func:`resumeconv.links.safe_url` refuses are dropped, so that no exporter can emit a
``javascript:`` link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from resumeconv import assets, dateformat, locales, scripts
from resumeconv.exporters.richtext import Rich, fill, join, plain, rich
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
    authors: str = ""
    """Who wrote it (``x-authors``): the owner's name is a strong run."""
    dates: str = ""
    start: str | None = None
    """ISO 8601 start (or the single date) for machine-readable markup; None when not ISO."""
    end: str | None = None
    url: str | None = None
    summary: str = ""
    bullets: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    note: str = ""
    details: list[str] = field(default_factory=list)
    """Further lines under the entry: the full citation, and extension fields of no fixed
    place."""
    links: list[Link] = field(default_factory=list)
    """Labelled links besides the heading's: slides, BibTeX, ``x-links``."""


@dataclass(slots=True)
class Link:
    """A labelled link of an entry (the label is one of the locale's words or the author's)."""

    label: str
    url: str


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
    locale: str = "en"
    """The locale whose words (titles, dates) the outline uses; ``lang`` is the page's."""


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


def _join(sep: str, *parts: Any) -> Rich:
    return join(sep, *parts)


def _comma(*parts: Any) -> Rich:
    """Parts joined by a comma: a full-width one between Chinese words."""
    present = [md(p) for p in parts]
    present = [p for p in present if p]
    cjk = bool(present) and all(scripts.uses(scripts.CJK, p) for p in present)
    return join("，" if cjk else ", ", *present)


def md(value: Any) -> Rich:
    """A field as display text with its inline Markdown read (numbers shown, lists and
    objects "")."""
    return value if isinstance(value, Rich) else rich(text(value))


def mds(value: Any) -> list[Rich]:
    """:func:`texts` with each string's inline Markdown read."""
    return [rich(t) for t in texts(value)]


def _extra(entry: Any, key: str) -> Any:
    extra = getattr(entry, "extra", None)
    return extra.get(key) if isinstance(extra, dict) else None


def _field(entry: Any, name: str) -> Any:
    return getattr(entry, name, None)


# --------------------------------------------------------------------------- entries

#: Extension keys on entries that have a fixed place in an :class:`Item` (docs/extension.md);
#: any other ``x-`` key with text in it is shown as a detail line, so nothing is hidden.
_PLACED = frozenset(
    {
        "x-expected",
        "x-note",
        "x-highlights",
        "x-url",
        "x-endDate",
        "x-location",
        "x-citation",
        "x-authors",
        "x-slides",
        "x-bibtex",
        "x-category",
        "x-status",
        "x-links",
    }
)


#: Keys holding dates: shown through the entry's dates, never as text lines.
_DATE_KEYS = frozenset({"date", "startDate", "endDate", "releaseDate", "x-endDate"})


class _Builder:
    """Turns model entries into :class:`Item` s for one locale."""

    def __init__(self, locale: locales.Locale) -> None:
        self.locale = locale

    def item(self, section: str, entry: Any) -> Item | None:
        """The display item for ``entry`` of ``section``; None when it shows nothing."""
        if not hasattr(entry, "extra"):
            # A value of the wrong type (kept by the lossless model): show it as it is.
            heading = md(entry) or join(", ", *mds(entry))
            return Item(heading=heading) if heading else None
        make = _MAKERS.get(section, _custom)
        item = make(self, entry)
        self._common(section, entry, item)
        self._extension(entry, item)
        if not item.heading:
            item.heading, item.subheading = item.subheading, plain("")
        if not _visible(item):
            return None
        return item

    def _common(self, section: str, entry: Any, item: Item) -> None:
        """Dates, x-note and x-highlights, which work the same in every section."""
        start, end = entry.dates() if hasattr(entry, "dates") else (None, None)
        start_t, end_t = text(start), text(end) or text(_extra(entry, "x-endDate"))
        expected = _extra(entry, "x-expected") is True
        if section == "education" and end_t and not start_t:
            start_t, end_t = end_t, ""  # "B.S., 2022": the graduation date, not "until 2022"
        if start_t or end_t:
            item.dates = dateformat.format_range(
                start_t or None,
                # a one-year entry prints once: "2025", not "2025 – 2025"
                end_t if end_t and end_t != start_t else None,
                open=section in OPEN_SECTIONS and bool(start_t) and not end_t and _has_range(entry),
                expected=expected,
                locale=self.locale.code,
            )
            item.start, item.end = iso(start_t), iso(end_t)
        item.note = _join(" · ", item.note, md(_extra(entry, "x-note")))
        item.bullets = [*item.bullets, *mds(_extra(entry, "x-highlights"))]
        item.url = safe_url(_field(entry, "url")) or safe_url(_extra(entry, "x-url"))

    def _extension(self, entry: Any, item: Item) -> None:
        """The documented ``x-`` keys of any entry, and any other ``x-`` text it holds."""
        item.authors = _join("", item.authors, md(_extra(entry, "x-authors")))
        item.location = item.location or md(_extra(entry, "x-location"))
        item.note = _join(
            " · ", item.note, md(_extra(entry, "x-status")), md(_extra(entry, "x-category"))
        )
        citation = md(_extra(entry, "x-citation"))
        if citation and citation not in (item.summary, item.heading):
            item.details = [*item.details, citation]
        words = self.locale
        for key, label in (("x-slides", words.slides), ("x-bibtex", words.bibtex)):
            url = safe_url(_extra(entry, key))
            if url:
                item.links.append(Link(label, url))
        url_field = _extra(entry, "x-url")
        if safe_url(url_field) and item.url != safe_url(url_field):
            item.links.append(Link(words.link, str(safe_url(url_field))))
        item.links.extend(_links(_extra(entry, "x-links"), words.link))
        for key, value in entry.extra.items():
            if key not in _PLACED:
                self._unplaced(key, value, item)

    def _unplaced(self, key: str, value: Any, item: Item) -> None:
        """A key the entry's JSON Resume type does not have (a certificate's ``summary``, a
        custom ``x-`` key): shown where it fits, else as detail lines; never a URL or a
        date as text."""
        if key in _DATE_KEYS or key.startswith("$"):
            return
        lines = [t for t in mds(value) if not safe_url(str(t)) and not iso(t)]
        if not lines:
            return
        if key in ("summary", "description") and not item.summary:
            item.summary = lines[0]
            lines = lines[1:]
        elif key in ("highlights", "courses"):
            item.bullets = [*item.bullets, *lines]
            return
        elif key == "keywords":
            item.keywords = [*item.keywords, *lines]
            return
        elif key == "location" and not item.location:
            item.location = lines[0]
            lines = lines[1:]
        item.details = [*item.details, *lines]

    def degree(self, study_type: Rich, area: Rich) -> Rich:
        """ "M.S. in Computer Technology"; Chinese words join as Chinese ("计算机技术硕士")."""
        if not (study_type and area):
            return study_type or area
        pattern = self.locale.degree
        if scripts.uses(scripts.CJK, study_type) and scripts.uses(scripts.CJK, area):
            pattern = locales.get("zh").degree
        return fill(pattern, type=study_type, area=area)

    def score(self, score: Rich) -> Rich:
        if not score or re.search(r"[^\W\d_]", score):
            return score  # "GPA 3.9/4.0", "First class": already says what it is
        return join(" ", plain(self.locale.score), score)


def _links(value: Any, default_label: str) -> list[Link]:
    """``x-links``: URLs, ``{"label"|"name"|"title": …, "url": …}`` objects, or a mapping
    of label → URL; unsafe ones are dropped (resumeconv/links.py)."""
    pairs: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        pairs = [(k, v) for k, v in value.items()]
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, dict):
                label = v.get("label") or v.get("name") or v.get("title") or v.get("text")
                pairs.append((label, v.get("url") or v.get("href")))
            else:
                pairs.append((None, v))
    elif isinstance(value, str):
        pairs = [(None, value)]
    out = []
    for label, url in pairs:
        target = safe_url(url)
        if target:
            out.append(Link(str(md(label)) or default_label, target))
    return out


def _has_range(entry: Any) -> bool:
    """True when the entry uses startDate (a range), not a single date."""
    return bool(text(getattr(entry, "startDate", None)))


def _visible(item: Item) -> bool:
    return any(
        (
            item.heading,
            item.subheading,
            item.location,
            item.authors,
            item.dates,
            item.url,
            item.summary,
            item.bullets,
            item.keywords,
            item.note,
            item.details,
            item.links,
        )
    )


def _work(b: _Builder, e: Any) -> Item:
    return Item(
        heading=md(e.position),
        subheading=md(e.name),
        location=md(e.location),
        summary=md(e.summary),
        bullets=mds(e.highlights),
        note=md(e.description),
    )


def _volunteer(b: _Builder, e: Any) -> Item:
    return Item(
        heading=md(e.position),
        subheading=md(e.organization),
        summary=md(e.summary),
        bullets=mds(e.highlights),
    )


def _education(b: _Builder, e: Any) -> Item:
    return Item(
        heading=b.degree(md(e.studyType), md(e.area)),
        subheading=md(e.institution),
        bullets=mds(e.courses),
        note=b.score(md(e.score)),
    )


def _award(b: _Builder, e: Any) -> Item:
    return Item(heading=md(e.title), subheading=md(e.awarder), summary=md(e.summary))


def _certificate(b: _Builder, e: Any) -> Item:
    return Item(heading=md(e.name), subheading=md(e.issuer))


def _publication(b: _Builder, e: Any) -> Item:
    return Item(heading=md(e.name), subheading=md(e.publisher), summary=md(e.summary))


def _skill(b: _Builder, e: Any) -> Item:
    return Item(heading=md(e.name), keywords=mds(e.keywords), note=md(e.level))


def _language(b: _Builder, e: Any) -> Item:
    return Item(heading=md(e.language), note=md(e.fluency))


def _interest(b: _Builder, e: Any) -> Item:
    return Item(heading=md(e.name), keywords=mds(e.keywords))


def _reference(b: _Builder, e: Any) -> Item:
    return Item(heading=md(e.name), summary=md(e.reference))


def _project(b: _Builder, e: Any) -> Item:
    return Item(
        heading=md(e.name),
        subheading=_join(" · ", _comma(*texts(e.roles)), md(e.entity)),
        summary=md(e.description),
        bullets=mds(e.highlights),
        keywords=mds(e.keywords),
        note=md(e.type),
    )


def _custom(b: _Builder, e: Any) -> Item:
    return Item(
        heading=md(_field(e, "name")),
        subheading=_comma(md(_field(e, "role")), md(_field(e, "organization"))),
        location=md(_field(e, "location")),
        summary=md(_field(e, "summary")),
        bullets=mds(_field(e, "highlights")),
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


def _plain_join(sep: str, *parts: str) -> str:
    """Contact parts joined as they are (addresses and user names are not Markdown)."""
    return sep.join(p for p in parts if p)


def _location_label(loc: Any) -> str:
    if isinstance(loc, Location):
        city_line = _plain_join(" ", text(loc.postalCode), text(loc.city))
        return _plain_join(
            ", ", text(loc.address), city_line, text(loc.region), text(loc.countryCode)
        )
    return text(loc)


def _profile_contact(p: Any) -> Contact | None:
    if not isinstance(p, Profile):
        label = text(p)
        return Contact("profile", label) if label else None
    network, username, url = text(p.network), text(p.username), safe_url(p.url)
    label = _plain_join(": ", network, username) or _display_url(url or "")
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
    extra = basics.extra
    for value in (basics.url, extra.get("x-url"), extra.get("x-employer")):
        url = safe_url(value)
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
    title = str(md(layout.title))
    if key == SUMMARY:
        basics = resume.basics if isinstance(resume.basics, Basics) else None
        prose = md(basics.summary) if basics else plain("")
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
    """The page language: the locale, or zh/ja/ko for a CJK resume under English words
    (mostly hangul → ko, some kana → ja, otherwise zh).

    Browsers pick CJK glyph variants and line breaking from ``lang``, so a Chinese resume
    rendered with English words (``--locale en``) is still marked as Chinese.
    """
    if locale != "en":
        return locale
    sample = outline.name + "".join(s.title for s in outline.sections)
    sample += "".join(i.heading + i.subheading for s in outline.sections for i in s.items)
    cjk = scripts.count(scripts.CJK, sample)
    letters = sum(ch.isalpha() for ch in sample)
    if not letters or cjk * 3 < letters:
        return locale
    # the script most of it is written in: a Chinese page with one Korean project is zh
    if scripts.count(scripts.HANGUL, sample) * 2 > cjk:
        return "ko"
    if scripts.count(scripts.KANA, sample) * 10 > cjk:  # Japanese mixes kana into its kanji
        return "ja"
    return "zh"


def declared_lang(resume: Resume) -> str | None:
    """The language the page declares (front matter ``lang``, kept as
    ``meta["x-resumeconv"]["lang"]``), as written; None when it declares none."""
    ext = resume.extension
    value = ext.extra.get("lang") if ext is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def build(resume: Resume, locale: str | None = None) -> Outline:
    """The outline of ``resume`` with dates and default titles in ``locale``; without one,
    in the page's language: the one it declares (front matter ``lang``), else the script of
    its text (Chinese, Japanese, Korean), else English.

    Raises :class:`~resumeconv.errors.UsageError` for an unknown ``locale``.
    """
    if locale is not None:
        outline = _build(resume, locales.get(locale))
        outline.lang = _content_lang(outline.lang, outline)
        return outline
    declared = declared_lang(resume)
    if declared is not None:
        base = declared.replace("_", "-").split("-", 1)[0].lower()
        words = locales.LOCALES.get(base, locales.get("en"))
        outline = _build(resume, words)
        outline.lang = base if re.fullmatch(r"[a-z]{2,3}", base) else words.code
        return outline
    outline = _build(resume, locales.get("en"))
    found = _content_lang("en", outline)
    if found != "en" and found in locales.LOCALES:
        outline = _build(resume, locales.get(found))
    outline.lang = found
    return outline


def _build(resume: Resume, loc: locales.Locale) -> Outline:
    b = _Builder(loc)
    basics = resume.basics if isinstance(resume.basics, Basics) else None
    secs = sections(resume, b)
    has_summary_section = any(s.key == SUMMARY for s in secs)
    label = plain("")
    if basics:
        extra = basics.extra
        employer = extra.get("x-employer")
        employer = "" if safe_url(employer) else employer  # a URL is a contact (below)
        label = _join(" · ", md(basics.label), md(employer))
        label = _join(" · ", label, md(extra.get("x-pronouns")))
    return Outline(
        lang=loc.code,
        name=str(md(basics.name)) if basics else "",
        label=label,
        image=photo(resume) if basics else None,
        contacts=contacts(basics),
        summary=plain("") if has_summary_section or not basics else md(basics.summary),
        sections=secs,
        locale=loc.code,
    )
