"""``resumeconv fix``: broken files of our own (fixtures/broken/) become valid, lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from resumeconv import api
from resumeconv.errors import ResumeconvError
from resumeconv.importers import json as json_reader
from resumeconv.importers import yaml as yaml_reader
from resumeconv.repair import jsonlayout
from resumeconv.report import escape
from resumeconv.sources import Source

from conftest import REPO, SHARED

BROKEN = REPO / "fixtures" / "broken"
UNFIXABLE = "cannot-fix.json"
FIXABLE = sorted(p.name for p in BROKEN.iterdir() if p.name != UNFIXABLE)
OFFICIAL = SHARED / "jsonresume" / "schema.json"
OURS = REPO / "schemas" / "jsonresume-1.2.1.schema.json"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumeconv", *args], capture_output=True, text=True, cwd=cwd
    )


def schema_check() -> Draft7Validator:
    """The official JSON Resume schema (ours when ../shared is absent), format checks on."""
    path = OFFICIAL if OFFICIAL.is_file() else OURS
    schema = json.loads(path.read_text("utf-8"))
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def document_of(path: Path) -> Any:
    text = path.read_text("utf-8").replace("\r\n", "\n")
    if path.suffix in (".yaml", ".yml"):
        return yaml_reader.parse(text, path.name)[0]
    return json_reader.parse(text, path.name, jsonc=True)[0]


def leaves(value: Any, pointer: str = "") -> list[tuple[str, Any]]:
    """(pointer, value) of every string or number in a document."""
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in leaves(v, f"{pointer}/{k}")]
    if isinstance(value, list):
        return [x for i, v in enumerate(value) for x in leaves(v, f"{pointer}/{i}")]
    return [(pointer, value)]


@pytest.mark.parametrize("name", FIXABLE)
def test_each_broken_file_becomes_valid_against_the_official_schema(name, tmp_path):
    source = BROKEN / name
    before = api.validate(api.load(source))
    # old field names pass the schema (it allows any key) but no 1.x theme shows them
    assert any(i.is_error for i in before) or name == "old-names.json", f"{name} is fine"
    out = tmp_path / name
    proc = run("fix", str(source), "-o", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    errors = [e.message for e in schema_check().iter_errors(document_of(out))]
    assert errors == []
    assert not [i for i in api.validate(api.load(out)) if i.is_error]
    assert source.read_bytes() != out.read_bytes()


@pytest.mark.parametrize("name", [*FIXABLE, UNFIXABLE])
def test_no_value_is_lost(name, tmp_path):
    """Every original value is in the output (a moved or merged one inside a string of
    it), or a listed change removed exactly it (an empty value, an ongoing end date)."""
    source = BROKEN / name
    fixed = api.fix(source)
    after = document_of(_written(fixed.text, tmp_path / name))
    kept = [str(v) for _, v in leaves(after) if v is not None]
    changes = {c.pointer: c for c in fixed.changes}
    for pointer, value in leaves(document_of(source)):
        change = changes.get(pointer)
        if (isinstance(value, str) and not value.strip()) or value is None:
            assert change and change.rule == "empty", f"{pointer} {value!r}: no change"
        elif not any(str(value) in text for text in kept):
            assert change and change.before == value, f"{pointer} {value!r} is lost"
            if change.after is None:  # removed: only an ongoing end date
                assert value.lower() in ("present", "now", "current"), pointer
            else:
                assert str(change.after) in kept, pointer


def _written(text: str, path: Path) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_the_value_it_cannot_fix_stays_and_is_listed(tmp_path):
    out = tmp_path / "out.json"
    proc = run("fix", str(BROKEN / UNFIXABLE), "-o", str(out))
    assert proc.returncode == 1
    document = json.loads(out.read_text("utf-8"))
    assert document["work"][0]["startDate"] == "sometime in the nineties"
    assert document["basics"]["url"] == "see my page"
    assert document["work"][0]["highlights"][0]["year"] == "2001"
    assert "endDate" not in document["work"][0]  # what it could fix, it did
    assert f"{BROKEN / UNFIXABLE}:10: not fixed: /work/0/startDate" in proc.stdout
    assert "still invalid: " in proc.stdout and "Traceback" not in proc.stderr


def test_every_change_is_listed_with_pointer_and_line():
    proc = run("fix", str(BROKEN / "dates.json"), "-o", os.devnull)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    first = ':9: fixed: /work/0/startDate: date → ISO 8601: "Mar-2022" → "2022-03"'
    assert f"{BROKEN / 'dates.json'}{first}" in lines
    assert any(":10: fixed: /work/0/endDate: ongoing end date removed" in x for x in lines)
    assert len([x for x in lines if ": fixed: " in x]) == 10


def test_in_place_with_backup_and_diff(tmp_path):
    path = tmp_path / "resume.json"
    original = (BROKEN / "urls.json").read_bytes()
    path.write_bytes(original)
    proc = run("fix", str(path), "--backup", "--diff")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "resume.json.bak").read_bytes() == original
    assert json.loads(path.read_text())["basics"]["url"] == "https://www.tomas.example.org"
    assert f"--- {path}\n+++ {path}\n" in proc.stdout
    assert '\n-    "url": "www.tomas.example.org",\n' in proc.stdout
    assert '\n+    "url": "https://www.tomas.example.org",\n' in proc.stdout
    assert sorted(os.listdir(tmp_path)) == ["resume.json", "resume.json.bak"]


def test_a_valid_file_is_not_rewritten(tmp_path):
    path = tmp_path / "resume.json"
    path.write_bytes((BROKEN / "dates.json").read_bytes())
    assert run("fix", str(path)).returncode == 0
    inode, text = path.stat().st_ino, path.read_bytes()
    proc = run("fix", str(path))
    assert proc.returncode == 0
    assert "nothing to fix" in proc.stdout
    assert path.stat().st_ino == inode and path.read_bytes() == text


def test_unreadable_file_exit_2_untouched(tmp_path):
    path = tmp_path / "resume.json"
    path.write_bytes(b'{\n  "basics": {"name": "A"\n  "work": []\n}\n')
    before = path.read_bytes()
    proc = run("fix", str(path), "--backup")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and f"{path}:3:3:" in proc.stderr
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["resume.json"]


def test_a_cv_page_is_refused_with_a_hint(tmp_path):
    proc = run("fix", str(REPO / "fixtures" / "example" / "cv.md"), "-o", str(tmp_path / "x.md"))
    assert proc.returncode == 2 and "convert" in proc.stderr
    assert os.listdir(tmp_path) == []


def test_style_is_kept_tabs_and_crlf(tmp_path):
    out = tmp_path / "out.json"
    assert run("fix", str(BROKEN / "tabs-crlf.json"), "-o", str(out)).returncode == 0
    data = out.read_bytes()
    assert b'\r\n\t"basics": {\r\n\t\t"name": "Sam Example",\r\n' in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_key_order_is_kept(tmp_path):
    fixed = api.fix(BROKEN / "empty-values.json")
    document = json.loads(fixed.text)
    assert list(document["basics"]) == ["name", "label", "email", "location", "profiles"]
    assert list(document) == ["basics", "work", "projects"]


def test_yaml_stays_yaml_with_its_indentation():
    fixed = api.fix(BROKEN / "resume.yaml")
    assert fixed.text.startswith("basics:\n    name: Ola Example\n")
    assert "\n    url: https://ola.example.com\n" in fixed.text
    assert any(c.rule == "date" and c.before == "Mar-2022" for c in fixed.changes)


def test_jsonc_becomes_plain_json_and_says_so():
    fixed = api.fix(BROKEN / "commented.jsonc")
    json.loads(fixed.text)  # plain JSON now
    assert fixed.changes[0].rule == "jsonc" and "comments" in fixed.changes[0].message


def test_old_names_are_migrated_and_listed():
    fixed = api.fix(BROKEN / "old-names.json")
    document = json.loads(fixed.text)
    assert document["basics"]["name"] == "Marta Example"
    assert document["work"][0]["name"] == "Example Labs"
    assert document["education"][0]["score"] == "3.9"
    lines = {c.pointer: c.line for c in fixed.changes}
    assert lines["/work/0/company"] == 17 and lines["/basics/picture"] == 5


def test_to_stdout(tmp_path):
    proc = run("fix", str(BROKEN / "highlights.json"), "-o", "-")
    assert proc.returncode == 0
    document = json.loads(proc.stdout)
    assert document["work"][0]["highlights"][1] == "Hiring: Grew the team from 3 to 9"
    assert "fixed: /work/0/highlights/0" in proc.stderr


# --------------------------------------------------------------------------- properties

broken_value = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "Present",
            "now",
            "Mar-2022",
            "03/2020",
            "2021",
            "Jan 2020 - now",
            "2019 – 2021",
            "Mar 2023 & 2024",
            "github.com/x",
            "www.x.org",
            "//x.org",
            "mailto:a@b.co",
            "see page",
            "sometime",
        ]
    ),
    st.none(),
    st.integers(min_value=1900, max_value=2200),
    st.text(max_size=8),
    st.just([]),
    st.just({}),
)
highlight = st.one_of(
    broken_value,
    st.dictionaries(st.sampled_from(["text", "name", "description", "year"]), broken_value),
)
entry = st.dictionaries(
    st.sampled_from(
        [
            "name",
            "company",
            "website",
            "url",
            "startDate",
            "endDate",
            "date",
            "releaseDate",
            "gpa",
            "summary",
        ]
    ),
    broken_value,
).flatmap(
    lambda d: st.just(d) | st.lists(highlight, max_size=3).map(lambda h: {**d, "highlights": h})
)
section = st.one_of(st.lists(st.one_of(entry, broken_value), max_size=3), broken_value)
basics = st.dictionaries(
    st.sampled_from(["name", "url", "email", "website", "picture", "firstName", "lastName"]),
    broken_value,
).flatmap(
    lambda b: (
        st.just(b)
        | st.lists(
            st.dictionaries(st.sampled_from(["network", "url"]), broken_value), max_size=2
        ).map(lambda p: {**b, "profiles": p})
    )
)
documents = st.fixed_dictionaries(
    {"basics": basics},
    optional={
        "work": section,
        "education": section,
        "projects": section,
        "bio": basics,
        "meta": st.dictionaries(st.sampled_from(["canonical", "url", "theme"]), broken_value),
    },
)


@settings(max_examples=150, deadline=None, derandomize=bool(os.environ.get("CI")))
@given(documents, st.sampled_from(["json", "yaml"]))
def test_fix_of_any_document_loses_nothing_and_is_idempotent(document, fmt):
    text = json.dumps(document, indent=2) if fmt == "json" else yaml.safe_dump(document)
    try:
        fixed = api.fix(Source(text, name=f"r.{fmt}"), format=fmt)
    except ResumeconvError:
        return  # no resume in it (only empty or unknown keys): refused, as convert does
    if not fixed.valid and any(i.rule == "read" for i in fixed.issues):
        return  # only empty values: nothing is left, which is no resume (and says so)
    again = api.fix(Source(fixed.text, name=f"r.{fmt}"), format=fmt)
    assert again.changes == [] and again.text == fixed.text
    reader = json_reader.parse if fmt == "json" else yaml_reader.parse
    kept = [str(v) for _, v in leaves(reader(fixed.text, "r")[0]) if v is not None]
    befores = [json.dumps(c.before) for c in fixed.changes]
    for pointer, value in leaves(document):
        if isinstance(value, str) and value.strip():
            # white space around a value is no content: a joined name is stripped
            word = value.strip()
            assert any(word in k for k in kept) or any(
                json.dumps(word)[1:-1] in b for b in befores
            ), (pointer, value)


json_documents = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None, derandomize=bool(os.environ.get("CI")))
@given(json_documents, st.sampled_from([2, 4, "\t"]), st.data())
def test_json_layout_writes_the_same_value(document, indent, data):
    """Block layout is json.dumps's; any mix of layouts reads back to the same value."""
    assert jsonlayout.dump(document, {}, indent, False) == json.dumps(
        document, indent=indent, ensure_ascii=False
    )
    pointers = [p for p, _ in _containers(document)]
    chosen = data.draw(
        st.lists(st.sampled_from(pointers), unique=True) if pointers else st.just([])
    )
    styles = {p: data.draw(st.sampled_from([jsonlayout.INLINE, jsonlayout.ROW])) for p in chosen}
    assert json.loads(jsonlayout.dump(document, styles, indent, True)) == document


