"""Turning one entry of a CV page into a JSON Resume entry, section by section.

An entry arrives as :class:`Parts`: its lines (the bullet, or the paragraph, or the table
row), the nested bullets under it, and the date range already cut out. Each section has
one small interpreter (``work``, ``education``, …) that decides which text is the position,
the institution, the place; whatever is left goes to highlights or summary, never away.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from resumeconv.dates import DateRange, find_range, parse_range
from resumeconv.dialect import date_fields, split_degree
from resumeconv.importers.cvpage import fields as F
from resumeconv.importers.cvpage import levels
from resumeconv.importers.cvpage.blocks import Item
from resumeconv.importers.cvpage.header import looks_like_name
from resumeconv.importers.cvpage.inline import Line, Run
from resumeconv.places import US_STATES, is_place

_DATE_LABELS = ("时间", "日期", "date", "dates", "period", "time", "when", "duration")


@dataclass(slots=True)
class Parts:
    """An entry's text with its dates cut out."""

    main: Line | None
    rest: list[Line]
    children: list[Item]
    dates: DateRange | None
    date_text: str = ""
    note: str = ""
    original: list[Line] = field(default_factory=list)
    """The head lines as written, dates included (a citation is kept verbatim)."""
    date_led: bool = False
    """The dates opened the entry ("Summer 2022: Research Assistant"): the academicpages
    template's style, where the text is the position and the first bullet the employer."""
    org_line: Line | None = None
    """For a role grouped under an organization: the organization's line."""

    def child_texts(self) -> list[str]:
        return [flatten(c) for c in self.children]


def flatten(item: Item) -> str:
    """One highlight string for a bullet and everything nested under it."""
    text = " ".join(line.linked() for line in item.lines).strip()
    subs = [flatten(c) for c in item.children]
    if not subs:
        return text
    if not text:
        return "; ".join(subs)
    joiner = " " if text.endswith((":", "：")) else ": "
    return text + joiner + "; ".join(subs)


def _is_date_only(line: Line) -> DateRange | None:
    label = F.split_label(line.plain)
    text = line.plain
    if label and label[0].lower() in _DATE_LABELS:
        text = label[1]
    return parse_range(text.strip(" :：,;"))


#: A sentence after an entry's dates: a full stop, then at least three words.
_SENTENCE_AFTER = re.compile(r"^\s*[.;]\s+(?=\S+\s+\S+\s+\S)")


def cut_dates(lines: list[Line], children: list[Item]) -> Parts:
    """Find the entry's dates (head lines first, then a date-only bullet) and cut them out."""
    head = [line for line in lines if line]
    original = list(head)
    dates: DateRange | None = None
    date_text = note = ""
    date_led = False
    for idx, line in enumerate(head):
        plain = line.plain
        found = _date_outside_links(line, find_range(plain))
        if found is None:
            continue
        a, b = found.span
        date_text = plain[a:b]
        before = line.cut(0, a)
        # dates mostly end the line: nothing after them to cut
        after = line.cut(b) if b < len(plain) else Line([], line.lineno)
        chain = _date_chain(after.plain, found, date_text)
        if chain is not None:
            found, date_text = chain
            after = Line([], line.lineno)
        paren = _PAREN.match(after.plain)
        if paren:
            note, after = paren.group(1).strip(), Line([], line.lineno)
        if _academic_year(before.plain):
            # "AY 2022: Tutor": the dates lead the line; the words as written go to x-note
            note = f"{before.plain.strip()} {date_text}"
            before, a = Line([], line.lineno), 0
        parts = [
            p
            for p in (before, after)
            if p and p.plain.lower() not in _CONNECTORS and p.plain.strip(" .,;:")
        ]  # "Example Lab, 2023." leaves no ". " behind
        # (not a citation's "(2023). Title.": its year is in brackets)
        cited = date_text.lstrip().startswith("(")
        sentence = _SENTENCE_AFTER.match(after.plain) if not cited else None
        if _in_named_paren(before.plain, after.plain):
            pass  # "Example Conference (EXC 2023)": the year is part of the name, kept
        elif len(parts) == 2 and sentence:
            # "…, Geneva, Jan 2020 – present. Maintaining the ROOT modules.": the entry's
            # line ends with its dates; the sentence after them describes it
            head[idx : idx + 1] = [before, after.cut(sentence.end())]
        elif len(parts) == 2:
            joined = Line([*before.runs, _sep(before, after), *after.runs], line.lineno)
            head[idx : idx + 1] = [joined]
        else:
            head[idx : idx + 1] = parts
        dates = found
        date_led = idx == 0 and a <= 1 and bool(after)
        dates, date_text = _more_dates(head, idx, dates, date_text)
        break
    rest_children = list(children)
    if dates is None:
        for i, child in enumerate(children):
            if child.children or len(child.lines) != 1:
                continue
            found = _is_date_only(child.lines[0])
            if found is not None:
                dates, date_text = found, child.lines[0].plain
                rest_children.pop(i)
                break
    if not head and rest_children and not rest_children[0].children:
        head = [line for line in rest_children.pop(0).lines if line]
    main = head[0] if head else None
    return Parts(main, head[1:], rest_children, dates, date_text, note, original, date_led)


def _date_outside_links(line: Line, found: DateRange | None) -> DateRange | None:
    """A date inside a linked title ("[Retour sur la conférence IIIF, 7-9 juin 2017][r]")
    belongs to the title: when the line has a date outside its links, that one is the
    entry's."""
    if found is None or not any(r.href for r in line.runs):
        return found
    masked = "".join(r.text if r.href is None else " " * len(r.text) for r in line.runs)
    a, b = found.span
    if masked[a:b].strip():
        return found  # the date is (partly) outside the links: as found
    return find_range(masked) or found


def _academic_year(before: str) -> bool:
    """``AY`` / ``A.Y.`` (academic year) right before the dates."""
    return before.strip(" *_").upper() in ("AY", "A.Y.", "A. Y.")


def _in_named_paren(before: str, after: str) -> bool:
    """The dates sit in a parenthesis after words of its own (``(EXC 2023)``): cutting them
    out would leave ``(EXC, )``, so the line stays whole (the dates are still read)."""
    opened = before.rfind("(")
    return (
        opened >= 0
        and ")" not in before[opened:]
        and bool(before[opened + 1 :].strip())
        and after.lstrip().startswith(")")
    )


_CHAIN = re.compile(
    r"^\s*(?:[(（][^()（）]*[)）])?\s*(?:->|→|[-–—~～])\s*([^()（）]+?)\s*"
    r"(?:[(（][^()（）]*[)）])?\s*$"
)


def _date_chain(after: str, dates: DateRange, text: str) -> tuple[DateRange, str] | None:
    """``2018.03.01 -> 2018.06.30（实习） -> 2019.05.20（在职）``: a range followed by more
    dated stages (intern, then employed) is one range to the last date; the chain as
    written, with its stage notes, is the note (x-note)."""
    m = _CHAIN.match(after)
    if m is None or dates.start is None:
        return None
    last = parse_range(m.group(1))
    if last is None or last.start is None or last.end is not None:
        return None
    chain = f"{text}{after}".strip()
    return DateRange(dates.start, last.start, False, False, chain, dates.span), chain


_CONNECTORS = {"awarded", "since", "from", "until", "received", "graduated in"}
_PAREN = re.compile(r"^\s*[(（]([^()（）]*)[)）]\s*$")


def _more_dates(head: list[Line], idx: int, dates: DateRange, text: str) -> tuple[DateRange, str]:
    """A second date-only line right after the first ("10/19 – 03/20<br>01/21 – 03/21")."""
    for j in (idx, idx + 1):
        if j >= len(head):
            continue
        second = head[j].plain.strip()
        found = parse_range(second)
        if found is None or found.start is None:
            continue
        head.pop(j)
        note = f"{text}; {second}"
        merged = DateRange(
            dates.start, found.end, found.open, dates.expected or found.expected, note, dates.span
        )
        return merged, note
    return dates, text


def _sep(before: Line, after: Line) -> Any:
    from resumeconv.importers.cvpage.inline import Run

    if not (before.plain and after.plain):
        return Run("")
    if after.plain.lstrip()[:1] in ")]）】" or before.plain.rstrip()[-1:] in "([（【":
        return Run("")  # "(EXC 2023)" cut: "(EXC)", not "(EXC, )"
    return Run(", ")


# ----------------------------------------------------------------------------- date fields


def apply_dates(entry: dict[str, Any], parts: Parts, kind: str) -> None:
    """Put the dates where the section keeps them (see docs/cv-page-import.md)."""
    d = parts.dates
    if d is None:
        if parts.note:
            entry["x-note"] = parts.note
        return
    if d.start is None and d.end is None:
        if parts.date_text:
            entry["x-note"] = _join_note(entry.get("x-note"), parts.date_text.strip("() :"))
        return
    entry.update(date_fields(kind, d.start, d.end, d.open, d.expected))
    if d.note:
        entry["x-note"] = _join_note(entry.get("x-note"), d.note)
    if parts.note:
        entry["x-note"] = _join_note(entry.get("x-note"), parts.note)


def _join_note(old: str | None, new: str) -> str:
    return f"{old}; {new}" if old else new


# ----------------------------------------------------------------------------- helpers


