"""Building the Resume from a CV page's sections: entries, layout, report, source map.

The assembler walks the page once. Every block ends up in the import report: imported
(with the JSON pointer it went to) or skipped (with why). Section titles and order go to
the layout in ``meta["x-resumeconv"]`` so that exporters can reproduce the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from resumeconv.dates import find_range, parse_range
from resumeconv.dialect import (
    is_code_group,
    is_language_group,
    is_page_title,
    names_code,
    publication_type,
)
from resumeconv.importers.cvpage import chrome, levels
from resumeconv.importers.cvpage import contact as C
from resumeconv.importers.cvpage import entries as E
from resumeconv.importers.cvpage import fields as F
from resumeconv.importers.cvpage import header as H
from resumeconv.importers.cvpage import labels as L
from resumeconv.importers.cvpage.blocks import (
    Block,
    Details,
    Heading,
    Item,
    ListBlock,
    Loop,
    Paragraph,
    Rule,
    Skipped,
    Table,
)
from resumeconv.importers.cvpage.inline import Line
from resumeconv.importers.cvpage.sections import BASICS, CUSTOM, SUMMARY, Page, PageSection
from resumeconv.importers.cvpage.valid import keep_valid
from resumeconv.importers.cvpage.wordcheck import strings
from resumeconv.model import EXTENSION_KEY, EXTENSION_VERSION, STANDARD_SECTIONS
from resumeconv.report import (
    IMPORTED,
    NOTE,
    SKIPPED,
    UNMAPPED,
    ImportReport,
    Position,
    SourceMap,
    pointer,
)

#: Words of a section title that make it teaching: courses are the summary, the school
#: the employer.
_TEACHING_WORDS = ("teach", "教学", "lehre", "enseign", "docencia", "ensino", "授業", "강의")
#: Words of a work section's title that make its lines people mentored or supervised.
_MENTORING_WORDS = ("mentor", "supervis", "advis", "students", "betreu", "指导")
#: Symbols a contact starts with, icons of what it is (✉️, 📞, ☎, 🏠): not its text.
_ICON_LEAD = re.compile(r"^[^\w@+(\[<]+(?=\S)")
_ON_REQUEST = re.compile(
    r"^(?:(?:further|more|additional|other)\s+)?references?\s+(?:are\s+)?available"
    r"\s+(?:up)?on\s+request\.?$",
    re.I,
)
#: An address; it starts only where a run of its characters starts (the look-behind): a
#: search tried from every character of ``a.a.a.…@`` rescanned the run each time, and a
#: 150 KB header line took over a minute.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+")
_BLANK = "no text (white space or &nbsp; only)"
#: The prose field of each standard section a paragraph may describe an entry in.
#: Sections whose paragraphs are prose about the person: they join ``basics.summary``.
_SUMMARY_PROSE = frozenset({"interests"})
_PROSE_FIELD = {
    "work": "summary",
    "volunteer": "summary",
    "awards": "summary",
    "publications": "summary",
    "projects": "description",
    "references": "reference",
}
#: ``[text](url)`` → text. Neither part can hold its opening bracket (a URL one pair of
#: parentheses), so every try stops at the next bracket: linear on ``[a](`` × 10,000,
#: where ``[^]]*`` and ``[^)]*`` scanned to the end of the line from each ``[``.
_LINK_MARKUP = re.compile(r"\[([^\[\]]*)\]\([^()]*(?:\([^()]*\)[^()]*)?\)")
_BLOCK_KINDS = {
    "Table": "table",
    "ListBlock": "list",
    "Loop": "Liquid loop",
    "Details": "<details> block",
    "Paragraph": "paragraph",
    "Heading": "heading",
}
_COURSEWORK = re.compile(
    r"\bcourse ?work\b|^(?:relevant |selected |graduate |major )?courses(?: taken)?$|课程",
    re.I,
)
_BARE_DOMAIN = re.compile(
    r"^[\w-]+(?:\.[\w-]+)*\.(?!(?:pdf|docx?|html?|md|png|jpe?g|txt)\b)[a-z]{2,}(?:/\S*)?$", re.I
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_PHONE = re.compile(r"^\+?[\d\s()./-]{7,}$")


@dataclass(slots=True)
class EntrySource:
    """The text of one entry and the source lines it spans."""

    lines: list[Line]
    children: list[Item]
    start: int
    end: int
    from_paragraph: bool = False
    labelled: bool = False
    label_list: bool = False
    """Made of ``Label: value`` bullets that describe one entry together (:func:`_label_runs`)."""
    topic_label: bool = False
    """A short bold line above a list of papers ("Topic A"): it names their topic."""
    topic: str = ""
    """The topic label or sub-heading the entry is listed under (``x-category``)."""
    org_heading: Line | None = None
    """An organisation sub-heading above the entry (``### Example Society``)."""
    heading: bool = False
    """The source is a heading inside the section (``### 2023``, ``### Example Society``)."""
    group: Line | None = None
    """A year heading above the entry (``### 2023``): its dates when it has none."""
    entry: dict[str, Any] | None = None
    """The entry already read (a table row whose column titles name its fields)."""


@dataclass(slots=True)
class Prose:
    lines: list[Line]
    start: int
    end: int


@dataclass(slots=True)
class Assembler:
    """Accumulates the resume while the page's sections are read."""

    file: str
    site: Any = None
    data: dict[str, Any] = field(default_factory=dict)
    layout: list[dict[str, Any]] = field(default_factory=list)
    report: ImportReport = field(init=False)
    source_map: SourceMap = field(init=False)
    _overrides: dict[str, Any] = field(init=False, default_factory=dict)
    """Field lines of the entry being read; they win over what its sentence says."""
    _custom: list[tuple[dict[str, Any], int, Any, Position | None]] = field(
        init=False, default_factory=list
    )
    _legend: Any = field(init=False, default=None)
    """The level-glyph legend of the skills section being read (``levels.legend``)."""
    """Custom entries whose layout index is known only once the page is read."""
    header_guesses: set[str] = field(init=False, default_factory=set)
    """basics fields the header gave by judgement (a name line, a tagline, an address):
    the site's author block wins over them."""

    def __post_init__(self) -> None:
        self.report = ImportReport(self.file)
        self.source_map = SourceMap(self.file)

    # ------------------------------------------------------------------ entries

    def add(self, key: str, entry: dict[str, Any], start: int, end: int) -> int | None:
        """Append an entry to a standard section; returns its index."""
        if not entry:
            self.unmapped(start, end, "")
            return None
        items = self.data.setdefault(key, [])
        items.append(entry)
        index = len(items) - 1
        ptr = pointer(key, index)
        record = self.source_map.add
        record(ptr, start)
        for name in entry:  # field names: nothing to escape but in custom keys
            plain = type(name) is str and "/" not in name and "~" not in name
            record(ptr + "/" + name if plain else pointer(key, index, name), start)
        self.report.add(start, end, IMPORTED, ptr)
        return index

    # ------------------------------------------------------------------ page

    def read_page(self, page: Page) -> None:
        self._header(page.header)
        for section in page.sections:
            self._section(section)

    def _header(self, blocks: list[Block]) -> None:
        """Blocks above the first section → basics (rule 4 of issue 12; cvpage/header.py)."""
        basics = self.data.setdefault("basics", {})
        for block in blocks:
            lines = _header_lines(block)
            if not lines:
                self._skip(block)
                continue
            kept = [line for line in lines if not self._page_title(line)]
            for line in kept:
                self._header_line(basics, line, heading=isinstance(block, Heading))
            if kept:
                self.report.add(block.start, block.end, IMPORTED, "/basics")
        if not basics:
            self.data.pop("basics")

    def _page_title(self, line: Line) -> bool:
        """ "# Curriculum vitae" names the page, not the person: reported, not kept."""
        if not is_page_title(line.plain):
            return False
        why = "page title (not the name)"
        self.report.add(line.lineno, line.lineno, SKIPPED, None, why, line.plain)
        return True

    def _header_line(self, basics: dict[str, Any], line: Line, heading: bool = False) -> None:
        labelled = L.line_label(line)
        if labelled is not None:
            self._header_field(basics, labelled[0], labelled[1], line.lineno)
            return
        if "name" not in basics and self._is_name_line(basics, line, heading):
            basics["name"] = line.plain.strip()
            self.source_map.add("/basics/name", line.lineno)
            if not heading and not _all_bold(line):
                self.header_guesses.add("name")
            return
        if "name" in basics and "label" not in basics and _label_line(line):
            basics["label"] = line.plain.strip()  # "*Associate Professor*" under the name
            self.source_map.add("/basics/label", line.lineno)
            return
        bold = line.bold_prefix()
        if "name" not in basics and not basics and bold and H.looks_like_name(bold):
            rest = line.cut(len(line.plain) - len(line.plain.lstrip()) + len(bold))
            if rest and line.plain.lstrip().startswith(bold):
                # "**Jane Roe**, PhD Candidate in Biology": the bold name, then the rest
                basics["name"] = bold
                self.source_map.add("/basics/name", line.lineno)
                self._header_line(basics, rest)
                return
        parts = _header_parts(line)
        plain = line.plain
        if (H.is_sentence(plain) and not H.find_email(plain)) or not any(
            _contact_like(part) for part in parts
        ):
            self._header_text(basics, line)  # "Current position · PhD Fellow · Economics"
            return
        for part in parts:
            self._header_part(basics, part)

    def _is_name_line(self, basics: dict[str, Any], line: Line, heading: bool) -> bool:
        """The person's name: a heading or bold line ("**Jane Q. Example**", the form the
        Markdown writer uses), or the header's first line when it reads as a name."""
        text = line.plain.strip()
        if not text or line.links() or _EMAIL.search(text):
            return False
        if _all_bold(line) and not heading:
            return len(text.split()) <= 6
        if C.contact_label(line):
            return False
        if heading:
            return H.looks_like_name(text) or (not basics and len(text.split()) <= 4)
        return not basics and H.looks_like_name(text) and not H.looks_like_address(text)

    def _header_text(self, basics: dict[str, Any], line: Line) -> None:
        """A header line of text only: an intro sentence (→ summary, links kept in it), a
        tagline or title (→ label), or an address (→ location)."""
        text = line.plain.strip()
        pieces = [p.strip() for p in re.split(r"\s[·•|]\s", text) if p.strip()]
        if len(pieces) > 1 and H.is_tagline_lead(pieces[0]):
            text = " · ".join(pieces[1:])  # "Current position · PhD Fellow · Economics"
            self.report.read_as_form(line.lineno, pieces[0])
        if H.is_sentence(text) and not H.looks_like_address(text):
            old = basics.get("summary")
            linked = line.linked().strip()
            basics["summary"] = f"{old}\n\n{linked}" if isinstance(old, str) else linked
            self.source_map.add("/basics/summary", line.lineno)
            return
        address = H.looks_like_address(text)
        if "name" not in basics and not address and H.looks_like_name(text):
            # "Dr. Priya Example · priya@example.edu · …": the contact line's first part
            basics["name"] = text
            self.source_map.add("/basics/name", line.lineno)
            self.header_guesses.add("name")
            return
        if "label" not in basics and (F.looks_like_role(text) or not address):
            basics["label"] = text
            self.source_map.add("/basics/label", line.lineno)
            self.header_guesses.add("label")
            return
        self._header_location(basics, text, line.lineno)

    def _header_part(self, basics: dict[str, Any], part: Line) -> None:
        """One contact of a header line: a labelled value ("Phone: …"), an e-mail, a
        profile link, the website, a phone number, or text."""
        lineno = part.lineno
        labelled = C.contact_label(part)
        if labelled is not None:
            self._header_contact(basics, labelled[0], labelled[1], labelled[2])
            return
        plain = _ICON_LEAD.sub("", part.plain.strip())  # "✉️ jane@…", "📞 +1 555 …"
        links = part.links()
        url = links[0][1] if links else None
        if (url and url.lower().startswith("mailto:")) or H.is_email(plain):
            self._header_email(
                basics, url[7:] if url and url.lower().startswith("mailto:") else plain, lineno
            )
        elif url and C.network_of(url):
            text = links[0][0]
            network = C.network_of(url) or text
            profile: dict[str, Any] = {"network": network, "url": url}
            if text and text != url and C.network_by_name(text) is None:
                profile["username"] = text
            self._add_profile(basics, profile, lineno)
        elif url and "url" not in basics and "x-url" not in basics:
            self._header_url(basics, url, lineno)
        elif url:
            self._add_profile(basics, {"network": links[0][0] or url, "url": url}, lineno)
        elif H.is_phone(plain):
            basics.setdefault("phone", plain)
            self.source_map.add("/basics/phone", lineno)
        elif plain:
            self._header_text(basics, part)

    def _header_contact(self, basics: dict[str, Any], key: str, label: str, value: Line) -> None:
        """``Email: …``, ``**Phone**: …``, ``* Name: …``, ``GitHub: …``: the labelled field."""
        lineno = value.lineno
        text = value.plain.strip()
        links = value.links()
        url = links[0][1] if links else F.find_url(text)
        if key == "email":
            mail = url[7:] if url and url.lower().startswith("mailto:") else text
            if _EMAIL.fullmatch(mail.strip()) is None:  # "jane at example dot org": text
                self._summary_line(basics, f"{label}: {value.linked().strip()}", lineno)
                return
            self._header_email(basics, mail, lineno, label)
        elif key == "url" and (url or (text and " " not in text)):
            url = url or text  # "Website: /about/", "Web: jane.example.org": still the link
            if "url" in basics or "x-url" in basics:
                self._add_profile(basics, {"network": label, "url": url}, lineno)
            else:
                self._header_url(basics, url, lineno)
        elif key == "profile":
            network = C.network_by_name(label) or label
            profile: dict[str, Any] = {"network": network}
            if links and links[0][0] and links[0][0] != url:
                profile["username"] = links[0][0]
            elif not url and text:
                profile["username"] = text
            if url:
                profile["url"] = url
            self._add_profile(basics, profile, lineno)
            rest = text.replace(links[0][0], "", 1).strip(" ,;()") if links else ""
            if rest:  # "(125+ repositories)": no profile field holds it
                self._summary_line(basics, f"{label}: {value.linked().strip()}", lineno)
        elif key == "location":
            self._header_location(basics, text, lineno)
        elif key in ("name", "phone", "label") and text:
            if isinstance(basics.get(key), str) and basics[key] != text:
                # a second "Position: …" or phone: the first keeps the field, this one
                # stays as written in the summary (never dropped)
                self._summary_line(basics, f"{label}: {value.linked().strip()}", lineno)
                return
            basics[key] = text
            self.source_map.add(f"/basics/{key}", lineno)
        elif text:  # "Website: my page" without a link: kept as the line says it
            self._header_text(basics, value)

    def _header_email(
        self, basics: dict[str, Any], mail: str, lineno: int, label: str = ""
    ) -> None:
        """The first e-mail is ``basics.email``; a second one ("Academic Email") a profile."""
        mail = mail.strip()
        if "email" not in basics:
            basics["email"] = mail
            self.source_map.add("/basics/email", lineno)
        elif basics["email"] != mail:
            self._add_profile(basics, {"network": label or "Email", "username": mail}, lineno)

    def _header_location(self, basics: dict[str, Any], text: str, lineno: int) -> None:
        """A header line that is a place or an address joins ``basics.location.address``."""
        loc = basics.setdefault("location", {})
        if isinstance(loc, dict):
            loc["address"] = f"{loc['address']}\n{text}" if "address" in loc else text
        elif isinstance(loc, str):  # `*Location:* …` set it as text: the line joins it
            basics["location"] = f"{loc}\n{text}"
        else:  # JSON of another type in a code span: kept for validation to report
            why = "header line not kept: basics.location is already a value that is not text"
            self.report.add(lineno, lineno, UNMAPPED, "/basics/location", why)
            return
        self.source_map.add("/basics/location", lineno)
        self.header_guesses.add("location")

    def _header_url(self, basics: dict[str, Any], url: str, lineno: int) -> None:
        """The header's first link is ``basics.url``. A link with a scheme is kept as written
        (validation judges odd schemes); a relative one (``../cv/cv.pdf``) is what a reader
        of the Jekyll site follows from its ``url``, so it is resolved against it
        (:func:`jekyll.resolve_link`); without a
        site url it is no URI, and it is kept in ``basics.x-url`` and reported."""
        if _BARE_DOMAIN.match(url):  # "jane.example.org": a host, as a browser reads it
            url = "https://" + url
        if _SCHEME.match(url):
            basics["url"] = url
            self.source_map.add("/basics/url", lineno)
            return
        site_url = getattr(self.site, "url", None)
        if site_url:
            from resumeconv.importers.jekyll import resolve_link

            basics["url"] = resolve_link(site_url, url)
            self.source_map.add("/basics/url", lineno)
            why = f"relative link {url!r} resolved against the site url {site_url}"
            self.report.add(lineno, lineno, NOTE, "/basics/url", why)
            return
        basics["x-url"] = url
        self.source_map.add("/basics/x-url", lineno)
        why = (
            f"relative link {url!r} is not a URL without the site's url: kept in"
            " basics.x-url (pass --site DIR to resolve it)"
        )
        self.report.add(lineno, lineno, NOTE, "/basics/x-url", why)

    def _header_field(self, basics: dict[str, Any], label: str, value: Line, lineno: int) -> None:
        """``*Email:* …`` sets a basics field; ``*GitHub:* [user](url)`` adds a profile."""
        if label in L.LOCATION_KEYS:
            loc = basics.setdefault("location", {})
            if isinstance(loc, dict):
                loc[L.LOCATION_KEYS[label]] = L.value_of(value)
                self.source_map.add("/basics/location", lineno)
                return
        key = L.key_for(label)
        if key == "profiles":  # a list in JSON Resume: each link on the line is a profile
            self._header_profiles(basics, value, lineno)
            return
        if key is not None:
            basics[key] = L.value_of(value)
            self.source_map.add(f"/basics/{key}", lineno)
            return
        profile: dict[str, Any] = {"network": label}
        links = value.links()
        if links:
            text, url = links[0]
            if text and text != url:
                profile["username"] = text
            profile["url"] = url
        elif value:
            profile["username"] = value.plain
        self._add_profile(basics, profile, lineno)

    def _header_profiles(self, basics: dict[str, Any], value: Line, lineno: int) -> None:
        """``*Profiles:* `[…]` `` (JSON in a code span, as the Markdown writer falls back to)
        is the list as written; ``*Profiles:* [GitHub](url), [ORCID](url)`` one profile per
        link, named by its text; text without links one profile's username."""
        data = L.value_of(value)
        if not isinstance(data, str):  # JSON: kept as it is, validation judges its type
            if isinstance(basics.get("profiles"), list) and isinstance(data, list):
                basics["profiles"].extend(data)
            else:
                basics["profiles"] = data
            self.source_map.add("/basics/profiles", lineno)
            return
        links = value.links()
        if links:
            for text, url in links:
                self._add_profile(basics, {"network": text or url, "url": url}, lineno)
        elif value.plain.strip():
            self._add_profile(basics, {"username": value.plain.strip()}, lineno)

    def _add_profile(self, basics: dict[str, Any], profile: dict[str, Any], lineno: int) -> None:
        profiles = basics.setdefault("profiles", [])
        if not isinstance(profiles, list):  # `*Profiles:* `5`` came first: keep both
            basics["profiles"] = profiles = [profiles]
        self.source_map.add(f"/basics/profiles/{len(profiles)}", lineno)
        profiles.append(profile)

    def _section(self, section: PageSection) -> None:
        key = section.key
        title = _layout_title(section)
        if section.heading is not None:
            heading = section.heading
            self.report.add(
                heading.start, heading.end, IMPORTED, pointer("meta", EXTENSION_KEY, "sections")
            )
        if key == BASICS:
            self._contact(section)
            return
        sources = self._sources(section)
        if key in ("skills", "languages"):
            sources = self._level_legend(sources)
        if key == SUMMARY:
            self._summary(section, sources)
            return
        if key == "education" and _COURSEWORK.search(title) and self._coursework(sources):
            self.layout.append({"section": key, "title": title, "items": []})
            return
        layout: dict[str, Any] = {"section": key, "title": title}
        if key == CUSTOM:
            layout["entries"] = []
        else:
            layout["items"] = []
        extra_layouts: list[dict[str, Any]] = []
        prose_layout: dict[str, Any] | None = None
        for src in sources:
            if isinstance(src, Loop):
                self._loop(src, key, layout)
            elif isinstance(src, Prose) and key in _PROSE_FIELD:
                self._prose_entry(src, key, layout)
            elif isinstance(src, Prose) and key in _SUMMARY_PROSE:
                if prose_layout is None:
                    prose_layout = {"section": SUMMARY, "title": title}
                self._prose_summary(src)
            elif isinstance(src, Prose):
                prose_layout = prose_layout or {"section": CUSTOM, "title": title, "entries": []}
                self._add_custom(prose_layout, {"summary": _prose_text(src.lines)}, src)
            elif key == "skills" and isinstance(src, Table):
                self._skills_table(src, layout)
            elif isinstance(src, EntrySource):
                self._entry(src, key, section, layout, extra_layouts)
        loop_custom = layout.pop("_custom", None)
        if layout_has_content(layout) or layout.get("collection"):
            self.layout.append(layout)
        if loop_custom is not None:
            self.layout.append(loop_custom)
        if prose_layout is not None:
            self.layout.append(prose_layout)
        self.layout.extend(extra_layouts)
        empty = not layout_has_content(layout) and prose_layout is None and not extra_layouts
        if empty and not layout.get("collection") and section.heading is not None:
            # a heading with nothing under it still belongs to the page (a page without
            # headings whose blocks all say nothing has no section at all)
            self.layout.append(layout)

    def _coursework(self, sources: list[Any]) -> bool:
        """A "Coursework" section under the degrees lists courses taken: they are the
        ``courses`` of the page's first (most recent) degree (pattern 27), not degrees of
        their own. False (nothing done) when the page has no degree yet or a source is
        not a plain item."""
        degrees = self.data.get("education")
        items = [s for s in sources if isinstance(s, EntrySource)]
        if not isinstance(degrees, list) or not degrees or len(items) != len(sources):
            return False
        courses = [E.flatten(Item(s.start, s.end, s.lines, s.children)) for s in items]
        if not courses or any(len(c.split()) > 12 for c in courses):
            return False
        first = degrees[0]
        first.setdefault("courses", []).extend(courses)
        for src in items:
            why = "a course taken: courses of the first degree"
            self.report.add(src.start, src.end, IMPORTED, "/education/0/courses", why)
        return True

    def _contact(self, section: PageSection) -> None:
        """A contact section ("Contact Information"): its lines fill ``basics``, as the
        header's do; the layout keeps only the title and place (rule 1)."""
        basics = self.data.setdefault("basics", {})
        for block in section.blocks:
            lines = _contact_lines(block)
            if isinstance(block, Paragraph) and not lines:
                self.report.add(block.start, block.end, SKIPPED, None, _BLANK)
                continue
            if not lines:
                self._skip(block)
                continue
            for line in lines:
                self._contact_line(basics, line)
            self.report.add(block.start, block.end, IMPORTED, "/basics")
        if not basics:
            self.data.pop("basics")
        self.layout.append({"section": BASICS, "title": _layout_title(section)})

    def _contact_line(self, basics: dict[str, Any], line: Line) -> None:
        """A line of a contact section: a labelled contact is read as in the header
        (``contact.contact_label``); a label no field has keeps its line in the summary."""
        labelled = C.contact_label(line)
        if labelled is not None:
            self._header_contact(basics, *labelled)
            return
        label = line.plain.split(":", 1)[0].strip(" *_")
        links = line.links()
        labelled_line = ":" in line.plain and 0 < len(label) <= 30
        if labelled_line and links:  # "**ORCID**: [0000-…](https://orcid.org/…)"
            profile = {"network": label, "url": links[0][1]}
            if links[0][0] and links[0][0] != links[0][1]:
                profile["username"] = links[0][0]
            self._add_profile(basics, profile, line.lineno)
            rest = line.plain.split(":", 1)[1].replace(links[0][0], "", 1).strip(" ,;()")
            if rest:  # "(125+ repositories)": no profile field holds it
                self._summary_line(
                    basics, f"{label}: {line.linked().split(':', 1)[1].strip()}", line.lineno
                )
        elif labelled_line and not links and not isinstance(basics.get("summary", ""), str):
            self._header_line(basics, line)
        elif labelled_line and not links:  # "Nationality: …": no field of its own
            self._summary_line(basics, line.linked(), line.lineno)
        else:
            self._header_line(basics, line)

    def _level_legend(self, sources: list[Any]) -> list[Any]:
        """A ``•••Expert ••Good •Basic`` line is the legend of the section's level glyphs,
        not a skill: it names the levels (``levels.legend``) and is reported as read."""
        self._legend = None
        out = []
        for src in sources:
            if isinstance(src, EntrySource) and len(src.lines) == 1 and not src.children:
                found = levels.legend(src.lines[0].plain)
                if found is not None:
                    self._legend = found
                    why = "legend of the level glyphs"
                    self.report.add(src.start, src.end, IMPORTED, "/skills", why)
                    self.report.read_as_form(src.start, src.lines[0].plain)
                    continue
            out.append(src)
        return out

    def _prose_entry(self, src: Prose, key: str, layout: dict[str, Any]) -> None:
        """A paragraph under a standard heading is one entry of it, its text the entry's
        prose field (a job described in a paragraph): the content stays out of meta."""
        idx = self.add(key, {_PROSE_FIELD[key]: _prose_text(src.lines)}, src.start, src.end)
        if idx is not None:
            layout["items"].append(idx)

    def _prose_summary(self, src: Prose) -> None:
        """A paragraph under Research Interests ("I develop organizational theory for …")
        is the person's research statement: it joins ``basics.summary``, the one standard
        field for prose about the person, instead of a custom section."""
        basics = self.data.setdefault("basics", {})
        old = basics.get("summary")
        text = _prose_text(src.lines)
        basics["summary"] = f"{old}\n\n{text}" if old else text
        self.report.add(src.start, src.end, IMPORTED, "/basics/summary")
        self.source_map.add("/basics/summary", src.start)

    def _summary_line(self, basics: dict[str, Any], text: str, lineno: int) -> None:
        """A contact line no basics field holds joins ``basics.summary`` as its own line."""
        old = basics.get("summary")
        basics["summary"] = f"{old}\n{text}" if old else text
        self.source_map.add("/basics/summary", lineno)

    def _summary(self, section: PageSection, sources: list[Any]) -> None:
        texts = []
        for src in sources:
            lines = src.lines if isinstance(src, (Prose, EntrySource)) else []
            if isinstance(src, EntrySource):
                lines = lines + [Line(r.runs, r.lineno) for c in src.children for r in c.lines]
            labelled = L.field_line(lines[0]) if lines else None
            if labelled is not None and labelled[0] == "summary" and len(lines) == 1:
                value = L.value_of(labelled[1])
                texts.append(value if isinstance(value, str) else str(value))
                self.report.add(src.start, src.end, IMPORTED, "/basics/summary")
            elif lines:
                texts.append(_prose_text(lines))
                self.report.add(src.start, src.end, IMPORTED, "/basics/summary")
                self.source_map.add("/basics/summary", src.start)
        if texts:
            basics = self.data.setdefault("basics", {})
            basics["summary"] = "\n\n".join(texts)
        self.layout.append({"section": SUMMARY, "title": _layout_title(section)})

    # ------------------------------------------------------------------ blocks → sources

    def _sources(self, section: PageSection) -> list[Any]:
        out = self._block_sources(section)
        out = _year_groups(out, self.report, section.key)
        return _org_headings(out, self.report, section.key)

    def _block_sources(self, section: PageSection) -> list[Any]:
        out: list[Any] = []
        prose_section = section.key == SUMMARY
        for n, block in enumerate(section.blocks):
            last = out[-1] if out else None
            if isinstance(block, Paragraph) and not any(block.lines):
                # "&nbsp;" alone, a spacer between sections: nothing to read
                self.report.add(block.start, block.end, SKIPPED, None, _BLANK)
                continue
            if isinstance(block, Paragraph) and not prose_section:
                nxt = section.blocks[n + 1] if n + 1 < len(section.blocks) else None
                if H.is_legend(block.lines):
                    why = "legend of the marks in the entries (not an entry)"
                    text = " ".join(line.plain for line in block.lines)
                    self.report.add(block.start, block.end, SKIPPED, None, why, text)
                    continue
                if not out and H.is_intro(block.lines, nxt):
                    self._intro(block)
                    continue
            if isinstance(block, ListBlock):
                block = self._without_empty_items(block)
                if not block.items:
                    continue
            if isinstance(block, Paragraph) and _fake_bullets(block):
                # "\\* **Membership**, Association for …": a bullet typed as text
                for line in block.lines:
                    bullet = _FAKE_BULLET.match(line.plain)
                    bare = line.slice(bullet.end()) if bullet else line
                    out.append(EntrySource([bare], [], line.lineno, line.lineno))
                continue
            if isinstance(block, Paragraph):
                label = _label_paragraph(block)
                if (
                    label
                    and isinstance(last, EntrySource)
                    and last.from_paragraph
                    and not last.labelled
                ):
                    last.children.append(Item(block.start, block.end, block.lines))
                    last.end = block.end
                elif _citation_of_title_line(last, block, section.key):
                    last.lines.extend(block.lines)
                    last.end = block.end
                elif prose_section or _is_prose(block, section.key):
                    out.append(Prose(block.lines, block.start, block.end))
                elif (
                    section.key in ("languages", "interests", CUSTOM)
                    and len(block.lines) > 1
                    and all(len(line.plain) < 80 for line in block.lines)
                ):
                    # "Mandarin Chinese (native)<br/>English (fluent)": one entry per line
                    for line in block.lines:
                        out.append(EntrySource([line], [], line.lineno, line.lineno))
                else:
                    out.append(
                        EntrySource(block.lines, [], block.start, block.end, True, bool(label))
                    )
            elif isinstance(block, ListBlock):
                topic = section.key == "publications" and _topic_label(last)
                if topic:
                    last.topic_label = True  # type: ignore[union-attr]
                    for item in block.items:
                        out.append(EntrySource(item.lines, item.children, item.start, item.end))
                elif (
                    isinstance(last, EntrySource)
                    and last.from_paragraph
                    and (_bold_led(last) or _dated_head(last))
                ):
                    last.children.extend(block.items)
                    last.end = block.end
                else:
                    out.extend(_label_runs(block.items, section.key))
            elif isinstance(block, Table):
                self.report.add(block.start, block.end, IMPORTED, pointer(section.key), "table")
                if section.key == "skills" and block.header:
                    out.append(block)
                else:
                    titles = [" ".join(line.plain for line in c) for c in block.header or []]
                    for row in _grid_cells(block) or block.rows:
                        lines = [line for cell in row for line in cell]
                        if lines:
                            start = min((line.lineno for line in lines), default=block.start)
                            src = EntrySource(lines, [], start, start)
                            src.entry = E.interpret_table_row(section.key, titles, row)
                            out.append(src)
                    if block.header:
                        header = " | ".join(
                            " ".join(line.plain for line in cell) for cell in block.header
                        )
                        self.report.add(
                            block.start,
                            block.start,
                            SKIPPED,
                            None,
                            "table header row: column titles, the labels of the cells below",
                            header,
                        )
            elif isinstance(block, Details):
                out.extend(self._details(block, last))
            elif isinstance(block, Loop):
                out.append(block)
            elif isinstance(block, Heading):
                out.append(
                    EntrySource([block.line], [], block.start, block.end, True, heading=True)
                )
            else:
                self._skip(block)
        return out

    def _details(self, block: Details, last: Any) -> list[Any]:
        """A ``<details>`` block unfolds more of the entry above it: its text joins that
        entry's bullets; its toggle ("Details") is a control, reported as skipped, but a
        summary that says something is the first of those bullets. Without an entry
        above, its text is read as entries of its own."""
        items: list[Item] = []
        label, hint = _without_hint(block.toggle)
        only_lists = bool(block.inner) and all(
            isinstance(inner, ListBlock) for inner in block.inner
        )
        if block.toggle and chrome.is_toggle(block.toggle):
            why = "toggle of a <details> block (a control, not content)"
            line = block.toggle_line
            self.report.add(line, line, SKIPPED, None, why, block.toggle)
        elif label and only_lists:
            # <summary>Undergraduate (click to expand)</summary> over a list: the name of
            # a group of entries (their x-category), not a line of the entry above
            line = block.toggle_line
            why = "group label of the entries under it"
            self.report.add(block.start, line, IMPORTED, None, why, block.toggle)
            if hint:
                self.report.read_as_form(line, hint)
            entries = [i for b in block.inner if isinstance(b, ListBlock) for i in b.items]
            return [EntrySource(i.lines, i.children, i.start, i.end, topic=label) for i in entries]
        elif block.toggle_lines:
            line = block.toggle_line
            items.append(Item(line, line, block.toggle_lines))
        for inner in block.inner:
            if isinstance(inner, Paragraph):
                items.append(Item(inner.start, inner.end, inner.lines))
            elif isinstance(inner, ListBlock):
                items.extend(inner.items)
            else:
                self._skip(inner)
        if isinstance(last, EntrySource):
            last.children.extend(items)
            last.end = block.end
            return []
        return [EntrySource(i.lines, i.children, i.start, i.end) for i in items]

    def _intro(self, block: Paragraph) -> None:
        """ "All my papers are listed on my [Scholar page](…)." above a section's entries
        introduces them: not an entry. Its links are the person's pages: profiles."""
        basics = self.data.setdefault("basics", {})
        kept = 0
        for line in block.lines:
            for text, url in line.links():
                if _SCHEME.match(url) and not url.lower().startswith("mailto:"):
                    network = C.network_of(url) or H.network_from_text(text) or url
                    self._add_profile(basics, {"network": network, "url": url}, line.lineno)
                    kept += 1
        if not basics:
            self.data.pop("basics")
        why = "intro sentence of the section (not an entry)"
        if kept:
            why += "; its links are kept in basics.profiles"
        text = " ".join(line.linked() for line in block.lines)
        self.report.add(block.start, block.end, SKIPPED, "/basics" if kept else None, why, text)

    def _without_empty_items(self, block: ListBlock) -> ListBlock:
        """The list without its empty bullets (``* `` alone), each reported as skipped."""
        kept = []
        for item in block.items:
            if any(item.lines) or item.children:
                kept.append(item)
            else:
                self.report.add(item.start, item.end, SKIPPED, None, "empty list item")
        if len(kept) == len(block.items):
            return block
        return ListBlock(block.start, block.end, kept)

    def _skip(self, block: Block) -> None:
        if isinstance(block, Skipped):
            status = UNMAPPED if block.visible else SKIPPED
            self.report.add(block.start, block.end, status, None, block.reason, block.text)
        elif isinstance(block, Rule):
            self.report.add(block.start, block.end, SKIPPED, None, "divider (---)")
        elif isinstance(block, Paragraph | Heading) and not _block_lines(block):
            self.report.add(block.start, block.end, SKIPPED, None, "no text")
        else:  # rule 8: a block read nowhere is said to be so, never "no text"
            kind = _BLOCK_KINDS.get(type(block).__name__, "block")
            why = f"a {kind} here is not read (not imported)"
            self.report.add(block.start, block.end, UNMAPPED, None, why)

    # ------------------------------------------------------------------ entries by section

    def _entry(
        self,
        src: EntrySource,
        key: str,
        section: PageSection,
        layout: dict[str, Any],
        extra_layouts: list[dict[str, Any]],
    ) -> None:
        if src.lines and L.field_line(src.lines[0]) is not None:
            self._field_entry(src, key, layout)
            return
        if src.label_list:
            self._place(key, E.interpret_label_list(src.lines, key), src, layout)
            return
        if src.entry is not None:  # "| Mar 2024 | Minimisers at scale | CHEP 2024 | …"
            self._place(key, dict(src.entry), src, layout)
            return
        self._overrides, src = _field_children(src)
        text = " ".join(line.plain for line in src.lines).strip()
        if _ON_REQUEST.match(text) and not src.children:
            # "Further references available on request" names no referee (pattern 43)
            why = "a remark that references are available on request (not a reference)"
            self.report.add(src.start, src.end, SKIPPED, None, why, text)
            return
        parts = E.cut_dates(src.lines, list(src.children))
        if parts.dates is None and src.group is not None:
            parts.dates, parts.date_text = parse_range(src.group.plain), src.group.plain
        if key in ("work", "volunteer"):
            org_key = "name" if key == "work" else "organization"
            groups = E.split_grouped_roles(parts)
            if groups:
                for sub in groups:
                    entry = E.interpret_grouped_role(sub, sub.org_line, org_key)
                    self._place(key, entry, src, layout, whole=len(groups) == 1)
                return
            teaching = any(w in section.title.lower() for w in _TEACHING_WORDS)
            if key == "work" and any(w in section.title.lower() for w in _MENTORING_WORDS):
                # "Priya Raman (undergraduate, 2021 – 2022), now PhD student at CMU": a
                # mentee, not a job of the owner's at CMU — the line is the entry's summary
                self._place(key, E.interpret_mentee(parts), src, layout)
                return
            entry = E.interpret_work(
                parts, teaching=teaching, org_key=org_key, org_heading=src.org_heading is not None
            )
            if src.org_heading is not None:
                _heading_org(entry, src.org_heading, org_key)
            self._place(key, entry, src, layout)
        elif key == "education":
            degrees = E.split_grouped_degrees(parts)
            if degrees:
                for sub in degrees:
                    assert sub.org_line is not None
                    entry = E.interpret_grouped_degree(sub, sub.org_line)
                    self._place(key, entry, src, layout, whole=len(degrees) == 1)
                return
            entry = E.interpret_education(parts, under_institution=src.org_heading is not None)
            if src.org_heading is not None:
                _heading_org(entry, src.org_heading, "institution")
            self._place(key, entry, src, layout)
        elif key == "awards":
            self._place(key, E.interpret_award(parts), src, layout)
        elif key == "certificates":
            award = E.interpret_award(parts)
            cert = {
                ("name" if k == "title" else "issuer" if k == "awarder" else k): v
                for k, v in award.items()
            }
            if "x-url" in cert:
                cert["url"] = cert.pop("x-url")
            E.issuer_after_name(cert)
            self._place(key, cert, src, layout)
        elif key == "publications":
            self._place(key, E.interpret_publication(parts), src, layout)
        elif key == "projects":
            self._place(key, E.interpret_project(parts), src, layout)
        elif key == "references":
            if _ON_REQUEST.match(text):
                self._place(key, {"reference": text}, src, layout)
            else:
                self._place(key, E.interpret_reference(parts), src, layout)
        elif key == "interests":
            interests = E.interpret_interests(parts)
            for interest in interests:
                self._place(key, interest, src, layout, whole=len(interests) == 1)
        elif key in ("skills", "languages"):
            self._skill_or_language(parts, key, src, layout, extra_layouts)
        else:
            entry = E.interpret_custom(parts)
            entry.update(self._overrides)
            if entry:
                self._add_custom(layout, entry, src)

    def _field_entry(self, src: EntrySource, key: str, layout: dict[str, Any]) -> None:
        """An entry written as field lines only ("* *Position:* …"): no heuristics."""
        entry = _fields_of(src, key)
        _typed(entry, key, layout)
        if key == CUSTOM:
            self._add_custom(layout, entry, src)
            return
        idx = self.add(key, entry, src.start, src.end)
        if idx is not None and layout["section"] == key:
            layout["items"].append(idx)

    def _place(
        self,
        key: str,
        entry: dict[str, Any],
        src: EntrySource,
        layout: dict,
        whole: bool = True,
    ) -> None:
        """Add ``entry``, read from ``src`` (the whole of it unless ``whole`` is false: one
        of several roles or degrees of one bullet), to section ``key`` and its layout."""
        if whole:
            _keep_links(key, entry, src)
        entry.update(self._overrides)
        if src.topic:
            entry.setdefault("x-category", src.topic)
        _typed(entry, key, layout)
        idx = self.add(key, entry, src.start, src.end)
        # an entry of another kind under this heading is not listed in its layout slot;
        # exporters show unlisted entries under the section's default title
        if idx is not None and layout["section"] == key:
            layout["items"].append(idx)

    def _skill_or_language(
        self,
        parts: E.Parts,
        key: str,
        src: EntrySource,
        layout: dict[str, Any],
        extra_layouts: list[dict[str, Any]],
    ) -> None:
        label, value = E.skill_label(parts)
        is_group = bool(value) or bool(parts.children)
        spoken = is_language_group(label) and not (value and names_code(value))
        if key == "skills" and is_group and spoken:
            texts = ([value] if value else []) + [E.flatten(c) for c in parts.children]
            target = _extra_layout(extra_layouts, "languages", label, layout)
            for entry in E.language_entries(texts, self._legend):
                idx = self.add("languages", entry, src.start, src.end)
                target["items"].append(idx)
            return
        if key == "languages" and is_group and is_code_group(label):
            target = _extra_layout(extra_layouts, "skills", label, layout)
            idx = self.add("skills", E.interpret_skill(parts, self._legend), src.start, src.end)
            if idx is not None:
                target["items"].append(idx)
            return
        if key == "languages":
            main = parts.main.plain.strip() if parts.main is not None else ""
            if is_group and spoken and parts.main is not None:
                self.report.read_as_form(parts.main.lineno, label)  # "Human" over languages
            one_value = len(F.split_parts(value, ",，;；、")) == 1 if value else False
            if one_value and not spoken and not parts.children:
                texts = [main]  # "Swedish: native": the language, then its level
            elif not is_group and main and len(parts.rest) == 1:
                # a table row "| Swedish | Native |": the language, then its level
                texts = [f"{main}: {parts.rest.pop(0).plain.strip()}"]
            elif is_group:
                texts = [value] if value else []
            else:
                texts = [main] if main else []
            texts += [E.flatten(c) for c in parts.children]
            for entry in E.language_entries(texts, self._legend):
                entry.update(self._overrides)
                idx = self.add("languages", entry, src.start, src.end)
                layout["items"].append(idx)
            return
        linked = parts.main is not None and bool(parts.main.links())
        listed = F.split_keywords(label) if not (value or parts.children or linked) else []
        if len(listed) >= 3 and not parts.rest and not levels.has_glyphs(label):
            # "Python (pandas, xarray), QGIS, acoustic telemetry": a list of skills, no label
            for name in listed:
                self._place("skills", {"name": name}, src, layout, whole=False)
            return
        self._place("skills", E.interpret_skill(parts, self._legend), src, layout)

    def _skills_table(self, table: Table, layout: dict[str, Any]) -> None:
        header = [" ".join(line.plain for line in cell) for cell in (table.header or [])]
        for row in table.rows:
            if not row:
                continue
            name = " ".join(line.plain for line in row[0]).strip()
            line_no = row[0][0].lineno if row[0] else table.start
            for col, cell in enumerate(row[1:], start=1):
                keywords = [k for line in cell for k in F.split_keywords(line.linked())]
                if not keywords:
                    continue
                entry: dict[str, Any] = {"name": name, "keywords": keywords}
                if col < len(header) and header[col]:
                    entry["level"] = header[col]
                idx = self.add("skills", entry, line_no, line_no)
                layout["items"].append(idx)
        if header:
            self.report.add(table.start, table.start, IMPORTED, "/skills", "table header: levels")

    # ------------------------------------------------------------------ Liquid loops

    def _loop(self, loop: Loop, key: str, layout: dict[str, Any]) -> None:
        from resumeconv.importers import jekyll

        if self.site is None:
            self._unresolved_loop(
                loop, layout, "no Jekyll site found (pass --site DIR to import its entries)"
            )
            return
        items = self.site.collection(loop.collection)
        if loop.sort_by:  # Liquid's sort: by that front matter value, missing ones first
            by = loop.sort_by
            items = sorted(items, key=lambda d: (by in d.front, str(d.front.get(by, ""))))
        if loop.reversed:
            items = list(reversed(items))
        if not items:
            self._unresolved_loop(loop, layout, f"the site has no _{loop.collection}/ documents")
            return
        section_target = key if key in ("publications", "work") else CUSTOM
        for item in items:
            target = section_target
            kind = target
            if target == "work" and jekyll.entry_section(loop.collection, item) == CUSTOM:
                kind = "students"  # a student in _teaching/: supervision, read as work
            entry = jekyll.collection_entry(item, kind)
            if target == "publications" and loop.collection != "publications":
                kind = publication_type(layout["title"]) or "talk"
                entry.setdefault("x-type", kind)
            place = Position(str(item.file), item.line)
            if target == CUSTOM:
                holder = layout if layout["section"] == CUSTOM else self._loop_extra(layout)
                self._add_custom(holder, entry, None, place)
            else:
                items_list = self.data.setdefault(target, [])
                items_list.append(entry)
                layout["items"].append(len(items_list) - 1)
                self.source_map.positions.setdefault(pointer(target, len(items_list) - 1), place)
        self.report.add(
            loop.start,
            loop.end,
            IMPORTED,
            pointer(layout["section"]),
            f"{len(items)} document(s) from _{loop.collection}/",
        )

    def _unresolved_loop(self, loop: Loop, layout: dict[str, Any], why: str) -> None:
        """Keep the loop in the layout (the Markdown exporter writes it back) and say why."""
        layout["collection"] = loop.collection
        if loop.reversed:
            layout["reversed"] = True
        reason = f"Liquid loop over site.{loop.collection}: {why}"
        self.report.add(loop.start, loop.end, SKIPPED, None, reason)

    def _add_custom(
        self,
        layout: dict[str, Any],
        entry: dict[str, Any],
        src: EntrySource | Prose | None,
        place: Position | None = None,
    ) -> None:
        """Append an entry to a custom layout section; its pointer is known at the end."""
        layout["entries"].append(entry)
        block = None
        if src is not None:
            block = self.report.add(src.start, src.end, IMPORTED, None)
            place = place or Position(self.file, src.start)
        self._custom.append((layout, len(layout["entries"]) - 1, block, place))

    def _resolve_custom_pointers(self) -> None:
        index = {id(section): i for i, section in enumerate(self.layout)}
        for layout, n, block, place in self._custom:
            i = index.get(id(layout))
            if i is None:
                continue
            ptr = pointer("meta", EXTENSION_KEY, "sections", i, "entries", n)
            if block is not None:
                block.pointer = ptr
            if place is not None:
                self.source_map.positions.setdefault(ptr, place)

    def _loop_extra(self, layout: dict[str, Any]) -> dict[str, Any]:
        """A custom section beside ``layout`` for loop documents of another kind."""
        extra = layout.setdefault(
            "_custom", {"section": CUSTOM, "title": layout["title"], "entries": []}
        )
        return extra

    # ------------------------------------------------------------------ result

    def result(self) -> dict[str, Any]:
        self._resolve_custom_pointers()
        keep_valid(self.data, getattr(self.site, "url", None), self._note)
        out = dict(self.data)
        meta = out.setdefault("meta", {})
        meta[EXTENSION_KEY] = {"version": EXTENSION_VERSION, "sections": self.layout}
        order = ("basics", *STANDARD_SECTIONS, "meta")
        return {k: out[k] for k in order if k in out}

    def _note(self, ptr: str, why: str) -> None:
        """A value changed or moved so that the output stays valid (rule 9)."""
        pos = self.source_map.lookup(ptr)
        line = pos.line if pos is not None and pos.file == self.file else 1
        self.report.add(line, line, NOTE, ptr, why)

    def unmapped(self, start: int, end: int, text: str) -> None:
        self.report.add(start, end, UNMAPPED, None, "text not mapped to any field", text)


def _year_groups(sources: list[Any], report: ImportReport, key: str) -> list[Any]:
    """Year headings (``### 2023``, ``**2021–2022**`` alone) date the entries under them
    (rule 5): the heading is no entry; each entry after it, up to the next heading, takes
    its dates unless it has its own."""
    out: list[Any] = []
    group: Line | None = None
    topic = ""
    for src in sources:
        if isinstance(src, EntrySource) and key == "publications" and not src.children:
            label = src.topic_label or (src.heading and _undated(src.lines[0]))
            if label:  # a topic label or sub-heading over papers is no paper
                topic = _linked_text(src.lines[0])
                why = "topic label: the category of the papers under it"
                report.add(src.start, src.end, IMPORTED, pointer(key), why)
                continue
        if isinstance(src, EntrySource) and topic and not src.heading:
            src.topic = topic
        if isinstance(src, EntrySource) and src.from_paragraph and len(src.lines) == 1:
            line = src.lines[0]
            heading_like = src.labelled or _all_strong(line) or src.heading
            if heading_like and parse_range(line.plain.strip(" :：")) is not None:
                group = line
                why = "year heading: dates the entries under it"
                report.add(src.start, line.lineno, IMPORTED, pointer(key), why)
                # "**2021**" took the list under it as its bullets: they are the entries
                for item in src.children:
                    out.append(
                        EntrySource(item.lines, item.children, item.start, item.end, group=line)
                    )
                continue
            if src.heading:
                group = None
        if isinstance(src, EntrySource) and group is not None and not src.heading:
            src.group = group
        out.append(src)
    return out


_SHORTCODE = re.compile(r"\s*:[a-z0-9_+-]+:")


def _org_headings(sources: list[Any], report: ImportReport, key: str) -> list[Any]:
    """In work and volunteer sections, a sub-heading (``### Example Society [:link:](…)``)
    with entries under it names their organisation (rule 5): it is no entry of its own."""
    if key not in ("work", "volunteer", "education"):
        return sources
    out: list[Any] = []
    current: Line | None = None
    for i, src in enumerate(sources):
        if isinstance(src, EntrySource) and src.heading:
            nxt = sources[i + 1] if i + 1 < len(sources) else None
            if isinstance(nxt, EntrySource) and not nxt.heading and _undated(src.lines[0]):
                current = src.lines[0]
                why = "organisation heading: the organisation of the entries under it"
                report.add(src.start, src.end, IMPORTED, pointer(key), why)
                continue
            current = None
        if isinstance(src, EntrySource) and current is not None:
            src.org_heading = current
        out.append(src)
    return out


def _heading_org(entry: dict[str, Any], heading: Line, org_key: str) -> None:
    """Fill the entry's organisation (and url) from its organisation heading, or its
    position from a role heading; an entry that names its own keeps the heading as its
    group (``x-category``)."""
    name = _SHORTCODE.sub("", heading.plain).strip(" :|–—-")
    if not name:
        return
    own = entry.get(org_key)
    if own and entry.get("position") and not F.looks_like_org(own) and F.looks_like_org(name):
        # "### University of Edinburgh" over "*Teaching Assistant, Machine Learning*": the
        # heading is the employer, the rest of the role line what was taught
        entry.setdefault("summary", entry.pop(org_key))
        own = None
    if _names_a_person(name) and not F.looks_like_org(name):
        # "#### Journal Reviewer" over journal names: the heading is the role, each item
        # names where it was held
        summary = entry.get("summary")
        if not own and entry.get("position"):
            entry[org_key] = entry.pop("position")
        elif not own and isinstance(summary, str) and "\n" not in summary and len(summary) < 120:
            entry[org_key] = entry.pop("summary")  # a bare name the entry rules left as text
        if "position" not in entry:
            entry["position"] = name
        else:
            entry.setdefault("x-category", name)
        return
    if own and not entry.get("position") and isinstance(own, str) and not F.looks_like_org(own):
        entry["position"] = entry.pop(org_key)  # "Since June 2015: Treasurer": the role
    elif own:
        entry.setdefault("x-category", name)
        return
    entry[org_key] = name
    links = [u for _, u in heading.links() if u.startswith(("http://", "https://"))]
    if links and "url" not in entry:
        entry["url"] = links[0]


_PERSON_NOUN = re.compile(r"(?:er|or|ist|ant|ent|ee|人|员|者|长)$", re.I)


def _names_a_person(heading: str) -> bool:
    """A heading that names a role someone holds ("Journal Reviewer", "期刊审稿人"): its
    last word is a role and a person noun — "Microsoft Research" is a place to work."""
    words = heading.split()
    last = words[-1] if words else ""
    return bool(last) and F.looks_like_role(heading) and bool(_PERSON_NOUN.search(last))


def _undated(line: Line) -> bool:
    return parse_range(line.plain.strip(" :：")) is None


def _topic_label(src: Any) -> bool:
    """A short bold-only paragraph line with no date (``**Topic A**``)."""
    return (
        isinstance(src, EntrySource)
        and src.from_paragraph
        and len(src.lines) == 1
        and not src.children
        and _all_strong(src.lines[0])
        and len(src.lines[0].plain.split()) <= 8
        and _undated(src.lines[0])
    )


def _all_strong(line: Line) -> bool:
    runs = [r for r in line.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _typed(entry: dict[str, Any], key: str, layout: dict[str, Any]) -> None:
    """A publication under a talks heading is a talk (``x-type``, rule 1), unless its own
    field line says otherwise."""
    if key == "publications" and layout.get("section") == key:
        kind = publication_type(layout.get("title") or "")
        if kind is not None:
            entry.setdefault("x-type", kind)


def _list_key(key: str) -> str:
    """Where an entry's unlabelled bullets go: highlights, else x-highlights."""
    return "highlights" if key in ("work", "volunteer", "projects", CUSTOM) else "x-highlights"


def _item_value(item: Item) -> Any:
    """A field line's value; a label alone with bullets under it is a list."""
    found = L.field_line(item.lines[0])
    assert found is not None
    value_line = found[1]
    key = found[0]
    if not value_line and item.children:
        return [
            L.value_of(Line(list(c.lines[0].runs), c.start), key) for c in item.children if c.lines
        ]
    return L.value_of(value_line, key)


def _field_children(src: EntrySource) -> tuple[dict[str, Any], EntrySource]:
    """Field lines among an entry's bullets (they fill fields), and the entry without them."""
    fields: dict[str, Any] = {}
    rest: list[Item] = []
    for child in src.children:
        if child.lines and L.field_line(child.lines[0]) is not None and len(child.lines) == 1:
            key = L.field_line(child.lines[0])[0]  # type: ignore[index]
            fields[key] = _item_value(child)
        else:
            rest.append(child)
    if not fields:
        return fields, src
    return fields, EntrySource(
        src.lines, rest, src.start, src.end, src.from_paragraph, src.labelled
    )


def _fields_of(src: EntrySource, key: str) -> dict[str, Any]:
    """An entry written entirely as field lines; other bullets are its highlights."""
    entry: dict[str, Any] = {}
    for line in src.lines:
        found = L.field_line(line)
        if found is not None:
            entry[found[0]] = L.value_of(found[1], found[0])
        elif line:
            entry.setdefault(_list_key(key), []).append(line.linked())
    for child in src.children:
        if child.lines and L.field_line(child.lines[0]) is not None and len(child.lines) == 1:
            entry[L.field_line(child.lines[0])[0]] = _item_value(child)  # type: ignore[index]
        else:
            entry.setdefault(_list_key(key), []).append(E.flatten(child))
    return entry


def layout_has_content(layout: dict[str, Any]) -> bool:
    return bool(layout.get("items") or layout.get("entries"))


def _extra_layout(
    extra: list[dict[str, Any]], key: str, title: str, parent: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The layout of entries that a line of another section holds (a "Languages" line in
    Skills); with ``parent``, marked as a group line of that section (``group``) after
    its first ``at`` entries, so that a writer keeps it there (docs/extension.md)."""
    for layout in extra:
        if layout["section"] == key and layout["title"] == title:
            return layout
    layout = {"section": key, "title": title, "items": []}
    if parent is not None:
        layout.update(group=True, at=len(parent.get("items", [])))
    extra.append(layout)
    return layout


def _grid_cells(table: Table) -> list[list[list[Line]]] | None:
    """A table without a header whose cells are short undated items ("| Control Theory |
    Signal Processing |"): a grid of items, each cell one entry (as rows of one cell);
    None for a table of records (a row with dates, long cells, a header)."""
    if table.header is not None or not table.rows:
        return None
    cells = [cell for row in table.rows for cell in row if any(cell)]
    if len(cells) <= len(table.rows):
        return None
    for cell in cells:
        text = " ".join(line.plain for line in cell)
        if len(text.split()) > 6 or find_range(text) is not None:
            return None
    return [[cell] for cell in cells]


def _header_lines(block: Block) -> list[Line]:
    """The lines of a header block; a list's items are lines ("* Email: …")."""
    if isinstance(block, ListBlock):
        return [line for item in block.items for line in _item_lines(item) if line]
    if isinstance(block, Details):
        return [line for inner in block.inner for line in _header_lines(inner)]
    if isinstance(block, Table):  # a contact grid above the sections: its cells' lines
        rows = ([block.header] if block.header else []) + block.rows
        return [line for row in rows for cell in row for line in cell if line]
    return _block_lines(block)


def _item_lines(item: Item) -> list[Line]:
    return list(item.lines) + [line for child in item.children for line in _item_lines(child)]


def _header_parts(line: Line) -> list[Line]:
    """A header line cut at its separators (" | ", " · ", " • ") into contacts."""
    plain = line.plain
    cuts = [(m.start(), m.end()) for m in H.SEPARATORS.finditer(plain)]
    if not cuts:
        return [line]
    parts: list[Line] = []
    pos = 0
    for a, b in cuts:
        parts.append(line.cut(pos, a))
        pos = b
    parts.append(line.cut(pos))
    return [p for p in parts if p]


def _contact_like(line: Line) -> bool:
    """A line with a link, an e-mail address, a phone number or a contact label."""
    plain = _ICON_LEAD.sub("", line.plain.strip())
    return bool(line.links() or H.find_email(plain) or H.is_phone(plain) or C.contact_label(line))


def _all_bold(line: Line) -> bool:
    runs = [r for r in line.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _label_line(line: Line) -> bool:
    """A header line in italics only, no link (``*Associate Professor*`` under the name):
    the author's title, ``basics.label``."""
    runs = [r for r in line.runs if r.text.strip()]
    return bool(runs) and all(
        r.italic and not r.bold and r.href is None and not r.code for r in runs
    )


def _block_lines(block: Block) -> list[Line]:
    if isinstance(block, Heading):
        return [block.line] if block.line else []
    if isinstance(block, Paragraph):
        return [line for line in block.lines if line]
    return []


def _contact_lines(block: Block) -> list[Line]:
    """Every line of a contact section's block: paragraph lines, bullets and sub-bullets."""
    if isinstance(block, ListBlock):
        out: list[Line] = []
        stack = list(reversed(block.items))
        while stack:
            item = stack.pop()
            out.extend(line for line in item.lines if line)
            stack.extend(reversed(item.children))
        return out
    return _block_lines(block)


def _label_paragraph(block: Paragraph) -> bool:
    """A paragraph that starts with a bold ``Label:`` (belongs to the entry above)."""
    first = block.lines[0] if block.lines else None
    if first is None:
        return False
    bold = first.bold_prefix()
    return bool(bold) and (
        bold.rstrip().endswith((":", "："))
        or first.plain[len(bold) : len(bold) + 2].strip().startswith((":", "："))
    )


def _bold_led(src: EntrySource) -> bool:
    return bool(src.lines) and bool(src.lines[0].bold_prefix())


def _citation_of_title_line(last: Any, block: Paragraph, key: str) -> bool:
    """A publication paragraph that is one title link, and right under it a paragraph
    whose citation names that title: one publication, not two."""
    if key != "publications" or not isinstance(last, EntrySource) or not last.from_paragraph:
        return False
    if len(last.lines) != 1 or last.children:
        return False
    title = E.lone_link(last.lines[0])
    if title is None:
        return False
    wanted = _words_only(title[0])
    return bool(wanted) and wanted in _words_only(" ".join(line.plain for line in block.lines))


def _words_only(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _label_runs(items: list[Item], key: str) -> list[EntrySource]:
    """One source per bullet, except runs of one-line ``Label: value`` bullets of which two or
    more name fields of the section (``* **Issuer:** …``, ``* **Title:** …``, ``* **Hours:**
    …``): such a run is one entry, and a label seen again starts the next one."""
    out: list[EntrySource] = []
    run: list[Item] = []
    seen: set[str] = set()

    def flush() -> None:
        known = [i for i in run if E.label_of(i.lines[0], key) is not None]
        if len(known) >= 2:
            lines = [line for item in run for line in item.lines]
            out.append(EntrySource(lines, [], run[0].start, run[-1].end, label_list=True))
        else:
            out.extend(EntrySource(i.lines, i.children, i.start, i.end) for i in run)
        run.clear()
        seen.clear()

    for item in items:
        one = len(item.lines) == 1 and L.field_line(item.lines[0]) is None  # not `*Title:* …`
        found = F.split_label(item.lines[0].plain) if one else None
        label = found[0].lower() if found and found[1] else None
        if label is None or item.children:
            flush()
            out.append(EntrySource(item.lines, item.children, item.start, item.end))
            continue
        if label in seen:
            flush()
        run.append(item)
        seen.add(label)
    flush()
    return out


def _dated_head(src: EntrySource) -> bool:
    """A short dated paragraph ("Since May 2020: **Analyst** at Acme", "Intern at Beta,
    2018–2020", "*Research Scientist*" over "London, UK · 2022 – Present"): the bullets
    right under it are its highlights, one entry, not one per bullet."""
    if not 0 < len(src.lines) <= 3:
        return False
    texts = [line.plain for line in src.lines]
    for i, plain in enumerate(texts):
        found = find_range(plain)
        if found is None:
            continue
        # a date alone ("### 2023") heads a group of entries, not one entry; the date may
        # be on a line of its own under the role ("*Research Scientist*" / "London · 2022 –")
        rest = plain[: found.span[0]] + plain[found.span[1] :]
        return bool(rest.strip(" ·|,–-")) or any(t.strip() for t in texts[:i] + texts[i + 1 :])
    return False


def _is_prose(block: Paragraph, key: str) -> bool:
    """Several sentences, or one long sentence told in the first person ("I volunteer
    with …"): a description, not an entry line to cut into fields."""
    text = " ".join(line.plain for line in block.lines)
    words = len(text.split())
    sentences = text.count(". ") + text.count("。")
    if key == "publications":
        return False
    return (words > 40 and sentences >= 2) or (words >= 20 and bool(_FIRST_PERSON.match(text)))


_FIRST_PERSON = re.compile(r"^\s*(?:I|My|We|Our|In my)\s", re.I)


#: Sections whose entries have a ``url`` field in JSON Resume 1.2.1.
_URL_KEYS = frozenset(
    {"work", "volunteer", "education", "certificates", "publications", "projects"}
)


#: A bullet written as text: an escaped ``\\*`` or a typed "•" at the start of a line.
_FAKE_BULLET = re.compile(r"^\s*[*•·]\s+(?=\S)")


def _fake_bullets(block: Paragraph) -> bool:
    """Every line of the paragraph starts with a bullet typed as text (kramdown shows it
    as a star): each line is an entry, as a list item would be."""
    lines = [line for line in block.lines if line.plain.strip()]
    return bool(lines) and all(_FAKE_BULLET.match(line.plain) for line in lines)


_HINT = re.compile(r"\s*[(（]\s*(?:click|tap|show|expand)[^()（）]*[)）]\s*$", re.I)


def _without_hint(toggle: str) -> tuple[str, str]:
    """``Undergraduate (click to expand)`` → ("Undergraduate", "(click to expand)")."""
    m = _HINT.search(toggle)
    return (toggle[: m.start()].strip(), m.group().strip()) if m else (toggle.strip(), "")


def _layout_title(section: PageSection) -> str:
    """The section's title as the layout keeps it: a link in the heading stays a Markdown
    link ("Publications ([Google Scholar](…))": rule 3, never dropped)."""
    if section.heading is None:
        return section.title
    return _linked_text(section.heading.line) or section.title


def _linked_text(line: Line) -> str:
    """The line's text, its links written ``[text](url)`` when it has any."""
    return (line.linked() if line.links() else line.plain).strip()


def _keep_links(key: str, entry: dict[str, Any], src: EntrySource) -> None:
    """Rule 3 of issue 12, every link target is kept: a link of the entry's lines whose
    URL no field holds becomes the entry's ``url`` when it has none (``cvpage/valid.py``
    then resolves or sets aside a relative one), else one of its ``x-links``."""
    lines = [*src.lines, *(line for child in src.children for line in _item_lines(child))]
    if src.org_heading is not None:
        lines.append(src.org_heading)
    links = [(text, url) for line in lines for text, url in line.links() if url]
    if not links:
        return
    held = list(strings(entry))
    for text, url in links:
        target = url.removeprefix("mailto:").removeprefix("tel:").rstrip("/")
        if not target or any(target in value for value in held):
            continue
        if key in _URL_KEYS and "url" not in entry and "x-url" not in entry:
            entry["url"] = url
        else:
            label = text if text and text != url else ""
            entry.setdefault("x-links", []).append({"label": label, "url": url} if label else url)
        held.append(url)


def _prose_text(lines: list[Line]) -> str:
    return " ".join(line.linked() for line in lines).strip()
