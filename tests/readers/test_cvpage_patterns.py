"""One small page of our own per pattern seen in real academicpages CVs (fixtures/cvpage)."""

from __future__ import annotations

from typing import Any

import resumeconv
from resumeconv.report import SKIPPED, Position, SourceMap, pointer

from conftest import FIXTURES

PAGES = FIXTURES / "cvpage"


def load(name: str) -> dict[str, Any]:
    return resumeconv.load(PAGES / name).to_dict()


def layout(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(s["section"], s["title"]) for s in data["meta"]["x-resumeconv"]["sections"]]


# ------------------------------------------- the header, raw HTML and page chrome (issue 12)


def test_download_chrome_is_not_content() -> None:
    """Patterns 04 and 33: an intro line, a button, a bullet and a heading that only lead to
    the CV as a file are page chrome: no name, no url, no section, no text in the JSON; a
    paper's own "[pdf]" link stays with the paper."""
    resume = resumeconv.load(PAGES / "download-chrome.md")
    data = resume.to_dict()
    assert "basics" not in data
    assert data["education"][0]["institution"] == "Lakeside University"
    assert data["publications"] == [
        {"name": "Counting Vowels in Tidal Dialects", "url": "https://papers.example/vowels.pdf"}
        | {"summary": data["publications"][0]["summary"]}
    ]
    text = str(data)
    for chrome in ("Printer-friendly", "Download", "Descargar", "Get my CV", "mira-cv", "btn"):
        assert chrome not in text
    assert [title for _, title in layout(data)] == [
        "Official documents",
        "Education",
        "Publications",
    ]
    skipped = [b for b in resume.import_report.blocks if "page chrome" in (b.reason or "")]
    assert [(b.start, b.status) for b in skipped] == [
        (6, SKIPPED),
        (8, SKIPPED),
        (14, SKIPPED),
        (24, SKIPPED),
    ]
    assert resume.import_report.unmapped() == []


def _page(text: str) -> dict[str, Any]:
    from resumeconv.sources import Source

    return resumeconv.load(Source(text, name="cv.md"), format="markdown").to_dict()


def test_header_contact_list() -> None:
    """Pattern 06: a Name / E-mail / Homepage list above the first heading fills basics;
    the labels are not kept; a network label is a profile."""
    data = load("header-contact-list.md")
    assert data["basics"] == {
        "name": "Tomas Ferreira",
        "email": "tomas.f@example.net",
        "phone": "+351 21 000 0000",
        "url": "https://tferreira.example.net/",
        "profiles": [
            {"network": "GitHub", "username": "tferreira", "url": "https://github.com/tferreira"}
        ],
    }
    assert layout(data) == [("work", "Work experience")]


def test_header_name_heading_above_setext_sections() -> None:
    """Pattern 07 and c33: "# Name" above "Education\n===" is the name, not a section; the
    line under it is the label; a second e-mail is kept as a profile named by its label."""
    data = load("header-name-heading.md")
    assert data["basics"] == {
        "name": "Lena M. Okafor",
        "label": "Second-year PhD Candidate in Hydrology, Riverbend University",
        "email": "lena.okafor@example.com",
        "profiles": [{"network": "Lab Email", "username": "lokafor@riverbend.example.edu"}],
    }
    assert layout(data) == [("education", "Education")]
    assert "mailto:" not in str(data)
    # c33's school line: bold school over an italic qualification with its subjects
    assert data["education"][1] == {
        "institution": "Riverside Sixth Form College",
        "studyType": "A-Levels in Biology, Geography, and Art",
        "startDate": "2014",
        "endDate": "2016",
        "x-highlights": ["Head of the debating club."],
    }
    # the same heading style as the sections: a name only with contact lines under it
    named = _page(
        "# Ana Ruiz\n\n[ana@example.org](mailto:ana@example.org)\n\n# Education\n\n"
        "* B.A. in Art, Example College, 2010\n"
    )
    assert named["basics"] == {"name": "Ana Ruiz", "email": "ana@example.org"}
    section = _page(
        "# Field Notes\n\n* Science fair judge, 2019\n\n# Education\n\n"
        "* B.A. in Art, Example College, 2010\n"
    )
    assert "basics" not in section
    assert layout(section)[0][1] == "Field Notes"  # a section (its home: rule 1)


def test_page_title_heading_is_not_the_name() -> None:
    """Pattern 21: "# CV" above "## Education" titles the page: no name, reported."""
    resume = resumeconv.load(PAGES / "header-page-title.md")
    data = resume.to_dict()
    assert "basics" not in data
    assert data["education"][0]["institution"] == "Northfield College"
    (title,) = [b for b in resume.import_report.blocks if b.start == 5]
    assert (title.status, title.reason) == (SKIPPED, "page title (not the name)")
    # "Bachelor's Programme in History": the programme is the degree's, History the area
    degree = _page(
        "# CV\n\n## Education\n\n**2015--2018** Master's Programme in Music, Example University.\n"
    )["education"][0]
    assert (degree["studyType"], degree["area"]) == ("Master's Programme", "Music")
    for heading in ("Curriculum Vitae", "Résumé", "简历"):
        page = _page(f"# {heading}\n\n# Education\n\n* B.A. in Art, Example College, 2010\n")
        assert "basics" not in page and layout(page) == [("education", "Education")]


def test_header_name_title_address_contacts_profiles() -> None:
    """Pattern 42: bold name, title line, address, "Tel: … · e-mail" and a row of links:
    each to its field; network links are profiles, the homepage is the url, another
    link a profile named by its text."""
    basics = load("header-contacts-profiles.md")["basics"]
    assert basics == {
        "name": "Ravi K. Menon",
        "label": "Associate Professor of Economics, Westlake University",
        "email": "rmenon@westlake.example.edu",
        "phone": "+86 571 0000 0000",
        "url": "https://rmenon.example.org",
        "location": {"address": "School of Economics, 12 Lake Road, Hangzhou, China"},
        "profiles": [
            {"network": "ORCID", "url": "https://orcid.org/0000-0001-0000-0001"},
            {"network": "LinkedIn", "url": "https://www.linkedin.com/in/rmenon"},
            {"network": "Lab", "url": "https://lab.example.org"},
        ],
    }
    # "Role, Centre for X": "for" belongs to the organisation's name
    work = _page("# Work\n\n* 2018–2020: Research Fellow, Centre for Coastal Studies\n")["work"]
    assert (work[0]["position"], work[0]["name"]) == (
        "Research Fellow",
        "Centre for Coastal Studies",
    )


def test_header_tagline_and_intro_sentence() -> None:
    """Pattern 30 and c29/c35: "Currently · Role · Field" is the label (its lead dropped),
    "Email:" the e-mail, an intro sentence with a link the summary (link kept), never
    the name or the url."""
    basics = load("header-tagline.md")["basics"]
    assert basics == {
        "label": "Postdoctoral Researcher · Soil Science",
        "email": "sam.osei@example.org",
        "summary": "Below is what I have been doing; see [my pronouns page]"
        "(https://pronouns.example/sam) for how to address me.",
    }
    assert _page("Ada Lovelace\n\nPhone: 2019- 2021\n\n# Work\n\n* 2020, Engineer\n")["basics"] == {
        "name": "Ada Lovelace",
        "phone": "2019- 2021",
    }
    assert "phone" not in _page("Ada Lovelace\n\n2019- 2021\n\n# Work\n\n* x\n")["basics"]
    # a bold name leading a line, the rest its label; "Last updated: …" is page chrome
    page = _page(
        "**Ada Lovelace**, PhD Candidate in Logic\n\n# Work\n\n* 2020, Engineer\n\n"
        "*Last updated: {{ 'now' | date: '%B %Y' }}*\n"
    )
    assert page["basics"] == {"name": "Ada Lovelace", "label": "PhD Candidate in Logic"}
    assert "updated" not in str(page).lower()
    # rule 3: a website given as a host is a URL; a page-relative one is never a uri
    assert _page("Ada Lovelace\n\nWeb: ada.example.org\n\n# Work\n\n* x\n")["basics"] == {
        "name": "Ada Lovelace",
        "url": "https://ada.example.org",
    }
    assert _page("Ada Lovelace\n\nWebsite: /about/\n\n# Work\n\n* x\n")["basics"] == {
        "name": "Ada Lovelace",
        "x-url": "/about/",
    }


def test_details_blocks_belong_to_the_entry_above() -> None:
    """Pattern 22: a ``<details>`` block unfolds the entry above it (text or a list, in
    any section); its toggle text ("More", "Details") is a control, not content."""
    resume = resumeconv.load(PAGES / "details-blocks.md")
    data = resume.to_dict()
    guide, barista = data["work"]
    assert (guide["position"], guide["name"]) == ("Museum Guide", "Harbour Museum")
    assert guide["highlights"] == ["I led tours for school groups and trained new guides."]
    assert barista["highlights"] == ["Opened the shop", "Ordered supplies"]
    assert data["education"][0]["x-highlights"] == ["Thesis on harbour trade in the 18th century."]
    # a summary that says something is content: the first line of what it unfolds
    assert data["education"][1]["x-highlights"] == [
        "Final project: mapping the old quay",
        "Measured with a plane table.",
    ]
    text = str(data)
    assert "More" not in text and "Show duties" not in text and "Details" not in text
    assert "<" not in text
    toggles = [b.text for b in resume.import_report.blocks if "toggle" in (b.reason or "")]
    assert toggles == ["More", "Show duties", "Details"]


def test_award_title_comma_awarder() -> None:
    """Pattern 01's award line: "Prize, Organisation" is the title and who gave it; a
    comma part that names no organisation stays in the title."""
    awards = _page(
        "# Awards\n\n* 2019.03 — Best Talk Prize, Harbour Society of Birds\n"
        "* 2021: Third Prize: Code Cup, C++, Group A\n"
    )["awards"]
    assert awards[0] == {
        "title": "Best Talk Prize",
        "awarder": "Harbour Society of Birds",
        "date": "2019-03",
    }
    assert awards[1]["title"] == "Third Prize: Code Cup, C++, Group A"
    assert "awarder" not in awards[1]


def test_raw_html_layout_titles_by_their_text() -> None:
    """Pattern 01: a CV laid out in ``<div>``/``<span>``/``<p>`` whose section titles are
    elements with a known title as their only text (any class): headings; the entry divs
    under them are entries, with no markup in the output."""
    data = load("raw-html-layout.md")
    assert layout(data) == [
        ("work", "Work Experience"),
        ("education", "Education"),
        ("work", "Research Experience"),
    ]
    assert data["work"][0] == {
        "name": "Northwind Surveys, Bergen",
        "position": "Survey Assistant",
        "startDate": "2019",
        "endDate": "2021",
    }
    # one HTML block of entry <div>s: one entry each, its <span>s its lines, the <p> of
    # text under a <div> its description; an entry <div> is never a title
    assistant, intern = data["work"][1:]
    assert (assistant["position"], assistant["name"]) == (
        "Field Assistant",
        "Fjord University Geology Lab",
    )
    assert assistant["highlights"] == [
        "I prepared rock samples and kept the core archive in order for the whole group."
    ]
    assert (intern["position"], intern["name"], intern["startDate"]) == (
        "Research Intern",
        "Coastal Institute",
        "2018",
    )
    assert data["education"] == [
        {
            "institution": "Fjord University",
            "area": "Geology",
            "studyType": "B.Sc.",
            "startDate": "2015",
            "endDate": "2019",
            "x-location": "Norway",
        }
    ]
    text = str(data)
    assert "<" not in text and "class" not in text and "block-label" not in text


def test_interests_sentence_and_references_on_request() -> None:
    """Pattern 43: an interests line without a label is one interest per part (a labelled
    line stays one interest with keywords); "More references available upon request" is a
    remark, not a reference (reported as skipped)."""
    resume = resumeconv.load(PAGES / "interests-references.md")
    data = resume.to_dict()
    assert data["interests"] == [
        {"name": "Urban ecology"},
        {"name": "pollinator networks"},
        {"name": "green roofs"},
        {"name": "Methods", "keywords": ["field surveys", "network models"]},
    ]
    assert data["references"] == [
        {
            "name": "Dr. Mina Park",
            "reference": "Reader in Ecology, Example College — mina.park@example.ac.uk",
        }
    ]
    assert "request" not in str(data) and "mailto:" not in str(data)
    (remark,) = [b for b in resume.import_report.blocks if b.start == 14]
    assert remark.status == SKIPPED and "on request" in remark.reason


