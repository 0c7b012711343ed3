"""The library API: load, validate, render, dump, convert. The CLI is a thin layer on this.

``render`` and ``convert_bytes`` are pure (bytes in, bytes out, no files), so that they can
be mapped over millions of documents with Dask or Spark.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resumeconv import formats
from resumeconv.errors import ResumeconvError, UsageError
from resumeconv.formats import ReadOptions, WriteOptions
from resumeconv.model import Resume
from resumeconv.sources import Source, decode, read_source

if TYPE_CHECKING:
    from resumeconv.validation.issues import Issue

PathLike = str | os.PathLike[str]


def load(
    source: PathLike | bytes | Source | dict[str, Any],
    format: str | None = None,
    site: PathLike | None = None,
) -> Resume:
    """Read a resume from a path (``-`` for stdin), raw bytes, a Source or a dict.

    The format comes from ``format`` or the file extension. ``site`` is the Jekyll site root
    for a CV page; by default it is found by walking up from the page to ``_config.yml``.
    The returned resume carries ``source_map`` and ``import_report``.
    """
    if isinstance(source, dict):
        return Resume.from_dict(source)
    src, fmt = _source_and_format(source, format)
    options = ReadOptions(site=Path(site) if site is not None else None)
    reader = fmt.load_reader()
    try:
        return reader(src, options)
    except ResumeconvError as exc:
        raise exc.located(src.name) from None


def validate(resume: Resume, schema_version: str = "1.2.1", lint: bool = True) -> list[Issue]:
    """All schema errors and lint findings, each an :class:`~resumeconv.validation.Issue`."""
    from resumeconv.validation import check

    return check(resume, schema_version=schema_version, lint=lint)


def validate_file(
    source: PathLike | bytes | Source,
    format: str | None = None,
    site: PathLike | None = None,
    schema_version: str = "1.2.1",
    lint: bool = True,
) -> list[Issue]:
    """``validate(load(source))``, what ``resumeconv validate`` runs for each input.

    Where the format has a document reader (CV pages), the document it reads is checked
    as it is, without building the model and writing it back out: the same issues, ~7 %
    less work a page."""
    from resumeconv.validation import check

    src, fmt = _source_and_format(source, format)
    read_document = fmt.load_document_reader()
    if read_document is None:
        return validate(load(src, fmt.name, site), schema_version, lint)
    options = ReadOptions(site=Path(site) if site is not None else None)
    try:
        document = read_document(src, options)
    except ResumeconvError as exc:
        raise exc.located(src.name) from None
    return check(document.data, schema_version, lint, source_map=document.source_map)


def _source_and_format(
    source: PathLike | bytes | Source, format: str | None
) -> tuple[Source, formats.Format]:
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
        return src, formats.by_name(format)
    if src.path is not None:
        return src, formats.for_path(src.path)
    raise UsageError(
        f"cannot tell the format of {src.name}", hint="pass format= (or -f on the command line)"
    )


def render(resume: Resume, format: str, **options: Any) -> bytes:
    """The resume in ``format`` as bytes (pure: writes no file)."""
    fmt = formats.by_name(format)
    return fmt.load_writer()(resume, WriteOptions.from_mapping(options))


def dump(resume: Resume, path_or_format: PathLike, **options: Any) -> bytes | None:
    """Write the resume to a path (atomically), or return bytes when given a format name.

    ``dump(r, "out/cv.pdf")`` writes a file; ``dump(r, "pdf")`` returns the PDF bytes.
    """
    text = str(path_or_format)
    if "." not in Path(text).name and text != "-" and not Path(text).parent.name:
        return render(resume, text, **options)
    from resumeconv.outputs import write_atomic

    fmt_name = options.pop("format", None)
    fmt = formats.by_name(fmt_name) if fmt_name else formats.for_path(text)
    write_atomic(text, render(resume, fmt.name, **options))
    return None


def convert(
    src: PathLike,
    dst: PathLike,
    from_format: str | None = None,
    to_format: str | None = None,
    site: PathLike | None = None,
    **options: Any,
) -> Resume:
    """Read ``src`` and write ``dst``; returns the resume that was written."""
    from resumeconv.outputs import check_not_input, write_atomic

    check_not_input(dst, [src])
    fmt = formats.by_name(to_format) if to_format else formats.for_path(dst)
    resume = load(src, format=from_format, site=site)
    write_atomic(dst, render(resume, fmt.name, **options))
    return resume


def convert_bytes(data: bytes, from_format: str, to_format: str, **options: Any) -> bytes:
    """Pure conversion of one document: bytes of ``from_format`` → bytes of ``to_format``."""
    return render(load(data, format=from_format), to_format, **options)
