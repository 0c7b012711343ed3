"""Reader for CV pages: an academicpages ``_pages/cv.md`` (and the Jekyll site around it).

The page is parsed with markdown-it-py (``cvpage/parser.py``) and its token stream read
into blocks (``cvpage/blocks.py``); front matter and Liquid are Jekyll's, not the CV's,
and are reported as skipped. The rules that turn bullets into entries are in
``resumeconv/importers/cvpage/`` and documented in ``docs/cv-page-import.md``.
"""

from __future__ import annotations

import re
from typing import Any

from resumeconv import assets
from resumeconv.errors import InputError
from resumeconv.model import Resume
from resumeconv.options import ReadOptions
from resumeconv.report import NOTE, SKIPPED, Problem
from resumeconv.sources import Source


def read(source: Source, options: ReadOptions) -> Resume:
    """Import a CV page into the canonical model, with its import report and source map."""
    from resumeconv.importers import jekyll
    from resumeconv.importers.cvpage.assemble import Assembler
    from resumeconv.importers.cvpage.blocks import page_blocks
    from resumeconv.importers.cvpage.parser import jekyll_text, tokens
    from resumeconv.importers.cvpage.sections import split_sections
    from resumeconv.importers.kinds import looks_like_bibtex, refuse_page

    if looks_like_bibtex(source.text):  # refs.bib named .txt, or -f markdown: a bibliography
        from resumeconv.importers import bibtex

        resume = bibtex.read(source, options)
        resume.import_report.add(1, 1, NOTE, None, "read as BibTeX: the text is @entries")
        return resume
    source, commented = _uncomment_whole_page(source)
    text, front_end, front = _blank_front_matter(source)
    text = jekyll.strip_invisible(text)  # pasted BOMs and zero-width spaces are not text
    site = None
    if options.site is not None or (options.find_site and source.path is not None):
        root = jekyll.find_site(source.path, options.site)
        if options.site is not None and root is None:
            raise InputError(
                f"no _config.yml in {options.site}",
                hint="--site must name the folder of the Jekyll site (where _config.yml is)",
            )
        if root is not None:
            site = jekyll.load_site(root)
    asm = Assembler(source.name, site=site)
    if commented:
        asm.report.add(1, commented, NOTE, None, _COMMENTED_NOTE)
    if front_end:
        asm.report.add(1, front_end, SKIPPED, None, "front matter (Jekyll page settings)")
    text = jekyll_text(text)
    stream, references = tokens(text)
    asm.read_page(split_sections(page_blocks(text, stream, references)))
    data = asm.result()
    _front_matter_fields(data, front, source.name, asm)
    if site is not None:
        _merge_site_basics(data, site, asm)
    if site is not None:
        asm.report.read_files = site.files_read()
        asm.report.problems = [
            Problem(str(path), line, f"{message}; this document was left out of the resume")
            for path, line, message in site.problems
            if message != jekyll.STATIC_FILE
        ]
        config = str(site.config_file)
        asm.report.add(1, 1, NOTE, None, f"site settings: {config} (the page's site root)")
        for line, column, message in site.warnings:
            asm.report.warn(config, line, column, message)
    elif options.site is None and options.find_site and source.path is not None:
        asm.report.add(1, 1, NOTE, None, "no site around the page (no _config.yml in its site)")
    refuse_page(data, source.name)
    resume = Resume.from_dict(data)
    resume.source_map = asm.source_map
    resume.import_report = asm.report
    basics = data.get("basics")
    image = basics.get("image") if isinstance(basics, dict) else None
    resume.assets = assets.photo(
        image,
        source.path.parent if source.path is not None else None,
        site.root if site is not None else None,
        site.url if site is not None else None,
    )
    if site is not None:
        resume = _add_site_bibliography(resume, site, source.text, data, options)
    _check_words(text, stream, resume)
    return resume


def _check_words(text: str, stream: list[Any], resume: Resume) -> None:
    """Every visible word of the page is in a standard field or is the page's form; the
    others are listed in the import report (issue 12, rule 8: never lost silently)."""
    from resumeconv.importers.cvpage.wordcheck import check_page

    report = resume.import_report
    check = check_page(text, resume.to_dict(), report.blocks, form=report.form, stream=stream)
    report.lost_words = [(word.line, word.text) for word in check.lost]