def test_intro_sentence_and_legend_are_not_entries() -> None:
    """Pattern 14: a sentence introducing a section's list is not an entry, its links are
    the person's profiles; a legend of author marks ("* equal contribution") is not
    imported; the entries between them are read as usual."""
    resume = resumeconv.load(PAGES / "intro-and-legend.md")
    data = resume.to_dict()
    assert data["basics"] == {
        "profiles": [
            {"network": "ORCID", "url": "https://orcid.org/0000-0002-0000-0003"},
            {"network": "DBLP", "url": "https://dblp.org/pid/00/0000"},
        ]
    }
    first, second = data["publications"]
    assert (first["name"], first["url"]) == (
        "Tidal Sounds of the North Sea",
        "https://talks.example/tides.pdf",
    )
    assert "Wave Counting" in second["summary"]
    text = str(data)
    assert "contribution" not in text and "corresponding" not in text and "full list" not in text
    reasons = {b.start: b.reason for b in resume.import_report.blocks if b.status == SKIPPED}
    assert reasons[7].startswith("intro sentence") and reasons[12].startswith("legend")
    # a fake bullet ("\\* **Member**, Society") is no legend
    page = _page("# Service\n\n\\* **Member**, Example Society\n")
    assert "Example Society" in str(page)


def test_minority_heading_level_and_pipe_rows_without_header() -> None:
    """Pattern 27: "## ACADEMIC BACKGROUND" above "# PROJECTS" is a section (a known title
    with entries under it), not the name; pipe rows with no header row (CommonMark reads
    them as a paragraph) are rows; a delimiter row is dropped; a grid of short undated
    cells is one entry per cell."""
    data = load("minority-heading-pipe-rows.md")
    assert data["basics"] == {"location": {"address": "Imperial Lane 4, Example Town"}}
    assert [
        (e["studyType"], e["area"], e["institution"], e["startDate"], e["endDate"])
        for e in data["education"]
    ] == [
        ("M.A.", "Linguistics", "Harbour University", "2017", "2019"),
        ("B.A.", "English", "Lakeside College", "2013", "2017"),
    ]
    assert data["projects"] == [{"name": "Dialect Atlas"}, {"name": "Vowel Charts"}]
    assert "|" not in str(data) and "---" not in str(data)
    # a coursework section lists the courses of the first (most recent) degree
    assert data["education"][0]["courses"] == ["Phonetics", "Historical Syntax"]
    assert "courses" not in data["education"][1] and len(data["education"]) == 2
    assert layout(data)[-1] == ("education", "RELEVANT COURSEWORK")


def test_job_line_with_two_titles() -> None:
    """Pattern 30: "Research Fellow, Research Assistant, School of X, Org, dates" keeps
    both titles as the position; a course name after a title is not a second title."""
    work = _page(
        "## Work experience\n"
        "* Teaching Fellow, Lab Manager, Department of Botany, Example College, "
        "Jan 2018 - Mar 2020\n"
        "* Guest Lecturer, Introduction to Research Methods (RM 101), Example College\n"
    )["work"]
    assert (work[0]["position"], work[0]["name"]) == (
        "Teaching Fellow, Lab Manager",
        "Department of Botany, Example College",
    )
    assert (work[0]["startDate"], work[0]["endDate"]) == ("2018-01", "2020-03")
    assert work[1]["position"] == "Guest Lecturer"


def test_header_table_and_blocks_nothing_reads_are_reported() -> None:
    """Rule 8: a contact grid above the sections is read as header lines; a block no rule
    reads is reported as such (unmapped, so --strict refuses it), never as "no text"."""
    from resumeconv.importers.cvpage.assemble import Assembler
    from resumeconv.importers.cvpage.blocks import Loop

    data = _page(
        "| Ada Lovelace | [ada@example.org](mailto:ada@example.org) |\n|---|---|\n"
        "| Phone: +44 20 0000 0000 | [GitHub](https://github.com/ada) |\n\n"
        "# Education\n\n* B.A. in Art, X College, 2010\n"
    )
    assert data["basics"] == {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "phone": "+44 20 0000 0000",
        "profiles": [{"network": "GitHub", "url": "https://github.com/ada"}],
    }
    asm = Assembler("cv.md")
    asm._skip(Loop(3, 4, "talks", False))
    (block,) = asm.report.blocks
    assert (block.status, block.reason) == (
        "unmapped",
        "a Liquid loop here is not read (not imported)",
    )


def test_kramdown_attribute_lists_in_lines_are_not_text() -> None:
    """Rule 2: ``{: .btn}`` after a link, ``{: .notice}`` ending a line are styling; the
    text and links around them stay."""
    page = _page(
        "# Education\n\n* B.A. in Art, Example College, 2010 {: .notice}\n\n"
        "# Projects\n\n* [Tide Atlas](https://tides.example){: .btn .btn--info}\n"
    )
    assert page["education"][0]["institution"] == "Example College"
    assert page["projects"][0]["url"] == "https://tides.example"
    assert "{:" not in str(page) and "btn" not in str(page)


def test_nested_raw_html_lists_are_nested_items() -> None:
    """Rule 2: ``<li>`` with a ``<ul>`` inside is an item with sub-items, as in Markdown
    (the outer item's own text was lost)."""
    work = _page(
        "# Work experience\n\n<ul>\n<li><b>Data Analyst</b>, Acme Corp, 2020–2022\n"
        "<ul><li>Built dashboards</li><li>Cleaned data</li></ul>\n</li>\n"
        "<li>Intern, Beta Labs, 2019</li>\n</ul>\n"
    )["work"]
    assert work[0] == {
        "name": "Acme Corp",
        "position": "Data Analyst",
        "startDate": "2020",
        "endDate": "2022",
        "highlights": ["Built dashboards", "Cleaned data"],
    }
    assert (work[1]["position"], work[1]["name"]) == ("Intern", "Beta Labs")


def test_every_table_of_a_raw_html_block_is_read() -> None:
    """Rule 2: two ``<table>``s in one raw HTML block are two tables (the second was lost)."""
    awards = _page(
        "# Awards\n\n<table><tr><td>2019</td><td>Best Poster Prize, Example Society</td></tr>"
        "</table>\n<table><tr><td>2021</td><td>Travel Grant, Example Foundation</td></tr>"
        "</table>\n"
    )["awards"]
    assert [(a["title"], a["date"]) for a in awards] == [
        ("Best Poster Prize", "2019"),
        ("Travel Grant", "2021"),
    ]


def test_template_style_dates_first_then_employer() -> None:
    data = load("template-style.md")
    assert data["education"][0] == {
        "institution": "Coastal State University",
        "area": "Marine Biology",
        "studyType": "Ph.D",
        "endDate": "2027",
        "x-expected": True,
    }
    assert data["education"][1]["area"] == "Oceanography, minor in Statistics"
    assert data["education"][1]["x-note"] == "Second year"
    fellow, intern = data["work"]
    assert (fellow["position"], fellow["name"]) == ("Research Fellow", "Harbor College")
    assert (fellow["startDate"], fellow["endDate"]) == ("2022", "2023")  # seasons: years only
    assert fellow["x-note"] == "Fall 2022 - Spring 2023"
    assert fellow["highlights"][1] == "Supervisor: Ana Costa"
    assert (intern["position"], intern["name"], intern["location"]) == (
        "Lab Internship",
        "Tidewater Institute",
        "Lisbon",
    )
    assert data["skills"] == [{"name": "Field work", "keywords": ["Scuba diving", "Boat handling"]}]
    assert data["languages"] == [
        {"language": "English", "fluency": "Fluent"},
        {"language": "Portuguese", "fluency": "Native"},
    ]
    assert ("publications", "Publications") in layout(data)
    loop = [s for s in data["meta"]["x-resumeconv"]["sections"] if s.get("collection")]
    assert loop == [
        {
            "section": "publications",
            "title": "Publications",
            "items": [],
            "collection": "publications",
            "reversed": True,
        }
    ]


def test_atx_bold_headings_and_dotted_dates() -> None:
    data = load("atx-dotted-dates.md")
    lecturer, fellowship = data["work"]
    assert lecturer == {
        "name": "Faculty of Science, North River University",
        "location": "Nanjing, China",
        "position": "Lecturer of Chemistry",
        "startDate": "2023-12-01",
    }
    assert fellowship["x-note"] == "stopped as of 2022-09-30"
    assert data["education"][0]["studyType"] == "Ph.D."
    assert data["education"][0]["endDate"] == "2021-03-20"
    assert data["awards"][0] == {
        "title": "Best Thesis Prize",
        "date": "2017-05",
        "awarder": "North River University, China",
    }


def test_paragraph_entries_with_hard_breaks_and_labels() -> None:
    data = load("paragraphs-and-breaks.md")
    ba, phd = data["education"]
    assert (ba["institution"], ba["studyType"], ba["area"]) == (
        "Lakeside University",
        "B.A.",
        "Environmental Science",
    )
    assert ba["score"] == "3.91" and ba["endDate"] == "2020-05"
    assert ba["courses"] == ["Hydrology", "Soil Science", "Remote Sensing"]  # a "…Courses:" label
    assert phd["institution"] == "School of Engineering, Lakeside University"  # backslash breaks
    assert phd["startDate"] == "2024" and "endDate" not in phd
    job = data["work"][0]
    assert job["position"] == "Field Technician" and job["name"] == "River Lab, Lakeside University"
    assert (
        job["highlights"][1] == "Wrote the lab's data pipeline: Step 1: ingestion; Step 2: cleaning"
    )
    pub = data["publications"][0]
    assert pub["name"] == "Measuring Sediment Transport in Small Rivers"
    assert pub["releaseDate"] == "2024-03"
    assert pub["url"] == "https://doi.org/10.0000/jrs.e1021"
    assert pub["summary"].startswith("Dana Ruiz, Lee Park\n")


def test_pipe_tables_and_bold_paragraph_headings() -> None:
    data = load("tables.md")
    assert layout(data) == [("education", "Education"), ("work", "Work experience")]
    msc = data["education"][0]
    assert (msc["studyType"], msc["area"], msc["institution"], msc["score"]) == (
        "M.Sc.",
        "Physics",
        "Alpine University",
        "1.4",
    )
    assert data["education"][1]["startDate"] == "2021-04" and "endDate" not in data["education"][1]
    job = data["work"][0]
    assert (job["startDate"], job["endDate"]) == ("2019-02", "2019-12")
    assert job["x-note"] == "02/19 – 06/19; 10/19 – 12/19"


def test_raw_html_blocks() -> None:
    resume = resumeconv.load(PAGES / "html-blocks.md")
    data = resume.to_dict()
    assert data["work"][0]["name"] == "Northwind Traders"
    assert data["work"][0]["highlights"] == ["Built the 1st streaming pipeline of the company."]
    assert data["skills"] == [
        {"name": "Languages", "level": "Proficient", "keywords": ["Python", "SQL"]},
        {"name": "Languages", "level": "Familiar", "keywords": ["Rust"]},
    ]
    ta = data["work"][1]
    assert (ta["position"], ta["name"]) == ("Teaching Assistant", "Northwind College")
    assert resume.import_report.unmapped() == []
    # a download button is page chrome, not CV content (issue 12, rule 8): skipped, said why
    (button,) = [b for b in resume.import_report.blocks if "download button" in (b.reason or "")]
    assert button.status == SKIPPED and "Download CV as PDF" in button.text
    assert "Download" not in str(data)


