"""Author lists of BibTeX entries: split, LaTeX-decoded, joined, with the owner in bold.

BibTeX names come as ``Doe, Jane and J{\\"u}rgen M{\\"u}ller and {Barnes and Noble}``.
bibtexparser splits them (braces protect an ``and`` inside a corporate name) and pylatexenc
decodes each part, so that ``{\\"u}`` becomes ``ü`` without a table of our own.

A CV lists the owner's papers with the owner emphasised; ``--author "Jane Doe"`` names the
owner, and :func:`same_person` matches the variants a bibliography holds for one person
(``Doe, Jane``, ``J. Doe``, ``Jane Doe``, ``Doe, J.``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

#: Characters that inline Markdown would read as markup inside a name.
_MARKUP = re.compile(r"([\\`*_\[\]<>])")


@dataclass(frozen=True, slots=True)
class Name:
    """One person: given names and surname (with its ``von`` part and ``Jr.``), decoded."""

    first: tuple[str, ...]
    last: tuple[str, ...]
    jr: tuple[str, ...] = ()

    def display(self) -> str:
        """``Jane Doe``, ``Ludwig van Beethoven``, ``Martin Luther King, Jr.``."""
        text = " ".join(self.first + self.last)
        return f"{text}, {' '.join(self.jr)}" if self.jr else text


#: What pylatexenc would change in a text; plain words skip the (slow) LaTeX walker.
_LATEX = re.compile(r"[\\{}~$%&]|--|``|''|!`|\?`")


#: ``and others`` at the end of an author list.
ETAL = Name((), ("et al.",))


@cache
def _decoder() -> tuple[Any, Any, Any]:
    """pylatexenc's LaTeX → text converter (as bibtexparser's LatexDecodingMiddleware sets
    it up: ``\\url{x}`` is ``x``; math as text, ``$\\alpha$`` → α, for a CV to show), its
    walker and the walker's macro table (built once: the table costs more than a title)."""
    from pylatexenc import latex2text
    from pylatexenc.latexwalker import LatexWalker, get_default_latex_context_db

    text_db = latex2text.get_default_latex_context_db()
    text_db.add_context_category(
        "resumeconv-bibtex",
        prepend=True,
        macros=[latex2text.MacroTextSpec("url", simplify_repl="%s")],
    )
    to_text = latex2text.LatexNodes2Text(latex_context=text_db, math_mode="text")
    return to_text, LatexWalker, get_default_latex_context_db()


def decode_latex(text: str) -> str:
    """LaTeX markup (accents, braces, ``--``, ``~``) as plain Unicode, spaces collapsed."""
    if _LATEX.search(text) is None:
        return " ".join(text.split())
    to_text, walker, context = _decoder()
    try:
        nodes = walker(text, latex_context=context, tolerant_parsing=True).get_latex_nodes()[0]
        decoded = to_text.nodelist_to_text(nodes)
    except Exception:  # pylatexenc is tolerant; whatever it refuses stays as written
        decoded = text
    return " ".join(decoded.split())


def split_names(value: str) -> list[Name]:
    """An ``author``/``editor`` field as people, in order (``and`` separates them)."""
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    people = []
    for raw in split_multiple_persons_names(value):
        try:
            parts = parse_single_name_into_parts(raw, strict=False)
        except Exception:  # a name bibtexparser cannot split is kept whole, as a surname
            people.append(Name((), (decode_latex(raw),)))
            continue
        if raw.strip().casefold() == "others":  # "A and others": BibTeX prints "et al."
            people.append(ETAL)
            continue
        people.append(
            Name(
                tuple(decode_latex(p) for p in parts.first if p.strip()),
                tuple(decode_latex(p) for p in [*parts.von, *parts.last] if p.strip()),
                tuple(decode_latex(p) for p in parts.jr if p.strip()),
            )
        )
    return [p for p in people if p.first or p.last]


def parse_owner(text: str) -> Name | None:
    """The ``--author`` value as a name (``Jane Doe`` or ``Doe, Jane``), None when empty."""
    people = split_names(text)
    return people[0] if people else None


def join_names(people: Sequence[Name], owners: Sequence[Name] = ()) -> str:
    """``A. Smith, **J. Doe** and B. Lee``: commas, ``and`` before the last, owners bold;
    ``… and others`` ends in ``et al.``."""
    etal = bool(people) and people[-1] == ETAL
    shown = []
    for person in people[:-1] if etal else people:
        text = _MARKUP.sub(r"\\\1", person.display())
        if any(same_person(person, owner) for owner in owners):
            text = f"**{text}**"
        shown.append(text)
    if etal:
        return ", ".join(shown) + " et al." if shown else "et al."
    if len(shown) <= 2:
        return " and ".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def same_person(a: Name, b: Name) -> bool:
    """Whether two names may be one person: same surname (case and accents ignored) and
    given names that agree, an initial matching a whole name (``J.`` ~ ``Jane``)."""
    if _fold(" ".join(a.last)) != _fold(" ".join(b.last)) or not a.last:
        return False
    firsts_a, firsts_b = _given(a), _given(b)
    if not firsts_a or not firsts_b:
        return True
    return all(_given_match(x, y) for x, y in zip(firsts_a, firsts_b, strict=False))


def _given(name: Name) -> list[str]:
    """Given names as words, ``J.-P.`` → ``J``, ``P`` (hyphenated names split)."""
    words = re.split(r"[\s.\-]+", " ".join(name.first))
    return [_fold(w) for w in words if w]


def _given_match(x: str, y: str) -> bool:
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y


def _fold(text: str) -> str:
    """Lower case without accents: ``Müller`` and ``Muller`` compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()
