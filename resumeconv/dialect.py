"""The academicpages dialect: what resumeconv's CV-page reader and Markdown writer share.

Neither side owns it, so that writers never import readers (docs/architecture.md): the
field-line labels (``*Location:* Beijing``, see docs/markdown-export.md), the words that
name a section in a page heading ("Working experience" → ``work``), the kramdown class
that names one when the title does not (``{: .cv-skills}``), and where each section keeps
the dates of a CV line. The reader (``importers/cvpage/``) reads by these rules; the writer
(``exporters/markdown.py``) writes by them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

#: Field key → the label written for it. One label per key, one key per label.
LABELS: dict[str, str] = {
    "name": "Name",
    "position": "Position",
    "institution": "Institution",
    "organization": "Organization",
    "location": "Location",
    "url": "URL",
    "startDate": "Start",
    "endDate": "End",
    "date": "Date",
    "releaseDate": "Released",
    "summary": "Summary",
    "description": "Description",
    "highlights": "Highlights",
    "area": "Area",
    "studyType": "Degree",
    "score": "Score",
    "courses": "Courses",
    "title": "Title",
    "awarder": "Awarder",
    "issuer": "Issuer",
    "publisher": "Publisher",
    "level": "Level",
    "keywords": "Keywords",
    "language": "Language",
    "fluency": "Fluency",
    "reference": "Reference",
    "roles": "Roles",
    "entity": "Entity",
    "type": "Type",
    "role": "Role",
    "label": "Label",
    "image": "Image",
    "email": "Email",
    "phone": "Phone",
    "profiles": "Profiles",
    "x-note": "Note",
    "x-expected": "Expected",
    "x-highlights": "Details",
    "x-url": "Link",
    "x-endDate": "Until",
    "x-location": "Place",
    "x-citation": "Citation",
    "x-authors": "Authors",
    "x-slides": "Slides",
    "x-bibtex": "BibTeX",
    "x-category": "Category",
    "x-status": "Status",
    "x-employer": "Employer",
    "x-pronouns": "Pronouns",
}
_KEYS = {label: key for key, label in LABELS.items()}
#: Parts of ``basics.location``, written as their own lines in a page's header.
LOCATION_LABELS: dict[str, str] = {
    "address": "Address",
    "postalCode": "Postal code",
    "city": "City",
    "region": "Region",
    "countryCode": "Country",
}
LOCATION_KEYS = {label: key for key, label in LOCATION_LABELS.items()}
#: The order a location's parts are written in on one line ("2712 Broadway St, San
#: Francisco, California, CA 94115, US").
LOCATION_ORDER = ("address", "city", "region", "postalCode", "countryCode")


def location_line(location: dict[str, str]) -> str:
    """A structured location as the one line a person writes: its parts, comma-separated,
    in :data:`LOCATION_ORDER`. The Markdown writer writes it; the CV-page reader reads it
    back into the same parts when the page's front matter remembers them and the line
    still says exactly this (an edited line wins, and stays whole in ``address``)."""
    return ", ".join(location[k] for k in LOCATION_ORDER if location.get(k))


_RAW_KEY = re.compile(r"^(?:x-[\w-]+|[a-z][A-Za-z0-9_]*)$")


def label_for(key: str) -> str:
    """The label written for a field key (the key itself when it has no label)."""
    return LABELS.get(key, key)


def key_for(label: str) -> str | None:
    """The field key a label names, or None (``x-…`` and camelCase keys name themselves)."""
    if label in _KEYS:
        return _KEYS[label]
    if _RAW_KEY.match(label):
        return label
    return None


#: Words that join a CV line's fields rather than belong to one: "PhD *in* Physics *at*
#: Example University", "Lecturer *for* the Science Day", "Doktorand *an der* …",
#: "实习生*于*…". The CV-page reader consumes them when it splits a line into fields; its
#: word check (``cvpage/wordcheck.py``) counts them as the line's form, not lost content.
JOINING_WORDS = frozenset(
    {
        # English
        "in", "at", "of", "for", "the", "a", "an", "and", "on", "with", "by", "from", "to", "as",
        "under", "via",
        # German
        "am", "im", "bei", "für", "der", "die", "das", "den", "dem", "des", "und", "von", "vom",
        "zu", "zum", "zur",
        # French
        "à", "au", "aux", "de", "du", "en", "chez", "le", "la", "les", "et", "pour", "sur",
        # Spanish, Portuguese
        "el", "los", "las", "y", "del", "con", "para", "na", "no", "nos", "em", "do", "da", "dos",
        "e", "com",
        # Chinese
        "于", "在", "的", "和", "与", "及",
    }
)  # fmt: skip


# ----------------------------------------------------------------------------- sections

CUSTOM = "custom"
SUMMARY = "basics.summary"

BASICS = "basics"

#: Words of a title that name talks, in every language of the vocabulary: such a section
#: is publications (rule 1) and its entries are talks (``x-type``).
_TALK_WORDS = (
    "talk",
    "presenta",
    "prasentation",
    "lecture",
    "seminar",
    "keynote",
    "colloqui",
    "symposi",
    "vortrag",
    "vortrage",
    "communications",
    "expose",
    "ponencia",
    "charla",
    "palestra",
    "apresenta",
    "报告",
    "演讲",
    "講演",
    "発表",
    "발표",
    "강연",
)

# (section key, words that mark it). The first rule whose words appear in the title wins,
# so the more specific rules come first. Words are matched after accents are folded
# ("Expériences" → "experiences"), in English, Chinese, Japanese, Korean, German, French,
# Spanish and Portuguese. Every section has a standard home (issue 12, rule 1): contact
# details → basics, teaching and mentoring → work, talks → publications (with a type, see
# :func:`publication_type`), service, reviewing and memberships → volunteer, grants,
# funding and competitions → awards. A title no rule knows is placed by the shape of its
# entries (``importers/cvpage/homes.py``).
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        BASICS,
        (
            "contact",
            "profiles",
            "social media",
            "online presence",
            "personal information",
            "personal details",
            "personal data",
            "informations personnelles",
            "coordonnees",
            "kontakt",
            "personliche daten",
            "persoenliche daten",
            "datos personales",
            "dados pessoais",
            "contato",
            "联系",
            "个人信息",
            "基本信息",
            "連絡先",
            "個人情報",
            "연락처",
            "인적사항",
        ),
    ),
    (
        "projects",
        ("public scholarship", "public engagement"),
    ),
    (
        "publications",
        ("work in progress", "works in progress", "in progress", "in preparation", "manuscript"),
    ),
    (
        "work",
        (
            "teach",
            "conducted",
            "taught",
            "mentor",
            "supervis",
            "tutor",
            "lehre",
            "lehrtatigkeit",
            "betreuung",
            "enseignement",
            "docencia",
            "ensino",
            "教学",
            "授课",
            "指导",
            "講義",
            "教育歴",
            "강의",
        ),
    ),
    (
        "volunteer",
        (
            "membership",
            "affiliation",
            "organiz",
            "organis",
            "mitglied",
            "adhesion",
            "membresia",
            "会员",
            "所属学会",
            "학회",
        ),
    ),
    ("publications", ("poster", *_TALK_WORDS)),
    (
        SUMMARY,
        (
            "profile",
            "profil",
            "^about",
            "summary",
            "objective",
            "self-eval",
            "self eval",
            "uber mich",
            "a propos",
            "sobre mi",
            "perfil",
            "个人简介",
            "简介",
            "自我评价",
            "自我介绍",
            "自己pr",
            "自己紹介",
            "자기소개",
        ),
    ),
    (
        "education",
        (
            "education",
            "degree",
            "academic background",
            "qualification",
            "bildung",
            "studium",
            "formation",
            "formac",
            "educac",
            "etudes",
            "教育",
            "学历",
            "学歴",
            "학력",
        ),
    ),
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
            "funding",
            "fund",
            "investigator",
            "competition",
            "contest",
            "olympiad",
            "hackathon",
            "auszeichnung",
            "preis",
            "stipend",
            "forderung",
            "distinction",
            "prix",
            "bourse",
            "premio",
            "beca",
            "bolsa",
            "获奖",
            "荣誉",
            "奖",
            "竞赛",
            "比赛",
            "基金",
            "资助",
            "賞",
            "助成",
            "研究費",
            "수상",
            "장학",
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
            "veroffentlich",
            "publikation",
            "publica",
            "patent",
            "blog",
            "posts",
            "conference",
            "konferenz",
            "congres",
            "著作",
            "论文",
            "出版",
            "論文",
            "業績",
            "논문",
            "출판",
        ),
    ),
    ("education", ("course", "summer school", "课程")),
    (
        "projects",
        (
            "workshop",
            "training",
            "schulung",
            "培训",
            "project",
            "projekt",
            "projet",
            "proyecto",
            "projeto",
            "open source",
            "open-source",
            "portfolio",
            "artifact",
            "software",
            "项目",
            "开源",
            "プロジェクト",
            "프로젝트",
        ),
    ),
    (
        "languages",
        ("language", "sprach", "langue", "idioma", "语言", "言語", "語学", "언어", "외국어"),
    ),
    (
        "skills",
        (
            "skill",
            "competenc",
            "proficienc",
            "expertise",
            "tools",
            "kenntnis",
            "fahigkeit",
            "habilidad",
            "aptitud",
            "技能",
            "专长",
            "能力",
            "技术",
            "スキル",
            "기술",
            "역량",
        ),
    ),
    (
        "interests",
        (
            "interest",
            "interes",
            "interet",
            "hobb",
            "freizeit",
            "loisir",
            "兴趣",
            "研究方向",
            "興味",
            "관심",
        ),
    ),
    ("references", ("reference", "referee", "referenz", "referenc", "推荐", "推薦", "추천")),
    (
        "certificates",
        ("certific", "license", "licenc", "licensure", "zertifik", "证书", "資格", "자격"),
    ),
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
            "editorial",
            "committee",
            "activit",
            "engagement",
            "contribution",
            "populari",
            "ehrenamt",
            "gutacht",
            "benevol",
            "voluntar",
            "服务",
            "志愿",
            "审稿",
            "社会",
            "社会活動",
            "봉사",
            "심사",
        ),
    ),
    (
        "work",
        (
            "experience",
            "experienc",
            "employment",
            "position",
            "work",
            "career",
            "appointment",
            "consulting",
            "research",
            "professional",
            "intern",
            "erfahrung",
            "beruf",
            "tatigkeit",
            "anstellung",
            "praktik",
            "emploi",
            "empleo",
            "emprego",
            "carreira",
            "trayectoria",
            "stage",
            "工作",
            "经历",
            "任职",
            "实习",
            "职位",
            "職歴",
            "経歴",
            "職務",
            "경력",
            "경험",
        ),
    ),
)

#: Words of a talks title that name the kind of publication it lists (``x-type``).
_TALK_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("patent", ("patent",)),
    ("poster", ("poster",)),
    ("talk", (*_TALK_WORDS, "conference", "konferenz", "congres")),
)


@cache
def _fold(text: str) -> str:
    """Accents off (``Expériences`` → ``experiences``), ``ß`` → ``ss``; the same fold is
    applied to rule words, so kana and hangul compare decomposed on both sides."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _folded_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((key, tuple(_fold(m) for m in marks)) for key, marks in _RULES)