def test_chinese_page() -> None:
    data = load("chinese.md")
    assert data["education"] == [
        {
            "institution": "华东大学",
            "area": "计算机科学",
            "studyType": "博士",
            "startDate": "2021-09",
        },
        {"institution": "南方大学", "area": "物理学", "studyType": "学士", "endDate": "2015"},
    ]
    assert data["work"] == [{"name": "华东大学", "position": "研究员", "startDate": "2019"}]
    assert data["projects"] == [
        {
            "name": "城市交通预测系统",
            "startDate": "2023-01",
            "roles": ["负责人"],
            "entity": "华东大学",
        }
    ]
    assert data["skills"] == [{"name": "编程", "keywords": ["Python", "C++", "Go"]}]
    assert [t for _, t in layout(data)] == ["教育背景", "工作经历", "项目经历", "技能"]


def test_crlf_emoji_titles_html_headings_and_date_styles() -> None:
    data = load("crlf-emoji-dates.md")
    assert layout(data) == [("education", "Education 🎓"), ("work", "Experience")]
    work = data["work"]
    assert work[0] == {"name": "Hilltop Labs", "position": "Research Engineer", "startDate": "2024"}
    assert work[1]["endDate"] == "2026-05" and work[1]["x-expected"] is True
    assert (work[2]["startDate"], work[2]["endDate"]) == ("2024-10-01", "2025-09-23")
    assert work[2]["name"] == "Seaside Institute"  # lazy continuation line with a tab
    assert (work[3]["position"], work[3]["name"]) == ("Analyst", "Example Corp")
    assert (work[4]["startDate"], work[4]["endDate"]) == ("2022-06", "2024-09")


def test_header_block_with_contacts_and_br_lines() -> None:
    data = load("site-header.md")
    assert data["basics"] == {
        "name": "Robin Example",
        "email": "robin@example.org",
        "url": "https://robin.example.org/",
        "location": {"address": "1 Harbour Road, Portsmouth, UK"},
    }
    assert data["education"][0]["studyType"] == "Doctor of Philosophy"
    assert data["education"][0]["area"] == "Marine Policy"
    assert data["languages"] == [
        {"language": "Welsh", "fluency": "native"},
        {"language": "English", "fluency": "fluent"},
    ]
    ref = data["references"][0]
    assert ref["name"] == "Sam Teacher" and ref["x-url"] == "https://example.org/sam"
    assert "Email: sam@example.org" in ref["reference"]


def resolve(data: Any, ptr: str) -> Any:
    for part in ptr.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def test_every_fixture_page_is_valid_and_fully_accounted() -> None:
    for page in [*sorted(PAGES.glob("*.md")), FIXTURES / "site" / "_pages" / "cv.md"]:
        resume = resumeconv.load(page)
        data = resume.to_dict()
        for block in resume.import_report.blocks:  # every pointer names what it says
            if block.pointer and "/entries/" in block.pointer:
                assert isinstance(resolve(data, block.pointer), dict), (page.name, block)
        assert not [i for i in resumeconv.validate(resume) if i.is_error], page.name
        covered = set()
        for block in resume.import_report.blocks:
            covered.update(range(block.start, block.end + 1))
        text = page.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
        missing = [n for n, t in enumerate(text, 1) if t.strip() and n not in covered]
        assert missing == [], (page.name, missing)


def test_page_in_a_jekyll_site_resolves_liquid_loops() -> None:
    resume = resumeconv.load(FIXTURES / "site" / "_pages" / "cv.md")
    data = resume.to_dict()
    assert data["basics"]["name"] == "Ada Example"  # from _config.yml's author block
    names = [p["name"] for p in data["publications"] if "x-type" not in p]
    assert (
        names[0] == "Searching Things" and names[-1] == "An Early Paper"
    )  # reversed: newest first
    talks = [p for p in data["publications"] if "x-type" in p]  # rule 1: talks are publications
    assert talks and all(p["x-type"] == "talk" for p in talks)
    sections = data["meta"]["x-resumeconv"]["sections"]
    assert not any(s.get("collection") for s in sections if s["section"] == "publications")
    assert not any(s["section"] == "custom" for s in sections)  # rule 1: no content in meta
    students = [w for w in data["work"] if "Sam Lee" in w.get("summary", "")]
    assert students and students[0].get("x-category") == "students"
    pos = resume.source_map.lookup("/publications/0")
    assert pos is not None and pos.file.endswith(".md") and "_publications" in pos.file


def test_same_page_without_its_site_reports_the_loops() -> None:
    from resumeconv.sources import Source

    page = FIXTURES / "site" / "_pages" / "cv.md"
    resume = resumeconv.load(Source(page.read_text(encoding="utf-8"), name="cv.md"), "markdown")
    assert "publications" not in resume.to_dict()
    reasons = [b.reason for b in resume.import_report.blocks if b.status == SKIPPED]
    assert any("site.publications" in r for r in reasons)


def test_liquid_detection_is_linear_on_hostile_text() -> None:
    """A regex with nested quantifiers hung on this shape (found by the fuzzer)."""
    from resumeconv.importers.cvpage.inline import is_liquid_only, strip_liquid

    assert not is_liquid_only("{% x %}" + " \n" * 20000 + "y")
    assert is_liquid_only("{% include base_path %}\n{{ site.x }}  ")
    assert strip_liquid("a{{ x }}b{% if %}c{{ d") == "abc{{ d"
    assert strip_liquid("{{ " * 100000).startswith("{{")
    page = ("{% a %}" + " \n" * 5000 + "text\n").encode()
    assert resumeconv.load(page, format="markdown") is not None


def test_table_column_titles_are_labels_and_strict_accepts_them(tmp_path) -> None:
    """A non-skills table's header row ("Period | Description") labels the cells below:
    skipped with that reason, its words the page's form, so --strict accepts the page;
    page chrome (a download button) is not content either."""
    from resumeconv.cli import main

    out = tmp_path / "x.json"
    assert main(["convert", str(PAGES / "tables.md"), "-o", str(out), "--strict"]) == 0
    report = resumeconv.load(PAGES / "tables.md").import_report
    headers = [b for b in report.blocks if b.reason.startswith("table header row")]
    assert [(b.status, b.text) for b in headers] == [(SKIPPED, "Period | Description")] * 2
    assert report.unmapped() == [] and report.lost_words == []
    assert main(["convert", str(PAGES / "html-blocks.md"), "-o", str(out), "--strict"]) == 0


def test_pointers_escape_and_the_source_map_keeps_the_first_position() -> None:
    """Import report and source map pointers are RFC 6901; a value's first recorded place
    wins, in the file current when it was recorded (the page, or _config.yml)."""
    assert pointer("work", 0, "name") == "/work/0/name"
    assert pointer("a/b", "c~d", None) == "/a~1b/c~0d/None"
    assert pointer() == ""
    smap = SourceMap("cv.md")
    smap.add("/basics/name", 3)
    smap.add("/basics/name", 9, 2)
    smap.file = "_config.yml"
    smap.add("/basics/email", 4, 5)
    assert smap.positions == {
        "/basics/name": Position("cv.md", 3),
        "/basics/email": Position("_config.yml", 4, 5),
    }
    assert smap.lookup("/basics/name/x") == Position("cv.md", 3)


def test_blank_paragraphs_and_empty_bullets_are_skipped_with_a_reason() -> None:
    """``&nbsp;`` as a spacer and a lone ``* `` are on the page but say nothing."""
    resume = resumeconv.load(PAGES / "blank-blocks.md")
    data = resume.to_dict()
    assert len(data["education"]) == 1
    # rule 1: the unknown title "Public Science Days" finds its home by the entry's shape
    assert data["meta"]["x-resumeconv"]["sections"][2] == {
        "section": "volunteer",
        "title": "Public Science Days",
        "items": [0],
    }
    assert data["volunteer"][0]["position"] == "Volunteer lecturer"
    assert data["basics"] == {"name": "Kim Example", "label": "Example University"}
    skipped = [(b.start, b.reason) for b in resume.import_report.blocks if b.status == SKIPPED]
    assert (10, "no text (white space or &nbsp; only)") in skipped
    assert (15, "empty list item") in skipped and (20, "empty list item") in skipped
    assert resume.import_report.unmapped() == []


def test_style_sheets_are_skipped_and_styled_html_titles_are_headings() -> None:
    """A page laid out in HTML: ``<style>`` is not text, ``<div class="…-title">`` and
    ``<h2>`` are its section headings (the entries under them are read as usual)."""
    resume = resumeconv.load(PAGES / "html-styled-titles.md")
    data = resume.to_dict()
    assert layout(data) == [
        ("education", "🎓 Education"),
        ("work", "Work Experience"),
        ("skills", "Skills"),
    ]
    edu = data["education"][0]
    assert (edu["studyType"], edu["area"], edu["institution"]) == (
        "M.Sc.",
        "Marine Biology",
        "Example University",
    )
    assert (edu["startDate"], edu["endDate"]) == ("2021", "2023")
    assert data["work"][0] == {
        "name": "Example Lab",
        "position": "Research Assistant",
        "startDate": "2022-06",
    }
    assert "font-weight" not in str(data)
    skipped = [(b.start, b.end, b.reason) for b in resume.import_report.blocks]
    assert (5, 8, "style sheet or script (not shown on the page)") in skipped


def test_html_title_class_on_a_paragraph_is_not_a_heading() -> None:
    from resumeconv.importers.cvpage.blocks import Heading, Paragraph, html_blocks

    long = "<p class='title'>" + "A sentence that goes on for a long while. " * 3 + "</p>"
    assert [type(b) for b in html_blocks(long, 1, 1)] == [Paragraph]
    (heading,) = html_blocks("<h3>Talks</h3>", 4, 4)
    assert isinstance(heading, Heading) and (heading.level, heading.line.plain) == (3, "Talks")


def test_a_page_that_is_all_one_comment_is_read_with_a_note() -> None:
    """A CV its author took off the site (all of it in ``<!-- … -->``, front matter too)
    is still the CV the user asked to convert: read as if uncommented, and said so."""
    resume = resumeconv.load(PAGES / "commented-out.md")
    data = resume.to_dict()
    assert data["education"] == [
        {"institution": "Example University", "area": "History", "studyType": "Ph.D.",
         "endDate": "2020"}
    ]  # fmt: skip
    blocks = [(b.start, b.end, b.status) for b in resume.import_report.blocks]
    assert (1, 8, "note") in blocks and (1, 3, SKIPPED) in blocks  # front matter found
    assert resume.import_report.unmapped() == []


def test_a_comment_inside_a_visible_page_stays_skipped() -> None:
    page = "Education\n======\n\n* Ph.D. in History, Example University, 2020\n\n<!-- * Old -->\n"
    resume = resumeconv.load(page.encode(), format="markdown")
    assert len(resume.to_dict()["education"]) == 1
    reasons = [b.reason for b in resume.import_report.blocks if b.status == SKIPPED]
    assert reasons == ["commented out (HTML comment)"]


def test_link_reference_definitions_are_accounted_for() -> None:
    """``[id]: url`` lines leave no token in markdown-it: their URLs reach the links that
    use them, and the lines are reported as skipped (never uncovered)."""
    resume = resumeconv.load(PAGES / "reference-links.md")
    urls = [p["url"] for p in resume.to_dict()["projects"]]
    assert urls == ["https://example.org/tides", "https://example.org/ferry"]
    skipped = {b.start: b.reason for b in resume.import_report.blocks if b.status == SKIPPED}
    assert set(skipped) == {7, 8}
    assert all("link reference definition" in reason for reason in skipped.values())


def test_dated_paragraph_with_bullets_is_one_entry() -> None:
    """Pattern 13: a dated paragraph line followed by bullets is one job with highlights;
    a heading that is only a year still heads separate entries."""
    data = load("dated-paragraph-bullets.md")
    tech, guide = data["work"]
    assert (tech["position"], tech["name"]) == ("Field Technician", "Heron Water Trust")
    assert tech["startDate"] == "2021-03" and "endDate" not in tech
    assert tech["highlights"] == ["Sampled river sites every week", "Kept the logbooks"]
    assert (guide["position"], guide["name"]) == ("Volunteer Guide", "Owl Rock Museum")
    assert (guide["startDate"], guide["endDate"]) == ("2017", "2020")
    assert guide["highlights"] == ["Led school tours"]
    titles = [a.get("title", "") for a in data["awards"]]
    assert "Riverside Prize" in titles  # awarder Heron Water Trust
    assert "Lantern Medal" in titles  # awarder Owl Rock Museum


