"""The Typst floor: one compile of the same document, by a bare Python process.

The ``typst`` wheel ships no command-line program, so the smallest thing that compiles a
Typst document here is a Python process that imports ``typst`` and calls it once. It
compiles resumeconv's own template with the data resumeconv would pass, so the document
is the same and only resumeconv's own work (reading, modelling, laying out) is missing.

usage: python floor_typst.py TEMPLATE DATA_JSON OUT_PDF [FONT_DIR ...]
"""

import sys

import typst

template, data, out, *font_dirs = sys.argv[1:]
with open(data, encoding="utf-8") as fh:
    inputs = {"data": fh.read()}
typst.compile(
    template,
    output=out,
    font_paths=font_dirs,
    ignore_system_fonts=True,
    sys_inputs=inputs,
)
