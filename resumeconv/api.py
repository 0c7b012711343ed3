"""The library API: load, validate, render, dump, convert. The CLI is a thin layer on this.

``render`` and ``convert_bytes`` are pure (bytes in, bytes out, no files), so that they can
be mapped over millions of documents with Dask or Spark. Nothing here prints.

The command line (``resumeconv.cli``) imports only this module from the library; what it
needs beyond the five calls (the format registry, atomic writes, the error kinds) is
re-exported here under the names below.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from resumeconv.discover import is_resume_file, is_site_root, skip_folder
from resumeconv.errors import ExportError, InputError, OutputError, ResumeconvError, UsageError
from resumeconv.formats import FORMATS, Format
from resumeconv.formats import by_name as format_named
from resumeconv.formats import for_path as format_of_path
from resumeconv.model import Resume
from resumeconv.options import ReadOptions, WriteOptions
from resumeconv.outputs import (
    backup,
    check_destination,
    check_not_input,
    make_folder,
    remove_temporaries,
    write_atomic,
)
from resumeconv.report import one_line
from resumeconv.sources import (
    Source,
    decode,
    is_rendercv,
    name_too_long,
    read_source,
    sniff_format,
)
from resumeconv.starter import STARTER_NAMES, starter
from resumeconv.validation.issues import Issue

__all__ = [
    "FORMATS",
    "STARTER_NAMES",
    "Format",
    "InputError",
    "Issue",
    "OutputError",
    "Resume",
    "ResumeconvError",
    "Source",
    "UsageError",
    "backup",
    "check_destination",
    "check_not_input",
    "convert",
    "convert_bytes",
    "dump",
    "export_notes",
    "fix",
    "format_for_output",
    "format_named",
    "format_of_path",
    "is_resume_file",
    "is_site_root",
    "load",
    "make_folder",
    "name_too_long",
    "one_line",
    "remove_temporaries",
    "render",
    "site_files",
    "site_root",
    "skip_folder",
    "theme_warning",
    "themes",
    "validate",
    "write_atomic",
    "write_starter",
]

PathLike = str | os.PathLike[str]


def load(
    source: PathLike | bytes | Source | dict[str, Any],
    format: str | None = None,
    site: PathLike | None = None,
    bib: Sequence[PathLike] = (),
    author: Sequence[str] | str = (),
) -> Resume:
    """Read a resume from a path (``-`` for stdin), raw bytes, a Source or a dict.

    The format comes from ``format`` or the file extension. ``site`` is the Jekyll site root
    for a CV page; by default it is found by walking up from the page to ``_config.yml``.
    ``bib`` names BibTeX files whose publications are added after the resume's own;
    ``author`` is the owner's name (or names), bold in BibTeX author lists (by default the
    resume's ``basics.name``). The returned resume carries ``source_map`` and
    ``import_report``.
    """
    options = ReadOptions(
        site=Path(site) if site is not None else None,
        bibliographies=tuple(Path(b) for b in bib),
        authors=(author,) if isinstance(author, str) else tuple(author),
    )
    if isinstance(source, dict):
        resume = Resume.from_dict(source)
    else:
        src, fmt = _source_and_format(source, format)
        reader = fmt.load_reader()
        try:
            resume = reader(src, options)
        except ResumeconvError as exc:
            raise exc.located(src.name) from None
    if options.bibliographies:
        from resumeconv.importers import bibmerge

        resume = bibmerge.apply(resume, options)
    return resume


def validate(resume: Resume, schema_version: str = "1.2.1", lint: bool = True) -> list[Issue]:
    """All schema errors and lint findings, each an :class:`~resumeconv.validation.Issue`."""
    from resumeconv.validation import check

    return check(resume, schema_version=schema_version, lint=lint)


def export_notes(resume: Resume, formats: list[str]) -> list[str]:
    """What writing ``resume`` in ``formats`` leaves out that a person would look for, said
    once per resume (the writers themselves never print): a remote photo is never fetched,
    so PDF and DOCX go without it."""
    notes = []
    basics = resume.basics
    image = getattr(basics, "image", None)
    offline = [f for f in ("pdf", "docx") if f in formats]
    if isinstance(image, str) and image.strip() and (offline or "html" in formats):
        from resumeconv.exporters.outline import photo

        shown = photo(resume) or ""
        if shown and not shown.startswith("data:") and offline:
            notes.append(
                f"basics.image {image!r} is a remote URL: resumeconv never downloads, so "
                f"{' and '.join(f.upper() for f in offline)} show no photo (HTML links it); "
                "put the file in the site or beside the input to embed it"
            )
        elif not shown:
            notes.append(
                f"basics.image {image!r} is no PNG, JPEG or GIF file inside the input's folder "
                "or its site: no photo is shown"
            )
    return notes


def themes() -> list[tuple[str, str]]:
    """(name, description) of every built-in theme, for ``--theme NAME`` (HTML and PDF)."""
    from resumeconv.exporters.themes import listing

    return listing()


def _source_and_format(
    source: PathLike | bytes | Source, format: str | None
) -> tuple[Source, Format]:
    """The input as a Source, and its format (named, or told by the file extension)."""
    if isinstance(source, bytes):
        if format is None:
            raise UsageError("loading bytes needs format=", hint="e.g. format='markdown'")
        src = Source(decode(source, "<bytes>"), name="<bytes>")
    elif isinstance(source, Source):
        src = source
    else:
        src = read_source(source)
    if format is not None:
        return src, format_named(format)
    if src.path is not None:
        fmt = format_of_path(src.path)
        if fmt.name in ("yaml", "rendercv"):  # the content decides: cv: is RenderCV
            fmt = format_named("rendercv" if is_rendercv(src.text) else "yaml")
        return src, fmt
    if src.name == "<stdin>":
        sniffed = sniff_format(src.text)
        if sniffed is not None:
            return src, format_named(sniffed)
        raise UsageError(
            "cannot tell the format of <stdin>: it starts with no '{', front matter,"
            " heading or 'key:' line",
            hint="name it with -f markdown, -f json, -f yaml or -f rendercv",
        )
    raise UsageError(
        f"cannot tell the format of {src.name}", hint="pass format= (or -f on the command line)"
    )


def site_files(page: PathLike) -> list[str]:
    """What Jekyll reads around a CV page, which no output may be: its site's
    ``_config.yml`` and every file in the site's ``_name/`` folders (collections, data,
    layouts). Empty when the page has no site. Known before any page is parsed, so a batch
    can refuse an output that one input's site would read before another job writes it."""
    from resumeconv.importers import jekyll

    if str(page) == "-":
        return []
    root = jekyll.find_site(Path(page))
    if root is None:
        return []
    files = [str(root / jekyll.CONFIG_NAME)]
    for folder in sorted(root.iterdir()):
        if folder.name.startswith("_") and folder.name != "_site" and folder.is_dir():
            files += [str(f) for f in sorted(folder.rglob("*")) if f.is_file()]
    return files