def test_degree_detail_bullets_reach_score_and_courses() -> None:
    """Pattern 35: GPA and course bullets under a degree are its score and courses; thesis,
    supervisor (with the link) and minor stay in that degree; no extra entries."""
    data = load("degree-detail-bullets.md")
    master, bachelor, diploma, engineer, music = data["education"]
    assert (master["studyType"], master["area"]) == ("M.A.", "Linguistics")
    assert master["institution"] == "Northfield Graduate School"
    assert master["score"] == "9.1/10"
    assert master["x-highlights"] == [
        "Thesis: Vowel Drift in Coastal Dialects",
        "Supervisor: [Dr. Ilse Marlow](https://northfield.example/~marlow)",
    ]
    assert bachelor["score"] == "1.4 (thesis), 1.8 (overall)"
    assert bachelor["courses"] == ["Phonetics", "Syntax", "Old Norse"]
    assert bachelor["x-highlights"] == ["Minor: Theatre"]
    assert set(data) & {"work", "references", "projects"} == set()
    # a remark in lower case under a degree with no school named is no institution
    assert "institution" not in diploma
    assert diploma["x-highlights"][-1] == "passed with distinction (summa cum laude)"
    # a score after the dates, with or without brackets, is the score; the place before it
    # is the place, not part of the institution
    assert (engineer["institution"], engineer["x-location"], engineer["score"]) == (
        "Lakeside Institute of Technology",
        "West Lafayette, IN",
        "3.92/4.00",
    )
    assert (music["institution"], music["score"]) == ("Pinecrest College", "3.70/4.00")
    assert "x-note" not in music


def test_open_ranges_and_seasons() -> None:
    """Pattern 11: "2024--" before the entry's words starts an open range (no endDate);
    a season gives its year only, the words as written kept in x-note."""
    data = load("open-ranges-seasons.md")
    (phd,) = data["education"]
    assert (phd["area"], phd["institution"]) == ("Hydrology", "Marsh Valley University")
    assert phd["startDate"] == "2024" and "endDate" not in phd
    field, ranger, aide = data["work"]
    assert (field["position"], field["name"]) == ("Field Assistant", "Marsh Valley University")
    assert field["startDate"] == "2022" and "endDate" not in field
    assert (ranger["position"], ranger["name"]) == ("Park Ranger", "Lindenhof Nature Reserve")
    assert (ranger["startDate"], ranger["x-note"]) == ("2019", "Autumn 2019")
    assert (aide["startDate"], aide["endDate"]) == ("2018", "2019")
    assert aide["x-note"] == "Winter term 2018 - Summer 2019"


def test_degree_lines_split_into_degree_subject_institution_place() -> None:
    """Pattern 10: an organisation right after the degree is the institution, not the subject;
    a qualifier ("Exchange") stays with the degree; subjects listed before the institution are
    all the area; a state name ends the place; "(MEng)" belongs to the degree."""
    data = load("degree-lines.md")
    phd, ma, exchange, ba, msc, meng = data["education"]
    assert phd["institution"] == "Lakeshore Institute of Technology" and "area" not in phd
    assert (phd["studyType"], phd["x-location"], phd["endDate"]) == (
        "Ph.D",
        "Madison, Wisconsin",
        "2029",
    )
    assert (ma["studyType"], ma["institution"]) == ("M.A.", "Ridgeview University")
    assert "area" not in ma
    assert (exchange["studyType"], exchange["institution"]) == (
        "Exchange M.Sc.",
        "Ridgeview University",
    )
    assert (exchange["startDate"], exchange["endDate"]) == ("2022", "2023")
    assert ba["area"] == "History, Art History and Archaeology"
    assert (ba["institution"], ba["x-location"]) == ("Ridgeview University", "Canada")
    assert (msc["area"], msc["institution"]) == ("Applied Optics", "Ridgeview University")
    assert (meng["studyType"], meng["area"]) == ("Master of Engineering (MEng)", "Robotics")
    assert meng["institution"] == "Ridgeview University"


def test_bold_organisation_over_italic_role() -> None:
    """Pattern 09: a bold organisation line over an italic role (or degree) line; when the
    words say the bold line is the role and the italic one is not, they win."""
    data = load("bold-org-italic-role.md")
    cinema, quill = data["work"]
    assert (cinema["name"], cinema["position"]) == ("Maple Street Cinema", "Projectionist")
    assert (cinema["startDate"], cinema["endDate"]) == ("2019-06", "2020-09")
    assert cinema["highlights"] == ["Ran the evening shows."]
    assert (quill["name"], quill["position"]) == ("Quillworks", "Research Assistant")
    assert (quill["startDate"], quill["endDate"]) == ("2021-03", "2022-01")
    (ba,) = data["education"]
    assert ba["institution"] == "Ridgeview University"
    assert (ba["studyType"], ba["area"]) == (
        "Bachelor of Arts (BA Hons)",
        "Music with Sound Design",
    )
    assert (ba["startDate"], ba["endDate"]) == ("2014", "2018")
    assert ba["x-highlights"] == ["Dean's list."]


def test_degrees_under_their_institution_bullet() -> None:
    """Pattern 08: degrees nested under an institution bullet are one entry each, with that
    institution; a hard-broken line stays in its degree with its links; an institution
    bullet with no degree under it stays one entry."""
    data = load("degrees-under-institution.md")
    phd, msc, college = data["education"]
    for degree in (phd, msc):
        assert degree["institution"] == "Harborview Polytechnic"
        assert degree["x-location"] == "Bergen, Norway"
    assert (phd["studyType"], phd["area"], phd["startDate"]) == ("Ph.D", "Marine Chemistry", "2021")
    assert "endDate" not in phd
    assert phd["x-highlights"] == [
        "Supervisors: [Dr. Lene Vik](https://lene.example/) and [Dr. Ola Berg](https://ola.example/)",
        "Exchange semester in Kiel",
    ]
    assert (msc["studyType"], msc["startDate"], msc["endDate"]) == ("M.Sc.", "2019", "2021")
    assert "Fjordside College" in college.values()


def test_place_bullet_and_position_label() -> None:
    """Pattern 20: a place sub-bullet is the job's location, not its employer; a
    ``Role:``/``Position:`` bullet gives the position, the head line (alias kept) the employer."""
    data = load("place-line-and-position-label.md")
    coach, deckhand, robots, studio = data["work"]
    assert coach["position"] == "Swimming Coach" and "name" not in coach
    assert coach["location"] == "Millbrook, North Province, Eastmarch"
    assert coach["highlights"] == ["Trained the junior squad"]
    assert (deckhand["location"], deckhand["name"]) == ("Lisbon, Portugal", "Harbour Lines Company")
    assert robots["name"] == "Northwind Robotics Group (NRG)"
    assert robots["position"] == "junior mechanic"
    assert (robots["startDate"], robots["endDate"]) == ("2020-01", "2022-05")
    assert robots["highlights"] == ["Serviced the arms"]
    assert (studio["name"], studio["position"]) == ("Bluefin Studio", "summer animator")
    assert studio["highlights"] == ["working with the lighting team"]  # the broken-off line


def test_label_lists_are_one_entry_each() -> None:
    """Pattern 15: a run of ``Label: value`` bullets is one certificate (or award): known
    labels fill fields, other labels stay in the entry, a repeated label starts the next one;
    literal brackets around values are not kept."""
    data = load("label-list-entries.md")
    rescue, radio = data["certificates"]
    assert rescue == {
        "name": "Cold Water Rescue",
        "issuer": "Lakeside Lifeguard School",
        "date": "2023-06",
        "x-highlights": ["Duration: 12 hours"],
    }
    assert radio == {
        "name": "Radio Operator Licence",
        "issuer": "Harbour Authority",
        "url": "https://harbour.example/licence/77",
    }
    assert data["awards"] == [
        {"title": "Silver Oar", "awarder": "Rowing Club of Millbrook", "date": "2021"}
    ]


def test_every_section_has_a_standard_home() -> None:
    """Issue 12, rule 1: titles in other languages, unlisted titles and unknown titles all
    land in standard sections; the layout keeps only titles and order."""
    data = resumeconv.load(PAGES / "section-homes.md").to_dict()
    layout = data["meta"]["x-resumeconv"]["sections"]
    assert [(s["section"], s["title"]) for s in layout] == [
        ("work", "Praktika"),
        ("awards", "Hackathons"),
        ("basics", "Kontakt"),
        ("publications", "Invited Talks"),
        ("volunteer", "Professional Memberships"),
        ("volunteer", "Things I Care About"),  # unknown title: a coaching role, by shape
        ("projects", "Odds and Ends"),  # unknown title, nothing else fits
        ("projects", "Training"),  # training events: role, event, host
    ]
    assert not any("entries" in s for s in layout)  # no content in meta
    assert data["work"][0]["name"] == "Northwind Labs"
    assert data["work"][0]["position"] == "Lab Assistant"
    assert data["awards"][0]["title"] == "City Code Sprint — 1st Place"
    assert data["basics"] == {
        "name": "Ola Nordmann",
        "email": "ola@example.net",
        "url": "https://ola.example.net",  # a bare domain becomes a URL (rule 9)
        "profiles": [{"network": "GitHub", "url": "https://github.com/olan", "username": "olan"}],
        "summary": "GitHub: [olan](https://github.com/olan) (40 repositories)",
    }
    talk = data["publications"][0]
    assert talk["name"] == "Counting Clouds" and talk["x-type"] == "talk"
    assert talk["releaseDate"] == "2021-05-04"
    assert data["volunteer"][0]["organization"] == "Example Society of Meteorology"
    assert data["projects"] == [
        {"name": "A hand-built weather station"},
        {
            "name": "Example Glacier School 2020",
            "startDate": "2020",
            "endDate": "2020",
            "roles": ["Participant"],
            "entity": "Example Polar Institute",
        },
        {
            "name": "Map Reading Day",
            "description": "One-day course",
            "startDate": "2019-05-03",
            "endDate": "2019-05-04",
            "entity": "Example Library",
        },
    ]


def test_section_titles_in_eight_languages() -> None:
    from resumeconv.dialect import BASICS, SUMMARY, publication_type, section_key

    cases = {
        "Internships": "work",
        "Competitions": "awards",
        "Funding": "awards",
        "Contact Information": BASICS,
        "技术能力": "skills",
        "自我评价": SUMMARY,
        "学歴": "education",
        "職歴": "work",
        "受賞": "awards",
        "資格": "certificates",
        "학력": "education",
        "경력": "work",
        "Berufserfahrung": "work",
        "Ausbildung": "education",
        "Sprachen": "languages",
        "Ehrenamt": "volunteer",
        "Expériences professionnelles": "work",
        "Formation": "education",
        "Formación académica": "education",
        "Educação": "education",
        "Publicações": "publications",
        "Teaching and Mentoring": "work",
        "Supervised theses": "work",
        "Reviewing": "volunteer",
        "Memberships": "volunteer",
        "Open Source": "projects",
        "Posters": "publications",
        "Workshop papers": "publications",
        "Things I care about": "custom",  # "about" only names a profile at the start
        "Public Scholarship": "projects",  # not a scholarship won
        "Work in progress": "publications",  # papers, not a job
        "Conducted workshops and training programmes": "work",  # taught, not attended
        "Workshops & Specialized Training": "projects",  # events attended: role, host
        "Professional Profiles": BASICS,  # ORCID, GitHub … links
    }
    assert {t: section_key(t) for t in cases} == cases
    assert publication_type("Invited Talks") == "talk"
    assert publication_type("Posters") == "poster"
    assert publication_type("Conference papers") is None
    assert publication_type("Journal Articles") is None


