"""BibTeX reader: a ``.bib`` file as a resume holding only ``publications``.

bibtexparser (2.x) splits the file into blocks and resolves ``@string`` macros; its
middlewares remove the enclosing braces/quotes, turn month names into numbers and decode
LaTeX (``{\\"u}`` → ``ü``, ``{\\c c}`` → ``ç``, ``{Deep}`` → ``Deep``) through pylatexenc.
``crossref`` is resolved here (bibtexparser has no middleware for it yet). Each entry
becomes one publication; the mapping is in ``docs/extension.md`` ("BibTeX").

A block bibtexparser cannot parse is a warning at its line and the rest of the file is
kept; a file with no entry at all is one error. The same parse serves ``--bib FILE``
(:mod:`resumeconv.importers.bibmerge`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from resumeconv.errors import InputError, NotAResumeError
from resumeconv.importers.bibnames import Name, decode_latex, join_names, split_names
from resumeconv.model import Resume
from resumeconv.options import ReadOptions
from resumeconv.report import IMPORTED, NOTE, SKIPPED, UNMAPPED, ImportReport, SourceMap, pointer
from resumeconv.sources import Source

#: Entry type → ``x-type`` (the kind of publication, as a CV names it).
TYPES = {
    "article": "journal article",
    "inproceedings": "conference paper",
    "conference": "conference paper",
    "book": "book",
    "inbook": "book chapter",
    "incollection": "book chapter",
    "phdthesis": "PhD thesis",
    "mastersthesis": "master's thesis",
    "thesis": "thesis",
    "techreport": "technical report",
    "report": "technical report",
    "unpublished": "unpublished",
    "misc": "other",
    "online": "web page",
    "electronic": "web page",
    "www": "web page",
    "manual": "manual",
    "booklet": "booklet",
    "proceedings": "proceedings",
    "collection": "edited book",
    "patent": "patent",
    "software": "software",
    "dataset": "dataset",
}
#: Where the venue is, by priority: the first present becomes ``publisher``.
VENUE_FIELDS = (
    "journal",
    "journaltitle",
    "booktitle",
    "school",
    "institution",
    "publisher",
    "organization",
    "howpublished",
)
#: Fields that always reach a publication key of their own (the venue and the date parts
#: do when they are used); every other one is kept as ``x-bibtex-FIELD``.
_MAPPED = {"title", "author", "url", "doi", "abstract"}
_NAME_FIELDS = {"author", "editor", "translator"}
#: Fields that are not LaTeX text (``%`` and ``~`` are a URL's own characters).
_VERBATIM = {"url", "doi", "eprint", "file", "pdf"}
_DOI = re.compile(r"(10\.\d{4,9}/\S+)")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@dataclass(slots=True)
class Bibliography:
    """What one ``.bib`` file gave: publications (in file order) and where each came from."""

    file: str
    report: ImportReport
    publications: list[dict[str, Any]] = field(default_factory=list)
    positions: list[dict[str, int]] = field(default_factory=list)
    """Per publication: its key (``""`` for the entry itself) → line in the file."""
    warnings: list[tuple[str, int, int, str]] = field(default_factory=list)


def read(source: Source, options: ReadOptions) -> Resume:
    """A ``.bib`` file as a resume with only ``publications`` (the owner marked in bold)."""
    bib = parse(source, owners=options.authors)
    resume = Resume.from_dict({"publications": bib.publications})
    source_map = SourceMap(source.name)
    for i, lines in enumerate(bib.positions):
        for key, line in lines.items():
            source_map.add(pointer("publications", i, *([key] if key else [])), line)
    resume.source_map = source_map
    bib.report.warnings.extend(bib.warnings)
    resume.import_report = bib.report
    return resume


def parse(source: Source, owners: Sequence[str] = ()) -> Bibliography:
    """Every entry of ``source`` as a JSON Resume publication dict.

    Raises :class:`InputError` when the file has broken blocks and no entry, and
    :class:`NotAResumeError` when it has no entry at all."""
    import bibtexparser
    from bibtexparser import middlewares as mw
    from bibtexparser import model

    from resumeconv.importers.bibnames import parse_owner

    # bibtexparser logs each broken block; the import report says it once, at its line
    logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
    try:
        library = bibtexparser.parse_string(
            source.text,
            append_middleware=[mw.MonthIntMiddleware(True)],
        )
    except Exception as exc:  # bibtexparser's own bug on odd text: still one clean error
        raise InputError(
            f"bibtexparser could not read this file ({type(exc).__name__}: {exc})",
            file=source.name,
            hint="check the file is BibTeX (@article{key, title = {…}, …})",
        ) from None
    who = [n for n in (parse_owner(o) for o in owners) if n is not None]
    name = source.name
    bib = Bibliography(name, ImportReport(name))
    report = bib.report
    entries: list[Any] = []
    failed: list[Any] = []
    for block in library.blocks:
        start = (block.start_line or 0) + 1
        end = start + (block.raw or "").rstrip().count("\n")
        if isinstance(block, model.DuplicateBlockKeyBlock | model.DuplicateFieldKeyBlock):
            kept = block.ignore_error_block
            if isinstance(kept, model.Entry):
                entries.append(kept)
                bib.warnings.append((name, start, 1, _duplicate_message(block)))
                continue
        if isinstance(block, model.ParsingFailedBlock):
            failed.append(block)
            reason = _failure(block, source)
            report.add(start, end, UNMAPPED, None, f"malformed BibTeX: {reason}", block.raw or "")
            bib.warnings.append((name, start, 1, f"malformed BibTeX block left out: {reason}"))
        elif isinstance(block, model.Entry):
            entries.append(block)
        elif isinstance(block, model.String):
            report.add(start, end, NOTE, None, f"@string {block.key} (used where it is named)")
        elif isinstance(block, model.Preamble):
            report.add(start, end, SKIPPED, None, "@preamble (LaTeX for BibTeX styles)")
        elif isinstance(block, model.ExplicitComment | model.ImplicitComment) and (
            (block.raw or "").strip()
        ):
            report.add(start, end, SKIPPED, None, "comment", block.raw or "")
    if not entries:
        if failed:
            first = failed[0]
            raise InputError(
                f"malformed BibTeX: {_failure(first, source)}",
                file=name,
                line=(first.start_line or 0) + 1,
                hint="each entry is @type{key, field = {value}, …} with balanced braces",
            )
        raise NotAResumeError(
            "the BibTeX file has no entry (@article{…}, @inproceedings{…}, …)",
            file=name,
            line=1,
            hint="add entries, or pass the right file",
        )
    by_key = {e.key.casefold(): e for e in entries}
    parents = _resolve_crossrefs(entries, by_key, bib)
    for entry in entries:
        start = entry.start_line + 1
        end = start + (entry.raw or "").rstrip().count("\n")
        if entry.key.casefold() in parents:
            child = parents[entry.key.casefold()]
            report.add(start, end, SKIPPED, None, f"crossref target of {child}: read into it")
            continue
        index = len(bib.publications)
        pub, lines = _publication(entry, who)
        lines[""] = start
        bib.publications.append(pub)
        bib.positions.append(lines)
        report.add(start, end, IMPORTED, pointer("publications", index))
    return bib


def _resolve_crossrefs(
    entries: list[Any], by_key: dict[str, Any], bib: Bibliography
) -> dict[str, str]:
    """Copy a ``crossref`` parent's fields into each child that lacks them (BibTeX's rule;
    the parent's ``title`` is the child's ``booktitle``). Returns parent key → a child key:
    a volume that only exists to be cross-referenced is not one of the owner's papers."""
    from bibtexparser.model import Field

    parents: dict[str, str] = {}
    for entry in entries:
        ref = next((f for f in entry.fields if f.key.casefold() == "crossref"), None)
        if ref is None or not isinstance(ref.value, str):
            continue
        parent = by_key.get(ref.value.strip().casefold())
        if parent is None or parent is entry:
            what = "the entry itself" if parent is entry else "no entry has this key"
            bib.warnings.append(
                (bib.file, ref.start_line + 1, 1, f"crossref {ref.value!r}: {what}")
            )
            continue
        have = {k.casefold() for k in entry.fields_dict}
        for f in parent.fields:
            key = f.key.casefold()
            target = "booktitle" if key == "title" else key
            if target not in have and key != "crossref":
                entry.set_field(Field(target, f.value, f.start_line))
                have.add(target)
        entry.fields = [f for f in entry.fields if f is not ref]
        parents.setdefault(parent.key.casefold(), entry.key)
    return parents


