"""The Jekyll site around a CV page: finding it, the author as basics, collections."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumeconv.errors import InputError
from resumeconv.importers.jekyll import (
    CollectionItem,
    clean_text,
    collection_entry,
    entry_section,
    find_site,
    iso_date,
    load_site,
    make_profile,
    parse_location,
    split_front_matter,
)

from conftest import REPO, SHARED

ROOT = REPO
SITE = ROOT / "fixtures" / "site"
CORPUS = SHARED / "corpus"
TEMPLATE = SHARED / "academicpages-template"
needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared is absent")


@pytest.fixture(scope="module")
def site():
    return load_site(SITE)


def entries(site, name):
    return [collection_entry(i, entry_section(name, i)) for i in site.collection(name)]


# --------------------------------------------------------------------------- finding


def test_find_site_walks_up_from_the_page():
    assert find_site(SITE / "_pages" / "cv.md") == SITE.resolve()


def test_explicit_site_wins(tmp_path):
    assert find_site(SITE / "_pages" / "cv.md", explicit=tmp_path) == tmp_path


def test_no_site_without_config(tmp_path):
    page = tmp_path / "cv.md"
    page.write_text("# CV\n")
    assert find_site(page) is None
    assert find_site(None) is None


def test_site_root_is_the_pages_own_site_not_a_config_far_above(tmp_path):
    """Issue 14: only a _config.yml in the page's own site counts (it once looked six
    folders up, and a stray ~/_config.yml became every page's author)."""
    (tmp_path / "_config.yml").write_text("title: x\n")
    (tmp_path / "_pages" / "en").mkdir(parents=True)
    assert find_site(tmp_path / "cv.md") == tmp_path  # the page's own folder
    assert find_site(tmp_path / "_pages" / "cv.md") == tmp_path  # site/_pages/cv.md
    assert find_site(tmp_path / "_pages" / "en" / "x" / "cv.md") == tmp_path  # 4: found
    deep = tmp_path / "_pages" / "en" / "x" / "y"
    deep.mkdir(parents=True)
    assert find_site(deep / "cv.md") is None  # 5 folders: not the page's site
    (tmp_path / "notes").mkdir()
    # a folder with _config.yml but no _pages or collection folder: not a site root above
    (tmp_path / "plain" / "sub").mkdir(parents=True)
    (tmp_path / "plain" / "_config.yml").write_text("title: y\n")
    assert find_site(tmp_path / "plain" / "sub" / "cv.md") == tmp_path


def test_site_search_stops_at_a_git_root(tmp_path):
    (tmp_path / "_config.yml").write_text("title: x\n")
    (tmp_path / "_pages").mkdir()
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_site(repo / "cv.md") is None  # the page's repository has no site
    (repo / "_config.yml").write_text("title: here\n")
    assert find_site(repo / "cv.md") == repo


def _site_with_page(root: Path) -> Path:
    (root / "site" / "_pages").mkdir(parents=True)
    (root / "site" / "_config.yml").write_text("title: x\n")
    page = root / "site" / "_pages" / "cv.md"
    page.write_text("# CV\n")
    return page


def test_find_site_follows_symlinks_to_the_real_page(tmp_path):
    page = _site_with_page(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "cv.md").symlink_to(page)
    (tmp_path / "pages").symlink_to(page.parent)
    real_site = (tmp_path / "site").resolve()
    assert find_site(tmp_path / "elsewhere" / "cv.md") == real_site
    assert find_site(tmp_path / "pages" / "cv.md") == real_site
    # ".." of the folder the link names (site/), not of the link (tmp_path, no site)
    assert find_site(tmp_path / "pages" / ".." / "cv.md") == real_site


def test_find_site_for_a_missing_page_or_a_relative_path(tmp_path, monkeypatch):
    page = _site_with_page(tmp_path)
    assert find_site(page.parent / "not-yet.md") == (tmp_path / "site").resolve()
    assert find_site(page.parent / "no" / "such" / "cv.md") == (tmp_path / "site").resolve()
    monkeypatch.chdir(tmp_path / "site")
    assert find_site("_pages/cv.md") == (tmp_path / "site").resolve()


