"""Which files of a folder are resumes: CV pages and resume documents, not every text file.

A folder given as input (``resumeconv convert site/ -o out/``) means its CV pages and
resume files. In a Jekyll site that excludes ``_config.yml``, the collection documents
(``_publications/…``), posts, layouts and the site's other pages; anywhere it excludes
JSON and YAML files that hold no JSON Resume section nor RenderCV's ``cv:`` (``package.json``,
``navigation.yml``)
and the project files every repository has (``README.md``, ``LICENSE.md``).

The test is cheap (the first 64 KiB of the file, a few patterns), and errs on the side of
converting: a file that is meant as a resume but broken is kept, so that its error is shown.
"""

from __future__ import annotations

import os
import re

#: JSON Resume's top-level keys (and ``$schema``): a JSON or YAML resume has at least one.
RESUME_KEYS = (
    "basics|work|volunteer|education|awards|certificates|publications|skills|languages|"
    "interests|references|projects|meta|\\$schema"
)
_JSON_KEY = re.compile(rf'"(?:{RESUME_KEYS})"\s*:')
_YAML_KEY = re.compile(rf"^[\"']?(?:{RESUME_KEYS}|cv)[\"']?[ \t]*:", re.M)  # cv: RenderCV
#: A CV named as such: in the file name, or in the page's title or permalink.
_CV_WORD = r"(?:cv|resume|résumé|vita|vitae|curriculum)"
_CV_NAME = re.compile(rf"(?:^|[-_. ]){_CV_WORD}(?:$|[-_. ])", re.I)
_CV_FRONT = re.compile(rf"^(?:title|permalink)[ \t]*:.*\b{_CV_WORD}\b", re.I | re.M)
#: Files every project has, which are never a resume.
PROJECT_FILES = {"readme", "license", "licence", "changelog", "contributing", "code_of_conduct"}
_HEAD = 64 * 1024


def is_site_root(folder: str) -> bool:
    """A Jekyll site's folder: it has ``_config.yml``."""
    return os.path.isfile(os.path.join(folder, "_config.yml"))


def skip_folder(name: str, in_site: bool) -> bool:
    """Folders never searched: hidden ones, ``node_modules``, Jekyll's output ``_site``, and
    in a site every ``_folder`` (collections, posts, layouts) except ``_pages`` and ``_data``."""
    if name.startswith(".") or name in ("_site", "node_modules"):
        return True
    return in_site and name.startswith("_") and name not in ("_pages", "_data")


def is_resume_file(path: str, in_site: bool) -> bool:
    """Whether a ``.md``/``.json``/``.yaml`` file found in a folder is a resume to convert."""
    name = os.path.basename(path)
    stem, suffix = os.path.splitext(name)
    suffix = suffix.lower()
    if stem.lower() in PROJECT_FILES or name.startswith("_config"):
        return False
    head = _head(path)
    if head is None:
        return True  # unreadable: converting it reports why
    if suffix in (".json", ".jsonc"):
        return bool(_JSON_KEY.search(head))
    if suffix in (".yaml", ".yml"):
        return bool(_YAML_KEY.search(head))
    if not in_site:
        return True  # a folder of CV pages
    return bool(_CV_NAME.search(stem) or _CV_FRONT.search(_front_matter(head)))


def _head(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read(_HEAD)
    except OSError:
        return None
    return data.decode("utf-8", "replace")


def _front_matter(text: str) -> str:
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return ""
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[3:], re.M)
    return text[3 : 3 + end.start()] if end else ""