def _put(entry: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", []):
        entry[key] = value


def _clean(text: str) -> str:
    return text.strip().strip(",;:|–—-·•：，；、").strip()


def _first_url(lines: list[Line]) -> str | None:
    for line in lines:
        for _, url in line.links():
            if url.startswith(("http://", "https://")):
                return url
        url = F.find_url(line.plain)
        if url:
            return url
    return None


def _after_bold(line: Line) -> tuple[str, str]:
    """(bold prefix, the rest) of a line that starts in bold."""
    bold = line.bold_prefix()
    if not bold:
        return "", line.plain
    plain = line.plain
    idx = plain.find(bold)
    rest = plain[idx + len(bold) :] if idx >= 0 else plain
    return bold.strip(" :：,"), rest


def _is_bold_only(line: Line) -> bool:
    runs = [r for r in line.runs if r.text.strip(" ,:;")]
    return bool(runs) and all(r.bold for r in runs)


def _take_child_line(parts: Parts, accept: Callable[[str], bool]) -> str | None:
    """Consume the first plain, unlabelled bullet if ``accept`` likes it."""
    for i, child in enumerate(parts.children):
        if child.children or len(child.lines) != 1:
            return None
        text = child.lines[0].plain.strip()
        if F.split_label(text):
            continue
        if not accept(text):
            return None
        parts.children.pop(i)
        return text
    return None


def _sentence(text: str) -> bool:
    """Prose rather than a name: several words, no organisation word."""
    return len(text.split()) > 5 and not F.looks_like_org(text)


def _prose(text: str) -> bool:
    """Sentences, not a name: two full stops, or more than 20 words ("I led tours …")."""
    return (text.count(". ") >= 1 and text.rstrip().endswith(".")) or len(text.split()) > 20


def _short_name(text: str) -> bool:
    """Short enough to be a name, and not a sentence: no closing full stop, and not begun
    in lower case ("passed with the highest honours" is a remark, not a school)."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return (
        0 < len(text.split()) <= 12
        and not text.rstrip().endswith((".", "。"))
        and not (first.islower() and first.isascii())
    )


def _highlights(parts: Parts) -> list[str]:
    """Remaining head lines and every bullet, as highlight strings (label lines merged)."""
    return _merge_label_runs([line.linked() for line in parts.rest]) + parts.child_texts()


def _merge_label_runs(lines: list[str]) -> list[str]:
    """``["Responsibilities:", "a", "b"]`` → ``["Responsibilities: a; b"]``."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        text = lines[i]
        if text.endswith((":", "：")) and len(text) <= 60 and i + 1 < len(lines):
            j = i + 1
            group = []
            while j < len(lines) and not (lines[j].endswith((":", "：")) and len(lines[j]) <= 60):
                group.append(lines[j])
                j += 1
            out.append(text + " " + "; ".join(group))
            i = j
        else:
            out.append(text)
            i += 1
    return out


# ----------------------------------------------------------------------------- organisations


def _org_and_place(text: str) -> tuple[str, str]:
    bracket = _BRACKET_PLACE.search(text)
    if bracket and is_place(bracket.group(1)):  # "微软亚洲研究院（北京）"
        return text[: bracket.start()].strip(), bracket.group(1).strip()
    parts = F.split_parts(text, ",，")
    rest, place = F.split_location(parts)
    if not place:
        rest, place = _town_after_org(rest)
    return ", ".join(rest), place


_BRACKET_PLACE = re.compile(r"\s*[（(]([^()（）]{1,30})[)）]\s*$")


def _town_after_org(parts: list[str]) -> tuple[list[str], str]:
    """``Beispiel-Institut GmbH, Musterstadt``: a last part of one or two capitalised
    words with no organisation or role word, right after an organisation, is its town
    (the places table cannot know every town)."""
    if len(parts) < 2:
        return parts, ""
    last, before = parts[-1].strip(), parts[-2]
    words = last.split()
    if (
        0 < len(words) <= 2
        and all(w[:1].isupper() and not w.isupper() for w in words)  # "UCSF" is no town
        and not any(ch.isdigit() for ch in last)
        and F.looks_like_org(before)
        and not F.looks_like_org(last)
        and not F.looks_like_role(last)
        and not _AWARDER_WORDS.search(last)
    ):
        return parts[:-1], last
    return parts, ""


def _role_line(line: Line) -> tuple[str, str]:
    """(position, organisation text) of a work line."""
    bold, after = _after_bold(line)
    if bold:
        after_clean = after.strip()
        employer = re.match(r"^(?:for|with)\s+(?:the\s+)?(?=[A-Z\[])", after_clean)
        if employer:  # "**Knowledge Graph Engineer** for the Swiss Art Research …"
            return _clean(bold), _clean(after_clean[employer.end() :])
        if after_clean[:1].islower() and not after_clean.startswith(("at ", "@")):
            # "**Lecturer** of Physics"
            return _clean(bold + " " + after_clean), ""
        after_clean = re.sub(r"^[\s,;:|–—-]*(?:@|at\s)\s*", "", after_clean)
        return _clean(bold), _clean(after_clean)
    text = _without_link_labels(line)
    split = F.split_role_org(text) or _cjk_org_role(text)
    if split:
        return _clean(split[0]), _clean(split[1])
    parts = F.split_parts(text, ",，")
    if len(parts) > 1 and F.looks_like_role(parts[0]) and not F.looks_like_org(parts[0]):
        # "Research Fellow, Research Assistant, School of Biology, …": every title leading
        # the line is a position held there
        named, place = F.split_location(parts)
        last = len(named) - 1 if place and len(named) > 1 else len(parts) - 1
        n = 1  # the part before a place is the employer ("…, Google Research, Mountain View")
        while n < last and _another_title(parts[n]):
            n += 1
        return _clean(", ".join(parts[:n])), _clean(", ".join(parts[n:]))
    middle = _role_in_middle(parts)
    if middle is not None:
        return middle
    if F.looks_like_role(text) and not F.looks_like_org(text):
        return _clean(text), ""
    return "", _clean(text)


def _role_in_middle(parts: list[str]) -> tuple[str, str] | None:
    """ "네이버 클라우드, 책임연구원, 성남": the employer, the role, then only a short place —
    (role, employer and place)."""
    if len(parts) < 3 or F.looks_like_role(parts[0]):
        return None
    for i in range(1, len(parts) - 1):
        part = parts[i]
        if F.looks_like_role(part) and not F.looks_like_org(part):
            if all(len(p.split()) <= 2 and not F.looks_like_role(p) for p in parts[i + 1 :]):
                return _clean(part), _clean(", ".join(parts[:i] + parts[i + 1 :]))
            return None
    return None


_SERVICE_LABEL = re.compile(r"review|referee|editor|committee|organi[sz]|chair|member", re.I)


def _role_label(text: str) -> tuple[str, str] | None:
    """(role, organisations) of "Reviewer: A, B" or "Journal reviewing: A, B": a label of a
    few words that names a role or a service, before what it was done for."""
    found = F.split_label(text)
    if found is None or not found[1].strip() or len(found[0].split()) > 4:
        return None
    label = found[0].strip(" *_")
    if F.looks_like_org(label) or not (F.looks_like_role(label) or _SERVICE_LABEL.search(label)):
        return None
    return _clean(label), _clean(found[1])


def _is_italic_only(line: Line) -> bool:
    runs = [r for r in line.runs if r.text.strip(" ,:;()")]
    return bool(runs) and all(r.italic and not r.bold for r in runs)


def _bold_org_italic_role(parts: Parts) -> tuple[str, str] | None:
    """``**Corner Bakery** *(2022)*`` over ``*Baker*``: the bold line names the employer and
    the italic line under it the role (position, organisation), the italic line taken. When
    the words say the other way round (``**Research Intern**`` over ``*arXiv*``) they win."""
    if parts.main is None or not parts.rest:
        return None
    place = _place_after_bold(parts.main)
    if place is None or not _is_italic_only(parts.rest[0]):
        return None
    bold, italic = _clean(parts.main.bold_prefix()), _clean(parts.rest[0].plain)
    if not bold or not italic or F.split_label(italic):
        return None
    parts.rest.pop(0)
    bold_role = F.looks_like_role(bold) and not F.looks_like_org(bold)
    italic_org = F.looks_like_org(italic) and not F.looks_like_org(bold)
    if (bold_role or italic_org) and not F.looks_like_role(italic):
        return bold, ", ".join(p for p in (italic, place) if p)
    return italic, ", ".join(p for p in (bold, place) if p)


def _place_after_bold(line: Line) -> str | None:
    """What follows a bold name on its line when it is only a place ("**Argonne National
    Laboratory**, Lemont, IL"): "" for a bold-only line, None when other text follows."""
    if _is_bold_only(line):
        return ""
    bold = line.bold_prefix()
    if not bold or not line.plain.lstrip().startswith(bold):
        return None
    after = line.plain.lstrip()[len(bold) :].strip()
    if not after.startswith((",", "，", "|", "–", "-")):
        return None
    place = after.lstrip(",，|–- ").strip()
    words = place.split()
    if not place or len(words) > 5 or re.search(r"\d", place) or F.looks_like_role(place):
        return None
    return place


_POSITION_LABELS = ("position", "role", "title", "job title", "职位", "职务", "岗位")


def _take_labelled_child(parts: Parts, labels: tuple[str, ...]) -> str:
    """The value of a ``Position: …`` bullet, which is taken; lines broken off under it
    ("cooperating closely with …") stay a highlight in its place."""
    for i, child in enumerate(parts.children):
        if child.children or not child.lines:
            continue
        label = F.split_label(child.lines[0].plain)
        if label and label[0].lower() in labels and label[1]:
            if len(child.lines) > 1:
                parts.children[i] = Item(child.start, child.end, child.lines[1:], [])
            else:
                parts.children.pop(i)
            return _clean(label[1])
    return ""


#: Link texts that only say "here is a link" (the URL is the entry's ``url``).
_LINK_LABELS = frozenset(
    {"主页", "官网", "网站", "链接", "homepage", "home page", "website", "web", "link", "url",
     "site", "ホームページ", "홈페이지", "pdf", "paper", "slides", "poster", "thesis", "code",
     "video", "preprint", "arxiv", "doi", "demo", "docs", "repo", "source", "github"}
)  # fmt: skip


def _without_link_labels(line: Line) -> str:
    """The line's text without links whose text is only a label (``公司[主页](…)-职位``)."""
    runs = line.runs
    if not any(r.href is not None for r in runs):
        return line.plain
    kept = [r.text for r in runs if r.href is None or r.text.strip().lower() not in _LINK_LABELS]
    return " ".join("".join(kept).split())


_CJK_JOIN = re.compile(r"\s+|(?<=[^\x00-\x7f])[-－—–](?=[^\x00-\x7f])")


def _cjk_org_role(text: str) -> tuple[str, str] | None:
    """(position, organisation) of a CJK line that joins them with a space or a dash:
    ``例示研究所 研究員``, ``株式会社サンプル　インターン``, ``示例科技有限公司-算法实习生``
    (or the role first: ``研究员-示例研究院``)."""
    text = text.strip()
    if text.isascii():
        return None
    cuts = list(_CJK_JOIN.finditer(text))
    if not cuts:
        return None
    cut = cuts[-1]
    left, right = text[: cut.start()].strip(), text[cut.end() :].strip()
    if not left or not right:
        return None
    # the role may name its unit ("网络数据中心实习生"): what it ends with decides
    role_right = F.looks_like_role(right) and not F.looks_like_org(right[-3:])
    if role_right and (F.looks_like_org(left) or not F.looks_like_role(left)):
        return right, left  # "腾讯　工程师": what a role follows is the employer
    if F.looks_like_role(left) and not F.looks_like_org(left) and F.looks_like_org(right):
        return left, right
    return None


def _another_title(part: str) -> bool:
    """A short job title after the first ("Research Assistant", "Lab Manager": it ends in a
    role word), not a course or a unit."""
    words = part.split()
    return 0 < len(words) <= 4 and F.looks_like_role(words[-1])


_HONOURS = re.compile(
    r"^(?:(?:summa|magna)\s+)?cum\s+laude$|^with\s+(?:high(?:est)?\s+)?(?:honou?rs|distinction)$"
    r"|^first[- ]class(?:\s+honou?rs)?$|^(?:high|highest)\s+honou?rs$",
    re.I,
)


def _without_honours(area: str) -> tuple[str, str]:
    """ "Chemistry, magna cum laude" → ("Chemistry", "magna cum laude"): an honour is no
    part of the subject."""
    pieces = F.split_parts(area, ",，")
    honours = [p for p in pieces if _HONOURS.match(p.strip())]
    if not honours or len(honours) == len(pieces):
        return area, ""
    return ", ".join(p for p in pieces if p not in honours), ", ".join(honours)


def _only_place(text: str) -> bool:
    """``text`` names a place only ("London, UK", "Lemont, IL"): known places, or a town of
    a word or two before a US state code."""
    pieces = [p.strip() for p in F.split_parts(text, ",，")]
    if pieces and all(is_place(p) for p in pieces):
        return True
    if len(pieces) != 2 or pieces[1] not in US_STATES:
        return False  # "Citibank, Madrid", "Deloitte, Luxembourg": an employer and its place
    town = pieces[0].split()
    return (
        0 < len(town) <= 2
        and all(w[:1].isupper() for w in town)
        and not (F.looks_like_role(pieces[0]) or F.looks_like_org(pieces[0]))
    )


_AMOUNT = re.compile(
    r"^(?:[$€£¥]\s?\d[\d,.]*\s*(?:[kKmM]\b|USD|EUR|CAD|GBP|CHF)?|\d[\d,.]*\s*(?:USD|EUR|CAD|GBP|CHF|€|k€))$"
)


def _without_amount(title: str) -> tuple[str, str]:
    """ "Example Grant ($5,000)", "Example Grant, $68,000": the amount is the award's
    summary, not its name."""
    m = re.search(r"\s*[(（]([^()（）]+)[)）]\s*$", title)
    if m and _AMOUNT.match(m.group(1).strip()):
        return title[: m.start()].strip(), m.group(1).strip()
    pieces = F.split_parts(title, ",，")
    if len(pieces) > 1 and _AMOUNT.match(pieces[-1].strip()):
        return ", ".join(pieces[:-1]), pieces[-1].strip()
    return title, ""


_MEMBER = re.compile(r"^(.+?)\s+((?:Senior |Student |Life |Associate )?(?:Member|Fellow))$")


def interpret_mentee(parts: Parts) -> dict:
    """A line under "Mentoring" / "Supervised students": the person and their programme
    are the entry's summary (its dates the mentoring's); no employer is read into it."""
    entry: dict[str, Any] = {}
    lines = ([parts.main] if parts.main is not None else []) + parts.rest
    text = "; ".join(_clean(line.linked()).strip(" ,;") for line in lines if line)
    _put(entry, "summary", text)
    apply_dates(entry, parts, "work")
    _put(entry, "highlights", parts.child_texts())
    return entry


def interpret_work(
    parts: Parts, *, teaching: bool = False, org_key: str = "name", org_heading: bool = False
) -> dict:
    """A job: position, organisation, place, dates, highlights (also volunteer).
    ``org_heading``: a sub-heading above names the employer (no bullet is taken for it)."""
    entry: dict[str, Any] = {}
    position, org = ("", "")
    styled = _bold_org_italic_role(parts)
    labelled = _take_labelled_child(parts, _POSITION_LABELS)
    if labelled and parts.main is not None:
        # "dates: **Example AI Laboratory** (EAIL)" over "Position: part-time engineer"
        position, org = labelled, _clean(parts.main.plain)
    elif styled is not None:
        position, org = styled
    elif parts.main is not None and (role_label := _role_label(parts.main.plain)):
        # "Reviewer: *Language*, *Journal of Phonetics*": the role, then where it was held
        position, org = role_label
    elif parts.main is not None:
        position, org = _role_line(parts.main)
        role_like = F.looks_like_role(org) or not F.looks_like_org(org)
        if parts.date_led and not position and not parts.rest and role_like:
            first = _take_child_line(parts, lambda t: _short_name(t) or F.looks_like_org(t))
            if first:
                position, org = org, first
    first_rest = parts.rest[0].plain if parts.rest else ""
    if (
        parts.main is not None
        and not position
        and org
        and parts.rest
        and (_is_bold_only(parts.rest[0]) or F.looks_like_role(first_rest))
        and not F.split_label(first_rest)  # "Responsibilities: …" describes, names no role
    ):
        # "Cloud Storage Innovation Lab, Huawei Cloud" with the role on its own line
        position = _clean(parts.rest.pop(0).plain)
    elif (
        position
        and not org
        and parts.rest
        and not F.split_label(first_rest)
        and (_short_name(first_rest) or F.looks_like_org(first_rest))
    ):
        org = _clean(parts.rest.pop(0).plain)
    if org and not F.looks_like_org(org) and _only_place(org):
        # "*Research Scientist*" over "London, UK · 2022 – Present": a place, no employer
        entry["location"] = org
        org = ""
    if not position and org:
        # "华东理工大学党委研究生工作部，助管", "Office of Career Planning …, Deputy Director":
        # the organisation, then the role held there
        pieces = F.split_parts(org, ",，")
        last = pieces[-1] if len(pieces) > 1 else ""
        head = last.split(" of ", 1)[0]  # "Deputy Director of Animation Department"
        if head and F.looks_like_role(head) and not F.looks_like_org(head):
            position, org = last, ", ".join(pieces[:-1])
    if not position:
        position = (
            _take_child_line(parts, lambda t: F.looks_like_role(t) and not F.looks_like_org(t))
            or ""
        )
    child_place = ""
    if position:
        child_place = _take_child_line(parts, F.looks_like_place_line) or ""
    if not org and position and not org_heading:
        # after a place bullet, only a bullet that names an organisation is the employer
        short = (lambda t: False) if child_place else _short_name
        org = (
            _take_child_line(
                parts,
                lambda t: (
                    (short(t) or F.looks_like_org(t)) and find_range(t) is None and not _prose(t)
                ),
            )
            or ""
        )
    name, place = _org_and_place(org) if org else ("", "")
    place = ", ".join(p for p in (place, child_place) if p)
    summary = ""
    if teaching and name:
        course_parts = [p for p in F.split_parts(name, ",，") if not F.looks_like_org(p)]
        org_parts = [p for p in F.split_parts(name, ",，") if F.looks_like_org(p)]
        if course_parts and org_parts:
            summary, name = ", ".join(course_parts), ", ".join(org_parts)
    bold_led = parts.main is not None and bool(parts.main.bold_prefix())
    if position and not name and not place and len(position.split()) > 6 and not bold_led:
        summary, position = position, ""
    if not position and name and not place and _sentence(name):
        summary, name = name, ""
    member = _MEMBER.match(position) if position and not name else None
    if member and (member.group(1).isupper() or F.looks_like_org(member.group(1))):
        name, position = member.group(1), member.group(2)  # "IEEE Member": IEEE, Member
    urls = parts.main.links() if parts.main is not None else []
    _put(entry, org_key, name)
    _put(entry, "position", position)
    if org_key == "name":
        _put(entry, "location", place)
    elif place:
        entry[org_key] = f"{name}, {place}" if name else place
    if urls and urls[0][1].startswith(("http://", "https://")):
        entry["url"] = urls[0][1]
    _put(entry, "summary", summary)
    apply_dates(entry, parts, "volunteer" if org_key == "organization" else "work")
    _put(entry, "highlights", _highlights(parts))
    return entry


def split_grouped_roles(parts: Parts) -> list[Parts] | None:
    """An organisation bullet whose sub-bullets are dated roles → one Parts per role."""
    if parts.dates is not None or parts.main is None:
        return None
    dated = [i for i, c in enumerate(parts.children) if c.lines and _leading_date(c.lines[0])]
    if not dated:
        return None
    groups: list[Parts] = []
    for n, idx in enumerate(dated):
        stop = dated[n + 1] if n + 1 < len(dated) else len(parts.children)
        child = parts.children[idx]
        line = child.lines[0]
        found = _leading_date(line)
        assert found is not None
        role = line.cut(found.span[1])
        extra = [Item(c.start, c.end, c.lines, c.children) for c in parts.children[idx + 1 : stop]]
        head = Line(role.runs, line.lineno)
        sub = Parts(head, [], list(child.children) + extra, found, line.plain[slice(*found.span)])
        sub.org_line = parts.main
        groups.append(sub)
    before = parts.children[: dated[0]]
    if before and groups:
        groups[0].children = before + groups[0].children
    return groups


def _leading_date(line: Line) -> DateRange | None:
    found = find_range(line.plain)
    if found is None or found.span[0] > 1:
        return None
    return found


def interpret_grouped_role(parts: Parts, org_line: Line, org_key: str = "name") -> dict:
    head = _clean(org_line.plain)
    if F.looks_like_role(head) and not F.looks_like_org(head):
        # "Teaching Assistant" with the dated courses below it
        entry: dict[str, Any] = {"position": head}
        if parts.main is not None:
            _put(entry, "summary", _clean(parts.main.linked()))
        apply_dates(entry, parts, "volunteer" if org_key == "organization" else "work")
        _put(entry, "highlights", _highlights(parts))
        return entry
    entry = interpret_work(parts, org_key=org_key)
    name, place = _org_and_place(_clean(org_line.plain))
    role = entry.pop(org_key, "")
    position = entry.get("position") or role
    result: dict[str, Any] = {}
    _put(result, org_key, name)
    _put(result, "position", position)
    if org_key == "name":
        _put(result, "location", place)
    for key, value in entry.items():
        if key not in result and key != "location":
            result[key] = value
    return result


# ----------------------------------------------------------------------------- education


#: Words that label a degree's score ("GPA: 3.9", "Note 1,3", "成绩：90").
SCORE_LABELS = ("GPA", "CGPA", "Grade", "Note", "Score", "绩点", "成绩")


@cache
def _score() -> re.Pattern[str]:
    """Compiled on first use: only education entries need it."""
    labels = "|".join(SCORE_LABELS)
    return re.compile(rf"\b({labels})\s*[:：]?\s*([0-9][0-9.,/ ]*[0-9])", re.I)


_COURSES = ("course", "coursework", "课程")


def _cut_score(line: Line, entry: dict[str, Any]) -> Line:
    """The degree line without its score part ("…, West Lafayette, IN, GPA: 3.92/4.00"):
    the score goes to ``entry``, so that the place before it is read as the place."""
    plain = line.plain
    m = _score().search(plain)
    if m is None:
        return line
    start, end = m.start(), m.end()
    opening = plain[:start].rstrip()[-1:]
    if opening in ("(", "（") and plain[end:].lstrip()[:1] in (")", "）"):
        start = plain[:start].rstrip().rfind(opening)  # "学士（GPA：3.9/4.0）"
        end = plain.find(")" if opening == "(" else "）", end) + 1
    if plain[end:].strip(" .;"):
        return line  # only a score that ends the line is cut here; others stay text
    comma = plain.rfind(",", 0, start)
    start = comma if comma >= 0 and not plain[comma + 1 : start].strip() else start
    entry["score"] = m.group(2).strip()
    return line.cut(0, start)


def interpret_education(parts: Parts, *, under_institution: bool = False) -> dict:
    """A degree: studyType, area, institution, place, dates, score, courses, highlights.
    ``under_institution``: the entry's institution is the line above it (no search for one)."""
    entry: dict[str, Any] = {}
    if parts.main is not None:
        parts.main = _cut_score(parts.main, entry)
    lines = ([parts.main] if parts.main is not None else []) + parts.rest
    degree = area = institution = place = ""
    used: set[int] = set()
    for idx, line in enumerate(lines):
        text = _without_link_labels(line)  # "…, 2024 [thesis](…)": the link is the url
        left, right = _split_at(text)
        found = _find_degree(left)
        if found is None:
            continue
        degree, area, others = found
        if idx > 0 and not right and _institution_line(lines[0]):
            # "**Hills Road Sixth Form College**" over "*A-Levels in Maths, Physics, …*": the
            # line above names the school, every part here is the subject
            area = ", ".join(p for p in [area, *others] if p)
            institution, place = _org_and_place(_clean(lines[0].plain))
            used.update((0, idx))
            break
        inst_text = ", ".join([*others, right] if right else others)
        if inst_text:
            institution, place = _org_and_place(inst_text)
        used.add(idx)
        break
    if not degree and lines:
        head = lines[0].plain
        left, right = _split_at(head)
        parts_ = F.split_parts(left, ",，")
        orgs = [p for p in parts_ if F.looks_like_org(p)]
        if right:
            institution, place = _org_and_place(right)
            degree = left
            used.add(0)
        elif orgs:
            first_org = parts_.index(orgs[0])
            what, at_org = _degree_at_org(parts_[first_org])
            rest_orgs = [at_org] if at_org else []
            institution, place = _org_and_place(", ".join(rest_orgs + parts_[first_org + 1 :]))
            what = ", ".join([*parts_[:first_org], what] if what else parts_[:first_org])
            degree, _, area = what.partition(" in ")
            used.add(0)
        elif " in " in head and len(parts_) == 1:
            degree, area = head.split(" in ", 1)
            used.add(0)
    if not degree and not institution and lines:
        degree = _clean(lines[0].plain)
        used.add(0)
    if degree and not institution and not under_institution:
        for idx, line in enumerate(lines):
            if idx in used:
                continue
            text = _clean(line.plain)
            named = F.looks_like_org(text) or (_short_name(text) and len(text.split()) <= 5)
            if named and not F.split_label(text) and not _score().search(text):
                institution, place = _org_and_place(text)
                used.add(idx)
                break
        if not institution:
            taken = _take_child_line(parts, lambda t: F.looks_like_org(t) or _short_name(t))
            if taken:
                institution, place = _org_and_place(taken)
    if institution and not degree:
        for idx, line in enumerate(lines):
            if idx in used:
                continue
            found = _find_degree(line.plain)
            if found:
                degree, area, others = found
                if others:
                    area = ", ".join([area, *others]) if area else ", ".join(others)
                used.add(idx)
                break
        if not degree:
            for i, child in enumerate(parts.children):
                if child.lines and not child.children and _find_degree(child.lines[0].plain):
                    found = _find_degree(child.lines[0].plain)
                    assert found is not None
                    degree, area, others = found
                    if others:
                        area = ", ".join([area, *others]) if area else ", ".join(others)
                    parts.children.pop(i)
                    break
    institution, score = _score_in_brackets(institution)
    if score:
        entry["score"] = score
    institution, remark = _first_sentence(institution)
    if remark and not place:
        institution, place = _org_and_place(institution)
    lead = _LEAD_WORDS.match(institution)
    if lead and lead.group(1):  # "jointly at Stockholm University and …": kept as said
        remark = "; ".join(p for p in (_clean(institution), remark) if p)
    _put(entry, "institution", _drop_full_stop(_without_article(_clean(institution))))
    url = _first_url([lines[i] for i in sorted(used)]) if used else None
    _put(entry, "url", url)
    degree, area = _school_subjects(_clean(degree), _clean(area))
    area, honours = _without_honours(area)
    _put(entry, "area", area)
    _put(entry, "studyType", degree)
    if place:
        entry["x-location"] = place
    apply_dates(entry, parts, "education")
    note = entry.get("x-note")
    found = _score().fullmatch(note.strip()) if isinstance(note, str) else None
    if found and "score" not in entry:  # "…, 2018 (GPA: 3.92/4.00)"
        entry["score"] = found.group(2).strip()
        del entry["x-note"]
    notes: list[str] = [p for p in (honours, remark) if p]
    for idx, line in enumerate(lines):
        if idx in used:
            continue
        text = line.linked()
        score = _score().search(line.plain)
        if score and "score" not in entry:
            entry["score"] = score.group(2).strip()
            remainder = _clean(line.plain[: score.start()] + line.plain[score.end() :])
            remainder = re.sub(r"([.;,])(?:\s*[.;,])+\s*$", r"\1", remainder)  # "Osei. ."
            if remainder:
                notes.append(remainder)
            continue
        label = F.split_label(line.plain)
        if label and any(w in label[0].lower() for w in _COURSES) and "courses" not in entry:
            entry["courses"] = F.split_keywords(label[1])
            continue
        notes.append(text)
    _degree_field_bullets(entry, parts)
    notes = _merge_label_runs(notes) + parts.child_texts()
    _put(entry, "x-highlights", notes)
    return entry


def split_grouped_degrees(parts: Parts) -> list[Parts] | None:
    """An institution bullet whose sub-bullets are degrees (``* **Example University**`` over
    ``* Ph.D in Physics, 2020 - now`` and ``* B.Sc. in Physics, 2016 - 2020``): one Parts per
    degree, each with the institution's line; bullets that are no degree stay with the degree
    above them (the first one's when they come first)."""
    if parts.dates is not None or parts.main is None or parts.rest:
        return None
    if _find_degree(parts.main.plain) is not None:
        return None
    heads = [
        i
        for i, c in enumerate(parts.children)
        if c.lines and _find_degree(_without_dates(c.lines[0].plain)) is not None
    ]
    if not heads:
        return None
    groups: list[Parts] = []
    for n, idx in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(parts.children)
        child = parts.children[idx]
        sub = cut_dates(list(child.lines), list(child.children) + parts.children[idx + 1 : stop])
        sub.org_line = parts.main
        groups.append(sub)
    groups[0].children = parts.children[: heads[0]] + groups[0].children
    return groups


def _without_dates(text: str) -> str:
    found = find_range(text)
    return text if found is None else text[: found.span[0]] + text[found.span[1] :]


def interpret_grouped_degree(parts: Parts, org_line: Line) -> dict:
    """A degree under its institution's line: the line names the institution and its place."""
    entry = interpret_education(parts, under_institution=True)
    if "institution" in entry:
        return entry
    institution, place = _org_and_place(_clean(org_line.plain))
    result: dict[str, Any] = {}
    _put(result, "institution", institution)
    if place and "x-location" not in entry:
        result["x-location"] = place
    links = org_line.links()
    if links and links[0][1].startswith(("http://", "https://")) and "url" not in entry:
        result["url"] = links[0][1]
    result.update(entry)
    return result


def _degree_field_bullets(entry: dict[str, Any], parts: Parts) -> None:
    """``GPA: 3.7 (major), 3.5 (overall)`` and ``Relevant coursework: a, b`` bullets under a
    degree are its ``score`` and ``courses`` (the whole value: no part of it is lost); the
    other bullets (Thesis, Advisor, Minor) stay its highlights."""
    for child in list(parts.children):
        if child.children or len(child.lines) != 1:
            continue
        label = F.split_label(child.lines[0].plain)
        if label is None or not label[1]:
            continue
        name = label[0].lower()
        if "score" not in entry and _score().match(child.lines[0].plain):
            entry["score"] = label[1]
        elif "courses" not in entry and any(w in name for w in _COURSES):
            entry["courses"] = F.split_keywords(label[1])
        else:
            continue
        parts.children.remove(child)


def _institution_line(line: Line) -> bool:
    """A head line that is only a bold name, or names an organisation, and no degree."""
    text = _clean(line.plain)
    return bool(text) and (_is_bold_only(line) or F.looks_like_org(text)) and not _find_degree(text)


def _degree_at_org(part: str) -> tuple[str, str]:
    """``Professional Business Baccalaureate at the Ecole professionnelle (EPAC)`` → (what,
    organisation) when the part is a qualification "at" an organisation; else ("", part)."""
    lead = re.match(r"^(?:at|@)\s+(?:the\s+)?", part, re.I)
    if lead and F.looks_like_org(part):
        return "", part[lead.end() :]  # "…, at the Berlin State Library"
    split = F.split_role_org(part) if re.search(r"\s(?:at|@)\s", part) else None
    if split and F.looks_like_org(split[1]) and not F.looks_like_org(split[0]):
        return split[0], split[1]
    return "", part


def _without_article(name: str) -> str:
    """``the School of Computer Science, …`` → ``School of Computer Science, …``, ``jointly at
    Stockholm University`` → ``Stockholm University``: lower-case words before a name are
    the sentence's ("The University of Edinburgh" keeps its article)."""
    lead = _LEAD_WORDS.match(name)
    name = name[lead.end() :] if lead else name
    return name[4:] if name.startswith("the ") else name


_LEAD_WORDS = re.compile(r"^(?:([a-z]+)\s+)?(?:at|in)\s+(?=\S)|^the\s+")


#: The end of a sentence inside a wrapped paragraph: "Stockholm University. My supervisors
#: are …" (a word of three letters or more, a full stop, a capitalised word and a lower-case
#: one; "Univ. Of Toronto" is no end).
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z][a-z]*\s+[a-z0-9])")