def _publication(entry: Any, owners: Sequence[Name]) -> tuple[dict[str, Any], dict[str, int]]:
    """One entry → (publication, key → line). Every field lands somewhere."""
    fields = {f.key.casefold(): f for f in entry.fields}
    text = {
        k: _verbatim(f.value) if k in _VERBATIM else _text(f.value)
        for k, f in fields.items()
        if k not in _NAME_FIELDS
    }
    pub: dict[str, Any] = {}
    lines: dict[str, int] = {}

    def put(key: str, value: Any, source_field: str) -> None:
        if value in (None, ""):
            return
        pub[key] = value
        lines[key] = fields[source_field].start_line + 1

    if "title" in text:
        put("name", text["title"], "title")
    if "author" in fields:
        people = split_names(_raw(fields["author"].value))
        put("x-authors", join_names(people, owners), "author")
    venue = next((k for k in VENUE_FIELDS if text.get(k)), None)
    if venue is not None:
        put("publisher", text[venue], venue)
    date, date_field, status = _release_date(text, fields)
    used = set(_MAPPED) | {venue} | _date_fields(date, date_field, status)
    if date:
        put("releaseDate", date, date_field)
    if status:
        put("x-status", status, "year")
    doi = doi_of(text.get("doi", ""))
    if text.get("url"):
        put("url", text["url"], "url")
    elif doi:
        put("url", f"https://doi.org/{doi}", "doi")
    if doi:
        put("x-doi", doi, "doi")
    elif text.get("doi"):
        put("x-bibtex-doi", text["doi"], "doi")
    if text.get("abstract"):
        put("summary", text["abstract"], "abstract")
    kind = entry.entry_type.casefold()
    pub["x-type"] = TYPES.get(kind, kind)
    pub["x-citekey"] = entry.key
    for key, f in fields.items():
        if key in used:
            continue
        value = join_names(split_names(_raw(f.value))) if key in _NAME_FIELDS else text[key]
        put(f"x-bibtex-{key}", value, key)
    return pub, lines


