"""How much of a resume a tool actually rendered: the share of its words in the output.

The words of a resume are those of every string value of the JSON Resume document that
every tool gets, except ``meta`` and ``$schema`` (tool metadata, not resume content: our
own section titles live in ``meta``, and counting them would favour us). Text is
NFKC-normalised and case-folded, then cut into words (runs of letters and digits, ``\\w+``).
Two kinds of value are written differently by every tool, so only their words that any
rendering keeps are counted: an ISO date (``2024-09``) counts as its year, and a link drops
its scheme (``https``, ``mailto``).

The share counts repeats: a word the resume has three times must be in the output three
times to count three times. Output text is taken from

* HTML: the text of the page outside ``<script>``/``<style>`` (no attributes, so a link
  target that is not also link text does not count);
* PDF: ``pdftotext`` (poppler), words broken by a hyphen at a line end joined again;
* DOCX and Word 2003 XML: the text runs of ``word/document.xml`` (or of the file);
* Markdown, Typst source and anything else: the file as text.

usage: python content.py RESUME.json OUTPUT [OUTPUT ...]   (prints one share per output)
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+")
_ISO_DATE = re.compile(r"^(\d{4})(-\d{2}(-\d{2})?)?$")
_SCHEME = re.compile(r"^(https?://|mailto:|tel:)", re.IGNORECASE)
_SKIP = frozenset({"meta", "$schema"})


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _strings(value: Any, top: bool = True) -> list[str]:
    if isinstance(value, str):
        value = value.strip()
        date = _ISO_DATE.match(value)
        return [date.group(1)] if date else [_SCHEME.sub("", value)]
    if isinstance(value, dict):
        out: list[str] = []
        for key, item in value.items():
            if not (top and key in _SKIP):
                out += _strings(item, top=False)
        return out
    if isinstance(value, list):
        return [s for item in value for s in _strings(item, top=False)]
    return []


def resume_words(document: dict[str, Any]) -> Counter[str]:
    return Counter(w for s in _strings(document) for w in words(s))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _word_xml_text(xml: str) -> str:
    """Text of WordprocessingML: runs of a paragraph joined as they are, paragraphs apart."""
    xml = re.sub(r"</w:p>|<w:tab\s*/>|<w:br\s*/>|<w:cr\s*/>", " ", xml)
    xml = re.sub(r"<w:instrText[^>]*>.*?</w:instrText>", "", xml, flags=re.S)  # field codes
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def output_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        parser.close()
        return "".join(parser.parts)
    if suffix == ".pdf":
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8", "replace")
        return re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    if suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return _word_xml_text(z.read("word/document.xml").decode("utf-8", "replace"))
    text = path.read_text(encoding="utf-8", errors="replace")
    if suffix == ".doc" and "<w:" in text:  # HackMyResume's "DOC": Word 2003 XML
        return _word_xml_text(text)
    return text


def share(expected: Counter[str], path: Path) -> float:
    """Share of the resume's words (with repeats) found in the output at ``path``."""
    found = Counter(words(output_text(path)))
    total = sum(expected.values())
    if not total:
        return 1.0
    return sum(min(n, found[w]) for w, n in expected.items()) / total


def missing(expected: Counter[str], path: Path) -> Counter[str]:
    """The resume's words the output lacks, with how many times (for looking into a row)."""
    found = Counter(words(output_text(path)))
    return Counter({w: n - found[w] for w, n in expected.items() if n > found[w]})


def load(path: Path) -> Counter[str]:
    return resume_words(json.loads(Path(path).read_text(encoding="utf-8")))


def main() -> None:
    expected = load(Path(sys.argv[1]))
    for out in sys.argv[2:]:
        path = Path(out)
        lost = missing(expected, path).most_common(12)
        print(f"{share(expected, path):6.1%}  {out}  missing: {lost}")


if __name__ == "__main__":
    main()