def _first_sentence(text: str) -> tuple[str, str]:
    """(the name, the sentences after it): a school's line that goes on as prose."""
    m = _SENTENCE_END.search(text)
    if m is None:
        return text, ""
    return text[: m.start()].strip(), text[m.end() :].strip()


def _drop_full_stop(name: str) -> str:
    """``Example University.`` (a sentence's end) → ``Example University``; an abbreviation
    keeps its dot (``Acme Corp.``, ``Univ.``)."""
    words = name.split()
    if name.endswith(".") and words and len(words[-1]) > 5 and words[-1][:-1].isalpha():
        return name[:-1]
    return name


def _score_in_brackets(institution: str) -> tuple[str, str]:
    """``Beispiel-Universität Musterstadt (Note: 1,3)`` → the institution and the score
    "1,3" (a grade written in brackets after the school, as German CVs do)."""
    m = re.search(r"\s*[(（]([^()（）]*)[)）]\s*$", institution)
    if not m:
        return institution, ""
    score = _score().search(m.group(1))
    if not score:
        return institution, ""
    return institution[: m.start()].strip(), score.group(2).strip()


def _split_at(text: str) -> tuple[str, str]:
    """``"MEng Computer Science @ University of Warwick"`` → both sides of the @."""
    m = re.search(r"\s@\s", text)
    if m:
        return text[: m.start()].strip(), text[m.end() :].strip()
    m = re.search(r"\(([^()]*)\)\s*$", text)
    if m and F.looks_like_org(m.group(1)):
        return text[: m.start()].strip(), m.group(1).strip()
    return text, ""


