"""Dates: every style seen on real CV pages, what must not be a date, and round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumeconv.dateformat import format_date, format_range
from resumeconv.dates import DateRange, find_range, parse_date, parse_range
from resumeconv.errors import UsageError

LOCALES = ("en", "zh", "de", "fr", "es", "pt")

# text, start, end, open, expected, note
RANGES = [
    ("2022 ———— Present", "2022", None, True, False, None),
    ("Sept. 2024 ———— Present", "2024-09", None, True, False, None),
    ("Jul. 2024 ———— Present", "2024-07", None, True, False, None),
    ("Jan. 2024 ———— Jun. 2024", "2024-01", "2024-06", False, False, None),
    ("May 2022 ———— Sept. 2022", "2022-05", "2022-09", False, False, None),
    ("Sept. 2023", "2023-09", None, False, False, None),
    ("Sep, 2022", "2022-09", None, False, False, None),
    ("2019.09 - 2022.03", "2019-09", "2022-03", False, False, None),
    ("12/2016-11/2022", "2016-12", "2022-11", False, False, None),
    ("05/2016 - 11/2016", "2016-05", "2016-11", False, False, None),
    ("since 12/2022", "2022-12", None, True, False, None),
    ("Since 2006", "2006", None, True, False, None),
    ("06/22 – 09/24", "2022-06", "2024-09", False, False, None),
    ("08/06 – 07/14", "2006-08", "2014-07", False, False, None),
    ("04/21 – present", "2021-04", None, True, False, None),
    ("10/19 – 03/20", "2019-10", "2020-03", False, False, None),
    ("01/21 – 03/21", "2021-01", "2021-03", False, False, None),
    (
        "10/19 – 03/20<br>01/21 – 03/21",
        "2019-10",
        "2021-03",
        False,
        False,
        "10/19 – 03/20; 01/21 – 03/21",
    ),
    ("2024--", "2024", None, True, False, None),
    ("2024–", "2024", None, True, False, None),
    ("(2021 – Present; expected May 2026)", "2021", "2026-05", False, True, None),
    # a season gives its year only (no month invented), the words kept in the note
    ("Fall 2022 - Spring 2023", "2022", "2023", False, False, "Fall 2022 - Spring 2023"),
    ("Summer 2022", "2022", None, False, False, "Summer 2022"),
    ("Fall 2024 - Winter 2025", "2024", "2025", False, False, "Fall 2024 - Winter 2025"),
    ("Autumn 2020", "2020", None, False, False, "Autumn 2020"),
    ("2022.09 – 至今", "2022-09", None, True, False, None),
    ("2024.10.01 -> 2025.09.23", "2024-10-01", "2025-09-23", False, False, None),
    ("2023.04.01 - 2025.03.31", "2023-04-01", "2025-03-31", False, False, None),
    ("2023.12.01 - Now", "2023-12-01", None, True, False, None),
    ("2022.03 - Present", "2022-03", None, True, False, None),
    ("2018.09", "2018-09", None, False, False, None),
    ("2020/04-2023/04", "2020-04", "2023-04", False, False, None),
    ("2024/04-10", "2024-04", "2024-10", False, False, None),
    ("2015/10-2019/11", "2015-10", "2019-11", False, False, None),
    ("09/2012-2015/05", "2012-09", "2015-05", False, False, None),
    ("2027/09 (expected)", "2027-09", None, False, True, None),
    ("2018 (expected)", "2018", None, False, True, None),
    ("2022 (2026)", "2022", "2026", False, True, None),
    ("2021-2022", "2021", "2022", False, False, None),
    ("2009-2013", "2009", "2013", False, False, None),
    ("2021-12", "2021-12", None, False, False, None),
    ("2012-2014", "2012", "2014", False, False, None),
    ("2019-20", "2019", "2020", False, False, None),
    ("April 2022 - October 2022", "2022-04", "2022-10", False, False, None),
    ("September 2023 – September 2024", "2023-09", "2024-09", False, False, None),
    ("October 2020 - June 2025", "2020-10", "2025-06", False, False, None),
    ("October – November 2022", "2022-10", "2022-11", False, False, None),
    ("November – February 2023", "2022-11", "2023-02", False, False, None),
    (
        "May 2022 – July 2023, May 2024 – July 2025",
        "2022-05",
        "2025-07",
        False,
        False,
        "May 2022 – July 2023, May 2024 – July 2025",
    ),
    ("Jul 2024 – Sep 2024", "2024-07", "2024-09", False, False, None),
    ("Jun 2021–Aug 2021", "2021-06", "2021-08", False, False, None),
    ("Sept 2021–April 2023", "2021-09", "2023-04", False, False, None),
    ("May 2023–Present", "2023-05", None, True, False, None),
    ("Jan 2024–Present", "2024-01", None, True, False, None),
    ("December 2022", "2022-12", None, False, False, None),
    ("2025 – Present", "2025", None, True, False, None),
    ("2019 – 2025", "2019", "2025", False, False, None),
    ("2011 – 2016", "2011", "2016", False, False, None),
    ("2024-Present", "2024", None, True, False, None),
    ("2024 – Present", "2024", None, True, False, None),
    ("2024 - current", "2024", None, True, False, None),
    ("2019 to 2021", "2019", "2021", False, False, None),
    ("2019 ~ 2021", "2019", "2021", False, False, None),
    ("(Ongoing)", None, None, True, False, None),
    ("Ongoing", None, None, True, False, None),
    ("1993年", "1993", None, False, False, None),
    ("2006年至今", "2006", None, True, False, None),
    ("2020年起", "2020", None, True, False, None),
    ("2008-2009年", "2008", "2009", False, False, None),
    ("2006年至2010年", "2006", "2010", False, False, None),
    ("2022年9月", "2022-09", None, False, False, None),
    ("2022年9月1日", "2022-09-01", None, False, False, None),
    ("2022年9月 – 至今", "2022-09", None, True, False, None),
    ("2022年9月 – 2026年6月（预计）", "2022-09", "2026-06", False, True, None),
    ("2022.09 – 2023.10", "2022-09", "2023-10", False, False, None),
    ("2025.01 – 至今", "2025-01", None, True, False, None),
    ("2009-10-01", "2009-10-01", None, False, False, None),
    ("2020.09.24 - 2023.09.22", "2020-09-24", "2023-09-22", False, False, None),
    ("2014.09.01 - 2018.06.30", "2014-09-01", "2018-06-30", False, False, None),
    (
        "2023.04.01 - 2025.03.31  (stopped as of 2023.09.30)",
        "2023-04-01",
        "2025-03-31",
        False,
        False,
        "stopped as of 2023-09-30",
    ),
    ("2024.04.10 - 2026.12.31", "2024-04-10", "2026-12-31", False, False, None),
    ("05–07/2022-2023", "2022-05", "2023-07", False, False, "05–07/2022-2023"),
    ("06+07/2020-2023", "2020-06", "2023-07", False, False, "06+07/2020-2023"),
    ("05–07/2022", "2022-05", "2022-07", False, False, None),
    ("2023 & 2024", "2023", "2024", False, False, "2023 & 2024"),
    ("2018-2020", "2018", "2020", False, False, None),
    ("expected May 2026", "2026-05", None, False, True, None),
    ("2021 – 2026 (expected)", "2021", "2026", False, True, None),
    ("01.09.2023 – heute", "2023-09-01", None, True, False, None),
    # day ranges sharing their year (and month): exact start and end days
    ("12 March - 2 April 2018", "2018-03-12", "2018-04-02", False, False, None),
    ("14-15 June 2016", "2016-06-14", "2016-06-15", False, False, None),
    ("March 12 – April 2, 2018", "2018-03-12", "2018-04-02", False, False, None),
    ("June 14–15, 2016", "2016-06-14", "2016-06-15", False, False, None),
    # Japanese / Korean "present"
    ("2024年4月 – 現在", "2024-04", None, True, False, None),
    ("2019년 3월 - 2021년 2월", "2019-03", "2021-02", False, False, None),
    ("2023년 3월 – 현재", "2023-03", None, True, False, None),
    ("seit 09/2019", "2019-09", None, True, False, None),
    ("until Sep 2023", None, "2023-09", False, False, None),
    ("April 2022 - October 2022:", "2022-04", "2022-10", False, False, None),
    ("2022/23", "2022", "2023", False, False, None),
    ("2022/2023", "2022", "2023", False, False, None),
    ("2019 – till date", "2019", None, True, False, None),
    ("2019 to date", "2019", None, True, False, None),
    ("Expected graduation: May 2026", "2026-05", None, False, True, None),
    ("2022 – Expected May 2026", "2022", "2026-05", False, True, None),
    ("2024 –", "2024", None, True, False, None),
    ("(2021 –)", "2021", None, True, False, None),
]


@pytest.mark.parametrize(("text", "start", "end", "is_open", "expected", "note"), RANGES)
def test_parse_range_styles(text, start, end, is_open, expected, note):
    r = parse_range(text)
    assert r is not None, text
    assert (r.start, r.end, r.open, r.expected, r.note) == (start, end, is_open, expected, note)
    assert r.span[0] == 0
    assert text[r.span[1] :] in ("", ":")


@pytest.mark.parametrize(("text", "start", "end", "is_open", "expected", "note"), RANGES)
def test_find_range_finds_each_style_inside_a_line(text, start, end, is_open, expected, note):
    text = text.rstrip(":")
    line = f"* Research Assistant, University of Somewhere, {text}: more words"
    r = find_range(line)
    if text == "Ongoing":
        assert r is None  # a bare open word inside a line is no date
        return
    assert r is not None
    assert (r.start, r.end, r.open, r.expected) == (start, end, is_open, expected)
    assert line[r.span[0] : r.span[1]] == text


def test_single():
    assert parse_range("2018 (expected)").single
    assert parse_range("Sept. 2023").single
    assert not parse_range("2022 ———— Present").single
    assert not parse_range("(Ongoing)").single
    assert not parse_range("2019 – 2025").single


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Sept. 2024", "2024-09"),
        ("Sep 2024", "2024-09"),
        ("Mar-2022", "2022-03"),
        ("Sep/2021", "2021-09"),
        ("Oct.-2020", "2020-10"),
        ("September 2024", "2024-09"),
        ("sept 2024", "2024-09"),
        ("2024", "2024"),
        ("2024-09", "2024-09"),
        ("2024-09-01", "2024-09-01"),
        ("2018.09", "2018-09"),
        ("05/2016", "2016-05"),
        ("1 Sep 2023", "2023-09-01"),
        ("Sep 1, 2023", "2023-09-01"),
        ("1st May 2022", "2022-05-01"),
        ("Summer 2022", "2022"),
        ("Winter 2022", "2022"),
        ("Spring semester 2022", "2022"),
        ("2022年9月", "2022-09"),
        ("März 2021", "2021-03"),
        ("1er septembre 2023", "2023-09-01"),
        ("1 de septiembre de 2023", "2023-09-01"),
        ("  Dec 1999 ", "1999-12"),
        ("1950", "1950"),
        ("2100", "2100"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Present",
        "1949",
        "2101",
        "2024 – 2025",
        "October",
        "2023-02-30",
        "2023.13",
        "13/2020",
        "31 Feb 2024",
        "May",
        "hello 2020",
    ],
)
def test_parse_date_rejects(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Present day", "2020 hello", "Research 2020", "2024 – 2025 and more", "CS3328"],
)
def test_parse_range_rejects_other_text(text):
    assert parse_range(text) is None


NOT_DATES = [
    "CS3328",
    "TOEFL 109",
    "STA302",
    "22.8%",
    "Round 19",
    "GCP19980904",
    "3.9x",
    "Committee 1508",
    "120 (14) e2205785119",
    "27(2)",
    "bbag134",
    "N4",
    "TOEFL IBT 113",
    "R:29",
    "$5000",
    "$2000",
    "24.9M words",
    "177K proposals",
    "1<sup>st</sup>",
    "Grade: 1.8",
    "GPA: 4.054",
    "Grade: 1.3 (with distinction)",
    "Phone: +86 138 2019 1234",
    "Tel. (617) 555-2020",
    "Tel. 617-555-2020",
    "Mobile: 138-2020-1234",
    "+49 2021 5551234",
    "STAT 2002H – Probability Theory",
    "CV: files/cv-2020.pdf",
    "the 2020s",
    "current research on ongoing work",
    "12/24",
    "pp. 2001-2010",
    "[*thesis*](https://x.github.io/publication/2010-10-01-paper-title-number-2) Evaluated",
    "Year 1949 and 2101",
    "Score 2020",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_find_range_ignores_what_is_no_date(text):
    assert find_range(text) is None


# line, the date expression find_range must cut out
IN_LINES = [
    ("Awarded Mar 2020", "Mar 2020"),
    ("Briefings in Bioinformatics, 27(2), March 2026, bbag134", "March 2026"),
    (
        "M.S. in Computer Technology, Shanghai Jiao Tong University, 2022 ———— Present",
        "2022 ———— Present",
    ),
    ("April 2022 - October 2022: Quantitative Research Intern", "April 2022 - October 2022"),
    ("Graduated *summa cum laude*, December 2022 — GPA: 4.054", "December 2022"),
    ("Ph.D in Applied Mathematics, Scuola Normale Superiore 2022 (2026)", "2022 (2026)"),
    ("Dauphine-ENS 2021-2022 (Second year)", "2021-2022"),
    ("* 诺丁汉大学，战略学（管理科学与工程）博士，2022.09 – 至今", "2022.09 – 至今"),
    ("  * 时间：2025.01 – 至今", "2025.01 – 至今"),
    ("* 2006年至今：教授", "2006年至今"),
    ("* 1993年：复旦大学计算机科学学士", "1993年"),
    (
        "* 2021 : [CRM StatLab](http://www.canssi.ca/uploads/2020/12/CRM-Oct2020.pdf) - Declined",
        "2021",
    ),
    (
        "Design Workshop 2021, Institute of Space Systems (Stuttgart, IRS), 2020/10-2021/03 ",
        "2020/10-2021/03",
    ),
    ("| 06/22 – 09/24  | __B.Sc. Economics__<br>Grade: 1.8<br>Thesis", "06/22 – 09/24"),
    ("|10/19 – 03/20<br>01/21 – 03/21 |\t__Internship", "10/19 – 03/20<br>01/21 – 03/21"),
    ("* (Ongoing): Professor of Statistics, Département", "(Ongoing)"),
    ("Google: Award GCP19980904, 2023", "2023"),
    ("Round 19, Governance Research Round by Metagov, 2023", "2023"),
    ("RadicalxChange: Student Scholarship, 2019 & 2022", "2019 & 2022"),
    ("<li> <strong>Spring 2026:</strong> <strong>Leading TA</strong>", "Spring 2026"),
    ("*Pawlowski Lab, Cornell University* — *Sept 2021–April 2023*  ", "Sept 2021–April 2023"),
    ("Lin, X., & Autio, E. (2024). _Tokens' Dual Role_", "(2024)"),
    ("\t* 05–07/2022-2023: Operation Management", "05–07/2022-2023"),
    ("\t* 06+07/2020-2023: Drone pilot", "06+07/2020-2023"),
    ("Infrastructures, 11(1), 29, 2026", "2026"),
    ("* Ph.D, University of Tokyo, 2027/09 (expected)", "2027/09 (expected)"),
    (
        "* 2023.04.01 - 2025.03.31 (stopped as of 2023.09.30)",
        "2023.04.01 - 2025.03.31 (stopped as of 2023.09.30)",
    ),
    ("* Since 2006: Professor", "Since 2006"),
    ("* since 12/2022: Senior Data Scientist at the StepStone", "since 12/2022"),
    ("* May 2022 – July 2023, May 2024 – July 2025 : **Executive Officer**", None),
    ("Student Builder Program, 2025", "2025"),
    ("PNAS 120 (14) e2205785119, https://doi.org/10.1073/pnas.2205785119 (2023).", "(2023)"),
    ("Maize Genetics Meeting, St. Louis, MO, May 2023  ", "May 2023"),
    ("Talk at ICML 2021, Vienna, Jul 2021 – Aug 2021", "Jul 2021 – Aug 2021"),
    ("2021: Ph.D. in Statistical Sciences, University of Toronto", "2021"),
    ("Conference 2019; Workshop, 2021-2022", "2021-2022"),
]


@pytest.mark.parametrize(("line", "found"), IN_LINES)
def test_find_range_in_lines(line, found):
    r = find_range(line)
    assert r is not None
    if found is None:
        found = "May 2022 – July 2023, May 2024 – July 2025"
    assert line[r.span[0] : r.span[1]] == found


def test_find_range_cut_leaves_the_rest():
    line = "April 2022 - October 2022: Quantitative Research Intern"
    r = find_range(line)
    assert line[r.span[1] :] == ": Quantitative Research Intern"
    line = "M.S. in Computer Technology, Shanghai Jiao Tong University, 2022 ———— Present"
    r = find_range(line)
    assert line[: r.span[0]] == "M.S. in Computer Technology, Shanghai Jiao Tong University, "


def test_find_range_again_on_the_rest():
    line = "Visiting 2019, then Research Fellow 2020 – 2022"
    r = find_range(line)
    assert (r.start, r.end) == ("2020", "2022")
    rest = line[: r.span[0]]
    assert find_range(rest).start == "2019"


def test_find_range_values():
    r = find_range("Ph.D in Applied Mathematics, Scuola Normale Superiore 2022 (2026)")
    assert r == DateRange("2022", "2026", False, True, None, (54, 65))
    r = find_range("Radical: Student Scholarship, 2019 & 2022")
    assert (r.start, r.end, r.note) == ("2019", "2022", "2019 & 2022")


# --------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("iso", "locale", "text"),
    [
        ("2023-09", "en", "Sep 2023"),
        ("2023", "en", "2023"),
        ("2023-09-01", "en", "1 Sep 2023"),
        ("2023-09", "zh", "2023年9月"),
        ("2023-09-01", "zh", "2023年9月1日"),
        ("2023", "zh", "2023"),
        ("2023-09", "de", "09/2023"),
        ("2023-09-01", "de", "01.09.2023"),
        ("2023-09", "fr", "septembre 2023"),
        ("2023-09-01", "fr", "1er septembre 2023"),
        ("2023-09-15", "fr", "15 septembre 2023"),
        ("2023-09", "es", "septiembre de 2023"),
        ("2023-09-01", "es", "1 de septiembre de 2023"),
        ("2023-09", "zh-CN", "2023年9月"),
        ("2023-09", "en_US", "Sep 2023"),
        ("Summer 2022", "en", "Summer 2022"),  # not ISO: kept as written
        ("2023-13", "en", "2023-13"),
    ],
)
def test_format_date(iso, locale, text):
    assert format_date(iso, locale) == text


@pytest.mark.parametrize(
    ("args", "kwargs", "text"),
    [
        (("2023-09", None), {"open": True}, "Sep 2023 – Present"),
        (("2023-09", None), {"open": True, "locale": "zh"}, "2023年9月 – 至今"),
        (("2023-09", None), {"open": True, "locale": "de"}, "09/2023 – heute"),
        (("2023-09", None), {"open": True, "locale": "fr"}, "septembre 2023 – aujourd’hui"),
        (("2023-09", None), {"open": True, "locale": "es"}, "septiembre de 2023 – actualidad"),
        (("2021", "2026"), {"expected": True}, "2021 – 2026 (expected)"),
        (("2026", None), {"expected": True}, "2026 (expected)"),
        (("2026", None), {"expected": True, "locale": "zh"}, "2026（预计）"),
        (("2019-09", "2022-03"), {}, "Sep 2019 – Mar 2022"),
        (("2019-09", "2022-03"), {"open": True}, "Sep 2019 – Mar 2022"),
        ((None, "2022-03"), {}, "until Mar 2022"),
        ((None, None), {"open": True}, "Present"),
        ((None, None), {}, ""),
        (("2019", None), {}, "2019"),
    ],
)
def test_format_range(args, kwargs, text):
    assert format_range(*args, **kwargs) == text


def test_unknown_locale_is_a_usage_error():
    with pytest.raises(UsageError) as info:
        format_date("2023-09", "xx")
    assert info.value.hint
    with pytest.raises(UsageError):
        format_range("2023", None, locale="klingon")


# --------------------------------------------------------------------------- round trips


@st.composite
def iso_dates(draw):
    day = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@settings(max_examples=300, deadline=None)
@given(iso_dates(), st.sampled_from(LOCALES))
def test_format_date_round_trips(iso, locale):
    text = format_date(iso, locale)
    assert parse_date(text) == iso
    assert parse_range(text).start == iso
    assert find_range(f"Somewhere, {text}").start == iso


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(st.none(), iso_dates()),
    st.one_of(st.none(), iso_dates()),
    st.booleans(),
    st.booleans(),
    st.sampled_from(LOCALES),
)
def test_format_range_round_trips(start, end, is_open, expected, locale):
    is_open = is_open and end is None  # an end date closes the range
    text = format_range(start, end, open=is_open, expected=expected, locale=locale)
    if start is None and end is None and not is_open:
        assert text == ""
        return
    r = parse_range(text)
    assert r is not None, text
    assert (r.start, r.end, r.open, r.expected) == (start, end, is_open, expected), text
    found = find_range(f"* Research Assistant, Some University, {text}: words")
    if start is None and end is None:
        return  # a bare "Present" inside a line is no date
    assert found is not None, text
    assert (found.start, found.end, found.open, found.expected) == (
        start,
        end,
        is_open,
        expected,
    ), text


def test_whole_seed_page_dates():
    """Every dated line of the product's example page reads back."""
    lines = [
        ("Shanghai Jiao Tong University, 2022 ———— Present", ("2022", None, True)),
        ("Shanghai Jiao Tong University, 2022", ("2022", None, False)),
        ("**Main Contributor**,       Jul. 2024 ———— Present", ("2024-07", None, True)),
        ("**Contributor**,               Jan. 2024 ———— Jun. 2024", ("2024-01", "2024-06", False)),
        ("Beijing, China, May 2022 ———— Sept. 2022", ("2022-05", "2022-09", False)),
    ]
    for line, want in lines:
        r = find_range(line)
        assert (r.start, r.end, r.open) == want, line


