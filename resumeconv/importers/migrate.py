"""Old JSON Resume field names → the 1.2.1 names, each rename reported.

JSON Resume renamed several fields on its way to 1.0.0 (``work[].company`` → ``name``,
``website`` → ``url``, ``picture`` → ``image``, ``gpa`` → ``score``, …). Documents written
for those versions are still common, and themes written for 1.x silently show nothing
for the old names. The JSON and YAML readers therefore migrate every document, whatever
version it claims, following three rules:

- a rename moves the value (and its source position) to the new key, in place;
- it never overwrites: when the new key already exists, the old key is kept as it is;
- each rename, and each kept conflict, is an import-report ``note``.

The list of renames, with the version each comes from, is in ``docs/migration.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resumeconv import assets
from resumeconv.errors import InputError
from resumeconv.model import STANDARD_SECTIONS, Resume
from resumeconv.report import IMPORTED, NOTE, ImportReport, SourceMap, escape
from resumeconv.sources import Source


@dataclass(frozen=True, slots=True)
class Rename:
    """``old`` → ``new`` inside the objects at ``where`` (``*`` = every array item)."""

    where: tuple[str, ...]
    old: str
    new: str
    origin: str


_PRE_0 = "JSON Resume before 0.0.0"
_0X = "JSON Resume 0.x"
_DRAFT = "JSON Resume 1.0.0 draft"
_VARIANT = "JSON Resume 0.x variant"

#: Applied in this order (``bio`` → ``basics`` first, so that basics renames see it).
RENAMES: tuple[Rename, ...] = (
    Rename((), "bio", "basics", _PRE_0),
    Rename((), "hobbies", "interests", _PRE_0),
    Rename(("basics",), "picture", "image", _0X),
    Rename(("basics",), "website", "url", _0X),
    Rename(("basics", "location"), "state", "region", _PRE_0),
    Rename(("work", "*"), "company", "name", _0X),
    Rename(("work", "*"), "website", "url", _0X),
    Rename(("volunteer", "*"), "website", "url", _0X),
    Rename(("education", "*"), "gpa", "score", _0X),
    Rename(("awards", "*"), "awardDate", "date", _PRE_0),
    Rename(("publications", "*"), "website", "url", _0X),
    Rename(("projects", "*"), "website", "url", _VARIANT),
    Rename(("languages", "*"), "name", "language", _DRAFT),
    Rename(("languages", "*"), "level", "fluency", _DRAFT),
    Rename(("meta",), "url", "canonical", _0X),
)

#: Top-level keys of JSON Resume 1.2.1 (anything else is kept and reported as unknown).
KNOWN_TOP_LEVEL = {"$schema", "basics", "meta", *STANDARD_SECTIONS}


@dataclass(slots=True)
class Migration:
    """What :func:`migrate` did: (old pointer, new pointer, note) per change."""

    moved: list[tuple[str, str]]
    notes: list[tuple[str, str]]
    """(pointer the note is about, text)."""


def migrate(document: dict[str, Any]) -> Migration:
    """Rename old fields in ``document`` in place; returns what was done."""
    migration = Migration([], [])
    for rule in RENAMES:
        for pointer, obj in _objects_at(document, rule.where):
            _apply(obj, pointer, rule, migration)
    basics = document.get("basics")
    if isinstance(basics, dict):
        _merge_name(basics, migration)
        _profiles_object(basics, migration)
    return migration


def _objects_at(document: dict[str, Any], where: tuple[str, ...]) -> list[tuple[str, dict]]:
    found: list[tuple[str, Any]] = [("", document)]
    for step in where:
        nxt = []
        for pointer, value in found:
            if step == "*":
                if isinstance(value, list):
                    nxt.extend((f"{pointer}/{i}", v) for i, v in enumerate(value))
            elif isinstance(value, dict) and step in value:
                nxt.append((f"{pointer}/{escape(step)}", value[step]))
        found = nxt
    return [(p, v) for p, v in found if isinstance(v, dict)]


def _apply(obj: dict[str, Any], pointer: str, rule: Rename, migration: Migration) -> None:
    if rule.old not in obj:
        return
    old_ptr = f"{pointer}/{escape(rule.old)}"
    new_ptr = f"{pointer}/{escape(rule.new)}"
    if rule.new in obj:
        migration.notes.append(
            (old_ptr, f"kept {old_ptr} as it is: {new_ptr} is already set ({rule.origin} name)")
        )
        return
    items = list(obj.items())
    obj.clear()
    for key, value in items:
        obj[rule.new if key == rule.old else key] = value
    migration.moved.append((old_ptr, new_ptr))
    migration.notes.append((new_ptr, f"renamed {old_ptr} → {new_ptr} ({rule.origin})"))


def _merge_name(basics: dict[str, Any], migration: Migration) -> None:
    """``firstName`` + ``lastName`` (before 0.0.0) → ``name``, when ``name`` is absent."""
    first, last = basics.get("firstName"), basics.get("lastName")
    if "name" in basics or not isinstance(first, str) or not isinstance(last, str | None):
        return
    items = list(basics.items())
    basics.clear()
    for key, value in items:
        if key == "firstName":
            basics["name"] = f"{first} {last}".strip() if last else first
        elif key != "lastName":
            basics[key] = value
    migration.moved.append(("/basics/firstName", "/basics/name"))
    parts = "/basics/firstName + /basics/lastName" if last is not None else "/basics/firstName"
    migration.notes.append(("/basics/name", f"merged {parts} → /basics/name ({_PRE_0})"))


def _profiles_object(basics: dict[str, Any], migration: Migration) -> None:
    """``profiles: {network: username}`` (before 0.0.0) → a list of profile objects."""
    profiles = basics.get("profiles")
    if not isinstance(profiles, dict) or not all(isinstance(v, str) for v in profiles.values()):
        return
    basics["profiles"] = [{"network": k, "username": v} for k, v in profiles.items()]
    for i, key in enumerate(profiles):
        migration.moved.append((f"/basics/profiles/{escape(key)}", f"/basics/profiles/{i}"))
    migration.notes.append(
        ("/basics/profiles", f"turned the /basics/profiles object into a list ({_PRE_0})")
    )


def move_positions(
    positions: dict[str, tuple[int, int]], moved: list[tuple[str, str]]
) -> dict[str, tuple[int, int]]:
    """Positions with every pointer under a moved key rewritten to its new name, the moves
    applied in order (``/bio/picture`` → ``/basics/picture`` → ``/basics/image``).

    Each pointer looks up only its own prefixes among the moves (not every move), so a
    document with thousands of renamed fields costs its size, not size × renames."""
    if not moved:
        return positions
    by_old: dict[str, list[tuple[int, str]]] = {}
    for i, (old, new) in enumerate(moved):
        by_old.setdefault(old, []).append((i, new))
    out: dict[str, tuple[int, int]] = {}
    for pointer, pos in positions.items():
        done = -1
        while True:
            step = _next_move(pointer, by_old, done)
            if step is None:
                break
            done, old, new = step
            pointer = new + pointer[len(old) :]
        out.setdefault(pointer, pos)
    return out


def _next_move(
    pointer: str, by_old: dict[str, list[tuple[int, str]]], done: int
) -> tuple[int, str, str] | None:
    """The first move after ``done`` whose old pointer is ``pointer`` or one of its parents."""
    best: tuple[int, str, str] | None = None
    end = 0
    while end != -1:
        end = pointer.find("/", end + 1)
        prefix = pointer if end == -1 else pointer[:end]
        for i, new in by_old.get(prefix, ()):
            if i > done and (best is None or i < best[0]):
                best = (i, prefix, new)
                break
    return best


def build_resume(
    document: Any,
    positions: dict[str, tuple[int, int]],
    source: Source,
    ranges: dict[str, tuple[int, int]],
) -> Resume:
    """The :class:`Resume` of a parsed JSON/YAML document, migrated, with map and report.

    ``ranges`` gives each top-level key's line range for the import report.
    """
    if not isinstance(document, dict):
        kind = "list" if isinstance(document, list) else type(document).__name__
        if document is None:
            kind = "null"
        line, column = positions.get("", (1, 1))
        raise InputError(
            f"a resume is an object with keys such as basics and work, not a {kind}",
            file=source.name,
            line=line,
            column=column,
            hint="the top level must be a mapping (YAML) or { ... } (JSON)",
        )
    migration = migrate(document)
    from resumeconv.importers.kinds import refuse_json_document

    refuse_json_document(document, KNOWN_TOP_LEVEL, source.name)
    positions = move_positions(positions, migration.moved)
    resume = Resume.from_dict(document)
    source_map = SourceMap(source.name)
    for pointer, (line, column) in positions.items():
        source_map.add(pointer, line, column)
    report = ImportReport(source.name)
    renamed_top = {old[1:]: new[1:] for old, new in migration.moved if old.count("/") == 1}
    for key, (start, end) in ranges.items():
        key = renamed_top.get(key, key)
        reason = "" if key in KNOWN_TOP_LEVEL else "not a JSON Resume field; kept as it is"
        report.add(start, end, IMPORTED, "/" + escape(key), reason)
    for pointer, text in migration.notes:
        line = positions.get(pointer, positions.get("", (1, 1)))[0]
        report.add(line, line, NOTE, pointer, text)
    resume.source_map = source_map
    resume.import_report = report
    basics = document.get("basics")
    if isinstance(basics, dict) and source.path is not None:
        resume.assets = assets.photo(basics.get("image"), source.path.parent)
    return resume
