"""The command line: ``rectmodel schema``, ``rectmodel stats`` and friends.

Exit codes: 0 success, 1 the document has errors, 2 usage error or a file that
cannot be read or loaded (its problems are printed, never a traceback).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import orjson

from ._format import (
    files_json,
    history_lines,
    inspection_stats,
    located_line,
    results_lines,
    rules_json,
    rules_markdown,
    rules_table,
    stats_lines,
)
from ._messages import CliText, WaiverCode, say
from ._safe import json_safe, terminal
from .codec import dumps, json_locator, loads
from .diagnostics import Diagnostic, Locator, Report, Severity, Waiver, load_waivers
from .errors import Lang, LoadCode, LoadError, LoadIssue, Location
from .model import Ledger
from .notices import SUFFIXES as NOTICE_SUFFIXES
from .notices import read as read_notice
from .notices import render as render_notice
from .rules import Config, iter_diagnostics
from .schema import json_schema_text, schema_issues

__all__ = ["main"]

# 1 means "the documents have errors" and nothing else; 2, that a file or the command line is unusable;
# 3, that rectmodel itself failed (a bug to report).
EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Failed(Exception):
    """A file could not be read or loaded; the reason is already printed."""


class _Usage(Exception):
    """The command line asks for something that cannot be done; the message says what."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except _Failed:
        return EXIT_USAGE
    except _Usage as e:
        sys.stderr.write(f"rectmodel: {terminal(str(e))}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # ``rectmodel stats x | head``
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except (Exception, MemoryError, RecursionError) as e:  # a bug: one line that says so, never a traceback
        error = terminal(f"{type(e).__name__}: {e}")[:300]
        sys.stderr.write(say(CliText.INTERNAL_ERROR, getattr(args, "lang", "en"), error=error) + "\n")
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rectmodel", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    schema = sub.add_parser("schema", help="print the JSON Schema of a ledger document, or check files against it")
    schema.add_argument("-o", "--output", help="write to this file instead of standard output")
    schema.add_argument(
        "--check",
        nargs="+",
        metavar="FILE",
        help="check JSON documents against the schema, as a tool in another language would (exit 1 if one departs)",
    )
    schema.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the messages")
    schema.set_defaults(command="schema", run=_schema)

    stats = sub.add_parser("stats", help="what a ledger declares and itemizes, per inspection")
    stats.add_argument("file", help="a ledger JSON file")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the text and diagnostics")
    stats.set_defaults(command="stats", run=_stats)

    _add_validate(sub)

    rules = sub.add_parser("rules", help="list every rule with its default severity")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.set_defaults(command="rules", run=_rules)

    notice = sub.add_parser(
        "parse",
        help="read a public notice (text, Word, web page, PDF) or a ledger workbook (.xlsx, .csv …) into a ledger",
    )
    notice.add_argument(
        "file", metavar="FILE", help="a notice (.txt, .docx, .html, .pdf) or a workbook (.xlsx, .xls, .ods, .csv)"
    )
    notice.add_argument("-o", "--output", help="write the ledger JSON to this file instead of standard output")
    notice.add_argument("--id", help="the inspection's id (default: the file name without extension)")
    notice.add_argument("--unit", help="a stable id of the inspected unit")
    notice.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the diagnostics")
    _add_sheet_options(notice)
    notice.set_defaults(command="parse", run=_parse_notice)

    _add_sheet_commands(sub)

    write = sub.add_parser("render", help="write a ledger as a notice in the standard layout")
    write.add_argument("file", metavar="LEDGER", help="a ledger JSON file")
    write.add_argument("--format", choices=("text", "markdown"), default="text")
    write.add_argument("-o", "--output", help="write to this file instead of standard output")
    write.add_argument("--lang", choices=("en", "zh"), default="en", help="language of load diagnostics")
    write.set_defaults(command="render", run=_render_notice)

    graph = sub.add_parser("graph", help="export the graph of problems and links across rounds")
    graph.add_argument("files", nargs="+", metavar="FILE", help="ledger JSON files")
    graph.add_argument("--format", choices=_EXPORTS, default="json")
    graph.add_argument("-o", "--output", help="write to this file instead of standard output")
    graph.add_argument("--lang", choices=("en", "zh"), default="en", help="language of load diagnostics")
    graph.set_defaults(command="graph", run=_graph)

    history = sub.add_parser("history", help="what the rounds of one unit found, found again and left open")
    history.add_argument("unit", metavar="UNIT", help="a unit id (any of its names, through successions)")
    history.add_argument("files", nargs="+", metavar="FILE", help="ledger JSON files")
    history.add_argument("--format", choices=("text", "json"), default="text")
    history.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the text and diagnostics")
    history.set_defaults(command="history", run=_history)
    return parser


def _add_validate(sub: Any) -> None:
    validate = sub.add_parser("validate", help="check ledgers against every consistency rule")
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="ledger JSON files, notices (.txt, .docx, .html, .pdf) or workbooks"
    )
    validate.add_argument(
        "--input",
        choices=("auto", "json", "notice", "sheet"),
        default="auto",
        help="what the files are: ledger JSON, notice text, workbook, or by extension "
        "(.txt, .docx, .html, .htm, .pdf are notices; .xlsx, .xls, .ods, .csv workbooks)",
    )
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the messages")
    validate.add_argument("--select", type=_names, help="run only these rules (comma-separated)")
    validate.add_argument("--ignore", type=_names, default=frozenset(), help="skip these rules (comma-separated)")
    validate.add_argument(
        "--severity", action="append", default=[], metavar="RULE=LEVEL", help="override a rule's severity"
    )
    validate.add_argument("--waivers", metavar="FILE", help="a JSON file of accepted diagnostics, with justifications")
    validate.add_argument(
        "--report-due-months", type=int, default=2, metavar="N", help="report-overdue: months after feedback (2)"
    )
    _add_sheet_options(validate)
    validate.set_defaults(command="validate", run=_validate)


