"""RenderCV's YAML vocabulary, shared by its reader and its writer (docs/rendercv.md).

RenderCV keeps a CV as ``cv:`` (name, contacts, ``social_networks``, ``sections:`` of
entry lists) plus ``design:``, ``locale:`` and settings blocks. A section has no declared
type: RenderCV takes the type of its first entry that has a key only one entry type has
(``company`` → ExperienceEntry), trying the types in :data:`ENTRY_TYPES` order. The reader
and the writer both need that rule, the field lists and the mapping to JSON Resume, so
they live here, once; neither imports the other.

The mapping between a RenderCV key and a model key is one rule both ways: a key renamed by
the section's :class:`Home` is renamed, a key both sides have keeps its name, and a key one
side has no place for becomes ``x-<key>`` on the other side (and back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: Top-level keys of a RenderCV file besides ``cv`` (``locale_catalog`` before 1.x ended,
#: ``settings`` in 2.x documentation). They are kept verbatim in ``meta["x-rendercv"]``.
BLOCKS = ("design", "locale", "locale_catalog", "rendercv_settings", "settings")
#: Where the reader keeps the blocks (and any other top-level key) of a RenderCV file.
META_KEY = "x-rendercv"

_COMMON = ("date", "start_date", "end_date", "location", "summary", "highlights")

#: Entry types in the order RenderCV tries them; strings are TextEntry.
ENTRY_TYPES: dict[str, tuple[str, ...]] = {
    "OneLineEntry": ("label", "details"),
    "NormalEntry": ("name", *_COMMON),
    "ExperienceEntry": ("company", "position", *_COMMON),
    "EducationEntry": ("institution", "area", "degree", "grade", *_COMMON),
    "PublicationEntry": ("title", "authors", "doi", "url", "journal", "date"),
    "BulletEntry": ("bullet",),
    "NumberedEntry": ("number",),
    "ReversedNumberedEntry": ("reversed_number",),
}
TEXT = "TextEntry"

#: Fields RenderCV requires of each type (the writer fills a missing one with "" or []).
REQUIRED: dict[str, tuple[str, ...]] = {
    "OneLineEntry": ("label", "details"),
    "NormalEntry": ("name",),
    "ExperienceEntry": ("company", "position"),
    "EducationEntry": ("institution", "area"),
    "PublicationEntry": ("title", "authors"),
    "BulletEntry": ("bullet",),
    "NumberedEntry": ("number",),
    "ReversedNumberedEntry": ("reversed_number",),
}


def _characteristic() -> dict[str, frozenset[str]]:
    counts: dict[str, int] = {}
    for keys in ENTRY_TYPES.values():
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return {t: frozenset(k for k in keys if counts[k] == 1) for t, keys in ENTRY_TYPES.items()}


#: Keys only one entry type has: they decide a section's type.
CHARACTERISTIC = _characteristic()


def entry_type(entry: Any) -> str | None:
    """The RenderCV type of one entry, as RenderCV decides it; None when it has none."""
    if isinstance(entry, str):
        return TEXT
    if isinstance(entry, dict):
        keys = set(entry)
        for name, marks in CHARACTERISTIC.items():
            if marks & keys:
                return name
    return None


def section_type(entries: Any) -> str | None:
    """The type of a section: that of its first entry with a type (RenderCV's rule)."""
    if not isinstance(entries, list):
        return None
    for entry in entries:
        found = entry_type(entry)
        if found is not None:
            return found
    return None


#: Social networks RenderCV 2.3 knows and the URL each username is appended to.
NETWORK_URLS: dict[str, str] = {
    "LinkedIn": "https://linkedin.com/in/",
    "GitHub": "https://github.com/",
    "GitLab": "https://gitlab.com/",
    "IMDB": "https://imdb.com/name/",
    "Instagram": "https://instagram.com/",
    "ORCID": "https://orcid.org/",
    "Mastodon": "",
    "StackOverflow": "https://stackoverflow.com/users/",
    "ResearchGate": "https://researchgate.net/profile/",
    "YouTube": "https://youtube.com/@",
    "Google Scholar": "https://scholar.google.com/citations?user=",
    "Telegram": "https://t.me/",
    "Leetcode": "https://leetcode.com/u/",
    "X": "https://x.com/",
}
#: JSON Resume network names (lower case, spaces removed) → RenderCV's.
_NETWORK_ALIASES = {
    **{name.lower().replace(" ", ""): name for name in NETWORK_URLS},
    "twitter": "X",
    "scholar": "Google Scholar",
    "googlescholar": "Google Scholar",
}
#: Usernames RenderCV checks (2.3, ``validate_a_social_network_username``).
_USERNAME_RULES = {
    "Mastodon": re.compile(r"@[^@]+@[^@]+"),
    "StackOverflow": re.compile(r"\d+/[^/]+"),
    "ORCID": re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]"),
    "IMDB": re.compile(r"nm\d{7}"),
    "YouTube": re.compile(r"[^@].*"),
}


