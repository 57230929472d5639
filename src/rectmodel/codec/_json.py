"""The load/dump API: the fast path, the located-issue slow pass, and the canonical writer."""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar

import attrs
import cattrs
import orjson
from cattrs.gen import make_dict_unstructure_fn

from .._pointer import escape
from ..dates import PartialDate
from ..errors import LoadCode, LoadError, LoadIssue
from ..model import Ledger
from ._fields import MAX_COUNT, Shape, field_specs
from ._structure import make_structure_fn

__all__ = ["decode", "dump", "dumps", "load", "loads"]

_PathLike = str | os.PathLike[str]


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(omit_if_default=True)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)

    def class_unhook(tp: type[Any]) -> Callable[[Any], Any]:
        attrs.resolve_types(tp)
        return make_dict_unstructure_fn(tp, conv, _cattrs_omit_if_default=True)

    conv.register_unstructure_hook_factory(attrs.has, class_unhook)
    return conv


_converter = _make_converter()
_unstructure_ledger = _converter.get_unstructure_hook(Ledger)
_ESCAPED_COLON = re.compile(rb"\\u003a", re.IGNORECASE)


def loads(data: bytes | bytearray | memoryview | str, *, source: str | None = None) -> Ledger:
    """Load a ledger from JSON text.

    Args:
        data: the document, as UTF-8 bytes or as text.
        source: a name for the document (a path) to put in error messages.

    Returns:
        The ledger.

    Raises:
        LoadError: with every problem found, each with its JSON Pointer.
    """
    return decode(data, Ledger, source=source)


_T = TypeVar("_T")
# Fast structuring functions, generated from the model's annotations on first use of a class.
_structure_fns: dict[type[Any], Callable[[Any], Any]] = {}


def decode(data: bytes | bytearray | memoryview | str, cls: type[_T], *, source: str | None = None) -> _T:
    """Load JSON text as an instance of the attrs class *cls*, strictly (what ``loads`` does for a Ledger).

    Raises:
        LoadError: with every problem found, each with its JSON Pointer.
    """
    structure = _structure_fns.get(cls)
    if structure is None:
        structure = _structure_fns[cls] = make_structure_fn(cls)
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    tree: Any = None
    result: _T | None = None
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a million new containers, none in a cycle: collecting would only rescan them
    try:
        tree = orjson.loads(raw)
        result = structure(tree)
    except orjson.JSONDecodeError:
        raise LoadError(_syntax_issues(raw), source) from None
    except Exception:  # refused by a strict hook: the slow pass below says why
        result = None
    finally:
        if gc_was_enabled:
            gc.enable()
    if _may_have_duplicate_keys(raw, tree):
        duplicates = _duplicate_key_issues(raw)
        if duplicates:
            raise LoadError(duplicates, source)
    if result is not None:
        return result
    issues = list(_shape_issues(tree, Shape("object", cls=cls), ""))
    if not issues:  # the fast path refused what the slow pass accepts: say so, plainly
        issues = [LoadIssue(LoadCode.WRONG_TYPE, "", {"expected": "object", "got": "an unloadable document"})]
    raise LoadError(issues, source)


def load(path: _PathLike | IO[bytes]) -> Ledger:
    """Load a ledger from a JSON file (a path, or a binary file object).

    Raises:
        LoadError: the document is not a valid ledger; every problem is listed.
        OSError: the file cannot be read.
    """
    if isinstance(path, (str, os.PathLike)):
        with open(path, "rb") as fp:
            return loads(fp.read(), source=os.fspath(path))
    return loads(path.read(), source=getattr(path, "name", None))


def dumps(ledger: Ledger) -> str:
    """The canonical JSON text of *ledger*.

    Canonical: fields in model order, fields at their default left out, two-space
    indent, non-ASCII text as is, a final newline. ``dumps(loads(x))`` is the
    canonical form of ``x``, and ``loads(dumps(ledger)) == ledger``.
    """
    return _dump_bytes(ledger).decode("utf-8")


def dump(ledger: Ledger, path: _PathLike | IO[bytes]) -> None:
    """Write the canonical JSON of *ledger* to a path or a binary file object."""
    data = _dump_bytes(ledger)
    if isinstance(path, (str, os.PathLike)):
        with open(path, "wb") as fp:
            fp.write(data)
    else:
        path.write(data)