def test_checked_formats_are_never_invalid_silently() -> None:
    """Rule 9: an ``email`` or ``url`` the schema checks holds an e-mail / a URI, or the
    value moves to ``x-email`` / ``x-url`` with a note in the import report."""
    page = (
        "Contact\n======\n* Email: jane at example dot org\n* Website: jane.example.org\n\n"
        "Experience\n======\n* **Analyst**, Example Bank, 2020\n  * *URL:* my homepage\n"
        "* **Intern**, Example Shop, 2019\n  * *URL:* https://shop.example/a b\n"
    )
    resume = resumeconv.load(page.encode(), format="markdown")
    data = resume.to_dict()
    assert "email" not in data["basics"]  # not an address: kept as text
    assert "jane at example dot org" in data["basics"]["summary"]
    assert data["basics"]["url"] == "https://jane.example.org"
    assert "url" not in data["work"][0] and data["work"][0]["x-url"] == "my homepage"
    assert data["work"][1]["url"] == "https://shop.example/a%20b"
    notes = {b.pointer: b.reason for b in resume.import_report.blocks if b.status == "note"}
    assert "not a URL" in notes["/work/0/x-url"] and notes["/work/1/url"]
    assert not [i for i in resumeconv.validate(resume) if i.is_error]


def test_amounts_keep_thousands_and_a_year_in_a_name_stays() -> None:
    """Pattern 12: "€12,500" stays whole; "Title, Organisation, amount" gives title, awarder
    and the amount in the summary (a long title stays whole); a year inside a named
    parenthesis ("(ERC 2024)") is read but not cut out of the name."""
    data = load("amounts-and-named-years.md")
    bursary, pilot, study = data["awards"]
    assert (bursary["title"], bursary["awarder"]) == (
        "Travel Bursary",
        "Harbour Science Foundation",
    )
    assert (bursary["summary"], bursary["date"]) == ("€12,500 EUR", "2022-05")
    assert (pilot["title"], pilot["awarder"], pilot["summary"]) == (
        "Pilot Fund",
        "Northfield University",
        "1,250,000 JPY",
    )
    assert study["title"].endswith("Birdlife Society, Northern Branch") and "awarder" not in study
    text = str(data)
    assert "(ERC 2024)" in text and "ERC, )" not in text


def test_talk_citations_title_venue_and_date() -> None:
    """Patterns 19 and 36: a linked title before an emphasised venue is the title (the venue,
    a season in its name, stays whole; the exact day is the date); a quoted title, however
    short, is the title and the next comma part the venue, never a place."""
    data = load("talk-citations.md")
    owls, kelp, moss, seeds = data["publications"]
    assert (owls["name"], owls["publisher"]) == (
        "Counting owls at dusk",
        "Birding Night Summer 2021",
    )
    assert (owls["releaseDate"], owls["url"]) == ("2021-07-09", "https://talks.example/owls")
    assert (kelp["name"], kelp["publisher"], kelp["releaseDate"]) == (
        "Kelp",
        "Harbour Ecology Forum",
        "2022-03-03",
    )
    assert (moss["name"], moss["publisher"]) == (
        "Why Moss Grows North",
        "Annual Meeting of the Lichen Circle",
    )
    assert "keynote" in moss["summary"] and moss["releaseDate"] == "2019-10"
    assert seeds["name"] == "Seeds" and "publisher" not in seeds


def test_title_line_then_its_citation_is_one_publication() -> None:
    """Pattern 28: a linked title line followed by the citation naming that title is one
    publication with both URLs, the venue and the authors (the owner's bold kept as Markdown
    in x-authors); no <font> markup; a title line followed by other text stays apart."""
    data = load("title-line-citation.md")
    maps = data["publications"][0]
    assert (maps["name"], maps["publisher"]) == (
        "Folding Maps in the Rain",
        "Journal of Wet Cartography",
    )
    assert maps["url"] == "https://papers.example/maps"
    assert "https://site.example/maps-slides" in maps["summary"]
    assert maps["x-authors"] == "Lund, P., **M. Ostrow**, and K. Ilves"
    assert "<font" not in str(data)
    assert len(data["publications"]) == 3
    assert data["publications"][1]["name"] == "Paper Boats"


def test_academic_year_dates_lead_the_line() -> None:
    """Pattern 24: "AY 2022: Tutor" is dated 2022 with the position Tutor, the employer the
    bullet below; "AY" is kept in x-note, never glued to the position."""
    data = load("academic-year.md")
    ta, grader = data["work"]
    assert (ta["position"], ta["name"]) == ("Teaching Assistant", "Ridgeview University")
    assert (ta["startDate"], ta["endDate"], ta["x-note"]) == ("2021", "2022", "AY 2021-2022")
    assert ta["highlights"] == ["Sections of Organic Chemistry"]
    assert (grader["position"], grader["name"], grader["startDate"]) == (
        "Grader",
        "Fjordside College",
        "2023",
    )
    assert "AY," not in str(data)


def test_site_assigned_loops_invisible_characters_and_dates() -> None:
    """Rule 7: ``{% assign x = site.C | sort: "k" | reverse %}{% for p in x %}`` is a loop
    over C in that order; BOMs and zero-width spaces in a site's files are not text; front
    matter dates ``2019.09.01`` and ``6/1995`` become ISO."""
    resume = resumeconv.load(FIXTURES / "site-assign" / "_pages" / "cv.md")
    data = resume.to_dict()
    assert data["work"] == [
        {"name": "North College", "position": "Zoology Lab", "startDate": "2018-06"},
        {
            "name": "North College",
            "position": "Algebra Basics",  # a zero-width space was pasted in the title
            "startDate": "2019-09-01",
            "summary": "Undergraduate course",
        },
    ]
    assert data["publications"] == [
        {
            "name": "Tides Revisited",
            "publisher": "Journal of Examples",
            "releaseDate": "1995-06",
            "url": "https://papers.example/tides",
        }
    ]
    raw = str(data)
    assert "\ufeff" not in raw and "\u200b" not in raw and "%EF%BB%BF" not in raw
    reasons = [b.reason for b in resume.import_report.blocks if b.status == SKIPPED]
    assert "Liquid loop (ignored)" in reasons  # a variable no assign gave a collection
    assert not [i for i in resumeconv.validate(resume) if i.is_error]


def test_year_headings_date_the_entries_under_them() -> None:
    """Rule 5: ``### 2022`` or a bold ``**2018**`` line above a list dates each entry under
    it (an entry's own date wins); the year heading is no entry. Plain award lines split
    into title and awarder, an amount in brackets is the summary."""
    resume = resumeconv.load(PAGES / "year-groups.md")
    data = resume.to_dict()
    awards = [(a["title"], a.get("awarder"), a["date"]) for a in data["awards"]]
    assert awards == [
        ("Poster Prize", "Example Botanical Society", "2022"),
        ("Field Grant", "Example Nature Foundation", "2022"),
        ("Dean's List", "Example College", "2019"),
        ("Chess Cup — 2nd place", "Example Chess Club", "2018"),
        ("Hiking Medal", "Example Alpine Club", "2017"),  # its own year wins
    ]
    assert data["awards"][1]["summary"] == "€800"
    assert data["awards"][2]["x-endDate"] == "2020"
    service = [(v["position"], v["organization"], v["startDate"]) for v in data["volunteer"]]
    assert service == [
        ("Reviewer", "Example Plant Journal", "2021"),
        ("Session chair", "Example Ecology Symposium", "2021"),
    ]
    assert resume.import_report.unmapped() == []


def test_year_item_tables() -> None:
    """Rule 5: ``Year | Item`` tables give one entry per row, dated by the year cell."""
    data = resumeconv.load(PAGES / "year-tables.md").to_dict()
    assert data["work"] == [
        {
            "name": "Northfield University",
            "position": "Lecturer",
            "startDate": "2022",
            "endDate": "2022",
            "summary": "Soil Science (GEO 120)",
        },
        {
            "name": "Northfield University",
            "position": "Tutor",
            "startDate": "2019",
            "endDate": "2021",
            "summary": "Field Methods (GEO 88)",
        },
    ]
    assert data["awards"] == [
        {
            "title": "Young Researcher Prize",
            "date": "2023",
            "awarder": "Example Geology Society",
            "summary": "£1,500",  # the thousands comma does not split
        },
        {"title": "Thesis Award", "date": "2016", "awarder": "Northfield University"},
    ]
    assert "|" not in str(data)


def test_german_page() -> None:
    """German titles, roles and organisations (compounds, -in forms, ``e. V.``), ``seit``
    (open, no end), MM/YYYY ranges, a grade in brackets, languages with levels, a town the
    places table does not know after the employer."""
    data = resumeconv.load(PAGES / "german.md").to_dict()
    assert data["work"] == [
        {
            "name": "Lehrstuhl für Gewässerkunde, Technische Universität Nordheim",
            "position": "Doktorandin",
            "startDate": "2021",
        },
        {
            "name": "Musterwerke GmbH",
            "location": "Bergdorf",
            "position": "Werkstudent",
            "startDate": "2016-04",
            "endDate": "2018-12",
        },
    ]
    assert data["education"][0]["institution"] == "Hochschule Talstadt"
    assert data["education"][0]["area"] == "Geographie"
    assert data["education"][0]["score"] == "1,7"
    assert data["languages"] == [
        {"language": "Deutsch", "fluency": "Muttersprache"},
        {"language": "Spanisch", "fluency": "verhandlungssicher"},
    ]
    assert data["volunteer"] == [
        {
            "organization": "Angelverein Bergdorf e. V.",
            "position": "Schriftführerin",
            "startDate": "2019-05",
        }
    ]


def test_japanese_page() -> None:
    """学歴 / 職歴 / 受賞 find their homes; 年月 dates, 現在 (open); ``学校 部局 課程`` and a
    bracketed （学士）; ``組織 役職`` joined by a (full-width) space; ``学会 賞``."""
    data = resumeconv.load(PAGES / "japanese.md").to_dict()
    assert data["education"] == [
        {
            "institution": "見本大学大学院",
            "area": "理学研究科",
            "studyType": "修士課程",
            "startDate": "2016-04",
            "endDate": "2021-03",
        },
        {
            "institution": "見本大学",
            "area": "理学部 化学科",
            "studyType": "学士",
            "startDate": "2012-04",
            "endDate": "2016-03",
        },
    ]
    assert data["work"] == [
        {"name": "見本化学研究所", "position": "研究員", "startDate": "2021-04"},
        {
            "name": "株式会社ミホン",
            "position": "インターン",
            "startDate": "2019-08",
            "endDate": "2019-09",
        },
    ]
    assert data["awards"] == [{"title": "奨励賞", "date": "2020", "awarder": "見本化学会"}]


def test_degree_lines_more_variants() -> None:
    """Pattern 10, variants: an observatory is an institution; a lower-case "the School of
    …" part is part of the institution, not of the subject; a qualification "at" a school."""
    data = load("degree-lines-more.md")
    phd, ms, diploma = data["education"]
    assert phd["institution"] == "Lakeshore Astronomical Observatory" and "area" not in phd
    assert ms["area"] == "Soil Physics"
    assert ms["institution"] == "School of Earth Sciences, Ridgeview University"
    assert diploma["institution"] == "Ecole professionnelle de Montvert (EPM)"
    assert diploma["endDate"] == "2010"


def test_topic_labels_with_the_owners_bold_in_the_authors() -> None:
    """Pattern 31: a short bold label above a list of papers is a topic, not a paper: one
    publication per bullet (title, pdf URL, venue after "In", year, authors with the owner's
    bold), the label in x-category; no <span> styling in the output."""
    data = load("topic-labels-authors.md")
    wet, clay, puddles = data["publications"]
    assert (wet["name"], wet["url"], wet["publisher"], wet["releaseDate"]) == (
        "Wet Fields After Storms",
        "https://papers.example/wet",
        "RainConf",
        "2020",
    )
    assert wet["x-authors"] == "**R. Lund**, T. Berg" and wet["x-category"] == "Soil Moisture"
    assert (clay["publisher"], clay["releaseDate"], clay["x-category"]) == (
        "Journal of Mud",
        "2019",
        "Soil Moisture",
    )
    assert (puddles["publisher"], puddles["x-category"]) == ("PuddleCon", "Field Notes")
    assert puddles["x-authors"] == "R. Lund, A. Vik and O. Dahl"
    assert "<span" not in str(data) and "color:" not in str(data)


