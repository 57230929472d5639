"""``validate``'s reporters, one per ``--format``: text, JSON, JSON Lines, GitHub annotations, SARIF.

Every reporter receives the files' results as they come (``result``), reports read before or
after the files (``add``: the waivers file's problems first, unused waivers last), and ``finish``
once. Adding an output format is a class here and a row of :data:`REPORTERS`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import attrs
import orjson

from .._format import file_lines, files_json, summary_line
from .._safe import json_safe, terminal
from ..diagnostics import Diagnostic, Report, Severity
from ..errors import Lang, Location
from ..messages import CliText, say

__all__ = ["REPORTERS", "Reporter", "annotation", "escape", "sarif"]


class _Progress(Protocol):
    def clear(self) -> None: ...


class Reporter:
    """What every reporter keeps: results in the order given, and the reports before and after them."""

    def __init__(self, lang: Lang, files: Sequence[str]) -> None:
        self.lang, self.files = lang, files
        self.slots: dict[str, list[int]] = {}
        for k, path in enumerate(files):
            self.slots.setdefault(path, []).append(k)
        self.ready: dict[int, tuple[str, Report, Mapping[str, Mapping[str, str]]]] = {}
        self.head: list[tuple[str, Report]] = []  # the waivers file's problems: first
        self.tail: list[tuple[str, Report]] = []  # unused waivers: last
        self.reports: list[tuple[str, Report]] = []

    def add(self, path: str, report: Report, *, first: bool = False) -> None:
        (self.head if first else self.tail).append((path, report))

    def result(self, result: Any, progress: _Progress) -> None:
        """One file's ``FileResult``; a crash is said on standard error at once, in every format."""
        if result.error is not None:
            progress.clear()
            path, error = terminal(result.path), terminal(result.error)
            sys.stderr.write(say(CliText.FILE_CRASHED, self.lang, path=path, error=error) + "\n")
        self.reports.append((result.path, result.report))
        slots = self.slots.get(result.path) or [len(self.files) + len(self.ready)]
        self.ready[slots.pop(0)] = (result.path, result.report, result.items)

    def ordered(self) -> list[tuple[str, Report]]:
        """Every report, in the order given: the waivers file's, the files', the unused waivers."""
        return [*self.head, *((path, report) for _, (path, report, _) in sorted(self.ready.items())), *self.tail]

    def summary(self) -> dict[str, int]:
        summary: dict[str, int] = files_json([*self.head, *self.reports, *self.tail])["summary"]
        return summary

    def finish(self) -> None:
        raise NotImplementedError


class _Text(Reporter):
    """One located line per diagnostic, in the order the files were given, then a summary line."""

    def __init__(self, lang: Lang, files: Sequence[str]) -> None:
        super().__init__(lang, files)
        self.colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        self.printed = 0  # files printed, in the order given

    def add(self, path: str, report: Report, *, first: bool = False) -> None:
        super().add(path, report, first=first)
        if first:
            self._print(self.lines(path, report, {}))

    def result(self, result: Any, progress: _Progress) -> None:
        super().result(result, progress)
        while self.printed in self.ready:
            path, report, items = self.ready[self.printed]
            progress.clear()
            self._print(self.lines(path, report, items))
            self.printed += 1

    def finish(self) -> None:
        for path, report in self.tail:
            self._print(self.lines(path, report, {}))
        sys.stdout.write(summary_line(self.summary(), len(self.files), self.lang) + "\n")

    def lines(self, path: str, report: Report, items: Mapping[str, Mapping[str, str]]) -> list[str]:
        return file_lines(path, report, self.lang, self.colour, items=items)

    def _print(self, lines: list[str]) -> None:
        if lines:
            sys.stdout.write("".join(f"{line}\n" for line in lines))
            sys.stdout.flush()


class _GitHub(_Text):
    """GitHub workflow annotations, one per diagnostic, then the summary line."""

    def __init__(self, lang: Lang, files: Sequence[str]) -> None:
        super().__init__(lang, files)
        self.colour = False

    def lines(self, path: str, report: Report, items: Mapping[str, Mapping[str, str]]) -> list[str]:
        return [annotation(d, self.lang) for d in report.diagnostics]


class _Json(Reporter):
    """The documented JSON document, at the end."""

    def finish(self) -> None:
        record = json_safe(files_json(self.ordered(), self.lang))
        sys.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode() + "\n")


