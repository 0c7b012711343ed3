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
from resumeconv.importers.cvpage.inline import Line
from resumeconv.places import is_place

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


def cut_dates(lines: list[Line], children: list[Item]) -> Parts:
    """Find the entry's dates (head lines first, then a date-only bullet) and cut them out."""
    head = [line for line in lines if line]
    original = list(head)
    dates: DateRange | None = None
    date_text = note = ""
    date_led = False
    for idx, line in enumerate(head):
        plain = line.plain
        found = find_range(plain)
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
        parts = [
            p
            for p in (before, after)
            if p and p.plain.lower() not in _CONNECTORS and p.plain.strip(" .,;:")
        ]  # "Example Lab, 2023." leaves no ". " behind
        if len(parts) == 2:
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


def _short_name(text: str) -> bool:
    return 0 < len(text.split()) <= 12 and not text.rstrip().endswith((".", "。"))


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
    parts = F.split_parts(text, ",，")
    rest, place = F.split_location(parts)
    if not place:
        rest, place = _town_after_org(rest)
    return ", ".join(rest), place


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
        return _clean(parts[0]), _clean(", ".join(parts[1:]))
    if F.looks_like_role(text) and not F.looks_like_org(text):
        return _clean(text), ""
    return "", _clean(text)


#: Link texts that only say "here is a link" (the URL is the entry's ``url``).
_LINK_LABELS = frozenset(
    {"主页", "官网", "网站", "链接", "homepage", "home page", "website", "web", "link", "url",
     "site", "ホームページ", "홈페이지"}
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
    if F.looks_like_org(left) and role_right:
        return right, left
    if F.looks_like_role(left) and not F.looks_like_org(left) and F.looks_like_org(right):
        return left, right
    return None


def interpret_work(parts: Parts, *, teaching: bool = False, org_key: str = "name") -> dict:
    """A job: position, organisation, place, dates, highlights (also volunteer)."""
    entry: dict[str, Any] = {}
    position, org = ("", "")
    if parts.main is not None:
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
    if not position:
        position = (
            _take_child_line(parts, lambda t: F.looks_like_role(t) and not F.looks_like_org(t))
            or ""
        )
    if not org and position:
        org = (
            _take_child_line(
                parts, lambda t: (_short_name(t) or F.looks_like_org(t)) and find_range(t) is None
            )
            or ""
        )
    name, place = _org_and_place(org) if org else ("", "")
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


@cache
def _score() -> re.Pattern[str]:
    """Compiled on first use: only education entries need it."""
    return re.compile(
        r"\b(GPA|CGPA|Grade|Note|Score|绩点|成绩)\s*[:：]?\s*([0-9][0-9.,/ ]*[0-9])", re.I
    )


_COURSES = ("course", "coursework", "课程")


def interpret_education(parts: Parts) -> dict:
    entry: dict[str, Any] = {}
    lines = ([parts.main] if parts.main is not None else []) + parts.rest
    degree = area = institution = place = ""
    used: set[int] = set()
    for idx, line in enumerate(lines):
        text = line.plain
        left, right = _split_at(text)
        found = _find_degree(left)
        if found is None:
            continue
        degree, area, others = found
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
            institution, place = _org_and_place(", ".join(parts_[first_org:]))
            what = ", ".join(parts_[:first_org])
            degree, _, area = what.partition(" in ")
            used.add(0)
        elif " in " in head and len(parts_) == 1:
            degree, area = head.split(" in ", 1)
            used.add(0)
    if not degree and not institution and lines:
        degree = _clean(lines[0].plain)
        used.add(0)
    if degree and not institution:
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
    _put(entry, "institution", _clean(institution))
    url = _first_url([lines[i] for i in sorted(used)]) if used else None
    _put(entry, "url", url)
    _put(entry, "area", _clean(area))
    _put(entry, "studyType", _clean(degree))
    if place:
        entry["x-location"] = place
    apply_dates(entry, parts, "education")
    notes: list[str] = []
    for idx, line in enumerate(lines):
        if idx in used:
            continue
        text = line.linked()
        score = _score().search(line.plain)
        if score and "score" not in entry:
            entry["score"] = score.group(2).strip()
            remainder = _clean(line.plain[: score.start()] + line.plain[score.end() :])
            if remainder:
                notes.append(remainder)
            continue
        label = F.split_label(line.plain)
        if label and any(w in label[0].lower() for w in _COURSES) and "courses" not in entry:
            entry["courses"] = F.split_keywords(label[1])
            continue
        notes.append(text)
    notes = _merge_label_runs(notes) + parts.child_texts()
    _put(entry, "x-highlights", notes)
    return entry


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
        found = split_degree(part)
        if found is None:
            continue
        degree, area = found
        others = parts[:i] + parts[i + 1 :]
        while others and i == 0 and _AREA_TAIL.match(others[0]):
            area = f"{area}, {others.pop(0)}" if area else others.pop(0)
        if not area and others and not F.looks_like_org(others[0]) and i == 0:
            area, others = others[0], others[1:]
        if not area and i > 0:
            area, others = _area_before_degree(parts[:i], others)
        if area and not others:
            inst = _cjk_institution(area)
            if inst:
                return degree, area[len(inst) :].strip(), [inst]
        return degree, area, others
    return None


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
            title = _clean(plain)
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
    _put(entry, "title", _clean(title))
    _put(entry, "awarder", _clean(awarder))
    apply_dates(entry, parts, "awards")
    notes = [_clean(summary)] if summary else []
    notes += _merge_label_runs([line.linked() for line in parts.rest]) + parts.child_texts()
    if notes:
        entry["summary"] = "\n".join(n for n in notes if n)
    if url and url.startswith(("http://", "https://")):
        entry["x-url"] = url
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


def interpret_publication(parts: Parts) -> dict:
    entry: dict[str, Any] = {}
    lines = ([parts.main] if parts.main is not None else []) + parts.rest
    full = "\n".join(line.linked() for line in parts.original or lines)
    name = publisher = ""
    if len(lines) >= 3 and not _quoted().search(lines[0].plain) and not lines[0].emphasized():
        # authors / title / venue, one per line
        name = _clean(lines[1].plain)
        publisher = _clean((F.split_parts(lines[2].plain, ",，") or [""])[0])
    else:
        head = lines[0] if lines else Line()
        quoted = _quoted().search(head.plain)
        emph = [e for e in head.emphasized() if len(e) > 12]
        titled = _linked_title_and_venue(head)
        if titled is not None:  # "DOE, Jane. [Notes on sampling][p1]. *Example Meetup*."
            name, publisher = titled
        elif quoted:
            name = quoted.group(1)
            after = head.plain[quoted.end() :]
            venue = [e for e in head.emphasized() if e in after and len(e) > 3]
            publisher = venue[0] if venue else ""
        elif emph:
            name = max(emph, key=len)
            after = head.plain[head.plain.find(name) + len(name) :]
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
    url = _first_url(lines)
    _put(entry, "url", url)
    if full.strip() and _clean(full) != entry.get("name"):
        entry["summary"] = full.strip()
    _put(entry, "x-highlights", parts.child_texts())
    return entry


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
        elif bold and _clean(after):
            name, roles = bold, [_clean(after)]
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
