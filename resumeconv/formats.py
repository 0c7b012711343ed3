"""The format registry: format name and file extension → reader and writer.

Readers and writers are named as ``"module:function"`` strings and imported only when
used, so that ``resumeconv validate`` never loads an exporter (or pandoc, Typst, Jinja2).

One signature per kind, as pandoc has readers and writers:

- reader: ``read(source: Source, options: ReadOptions) -> Resume``
- writer: ``write(resume: Resume, options: WriteOptions) -> bytes``

(The options are :mod:`resumeconv.options`.)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resumeconv.errors import UsageError


@dataclass(frozen=True, slots=True)
class Format:
    """One format resumeconv reads and/or writes."""

    name: str
    extensions: tuple[str, ...]
    description: str
    reader: str | None = None
    writer: str | None = None

    def load_reader(self) -> Callable[..., Any]:
        if self.reader is None:
            raise UsageError(f"resumeconv cannot read {self.name}", hint=_readable_hint())
        return _resolve(self.reader)

    def load_writer(self) -> Callable[..., Any]:
        if self.writer is None:
            raise UsageError(f"resumeconv cannot write {self.name}", hint=_writable_hint())
        return _resolve(self.writer)


FORMATS: tuple[Format, ...] = (
    Format(
        "markdown",
        (".md", ".markdown"),
        "CV page (academicpages / Jekyll Markdown)",
        reader="resumeconv.importers.markdown:read",
        writer="resumeconv.exporters.markdown:write",
    ),
    Format(
        "json",
        (".json", ".jsonc"),
        "JSON Resume (any published version; comments allowed)",
        reader="resumeconv.importers.json:read",
        writer="resumeconv.exporters.json:write",
    ),
    Format(
        "yaml",
        (".yaml", ".yml"),
        "JSON Resume fields as YAML",
        reader="resumeconv.importers.yaml:read",
        writer="resumeconv.exporters.yaml:write",
    ),
    Format(
        "rendercv",
        (".rcv.yaml", ".rcv.yml"),
        "RenderCV YAML (cv: with sections:, design:, locale:)",
        reader="resumeconv.importers.rendercv:read",
        writer="resumeconv.exporters.rendercv:write",
    ),
    Format(
        "bibtex",
        (".bib",),
        "BibTeX bibliography (publications only; --bib adds one to any input)",
        reader="resumeconv.importers.bibtex:read",
    ),
    Format(
        "html",
        (".html", ".htm"),
        "self-contained HTML page",
        writer="resumeconv.exporters.html:write",
    ),
    Format(
        "docx",
        (".docx",),
        "Word document (through pandoc)",
        writer="resumeconv.exporters.docx:write",
    ),
    Format("pdf", (".pdf",), "PDF (through Typst)", writer="resumeconv.exporters.pdf:write"),
)

_BY_NAME = {f.name: f for f in FORMATS}
_ALIASES = {"md": "markdown", "yml": "yaml", "htm": "html", "rcv": "rendercv", "bib": "bibtex"}
_BY_EXT = {ext: f for f in FORMATS for ext in f.extensions}


def by_name(name: str) -> Format:
    """The format called ``name`` (``md``, ``yml`` and ``rcv`` are accepted too)."""
    key = name.lower().lstrip(".")
    fmt = _BY_NAME.get(_ALIASES.get(key, key))
    if fmt is None:
        raise UsageError(f"unknown format {name!r}", hint="run 'resumeconv formats' for the list")
    return fmt


def for_path(path: str | Path) -> Format:
    """The format a file name implies by its extension (``.rcv.yaml`` before ``.yaml``)."""
    suffixes = [s.lower() for s in Path(str(path)).suffixes[-2:]]
    fmt = _BY_EXT.get("".join(suffixes)) if len(suffixes) == 2 else None
    fmt = fmt or _BY_EXT.get(suffixes[-1] if suffixes else "")
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {str(path)!r} from its extension",
            hint="name it .md, .json, .yaml, .rcv.yaml, .bib, .html, .docx or .pdf, or pass -f/-t",
        )
    return fmt


def _resolve(spec: str) -> Callable[..., Any]:
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


def _readable_hint() -> str:
    return "readable formats: " + ", ".join(f.name for f in FORMATS if f.reader)


def _writable_hint() -> str:
    return "writable formats: " + ", ".join(f.name for f in FORMATS if f.writer)