# --------------------------------------------------------------------------- any text

CV_PIECES = [
    *"0123456789012345678901234567890 ./-–—~()（）:;,&+年月日至今预计",
    *("20", "19", "2021", "1999", "Sep", "May", "Fall", "Present", "expected", "since"),
    *("<br>", "to", "de", "1er", "%", "$", "x", "e", "*", "https://a.b/2020-01-01-x", " "),
]
CV_ALPHABET = st.sampled_from(CV_PIECES)


@settings(max_examples=400, deadline=None)
@given(st.lists(CV_ALPHABET, max_size=30).map("".join))
def test_any_text_never_raises_and_found_spans_read_back(text):
    parse_date(text)
    whole = parse_range(text)
    if whole is not None:
        assert whole.start or whole.end or whole.open
    found = find_range(text)
    if found is None:
        return
    a, b = found.span
    assert 0 <= a < b <= len(text)
    again = parse_range(text[a:b])
    assert again is not None, text[a:b]
    assert (again.start, again.end, again.open, again.expected) == (
        found.start,
        found.end,
        found.open,
        found.expected,
    )
    for iso in (found.start, found.end):
        assert iso is None or parse_date(iso) == iso


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_never_raises(text):
    parse_date(text)
    parse_range(text)
    find_range(text)


def test_several_ranges_span_all_of_them():
    r = parse_range("2019 – Present, 2015 – 2016")
    assert (r.start, r.end, r.open, r.note) == ("2015", None, True, "2019 – Present, 2015 – 2016")
    r = parse_range("2024, 2019")
    assert (r.start, r.end) == ("2019", "2024")