def _names(text: str) -> frozenset[str]:
    return frozenset(n.strip() for n in text.split(",") if n.strip())


def _config(args: argparse.Namespace) -> Config:
    severities = {}
    for item in args.severity:
        name, _, level = item.partition("=")
        try:
            severities[name.strip()] = Severity(level.strip())
        except ValueError:
            raise _Usage(say(CliText.BAD_SEVERITY, args.lang, item=item)) from None
    try:
        return Config(args.select, args.ignore, severities, args.report_due_months)
    except ValueError as e:
        raise _Usage(str(e)) from None


def _validate(args: argparse.Namespace) -> int:
    config = _config(args)
    waivers: tuple[Waiver, ...] = ()
    results: list[tuple[str, Report]] = []
    unloadable = False
    if args.waivers:
        try:
            waivers = load_waivers(args.waivers)
        except (LoadError, OSError) as e:
            results.append((args.waivers, Report(_load_failures(e))))
            unloadable = True
    used: set[int] = set()
    progress = _Progress(args.files, args.lang)
    loaded: list[tuple[str, Ledger]] = []
    parsed: dict[str, tuple[Diagnostic, ...]] = {}
    where: dict[str, Locator] = {}
    for path in args.files:
        try:
            ledger, parsed[path], where[path] = _read(path, args.input, args)
            loaded.append((path, ledger))
        except _Unloadable as e:
            results.append((path, e.report))
            unloadable = True
    for k, (path, ledger) in enumerate(loaded):
        progress.step(path)
        others = [other for j, (_, other) in enumerate(loaded) if j != k]  # links may point into the other files
        found = itertools.chain(parsed.get(path, ()), iter_diagnostics(ledger, config, others=others))
        report = Report.build(found, waivers, path).locate(path, where[path])
        used.update(id(w) for _, w in report.waived)
        results.append((path, report))
    progress.done()
    order = {path: k for k, path in enumerate(args.files)}
    results.sort(key=lambda item: order.get(item[0], -1))  # the waivers file first, then files as given
    unused = [
        Diagnostic(WaiverCode.UNUSED_WAIVER, Severity.WARNING, f"/waivers/{k}", {"rule": w.rule, "pointer": w.pointer})
        for k, w in enumerate(waivers)
        if id(w) not in used
    ]
    if unused:
        results.append((args.waivers, Report(tuple(unused))))
    _print_results(results, args, dict(loaded))
    if unloadable:
        return EXIT_USAGE
    return EXIT_ERRORS if any(not r.ok for _, r in results) else EXIT_OK


