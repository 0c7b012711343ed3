"""Every reader and writer is near-linear in its input (docs/hardening.md, "Never hang").

Each case is a generated input at 1×, 4× and 16× its base size, timed (best of a few runs)
in this process. Time that grows like the size gives a 16×/1× ratio near 16; quadratic
work gives 256 (a 150 KB header line took over a minute that way). The test compares the
ratio, never a time, against ``MAX_RATIO`` (n log n and the noise of a busy machine stay
well under it), so it holds on slow and fast machines alike. The shapes are the ones that
were quadratic (brackets, ``[a](`` runs, HTML tags, a 20,000-column table) and the usual
bulk of a CV (entries, bullets, long fields); the sizes keep the whole test to seconds.
"""

from __future__ import annotations

import gc
import itertools
import json
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
import yaml

import resumeconv

#: Linear is 16, n log n about 20; quadratic 256. Above this, something scans the rest of
#: the input once per piece of it.
MAX_RATIO = 64


def _best(make: Callable[[], Any], run: Callable[[Any], Any], repeat: int) -> float:
    """The shortest of ``repeat`` runs, each on a freshly made input (Typst memoizes what
    it has laid out before: a repeat of the same document would be measured cached), with
    the garbage collector paused."""
    best = float("inf")
    for _ in range(repeat):
        data = make()
        gc.collect()
        gc.disable()  # a collection walks the whole suite's heap: noise, not the reader
        try:
            start = time.perf_counter()
            run(data)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _ratio(make: Callable[[int], Any], run: Callable[[Any], Any], base: int) -> tuple[float, str]:
    """16× time over 1× time (the 1× one the best of three, the rest of one run each)."""
    run(make(base))  # warm up: imports, compiled patterns, the parser
    times = [_best(lambda k=k: make(base * k), run, 3 if k == 1 else 1) for k in (1, 4, 16)]
    shown = ", ".join(f"{k}×: {t * 1000:.1f} ms" for k, t in zip((1, 4, 16), times, strict=True))
    return times[2] / max(times[0], 1e-3), shown  # under a millisecond is noise


_TAIL = "\n\n## Education\n\n* PhD, MIT, 2020\n"

