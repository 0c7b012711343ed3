"""The Jekyll site around a CV page: ``_config.yml``'s author block and the collections.

An academicpages CV page (``_pages/cv.md``) shows the sidebar author (name, bio, email,
profiles) and loops over collections (``{% for post in site.publications %}``). Those
live outside the page, so the Markdown reader asks this module for them:

- :func:`find_site` finds the site root above a page,
- :func:`load_site` reads ``_config.yml`` into JSON Resume ``basics``,
- :meth:`Site.collection` lists the documents of ``_<name>/`` in Jekyll's order,
- :func:`collection_entry` turns one document into a JSON Resume entry.

The mapping rules are documented in ``docs/extension.md`` ("Collections").
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from stat import S_ISREG
from typing import Any
from urllib.parse import parse_qs, quote, urljoin, urlsplit

from resumeconv.errors import InputError, ResumeconvError
from resumeconv.places import US_STATES, country_code
from resumeconv.report import escape
from resumeconv.sources import read_source

#: How many folders ``find_site`` looks at: the page's own, its parent (``_pages/cv.md``) and
#: two above (``_pages/en/2024/cv.md``). A ``_config.yml`` further up is not the page's site.
MAX_SITE_LEVELS = 4
#: Most documents read from one collection folder (academicpages sites have tens to hundreds).
MAX_COLLECTION_FILES = 5_000
CONFIG_NAME = "_config.yml"
_DOC_SUFFIXES = (".md", ".markdown", ".html")
#: The problem of a collection file without front matter: Jekyll copies it as it is (not a
#: document of the collection, so not a broken one: it is not warned about).
STATIC_FILE = "no front matter: Jekyll treats this file as a static file"


# --------------------------------------------------------------------------- finding


def find_site(page: Path | None, explicit: Path | None = None) -> Path | None:
    """The site root: ``explicit`` if given, else the page's own site.

    From the page's folder up (at most :data:`MAX_SITE_LEVELS` folders), the site root is
    the first folder with ``_config.yml`` that is the page's own folder or holds a Jekyll
    folder (``_pages``, ``_publications``, any ``_name/``). The search stops at a git root
    (a folder with ``.git``): a ``_config.yml`` above the page's repository is not its site.
    """
    if explicit is not None:
        return Path(explicit)
    if page is None:
        return None
    # os.path on strings: a batch calls this for every page, and pathlib's objects (and the
    # extra stat of Path.resolve) cost more than the look-up itself
    try:
        real = os.path.realpath(page, strict=True)
    except OSError:  # a missing page or a symlink loop: whatever Path.resolve() makes of it
        real = str(Path(page).resolve())
    folder = os.path.dirname(real)
    for level in range(MAX_SITE_LEVELS):
        if _is_file(os.path.join(folder, CONFIG_NAME)) and (
            level == 0 or _has_jekyll_folder(folder)
        ):
            return Path(folder)
        parent = os.path.dirname(folder)
        if parent == folder or os.path.exists(os.path.join(folder, ".git")):
            break
        folder = parent
    return None


def _has_jekyll_folder(folder: str) -> bool:
    """Whether ``folder`` holds a ``_name/`` folder (``_pages``, a collection, ``_layouts``)."""
    try:
        with os.scandir(folder) as entries:
            return any(e.name.startswith("_") and e.is_dir() for e in entries)
    except OSError:
        return False


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (symlinks resolved) is ``root`` (resolved) or inside it."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _link_out_error(path: Path, root: Path, what: str) -> InputError:
    return InputError(
        f"{what} is a symlink (or in a symlinked folder) to {os.path.realpath(path)}, "
        f"outside the site folder {root}: refused",
        file=str(path),
        hint="resumeconv never follows a link out of the site; copy the file into the site",
    )


def _is_file(path: str) -> bool:
    """``Path(path).is_file()``, with one ``os.stat`` for the usual answers."""
    try:
        return S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:  # no access, a symlink loop…: pathlib decides, an error or False
        return Path(path).is_file()


# --------------------------------------------------------------------------- the site


@dataclass(slots=True)
class CollectionItem:
    """One document of a collection (``_talks/2012-03-01-talk-1.md``)."""

    file: Path
    line: int
    """Line of the front matter's opening ``---`` in ``file``."""
    front: dict[str, Any]
    body: str
    date: str | None = None
    """Jekyll's date for the document: front matter ``date``, else the file name's date."""
    url: str | None = None
    """Absolute URL of the document's page on the site (from its permalink), if known."""
    lines: dict[str, int] = field(default_factory=dict)
    """Front matter key → line in ``file``."""