def site_root(page: PathLike, site: PathLike | None = None) -> Path | None:
    """The Jekyll site a CV page is read with (``site``, or the one found from the page),
    or None: what a watcher must watch besides the page, before the page has ever parsed."""
    from resumeconv.importers import jekyll

    if str(page) == "-":
        return None
    return jekyll.find_site(Path(page), Path(site) if site is not None else None)


def format_for_output(path: PathLike, to_format: str | None = None) -> Format:
    """The format to write ``path`` in: ``to_format``, or the one its extension names.
    Both, disagreeing (``cv.html`` with ``pdf``), is refused: it would write a PDF named
    .html. An extension no format has (``cv.txt``, ``-``) leaves ``to_format`` to decide;
    a ``.yaml``/``.yml`` name takes ``rendercv`` too (``.rcv.yaml`` alone implies it)."""
    if to_format is None:
        return format_of_path(path)
    fmt = format_named(to_format)
    if str(path) == "-":
        return fmt
    try:
        implied = format_of_path(path)
    except UsageError:
        return fmt
    if implied.name == "yaml" and fmt.name == "rendercv":
        return fmt  # a RenderCV file is YAML: John_Doe_CV.yaml is a fine name for one
    if implied.name != fmt.name:
        name = Path(str(path)).name
        raise UsageError(
            f"the output name says {implied.name} but the format asked for is {fmt.name}",
            file=str(path),
            hint=f"name it {Path(name).stem}{fmt.extensions[0]}"
            + (f", or use -t {implied.name}" if implied.writer else ""),
        )
    return fmt


def render(resume: Resume, format: str, **options: Any) -> bytes:
    """The resume in ``format`` as bytes (pure: writes no file)."""
    fmt = format_named(format)
    try:
        return fmt.load_writer()(resume, WriteOptions.from_mapping(options))
    except UnicodeEncodeError as exc:
        # readers refuse lone surrogates; a model built from a dict can still hold one
        if not 0xD800 <= ord(exc.object[exc.start]) <= 0xDFFF:
            raise
        raise ExportError(
            f"the text holds U+{ord(exc.object[exc.start]):04X}, half of a UTF-16 surrogate "
            f"pair, which no {fmt.name} file can store",
            hint="replace it with the character it was part of",
        ) from None


