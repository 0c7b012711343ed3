"""The front matter recognizer is conservative: whatever it accepts, the YAML parser accepts.

``certainly_valid`` lets a CV page skip PyYAML when its front matter has the usual simple
shape. A wrong True would let broken front matter through, so every accepted text here is
also given to :func:`resumeconv.importers.yaml.parse` (with libyaml and with PyYAML's own
parser): real front matters (fixtures, ../shared), many generated ones built from valid
lines, near misses and random characters, and a list of cases it must leave to the parser.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from resumeconv.errors import InputError
from resumeconv.importers import yaml as ryaml
from resumeconv.importers.frontmatter import certainly_valid
from resumeconv.importers.jekyll import split_front_matter

from conftest import FIXTURES, SEED, SHARED, corpus_pages


class _PurePythonLoader(yaml.SafeLoader):
    """PyYAML's own parser, used when libyaml is not installed."""


LOADERS = [
    pytest.param(ryaml._Loader, id="libyaml" if hasattr(yaml, "CSafeLoader") else "default"),
    pytest.param(_PurePythonLoader, id="pure-python"),
]


def _parses(text: str) -> bool:
    try:
        ryaml.parse(text, "front.md", first_line=2)
    except InputError:
        return False
    return True


def _real_front_matters() -> list[tuple[str, str]]:
    files = sorted(FIXTURES.rglob("*.md"))
    for folder in (SHARED / "corpus", SHARED / "academicpages-template"):
        if folder.is_dir():
            files += sorted(folder.rglob("*.md"))
    fronts = []
    for path in files:
        split = split_front_matter(path.read_text("utf-8", "replace"))
        if split is not None:
            fronts.append((str(path), split[0]))
    return fronts


@pytest.mark.parametrize("loader", LOADERS)
def test_every_real_front_matter_it_accepts_parses(monkeypatch, loader) -> None:
    monkeypatch.setattr(ryaml, "_Loader", loader)
    fronts = _real_front_matters()
    assert len(fronts) >= 10
    for name, front in fronts:
        if certainly_valid(front):
            assert _parses(front), name


def test_the_usual_cv_page_front_matter_is_recognized() -> None:
    """Else the optimisation is for nothing: the seed, the template and the corpus pages."""
    for page in [SEED, *corpus_pages()]:
        split = split_front_matter(page.read_text("utf-8"))
        assert split is not None, page
        assert certainly_valid(split[0]), page


# ----------------------------------------------------------------------------- generated

_KEYS = ["layout", "title", "permalink", "author_profile", "redirect_from", "a", "_x", "k-1"]
_ODD_KEYS = [
    "yes", "No", "ON", "off", "y", "N", "true", "False", "null", "NuLL", "~", "1", "2020-01-01",
    "1.0", "a b", "-a", "?a", "<<", "=", "a.b", "a:b", "[a]", "&a", "*a", "!a", "'a'", '"a"',
    "x" * 1100, "é", "",
]  # fmt: skip
_SEPARATORS = [": ", ": ", ":  ", ":", " : ", ":\t", ":#", ": #c", "::", ": : "]
#: Characters a value is drawn from: ordinary ones and every YAML indicator and oddity.
_CHARS = (
    list("abcXYZ019/_ .,;()+=~<>") * 3
    + list(":#-?[]{}&*!|>'\"%@`\\")
    + ["\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff", "\xa0", "\u3000", "\x7f", "\x00"]
    + ["é", "简", "历", "😀", "\ue000", "\ufffd"]
)
_PLAIN = [
    "archive", "CV", "/cv/", "true", "yes", "No", "null", "Null", "~", "0", "00", "08", "0b_",
    "0x_", "0o7", "1_000", "1:20", "190:20:30", ".inf", "-.inf", ".nan", "1e3", "1.5", "+1",
    "-1", "2020-01-01", "2020-02-29", "2021-02-29", "2020-13-01", "0000-01-01", "2020-1-1",
    "2020-01-01 10:00:00", "2020-01-01T10:00:00Z", "a: b", "a:", "a:b", "a #b", "a#b",
    "a - b", "- a", "? a", "|", ">", "|-", "&a x", "*a", "!!str x", "!x y", "%x", "@x",
    "`x`", "[a, b]", "{a: b}", "a, b", "a [b]", "a {b}", "C#", "简历", "=", "<<", "a'b",
    'a"b', "a\\b", "'a'", '"a"', "'a''b'", "'a'b'", '"a\\"b"', '"a" x', "'a' #c", '"a"#c',
    '"a', "'a", '""', "''", "2015-10-01", "2015", "1" * 400,
]  # fmt: skip


