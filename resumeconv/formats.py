"""The format registry: format name and file extension → reader and writer.

Readers and writers are named as ``"module:function"`` strings and imported only when
used, so that ``resumeconv validate`` never loads an exporter (or pandoc, Typst, Jinja2).

Signatures, one per kind (as pandoc has readers and writers):

- reader: ``read(source: Source, options: ReadOptions) -> Resume``
- writer: ``write(resume: Resume, options: WriteOptions) -> bytes``
- document reader (optional): ``read_document(source, options) -> Document``, the reader
  stopped before the model: validation needs only the JSON document and where each value
  came from, so ``resumeconv validate`` skips building the model and writing it back out.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
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
    document_reader: str | None = None
    """Optional ``"module:function"``: the reader without the model (see the module doc)."""
    prepare: str | None = None
    """Optional ``"module:function"`` called with the WriteOptions before the input is read,
    to start slow engines early (pandoc); it must never raise."""

    def load_reader(self) -> Callable[..., Any]:
        if self.reader is None:
            raise UsageError(f"resumeconv cannot read {self.name}", hint=_readable_hint())
        return _resolve(self.reader)

    def load_document_reader(self) -> Callable[..., Any] | None:
        """The document reader, or None when the format has none (use the reader)."""
        return _resolve(self.document_reader) if self.document_reader is not None else None

    def prepare_writer(self, options: WriteOptions) -> None:
        """Let the writer start its engine while the input is read (a no-op for most)."""
        if self.prepare is not None:
            _resolve(self.prepare)(options)

    def load_writer(self) -> Callable[..., Any]:
        if self.writer is None:
            raise UsageError(f"resumeconv cannot write {self.name}", hint=_writable_hint())
        return _resolve(self.writer)


@dataclass(slots=True)
class ReadOptions:
    """What a reader may need beyond the text."""

    site: Path | None = None
    """Jekyll site root for resolving Liquid loops (found from the input path when None)."""
    find_site: bool = True
    """Look for ``_config.yml`` above the input when ``site`` is not given."""


@dataclass(slots=True)
class Document:
    """What a document reader returns: the JSON Resume document as plain JSON values,
    where its values came from, and what became of each source block.

    ``Resume.from_dict(document.data)`` is what the format's reader returns (its
    ``to_dict()`` equals ``data`` up to key order)."""

    data: dict[str, Any]
    source_map: Any = None
    import_report: Any = None


@dataclass(slots=True)
class WriteOptions:
    """What a writer may need beyond the model. Writers ignore what they do not use."""

    locale: str = "en"
    paper: str = "a4"
    theme: Path | None = None
    flavor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, options: dict[str, Any]) -> WriteOptions:
        """Options from keyword arguments; unknown names go to ``extra``, None means default."""
        known = {"locale", "paper", "theme", "flavor"}
        kwargs = {k: v for k, v in options.items() if k in known and v is not None}
        if "theme" in kwargs:
            kwargs["theme"] = Path(kwargs["theme"])
        extra = {k: v for k, v in options.items() if k not in known}
        return cls(**kwargs, extra=extra)


FORMATS: tuple[Format, ...] = (
    Format(
        "markdown",
        (".md", ".markdown"),
        "CV page (academicpages / Jekyll Markdown)",
        reader="resumeconv.importers.markdown:read",
        writer="resumeconv.exporters.markdown:write",
        document_reader="resumeconv.importers.markdown:read_document",
    ),
    Format(
        "json",
        (".json",),
        "JSON Resume (any published version)",
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
        prepare="resumeconv.exporters.docx:prepare",
    ),
    Format("pdf", (".pdf",), "PDF (through Typst)", writer="resumeconv.exporters.pdf:write"),
)

_BY_NAME = {f.name: f for f in FORMATS}
_ALIASES = {"md": "markdown", "yml": "yaml", "htm": "html"}
_BY_EXT = {ext: f for f in FORMATS for ext in f.extensions}


def by_name(name: str) -> Format:
    """The format called ``name`` (``md`` and ``yml`` are accepted too)."""
    key = name.lower().lstrip(".")
    fmt = _BY_NAME.get(_ALIASES.get(key, key))
    if fmt is None:
        raise UsageError(f"unknown format {name!r}", hint="run 'resumeconv formats' for the list")
    return fmt


def for_path(path: str | Path) -> Format:
    """The format a file name implies by its extension."""
    suffix = Path(str(path)).suffix.lower()
    fmt = _BY_EXT.get(suffix)
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {str(path)!r} from its extension",
            hint="name it .md, .json, .yaml, .html, .docx or .pdf, or pass -f/-t",
        )
    return fmt


def _resolve(spec: str) -> Callable[..., Any]:
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


def _readable_hint() -> str:
    return "readable formats: " + ", ".join(f.name for f in FORMATS if f.reader)


def _writable_hint() -> str:
    return "writable formats: " + ", ".join(f.name for f in FORMATS if f.writer)
