"""Reading the page header: the lines above the first section (issue 12, rule 4).

A careful reader sees a name ("**Jane Q. Example**", "# Jane Roe"), a tagline or title
line ("Assistant Professor of Geography, Example University"), an address, contact lines
("Phone: +1 (555) 010-0199 · jane@example.edu", "* Email: jane@example.org") and a row of
profile links ("[Google Scholar](…) | [GitHub](…)"). These small rules say which is which;
``assemble.Assembler`` puts the answers into ``basics``.
"""

from __future__ import annotations

import re

from resumeconv.dialect import is_known_title, is_page_title
from resumeconv.importers.cvpage import fields as F
from resumeconv.importers.cvpage.contact import contact_label
from resumeconv.importers.cvpage.inline import Line
from resumeconv.places import is_place

#: The part of a header line that says where one contact ends and the next begins.
SEPARATORS = re.compile(r"\s+[|·•]\s+|\s{2,}[|·•]?\s*")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"^\+?[\d\s()./-]{7,}$")
#: "Current position · PhD Fellow": the first part of a tagline only announces it.
_CJK_NAME = re.compile(r"[\u4e00-\u9fff\uac00-\ud7af]{2,4}")
_TAGLINE_LEAD = re.compile(r"^(?:current(?:ly)?(?: position)?|position today|now)$", re.I)
_ADDRESS_HINT = re.compile(
    r"\d|\b(?:street|st\.|road|rd\.|avenue|ave\.|hall|building|room)\b", re.I
)


def looks_like_name(text: str) -> bool:
    """A person's name: one to six words, capitalised or CJK, no digits or contact marks,
    not a section or page title, no role or organisation word ("Jane Q. Example",
    "Xule Lin 林徐乐", "Shi Jiarui(史佳睿)")."""
    text = text.strip()
    words = text.split()
    if not words or len(words) > 6 or len(text) > 60:
        return False
    if len(words) == 1 and not _CJK_NAME.fullmatch(text):
        return False  # "Contact", "Publications": one word is a title more often than a name
    if any(ch.isdigit() for ch in text) or "@" in text or ":" in text or "|" in text:
        return False
    if is_page_title(text) or is_known_title(text):
        return False
    if F.looks_like_role(text) or F.looks_like_org(text):
        return False
    if text.endswith((".", "!", "?")) and not re.search(r"\b\w\.$", text):
        return False  # a sentence, but "Jane Q." may end with an initial
    particles = {"de", "da", "van", "von", "der", "den", "del", "la", "le", "bin", "al", "y"}
    for word in words:
        first = word.lstrip("(（")[:1]
        if not first or word.lower() in particles:
            continue
        if first.isalpha() and first.isascii() and not first.isupper():
            return False
    return True


def contact_lines_only(blocks: list[object]) -> bool:
    """Paragraphs only, one of whose lines at least is a contact (an e-mail, a link, a
    phone number, ``Email: …``): what sits under a name, not a section's entries."""
    from resumeconv.importers.cvpage.blocks import Paragraph

    if not blocks or not all(isinstance(b, Paragraph) for b in blocks):
        return False
    lines = [line for b in blocks for line in b.lines]  # type: ignore[attr-defined]
    return any(line.links() or find_email(line.plain) or contact_label(line) for line in lines)


def is_tagline_lead(part: str) -> bool:
    """ "Current position" / "Position today": the lead of "Current position · PhD Fellow"."""
    return bool(_TAGLINE_LEAD.match(part.strip()))


def looks_like_address(text: str) -> bool:
    """A postal address or a place: a number or street word among comma parts, or a known
    place at its end ("Department of Geography, 100 Example Hall, Springfield, IL")."""
    parts = F.split_parts(text, ",，")
    if not parts:
        return False
    if len(parts) == 1:
        return is_place(parts[0])
    return bool(_ADDRESS_HINT.search(text)) or F.split_location(parts)[1] != ""


def is_email(text: str) -> bool:
    return _EMAIL.fullmatch(text.strip()) is not None


def find_email(text: str) -> bool:
    return _EMAIL.search(text) is not None


def is_phone(text: str) -> bool:
    """Seven digits or more with phone punctuation, and not a date range ("2019- 2021")."""
    from resumeconv.dates import parse_range

    text = text.strip()
    return _PHONE.match(text) is not None and parse_range(text) is None


def is_sentence(text: str) -> bool:
    """Prose rather than a header field: a full stop after five words or more, or fifteen
    words ("Below are a selected list of things I am doing.")."""
    words = text.split()
    return len(words) >= 15 or (len(words) >= 4 and text.rstrip().endswith((".", "!", "。")))


_LEGEND = re.compile(r"^\s*(?:\*{1,3}|[†‡§¶#^]{1,3}|\(\*\))\s*(?P<sep>[:=：])?\s*\S")
_LEGEND_WORDS = re.compile(
    r"equal(?:ly)? contribut|corresponding|co-?first|joint first|presenting|student|mentee"
    r"|supervised|advisee|共同|通讯",
    re.I,
)
_INTRO_WORDS = re.compile(
    r"\b(?:my|our|all|below|following|listed|list|see|here|selected|full)\b", re.I
)


def is_legend(lines: list[Line]) -> bool:
    """A legend ("*: equal contribution", "† corresponding author"): each line a mark
    and a few words explaining it, under a list of entries that use the marks."""
    shown = [line.plain for line in lines if line]
    return bool(shown) and all(_legend_line(text) for text in shown)


def _legend_line(text: str) -> bool:
    """A mark, then ":" or a word that marks authors ("* equal contribution")."""
    found = _LEGEND.match(text)
    if found is None or len(text.split()) > 8 or _EMAIL.search(text):
        return False
    return bool(found.group("sep")) or bool(_LEGEND_WORDS.search(text))


def is_intro(lines: list[Line], following: object) -> bool:
    """One sentence that introduces the entries after it ("All my papers are listed on
    my [Scholar page](…)."): first person or about the list, ending in "." or ":", and a
    list, table or loop comes next."""
    from resumeconv.importers.cvpage.blocks import ListBlock, Loop, Table

    shown = [line for line in lines if line]
    if len(shown) != 1 or not isinstance(following, ListBlock | Table | Loop):
        return False
    line = shown[0]
    text = line.plain.strip()
    if line.bold_prefix() or not text.endswith((".", ":", "：")) or len(text.split()) > 30:
        return False
    return len(text.split()) >= 4 and bool(_INTRO_WORDS.search(text))


def network_from_text(text: str) -> str:
    """The network a link's text names ("my Scholar page" → "Scholar")."""
    words = [w for w in text.split() if w.lower() not in ("my", "our", "the", "page", "profile")]
    return " ".join(words)
