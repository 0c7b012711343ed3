"""Which JSON Resume section a page heading means, and the page cut into sections.

Titles are matched on their words, in English and Chinese ("Working experience",
"Research Position", "工作经历" → ``work``). Anything unknown is a custom section, kept
with its title (see docs/extension.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resumeconv.dialect import (
    BASICS,
    CUSTOM,
    SUMMARY,
    is_known_title,
    is_page_title,
    matching_rule,
    normalize_title,
    section_class,
    section_key,
)
from resumeconv.importers.cvpage.blocks import (
    Attributes,
    Block,
    Heading,
    ListBlock,
    Loop,
    Paragraph,
    Table,
)
from resumeconv.importers.cvpage.homes import home_by_shape
from resumeconv.importers.cvpage.inline import Line

__all__ = [
    "BASICS",
    "CUSTOM",
    "SUMMARY",
    "Page",
    "PageSection",
    "is_known_title",
    "normalize_title",
    "section_class",
    "section_key",
    "split_sections",
]


@dataclass(slots=True)
class PageSection:
    """One section of the page: its heading and the blocks under it."""

    title: str
    key: str
    heading: Heading | None
    blocks: list[Block] = field(default_factory=list)
    explicit: bool = False
    """The kind was named by a kramdown class (``{: .cv-custom}``), not guessed."""


@dataclass(slots=True)
class Page:
    """The header (before the first section: name, contacts) and the sections."""

    header: list[Block]
    sections: list[PageSection]


def split_sections(blocks: list[Block]) -> Page:
    """Cut the page at its section headings.

    The section level is the heading level most used by known section titles (pages use
    ``#``, ``##``, Setext ``===`` or ``---``). Deeper headings stay inside sections.
    Pages without headings may mark sections with a bold-only paragraph (``__Education__``)
    followed by a list or table.
    """
    blocks = _promote_bold_headings(blocks)
    headings = [b for b in blocks if isinstance(b, Heading)]
    if not headings:
        # a page without headings is one untitled section: its blocks are read as they
        # come (raw-HTML layouts find their headings in the blocks), no shape is guessed
        return Page(header=[], sections=[PageSection("", CUSTOM, None, blocks)] if blocks else [])
    rules = {id(h): matching_rule(h.line.plain) for h in headings}  # this page's, once
    level = _section_level(headings, rules)
    name_heading = _name_heading(blocks, headings, rules)
    header: list[Block] = []
    sections: list[PageSection] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level <= level:
            rule = rules[id(block)]
            if block.level < level and rule is None and not sections:
                header.append(block)
                continue
            if not sections and block is name_heading:
                header.append(block)  # "# Jane Roe" above "Education\n===": the name
                continue
            title = block.line.plain.strip()
            sections.append(PageSection(title, rule or CUSTOM, block))
        elif not sections and isinstance(block, Heading) and _opens_section(block, blocks, rules):
            # "## EDUCATION" with its entries above "# COURSEWORK": a section all the same
            sections.append(
                PageSection(block.line.plain.strip(), rules[id(block)] or CUSTOM, block)
            )
        elif sections:
            current = sections[-1]
            if isinstance(block, Attributes) and not current.blocks:
                named = section_class(block.text)
                current.key = named or current.key
                current.explicit = named is not None
            current.blocks.append(block)
        else:
            header.append(block)
    for section in sections:
        _give_home(section)
    return Page(header, sections)


def _name_heading(
    blocks: list[Block], headings: list[Heading], rules: dict[int, str | None]
) -> Heading | None:
    """The page's first heading when it names the page ("# CV") or the person ("# Jane
    Roe") rather than a section (rule 4 of issue 12): no section title in it, and either
    a page title, or a name written unlike the section headings after it (``#`` above
    ``Education\n===``) or with only contact lines under it."""
    from resumeconv.importers.cvpage.header import contact_lines_only, looks_like_name

    first = headings[0]
    if rules[id(first)] is not None or len(headings) < 2:
        return None
    text = first.line.plain
    if is_page_title(text):
        return first
    if not looks_like_name(text):
        return None
    if first.markup and headings[1].markup and first.markup != headings[1].markup:
        return first
    start = blocks.index(first) + 1
    stop = blocks.index(headings[1])
    return first if contact_lines_only(blocks[start:stop]) else None


def _opens_section(block: Heading, blocks: list[Block], rules: dict[int, str | None]) -> bool:
    """A heading deeper than the section level, above the first section, opens one when
    its title is a known one and entries (not just another heading) follow it: pages mix
    ``##`` and ``#`` (pattern 27); a header's ``### address`` line names no section."""
    if rules[id(block)] is None:
        return False
    i = blocks.index(block) + 1
    return i < len(blocks) and isinstance(blocks[i], ListBlock | Table | Paragraph | Loop)


def _give_home(section: PageSection) -> None:
    """A section whose title no rule knows goes where its entries' shape says
    (:func:`homes.home_by_shape`), unless a class named its kind."""
    if section.key == CUSTOM and not section.explicit and section.blocks:
        section.key = home_by_shape(section.blocks)


def _section_level(headings: list[Heading], rules: dict[int, str | None]) -> int:
    """The level most known titles use (the highest of equally used ones)."""
    known: dict[int, int] = {}
    for h in headings:
        if rules[id(h)] is not None:
            known[h.level] = known.get(h.level, 0) + 1
    if known:
        most = max(known.values())
        return min(lvl for lvl, n in known.items() if n == most)
    return min(h.level for h in headings)


def _promote_bold_headings(blocks: list[Block]) -> list[Block]:
    """``__Education__`` alone on a line, before a list or table, is a section heading."""
    if any(isinstance(b, Heading) for b in blocks):
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            isinstance(block, Paragraph)
            and len(block.lines) == 1
            and _all_bold(block.lines[0])
            and isinstance(nxt, ListBlock | Table | Paragraph | Loop)
        ):
            out.append(Heading(block.start, block.end, 2, block.lines[0]))
        else:
            out.append(block)
    return out


def _all_bold(line: Line) -> bool:
    runs = [r for r in line.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs) and len(line.plain) <= 60