def _add_sheet_commands(sub: Any) -> None:
    export = sub.add_parser(
        "export",
        help="write a ledger as a workbook people can edit (.xlsx) or as CSV, or ledgers as an SQLite database",
    )
    export.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="ledgers (JSON, notices or workbooks); several only with --format sqlite",
    )
    export.add_argument("-o", "--output", required=True, help="the workbook, CSV or SQLite file to write")
    export.add_argument(
        "--format",
        choices=("xlsx", "csv", "sqlite"),
        help="default: by the output's extension (.csv; .db, .sqlite, .sqlite3; else xlsx)",
    )
    export.add_argument("--inspection", help="which inspection, by id, when the ledger holds several (xlsx, csv)")
    export.add_argument("--lang", choices=("en", "zh"), default="en", help="language of load diagnostics")
    export.set_defaults(command="export", run=_export_ledgers)

    template = sub.add_parser("template", help="write the empty standard ledger workbook with one example row")
    template.add_argument("-o", "--output", required=True, help="the workbook (.xlsx) or CSV file to write")
    template.add_argument("--format", choices=("xlsx", "csv"), help="default: by the output's extension")
    template.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the messages")
    template.set_defaults(command="template", run=_template)


def _add_sheet_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("workbooks", "facts a workbook does not state, and unusual layouts")
    group.add_argument("--mapping", metavar="FILE", help="a column mapping (TOML or JSON): header → role")
    group.add_argument("--inspector", help="the inspecting group, where the workbook does not name it")
    group.add_argument("--target", help="the inspected party organisation, where the workbook does not name it")
    group.add_argument("--feedback-date", metavar="DATE", help="the feedback date (YYYY, YYYY-MM or YYYY-MM-DD)")
    group.add_argument("--start", metavar="DATE", help="the first day on site")
    group.add_argument("--end", metavar="DATE", help="the last day on site")


def _input_of(path: str, kind: str) -> str:
    """What a file is: ``json``, ``notice`` or ``sheet``; by *kind*, else by its extension."""
    if kind != "auto":
        return kind
    suffix = os.path.splitext(path)[1].lower()
    if suffix in NOTICE_SUFFIXES:
        return "notice"
    from .sheets import SUFFIXES  # noqa: PLC0415 -- the spreadsheet engines load only for workbooks

    return "sheet" if suffix in SUFFIXES else "json"


def _is_notice(path: str, kind: str) -> bool:
    return _input_of(path, kind) == "notice"


def _sheet_options(args: argparse.Namespace) -> dict[str, Any]:
    names = ("mapping", "inspector", "target", "feedback_date", "start", "end")
    return {name: getattr(args, name) for name in names if getattr(args, name, None) is not None}


def _parse_notice(args: argparse.Namespace) -> int:
    try:
        ledger, diagnostics, where = _read(args.file, "auto", args)
    except _Unloadable as e:
        _print_lines(e.report.diagnostics, args.lang)
        return EXIT_USAGE
    if args.id is not None or args.unit is not None:
        x = ledger.inspections
        changed = {k: v for k, v in (("id", args.id), ("unit", args.unit)) if v is not None}
        ledger = attrs.evolve(ledger, inspections=tuple(attrs.evolve(i, **changed) for i in x))
    _print_located(args.file, diagnostics, args.lang, where)
    _write(dumps(ledger), args.output, args.lang)
    return EXIT_ERRORS if any(d.severity is Severity.ERROR for d in diagnostics) else EXIT_OK


