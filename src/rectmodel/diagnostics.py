"""Diagnostics: located, parameterised facts about a ledger, and the report they make.

A diagnostic carries no prose of its own: its message is rendered from its rule
name and parameters, in English or Chinese, in one place (``messages``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Any

from attrs import evolve, field, frozen

from . import messages  # its words load when a message is first rendered, not with the package
from .codec import decode
from .errors import Lang, LoadIssue, Location, RectmodelError

__all__ = ["Diagnostic", "Locator", "Report", "Severity", "ValidationError", "Waiver", "load_waivers"]


class Severity(StrEnum):
    """How much a diagnostic matters: an error fails validation, the others inform."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos: sort by it to see the worst first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@frozen
class Diagnostic:
    """One finding of one rule at one place.

    Args:
        rule: the rule's stable kebab-case name (``declared-count-mismatch``), or ``load``.
        severity: error, warning or info.
        pointer: a JSON Pointer to the offending element.
        params: the facts that explain the finding (``{"count": "measures", "declared": 53, …}``).
        related: pointers to other elements involved (the first holder of a duplicate id).
        location: where the element stands in the source document (file, line and column, or
            sheet and cell), once known; see ``Report.locate``.
        related_locations: where the related elements stand, in the order of *related*, once known.
    """

    rule: str
    severity: Severity
    pointer: str
    params: Mapping[str, Any] = field(factory=dict, hash=False)
    related: tuple[str, ...] = ()
    location: Location | None = None
    related_locations: tuple[Location | None, ...] = ()

    @property
    def line(self) -> int | None:
        """The 1-based line in a text source, where there is one."""
        return None if self.location is None else self.location.line

    @property
    def column(self) -> int | None:
        """The 1-based column in a text source, where there is one."""
        return None if self.location is None else self.location.column

    def message(self, lang: Lang = "en") -> str:
        """The message, rendered from the parameters in English (``en``) or Chinese (``zh``)."""
        return messages.render(self.rule, self.params, lang)

    def __str__(self) -> str:
        return f"{self.severity} {self.rule} {self.pointer or '/'}: {self.message()}"

    @classmethod
    def from_load_issue(cls, issue: LoadIssue) -> Diagnostic:
        """A load problem as a diagnostic of rule ``load`` (the shape ``validate`` reports in)."""
        location = None if issue.line is None else Location(line=issue.line, column=issue.column)
        return cls("load", Severity.ERROR, issue.pointer, {"code": issue.code, **issue.params}, (), location)

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:
        """The documented JSON form: rule, severity, pointer, message, params (and related, location)."""
        result: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "pointer": self.pointer,
            "message": self.message(lang),
            "params": dict(self.params),
        }
        if self.related:
            result["related"] = list(self.related)
        if self.location is not None:
            result["location"] = self.location.to_json()
        if any(self.related_locations):
            result["related_locations"] = [None if r is None else r.to_json() for r in self.related_locations]
        return result


@frozen
class Waiver:
    """An accepted, justified diagnostic: it is suppressed, and reported as waived.

    Args:
        rule: the rule name the waiver applies to.
        pointer: the exact pointer of the diagnostic waived.
        justification: why it is accepted; required, as an audit record.
        file: the file it applies to, where waivers serve several files (matched by path suffix).
    """

    rule: str
    pointer: str
    justification: str
    file: str | None = None

    def matches(self, diagnostic: Diagnostic, path: str | None = None) -> bool:
        """Whether this waiver covers *diagnostic* (found in the file *path*)."""
        if diagnostic.rule != self.rule or diagnostic.pointer != self.pointer:
            return False
        if self.file is None or path is None:
            return True
        return path.replace("\\", "/").endswith(self.file.replace("\\", "/"))


