"""Fuzz inputs: seed files, CV-ish fragments, generators and mutators.

Every input is a pure function of ``(seed, index)`` so that a crash found in a run of
100,000 inputs can be replayed alone with ``fuzz/run.py --seed S --replay INDEX``.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from resumeconv.model import STANDARD_SECTIONS
from resumeconv.sources import is_rendercv

ROOT = Path(__file__).resolve().parents[1]
#: ../shared gives more seeds when it is there; ``RESUMECONV_NO_SHARED=1`` hides it (as the
#: test suite's conftest does), for a run as in a fresh clone.
_HIDDEN = os.environ.get("RESUMECONV_NO_SHARED", "") not in ("", "0")
SHARED = Path(os.devnull) / "shared" if _HIDDEN else ROOT.parent / "shared"
#: Inputs earlier fuzz runs found crashes with (docs/hardening.md); seeds of every run.
CORPUS = Path(__file__).resolve().parent / "corpus"

#: Reader formats an input can be meant for (the fuzzer feeds it to every reader anyway).
READERS = ("markdown", "json", "yaml", "rendercv")

_SUFFIX_FORMAT = {".md": "markdown", ".markdown": "markdown", ".json": "json"}
_SUFFIX_FORMAT |= {".yaml": "yaml", ".yml": "yaml"}


@dataclass(frozen=True)
class Seed:
    """A starting text: a file of ours or of the shared corpus (read, never copied)."""

    name: str
    format: str
    text: str


@dataclass(frozen=True)
class FuzzInput:
    """One generated or mutated input and how it was made (for the crash file)."""

    index: int
    format: str
    data: bytes
    recipe: str


def load_seeds() -> list[Seed]:
    """Our fixtures, plus the shared seed page, corpus pages and JSON Resume files."""
    paths: list[Path] = []
    for pattern in ("*.md", "*.json", "*.yaml", "*.yml"):
        paths += sorted((ROOT / "fixtures").rglob(pattern))
        paths += sorted(CORPUS.glob(pattern))  # inputs that crashed a run once
    if SHARED.is_dir():
        for sub in ("seed", "corpus", "academicpages-template", "jsonresume"):
            for pattern in ("*.md", "*.json", "*.yml", "*.yaml"):
                paths += sorted((SHARED / sub).rglob(pattern))
    seeds = []
    for path in paths:
        fmt = _SUFFIX_FORMAT.get(path.suffix.lower())
        if fmt is None or "schema" in path.name or path.stat().st_size > 200_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if fmt == "yaml" and is_rendercv(text):
            fmt = "rendercv"  # as resumeconv itself decides (fixtures/rendercv/)
        seeds.append(Seed(str(path), fmt, text))
    return seeds


# --------------------------------------------------------------------------- fragments

HEADINGS = [
    "# Education",
    "## Work experience",
    "Education\n=========",
    "Skills\n------",
    "### Publications",
    "## Skills",
    "#",
    "## ",
    "# {{ page.title }}",
    "## <span>Talks</span>",
    "# Service and leadership",
    "## 教育背景",
    "## 工作经历",
    "## Languages",
    "## Awards",
    "## Teaching",
    "## Research Interests",
    "## Personal Profile",
    "## References",
    "## Projects",
    "## Certificates",
    "## Talks",
    "## Supervision",
    "#### Deep heading",
    "## **Bold** heading 🎓",
    "## Education #",
    "######## not a heading",
    "## [Link](x)",
]
BULLETS = [
    "* Ph.D in Version Control Theory, GitHub University, 2018",
    "* B.S. in GitHub, GitHub University, 2012",
    "- 2019 - present: Professor, MIT",
    "  * Duties included: Tomato",
    "1. First item",
    "+ nested\n  + deeper\n    + deepest\n      + deepest still",
    "* ",
    "*",
    "-",
    "- **Bold** _it_ `code` [link](http://x) ![img](y.png)",
    "* Summer 2015: Research assistant, Lab, Berlin",
    "* Jan 2020 – Dec 2021, Engineer, Co., City, Country",
    "* **Python**: NumPy, pandas; **Rust**: tokio",
    "* English (TOEFL 109), 中文 (native)",
    "* 2018 (expected): M.Sc., ETH Zürich (Second year)",
    "1) paren list",
    "10000000000. x",
    "* [Paper title](https://doi.org/10.1/x), *Journal*, 2020",
    "* Reviewer: NeurIPS (2019, 2020), ICML 2021",
    "  - sub bullet with trailing spaces   ",
    "* item\n\n  continued paragraph",
]
DATES = [
    "2019",
    "2019–2021",
    "Jan 2020 - Present",
    "2020-01-02",
    "Spring 2018",
    "2018/19",
    "1999-",
    "-2020",
    "Sept. 2017 – now",
    "2021年3月",
    "2022年9月 – 至今",
    "03/2020",
    "9999-99-99",
    "0000",
    "2020-02-30",
    "12/31/1999 to 01/01/2000",
    "since 2015",
    "Q3 2019",
    "2019 -- 2020",
    "(2019)",
    "′19",
    "2019.09 - 2022.03",
    "06/22 – 09/24",
    "Fall 2022 - Spring 2023",
    "2022 (2026)",
    "2019-20",
    "2024/04-10",
    "(stopped as of 2023.09.30)",
    "May 2022 – July 2023, May 2024 – July 2025",
    "2023 & 2024",
    "05–07/2022-2023",
    "Sept. 2024 ———— Present",
    "(2021 – Present; expected May 2026)",
    "1949",
    "2101",
    "31 février 2020",
    "März 2021",
    "19999",
    "20199",
    "2019-13",
    "2019-00-00",
    "now",
]
LIQUID = [
    "{% for post in site.publications reversed %}\n  {% include archive-single-cv.html %}\n"
    "{% endfor %}",
    "{% for post in site.talks %}{% include archive-single-talk-cv.html %}{% endfor %}",
    "{% for post in site.teaching reversed %}\n{% include archive-single-cv.html %}\n{% endfor %}",
    "{% for post in site.nothing %}{% endfor %}",
    "{% for %}",
    "{% endfor %}",
    "{{ site.author.name }}",
    "{% include base_path %}",
    "{% if x %}",
    "{% endif %}",
    "{% raw %}{{ x }}{% endraw %}",
    "{{",
    "{%",
    "%}",
    "}}",
    "{% assign x = 1 %}",
    "{% comment %} hidden {% endcomment %}",
    "{{ page.title | upcase }}",
]
HTML = [
    "<br>",
    "<br/>",
    "<script>alert(1)</script>",
    '<div markdown="1">',
    "</div>",
    "<!-- comment -->",
    "<!--",
    "-->",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<table><tr><td>2019</td><td>PhD</td></tr></table>",
    "<details><summary>More</summary>",
    "&amp; &nbsp; &#0; &#x110000; &bogus;",
    '<span style="color:red">',
    "<iframe src=//evil>",
    "<p>",
    "<h2>Skills</h2>",
    "<ul><li>x</li></ul>",
    "</ul>",
    "<style>body{}</style>",
    "<?php echo 1; ?>",
    "<![CDATA[ x ]]>",
    "<a href='#' name=\"x\">",
    "<sup>1</sup>",
    "<center>",
]
TABLES = [
    "| Year | Degree |\n|---|---|\n| 2019 | PhD |",
    "|a|b|\n|-|-|\n|1|",
    "| 2019 | Award |\n| --- |",
    "||\n|-|\n||",
    "| Skill | Level |\n|:--|--:|\n| Python | ★★★ |",
    "| a |\n|---|\n" + "| x |\n" * 30,
    "| 2019 - 2021 | Engineer | ACME, Berlin |\n|--|--|--|",
]
MISC = [
    "---",
    "***",
    "___",
    "```\ncode\n```",
    "```",
    "> quote",
    "    indented code",
    "\\",
    "[ref]: http://x",
    "[x][ref]",
    "<http://example.com>",
    "mail@example.com",
    "\u202e RTL override",
    "\u200b",
    "e\u0301",
    "😀",
    "\ufeff",
    "\x0c",
    "\x0b",
    "\u2028",
    "\u0085",
    "**",
    "__",
    "*_*_*",
    "[]()",
    "![]()",
    "~~~",
    "$$x$$",
    ":",
    "- : -",
    "key: value",
    "- [x] done",
    "\t* tab bullet",
    "\x07",
    "\x1b[31m",
    "\ud7ff",
    "\U0010ffff",
    "a" * 5000,
    "word " * 400,
    "*" * 200,
    "[" * 300,
    "`" * 100,
    "_" * 300,
    "<" * 200,
    "-" * 80,
    "1." * 200,
    "(" * 200 + ")" * 200,
    "🎓" * 50,
    "中文简历" * 20,
]
YAMLISH = [
    "basics:",
    "  name: A",
    "- x",
    "&a [1]",
    "*a",
    "<<: *a",
    "!!str 1",
    "? complex",
    "'unterminated",
    '"esc\\x"',
    "{a: 1",
    "[1,",
    "...",
    "%YAML 1.1",
    "key: [",
    "work:\n  - name: X\n    startDate: 2019-01-01",
    "x: !!binary aGVsbG8=",
    "x: .inf",
    "x: 0x1F",
    "x: 1_000",
    "x: 2001-12-14t21:59:43.10-05:00",
    "x: ~",
    "x: yes",
    "x: 1e400",
    "!!python/object/apply:os.system ['true']",
    "x: !custom 1",
    "? [a, b]\n: c",
    "meta:\n  x-resumeconv:\n    sections: 3",
]
JSONISH = [
    "{",
    "}",
    "[",
    "]",
    ",",
    '"a":',
    "null",
    "true",
    "1e999",
    "-0",
    '"\\ud800"',
    '"\\u0000"',
    "1.5e-400",
    "123456789012345678901234567890",
    '{"basics": {"name": 1}}',
    '"work": [{}]',
    '"meta": {"x-resumeconv": {"sections": 1}}',
    "NaN",
    "Infinity",
    "'single'",
    "/* c */",
    '"\\',
    "\x00",
    '{"a":1,"a":2}',
    "[" * 80,
    "0" * 500,
]
ALL_FRAGMENTS = [HEADINGS, BULLETS, DATES, LIQUID, HTML, TABLES, MISC, YAMLISH, JSONISH]

# --------------------------------------------------------------------------- generators

_SECTIONS = list(STANDARD_SECTIONS)
_FIELDS = [
    "name",
    "position",
    "url",
    "startDate",
    "endDate",
    "summary",
    "highlights",
    "institution",
    "area",
    "studyType",
    "score",
    "courses",
    "title",
    "date",
    "awarder",
    "issuer",
    "publisher",
    "releaseDate",
    "level",
    "keywords",
    "language",
    "fluency",
    "reference",
    "roles",
    "entity",
    "type",
    "location",
    "x-expected",
    "x-note",
    "x-highlights",
    "organization",
    "role",
]


def generate_page(rng: random.Random) -> str:
    """A CV page built from fragments: front matter, headings, bullets with dates, Liquid."""
    lines: list[str] = []
    if rng.random() < 0.7:
        lines += ["---", "layout: archive", f"title: {rng.choice(['CV', 'Resume', '简历'])}"]
        lines += ["permalink: /cv/", "author_profile: true", "---", ""]
    for _ in range(rng.randint(1, 8)):
        lines.append(rng.choice(HEADINGS))
        for _ in range(rng.randint(0, 6)):
            kind = rng.random()
            if kind < 0.5:
                bullet = rng.choice(BULLETS)
                if rng.random() < 0.6:
                    bullet += f", {rng.choice(DATES)}"
                lines.append(bullet)
            elif kind < 0.65:
                lines.append(f"* {rng.choice(DATES)}: {rng.choice(BULLETS).lstrip('*-+ ')}")
            elif kind < 0.75:
                lines.append(rng.choice(LIQUID))
            elif kind < 0.85:
                lines.append(rng.choice(HTML) + rng.choice(BULLETS) + rng.choice(HTML))
            elif kind < 0.92:
                lines.append(rng.choice(TABLES))
            else:
                lines.append(rng.choice(MISC))
        lines.append("")
    return "\n".join(lines) + rng.choice(["\n", "", "\n\n", "\r\n"])


def _scalar(rng: random.Random) -> object:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(DATES + BULLETS + HEADINGS + HTML + ["", " ", "x", "https://x.org"])
    if roll < 0.55:
        return rng.choice([0, -1, 1.5, 10**20, True, False, None])
    if roll < 0.65:
        return rng.choice(MISC)
    return "".join(rng.choice("abcé中 -/:,.()*_<>&\n\t#") for _ in range(rng.randint(0, 30)))


def _value(rng: random.Random, depth: int) -> object:
    roll = rng.random()
    if depth > 5 or roll < 0.55:
        return _scalar(rng)
    if roll < 0.8:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(_FIELDS): _value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def _entry(rng: random.Random) -> object:
    if rng.random() < 0.05:
        return _scalar(rng)
    entry: dict[str, object] = {}
    for _ in range(rng.randint(0, 7)):
        key = rng.choice(_FIELDS)
        if key in ("highlights", "keywords", "courses", "roles", "x-highlights"):
            entry[key] = [_scalar(rng) for _ in range(rng.randint(0, 4))]
        elif key.endswith("Date") or key == "date":
            entry[key] = rng.choice([*DATES, "2020-01", "2020-01-02", "2020"])
        else:
            entry[key] = _value(rng, 3)
    return entry


def generate_document(rng: random.Random) -> dict[str, object]:
    """A JSON Resume-shaped object with wrong types, odd dates and extension layouts."""
    doc: dict[str, object] = {}
    if rng.random() < 0.8:
        basics = {k: _scalar(rng) for k in rng.sample(["name", "label", "email", "url"], 3)}
        if rng.random() < 0.5:
            basics["profiles"] = [_entry(rng) for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.3:
            basics["location"] = _value(rng, 2)
        doc["basics"] = basics if rng.random() < 0.95 else _scalar(rng)
    for name in rng.sample(_SECTIONS, rng.randint(0, len(_SECTIONS))):
        doc[name] = [_entry(rng) for _ in range(rng.randint(0, 4))]
        if rng.random() < 0.03:
            doc[name] = _value(rng, 4)
    if rng.random() < 0.6:
        sections = []
        for _ in range(rng.randint(0, 5)):
            section = rng.choice([*_SECTIONS, "custom", "basics.summary", "nope", None])
            layout: dict[str, object] = {"section": section, "title": _scalar(rng)}
            if section == "custom" or rng.random() < 0.2:
                layout["entries"] = [_entry(rng) for _ in range(rng.randint(0, 3))]
            else:
                layout["items"] = [
                    rng.choice([0, 1, 2, 7, -1, "0", None, 1.5, True])
                    for _ in range(rng.randint(0, 3))
                ]
            sections.append(layout)
        ext: object = {"version": rng.choice(["1", 1, None]), "sections": sections}
        if rng.random() < 0.05:
            ext = _value(rng, 3)
        doc["meta"] = {"x-resumeconv": ext}
    if rng.random() < 0.1:
        doc[rng.choice(["$schema", "x-unknown", "", "meta"])] = _value(rng, 2)
    return doc


_SCHEMA = ROOT / "schemas" / "jsonresume-1.2.1.schema.json"
# Text that has broken writers before: line separators, controls, RTL, astral, long words.
_ODD_TEXT = [
    "a\u2028b",
    "a\x85b",
    "x\r\ny",
    "\u202eevil",
    "😀",
    "é\u0301",
    "\t",
    "a" * 300,
    "::error::x\n",
]


def _from_schema(
    node: dict[str, Any], root: dict[str, Any], rng: random.Random, depth: int
) -> object:
    """A random value that ``node`` (a JSON Schema) accepts; ``$ref``s into ``definitions``."""
    if "$ref" in node:
        node = root["definitions"][node["$ref"].rsplit("/", 1)[1]]
    kind = node.get("type", "string")
    if isinstance(kind, list):
        kind = rng.choice(kind)
    if kind == "object" or "properties" in node:
        props = node.get("properties", {})
        keys = [k for k in props if rng.random() < 0.7]
        doc = {k: _from_schema(props[k], root, rng, depth + 1) for k in keys if depth < 6}
        if node.get("additionalProperties", True) is not False and rng.random() < 0.1:
            doc["x-" + rng.choice(_FIELDS)] = _scalar(rng)
        return doc
    if kind == "array":
        items = node.get("items", {"type": "string"})
        return [_from_schema(items, root, rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if kind in ("number", "integer"):
        return rng.choice([0, 1, 4, 2.5, 100]) if kind == "number" else rng.randint(0, 9)
    if kind == "boolean":
        return rng.random() < 0.5
    fmt, pattern = node.get("format"), node.get("pattern")
    if fmt == "email":
        return rng.choice(["jane@example.org", "a.b+c@x.co", "名@例え.jp"])
    if fmt == "uri":
        return rng.choice(["https://example.org", "https://x.org/p?q=1&r=2#f", "mailto:a@b.c"])
    if pattern or "iso8601" in str(node):
        return rng.choice(["2020", "2020-01", "2020-01-31", "1999-12"])
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(_ODD_TEXT)
    if roll < 0.3:
        return str(_scalar(rng))
    words = ["Research", "engineer", "ETH Zürich", "北京大学", "C++", "R&D", "*bold*", "<b>x</b>"]
    return " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))


@cache
def _schema() -> dict[str, Any]:
    return json.loads(_SCHEMA.read_text(encoding="utf-8"))


def schema_document(rng: random.Random) -> dict[str, object]:
    """A document generated from ``schemas/jsonresume-1.2.1.schema.json``: every known
    property possible, values of the schema's types and formats, some odd text."""
    root = _schema()
    doc = _from_schema(root, root, rng, 0)
    assert isinstance(doc, dict)
    return doc


