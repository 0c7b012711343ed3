"""The built-in HTML theme as plain Python: one small function per part of the page.

No template engine: importing Jinja2 alone cost more than the whole rest of a conversion,
and the built-in page is a fixed shape. ``page`` → ``header`` + ``section`` per section →
one entry function per kind (:data:`ENTRIES`). Each function returns HTML text; every value
from the outline goes through :func:`esc` and every link through :func:`href`, here and
nowhere else, so a new field cannot be printed raw by accident.

The markup is the one the Jinja2 templates made before, byte for byte (entities included:
``&#34;`` and ``&#39;`` as MarkupSafe writes them), so existing pages and tests stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resumeconv.links import safe_url

if TYPE_CHECKING:
    from resumeconv.exporters.outline import Item, Outline, Section
    from resumeconv.locales import Locale

#: Our static assets (``style.css``) and the theme README live here.
TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "html"
#: Entry function used for each section key; every other section uses ``entry``.
KINDS = {
    "skills": "skill",
    "interests": "skill",
    "languages": "language",
    "publications": "publication",
    "references": "reference",
}

_BLANK_LINE = re.compile(r"\n\s*\n")
_css: str | None = None

_HEAD = """\
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="resumeconv">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'; img-src https: http: data:">
"""


# --------------------------------------------------------------------------- helpers


def esc(value: Any) -> str:
    """``value`` as HTML text, safe in element content and in quoted attributes.

    The characters ``html.escape(quote=True)`` escapes, written as MarkupSafe writes them.
    """
    return (
        str(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def href(value: Any) -> str | None:
    """The link if :mod:`resumeconv.links` allows it (again: the outline is not trusted)."""
    return safe_url(value)


def paragraphs(value: Any) -> list[str]:
    """Prose split at blank lines, so that a multi-paragraph summary keeps its shape."""
    if not isinstance(value, str):
        return []
    return [p.strip() for p in _BLANK_LINE.split(value) if p.strip()]


def _paras(value: Any) -> str:
    return "".join(f"<p>{esc(p)}</p>\n" for p in paragraphs(value))


def _list(cls: str, values: list[str]) -> str:
    items = "".join(f"<li>{esc(v)}</li>\n" for v in values)
    return f'<ul class="{cls}">\n{items}</ul>\n'


def stylesheet(paper: str) -> str:
    """The built-in CSS (``templates/html/style.css``) for ``paper`` (``A4`` or ``letter``)."""
    global _css
    if _css is None:
        _css = (TEMPLATES / "style.css").read_text(encoding="utf-8")
    return _css.replace("$paper", paper)


# --------------------------------------------------------------------------- page


def page(view: Outline, words: Locale, paper: str) -> str:
    """The whole HTML5 document."""
    out = [
        f'<!DOCTYPE html>\n<html lang="{esc(view.lang)}">\n<head>\n',
        _HEAD,
        f"<title>{esc(view.name or words.document)}</title>\n<style>\n",
        stylesheet(paper),
        '</style>\n</head>\n<body>\n<main class="resume">\n',
    ]
    out.append(header(view, words))
    out.extend(section(s, view.lang) for s in view.sections)
    out.append("</main>\n</body>\n</html>\n")
    return "".join(out)


def header(view: Outline, words: Locale) -> str:
    """Photo, name, label, contacts and (when no summary section is laid out) the summary;
    nothing at all when the resume has none of them."""
    if not (view.name or view.label or view.contacts or view.summary or view.image):
        return ""
    out = ['<header class="masthead">\n']
    if href(view.image) is not None or (view.image or "").startswith("data:image/"):
        out.append(f'<img class="photo" src="{esc(view.image)}" alt="" width="96" height="96">\n')
    out.append('<div class="identity">\n')
    if view.name:
        out.append(f"<h1>{esc(view.name)}</h1>\n")
    if view.label:
        out.append(f'<p class="label">{esc(view.label)}</p>\n')
    if view.contacts:
        out.append(f'<ul class="contacts" aria-label="{esc(words.contact)}">\n')
        for contact in view.contacts:
            url = href(contact.url)
            label = esc(contact.label)
            shown = label if url is None else f'<a href="{esc(url)}">{label}</a>'
            out.append(f'<li class="contact contact-{esc(contact.kind)}">{shown}</li>\n')
        out.append("</ul>\n")
    out.append("</div>\n")
    if view.summary:
        out.append(f'<div class="summary">\n{_paras(view.summary)}</div>\n')
    out.append("</header>\n")
    return "".join(out)


def section(sec: Section, lang: str) -> str:
    """One section: its prose, or its entries through the function for its kind."""
    key = esc(str(sec.key).replace(".", "-"))
    out = [f'<section class="section section-{key}">\n<h2>{esc(sec.title)}</h2>\n']
    if sec.text:
        out.append(f'<div class="prose">\n{_paras(sec.text)}</div>\n')
    if sec.items:
        kind = KINDS.get(sec.key, "entry")
        render = ENTRIES[kind]
        out.append(f'<div class="entries entries-{kind}">\n')
        out.extend(render(item, lang) for item in sec.items)
        out.append("</div>\n")
    out.append("</section>\n")
    return "".join(out)


# --------------------------------------------------------------------------- entries


def _heading(item: Item) -> str:
    """The entry's main line, linked when it has a safe link."""
    url = href(item.url)
    if url is None:
        return esc(item.heading)
    return f'<a href="{esc(url)}">{esc(item.heading)}</a>'