def test_iso_dates_have_four_digit_years_and_two_digit_months_and_days() -> None:
    from resumeconv import dates

    for y in range(dates.MIN_YEAR, dates.MAX_YEAR + 1):
        assert dates._iso((y, None, None, False)) == f"{y:04d}"
        assert dates._iso((y, 12, None, False)) == f"{y:04d}-12"
    for m in range(1, 13):
        for d in range(1, 32):
            assert dates._iso((2020, m, d, False)) == f"2020-{m:02d}-{d:02d}"


@pytest.mark.parametrize(
    ("line", "is_open"),
    [
        ("2023-- Doctoral Student in Geology", True),
        ("2021– Lecturer at Example College", True),
        ("2023 – Lab Assistant", False),  # a spaced dash may just separate: one year
        ("2019-2021 Lecturer", False),
    ],
)
def test_dash_glued_to_a_year_before_words_opens_the_range(line: str, is_open: bool) -> None:
    r = find_range(line)
    assert r is not None and r.start is not None
    assert r.open is is_open
    assert r.end is None if is_open else True


def test_expected_after_the_year_inside_parentheses() -> None:
    """ "(2024 expected)" is one expression: the year, expected; no "(, expected)" left behind."""
    line = "Master of Engineering, Electronic Science (2024 expected)"
    r = find_range(line)
    assert r is not None and (r.start, r.expected) == ("2024", True)
    assert line[r.span[0] :] == "(2024 expected)"