def _dump_bytes(ledger: Ledger) -> bytes:
    return orjson.dumps(_unstructure_ledger(ledger), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


# ---------------------------------------------------------------- slow pass


def _may_have_duplicate_keys(raw: bytes, tree: Any) -> bool:
    """A cheap, exact screen: no duplicate key unless this says there may be one.

    Every member of every object in the text has one structural colon; other
    colons stand inside strings. Serialising the parsed tree again keeps every
    colon but those of members that a duplicate key overwrote. So the counts
    differ exactly when a key was duplicated, unless a colon was written as an
    escape (``\\u003a``), in which case the exact check runs.
    """
    return raw.count(b":") != orjson.dumps(tree).count(b":") or _ESCAPED_COLON.search(raw) is not None


class _Pairs(dict[str, Any]):
    duplicates: list[str]


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = _Pairs()
    duplicates = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        result[key] = value
    result.duplicates = duplicates
    return result


def _duplicate_key_issues(raw: bytes) -> list[LoadIssue]:
    tree = json.loads(raw.decode("utf-8"), object_pairs_hook=_pairs_hook)
    return [
        LoadIssue(LoadCode.DUPLICATE_KEY, _join(pointer, key), {"key": key})
        for pointer, node in _walk(tree, "")
        if isinstance(node, _Pairs)
        for key in dict.fromkeys(node.duplicates)
    ]


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, _join(pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{pointer}/{index}")


def _syntax_issues(raw: bytes) -> list[LoadIssue]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return [LoadIssue(LoadCode.NOT_UTF8, "", {"byte": raw[e.start], "offset": e.start}, line, column)]
    try:
        json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        return [LoadIssue(LoadCode.NOT_JSON, "", {"reason": e.msg}, e.lineno, e.colno)]
    except ValueError as e:
        return [LoadIssue(LoadCode.NOT_JSON, "", {"reason": str(e)})]
    # The stdlib accepts what orjson refused: numbers beyond 64 bits, lone surrogates.
    return [LoadIssue(LoadCode.NOT_JSON, "", {"reason": "a number or string that cannot be represented"})]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _is_date(value: Any) -> bool:
    try:
        PartialDate.parse(value)
    except (ValueError, TypeError):
        return False
    return True


def _join(pointer: str, key: str) -> str:
    return f"{pointer}/{escape(key)}"


def _got(value: Any) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


_JSON_TYPES: dict[str, type[Any]] = {"str": str, "int": int}


def _shape_issues(value: Any, shape: Shape, pointer: str) -> Iterator[LoadIssue]:
    kind = shape.kind
    if kind in _JSON_TYPES:
        if type(value) is not _JSON_TYPES[kind]:
            yield LoadIssue(
                LoadCode.WRONG_TYPE, pointer, {"expected": "string" if kind == "str" else "integer", "got": _got(value)}
            )
        elif kind == "int" and not 0 <= value <= MAX_COUNT:
            yield LoadIssue(LoadCode.OUT_OF_RANGE, pointer, {"minimum": 0, "maximum": MAX_COUNT, "got": value})
    elif kind == "date":
        if not _is_date(value):
            yield LoadIssue(LoadCode.BAD_DATE, pointer, {"expected": "date", "got": _got(value)})
    elif kind == "enum":
        assert shape.cls is not None
        choices = [m.value for m in shape.cls]
        if value not in choices or type(value) is not str:
            listed = ", ".join(f'"{c}"' for c in choices)
            yield LoadIssue(LoadCode.BAD_VALUE, pointer, {"choices": listed, "got": _got(value)})
    elif kind == "array":
        if type(value) is not list:
            yield LoadIssue(LoadCode.WRONG_TYPE, pointer, {"expected": "array", "got": _got(value)})
            return
        assert shape.item is not None
        for index, item in enumerate(value):
            yield from _shape_issues(item, shape.item, f"{pointer}/{index}")
    else:
        yield from _object_issues(value, shape, pointer)


def _object_issues(value: Any, shape: Shape, pointer: str) -> Iterator[LoadIssue]:
    if type(value) is not dict:
        yield LoadIssue(LoadCode.WRONG_TYPE, pointer, {"expected": "object", "got": _got(value)})
        return
    assert shape.cls is not None
    specs = field_specs(shape.cls)
    known = {spec.name for spec in specs}
    for key in value:
        if key not in known:
            yield LoadIssue(LoadCode.UNKNOWN_FIELD, _join(pointer, key), {"field": key})
    for spec in specs:
        if spec.name in value:
            yield from _shape_issues(value[spec.name], spec.shape, _join(pointer, spec.name))
        elif spec.required:
            yield LoadIssue(LoadCode.MISSING_FIELD, _join(pointer, spec.name), {"field": spec.name})
