"""Plain record classes: the part of :mod:`dataclasses` we use, without its start-up cost.

``import dataclasses`` pulls in :mod:`inspect` (ast, dis, tokenize, …) and every
``@dataclass`` compiles generated code at import: together about 30 ms of each command's
~100 ms on the JSON → export and ``validate`` paths. :func:`record` builds the same kind of
class from the annotations (``from __future__ import annotations`` keeps them as strings,
which are never evaluated here) with shared ``__eq__`` and ``__repr__``; each class's
``__init__`` is compiled the first time an object of it is made.

>>> @record
... class Point:
...     x: int
...     y: int = 0
...     tags: list[str] = field(default_factory=list)
>>> Point(1, tags=["a"])
Point(x=1, y=0, tags=['a'])
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    T = TypeVar("T", bound=type)

_REQUIRED = object()


class _Field:
    """A default made by a factory (``field(default_factory=list)``), a field hidden from
    repr, or one ``__init__`` does not take."""

    __slots__ = ("default", "factory", "init", "repr")

    def __init__(
        self, default: Any, factory: Callable[[], Any] | None, init: bool, repr: bool
    ) -> None:
        self.default = default
        self.factory = factory
        self.init = init
        self.repr = repr


def field(
    *,
    default: Any = _REQUIRED,
    default_factory: Callable[[], Any] | None = None,
    init: bool = True,
    repr: bool = True,
) -> Any:
    """Like :func:`dataclasses.field`: a fresh default per object, a field kept out of repr,
    or (``init=False``) one that is no parameter of ``__init__``: set there from its default
    if it has one, else left for ``__post_init__``."""
    return _Field(default, default_factory, init, repr)


def record(cls: T | None = None, *, frozen: bool = False) -> Any:
    """Class decorator: ``__init__`` (positional or keyword), ``__eq__``, ``__repr__``.

    Fields are the class's annotated names in declaration order, after the fields of base
    classes that are records (as with dataclasses; a subclass may add none, and a field
    declared again takes its new ``field()`` settings); ``ClassVar`` annotations are not
    fields. ``frozen=True`` forbids assignment after ``__init__``. Objects compare equal
    when they have the same type and field values.
    """

    def build(cls: T) -> T:
        names: list[str] = []
        defaults: dict[str, Any] = {}
        hidden: set[str] = set()
        not_init: set[str] = set()
        for base in reversed(cls.__mro__[1:]):  # fields of record bases come first
            if "__record_fields__" in base.__dict__:
                names += [n for n in base.__record_fields__ if n not in names]
                defaults.update(base.__record_defaults__)
                hidden |= set(base.__record_fields__) - set(base.__record_repr__)
                not_init |= set(base.__record_fields__) - set(base.__record_init__)
        own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect costs start-up)
        for name, note in own.items():
            if str(note).startswith(("ClassVar", "typing.ClassVar")):
                continue
            if name not in names:
                names.append(name)
            value = cls.__dict__.get(name, _REQUIRED)
            hidden.discard(name)  # a field declared again is as declared here
            not_init.discard(name)
            if isinstance(value, _Field):
                if not value.repr:
                    hidden.add(name)
                if not value.init:
                    not_init.add(name)
                value = value if value.factory is not None else value.default
            if value is _REQUIRED:
                defaults.pop(name, None)
            else:
                defaults[name] = value
        for name in names:  # the class attributes were only defaults
            if name in cls.__dict__:
                delattr(cls, name)
        cls.__record_fields__ = tuple(names)  # type: ignore[attr-defined]
        cls.__record_defaults__ = defaults  # type: ignore[attr-defined]
        cls.__record_repr__ = tuple(n for n in names if n not in hidden)  # type: ignore[attr-defined]
        cls.__record_init__ = tuple(n for n in names if n not in not_init)  # type: ignore[attr-defined]
        cls.__record_frozen__ = frozen  # type: ignore[attr-defined]
        if "__init__" not in cls.__dict__:
            cls.__init__ = _init  # type: ignore[misc]
        cls.__eq__ = _eq  # type: ignore[method-assign,assignment]
        cls.__hash__ = None  # type: ignore[assignment]  # mutable records are unhashable
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = _repr  # type: ignore[method-assign]
        if frozen:
            cls.__setattr__ = _frozen_setattr  # type: ignore[method-assign,assignment]
            cls.__delattr__ = _frozen_setattr  # type: ignore[method-assign,assignment]
            cls.__hash__ = _hash  # type: ignore[method-assign,assignment]
        return cls

    return build if cls is None else build(cls)


def fields(obj: Any) -> tuple[str, ...]:
    """Field names of a record class or object, in declaration order."""
    return obj.__record_fields__


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    """A record class's first ``__init__`` call: compile the class's own ``__init__``, use it.

    Compiled on first use, not at class creation, so start-up pays only for the classes a
    command really builds; the compiled one is as fast as a dataclass's.
    """
    owner = next(k for k in type(self).__mro__ if k.__dict__.get("__init__") is _init)
    owner.__init__ = _compile_init(owner)
    owner.__init__(self, *args, **kwargs)


_FROM_FACTORY = object()


def _compile_init(cls: type) -> Callable[..., None]:
    names: tuple[str, ...] = cls.__record_fields__  # type: ignore[attr-defined]
    params_names: tuple[str, ...] = cls.__record_init__  # type: ignore[attr-defined]
    defaults: dict[str, Any] = cls.__record_defaults__  # type: ignore[attr-defined]
    frozen: bool = cls.__record_frozen__  # type: ignore[attr-defined]
    env: dict[str, Any] = {"_setattr": object.__setattr__, "_FROM_FACTORY": _FROM_FACTORY}
    params, body = [], []
    defaulted = False  # a parameter before this one has a default
    for i, name in enumerate(names):
        value = name
        if name not in params_names:  # init=False: its default, if any, else nothing
            if name not in defaults:
                continue
            if isinstance(defaults[name], _Field):
                env[f"_factory{i}"] = defaults[name].factory
                value = f"_factory{i}()"
            else:
                env[f"_default{i}"] = defaults[name]
                value = f"_default{i}"
        elif name not in defaults:
            if defaulted:
                return _generic_init  # a required field after a defaulted one
            params.append(name)
        elif isinstance(defaults[name], _Field):
            env[f"_factory{i}"] = defaults[name].factory
            params.append(f"{name}=_FROM_FACTORY")
            value = f"_factory{i}() if {name} is _FROM_FACTORY else {name}"
            defaulted = True
        else:
            env[f"_default{i}"] = defaults[name]
            params.append(f"{name}=_default{i}")
            defaulted = True
        body.append(f"_setattr(_self, {name!r}, {value})" if frozen else f"_self.{name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("_self.__post_init__()")
    source = f"def __init__(_self, {', '.join(params)}):\n    " + "\n    ".join(body or ["pass"])
    exec(source, env)  # our own field names only, as dataclasses does
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _generic_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """``__init__`` for a field order no signature can express (required after defaulted)."""
    cls = type(self)
    names = cls.__record_init__
    if len(args) > len(names):
        raise TypeError(f"{cls.__name__}() takes {len(names)} arguments, got {len(args)}")
    values = dict(zip(names, args, strict=False))
    for key, value in kwargs.items():
        if key in values:
            raise TypeError(f"{cls.__name__}() got multiple values for {key!r}")
        values[key] = value
    unknown = values.keys() - set(names)
    if unknown:
        raise TypeError(
            f"{cls.__name__}() got unexpected argument(s): {', '.join(sorted(unknown))}"
        )
    defaults = cls.__record_defaults__
    setter = object.__setattr__
    for name in cls.__record_fields__:
        if name in values:
            value = values[name]
        elif name in defaults:
            value = defaults[name]
            if isinstance(value, _Field):
                value = value.factory()  # type: ignore[misc]
        elif name not in names:
            continue  # init=False without a default: for __post_init__
        else:
            raise TypeError(f"{cls.__name__}() missing required argument {name!r}")
        setter(self, name, value)
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


def _values(obj: Any) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in obj.__record_fields__)


def _eq(self: Any, other: object) -> bool:
    if type(other) is not type(self):
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__record_repr__)
    return f"{type(self).__name__}({inner})"


def _frozen_setattr(self: Any, name: str, value: Any = None) -> None:
    raise AttributeError(f"cannot assign to field {name!r}: {type(self).__name__} is frozen")