@pytest.mark.parametrize(
    ("text", "start", "end", "is_open"),
    [
        ("From March 2021", "2021-03", None, True),
        ("from 2019", "2019", None, True),
        ("2019 onwards", "2019", None, True),
        ("from 2019 to 2021", "2019", "2021", False),
        ("From May 2020 - June 2021", "2020-05", "2021-06", False),
    ],
)
def test_from_without_an_end_and_onwards_are_open(
    text: str, start: str, end: str | None, is_open: bool
) -> None:
    r = parse_range(text)
    assert r is not None and (r.start, r.end, r.open) == (start, end, is_open)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12 March - 2 April 2018", "2018-03-12", "2018-04-02"),
        ("14-15 June 2016", "2016-06-14", "2016-06-15"),
        ("14–15 June, 2016", "2016-06-14", "2016-06-15"),
        ("28 Dec - 3 Jan 2020", "2019-12-28", "2020-01-03"),
        ("1 - 3 Sep 2021", "2021-09-01", "2021-09-03"),
    ],
)
def test_day_ranges_give_exact_days(text: str, start: str, end: str) -> None:
    r = parse_range(text)
    assert r is not None and (r.start, r.end) == (start, end)


def test_fiscal_years_and_german_terms() -> None:
    """年度 (a Japanese fiscal year) is a year; Sommersemester / WS before a year is a term."""
    from resumeconv.dates import find_range

    found = find_range("2022年度 – 2025年度 科研費")
    assert found is not None and (found.start, found.end) == ("2022", "2025")
    found = find_range("LMU München, WS 2017/18 und WS 2018/19")
    assert found is not None and (found.start, found.end) == ("2017", "2019")
    found = find_range("Universität Talstadt, Sommersemester 2019")
    assert found is not None and found.start == "2019"