_TITLE_NOISE = re.compile(r"[^\w\s&/'-]+", re.U)


def normalize_title(title: str) -> str:
    """Lower-case words of a title, emoji and punctuation removed."""
    return " ".join(_TITLE_NOISE.sub(" ", title).lower().split())


def matching_rule(title: str) -> str | None:
    """The key of the first rule whose words appear in the title; None when none does."""
    words = _fold(normalize_title(title))
    for key, marks in _folded_rules():
        for mark in marks:
            # "^about": only at the start ("About me", not "Things I care about")
            if words.startswith(mark[1:]) if mark[0] == "^" else mark in words:
                return key
    return None


def publication_type(title: str) -> str | None:
    """``x-type`` of the publications under a talks heading ("Invited talks" → ``talk``,
    "Posters" → ``poster``); None for a heading of papers. It is implied by the title, so
    the Markdown writer writes no field line for it."""
    if matching_rule(title) != "publications":
        return None
    words = _fold(normalize_title(title))
    for kind, marks in _TALK_TYPES:
        if any(_fold(m) in words for m in marks):
            if kind == "talk" and any(w in words for w in ("paper", "publication", "proceeding")):
                return None
            return kind
    return None


def section_key(title: str) -> str:
    """The JSON Resume section a heading names, ``custom`` when none fits."""
    return matching_rule(title) or CUSTOM


