"""Instructions per CV page, counted by valgrind: the steady measure for speed work.

Wall and CPU time on this 2-core VM vary by a third from one minute to the next; the
number of instructions a warm import + validate executes varies by ~0.1 %. Every speed
commit of 2026-11-27 states its gain in these counts.

    python bench/instructions.py                      # the seed page, whole import + validate
    python bench/instructions.py --stage assemble     # one stage (see STAGES)
    python bench/instructions.py --stage all path/to/cv.md

It runs the warm loop of the stage under ``valgrind --tool=callgrind`` twice (5 and 25
calls) and prints the difference divided by 20, so start-up and first-call costs cancel
out. Needs valgrind (``apt-get install valgrind``); imports the package from this checkout.
Use a regular interpreter (a venv's ``bin/python``), not pyenv's shim.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "cv.md"

#: Stage name → what one call runs (set up once before the loop, in ``_loop``).
STAGES = {
    "whole": "import + validate, as `resumeconv validate` runs it (jobs.run_validation)",
    "front": "front matter check (importers/markdown._blank_front_matter)",
    "tokens": "markdown-it-py's token stream (cvpage.parser.tokens)",
    "blocks": "the page's blocks from the tokens (cvpage.blocks.parse_blocks)",
    "assemble": "sections and entries → JSON Resume dict (cvpage.assemble)",
    "check": "schema + lint of the imported document (validation.check)",
    "model": "Resume.from_dict + to_dict of the imported document",
}

_LOOP = """
import sys
sys.path.insert(0, {root!r})
from resumeconv.options import ReadOptions
from resumeconv.importers import markdown as md
from resumeconv.importers.cvpage.assemble import Assembler
from resumeconv.importers.cvpage.blocks import page_blocks, parse_blocks
from resumeconv.importers.cvpage.parser import tokens
from resumeconv.importers.cvpage.sections import split_sections
from resumeconv.cli.jobs import run_validation
from resumeconv.model import Resume
from resumeconv.sources import read_source
from resumeconv.validation import check

page = {page!r}
src = read_source(page)
text = md._blank_front_matter(src)[0]
stream, references = tokens(text)
blocks = page_blocks(text, stream, references)
resume = md.read(src, ReadOptions())
document = resume.to_dict()


def assemble():
    asm = Assembler(src.name)
    asm.read_page(split_sections(blocks))
    return asm.result()


stages = {{
    "whole": lambda: run_validation(page),
    "front": lambda: md._blank_front_matter(src),
    "tokens": lambda: tokens(text),
    "blocks": lambda: parse_blocks(stream),
    "assemble": assemble,
    "check": lambda: check(resume),
    "model": lambda: Resume.from_dict(document).to_dict(),
}}
run = stages[{stage!r}]
run()
run()
for _ in range({calls}):
    run()
"""


def count(stage: str, page: Path, calls: int) -> int:
    """Instructions of the whole process running ``calls`` calls of ``stage``."""
    code = _LOOP.format(root=str(ROOT), page=str(page), stage=stage, calls=calls)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run(
        [*valgrind, sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_call(stage: str, page: Path) -> int:
    return (count(stage, page, 25) - count(stage, page, 5)) // 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, default=SEED)
    parser.add_argument("--stage", default="whole", choices=[*STAGES, "all"])
    args = parser.parse_args()
    stages = list(STAGES) if args.stage == "all" else [args.stage]
    for stage in stages:
        print(f"{stage:9s} {per_call(stage, args.page):>12,} instructions   {STAGES[stage]}")


if __name__ == "__main__":
    main()
