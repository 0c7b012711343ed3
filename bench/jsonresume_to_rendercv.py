"""JSON Resume → RenderCV input (YAML), so that RenderCV renders the same content.

Only what RenderCV's schema can hold is carried over; dates RenderCV cannot parse go to
its free-text ``date`` field. Used by bench.py only.

usage: python jsonresume_to_rendercv.py RESUME.json OUT.yaml
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import yaml

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_NETWORKS = {
    "linkedin": "LinkedIn",
    "github": "GitHub",
    "gitlab": "GitLab",
    "orcid": "ORCID",
    "researchgate": "ResearchGate",
    "google scholar": "Google Scholar",
    "stackoverflow": "StackOverflow",
    "x": "X",
    "twitter": "X",
}


def convert(resume: dict[str, Any]) -> dict[str, Any]:
    basics = resume.get("basics") or {}
    cv: dict[str, Any] = {"name": basics.get("name") or "Unnamed"}
    for ours, theirs in (("email", "email"), ("url", "website")):  # phone: E.164 only
        if basics.get(ours):
            cv[theirs] = basics[ours]
    loc = basics.get("location") or {}
    if loc.get("city"):
        cv["location"] = ", ".join(x for x in (loc.get("city"), loc.get("countryCode")) if x)
    social = []
    for prof in basics.get("profiles") or []:
        net = _NETWORKS.get(str(prof.get("network", "")).lower())
        if net and prof.get("username"):
            social.append({"network": net, "username": prof["username"]})
    if social:
        cv["social_networks"] = social
    sections: dict[str, list[Any]] = {}
    if basics.get("summary"):
        sections["summary"] = [basics["summary"]]
    sections["education"] = [
        _dated(
            {
                "institution": e.get("institution") or "?",
                "area": e.get("area") or "-",
                "degree": e.get("studyType"),
                "location": e.get("location"),
                "highlights": e.get("courses") or None,
            },
            e,
        )
        for e in resume.get("education") or []
    ]
    sections["experience"] = [
        _dated(
            {
                "company": w.get("name") or "?",
                "position": w.get("position") or "-",
                "location": w.get("location"),
                "summary": w.get("summary"),
                "highlights": w.get("highlights") or None,
            },
            w,
        )
        for w in resume.get("work") or []
    ]
    sections["projects"] = [
        _dated(
            {
                "name": p.get("name") or "?",
                "summary": p.get("description"),
                "highlights": p.get("highlights") or None,
            },
            p,
        )
        for p in resume.get("projects") or []
    ]
    sections["publications"] = [
        {
            "title": p.get("name") or "?",
            "authors": [basics.get("name") or "?"],
            "journal": p.get("publisher"),
            "date": p.get("releaseDate"),
        }
        for p in resume.get("publications") or []
    ]
    sections["awards"] = [
        {"name": a.get("title") or "?", "date": a.get("date"), "summary": a.get("summary")}
        for a in resume.get("awards") or []
    ]
    sections["skills"] = [
        {"label": s.get("name") or "?", "details": ", ".join(s.get("keywords") or []) or "-"}
        for s in resume.get("skills") or []
    ]
    sections["languages"] = [
        {"label": lang.get("language") or "?", "details": lang.get("fluency") or "-"}
        for lang in resume.get("languages") or []
    ]
    cv["sections"] = {k: [_clean(e) for e in v] for k, v in sections.items() if v}
    return {"cv": cv}


def _dated(entry: dict[str, Any], src: dict[str, Any]) -> dict[str, Any]:
    start, end = src.get("startDate"), src.get("endDate")
    if start and _DATE.match(start) and (not end or _DATE.match(end)):
        entry["start_date"] = start
        entry["end_date"] = end or "present"
    elif start or end:
        entry["date"] = " – ".join(x for x in (start, end) if x)
    return entry


def _clean(entry: Any) -> Any:
    if isinstance(entry, dict):
        return {k: v for k, v in entry.items() if v not in (None, "", [])}
    return entry


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        data = convert(json.load(fh))
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False)