def test_config_must_be_a_file(tmp_path):
    (tmp_path / "folder" / "_config.yml").mkdir(parents=True)
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "_config.yml").symlink_to(tmp_path / "nowhere")
    (tmp_path / "linked").mkdir()
    (tmp_path / "config.yml").write_text("title: x\n")
    (tmp_path / "linked" / "_config.yml").symlink_to(tmp_path / "config.yml")
    assert find_site(tmp_path / "folder" / "cv.md") is None
    assert find_site(tmp_path / "broken" / "cv.md") is None
    assert find_site(tmp_path / "linked" / "cv.md") == (tmp_path / "linked").resolve()


def test_symlink_loop_is_an_error_as_with_path_resolve(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(RuntimeError, match="Symlink loop"):
        Path(tmp_path / "a" / "cv.md").resolve()  # this Python's pathlib: the reference
    with pytest.raises(RuntimeError, match="Symlink loop"):
        find_site(tmp_path / "a" / "cv.md")


# --------------------------------------------------------------------------- basics


def test_author_block_becomes_basics(site):
    assert site.root == SITE
    assert site.url == "https://ada-example.github.io/site"
    basics = site.basics
    assert {k: basics[k] for k in ("name", "label", "image", "email", "url")} == {
        "name": "Ada Example",
        "label": "Associate Professor of Computing",
        "image": "https://ada-example.github.io/site/images/ada.png",
        "email": "ada@example.org",
        "url": "https://ada-example.github.io/site",
    }
    assert basics["location"] == {"city": "Berkeley", "region": "CA", "countryCode": "US"}
    assert basics["x-employer"] == "Example University"
    assert basics["x-pronouns"] == "she/her"
    assert basics["profiles"] == [
        {
            "network": "Google Scholar",
            "username": "ABCDEF123",
            "url": "https://scholar.google.com/citations?user=ABCDEF123&hl=en",
        },
        {
            "network": "ORCID",
            "username": "0000-0002-1825-0097",
            "url": "https://orcid.org/0000-0002-1825-0097",
        },
        {"network": "GitHub", "username": "ada-example", "url": "https://github.com/ada-example"},
        {
            "network": "Bluesky",
            "username": "ada.example.org",
            "url": "https://bsky.app/profile/ada.example.org",
        },
        {
            "network": "LinkedIn",
            "username": "ada-éxample-42",
            "url": "https://www.linkedin.com/in/ada-%C3%A9xample-42",
        },
        {"network": "Twitter", "username": "ada_ex", "url": "https://twitter.com/ada_ex"},
        {"network": "Mastodon", "username": "ada", "url": "https://fosstodon.org/@ada"},
        {"network": "DBLP", "url": "https://dblp.org/pid/00/0000.html"},
    ]


def test_basics_lines_point_into_config(site):
    lines = site.config_file.read_text("utf-8").split("\n")
    assert site.basics_lines["/email"] == 17
    assert "ada@example.org" in lines[site.basics_lines["/email"] - 1]
    assert "github" in lines[site.basics_lines["/profiles/2"] - 1]
    assert site.basics_lines["/url"] == 5  # from the site url: uri is empty


def test_unknown_author_keys_are_reported_not_dropped(site):
    assert site.notes == [(30, "author.myspace: 'ada-old-handle' is not a known profile")]


def test_top_level_name_when_author_has_none(tmp_path):
    (tmp_path / "_config.yml").write_text(
        'name: "Top Name"\nurl: https://x.example\nauthor:\n  bio: "A long bio. With two'
        ' sentences that go on."\n  email: # none@example.org\n'
    )
    basics = load_site(tmp_path).basics
    assert basics == {
        "name": "Top Name",
        "summary": "A long bio. With two sentences that go on.",
        "url": "https://x.example",
    }


def test_broken_config_is_an_error_with_line(tmp_path):
    (tmp_path / "_config.yml").write_text("title: x\nauthor:\n  name: a: b\n")
    with pytest.raises(InputError) as err:
        load_site(tmp_path)
    assert err.value.line == 3
    assert err.value.file.endswith("_config.yml")


def test_missing_config_is_an_error(tmp_path):
    with pytest.raises(InputError, match=r"_config\.yml"):
        load_site(tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shanghai, China", {"city": "Shanghai", "countryCode": "CN"}),
        ("Berkeley, CA, USA", {"city": "Berkeley", "region": "CA", "countryCode": "US"}),
        ("Japan", {"countryCode": "JP"}),
        ("Earth", {"address": "Earth"}),
        ("Decentralized", {"address": "Decentralized"}),
        ("Ulm University, Ulm, Germany", {"address": "Ulm University, Ulm, Germany"}),
        ("Lyon, France, Europe", {"address": "Lyon, France, Europe"}),
        ("Room 5, Germany", {"address": "Room 5, Germany"}),
    ],
)
def test_location_rule(text, expected):
    assert parse_location(text) == expected


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("github", "user?tab=repositories", ("user", "https://github.com/user")),
        ("linkedin", "name-1/", ("name-1", "https://www.linkedin.com/in/name-1")),
        ("twitter", "@who", ("who", "https://twitter.com/who")),
        ("stackoverflow", "1/jeff", ("1/jeff", "https://stackoverflow.com/users/1/jeff")),
        ("youtube", "chan", ("chan", "https://www.youtube.com/user/chan")),
        ("googlescholar", "https://scholar.google.com/citations?user=AB", ("AB", None)),
        ("researchgate", "https://www.researchgate.net/profile/A_B?ev=1", ("A_B", None)),
        (
            "orcid",
            "0000-0002-1825-0097",
            ("0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
        ),
    ],
)
def test_profiles(key, value, expected):
    profile = make_profile(key, value)
    username, url = expected
    assert profile["username"] == username
    assert profile["url"] == (url or value)


