"""The exceptions rectmodel raises, and the located issues a load error carries."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

from . import messages  # its words load when a message is first rendered, not with the package
from .messages import CONFIG, ConfigCode, Lang, LoadCode, OpCode

__all__ = [
    "ConfigCode",
    "ConfigError",
    "Lang",
    "LoadCode",
    "LoadError",
    "LoadIssue",
    "Location",
    "OpCode",
    "OperationError",
    "RectmodelError",
]


class RectmodelError(Exception):
    """The root of every exception rectmodel raises on purpose."""


@frozen
class Location:
    """Where something stands in its source document, in the clerk's terms.

    A JSON file or a notice gives a line (and, for JSON, a column); a workbook a
    sheet and a cell. Every part is optional: a file alone is a location too.

    >>> str(Location("台账.json", line=12, column=7)), str(Location("台账.xlsx", sheet="台账", cell="C5"))
    ('台账.json:12:7', '台账.xlsx:台账!C5')
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if self.sheet is not None or self.cell is not None:
            return f"{where}:{self.sheet or ''}!{self.cell or ''}" if where else f"{self.sheet or ''}!{self.cell or ''}"
        for part in (self.line, self.column):
            if part is None:
                break
            where += f":{part}"
        return where

    def to_json(self) -> dict[str, object]:
        """The parts that are known, as the ``location`` object of the JSON output."""
        return {
            k: v
            for k, v in (
                ("file", self.file),
                ("line", self.line),
                ("column", self.column),
                ("sheet", self.sheet),
                ("cell", self.cell),
            )
            if v is not None
        }


@frozen
class LoadIssue:
    """One problem found while loading a document, with where it is.

    Args:
        code: a stable name of the kind of problem (``wrong-type``, ``bad-date``, …): a ``LoadCode``.
        pointer: a JSON Pointer to the offending value (``""`` is the whole document).
        params: the facts that explain it; the message is rendered from them.
        line: the 1-based line, where the problem is tied to the text.
        column: the 1-based column, where the problem is tied to the text.
    """

    code: LoadCode
    pointer: str
    params: Mapping[str, object] = field(factory=dict, eq=False, hash=False)
    line: int | None = None
    column: int | None = None

    def message(self, lang: Lang = "en") -> str:
        """The message in English (``en``) or Chinese (``zh``)."""
        return messages.render(self.code, self.params, lang)

    def __str__(self) -> str:
        where = self.pointer or "/"
        if self.line is not None:
            where += f" (line {self.line}, column {self.column})"
        return f"{where}: {self.message()}"


class LoadError(RectmodelError, ValueError):
    """A document could not be loaded; ``issues`` lists every problem found.

    >>> import rectmodel
    >>> try:
    ...     rectmodel.loads('{"inspections": 3}')
    ... except rectmodel.LoadError as e:
    ...     print(e.issues[0])
    /inspections: expected an array, got 3
    """

    def __init__(self, issues: tuple[LoadIssue, ...] | list[LoadIssue], source: str | None = None):
        self.issues: tuple[LoadIssue, ...] = tuple(issues)
        self.source = source
        head = f"{source}: " if source else ""
        lines = "\n".join(f"  {issue}" for issue in self.issues)
        super().__init__(f"{head}{messages.say(messages.CliText.LOAD_FAILED, count=len(self.issues))}\n{lines}")


class OperationError(RectmodelError, ValueError):
    """A ledger operation was refused; the ledger it was given is unchanged.

    Args:
        operation: the operation refused (``close``, ``add_problem``, …).
        code: a stable kebab-case reason (``op-measures-not-done``, ``op-no-evidence``, …), an ``OpCode``.
        pointer: a JSON Pointer to the item concerned; for an item being added, where it would be.
        params: the facts that explain it; the message is rendered from them.

    >>> e = OperationError("close", OpCode.ALREADY_CLOSED, "/inspections/0/problems/2", {"item": "P3"})
    >>> print(e)
    close: /inspections/0/problems/2: "P3" is already closed
    >>> print(e.message("zh"))
    “P3”已销号,不能重复销号
    """

    def __init__(self, operation: str, code: OpCode, pointer: str, params: Mapping[str, object] | None = None):
        self.operation = operation
        self.code = code
        self.pointer = pointer
        self.params: Mapping[str, object] = dict(params or {})
        super().__init__(f"{operation}: {pointer}: {self.message()}")

    def message(self, lang: Lang = "en") -> str:
        """The reason in English (``en``) or Chinese (``zh``)."""
        return messages.render(self.code, self.params, lang)

    def __reduce__(self) -> tuple[type[OperationError], tuple[str, OpCode, str, dict[str, object]]]:
        return (type(self), (self.operation, self.code, self.pointer, dict(self.params)))


class ConfigError(RectmodelError, ValueError):
    """A validation's configuration (``rectmodel.Config``) was refused; ``code`` and ``params`` say why.

    >>> print(ConfigError(ConfigCode.DUE_MONTHS, {"minimum": 0, "maximum": 1200, "months": 5000}).message("zh"))
    报送整改报告的期限应为 0 至 1200 个月,实为 5000
    """

    def __init__(self, code: ConfigCode, params: Mapping[str, object]):
        self.code = code
        self.params: Mapping[str, object] = dict(params)
        super().__init__(self.message())

    def message(self, lang: Lang = "en") -> str:
        """The reason in English (``en``) or Chinese (``zh``)."""
        return messages.fill(CONFIG[self.code], self.params, lang)

    def __reduce__(self) -> tuple[type[ConfigError], tuple[ConfigCode, dict[str, object]]]:
        return (type(self), (self.code, dict(self.params)))