def _find_degree(text: str) -> tuple[str, str, list[str]] | None:
    """(degree, area, the other comma parts) when some part of ``text`` names a degree."""
    parts = F.split_parts(text, ",，")
    for i, part in enumerate(parts):
        found = _qualified_degree(part)
        if found is None:
            continue
        degree, area = _degree_abbreviation(*found)
        degree, area = _second_degree(degree, area)
        status = _DEGREE_STATUS.match(area)
        if status:  # "PhD student in Statistics": the degree under way, in Statistics
            degree, area = f"{degree} {status.group(1)}", area[status.end() :]
        level = _DEGREE_LEVEL.match(area)
        if level:  # "Master 2 Physique …": the year of the programme is the degree's
            degree, area = f"{degree} {level.group(1)}", area[level.end() :]
        area = _AREA_JOIN.sub("", area)  # "BA (Hons) in History", "Licence de Physique"
        others = parts[:i] + parts[i + 1 :]
        area, others = _area_or_institution(area, others)
        while others and i == 0 and _AREA_TAIL.match(others[0]) and not F.looks_like_org(others[0]):
            area = f"{area}, {others.pop(0)}" if area else others.pop(0)
        if i == 0 and area:
            area, others = _area_list(area, others)
        if not area and others and not F.looks_like_org(others[0]) and i == 0:
            area, others = others[0], others[1:]
        if not area and i > 0:
            area, others = _area_before_degree(parts[:i], others)
        if area and all(is_place(o) for o in others):  # "서울대학교 컴퓨터공학 박사, 서울"
            inst = _cjk_institution(area)
            if inst:
                return degree, area[len(inst) :].strip(), [inst, *others]
        return degree, area, others
    return None