def is_known_title(title: str) -> bool:
    """Some rule knows the title (custom ones such as "Talks" included)."""
    return matching_rule(title) is not None


#: A kramdown attribute list inside a line (``[Download](cv.pdf){: .btn}``): styling, which
#: the reader drops from text, so the writer never writes text holding one as text.
ATTRIBUTE_LIST = re.compile(r"\{:\s*[.#][^{}\n]*\}")

#: Titles of the page itself, never a person's name nor a section ("Curriculum vitae").
_PAGE_TITLES = frozenset(
    {
        "cv",
        "c.v.",
        "curriculum vitae",
        "curriculum vitæ",
        "vita",
        "resume",
        "résumé",
        "my cv",
        "my resume",
        "academic cv",
        "lebenslauf",
        "currículum",
        "currículum vitae",
        "curriculum vitae et studiorum",
        "hoja de vida",
        "简历",
        "个人简历",
        "履歴書",
        "이력서",
    }
)


def is_page_title(title: str) -> bool:
    """The heading names the page ("# Curriculum vitae", "CV"), not a person or section."""
    text = " ".join(title.replace("\u00a0", " ").split()).strip(" :-–—").lower()
    return text in _PAGE_TITLES


_CLASS = re.compile(r"\.cv-([a-z]+)\b")
_CLASS_KEYS = {
    "custom": CUSTOM,
    "basics": BASICS,
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


# ----------------------------------------------------------------------------- skill groups

#: A skills line whose label names languages ("Languages: English, French") lists
#: languages; a languages line whose label names code lists skills.
_LANGUAGE_GROUP = ("language", "languages", "human", "spoken", "语言")
_CODE_GROUP = ("computer", "programming", "coding", "code")


def is_language_group(label: str) -> bool:
    low = label.lower().strip()
    return any(low == w or low.startswith(w) for w in _LANGUAGE_GROUP) or "language skill" in low


#: Programming languages: "Languages: Python, R" or "Language: fluent in Rust" under
#: Skills lists code, not spoken languages.
_CODE_NAMES = frozenset(
    {
        "python", "java", "javascript", "typescript", "c", "c++", "c#", "go", "golang",
        "rust", "julia", "haskell", "r", "matlab", "scala", "kotlin", "swift", "ruby", "perl",
        "php", "sql", "fortran", "lua", "ocaml", "elixir", "erlang", "clojure", "lisp",
        "prolog", "dart", "bash", "shell", "latex", "html", "css", "verilog", "vhdl", "cuda",
        "stata", "sas", "spss", "mathematica",
    }
)  # fmt: skip
#: A word standing alone: "R:29" (a TOEFL part score) or "C1" (a level) name no code.
_CODE_WORD = re.compile(r"(?<![\w+#])[a-z][a-z0-9+#]*(?![\w:+#])")


def names_code(text: str) -> bool:
    """The text names a programming language ("fluent in Rust", "Python, C++")."""
    return any(w in _CODE_NAMES for w in _CODE_WORD.findall(text.lower()))


def is_code_group(label: str) -> bool:
    low = label.lower()
    return any(w in low for w in _CODE_GROUP)


# ----------------------------------------------------------------------------- degrees

#: Degree names a CV line starts with ("M.S. in Computer Technology").
_DEGREE_PATTERNS = (
    r"Ph\.?\s?D\.?",
    r"D\.?Phil\.?",
    r"Dr\.?\s?rer\.?\s?nat\.?",
    r"Doctor(?:ate)?(?: of [A-Z][a-z]+)?",
    r"M\.?\s?S\.?\s?c\.?",
    r"M\.?\s?Sc\.?",
    r"M\.?\s?S\.?",
    r"M\.?\s?A\.?",
    r"M\.?\s?Eng\.?",
    r"M\.?\s?Tech\.?",
    r"M\.?\s?Phil\.?",
    r"M\.?\s?Res\.?",
    r"MBA",
    r"LL\.?M\.?",
    r"M\.?Ed\.?",
    r"Master(?:'s)?(?: of [A-Z][a-z]+)?",
    r"Masters?",
    r"B\.?\s?S\.?\s?c\.?",
    r"B\.?\s?Sc\.?",
    r"B\.?\s?S\.?",
    r"B\.?\s?A\.?",
    r"B\.?\s?Eng\.?",
    r"B\.?\s?Tech\.?",
    r"BBA",
    r"B\.?Ed\.?",
    r"LL\.?B\.?",
    r"Bachelor(?:'s)?(?: of [A-Z][a-z]+)?",
    r"Abitur",
    r"A-Levels?",
    r"GCSEs?",
    r"High School Diploma",
    r"Mittlere Reife",
    r"Diplom(?:a)?",
    r"Licence",
    r"Licenciatura",
    r"Licenciad[oa]",
    r"Grado",
    r"Máster",
    r"Doctorado",
    r"Doctorat",
    r"Bacharelado",
    r"Mestrado",
    r"Doutorado",
    r"Associate(?:'s)? Degree",
)


@cache
def _degree() -> re.Pattern[str]:
    """Compiled on first use: ~2.5 ms, a third of this module's import, and only education
    entries need it."""
    return re.compile(
        r"^(?P<degree>(?:International\s+)?(?:" + "|".join(_DEGREE_PATTERNS) + r"))(?=$|[\s,(])",
        re.I,
    )


_PROGRAMME = re.compile(r"^(programme|program|degree|studies)\s+(?=in\s|of\s)", re.I)
_CJK_DEGREES = (
    "博士研究生",
    "硕士研究生",
    "博士後期課程",
    "博士前期課程",
    "博士課程",
    "修士課程",
    "学士課程",
    "博士后",
    "博士",
    "硕士",
    "修士",
    "学士",
    "本科",
    "研究生",
    "专科",
    "박사",
    "석사",
    "학사",
)
#: A CJK degree in brackets at the end: ``例示大学 工学部 情報工学科（学士）``.
_CJK_DEGREE_BRACKET = re.compile(r"[(（](" + "|".join(_CJK_DEGREES) + r")[)）]$")


def split_degree(text: str) -> tuple[str, str] | None:
    """``"M.S. in Computer Technology"`` → ("M.S.", "Computer Technology").

    The area may be empty ("Abitur"); None when the text does not start with a degree.
    """
    text = text.strip()
    m = _degree().match(text)
    if m:
        degree = m.group("degree").strip()
        rest = text[m.end() :].strip()
        programme = _PROGRAMME.match(rest)
        if programme:  # "Bachelor's Programme in History": the programme is the degree's
            degree, rest = f"{degree} {programme.group(1)}", rest[programme.end() :]
        rest = re.sub(r"^(?:in|of|en|em|in the field of)\s+", "", rest, flags=re.I).strip(" ,")
        return degree, rest
    bracket = _CJK_DEGREE_BRACKET.search(text)
    if bracket and bracket.start() > 0:
        return bracket.group(1), text[: bracket.start()].strip("，, ")
    for word in _CJK_DEGREES:
        if text.endswith(word) and len(text) > len(word):
            return word, text[: -len(word)].strip("，, ")
        if text == word:
            return word, ""
    return None


# ----------------------------------------------------------------------------- dates


def date_fields(
    kind: str, start: str | None, end: str | None, open_: bool = False, expected: bool = False
) -> dict[str, object]:
    """The fields a CV line's date range fills in a section (docs/cv-page-import.md).

    ``2019 – 2021`` is ``startDate``/``endDate`` of a job, ``date``/``x-endDate`` of an
    award, ``releaseDate`` of a paper; a single date is the ``endDate`` of a degree, the
    ``date`` of a talk. ``start`` and ``end`` are ISO strings, not both None.
    """
    out: dict[str, object] = {}
    single = end is None and not open_
    if kind in ("awards", "certificates"):
        out["date"] = start or end
        if end and start and end != start:
            out["x-endDate"] = end
    elif kind == "publications":
        out["releaseDate"] = start or end
        if end and start and not single:
            out["x-endDate"] = end
    elif kind == CUSTOM and single:
        out["date"] = start
    elif kind == "education" and single:
        out["endDate"] = start
    else:
        if start:
            out["startDate"] = start
        if end:
            out["endDate"] = end
        elif single and kind in ("work", "volunteer", "projects"):
            out["endDate"] = start
    if expected:
        out["x-expected"] = True
    return out