def _add_site_bibliography(
    resume: Resume, site: Any, text: str, data: dict[str, Any], options: ReadOptions
) -> Resume:
    """The site's ``_bibliography/*.bib`` that the page shows (jekyll-scholar), added after
    the page's own publications (``importers/scholar.py`` says which files and why)."""
    from resumeconv.importers import bibmerge, scholar

    found = scholar.find(site, text, data)
    report = resume.import_report
    for message in found.warnings:
        report.warn(resume.source_map.file, found.line, 1, message)
    if not found.files:
        return resume
    names = ", ".join(str(p.relative_to(site.root)) for p in found.files)
    report.add(found.line, found.line, NOTE, None, f"publications from {names}: {found.why}")
    owners = bibmerge.owners_for(resume, options.authors)
    return bibmerge.add_bibliographies(resume, found.files, owners)


#: A language tag as front matter writes it: ``zh``, ``en-US``, ``pt_BR``.
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")

_COMMENTED_NOTE = (
    "the whole page is one HTML comment (the site shows none of it): read as if it were not"
)


def _uncomment_whole_page(source: Source) -> tuple[Source, int]:
    """A page that is nothing but one ``<!-- … -->`` (a CV its author took off the site)
    with the comment marks blanked, and its number of lines; else the page and 0.

    The user asked to convert this file, and all of it is CV: an empty resume would lose
    it. A comment *inside* a visible page stays skipped (that part was hidden on purpose).
    Line numbers stay the page's; front matter right after ``<!--`` stays front matter.
    """
    text = source.text
    body = text.strip()
    if not (body.startswith("<!--") and body.endswith("-->")) or body.count("-->") != 1:
        return source, 0
    start = text.index("<!--")
    first_line_rest = text[start + 4 :].split("\n", 1)[0]
    if first_line_rest.strip() == "---":  # "<!-- ---": the front matter's first line
        opened = text[:start] + text[start + 4 :].lstrip(" \t")
    else:
        opened = text[:start] + "    " + text[start + 4 :]
    end = opened.rindex("-->")
    opened = opened[:end] + "   " + opened[end + 3 :]
    return Source(opened, source.name, source.path), len(text.splitlines())


def _blank_front_matter(source: Source) -> tuple[str, int, tuple[Any, dict[str, Any]]]:
    """The page with its front matter lines blanked (line numbers stay the page's), the
    number of front matter lines, and the front matter (value, JSON pointer → line, column).

    The front matter is Jekyll's page settings: its values are not the CV's (but for
    ``name`` and ``lang``, :func:`_front_matter_fields`), and it goes through the YAML
    reader, so that broken front matter is an :class:`InputError` at its line of the page."""
    from resumeconv.importers import jekyll, yaml

    text = source.text
    split = jekyll.split_front_matter(text)
    if split is None:
        return text, 0, (None, {})
    front, body, _ = split
    parsed = yaml.parse(front, source.name, first_line=2)
    n_front = front.count("\n") + 2
    return "\n" * n_front + body, n_front, parsed


def _front_matter_fields(
    data: dict[str, Any], front: tuple[Any, dict[str, Any]], file: str, asm: Any
) -> None:
    """The two page settings that are the CV's: ``name`` (the author, when the page body
    names none: a page read without its site has no other) and ``lang`` (the page's
    language, which exporters print dates and default titles in), kept as
    ``meta["x-resumeconv"]["lang"]`` (docs/extension.md)."""
    from resumeconv.model import EXTENSION_KEY
    from resumeconv.report import Position

    value, positions = front
    if not isinstance(value, dict):
        return
    name, lang = value.get("name"), value.get("lang")
    if isinstance(name, str) and name.strip() and not data.get("basics", {}).get("name"):
        basics = {"name": name.strip(), **data.get("basics", {})}
        rest = {k: v for k, v in data.items() if k != "basics"}
        data.clear()
        data.update({"basics": basics, **rest})
        line, column = positions.get("/name", (1, 1))
        asm.source_map.positions.setdefault("/basics/name", Position(file, line, column))
    _front_matter_author(data, value.get("author"), positions, file, asm)
    _front_matter_meta(data, value.get("jsonresume"))
    if isinstance(lang, str) and _LANG_CODE.fullmatch(lang.strip()):
        ext = data.get("meta", {}).get(EXTENSION_KEY)
        if isinstance(ext, dict):
            ext["lang"] = lang.strip()
            line, column = positions.get("/lang", (1, 1))
            pointer = f"/meta/{EXTENSION_KEY}/lang"
            asm.source_map.positions.setdefault(pointer, Position(file, line, column))


