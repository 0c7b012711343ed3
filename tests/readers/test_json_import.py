"""The JSON scanner (values exactly as json.loads, positions, errors) and the JSON reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumeconv import api
from resumeconv.errors import InputError
from resumeconv.importers import json as rjson
from resumeconv.importers.json import parse
from resumeconv.importers.migrate import migrate, move_positions
from resumeconv.model import Resume
from resumeconv.options import ReadOptions
from resumeconv.sources import Source

from conftest import REPO
from conftest import SHARED as SHARED_ROOT

ROOT = REPO
FIXTURES = ROOT / "fixtures" / "json"
SHARED = SHARED_ROOT / "jsonresume"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/jsonresume is absent")


def shared_documents() -> list[Path]:
    if not SHARED.is_dir():
        return []
    return [SHARED / "sample.resume.json", *sorted((SHARED / "fixtures").rglob("*.json"))]


def read_text(text: str, name: str = "r.json"):
    return rjson.read(Source(text, name=name), ReadOptions())


# --------------------------------------------------------------------------- values


@needs_shared
@pytest.mark.parametrize("path", shared_documents(), ids=lambda p: p.name)
def test_same_values_as_json_loads_on_official_files(path):
    text = path.read_text("utf-8")
    assert parse(text, path.name)[0] == json.loads(text)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.json")), ids=lambda p: p.name)
def test_same_values_as_json_loads_on_fixtures(path):
    text = path.read_text("utf-8")
    assert parse(text, path.name)[0] == json.loads(text)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(json_values, st.sampled_from([None, 0, 2, "\t"]), st.booleans())
def test_same_values_as_json_loads_on_generated_json(value, indent, ascii_only):
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    result = parse(text)[0]
    expected = json.loads(text)
    assert result == expected
    assert json.dumps(result) == json.dumps(expected)  # same types too (1 vs 1.0, -0.0)


def test_positions_are_at_keys_and_items():
    text = (
        '{\n  "basics": {"name": "Ada"},\n  "work": [\n'
        '    {"name": "A"},\n    {"name": "B"}\n  ]\n}\n'
    )
    _, pos = parse(text)
    assert pos[""] == (1, 1)
    assert pos["/basics"] == (2, 3)
    assert pos["/basics/name"] == (2, 14)
    assert pos["/work/0"] == (4, 5)
    assert pos["/work/1/name"] == (5, 6)


def test_positions_count_characters_not_bytes():
    _, pos = parse('{"名前": "黄萱菁", "x": 1}')
    assert pos["/x"] == (1, 15)


def test_pointer_escaping():
    _, pos = parse('{"a/b": {"c~d": 1}}')
    assert "/a~1b/c~0d" in pos


@needs_shared
def test_sample_positions():
    text = (SHARED / "sample.resume.json").read_text("utf-8")
    _, pos = parse(text)
    lines = text.split("\n")
    for pointer, (line, column) in pos.items():
        if pointer.count("/") >= 1 and not pointer.rsplit("/", 1)[1].isdigit():
            key = pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
            assert lines[line - 1][column - 1 :].startswith(json.dumps(key)), pointer


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ('{\n  "a": 1,\n}', 3, 1, "trailing comma before '}'"),
        ('{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' after a member"),
        ("[1, 2,]", 1, 7, "trailing comma before ']'"),
        ("[1 2]", 1, 4, "expected ',' or ']' after an item"),
        ("{'a': 1}", 1, 2, "expected a key in double quotes"),
        ('{"a" 1}', 1, 6, "expected ':' after the key"),
        ('{"a": tru}', 1, 7, "expected a value"),
        ('{"a": "x\ny"}', 1, 9, "invalid control character"),
        ('{"a": "x', 1, 7, "unterminated string"),
        ('{"a": 1', 1, 8, "found the end of the file"),
        ('{"a": 1}\n{"b": 2}', 2, 1, "unexpected data after the JSON value"),
        ("// note\n{}", 1, 1, "expected a value"),
        ('{"a": NaN}', 1, 7, "expected a value"),
        ('{"a": 01}', 1, 8, "expected ',' or '}'"),
        ("   ", 1, 4, "found the end of the file"),
    ],
)
def test_syntax_errors(text, line, column, words):
    with pytest.raises(InputError) as err:
        parse(text, "bad.json")
    assert (err.value.line, err.value.column) == (line, column)
    assert words in err.value.message
    assert err.value.hint
    assert str(err.value).startswith(f"bad.json:{line}:{column}: JSON: ")


def test_duplicate_key_is_an_error_at_the_duplicate():
    text = '{\n  "basics": {\n    "name": "A",\n    "name": "B"\n  }\n}'
    with pytest.raises(InputError) as err:
        parse(text, "dup.json")
    assert (err.value.line, err.value.column) == (4, 5)
    assert "duplicate key 'name' (first at line 3)" in err.value.message


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_ten_thousand_levels_is_a_clean_error(opener):
    closer = "]" if opener == "[" else "}"
    text = opener * 10_000 + "1" + closer * 10_000
    with pytest.raises(InputError) as err:
        parse(text, "deep.json")
    assert "64" in err.value.message
    assert err.value.line == 1


def test_sixty_four_levels_are_accepted():
    assert parse("[" * 64 + "]" * 64)[0] is not None
    with pytest.raises(InputError):
        parse("[" * 65 + "]" * 65)


@pytest.mark.parametrize("text", ["[]", '"text"', "3", "null"])
def test_reader_refuses_a_non_object(text):
    with pytest.raises(InputError) as err:
        read_text(text)
    assert err.value.line == 1
    assert "object" in err.value.message


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='{}[]",:0123456789.eE+-truefalsn \n\\ab', max_size=40))
def test_never_raises_anything_but_input_error(text):
    try:
        value = parse(text)[0]
    except InputError:
        return
    assert value == json.loads(text)


# --------------------------------------------------------------------------- reader


@needs_shared
def test_read_sample_keeps_everything():
    text = (SHARED / "sample.resume.json").read_text("utf-8")
    resume = read_text(text, "sample.resume.json")
    assert resume.to_dict() == json.loads(text)
    assert resume.source_map.lookup("/basics/name").line == 4
    assert resume.source_map.lookup("/work/0/highlights/0").line > 4
    statuses = {b.status for b in resume.import_report.blocks}
    assert statuses == {"imported"}
    pointers = [b.pointer for b in resume.import_report.sorted()]
    assert pointers == ["/" + k.replace("/", "~1") for k in json.loads(text)]


@needs_shared
@pytest.mark.parametrize("path", shared_documents(), ids=lambda p: p.name)
def test_model_round_trip(path):
    data = json.loads(path.read_text("utf-8"))
    documents = [data] if path.name == "sample.resume.json" else list(data.values())
    for document in documents:
        if isinstance(document, dict):
            assert Resume.from_dict(json.loads(json.dumps(document))).to_dict() == document


def test_migrates_an_old_document():
    path = FIXTURES / "old-0x.resume.json"
    resume = api.load(path)
    data = resume.to_dict()
    assert data["basics"]["image"] == "https://example.org/ada.png"
    assert data["basics"]["url"] == "https://ada.example.org"
    assert data["basics"]["location"] == {
        "city": "Berkeley",
        "region": "California",
        "countryCode": "US",
    }
    assert list(data["work"][0])[:3] == ["name", "position", "url"]  # renamed in place
    assert data["work"][0]["name"] == "Example Corp"
    assert data["volunteer"][0]["url"] == "https://society.example.org"
    assert data["education"][0]["score"] == "4.0"
    assert data["awards"][0]["date"] == "2016-05-01"
    assert data["publications"][0]["url"] == "https://example.org/sorting"
    assert data["languages"][0] == {"language": "English", "fluency": "Native speaker"}
    # Never overwrite: the new key wins, the old one is kept and reported.
    assert data["work"][1]["name"] == "New Name Inc"
    assert data["work"][1]["company"] == "Old Name Inc"
    blocks = resume.import_report.blocks
    notes = {b.pointer: (b.start, b.reason) for b in blocks if b.status == "note"}
    assert notes["/work/0/name"] == (
        19,
        "renamed /work/0/company → /work/0/name (JSON Resume 0.x)",
    )
    assert "kept /work/1/company as it is" in notes["/work/1/company"][1]
    assert notes["/education/0/score"][0] == 38
    # The source map follows the rename: the new pointer points at the old key's line.
    lookup = resume.source_map.lookup
    assert (lookup("/work/0/name").line, lookup("/work/0/name").column) == (19, 7)
    assert lookup("/work/0/url").line == 21
    assert lookup("/basics/image").line == 5
    assert lookup("/basics/location/region").line == 10


def test_migrates_a_pre_0_0_0_document():
    resume = api.load(FIXTURES / "pre-0.0.0.resume.json")
    assert resume.to_dict() == {
        "basics": {
            "name": "Ada Example",
            "image": "https://example.org/ada.png",
            "profiles": [
                {"network": "twitter", "username": "ada_ex"},
                {"network": "github", "username": "ada-example"},
            ],
        },
        "interests": [{"name": "Chess"}],
        "meta": {"canonical": "https://example.org/resume.json"},
    }
    lookup = resume.source_map.lookup
    assert lookup("/basics/image").line == 5  # /bio/picture → /basics/picture → /basics/image
    assert lookup("/interests/0/name").line == 9
    assert lookup("/basics/profiles/1").line == 6


def test_migration_leaves_current_documents_alone():
    document = {"basics": {"name": "A", "url": "https://a.example"}, "work": [{"name": "C"}]}
    before = json.loads(json.dumps(document))
    migration = migrate(document)
    assert document == before
    assert migration.moved == [] and migration.notes == []


def test_move_positions_rewrites_subtrees_only():
    moved = move_positions(
        {"/bio": (1, 1), "/bio/name": (2, 1), "/biography": (3, 1)}, [("/bio", "/basics")]
    )
    assert moved == {"/basics": (1, 1), "/basics/name": (2, 1), "/biography": (3, 1)}


@needs_shared
def test_cli_convert_json_yaml_json(tmp_path):
    sample = SHARED / "sample.resume.json"
    api.convert(sample, tmp_path / "x.yaml")
    api.convert(tmp_path / "x.yaml", tmp_path / "x.json")
    assert json.loads((tmp_path / "x.json").read_text("utf-8")) == json.loads(sample.read_text())
