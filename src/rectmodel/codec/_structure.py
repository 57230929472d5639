"""Specialised structuring functions, generated from the model's annotations.

They are the fast path of loading (cattrs' generated hooks were ~1.7x slower): each
checks types strictly and inline (no call per string), refuses unknown keys with
one set comparison, counts the members it reads, and calls the class positionally. They do not say *what* is
wrong: any refusal raises ``Refused`` (and only that: any other exception is a bug,
and propagates), and the codec's slow pass then collects every issue.

Their source is registered in ``linecache`` under a unique file name, as attrs does
for its generated methods, so that a traceback through them shows the code.
"""

from __future__ import annotations

import linecache
import uuid
from collections.abc import Callable
from typing import Any

from ..dates import PartialDate
from ._fields import MAX_COUNT, Shape, field_specs

__all__ = ["Refused", "make_structure_fn"]


class Refused(Exception):
    """The fast path refused a value; the slow pass will say why."""


def _refuse() -> Any:
    raise Refused


_date_cache: dict[str, PartialDate] = {}


def _date(value: Any) -> PartialDate:
    if value.__class__ is not str:
        raise Refused
    try:
        parsed = PartialDate.parse(value)
    except ValueError:
        raise Refused from None
    if len(_date_cache) < 100_000:  # distinct dates in a ledger are few; bound the memory all the same
        _date_cache[value] = parsed
    return parsed


_STR = frozenset({str})


def _str_tuple(value: Any) -> tuple[str, ...]:
    if value.__class__ is list and {*map(type, value)} <= _STR:
        return tuple(value)
    raise Refused


def make_structure_fn(cls: type[Any]) -> Callable[[Any, list[int]], Any]:
    """Generate the fast structuring function of the attrs class *cls* (and of the classes it holds).

    The function takes the parsed JSON and a one-item list to which it adds the number of object
    members it read (the codec compares that with the members written, to rule out duplicate keys).
    """
    env: dict[str, Any] = {
        "_refuse": _refuse,
        "_date": _date,
        "_dc": _date_cache,
        "_str_tuple": _str_tuple,
        "_MISSING": object(),
        "_MAX": MAX_COUNT,
    }
    lines: list[str] = []
    _emit(cls, env, lines)
    source = "\n".join(lines) + "\n"
    filename = f"<rectmodel generated structure {cls.__name__} {uuid.uuid4()}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), env)
    return env[f"structure_{cls.__name__}"]  # type: ignore[no-any-return]


def _emit(cls: type[Any], env: dict[str, Any], lines: list[str]) -> None:
    name = cls.__name__
    if f"_cls_{name}" in env:
        return
    env[f"_cls_{name}"] = cls
    specs = field_specs(cls)
    env[f"_allowed_{name}"] = frozenset(spec.name for spec in specs)
    counter = iter(range(1_000_000))
    args = []
    for spec in specs:
        if spec.required:
            v = f"_v{next(counter)}"
            converted = _convert(spec.shape, v, env, lines, counter)
            args.append(f"(_refuse() if ({v} := o.get({spec.name!r}, _MISSING)) is _MISSING else {converted})")
        else:
            v = f"_v{next(counter)}"
            env[f"_default_{name}_{spec.name}"] = spec.default
            converted = _convert(spec.shape, v, env, lines, counter)
            args.append(
                f"(_default_{name}_{spec.name} if ({v} := o.get({spec.name!r}, _MISSING)) is _MISSING else {converted})"
            )
    lines.append(f"def structure_{name}(o, keys):")
    lines.append(f"    if o.__class__ is not dict or not o.keys() <= _allowed_{name}:")
    lines.append("        _refuse()")
    lines.append("    keys[0] += len(o)")
    lines.append(f"    return _cls_{name}(")
    lines.extend(f"        {arg}," for arg in args)
    lines.append("    )")


def _convert(shape: Shape, expr: str, env: dict[str, Any], lines: list[str], counter: Any) -> str:
    v = f"_v{next(counter)}"
    if shape.kind == "str":
        return f"({v} if ({v} := {expr}).__class__ is str else _refuse())"
    if shape.kind == "int":
        return f"({v} if ({v} := {expr}).__class__ is int and 0 <= {v} <= _MAX else _refuse())"
    if shape.kind == "date":
        return f"(_dc[{v}] if ({v} := {expr}).__class__ is str and {v} in _dc else _date({v}))"
    if shape.kind == "deadline":
        assert shape.cls is not None
        env["_terms"] = {member.value: member for member in shape.cls}
        return (
            f"(_dc[{v}] if ({v} := {expr}).__class__ is str and {v} in _dc "
            f"else _terms[{v}] if {v}.__class__ is str and {v} in _terms else _date({v}))"
        )
    if shape.kind == "enum":
        assert shape.cls is not None
        env[f"_enum_{shape.cls.__name__}"] = {member.value: member for member in shape.cls}
        return (
            f"(_refuse() if ({v} := {expr}).__class__ is not str "
            f"or ({v} := _enum_{shape.cls.__name__}.get({v}, _MISSING)) is _MISSING else {v})"
        )
    if shape.kind == "object":
        assert shape.cls is not None
        _emit(shape.cls, env, lines)
        return f"structure_{shape.cls.__name__}({expr}, keys)"
    assert shape.item is not None
    if shape.item.kind == "str":
        return f"_str_tuple({expr})"
    e = f"_e{next(counter)}"
    item = _convert(shape.item, e, env, lines, counter)
    return f"(tuple([{item} for {e} in {v}]) if ({v} := {expr}).__class__ is list else _refuse())"
