"""Skill and language levels drawn as glyphs: ``Julia••• Haskell••``, ``German ●●○○○``.

Pages draw levels with dots or stars right after each name, often with a legend line
(``•••Expert ••Good •Basic``). The glyphs are no part of the name: each name keeps its
level as a word, from the legend when the page has one ("Expert"), else as a count
("3/5" when empty glyphs show the scale, "3" otherwise). The legend itself is no skill.
"""

from __future__ import annotations

import re

FILLED = "•●★⭐■◆▪"
EMPTY = "○◦☆□◇▫"
_GLYPHS = FILLED + EMPTY
_RUN = re.compile(rf"([^{_GLYPHS}]+?)\s*([{_GLYPHS}]+)\s*")
_LEGEND_PAIR = re.compile(
    rf"\s*([{_GLYPHS}]+)\s*([^\s{_GLYPHS}][^{_GLYPHS}]*?)\s*(?=[{_GLYPHS}]|$)"
)

_LEGEND_LABEL = re.compile(r"^(?:key|legend|levels?|scale)\s*[:：]\s*", re.I)

Legend = dict[str, str]


def has_glyphs(text: str) -> bool:
    return any(ch in _GLYPHS for ch in text)


def legend(text: str) -> Legend | None:
    """``•••Expert ••Good •Basic`` → {"•••": "Expert", "••": "Good", "•": "Basic"}; None
    for any other line (a legend is glyph runs each followed by one short word or two)."""
    text = _LEGEND_LABEL.sub("", text.strip())
    if not text or text[0] not in _GLYPHS:
        return None
    pairs = _LEGEND_PAIR.findall(text)
    if len(pairs) < 2 or "".join(g + w for g, w in pairs).replace(" ", "") != text.replace(" ", ""):
        return None
    if any(len(word.split()) > 2 for _, word in pairs):
        return None
    return {glyphs: word for glyphs, word in pairs}


def split_levels(text: str, known: Legend | None = None) -> list[tuple[str, str]] | None:
    """``Julia••• Haskell••`` → [("Julia", "Expert"), ("Haskell", "Good")] with the legend,
    [("Julia", "3"), ("Haskell", "2")] without; None when the text draws no levels."""
    if not has_glyphs(text) or text.strip()[:1] in _GLYPHS:
        return None
    runs = list(_RUN.finditer(text))
    if not runs or "".join(m.group(0) for m in runs).strip() != text.strip():
        return None
    out = []
    for m in runs:
        name = m.group(1).strip(" ,;:|")
        glyphs = m.group(2)
        if not name:
            return None
        out.append((name, level_word(glyphs, known)))
    return out


def level_word(glyphs: str, known: Legend | None = None) -> str:
    """The level a glyph run stands for: the legend's word, else "n/total" or "n"."""
    if known and glyphs in known:
        return known[glyphs]
    filled = sum(ch in FILLED for ch in glyphs)
    return f"{filled}/{len(glyphs)}" if filled < len(glyphs) else str(filled)
