"""The library floor of `validate` and of a convert to HTML: what the libraries alone cost.

A bare Python process that imports what the issue prescribes for resumeconv's command line
and model (argparse, dataclasses, typing, pathlib, json), the engine that does the work
(jsonschema-rs, with format checks, on the same schema and document; for HTML also Jinja2's
sandbox, which renders a one-line template), and does that work once. No resumeconv code
runs: no reading of the page, no model, no source map, no lint, no report, no real theme.
Our row divided by this one is what resumeconv's own code adds; this row divided by a
peer's shows how far a target below it can be reached at all.

usage: python floor_libraries.py validate|html SCHEMA_JSON DOCUMENT_JSON
"""

import argparse
import dataclasses  # noqa: F401 (the model's library: its import is part of the floor)
import json
import pathlib
import sys
import typing  # noqa: F401 (imported by every module of the package)

import jsonschema_rs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["validate", "html"])
    parser.add_argument("schema")
    parser.add_argument("document")
    args = parser.parse_args()
    schema = json.loads(pathlib.Path(args.schema).read_text(encoding="utf-8"))
    document = json.loads(pathlib.Path(args.document).read_text(encoding="utf-8"))
    validator = jsonschema_rs.Draft7Validator(schema, validate_formats=True)
    errors = list(validator.iter_errors(document))
    if args.mode == "html":
        from jinja2.sandbox import SandboxedEnvironment

        page = SandboxedEnvironment(autoescape=True).from_string("<h1>{{ name }}</h1>")
        sys.stdout.write(page.render(name=(document.get("basics") or {}).get("name")))
    print(f"{len(errors)} errors")


if __name__ == "__main__":
    main()
