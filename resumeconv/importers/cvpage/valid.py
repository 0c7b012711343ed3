"""The last step of reading a CV page: no field the official schema checks by format holds
a value of another kind (issue 12, rule 9: never invalid silently).

A CV page is free text, so a rule can put "my homepage" in ``url`` or "jane at example
dot org" in ``email``. Before the resume is returned, every ``email`` and ``url`` field of
the standard sections is looked at once: a bare domain (``jane.example.org``) gets
``https://``, a relative link (``../files/cv.pdf``) is resolved against the site's url
when there is one, a URL with spaces or non-ASCII letters is percent-encoded; anything
else moves to ``x-email`` / ``x-url`` of the same object, where no schema reads it as a
URL, and the import report says so with the line (``--report`` shows it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: An address as the schema's ``email`` format accepts it (one ``@``, a dotted domain).
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_DOMAIN = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?$", re.I)
#: Sections whose entries have a ``url`` the schema checks (``format: uri``).
_URL_SECTIONS = ("work", "volunteer", "education", "certificates", "publications", "projects")

Note = Callable[[str, str], None]
"""note(pointer, why): records a change in the import report."""


def fix_url(value: str, site_url: str | None) -> str | None:
    """``value`` as a URI, or None when it cannot be one."""
    from resumeconv.importers.jekyll import resolve_link, to_uri

    url = value.strip()
    if _SCHEME.match(url):  # percent-encodes spaces and non-ASCII, keeps escapes
        return to_uri(url)
    if _DOMAIN.match(url):
        return "https://" + url
    if site_url and url and (url.startswith(("/", "./", "../")) or "/" in url):
        return resolve_link(site_url, url)
    return None


def keep_valid(data: dict[str, Any], site_url: str | None, note: Note) -> None:
    """Make every checked ``email`` / ``url`` a valid one, or move it aside with a note."""
    basics = data.get("basics")
    if isinstance(basics, dict):
        _email(basics, "/basics", note)
        _url(basics, "/basics", site_url, note)
        profiles = basics.get("profiles")
        if isinstance(profiles, list):
            for i, profile in enumerate(profiles):
                if isinstance(profile, dict):
                    _url(profile, f"/basics/profiles/{i}", site_url, note)
    for key in _URL_SECTIONS:
        entries = data.get(key)
        if isinstance(entries, list):
            for i, entry in enumerate(entries):
                if isinstance(entry, dict):
                    _url(entry, f"/{key}/{i}", site_url, note)
    if site_url:
        for value in data.values():
            for entry in value if isinstance(value, list) else []:
                if isinstance(entry, dict) and isinstance(entry.get("x-links"), list):
                    _resolve_links(entry["x-links"], site_url)


def _resolve_links(links: list[Any], site_url: str) -> None:
    """An entry's further links relative to the page (``../files/poster.pdf``) resolved
    against the site's url, as its ``url`` is; without a site they stay as written."""
    for i, link in enumerate(links):
        url = link.get("url") if isinstance(link, dict) else link
        if not isinstance(url, str) or _SCHEME.match(url.strip()):
            continue
        fixed = fix_url(url, site_url)
        if fixed is None:
            continue
        if isinstance(link, dict):
            link["url"] = fixed
        else:
            links[i] = fixed


def _email(obj: dict[str, Any], at: str, note: Note) -> None:
    value = obj.get("email")
    if not isinstance(value, str) or _EMAIL.match(value.strip()):
        return
    obj["x-email"] = obj.pop("email")
    note(at + "/x-email", f"{value!r} is not an e-mail address: kept in x-email")


def _url(obj: dict[str, Any], at: str, site_url: str | None, note: Note) -> None:
    value = obj.get("url")
    if not isinstance(value, str):
        return
    fixed = fix_url(value, site_url)
    if fixed == value:
        return
    if fixed is not None:
        obj["url"] = fixed
        note(at + "/url", f"{value!r} written as the URL {fixed!r}")
        return
    obj.pop("url")
    if "x-url" not in obj:
        obj["x-url"] = value
    note(at + "/x-url", f"{value!r} is not a URL: kept in x-url")