def test_unknown_key_with_url_is_a_profile_and_without_is_not():
    assert make_profile("gitea", "https://gitea.example/ada") == {
        "network": "Gitea",
        "url": "https://gitea.example/ada",
    }
    assert make_profile("myspace", "ada") is None


# --------------------------------------------------------------------------- collections


def test_publications_in_jekyll_order(site):
    items = site.collection("publications")
    assert [i.file.name for i in items] == [
        "2017-01-10-early.md",  # date from the file name
        "2019-05-01-sorting.md",
        "searching.md",
    ]
    assert [i.date for i in items] == ["2017-01-10", "2019-05-01", "2021-03-15"]
    assert items[1].line == 1
    assert items[1].lines["venue"] == 8


def test_broken_front_matter_is_skipped_and_listed(site):
    site.collection("publications")
    site.collection("teaching")
    problems = {(p.name, line): msg for p, line, msg in site.problems}
    assert ("broken.md", 3) in problems
    assert "YAML syntax error" in problems[("broken.md", 3)]
    assert ("notes.md", 1) in problems
    assert "static file" in problems[("notes.md", 1)]


def test_publication_entries(site):
    assert entries(site, "publications") == [
        {
            "name": "An Early Paper",
            "publisher": "Workshop on Beginnings",
            "releaseDate": "2017-01-10",
            "url": "https://ada-example.github.io/site/publications/2017-01-10-early/",
        },
        {
            "name": "Sorting Things & Other Things",
            "publisher": "Journal of Examples",
            "releaseDate": "2019-05-01",
            "url": "https://example.org/papers/sorting.pdf",
            "summary": "We sort things.",
            "x-citation": 'Example, Ada. (2019). "Sorting Things." Journal of Examples. 1(1).',
            "x-slides": "https://example.org/slides/sorting.pdf",
            "x-bibtex": "https://example.org/bib/sorting.bib",
            "x-category": "manuscripts",
        },
        {
            "name": "Searching Things",
            "publisher": "Conference on Examples",
            "releaseDate": "2021-03-15",
            "url": "https://ada-example.github.io/site/publication/searching",
            "summary": (
                'Example, A. and Sample, B. (2021). "Searching Things." Conference on Examples.'
            ),
            "x-authors": "Ada Example and Bob Sample",
            "x-status": "Under Review",
        },
    ]