_DEGREE_LEVEL = re.compile(r"^([12]|I{1,2})\s+(?=[^\W\d])")
_AREA_JOIN = re.compile(r"^(?:in|of|en|de|d'|du|des|em|da|do|im|in der|für)\s+(?=\S)", re.I)
_DEGREE_STATUS = re.compile(r"^(student|candidate)\s+(?:in|of)\s+(?=\S)", re.I)
_DEGREE_JOIN = re.compile(r"^(?:(?:and|&|/|\+|und|et|y)\s*)?", re.I)


def _second_degree(degree: str, area: str) -> tuple[str, str]:
    """A dual degree: ``B.S M.S. in Physics`` or ``B.S. and M.S. in Physics`` is one entry
    whose studyType names both ("B.S M.S.") and whose area is Physics, not "M.S. in …"."""
    join = _DEGREE_JOIN.match(area)
    rest = area[join.end() :] if join else area
    second = _qualified_degree(rest) if rest else None
    if second is None or not second[0] or not rest.startswith(second[0]):
        return degree, area
    between = area[: join.end()].strip() if join else ""
    return " ".join(p for p in (degree, between, second[0]) if p), second[1]


_QUALIFIERS = ("visiting", "exchange", "joint", "dual", "integrated", "double")


def _qualified_degree(part: str) -> tuple[str, str] | None:
    """A degree, also after a qualifier word: ``Visiting Ph.D in …`` → ("Visiting Ph.D", …)."""
    found = split_degree(part)
    if found is not None:
        return found
    first, _, rest = part.partition(" ")
    if first.lower() in _QUALIFIERS and rest:
        found = split_degree(rest)
        if found is not None:
            return f"{first} {found[0]}", found[1]
    return None


def _area_or_institution(area: str, others: list[str]) -> tuple[str, list[str]]:
    """What follows a degree may be the institution: ``Ph.D in Example Institute of Science``,
    ``M.Sc. Example University`` (the other parts name no organisation), or end in it:
    ``PhD in Digital Humanities at the University of Basel``."""
    split = F.split_role_org(area) if re.search(r"\s(?:at|@)\s", area) else None
    if split and F.looks_like_org(split[1]):
        return split[0], [split[1], *others]
    if (
        F.looks_like_org(area)
        and not any(F.looks_like_org(o) for o in others)
        and not _cjk_institution(area)  # "复旦大学计算机科学": institution, then subject
    ):
        return "", [area, *others]
    return area, others


def _degree_abbreviation(degree: str, area: str) -> tuple[str, str]:
    """``Master of Chemistry (MChem)``: the parenthesis names the degree, it is no subject."""
    m = re.match(r"^([(（][^()（）]{1,15}[)）])\s*(.*)$", area)
    if m:
        return f"{degree} {m.group(1)}", m.group(2).strip(" ,")
    return degree, area


def _area_list(area: str, others: list[str]) -> tuple[str, list[str]]:
    """``B.Sc. in Biology, Ecology and Conservation, Example University``: the parts between
    the subject and the first organisation are more subjects (never a place)."""
    orgs = [k for k, o in enumerate(others) if F.looks_like_org(o)]
    if not orgs and others and _LIST_END.match(others[-1]):
        orgs = [len(others)]  # "A-Levels in Maths, Physics, and EPQ": all subjects, no school
    if not orgs or orgs[0] == 0:
        return area, others
    between = others[: orgs[0]]
    if any(F.is_place_part(b) or find_range(b) or F.split_label(b) for b in between):
        return area, others
    return ", ".join([area, *between]), others[orgs[0] :]


def _school_subjects(degree: str, area: str) -> tuple[str, str]:
    """A school-leaving qualification has subjects, not an area of study: "A-Levels in
    Maths, Physics, and EPQ" stays the qualification's name as written (golden c33)."""
    if area and _SCHOOL.match(degree):
        return f"{degree} in {area}", ""
    return degree, area


_SCHOOL = re.compile(
    r"^(?:A-Levels?|AS-Levels?|GCSEs?|IGCSEs?|IB|International Baccalaureate)$", re.I
)
_LIST_END = re.compile(r"^(?:and|&)\s+\S", re.I)


def _area_before_degree(before: list[str], others: list[str]) -> tuple[str, list[str]]:
    """``示例大学，电子工程，博士`` (school, subject, degree): the part right before the
    degree is the subject when it is no organisation and an organisation precedes it."""
    last = before[-1]
    subject = not F.looks_like_org(last) and not is_place(last)  # "Shenzhen": a place
    if len(before) >= 2 and F.looks_like_org(before[0]) and subject:
        return last, [p for p in others if p is not last]
    return "", others


_AREA_TAIL = re.compile(r"^(?:(?i:minor|major|specialization|concentration)\b|[a-z])")
_CJK_ORG_END = re.compile(r"^(.+?(?:大学|学院|研究所|研究院|学校|대학교|대학원|대학|연구소))(.+)$")


def _cjk_institution(text: str) -> str | None:
    """The school at the start of a CJK degree text: its first space-separated segment
    when that names a school (``例示大学大学院 情報学研究科`` → ``例示大学大学院``), else
    the text up to the first school word (``示例大学人工智能学院…``)."""
    first = text.split()[0] if text.split() else ""
    if first != text and _CJK_ORG_END.match(first + " ") and not first.isascii():
        return first
    m = _CJK_ORG_END.match(text)
    return m.group(1) if m else None


# ----------------------------------------------------------------------------- awards


def interpret_award(parts: Parts) -> dict:
    entry: dict[str, Any] = {}
    title = summary = awarder = ""
    url = None
    if parts.main is not None:
        links = parts.main.links()
        plain = parts.main.plain
        bold, after = _after_bold(parts.main)
        if links and plain.strip().startswith(links[0][0]) and links[0][0]:
            title = links[0][0]
            summary = _clean(plain.strip()[len(title) :])
            url = links[0][1]
        elif bold:
            title, summary = bold, _clean(after)
            sub = F.split_parts(title, ",，")
            if len(sub) > 1 and F.looks_like_org(", ".join(sub[1:])):
                title, awarder = sub[0], ", ".join(sub[1:])
        else:
            title = _clean(_without_link_labels(parts.main))  # "[slides](…)": a link, no word
            url = links[0][1] if links else None
            title, awarder, note = split_title_awarder(title, tuple(t for t, _ in links))
            summary = summary or note
            if not awarder:
                title, awarder = _cjk_awarder_title(title)
        if summary and not awarder:
            sub = F.split_parts(summary, ",，")
            if sub and F.looks_like_org(sub[0]):
                awarder, summary = summary, ""
    if not awarder:
        awarder = (
            _take_child_line(parts, lambda t: F.looks_like_org(t) or len(t.split()) <= 6) or ""
        )
    title, amount = _without_amount(_clean(title))
    _put(entry, "title", title)
    _put(entry, "awarder", _clean(awarder))
    apply_dates(entry, parts, "awards")
    notes = [p for p in (amount, _clean(summary)) if p]
    notes += _merge_label_runs([line.linked() for line in parts.rest]) + parts.child_texts()
    if notes:
        entry["summary"] = "\n".join(n for n in notes if n)
    if url and url.startswith(("http://", "https://")):
        entry["x-url"] = url
    return entry


# ----------------------------------------------------------------------------- label lists

#: ``Label: value`` bullets that together describe one entry, by section: label → field.
LABEL_FIELDS: dict[str, dict[str, str]] = {
    "certificates": {
        "title": "name", "name": "name", "certificate": "name", "certification": "name",
        "issuer": "issuer", "issued by": "issuer", "provider": "issuer",
        "organization": "issuer", "organisation": "issuer", "authority": "issuer",
        "issued": "date", "date": "date", "awarded": "date", "completed": "date",
        "url": "url", "link": "url", "credential": "url", "credential url": "url",
    },
    "awards": {
        "title": "title", "name": "title", "award": "title", "prize": "title",
        "awarder": "awarder", "issuer": "awarder", "awarded by": "awarder",
        "organization": "awarder", "organisation": "awarder", "from": "awarder",
        "date": "date", "awarded": "date", "issued": "date", "year": "date",
        "url": "x-url", "link": "x-url",
    },
}  # fmt: skip


def label_of(line: Line, key: str) -> str | None:
    """The field a ``**Issuer:** [Example Academy]`` line names in section ``key``, if any."""
    label = F.split_label(line.plain)
    if label is None or not label[1]:
        return None
    return LABEL_FIELDS.get(key, {}).get(label[0].lower().rstrip("*_ "))