def test_school_line_over_degree_line_and_cjk_subject_before_degree() -> None:
    """Rule 6: under a bold school line, every part of the degree line is the subject (none is
    taken as the institution); ``大学，专业，学位`` gives institution, area, degree."""
    data = load("school-line-and-cjk-subject.md")
    school, master = data["education"]
    assert school["institution"] == "Millbrook Grammar School"
    # a school qualification keeps its subjects in its name (golden c33 asks for the line
    # "A-Levels in Maths, Physics, Chemistry, and EPQ" whole): no area
    assert school["studyType"] == "A-Levels in Biology, Chemistry, and Art"
    assert "area" not in school
    assert (school["startDate"], school["endDate"]) == ("2012", "2014")
    assert (master["institution"], master["area"], master["studyType"]) == (
        "北方示例大学",
        "环境科学",
        "硕士",
    )
    assert (master["startDate"], master["endDate"]) == ("2019-09", "2021-06")


def test_day_ranges_and_a_date_inside_a_linked_title() -> None:
    """Pattern 18: day ranges give exact start and end days; a date inside a linked title
    stays in the title, the date after it is the publication's."""
    data = load("day-ranges.md")
    text = str(data)
    assert "'startDate': '2019-05-03', 'endDate': '2019-06-01'" in text
    assert "'startDate': '2015-10-08', 'endDate': '2015-10-09'" in text
    (notes,) = data["publications"]
    assert notes["name"] == "Notes from the Fjord Meeting, 2-4 May 2016 in Bergen"
    assert notes["releaseDate"] == "2016-11-11"


def test_organisation_heading_over_dated_roles() -> None:
    """Pattern 18: a heading naming an organisation (its link kept, the :link: shortcode
    dropped) above dated role bullets gives one volunteer entry per role at it."""
    data = load("org-heading-roles.md")
    treasurer, captain, tenor = data["volunteer"]
    assert treasurer == {
        "organization": "Harbour Rowing Club",
        "position": "Treasurer",
        "startDate": "2019-05",
        "url": "https://rowing.example/",
    }
    assert (captain["organization"], captain["position"]) == ("Harbour Rowing Club", "Boat Captain")
    assert (captain["startDate"], captain["endDate"]) == ("2016", "2018")
    assert (tenor["organization"], tenor["position"]) == ("Lakeside Choir", "Tenor")
    assert ":link:" not in str(data)


def test_a_job_line_with_two_titles() -> None:
    """Pattern 30: two titles leading a job line are both positions there; a course name
    after a title is not a title."""
    data = load("two-titles.md")
    both, guest = data["work"]
    assert both["position"] == "Lecturer, Lab Manager"
    assert both["name"] == "Department of Botany, Ridgeview University"
    assert (both["startDate"], both["endDate"]) == ("2018-01", "2020-12")
    assert guest["position"] == "Guest Lecturer"
    assert "Soil Mechanics" in guest["name"] and "Fjordside College" in guest["name"]


def test_chinese_layout_lines() -> None:
    """``大学，专业，学位``, a compound 硕士研究生 with its school on the line below,
    ``公司-职位`` (also with a ``[主页](…)`` link after the company), and a chain of dated
    stages （实习） -> （在职） kept whole in x-note."""
    data = resumeconv.load(PAGES / "chinese-layout.md").to_dict()
    assert data["education"] == [
        {
            "institution": "样本大学",
            "area": "材料科学",
            "studyType": "硕士",
            "startDate": "2019-09",
            "endDate": "2022-06",
        },
        {"institution": "样本大学化学学院", "studyType": "硕士研究生", "startDate": "2022-09"},
    ]
    assert data["work"] == [
        {
            "name": "样本材料有限公司",
            "position": "研发实习生",
            "startDate": "2022-07",
            "endDate": "2022-08",
        },
        {  # the link's text only says "homepage": its URL is the job's, a unit in the role
            "name": "样本软件股份有限公司",
            "position": "数据中心实习生",
            "url": "https://soft.example.cn/",
            "startDate": "2021-03",
            "endDate": "2021-05",
        },
        {
            "name": "样本检测有限公司",
            "position": "测试工程师",
            "startDate": "2020-01-10",
            "endDate": "2021-12-31",
            "x-note": "2020.01.10 -> 2020.03.31（实习） -> 2021.12.31（在职）",
        },
    ]


def test_level_glyphs_and_code_languages() -> None:
    """Level glyphs are levels, not parts of names (named by the page's legend when it has
    one, else counted); the legend is no skill; a "Languages:" line that lists code is a
    skill, not spoken languages."""
    resume = resumeconv.load(PAGES / "skill-levels.md")
    data = resume.to_dict()
    assert data["skills"] == [
        {"name": "Languages", "keywords": ["Python", "Lua"]},
        {"name": "Language", "keywords": ["at home in Fortran"]},
        {"name": "Numerics", "keywords": ["Fortran (working knowledge)", "OCaml (2/5)"]},
    ]
    assert data["languages"] == [
        {"language": "Italian", "fluency": "native"},
        {"language": "Dutch", "fluency": "working knowledge"},
    ]
    assert "●" not in str(data)
    reasons = [b.reason for b in resume.import_report.blocks]
    assert "legend of the level glyphs" in reasons
    assert resume.import_report.unmapped() == []


def test_level_glyph_helpers() -> None:
    from resumeconv.importers.cvpage.levels import legend, split_levels

    assert legend("•••Expert ••Good •Basic") == {"•••": "Expert", "••": "Good", "•": "Basic"}
    assert legend("Scale: ★★★ fluent ★ basic") == {"★★★": "fluent", "★": "basic"}
    assert legend("• one bullet of prose that is no legend at all") is None
    assert split_levels("Julia••• Haskell••") == [("Julia", "3"), ("Haskell", "2")]
    assert split_levels("German ●●○○○") == [("German", "2/5")]
    assert split_levels("Python, R") is None


def test_links_in_skills_projects_and_grants_stay_in_their_entry() -> None:
    """Several links on one line: linked skills keep their URLs (levels apart), a project's
    bracketed links are links, not roles (the first is its url, the others stay in the
    entry), a grant keeps its link; no ", ." is left where a date was cut."""
    data = resumeconv.load(PAGES / "links-in-lines.md").to_dict()
    assert data["skills"] == [
        {
            "name": "Toolkits",
            "keywords": ["[Qux](https://qux.example/) (2)", "[Zap](https://zap.example/) (1)"],
        }
    ]
    assert data["projects"] == [
        {
            "name": "Seed Sorter",
            "highlights": ["[repo](https://r.example/seed)", "Example Garden Lab"],
            "startDate": "2021",
            "endDate": "2021",
            "url": "https://s.example/seed",
        }
    ]
    assert data["awards"][0]["x-url"] == "https://fund.example/SF-9"
    assert "SF-9" in data["awards"][0]["title"] and data["awards"][0]["date"] == "2020"


def test_topic_labels_over_papers() -> None:
    """A (coloured) bold label or a sub-heading above a list of papers is their topic
    (``x-category``), not a paper; the venue after "In" on the citation line is read."""
    resume = resumeconv.load(PAGES / "topic-labels.md")
    pubs = resume.to_dict()["publications"]
    assert [(p["name"], p["publisher"], p["releaseDate"], p["url"]) for p in pubs] == [
        ("Nitrogen in Clay: A Survey", "SoilConf", "2020", "https://pubs.example/n"),
        ("Humus Revisited", "Journal of Example Soils", "2018", "https://pubs.example/h"),
        ("Rain Gauges Compared", "WetMeet", "2016", "https://pubs.example/r"),
    ]
    assert [p["x-category"] for p in pubs] == ["Soil Chemistry", "Soil Chemistry", "Field Notes"]
    assert "K. Writer, L. Writer" in pubs[0]["summary"]
    assert "color" not in str(resume.to_dict())
    assert resume.import_report.unmapped() == []


def test_talk_citations_and_organisation_headings() -> None:
    """A talk whose title is a (reference-style) link after the authors and whose venue is
    italic; an organisation sub-heading with a link names the organisation of the entries
    under it (a ``:link:`` shortcode is no text), a group heading over entries that name
    their own is their category."""
    data = resumeconv.load(PAGES / "talks-memberships.md").to_dict()
    talk = data["publications"][0]
    assert (talk["name"], talk["publisher"], talk["releaseDate"], talk["url"]) == (
        "Counting beetles",
        "Example Insect Forum 2022",
        "2022-05-03",
        "https://doi.example/10.9/beetles",
    )
    assert talk["x-type"] == "talk" and "KIM, Ana" in talk["summary"]
    assert data["volunteer"] == [
        {
            "organization": "Example Beetle Club",
            "position": "Treasurer",
            "url": "https://beetles.example/",
            "startDate": "2015-06",
        },
        {
            "organization": "Example Science Fair",
            "position": "Judge",
            "startDate": "2019",
            "endDate": "2019",
            "x-category": "Other service",
        },
    ]
    assert ":link" not in str(data)


def test_last_updated_line_is_page_chrome() -> None:
    """When the page was edited is no part of the CV (a Liquid date or a written one)."""
    page = (
        "Courses\n======\n* Advanced Example Methods (Example University)\n\n"
        '*Last updated: {{ "now" | date: "%B %d, %Y" }}*\n\nLast updated: March 2024\n'
    )
    resume = resumeconv.load(page.encode(), format="markdown")
    assert "Last" not in str(resume.to_dict())
    assert len(resume.to_dict()["education"]) == 1
    reasons = [b.reason for b in resume.import_report.blocks if b.status == SKIPPED]
    assert reasons.count("last-updated line") == 2


def test_a_year_cut_from_brackets_leaves_no_comma() -> None:
    """``(EXM 2021)``: the year is the date, the bracket stays whole around what is left."""
    page = "Invited Talks\n======\n1. Session chair at Example Meeting (EXM 2021)\n"
    pub = resumeconv.load(page.encode(), format="markdown").to_dict()["publications"][0]
    # merged readings: the year stays in its named parenthesis (fidb's rule 6, pattern 12)
    assert pub["name"] == "Session chair at Example Meeting (EXM 2021)"
    assert pub["releaseDate"] == "2021" and "summary" not in pub  # the name is the line


def test_korean_page() -> None:
    """학력 / 경력 / 수상 find their homes; 년 월 dates and 현재 (open)."""
    data = resumeconv.load(PAGES / "korean.md").to_dict()
    assert data["education"] == [
        {
            "institution": "예시대학교",
            "area": "컴퓨터공학과",
            "studyType": "학사",
            "startDate": "2015-03",
            "endDate": "2019-02",
        }
    ]
    assert data["work"] == [{"name": "예시연구소", "position": "연구원", "startDate": "2021-03"}]
    assert data["awards"] == [{"title": "우수논문상", "date": "2020", "awarder": "예시학회"}]


def test_french_page() -> None:
    """French titles (accents folded), roles and organisations (Ingénieur, Trésorier,
    Laboratoire, Association), « aujourd'hui » (open), Langues with their level."""
    data = resumeconv.load(PAGES / "french.md").to_dict()
    layout = data["meta"]["x-resumeconv"]["sections"]
    assert [s["section"] for s in layout] == [
        "education",
        "work",
        "skills",
        "languages",
        "volunteer",
    ]
    assert data["work"] == [
        {
            "name": "Laboratoire Exemple",
            "location": "Lyon",
            "position": "Ingénieur de recherche",
            "startDate": "2019",
        }
    ]
    assert data["education"][0]["institution"] == "Université d'Exemple"
    assert data["education"][0]["area"] == "Informatique"
    assert data["languages"] == [{"language": "Anglais", "fluency": "courant"}]
    assert data["volunteer"][0]["organization"] == "Association Exemple"
    assert data["volunteer"][0]["position"] == "Trésorier"