def _sheet_format(output: str, format: str | None) -> str:
    return format or ("csv" if output.lower().endswith(".csv") else "xlsx")


_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def _export_ledgers(args: argparse.Namespace) -> int:
    format = args.format or ("sqlite" if args.output.lower().endswith(_SQLITE_SUFFIXES) else None)
    if format == "sqlite":
        return _export_sqlite(args)
    format = _sheet_format(args.output, format)
    if len(args.files) != 1:
        raise _Usage(say(CliText.ONE_FILE_ONLY, args.lang, format=format))
    return _export_sheet(args, args.files[0], format)


def _export_sqlite(args: argparse.Namespace) -> int:
    from .sql import to_sqlite  # noqa: PLC0415 -- the SQL writer loads only when asked

    ledgers = dict(zip(args.files, _load_all(args.files, args.lang), strict=True))
    try:
        to_sqlite(ledgers, args.output)
    except OSError as e:
        raise _cannot_write(args.output, e, args.lang) from None
    return EXIT_OK


def _export_sheet(args: argparse.Namespace, path: str, format: str) -> int:
    from .sheets import write  # noqa: PLC0415 -- the spreadsheet writer loads only when asked

    ledger = _load(path, args.lang)
    try:
        write(ledger, args.output, format, inspection=args.inspection)  # type: ignore[arg-type]
    except ValueError as e:
        raise _Usage(str(e)) from None
    except OSError as e:
        reason = e.strerror or str(e)
        raise _Usage(
            say(CliText.CANNOT_WRITE, args.lang, path=args.output, reason=reason).removeprefix("rectmodel: ")
        ) from None
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from .sheets import template  # noqa: PLC0415 -- the spreadsheet writer loads only when asked

    try:
        template(args.output, _sheet_format(args.output, args.format))  # type: ignore[arg-type]
    except OSError as e:
        reason = e.strerror or str(e)
        raise _Usage(
            say(CliText.CANNOT_WRITE, args.lang, path=args.output, reason=reason).removeprefix("rectmodel: ")
        ) from None
    return EXIT_OK


def _render_notice(args: argparse.Namespace) -> int:
    ledger = _load(args.file, args.lang)
    _write(render_notice(ledger, args.format), args.output, args.lang)
    return EXIT_OK


def _write(text: str, output: str | None, lang: Lang = "en", *, newline: str | None = None) -> None:
    """Write *text* (ending in a newline) to the file *output*, or to standard output."""
    text = text if text.endswith("\n") else text + "\n"
    if not output:
        sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8", newline=newline) as fp:
            fp.write(text)
    except OSError as e:
        raise _cannot_write(output, e, lang) from None


def _cannot_write(path: str, e: OSError, lang: Lang) -> _Usage:
    reason = e.strerror or str(e)
    return _Usage(say(CliText.CANNOT_WRITE, lang, path=path, reason=reason).removeprefix("rectmodel: "))


def _load_failures(e: LoadError | OSError | UnicodeDecodeError) -> tuple[Diagnostic, ...]:
    """Why a file could not be loaded, read, or (a notice) decoded, as diagnostics of rule ``load``."""
    if isinstance(e, LoadError):
        issues = e.issues
    elif isinstance(e, UnicodeDecodeError):
        issues = (LoadIssue(LoadCode.NOT_UTF8, "", {"byte": e.object[e.start], "offset": e.start}),)
    else:
        issues = (LoadIssue(LoadCode.UNREADABLE, "", {"reason": e.strerror or str(e)}),)
    return tuple(Diagnostic.from_load_issue(issue) for issue in issues)