@dataclass(slots=True)
class Site:
    """A Jekyll site: the author as JSON Resume ``basics`` and access to collections."""

    root: Path
    basics: dict[str, Any]
    basics_lines: dict[str, int]
    config_file: Path
    problems: list[tuple[Path, int, str]] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    """The whole parsed ``_config.yml``."""
    url: str | None = None
    """``url`` + ``baseurl`` of the site, without a trailing slash."""
    notes: list[tuple[int, str]] = field(default_factory=list)
    """``_config.yml`` author lines that reached no field of ``basics`` (line, what)."""
    warnings: list[tuple[int, int, str]] = field(default_factory=list)
    """What was tolerated in ``_config.yml`` (line, column, what): duplicate keys."""
    _collections: dict[str, list[CollectionItem]] = field(default_factory=dict, repr=False)

    def collection(self, name: str) -> list[CollectionItem]:
        """Documents of ``<root>/_<name>/`` in Jekyll's order: by date, then by path.

        The folder decides the collection (as in Jekyll), whatever ``collection:`` the front
        matter declares. Documents whose front matter cannot be read are skipped and listed
        in :attr:`problems`.
        """
        cached = self._collections.get(name)
        if cached is None:
            cached = self._load_collection(name)
            self._collections[name] = cached
        return list(cached)

    def files_read(self) -> list[str]:
        """``_config.yml`` and every collection document read so far (usable or not)."""
        files = [str(self.config_file)]
        files += [str(item.file) for items in self._collections.values() for item in items]
        files += [str(path) for path, _, _ in self.problems]
        return files

    def _load_collection(self, name: str) -> list[CollectionItem]:
        folder = self.root / f"_{name}"
        if not folder.is_dir():
            return []
        items = []
        for path in _collection_files(folder, self.root):
            item = self._read_item(path)
            if item is not None:
                item.url = self._item_url(name, path, folder, item.front)
                items.append(item)
        sort_by = _collection_config(self.config, name).get("sort_by")
        if isinstance(sort_by, str) and sort_by:
            items.sort(key=lambda i: (_sort_text(i.front.get(sort_by)), str(i.file)))
        else:
            items.sort(key=lambda i: (i.date is None, i.date or "", str(i.file)))
        return items

    def _read_item(self, path: Path) -> CollectionItem | None:
        try:
            text = strip_invisible(read_source(path).text)
        except ResumeconvError as exc:
            self.problems.append((path, exc.line or 1, exc.message))
            return None
        split = split_front_matter(text)
        if split is None:
            self.problems.append((path, 1, STATIC_FILE))
            return None
        front_text, body, front_line = split
        from resumeconv.importers.yaml import parse as parse_yaml

        try:
            front, positions = parse_yaml(front_text, str(path), front_line + 1)
        except InputError as exc:
            self.problems.append((path, exc.line or front_line, exc.message))
            return None
        if front is None:
            front = {}
        if not isinstance(front, dict):
            self.problems.append((path, front_line, "front matter is not a set of 'key: value'"))
            return None
        lines = {k: positions[_ptr(k)][0] for k in front if _ptr(k) in positions}
        date = iso_date(front.get("date")) or _filename_date(path.name)
        return CollectionItem(path, front_line, front, body, date, None, lines)

    def _item_url(self, name: str, path: Path, folder: Path, front: dict[str, Any]) -> str | None:
        permalink = front.get("permalink")
        if not isinstance(permalink, str) or not permalink.strip():
            pattern = _collection_config(self.config, name).get("permalink")
            if not isinstance(pattern, str) or not _collection_config(self.config, name).get(
                "output"
            ):
                return None
            rel = path.relative_to(folder).with_suffix("").as_posix()
            permalink = (
                pattern.replace(":collection", name)
                .replace(":path", rel)
                .replace(":name", path.stem)
                .replace(":title", path.stem)
                .replace(":output_ext", ".html")
            )
        permalink = permalink.strip()
        if re.match(r"^[a-z][a-z0-9+.-]*://", permalink, re.I):
            return permalink
        if self.url is None:
            return None
        return self.url + "/" + permalink.lstrip("/")


