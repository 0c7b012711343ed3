"""The importer's fast paths give exactly what the plain way gives (issue 5 throughput)."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resumeconv import dates
from resumeconv.importers.cvpage import fields
from resumeconv.importers.cvpage.inline import Line, Run
from resumeconv.report import Position, SourceMap, pointer

_PIECES = st.sampled_from(
    ["a", "Bc", " ", "  ", "\t", "\n", "\u00a0", "\u3000", ",", ";", ":", "|", "–", "—", "-",
     "·", "•", "：", "，", "；", "、", "(", ")", "2022", "Sept.", "x y"]
)  # fmt: skip
_RUNS = st.lists(
    st.builds(
        Run,
        st.lists(_PIECES, max_size=5).map("".join),
        st.booleans(),
        st.booleans(),
        st.sampled_from([None, "https://a.example"]),
        st.booleans(),
    ),
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(_RUNS, st.integers(0, 40), st.one_of(st.none(), st.integers(0, 40)))
def test_cut_is_slice_then_strip(runs: list[Run], start: int, end: int | None) -> None:
    line = Line(runs, 7)
    assert line.cut(start, end) == line.slice(start, end).strip()


#: ``dates._TOKEN`` as first written: greedy repeats, alternatives in kind order.
_PLAIN_TOKEN = (
    r"(?P<n>[0-9]+)"
    r"|(?P<b><br\s*/?>)"
    r"|(?P<d>-+>|→|[-‐‑‒–—―−－~～]+)"
    r"|(?P<c>至今|预计|[年月日至今起])"
    r"|(?P<w>[A-Za-zÀ-ÖØ-öø-ɏ]+(?:['’][A-Za-zÀ-ÖØ-öø-ɏ]+)*)"
    r"|(?P<p>\S)"
)


def _reference_tokens(text: str) -> list[tuple[str, str, int, int]]:
    """The tokenizer written the obvious way (one match object per token)."""
    out = []
    for m in re.finditer(_PLAIN_TOKEN, text):
        kind, word = m.lastgroup or "p", m.group()
        out.append((kind, word.lower() if kind == "w" else word, m.start(), m.end()))
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab9 \t\n\u00a0<br/>BR-–—~→年月至今预计'’é.,()（）İƁ>", max_size=30))
def test_tokenizer_matches_reference(text: str) -> None:
    assert [tuple(t) for t in dates._tokenize(text)] == _reference_tokens(text)


#: Pieces of date expressions and of what they are not, for lines that mix both.
_DATE_PIECES = st.sampled_from(
    ["2022", "1949", "1950", "2100", "2101", "12022", "06", "22", "9", "/", ".", "-", "–", "~",
     "(", ")", "（", "）", " ", "  ", ",", ";", "&", ":", "<br>", "Present", "ONGOING", "now",
     "至今", "今", "年", "月", "起", "May", "Sept.", "Fall", "semester", "to", "since", "until",
     "expected", "Exp.", "graduation", "1er", "de", "CS", "%", "pp", "and", "x", "http://a.b/",
     "+1 555 123 4567"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=14).map("".join))
@example("Research ( Present) x")
@example("（ 至今 ）")
@example("2100–01/2101")
@example("06/22 – 09/24")
def test_find_range_pre_check_only_rules_out_lines_without_dates(text: str) -> None:
    """The anchor pre-check of find_range skips no line the full scan finds a date in."""
    assert dates.find_range(text) == dates._scan(text)


def test_anchor_years_are_the_year_bounds() -> None:
    anchor = dates._rx().anchor
    assert all(anchor.search(f"x {y} x") for y in range(dates.MIN_YEAR, dates.MAX_YEAR + 1))
    assert not any(anchor.search(f"x {y}") for y in (dates.MIN_YEAR - 1, dates.MAX_YEAR + 1))
    assert not anchor.search("x 20222 x 12022")


def test_latin_set_is_the_letter_and_digit_class() -> None:
    """``_bounded`` and ``_score`` ask a set what a regex character class used to answer."""
    plain = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ɏ]")
    assert dates._rx().latin == {chr(c) for c in range(0x3000) if plain.match(chr(c))}


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab9 *_|.,:;()<>-–#\t", max_size=12), st.data())
def test_score_shortcuts_match_the_patterns(text: str, data: st.DataObject) -> None:
    """A line's very start or end, or a letter or digit there, needs no regex in _score."""
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    e = dates._Expr(0, 1, (2020, None, None, False))
    rx = dates._rx()
    plain = 4 * (not e.single) + 2 * bool(rx.lead.fullmatch(text, 0, a))
    plain += 2 * bool(rx.trail.fullmatch(text, b))
    assert dates._score(text, e, a, b) == plain


def test_iso_of_every_year_month_and_day() -> None:
    """_iso looks two digits up instead of formatting them; years have four digits."""
    for y in range(1949, 2111):
        assert dates._iso((y, None, None, False)) == f"{y:04d}"
        assert dates._iso((y, 12, None, False)) == f"{y:04d}-12"
    for m in range(1, 13):
        for d in range(1, 32):
            assert dates._iso((2020, m, d, False)) == f"2020-{m:02d}-{d:02d}"


def _plain_pointer(*parts: object) -> str:
    """RFC 6901 the obvious way: every part made a string and escaped."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


_PARTS = st.lists(
    st.one_of(
        st.text(alphabet="ab/~0 1", max_size=4),
        st.integers(-2, 12),
        st.sampled_from([None, True, 1.5, ("x", 1)]),
    ),
    max_size=5,
)


@settings(max_examples=500, deadline=None)
@given(_PARTS)
def test_pointer_matches_plain_escaping(parts: list[object]) -> None:
    assert pointer(*parts) == _plain_pointer(*parts)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["/a", "/a/0", "/b", ""]), st.integers(1, 3), st.integers(1, 2)),
        max_size=8,
    ),
    st.lists(st.sampled_from(["p.md", "q.md"]), min_size=8, max_size=8),
)
def test_source_map_shares_positions_but_records_the_same(adds, files) -> None:
    smap, plain = SourceMap("p.md"), {}
    for (ptr, line, column), file in zip(adds, files, strict=False):
        smap.file = file  # a map's file may be set again between records
        smap.add(ptr, line, column)
        plain.setdefault(ptr, Position(file, line, column))
    assert smap.positions == plain


def test_split_parts_same_with_and_without_brackets() -> None:
    text = "M.S. in CS, Shanghai Jiao Tong University; Shanghai，China、x"
    fast = fields.split_parts(text)
    slow = fields.split_parts(text + " ()")  # brackets: the character-by-character way
    assert fast[:-1] == slow[:-1] and slow[-1] == fast[-1] + " ()"


def test_dates_import_is_cheap() -> None:
    """Exporters import dates on every run: no dataclasses, no typing, no regex compiled."""
    code = (
        "import sys, resumeconv.dates as d;"
        "print('dataclasses' in sys.modules, 'typing' in sys.modules, d._rx.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "0"]
