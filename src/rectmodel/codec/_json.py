"""The load/dump API: the fast path, the located-issue slow pass, and the canonical writer."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar

import attrs
import orjson

from .._collector import paused
from .._pointer import escape
from ..dates import DeadlineTerm, PartialDate
from ..errors import LoadCode, LoadError, LoadIssue
from ..model import Inspection, Ledger
from ._fields import MAX_COUNT, Shape, field_specs
from ._structure import Refused, make_structure_fn

__all__ = ["decode", "dump", "dumps", "load", "loads"]

_PathLike = str | os.PathLike[str]


@functools.cache
def _unstructure_ledger() -> Callable[[Ledger], Any]:
    """The cattrs hook that turns a ledger into JSON-ready values, made on the first ``dumps``."""
    import cattrs  # noqa: PLC0415 -- reading needs none of it: import rectmodel stays quick
    from cattrs.gen import make_dict_unstructure_fn  # noqa: PLC0415

    conv = cattrs.Converter(omit_if_default=True)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)

    def class_unhook(tp: type[Any]) -> Callable[[Any], Any]:
        attrs.resolve_types(tp)
        return make_dict_unstructure_fn(tp, conv, _cattrs_omit_if_default=True)

    conv.register_unstructure_hook_factory(attrs.has, class_unhook)
    hook: Callable[[Ledger], Any] = conv.get_unstructure_hook(Ledger)
    return hook


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
_structure_fns: dict[type[Any], Callable[[Any, list[int]], Any]] = {}


def decode(data: bytes | bytearray | memoryview | str, cls: type[_T], *, source: str | None = None) -> _T:
    """Load JSON text as an instance of the attrs class *cls*, strictly (what ``loads`` does for a Ledger).

    Raises:
        LoadError: with every problem found, each with its JSON Pointer.
    """
    return _decode(data, cls, source, None)


def loads_with_spans(data: bytes, *, source: str | None = None) -> tuple[Ledger, list[tuple[int, int]] | None]:
    """``loads``, and the byte spans of the top-level inspections if the document was read in parts
    (proved there; ``json_locator(data, spans=…)`` then scans only the inspections it is asked about)."""
    spans: list[tuple[int, int]] = []
    ledger = _decode(data, Ledger, source, spans)
    shift = 3 if data.startswith(b"\xef\xbb\xbf") else 0  # read without its byte order mark
    return ledger, [(a + shift, b + shift) for a, b in spans] or None


def _decode(
    data: bytes | bytearray | memoryview | str, cls: type[_T], source: str | None, spans: list[tuple[int, int]] | None
) -> _T:
    structure = _structure_fns.get(cls)
    if structure is None:
        structure = _structure_fns[cls] = make_structure_fn(cls)
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    result: _T | None = None
    members = [0]
    error: orjson.JSONDecodeError | None = None
    with paused():  # a million new containers, none in a cycle: collecting would only rescan them
        try:
            if cls is Ledger and len(raw) > _IN_PARTS_FROM:
                result = _ledger_in_parts(raw, members, spans)  # type: ignore[assignment]
            if result is None:
                members[0] = 0
                if spans is not None:
                    spans.clear()
                tree = orjson.loads(raw)
                result = structure(tree, members)
                del tree
        except orjson.JSONDecodeError as e:
            error = e
        except Refused:  # refused by a strict hook: the slow pass below says why
            pass
    if result is not None:
        if _may_have_duplicate_keys(raw, members[0]):
            duplicates = _duplicate_key_issues(_exact_tree(raw.decode("utf-8")))
            if duplicates:
                raise LoadError(duplicates, source)
        return result
    raise LoadError(_slow_issues(raw, cls, error), source)


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
    return orjson.dumps(_unstructure_ledger()(ledger), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


# ---------------------------------------------------------------- a large ledger, one inspection at a time

_IN_PARTS_FROM = 1 << 20  # below a megabyte, the whole tree is small: one parse is simpler and as fast
_INSPECTIONS = re.compile(rb'\s*\{\s*"inspections"\s*:\s*\[\s*(?=\{)')
# The end of one inspection and the start of the next: "},{"id":"…"," then a key no problem, measure
# or group has as its second (they write "title", "text", "level" after their id), or "}" (an id alone).
_NEXT_INSPECTION = re.compile(
    rb'\}\s*,\s*(\{)\s*"id"\s*:\s*"(?:[^"\\]|\\.)*"\s*(?:\}|,\s*"(?!(?:title|text|level)")[a-z_]+")'
)
_SPACED = re.compile(rb'\s"|":\s|,\s')
# The same for compact text, beginning with a literal the regular expression engine searches for fast.
_NEXT_INSPECTION_COMPACT = re.compile(rb'\},(\{)"id":"(?:[^"\\]|\\.)*"(?:\}|,"(?!(?:title|text|level)")[a-z_]+")')
_END_OF_INSPECTIONS = re.compile(rb'\}\s*\]\s*(?:,\s*"successions"\s*:|\}\s*$)')


def _ledger_in_parts(raw: bytes, members: list[int], spans: list[tuple[int, int]] | None = None) -> Ledger | None:
    """The ledger, parsing and structuring its inspections one at a time; None where that cannot be done.

    Holding the parsed tree of a whole large document costs about twice the model's memory; this
    holds one inspection's. The boundaries between the elements of the top-level ``inspections``
    array are found by a pattern (as canonical JSON writes them, compact or indented) and then
    proved: each part must parse as one JSON object and structure as one inspection, and the parts
    joined by commas are the array's text — so they are exactly its elements (JSON's grammar splits
    an array only at its top-level commas). A document written otherwise (``inspections`` not the
    first key, members in another order) gives None, and is read whole.
    """
    start = _INSPECTIONS.match(raw)
    if start is None:
        return None
    structure = _structure_fns.get(Inspection)
    if structure is None:
        structure = _structure_fns[Inspection] = make_structure_fn(Inspection)
    view = memoryview(raw)
    at = start.end()
    inspections = []
    try:
        compact = _SPACED.search(raw, 0, 4096) is None  # written without spaces between tokens
        for boundary in (_NEXT_INSPECTION_COMPACT if compact else _NEXT_INSPECTION).finditer(raw, at):
            inspections.append(structure(orjson.loads(view[at : boundary.start() + 1]), members))
            if spans is not None:
                spans.append((at, boundary.start() + 1))
            at = boundary.start(1)
        end = _END_OF_INSPECTIONS.search(raw, at)
        if end is None:
            return None
        inspections.append(structure(orjson.loads(view[at : end.start() + 1]), members))
        if spans is not None:
            spans.append((at, end.start() + 1))
        rest = orjson.loads(b'{"inspections":[]' + raw[raw.index(b"]", end.start()) + 1 :])
        ledger: Ledger = _structure_fns[Ledger](rest, members)
    except (orjson.JSONDecodeError, Refused):
        return None  # not as canonical JSON writes it, or not valid: the whole document says why
    finally:
        view.release()
    return attrs.evolve(ledger, inspections=tuple(inspections))


# ---------------------------------------------------------------- slow pass


def _may_have_duplicate_keys(raw: bytes, members: int) -> bool:
    """A cheap, exact screen: no duplicate key unless this says there may be one.

    Every member of every object is written with one colon, and the structuring counted the
    members it read (a duplicate key leaves one fewer in the parsed object). So if the text has
    no more colons than that, none can be a second member of the same name: no duplicate (the
    usual case, one fast count). Else the colons inside strings are set apart: a member is
    written ``"key":``, and ``":`` can stand nowhere else unless a quote is escaped (``\\"``);
    counts still equal, no duplicate. Otherwise the exact check runs (it also runs for a key
    written ``"key" :``, which is merely slower). No string is serialised again, so no UTF-8
    copy is left cached in the model's strings.
    """
    if raw.count(b":") == members:
        return False
    return raw.count(b'":') != members or (b"\\" in raw and b'\\"' in raw)


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


def _duplicate_key_issues(tree: Any) -> list[LoadIssue]:
    return [
        LoadIssue(LoadCode.DUPLICATE_KEY, _join(pointer, key), {"key": key})
        for pointer, node in _walk(tree)
        if isinstance(node, _Pairs)
        for key in dict.fromkeys(node.duplicates)
    ]


def _walk(tree: Any) -> Iterator[tuple[str, Any]]:
    """Every node with its pointer, in document order; iterative, so that no nesting exhausts the stack."""
    stack: list[tuple[str, Any]] = [("", tree)]
    while stack:
        pointer, node = stack.pop()
        yield pointer, node
        if isinstance(node, dict):
            stack.extend((_join(pointer, key), value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{pointer}/{index}", value) for index, value in reversed(list(enumerate(node))))


class _FloatLiteral(str):
    """A number written with a fraction or an exponent, kept as written (``1e400`` is no count)."""

    __slots__ = ()


# The library's nesting limit: far beyond any ledger (about ten levels), well within the parsers'.
MAX_DEPTH = 512
_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _too_deep(text: str) -> tuple[int, int] | None:
    """The (line, column) where nesting first goes deeper than ``MAX_DEPTH``, if it does."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                start = match.start()
                return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
        elif bracket in "]}":
            depth -= 1
    return None


