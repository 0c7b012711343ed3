"""Dates as CV pages write them, and ISO 8601 as the model keeps them.

CV pages write a date in every style there is: ``Sept. 2024 ———— Present``, ``2019.09 -
2022.03``, ``06/22 – 09/24``, ``Fall 2022 - Spring 2023``, ``2022年9月 – 至今``. The
model keeps ISO 8601 (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``). Importers call
:func:`find_range` to find and cut the date expression out of an entry line and
:func:`parse_range` / :func:`parse_date` on text that is only a date. Writing dates is
:mod:`resumeconv.dateformat`, whose output every parser here reads back.

Why a tokenizer and small named rules instead of one regular expression: each style is a
rule one can read and test on its own, and a rule sees the tokens around it (a year glued
to ``CS`` or followed by ``%`` is no year). Precision is kept as written (a season is
a year, a month stays a month).

A season gives only its year (``Fall 2022`` → ``2022``, the words kept in the range's
note): the month a term starts differs by school, so none is invented. Years outside
1950–2100 are never dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = [
    "DateRange",
    "find_range",
    "parse_date",
    "parse_range",
]

MIN_YEAR = 1950
MAX_YEAR = 2100


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date expression found in text, in ISO 8601 (immutable).

    ``start`` and ``end`` are ISO strings or None; ``open`` is an explicitly ongoing range
    ("– Present", "since 2020", "2024–"); ``expected`` says the end (or the single date)
    is not reached yet; ``note`` keeps what belongs to the dates but fits no field (two
    ranges, "stopped as of …"); ``span`` is ``[start, end)`` of the whole expression in
    the text given, parentheses included, a trailing colon not.
    """

    start: str | None
    end: str | None
    open: bool = False
    expected: bool = False
    note: str | None = None
    span: tuple[int, int] = (0, 0)

    @property
    def single(self) -> bool:
        """One date, not a range."""
        return self.end is None and not self.open


# --------------------------------------------------------------------------- words

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro"),
    2: (
        "february",
        "feb",
        "febr",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "fevereiro",
        "fev",
    ),
    3: ("march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco"),
    4: ("april", "apr", "avril", "avr", "abril", "abr"),
    5: ("may", "mai", "mayo", "maio"),
    6: ("june", "jun", "juni", "juin", "junio", "junho"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "julho"),
    8: ("august", "aug", "août", "aout", "agosto"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "outubro"),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dezembro",
    ),
}
MONTHS: dict[str, int] = {name: m for m, names in _MONTH_NAMES.items() for name in names}

#: Season words (docs/extension.md): a season gives its year only, never a month.
SEASONS: dict[str, int] = {
    "winter": 1, "hiver": 1, "invierno": 1,
    "spring": 3, "frühling": 3, "printemps": 3, "primavera": 3,
    "summer": 6, "sommer": 6, "été": 6, "verano": 6,
    "fall": 9, "autumn": 9, "herbst": 9, "automne": 9, "otoño": 9,
    # German university terms: summer from April, winter from October
    "sommersemester": 4, "sose": 4, "ss": 4, "wintersemester": 10, "wise": 10, "ws": 10,
}  # fmt: skip
_TERM_WORDS = frozenset({"semester", "term", "quarter", "session", "semestre"})
_OPEN_WORDS = frozenset(
    {
        "present", "now", "current", "currently", "today", "ongoing", "至今", "今", "現在",
        "현재",
        "heute", "jetzt", "aktuell", "derzeit", "présent", "aujourd'hui", "aujourd’hui",
        "actualidad", "actualmente", "presente", "hoy", "atual", "atualmente", "agora",
    }
)  # fmt: skip
_SINCE_WORDS = frozenset({"since", "seit", "depuis", "desde"})
_FROM_WORDS = frozenset({"from", "von"})
_ONWARDS = frozenset({"onwards", "onward"})
_UNTIL_WORDS = frozenset({"until", "till", "bis", "jusqu'à", "jusqu’à", "hasta", "até", "至"})
_SEP_WORDS = frozenset(
    {"to", "until", "till", "through", "thru", "bis", "à", "au", "hasta", "até", "至"}
)
_EXPECTED_WORDS = frozenset(
    {"expected", "exp", "anticipated", "voraussichtlich", "prévu", "prévue", "previsto",
     "prevista", "预计"}
)  # fmt: skip
_ORDINALS = frozenset({"st", "nd", "rd", "th", "er", "re"})
_JOIN_WORDS = frozenset({"and", "und", "et", "y"})
_JOIN_PUNCT = frozenset({",", ";", "&", "，", "；", "、"})
_CLOSERS = frozenset({")", "）", ":", "：", ",", ";", "，", "；", "|", "]", "*", "_", "<"})
#: Words that belong to a date expression besides its numbers, months and seasons (a
#: page's "since", "expected", "till": the CV-page word check finds them in any date).
DATE_WORDS = (
    _TERM_WORDS | _OPEN_WORDS | _SINCE_WORDS | _FROM_WORDS | _ONWARDS | _UNTIL_WORDS
    | _SEP_WORDS | _EXPECTED_WORDS | _ORDINALS
    | {"年", "月", "日", "至", "今", "预", "计", "awarded", "graduated", "graduating"}
)  # fmt: skip
#: Words that may follow "expected": "Expected graduation: May 2026".
_EXPECTED_WHAT = frozenset({"graduation", "completion", "date", "defense", "defence"})
#: Words right before a number that make it a page, volume, score…, never a year.
_NOT_BEFORE_YEAR = frozenset(
    {"pp", "p", "page", "pages", "vol", "volume", "no", "nr", "issue", "round", "toefl",
     "ielts", "gre", "gmat", "score", "rank", "top", "isbn", "issn"}
)  # fmt: skip
#: Besides numbers, the only tokens a date expression can start with (see ``_item``):
#: any other word is skipped without trying every rule on it.
_STARTS = frozenset(
    {"(", "（"}
    | _SINCE_WORDS | _FROM_WORDS | _UNTIL_WORDS | _EXPECTED_WORDS | _OPEN_WORDS
    | MONTHS.keys() | SEASONS.keys()
)  # fmt: skip

