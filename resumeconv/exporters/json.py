"""JSON Resume output: plain JSON other JSON Resume tools accept, stable and diff-friendly."""

from __future__ import annotations

import json

from resumeconv.model import Resume
from resumeconv.options import WriteOptions


def write(resume: Resume, options: WriteOptions) -> bytes:
    """Two-space indented UTF-8 JSON with a final newline; key order is the model's."""
    return (json.dumps(resume.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