def _dates(item: Item) -> str:
    """Dates as displayed; the ISO start (or end) date machine-readable in <time>."""
    if not item.dates:
        return ""
    iso = item.start or item.end
    if iso:
        return f'<span class="dates"><time datetime="{esc(iso)}">{esc(item.dates)}</time></span>'
    return f'<span class="dates">{esc(item.dates)}</span>'


def _summary(item: Item) -> str:
    return f'<div class="summary">\n{_paras(item.summary)}</div>\n' if item.summary else ""


def _body(item: Item) -> str:
    """Summary, bullets and keywords, shared by the entry kinds."""
    out = _summary(item)
    if item.bullets:
        out += _list("bullets", item.bullets)
    if item.keywords:
        out += _list("keywords", item.keywords)
    return out


def _dated(item: Item, article: str, org: str) -> str:
    out = [
        f'<article class="{article}">\n<div class="entry-head">\n'
        f'<h3 class="heading">{_heading(item)}</h3>\n{_dates(item)}</div>\n'
    ]
    if item.subheading or item.location:
        out.append('<div class="entry-sub">\n')
        if item.subheading:
            out.append(f'<{org} class="org">{esc(item.subheading)}</{org}>')
        if item.location:
            out.append(f'<span class="location">{esc(item.location)}</span>')
        out.append("</div>\n")
    if item.note:
        out.append(f'<p class="note">{esc(item.note)}</p>\n')
    out.append(_body(item))
    out.append("</article>\n")
    return "".join(out)


def entry(item: Item, lang: str = "en") -> str:
    """A dated entry: work, education, volunteering, projects, awards, certificates, custom."""
    return _dated(item, "entry", "span")


def publication(item: Item, lang: str = "en") -> str:
    """A publication: title, venue (<cite>), date; the summary reads as an abstract line."""
    return _dated(item, "entry publication", "cite")


def skill(item: Item, lang: str = "en") -> str:
    """A skill or interest: its name (and level) on the left, keywords on the right."""
    level = f' <span class="level">{esc(item.note)}</span>' if item.note else ""
    out = [
        f'<article class="entry row">\n<h3 class="heading">{_heading(item)}{level}</h3>\n'
        '<div class="row-body">\n'
    ]
    if item.keywords:
        joined = ("、" if lang == "zh" else ", ").join(map(str, item.keywords))
        out.append(f'<p class="keywords-inline">{esc(joined)}</p>\n')
    if item.subheading:
        out.append(f'<p class="org">{esc(item.subheading)}</p>')
    out.append(_dates(item))
    out.append(_summary(item))
    if item.bullets:
        out.append(_list("bullets", item.bullets))
    out.append("</div>\n</article>\n")
    return "".join(out)


def language(item: Item, lang: str = "en") -> str:
    """A language and how well: "English — Fluent"."""
    fluency = f'<span class="fluency">{esc(item.note)}</span>' if item.note else ""
    return (
        f'<article class="entry row">\n<h3 class="heading">{_heading(item)}</h3>\n'
        f'<div class="row-body">\n{fluency}{_dates(item)}{_body(item)}</div>\n</article>\n'
    )


def reference(item: Item, lang: str = "en") -> str:
    """A reference: the quotation, then who said it."""
    out = ['<article class="entry reference">\n<figure>\n']
    if item.summary:
        out.append(f"<blockquote>\n{_paras(item.summary)}</blockquote>\n")
    org = f', <span class="org">{esc(item.subheading)}</span>' if item.subheading else ""
    out.append(
        f'<figcaption><span class="heading">{_heading(item)}</span>{org}{_dates(item)}'
        "</figcaption>\n"
    )
    if item.note:
        out.append(f'<p class="note">{esc(item.note)}</p>\n')
    if item.bullets:
        out.append(_list("bullets", item.bullets))
    out.append("</figure>\n</article>\n")
    return "".join(out)


#: Entry function per kind (the values of :data:`KINDS`, and ``entry``).
ENTRIES: dict[str, Callable[[Item, str], str]] = {
    "entry": entry,
    "skill": skill,
    "language": language,
    "publication": publication,
    "reference": reference,
}