def network_name(network: Any) -> str | None:
    """RenderCV's name for a JSON Resume ``network`` ("twitter" → "X"), or None."""
    if not isinstance(network, str):
        return None
    return _NETWORK_ALIASES.get(network.lower().replace(" ", ""))


def profile_url(network: str, username: str) -> str | None:
    """The URL RenderCV links a social network to (None when it cannot make one)."""
    if network == "Mastodon":
        parts = username.split("@")
        return f"https://{parts[2]}/@{parts[1]}" if len(parts) == 3 and parts[2] else None
    base = NETWORK_URLS.get(network)
    return base + username if base else None


def username_ok(network: str, username: Any) -> bool:
    """Whether RenderCV accepts ``username`` for ``network``."""
    if not isinstance(username, str) or not username:
        return False
    rule = _USERNAME_RULES.get(network)
    return rule is None or rule.fullmatch(username) is not None


# --------------------------------------------------------------------------- homes


@dataclass(frozen=True, slots=True)
class Home:
    """Where a RenderCV section's entries go in the model, and the keys renamed on the way.

    ``renames`` is model key → RenderCV key; ``joined`` names a model list written as one
    ", "-separated RenderCV string (skills' keywords as a one-line entry's details).
    """

    section: str
    rcv_type: str
    renames: dict[str, str]
    joined: str | None = None


#: Model fields by section (the JSON Resume names; ``custom`` is the extension's entry).
MODEL_KEYS: dict[str, tuple[str, ...]] = {
    "work": (
        *("name", "location", "description", "position", "url"),
        *("startDate", "endDate", "summary", "highlights"),
    ),
    "volunteer": (
        *("organization", "position", "url", "startDate", "endDate"),
        *("summary", "highlights"),
    ),
    "education": (
        *("institution", "url", "area", "studyType", "startDate", "endDate"),
        *("score", "courses"),
    ),
    "awards": ("title", "date", "awarder", "summary"),
    "certificates": ("name", "date", "url", "issuer"),
    "publications": ("name", "publisher", "releaseDate", "url", "summary"),
    "skills": ("name", "level", "keywords"),
    "languages": ("language", "fluency"),
    "interests": ("name", "keywords"),
    "references": ("name", "reference"),
    "projects": (
        *("name", "description", "highlights", "keywords", "startDate", "endDate"),
        *("url", "roles", "entity", "type"),
    ),
    "custom": (
        *("name", "role", "organization", "location", "date", "startDate", "endDate"),
        *("url", "summary", "highlights"),
    ),
}

#: (model section, RenderCV type) → its home. The first home of a section is the one the
#: writer uses when the layout names no RenderCV type.
HOMES: tuple[Home, ...] = (
    Home("education", "EducationEntry", {"studyType": "degree", "score": "grade"}),
    Home("work", "ExperienceEntry", {"name": "company"}),
    Home("volunteer", "ExperienceEntry", {"organization": "company"}),
    Home("publications", "PublicationEntry", {"name": "title", "publisher": "journal"}),
    Home("skills", "OneLineEntry", {"name": "label", "keywords": "details"}, "keywords"),
    Home("languages", "OneLineEntry", {"language": "label", "fluency": "details"}),
    Home("interests", "OneLineEntry", {"name": "label", "keywords": "details"}, "keywords"),
    Home("awards", "NormalEntry", {"title": "name"}),
    Home("publications", "NormalEntry", {}),
    Home("projects", "NormalEntry", {"description": "summary"}),
    Home("certificates", "NormalEntry", {}),
    Home("references", "NormalEntry", {"reference": "summary"}),
    Home("custom", "NormalEntry", {}),
    Home("custom", "OneLineEntry", {"name": "label", "summary": "details"}),
    Home("interests", "BulletEntry", {"name": "bullet"}),
    Home("skills", "BulletEntry", {"name": "bullet"}),
    Home("custom", "BulletEntry", {"name": "bullet"}),
    Home("custom", "NumberedEntry", {"name": "number"}),
    Home("custom", "ReversedNumberedEntry", {"name": "reversed_number"}),
    Home("custom", TEXT, {}),
    Home("basics.summary", TEXT, {}),
)


def home(section: str, rcv_type: str | None = None) -> Home | None:
    """The home of a model section written as ``rcv_type`` (its first home when None)."""
    for candidate in HOMES:
        if candidate.section == section and rcv_type in (None, candidate.rcv_type):
            return candidate
    return None


#: Which model field holds a single date, per section (None: start and end dates only).
SINGLE_DATE = {"awards": "date", "certificates": "date", "publications": "releaseDate"}
#: Sections whose entries have startDate / endDate.
RANGED = ("work", "volunteer", "education", "projects", "custom")