def test_talks_folder_decides_the_collection(site):
    talks = entries(site, "talks")
    assert talks == [
        {
            "name": "A Talk Filed as a Publication",
            "organization": "Example Meeting",
            "date": "2016-02-01",
            "url": "https://ada-example.github.io/site/publication/2016-talk",
            "x-category": "conferences",
        },
        {
            "name": "A Keynote That Spans Two Lines",
            "role": "Keynote",
            "organization": "Example Symposium",
            "location": "Lyon, France",
            "date": "2018-06-01",
            "url": "https://ada-example.github.io/site/talks/2018-06-01-keynote",
        },
    ]


def test_teaching_and_students(site):
    items = site.collection("teaching")
    assert [entry_section("teaching", i) for i in items] == ["work", "custom"]
    assert entries(site, "teaching") == [
        {
            "name": "Example University, Department of Computing",
            "position": "Algorithms",
            "location": "Berkeley, CA, USA",
            "startDate": "2020-09-01",
            "url": "https://ada-example.github.io/site/teaching/2020-fall-algorithms",
            "summary": "Undergraduate course",
        },
        {
            "name": "Sam Lee",
            "role": "Research Intern",
            "organization": "Example University",
            "date": "2022-06-01",
            "url": "https://ada-example.github.io/site/students/lee",
            "x-category": "students",
            "x-status": "current",
        },
    ]


def test_other_collections_are_custom(site):
    assert entries(site, "posters") == [
        {
            "name": "A Poster",
            "role": "Poster",
            "organization": "Example Poster Session",
            "location": "Berlin, Germany",
            "date": "2015-04-01",
            "url": "https://ada-example.github.io/site/posters/2015-04-01-poster/",
        }
    ]
    assert site.collection("nonexistent") == []


def test_teaching_excerpt_becomes_a_highlight():
    item = CollectionItem(
        Path("x.md"),
        1,
        {"title": "TA", "type": "Lecture", "venue": "U", "excerpt": "Helped <b>students</b>."},
        "",
        date="2018-10-01",
    )
    assert collection_entry(item, "work") == {
        "name": "U",
        "position": "TA",
        "startDate": "2018-10-01",
        "summary": "Lecture",
        "highlights": ["Helped students."],
    }


def test_sort_by_config_is_honoured(tmp_path):
    (tmp_path / "_config.yml").write_text("collections:\n  talks:\n    sort_by: order\n")
    (tmp_path / "_talks").mkdir()
    for name, order in (("a.md", 2), ("b.md", 1), ("c.md", None)):
        extra = f"order: {order}\n" if order else ""
        (tmp_path / "_talks" / name).write_text(f"---\ntitle: {name}\n{extra}---\n")
    assert [i.file.name for i in load_site(tmp_path).collection("talks")] == [
        "b.md",
        "a.md",
        "c.md",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\na: 1\n---\nbody\n", ("a: 1\n", "body\n", 1)),
        ("---\n---\n", ("", "", 1)),
        ("no front matter\n", None),
        ("---\na: 1\n", None),
        ("--- x\na: 1\n---\n", None),
    ],
)
def test_split_front_matter(text, expected):
    assert split_front_matter(text) == expected


def test_a_pages_broken_front_matter_is_one_error_at_its_line(tmp_path: Path) -> None:
    """A CV page's front matter goes through the YAML reader: broken YAML stops the import
    with the parser's message, the page's file and the line in the page."""
    import resumeconv

    page = tmp_path / "cv.md"
    page.write_text("---\ntitle: CV\nvenue: Journal: of Colons\n---\n\n# Education\n", "utf-8")
    with pytest.raises(InputError, match="YAML syntax error") as info:
        resumeconv.load(page)
    assert info.value.line == 3
    assert str(page) in str(info.value)
    page.write_text("---\nlayout: archive\ntitle: CV\n---\n\n# Education\n", "utf-8")
    assert resumeconv.load(page).import_report is not None