def dump(resume: Resume, path_or_format: PathLike, **options: Any) -> bytes | None:
    """Write the resume to a path (atomically), or return bytes when given a format name.

    ``dump(r, "out/cv.pdf")`` writes a file; ``dump(r, "pdf")`` returns the PDF bytes.
    """
    text = str(path_or_format)
    if text == "-":
        raise UsageError("dump writes files, not stdout", hint="use render() to get the bytes")
    if "." not in Path(text).name and not Path(text).parent.name:
        return render(resume, text, **options)
    fmt = format_for_output(text, options.pop("format", None))
    write_atomic(text, render(resume, fmt.name, **options))
    return None


def convert(
    src: PathLike,
    dst: PathLike,
    from_format: str | None = None,
    to_format: str | None = None,
    site: PathLike | None = None,
    bib: Sequence[PathLike] = (),
    author: Sequence[str] | str = (),
    **options: Any,
) -> Resume:
    """Read ``src`` (and the ``bib`` files) and write ``dst``; returns the resume written."""
    check_not_input(dst, [src, *bib])
    fmt = format_for_output(dst, to_format)
    resume = load(src, format=from_format, site=site, bib=bib, author=author)
    write_atomic(dst, render(resume, fmt.name, **options))
    return resume


def fix(source: PathLike | Source, format: str | None = None, to_name: str | None = None) -> Any:
    """Repair a JSON Resume file (JSON, JSONC or YAML): a :class:`resumeconv.repair.Fixed`
    with the new text, each change (rule, pointer, line), what could not be fixed, and the
    validation findings of the result. Writes nothing; the text keeps the file's format,
    key order, indentation and line ends, and equals the input when nothing needed fixing.
    The findings name ``to_name`` (the file the text is for; by default the input's).
    """
    from resumeconv.repair import Fixed, repair
    from resumeconv.repair import text as repair_text
    from resumeconv.validation.issues import ERROR

    src, fmt = _source_and_format(source, format)
    if fmt.name not in ("json", "yaml"):
        raise UsageError(
            f"fix repairs JSON Resume files (JSON or YAML), not {fmt.name}",
            file=src.name,
            hint="convert a CV page with 'resumeconv convert', then fix the JSON if need be",
        )
    load(src, format=fmt.name)  # unreadable, or no resume: the reader's own error
    try:
        parsed = repair_text.parse(src, fmt.name)
    except ResumeconvError as exc:
        raise exc.located(src.name) from None
    changes, context = repair(parsed.document, parsed.positions)
    unfixed = context.unfixed
    # the notes (comments that cannot be kept) only matter when the file is written anew
    changes = sorted(changes, key=lambda c: (c.line or 0, c.pointer))
    changes = parsed.notes + changes if changes else []
    text = src.text
    if changes:
        text = repair_text.render(parsed, parsed.document, _newline(src), context.positions)
    try:
        name = to_name or src.name
        again = load(Source(text.replace("\r\n", "\n"), name=name), format=fmt.name)
        issues = validate(again)
    except ResumeconvError as exc:
        issues = [Issue(ERROR, "", str(exc), "read", file=name)]
    return Fixed(src.name, fmt.name, src.text, text, changes, unfixed, issues)


def theme_warning(resume: Resume, theme: PathLike | None = None) -> str | None:
    """``file:line:col: warning: …`` when the resume's ``meta.theme`` names a theme we do not
    ship (HTML and PDF then use the default), None otherwise or when ``theme`` (``--theme``)
    decides. For the command line to print: a writer prints nothing."""
    from resumeconv.exporters.themes import meta_theme_warning

    message = meta_theme_warning(resume, theme)
    if message is None:
        return None
    where = resume.source_map.lookup("/meta/theme") if resume.source_map is not None else None
    prefix = f"{where.file}:{where.line}:{where.column}: " if where is not None else ""
    return f"{prefix}warning: {message}"


def write_starter(path: PathLike, format: str) -> None:
    """Write the example resume (``resumeconv init``) to ``path`` in ``format`` (``md``,
    ``json`` or ``yaml``); refuses a path that exists, so it never overwrites a CV."""
    fmt = format_named(format)
    if os.path.lexists(path):
        raise UsageError(
            "already exists; init never overwrites a file",
            file=str(path),
            hint="choose another name with -o, or remove the file first",
        )
    write_atomic(path, render(starter(fmt.name), fmt.name))


def _newline(src: Source) -> str:
    """The line end of the file ``src`` was read from: CRLF when it has one, else LF."""
    if src.path is None:
        return "\n"
    try:
        with open(src.path, "rb") as fh:
            return "\r\n" if b"\r\n" in fh.read(64 * 1024) else "\n"
    except OSError:
        return "\n"


def convert_bytes(data: bytes, from_format: str, to_format: str, **options: Any) -> bytes:
    """Pure conversion of one document: bytes of ``from_format`` → bytes of ``to_format``."""
    return render(load(data, format=from_format), to_format, **options)