def _print_located(path: str, diagnostics: Sequence[Diagnostic], lang: Lang, where: Locator | None = None) -> None:
    _print_lines(Report(tuple(diagnostics)).locate(path, where).diagnostics, lang)


def _print_lines(diagnostics: Sequence[Diagnostic], lang: Lang, stream: Any = None) -> None:
    """Located diagnostics, one line each, on standard error (or *stream*)."""
    (stream or sys.stderr).write("".join(f"{located_line(d, lang)}\n" for d in diagnostics))


def _print_results(results: list[tuple[str, Report]], args: argparse.Namespace, ledgers: dict[str, Ledger]) -> None:
    if args.format == "json":
        record = json_safe(files_json(results, args.lang))
        sys.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write("\n".join(results_lines(results, len(args.files), args.lang, colour, ledgers)) + "\n")


class _Progress:
    """A one-line progress indicator on standard error, only on a terminal and for much work."""

    def __init__(self, files: Sequence[str], lang: Lang):
        size = sum(os.path.getsize(f) for f in files if os.path.isfile(f))
        self.lang = lang
        self.total = len(files)
        self.count = 0
        self.shown = sys.stderr.isatty() and (self.total > 5 or size > 20_000_000)

    def step(self, path: str) -> None:
        self.count += 1
        if self.shown:
            sys.stderr.write(
                f"\r\033[K{say(CliText.PROGRESS, self.lang, count=self.count, total=self.total, path=path)}"
            )
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _rules(args: argparse.Namespace) -> int:
    if args.format == "json":
        sys.stdout.write(orjson.dumps(rules_json(), option=orjson.OPT_INDENT_2).decode() + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown())
    else:
        sys.stdout.write("".join(f"{line}\n" for line in rules_table()))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    if not args.check:
        _write(json_schema_text(), args.output, args.lang)
        return EXIT_OK
    code = EXIT_OK
    for path in args.check:
        try:
            with open(path, "rb") as fp:
                data = fp.read()
            issues = schema_issues(orjson.loads(data))
        except OSError as e:
            issues, data, code = [LoadIssue(LoadCode.UNREADABLE, "", {"reason": e.strerror or str(e)})], b"", EXIT_USAGE
        except orjson.JSONDecodeError as e:
            issues = [LoadIssue(LoadCode.NOT_JSON, "", {"reason": e.msg}, e.lineno, e.colno)]
            code = EXIT_USAGE
        if issues:
            code = max(code, EXIT_ERRORS)
            report = Report(tuple(Diagnostic.from_load_issue(i) for i in issues)).locate(path, _json_locator(data))
            _print_lines(report.diagnostics, args.lang, sys.stdout)
    return code


def _json_locator(data: bytes) -> Locator:
    """Locate pointers in a JSON file's bytes, decoding them only if a diagnostic needs it."""

    def where(pointers: Sequence[str]) -> Mapping[str, Location]:
        return json_locator(data.decode("utf-8", "replace").removeprefix("\ufeff"))(pointers)

    return where


def _read(
    path: str, input: str = "auto", options: argparse.Namespace | None = None
) -> tuple[Ledger, tuple[Diagnostic, ...], Locator]:
    """The ledger in *path*, the reader's diagnostics, and where its elements stand in the file.

    Raises:
        _Unloadable: the file cannot be read or loaded; its located diagnostics say why.
    """
    what = _input_of(path, input)
    if what == "sheet":
        from .sheets import read  # noqa: PLC0415 -- the spreadsheet engines load only for workbooks

        sheet = read(path, **(_sheet_options(options) if options is not None else {}))
        if not sheet.ledger.inspections and any(d.severity is Severity.ERROR for d in sheet.diagnostics):
            raise _Unloadable(Report(sheet.diagnostics).locate(path, sheet.locator()))
        return sheet.ledger, sheet.diagnostics, sheet.locator()
    if what == "notice":
        try:
            result = read_notice(path)
        except (OSError, UnicodeDecodeError) as e:
            raise _Unloadable(Report(_load_failures(e)).locate(path)) from None
        if not result.ledger.inspections:  # no text to read: corrupt, encrypted, a scan, empty
            raise _Unloadable(Report(result.diagnostics).locate(path))
        return result.ledger, result.diagnostics, result.locator()
    try:
        with open(path, "rb") as fp:
            data = fp.read()
    except OSError as e:
        raise _Unloadable(Report(_load_failures(e)).locate(path)) from None
    try:
        return loads(data, source=path), (), _json_locator(data)
    except LoadError as e:
        raise _Unloadable(Report(_load_failures(e)).locate(path, _json_locator(data))) from None


