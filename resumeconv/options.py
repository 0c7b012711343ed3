"""What readers and writers may need beyond the text or the model.

Kept apart from the format registry so that the registry is only name → reader/writer, and
so that a reader or writer module can import its options without importing the registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class ReadOptions:
    """What a reader may need beyond the text."""

    site: Path | None = None
    """Jekyll site root for resolving Liquid loops (found from the input path when None)."""
    find_site: bool = True
    """Look for ``_config.yml`` above the input when ``site`` is not given."""
    bibliographies: tuple[Path, ...] = ()
    """``--bib`` files whose publications are added after the input's own."""
    authors: tuple[str, ...] = ()
    """``--author`` names: the owner, bold in BibTeX author lists (``**J. Doe**``)."""


@dataclass(slots=True)
class WriteOptions:
    """What a writer may need beyond the model. Writers ignore what they do not use."""

    locale: str | None = None
    """Language of dates and default titles; None: the page's (see ``outline.build``)."""
    paper: str = "a4"
    theme: str | None = None
    """A built-in theme name (``resumeconv themes``) or an HTML theme folder."""
    flavor: str | None = None
    reference_doc: str | None = None
    """A .docx whose styles the DOCX takes, as pandoc's ``--reference-doc`` (else ours)."""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, options: dict[str, Any]) -> WriteOptions:
        """Options from keyword arguments; unknown names go to ``extra``, None means default."""
        known = {"locale", "paper", "theme", "flavor", "reference_doc"}
        kwargs = {k: v for k, v in options.items() if k in known and v is not None}
        if "theme" in kwargs:
            kwargs["theme"] = str(kwargs["theme"])
        extra = {k: v for k, v in options.items() if k not in known}
        return cls(**kwargs, extra=extra)