def serialize(doc: object, fmt: str, rng: random.Random) -> str:
    """A generated document as JSON or YAML text (YAML through PyYAML's safe dumper)."""
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=rng.random() < 0.3, indent=rng.choice([None, 2]))
    import yaml

    return yaml.safe_dump(
        doc, allow_unicode=True, sort_keys=False, default_flow_style=rng.choice([False, None])
    )


# --------------------------------------------------------------------------- mutators


def _lines(text: str) -> list[str]:
    return text.split("\n")


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not buf:
            break
        pos = rng.randrange(len(buf))
        buf[pos] = buf[pos] ^ (1 << rng.randrange(8)) if rng.random() < 0.7 else rng.randrange(256)
    return bytes(buf)


def shuffle_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    if len(lines) < 2:
        return text
    start = rng.randrange(len(lines))
    end = min(len(lines), start + rng.randint(2, 12))
    window = lines[start:end]
    rng.shuffle(window)
    lines[start:end] = window
    return "\n".join(lines)


def truncate(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)]


def insert_fragment(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    fragment = rng.choice(rng.choice(ALL_FRAGMENTS))
    pos = rng.randrange(len(lines) + 1)
    if rng.random() < 0.6 or not lines or pos == len(lines):
        lines.insert(pos, fragment)
    else:  # inside a line
        line = lines[pos]
        cut = rng.randrange(len(line) + 1)
        lines[pos] = line[:cut] + fragment + line[cut:]
    return "\n".join(lines)


def delete_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    del lines[start : start + rng.randint(1, 5)]
    return "\n".join(lines)


def duplicate_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    block = lines[start : start + rng.randint(1, 6)]
    lines[start:start] = block * rng.randint(1, 20)
    return "\n".join(lines)


def reindent(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(lines))
        if rng.random() < 0.5:
            lines[i] = rng.choice([" ", "  ", "    ", "\t", "   "]) + lines[i]
        else:
            lines[i] = lines[i].lstrip()
    return "\n".join(lines)


def replace_chars(text: str, rng: random.Random) -> str:
    if not text:
        return text
    chars = list(text)
    for _ in range(rng.randint(1, 10)):
        chars[rng.randrange(len(chars))] = rng.choice("*_`[]|-:{}#>\t\\\"'&<%!@,\n0 –年")
    return "".join(chars)


def replace_date(text: str, rng: random.Random) -> str:
    import re

    matches = list(re.finditer(r"\b(19|20)\d\d\b", text))
    if not matches:
        return insert_fragment(text, rng)
    m = rng.choice(matches)
    return text[: m.start()] + rng.choice(DATES) + text[m.end() :]


def repeat_fragment(text: str, rng: random.Random) -> str:
    """One fragment many times on one line: finds regexes that backtrack (ReDoS)."""
    lines = _lines(text)
    fragment = rng.choice(rng.choice([LIQUID, HTML, DATES, MISC, BULLETS]))
    sep = rng.choice(["", " ", ", ", " - "])
    run = sep.join([fragment.replace("\n", " ")] * rng.randint(5, 40)) + rng.choice(["", " x"])
    lines.insert(rng.randrange(len(lines) + 1), run)
    return "\n".join(lines)


TEXT_MUTATORS = [
    shuffle_lines,
    truncate,
    insert_fragment,
    insert_fragment,
    insert_fragment,
    delete_lines,
    duplicate_lines,
    reindent,
    replace_chars,
    replace_date,
    repeat_fragment,
]


def splice(text: str, other: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)] + other[rng.randrange(len(other) + 1) :]