# --------------------------------------------------------------------------- tokens

_NUM, _WORD, _DASH, _BR, _CJK, _PUNCT = "n", "w", "d", "b", "c", "p"

# The alternatives start with different characters (the last takes what the others leave),
# so a token's first character tells its kind (:func:`_kind_table`), and their order only
# matters for speed: words first, the commonest. Possessive repeats (``++``) match the same
# here and spare the regex engine its backtracking bookkeeping.
_LETTERS = "A-Za-zÀ-ÖØ-öø-ɏ"
_DASHES = "-‐‑‒–—―−－~～"
_TOKEN = (
    rf"[{_LETTERS}]++(?:['’][{_LETTERS}]++)*+"  # word
    r"|[0-9]++"  # number
    r"|<br\s*/?>"  # br
    rf"|-+>|→|[{_DASHES}]++"  # dash
    r"|至今|预计|現在|현재|年度|[年月日至今起년월일]"  # cjk (現在, 현재: "present" in ja, ko)
    r"|\S"  # punct
)


class _Patterns:
    """The compiled regular expressions (``_TOKEN`` and the others below)."""

    __slots__ = (
        "anchor", "br_text", "excluded", "kinds", "latin", "lead", "phone_digits",
        "tokens", "trail",
    )  # fmt: skip

    def __init__(self) -> None:
        # each token with the white space before it (one pattern: each costs ~1.5 ms to
        # compile, at the start of every process)
        self.tokens = re.compile(r"(\s*+)(" + _TOKEN + ")")
        self.kinds = _kind_table()
        self.br_text = re.compile(_BR_TEXT, re.IGNORECASE)
        # letters and digits: the characters that start word and number tokens
        self.latin = frozenset(c for c, kind in self.kinds.items() if kind in (_WORD, _NUM))
        self.lead = re.compile(_LEAD)
        self.trail = re.compile(_TRAIL)
        self.excluded = re.compile(_EXCLUDED)
        self.phone_digits = re.compile(_PHONE_DIGITS)
        self.anchor = re.compile(_ANCHOR)


@cache
def _rx() -> _Patterns:
    """The regular expressions, compiled on first use (a few ms saved on every import)."""
    return _Patterns()


def _kind_table() -> dict[str, str]:
    """Token kind by first character; a character not in it starts a punct token, and so
    do ``<`` and ``预`` alone (only ``<br>`` and ``预计`` are longer)."""
    kinds = dict.fromkeys("0123456789", _NUM)
    ranges = re.findall(r"(.)-(.)", _LETTERS)
    kinds.update((chr(c), _WORD) for a, b in ranges for c in range(ord(a), ord(b) + 1))
    kinds.update(dict.fromkeys(_DASHES + "→", _DASH))
    kinds.update(dict.fromkeys("年月日至今起現현년월일", _CJK))
    return kinds


#: One token: kind, text (lower-cased for words), start and end offsets in the text. A
#: plain tuple read by the index names below: the rules read tokens all the time, and an
#: index is cheaper than a named field (and a plain tuple cheaper to make).
_Tok = tuple  # (str, str, int, int)
_KIND, _TEXT, _START, _END = 0, 1, 2, 3


_CJK_UNITS = {"년": "年", "월": "月", "일": "日", "年度": "年"}  # 年度: a (fiscal) year


def _tokenize(text: str) -> list[_Tok]:
    """Numbers, words, dash runs, ``<br>``, date CJK characters, single other characters."""
    out = []
    append = out.append
    get = _rx().kinds.get
    pos = 0
    # findall (strings, no match objects) is the fast way; offsets come from the lengths,
    # since white space is all there is between tokens
    for space, tok in _rx().tokens.findall(text):
        pos += len(space)
        end = pos + len(tok)
        kind = get(tok[0], _PUNCT)
        if kind == _WORD:
            tok = tok.lower()
        elif kind == _CJK and tok in _CJK_UNITS:
            tok = _CJK_UNITS[tok]  # 2023년 3월 is 2023年3月, 2022年度 a year
        elif kind == _PUNCT and end - pos > 1:
            kind = _BR if tok[0] == "<" else _CJK  # "<br>", "预计"
        append((kind, tok, pos, end))
        pos = end
    return out


def _tight(t: list[_Tok], k: int) -> bool:
    """Token ``k`` follows token ``k - 1`` with no space between."""
    return t[k][_START] == t[k - 1][_END]


def _year(tok: _Tok) -> int | None:
    if tok[_KIND] == _NUM and len(tok[_TEXT]) == 4:
        y = int(tok[_TEXT])
        if MIN_YEAR <= y <= MAX_YEAR:
            return y
    return None


def _small(tok: _Tok, hi: int) -> int | None:
    """A one- or two-digit number in 1..hi."""
    if tok[_KIND] == _NUM and len(tok[_TEXT]) <= 2:
        v = int(tok[_TEXT])
        if 1 <= v <= hi:
            return v
    return None


