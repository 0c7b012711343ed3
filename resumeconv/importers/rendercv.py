"""RenderCV reader: a RenderCV YAML file (``cv:`` with ``sections:``) → :class:`Resume`.

The YAML is parsed by :mod:`resumeconv.importers.yaml` (PyYAML, with positions), so every
value keeps its line. ``cv``'s contacts become ``basics``, each section goes where its
entry type and title say (``resumeconv.rendercv.HOMES``, docs/rendercv.md), and what
JSON Resume has no field for is kept as ``x-<key>`` with a report note. The ``design``,
``locale`` and settings blocks are kept verbatim in ``meta["x-rendercv"]`` so that the
RenderCV writer can hand them back untouched.
"""

from __future__ import annotations

from typing import Any

from resumeconv import dialect
from resumeconv import rendercv as rcv
from resumeconv.errors import InputError
from resumeconv.importers.yaml import Parsed, parse_document, top_level_ranges
from resumeconv.model import EXTENSION_KEY, EXTENSION_VERSION, Resume
from resumeconv.options import ReadOptions
from resumeconv.report import IMPORTED, NOTE, ImportReport, SourceMap, escape, pointer
from resumeconv.sources import Source

_BASICS_KEYS = ("name", "label", "image", "email", "phone", "url", "summary", "location")
_BASICS_RENAMES = {"website": "url", "photo": "image", "headline": "label"}
#: Contacts the writer holds back as x- keys because RenderCV would refuse them.
_HELD_BACK = {"x-phone": "phone", "x-url": "url", "x-image": "image"}
_DATE_KEYS = ("date", "start_date", "end_date")
_DATE_SOURCES = {
    "startDate": "start_date",
    "x-startDate": "start_date",
    "endDate": "end_date",
    "x-endDate": "end_date",
}


def read(source: Source, options: ReadOptions) -> Resume:
    """A RenderCV YAML file → :class:`Resume` with its source map and import report."""
    parsed = parse_document(source.text, source.name)
    document = parsed.value
    if not isinstance(document, dict) or not isinstance(document.get("cv"), dict):
        line, column = parsed.positions.get("/cv", parsed.positions.get("", (1, 1)))
        raise InputError(
            "a RenderCV file has a 'cv:' mapping at the top level",
            file=source.name,
            line=line,
            column=column,
            hint="write 'cv:' with name, email, … and 'sections:' under it "
            "(see https://docs.rendercv.com)",
        )
    return _Reader(source, parsed).run()


