"""Local files a resume's URLs stand for (the photo): found by readers, read by writers.

A CV page's photo is usually a file of its site (``images/profile.png``, or the site's own
URL of it, ``https://me.github.io/images/profile.png``); a JSON Resume's may be a path
beside the file. Readers know where the input lives, so they record which local file an
image URL names (``Resume.assets``); writers embed that file and never fetch anything from
the network. A file is used only when it is inside the input's folder or its site (no
symlink out, as for every file of a site), not too big, and really a PNG, JPEG or GIF.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Largest photo embedded (bytes): a portrait needs far less.
MAX_IMAGE_BYTES = 5 * 1024 * 1024
#: Image types by their first bytes (what Typst, Word and every browser show).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def local_file(
    url: str, folder: Path | None, site_root: Path | None = None, site_url: str | None = None
) -> Path | None:
    """The local file ``url`` names, or None when it is remote, inline or not found.

    ``folder`` is the input's folder (relative paths), ``site_root`` the Jekyll site
    (``/images/x.png`` and relative paths), ``site_url`` its ``url`` + ``baseurl`` (an
    absolute URL of the site is a file of ``site_root``).
    """
    url = url.strip()
    if not url or url.startswith(("data:", "//")):
        return None
    path: str
    roots: list[Path]
    if site_url and site_root and url.startswith(site_url.rstrip("/") + "/"):
        path, roots = url[len(site_url.rstrip("/")) + 1 :], [site_root]
    elif urlsplit(url).scheme:
        return None  # http(s), mailto:, file:… — never read, never fetched
    elif url.startswith("/"):
        path, roots = url.lstrip("/"), [site_root] if site_root else []
    else:
        path, roots = url, [r for r in (folder, site_root) if r is not None]
    path = unquote(urlsplit(path).path)
    for root in roots:
        found = _inside(root, path)
        if found is not None:
            return found
    return None


def _inside(root: Path, relative: str) -> Path | None:
    base = os.path.realpath(root)
    real = os.path.realpath(os.path.join(base, relative))
    if not real.startswith(base.rstrip(os.sep) + os.sep) or not os.path.isfile(real):
        return None
    return Path(real)


def image_data_url(path: str | Path) -> str | None:
    """The file as a ``data:`` URL, or None if it is not a PNG/JPEG/GIF or is too big."""
    try:
        if os.path.getsize(path) > MAX_IMAGE_BYTES:
            return None
        with open(path, "rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError:
        return None
    mime = next((m for magic, m in _MAGIC if data.startswith(magic)), None)
    if mime is None or len(data) > MAX_IMAGE_BYTES:
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def data_url_bytes(url: str) -> bytes | None:
    """The bytes of a ``data:image/…;base64,`` URL, or None."""
    head, _, payload = url.partition(",")
    if not head.startswith("data:image/") or not head.endswith(";base64"):
        return None
    try:
        return base64.b64decode(payload, validate=False)
    except ValueError:
        return None


def photo(
    image: object, folder: Path | None, site_root: Path | None = None, site_url: str | None = None
) -> dict[str, str]:
    """``{image URL: local file}`` for a resume's ``basics.image`` when it names a local file
    (what readers store in ``Resume.assets``); empty otherwise."""
    if not isinstance(image, str):
        return {}
    found = local_file(image, folder, site_root, site_url)
    return {image: str(found)} if found is not None else {}
