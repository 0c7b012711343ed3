"""Which JSON Resume section a page heading means, and the page cut into sections.

Titles are matched on their words, in English and Chinese ("Working experience",
"Research Position", "工作经历" → ``work``). Anything unknown is a custom section, kept
with its title (see docs/extension.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resumeconv.importers.cvpage.blocks import (
    Attributes,
    Block,
    Heading,
    ListBlock,
    Loop,
    Paragraph,
    Table,
)
from resumeconv.importers.cvpage.inline import Line

CUSTOM = "custom"
SUMMARY = "basics.summary"

# (section key, words that mark it). The first rule whose words appear in the title wins,
# so the more specific rules come first.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        CUSTOM,
        (
            "talk",
            "presentation",
            "poster",
            "supervision",
            "supervised",
            "mentoring",
            "student",
            "symposi",
            "lecture",
            "workshop",
            "training",
            "affiliation",
            "membership",
            "public scholarship",
            "artifact",
            "tools",
            "报告",
            "演讲",
            "指导",
        ),
    ),
    (SUMMARY, ("profile", "about", "summary", "objective", "个人简介", "简介")),
    ("education", ("education", "degree", "academic background", "教育", "学历")),
    (
        "awards",
        (
            "award",
            "honor",
            "honour",
            "grant",
            "scholarship",
            "fellowship",
            "prize",
            "achievement",
            "获奖",
            "荣誉",
            "奖",
        ),
    ),
    (
        "publications",
        (
            "publication",
            "paper",
            "under review",
            "preprint",
            "book",
            "article",
            "著作",
            "论文",
            "出版",
        ),
    ),
    ("projects", ("project", "项目")),
    ("languages", ("language", "语言")),
    ("skills", ("skill", "competenc", "proficienc", "expertise", "技能", "专长")),
    ("interests", ("interest", "兴趣", "研究方向")),
    ("references", ("reference", "referee", "推荐")),
    ("certificates", ("certific", "license", "证书")),
    (
        "volunteer",
        (
            "service",
            "review",
            "volunteer",
            "community",
            "outreach",
            "leadership",
            "judging",
            "服务",
            "志愿",
        ),
    ),
    (
        "work",
        (
            "experience",
            "employment",
            "position",
            "work",
            "career",
            "appointment",
            "teaching",
            "consulting",
            "research",
            "professional",
            "工作",
            "经历",
            "任职",
            "教学",
            "职位",
        ),
    ),
)

_TITLE_NOISE = re.compile(r"[^\w\s&/'-]+", re.U)


def normalize_title(title: str) -> str:
    """Lower-case words of a title, emoji and punctuation removed."""
    return " ".join(_TITLE_NOISE.sub(" ", title).lower().split())


def _matching_rule(title: str) -> str | None:
    """The key of the first rule whose words appear in the title; None when none does."""
    words = normalize_title(title)
    for key, marks in _RULES:
        for mark in marks:
            if mark in words:
                return key
    return None


def section_key(title: str) -> str:
    """The JSON Resume section a heading names, ``custom`` when none fits."""
    return _matching_rule(title) or CUSTOM


def is_known_title(title: str) -> bool:
    """Some rule knows the title (custom ones such as "Talks" included)."""
    return _matching_rule(title) is not None


@dataclass(slots=True)
class PageSection:
    """One section of the page: its heading and the blocks under it."""

    title: str
    key: str
    heading: Heading | None
    blocks: list[Block] = field(default_factory=list)


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
        return Page(header=[], sections=[PageSection("", CUSTOM, None, blocks)] if blocks else [])
    rules = {id(h): _matching_rule(h.line.plain) for h in headings}  # this page's, once
    level = _section_level(headings, rules)
    header: list[Block] = []
    sections: list[PageSection] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level <= level:
            rule = rules[id(block)]
            if block.level < level and rule is None and not sections:
                header.append(block)
                continue
            title = block.line.plain.strip()
            sections.append(PageSection(title, rule or CUSTOM, block))
        elif sections:
            current = sections[-1]
            if isinstance(block, Attributes) and not current.blocks:
                current.key = section_class(block.text) or current.key
            current.blocks.append(block)
        else:
            header.append(block)
    return Page(header, sections)


_CLASS = re.compile(r"\.cv-([a-z]+)\b")
_CLASS_KEYS = {
    "custom": CUSTOM,
    "summary": SUMMARY,
    **{k: k for k in ("work", "volunteer", "education", "awards", "certificates")},
    **{k: k for k in ("publications", "skills", "languages", "interests", "references")},
    "projects": "projects",
}


def section_class(ial: str) -> str | None:
    """The section a heading's kramdown class names: ``{: .cv-skills}`` → ``skills``.

    It says what a title alone does not ("Computer" under Languages holds skills); the
    Markdown exporter writes it, and Jekyll renders it as a CSS class on the heading.
    """
    m = _CLASS.search(ial)
    return _CLASS_KEYS.get(m.group(1)) if m else None


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