def _unbracket(text: str) -> str:
    """``[Example Academy]`` (brackets that are no link) → ``Example Academy``."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]") and "[" not in text[1:-1]:
        return text[1:-1].strip()
    return text


def interpret_label_list(lines: list[Line], key: str) -> dict:
    """One entry from its ``Label: value`` lines (an Issuer / Title / Hours / Issued list is
    one certificate): known labels fill their fields, dates are made ISO, the other lines
    stay whole in the entry (``summary`` of an award, ``x-highlights`` otherwise)."""
    entry: dict[str, Any] = {}
    other: list[str] = []
    for line in lines:
        field_name = label_of(line, key)
        label = F.split_label(line.linked())
        value = _unbracket(label[1]) if label else line.linked()
        links = line.links()
        if field_name in ("url", "x-url") and links:
            value = links[0][1]
        if field_name == "date":
            found = parse_range(value)
            if found is not None and (found.start or found.end):
                entry.update(date_fields(key, found.start, found.end, found.open, found.expected))
                continue
        if field_name is None or field_name in entry:
            other.append(f"{label[0]}: {value}" if label else value)
            continue
        entry[field_name] = value
    if other:
        entry["summary" if key == "awards" else "x-highlights"] = (
            "\n".join(other) if key == "awards" else other
        )
    return entry


_AWARDER_WORDS = re.compile(
    r"\b(societ(y|ies)|foundation|association|council|conference|workshop|symposium|agency"
    r"|fund|trust|ministry|committee|organi[sz]ation|federation|journal|government"
    r"|commission|club|union|consortium|program(me)?)\b|学会|协会|基金会|財団|협회|학회",
    re.I,
)
_TRAILING_PAREN = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*$")
#: A comma that separates parts: not one inside a number ("$4,170", "15,000").
_PART_SPLIT = re.compile(r"(?<!\d)[,，]|[,，](?!\d{3}\b)")


def split_title_awarder(text: str, link_texts: tuple[str, ...] = ()) -> tuple[str, str, str]:
    """``"Travel Grant, Example Society ($500)"`` → ("Travel Grant", "Example Society",
    "$500"): a plain award line whose second part names who gives it (an organisation,
    society, foundation, conference …); later parts are a note, except the text of a link
    of the line ("[Link](…)": its URL is the award's). Commas inside numbers ("$4,170")
    do not split. Otherwise the whole text is the title."""
    parts = [p.strip() for p in _PART_SPLIT.split(text) if p.strip()]
    if len(parts) < 2:
        return text, "", ""
    if len(parts[0].split()) > 8:  # a project's title: the commas after it may be the funder's
        return text, "", ""
    awarder, notes = parts[1], parts[2:]
    paren = _TRAILING_PAREN.search(awarder)
    if paren:
        awarder = awarder[: paren.start()].strip()
        notes.insert(0, paren.group(1).strip())
    if not awarder or not (F.looks_like_org(awarder) or _AWARDER_WORDS.search(awarder)):
        return text, "", ""
    notes = [n for n in notes if n not in link_texts]
    return parts[0], awarder, ", ".join(notes)


def _cjk_awarder_title(text: str) -> tuple[str, str]:
    """``例示学会 優秀発表賞`` → ("優秀発表賞", "例示学会"): a CJK award line that names the
    giver, then a space, then the prize; otherwise (text, "")."""
    segments = text.split()
    if len(segments) != 2 or text.isascii():
        return text, ""
    giver, prize = segments
    if F.looks_like_org(giver) or _AWARDER_WORDS.search(giver):
        return prize, giver
    return text, ""


# ----------------------------------------------------------------------------- publications


@cache
def _quoted() -> re.Pattern[str]:
    """A quoted title, compiled on first use (~0.8 ms): only publications need it."""
    return re.compile(r"[\"“”«]([^\"“”»]{8,})[\"“”»]")


#: A quoted title opening the line, however short (``"Ripples" (poster), …``).
_LEADING_QUOTE = re.compile(r"^\s*[\"“]([^\"“”]{2,})[\"”]")


_UNIT = re.compile(r"^(?:Department|Dept\.?|School|Faculty|Institute|Center|Centre|Division)\b")


def _venue_after_title(after: str) -> str:
    """``, Example Ocean Society Annual Meeting, Lisbon, Portugal``: the first comma part
    after a quoted title, past a ``(poster)`` note, is the venue (a place never is)."""
    if not re.match(r"^\s*(?:[(（][^()（）]*[)）]\s*)?[,.;:]", after):
        return ""  # '"Example" with over 15,000 subscribers': words go on, no venue
    after = re.sub(r"^\s*(?:[(（][^()（）]*[)）])?[\s,.;:]*", "", after)
    parts = F.split_parts(after, ",，")
    if not parts or F.is_place_part(parts[0]) or find_range(parts[0]) is not None:
        return ""
    if len(parts) > 1 and _UNIT.match(parts[0]) and F.looks_like_org(parts[1]):
        # "Department of Sociology, Harvard University": a unit and its university
        return f"{parts[0]}, {parts[1].rstrip('.')}"
    return parts[0].rstrip(".")


def lone_link(line: Line) -> tuple[str, str] | None:
    """(text, url) of a line that is one link and nothing else (a title line)."""
    links = line.links()
    if len(links) == 1 and links[0][0] and _clean(line.plain) == _clean(links[0][0]):
        return links[0]
    return None


def _title_line_and_citation(parts: Parts) -> dict | None:
    """``[Sorting Socks with Few Examples](url)`` over its citation: the citation is read as
    usual (authors, venue, date), the title line gives the name and the url; the whole text,
    both links in it, is the summary."""
    if parts.main is None or not parts.rest:
        return None
    title = lone_link(parts.main)
    if title is None:
        return None
    cited = Parts(parts.rest[0], parts.rest[1:], parts.children, parts.dates, parts.date_text)
    cited.note = parts.note
    entry = interpret_publication(cited)
    entry["name"] = _clean(title[0]).rstrip(".")
    if title[1].startswith(("http://", "https://")):
        entry["url"] = title[1]
    lines = parts.original or [parts.main, *parts.rest]
    entry["summary"] = "\n".join(line.linked() for line in lines).strip()
    order = ("name", "publisher", "releaseDate", "url", "summary")
    return {k: entry[k] for k in order if k in entry} | {
        k: v for k, v in entry.items() if k not in order
    }


def _authors_line(line: Line) -> str:
    """The authors opening a citation's second line (``A. Author, B. Author. In ExConf``)."""
    m = _IN_VENUE.search(line.plain)
    if m is None:
        return ""  # no "In venue" to end the names: the line may be anything
    head = line.slice(0, m.start())
    text = head.plain.strip()
    if not text:
        return ""
    return _authors_before(Line([*head.runs, Run("\x00")], line.lineno), "\x00")


def _authors_before(head: Line, title: str) -> str:
    """The author list a citation opens with (``**J. Doe**, A. Roe.`` before the title), as
    Markdown: the owner's name keeps the bold the page marks it with. Empty when what comes
    before the title does not read as names (no comma, "and" or "&"; a date; too long)."""
    at = head.plain.find(title)
    if at <= 0:
        return ""
    before = head.slice(0, at)
    text = before.plain.rstrip(" .,:;\"“”'‘’[(").strip()
    if not text or len(text) > 400 or find_range(text) is not None:
        return ""
    if not re.search(r",|\band\b|&|\bet al\b", text):
        return ""
    if len(re.findall(r"\b[a-z]{3,}\b", text)) > len(re.findall(r"\b(?:and|with|et)\b", text)) + 1:
        return ""  # a sentence ("For a complete list, please visit my"), not names
    bare = re.sub(r"\([^()]*\)|\bet\.? ?al\.?", "", text)  # "(Harvard Business School)"
    names = re.split(r",|&|\band\b|\bwith\b", bare)
    if any(len(n.split()) > 4 for n in names):
        return ""  # a title or a venue ("The Mutagenic Effect of … — Maize Genetics Meeting")
    out = []
    for run in before.runs:
        piece = run.text
        if run.bold and piece.strip():
            lead = piece[: len(piece) - len(piece.lstrip())]
            trail = piece[len(piece.rstrip()) :]
            piece = f"{lead}**{piece.strip()}**{trail}"
        out.append(piece)
    authors = "".join(out).rstrip(" ,.:;\"“”'‘’[(").strip()
    # the full stop that ends the list goes, an initial's ("Poe, K.") stays
    if re.search(r"\b[A-Z]$", authors):
        authors += "."
    return authors


def interpret_publication(parts: Parts) -> dict:
    paired = _title_line_and_citation(parts)
    if paired is not None:
        return paired
    entry: dict[str, Any] = {}
    lines = ([parts.main] if parts.main is not None else []) + parts.rest
    full = "\n".join(line.linked() for line in parts.original or lines)
    name = publisher = authors = ""
    if len(lines) >= 3 and not _quoted().search(lines[0].plain) and not lines[0].emphasized():
        # authors / title / venue, one per line
        name = _clean(lines[1].plain)
        publisher = _clean((F.split_parts(lines[2].plain, ",，") or [""])[0])
    else:
        head = lines[0] if lines else Line()
        quoted = _quoted().search(head.plain) or _LEADING_QUOTE.match(head.plain)
        emph = [e for e in head.emphasized() if len(e) > 12]
        titled = _linked_title_and_venue(head)
        as_written = parts.original[0] if parts.original else head  # "(2023)" not cut yet
        apa = _apa_citation(as_written) if titled is None and not quoted else None
        if apa is not None:  # "Doe, J., & Roe, A. (2023). Title. *Journal, 12*(3), 4–5."
            name, publisher, authors = apa
        elif titled is not None:  # "DOE, Jane. [Notes on sampling][p1]. *Example Meetup*."
            name, publisher = titled
        elif quoted:
            name = quoted.group(1)
            after = head.plain[quoted.end() :]
            venue = [e for e in head.emphasized() if e in after and len(e) > 3]
            publisher = venue[0] if venue else _venue_after_title(after)
        elif emph:
            name = max(emph, key=len)
            shown = _without_link_labels(head)  # "— [video](…)": a link, not the venue
            after = shown[shown.find(name) + len(name) :] if name in shown else ""
            publisher = _clean(re.split(r"[.\[(]", after.strip(" ._"), maxsplit=1)[0])
        else:
            links = head.links()
            name = (
                links[0][0] if links and links[0][0] else _clean(re.split(r"\s\[", head.plain)[0])
            )
    if not publisher:
        publisher = _venue_after_in(lines)
    _put(entry, "name", _clean(name).rstrip("."))
    _put(entry, "publisher", _clean(publisher))
    apply_dates(entry, parts, "publications")
    if authors:
        _put(entry, "x-authors", authors)
    elif lines and name:
        _put(entry, "x-authors", _authors_before(lines[0], name))
        if "x-authors" not in entry and len(lines) > 1 and name not in lines[1].plain:
            _put(entry, "x-authors", _authors_line(lines[1]))
    if isinstance(entry.get("x-authors"), str):  # "[1] J. Park, …": the list's number
        entry["x-authors"] = re.sub(r"^\s*\[\d{1,3}\]\s*", "", entry["x-authors"])
    url = _first_url(lines) or _doi_url(full) or _arxiv_url(full)
    _put(entry, "url", url)
    if full.strip() and _clean(full) != entry.get("name"):
        entry["summary"] = full.strip()
    _put(entry, "x-highlights", parts.child_texts())
    return entry


#: An APA reference: the authors, the year (or "in press") in brackets, then the rest.
_APA = re.compile(
    r"^(?P<authors>[^()]{3,400}?)\s*\((?P<year>(?:19|20)\d{2}[a-z]?(?:,\s*[^()]{1,20})?"
    r"|in press|forthcoming|under review|submitted|accepted|n\.\s?d\.)\)\.?\s+(?P<rest>\S.*)$",
    re.I,
)
_DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/[^\s<>\]]+)", re.I)