_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_day(y: int, m: int, d: int) -> bool:
    if m == 2 and d == 29:
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 1 <= d <= _DAYS[m - 1]


# --------------------------------------------------------------------------- points
# A point is (year, month, day, short): year None for a bare month ("October – November
# 2022"), short True for a two-digit year ("06/22"). Each rule returns (point, next index).

_Point = tuple  # (int | None, int | None, int | None, bool)
_Hit = tuple  # (_Point, int)


def _rule_year(t: list[_Tok], i: int) -> _Hit | None:
    """``2022``, ``1993年``, ``2022年9月``, ``2022年9月1日``."""
    y = _year(t[i])
    if y is None:
        return None
    n = len(t)
    if i + 1 < n and t[i + 1][_TEXT] == "年":
        j = i + 2
        if j + 1 < n and t[j + 1][_TEXT] == "月" and (m := _small(t[j], 12)):
            k = j + 2
            if k + 1 < n and t[k + 1][_TEXT] == "日" and (d := _small(t[k], 31)):
                return ((y, m, d, False), k + 2) if _valid_day(y, m, d) else None
            return (y, m, None, False), k
        return (y, None, None, False), j
    return (y, None, None, False), i + 1


def _rule_year_first_numeric(t: list[_Tok], i: int) -> _Hit | None:
    """``2019.09``, ``2020/04``, ``2021-12``, ``2024.10.01``, ``2009-10-01`` (ISO)."""
    y = _year(t[i])
    n = len(t)
    if y is None or i + 2 >= n:
        return None
    sep = t[i + 1][_TEXT]
    if sep not in (".", "/", "-") or not (_tight(t, i + 1) and _tight(t, i + 2)):
        return None
    mt = t[i + 2]
    m = _small(mt, 12)
    if m is None or (sep == "-" and len(mt[_TEXT]) != 2):
        return None  # "2021-2022" is a range, "2008-9" is not a month we trust
    j = i + 3
    if j + 1 < n and t[j][_TEXT] == sep and _tight(t, j) and _tight(t, j + 1):
        d = _small(t[j + 1], 31)
        if d is not None and _valid_day(y, m, d):
            return (y, m, d, False), j + 2
        return None
    return (y, m, None, False), j


def _rule_month_first_numeric(t: list[_Tok], i: int) -> _Hit | None:
    """``05/2016``, ``09.2012``, ``01.09.2023`` (day first), ``06/22`` (two-digit year)."""
    n = len(t)
    first = t[i]
    if i + 2 >= n or not (_tight(t, i + 1) and _tight(t, i + 2)):
        return None
    sep = t[i + 1][_TEXT]
    if (
        sep == "."
        and i + 4 < n
        and t[i + 3][_TEXT] == "."
        and _tight(t, i + 3)
        and _tight(t, i + 4)
    ):
        d, m, y = _small(first, 31), _small(t[i + 2], 12), _year(t[i + 4])
        if d and m and y and _valid_day(y, m, d):
            return (y, m, d, False), i + 5
        return None
    if sep not in ("/", ".") or (sep == "." and len(first[_TEXT]) != 2):
        return None
    m = _small(first, 12)
    if m is None:
        return None
    y = _year(t[i + 2])
    if y is not None:
        return (y, m, None, False), i + 3
    yy = t[i + 2]
    if sep == "/" and len(first[_TEXT]) == 2 and yy[_KIND] == _NUM and len(yy[_TEXT]) == 2:
        v = int(yy[_TEXT])
        return (2000 + v if v < 50 else 1900 + v, m, None, True), i + 3
    return None


def _rule_month_name(t: list[_Tok], i: int) -> _Hit | None:
    """``Sept. 2024``, ``Sep, 2022``, ``Mar-2022``, ``1 Sep 2023``, ``Sep 1, 2023``,
    ``1er septembre 2023``, ``1 de septiembre de 2023``, ``1. Sep. 2023``; a bare
    ``October`` (year None)."""
    n = len(t)
    k = i
    day = None
    if t[k][_KIND] == _NUM:
        day = _small(t[k], 31)
        if day is None:
            return None
        k += 1
        if k < n and (t[k][_TEXT] == "." or t[k][_TEXT] in _ORDINALS) and _tight(t, k):
            k += 1
        if k < n and t[k][_TEXT] == "de":
            k += 1
    if k >= n or t[k][_KIND] != _WORD or (m := MONTHS.get(t[k][_TEXT])) is None:
        return None
    k += 1
    after_month = k
    if k < n and t[k][_TEXT] == "." and _tight(t, k):
        k += 1
        after_month = k
    if (  # "Mar-2022", "Sep/2021": a month glued to its year by one dash or slash
        day is None
        and k + 1 < n
        and t[k][_TEXT] in ("-", "/")
        and _tight(t, k)
        and _tight(t, k + 1)
        and (y := _year(t[k + 1])) is not None
    ):
        return (y, m, None, False), k + 2
    if k < n and t[k][_TEXT] == ",":
        k += 1
    if day is None and k < n and (d := _small(t[k], 31)):  # (a year has four digits)
        day = d
        k += 1
        if k < n and t[k][_TEXT] in _ORDINALS and _tight(t, k):
            k += 1
        if k < n and t[k][_TEXT] == ",":
            k += 1
    if k < n and t[k][_TEXT] == "de":
        k += 1
    y = _year(t[k]) if k < n else None
    if y is None:
        if day is None:
            return (None, m, None, False), after_month
        return None
    if day is not None and not _valid_day(y, m, day):
        return None
    return (y, m, day, False), k + 1


