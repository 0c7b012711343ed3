"""Conversion and validation jobs: which outputs each input gets, and running one job.

A job parses its input once and renders every requested format from that one model.
The CLI plans jobs with :func:`plan_conversions` and runs them with :func:`run_conversion`
or :func:`run_validation`; neither prints anything.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resumeconv import api
from resumeconv.api import ResumeconvError, UsageError

# Job outcomes, worst last: the exit status follows the worst outcome of a run.
OK = "ok"
CHANGED = "changed"  # --check: an output is missing or differs
INVALID = "invalid"
FAILED = "failed"

EXIT_STATUS = {OK: 0, CHANGED: 1, INVALID: 1, FAILED: 2}
_RANK = {OK: 0, CHANGED: 1, INVALID: 1, FAILED: 2}


def worst(outcomes: list[str]) -> str:
    """The most severe outcome (``ok`` when there are none)."""
    return max(outcomes, key=_RANK.__getitem__, default=OK)


@dataclass(slots=True)
class Conversion:
    """One input and the (format, output path) pairs it must produce."""

    input: str
    outputs: list[tuple[str, str]]
    folders: list[str] = field(default_factory=list)
    """Output folders given as ``-o DIR/``: created when missing (other folders must exist)."""


@dataclass(slots=True)
class ConversionResult:
    input: str
    outcome: str
    written: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    error: ResumeconvError | None = None
    report: Any = None
    unmapped: int = 0
    meta_only: list[int] = field(default_factory=list)
    """First lines of the blocks that reached only a custom section (meta)."""
    lost: int = 0
    """Words of a CV page that reached no standard field (``ImportReport.lost_words``)."""
    lost_summary: str = ""
    """The first of them with their lines (``line 33: token, …``), for the message."""
    problems: list[Any] = field(default_factory=list)
    """Files the import could not use (``report.Problem``): printed as warnings."""
    warnings: list[str] = field(default_factory=list)
    """What the reader tolerated (``file:line:col: message``), printed as warnings."""
    findings: list[Any] = field(default_factory=list)
    """Validation errors of the resume written (printed as warnings; ``--strict`` refuses)."""
    read: list[str] = field(default_factory=list)
    """Files the import read besides the input (what ``--watch`` watches)."""


def plan_conversions(
    inputs: list[str],
    outputs: list[str],
    to_formats: list[str],
) -> list[Conversion]:
    """Decide every (input, format, output path) of a ``convert`` call.

    - one input, ``-o`` files: each output's format from ``-t`` or its extension;
    - ``-o DIR/`` (or an existing folder, or several inputs): one file per input and
      ``-t`` format, named after the input.
    """
    if not inputs:
        raise UsageError("no input given", hint="resumeconv convert cv.md -o cv.pdf")
    if not outputs:
        raise UsageError("no output given", hint="add -o FILE, -o DIR/ or -o - for stdout")
    for out in outputs:
        too_long = api.name_too_long(out) if out != "-" else None
        if too_long is not None:
            raise api.OutputError(too_long, file=out, hint="choose a shorter output name")
    fmts = [api.format_named(t).name for t in to_formats]
    for name in fmts:
        if api.format_named(name).writer is None:
            raise UsageError(f"resumeconv cannot write {name}")

    dirs = [o for o in outputs if _is_dir_target(o, len(inputs), len(fmts))]
    files = [o for o in outputs if o not in dirs]
    if len(inputs) > 1 and files:
        raise UsageError(
            "several inputs need an output folder",
            hint="use -o DIR/ (with a trailing slash) and -t FORMATS",
        )
    plans: list[Conversion] = []
    for src in inputs:
        pairs: list[tuple[str, str]] = []
        for out in files:
            if out == "-":
                if len(fmts) != 1:
                    raise UsageError("writing to stdout needs exactly one -t format")
                pairs.append((fmts[0], out))
            elif len(fmts) == 1:
                pairs.append((api.format_for_output(out, fmts[0]).name, out))
            elif not fmts:
                pairs.append((api.format_of_path(out).name, out))
            else:
                raise UsageError("several -t formats need an output folder", hint="use -o DIR/")
        for folder in dirs:
            if not fmts:
                raise UsageError(
                    "an output folder needs -t FORMATS", hint="e.g. -t html,md,docx,pdf"
                )
            for name in fmts:
                ext = api.format_named(name).extensions[0]
                pairs.append((name, os.path.join(folder, _stem(src) + ext)))
        for _, out in pairs:  # a folder's name plus the input's can be too long
            too_long = api.name_too_long(out) if out != "-" else None
            if too_long is not None:
                raise api.OutputError(too_long, file=out, hint="choose a shorter output folder")
        plans.append(Conversion(src, pairs, list(dirs)))
    if dirs and len(inputs) > 1 and _clashes(plans):
        _mirror(plans, inputs, dirs, fmts)
    _refuse_outputs_that_are_inputs(plans, inputs)
    _refuse_clashes(plans)
    return plans


def _stem(src: str) -> str:
    return "stdin" if src == "-" else Path(src).stem


def _clashes(plans: list[Conversion]) -> dict[str, list[str]]:
    """Output path → the inputs that would write it, for paths written by more than one."""
    writers: dict[str, list[str]] = {}
    for plan in plans:
        for _, out in plan.outputs:
            if out != "-":
                writers.setdefault(os.path.normpath(out), []).append(plan.input)
    return {out: srcs for out, srcs in writers.items() if len(srcs) > 1}


def _mirror(plans: list[Conversion], inputs: list[str], dirs: list[str], fmts: list[str]) -> None:
    """Outputs at the inputs' paths relative to their common folder, under each output
    folder: ``a/cv.md`` and ``b/cv.md`` → ``out/a/cv.json`` and ``out/b/cv.json``."""
    files = [os.path.abspath(src) for src in inputs if src != "-"]
    common = os.path.commonpath([os.path.dirname(f) for f in files]) if files else ""
    for plan in plans:
        if plan.input == "-":
            rel = "stdin"
        else:
            rel = os.path.relpath(os.path.abspath(plan.input), common)
            rel = os.path.join(os.path.dirname(rel), _stem(plan.input))
        pairs = [(n, o) for n, o in plan.outputs if o == "-"]
        folders: list[str] = []
        for folder in dirs:
            sub = os.path.join(folder, os.path.dirname(rel))
            if sub not in folders:
                folders.append(sub)
            for name in fmts:
                ext = api.format_named(name).extensions[0]
                pairs.append((name, os.path.join(folder, rel + ext)))
        plan.outputs = pairs
        plan.folders = folders


def _refuse_clashes(plans: list[Conversion]) -> None:
    """Never two writes to one output path: refused before anything is written."""
    for out, srcs in _clashes(plans).items():
        names = sorted(set(srcs))
        who = " and ".join(names) if len(names) > 1 else f"{names[0]} (twice)"
        raise UsageError(
            f"{who} would both be written to this output",
            file=out,
            hint="rename one of the inputs, or convert them in separate runs",
        )


def _refuse_outputs_that_are_inputs(plans: list[Conversion], inputs: list[str]) -> None:
    """No output may be an input of the run (``convert d -o d/ -t json`` with a ``d/cv.json``)
    or a file the site of any CV page of the run reads (checked before any job runs)."""
    others = [src for src in inputs if src != "-"]
    if len(others) < 2:
        return  # a job checks its own input and the files it read (run_conversion)
    pages = [src for src in others if Path(src).suffix.lower() in (".md", ".markdown")]
    read = {os.path.realpath(f): f for page in pages for f in api.site_files(page)}
    for plan in plans:
        for _, out in plan.outputs:
            if out != "-" and os.path.realpath(out) in read:
                api.check_not_input(
                    out, [read[os.path.realpath(out)]], what="a file this run reads"
                )
    for plan in plans:
        rest = [src for src in others if src != plan.input]
        for _, out in plan.outputs:
            if out != "-":
                api.check_not_input(out, rest, what=f"another input of this run ({plan.input} "
                                    "would overwrite it)")  # fmt: skip


def _is_dir_target(out: str, n_inputs: int, n_formats: int) -> bool:
    if out == "-":
        return False
    return out.endswith(("/", os.sep)) or Path(out).is_dir() or n_inputs > 1 or n_formats > 1


def run_conversion(
    job: Conversion,
    *,
    from_format: str | None = None,
    site: str | None = None,
    bib: Sequence[str] = (),
    author: Sequence[str] = (),
    check: bool = False,
    strict: bool = False,
    want_report: bool = False,
    options: dict[str, Any] | None = None,
) -> ConversionResult:
    """Parse the input once, render every output, write them atomically (or compare)."""
    options = options or {}
    result = ConversionResult(job.input, OK)
    try:
        for _, out in job.outputs:
            api.check_not_input(out, [job.input])
            api.check_not_input(out, bib, what="a --bib file of this run")
            if check and out == "-":
                raise UsageError("--check compares files; it cannot check stdout", hint="use -o")
        if not check:  # fail before writing anything when an output cannot be written
            for folder in job.folders:
                api.make_folder(folder)
            for _, out in job.outputs:
                if out != "-":
                    api.check_destination(out)
        resume = api.load(job.input, format=from_format, site=site, bib=bib, author=author)
        report = resume.import_report
        result.report = report if want_report else None
        result.unmapped = len(report.unmapped()) if report is not None else 0
        result.meta_only = [b.start for b in report.meta_only()] if report is not None else []
        if report is not None and report.lost_words:
            result.lost = len(report.lost_words)
            result.lost_summary = report.lost_summary()
        if report is not None:
            result.problems = list(report.problems)
            result.read = list(report.read_files)
            for _, out in job.outputs:
                if out != "-":
                    api.check_not_input(out, report.read_files, what="a file this run reads")
        result.warnings = [
            f"{file}:{line}:{column}: warning: {message}"
            for file, line, column, message in (report.warnings if report is not None else [])
        ]
        if any(name in ("html", "pdf") for name, _ in job.outputs):
            unknown_theme = api.theme_warning(resume, options.get("theme"))
            if unknown_theme is not None:
                result.warnings.append(unknown_theme)
        if not check:  # --check names stale outputs only; the warning came when they were made
            result.warnings += _nameless(job, resume)
        # never write a schema-invalid document silently: its errors are printed after
        # writing, and --strict refuses to write it
        result.findings = [i for i in api.validate(resume) if i.is_error]
        refused = result.unmapped or result.meta_only or result.lost or result.problems
        if strict and (refused or result.findings):
            result.outcome = INVALID
            return result
        if result.lost:
            result.warnings.append(
                f"{job.input}: warning: {result.lost} word(s) of the page reached no JSON "
                f"Resume field ({result.lost_summary}); --report lists them, --strict refuses"
            )
        formats = [fmt for fmt, _ in job.outputs]
        result.warnings += [
            f"{job.input}: warning: {note}" for note in api.export_notes(resume, formats)
        ]
        rendered = _render_all(resume, job.outputs, options)
        for out, data in rendered:
            if check:
                if not _same_bytes(out, data):
                    result.changed.append(out)
                continue
            _write(out, data)
            result.written.append(out)
        if result.changed:
            result.outcome = CHANGED
    except ResumeconvError as exc:
        result.outcome = FAILED
        result.error = exc.located(job.input)
    return result


#: Formats that print the resume for people: a resume without a name starts with nothing.
_SHOWN = frozenset({"html", "pdf", "docx"})


def _nameless(job: Conversion, resume: Any) -> list[str]:
    """A warning when a resume printed for people (HTML, PDF, DOCX) has no ``basics.name``,
    naming the fix for the kind of input: a CV page usually takes its author from its
    Jekyll site's ``_config.yml``."""
    basics = getattr(resume, "basics", None)
    name = getattr(basics, "name", None)
    shown = sorted({fmt.upper() for fmt, _ in job.outputs if fmt in _SHOWN})
    if not shown or (isinstance(name, str) and name.strip()):
        return []
    what = " and ".join(shown)
    if Path(job.input).suffix.lower() in (".md", ".markdown") or job.input == "-":
        fix = (
            "pass --site DIR (the Jekyll site whose _config.yml has author: name:), or add "
            "name: Your Name to the page's front matter"
        )
    else:
        fix = 'add "name" to "basics"'
    verb = "start" if len(shown) > 1 else "starts"
    return [f"{job.input}: warning: the resume has no name (basics.name), so the {what} "
            f"{verb} without one: {fix}"]  # fmt: skip


