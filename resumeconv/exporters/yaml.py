"""YAML output: the same fields as JSON Resume, block style, for people who edit by hand."""

from __future__ import annotations

from typing import Any

import yaml

from resumeconv.model import Resume
from resumeconv.options import WriteOptions


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line strings as literal blocks."""


#: Line breaks YAML 1.1 knows besides \n: in a plain, quoted or block scalar a reader folds
#: them into a space or a newline, so only double quotes (which escape them) keep them.
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029", "\r")


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    if any(ch in value for ch in _OTHER_BREAKS):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def write(resume: Resume, options: WriteOptions) -> bytes:
    """UTF-8 YAML, keys in model order, no anchors or Python tags."""
    return dump(resume.to_dict()).encode("utf-8")


def dump(value: Any) -> str:
    """Block-style YAML of plain JSON values, keys in the order given (the RenderCV writer
    uses it too, so that both YAML outputs quote and fold text the same way)."""
    return yaml.dump(
        value,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
