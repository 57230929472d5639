"""The JSON Schema (Draft 2020-12) of a ledger document, generated from the model.

The model's annotations are the one source of truth; the committed file under
``schemas/`` is this function's output, and a test keeps the two equal.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import orjson

from ._pointer import escape
from .codec._fields import MAX_COUNT, Shape, field_specs
from .errors import LoadCode, LoadIssue
from .model import Ledger

__all__ = ["SCHEMA_ID", "SCHEMA_VERSION", "json_schema", "json_schema_text", "schema_issues"]

SCHEMA_VERSION = "1.1"
SCHEMA_ID = f"https://rectmodel.readthedocs.io/schemas/ledger-{SCHEMA_VERSION}.schema.json"

# The shape a partial date takes: years 0001 to 9999, and no day a month never has
# (04-31, 02-30). One impossible day passes: 29 February of a year that is not a leap
# year, which a regular expression cannot tell; ``rectmodel.loads`` refuses it.
DATE_PATTERN = (
    r"^(?!0000)[0-9]{4}"
    r"(-((0[13578]|1[02])(-(0[1-9]|[12][0-9]|3[01]))?"
    r"|(0[469]|11)(-(0[1-9]|[12][0-9]|30))?"
    r"|02(-(0[1-9]|1[0-9]|2[0-9]))?))?$"
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a ledger document, as a dict.

    >>> json_schema()["$id"] == SCHEMA_ID
    True
    """
    defs: dict[str, Any] = {}
    root = _shape(Shape("object", cls=Ledger), defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "rectmodel ledger",
        "description": "An inspection-rectification ledger (巡察整改台账): inspections, problems, measures.",
        "version": SCHEMA_VERSION,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def schema_issues(document: Any) -> list[LoadIssue]:
    """Where a JSON document (parsed) departs from the schema, as a tool in another language would see it.

    The check a third party runs with any JSON Schema validator, here with ``jsonschema``
    (imported on first use): it tells whether the published schema accepts a document,
    which ``rectmodel.loads`` then reads (or refuses on what a schema cannot express).

    >>> [str(i) for i in schema_issues({"inspections": [{"kind": "regular"}]})]
    ["/inspections/0: does not match the JSON Schema (required): 'id' is a required property"]
    """
    import jsonschema  # noqa: PLC0415 -- used here alone, so that import rectmodel stays light

    validator = jsonschema.Draft202012Validator(json_schema())
    errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    return [
        LoadIssue(
            LoadCode.SCHEMA,
            "".join(f"/{escape(str(part))}" for part in e.absolute_path),
            {"keyword": str(e.validator), "reason": e.message},
        )
        for e in errors
    ]


def json_schema_text() -> str:
    """The schema as canonical JSON text, as committed under ``schemas/``."""
    return orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()


def _shape(shape: Shape, defs: dict[str, Any]) -> dict[str, Any]:
    if shape.kind == "str":
        return {"type": "string"}
    if shape.kind == "int":
        return {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
    if shape.kind == "date":
        return {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "A partial date: YYYY, YYYY-MM or YYYY-MM-DD.",
        }
    if shape.kind == "deadline":
        assert shape.cls is not None
        return {
            "anyOf": [_shape(Shape("date"), defs), _shape(Shape("enum", cls=shape.cls), defs)],
            "description": "A deadline: a partial date, or immediate (立行立改), long_term (长期坚持), "
            "ongoing (持续整改).",
        }
    if shape.kind == "array":
        assert shape.item is not None
        return {"type": "array", "items": _shape(shape.item, defs)}
    assert shape.cls is not None
    name = shape.cls.__name__
    if name not in defs:
        defs[name] = {}  # reserve the name before recursing
        defs[name] = _enum_def(shape.cls) if shape.kind == "enum" else _object_def(shape.cls, defs)
    if shape.cls is Ledger:
        return defs.pop(name)  # type: ignore[no-any-return]
    return {"$ref": f"#/$defs/{name}"}


def _enum_def(cls: type[Any]) -> dict[str, Any]:
    return {"description": _summary(cls), "enum": [member.value for member in cls]}


def _object_def(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    docs = _arg_docs(cls)
    properties: dict[str, Any] = {}
    for spec in field_specs(cls):
        prop = _shape(spec.shape, defs)
        if spec.name in docs:
            prop = {"description": docs[spec.name], **prop}
        if not spec.required and spec.default is not None and spec.shape.kind == "enum":
            prop["default"] = spec.default.value
        properties[spec.name] = prop
    result: dict[str, Any] = {"type": "object", "description": _summary(cls), "properties": properties}
    required = [spec.name for spec in field_specs(cls) if spec.required]
    if required:
        result["required"] = required
    result["additionalProperties"] = False
    return result


def _summary(cls: type[Any]) -> str:
    return (inspect.getdoc(cls) or cls.__name__).split("\n\n", 1)[0].replace("\n", " ")


_ARG = re.compile(r"^\s{4}(\w+): (.+)$")


def _arg_docs(cls: type[Any]) -> dict[str, str]:
    """The ``Args:`` entries of a class docstring, one line each."""
    doc = inspect.getdoc(cls) or ""
    _, _, args = doc.partition("Args:\n")
    return {m.group(1): m.group(2) for m in map(_ARG.match, args.splitlines()) if m}