def load_site(root: Path) -> Site:
    """Read ``<root>/_config.yml``. Raises :class:`InputError` (file, line) if unreadable."""
    root = Path(root)
    config_file = root / CONFIG_NAME
    if not config_file.is_file():
        raise InputError(
            f"no {CONFIG_NAME} in the site folder",
            file=str(root),
            hint="pass the Jekyll site root (the folder with _config.yml) as --site",
        )
    if not _inside(config_file, root):
        raise _link_out_error(config_file, root, CONFIG_NAME)
    source = read_source(config_file)
    from resumeconv.importers.yaml import parse as parse_yaml  # only a site needs PyYAML

    # Jekyll keeps the last of duplicate keys: so does the site config (not the resume)
    duplicates: list[tuple[int, int, str]] = []
    text = strip_invisible(source.text)
    config, positions = parse_yaml(text, str(config_file), duplicates=duplicates)
    if config is None:
        config = {}
    if not isinstance(config, dict):
        raise InputError(
            f"{CONFIG_NAME} is not a set of 'key: value' settings",
            file=str(config_file),
            line=1,
            hint="a Jekyll config is a YAML mapping",
        )
    url = _site_url(config)
    basics, lines, notes = build_basics(config, positions, url)
    return Site(
        root, basics, lines, config_file, config=config, url=url, notes=notes, warnings=duplicates
    )


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter text, body, line of the opening ``---``) or None when there is none.

    As Jekyll: the file must start with a ``---`` line; the front matter ends at the next
    ``---`` (or ``...``) line.
    """
    if not text.startswith("---"):
        return None
    first_end = text.find("\n")
    if first_end == -1 or text[3:first_end].strip():
        return None
    match = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M).search(text, first_end + 1)
    if match is None:
        return None
    front = text[first_end + 1 : match.start()]
    body = text[match.end() + 1 :] if match.end() < len(text) else ""
    return front, body, 1


# --------------------------------------------------------------------------- basics

#: author key → (network display name, URL pattern for a username; None = the value is a URL)
NETWORKS: dict[str, tuple[str, str | None]] = {
    "github": ("GitHub", "https://github.com/{}"),
    "linkedin": ("LinkedIn", "https://www.linkedin.com/in/{}"),
    "googlescholar": ("Google Scholar", "https://scholar.google.com/citations?user={}"),
    "orcid": ("ORCID", "https://orcid.org/{}"),
    "twitter": ("Twitter", "https://twitter.com/{}"),
    "researchgate": ("ResearchGate", "https://www.researchgate.net/profile/{}"),
    "bluesky": ("Bluesky", "https://bsky.app/profile/{}"),
    "mastodon": ("Mastodon", None),
    "semantic": ("Semantic Scholar", "https://www.semanticscholar.org/author/{}"),
    "semanticscholar": ("Semantic Scholar", "https://www.semanticscholar.org/author/{}"),
    "dblp": ("DBLP", "https://dblp.org/pid/{}"),
    "aclanthology": ("ACL Anthology", "https://aclanthology.org/people/{}"),
    "arxiv": ("arXiv", "https://arxiv.org/a/{}"),
    "pubmed": ("PubMed", "https://pubmed.ncbi.nlm.nih.gov/?term={}"),
    "scopus": ("Scopus", "https://www.scopus.com/authid/detail.uri?authorId={}"),
    "ssrn": ("SSRN", None),
    "inspire-hep": ("INSPIRE-HEP", None),
    "academia": ("Academia.edu", None),
    "impactstory": ("Impactstory", None),
    "zotero": ("Zotero", "https://www.zotero.org/{}"),
    "stackoverflow": ("Stack Overflow", "https://stackoverflow.com/users/{}"),
    "kaggle": ("Kaggle", "https://www.kaggle.com/{}"),
    "youtube": ("YouTube", "https://www.youtube.com/user/{}"),
    "keybase": ("Keybase", "https://keybase.io/{}"),
    "facebook": ("Facebook", "https://www.facebook.com/{}"),
    "google_plus": ("Google+", "https://plus.google.com/+{}"),
    "xing": ("XING", "https://www.xing.com/profile/{}"),
    "instagram": ("Instagram", "https://instagram.com/{}"),
    "tumblr": ("Tumblr", "https://{}.tumblr.com"),
    "bitbucket": ("Bitbucket", "https://bitbucket.org/{}"),
    "lastfm": ("Last.fm", "https://lastfm.com/user/{}"),
    "dribbble": ("Dribbble", "https://dribbble.com/{}"),
    "pinterest": ("Pinterest", "https://www.pinterest.com/{}"),
    "foursquare": ("Foursquare", "https://foursquare.com/{}"),
    "steam": ("Steam", "https://steamcommunity.com/id/{}"),
    "soundcloud": ("SoundCloud", "https://soundcloud.com/{}"),
    "weibo": ("Weibo", "https://www.weibo.com/{}"),
    "flickr": ("Flickr", "https://www.flickr.com/{}"),
    "codepen": ("CodePen", "https://codepen.io/{}"),
    "vine": ("Vine", "https://vine.co/u/{}"),
    "wikipedia": ("Wikipedia", "https://en.wikipedia.org/wiki/User:{}"),
    "medium": ("Medium", "https://medium.com/@{}"),
    "telegram": ("Telegram", "https://t.me/{}"),
    "goodreads": ("Goodreads", "https://www.goodreads.com/{}"),
    "artstation": ("ArtStation", "https://www.artstation.com/{}"),
    "zhihu": ("Zhihu", "https://www.zhihu.com/people/{}"),
    "gitlab": ("GitLab", "https://gitlab.com/{}"),
    "huggingface": ("Hugging Face", "https://huggingface.co/{}"),
}

#: Author keys handled outside profiles, or deliberately not imported (site mechanics).
_AUTHOR_FIELDS = {"name", "avatar", "bio", "location", "email", "uri", "employer", "pronouns"}


@cache
def _url_re() -> re.Pattern[str]:
    """Compiled on first use: only pages of a site (with its author block) need it."""
    return re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


#: A bio this short and without a second sentence reads as a headline (``label``).
LABEL_MAX_CHARS = 80


def build_basics(
    config: dict[str, Any], positions: dict[str, tuple[int, int]], site_url: str | None
) -> tuple[dict[str, Any], dict[str, int], list[tuple[int, str]]]:
    """JSON Resume ``basics`` from the config's ``author:`` block (and ``name``/``url``).

    Returns (basics, pointer relative to basics → line, unmapped author lines).
    """
    author = config.get("author")
    if not isinstance(author, dict):
        author = {}
    basics: dict[str, Any] = {}
    lines: dict[str, int] = {}
    notes: list[tuple[int, str]] = []

    def line_of(key: str) -> int:
        pos = positions.get(f"/author/{escape(key)}") or positions.get(_ptr(key))
        return pos[0] if pos else 1

    def put(field_name: str, value: Any, key: str, top: bool = False) -> None:
        basics[field_name] = value
        pos = positions.get(_ptr(key)) if top else positions.get(f"/author/{escape(key)}")
        lines[f"/{field_name}"] = pos[0] if pos else 1

    name = _text(author.get("name"))
    if name:
        put("name", name, "name")
    elif _text(config.get("name")):
        put("name", _text(config.get("name")), "name", top=True)

    bio = _text(author.get("bio"))
    if bio:
        put("label" if _is_label(bio) else "summary", bio, "bio")

    avatar = _text(author.get("avatar"))
    if avatar:
        image = _avatar_url(avatar, site_url)
        if image:
            put("image", image, "avatar")
        else:
            notes.append((line_of("avatar"), f"author.avatar {avatar!r}: no site url to resolve"))

    email = _text(author.get("email"))
    if email:
        put("email", email.removeprefix("mailto:"), "email")

    uri = _text(author.get("uri"))
    if uri:
        put("url", uri, "uri")
    elif site_url:
        put("url", site_url, "url", top=True)

    location = _text(author.get("location"))
    if location:
        put("location", parse_location(location), "location")

    profiles = []
    for key, value in author.items():
        if key in _AUTHOR_FIELDS:
            continue
        text = _text(value)
        if not text:
            continue
        profile = make_profile(key, text)
        if profile is None:
            notes.append((line_of(key), f"author.{key}: {text!r} is not a known profile"))
            continue
        lines[f"/profiles/{len(profiles)}"] = line_of(key)
        profiles.append(profile)
    if profiles:
        basics["profiles"] = profiles

    for key in ("employer", "pronouns"):
        text = _text(author.get(key))
        if text:
            put(f"x-{key}", text, key)
    return basics, lines, notes


def make_profile(key: str, value: str) -> dict[str, str] | None:
    """A JSON Resume profile from an author key; None for an unknown key with a non-URL."""
    known = NETWORKS.get(key.lower())
    if known is None:
        if not _url_re().match(value):
            return None
        known = (key.replace("_", " ").title(), None)
    network, pattern = known
    value = value.strip()
    if _url_re().match(value):
        profile = {"network": network}
        username = _username_from_url(key.lower(), value)
        if username:
            profile["username"] = username
        profile["url"] = to_uri(value)
        return profile
    username = _clean_username(key.lower(), value)
    if pattern is None:
        if key.lower() == "mastodon":
            match = re.match(r"^@?([^@\s]+)@([^@\s]+)$", username)
            if match:
                user, host = match.groups()
                return {"network": network, "username": user, "url": f"https://{host}/@{user}"}
        return {"network": network, "username": username}
    return {
        "network": network,
        "username": username,
        "url": pattern.format(quote(username, safe="/-_.~@+")),
    }


#: Invisible format characters that editors and copy-paste leave in text: the byte order
#: mark (U+FEFF, a "zero width no-break space" in the middle of a text), zero width space,
#: non-joiner, joiner and word joiner. No URL contains them.
_INVISIBLE_IN_URL = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"))


def to_uri(url: str) -> str:
    """Percent-encode what a URI may not contain (spaces, non-ASCII); keeps existing escapes.

    Invisible format characters (a byte order mark pasted before ``http://``) are dropped
    first: percent-encoded they would make ``%EF%BB%BFhttp://…``, which is not a URL.
    """
    url = url.translate(_INVISIBLE_IN_URL).strip()
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def resolve_link(site_url: str, href: str) -> str:
    """A relative link of a page (``../cv/cv.pdf``, ``/files/cv.pdf``) as an absolute URL on
    the site whose ``url`` + ``baseurl`` is ``site_url``.

    The site's url is the root: ``..`` does not climb above it, and a path that starts with
    ``/`` starts there (pages write ``{{ base_path }}/files/…``, whose Liquid the reader
    drops). A link with a host (``//host/x``) takes the site's scheme.
    """
    href = href.translate(_INVISIBLE_IN_URL).strip()
    if href.startswith("//"):
        return to_uri(urljoin(site_url, href))
    joined = urljoin("https://root.invalid/", href)
    return to_uri(site_url.rstrip("/") + joined[len("https://root.invalid") :])


def _clean_username(key: str, value: str) -> str:
    value = value.strip().strip("/")
    if key in ("twitter", "bluesky", "medium", "instagram"):
        value = value.lstrip("@")
    if key == "github":
        value = value.split("?", 1)[0].split("#", 1)[0]
    return value


def _username_from_url(key: str, url: str) -> str | None:
    parts = urlsplit(url)
    path = [p for p in parts.path.split("/") if p]
    if key == "googlescholar":
        users = parse_qs(parts.query).get("user")
        return users[0] if users else None
    if key == "orcid":
        match = re.search(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", parts.path)
        return match.group(0) if match else None
    if key in ("github", "twitter", "kaggle", "gitlab", "huggingface", "instagram") and path:
        return path[0].lstrip("@")
    if key == "linkedin" and len(path) >= 2 and path[0] == "in":
        return path[1]
    if key == "researchgate" and len(path) >= 2 and path[0] == "profile":
        return path[1]
    if key == "bluesky" and len(path) >= 2 and path[0] == "profile":
        return path[1]
    if key == "mastodon" and path and path[0].startswith("@"):
        return path[0][1:]
    return None


def parse_location(text: str) -> dict[str, str]:
    """academicpages' free-text location → JSON Resume ``location``.

    Only clearly structured text is split: ``"Shanghai, China"`` → city + countryCode,
    ``"Berkeley, CA, USA"`` → city + region + countryCode, ``"Japan"`` → countryCode.
    Anything else (``"Earth"``, ``"Ulm University, Ulm, Germany"``) is kept whole as
    ``address`` so that nothing is guessed.
    """
    parts = [p.strip() for p in text.split(",")]
    if all(parts):
        country = country_code(parts[-1])
        if country and len(parts) == 1:
            return {"countryCode": country}
        if country and len(parts) == 2 and _is_place_name(parts[0]):
            return {"city": parts[0], "countryCode": country}
        if (
            country == "US"
            and len(parts) == 3
            and parts[1].upper() in US_STATES
            and _is_place_name(parts[0])
        ):
            return {"city": parts[0], "region": parts[1].upper(), "countryCode": "US"}
    return {"address": text}


def _is_place_name(text: str) -> bool:
    """A city name: a few words, no digits, not an institution ("University of …")."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and not any(ch.isdigit() for ch in text)
        and not re.search(r"univ|institut|college|school|lab|department|hospital", text, re.I)
    )


def _is_label(bio: str) -> bool:
    sentences = re.split(r"(?<=[.!?])\s+(?=\S)", bio.strip())
    return len(bio) <= LABEL_MAX_CHARS and "\n" not in bio.strip() and len(sentences) == 1


def _avatar_url(avatar: str, site_url: str | None) -> str | None:
    if "://" in avatar:
        return to_uri(avatar)
    if site_url is None:
        return None
    if avatar.startswith("/"):
        return site_url + quote(avatar, safe="/-_.~%")
    return f"{site_url}/images/{quote(avatar, safe='/-_.~%')}"


def _site_url(config: dict[str, Any]) -> str | None:
    url = _text(config.get("url"))
    if not url:
        return None
    base = _text(config.get("baseurl")) or ""
    return (url.rstrip("/") + "/" + base.strip("/")).rstrip("/")


# --------------------------------------------------------------------------- entries

#: Front matter kept on every entry under an ``x-`` key, because a CV shows them.
KEPT_FRONT_MATTER = {
    "authors": "x-authors",
    "citation": "x-citation",
    "slidesurl": "x-slides",
    "bibtexurl": "x-bibtex",
    "category": "x-category",
    "status": "x-status",
}


def collection_entry(item: CollectionItem, section: str) -> dict[str, Any]:
    """A JSON Resume entry for one collection document.

    ``section`` is ``"publications"``, ``"work"`` (teaching), ``"students"`` (a supervised
    student, a work entry) or ``"custom"`` (any other collection). Rules
    (docs/extension.md, "Collections"):

    - publications: name ← title, publisher ← venue, releaseDate ← date, url ← paperurl
      (else the document's page), summary ← excerpt (else citation).
    - work (teaching): name ← venue, position ← title, location, startDate ← date,
      url ← the page, summary ← type, highlights ← [excerpt].
    - custom: name ← title, role ← type (or degree), organization ← venue (or uni),
      location, date, url ← the page, summary ← excerpt.

    Every entry also keeps authors, citation, slides, bibtex, category and status as
    ``x-`` keys; text fields lose HTML tags and entities.
    """
    front = item.front
    title = clean_text(front.get("title"))
    venue = clean_text(front.get("venue"))
    excerpt = clean_text(front.get("excerpt"))
    kind = clean_text(front.get("type"))
    location = clean_text(front.get("location"))
    entry: dict[str, Any] = {}
    if section == "publications":
        citation = clean_text(front.get("citation"))
        _put(entry, "name", title)
        _put(entry, "publisher", venue)
        _put(entry, "releaseDate", item.date)
        paper = _text(front.get("paperurl"))
        _put(entry, "url", to_uri(paper) if paper else item.url)
        _put(entry, "summary", excerpt or citation)
        kept = dict(KEPT_FRONT_MATTER)
        if not excerpt:
            kept.pop("citation")
    elif section == "students":
        # a supervised student (``_teaching/`` reused for ``students``): the supervision is
        # work at the student's institution; who and in what role is its summary
        _put(entry, "name", venue or clean_text(front.get("uni")))
        role = kind or clean_text(front.get("degree"))
        _put(entry, "summary", f"{title} ({role})" if title and role else title or role)
        _put(entry, "location", location)
        _put(entry, "startDate", item.date)
        _put(entry, "url", item.url)
        if excerpt:
            entry["highlights"] = [excerpt]
        kept = KEPT_FRONT_MATTER
    elif section == "work":
        _put(entry, "name", venue)
        _put(entry, "position", title)
        _put(entry, "location", location)
        _put(entry, "startDate", item.date)
        _put(entry, "url", item.url)
        _put(entry, "summary", kind)
        if excerpt:
            entry["highlights"] = [excerpt]
        kept = KEPT_FRONT_MATTER
    else:
        _put(entry, "name", title)
        _put(entry, "role", kind or clean_text(front.get("degree")))
        _put(entry, "organization", venue or clean_text(front.get("uni")))
        _put(entry, "location", location)
        _put(entry, "date", item.date)
        _put(entry, "url", item.url)
        _put(entry, "summary", excerpt)
        kept = KEPT_FRONT_MATTER
    for key, target in kept.items():
        value = front.get(key)
        if isinstance(value, str):
            value = to_uri(value) if key.endswith("url") else clean_text(value)
        if value not in (None, "", []):
            entry[target] = value
    return entry


def entry_section(collection: str, item: CollectionItem) -> str:
    """The section a collection's documents go to: ``publications``, ``work`` or ``custom``.

    The folder decides, as in Jekyll (c05's ``_talks/`` file declaring ``collection:
    publications`` is still a talk); only a ``_teaching/`` document that declares another
    collection (academicpages sites reuse it for ``students``) becomes a custom entry.
    """
    if collection == "publications":
        return "publications"
    if collection == "teaching":
        declared = item.front.get("collection")
        return "work" if declared in (None, "", "teaching") else "custom"
    return "custom"


def clean_text(value: Any) -> str | None:
    """Plain text from a front matter value: HTML tags dropped, entities decoded, one line."""
    if value is None:
        return None
    text = str(value).replace("\ufeff", "")  # a byte order mark pasted in: never visible
    if "<" in text:
        text = re.sub(r"<[^>]*>", "", text)
    if "&" in text:
        from html import unescape  # not at import: ~2.5 ms, and few values have entities

        text = unescape(text)
    text = " ".join(text.split())
    return text or None


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``) from a front matter date; None if it is none.

    Other spellings (``2024.01.01``, ``6/1995``, ``March 2020``) are read by the CV date
    reader (``dates.parse_date``); a value that is no date at all gives None (never an
    invalid date in the output: rule 9), and the document is ordered by its file name."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    text = str(value).strip()
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)", text)
    if match:
        y, m, d = match.groups()
        return f"{y}-{int(m):02d}-{int(d):02d}"
    match = re.match(r"^(\d{4})(?:-(\d{1,2}))?$", text)
    if match:
        y, m = match.groups()
        return f"{y}-{int(m):02d}" if m else y
    from resumeconv.dates import parse_date

    return parse_date(text) if text else None