#: Pages: (name, text of about n characters).
PAGES: dict[str, Callable[[int], str]] = {
    "brackets in a header line": lambda n: "Jane Doe\n\n" + "x [y" * (n // 4) + _TAIL,
    "unclosed links [a](": lambda n: "Jane Doe\n\n" + "[a](" * (n // 4) + _TAIL,
    "only [": lambda n: "[" * n,
    "HTML tags": lambda n: "# J\n\n" + "<div>\n" * (n // 6),
    "HTML titles": lambda n: "# J\n\n<div>\n" + '<p class="title">T</p>\n' * (n // 24) + "</div>\n",
    "wide table": lambda n: (
        "# J\n\n## Skills\n\n" + "".join(row * (n // 6) + "|\n" for row in ("|a", "|-", "|x"))
    ),
    "long table": lambda n: "# J\n\n## Skills\n\n|a|b|\n|-|-|\n" + "|x|y|\n" * (n // 6),
    "entries": lambda n: "# J\n\n## Work\n\n" + "* Engineer, Acme, 2020-2021\n" * (n // 28),
    "emphasis": lambda n: "# J\n\n## Work\n\n* " + "**a** " * (n // 6) + "\n",
    "header e-mail": lambda n: "a." * (n // 2) + "@" + _TAIL,
    "header e-mail, dashes": lambda n: "a-" * (n // 2) + "@b" + _TAIL,
    "field lines": lambda n: "# J\n\n" + "*Email:* a@b.co\n" * (n // 16),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_reader_is_near_linear(name: str) -> None:
    ratio, shown = _ratio(
        lambda n: PAGES[name](n).encode(),
        lambda data: resumeconv.load(data, format="markdown"),
        2000,
    )
    assert ratio < MAX_RATIO, f"{name}: {shown} (ratio {ratio:.0f})"


_SALT = itertools.count()


def _entries(n: int) -> dict[str, Any]:
    salt = next(_SALT)  # every document different, so nothing is a cached layout
    work = [
        {"name": f"Acme {salt}-{i}", "position": "Engineer", "startDate": "2020-01",
         "highlights": ["Did a thing"]}
        for i in range(n // 100)
    ]  # fmt: skip
    return {"basics": {"name": "J"}, "work": work}


def _long_field(n: int) -> dict[str, Any]:
    return {"basics": {"name": f"J {next(_SALT)}", "summary": "word " * (n // 5)}}


DOCUMENTS: dict[str, Callable[[int], dict[str, Any]]] = {
    "entries": _entries,
    "one long field": _long_field,
}


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("shape", DOCUMENTS)
def test_document_reader_is_near_linear(fmt: str, shape: str) -> None:
    def make(n: int) -> bytes:
        text = resumeconv.render(resumeconv.load(DOCUMENTS[shape](n)), fmt)
        return text

    ratio, shown = _ratio(make, lambda data: resumeconv.load(data, format=fmt), 4000)
    assert ratio < MAX_RATIO, f"{fmt} {shape}: {shown} (ratio {ratio:.0f})"


#: BibTeX files (the reader of issue 15): many entries, one long author list (names are
#: split and matched against the owner), a long LaTeX title, broken blocks, macros.
BIBS: dict[str, Callable[[int], str]] = {
    "entries": lambda n: "".join(
        f"@article{{k{i}, author={{Doe, Jane and Lee, B}}, title={{T {{X}} {i}}}, journal={{J}},"
        " year=2020, month=mar}\n"
        for i in range(n // 90)
    ),
    "authors": lambda n: (
        "@article{k, title={T}, author={"
        + " and ".join(f"Doe{i}, J." for i in range(n // 14))
        + "}}\n"
    ),
    "long LaTeX title": lambda n: "@article{k, title={" + '{\\"u}b ' * (n // 7) + "}}\n",
    "unclosed then entries": lambda n: (
        "@article{bad, title={x,\n"
        + "".join(f"@misc{{k{i}, title={{T{i}}}}}\n" for i in range(n // 25))
    ),
    "many broken": lambda n: (
        "".join(f"@misc{{k{i}, title={{T{i}" + "}\n" for i in range(n // 25))
        + "@misc{o, title={o}}\n"
    ),
    "string macros": lambda n: (
        "".join(f"@string{{s{i} = {{v{i}}}}}\n" for i in range(n // 25)) + "@misc{o, title=s1}\n"
    ),
}


@pytest.mark.parametrize("name", BIBS)
def test_bibtex_reader_is_near_linear(name: str) -> None:
    ratio, shown = _ratio(
        lambda n: (BIBS[name](n) + f"% {next(_SALT)}\n").encode(),
        lambda data: resumeconv.load(data, format="bibtex", author="Jane Doe"),
        2000,
    )
    assert ratio < MAX_RATIO, f"bibtex {name}: {shown} (ratio {ratio:.0f})"


# The writers' base sizes: pandoc and Typst start a process (a constant that hides growth),
# so their inputs are larger.
WRITERS = {"json": 20000, "yaml": 4000, "markdown": 4000, "html": 8000, "docx": 4000, "pdf": 4000}


#: pandoc's and Typst's own layout of many entries is linear but seconds long at 16× (a
#: process start hides growth at 1×): their long-field case stays, entries are skipped.
WRITER_CASES = [(f, s) for f in WRITERS for s in DOCUMENTS if (f, s) != ("docx", "entries")]
WRITER_CASES.remove(("pdf", "entries"))


@pytest.mark.parametrize(("fmt", "shape"), WRITER_CASES)
def test_writer_is_near_linear(fmt: str, shape: str) -> None:
    ratio, shown = _ratio(
        lambda n: resumeconv.load(DOCUMENTS[shape](n)),
        lambda resume: resumeconv.render(resume, fmt),
        WRITERS[fmt],
    )
    assert ratio < MAX_RATIO, f"{fmt} {shape}: {shown} (ratio {ratio:.0f})"


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_reading_old_field_names_is_near_linear(fmt: str) -> None:
    """Every 0.x name renamed (``company``, ``website``): the source map's pointers are
    moved per pointer, not once per rename (320 KB took 16 s that way)."""

    def make(n: int) -> bytes:
        work = [
            {"company": f"Acme {next(_SALT)}-{i}", "website": "https://a.example"}
            for i in range(n // 60)
        ]
        document = {"basics": {"name": "J"}, "work": work}
        return resumeconv.render(resumeconv.load(document), fmt)

    ratio, shown = _ratio(make, lambda data: resumeconv.load(data, format=fmt), 4000)
    assert ratio < MAX_RATIO, f"{fmt} old names: {shown} (ratio {ratio:.0f})"


def _broken(n: int) -> str:
    """A JSON Resume with every fault ``fix`` repairs, many times (``n`` characters or so)."""
    work = [
        {"company": f"Acme {next(_SALT)}-{i}", "url": "acme.example.com", "startDate":
         "Mar-2022", "endDate": "Present", "summary": "", "highlights": [{"text": "x"}, ""]}
        for i in range(n // 200)
    ]  # fmt: skip
    return json.dumps({"basics": {"name": "J", "url": ""}, "work": work}, indent=2)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_fix_is_near_linear(fmt: str) -> None:
    from resumeconv import api
    from resumeconv.sources import Source

    def make(n: int) -> str:
        text = _broken(n)
        return text if fmt == "json" else yaml.safe_dump(json.loads(text), sort_keys=False)

    ratio, shown = _ratio(
        make, lambda text: api.fix(Source(text, name=f"r.{fmt}"), format=fmt), 8000
    )
    assert ratio < MAX_RATIO, f"fix {fmt}: {shown} (ratio {ratio:.0f})"


def test_a_quadratic_reader_is_caught() -> None:
    """The measure itself: work that rescans the input per character fails it."""

    def quadratic(data: str) -> None:
        # the e-mail pattern that made a 150 KB header line take a minute
        re.search(r"[\w.+-]+@[\w-]+", data)

    # 1× must take over the millisecond _ratio counts as noise, or the ratio is understated
    ratio, shown = _ratio(lambda n: "a" * n, quadratic, 800)
    assert ratio > MAX_RATIO, shown


def test_a_megabyte_field_is_one_node_in_the_docx_tree() -> None:
    """A 1 MB field to DOCX took 13 s and 550 MiB in pandoc as one AST node per word and
    space; a line of text is one node now."""
    from resumeconv.exporters import docx

    words = docx._inlines("word " * 200_000)
    assert len(words) == 1 and len(words[0]["c"]) == len("word " * 200_000) - 1
    assert docx._inlines("a  b\n c") == [
        {"t": "Str", "c": "a b"},
        {"t": "LineBreak"},
        {"t": "Str", "c": "c"},
    ]
