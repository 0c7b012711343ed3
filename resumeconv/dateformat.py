"""Dates as people read them: ISO 8601 from the model → ``Sep 2023 – Present``.

The exporters' side of dates (reading them is :mod:`resumeconv.dates`). Every word comes
from :mod:`resumeconv.locales`; the CV-page reader reads every output back as the same
date (tests/readers/test_dates.py checks the round trip in each locale).
"""

from __future__ import annotations

import calendar
import re

from resumeconv import locales

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def format_date(iso: str, locale: str = "en") -> str:
    """``2023-09`` → ``Sep 2023`` (en), ``2023年9月`` (zh), ``09/2023`` (de),
    ``septembre 2023`` (fr), ``septiembre de 2023`` (es); a year stays ``2023``.

    Text that is not an ISO date is returned as written, so nothing is lost.
    """
    words = locales.get(locale)
    m = _ISO.fullmatch(iso.strip())
    if m is None:
        return iso
    year = int(m.group(1))
    if m.group(2) is None:
        return str(year)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return iso
    name = words.months[month - 1]
    if m.group(3) is None:
        return words.month_year.format(year=year, m=month, month=name)
    d = int(m.group(3))
    if not 1 <= d <= calendar.monthrange(year, month)[1]:
        return iso
    day = words.first_day if d == 1 and words.first_day else str(d)
    return words.day_month_year.format(year=year, m=month, month=name, d=d, day=day)


def format_range(
    start: str | None,
    end: str | None,
    *,
    open: bool = False,
    expected: bool = False,
    locale: str = "en",
) -> str:
    """``Sep 2023 – Present``, ``2023年9月 – 至今``, ``2021 – 2026 (expected)``,
    ``until Sep 2023``; "" when there is nothing to show. ``open`` only applies when
    there is no end (an end date closes the range)."""
    words = locales.get(locale)
    s = format_date(start, locale) if start else None
    e = format_date(end, locale) if end else None
    if s and e:
        body = f"{s} – {e}"
    elif s:
        body = f"{s} – {words.present}" if open else s
    elif e:
        body = f"{words.until}{e}"
    elif open:
        body = words.present
    else:
        return ""
    return body + words.expected_note if expected else body
