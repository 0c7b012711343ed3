"""Which writing systems a text uses (CJK, kana, hangul), without start-up cost.

Compiling a character class over these Unicode ranges takes ``re`` about 2 ms each (its
charset optimiser builds bitmaps), which was most of the exporters' import time. Nearly
all resumes have no character at or above U+1100, and ``max(text)`` tells that at C speed,
so a pattern is compiled only for a text that might match.
"""

from __future__ import annotations

import functools
import re

#: Han, kana and hangul syllables: the letters of a Chinese, Japanese or Korean text.
CJK = "cjk"
#: Everything that needs a CJK font to be drawn (adds jamo, radicals, CJK punctuation,
#: fullwidth forms and the supplementary ideograph planes).
CJK_GLYPHS = "cjk-glyphs"
KANA = "kana"
HANGUL = "hangul"
#: Letters and pictographs neither the Latin nor the CJK font draws: Armenian to Arabic,
#: the Indic scripts, Thai, Lao, Myanmar, Georgian, Ethiopic, Khmer, and emoji and symbols
#: (technical, miscellaneous, dingbats, pictographs).
OTHER_GLYPHS = "other-glyphs"

_CLASSES = {
    CJK: "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]",
    CJK_GLYPHS: (
        "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
        "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
    ),
    KANA: "[\u3040-\u30ff]",
    HANGUL: "[\uac00-\ud7af\u1100-\u11ff]",
    OTHER_GLYPHS: (
        "[\u0530-\u0eff\u1000-\u10ff\u1200-\u139f\u1780-\u17ff\u2300-\u23ff\u2600-\u27bf"
        "\u2b00-\u2bff\U0001f000-\U0001faff]"
    ),
}
#: For each class, no character below this one belongs to it.
_LOWEST = {CJK: "\u1100", CJK_GLYPHS: "\u1100", KANA: "\u1100", HANGUL: "\u1100",
           OTHER_GLYPHS: "\u0530"}  # fmt: skip


@functools.cache
def _pattern(script: str) -> re.Pattern[str]:
    return re.compile(_CLASSES[script])


def uses(script: str, text: str) -> bool:
    """Whether ``text`` has at least one character of ``script`` (CJK, KANA, …)."""
    if not text or max(text) < _LOWEST[script]:
        return False
    return _pattern(script).search(text) is not None


def count(script: str, text: str) -> int:
    """How many characters of ``text`` belong to ``script``."""
    if not text or max(text) < _LOWEST[script]:
        return 0
    return len(_pattern(script).findall(text))