def _apa_citation(head: Line) -> tuple[str, str, str] | None:
    """(title, venue, authors) of an APA reference: "**Doe, J.**, & Roe, A. (2023). Title of
    the paper. *Journal of Examples, 12*(3), 45–67." — the title is the sentence after the
    year, the venue the italic text after it (its volume cut off); a book or thesis has its
    title in italics ("*Title* (Doctoral dissertation). University."), the publisher after."""
    plain = head.plain
    m = _APA.match(plain)
    if m is None or not re.search(r",|&|\band\b", m.group("authors")):
        return None
    rest = m.group("rest")
    authors = _authors_before(head, f"({m.group('year')})")
    italic = [e for e in head.emphasized() if e.strip() and e in rest]
    if italic and rest.startswith(italic[0]) and _italic_at(head, m.start("rest")):
        # a book or a thesis: "*Emotion regulation in sleep* (Doctoral dissertation)."
        after = re.sub(r"^\s*\([^()]*\)\.?", "", rest[len(italic[0]) :]).strip(" .")
        return italic[0].strip(" ."), _clean(after.split(". ")[0]), authors
    end = re.search(r"(?<=[^\s.]{2})[.?!](?=\s|$)", rest)
    if end is None:
        return None
    title = rest[: end.end()].rstrip(".").strip()
    venue = next((e for e in italic if rest.find(e, end.end()) >= 0), "")
    venue = re.sub(r",\s*\d+\s*$", "", venue.strip(" ."))  # "Journal, 132" → the journal
    return title, venue, authors


_ARXIV = re.compile(r"\barXiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?)", re.I)


def _arxiv_url(text: str) -> str | None:
    """``arXiv:2210.01234`` → ``https://arxiv.org/abs/2210.01234``."""
    m = _ARXIV.search(text)
    return f"https://arxiv.org/abs/{m.group(1)}" if m else None


def _italic_at(line: Line, offset: int) -> bool:
    """The character at ``offset`` of the line's text is set in italics."""
    at = 0
    for run in line.runs:
        if at <= offset < at + len(run.text):
            return run.italic
        at += len(run.text)
    return False


def _doi_url(text: str) -> str | None:
    """``doi:10.1037/pas0001299`` → ``https://doi.org/10.1037/pas0001299``."""
    m = _DOI.search(text)
    return f"https://doi.org/{m.group(1).rstrip('.,;')}" if m else None


def _linked_title_and_venue(head: Line) -> tuple[str, str] | None:
    """(title, venue) of a citation whose title is a link after the authors and whose
    venue is the italic text after it; None for other lines."""
    plain = head.plain
    for text, url in head.links():
        if not text or text.lower() in _LINK_LABELS or text == url or len(text) < 4:
            continue
        at = plain.find(text)
        if at <= 0:  # a title at the start is read by the other rules
            return None
        after = plain[at + len(text) :]
        venues = [e for e in head.emphasized() if e in after and e != text]
        return (text, venues[0]) if venues else None
    return None


_IN_VENUE = re.compile(r"(?:^|[.,;]\s+)In:?\s+(?P<venue>[A-Z][^.,;]*[^\s.,;])")


def _venue_after_in(lines: list[Line]) -> str:
    """``A. Author, B. Author. In ExConf`` on a citation line: the venue after "In"."""
    for line in lines[1:]:
        m = _IN_VENUE.search(line.plain.strip())
        if m:
            return m.group("venue")
    return ""


# ----------------------------------------------------------------- skills, languages, interests


def skill_label(parts: Parts) -> tuple[str, str]:
    """(label, value) of ``**Label**: a, b`` or ``Label: a, b`` skill lines."""
    if parts.main is None:
        return "", ""
    bold, after = _after_bold(parts.main)
    if bold and (after.strip().startswith((":", "：")) or bold.endswith((":", "："))):
        return bold.rstrip(":："), after.strip().lstrip(":：").strip()
    label = F.split_label(parts.main.linked())
    if label:
        return label
    return _clean(parts.main.linked()), ""


def _linked_tail(line: Line, tail: str) -> str:
    """The end of ``line`` whose plain text is ``tail``, with its links as Markdown."""
    at = line.plain.rfind(tail)
    return line.slice(at).linked().strip() if at >= 0 else tail


def interpret_skill(parts: Parts, legend: levels.Legend | None = None) -> dict:
    label, value = skill_label(parts)
    if value and levels.has_glyphs(value) and parts.main is not None and parts.main.links():
        value = _linked_tail(parts.main, value)  # "[Foo](url)•••": the links stay
    drawn = levels.split_levels(value, legend) if value else None
    if drawn:  # "Julia••• Haskell••": the glyphs are levels, not part of the names
        keywords = [f"{name} ({level})" for name, level in drawn]
    else:
        keywords = F.split_keywords(value) if value else []
    for child in parts.children:
        keywords.extend(_child_keywords(child))
    for line in parts.rest:
        keywords.extend(F.split_keywords(line.linked()))
    entry: dict[str, Any] = {}
    _put(entry, "name", _clean(label))
    _put(entry, "keywords", keywords)
    return entry


def _child_keywords(item: Item) -> list[str]:
    text = " ".join(line.linked() for line in item.lines).strip()
    if item.children:
        subs = [flatten(c) for c in item.children]
        return [f"{text.rstrip(':：')} ({', '.join(subs)})"]
    return F.split_keywords(text)


def language_entries(texts: list[str], legend: levels.Legend | None = None) -> list[dict]:
    out = []
    for text in texts:
        drawn = levels.split_levels(text, legend)
        if drawn:  # "Spanish••• German••"
            out.extend({"language": name, "fluency": level} for name, level in drawn)
            continue
        for part in F.split_parts(text, ",，;；、"):
            lang, fluency = F.split_language(part)
            entry: dict[str, Any] = {}
            _put(entry, "language", _clean(lang))
            _put(entry, "fluency", fluency)
            if entry:
                out.append(entry)
    return out


def interpret_interests(parts: Parts) -> list[dict]:
    """A research-interests line without a label ("Coastal geomorphology, sediment
    transport, citizen science.") is one interest per comma part (pattern 43); a labelled
    line or a bullet with sub-bullets is one interest with keywords."""
    value = skill_label(parts)[1]
    if parts.main is not None and not value and not parts.children and not parts.rest:
        names = [p.rstrip(".。;；") for p in F.split_parts(parts.main.linked(), ",，、;；")]
        names = [n for n in names if n]
        if len(names) > 1 and all(len(n.split()) <= 6 for n in names):
            return [{"name": n} for n in names]
    return [interpret_interest(parts)]


def interpret_interest(parts: Parts) -> dict:
    label, value = skill_label(parts)
    keywords = F.split_keywords(value) if value else []
    keywords += parts.child_texts()
    entry: dict[str, Any] = {}
    _put(entry, "name", _clean(label))
    _put(entry, "keywords", keywords)
    return entry


# ----------------------------------------------------------------- references, projects, custom


def interpret_reference(parts: Parts) -> dict:
    entry: dict[str, Any] = {}
    if parts.main is None:
        return entry
    bold, after = _after_bold(parts.main)
    links = parts.main.links()
    name = bold or (links[0][0] if links else "")
    rest = _clean(after) if bold else _clean(parts.main.plain[len(name) :]) if name else ""
    if not name:
        name, rest = _clean(parts.main.plain), ""
        head = re.split(r"\s*[,，;]\s*|\s+[—–]\s+", name, maxsplit=1)
        if len(head) == 2 and looks_like_name(head[0]):
            # "Dr. Sofia Example, Associate Professor …, Example University — sofia@…"
            name, rest = head[0], name[len(head[0]) :].lstrip(" ,，;—–")
    pieces = [rest] if rest else []
    pieces += [line.linked() for line in parts.rest] + parts.child_texts()
    _put(entry, "name", _clean(name))
    _put(entry, "reference", "\n".join(p for p in pieces if p))
    if links and links[0][1].startswith(("http://", "https://")):
        entry["x-url"] = links[0][1]
    return entry


def interpret_project(parts: Parts) -> dict:
    entry: dict[str, Any] = {}
    roles: list[str] = []
    entity = ""
    name = ""
    extra_links: list[str] = []
    if parts.main is not None:
        bold, after = _after_bold(parts.main)
        labels = _link_labels_only(parts.main, after)
        if bold and labels is not None:
            # "**Tool X** [[paper](…)] [[code](…)]": links, not roles; the first is the
            # url, the others stay in the entry as Markdown links
            name, extra_links = bold, labels[1:]
        elif bold and _DESCRIBED.match(after):
            # "**pgwatch-lite** — lightweight Postgres monitoring. [Code](…)": a description
            name = bold
            described = _without_link_labels(parts.main)[len(bold) :].lstrip(" —–:-,")
            _put(entry, "description", _clean(described).rstrip(" ·|•/"))
        elif bold and _clean(after):
            name, roles = bold, [_clean(after)]
        elif named := _named_by_link(parts.main):
            # "[ferrous-kv](…) — an embedded key-value store": the link names the project
            name, description = named
            _put(entry, "description", description)
        else:
            name = _clean(parts.main.plain)
            event = _event_line(parts.main)
            if event is not None:
                name, role, entity, description = event
                roles += [role] if role else []
                _put(entry, "description", description)
    while parts.rest and (_is_bold_only(parts.rest[0]) or F.looks_like_role(parts.rest[0].plain)):
        text = _clean(parts.rest.pop(0).plain)
        if text:
            roles.append(text)
    for _i, child in enumerate(list(parts.children)):
        if child.children or len(child.lines) != 1:
            continue
        label = F.split_label(child.lines[0].plain)
        if label and label[0] in ("职位", "角色", "Role", "role", "Position"):
            bits = F.split_parts(label[1], ",，") or [""]
            if bits[0]:
                roles.append(bits[0])
            entity = ", ".join(bits[1:])
            parts.children.remove(child)
            break
    _put(entry, "name", name)
    _put(entry, "roles", roles)
    _put(entry, "entity", entity)
    apply_dates(entry, parts, "projects")
    url = _first_url([parts.main]) if parts.main is not None else None
    _put(entry, "url", url)
    _put(entry, "highlights", extra_links + _highlights(parts))
    return entry