def test_spanish_and_portuguese_sections_and_degrees() -> None:
    """Formación / Educação → education, Experiencia / Experiência → work, Idiomas,
    Premios y becas; Grado / Bacharelado degrees with their subject; «actualidad» open."""
    data = resumeconv.load(PAGES / "spanish-portuguese.md").to_dict()
    layout = [s["section"] for s in data["meta"]["x-resumeconv"]["sections"]]
    assert layout == ["education", "work", "languages", "awards", "education", "work"]
    assert [(e["studyType"], e["area"], e["institution"]) for e in data["education"]] == [
        ("Grado", "Física", "Universidad de Ejemplo"),
        ("Bacharelado", "Química", "Universidade Exemplo"),
    ]
    assert data["work"][0] == {
        "name": "Instituto Ejemplo de Óptica",
        "location": "Madrid",
        "position": "Investigadora",
        "startDate": "2019",
    }
    assert data["work"][1]["position"] == "Estagiária"
    assert data["awards"] == [
        {"title": "Beca de Excelencia", "date": "2017", "awarder": "Fundación Ejemplo"}
    ]
    assert data["languages"] == [{"language": "Inglés", "fluency": "avanzado"}]


def test_script_indented_inside_html_is_not_content() -> None:
    """Corpus pattern: a chart widget whose ``<script>`` sits indented after a blank line
    inside a ``<div>``. CommonMark would show it as a code block; Jekyll's kramdown reads the
    HTML to its closing tag, so the visitor sees no code and neither does the JSON."""
    resume = resumeconv.load(PAGES / "html-widget.md")
    text = str(resume.to_dict())
    assert "River Atlas" in text
    for code in ("charts.init", "getElementById", "cdn.example.org", "Meadow"):
        assert code not in text
    reasons = [b.reason for b in resume.import_report.blocks if b.status == SKIPPED]
    assert any("script" in r for r in reasons), reasons


def test_research_statement_paragraph_is_the_summary() -> None:
    """Corpus pattern: a research statement written as a paragraph under "Research
    Interests" is prose about the person: ``basics.summary`` (a standard field), not a
    custom section of meta; the list under it still gives one interest per part."""
    resume = resumeconv.load(PAGES / "research-statement.md")
    data = resume.to_dict()
    assert data["basics"]["summary"].startswith("I study how tide-pool communities recover")
    assert [i["name"] for i in data["interests"]] == [
        "Coastal ecology",
        "population dynamics",
        "citizen science",
    ]
    assert ("basics.summary", "Research Interests") in layout(data)
    assert resume.import_report.meta_only() == []


def test_every_link_target_reaches_its_entry() -> None:
    """Rule 3 of issue 12 (corpus pages c27, c38, c40): the entry's first link is its
    ``url`` (a field the schema has) and further links are its ``x-links``, whatever line
    of the entry or HTML element they are on; a link label ("thesis", "slides") is never
    glued to a name; a page-relative link without a site is kept as written, never as a
    ``url`` field."""
    data = load("links-kept.md")
    (phd,) = data["education"]
    assert (phd["institution"], phd["url"]) == (
        "Harbourside University",
        "https://papers.example/thesis.pdf",
    )
    technician, assistant = data["work"]
    assert technician["name"] == "Lune Valley Survey Office"
    assert technician["url"] == "https://lune.example/about.html"
    assert assistant["name"] == "Tidal Dynamics Lab"
    assert assistant["url"] == "https://tides.example/lab/index.html"
    fellowship, poster = data["awards"]
    assert fellowship["x-url"] == "https://fund.example/"
    assert fellowship["x-links"] == [{"label": "news", "url": "https://news.example/fellows-2023"}]
    assert poster["awarder"] == "Example Society"
    assert poster["x-links"] == [{"label": "slides", "url": "../files/poster.pdf"}]
    assert "url" not in poster


def test_relative_further_links_resolve_against_the_site() -> None:
    from resumeconv.importers.cvpage.valid import keep_valid

    data = {
        "awards": [{"title": "Poster", "x-links": [{"label": "slides", "url": "/files/p.pdf"}]}]
    }
    keep_valid(data, "https://jane.example.io", lambda at, why: None)
    assert data["awards"][0]["x-links"] == [
        {"label": "slides", "url": "https://jane.example.io/files/p.pdf"}
    ]


def test_links_in_headings_are_kept() -> None:
    """Rule 3: a link in a section heading stays a Markdown link in the layout's title; in
    a sub-heading over papers, in the papers' ``x-category``; the Markdown writer gives
    both back as links (no escaped brackets)."""
    from resumeconv.exporters import markdown
    from resumeconv.options import WriteOptions

    resume = resumeconv.load(PAGES / "heading-links.md")
    data = resume.to_dict()
    assert layout(data)[0] == (
        "publications",
        "Publications ([Google Scholar](https://scholar.google.com/citations?user=abc))",
    )
    assert data["publications"][1]["x-category"] == "[Teaching](https://teach.example/)"
    assert resume.import_report.lost_words == []
    written = markdown.write(resume, WriteOptions()).decode()
    assert "Publications ([Google Scholar](https://scholar.google.com/citations?user=abc))" in (
        written
    )
    assert "\\[" not in written


def test_field_splits_seen_on_real_pages() -> None:
    """Corpus patterns c17, c21, c26, c34, c35: M.Tech. and a dual degree ("B.S M.S. in
    Physics") are degrees; a lower-case "the" is no part of a school's name; "**Role** for
    the Org at the University" splits at "for"; a role heading over journal names makes
    each journal the organisation; bullets typed as text ("\\* **Membership**, …") are
    entries with no star in them."""
    data = load("field-splits.md")
    mtech, dual, ms = data["education"]
    assert (mtech["studyType"], mtech["area"]) == ("M.Tech.", "Tidal Engineering")
    assert mtech["institution"] == "Harbour Institute of Technology"
    assert (dual["studyType"], dual["area"]) == ("B.S M.S.", "Physics")
    assert ms["institution"].startswith("School of Earth Sciences")
    (curator,) = data["work"]
    assert curator["position"] == "Data Curator / Archive Architect"
    assert curator["name"].startswith("Coastal Archive Network")
    assert curator["url"] == "https://can.example/"
    reviews = [v for v in data["volunteer"] if v.get("position") == "Journal Reviewer"]
    assert [v["organization"] for v in reviews] == [
        "Journal of Tidal Studies (JTS)",
        "Coastal Engineering Letters",
    ]
    member, editor = [v for v in data["volunteer"] if v.get("position") != "Journal Reviewer"]
    assert (member["position"], member["organization"]) == (
        "Membership",
        "Society for Coastal Research",
    )
    assert editor["position"] == "Guest Editor"
    assert "*" not in str(data["volunteer"])


def test_paragraphs_wrapped_in_the_source() -> None:
    """Corpus pattern c36: an entry written as a paragraph hard-wrapped at 80 columns. A
    source line that begins in lower case goes on with the sentence (one line, not a new
    field); the school's name ends where its sentence does; "PhD Student in …" is the
    degree under way; "jointly at" is no part of a name but is kept in the entry."""
    data = load("wrapped-paragraphs.md")
    phd, master = data["education"]
    assert (phd["studyType"], phd["area"]) == ("PhD Student", "Tidal Mathematics")
    assert phd["institution"] == "Harbourside University"
    assert phd["x-highlights"] == ["My supervisors are Ada Example and Bo Sample."]
    assert master["institution"] == (
        "Harbourside University and the Northfield Institute of Technology"
    )
    assert master["x-location"] == "Northfield"
    assert master["x-highlights"][0].startswith("jointly at Harbourside University")
    assert resumeconv.load(PAGES / "wrapped-paragraphs.md").import_report.lost_words == []
    # one long first-person sentence is a description, not a line to cut into fields
    (outreach,) = data["volunteer"]
    assert list(outreach) == ["summary"]
    assert outreach["summary"].startswith("I volunteer with the Harbour Science Festival")


def test_apa_references() -> None:
    """APA, the usual style in psychology and education CVs: the title is the sentence
    after "(Year).", the venue the italic text after it without its volume, the authors
    (owner in bold) before the year; a book or thesis has its title in italics and its
    publisher after; ``doi:10.…`` is a DOI URL; "(in press)" has no date."""
    pubs = load("apa-citations.md")["publications"]
    got = [(p["name"], p.get("publisher"), p.get("releaseDate"), p.get("url")) for p in pubs]
    assert got == [
        (
            "Tide pools recover from storms in weeks",
            "Journal of Coastal Ecology",
            "2023",
            "https://doi.org/10.5555/jce.2023.41",
        ),
        ("A census of limpets", "Marine Letters", "2022", "https://doi.org/10.5555/ml.20211"),
        ("Recovery of rock-pool fauna", "Harbourside University", "2020", None),
        (
            "Counting barnacles by photograph",
            "Coastal Methods",
            None,
            "https://doi.org/10.5555/cm.2024.7",
        ),
        ("Storms and snails", "Snail", "2019", None),
    ]
    assert pubs[0]["x-authors"] == "**Lind, M.**, Okafor, R., & Brandt, A."
    assert pubs[3]["x-authors"] == "Brandt, A., & **Lind, M.**"


def test_work_lines_seen_on_fresh_pages() -> None:
    """A bold employer with its city on the line and the role in italics below; a one-liner
    whose employer has no organisation word before its place; a sentence after the dates:
    the city is never the employer and the sentence is a highlight, not part of a name."""
    kelp, tide, lab = load("work-lines-more.md")["work"]
    assert (lab["position"], lab["name"], lab["location"]) == (
        "Postdoctoral Appointee",
        "Harbour Research Laboratory",
        "Lemont, IL",
    )
    assert (kelp["position"], kelp["name"], kelp["location"]) == (
        "Visiting Researcher",
        "Kelp Research",
        "Mountain View, CA",
    )
    assert (tide["name"], tide["location"], tide["startDate"]) == ("Tide Lab", "Geneva", "2020-01")
    assert tide["highlights"] == ["Maintaining the gauge network software."]


def test_buttons_and_in_page_navigation_are_chrome() -> None:
    """``[Download PDF]({{ base_path }}/files/cv.pdf){: .btn}`` (a link only once Liquid
    has run, as Jekyll runs it first) and a row of ``{: .btn}`` links are buttons; a row of
    links to the page's own anchors is navigation: none is the name, a url or a profile."""
    resume = resumeconv.load(PAGES / "buttons-and-navigation.md")
    data = resume.to_dict()
    assert "basics" not in data
    assert data["education"][0]["institution"] == "Harbourside University"
    reasons = [b.reason for b in resume.import_report.blocks if b.status == SKIPPED]
    assert any("download button" in r for r in reasons)
    assert any("navigation" in r for r in reasons)
    assert resume.import_report.lost_words == []


def test_portuguese_open_ranges_and_roles() -> None:
    """ "atual", "atualmente" and "presente" leave a range open; Pesquisadora, Professora
    and Bolsista are positions."""
    jobs = load("open-ranges-more.md")["work"]
    assert [(j["position"], j["name"], j["startDate"], "endDate" in j) for j in jobs] == [
        ("Pesquisadora", "Instituto Oceânico", "2021", False),
        ("Professora", "Universidade do Porto Novo", "2019", False),
        ("Bolsista", "Fundação Oceano", "2018", False),
    ]


def test_language_label_lines_and_tables() -> None:
    """ "Swedish: native" names the language and its level (the label is the language, no
    field label); a "Languages:" group label names the kind; a Language | Level table gives
    each row's level. Before, "Swedish" was dropped and the word check let it pass as a
    label: only labels the reader consumes as field names are form."""
    resume = resumeconv.load(PAGES / "languages-labelled.md")
    got = [(e["language"], e.get("fluency")) for e in resume.to_dict()["languages"]]
    assert got == [
        ("Swedish", "native"),
        ("English", "fluent"),
        ("Finnish", None),
        ("Serbian", "Native"),
        ("German", "Intermediate (B1)"),
    ]
    assert resume.import_report.lost_words == []


def test_sections_wrapped_in_a_div() -> None:
    """Rule 2: ``<div class="cv-section"><h2>Education</h2><ul>…</ul></div>`` — the wrapper
    is styling; its heading opens a section and its items are entries (before, the whole
    page reached only a custom section)."""
    resume = resumeconv.load(PAGES / "html-wrapped-sections.md")
    data = resume.to_dict()
    assert layout(data) == [("education", "Education"), ("work", "Employment")]
    assert data["education"][0]["institution"] == "Harbourside University"
    assert (data["work"][0]["position"], data["work"][0]["name"]) == (
        "Assistant Professor",
        "Northfield University",
    )
    assert resume.import_report.lost_words == [] and resume.import_report.meta_only() == []


