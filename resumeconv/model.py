"""The canonical resume model: JSON Resume 1.2.1 as typed Python objects.

Every importer produces a :class:`Resume` and every exporter consumes one. Field names are
the JSON Resume names (``resume.work[0].startDate``) so that the documentation of the
standard is the documentation of this model.

The model is *lossless*: keys it does not know are kept in ``extra`` and written back in
place, and a value of the wrong type is kept as it is (so that validation can report it
instead of the loader crashing). ``Resume.from_dict(d).to_dict() == d`` for any JSON object.

Content that JSON Resume has no section for, and the page's own section titles and order,
live in one documented extension under ``meta["x-resumeconv"]`` (see ``docs/extension.md``
and ``schemas/resumeconv-extension.schema.json``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

#: The key under ``meta`` that holds the resumeconv extension.
EXTENSION_KEY = "x-resumeconv"
#: Version of the extension layout written by this package.
EXTENSION_VERSION = "1"

#: The official JSON Resume schema of the version resumeconv writes: what the ``$schema`` key of
#: a JSON output names, so that an editor (VS Code, JetBrains) offers completion and checks.
SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.2.1/schema.json"

#: JSON Resume's top-level sections in the order the standard lists them.
STANDARD_SECTIONS: tuple[str, ...] = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)


class Node:
    """Base of every model object: generic, lossless conversion to and from JSON dicts."""

    #: JSON key for each field whose key is not a valid Python name.
    _json_keys: ClassVar[dict[str, str]] = {}

    extra: dict[str, Any]

    @classmethod
    def from_dict(cls, data: Any) -> Any:
        """Build the object from a JSON value; non-objects are returned unchanged."""
        if not isinstance(data, dict):
            return data
        readers = _readers(cls)
        kwargs: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in data.items():
            reader = readers.get(key)
            if reader is None:
                extra[key] = value
                continue
            attr, node, many = reader
            if node is None:
                kwargs[attr] = value
            elif many:
                kwargs[attr] = (
                    [node.from_dict(v) if isinstance(v, dict) else v for v in value]
                    if isinstance(value, list)
                    else value
                )
            else:
                kwargs[attr] = node.from_dict(value)
        obj = cls(**kwargs)
        obj.extra = extra
        # Fields present in the input are written back even when null or empty,
        # so that from_dict/to_dict is the identity.
        obj._present = frozenset(kwargs)
        return obj

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON Resume: known fields in schema order, then unknown keys as they came."""
        out: dict[str, Any] = {}
        present = getattr(self, "_present", ())
        for attr, key in _writers(type(self)):
            value = getattr(self, attr)
            if type(value) is str:  # most fields: nothing to convert
                out[key] = value
            elif (value is None or value == []) and attr not in present:
                continue
            else:
                out[key] = _convert_out(value)
        for key, value in self.extra.items():
            out[key] = value if type(value) is str else _convert_out(value)
        return out


def _readers(cls: type) -> dict[str, tuple[str, type | None, bool]]:
    """JSON key → (attribute, Node class to build or None, is a list), built once per class.

    Read from the annotations as written (``"list[Profile]"``, ``"Location | None"``):
    evaluating them with :func:`typing.get_type_hints` would cost start-up time.
    """
    cached = cls.__dict__.get("_reader_cache")
    if cached is None:
        notes: dict[str, str] = {}
        for klass in reversed(cls.__mro__):
            notes.update(klass.__dict__.get("__annotations__", {}))  # noqa: RUF063 (start-up)
        names = vars(sys.modules[cls.__module__])
        json_keys = getattr(cls, "_json_keys", {})
        cached = {}
        for attr in (f.name for f in fields(cls)):
            if attr == "extra":
                continue
            note = str(notes[attr])
            many = note.startswith("list[")
            named = note[5:-1] if many else note.split("|")[0].strip()
            node = names.get(named)
            if not (isinstance(node, type) and issubclass(node, Node)):
                node = None
            cached[json_keys.get(attr, attr)] = (attr, node, many)
        cls._reader_cache = cached  # type: ignore[attr-defined]
    return cached


def _writers(cls: type) -> list[tuple[str, str]]:
    """(attribute, JSON key) of every field in declaration order, built once per class."""
    cached = cls.__dict__.get("_writer_cache")
    if cached is None:
        cached = [(attr, key) for key, (attr, _, _) in _readers(cls).items()]
        cls._writer_cache = cached  # type: ignore[attr-defined]
    return cached


