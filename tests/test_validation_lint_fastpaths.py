"""Validation's shortcuts give exactly what the plain way gives (issue 5 throughput)."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from resumeconv.validation import lint
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


@settings(max_examples=500, deadline=None)
@given(_VALUES)
def test_has_blank_agrees_with_the_walk_that_finds_them(value) -> None:
    assert lint._has_blank(value) == bool(list(lint._blank_strings(value, ())))


def _reordered(value):
    """The same value with every object's keys in reverse order (equal for _canonical)."""
    if isinstance(value, dict):
        return {k: _reordered(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reordered(v) for v in value]
    return value


_ENTRIES = st.lists(
    st.dictionaries(
        st.sampled_from(["name", "summary", "x", "highlights", "1"]),
        st.one_of(_SCALARS, st.lists(_SCALARS, max_size=2), st.just({"a": "b"})),
        max_size=4,
    )
    | _SCALARS,
    max_size=4,
).flatmap(lambda xs: st.permutations(xs + [_reordered(x) for x in xs[:2]]))


@settings(max_examples=500, deadline=None)
@given(_ENTRIES)
def test_duplicates_rough_pre_check_skips_no_repeat(items) -> None:
    context = lint.Context(today=datetime.date(2024, 1, 1))
    fast = list(lint.check_duplicates({"work": items}, context))
    assert fast == list(lint._duplicates("work", ("work",), items))


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