class _Unloadable(Exception):
    """A file that cannot be read or loaded, with the located report that says why."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report


def _load(path: str, lang: Lang) -> Ledger:
    """Load *path*, or print why it cannot be loaded (on standard error) and raise ``_Failed``."""
    try:
        return _read(path)[0]
    except _Unloadable as e:
        _print_lines(e.report.diagnostics, lang)
        raise _Failed from None


def _stats(args: argparse.Namespace) -> int:
    ledger = _load(args.file, args.lang)
    if args.format == "json":
        records = [inspection_stats(i) for i in ledger.inspections]
        sys.stdout.write(orjson.dumps({"inspections": records}, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        sys.stdout.write("\n".join(stats_lines(args.file, ledger, args.lang)) + "\n")
    return EXIT_OK


# graph and history


def _load_all(paths: Sequence[str], lang: Lang) -> list[Ledger]:
    """Load every file, printing why each one that fails cannot be loaded; ``_Failed`` if any does."""
    ledgers, failed = [], False
    for path in paths:
        try:
            ledgers.append(_load(path, lang))
        except _Failed:
            failed = True
    if failed:
        raise _Failed
    return ledgers


def _node_link_text(graph: Any) -> str:
    from . import graph as g  # noqa: PLC0415 -- networkx loads only for the commands that draw graphs

    return orjson.dumps(g.to_node_link(graph), option=orjson.OPT_INDENT_2).decode() + "\n"


_EXPORTS = ("json", "graphml", "mermaid", "dot")


def _export(format: str, graph: Any) -> str:
    from . import graph as g  # noqa: PLC0415 -- networkx loads only for the commands that draw graphs

    exports = {"json": _node_link_text, "graphml": g.to_graphml, "mermaid": g.to_mermaid, "dot": g.to_dot}
    return exports[format](graph)


def _graph(args: argparse.Namespace) -> int:
    from .graph import build_graph  # noqa: PLC0415 -- networkx loads only for the commands that draw graphs

    graph = build_graph(*_load_all(args.files, args.lang))
    try:
        text = _export(args.format, graph)
    except ValueError as e:  # what the format cannot hold (GraphML: ids that differ only in control characters)
        raise _Usage(say(CliText.CANNOT_EXPORT, args.lang, format=args.format, reason=str(e))) from None
    _write(text, args.output, args.lang, newline="")
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    from .graph import build_graph, recurring, unit_history  # noqa: PLC0415 -- networkx on demand only

    graph = build_graph(*_load_all(args.files, args.lang))
    try:
        found = unit_history(graph, args.unit)
    except KeyError:
        files = say(CliText.LIST_SEP, args.lang).join(args.files)
        raise _Usage(say(CliText.UNKNOWN_UNIT, args.lang, unit=args.unit, files=files)) from None
    # the chains unit_history counts: among the lineage's own problems
    own = [n for n, data in graph.nodes(data=True) if data.get("lineage") == found.unit and "title" in data]
    chains = recurring(graph.subgraph(own), 2, unit=args.unit)
    if args.format == "json":
        record = {**attrs.asdict(found), "chains": [attrs.asdict(c) for c in chains]}
        sys.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode() + "\n")
        return EXIT_OK
    sys.stdout.write("\n".join(history_lines(found, chains, args.lang)) + "\n")
    return EXIT_OK
