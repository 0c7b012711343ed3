"""Every word the exporters print themselves, per language (en, zh, ja, ko, de, fr, es):
default section titles, month names and the words around dates ("Present", "until",
"expected"), "GPA", the names of an entry's links ("Slides").

The author's own section titles always win (they are stored in the layout); these are
only for sections the page did not title, and for the few words we add around dates and
scores. How a date is laid out from these words is :mod:`resumeconv.dateformat`. (The
words the *importer* recognises, in any language, are reading rules and live with it.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from resumeconv.errors import UsageError


@dataclass(frozen=True, slots=True)
class Locale:
    """One language's words for the exporters."""

    code: str
    titles: Mapping[str, str]
    """Default title per section key (standard sections, ``custom``, ``basics.summary``)."""
    present: str
    expected: str
    contact: str
    document: str
    """What the whole thing is called: the page title when the resume has no name."""
    score: str
    """Prefix shown before a bare numeric education score ("GPA 3.9")."""
    degree: str
    """How a degree and its field read together: ``"{type} in {area}"``."""
    months: tuple[str, ...]
    """Month names as dates show them, January first."""
    month_year: str
    """A month date, ``"{month} {year}"``: fields ``year``, ``month`` (name), ``m`` (number)."""
    day_month_year: str
    """A full date, ``"{day} {month} {year}"``: also ``d`` (number) and ``day`` (``d``, or
    ``first_day`` on the 1st)."""
    until: str
    """Before an end date with no start: ``"until "``."""
    expected_note: str
    """After a range that has not ended yet as planned: ``" (expected)"``."""
    slides: str
    """Label of an entry's slides link (``x-slides``)."""
    bibtex: str
    """Label of an entry's BibTeX link (``x-bibtex``)."""
    link: str
    """Label of any other link of an entry (``x-url`` besides ``url``, ``x-links``)."""
    first_day: str | None = None
    """How the 1st of a month is written when not as a number (French ``1er``)."""


_EN = Locale(
    code="en",
    titles={
        "basics.summary": "Summary",
        "work": "Work Experience",
        "volunteer": "Volunteering",
        "education": "Education",
        "awards": "Awards",
        "certificates": "Certificates",
        "publications": "Publications",
        "skills": "Skills",
        "languages": "Languages",
        "interests": "Interests",
        "references": "References",
        "projects": "Projects",
        "custom": "Other",
    },
    present="Present",
    expected="expected",
    contact="Contact",
    document="Curriculum Vitae",
    score="GPA",
    degree="{type} in {area}",
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    month_year="{month} {year}",
    day_month_year="{day} {month} {year}",
    until="until ",
    expected_note=" (expected)",
    slides="Slides",
    bibtex="BibTeX",
    link="Link",
)

_ZH = Locale(
    code="zh",
    titles={
        "basics.summary": "个人简介",
        "work": "工作经历",
        "volunteer": "志愿服务",
        "education": "教育背景",
        "awards": "荣誉奖项",
        "certificates": "证书",
        "publications": "学术论文",
        "skills": "专业技能",
        "languages": "语言能力",
        "interests": "兴趣方向",
        "references": "推荐人",
        "projects": "项目经历",
        "custom": "其他",
    },
    present="至今",
    expected="预计",
    contact="联系方式",
    document="个人简历",
    score="GPA",
    degree="{area}{type}",
    months=tuple(f"{m}月" for m in range(1, 13)),
    month_year="{year}年{m}月",
    day_month_year="{year}年{m}月{d}日",
    until="至",
    expected_note="（预计）",
    slides="幻灯片",
    bibtex="BibTeX",
    link="链接",
)

_JA = Locale(
    code="ja",
    titles={
        "basics.summary": "自己紹介",
        "work": "職歴",
        "volunteer": "ボランティア活動",
        "education": "学歴",
        "awards": "受賞歴",
        "certificates": "資格",
        "publications": "業績",
        "skills": "スキル",
        "languages": "語学",
        "interests": "関心分野",
        "references": "推薦者",
        "projects": "プロジェクト",
        "custom": "その他",
    },
    present="現在",
    expected="見込み",
    contact="連絡先",
    document="履歴書",
    score="GPA",
    degree="{area} {type}",
    months=tuple(f"{m}月" for m in range(1, 13)),
    month_year="{year}年{m}月",
    day_month_year="{year}年{m}月{d}日",
    until="〜",
    expected_note="（見込み）",
    slides="スライド",
    bibtex="BibTeX",
    link="リンク",
)

_KO = Locale(
    code="ko",
    titles={
        "basics.summary": "자기소개",
        "work": "경력",
        "volunteer": "봉사 활동",
        "education": "학력",
        "awards": "수상 경력",
        "certificates": "자격증",
        "publications": "논문",
        "skills": "기술",
        "languages": "어학",
        "interests": "관심 분야",
        "references": "추천인",
        "projects": "프로젝트",
        "custom": "기타",
    },
    present="현재",
    expected="예정",
    contact="연락처",
    document="이력서",
    score="학점",
    degree="{area} {type}",
    months=tuple(f"{m}월" for m in range(1, 13)),
    month_year="{year}년 {m}월",
    day_month_year="{year}년 {m}월 {d}일",
    until="~",
    expected_note=" (예정)",
    slides="슬라이드",
    bibtex="BibTeX",
    link="링크",
)

