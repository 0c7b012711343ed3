"""The BibTeX reader (issue 15): entries → publications, LaTeX decoded, owner in bold,
``@string`` and ``crossref`` resolved, broken blocks reported at their line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resumeconv
from resumeconv.errors import InputError, NotAResumeError, ResumeconvError
from resumeconv.importers import bibtex
from resumeconv.importers.bibnames import join_names, parse_owner, same_person, split_names
from resumeconv.options import ReadOptions
from resumeconv.sources import Source

from conftest import FIXTURES

BIB = FIXTURES / "bibtex"


def read(text: str, authors: tuple[str, ...] = ()) -> dict:
    resume = bibtex.read(Source(text, name="t.bib"), ReadOptions(authors=authors))
    return resume.to_dict()


def pubs_of(name: str, authors: tuple[str, ...] = ()) -> list[dict]:
    resume = resumeconv.api.load(BIB / name, author=authors)
    return resume.to_dict()["publications"]


def test_fixture_reads_into_publications_only():
    resume = resumeconv.load(BIB / "refs.bib")
    data = resume.to_dict()
    assert list(data) == ["publications"]
    assert [p["x-citekey"] for p in data["publications"]] == [
        "doe2020rivers",
        "doe2021lakes",  # conf21 is only its crossref target: read into it
        "doe2019thesis",
        "doe2022preprint",
    ]
    assert resumeconv.validate(resume) == []


def test_accents_braces_and_string_macros_are_decoded():
    first = pubs_of("refs.bib")[0]
    assert first["name"] == "Deep Rivers of the Été Café"  # {Deep}, {\'E}t{\'e}, Caf\'e
    assert first["publisher"] == "Journal of Imaginary Machine Learning"  # @string jmlr, {M}
    assert first["x-authors"] == "Alice Smith, Jürgen Müller, Jane Doe and B. François"
    assert first["x-bibtex-pages"] == "1–10"  # -- is an en dash
    assert first["x-bibtex-volume"] == "12"


def test_month_names_make_iso_dates_and_doi_makes_the_url():
    first, lakes, thesis, preprint = pubs_of("refs.bib")
    assert first["releaseDate"] == "2020-03"  # month = mar
    assert lakes["releaseDate"] == "2021-07"  # month = {July}, from the crossref parent
    assert thesis["releaseDate"] == "2019"
    assert first["url"] == "https://doi.org/10.1000/xyz123" and first["x-doi"] == "10.1000/xyz123"
    assert thesis["url"] == "https://example.org/thesis%20final.pdf"  # % is not a comment
    assert "releaseDate" not in preprint and preprint["x-status"] == "in press"


def test_crossref_fields_are_inherited():
    lakes = pubs_of("refs.bib")[1]
    assert lakes["publisher"] == "Proceedings of the 2021 Conference on Water"  # title → venue
    assert lakes["x-bibtex-publisher"] == "IEEE Press"  # @string through the crossref
    assert lakes["x-type"] == "conference paper"
    assert "x-bibtex-crossref" not in lakes


def test_types_and_unknown_fields_are_kept():
    first, lakes, thesis, preprint = pubs_of("refs.bib")
    assert [p["x-type"] for p in (first, lakes, thesis, preprint)] == [
        "journal article",
        "conference paper",
        "PhD thesis",
        "other",
    ]
    assert preprint["x-bibtex-note"] == "Submitted"


def test_owner_is_bold_in_every_variant():
    pubs = pubs_of("refs.bib", authors=("Jane Doe",))
    assert pubs[0]["x-authors"] == "Alice Smith, Jürgen Müller, **Jane Doe** and B. François"
    assert pubs[1]["x-authors"] == "**J. Doe** and Bob Lee"  # "J. Doe"
    assert pubs[2]["x-authors"] == "**Jane Doe**"
    assert pubs[3]["x-authors"] == "Bob Lee and **J. Doe**"  # "Doe, J."


@pytest.mark.parametrize(
    ("written", "owner", "same"),
    [
        ("Doe, Jane", "Jane Doe", True),
        ("J. Doe", "Jane Doe", True),
        ("Jane Doe", "Doe, Jane", True),
        ("Doe, J.", "Jane Doe", True),
        ('M{\\"u}ller, J{\\"u}rgen', "Jurgen Muller", True),
        ("John Doe", "Jane Doe", False),
        ("Jane Smith", "Jane Doe", False),
    ],
)
def test_name_variants(written: str, owner: str, same: bool):
    owner_name = parse_owner(owner)
    assert owner_name is not None
    assert same_person(split_names(written)[0], owner_name) is same


def test_author_list_joins_with_and_and_escapes_markup():
    people = split_names("A_b Smith and {Barnes and Noble}")
    assert join_names(people) == "A\\_b Smith and Barnes and Noble"


def test_broken_entry_among_good_ones_is_a_warning_at_its_line():
    resume = resumeconv.load(BIB / "broken.bib")
    names = [p["name"] for p in resume.to_dict()["publications"]]
    assert names == ["The First Good Paper", "The Second Good Paper"]
    (warning,) = resume.import_report.warnings
    file, line, _, message = warning
    assert file.endswith("broken.bib") and line == 8
    assert "malformed BibTeX" in message and "@article{broken" in message
    (lost,) = resume.import_report.unmapped()
    assert (lost.start, lost.end) == (8, 12)


def test_a_file_with_only_broken_blocks_is_one_error_with_its_line():
    with pytest.raises(InputError, match="malformed BibTeX") as info:
        resumeconv.load(BIB / "allbad.bib")
    assert info.value.line == 1 and info.value.hint


def test_no_entry_at_all_is_not_a_resume():
    with pytest.raises(NotAResumeError, match="no entry"):
        read("% just a comment\n@string{a = {b}}\n")


def test_source_map_points_at_the_field_lines():
    resume = resumeconv.load(BIB / "refs.bib")
    pos = resume.source_map.lookup("/publications/0/name")
    assert pos is not None and pos.line == 7  # the title line of doe2020rivers
    assert resume.source_map.lookup("/publications/0").line == 5


def test_duplicate_keys_are_kept_with_a_warning():
    text = "@misc{a, title={One}, year={2001}}\n@misc{a, title={Two}, year={2002}}\n"
    resume = bibtex.read(Source(text, name="t.bib"), ReadOptions())
    assert [p["name"] for p in resume.to_dict()["publications"]] == ["One", "Two"]
    assert "duplicate citation key" in resume.import_report.warnings[0][3]


def test_every_field_lands_somewhere():
    text = (
        "@article{k, title={T}, author={A B}, journal={J}, year={1999}, month={13},"
        " publisher={P}, weird={W}, abstract={Ab}, doi={not a doi}}\n"
    )
    (pub,) = read(text)["publications"]
    assert pub["publisher"] == "J" and pub["x-bibtex-publisher"] == "P"
    assert pub["releaseDate"] == "1999" and pub["x-bibtex-month"] == "13"
    assert pub["x-bibtex-weird"] == "W" and pub["summary"] == "Ab"
    assert pub["x-bibtex-doi"] == "not a doi"


_PIECES = st.sampled_from(
    ["@article{", "@string{", "k,", "title = {", "author = ", '"', "}", "{", ",", "=", " and ",
     "crossref = {k}", "month = mar", "year = 2020", "\\\"u", "{\\c c}", "%", "\n", "#", "x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_PIECES, max_size=40))
def test_any_text_is_publications_or_one_clean_error(pieces: list[str]):
    try:
        resume = bibtex.read(Source("".join(pieces), name="f.bib"), ReadOptions(authors=("X",)))
    except ResumeconvError as exc:
        assert exc.file == "f.bib" or exc.file is None
    else:
        assert resume.to_dict().get("publications")


def test_library_load_and_convert_take_bib_and_author(tmp_path):
    resume_file = tmp_path / "r.json"
    resume_file.write_text('{"basics": {"name": "Someone Else"}}', encoding="utf-8")
    resume = resumeconv.load(resume_file, bib=[BIB / "refs.bib"], author="Bob Lee")
    pubs = resume.to_dict()["publications"]
    assert pubs[1]["x-authors"] == "J. Doe and **Bob Lee**"
    assert resume.source_map.lookup("/publications/0/name").file.endswith("refs.bib")
    assert str(BIB / "refs.bib") in resume.import_report.read_files
    out = tmp_path / "out.json"
    resumeconv.convert(resume_file, out, bib=[BIB / "refs.bib"])
    assert '"x-citekey": "doe2022preprint"' in out.read_text(encoding="utf-8")


def test_and_others_is_et_al_and_math_is_text():
    text = (
        "@article{k, author={Doe, Jane and Lee, Bob and others},"
        " title={Rates of $\\alpha$-stable {L}\\'evy flights in $O(n \\log n)$},"
        " howpublished={\\url{https://example.org/x}}}\n"
    )
    (pub,) = read(text, authors=("Jane Doe",))["publications"]
    assert pub["x-authors"] == "**Jane Doe**, Bob Lee et al."
    assert pub["name"] == "Rates of α-stable Lévy flights in O(n log n)"
    assert pub["publisher"] == "https://example.org/x"


def test_crossref_to_nothing_is_a_warning_and_the_field_is_kept():
    text = "@inproceedings{a, title={T}, CrossRef={nope}, year=2001}\n@book{b, title={B}}\n"
    resume = bibtex.read(Source(text, name="t.bib"), ReadOptions())
    first = resume.to_dict()["publications"][0]
    assert first["x-bibtex-crossref"] == "nope"
    assert "crossref 'nope': no entry has this key" in resume.import_report.warnings[0][3]


def test_crossref_key_is_matched_whatever_its_case():
    text = "@inproceedings{a, title={T}, CROSSREF={Vol}}\n@proceedings{vol, title={V}, year=2001}\n"
    (pub,) = read(text)["publications"]
    assert pub["publisher"] == "V" and pub["releaseDate"] == "2001"
