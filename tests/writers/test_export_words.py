"""Every word a resume holds reaches each export a person reads (HTML, DOCX, PDF).

For the seed and every corpus page of ../shared: the words of the JSON the page imports to
(its content: meta but the section titles and custom entries, URLs and dates aside; a
Markdown link counts by its text; a section title with nothing under it is not shown, so
not counted) are looked
for in the text each export shows — an HTML parser's, python-docx's, pdftotext's — word by
word, each occurrence once. ``pytest -s`` prints the table; every share must be ≥ 0.98.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import resumeconv
from resumeconv.importers.cvpage.wordcheck import words

from conftest import EXAMPLE, SHARED, corpus_pages

FLOOR = 0.98
PAGES = [EXAMPLE, *corpus_pages()]
#: Keys whose values are dates or link targets: not words a reader reads.
DATE_KEYS = {"startDate", "endDate", "date", "releaseDate", "x-endDate", "lastModified"}
URL_KEYS = {"url", "image", "x-url", "x-slides", "x-bibtex", "x-links", "canonical"}
#: Keys of the extension that are machinery, not content.
LAYOUT_KEYS = {"section", "items", "version", "collection", "reversed", "lang"}
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")
_BARE_URL = re.compile(r"<?\b(?:https?://|mailto:|www\.)\S+", re.IGNORECASE)


def content_strings(value: Any, key: str | None = None) -> Iterator[str]:
    """The strings of a JSON Resume document a reader should see."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("$schema", *DATE_KEYS, *URL_KEYS):
                continue
            if k == "meta":
                ext = v.get("x-resumeconv") if isinstance(v, dict) else None
                if isinstance(ext, dict):
                    for section in ext.get("sections") or []:
                        # a heading with nothing under it (a Liquid loop read without its
                        # site, an empty "Download CV" heading) is not shown
                        if isinstance(section, dict) and (
                            section.get("items") or section.get("entries")
                        ):
                            yield from content_strings(
                                {s: x for s, x in section.items() if s not in LAYOUT_KEYS}
                            )
                continue
            yield from content_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from content_strings(v, key)
    elif isinstance(value, str):
        yield _BARE_URL.sub(" ", _LINK_TARGET.sub("] ", value))


def json_words(data: dict[str, Any]) -> list[str]:
    return [w for s in content_strings(data) for w in words(s)]


def share(wanted: list[str], shown_text: str) -> tuple[float, Counter[str]]:
    """Share of ``wanted`` words found in ``shown_text`` (each occurrence used once)."""
    pool = Counter(words(shown_text))
    missing: Counter[str] = Counter()
    for w in wanted:
        if pool[w] > 0:
            pool[w] -= 1
        else:
            missing[w] += 1
    found = len(wanted) - sum(missing.values())
    return (found / len(wanted) if wanted else 1.0), missing


def html_text(data: bytes) -> str:
    from html.parser import HTMLParser

    class Body(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            self.skip += tag in ("style", "script", "title")
            self.parts.append(" ")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("style", "script", "title") and self.skip > 0
            self.parts.append(" ")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Body()
    parser.feed(data.decode("utf-8"))
    return "".join(parser.parts)


def docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def _name(page: Path) -> str:
    return "seed" if page == EXAMPLE else str(page.relative_to(SHARED))


def test_every_word_of_the_resume_is_in_every_export() -> None:
    formats = {"html": html_text, "docx": docx_text}
    if shutil.which("pdftotext"):
        formats["pdf"] = pdf_text
    rows = []
    failures = []
    for page in PAGES:
        resume = resumeconv.load(page)
        wanted = json_words(resume.to_dict())
        row = [_name(page), str(len(wanted))]
        for fmt, extract in formats.items():
            value, missing = share(wanted, extract(resumeconv.render(resume, fmt)))
            row.append(f"{value:.3f}")
            if value < FLOOR:
                failures.append((_name(page), fmt, round(value, 3), missing.most_common(8)))
        rows.append(row)
    header = ["page", "words", *formats]
    print()
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(row))
    lowest = {f: min(float(r[2 + i]) for r in rows) for i, f in enumerate(formats)}
    print("lowest:", ", ".join(f"{f} {v:.3f}" for f, v in lowest.items()))
    for failure in failures:
        print("below the floor:", failure)
    assert failures == []


def test_the_measure_can_fail() -> None:
    """A word left out of an export lowers the share; a link target does not count."""
    wanted = json_words({"work": [{"name": "Acme [Labs](https://labs.example)"}]})
    assert wanted == ["acme", "labs"]
    assert share(wanted, "Acme Labs")[0] == 1.0
    assert share(wanted, "Acme")[0] == 0.5