_DE = Locale(
    code="de",
    titles={
        "basics.summary": "Profil",
        "work": "Berufserfahrung",
        "volunteer": "Ehrenamt",
        "education": "Ausbildung",
        "awards": "Auszeichnungen",
        "certificates": "Zertifikate",
        "publications": "Publikationen",
        "skills": "Kenntnisse",
        "languages": "Sprachen",
        "interests": "Interessen",
        "references": "Referenzen",
        "projects": "Projekte",
        "custom": "Weiteres",
    },
    present="heute",
    expected="voraussichtlich",
    contact="Kontakt",
    document="Lebenslauf",
    score="Note",
    degree="{type} in {area}",
    months=(
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    month_year="{m:02d}/{year}",
    day_month_year="{d:02d}.{m:02d}.{year}",
    until="bis ",
    expected_note=" (voraussichtlich)",
    slides="Folien",
    bibtex="BibTeX",
    link="Link",
)

_FR = Locale(
    code="fr",
    titles={
        "basics.summary": "Profil",
        "work": "Expérience professionnelle",
        "volunteer": "Bénévolat",
        "education": "Formation",
        "awards": "Distinctions",
        "certificates": "Certifications",
        "publications": "Publications",
        "skills": "Compétences",
        "languages": "Langues",
        "interests": "Centres d’intérêt",
        "references": "Références",
        "projects": "Projets",
        "custom": "Divers",
    },
    present="aujourd’hui",
    expected="prévu",
    contact="Contact",
    document="Curriculum vitae",
    score="Moyenne",
    degree="{type} en {area}",
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    month_year="{month} {year}",
    day_month_year="{day} {month} {year}",
    until="jusqu’à ",
    expected_note=" (prévu)",
    first_day="1er",
    slides="Diapositives",
    bibtex="BibTeX",
    link="Lien",
)

_ES = Locale(
    code="es",
    titles={
        "basics.summary": "Perfil",
        "work": "Experiencia laboral",
        "volunteer": "Voluntariado",
        "education": "Formación",
        "awards": "Premios",
        "certificates": "Certificaciones",
        "publications": "Publicaciones",
        "skills": "Habilidades",
        "languages": "Idiomas",
        "interests": "Intereses",
        "references": "Referencias",
        "projects": "Proyectos",
        "custom": "Otros",
    },
    present="actualidad",
    expected="previsto",
    contact="Contacto",
    document="Currículum",
    score="Nota media",
    degree="{type} en {area}",
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    month_year="{month} de {year}",
    day_month_year="{day} de {month} de {year}",
    until="hasta ",
    expected_note=" (previsto)",
    slides="Diapositivas",
    bibtex="BibTeX",
    link="Enlace",
)

_PT = Locale(
    code="pt",
    titles={
        "basics.summary": "Perfil",
        "work": "Experiência profissional",
        "volunteer": "Voluntariado",
        "education": "Formação",
        "awards": "Prêmios",
        "certificates": "Certificações",
        "publications": "Publicações",
        "skills": "Competências",
        "languages": "Idiomas",
        "interests": "Interesses",
        "references": "Referências",
        "projects": "Projetos",
        "custom": "Outros",
    },
    present="atual",
    expected="previsto",
    contact="Contato",
    document="Currículo",
    score="Média",
    degree="{type} em {area}",
    months=(
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    month_year="{month} de {year}",
    day_month_year="{day} de {month} de {year}",
    until="até ",
    expected_note=" (previsto)",
    slides="Slides",
    bibtex="BibTeX",
    link="Link",
)

LOCALES: Mapping[str, Locale] = {loc.code: loc for loc in (_EN, _ZH, _JA, _KO, _DE, _FR, _ES, _PT)}
#: Locale codes the exporters know, in the order the CLI help lists them.
KNOWN: tuple[str, ...] = tuple(LOCALES)


def normalize(code: str | None) -> str:
    """``"zh-CN"``, ``"de_DE"``, ``"FR"`` → the known base code; raises UsageError otherwise."""
    base = (code or "en").strip().replace("_", "-").split("-", 1)[0].lower()
    if base not in LOCALES:
        raise UsageError(
            f"unknown locale {code!r}",
            hint="known locales: " + ", ".join(KNOWN),
        )
    return base


def get(code: str | None) -> Locale:
    """The :class:`Locale` for ``code`` (see :func:`normalize`)."""
    return LOCALES[normalize(code)]


def title(code: str | None, section: str) -> str:
    """Default title of ``section`` in ``code``; unknown section keys get the custom title."""
    loc = get(code)
    return loc.titles.get(section, loc.titles["custom"])
