"""The example resume ``resumeconv init`` writes: one document (``starter.json``), written
in any format by the same writers as every other resume, so it converts and validates
cleanly whatever format it is started in."""

from __future__ import annotations

import json
from pathlib import Path

from resumeconv.model import EXTENSION_KEY, EXTENSION_VERSION, Resume

#: The file name ``init`` writes for each format when no ``-o`` is given.
STARTER_NAMES = {"md": "cv.md", "json": "resume.json", "yaml": "resume.yaml"}
#: The section headings of the CV page (a page shows the titles its author wrote; JSON
#: Resume has none, so the JSON and YAML starters carry no layout).
PAGE_TITLES = {
    "work": "Experience",
    "education": "Education",
    "skills": "Skills",
    "projects": "Projects",
}


def starter(format: str = "json") -> Resume:
    """A fresh copy of the example resume; for a CV page (``md``/``markdown``) with the
    page's section titles, in the resumeconv extension (docs/extension.md)."""
    text = (Path(__file__).parent / "starter.json").read_text("utf-8")
    document = json.loads(text)
    if format in ("md", "markdown"):
        sections = [
            {"section": key, "title": title, "items": list(range(len(document[key])))}
            for key, title in PAGE_TITLES.items()
        ]
        document["meta"] = {EXTENSION_KEY: {"version": EXTENSION_VERSION, "sections": sections}}
    return Resume.from_dict(document)