def _convert_out(value: Any) -> Any:
    """A field's JSON value: model objects become dicts, containers are copied."""
    if type(value) is str:
        return value
    if isinstance(value, Node):
        return value.to_dict()
    if isinstance(value, list):
        return [v if type(v) is str else _convert_out(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) is str else _convert_out(v) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- basics


@dataclass(slots=True)
class Location(Node):
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Profile(Node):
    network: str | None = None
    username: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Basics(Node):
    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[Profile] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


# --------------------------------------------------------------------------- entries


@dataclass(slots=True)
class Entry(Node):
    """Fields shared by dated entries; concrete sections add their own."""

    def dates(self) -> tuple[str | None, str | None]:
        """(start, end) of the entry, whatever the section calls them."""
        start = (
            getattr(self, "startDate", None)
            or getattr(self, "date", None)
            or getattr(self, "releaseDate", None)
        )
        return start, getattr(self, "endDate", None)


@dataclass(slots=True)
class Work(Entry):
    name: str | None = None
    location: str | None = None
    description: str | None = None
    position: str | None = None
    url: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None
    highlights: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Volunteer(Entry):
    organization: str | None = None
    position: str | None = None
    url: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None
    highlights: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Education(Entry):
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    studyType: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    score: str | None = None
    courses: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Award(Entry):
    title: str | None = None
    date: str | None = None
    awarder: str | None = None
    summary: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Certificate(Entry):
    name: str | None = None
    date: str | None = None
    url: str | None = None
    issuer: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Publication(Entry):
    name: str | None = None
    publisher: str | None = None
    releaseDate: str | None = None
    url: str | None = None
    summary: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Skill(Entry):
    name: str | None = None
    level: str | None = None
    keywords: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Language(Entry):
    language: str | None = None
    fluency: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Interest(Entry):
    name: str | None = None
    keywords: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Reference(Entry):
    name: str | None = None
    reference: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Project(Entry):
    name: str | None = None
    description: str | None = None
    highlights: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    startDate: str | None = None
    endDate: str | None = None
    url: str | None = None
    roles: list[str] = field(default_factory=list)
    entity: str | None = None
    type: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


# --------------------------------------------------------------------------- extension


@dataclass(slots=True)
class CustomEntry(Entry):
    """An entry of a section JSON Resume has no place for (talks, supervision, …)."""

    name: str | None = None
    role: str | None = None
    organization: str | None = None
    location: str | None = None
    date: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    url: str | None = None
    summary: str | None = None
    highlights: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class SectionLayout(Node):
    """One section of the page, in page order, with the title the author gave it.

    ``section`` names a standard section (``"work"``) and ``items`` the indices of its
    entries that this heading shows, or is ``"custom"`` with the entries inline.
    """

    section: str | None = None
    title: str | None = None
    items: list[int] = field(default_factory=list)
    entries: list[CustomEntry] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def indices(self) -> list[int]:
        """``items`` as writers use them: a value of the wrong type (kept for validation to
        report) shows nothing instead of crashing the writer."""
        items = self.items if isinstance(self.items, list) else []
        return [i for i in items if isinstance(i, int) and not isinstance(i, bool)]

    def custom_entries(self) -> list[Any]:
        """``entries`` as writers use them (a wrong-typed value shows nothing)."""
        return self.entries if isinstance(self.entries, list) else []


@dataclass(slots=True)
class Extension(Node):
    """``meta["x-resumeconv"]``: page layout and custom sections."""

    version: str | None = None
    sections: list[SectionLayout] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Meta(Node):
    _json_keys: ClassVar[dict[str, str]] = {"resumeconv": EXTENSION_KEY}

    canonical: str | None = None
    version: str | None = None
    lastModified: str | None = None
    resumeconv: Extension | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)


# --------------------------------------------------------------------------- resume


@dataclass
class Resume(Node):
    """A whole resume. ``source_map`` and ``import_report`` are not serialised."""

    _json_keys: ClassVar[dict[str, str]] = {"schema": "$schema"}

    schema: str | None = None
    basics: Basics | None = None
    work: list[Work] = field(default_factory=list)
    volunteer: list[Volunteer] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    certificates: list[Certificate] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    interests: list[Interest] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    meta: Meta | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.source_map: Any = None
        self.import_report: Any = None
        #: Local files the resume's URLs stand for (the photo): see resumeconv.assets.
        self.assets: dict[str, str] = {}

    @classmethod
    def from_dict(cls, data: Any) -> Resume:
        if not isinstance(data, dict):
            from resumeconv.errors import InputError

            raise InputError(
                f"a resume is a JSON object, not {type(data).__name__}",
                hint="the top level must be { ... } with keys such as basics, work, education",
            )
        return super().from_dict(data)

    @property
    def extension(self) -> Extension | None:
        """The resumeconv extension, if the document has one."""
        meta = self.meta
        ext = meta.resumeconv if isinstance(meta, Meta) else None
        return ext if isinstance(ext, Extension) else None  # a wrong type is left to validation

    def layout(self) -> list[SectionLayout]:
        """Sections in page order: the stored layout, or the standard order when absent."""
        ext = self.extension
        if ext is not None and isinstance(ext.sections, list) and ext.sections:
            return [s for s in ext.sections if isinstance(s, SectionLayout)]
        out = []
        for name in STANDARD_SECTIONS:
            items = getattr(self, name)
            if isinstance(items, list) and items:
                out.append(SectionLayout(section=name, items=list(range(len(items)))))
        return out


CUSTOM = "custom"

ENTRY_TYPES: dict[str, type[Node]] = {
    "work": Work,
    "volunteer": Volunteer,
    "education": Education,
    "awards": Award,
    "certificates": Certificate,
    "publications": Publication,
    "skills": Skill,
    "languages": Language,
    "interests": Interest,
    "references": Reference,
    "projects": Project,
    CUSTOM: CustomEntry,
}
