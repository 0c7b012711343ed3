"""A standard home for a section whose title no rule knows, chosen by its entries' shape.

JSON Resume tools read only the standard sections, so no section is left custom (issue
12, rule 1): a page section titled "Things I did" whose entries are dated positions at
organisations is ``work``; titled items with a venue are ``publications``; prizes are
``awards``; reviewing, committees and volunteering are ``volunteer``; anything else is
``projects``. The title is kept in the layout
(``meta["x-resumeconv"]``), so the Markdown writer marks the section's kind with a
kramdown class (``{: .cv-work}``) and the page reads back the same.
"""

from __future__ import annotations

import re

from resumeconv.dates import find_range
from resumeconv.importers.cvpage.blocks import Block, Heading, ListBlock, Paragraph, Table
from resumeconv.importers.cvpage.inline import Line

_PRIZE = re.compile(
    r"\b(award|prize|medal|winner|won|finalist|honou?rable mention|scholarship|fellowship"
    r"|grant|(1st|2nd|3rd|first|second|third) (place|prize))\b|奖|賞|상금",
    re.I,
)
_ORG = re.compile(
    r"\b(universit\w*|college|institut\w*|school|lab(oratory)?|inc|corp\w*|ltd|gmbh|llc"
    r"|company|center|centre|department|hospital|foundation|agency|bank|group)\b"
    r"|公司|大学|研究所|研究院|学院|会社",
    re.I,
)
_ROLE = re.compile(
    r"\b(intern|engineer|assistant|researcher|scientist|manager|developer|analyst|lead"
    r"|director|consultant|lecturer|professor|postdoc\w*|associate|officer|fellow"
    r"|coordinator|technician|teacher|tutor|editor|founder|member|chair)\b"
    r"|研究员|工程师|实习|研究員|エンジニア",
    re.I,
)
_SERVICE = re.compile(
    r"\b(volunteer\w*|reviewer|reviewing|referee|committee|board member|member|chair"
    r"|organi[sz]er|judge|mentor|coach\w*)\b|志愿|审稿|ボランティア|봉사",
    re.I,
)
_VENUE = re.compile(
    r"\b(proceedings|journal|conference|symposium|workshop|arxiv|preprint|press|vol\.?"
    r"|pp\.|doi|in:?)\b|\bIn [A-Z]",
)


def _lines(blocks: list[Block]) -> list[list[Line]]:
    """The section's entries as lists of lines (a bullet with its sub-bullets, a
    paragraph, a table row)."""
    out: list[list[Line]] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                lines = list(item.lines) + [ln for c in item.children for ln in c.lines]
                out.append(lines)
        elif isinstance(block, Paragraph) and any(block.lines):
            out.append(list(block.lines))
        elif isinstance(block, Table):
            out.extend([ln for cell in row for ln in cell] for row in block.rows)
        elif isinstance(block, Heading):
            out.append([block.line])
    return [lines for lines in out if any(line.plain.strip() for line in lines)]


def _titled(lines: list[Line]) -> bool:
    """A titled item with a venue: a quoted, italic or linked title plus more text with a
    venue word ("In Proceedings of …", "Journal of …")."""
    first = lines[0]
    text = " ".join(line.plain for line in lines)
    has_title = (
        bool(first.emphasized())
        or bool(first.links())
        or bool(re.search(r"[\"“][^\"”]{8,}[\"”]", text))
    )
    return has_title and bool(_VENUE.search(text))


def home_by_shape(blocks: list[Block]) -> str:
    """The standard section the entries of an unknown-titled section belong to."""
    entries = _lines(blocks)
    if not entries:
        return "projects"
    half = len(entries) / 2
    prizes = dated_jobs = titled = service = 0
    for lines in entries:
        text = " ".join(line.plain for line in lines)
        if _PRIZE.search(text):
            prizes += 1
        if find_range(text) is not None and (_ROLE.search(text) or _ORG.search(text)):
            dated_jobs += 1
        if _titled(lines):
            titled += 1
        if _SERVICE.search(text):
            service += 1
    if prizes >= half and prizes >= dated_jobs:
        return "awards"
    if service >= half:
        return "volunteer"
    if titled >= half and titled >= dated_jobs:
        return "publications"
    if dated_jobs >= half:
        return "work"
    return "projects"
