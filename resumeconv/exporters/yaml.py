"""YAML output: the same fields as JSON Resume, block style, for people who edit by hand."""

from __future__ import annotations

from typing import Any

import yaml

from resumeconv.model import Resume
from resumeconv.options import WriteOptions
from resumeconv.report import escape


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


def write(resume: Resume, options: WriteOptions) -> bytes:
    """UTF-8 YAML, keys in model order, no anchors or Python tags."""
    return dump(resume.to_dict()).encode("utf-8")


def dump(
    value: Any,
    indent: int = 2,
    indent_lists: bool = False,
    width: int = 100,
    flow: frozenset[str] = frozenset(),
) -> str:
    """Block-style YAML of plain JSON values, keys in the order given (the RenderCV writer
    uses it too, so that both YAML outputs quote and fold text the same way).

    ``indent``, ``indent_lists`` and ``flow`` (JSON pointers of the lists and mappings to
    write on one line, ``[a, b]``) let ``resumeconv fix`` write a file back in the style it
    was written in."""
    base = _IndentedListDumper if indent_lists else _Dumper
    dumper = base if not flow else type("_FlowDumper", (base,), {"flow_pointers": flow})
    return yaml.dump(
        value,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=width,
        indent=indent,
    )


def _flow_nodes(node: yaml.Node, pointer: str, flow: frozenset[str]) -> None:
    """Mark the collections at ``flow``'s pointers as flow style (``[a, b]``, ``{a: 1}``)."""
    if isinstance(node, yaml.MappingNode):
        node.flow_style = True if pointer in flow else node.flow_style
        for key, value in node.value:
            _flow_nodes(value, f"{pointer}/{escape(str(key.value))}", flow)
    elif isinstance(node, yaml.SequenceNode):
        node.flow_style = True if pointer in flow else node.flow_style
        for i, value in enumerate(node.value):
            _flow_nodes(value, f"{pointer}/{i}", flow)


def _represent(self: Any, data: Any) -> None:
    node = self.represent_data(data)
    _flow_nodes(node, "", getattr(self, "flow_pointers", frozenset()))
    self.serialize(node)
    self.represented_objects = {}
    self.object_keeper = []
    self.alias_key = None


_Dumper.represent = _represent  # type: ignore[method-assign]