def _rule_season(t: list[_Tok], i: int) -> _Hit | None:
    """``Fall 2022``, ``Spring semester 2023``, ``Summer, 2022``: the year only. Which month
    a term starts in differs by school and country, so no month is invented; the words as
    written go to the range's note (:func:`_season_note`)."""
    if t[i][_TEXT] not in SEASONS:
        return None
    n = len(t)
    k = i + 1
    if k < n and t[k][_TEXT] in _TERM_WORDS:
        k += 1
    if k < n and t[k][_TEXT] == ",":
        k += 1
    y = _year(t[k]) if k < n else None
    return ((y, None, None, False), k + 1) if y is not None else None


def _season_note(text: str, t: list[_Tok], e: _Expr) -> str | None:
    """The written dates when a season gave only a year ("Spring 2021"): nothing is lost."""
    if any(tok[_TEXT] in SEASONS for tok in t[e.i : e.j]):
        return text[t[e.i][_START] : t[e.j - 1][_END]]
    return None


def _point(t: list[_Tok], i: int) -> _Hit | None:
    """The longest single date starting at token ``i``."""
    tok = t[i]
    if tok[_KIND] == _NUM:
        if len(tok[_TEXT]) == 4:
            return _rule_year_first_numeric(t, i) or _rule_year(t, i)
        if len(tok[_TEXT]) <= 2:
            return _rule_month_first_numeric(t, i) or _rule_month_name(t, i)
        return None
    if tok[_KIND] == _WORD:
        return _rule_month_name(t, i) or _rule_season(t, i)
    return None


# --------------------------------------------------------------------------- ranges


class _Expr:
    """A parsed date expression over tokens ``[i, j)``."""

    __slots__ = ("bare", "end", "expected", "i", "j", "listed", "note", "open", "paren",
                 "short", "start")  # fmt: skip

    def __init__(self, i: int, j: int, start: _Point | None, end: _Point | None = None) -> None:
        self.i, self.j = i, j
        self.start, self.end = start, end
        self.open = self.expected = self.bare = self.paren = self.listed = False
        self.short = bool((start and start[3]) or (end and end[3]))
        self.note: tuple[int, int, list[tuple[int, int, str]]] | str | None = None

    @property
    def single(self) -> bool:
        return self.end is None and not self.open


def _separator(t: list[_Tok], j: int) -> int | None:
    """Index after a range separator at ``j`` (dashes, arrows, ~, to, until, 至)."""
    if j < len(t):
        tok = t[j]
        if tok[_KIND] == _DASH or (tok[_KIND] in (_WORD, _CJK) and tok[_TEXT] in _SEP_WORDS):
            return j + 1
    return None


def _end_after(t: list[_Tok], start: _Point, sep_i: int, k: int) -> tuple[_Point, int] | None:
    """Short end forms that only make sense after a start: ``2024/04-10`` (same year),
    ``2019-20`` (two-digit end year)."""
    if k >= len(t) or not (_tight(t, sep_i) and _tight(t, k)) or t[sep_i][_TEXT] != "-":
        return None
    y, m, d, _ = start
    if y is None or d is not None:
        return None
    if m is not None:
        em = _small(t[k], 12)
        if em is not None and em >= m:
            return (y, em, None, False), k + 1
        return None
    tok = t[k]
    if tok[_KIND] == _NUM and len(tok[_TEXT]) == 2:
        ey = y // 100 * 100 + int(tok[_TEXT])
        if ey < y:
            ey += 100
        if y < ey <= y + 10:
            return (ey, None, None, False), k + 1
    return None


def _core(t: list[_Tok], i: int) -> _Expr | None:
    """One date or range: ``[since|from|until] [expected] point [sep (point | open)]``."""
    n = len(t)
    k = i
    word = t[k][_TEXT]
    since = until = expected = False
    if word in _SINCE_WORDS or word in _FROM_WORDS:
        # "since 2020", and "from 2020" with no end: the range is open
        since, k = True, k + 1
    elif word in _UNTIL_WORDS:
        until, k = True, k + 1
    if k < n and t[k][_TEXT] in _EXPECTED_WORDS:
        expected, k = True, _after_expected(t, k)
    if k >= n:
        return None
    hit = _point(t, k)
    if hit is None:
        if k == i and t[k][_TEXT] in _OPEN_WORDS:
            e = _Expr(i, k + 1, None)
            e.open = e.bare = True
            return e
        return None
    start, j = hit
    if until:
        if start[0] is None:
            return None
        e = _Expr(i, j, None, start)
        e.expected = expected
        return e
    e = _Expr(i, j, start)
    e.expected = expected
    if j < n and t[j][_TEXT] in ("至今", "今", "起") and t[j - 1][_KIND] == _CJK:
        e.open, e.j = True, j + 1  # 2006年至今, 2020年起
    elif j < n and t[j][_TEXT] in _ONWARDS:
        e.open, e.j = True, j + 1  # "2019 onwards"
    elif (s := _separator(t, j)) is not None:
        _range_end(t, e, j, s)
    elif (slash := _slash_years(t, start, j)) is not None:
        e.end, e.j = slash
    if start[0] is None:  # a bare month takes the end's year
        end = e.end
        if end is None or end[0] is None or end[1] is None:
            return None
        y = end[0] if start[1] <= end[1] else end[0] - 1
        e.start = (y, start[1], None, False)
    if since and e.end is None:
        e.open = True
    return e


