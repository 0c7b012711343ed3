"""records.record: the dataclass behaviour the package relies on, without dataclasses."""

from __future__ import annotations

import pytest

from resumeconv.records import field, fields, record


@record
class Base:
    a: int
    b: str = "x"
    tags: list[str] = field(default_factory=list)


@record
class Child(Base):
    c: int = 0
    secret: str = field(default="", repr=False)


@record(frozen=True)
class Point:
    x: int
    y: int = 0


def test_fields_in_declaration_order_base_first() -> None:
    assert fields(Base) == ("a", "b", "tags")
    assert fields(Child(1)) == ("a", "b", "tags", "c", "secret")


def test_positional_keyword_and_defaults() -> None:
    obj = Child(1, "y", c=3)
    assert (obj.a, obj.b, obj.tags, obj.c, obj.secret) == (1, "y", [], 3, "")


def test_factory_default_is_fresh_per_object() -> None:
    one, two = Base(1), Base(2)
    one.tags.append("t")
    assert two.tags == []


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing 1 required positional argument: 'a'"),
        ((1,), {"a": 2}, "multiple values for argument 'a'"),
        ((1,), {"zz": 2}, "unexpected keyword argument 'zz'"),
        ((1, "b", [], 4), {}, "takes from 2 to 4 positional arguments but 5 were given"),
    ],
)
def test_wrong_arguments_are_type_errors(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Base(*args, **kwargs)


def test_equality_by_type_and_values_and_repr() -> None:
    assert Base(1, tags=["a"]) == Base(1, tags=["a"])
    assert Base(1) != Base(2)
    assert Base(1) != Child(1)  # same values, other type
    assert repr(Child(1, secret="s")) == "Child(a=1, b='x', tags=[], c=0)"


def test_mutable_records_are_unhashable_and_frozen_ones_hash_by_value() -> None:
    with pytest.raises(TypeError):
        hash(Base(1))
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    assert {Point(1): "a"}[Point(1, 0)] == "a"


def test_frozen_records_refuse_assignment() -> None:
    p = Point(1)
    with pytest.raises(AttributeError, match="frozen"):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError, match="frozen"):
        del p.y


def test_required_field_after_defaulted_one_still_works() -> None:
    @record
    class Late(Base):
        z: int

    obj = Late(1, z=2)
    assert (obj.a, obj.b, obj.z) == (1, "x", 2)
    with pytest.raises(TypeError, match="missing required argument 'z'"):
        Late(1)


def test_compiled_init_is_installed_once_per_class() -> None:
    @record
    class Fresh:
        n: int = 0

    Fresh()
    first = Fresh.__init__
    Fresh(2)
    assert Fresh.__init__ is first
    assert Fresh.__init__.__qualname__.endswith("Fresh.__init__")


def test_post_init_runs_after_fields_are_set() -> None:
    @record
    class WithPost:
        n: int

        def __post_init__(self) -> None:
            self.double = self.n * 2

    assert WithPost(4).double == 8


@record
class Owner:
    """The shape of cvpage's Assembler: parameters, then state __init__ does not take."""

    name: str
    data: dict = field(default_factory=dict)
    report: str = field(init=False)
    cache: list = field(init=False, default_factory=list)
    mode: str = field(init=False, default="new")

    def __post_init__(self) -> None:
        self.report = f"report for {self.name}"


def test_init_false_fields_are_no_parameters_but_still_fields() -> None:
    one = Owner("a", {"k": 1})
    assert (one.name, one.data, one.report, one.cache, one.mode) == (
        "a",
        {"k": 1},
        "report for a",
        [],
        "new",
    )
    assert Owner("b").cache is not Owner("b").cache  # a fresh default per object
    assert fields(Owner) == ("name", "data", "report", "cache", "mode")
    assert (
        repr(Owner("c")) == "Owner(name='c', data={}, report='report for c', cache=[], mode='new')"
    )
    assert Owner("a") == Owner("a")
    with pytest.raises(TypeError, match="unexpected keyword argument 'report'"):
        Owner("a", report="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="takes from 2 to 3 positional arguments"):
        Owner("a", {}, "x")  # type: ignore[call-arg]


def test_init_false_field_does_not_count_as_defaulted_before_a_required_one() -> None:
    @record
    class Later:
        state: list = field(init=False, default_factory=list)
        n: int = field(init=False, default=0)
        name: str  # required after init=False fields: a plain signature still fits

    obj = Later("x")
    assert (obj.name, obj.state, obj.n) == ("x", [], 0)
    assert Later.__init__.__qualname__.endswith("Later.__init__")  # compiled, not generic


def test_init_false_with_required_after_defaulted_uses_the_generic_init() -> None:
    @record
    class Late(Owner):
        z: int

    obj = Late("a", z=2)
    assert (obj.name, obj.data, obj.report, obj.cache, obj.mode, obj.z) == (
        "a",
        {},
        "report for a",
        [],
        "new",
        2,
    )
    with pytest.raises(TypeError, match="unexpected argument"):
        Late("a", z=2, cache=[])


@record
class Block:
    start: int
    end: int


@record
class Skipped(Block):
    reason: str
    text: str = ""


@record
class Attributes(Skipped):
    """No fields of its own: cvpage's blocks.py has such subclasses."""


def test_subclass_chains_and_subclasses_without_fields() -> None:
    attrs = Attributes(1, 2, "styling", "{: .x}")
    assert fields(attrs) == ("start", "end", "reason", "text")
    assert repr(attrs) == "Attributes(start=1, end=2, reason='styling', text='{: .x}')"
    assert isinstance(attrs, Skipped) and isinstance(attrs, Block)
    assert attrs != Skipped(1, 2, "styling", "{: .x}")  # same values, other type
    assert Block(1, 2) == Block(1, 2)
    # each class compiles its own __init__, whichever is built first
    assert Skipped(3, 4, "r").text == ""
    assert Attributes(5, 6, "r").start == 5


def test_field_declared_again_takes_its_new_settings() -> None:
    @record
    class Hidden:
        a: int = field(default=0, repr=False)

    @record
    class Shown(Hidden):
        a: int = 1

    assert repr(Hidden()) == "Hidden()"
    assert repr(Shown()) == "Shown(a=1)"
