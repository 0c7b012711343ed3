"""Reading the parts of an entry line: degrees, roles, organisations, places, labels.

These are the judgements a careful person makes when reading "M.S. in Computer
Technology, Shanghai Jiao Tong University" or "Senior Data Scientist at the StepStone
Group". Each rule is a small named function over plain text; word lists live here.
"""

from __future__ import annotations

import re
from functools import cache

from resumeconv.places import US_STATES, is_country, is_place, is_region

# ----------------------------------------------------------------------------- splitting

_OPEN = "([{（【"
_CLOSE = ")]}）】"


#: A number with thousands separators ("$4,170", "15,000"): its commas split nothing.
_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,]\d)")
_KEPT_COMMA = "\x00"


def split_parts(text: str, seps: str = ",，、;；") -> list[str]:
    """Split on separators outside brackets; parts stripped, empties dropped. A number's
    thousands separators ("$4,170 USD") are no separators."""
    if "," in seps and "," in text and _THOUSANDS.search(text):
        kept = _THOUSANDS.sub(lambda m: m.group(0).replace(",", _KEPT_COMMA), text)
        return [p.replace(_KEPT_COMMA, ",") for p in _split_parts(kept, seps)]
    return _split_parts(text, seps)


def _split_parts(text: str, seps: str) -> list[str]:
    if _ASCII_BRACKET.search(text) is None and (
        text.isascii() or _WIDE_BRACKET.search(text) is None
    ):  # most text: every separator splits
        first = seps[0]
        for sep in seps[1:]:
            if sep in text:
                text = text.replace(sep, first)
        return [p.strip() for p in text.split(first) if p.strip()]
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        if ch in seps and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


# Two classes for the brackets, and no pattern for the separators: a class that mixes ASCII
# with far-apart CJK characters compiles to a 64K-character bitmap (~0.5 ms each at the
# start of every process: the cold start of a batch); these two compile to small sets.
_ASCII_BRACKET = re.compile("[" + re.escape("".join(c for c in _OPEN + _CLOSE if c < "\x80")) + "]")
_WIDE_BRACKET = re.compile("[" + "".join(c for c in _OPEN + _CLOSE if c >= "\x80") + "]")


def split_keywords(text: str) -> list[str]:
    """Keywords of a skill line: "C/C++, Python; SQL" → ["C/C++", "Python", "SQL"]."""
    return [p.rstrip(".。") for p in split_parts(text, ",，、;；") if p.rstrip(".。")]


# ----------------------------------------------------------------------------- labels

_LABEL = re.compile(r"^\s*([^:：]{1,40}?)\s*[:：]\s*(.*)$", re.S)


@cache
def _urlish() -> re.Pattern[str]:
    """A URL scheme, compiled on first use: only ``scheme://`` labels need it."""
    return re.compile(r"^[a-z][a-z0-9+.-]*$", re.I)


def split_label(text: str) -> tuple[str, str] | None:
    """``"Supervisor: Prof. X"`` → ("Supervisor", "Prof. X"); None when not labelled."""
    m = _LABEL.match(text)
    if not m:
        return None
    label, value = m.group(1).strip(), m.group(2).strip()
    if _urlish().match(label) and value.startswith("//"):
        return None  # a URL, not a label
    if not label or len(label.split()) > 5 or any(ch.isdigit() for ch in label[:1]):
        return None
    return label, value


# ----------------------------------------------------------------------------- degrees

# ----------------------------------------------------------------------------- roles, organisations