class _Reader:
    """Builds the JSON Resume document, the source map and the report in one pass."""

    def __init__(self, source: Source, parsed: Parsed) -> None:
        self.source = source
        self.parsed = parsed
        self.positions = parsed.positions
        self.lines = source.text.split("\n")
        self.report = ImportReport(source.name)
        self.source_map = SourceMap(source.name)
        self.out: dict[str, Any] = {}

    # ------------------------------------------------------------------ top level

    def run(self) -> Resume:
        document: dict[str, Any] = self.parsed.value
        ranges = top_level_ranges(self.parsed, self.lines)
        blocks: dict[str, Any] = {}
        for key, value in document.items():
            start, end = ranges[key]
            if key == "cv":
                continue
            blocks[key] = value
            where = pointer("meta", rcv.META_KEY, key)
            self._map(where, "/" + escape(key))
            reason = (
                "kept verbatim for the RenderCV writer"
                if key in rcv.BLOCKS
                else "not a RenderCV key; kept as it is"
            )
            self.report.add(start, end, IMPORTED, where, reason)
        self._cv(document["cv"], ranges["cv"])
        if blocks:
            self.out.setdefault("meta", {})[rcv.META_KEY] = blocks
        resume = Resume.from_dict(self.out)
        resume.source_map = self.source_map
        resume.import_report = self.report
        return resume

    def _cv(self, cv: dict[str, Any], span: tuple[int, int]) -> None:
        basics: dict[str, Any] = {}
        self.out["basics"] = basics
        ranges = self._child_ranges("/cv", cv, span[1])
        self.report.add(span[0], span[0], IMPORTED, "/basics", "cv:")
        for key, value in cv.items():
            start, end = ranges[key]
            src = pointer("cv", key)
            if key == "sections":
                self.report.add(start, start, IMPORTED, None, "sections:")
                self._sections(value, end)
                continue
            if value is None or (key == "social_networks" and value == []):
                self.report.add(start, end, IMPORTED, None, f"{key}: empty, nothing to keep")
                continue
            if key == "social_networks":
                self._profiles(value, src, basics)
                self.report.add(start, end, IMPORTED, "/basics/profiles")
                continue
            if key == "x-profiles" and isinstance(value, list):
                self._extra_profiles(value, src, basics)
                self.report.add(start, end, IMPORTED, "/basics/profiles")
                continue
            if key == "x-meta" and isinstance(value, dict):
                meta = self.out.setdefault("meta", {})
                for name, item in value.items():
                    meta.setdefault(name, item)
                    self._map(pointer("meta", name), pointer("cv", key, name))
                self.report.add(start, end, IMPORTED, "/meta")
                continue
            if key == "location" and isinstance(value, str):
                basics["location"] = {"address": value}
                self._map("/basics/location/address", src)
                self.report.add(start, end, IMPORTED, "/basics/location/address")
                continue
            name = _HELD_BACK.get(key, "")
            if not name or name in basics:
                name = rcv.model_key(key, _BASICS_RENAMES, _BASICS_KEYS, frozenset())
            basics[name] = value
            self._map(pointer("basics", name), src)
            self.report.add(start, end, IMPORTED, pointer("basics", name), _kept(key, name))

    # ------------------------------------------------------------------ contacts

    def _profiles(self, value: Any, src: str, basics: dict[str, Any]) -> None:
        profiles = basics.setdefault("profiles", [])
        if not isinstance(value, list):
            basics["x-social_networks"] = value
            self._map("/basics/x-social_networks", src)
            return
        for i, network in enumerate(value):
            where = pointer("basics", "profiles", len(profiles))
            self._map(where, f"{src}/{i}")
            if isinstance(network, dict):
                profile = dict(network)
                name, user = profile.get("network"), profile.get("username")
                url = rcv.profile_url(name, user) if isinstance(name, str) else None
                if url is not None and isinstance(user, str) and "url" not in profile:
                    profile["url"] = url
                for key in network:
                    self._map(f"{where}/{escape(key)}", f"{src}/{i}/{escape(key)}")
                network = profile
            profiles.append(network)

    def _extra_profiles(self, value: list[Any], src: str, basics: dict[str, Any]) -> None:
        """``x-profiles``: the profiles the RenderCV writer could not make social networks."""
        profiles = basics.setdefault("profiles", [])
        for i, profile in enumerate(value):
            self._map(pointer("basics", "profiles", len(profiles)), f"{src}/{i}")
            profiles.append(profile)

    # ------------------------------------------------------------------ sections

    def _sections(self, sections: Any, last_line: int) -> None:
        if not isinstance(sections, dict):
            self.out.setdefault("basics", {})["x-sections"] = sections
            self._map("/basics/x-sections", "/cv/sections")
            return
        if not sections:
            return  # no section: no layout (the writer writes none either)
        layout: list[dict[str, Any]] = []
        ext = {"version": EXTENSION_VERSION, "sections": layout}
        self.out.setdefault("meta", {})[EXTENSION_KEY] = ext
        ranges = self._child_ranges("/cv/sections", sections, last_line)
        for key, entries in sections.items():
            start, end = ranges[key]
            index = len(layout)
            section = self._section(key, entries, pointer("cv", "sections", key))
            layout.append(section)
            where = pointer("meta", EXTENSION_KEY, "sections", index)
            self._map(where, pointer("cv", "sections", key))
            home = section["section"]
            target = where if home == dialect.CUSTOM else f"/{home.replace('.', '/')}"
            self.report.add(start, end, IMPORTED, target, f"{key}: {_type_label(section)}")

    def _section(self, key: str, entries: Any, src: str) -> dict[str, Any]:
        title = rcv.title_of_key(key)
        kind = rcv.section_type(entries)
        home = _home(kind, title, has_summary="summary" in self.out.get("basics", {}))
        layout: dict[str, Any] = {"section": home.section, "title": title}
        if title != key:
            layout["x-key"] = key
        if kind is not None and rcv.home(home.section) is not home:
            layout["x-entryType"] = kind
        if not isinstance(entries, list):
            layout["x-entries"] = entries
            self._note(src, f"{key}: a section is a list of entries; kept as x-entries")
            return layout
        if home.section == dialect.SUMMARY:
            self.out["basics"]["summary"] = "\n\n".join(str(e) for e in entries)
            self._map("/basics/summary", src)
            return layout
        if home.section == dialect.CUSTOM:
            converted = layout.setdefault("entries", [])
            base = None
        else:
            converted = self.out.setdefault(home.section, [])
            layout["items"] = []
            base = home.section
        for i, entry in enumerate(entries):
            if base is None:
                where = pointer("meta", EXTENSION_KEY, "sections", self._layout_len(), "entries")
                where += f"/{len(converted)}"
            else:
                where = pointer(base, len(converted))
                layout["items"].append(len(converted))
            converted.append(self._entry(entry, home, f"{src}/{i}", where))
        return layout

    def _layout_len(self) -> int:
        return len(self.out["meta"][EXTENSION_KEY]["sections"])

    def _entry(self, entry: Any, home: rcv.Home, src: str, where: str) -> Any:
        self._map(where, src)
        if isinstance(entry, str) and home.rcv_type == rcv.TEXT:
            self._map(f"{where}/summary", src)
            return {"summary": entry}
        if not isinstance(entry, dict):
            return entry  # kept as it is; validation reports it
        section = home.section
        model_keys = rcv.MODEL_KEYS[section]
        renamed = {r: m for m, r in home.renames.items()}
        required = rcv.REQUIRED.get(home.rcv_type, ())
        guard = rcv.guarded(home.rcv_type)
        out: dict[str, Any] = {}
        for key, value in _dates(section, entry).items():
            out[key] = value
            self._map(f"{where}/{escape(key)}", self._date_source(src, entry, key))
        for key, value in entry.items():
            if key in _DATE_KEYS or value is None:
                continue
            if key in required and value in ("", []):
                continue  # the writer fills an empty required field; nothing to keep
            name = rcv.model_key(key, renamed, model_keys, guard)
            if name in out:
                name = "x-" + name
            if name == home.joined and isinstance(value, str):
                value = value.split(", ") if value else []
            out[name] = value
            self._map(f"{where}/{escape(name)}", f"{src}/{escape(key)}")
            if name == "x-" + key and not key.startswith("x-"):
                self._note(
                    f"{src}/{escape(key)}",
                    f"{key} kept as {where}/{name}: JSON Resume's {section} has no such field",
                )
        linked = rcv.link_fields(section, home.rcv_type)
        parts = rcv.split_link(out.get(linked[0])) if linked and linked[1] not in out else None
        if linked is not None and parts is not None:
            out[linked[0]], out[linked[1]] = parts  # "[Acme](url)": the text and its link
            pos = self.source_map.positions.get(f"{where}/{escape(linked[0])}")
            if pos is not None:
                self.source_map.add(f"{where}/{escape(linked[1])}", pos.line, pos.column)
        return out

    def _date_source(self, src: str, entry: dict[str, Any], key: str) -> str:
        name = _DATE_SOURCES.get(key, "date")
        return f"{src}/{name if name in entry else 'date'}"

    # ------------------------------------------------------------------ bookkeeping

    def _map(self, model_pointer: str, rcv_pointer: str) -> None:
        line, column = self.positions.get(rcv_pointer, self.positions.get("", (1, 1)))
        self.source_map.add(model_pointer, line, column)

    def _note(self, rcv_pointer: str, text: str) -> None:
        line = self.positions.get(rcv_pointer, (1, 1))[0]
        self.report.add(line, line, NOTE, None, text)

    def _child_ranges(
        self, parent: str, mapping: dict[str, Any], last_line: int
    ) -> dict[str, tuple[int, int]]:
        """Line range of each key of ``mapping``: its line up to the next key's."""
        starts = sorted((self.positions[f"{parent}/{escape(k)}"][0], k) for k in mapping)
        ranges = {}
        for i, (line, key) in enumerate(starts):
            end = starts[i + 1][0] - 1 if i + 1 < len(starts) else last_line
            while end > line and _blank(self.lines[end - 1] if end <= len(self.lines) else ""):
                end -= 1
            ranges[key] = (line, max(line, end))
        return ranges