def test_service_role_labels() -> None:
    """ "Reviewer: *A*, *B*" and "Journal reviewing: A, B" name the role, then the venues:
    the label is the position (not glued to the first venue), the venues the organisation."""
    got = [
        (v.get("position"), v.get("organization")) for v in load("service-lines.md")["volunteer"]
    ]
    assert got == [
        ("Reviewer", "Journal of Tidal Studies, Coastal Letters"),
        ("Journal reviewing", "Marine Notes, Reef Review"),
        ("Reviewer", "Journal of Tidal Studies"),
    ]


def test_author_block_in_the_page_front_matter() -> None:
    """A page's own ``author:`` block (Jekyll's page.author) gives basics as the site's
    would: name, e-mail, location."""
    basics = load("front-matter-author.md")["basics"]
    assert (basics["name"], basics["email"]) == ("Ines Example", "ines@example.org")
    assert basics["location"]["city"] == "Porto"


def test_contact_lines_with_titles_and_icons() -> None:
    """ "Dr. Ada Example · ada@… · [Google Scholar](…)" starts with the name; an icon before
    a contact ("✉️ …", "📞 …") is no part of it."""
    basics = load("contact-icons.md")["basics"]
    assert basics["name"] == "Dr. Ada Example"
    assert basics["email"] == "ada@example.edu"
    assert basics["phone"] == "+44 20 7946 0958"
    networks = {p["network"]: p for p in basics["profiles"]}
    assert networks["Email"]["username"] == "ada.private@example.org"
    assert networks["GitHub"]["url"] == "https://github.com/adaexample"


def test_german_university_terms_are_dates() -> None:
    """Sommersemester / Wintersemester / SoSe / WS before a year are terms, like seasons:
    dates (the year only, the words kept in x-note), never a place."""
    jobs = load("german-terms.md")["work"]
    got = [(j["name"], j.get("startDate"), j.get("endDate"), "location" in j) for j in jobs]
    assert got == [
        ("Universität Talstadt", "2019", "2019", False),
        ("Universität Talstadt", "2018", "2019", False),
        ("Hochschule Bergfeld", "2016", "2018", False),
    ]


def test_table_columns_named_by_their_titles() -> None:
    """A table whose column titles name fields is read by them, not by position: the
    Title column is the talk's name, Venue its publisher, Links its url; Grant / Agency /
    Amount give title, awarder and summary."""
    data = load("titled-tables.md")
    talks = [
        (p["name"], p["publisher"], p["releaseDate"], p.get("url")) for p in data["publications"]
    ]
    assert talks == [
        (
            "Counting limpets at scale",
            "Coastal Days 2024, Porto",
            "2024-03",
            "https://talks.example/limpets.pdf",
        ),
        ("Tide tables", "Harbour Workshop, Bergen", "2018-06", None),
    ]
    (grant,) = data["awards"]
    assert (grant["title"], grant["awarder"], grant["date"], grant["summary"]) == (
        "Kelp Survey Grant",
        "Ocean Fund",
        "2023",
        "€12,000",
    )


def test_referees_on_one_line_and_licensure() -> None:
    """ "Dr. Name, Role, Institution — e-mail" names the referee first, the rest is the
    reference; a Licensure section holds certificates."""
    data = load("references-licensure.md")
    assert [(r["name"], r.get("reference")) for r in data["references"]] == [
        (
            "Dr. Sofia Example",
            "Associate Professor of Ecology, Harbourside University — sofia@example.edu",
        ),
        ("Prof. Bo Sample", "Northfield Institute of Technology"),
    ]
    (licence,) = data["certificates"]
    assert licence["date"] == "2022" and licence["name"].startswith("Licensed Marine Pilot")


def test_chinese_lines_split_by_wide_spaces() -> None:
    """Full-width spaces part a Chinese line into its fields: the part a role follows is the
    employer even without an organisation word (样例科技), a city in brackets after it is
    the location, a bracketed GPA the score."""
    data = load("chinese-spaced.md")
    (school,) = data["education"]
    assert (school["institution"], school["area"], school["studyType"], school["score"]) == (
        "示例大学",
        "软件工程",
        "学士",
        "3.9/4.0",
    )
    got = [(w["name"], w.get("location"), w["position"]) for w in data["work"]]
    assert got == [("示例达摩院", "杭州", "算法研究员"), ("样例科技", None, "研究实习生")]


def test_details_naming_groups_of_entries() -> None:
    """A ``<details>`` whose summary names a group ("Undergraduate (click to expand)") over
    a list — set off by blank lines, so three blocks to markdown-it — gives one entry per
    item, each with the group as its x-category; the hint is form, not content."""
    resume = resumeconv.load(PAGES / "details-groups.md")
    jobs = resume.to_dict()["work"]
    assert [(j.get("x-category"), j["startDate"]) for j in jobs] == [
        ("Undergraduate", "2021"),
        ("Undergraduate", "2022"),
        ("Graduate", "2022"),
    ]
    assert all("Graduate" not in str(j.get("highlights")) for j in jobs)
    assert resume.import_report.lost_words == []


def test_mentees_are_not_jobs_at_their_next_school() -> None:
    """Rule 1 puts mentoring under work; a mentee's line is the entry's summary with its
    dates: "now PhD student at Northfield University" is not an employer of the owner's."""
    jobs = load("mentoring.md")["work"]
    assert [("name" in j, j["summary"].split(" (")[0], j["startDate"]) for j in jobs] == [
        (False, "Lea Sample", "2021"),
        (False, "Tom Example", "2023"),
    ]


def test_a_link_label_after_a_talk_is_no_part_of_its_venue() -> None:
    page = (
        "Talks\n======\n"
        "- *Counting limpets*, Harbour Seminar, Feb 2024 — [video](https://video.example/1)\n"
    )
    (talk,) = resumeconv.load(page.encode(), format="markdown").to_dict()["publications"]
    assert (talk["publisher"], talk["url"]) == ("Harbour Seminar", "https://video.example/1")


def test_organisation_headings_over_italic_roles() -> None:
    """A common academicpages layout: ``### Organisation``, an italic role line, a
    "Place · Dates" line, bullets. The heading is the employer (or the institution), the
    place line the location, the bullets the entry's highlights — one entry each."""
    data = load("org-headings-italic-roles.md")
    lab, ta = data["work"]
    assert (lab["name"], lab["position"], lab["location"], lab["startDate"]) == (
        "Tidewater Labs",
        "Research Scientist",
        "London, UK",
        "2022-01",
    )
    assert lab["highlights"] == ["Built tide models for harbour pilots", "Co-authored 6 papers"]
    assert (ta["name"], ta["position"], ta["summary"]) == (
        "Harbourside University",
        "Teaching Assistant",
        "Coastal Processes",
    )
    (phd,) = data["education"]
    assert (phd["institution"], phd["studyType"], phd["area"]) == (
        "Harbourside University",
        "PhD",
        "Oceanography",
    )
    assert phd["x-highlights"] == ["Thesis: Tides in Narrow Straits"]


def test_degree_lines_from_fresh_pages() -> None:
    """ "BA (Hons) in History" has the area History; "Licence de Physique" Physique; "Master
    2" is the degree; a Korean school before its subject and degree is the institution,
    the city after it the place; "University of Texas at Austin" is one employer."""
    data = load("degree-lines-fresh.md")
    got = [(e["studyType"], e["area"], e["institution"]) for e in data["education"][:4]]
    assert got == [
        ("BA (Hons)", "History", "University of Lakeside"),
        ("Licence", "Physique", "Université de Bergfeld"),
        ("Master 2", "Physique des Océans", "Université de Bergfeld"),
        ("박사", "해양학", "예시대학교"),
    ]
    assert data["education"][3]["x-location"] == "서울"
    # a wrapped degree whose dates end a sentence; an honour after the subject
    phd, ba = data["education"][4:]
    assert (phd["institution"], phd["x-location"], phd["score"]) == (
        "Harbourside Institute of Technology",
        "Atlanta, GA",
        "3.94/4.00",
    )
    assert phd["x-highlights"] == ["Advisor: Prof. Ada Example."] and phd["x-expected"] is True
    assert (ba["area"], ba["institution"], ba["x-highlights"]) == (
        "Chemistry",
        "Pinecrest College",
        ["magna cum laude"],
    )
    (postdoc,) = data["work"]
    assert postdoc["position"] == "Postdoctoral Fellow"
    assert postdoc["name"] == "Tide Research Center, University of Texas at Austin"


def test_software_projects_and_an_unlabelled_skill_list() -> None:
    """ "[name](url) — what it is" and "**name** (2020) — what it is. [Code](…) · [Demo](…)":
    the name, its description, its links (url, x-links), no link label in the text."""
    data = load("software-projects.md")
    kv, bench, watch = data["projects"]
    assert (kv["name"], kv["url"]) == ("tide-kv", "https://github.com/example/tide-kv")
    assert kv["description"] == "an embedded key-value store for tide gauges"
    assert (bench["name"], bench["description"]) == (
        "reefbench",
        "reproducible benchmarks (Go, Docker)",
    )
    assert (watch["name"], watch["description"], watch["startDate"]) == (
        "gaugewatch",
        "a small monitoring dashboard.",
        "2020",
    )
    assert watch["url"] == "https://github.com/example/gaugewatch"
    assert watch["x-links"] == [{"label": "Demo", "url": "https://gaugewatch.example.dev"}]
    skills = [s["name"] for s in data["skills"]]
    assert skills == ["Python (pandas, xarray)", "QGIS", "acoustic telemetry", "Rust"]


def test_roles_in_french_and_korean_and_board_seats() -> None:
    """ "Maître de conférences, Laboratoire …, Université …" starts with the role; a Korean
    line names the employer, then the role (책임연구원), then the place; "Editorial Board"
    and "학회 심사위원" are positions held at the venue after them."""
    data = load("roles-fr-ko.md")
    jobs = [(j.get("position"), j.get("name")) for j in data["work"]]
    assert jobs == [
        ("Maître de conférences", "Laboratoire de Physique Marine, Université de Bergfeld"),
        ("책임연구원", "예시 클라우드"),
    ]
    assert data["work"][1]["location"] == "서울"
    seats = [(v.get("position"), v.get("organization")) for v in data["volunteer"]]
    assert seats == [("Editorial Board", "Journal of Tidal Studies"), ("학회 심사위원", "KTS")]


def test_ieee_numbers_and_talk_venues_at_a_department() -> None:
    """A "[1]" before an IEEE citation is the list's number, not an author; a talk given at
    "Department of Oceanography, Harbourside University" keeps both as its venue."""
    paper, talk, patent = load("ieee-and-talk-venues.md")["publications"]
    assert (patent["name"], patent["x-type"], patent["releaseDate"]) == (
        "Tide gauge with temperature compensation",
        "patent",
        "2022-09",
    )
    assert paper["name"] == "Tides in narrow straits"
    assert paper["x-authors"] == "A. Lind, B. Sample, and C. Roe"
    assert paper["url"] == "https://arxiv.org/abs/2301.04567"
    assert talk["publisher"] == "Department of Oceanography, Harbourside University"


def test_amounts_issuers_memberships_and_arxiv_ids() -> None:
    """An amount after an award's name ("($5,000)", ", $68,000") is its summary; a
    certificate's last comma part names its issuer; "IEEE Member" is the organisation and
    the membership; an arXiv ID without a link gives the abstract's URL."""
    data = load("amounts-issuers-members.md")
    got = [(a["title"], a["summary"]) for a in data["awards"]]
    assert got == [("Harbour Fund Research Grant", "$5,000"), ("Coastal Insight Grant", "$68,000")]
    (cert,) = data["certificates"]
    assert (cert["name"], cert["issuer"]) == (
        "Certified Tide Analyst – Associate",
        "Harbour Data Services",
    )
    (member,) = data["volunteer"]
    assert (member["organization"], member["position"]) == ("IEEE", "Member")
    assert data["publications"][0]["url"] == "https://arxiv.org/abs/2210.01234"