def test_helpers():
    assert clean_text("&quot;A&quot; <i>B</i>\n  C") == '"A" B C'
    assert clean_text("") is None
    assert iso_date("2020-1-5") == "2020-01-05"
    assert iso_date("2020-01-05T10:00:00") == "2020-01-05"
    assert iso_date("2020") == "2020"
    # rule 7: every date spelling becomes ISO; what is no date gives none (never invalid)
    assert iso_date("March 2020") == "2020-03"
    assert iso_date("2024.01.01") == "2024-01-01"
    assert iso_date("6/1995") == "1995-06"
    assert iso_date("someday") is None


# --------------------------------------------------------------------------- real sites


@needs_shared
def test_template_site():
    site = load_site(find_site(TEMPLATE / "_pages" / "cv.md"))
    basics = site.basics
    assert basics["name"] == "Your Sidebar Name"
    assert basics["label"] == "Short biography for the left-hand sidebar"
    assert basics["image"] == "https://academicpages.github.io/images/profile.png"
    assert basics["location"] == {"address": "Earth"}
    networks = [p["network"] for p in basics["profiles"]]
    assert networks == ["Google Scholar", "ORCID", "PubMed", "GitHub", "Bluesky"]
    talks = [collection_entry(i, "custom") for i in site.collection("talks")]
    assert [t["date"] for t in talks] == sorted(t["date"] for t in talks)
    assert talks[0]["role"] == "Talk"
    assert site.problems == []


@needs_shared
def test_c08_many_profiles():
    site = load_site(CORPUS / "c08")
    basics = site.basics
    assert basics["name"] == "Xuanjing Huang (黄萱菁)"
    assert basics["email"] == "xjhuang@fudan.edu.cn"
    assert basics["location"] == {"city": "Shanghai", "countryCode": "CN"}
    assert [p["network"] for p in basics["profiles"]] == [
        "Google Scholar",
        "Semantic Scholar",
        "DBLP",
        "ACL Anthology",
        "ResearchGate",
        "ORCID",
    ]
    teaching = site.collection("teaching")
    assert collection_entry(teaching[0], "work")["position"] == "Natural Language Processing"


@needs_shared
def test_c03_comments_and_unicode_linkedin():
    site = load_site(CORPUS / "c03")
    basics = site.basics
    assert "email" not in basics  # "email: #beaulac..." is a comment
    assert "location" not in basics
    by_network = {p["network"]: p for p in basics["profiles"]}
    assert (
        by_network["LinkedIn"]["url"] == "https://www.linkedin.com/in/c%C3%A9dric-beaulac-818ba1217"
    )
    assert by_network["GitHub"]["url"] == "https://github.com/CedricBeaulac"
    assert "é" not in by_network["arXiv"]["url"]
    students = site.collection("teaching")
    assert [entry_section("teaching", i) for i in students] == ["custom"]


@needs_shared
def test_c05_talk_declaring_publications_is_a_talk():
    site = load_site(CORPUS / "c05")
    talks = site.collection("talks")
    assert len(talks) == 1
    assert talks[0].front["collection"] == "publications"
    assert entry_section("talks", talks[0]) == "custom"
    assert site.basics["url"] == "https://barth-nadine.github.io/Research"


@needs_shared
def test_c12_two_line_title():
    site = load_site(CORPUS / "c12")
    titles = [collection_entry(i, "custom")["name"] for i in site.collection("talks")]
    assert titles[0] == (
        "How Do Algorithmic and Informal Governance Drive "
        "Governance Adaptions in Decentralized Organizations?"
    )


@needs_shared
@pytest.mark.parametrize("name", ["c03", "c04", "c05", "c08", "c12"])
def test_corpus_sites_load_cleanly(name):
    site = load_site(CORPUS / name)
    for collection in ("publications", "talks", "teaching"):
        for item in site.collection(collection):
            entry = collection_entry(item, entry_section(collection, item))
            assert entry.get("name")
    assert site.problems == []


