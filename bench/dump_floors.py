"""The floors' inputs: exactly what our exporters hand to pandoc and to Typst.

Run once before measuring, with the interpreter of our install. Writes

* ``AST_JSON``: the pandoc JSON document our DOCX exporter pipes to
  ``pandoc --sandbox -f json -t docx`` (API version included), so that the pandoc floor
  converts our own document tree, not an equivalent Markdown that pandoc would parse first;
* ``DATA_JSON``: the data our PDF exporter passes to its Typst template;

and prints, as JSON, the pandoc binary, the reference document, the template and the font
folders our exporters use for this resume.

usage: python dump_floors.py RESUME.json AST_JSON DATA_JSON
"""

from __future__ import annotations

import json
import sys

import resumeconv
from resumeconv.exporters import docx, outline, pdf
from resumeconv.options import WriteOptions


def main() -> None:
    source, ast_out, data_out = sys.argv[1:]
    options = WriteOptions()
    resume = resumeconv.load(source)
    doc = outline.build(resume, locale=options.locale)
    # As docx._pandoc_once builds its payload.
    payload = {"pandoc-api-version": docx.API_VERSION, **docx.ast(doc, options.locale)}
    with open(ast_out, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(payload, ensure_ascii=False))
    data = pdf.template_data(doc, options)
    with open(data_out, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(data, ensure_ascii=False, sort_keys=True))
    info = {
        "pandoc": docx.pandoc_path(),
        "reference": str(docx.REFERENCE_DOCS[str(options.paper).lower()]),
        "epoch": docx.SOURCE_DATE_EPOCH,
        "template": str(pdf.TEMPLATE),
        "fonts": list(pdf.font_folders(data)),
    }
    print(json.dumps(info))


if __name__ == "__main__":
    main()