def _containers(value: Any, pointer: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        inner = [x for k, v in value.items() for x in _containers(v, f"{pointer}/{escape(k)}")]
    elif isinstance(value, list):
        inner = [x for i, v in enumerate(value) for x in _containers(v, f"{pointer}/{i}")]
    else:
        return []
    return [(pointer, value), *inner]


def test_one_line_lists_and_objects_stay_on_one_line():
    text = (
        '{\n  "basics": {"name": "A", "url": ""},\n  "skills": [\n    {\n'
        '      "name": "Web",\n      "keywords": [\n        "HTML", "CSS"\n      ],\n'
        '      "level": "",\n      "tags": ["x", "y"]\n    }\n  ]\n}\n'
    )
    fixed = api.fix(Source(text, name="r.json"), format="json")
    assert fixed.text == text.replace(', "url": ""', "").replace('      "level": "",\n', "")


@pytest.mark.skipif(not OFFICIAL.is_file(), reason="../shared is absent")
def test_the_official_sample_changes_by_one_line(tmp_path):
    """Its only fault is an empty "image": the diff is that line, nothing else moves."""
    sample = SHARED / "jsonresume" / "sample.resume.json"
    fixed = api.fix(sample)
    removed = [x for x in fixed.diff().splitlines() if x.startswith("-") and x[1:2] != "-"]
    added = [x for x in fixed.diff().splitlines() if x.startswith("+") and x[1:2] != "+"]
    assert removed == ['-    "image": "",'] and added == []


def test_yaml_flow_lists_and_mappings_stay_on_one_line():
    text = (
        "basics:\n  name: Ada\n  profiles:\n  - {network: GitHub, url: github.com/ada}\n"
        "skills:\n- name: Web\n  keywords: [HTML, CSS, '']\n"
        "work:\n- name: X\n  highlights:\n  - text: did [1] things\n"
    )
    fixed = api.fix(Source(text, name="r.yaml"), format="yaml")
    assert fixed.text == (
        "basics:\n  name: Ada\n  profiles:\n  - {network: GitHub, url: 'https://github.com/ada'}\n"
        "skills:\n- name: Web\n  keywords: [HTML, CSS]\n"
        "work:\n- name: X\n  highlights:\n  - did [1] things\n"
    )


@pytest.mark.parametrize("start", ["2019 – 2021", "Mar-2023 & 2024"])
def test_a_range_and_an_ongoing_end_are_fixed_once(start):
    """Found by the fuzzer: the end date went first on the second run, so the range was
    split only then. Two dates joined by '&' are no range: kept and listed."""
    text = json.dumps(
        {"basics": {"name": "A"}, "work": [{"startDate": start, "endDate": "Present"}]}
    )
    fixed = api.fix(Source(text, name="r.json"), format="json")
    assert api.fix(Source(fixed.text, name="r.json"), format="json").changes == []
    work = json.loads(fixed.text)["work"][0]
    if "&" in start:
        assert work == {"startDate": start} and fixed.unfixed
    else:
        assert work == {"startDate": "2019", "endDate": "2021"}


def test_comment_lines_are_told_apart_from_hashes_in_values():
    text = (
        "# top\nbasics:\n  name: 'a #b'  # real\n  label: \"x # y\"\n  url: x#y\n"
        "  summary: |\n    line # inside block\nwork: [] # end\n"
    )
    from resumeconv.repair.text import _yaml_comment_lines

    assert _yaml_comment_lines(text) == [1, 3, 8]
    quoted = "basics:\n  name: 'Issue #5'\n  url: a.example.org\n"
    fixed = api.fix(Source(quoted, name="r.yaml"), format="yaml")
    assert [c.rule for c in fixed.changes] == ["url"]  # no comment note: it has none