# --------------------------------------------------------------------------- rules


def _home(kind: str | None, title: str, has_summary: bool) -> rcv.Home:
    """Where a section of RenderCV type ``kind`` titled ``title`` goes (docs/rendercv.md)."""
    rule = dialect.matching_rule(title)
    if kind == "EducationEntry":
        section = "education"
    elif kind == "ExperienceEntry":
        section = "volunteer" if rule == "volunteer" else "work"
    elif kind == "PublicationEntry":
        section = "publications"
    elif kind == "OneLineEntry":
        if rule in ("languages", "interests", "skills"):
            section = rule
        else:
            section = "skills" if rule is None else dialect.CUSTOM
    elif kind == "NormalEntry":
        homes = ("awards", "projects", "certificates", "references", "publications")
        section = rule if rule in homes else dialect.CUSTOM
        if section == "publications" and dialect.publication_type(title) is not None:
            # CV pages' talks titles name publications of a type (issue 12, rule 1); a
            # RenderCV NormalEntry talk keeps its own section and type (docs/rendercv.md)
            section = dialect.CUSTOM
    elif kind == "BulletEntry" and rule in ("interests", "skills"):
        section = rule
    elif kind == rcv.TEXT and rule == dialect.SUMMARY and not has_summary:
        section = dialect.SUMMARY
    else:
        section = dialect.CUSTOM
    found = rcv.home(section, kind or "NormalEntry")
    assert found is not None
    return found