def _after_expected(t: list[_Tok], k: int) -> int:
    """Index after ``expected`` at ``k`` and what may follow it ("graduation", ":")."""
    k += 1
    if k < len(t) and t[k][_TEXT] == "." and _tight(t, k):
        k += 1  # "exp."
    if k < len(t) and t[k][_TEXT] in _EXPECTED_WHAT:
        k += 1
    if k < len(t) and t[k][_TEXT] in (":", "："):
        k += 1
    return k


def _slash_years(t: list[_Tok], start: _Point, j: int) -> tuple[_Point, int] | None:
    """``2022/23``, ``2022/2023``: an academic year (the month rule took ``2022/09``)."""
    y, m = start[0], start[1]
    if y is None or m is not None or j + 1 >= len(t) or t[j][_TEXT] != "/":
        return None
    if not (_tight(t, j) and _tight(t, j + 1)) or t[j + 1][_KIND] != _NUM:
        return None
    digits = t[j + 1][_TEXT]
    if len(digits) == 2 and int(digits) == (y + 1) % 100:
        return (y + 1, None, None, False), j + 2
    later = _year(t[j + 1])
    if later is not None and y < later <= y + 10:
        return (later, None, None, False), j + 2
    return None


def _range_end(t: list[_Tok], e: _Expr, sep_i: int, k: int) -> None:
    """Complete ``e`` with what follows its separator, if it is an end."""
    n = len(t)
    expected = k < n and t[k][_TEXT] in _EXPECTED_WORDS
    if expected:
        k = _after_expected(t, k)
    hit = _point(t, k) if k < n else None
    if hit is not None and hit[0][0] is not None:
        e.end, e.j = hit
        e.short = e.short or hit[0][3]
        e.expected = e.expected or expected
        return
    if k < n and not expected and t[k][_TEXT] in _OPEN_WORDS:
        e.open, e.j = True, k + 1
        return
    if k < n and t[k][_TEXT] == "date" and t[k - 1][_TEXT] in ("to", "till"):
        e.open, e.j = True, k + 1  # "2019 to date", "2019 – till date"
        return
    if k + 1 < n and t[k][_TEXT] in ("to", "till") and t[k + 1][_TEXT] == "date":
        e.open, e.j = True, k + 2
        return
    short = _end_after(t, e.start, sep_i, k) if e.start is not None else None
    if short is not None:
        e.end, e.j = short
        return
    if t[sep_i][_KIND] == _DASH and (
        k >= n or (t[k][_TEXT] in _CLOSERS and (_tight(t, sep_i) or _tight(t, k)))
    ):
        e.open, e.j = True, k  # "2024--", "2024–", "2024 –" at the end
        return
    if _open_dash_before_text(t, sep_i, k):
        e.open, e.j = True, k  # "2023-- Lab Assistant at …"


def _open_dash_before_text(t: list[_Tok], sep_i: int, k: int) -> bool:
    """A dash glued to the date with a space and words after it (``2023-- Doctoral
    Student``, ``2021– Lecturer``): the range is open, the words are the entry."""
    return (
        t[sep_i][_KIND] == _DASH
        and _tight(t, sep_i)
        and k < len(t)
        and not _tight(t, k)
        and t[k][_KIND] == _WORD
    )


def _day_span(t: list[_Tok], i: int) -> _Expr | None:
    """``14-15 June 2016``, ``14–15 June, 2016``: days of one month (exact start and end)."""
    n = len(t)
    if i + 4 >= n:
        return None
    d1, d2 = _small(t[i], 31), _small(t[i + 2], 31)
    if d1 is None or d2 is None or t[i + 1][_KIND] != _DASH or d1 >= d2:
        return None
    m = MONTHS.get(t[i + 3][_TEXT])
    k = i + 4
    if k < n and t[k][_TEXT] == ",":
        k += 1
    y = _year(t[k]) if m is not None and k < n else None
    if y is None or m is None or not _valid_day(y, m, d2):
        return None
    return _Expr(i, k + 1, (y, m, d1, False), (y, m, d2, False))


def _day_month_range(t: list[_Tok], i: int) -> _Expr | None:
    """``12 March - 2 April 2018``: a start day and month whose year is the end's."""
    n = len(t)
    if i + 3 >= n:
        return None
    d1, m1 = _small(t[i], 31), MONTHS.get(t[i + 1][_TEXT])
    if d1 is None or m1 is None or t[i + 2][_KIND] != _DASH:
        return None
    hit = _point(t, i + 3)
    if hit is None:
        return None
    end, j = hit
    if end[0] is None or end[1] is None:
        return None
    y = end[0] if (m1, d1) <= (end[1], end[2] or 31) else end[0] - 1
    if not _valid_day(y, m1, d1):
        return None
    return _Expr(i, j, (y, m1, d1, False), end)