_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def iso(value: Any) -> str | None:
    """A RenderCV date (``2020``, ``2020-09``, ``"2020-09-01"``) as ISO text, else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and _ISO.fullmatch(value) else None


def title_of_key(key: str) -> str:
    """The title RenderCV prints for a section key: ``work_experience`` → "Work
    Experience", ``education`` → "Education"; a key with capitals and spaces as written."""
    if " " in key and "_" not in key and key != key.lower():
        return key
    small = {"a", "and", "as", "at", "but", "by", "for", "from", "if", "in", "into", "of"}
    small |= {"on", "or", "the", "to", "with", "nor", "off", "per", "so", "up", "via", "yet"}
    words = key.replace("_", " ").split(" ")
    out = []
    for i, word in enumerate(words):
        if i and word in small:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def text_date(value: Any) -> str:
    """A RenderCV ``date`` as text (``2020`` → ``"2020"``)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def derived_dates(section: str, written: Any) -> dict[str, str]:
    """The model dates a RenderCV ``date`` stands for, in a section without that field
    ("Fall 2023" → startDate = endDate = 2023-09; "2019 – 2021" → a range). The reader
    sets them and keeps the text in ``x-date``; the writer leaves out what they give."""
    from resumeconv.dates import parse_range

    if not isinstance(written, str):
        return {}
    found = parse_range(written)
    if found is None or found.start is None:
        return {}
    field = SINGLE_DATE.get(section)
    if field is not None:
        return {field: found.start}
    if section == "custom" and found.single:
        return {"date": found.start}
    out = {"startDate": found.start}
    end = found.start if found.single else found.end
    if end is not None:
        out["endDate"] = end
    return out


def guarded(rcv_type: str | None) -> frozenset[str]:
    """Keys an extra key of a ``rcv_type`` entry must not be written as: those that would
    make RenderCV take the entry for an earlier type (``label`` on a NormalEntry)."""
    out: set[str] = set()
    for name, marks in CHARACTERISTIC.items():
        if name == rcv_type:
            break
        out |= marks
    return frozenset(out)


def model_key(
    key: str, renames: dict[str, str], model_keys: tuple[str, ...], guard: frozenset[str]
) -> str:
    """The model key of RenderCV key ``key`` (``renames`` is RenderCV → model): renamed,
    the same, or ``x-<key>`` — the inverse of :func:`rcv_key`."""
    if key in renames:
        return renames[key]
    model_keys = tuple(k for k in model_keys if k not in renames.values())  # taken by a rename
    if key in model_keys:
        return key
    if key.startswith("x-") and key[2:] in model_keys:
        return key[2:]  # a field RenderCV has no place for, written as x-<field>
    if key.startswith("x-") and key[2:] in guard:
        return key
    return "x-" + key


def rcv_key(
    key: str,
    renames: dict[str, str],
    fields: tuple[str, ...],
    model_keys: tuple[str, ...],
    guard: frozenset[str],
) -> str:
    """The RenderCV key of model key ``key`` (``renames`` is model → RenderCV): renamed,
    the same, the bare name of an ``x-`` key, or ``x-<key>`` for a field RenderCV lacks."""
    if key in renames:
        return renames[key]
    if key in fields:
        return key
    model_keys = tuple(k for k in model_keys if k not in renames)  # as model_key sees them
    if key.startswith("x-"):
        bare = key[2:]
        if bare in fields or (bare and bare not in model_keys and bare not in guard):
            return bare
        return key
    return "x-" + key


#: The field a section's link goes on in RenderCV, which has no ``url`` but on
#: publications: ``company: "[Acme](https://acme.example)"`` ↔ name + url.
LINKED: dict[str, tuple[str, str]] = {
    "work": ("name", "url"),
    "volunteer": ("organization", "url"),
    "education": ("institution", "url"),
    "awards": ("title", "x-url"),
    "projects": ("name", "url"),
    "certificates": ("name", "url"),
    "custom": ("name", "url"),
}
_LINKED_TYPES = ("NormalEntry", "ExperienceEntry", "EducationEntry")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]+)\)")


def link_fields(section: str, rcv_type: str) -> tuple[str, str] | None:
    """(text field, url field) of a section whose link RenderCV writes in the text."""
    return LINKED.get(section) if rcv_type in _LINKED_TYPES else None


def split_link(text: Any) -> tuple[str, str] | None:
    """``"[Acme](https://acme.example)"`` → ("Acme", "https://acme.example"), else None."""
    found = _LINK.fullmatch(text) if isinstance(text, str) else None
    return (found[1], found[2]) if found else None


def join_link(text: Any, url: Any) -> str | None:
    """The Markdown link of ``text`` and ``url``, when it reads back to exactly them."""
    if not isinstance(text, str) or not isinstance(url, str):
        return None
    joined = f"[{text}]({url})"
    return joined if split_link(joined) == (text, url) else None
