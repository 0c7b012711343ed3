"""The example resume ``resumeconv init`` writes: one document (``starter.json``), written
in any format by the same writers as every other resume, so it converts and validates
cleanly whatever format it is started in."""

from __future__ import annotations

import json
from pathlib import Path

from resumeconv.model import Resume

#: The file name ``init`` writes for each format when no ``-o`` is given.
STARTER_NAMES = {"md": "cv.md", "json": "resume.json", "yaml": "resume.yaml"}


def starter() -> Resume:
    """A fresh copy of the example resume."""
    text = (Path(__file__).parent / "starter.json").read_text("utf-8")
    return Resume.from_dict(json.loads(text))