def _month_span(t: list[_Tok], i: int) -> _Expr | None:
    """``05–07/2022-2023``, ``06+07/2020-2023``: months over a year (range)."""
    n = len(t)
    if i + 4 >= n or not all(_tight(t, k) for k in range(i + 1, i + 5)):
        return None
    m1, m2, y1 = _small(t[i], 12), _small(t[i + 2], 12), _year(t[i + 4])
    joint = t[i + 1]
    if (
        not (m1 and m2 and y1)
        or t[i + 3][_TEXT] != "/"
        or not (joint[_KIND] == _DASH or joint[_TEXT] == "+")
    ):
        return None
    y2, j = y1, i + 5
    if j + 1 < n and t[j][_KIND] == _DASH and _tight(t, j) and _tight(t, j + 1):
        later = _year(t[j + 1])
        if later is not None and later >= y1:
            y2, j = later, j + 2
    e = _Expr(i, j, (y1, m1, None, False), (y2, m2, None, False))
    if y2 != y1:
        e.note = "text"  # the original text says more than one range can
    return e


def _close(t: list[_Tok], i: int) -> int | None:
    """Index of the parenthesis closing the one at ``i`` (no nesting, short)."""
    for k in range(i + 1, min(len(t), i + 40)):
        c = t[k][_TEXT]
        if c in (")", "）"):
            return k
        if c in ("(", "（"):
            return None
    return None


def _paren_item(t: list[_Tok], i: int) -> _Expr | None:
    """A date expression wrapped in parentheses: ``(Ongoing)``, ``(2024)``,
    ``(2021 – Present; expected May 2026)``."""
    c = _close(t, i)
    if c is None or c == i + 1:
        return None
    inner = t[i + 1 : c]
    e = _expression(inner, 0)
    if e is not None and e.j < len(inner) and _only_expected(inner[e.j :]):
        e.expected, e.j = True, len(inner)  # "(2024 expected)"
    if e is None or e.j != len(inner):
        return None
    e.i, e.j, e.paren = i, c + 1, True
    return e


def _only_expected(rest: list[_Tok]) -> bool:
    return all(x[_TEXT] in _EXPECTED_WORDS or x[_TEXT] == "." for x in rest)


def _trailers(t: list[_Tok], e: _Expr) -> None:
    """What may follow a date and belongs to it: ``(expected)``, ``(2026)`` after a start
    year, ``; expected May 2026``, ``(stopped as of 2023.09.30)``."""
    n = len(t)
    while e.j < n:
        j = e.j
        tok = t[j]
        if tok[_TEXT] in ("(", "（"):
            c = _close(t, j)
            if c is None or c == j + 1:
                return
            inner = t[j + 1 : c]
            if all(x[_TEXT] in _EXPECTED_WORDS or x[_TEXT] == "." for x in inner):
                e.expected, e.j = True, c + 1
                continue
            y = _year(inner[0]) if len(inner) == 1 else None
            if y is not None and e.single and e.start and e.start[1] is None and y >= e.start[0]:
                e.end, e.expected, e.j = (y, None, None, False), True, c + 1  # "2022 (2026)"
                continue
            note = _dated_note(inner)
            if note is not None and e.note is None:
                e.note, e.j = note, c + 1
                continue
            return
        expected = j + 2 < n and t[j + 1][_TEXT] in _EXPECTED_WORDS
        if expected and tok[_TEXT] in (";", ",", "；", "，"):
            hit = _point(t, j + 2)
            if hit is None or hit[0][0] is None:
                return
            e.end, e.j = hit
            e.expected, e.open = True, False
            continue
        return


def _dated_note(inner: list[_Tok]) -> tuple[int, int, list[tuple[int, int, str]]] | None:
    """A parenthetical with words and at least one date: its text, dates made ISO."""
    dates = []
    words = 0
    k = 0
    while k < len(inner):
        hit = _point(inner, k)
        if hit is not None and hit[0][0] is not None:
            point, nxt = hit
            dates.append((inner[k][_START], inner[nxt - 1][_END], _iso(point)))
            k = nxt
            continue
        words += inner[k][_KIND] == _WORD
        k += 1
    if not dates or not words:
        return None
    return inner[0][_START], inner[-1][_END], dates


def _item(t: list[_Tok], i: int) -> _Expr | None:
    """One date expression, its trailers included."""
    tok = t[i]
    if tok[_TEXT] in ("(", "（"):
        e = _paren_item(t, i)
    elif tok[_KIND] == _NUM and len(tok[_TEXT]) <= 2:
        e = _day_span(t, i) or _day_month_range(t, i) or _month_span(t, i) or _core(t, i)
    else:
        e = _core(t, i)
    if e is not None:
        _trailers(t, e)
    return e


def _joiner(t: list[_Tok], j: int) -> int | None:
    if j < len(t):
        tok = t[j]
        if tok[_KIND] == _BR or tok[_TEXT] in _JOIN_PUNCT or tok[_TEXT] in _JOIN_WORDS:
            return j + 1
    return None


def _expression(t: list[_Tok], i: int) -> _Expr | None:
    """Dates joined into one expression: ``May 2022 – July 2023, May 2024 – July 2025``,
    ``2023 & 2024``. The merged range runs from the earliest start to the latest end (open
    if any part is) and keeps the text as its note."""
    first = _item(t, i)
    if first is None:
        return None
    items = [first]
    while (k := _joiner(t, items[-1].j)) is not None and k < len(t):
        nxt = _item(t, k)
        if nxt is None or nxt.bare or (nxt.start is None and nxt.end is None):
            break
        items.append(nxt)
    if len(items) == 1:
        return first
    starts = [x.start or x.end for x in items]
    ends = [x.end or x.start for x in items]
    e = _Expr(first.i, items[-1].j, min(starts, key=_order), max(ends, key=_order))
    e.open = any(x.open for x in items)
    if e.open or e.end == e.start:
        e.end = None
    e.expected = any(x.expected for x in items)
    e.short = any(x.short for x in items)
    e.listed = True
    e.note = "text"
    return e