# --------------------------------------------------------------------------- links

RELATIVE = ROOT / "fixtures" / "site-relative"


def test_byte_order_mark_pasted_into_front_matter_is_not_kept():
    """``paperurl: '\\ufeffhttp://…'`` (copied from a PDF): '%EF%BB%BFhttp://…' is no URL."""
    (entry,) = entries(load_site(RELATIVE), "publications")
    assert entry["url"] == "http://example.org/10.1000/rivers"
    assert entry["summary"].startswith("Example, B. (2016)")
    assert clean_text("\ufeffA") == "A"


@pytest.mark.parametrize(
    ("site_url", "href", "expected"),
    [
        ("https://h.io", "../cv/cv.pdf", "https://h.io/cv/cv.pdf"),
        ("https://h.io/home", "../files/cv.pdf", "https://h.io/home/files/cv.pdf"),
        ("https://h.io/home", "/files/cv.pdf", "https://h.io/home/files/cv.pdf"),
        ("https://h.io", "files/my cv.pdf", "https://h.io/files/my%20cv.pdf"),
        ("https://h.io", "//cdn.example.org/a", "https://cdn.example.org/a"),
    ],
)
def test_resolve_link_takes_the_site_url_as_root(site_url, href, expected):
    from resumeconv.importers.jekyll import resolve_link

    assert resolve_link(site_url, href) == expected


def test_download_sentence_is_chrome_not_the_url():
    """The line "For a complete CV, download the [PDF](…)" is page chrome (issue 12, rule 8):
    basics.url is the site's own url, and the line is reported as skipped."""
    import resumeconv

    resume = resumeconv.load(RELATIVE / "_pages" / "cv.md")
    assert resume.to_dict()["basics"]["url"] == "https://bo-example.github.io/home"
    (chrome,) = [b for b in resume.import_report.blocks if b.start == 9]
    assert chrome.status == "skipped" and "link to this CV as a file" in chrome.reason
    assert "bo-cv.pdf" in chrome.text


def _relative_header_page(root: Path) -> Path:
    """The site-relative fixture whose header links to a page of the site (not the CV)."""
    import shutil

    shutil.copytree(RELATIVE, root / "site")
    page = root / "site" / "_pages" / "cv.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace(
        "For a complete CV, download the [PDF](../files/bo-cv.pdf).",
        "Bo Example\n\n[Lab](../lab/)",
    )
    page.write_text(text, encoding="utf-8")
    return page


def test_relative_header_link_is_resolved_against_the_site_url(tmp_path):
    import resumeconv

    resume = resumeconv.load(_relative_header_page(tmp_path))
    assert resume.to_dict()["basics"]["url"] == "https://bo-example.github.io/home/lab/"
    notes = [b for b in resume.import_report.blocks if b.status == "note"]
    config = (tmp_path / "site" / "_config.yml").resolve()
    assert [(b.start, b.pointer, b.reason) for b in notes] == [
        (11, "/basics/url", notes[0].reason),
        (1, None, f"site settings: {config} (the page's site root)"),
    ]
    assert "../lab/" in notes[0].reason
    assert not [i for i in resumeconv.validate(resume) if i.is_error]


def test_relative_header_link_without_a_site_is_kept_and_reported(tmp_path):
    """No site url: the link is no URI, so it is not basics.url; it stays in x-url."""
    import resumeconv
    from resumeconv.sources import Source

    text = _relative_header_page(tmp_path).read_text(encoding="utf-8")
    resume = resumeconv.load(Source(text, name="cv.md"), format="markdown")
    basics = resume.to_dict()["basics"]
    assert "url" not in basics
    assert basics["x-url"] == "../lab/"
    notes = [b for b in resume.import_report.blocks if b.status == "note"]
    assert [(b.start, b.pointer) for b in notes] == [(11, "/basics/x-url")]
    assert "--site" in notes[0].reason
    for version in ("1.2.1", "1.0.0"):
        assert not [i for i in resumeconv.validate(resume, version) if i.is_error]