class _JsonLines(Reporter):
    """One JSON record per file as soon as it is ready, then a summary record."""

    def add(self, path: str, report: Report, *, first: bool = False) -> None:
        super().add(path, report, first=first)
        self._line({"path": path, "outcome": "checked", **self._diagnostics(report)})

    def result(self, result: Any, progress: _Progress) -> None:
        super().result(result, progress)
        record = {"path": result.path, "outcome": str(result.outcome), **self._diagnostics(result.report)}
        if result.error is not None:
            record["error"] = result.error
        self._line(record)

    def finish(self) -> None:
        self._line({"summary": {"files": len(self.files), **self.summary()}})

    def _diagnostics(self, report: Report) -> dict[str, Any]:
        return {"diagnostics": [d.to_json(self.lang) for d in report.diagnostics], **report.summary()}

    def _line(self, record: dict[str, Any]) -> None:
        sys.stdout.write(orjson.dumps(json_safe(record)).decode() + "\n")
        sys.stdout.flush()


class _Sarif(Reporter):
    """One SARIF 2.1.0 log, at the end: what code-scanning tools read."""

    def finish(self) -> None:
        record = json_safe(sarif(self.ordered(), self.lang))
        sys.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode() + "\n")


# ``--format`` of validate: each choice's reporter, in the order the help lists them.
REPORTERS: dict[str, Callable[[Lang, Sequence[str]], Reporter]] = {
    "text": _Text,
    "json": _Json,
    "jsonl": _JsonLines,
    "github": _GitHub,
    "sarif": _Sarif,
}


_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def annotation(d: Diagnostic, lang: Lang) -> str:
    """``::error file=…,line=…,col=…,title=RULE::message``: a GitHub workflow annotation.

    A workbook's cell has no line: its ``sheet!cell`` leads the message instead.
    """
    where = d.location or Location()
    message = d.message(lang)
    if where.sheet is not None or where.cell is not None:
        message = f"{where.sheet or ''}!{where.cell or ''}: {message}"
    message += f" ({d.pointer or '/'})"
    properties = (("file", where.file), ("line", where.line), ("col", where.column), ("title", d.rule))
    text = ",".join(f"{key}={escape(str(value), True)}" for key, value in properties if value is not None)
    return f"::{_LEVELS[d.severity]} {text}::{escape(message)}"


def escape(text: str, property: bool = False) -> str:
    """*text* escaped as GitHub reads workflow commands (a property also escapes ``:`` and ``,``)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return terminal(text)


_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A file as a SARIF artifact URI, percent-encoded: relative paths stay relative (to the working directory)."""
    from pathlib import Path  # noqa: PLC0415 -- only for SARIF
    from urllib.parse import quote  # noqa: PLC0415 -- only for SARIF

    where = Path(path)
    return where.as_uri() if where.is_absolute() else quote(where.as_posix())


def _sarif_location(where: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(where.file or "")}}
    region = {k: v for k, v in (("startLine", where.line), ("startColumn", where.column)) if v is not None}
    if region:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if where.sheet is not None or where.cell is not None:  # a workbook's cell has no line: named logically
        location["logicalLocations"] = [{"name": f"{where.sheet or ''}!{where.cell or ''}", "kind": "element"}]
    return location


def _sarif_result(path: str, d: Diagnostic, lang: Lang, rules: dict[str, int]) -> dict[str, Any]:
    where = d.location or Location()
    if where.file is None:
        where = attrs.evolve(where, file=path)
    return {
        "ruleId": d.rule,
        "ruleIndex": rules[d.rule],
        "level": _SARIF_LEVELS[d.severity],
        "message": {"text": d.message(lang)},
        "locations": [_sarif_location(where)],
        "properties": {"pointer": d.pointer, "params": dict(d.params)},
    }


def sarif(results: Sequence[tuple[str, Report]], lang: Lang = "en") -> dict[str, Any]:
    """The reports as one SARIF 2.1.0 log: the rules that fired (with their summaries), and one result each."""
    from .. import __version__  # noqa: PLC0415 -- the package imports this module; its version is set by then
    from ..rules import RULES  # noqa: PLC0415 -- loaded by validate already

    fired = sorted({d.rule for _, report in results for d in report.diagnostics})
    rules = {name: k for k, name in enumerate(fired)}
    descriptors = []
    for name in fired:
        descriptor: dict[str, Any] = {"id": name}
        if name in RULES:
            rule = RULES[name]
            descriptor["shortDescription"] = {"text": rule.summary_in(lang)}
            descriptor["defaultConfiguration"] = {"level": _SARIF_LEVELS[rule.severity]}
        descriptors.append(descriptor)
    return {
        "version": "2.1.0",
        "$schema": _SARIF_SCHEMA,
        "runs": [
            {
                "tool": {"driver": {"name": "rectmodel", "version": __version__, "rules": descriptors}},
                "results": [
                    _sarif_result(path, d, lang, rules) for path, report in results for d in report.diagnostics
                ],
            }
        ],
    }