# --------------------------------------------------------------------------- one input


def make_input(seeds: list[Seed], seed: int, index: int) -> FuzzInput:
    """The input number ``index`` of a run with ``seed``: mutated seed or generated text."""
    rng = random.Random(f"{seed}:{index}")
    roll = rng.random()
    steps: list[str] = []
    if roll < 0.55 and seeds:
        base = rng.choice(seeds)
        fmt, text = base.format, base.text
        steps.append(f"seed {base.name}")
    elif roll < 0.8:
        fmt, text = "markdown", generate_page(rng)
        steps.append("generated page")
    elif roll < 0.9:
        fmt = rng.choice(["json", "yaml"])
        text = serialize(generate_document(rng), fmt, rng)
        steps.append(f"generated {fmt} document")
    else:
        fmt = rng.choice(["json", "yaml"])
        text = serialize(schema_document(rng), fmt, rng)
        steps.append(f"schema-generated {fmt} document")
    for _ in range(rng.choice([0, 1, 1, 2, 3, 4, 6])):
        if seeds and rng.random() < 0.05:
            other = rng.choice(seeds)
            text = splice(text, other.text, rng)
            steps.append(f"splice {other.name}")
        else:
            mutate = rng.choice(TEXT_MUTATORS)
            text = mutate(text, rng)
            steps.append(mutate.__name__)
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.08:
        data = flip_bytes(data, rng)
        steps.append("flip_bytes")
    return FuzzInput(index, fmt, data, " → ".join(steps))
