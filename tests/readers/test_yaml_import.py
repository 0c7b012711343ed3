"""The safe YAML parser (values + positions, hostile input) and the YAML resume reader."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from resumeconv import api
from resumeconv.errors import InputError
from resumeconv.importers import yaml as ryaml
from resumeconv.importers.yaml import parse
from resumeconv.options import ReadOptions
from resumeconv.sources import Source

from conftest import REPO, SHARED

ROOT = REPO
FIXTURES = ROOT / "fixtures" / "yaml"
SAMPLE = SHARED / "jsonresume" / "sample.resume.json"

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def read_text(text: str, name: str = "r.yaml"):
    return ryaml.read(Source(text, name=name), ReadOptions())


# --------------------------------------------------------------------------- values


def test_plain_values_and_positions():
    text = "name: Ada\nwork:\n  - name: Corp\n    years: 3\n    ok: true\n    x: null\n"
    value, pos = parse(text, "t.yaml")
    assert value == {"name": "Ada", "work": [{"name": "Corp", "years": 3, "ok": True, "x": None}]}
    assert pos["/name"] == (1, 1)
    assert pos["/work"] == (2, 1)
    assert pos["/work/0"] == (3, 5)
    assert pos["/work/0/years"] == (4, 5)


def test_first_line_offsets_every_line():
    _, pos = parse("title: CV\nlayout: archive\n", "cv.md", first_line=2)
    assert pos["/title"] == (2, 1)
    assert pos["/layout"] == (3, 1)


def test_dates_become_iso_strings():
    value, _ = parse("a: 2020-01-01\nb: 2020-01-01 10:30:00\nc: '2020-01-01'\nd: 2020-01\n", "d")
    assert value == {
        "a": "2020-01-01",
        "b": "2020-01-01T10:30:00",
        "c": "2020-01-01",
        "d": "2020-01",
    }


def test_non_string_keys_become_strings():
    value, pos = parse("1: one\ntrue: yes\nnull: nothing\n2.5: x\n", "k")
    assert value == {"1": "one", "true": True, "null": "nothing", "2.5": "x"}
    assert pos["/true"] == (2, 1)


def test_merge_keys_and_aliases():
    value, _ = parse("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\nl: *b\n", "m")
    assert value == {"base": {"x": 1, "y": 2}, "d": {"x": 1, "y": 3}, "l": {"x": 1, "y": 2}}
    value["l"]["x"] = 9  # aliases are copies: editing one does not change the other
    assert value["base"]["x"] == 1


def test_pointer_escapes_slash_and_tilde():
    _, pos = parse("a/b: 1\nc~d: 2\n", "e")
    assert pos["/a~1b"] == (1, 1)
    assert pos["/c~0d"] == (2, 1)


def test_empty_document_is_none():
    assert parse("# only a comment\n", "e") == (None, {})


# --------------------------------------------------------------------------- refused


def test_duplicate_key_names_the_second_line():
    with pytest.raises(InputError) as err:
        parse("name: A\nlabel: B\nname: C\n", "dup.yaml", first_line=5)
    assert err.value.line == 7
    assert "duplicate key 'name'" in err.value.message
    assert "line 5" in err.value.message


def test_duplicate_key_in_nested_mapping():
    with pytest.raises(InputError) as err:
        parse("work:\n  - name: A\n    name: B\n", "dup.yaml")
    assert (err.value.line, err.value.column) == (3, 5)


def test_billion_laughs_is_refused():
    with pytest.raises(InputError) as err:
        parse(BILLION_LAUGHS, "bomb.yaml")
    assert "alias" in err.value.message
    assert err.value.line is not None


def test_many_small_aliases_below_the_limit_are_fine():
    text = "a: &a [1, 2]\n" + "".join(f"k{i}: *a\n" for i in range(100))
    value, _ = parse(text, "ok")
    assert value["k99"] == [1, 2]


def test_recursive_alias_is_refused():
    with pytest.raises(InputError, match="contains it"):
        parse("&a [*a]", "rec.yaml")


def test_undefined_alias_is_refused():
    with pytest.raises(InputError) as err:
        parse("a: *nope\n", "u.yaml")
    assert err.value.line == 1


@pytest.mark.parametrize(
    "text",
    [
        "x: " + "[" * 10_000 + "]" * 10_000,
        "x: " + "{a: " * 10_000 + "1" + "}" * 10_000,
        "".join("  " * i + "k:\n" for i in range(100)) + "  " * 100 + "v\n",
    ],
    ids=["flow-seq", "flow-map", "block"],
)
def test_deep_nesting_is_a_clean_error(text):
    with pytest.raises(InputError) as err:
        parse(text, "deep.yaml")
    assert err.value.line == 1 or "64" in err.value.message


def test_nesting_at_the_limit_is_accepted():
    text = "[" * 64 + "]" * 64
    value, _ = parse(text, "ok")
    for _ in range(63):
        value = value[0]
    assert value == []
    with pytest.raises(InputError, match="64"):
        parse("[" * 65 + "]" * 65, "deep")


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo hi']\n",
        "a: !!python/name:os.system\n",
        "a: !custom 1\n",
        "a: !!set {x}\nb: !mine [1]\n",
    ],
)
def test_non_core_tags_are_refused(text):
    with pytest.raises(InputError, match="tag"):
        parse(text, "tag.yaml")


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ("name: Ada\nlabel: a: b\n", 2, 9, "quote"),
        ("name: Ada\n\tlabel: x\n", 2, 1, "tabs"),
        ("name: 'Ada\nlabel: x\n", 3, 1, "quote"),
        ("work:\n  - a\n b: c\n", 3, 2, None),
    ],
)
def test_syntax_errors_have_position_and_hint(text, line, column, hint):
    with pytest.raises(InputError) as err:
        parse(text, "bad.yaml", first_line=1)
    assert (err.value.line, err.value.column) == (line, column)
    assert err.value.hint
    if hint:
        assert hint in err.value.hint
    assert str(err.value).startswith(f"bad.yaml:{line}:{column}: YAML syntax error")


def test_syntax_error_lines_follow_first_line():
    with pytest.raises(InputError) as err:
        parse("a: b: c\n", "cv.md", first_line=10)
    assert err.value.line == 10


def test_two_documents_are_refused():
    with pytest.raises(InputError) as err:
        parse("a: 1\n---\nb: 2\n", "two.yaml")
    assert err.value.line == 2


# --------------------------------------------------------------------------- agreement

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(json_values, st.booleans())
def test_agrees_with_pyyaml_safe_load(value, flow):
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    assert parse(text, "h.yaml")[0] == yaml.safe_load(text)


# --------------------------------------------------------------------------- reader


def test_read_fixture_resume():
    resume = api.load(FIXTURES / "resume.yaml")
    data = resume.to_dict()
    assert data["basics"]["summary"] == "Builds examples.\nLikes puzzles.\n"
    assert data["work"][0]["startDate"] == "2015-01-01"
    assert data["work"][1] == {
        "name": "Example Corp",
        "position": "Senior Engineer",
        "startDate": "2018-01-01",
        "highlights": ["Shipped the example"],
    }
    assert data["education"][0]["endDate"] == "2015-06"
    assert data["x-custom-note"] == "kept as it is"
    lookup = resume.source_map.lookup
    assert lookup("/basics/email").line == 7
    assert lookup("/work/1/position").line == 28
    assert lookup("/work/1/name").line == 27  # merged from the anchor: the "<<" line
    assert lookup("/education/0/score").line == 35
    blocks = {b.pointer: (b.start, b.end, b.status) for b in resume.import_report.blocks}
    assert blocks["/basics"] == (4, 18, "imported")
    assert blocks["/work"] == (20, 29, "imported")
    assert blocks["/x-custom-note"][:2] == (38, 38)
    assert not resume.import_report.unmapped()


def test_read_migrates_old_field_names():
    resume = api.load(FIXTURES / "old-0x.resume.yaml")
    data = resume.to_dict()
    assert data["basics"] == {
        "name": "Ada Example",
        "image": "https://example.org/ada.png",
        "url": "https://ada.example.org",
    }
    assert data["work"][0]["name"] == "Example Corp"
    assert data["education"][0]["score"] == "3.9"
    notes = [b.reason for b in resume.import_report.blocks if b.status == "note"]
    assert "renamed /work/0/company → /work/0/name (JSON Resume 0.x)" in notes
    assert resume.source_map.lookup("/work/0/name").line == 7
    assert resume.source_map.lookup("/work/0/url").line == 8


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "# nothing\n"])
def test_read_refuses_non_mappings(text):
    with pytest.raises(InputError) as err:
        read_text(text)
    assert err.value.hint


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared is absent")
def test_sample_round_trips_through_yaml(tmp_path):
    out_yaml = tmp_path / "x.yaml"
    out_json = tmp_path / "x.json"
    api.convert(SAMPLE, out_yaml)
    api.convert(out_yaml, out_json)
    assert json.loads(out_json.read_text("utf-8")) == json.loads(SAMPLE.read_text("utf-8"))


def test_collection_keys_and_non_finite_numbers():
    value, pos = parse("? [a, b]\n: x\nc: .inf\nd: .nan\ne: 1.5\n", "c")
    assert value == {'["a", "b"]': "x", "c": ".inf", "d": ".nan", "e": 1.5}
    assert all(not p.startswith("/?") for p in pos)
    with pytest.raises(InputError, match="first at line 1"):
        parse("? [a, b]\n: x\n? [a, b]\n: y\n", "c")


class _PurePythonLoader(yaml.SafeLoader):
    """PyYAML's own parser, used when libyaml is not installed."""


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("x: " + "[" * 500 + "]" * 500, "64"),
        ("a: 1\na: 2\n", "duplicate"),
        ("a: b: c\n", "syntax"),
        (BILLION_LAUGHS, "alias"),
    ],
)
def test_pure_python_parser_gives_the_same_errors(monkeypatch, text, words):
    monkeypatch.setattr(ryaml, "_Loader", _PurePythonLoader)
    assert parse("a: [1, {b: 2020-01-01}]\n", "p")[0] == {"a": [1, {"b": "2020-01-01"}]}
    with pytest.raises(InputError, match=words):
        parse(text, "p.yaml")


def test_a_control_character_is_an_input_error_with_pure_python_pyyaml(monkeypatch) -> None:
    """PyYAML's own reader (no libyaml) refuses control characters as it is created."""

    class PurePython(yaml.SafeLoader):
        pass

    monkeypatch.setattr(ryaml, "_Loader", PurePython)
    with pytest.raises(InputError, match="not valid YAML"):
        parse("a: b\x01\n", "x.yaml")
