"""Validation's shortcuts give exactly what the plain way gives (issue 5 throughput)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from resumeconv.validation.fastpath import compile_schema

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from([0, 1, 1.0, 2, -0.5]),
    st.sampled_from(["", " ", "\u3000", "\t\n", "a", "a ", "1", "Sep 2023"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "name", "url", "1"]), inner, max_size=3)
    ),
    max_leaves=10,
)


# Schemas in the part of Draft 7 the fast path models exactly (no format, no integer: there
# jsonschema accepts 1.0), so that its answer must be jsonschema's, True and False alike.
_SCHEMAS = [
    {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "number"}}},
    {"type": "array", "items": {"type": "string"}},
    {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "boolean"}}}},
    {"type": "string", "pattern": "^[1-2][0-9]{3}$"},
    {
        "type": "object",
        "additionalProperties": True,
        "properties": {"name": {"type": "array", "items": {"type": "null"}}},
    },
    {"properties": {"a": {"type": "string", "pattern": "a"}}, "items": {"type": "array"}},
]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(_SCHEMAS), _VALUES)
def test_fused_checks_answer_as_jsonschema(schema, value) -> None:
    assert compile_schema(schema)(value) == Draft7Validator(schema).is_valid(value)
