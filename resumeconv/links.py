"""Which URLs may become links: one policy for every exporter (HTML, PDF, DOCX, outline).

A resume is untrusted input, and a link is where its text turns into something the
reader's program acts on when clicked: a browser, a PDF viewer, Word. ``javascript:``,
``vbscript:`` and ``data:`` targets run code, ``file:`` reads the reader's disk, and a
relative link in a standalone file points nowhere useful. So only web pages and mail
addresses are linked (``http://``, ``https://``, ``mailto:``); every other URL stays
plain text (or is left out where it would only be a link).

The exporters used to have one rule each (the outline and the HTML page: http, https or
mailto with any spelling after the colon; PDF and DOCX: ``http://``, ``https://``,
``mailto:`` or ``tel:``, without the control-character check). They all ask
:func:`safe_url` now, so a link refused in one format is refused in every format. It is
the intersection of the old rules, the safest of them. This module imports nothing of
ours, so any layer may use it.
"""

from __future__ import annotations

import re
from typing import Any

#: How a URL we link must begin (compared case-insensitively).
SAFE_PREFIXES = ("http://", "https://", "mailto:")

_CONTROL_CHAR = re.compile(r"[\x00-\x1f\x7f]")


def safe_url(value: Any) -> str | None:
    """The URL (stripped) if it may be a link target, else None.

    Browsers drop tabs and newlines inside a scheme (``java\\tscript:``), so a URL with any
    control character is refused outright, not cleaned; so is anything but a string.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or _CONTROL_CHAR.search(url) or not url.lower().startswith(SAFE_PREFIXES):
        return None
    return url