def _front_matter_author(
    data: dict[str, Any], author: Any, positions: dict[str, Any], file: str, asm: Any
) -> None:
    """An ``author:`` block in the page's own front matter (Jekyll's ``page.author``,
    which wins over the site's): read like ``_config.yml``'s; what the body says wins."""
    from resumeconv.importers import jekyll
    from resumeconv.report import Position

    if not isinstance(author, dict):
        return
    found, lines, _notes = jekyll.build_basics({"author": author}, positions, None)
    if not found:
        return
    basics = data.get("basics", {})
    added = {k: v for k, v in found.items() if k not in basics}
    if not added:
        return
    rest = {k: v for k, v in data.items() if k != "basics"}
    data.clear()
    data.update({"basics": {**added, **basics}, **rest})
    for ptr, line in lines.items():
        if ptr.split("/")[1] in added:
            asm.source_map.positions.setdefault("/basics" + ptr, Position(file, line))


def _front_matter_meta(data: dict[str, Any], kept: Any) -> None:
    """``jsonresume:`` in the front matter: the resume's ``$schema``, ``meta`` and empty
    ``basics`` fields that the Markdown writer put there (not content: no line shows
    them). The page's own layout stays the page's."""
    from resumeconv.model import EXTENSION_KEY

    if not isinstance(kept, dict):
        return
    schema, meta, empty = kept.get("$schema"), kept.get("meta"), kept.get("basics")
    _split_location(data, kept.get("location"))
    if isinstance(empty, dict) and empty:
        basics = data.setdefault("basics", {})
        for key, value in empty.items():
            basics.setdefault(key, value)
    if schema is not None:
        rest = {k: v for k, v in data.items() if k != "$schema"}
        data.clear()
        data.update({"$schema": schema, **rest})
    if not isinstance(meta, dict):
        return
    page_meta = data.setdefault("meta", {})
    for key, value in meta.items():
        page_ext = page_meta.get(EXTENSION_KEY)
        if key == EXTENSION_KEY and isinstance(value, dict) and isinstance(page_ext, dict):
            page_ext.update({k: v for k, v in value.items() if k not in ("sections", "lang")})
        else:
            page_meta[key] = value


def _split_location(data: dict[str, Any], parts: Any) -> None:
    """The header's one-line address back into its parts, as the front matter's
    ``jsonresume.location`` remembers them, only while the line still says exactly that
    (an edited address wins and stays whole)."""
    from resumeconv.dialect import LOCATION_ORDER, location_line

    basics = data.get("basics")
    if not isinstance(parts, dict) or not isinstance(basics, dict):
        return
    if not set(parts) <= set(LOCATION_ORDER) or not all(isinstance(v, str) for v in parts.values()):
        return
    if basics.get("location") == {"address": location_line(parts)}:
        basics["location"] = {k: parts[k] for k in parts}


def _merge_site_basics(data: dict[str, Any], site: Any, asm: Any) -> None:
    """The author block of ``_config.yml``; what the page itself states wins, but the
    author block's name and bio win over a name or tagline the page's header only
    suggests (a plain line read as one: ``Assembler.header_guesses``)."""
    from resumeconv.report import Position

    page = data.get("basics", {})
    merged = dict(site.basics)
    for key, value in page.items():
        if key in ("name", "label") and key in asm.header_guesses and key in merged:
            asm.source_map.positions.pop("/basics/" + key, None)  # the site's line instead
            continue
        merged[key] = value
    page = {k: v for k, v in page.items() if merged.get(k) is v}
    if merged:
        data["basics"] = merged
        data_order = ["basics"] + [k for k in data if k != "basics"]
        reordered = {k: data[k] for k in data_order}
        data.clear()
        data.update(reordered)
    config = str(site.config_file)
    for ptr, line in site.basics_lines.items():
        if ptr.split("/")[1] in page:
            continue
        asm.source_map.positions.setdefault("/basics" + ptr, Position(config, line))