def _value(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(_PLAIN)
    text = "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 8)))
    if roll < 0.55:
        return text
    if roll < 0.7:
        return f'"{text}"' + rng.choice(["", " ", " # c", "#c", " x"])
    if roll < 0.85:
        return f"'{text}'" + rng.choice(["", " ", " # c", "#c", " x"])
    return rng.choice(["a", "/", "_", "简"]) + text


_MILD = list("abcXYZ019/_ .,;()+=~<>") * 4 + list(":#-?[]{}&*!|>'\"%@`") + ["é", "简", "😀"]


def _mild_value(rng: random.Random) -> str:
    """Mostly what a real value holds: fewer oddities, so that the recognizer says yes."""
    text = "".join(rng.choice(_MILD) for _ in range(rng.randint(0, 12)))
    roll = rng.random()
    if roll < 0.2:
        return f'"{text}"'
    if roll < 0.3:
        return f"'{text}'"
    return rng.choice(["a", "/", "_", "简", "T"]) + text


def _line(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        key = rng.choice(_KEYS) if rng.random() < 0.85 else rng.choice(_ODD_KEYS)
        sep = rng.choice(_SEPARATORS)
        value = "" if rng.random() < 0.2 else _value(rng)
        return key + sep + value + rng.choice(["", "", " ", " # note", "#x", "\t"])
    if roll < 0.75:
        indent = " " * rng.choice([0, 1, 2, 2, 2, 3, 4])
        dash = rng.choice(["- ", "- ", "- ", "-", "-  ", "- - ", "-\t"])
        return indent + dash + _value(rng) + rng.choice(["", "", " ", " # c"])
    return rng.choice(
        [
            "", "", " ", "# comment", "  # indented comment", "#", "---", "...", "%YAML 1.1",
            "%TAG ! tag:x,2000:", "  more", "\t", " \t", "? a", ": b", "--- a", "a", "'a'",
        ]
    )  # fmt: skip


def _mutate(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    roll = rng.random()
    if roll < 0.5:
        return text[:at] + rng.choice([*_CHARS, "\n", "\n  ", ": ", " #"]) + text[at:]
    if roll < 0.8 and text:
        return text[:at] + text[at + 1 :]
    return text + text[: rng.randint(0, len(text))]  # repeats lines: duplicate keys


def _shaped(rng: random.Random) -> list[str]:
    """Lines of the accepted shape (distinct keys, even lists) around risky values."""
    lines = []
    for key in rng.sample(_KEYS, rng.randint(1, len(_KEYS))):
        if rng.random() < 0.25:
            lines.append(key + rng.choice([":", ": ", ": # items"]))
            indent = " " * rng.randint(1, 4)
            for _ in range(rng.randint(0, 3)):
                lines.append(
                    indent + "- " + (_value(rng) if rng.random() < 0.3 else _mild_value(rng))
                )
                if rng.random() < 0.1:
                    lines.append(rng.choice(["", "# c", "      # c"]))
        else:
            value = _value(rng) if rng.random() < 0.3 else _mild_value(rng)
            lines.append(key + ": " + value + rng.choice(["", "", " ", " # note"]))
        if rng.random() < 0.1:
            lines.append(rng.choice(["", "  ", "# comment"]))
    return lines


def _front_matters(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        if rng.random() < 0.6:
            lines = _shaped(rng)
        else:
            lines = [_line(rng) for _ in range(rng.randint(0, 8))]
        text = "\n".join(lines) + rng.choice(["\n", "", "\n\n"])
        for _ in range(rng.choice([0, 0, 1, 2])):
            text = _mutate(rng, text)
        out.append(text)
    return out


@pytest.mark.parametrize("loader", LOADERS)
def test_every_generated_front_matter_it_accepts_parses(monkeypatch, loader) -> None:
    monkeypatch.setattr(ryaml, "_Loader", loader)
    accepted = refused_valid = 0
    for text in _front_matters(seed=2024, count=15_000):
        if certainly_valid(text):
            accepted += 1
            assert _parses(text), repr(text)
        elif _parses(text):
            refused_valid += 1  # fine: "not sure" is always allowed
    # the generator reaches both answers often enough to mean something
    assert accepted > 2_500, accepted
    assert refused_valid > 2_000, refused_valid


# ----------------------------------------------------------------------------- by hand

ACCEPTED = [
    "",
    "\n\n",
    "# only a comment\n",
    'layout: archive\ntitle: "CV"\npermalink: /cv/\nauthor_profile: true\n'
    "redirect_from:\n  - /resume\n",
    "title: 简历\nlang: zh\n",
    "title: 'It''s me'\n",
    'title: "a: b # c"\n',
    "title: CV # the page title\n",
    "title: C#\n",
    "title: a, b [c] {d}\n",
    "title: a - b\n",
    "title: url:x\n",
    "year: 2015\ndate: 2015-10-01\nleap: 2020-02-29\n",
    "on_page: yes\nnothing: null\n",
    "list: # the pages\n  # a comment\n  - a\n\n  - 'b'\n  - \"c\"\nnext: x\n",
    "empty:\nother:\n",
    "emoji: ok 😀\n",
]

REFUSED = [
    ("a: 1\na: 2\n", "duplicate key"),
    ("list:\n  - a\nlist: b\n", "duplicate key after a list"),
    ("on: 1\n", "bool key: would equal 'true' or 'on'"),
    ("null: 1\n", "null key"),
    ("Yes: 1\ntrue: 2\n", "two keys YAML reads as the same bool"),
    ("1: a\n", "numeric key"),
    ("a:\tb\n", "tab"),
    ("\ta: b\n", "tab indentation"),
    ("a: b\r\n", "carriage return"),
    ("a: b\u2028c: d\n", "line separator"),
    ("a: b\x85\n", "next line character"),
    ("a: value: x\n", "': ' in a plain scalar"),
    ("a: value:\n", "plain scalar ending with ':'"),
    ("a: [b, c]\n", "flow sequence"),
    ("a: {b: c}\n", "flow mapping"),
    ("a: &x b\nc: *x\n", "anchor and alias"),
    ("a: *x\n", "undefined alias"),
    ("a: !!python/object x\n", "tag"),
    ("a: !x y\n", "local tag"),
    ("a: |\n  text\n", "literal block scalar"),
    ("a: >\n  text\n", "folded block scalar"),
    ('a: "b\\"c"\n', "backslash escape"),
    ('a: "b\\x"\n', "bad escape"),
    ("a: 'b\n  c'\n", "multi-line quoted"),
    ('a: "b" c\n', "text after a quote"),
    ('a: "b"#c\n', "'#' right after a quote is not a comment"),
    ("a: 'b\n", "unclosed quote"),
    ("%YAML 1.1\n", "directive"),
    ("a: b\n---\nc: d\n", "a second document"),
    ("a: @x\n", "leading '@'"),
    ("a: `x`\n", "leading backtick"),
    ("a: %x\n", "leading '%'"),
    ("a: b\n  c\n", "multi-line plain scalar"),
    ("a:\n  b: c\n", "nested mapping"),
    ("a:\n  - b\n   - c\n", "items at two indentations"),
    ("a:\n  - - b\n", "nested sequence"),
    ("a:\n  - b: c\n", "mapping in a sequence"),
    ("a: b\n  - c\n", "item after a value"),
    ("- a\n", "top-level sequence"),
    (" a: b\n", "indented mapping"),
    ("a:b\n", "no space after ':'"),
    ("a : b\n", "space before ':'"),
    ("? a\n: b\n", "complex key"),
    ("<<: x\n", "merge key"),
    ("a: 2021-02-29\n", "no such day"),
    ("a: 0b_\n", "int that does not construct"),
    ("a: 1:20\n", "sexagesimal"),
    ("a: 2020-01-01 10:00:00\n", "timestamp with a time"),
    ("a: -1\n", "leading '-'"),
    ("a: .inf\n", "leading '.'"),
    ("a: ~\n", "leading '~'"),
    ("a: \xa0b\n", "no-break space"),
    ("x" * 300 + ": b\n", "long key"),
    ("a:\n  -\n", "null item"),
    ("a:#b\n", "'#' right after ':'"),
    ("a: " + "1" * 5000 + "\n", "an int too long for Python to read"),
]


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_by_hand(monkeypatch, loader, text: str) -> None:
    monkeypatch.setattr(ryaml, "_Loader", loader)
    assert certainly_valid(text)
    assert _parses(text)


@pytest.mark.parametrize(("text", "why"), REFUSED, ids=[why for _, why in REFUSED])
def test_refused_by_hand(text: str, why: str) -> None:
    assert not certainly_valid(text)


def test_broken_front_matter_still_gets_the_parsers_message(tmp_path: Path) -> None:
    """The page reader asks the parser whenever the recognizer is not sure."""
    from resumeconv.importers.markdown import _blank_front_matter
    from resumeconv.sources import read_source

    page = tmp_path / "cv.md"
    page.write_text("---\ntitle: CV\nvenue: Journal: of Colons\n---\n\n# Education\n", "utf-8")
    with pytest.raises(InputError, match="YAML syntax error") as info:
        _blank_front_matter(read_source(page))
    assert info.value.line == 3