def _render_all(
    resume: Any, outputs: list[tuple[str, str]], options: dict[str, Any]
) -> list[tuple[str, bytes]]:
    """Every output's bytes. Several formats render in threads: pandoc and Typst work
    outside the GIL, so DOCX and PDF overlap with the Python-bound HTML and Markdown."""
    if len(outputs) < 2:
        return [(out, api.render(resume, name, **options)) for name, out in outputs]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(outputs)) as pool:
        futures = [(out, pool.submit(api.render, resume, name, **options)) for name, out in outputs]
        return [(out, future.result()) for out, future in futures]


def _write(out: str, data: bytes) -> None:
    """An output file, written atomically, or stdout for ``-``."""
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        api.write_atomic(out, data)


def _same_bytes(path: str, data: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read() == data
    except OSError:
        return False


@dataclass(slots=True)
class ValidationResult:
    path: str
    outcome: str
    issues: list[Any] = field(default_factory=list)
    error: ResumeconvError | None = None

    def to_dict(self) -> dict[str, Any]:
        issues = [i.to_dict() for i in self.issues]
        if self.error is not None:
            issues.append(
                {
                    "severity": "error",
                    "rule": self.error.rule,
                    "pointer": None,
                    "line": self.error.line,
                    "column": self.error.column,
                    "message": self.error.message
                    + (f" ({self.error.hint})" if self.error.hint else ""),
                }
            )
        return {"path": self.path, "valid": self.outcome == OK, "issues": issues}


def run_validation(
    path: str,
    *,
    from_format: str | None = None,
    site: str | None = None,
    bib: Sequence[str] = (),
    author: Sequence[str] = (),
    schema_version: str = "1.2.1",
) -> ValidationResult:
    """Load one file (with the ``--bib`` files) and return every schema error and lint
    finding it has."""
    try:
        resume = api.load(path, format=from_format, site=site, bib=bib, author=author)
        issues = api.validate(resume, schema_version=schema_version)
        report = resume.import_report
        tolerated = [
            api.Issue("warning", "", message, _warning_rule(file, bib), file, line, column)
            for file, line, column, message in (report.warnings if report is not None else [])
        ]
        problems = [_problem_issue(p) for p in report.problems] if report is not None else []
        issues = problems + tolerated + issues
    except ResumeconvError as exc:
        return ValidationResult(path, FAILED, error=exc.located(path))
    outcome = INVALID if any(i.is_error for i in issues) else OK
    return ValidationResult(path, outcome, issues)


def _warning_rule(file: str, bib: Sequence[str]) -> str:
    """The rule of a tolerated problem: a BibTeX file's (a broken block, a differing twin)
    or the site configuration's (a duplicate key in ``_config.yml``)."""
    if file.lower().endswith(".bib") or file in {str(b) for b in bib}:
        return "bibtex"
    return "site-config"


def _problem_issue(problem: Any) -> Any:
    """A file the import could not use, as a validation warning at that file's line."""
    return api.Issue(
        "warning", "", problem.message, "unreadable-document", problem.file, problem.line
    )
