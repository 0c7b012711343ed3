"""Prove that a refactor kept every output: all writers' bytes for every input we have.

    .venv/bin/python bench/export_snapshot.py write /tmp/exports-before.jsonl
    .venv/bin/python bench/export_snapshot.py check /tmp/exports-before.jsonl

Inputs: every CV page, JSON and YAML resume under ``fixtures/``, and every CV page under
``../shared`` (corpus, patterns, template, seed) when it is there. For each input and each
writable format the record holds the output (text formats), or its SHA-256 plus the text a
reader sees (DOCX: the document XML's text; PDF: ``pdftotext``), or the error message.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import resumeconv  # noqa: E402
from resumeconv.errors import ResumeconvError  # noqa: E402

FORMATS = ("json", "yaml", "markdown", "html", "docx", "pdf")
READABLE = {".md", ".json", ".yaml", ".yml"}


def inputs() -> Iterator[Path]:
    """Every input of the snapshot, in a fixed order."""
    files = [p for p in sorted((ROOT / "fixtures").rglob("*")) if p.suffix in READABLE]
    files = [p for p in files if "/_" not in str(p.relative_to(ROOT))]  # not collection items
    if SHARED.is_dir():
        files += sorted(SHARED.glob("corpus/*/cv.md"))
        files += sorted(SHARED.glob("patterns/*/*.md"))
        files += [SHARED / "seed" / "cv.md"]
        files += sorted(SHARED.glob("academicpages-template/**/cv*.md"))
    yield from files


def _name(path: Path) -> str:
    """The input's name, the same in every checkout (``fixtures/…`` or ``shared/…``)."""
    return str(path.relative_to(ROOT if path.is_relative_to(ROOT) else ROOT.parent))


def _visible(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("word/document.xml").decode("utf-8")
        return re.sub(r"<[^>]+>", " ", xml.replace("</w:p>", "\n"))
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(data)
        fh.flush()
        done = subprocess.run(["pdftotext", "-layout", fh.name, "-"], capture_output=True)
        return done.stdout.decode("utf-8", "replace")


def record(path: Path) -> dict[str, object]:
    """What every writer makes of one input."""
    out: dict[str, object] = {}
    try:
        resume = resumeconv.load(path)
    except ResumeconvError as exc:
        return {"load": "ERROR " + str(exc).replace(f"{ROOT}/", "")}
    for fmt in FORMATS:
        try:
            data = resumeconv.render(resume, fmt)
        except ResumeconvError as exc:
            out[fmt] = "ERROR " + str(exc).replace(f"{ROOT}/", "")
            continue
        if fmt in ("docx", "pdf"):
            out[fmt] = {"sha256": hashlib.sha256(data).hexdigest(), "text": _visible(fmt, data)}
        else:
            out[fmt] = data.decode("utf-8")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, file = argv
    names = [(_name(p), p) for p in inputs()]
    if mode == "write":
        with open(file, "w", encoding="utf-8") as fh:
            for name, path in names:
                fh.write(json.dumps([name, record(path)], ensure_ascii=False) + "\n")
        print(f"{len(names)} inputs written to {file}")
        return 0
    with open(file, encoding="utf-8") as fh:
        before = dict(json.loads(line) for line in fh)
    differ = 0
    for name, path in names:
        now, was = record(path), before.get(name, {})
        for fmt in sorted(set(now) | set(was)):
            a, b = was.get(fmt), now.get(fmt)
            if a == b:
                continue
            differ += 1
            kind = (
                "bytes only"
                if isinstance(a, dict) and isinstance(b, dict) and a.get("text") == b.get("text")
                else "content"
            )
            print(f"DIFF {name} {fmt} ({kind})")
    print(f"{len(names)} inputs × {len(FORMATS)} formats, {differ} outputs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