def _order(point: _Point | None) -> tuple[int, int, int]:
    """Sort key of a point; a year sorts before its months."""
    if point is None or point[0] is None:
        return (0, 0, 0)
    return (point[0], point[1] or 0, point[2] or 0)


# --------------------------------------------------------------------------- results


#: Months and days with two digits: a look-up costs less than formatting.
_TWO_DIGITS = tuple(f"{k:02d}" for k in range(32))


def _iso(point: _Point | None) -> str | None:
    if point is None or point[0] is None:
        return None
    y, m, d, _ = point  # a year here has four digits (the rules only make 1949–2110)
    if m is None:
        return str(y)
    if d is None:
        return f"{y}-{_TWO_DIGITS[m]}"
    return f"{y}-{_TWO_DIGITS[m]}-{_TWO_DIGITS[d]}"


_BR_TEXT = r"\s*<br\s*/?>\s*"  # case-insensitive


def _build(text: str, t: list[_Tok], e: _Expr) -> DateRange:
    a, b = t[e.i][_START], t[e.j - 1][_END]
    note = e.note
    if note == "text":
        note = _rx().br_text.sub("; ", text[a:b])
    elif isinstance(note, tuple):
        lo, hi, dates = note
        parts, pos = [], lo
        for da, db, iso in dates:
            parts += [text[pos:da], iso]
            pos = db
        parts.append(text[pos:hi])
        note = "".join(parts)
    if note is None:
        note = _season_note(text, t, e)
    fields = (_iso(e.start), _iso(e.end), e.open, e.expected, note, (a, b))
    return DateRange(*fields)


def parse_date(text: str) -> str | None:
    """One date as ISO 8601 ("Sept. 2024" → "2024-09"), or None if ``text`` is not one."""
    t = _tokenize(text)
    if not t:
        return None
    hit = _point(t, 0)
    if hit is None or hit[1] != len(t):
        return None
    return _iso(hit[0])


def parse_range(text: str) -> DateRange | None:
    """The date expression that is the whole of ``text`` (a trailing colon allowed)."""
    days = _day_range(text)
    if days is not None and not (text[: days.span[0]] + text[days.span[1] :]).strip(" :："):
        return days
    first = _rx().tokens.match(text)  # the white space, then the first token
    if first is None:
        return None
    word = first.group(2)
    if not ("0" <= word[0] <= "9" or word.lower() in _STARTS):
        # most lines: their first token is neither a number nor a word a date may start
        # with, no need to tokenize them (a test that may let more through, never fewer)
        return None
    t = _tokenize(text)
    if not t:
        return None
    e = _expression(t, 0)
    if e is None:
        return None
    rest = len(t) - e.j
    if rest and not (rest == 1 and t[-1][_TEXT] in (":", "：")):
        return None
    if e.start is None and e.end is None and not e.open:
        return None
    return _build(text, t, e)