def _release_date(text: dict[str, str], fields: dict[str, Any]) -> tuple[str, str, str]:
    """(ISO date, the field it came from, a status such as "in press" when the year is words)."""
    if _ISO_DATE.fullmatch(text.get("date", "")):
        return text["date"], "date", ""
    year_text = text.get("year", "")
    found = _YEAR.search(year_text)
    if found is None:
        return "", "", year_text
    date = found.group(1)
    month = fields.get("month")
    if month is not None and isinstance(month.value, int) and 1 <= month.value <= 12:
        date += f"-{month.value:02d}"
        day = text.get("day", "")
        if day.isdigit() and 1 <= int(day) <= 31:
            date += f"-{int(day):02d}"
    rest = year_text.replace(found.group(1), "", 1).strip(" ,.()")
    return date, "year", rest if len(rest) > 1 else ""


def _date_fields(date: str, date_field: str, status: str) -> set[str]:
    """The fields that made ``releaseDate`` / ``x-status``; a month or day that did not
    make it into the date stays a field of its own."""
    used = {"year"} if status else set()
    if date_field == "date":
        return used | {"date"}
    if date_field == "year":
        used |= {"year", "month"} if date.count("-") >= 1 else {"year"}
        if date.count("-") == 2:
            used.add("day")
    return used


def doi_of(value: str) -> str:
    """A bare DOI (``10.1000/xyz``) from ``doi:10…``, ``https://doi.org/10…`` or itself."""
    found = _DOI.search(value)
    return found.group(1).rstrip(".,;") if found else ""


def _raw(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _verbatim(value: Any) -> str:
    """A URL-like field as written (``\\_`` unescaped, as the ``url`` package does)."""
    return _raw(value).strip().replace("\\_", "_").replace("\\%", "%").replace("\\&", "&")


def _text(value: Any) -> str:
    """A field value as plain text: LaTeX decoded, white space collapsed."""
    if isinstance(value, int):
        return str(value)
    return decode_latex(_raw(value))


def _failure(block: Any, source: Source) -> str:
    """Why bibtexparser gave up on a block, in one line, with the line where it gave up
    (its own message counts lines from 0, so it is not quoted whole)."""
    from bibtexparser.exceptions import BlockAbortedException

    head = " ".join((block.raw or "").split())[:40]
    error = block.error
    if isinstance(error, BlockAbortedException):
        reason = " ".join(error.abort_reason.split()).rstrip(".")
        if error.end_index is not None:
            reason += f" (gave up at line {source.line_of(error.end_index)})"
        else:
            reason += " (the entry is never closed)"
    else:
        reason = " ".join(str(error).split()).rstrip(".")
    return f"{head!r}: {reason}" if head else reason


def _duplicate_message(block: Any) -> str:
    from bibtexparser.model import DuplicateBlockKeyBlock

    if isinstance(block, DuplicateBlockKeyBlock):
        first = (block.previous_block.start_line or 0) + 1
        return f"duplicate citation key {block.key!r} (first at line {first}): both are kept"
    keys = ", ".join(sorted(block.duplicate_keys))
    return f"duplicate field(s) {keys} in one entry: bibtexparser's choice of value is kept"