def _dates(section: str, entry: dict[str, Any]) -> dict[str, Any]:
    """The model dates of a RenderCV entry (``x-date`` keeps a ``date`` the model cannot
    hold as it is; ``x-startDate``/``x-endDate`` a range on a single-date type)."""
    out: dict[str, Any] = {}
    date, start, end = (entry.get(k) for k in _DATE_KEYS)
    single = rcv.SINGLE_DATE.get(section)
    if single is not None:
        if start is not None:
            out["x-startDate"] = rcv.iso(start) or start
        if end is not None:
            out["x-endDate"] = rcv.iso(end) or end
    else:
        if start is not None:
            out["startDate"] = rcv.iso(start) or start
        if end is not None and end != "present":
            out["endDate"] = rcv.iso(end) or end
    if date is None:
        return out
    field = single or ("date" if section == dialect.CUSTOM else None)
    if field is not None and rcv.iso(date) and not out:
        out[field] = rcv.iso(date)
        return out
    out["x-date"] = rcv.text_date(date)
    if start is None and end is None:
        out.update(rcv.derived_dates(section, rcv.text_date(date)))
    return out


def _kept(key: str, name: str) -> str:
    return f"{key} kept as {name}" if name == "x-" + key and not key.startswith("x-") else ""


def _type_label(section: dict[str, Any]) -> str:
    kind = section.get("x-entryType") or (rcv.home(section["section"]) or rcv.HOMES[0]).rcv_type
    return f"{kind} section → {section['section']}"


def _blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")