_ROLE_WORDS = (
    "professor",
    "lecturer",
    "fellow",
    "postdoc",
    "intern",
    "internship",
    "assistant",
    "associate",
    "engineer",
    "scientist",
    "researcher",
    "research",
    "analyst",
    "developer",
    "manager",
    "director",
    "officer",
    "consultant",
    "specialist",
    "coach",
    "tutor",
    "trainer",
    "teacher",
    "instructor",
    "volunteer",
    "member",
    "president",
    "chair",
    "editor",
    "reviewer",
    "student",
    "candidate",
    "head",
    "lead",
    "founder",
    "co-founder",
    "designer",
    "architect",
    "programmer",
    "administrator",
    "coordinator",
    "contributor",
    "judge",
    "mentor",
    "pilot",
    "scholar",
    "ta",
    "representative",
    "advisor",
    "adviser",
    "supervisor",
    "collaborator",
    "participant",
    "attendee",
    "speaker",
    "organizer",
    "organiser",
    "panelist",
    "presenter",
    "教授",
    "讲师",
    "研究员",
    "助理",
    "工程师",
    "学者",
    "实习",
    "主任",
    "经理",
    "部长",
    "助管",
    "审稿人",
    "主席",
    "会长",
    "成员",
    "志愿者",
    "심사위원",
    "위원",
    # Portuguese forms the stems below do not catch
    "professora",
    "bolsista",
    "doutorando",
    "doutoranda",
    "mestrando",
    "mestranda",
    "coordenador",
    "coordenadora",
)
_ORG_WORDS = (
    "university",
    "universit",
    "universidad",
    "laborato",
    "association",
    "associação",
    "asociaci",
    "société",
    "instituto",
    "fundaci",
    "institute",
    "institut",
    "college",
    "school",
    "academy",
    "laboratory",
    "lab",
    "department",
    "département",
    "faculty",
    "center",
    "centre",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "ag",
    "corp",
    "corporation",
    "company",
    "group",
    "bank",
    "foundation",
    "society",
    "council",
    "agency",
    "ministry",
    "hospital",
    "clinic",
    "association",
    "organization",
    "organisation",
    "e.v.",
    "plc",
    "sa",
    "labs",
    "observatory",
    "polytechnic",
    "conservatory",
    "museum",
    "library",
    "ecole",
    "école",
    "scuola",
    "hochschule",
    "fachhochschule",
    "lycée",
    "lycee",
    "大学",
    "学院",
    "研究所",
    "研究院",
    "公司",
    "实验室",
    "中心",
    "学校",
)
_WORD = re.compile(r"[\w.&'-]+", re.U)
_ROLE_SET = frozenset(_ROLE_WORDS)
_ROLE_CJK = tuple(w for w in _ROLE_WORDS if not w.isascii())
_ORG_SET = frozenset(_ORG_WORDS)
_ORG_CJK = tuple(w for w in _ORG_WORDS if not w.isascii())


def _words(text: str) -> list[str]:
    return [w.lower().strip(".") for w in _WORD.findall(text)]


#: Stems of role and organisation words in languages that inflect and compound them
#: ("Wissenschaftliche Mitarbeiterin", "Studentische Hilfskraft", "Lehrstuhl für …",
#: "Beispielverein e. V."), and Japanese/Korean ones: a word that contains one counts.
_ROLE_STEMS = (
    "maître de conférences",
    "maîtresse de conférences",
    "editorial board",
    "program committee",
    "programme committee",
    "mitarbeiter",
    "hilfskraft",
    "kassenwart",
    "führer",
    "vorstand",
    "doktorand",
    "praktikant",
    "werkstudent",
    "leiter",
    "referent",
    "dozent",
    "assistent",
    "vorsitz",
    "entwickler",
    "berater",
    "stagiaire",
    "chercheu",
    "doctorant",
    "ingénieur",
    "investigador",
    "becari",
    "profesor",
    "pesquisador",
    "estagi",
    "trésor",
    "tesorer",
    "présiden",
    "secrétaire",
    "secretari",
    "professeur",
    "enseignant",
    "ingenier",
    "engenheir",
    "analista",
    "desarrollador",
    "研究員",
    "インターン",
    "エンジニア",
    "教授",
    "助教",
    "講師",
    "연구원",
    "인턴",
)
_ORG_STEMS = (
    "universit",
    "universidad",
    "laborato",
    "association",
    "associação",
    "asociaci",
    "société",
    "instituto",
    "fundaci",
    "hochschule",
    "lehrstuhl",
    "verein",
    "stiftung",
    "gesellschaft",
    "klinik",
    "fakultät",
    "empresa",
    "株式会社",
    "研究所",
    "大学",
    "学会",
    "会社",
    "대학",
    "연구소",
    "회사",
)
_EV = re.compile(r"e\.\s?v\.", re.I)


def looks_like_role(text: str) -> bool:
    if not _ROLE_SET.isdisjoint(_words(text)):
        return True
    if any(cjk in text for cjk in _ROLE_CJK):
        return True
    return _has_stem(text, _ROLE_STEMS)


