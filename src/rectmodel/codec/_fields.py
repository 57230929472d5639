"""What the model's annotations say, read once: the single source for codec and schema."""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any

import attrs

from ..dates import DeadlineTerm, PartialDate

__all__ = ["MAX_COUNT", "FieldSpec", "Shape", "field_specs", "shape_of"]

# The largest count a ledger may declare; larger is a typo, not a ledger.
MAX_COUNT = 10**9


@attrs.frozen
class Shape:
    """The JSON shape of a model type.

    ``kind`` is one of ``str``, ``int``, ``date``, ``deadline`` (a date or a ``DeadlineTerm``), ``enum``,
    ``array``, ``object``.
    """

    kind: str
    cls: type[Any] | None = None  # the enum or attrs class
    item: Shape | None = None  # for arrays


@attrs.frozen
class FieldSpec:
    """A field of an attrs class as JSON sees it."""

    name: str
    shape: Shape
    required: bool
    default: Any
    doc: str | None = None


def shape_of(tp: Any) -> Shape:
    """The JSON shape of the annotation *tp* (``X | None`` counts as ``X``)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if set(members) == {PartialDate, DeadlineTerm}:
            return Shape("deadline", cls=DeadlineTerm)
        if len(members) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        return shape_of(members[0])
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"unsupported tuple {tp!r}")
        return Shape("array", item=shape_of(args[0]))
    if tp is str:
        return Shape("str")
    if tp is int:
        return Shape("int")
    if tp is PartialDate:
        return Shape("date")
    if isinstance(tp, type) and issubclass(tp, Enum):
        return Shape("enum", cls=tp)
    if attrs.has(tp):
        return Shape("object", cls=tp)
    raise TypeError(f"unsupported annotation {tp!r}")


_specs: dict[type[Any], tuple[FieldSpec, ...]] = {}


def field_specs(cls: type[Any]) -> tuple[FieldSpec, ...]:
    """The init fields of the attrs class *cls*, with their JSON shapes."""
    if cls in _specs:
        return _specs[cls]
    attrs.resolve_types(cls)
    specs = []
    for a in attrs.fields(cls):
        if not a.init:
            continue
        required = a.default is attrs.NOTHING
        specs.append(FieldSpec(a.name, shape_of(a.type), required, None if required else a.default))
    _specs[cls] = tuple(specs)
    return _specs[cls]