#: Characters that take no room and are never meant as text when pasted into a site's
#: files: byte order marks, zero-width spaces, word joiners, the Mongolian vowel separator.
#: (Zero-width joiners stay: emoji sequences and some scripts need them.)
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u180e"))


def strip_invisible(text: str) -> str:
    """``text`` without the invisible characters of :data:`_INVISIBLE` (rule 7)."""
    return text.translate(_INVISIBLE)


# --------------------------------------------------------------------------- helpers


def _filename_date(name: str) -> str | None:
    match = re.match(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})-", name)
    if not match:
        return None
    y, m, d = match.groups()
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _collection_files(folder: Path, root: Path) -> list[Path]:
    """The documents of a collection folder, sorted; at most :data:`MAX_COLLECTION_FILES`.

    Nothing outside the site is read: a symlinked document, folder or collection that
    points out of ``root`` is an :class:`InputError` (symlinked folders inside the site are
    walked once each; a loop is not followed).
    """
    if not _inside(folder, root):
        raise _link_out_error(folder, root, f"the collection folder {folder.name}")
    found: list[Path] = []
    seen: set[str] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        real = os.path.realpath(current)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith((".", "_", "#")) or entry.name.endswith("~"):
                continue
            path = Path(entry.path)
            if entry.is_dir():
                if entry.is_symlink() and not _inside(path, root):
                    raise _link_out_error(path, root, "a folder of the collection")
                pending.append(path)
                continue
            if not entry.is_file() or path.suffix.lower() not in _DOC_SUFFIXES:
                continue
            if entry.is_symlink() and not _inside(path, root):
                raise _link_out_error(path, root, "a collection document")
            found.append(path)
            if len(found) > MAX_COLLECTION_FILES:
                raise InputError(
                    f"the collection folder {folder.name} holds more than "
                    f"{MAX_COLLECTION_FILES:,} documents: not read",
                    file=str(folder),
                    hint="a CV's collections hold tens to hundreds of documents; pass --site "
                    "with the right site folder, or move the others out",
                )
    return sorted(found)


def _collection_config(config: dict[str, Any], name: str) -> dict[str, Any]:
    collections = config.get("collections")
    if isinstance(collections, dict):
        value = collections.get(name)
        if isinstance(value, dict):
            return value
    return {}


def _sort_text(value: Any) -> tuple[int, str]:
    return (1, "") if value is None else (0, str(value))


def _put(entry: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, ""):
        entry[key] = value


def _text(value: Any) -> str | None:
    """A config value as stripped text; None for empty, null and non-scalars."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).replace("\ufeff", "").strip()  # a pasted byte order mark is not text
    return text or None


def _ptr(key: str) -> str:
    return "/" + escape(key)