@frozen
class Report:
    """The outcome of validating one ledger.

    Args:
        diagnostics: what the rules found and no waiver covered, worst first.
        waived: what a waiver covered, each with its waiver.
    """

    diagnostics: tuple[Diagnostic, ...]
    waived: tuple[tuple[Diagnostic, Waiver], ...] = ()

    @classmethod
    def build(cls, found: Iterable[Diagnostic], waivers: Iterable[Waiver] = (), path: str | None = None) -> Report:
        """Sort *found* worst first (stable within a severity) and set aside what *waivers* cover."""
        waivers = tuple(waivers)
        kept: list[Diagnostic] = []
        waived: list[tuple[Diagnostic, Waiver]] = []
        for diagnostic in found:
            waiver = next((w for w in waivers if w.matches(diagnostic, path)), None)
            if waiver is None:
                kept.append(diagnostic)
            else:
                waived.append((diagnostic, waiver))
        kept.sort(key=lambda d: d.severity.rank)
        return cls(tuple(kept), tuple(waived))

    def count(self, severity: Severity) -> int:
        """How many diagnostics of *severity* remain after waivers."""
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def errors(self) -> int:
        """The number of errors."""
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        """The number of warnings."""
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        """The number of infos."""
        return self.count(Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when no error remains (warnings and infos allowed)."""
        return self.errors == 0

    def summary(self) -> dict[str, int]:
        """``{"errors", "warnings", "infos", "waived"}``, as the JSON output gives it."""
        return {"errors": self.errors, "warnings": self.warnings, "infos": self.infos, "waived": len(self.waived)}

    def locate(self, file: str | None, where: Locator | None = None) -> Report:
        """This report with every diagnostic located in its source document.

        Args:
            file: the source's name (a path), given to every location.
            where: finds the locations of pointers in the source (``rectmodel.codec.json_locator``
                for a JSON text, a reader's own for a notice or a workbook); a pointer it does not
                know is located at its nearest ancestor it knows, else at the file alone.

        The diagnostics come in document order: by file, position (line and column, or sheet and
        cell), then rule, as compilers and linters list them.
        """

        if not self.diagnostics and not self.waived:
            return self

        def place(pointers: Iterable[str]) -> list[Location]:
            return [_nearest(found, pointer, file) for pointer in pointers]

        pointers = {p for d in (*self.diagnostics, *(d for d, _ in self.waived)) for p in (d.pointer, *d.related)}
        wanted = {a for p in pointers for a in _ancestors(p)}  # a pointer the source does not know falls back
        found = dict(where(sorted(wanted))) if where is not None and wanted else {}

        def locate(d: Diagnostic) -> Diagnostic:
            if d.location is not None and len(d.related_locations) == len(d.related):
                return d if d.location.file is not None else evolve(d, location=evolve(d.location, file=file))
            location = d.location if d.location is not None else place([d.pointer])[0]
            if location.file is None:
                location = evolve(location, file=file)
            return evolve(d, location=location, related_locations=tuple(place(d.related)))

        diagnostics = in_document_order(list(map(locate, self.diagnostics)))
        waived = [(locate(d), w) for d, w in self.waived]
        sheets = _sheet_order([d for d, _ in waived])
        return Report(tuple(diagnostics), tuple(sorted(waived, key=lambda dw: _position(dw[0], sheets))))


def _sheet_order(diagnostics: Sequence[Diagnostic]) -> dict[str | None, int]:
    """Each sheet named by *diagnostics*, numbered in the order they first name it (the reader's order)."""
    order: dict[str | None, int] = {}
    for d in diagnostics:
        if d.location is not None:
            order.setdefault(d.location.sheet, len(order))
    return order


_CELL = re.compile(r"([A-Z]+)([0-9]+)")


def _position(d: Diagnostic, sheets: Mapping[str | None, int]) -> tuple[Any, ...]:
    """Where *d* stands, as a sort key: file, then line and column or sheet and cell (row, column), then rule."""
    where = d.location or Location()
    cell = _CELL.fullmatch(where.cell or "")
    at = (int(cell[2]), len(cell[1]), cell[1]) if cell else (0, 0, "")  # row 7, then column F before AA
    return (where.file or "", where.line or 0, where.column or 0, sheets.get(where.sheet, 0), *at, d.rule)


def in_document_order(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """*diagnostics* sorted by file, position and rule, as compilers and linters list them (a stable sort)."""
    sheets = _sheet_order(diagnostics)
    return sorted(diagnostics, key=lambda d: _position(d, sheets))


# Finds the locations of JSON Pointers in a source document (those it can).
Locator = Callable[[Sequence[str]], Mapping[str, Location]]


@frozen
class Pinned:
    """A locator that needs no source: the locations another one gave, kept for later.

    A batch pins, where it reads a file, the places of what it will check later in another
    process (a file's links), and locates those diagnostics there.
    """

    places: Mapping[str, Location]

    @classmethod
    def of(cls, where: Locator | None, pointers: Iterable[str]) -> Pinned:
        """What *where* says of *pointers* and of every pointer above them."""
        wanted = sorted({a for p in pointers for a in _ancestors(p)})
        return cls(dict(where(wanted)) if where is not None and wanted else {})

    def __call__(self, pointers: Sequence[str]) -> Mapping[str, Location]:
        """The pinned locations of *pointers* (those it has)."""
        return {p: self.places[p] for p in pointers if p in self.places}


def _ancestors(pointer: str) -> Iterator[str]:
    """*pointer* and each pointer above it, nearest first, down to the root ``""``."""
    yield pointer
    while pointer:
        pointer = pointer.rpartition("/")[0]
        yield pointer


def _nearest(found: Mapping[str, Location], pointer: str, file: str | None) -> Location:
    probe = pointer
    while probe not in found and probe:
        probe = probe.rpartition("/")[0]
    location = found.get(probe)
    if location is None:
        return Location(file)
    return location if location.file is not None else evolve(location, file=file)


@frozen
class _WaiverFile:
    """A waivers file: ``{"waivers": [{"rule", "pointer", "justification", "file"?}, …]}``."""

    waivers: tuple[Waiver, ...]


def load_waivers(path: str | os.PathLike[str]) -> tuple[Waiver, ...]:
    """Read a waivers file.

    Raises:
        LoadError: the file is not a valid waivers document; every problem is listed.
        OSError: the file cannot be read.
    """
    with open(path, "rb") as fp:
        return decode(fp.read(), _WaiverFile, source=os.fspath(path)).waivers


class ValidationError(RectmodelError):
    """A ledger has errors; ``report`` holds every diagnostic."""

    def __init__(self, report: Report):
        self.report = report
        errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
        lines = "\n".join(f"  {d}" for d in errors[:20])
        more = f"\n  {messages.say(messages.CliText.MORE, count=len(errors) - 20)}" if len(errors) > 20 else ""
        super().__init__(f"{messages.say(messages.CliText.LEDGER_ERRORS, count=len(errors))}\n{lines}{more}")
