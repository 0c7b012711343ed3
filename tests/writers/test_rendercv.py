"""The RenderCV writer: RenderCV → model → RenderCV keeps every value, any resume becomes a
file RenderCV's own data model accepts, blocks pass through untouched.

RenderCV is an optional extra (``pip install -e '.[rendercv]'``: pydantic, phonenumbers,
pycountry, ~90 MB installed); the tests that ask RenderCV itself skip when it is absent.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

import resumeconv
from resumeconv.cli import main
from resumeconv.importers.yaml import parse

from conftest import corpus_pages

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "rendercv"
RCV_FILES = sorted(FIXTURES.glob("*.y*ml"))
EXAMPLE = ROOT / "fixtures" / "example" / "cv.md"
HAVE_RENDERCV = importlib.util.find_spec("rendercv") is not None
NO_RENDERCV = "rendercv is not installed (pip install -e '.[rendercv]')"


def _plain(text: str) -> dict:
    value, _ = parse(text, "<test>")
    return value


def _rendercv(resume: resumeconv.Resume) -> str:
    return resumeconv.render(resume, "rendercv").decode("utf-8")


@pytest.mark.parametrize("path", RCV_FILES, ids=[p.name for p in RCV_FILES])
def test_rendercv_round_trip_keeps_every_value(path: Path):
    original = _plain(path.read_text(encoding="utf-8"))
    written = _plain(_rendercv(resumeconv.load(path)))
    assert written == original


@pytest.mark.parametrize("path", RCV_FILES, ids=[p.name for p in RCV_FILES])
def test_model_round_trip_is_a_fixpoint(path: Path):
    first = resumeconv.load(path).to_dict()
    again = resumeconv.load(_rendercv(resumeconv.load(path)).encode(), format="rendercv")
    assert again.to_dict() == first


def _leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v, path)
    else:
        yield value


def test_a_cv_page_keeps_every_value_through_rendercv():
    """Seed page → RenderCV → model: every string the page's model held is still there
    (but an empty section, an unresolved Liquid loop, which RenderCV refuses)."""
    resume = resumeconv.load(EXAMPLE)
    data = resume.to_dict()
    layout = data["meta"]["x-resumeconv"]["sections"]
    data["meta"]["x-resumeconv"]["sections"] = [s for s in layout if s.get("items") != []]
    before = {v for v in _leaves(data) if isinstance(v, str)}
    back = resumeconv.load(_rendercv(resume).encode(), format="rendercv").to_dict()
    after = {v for v in _leaves(back) if isinstance(v, str)}
    assert before - after <= {"1"}, sorted(before - after)  # the extension's version


def test_same_resume_same_bytes():
    resume = resumeconv.load(EXAMPLE)
    assert resumeconv.render(resume, "rendercv") == resumeconv.render(resume, "rendercv")


def test_json_resume_profiles_phone_and_sections():
    resume = resumeconv.load(
        {
            "basics": {
                "name": "Jo",
                "phone": "(912) 555-4321",
                "image": "https://example.org/jo.png",
                "location": {"city": "Lyon", "countryCode": "FR"},
                "profiles": [
                    {"network": "twitter", "username": "jo"},
                    {"network": "GitHub", "url": "https://www.github.com/jo-dev/"},
                    {"network": "Blog", "url": "https://jo.example.org"},
                ],
            },
            "work": [{"name": "Acme", "startDate": "2020-01"}],
            "skills": [{"name": "Go"}],
            "meta": {"canonical": "https://jo.example.org/resume.json"},
        }
    )
    cv = _plain(_rendercv(resume))["cv"]
    assert cv["social_networks"] == [
        {"network": "X", "username": "jo"},
        {"network": "GitHub", "username": "jo-dev"},
    ]
    assert cv["x-profiles"] == [{"network": "Blog", "url": "https://jo.example.org"}]
    assert cv["x-phone"] == "(912) 555-4321"  # RenderCV needs a country code
    assert cv["x-image"] == "https://example.org/jo.png"  # RenderCV's photo is a file
    assert cv["location"] == "Lyon, FR"
    assert cv["x-meta"] == {"canonical": "https://jo.example.org/resume.json"}
    work = cv["sections"]["Work Experience"][0]
    assert work == {
        "company": "Acme",
        "position": "",
        "start_date": "2020-01",
        "end_date": "present",
    }
    assert cv["sections"]["Skills"] == [{"label": "Go", "details": ""}]
    back = resumeconv.load(_rendercv(resume).encode(), format="rendercv").to_dict()
    assert back["basics"]["phone"] == "(912) 555-4321"
    assert back["basics"]["image"] == "https://example.org/jo.png"
    assert back["basics"]["profiles"][2] == {"network": "Blog", "url": "https://jo.example.org"}
    assert back["work"] == [{"name": "Acme", "startDate": "2020-01"}]
    assert back["meta"]["canonical"] == "https://jo.example.org/resume.json"


def test_links_go_on_the_name():
    resume = resumeconv.load(
        {
            "work": [{"name": "Acme", "position": "Dev", "url": "https://acme.example"}],
            "awards": [{"title": "Prize", "x-url": "https://prize.example"}],
            "education": [{"institution": "[Odd] name", "area": "CS", "url": "https://u.example"}],
        }
    )
    sections = _plain(_rendercv(resume))["cv"]["sections"]
    assert sections["Work Experience"][0]["company"] == "[Acme](https://acme.example)"
    assert sections["Awards"][0]["name"] == "[Prize](https://prize.example)"
    odd = sections["Education"][0]  # a link would not read back: the URL stays a key
    assert odd["institution"] == "[Odd] name" and odd["x-url"] == "https://u.example"
    back = resumeconv.load(_rendercv(resume).encode(), format="rendercv").to_dict()
    assert back["work"][0] == resume.to_dict()["work"][0]
    assert back["awards"][0] == resume.to_dict()["awards"][0]
    assert back["education"][0] == resume.to_dict()["education"][0]


def test_output_names(tmp_path: Path, capsys):
    src = tmp_path / "cv.json"
    src.write_text('{"basics": {"name": "Jo"}, "work": [{"name": "A", "position": "B"}]}')
    assert main(["convert", str(src), "-o", f"{tmp_path}/out/", "-t", "rendercv,yaml"]) == 0
    assert (tmp_path / "out" / "cv.rcv.yaml").read_text().startswith("cv:\n")
    assert (tmp_path / "out" / "cv.yaml").read_text().startswith("basics:\n")
    named = tmp_path / "Jo_CV.yaml"  # RenderCV's own naming, with -t rendercv
    assert main(["convert", str(src), "-o", str(named), "-t", "rendercv"]) == 0
    assert named.read_text().startswith("cv:\n")
    implied = tmp_path / "jo.rcv.yaml"  # .rcv.yaml alone says RenderCV
    assert main(["convert", str(src), "-o", str(implied)]) == 0
    assert implied.read_text().startswith("cv:\n")
    capsys.readouterr()
    assert main(["convert", str(src), "-o", str(tmp_path / "x.rcv.yaml"), "-t", "yaml"]) == 2
    assert "the output name says rendercv" in capsys.readouterr().err


# --------------------------------------------------------------------------- RenderCV itself


def _inputs() -> list[tuple[str, resumeconv.Resume, str | None]]:
    """(name, resume, the RenderCV text it came from or None)."""
    out = [(p.name, resumeconv.load(p), p.read_text(encoding="utf-8")) for p in RCV_FILES]
    out.append(("seed cv.md", resumeconv.load(EXAMPLE), None))
    for page in [*sorted((ROOT / "fixtures" / "cvpage").glob("*.md")), *corpus_pages()]:
        out.append((str(page), resumeconv.load(page), None))
    return out


@pytest.mark.skipif(not HAVE_RENDERCV, reason=NO_RENDERCV)
def test_rendercv_accepts_what_we_write():
    """RenderCV's own reader and pydantic data model load every file we write: our
    fixtures, the seed, our CV pages and the real corpus pages of ../shared when it is
    there (a RenderCV input it refuses itself, the older ``locale_catalog``, it refuses)."""
    import pydantic
    from rendercv import data

    def refusal(text: str) -> str | None:
        try:
            data.validate_input_dictionary_and_return_the_data_model(data.read_a_yaml_file(text))
        except pydantic.ValidationError as exc:
            return str(exc)
        return None

    refused = []
    for name, resume, original in _inputs():
        problem = refusal(_rendercv(resume))
        if problem is not None and (original is None or refusal(original) is None):
            refused.append(f"{name}: {problem}")
    assert refused == []
    assert len(_inputs()) > 10


@pytest.mark.skipif(not HAVE_RENDERCV, reason=NO_RENDERCV)
def test_rendercv_sees_our_sections_and_blocks():
    from rendercv import data

    path = FIXTURES / "every_entry_type_cv.yaml"
    model = data.validate_input_dictionary_and_return_the_data_model(
        data.read_a_yaml_file(_rendercv(resumeconv.load(path)))
    )
    kinds = [s.entry_type for s in model.cv.sections]
    assert set(kinds) == {
        *("TextEntry", "EducationEntry", "ExperienceEntry", "PublicationEntry"),
        *("OneLineEntry", "NormalEntry", "BulletEntry", "NumberedEntry", "ReversedNumberedEntry"),
    }
    assert model.design.theme == "classic" and str(model.design.page.top_margin) == "2cm"
    assert model.locale.present == "now"


@pytest.mark.skipif(not HAVE_RENDERCV, reason=NO_RENDERCV)
def test_rendercv_makes_its_typst_page_from_our_file(tmp_path: Path):
    """RenderCV's own templates turn our file into its Typst source, every section and
    entry in it; compiling that to PDF needs a Typst package RenderCV downloads."""
    from rendercv import data, renderer

    path = FIXTURES / "every_entry_type_cv.yaml"
    model = data.validate_input_dictionary_and_return_the_data_model(
        data.read_a_yaml_file(_rendercv(resumeconv.load(path)))
    )
    source = renderer.create_a_typst_file(model, tmp_path).read_text(encoding="utf-8")
    for section in model.cv.sections:
        assert section.title in source
    for words in ("Ada Quill", "Lumen Labs", "Incremental Taint Analysis", "Soufflé"):
        assert words in source
    assert "PT 115020" in source and "PLDI 2024 artifact evaluation" in source
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    if not (cache / "typst" / "packages" / "preview" / "fontawesome").is_dir():
        pytest.skip(
            "rendering the PDF needs the Typst package @preview/fontawesome, which Typst "
            "downloads at run time; it is not cached here and there is no network"
        )
    import typst

    assert typst.compile(str(tmp_path / next(tmp_path.glob("*.typ")).name)).startswith(b"%PDF")
