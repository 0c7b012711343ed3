"""Which BibTeX files of a Jekyll site a CV page shows, as jekyll-scholar would.

al-folio and other jekyll-scholar sites keep their papers in ``_bibliography/*.bib`` and
print them with ``{% bibliography %}``; the page itself lists none. Read without them such
a CV has an empty publications section, so the CV-page reader asks :func:`find` for the
files to add (through :mod:`resumeconv.importers.bibmerge`):

- the page uses ``{% bibliography %}``: the file it names (``--file papers`` / ``-f
  papers``), else ``scholar.bibliography`` of ``_config.yml``, else ``references.bib``
  when it exists, else every ``*.bib`` of the folder (``scholar.source``, by default
  ``_bibliography``);
- the page has no such tag, but a publications heading with nothing under it and the site
  has that folder: the same files, as the tag without ``--file`` would take.

Query options (``--query @article``) are not applied: every entry of the file is added,
and the report says so. The rules are documented in ``docs/extension.md`` ("BibTeX").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TAG = re.compile(r"\{%-?\s*bibliography(?:\s+([^%]*?))?\s*-?%\}")
_FILE_OPTION = re.compile(r"(?:--file|-f)\s+[\"']?([^\s\"']+)")
_QUERY_OPTION = re.compile(r"(?:--query|-q)\s")


@dataclass(slots=True)
class Found:
    """The files to add, why (one sentence for the import report), and what went wrong."""

    files: list[Path] = field(default_factory=list)
    why: str = ""
    line: int = 1
    warnings: list[str] = field(default_factory=list)


def find(site: Any, page_text: str, data: dict[str, Any]) -> Found:
    """The site's BibTeX files this page shows (none when it shows none)."""
    from resumeconv.importers.jekyll import _inside, _link_out_error

    config = site.config.get("scholar") if isinstance(site.config, dict) else None
    config = config if isinstance(config, dict) else {}
    source = config.get("source") if isinstance(config.get("source"), str) else "_bibliography"
    folder = site.root / source.strip().removeprefix("./")
    tag = _TAG.search(page_text)
    found = Found()
    if tag is None and not (_empty_publications(data) and folder.is_dir()):
        return found
    options = (tag.group(1) or "") if tag is not None else ""
    if tag is not None:
        found.line = page_text.count("\n", 0, tag.start()) + 1
        found.why = f"{{% bibliography {options} %}} (jekyll-scholar)".replace("  ", " ")
    else:
        found.why = f"the publications heading is empty and the site has {source}/"
    named = _FILE_OPTION.search(options)
    configured = config.get("bibliography")
    if named is not None:
        files = [_bib_path(folder, named.group(1))]
    elif isinstance(configured, str) and configured.strip():
        files = [_bib_path(folder, configured.strip())]
    elif (folder / "references.bib").is_file():
        files = [folder / "references.bib"]
    else:
        files = sorted(folder.glob("*.bib")) if folder.is_dir() else []
    for path in files:
        if not path.is_file():
            found.warnings.append(f"{path}: no such BibTeX file, so its entries are missing")
            continue
        if not _inside(path, site.root):
            raise _link_out_error(path, site.root, "the bibliography")
        found.files.append(path)
    if not files:
        found.warnings.append(f"{folder}: no .bib file for {found.why}")
    if _QUERY_OPTION.search(options):
        found.why += "; its --query is not applied: every entry of the file is added"
    return found


def _bib_path(folder: Path, name: str) -> Path:
    return folder / (name if name.endswith(".bib") else name + ".bib")


def _empty_publications(data: dict[str, Any]) -> bool:
    """Whether the page has a publications heading with no entry under it."""
    meta = data.get("meta")
    ext = meta.get("x-resumeconv") if isinstance(meta, dict) else None
    sections = ext.get("sections") if isinstance(ext, dict) else None
    if not isinstance(sections, list):
        return False
    return any(
        isinstance(s, dict) and s.get("section") == "publications" and not s.get("items")
        for s in sections
    )