def _exact_tree(text: str) -> Any:
    """The document parsed exactly: integers of any size, fractions kept as written, duplicate keys noted.

    Raises:
        json.JSONDecodeError, ValueError: the text is not JSON (``NaN`` and ``Infinity`` are not).
    """
    return json.loads(text, object_pairs_hook=_pairs_hook, parse_float=_FloatLiteral, parse_constant=_reject_constant)


def _slow_issues(raw: bytes, cls: type[Any], error: orjson.JSONDecodeError | None) -> list[LoadIssue]:
    """Every issue of a document the fast path refused, each with its pointer (and line and column for syntax)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return [LoadIssue(LoadCode.NOT_UTF8, "", {"byte": raw[e.start], "offset": e.start}, line, column)]
    if not text.removeprefix("\ufeff").strip():
        return [LoadIssue(LoadCode.EMPTY, "")]
    deep = _too_deep(text)
    if deep is not None:
        return [LoadIssue(LoadCode.NOT_JSON, "", {"reason": f"nested deeper than {MAX_DEPTH} levels"}, *deep)]
    try:
        tree = _exact_tree(text)
    except json.JSONDecodeError as e:
        return [LoadIssue(LoadCode.NOT_JSON, "", {"reason": e.msg}, e.lineno, e.colno)]
    except ValueError as e:  # NaN, Infinity: orjson knows where
        where = (error.lineno, error.colno) if error is not None else (None, None)
        return [LoadIssue(LoadCode.NOT_JSON, "", {"reason": str(e)}, *where)]
    issues = _duplicate_key_issues(tree)
    issues += _shape_issues(tree, Shape("object", cls=cls), "")
    if not issues and error is not None:  # orjson refused what the stdlib reads: a lone surrogate, say
        issues = [LoadIssue(LoadCode.NOT_JSON, "", {"reason": error.msg}, error.lineno, error.colno)]
    if not issues:  # the fast path refused what the slow pass accepts: say so, plainly
        issues = [LoadIssue(LoadCode.WRONG_TYPE, "", {"expected": "object", "got": "an unloadable document"})]
    return issues


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
    if isinstance(value, _FloatLiteral):
        return str.__str__(value)
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


_JSON_TYPES: dict[str, type[Any]] = {"str": str, "int": int}
_SURROGATE = re.compile("[\ud800-\udfff]")
_TERMS = frozenset(term.value for term in DeadlineTerm)


def _shape_issues(value: Any, shape: Shape, pointer: str) -> Iterator[LoadIssue]:
    kind = shape.kind
    if kind in _JSON_TYPES:
        if type(value) is not _JSON_TYPES[kind]:
            yield LoadIssue(
                LoadCode.WRONG_TYPE, pointer, {"expected": "string" if kind == "str" else "integer", "got": _got(value)}
            )
        elif kind == "int" and not 0 <= value <= MAX_COUNT:
            yield LoadIssue(LoadCode.OUT_OF_RANGE, pointer, {"minimum": 0, "maximum": MAX_COUNT, "got": value})
        elif kind == "str" and _SURROGATE.search(value):
            yield LoadIssue(
                LoadCode.NOT_JSON, pointer, {"reason": "a lone surrogate in a string: text no UTF-8 can hold"}
            )
    elif kind == "date":
        if not _is_date(value):
            yield LoadIssue(LoadCode.BAD_DATE, pointer, {"expected": "date", "got": _got(value)})
    elif kind == "deadline":
        # A term is looked up only once the value is known to be a string: a list or an object is unhashable.
        if not (_is_date(value) or (type(value) is str and value in _TERMS)):
            yield LoadIssue(LoadCode.BAD_DATE, pointer, {"expected": "deadline", "got": _got(value)})
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
    if not isinstance(value, dict):
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