#: What follows a project's name when it describes it: a dash or a colon, then words (or
#: a comma and a lower-case word: "**pgwatch-lite**, lightweight Postgres monitoring").
_DESCRIBED = re.compile(r"^\s*(?:\(\s*\d{4}[^)]*\)\s*)?(?:[—–:-]\s+\S|,\s+[a-z])")


def _named_by_link(line: Line) -> tuple[str, str] | None:
    """(name, description) of "[name](url) — what it is" / "[name](url): what it is"."""
    links = line.links()
    plain = line.plain.strip()
    if not links or not links[0][0] or not plain.startswith(links[0][0]):
        return None
    after = plain[len(links[0][0]) :]
    if not _DESCRIBED.match(after):
        return None
    return _clean(links[0][0]), _clean(after.lstrip(" —–:-,"))


def _event_line(line: Line) -> tuple[str, str, str, str] | None:
    """(name, role, entity, description) of a workshop / training line:
    ``Participant at the Example Camp 2022, Example Centre`` (role at event, host) or
    ``*Design Workshop* Three-week course at Example Library`` (titled event, what it
    was, where). None when the line has neither shape."""
    text = _clean(line.plain)
    italic = line.emphasized()
    if italic and text.startswith(italic[0]) and len(italic[0]) < len(text):
        rest = _clean(text[len(italic[0]) :])
        what, _, where = rest.partition(" at ")
        return italic[0], "", _clean(where), _clean(what)
    split = F.split_role_org(text)
    if split and F.looks_like_role(split[0]):
        event, *host = F.split_parts(re.sub(r"^the\s+", "", split[1]), ",，")
        return _clean(event), _clean(split[0]), _clean(", ".join(host)), ""
    return None


def _link_labels_only(line: Line, after: str) -> list[str] | None:
    """The links after a bold title when nothing else is there but brackets and
    punctuation (``[[paper](…)] [[code](…)]``), as Markdown links; None otherwise."""
    links = [(t, u) for t, u in line.links() if t and t in after]
    if not links:
        return None
    rest = after
    for text, _ in links:
        rest = rest.replace(text, "", 1)
    if rest.strip(" []()|,;·/"):
        return None
    return [f"[{t}]({u})" for t, u in links]


def interpret_custom(parts: Parts) -> dict:
    entry: dict[str, Any] = {}
    role = ""
    linked = parts.main is not None and bool(parts.main.links())
    if parts.main is not None and _is_bold_only(parts.main) and parts.rest and not linked:
        # "**Poster Presentation**" with the talk on the next line
        role = _clean(parts.main.plain)
        parts.main = parts.rest.pop(0)
    elif parts.main is not None and _is_bold_only(parts.main) and parts.children and not linked:
        # "**Poster Presentation**" with the talk itself as the bullet below
        role = _clean(parts.main.plain)
        child = parts.children[0]
        if not child.children and len(child.lines) == 1:
            parts.children.pop(0)
            sub = cut_dates(child.lines, [])
            if sub.dates is not None and parts.dates is None:
                parts.dates, parts.date_text = sub.dates, sub.date_text
            parts.main = sub.main
    name = organization = place = ""
    url = None
    if parts.main is not None:
        line = parts.main
        links = line.links()
        emph = line.emphasized()
        plain = line.plain
        long_links = [(t, u) for t, u in links if len(t.split()) > 3]
        if links and plain.strip().startswith(links[0][0]) and links[0][0]:
            name, url = links[0][0], links[0][1]
            rest = plain.strip()[len(name) :]
        elif long_links:
            # a citation with the title linked: keep the whole line as the summary
            name, url = long_links[0]
            rest = ""
            entry["summary"] = line.linked()
        elif emph and plain.strip().startswith(emph[0]):
            name = emph[0]
            rest = plain.strip()[len(name) :]
        else:
            split = F.split_role_org(plain)
            if split and F.looks_like_role(split[0]):
                role, rest = (role or split[0]), ""
                name_parts = F.split_parts(split[1], ",，") or [""]
                name = name_parts[0]
                rest = ", ".join(name_parts[1:])
            else:
                bits = F.split_parts(plain, ",，") or [""]
                name, rest = bits[0], ", ".join(bits[1:])
        organization, place = _org_and_place(_clean(rest))
    if not organization and not parts.dates:
        for i, child in enumerate(parts.children):
            if child.children or len(child.lines) != 1:
                break
            sub = cut_dates(child.lines, [])
            if sub.dates is not None and sub.main is not None and not F.split_label(sub.main.plain):
                organization, place = _org_and_place(_clean(sub.main.plain))
                parts.dates, parts.date_text = sub.dates, sub.date_text
                parts.children.pop(i)
            break
    _put(entry, "name", _clean(name))
    _put(entry, "role", role)
    _put(entry, "organization", organization)
    _put(entry, "location", place)
    apply_dates(entry, parts, "custom")
    if url and url.startswith(("http://", "https://")):
        entry["url"] = url
    _put(entry, "highlights", _highlights(parts))
    return entry


#: Labels of degree details the education rules read into fields ("GPA: 3.9").
_DETAIL_LABELS = (*(label.lower() for label in SCORE_LABELS), "thesis", "advisor")


def is_field_label(label: str) -> bool:
    """``label`` (before a colon) is one the reader consumes as a field name: a contact
    label, a field line's label, a date, position, score or course label, a label-list
    field. Its words are the page's form; any other label ("Swedish: native") is text
    that must reach a field (``cvpage/wordcheck.py``)."""
    from resumeconv.dialect import key_for
    from resumeconv.importers.cvpage.contact import label_field

    text = " ".join(label.strip(" *_").lower().split())
    if not text:
        return False
    if label_field(text) is not None or key_for(label.strip(" *_")) is not None:
        return True
    if text in _DATE_LABELS or text in _POSITION_LABELS:
        return True
    if any(text in fields for fields in LABEL_FIELDS.values()):
        return True
    return any(w in text for w in (*_COURSES, *_DETAIL_LABELS))


# ----------------------------------------------------------------------------- table rows

#: Column titles → the field a cell fills, per section ("Date | Title | Venue | Links").
_COLUMN_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "publications": {
        "name": ("title", "paper", "talk", "presentation", "publication"),
        "publisher": ("venue", "journal", "conference", "event", "where", "publisher", "meeting"),
        "x-authors": ("authors", "author", "co-authors"),
        "x-location": ("location", "city", "place"),
    },
    "awards": {
        "title": ("award", "title", "name", "prize", "honor", "honour", "grant", "fellowship"),
        "awarder": ("awarder", "organization", "organisation", "from", "issuer", "agency",
                    "funder", "sponsor", "by"),
        "summary": ("amount", "description", "details", "notes"),
    },
    "work": {
        "position": ("position", "role", "title", "job"),
        "name": ("organization", "organisation", "institution", "employer", "company",
                 "university", "school", "where"),
        "summary": ("course", "courses", "description", "details", "subject"),
        "location": ("location", "city", "place"),
    },
    "volunteer": {
        "position": ("position", "role", "title"),
        "organization": ("organization", "organisation", "institution", "journal", "venue",
                         "event", "where"),
        "summary": ("description", "details"),
    },
    "education": {
        "studyType": ("degree", "qualification", "title"),
        "area": ("field", "major", "subject", "area", "programme", "program"),
        "institution": ("institution", "school", "university", "college", "where"),
        "score": ("gpa", "grade", "score"),
        "x-location": ("location", "city", "place"),
    },
}  # fmt: skip
_DATE_COLUMNS = ("date", "dates", "year", "years", "when", "period", "time", "duration")
_LINK_COLUMNS = ("links", "link", "url", "slides", "pdf", "materials", "resources")


def interpret_table_row(key: str, header: list[str], cells: list[list[Line]]) -> dict | None:
    """An entry from a table row whose column titles name its fields; None when they name
    fewer than two besides dates, links and a description (one cell then holds the entry
    and the cells are read as a line, as an untitled table's are)."""
    fields = _COLUMN_FIELDS.get(key)
    if fields is None:
        return None
    names = [" ".join(h.lower().split()) for h in header]
    columns: list[str | None] = []
    for name in names:
        if name in _DATE_COLUMNS:
            columns.append("dates")
        elif name in _LINK_COLUMNS:
            columns.append("links")
        else:
            columns.append(next((f for f, words in fields.items() if name in words), None))
    if sum(c not in (None, "dates", "links", "summary") for c in columns) < 2:
        return None  # "Period | Description", "Year | Prize": one cell holds the entry
    entry: dict[str, Any] = {}
    notes: list[str] = []
    links: list[tuple[str, str]] = []
    for column, cell in zip(columns, cells, strict=False):
        text = _clean(" ".join(line.plain for line in cell))
        if not text or text in ("—", "–", "-"):
            continue
        if column == "dates":
            found = parse_range(text)
            if found is not None:
                parts = Parts(None, [], [], found, text)
                apply_dates(entry, parts, key)
            else:
                notes.append(text)
        elif column == "links":
            links += [(t, u) for line in cell for t, u in line.links()]
            if not links:
                notes.append(text)
        elif column is None:
            notes.append(" ".join(line.linked() for line in cell).strip())
        else:
            cell_links = [(t, u) for line in cell for t, u in line.links()]
            links += [(t, u) for t, u in cell_links if t != text]
            if cell_links and cell_links[0][0] == text and "url" not in entry:
                links.insert(0, cell_links[0])
            entry[column] = text
    urls = [u for _, u in links if u]
    if urls and key != "awards":
        entry["url"] = urls[0]
    elif urls:
        entry["x-url"] = urls[0]
    extra = [{"label": t, "url": u} if t and t != u else u for t, u in links[1:] if u]
    if extra:
        entry["x-links"] = extra
    if notes and key == "education":
        entry["x-highlights"] = notes
    elif notes:
        entry["summary"] = "; ".join(notes)
    return entry


def issuer_after_name(cert: dict[str, Any]) -> None:
    """ "AWS Certified Solutions Architect – Associate, Amazon Web Services": a certificate's
    last comma part, when it reads as a name (capitalised words, no digits), is its issuer."""
    name = cert.get("name")
    if "issuer" in cert or not isinstance(name, str):
        return
    pieces = F.split_parts(name, ",，")
    last = pieces[-1].strip() if len(pieces) > 1 else ""
    words = last.split()
    if not 0 < len(words) <= 5 or re.search(r"\d", last) or F.looks_like_role(last):
        return
    if all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the", "de") for w in words):
        cert["name"], cert["issuer"] = ", ".join(pieces[:-1]), last
