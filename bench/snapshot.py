"""Prove that a speed change kept every output: import + validate results of many CV pages.

    .venv/bin/python bench/snapshot.py write /tmp/before.jsonl   # before the change
    .venv/bin/python bench/snapshot.py check /tmp/before.jsonl   # after: exit 1 on a difference

Pages: every ``.md`` under ``fixtures/``, the CV pages and collections of ``../shared`` when
it is there, and 2,000 generated pages (``fuzz/inputs.py``, seeds 11 and 12). Each result is
the resume's JSON, its import report, its source map and its validation issues (or the
error message).
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import resumeconv  # noqa: E402  (after the path, for a run from a checkout)
from resumeconv.errors import ResumeconvError  # noqa: E402
from resumeconv.sources import Source  # noqa: E402


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("fuzz_inputs", ROOT / "fuzz" / "inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_inputs"] = module
    spec.loader.exec_module(module)
    return module


def pages() -> Iterator[tuple[str, str, Path | None]]:
    """(name, text, path or None) of every page in the snapshot, in a fixed order."""
    files = sorted((ROOT / "fixtures").rglob("*.md"))
    if SHARED.is_dir():
        files += sorted(SHARED.rglob("*.md"))
    for path in files:
        name = str(path.relative_to(ROOT if path.is_relative_to(ROOT) else ROOT.parent))
        yield name, path.read_text("utf-8", "replace"), path
    generator = _generator()
    for seed in (11, 12):
        rng = random.Random(seed)
        for k in range(1000):
            yield f"generated-{seed}-{k}", generator.generate_page(rng), None  # type: ignore[attr-defined]


def result(name: str, text: str, path: Path | None) -> str:
    """Everything the importer and the validator say about one page, as one string."""
    try:
        if path is not None:
            resume = resumeconv.load(path)
        else:
            resume = resumeconv.load(Source(text=text, name=name), format="markdown")
        issues = [i.to_dict() for i in resumeconv.validate(resume)]
        report = resume.import_report.to_dict() if resume.import_report else None
        found = [resume.to_dict(), report, resume.source_map, issues]
        text = json.dumps(found, sort_keys=True, default=str, ensure_ascii=False)
        return text.replace(f"{ROOT}/", "")
    except ResumeconvError as exc:
        return "ERROR " + str(exc).replace(f"{ROOT}/", "")


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, file = argv
    if mode == "write":
        with open(file, "w", encoding="utf-8") as fh:
            for name, text, path in pages():
                fh.write(json.dumps([name, result(name, text, path)], ensure_ascii=False) + "\n")
        print(f"snapshot written to {file}")
        return 0
    with open(file, encoding="utf-8") as fh:
        before = dict(json.loads(line) for line in fh)
    differ = total = 0
    for name, text, path in pages():
        total += 1
        now = result(name, text, path)
        if before.get(name) != now:
            differ += 1
            if differ <= 5:
                print(f"DIFF {name}\n  was: {str(before.get(name))[:300]}\n  now: {now[:300]}")
    print(f"{total} pages, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