_LEAD = r"(?:\s|[*_#>|•·+\-–—\[(]|<[^>]*>)*"
_TRAIL = r"(?:\s|[*_|.,;:：)\]]|<[^>]*>)*"
_EXCLUDED = (
    r"https?://\S+|www\.\S+|\]\([^)\s]*\)|(?:href|src)=\"[^\"]*\""
    r"|\+\d[\d \-.()]{6,}\d|\(\d{2,4}\)\s*\d[\d \-.]{5,}\d"
    r"|\b\d{3}[-. ]\d{3,4}[-. ]\d{4}\b|\b1[3-9]\d[- ]\d{4}[- ]\d{4}\b"
)
#: What every alternative of ``_EXCLUDED`` needs: without any of it, nothing is excluded.
_EXCLUDED_NEEDS = ("://", "www.", "](", '="', "+", "(")
#: How the two digit-only alternatives start; ``\d\d\d``, not ``\d{3}``: a pattern that
#: starts with a character class lets the regex engine skip to the next digit.
_PHONE_DIGITS = r"\d\d\d[-. ]\d\d\d"
#: What every date :func:`find_range` accepts contains: a year token (1950–2100), a two-digit
#: month/year ("06/22"), or a parenthesis opening on an open word ("(Ongoing)"). A point
#: with a year needs one of the first two; a point without one (a bare month) only
#: counts before an end that has one; a bare open word only counts in parentheses.
#: The pattern may match more (10xx, 1100, words that only start like an open word, any
#: case): it only has to rule out. It starts with one character class so that the regex
#: engine skips to the next digit or parenthesis instead of trying every branch everywhere.
_ANCHOR = (
    r"[0-9(（]"
    r"(?:(?<=[12])(?<![0-9][12])(?:9[5-9][0-9]|0[0-9][0-9]|100)(?![0-9])"  # 1950–2100
    r"|(?<=[0-9])[0-9]/[0-9]{2}"  # 06/22
    r"|(?<=[(（])\s*(?i:" + "|".join(map(re.escape, sorted(_OPEN_WORDS))) + "))"  # (Ongoing
)


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, link targets, attributes and phone numbers: no dates in there."""
    rx = _rx()
    for need in _EXCLUDED_NEEDS:
        if need in text:
            break
    else:
        if not rx.phone_digits.search(text):
            return []  # the common case, found without trying 8 alternatives at every position
    return [m.span() for m in rx.excluded.finditer(text)]


def _bounded(text: str, a: int, b: int) -> bool:
    """No letter or digit glued to the expression: ``CS2021``, ``2020s``, ``22.8%``,
    ``$2000``, ``2010-10-01-paper`` are no dates."""
    latin = _rx().latin
    if a > 0:
        c = text[a - 1]
        if c in latin or c in "$€£¥#@":
            return False
        if text[a].isdigit() and c in "./-_:+" and a > 1 and text[a - 2] in latin:
            return False
    if b < len(text):
        c = text[b]
        if c in latin or c == "%":
            return False
        if c in "./-_" and b + 1 < len(text) and text[b + 1] in latin:
            return False
    return True


def _acceptable(text: str, t: list[_Tok], e: _Expr, a: int, b: int) -> bool:
    """Whether a candidate found inside other text is really a date."""
    if e.bare and not e.paren:
        return False  # "current research" is no date
    if e.short and e.single and not e.paren:
        return False  # "12/24" alone may be anything
    if not _bounded(text, a, b):
        return False
    k = e.i - 1
    if k >= 0 and t[k][_TEXT] == ".":
        k -= 1
    return not (k >= 0 and t[k][_KIND] == _WORD and t[k][_TEXT] in _NOT_BEFORE_YEAR)


def _score(text: str, e: _Expr, a: int, b: int) -> int:
    """Ranges first, then dates at the start or the end of the line, then precision."""
    score = 0
    if not e.single or e.listed:
        score += 4
    # no regex needed at the very start or end, nor when a letter or digit is there (the
    # patterns allow neither)
    rx = _rx()
    if a == 0 or (text[0] not in rx.latin and rx.lead.fullmatch(text, 0, a)):
        score += 2
    if b == len(text) or (text[b] not in rx.latin and rx.trail.fullmatch(text, b)):
        score += 2
    point = e.end or e.start
    if point is not None and point[1] is not None:
        score += 1
    return score


def find_range(text: str) -> DateRange | None:
    """The best date expression inside a line of other text, with its span.

    Candidates are scanned left to right; ranges win over single dates, then
    expressions at the start or end of the line; ties go to the longer, then the earlier
    one. Call again on the rest of the line for further dates.
    """
    if not _rx().anchor.search(text):
        return None  # most lines: nothing a date could be built on, no need to tokenize
    days = _day_range(text)
    return days if days is not None else _scan(text)


@cache
def _day_range_rx() -> re.Pattern[str]:
    """Day ranges that share their year (and month): ``12 March - 2 April 2018``,
    ``14-15 June 2016``, ``March 12 – April 2, 2018``, ``June 14–15, 2016``."""
    month = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
    m = rf"(?:{month})\.?"
    d = r"\d{1,2}(?:st|nd|rd|th)?"
    dash = rf"\s*[{_DASHES}]\s*"
    return re.compile(
        rf"(?<![\w.])(?:(?P<a1>{d})\s+(?P<am1>{m})(?:{dash}(?P<a2>{d})\s+(?P<am2>{m}))"
        rf"|(?P<b1>{d}){dash}(?P<b2>{d})\s+(?P<bm>{m})"
        rf"|(?P<cm1>{m})\s+(?P<c1>{d}){dash}(?P<cm2>{m})\s+(?P<c2>{d})"
        rf"|(?P<dm>{m})\s+(?P<d1>{d}){dash}(?P<d2>{d})),?\s+(?P<y>\d{{4}})(?!\d)",
        re.I,
    )


def _day_range(text: str) -> DateRange | None:
    """A day range of :func:`_day_range_rx` in ``text`` (valid days only), else None."""
    if not any(ch in text for ch in _DASHES):
        return None
    for match in _day_range_rx().finditer(text):
        g = match.groupdict()
        year = int(g["y"])
        for k in "abcd":
            if g.get(f"{k}1"):
                break
        m1 = g.get(f"{k}m1") or g.get(f"{k}m")
        m2 = g.get(f"{k}m2") or m1
        d1, d2 = (int(re.match(r"\d+", g[f"{k}{n}"]).group(0)) for n in "12")  # type: ignore[union-attr]
        mo1, mo2 = MONTHS[m1.lower().rstrip(".")], MONTHS[m2.lower().rstrip(".")]
        if not (1950 <= year <= 2100 and _valid_day(year, mo1, d1) and _valid_day(year, mo2, d2)):
            continue
        if (mo2, d2) < (mo1, d1):
            continue
        start, end = f"{year}-{mo1:02d}-{d1:02d}", f"{year}-{mo2:02d}-{d2:02d}"
        return DateRange(start, end, span=match.span())
    return None


def _scan(text: str) -> DateRange | None:
    """:func:`find_range` without its pre-check: every candidate tried."""
    t = _tokenize(text)
    best: tuple[tuple[int, int, int], _Expr] | None = None
    excluded: list[tuple[int, int]] | None = None
    starts = _STARTS
    after = 0  # the tokens of an accepted candidate start no other
    for i, (kind, word, _, _) in enumerate(t):
        if i < after or (kind != _NUM and word not in starts):
            continue
        e = _expression(t, i)
        if e is None or not (e.start or e.end or e.open):
            continue
        a, b = t[e.i][_START], t[e.j - 1][_END]
        if not _acceptable(text, t, e, a, b):
            continue
        if excluded is None:
            excluded = _excluded_spans(text)
        if excluded and any(x < b and a < y for x, y in excluded):
            continue
        key = (_score(text, e, a, b), b - a, -a)
        if best is None or key > best[0]:
            best = (key, e)
        after = e.j
    return _build(text, t, best[1]) if best else None