def looks_like_org(text: str) -> bool:
    words = _words(text)
    if not _ORG_SET.isdisjoint(words) or any(
        w.startswith(("universit", "univeris", "institut"))
        for w in words  # "Univeristy" too
    ):
        return True
    if any(cjk in text for cjk in _ORG_CJK):
        return True
    return _has_stem(text, _ORG_STEMS) or bool(_EV.search(text))


def _has_stem(text: str, stems: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(stem in low for stem in stems)


_AT = re.compile(r"\s+(?:at|@)\s+(?:the\s+)?", re.I)
_FOR = re.compile(r"\s+for\s+(?:the\s+)?", re.I)


def _campus_at(before: str, after: str) -> bool:
    """ "… University of Texas" + "Austin": an organisation's own name goes on with "at"."""
    last = before.rsplit(",", 1)[-1].strip()
    return looks_like_org(last) and not looks_like_org(after) and len(after.split()) <= 3


def split_role_org(text: str) -> tuple[str, str] | None:
    """``"Senior Data Scientist at the StepStone Group"`` → (role, organisation)."""
    m = _AT.search(text)
    if m and m.start() > 0 and _campus_at(text[: m.start()], text[m.end() :]):
        m = None  # "University of Texas at Austin": the "at" is the university's name
    if m and m.start() > 0:
        return text[: m.start()].strip(), text[m.end() :].strip()
    m = _FOR.search(text)
    left = text[: m.start()] if m else ""
    # "Postdoctoral Researcher, Example Institute for Maps": "for" is in the institute's
    # name when an organisation word comes before it (pattern 42)
    if m and m.start() > 0 and looks_like_role(left) and not looks_like_org(left):
        return left.strip(), text[m.end() :].strip()
    return None


# ----------------------------------------------------------------------------- places


def split_location(parts: list[str]) -> tuple[list[str], str]:
    """Trailing place parts of a comma-split line: (the rest, "City, Country")."""
    if not parts:
        return parts, ""
    end = len(parts)
    if is_place(parts[-1]) and not looks_like_org(parts[-1]):
        start = end - 1
        if (
            start > 1
            and (is_country(parts[-1]) or parts[-1].strip() in US_STATES or is_region(parts[-1]))
            and _city_like(parts[start - 1])
        ):
            start -= 1
        if start == 0:
            return parts, ""
        return parts[:start], ", ".join(parts[start:])
    return parts, ""


_PLACE_WORDS = frozenset(
    {"county", "province", "state", "district", "region", "prefecture", "oblast", "canton"}
)


def looks_like_place_line(text: str) -> bool:
    """``Springfield, West County, Exampleland``: comma parts that are all short names, none
    an organisation or a role, and one a known place or named as one ("… County")."""
    parts = split_parts(text, ",，")
    if len(parts) < 2 or not all(_city_like(p) for p in parts):
        return False
    return is_place(parts[0]) or any(
        not _PLACE_WORDS.isdisjoint(w.lower() for w in p.split()) for p in parts
    )


def is_place_part(part: str) -> bool:
    """A comma part that names a place ("Norway", "Ohio"), not an organisation."""
    return is_place(part) and not looks_like_org(part)


def _city_like(part: str) -> bool:
    words = part.split()
    return (
        0 < len(words) <= 3
        and not looks_like_org(part)
        and not looks_like_role(part)
        and (part[:1].isupper() or not part[:1].isascii())
        and not any(ch.isdigit() for ch in part)
    )


# ----------------------------------------------------------------------------- languages


@cache
def _fluency() -> re.Pattern[str]:
    """Compiled on first use: only language entries need it."""
    return re.compile(r"^(?P<lang>[^(（:：]+?)\s*(?:[(（](?P<p>.+)[)）]|[:：]\s*(?P<c>.+))\s*$")


def split_language(text: str) -> tuple[str, str]:
    """``"English (TOEFL 109)"`` / ``"English: Fluent"`` → ("English", "TOEFL 109")."""
    m = _fluency().match(text.strip())
    if not m:
        return text.strip(), ""
    return m.group("lang").strip(), (m.group("p") or m.group("c") or "").strip()


_URL = re.compile(r"https?://[^\s<>()\]]+[^\s<>()\].,;:]")


def find_url(text: str) -> str | None:
    m = _URL.search(text)
    return m.group(0) if m else None
