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


class _IndentedListDumper(_Dumper):
    """Writes list items indented under their key (``key:\n  - item``), as many people do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def dump_text(document: Any, indent: int = 2, indent_lists: bool = False, width: int = 100) -> str:
    """``document`` as block-style YAML text, keys in the order given, no anchors or tags.

    ``indent`` and ``indent_lists`` let ``resumeconv fix`` write a file back in the style it
    was written in."""
    return yaml.dump(
        document,
        Dumper=_IndentedListDumper if indent_lists else _Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=width,
        indent=indent,
    )


def write(resume: Resume, options: WriteOptions) -> bytes:
    """UTF-8 YAML, keys in model order, no anchors or Python tags."""
    return dump_text(resume.to_dict()).encode("utf-8")
