"""Adding a bibliography to a resume: ``--bib FILE`` and a Jekyll site's ``_bibliography/``.

The BibTeX file's publications come after the resume's own, in file order. A paper the
resume already lists (same DOI, else same title, case, accents and punctuation ignored) is
not added twice: the fields it lacks are filled from the bibliography, nothing it has is
overwritten. Positions of the added values point into the ``.bib`` file, whose warnings
(malformed blocks) join the resume's import report.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from typing import Any

from resumeconv.errors import InputError
from resumeconv.model import Resume
from resumeconv.options import ReadOptions
from resumeconv.report import ImportReport, Position, SourceMap, pointer


def apply(resume: Resume, options: ReadOptions) -> Resume:
    """``resume`` with the ``--bib`` files of ``options`` added, the owner marked."""
    owners = owners_for(resume, options.authors)
    return add_bibliographies(resume, options.bibliographies, owners)


def owners_for(resume: Resume, authors: Sequence[str]) -> tuple[str, ...]:
    """The names to mark as the owner: ``--author``, else the resume's ``basics.name``."""
    if authors:
        return tuple(authors)
    name = getattr(resume.basics, "name", None) if resume.basics is not None else None
    return (name,) if isinstance(name, str) and name.strip() else ()


def add_bibliographies(
    resume: Resume, paths: Sequence[str | os.PathLike[str]], owners: Sequence[str]
) -> Resume:
    """``resume`` with the publications of every ``.bib`` in ``paths`` appended (deduplicated).

    Raises the BibTeX reader's errors (a file that cannot be read, or has no entry) with
    that file's name and line."""
    from resumeconv.importers import bibtex
    from resumeconv.sources import read_source

    data = resume.to_dict()
    pubs = data.setdefault("publications", [])
    if not isinstance(pubs, list):
        raise InputError(
            "publications is not a list, so the bibliography cannot be added to it",
            hint="make publications a list ([...]) or drop --bib",
        )
    source_map = resume.source_map or SourceMap(getattr(resume.import_report, "file", ""))
    report = resume.import_report or ImportReport(source_map.file)
    seen: dict[str, int] = {}
    for index, pub in enumerate(pubs):
        for key in _identities(pub):
            seen.setdefault(key, index)
    added: list[int] = []
    for path in paths:
        bib = bibtex.parse(read_source(path), owners=owners)
        name = bib.file
        report.read_files.append(str(path))
        report.warnings.extend(bib.warnings)
        new: dict[str, int] = {}  # twins are looked for before this file, not inside it
        for pub, lines in zip(bib.publications, bib.positions, strict=True):
            twin = next((seen[k] for k in _identities(pub) if k in seen), None)
            if twin is not None and isinstance(pubs[twin], dict):
                filled = _complete(pubs[twin], pub, report, name, lines)
                _locate(source_map, twin, {k: lines[k] for k in filled if k in lines}, name)
                continue
            index = len(pubs)
            pubs.append(pub)
            added.append(index)
            for key in _identities(pub):
                new.setdefault(key, index)
            _locate(source_map, index, lines, name)
        for key, index in new.items():
            seen.setdefault(key, index)
    if not pubs:
        del data["publications"]
    _extend_layout(data, added)
    merged = Resume.from_dict(data)
    merged.source_map = source_map
    merged.import_report = report
    merged.assets = resume.assets  # what the reader found beside the input (the photo)
    return merged


def _complete(
    twin: dict[str, Any],
    pub: dict[str, Any],
    report: ImportReport,
    file: str,
    lines: dict[str, int],
) -> list[str]:
    """Fill the keys ``twin`` lacks from ``pub``; returns them. A value that differs from
    the twin's is not used, and the warning says so (nothing is dropped silently)."""
    filled = [key for key in pub if key not in twin]
    for key in filled:
        twin[key] = pub[key]
    differ = [
        k
        for k in pub
        if k not in filled and not k.startswith("x-") and _folded(twin[k]) != _folded(pub[k])
    ]
    if differ:
        title = pub.get("name", pub.get("x-citekey", ""))
        report.warn(
            file,
            lines.get("", 1),
            1,
            f"{title!r} is already in the resume (same DOI or title): only the fields it "
            f"lacked were added; the resume's own {', '.join(differ)} "
            + (
                "is kept (the .bib's differs)"
                if len(differ) == 1
                else "are kept (the .bib's differ)"
            ),
        )
    return filled


def _locate(source_map: SourceMap, index: int, lines: dict[str, int], file: str) -> None:
    """Where each added value came from: the ``.bib`` file's lines."""
    for key, line in lines.items():
        ptr = pointer("publications", index, *([key] if key else []))
        source_map.positions.setdefault(ptr, Position(file, line))


def _extend_layout(data: dict[str, Any], added: list[int]) -> None:
    """Show the added publications under the page's (last) publications heading; with no
    such heading they are rendered after the listed sections, under the standard title."""
    meta = data.get("meta")
    ext = meta.get("x-resumeconv") if isinstance(meta, dict) else None
    sections = ext.get("sections") if isinstance(ext, dict) else None
    if not added or not isinstance(sections, list):
        return
    home = [s for s in sections if isinstance(s, dict) and s.get("section") == "publications"]
    if home and isinstance(home[-1].get("items", []), list):
        home[-1]["items"] = [*home[-1].get("items", []), *added]


def _identities(pub: Any) -> list[str]:
    """What makes two publications one: the citation key, the DOI, the title (folded)."""
    if not isinstance(pub, dict):
        return []
    from resumeconv.importers.bibtex import doi_of

    keys = []  # strongest first: the same citation key, the same DOI, the same title
    if isinstance(pub.get("x-citekey"), str):
        keys.append("key:" + pub["x-citekey"])
    url = pub.get("url")
    for value in (pub.get("x-doi"), url if isinstance(url, str) and "doi.org/" in url else None):
        doi = doi_of(value) if isinstance(value, str) else ""
        if doi:
            keys.append("doi:" + doi.casefold())
    title = pub.get("name")
    letters = _folded(title) if isinstance(title, str) else ""
    if letters:
        keys.append("title:" + letters)
    return keys


def _folded(value: Any) -> Any:
    """A text with case, accents, spaces and punctuation ignored (other values as they are)."""
    if not isinstance(value, str):
        return value
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if c.isalnum())
