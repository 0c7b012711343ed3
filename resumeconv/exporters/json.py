"""JSON Resume output: plain JSON other JSON Resume tools accept, stable and diff-friendly."""

from __future__ import annotations

import json

from resumeconv.model import SCHEMA_URL, Resume
from resumeconv.options import WriteOptions


def write(resume: Resume, options: WriteOptions) -> bytes:
    """Two-space indented UTF-8 JSON with a final newline; key order is the model's.

    The document starts with ``"$schema"`` so that editors offer completion and checks: the
    input's own ``$schema`` when it had one, else the official JSON Resume 1.2.1 schema.
    """
    document = resume.to_dict()
    if "$schema" not in document:
        document = {"$schema": SCHEMA_URL, **document}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
