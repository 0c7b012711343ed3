"""CV pages → JSON Resume and HTML over a Dask bag (the README's library example).

usage: python bench/dask_example.py PAGES_DIR OUT_DIR
"""

import sys
from pathlib import Path

import dask.bag as db

import resumeconv


def convert(page: Path) -> tuple[str, bytes, bytes]:
    resume = resumeconv.load(page.read_bytes(), format="markdown")  # pure: bytes in
    return page.stem, resumeconv.render(resume, "json"), resumeconv.render(resume, "html")


if __name__ == "__main__":
    pages = db.from_sequence(sorted(Path(sys.argv[1]).glob("*.md")), npartitions=4)
    for stem, json_doc, html in pages.map(convert).compute(scheduler="processes"):
        Path(sys.argv[2], f"{stem}.json").write_bytes(json_doc)
        Path(sys.argv[2], f"{stem}.html").write_bytes(html)
