"""The command line: ``rectmodel schema``, ``rectmodel stats`` and friends.

Exit codes: 0 success, 1 the document has errors, 2 usage error or a file that
cannot be read or loaded (its problems are printed, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import orjson

from ._format import (
    file_lines,
    files_json,
    history_lines,
    inspection_stats,
    located_line,
    rules_json,
    rules_markdown,
    rules_table,
    stats_lines,
    summary_line,
)
from ._messages import CliText, WaiverCode, say
from ._safe import json_safe, terminal
from .batch import Unloadable as _Unloadable
from .batch import _json_locator, _load_failures, input_of, read
from .codec import dumps
from .diagnostics import Diagnostic, Locator, Report, Severity, Waiver, load_waivers
from .errors import Lang, LoadCode, LoadError, LoadIssue
from .model import Ledger
from .notices import render as render_notice
from .rules import Config
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
    if hasattr(args, "lang"):
        args.lang = args.lang or _locale_lang()
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


def _locale_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """``zh`` where the locale is Chinese, else ``en``: ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``.

    The first of them that is set (and not empty) decides, as gettext's lookup does.
    """
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


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
    schema.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the messages")
    schema.set_defaults(command="schema", run=_schema)

    stats = sub.add_parser("stats", help="what a ledger declares and itemizes, per inspection")
    stats.add_argument("file", help="a ledger JSON file")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the text and diagnostics")
    stats.set_defaults(command="stats", run=_stats)

    _add_validate(sub)

    rules = sub.add_parser("rules", help="list every rule with its default severity")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the summaries")
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
    notice.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the diagnostics")
    _add_sheet_options(notice)
    notice.set_defaults(command="parse", run=_parse_notice)

    _add_sheet_commands(sub)

    write = sub.add_parser("render", help="write a ledger as a notice in the standard layout")
    write.add_argument("file", metavar="LEDGER", help="a ledger JSON file")
    write.add_argument("--format", choices=("text", "markdown"), default="text")
    write.add_argument("-o", "--output", help="write to this file instead of standard output")
    write.add_argument("--lang", choices=("en", "zh"), default=None, help="language of load diagnostics")
    write.set_defaults(command="render", run=_render_notice)

    graph = sub.add_parser("graph", help="export the graph of problems and links across rounds")
    graph.add_argument("files", nargs="+", metavar="FILE", help="ledger JSON files")
    graph.add_argument("--format", choices=_EXPORTS, default="json")
    graph.add_argument("-o", "--output", help="write to this file instead of standard output")
    graph.add_argument("--lang", choices=("en", "zh"), default=None, help="language of load diagnostics")
    graph.set_defaults(command="graph", run=_graph)

    history = sub.add_parser("history", help="what the rounds of one unit found, found again and left open")
    history.add_argument("unit", metavar="UNIT", help="a unit id (any of its names, through successions)")
    history.add_argument("files", nargs="+", metavar="FILE", help="ledger JSON files")
    history.add_argument("--format", choices=("text", "json"), default="text")
    history.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the text and diagnostics")
    history.set_defaults(command="history", run=_history)
    return parser


def _add_validate(sub: Any) -> None:
    validate = sub.add_parser("validate", help="check ledgers against every consistency rule")
    validate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="ledger JSON files, notices (.txt, .docx, .html, .pdf) or workbooks; a directory (every such file "
        "under it), a glob pattern (expanded here: 'reports/**/*.json'), or @LIST (a file of paths, one a line, "
        "relative to it; # starts a comment)",
    )
    validate.add_argument(
        "--input",
        choices=("auto", "json", "notice", "sheet"),
        default="auto",
        help="what the files are: ledger JSON, notice text, workbook, or by extension "
        "(.txt, .docx, .html, .htm, .pdf are notices; .xlsx, .xls, .ods, .csv workbooks)",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text (in the order given), one JSON document, or JSON Lines: one object per file as it finishes, "
        "then a summary",
    )
    validate.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the messages")
    validate.add_argument(
        "-j", "--jobs", type=_positive, metavar="N", help="worker processes (default: the cores; 1: no workers)"
    )
    validate.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: its scheduler (tcp://host:8786); needs rectmodel[dask]",
    )
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


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {text}")
    return value


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
    files = _expand(args.files, args.lang)
    waivers: tuple[Waiver, ...] = ()
    output = _Output(args, files)
    code = EXIT_OK
    if args.waivers:
        try:
            waivers = load_waivers(args.waivers)
        except (LoadError, OSError) as e:
            output.add(args.waivers, Report(_load_failures(e)), first=True)
            code = EXIT_USAGE
    used: set[int] = set()
    progress = _Progress(files, args.lang)
    executor, close = _executor(args)
    try:
        from .batch import Outcome, validate_many  # noqa: PLC0415 -- the batch machinery loads only here

        found = validate_many(
            files, config, waivers, jobs=args.jobs, executor=executor, input=args.input, options=_sheet_options(args)
        )
        for result in found:
            progress.step(result.path)
            if result.outcome is Outcome.CRASHED:
                code = EXIT_INTERNAL
            elif result.outcome is Outcome.UNLOADABLE:
                code = max(code, EXIT_USAGE)
            elif not result.report.ok:
                code = max(code, EXIT_ERRORS)
            used.update(waivers.index(w) for _, w in result.report.waived)
            output.result(result, progress)
    finally:
        progress.done()
        close()
    unused = [
        Diagnostic(WaiverCode.UNUSED_WAIVER, Severity.WARNING, f"/waivers/{k}", {"rule": w.rule, "pointer": w.pointer})
        for k, w in enumerate(waivers)
        if k not in used
    ]
    if unused:
        output.add(args.waivers, Report(tuple(unused)))
    output.finish()
    return code


def _expand(sources: Sequence[str], lang: Lang) -> list[str]:
    """The files named by paths, directories, glob patterns and @lists, in the order given."""
    import glob  # noqa: PLC0415 -- only for validate

    files: list[str] = []
    for source in sources:
        if source.startswith("@") and len(source) > 1:
            found = _manifest(source[1:], lang)
        elif os.path.isdir(source):
            from .batch import suffixes  # noqa: PLC0415 -- the batch machinery loads only for validate

            ends = suffixes()
            found = sorted(
                os.path.join(root, name)
                for root, _, names in os.walk(source)
                for name in names
                if name.lower().endswith(ends)
            )
        elif glob.has_magic(source) and not os.path.exists(source):
            found = sorted(p for p in glob.glob(source, recursive=True) if os.path.isfile(p))
        else:
            files.append(source)  # a missing file is reported as unreadable, as before
            continue
        if not found:
            raise _Usage(say(CliText.NO_FILES, lang, source=source))
        files.extend(found)
    return files


def _manifest(path: str, lang: Lang) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig") as fp:
            lines = fp.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        reason = getattr(e, "strerror", None) or str(e)
        raise _Usage(say(CliText.CANNOT_READ_MANIFEST, lang, path=path, reason=reason)) from None
    base = os.path.dirname(path)
    names = (line.strip() for line in lines)
    return [os.path.join(base, name) for name in names if name and not name.startswith("#")]


def _executor(args: argparse.Namespace) -> tuple[Any, Any]:
    """The Dask cluster's executor and how to let go of it, where ``--scheduler`` names one."""
    if not args.scheduler:
        return None, lambda: None
    try:
        import distributed  # noqa: PLC0415 -- Dask is optional and loads only when asked for
    except ImportError:
        raise _Usage(say(CliText.NO_DASK, args.lang)) from None
    connect: Any = distributed.Client  # untyped
    try:
        client = connect(args.scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise _Usage(say(CliText.CANNOT_CONNECT, args.lang, address=args.scheduler, reason=reason)) from None
    return client.get_executor(), client.close


class _Output:
    """``validate``'s results as they come: text in the order given, JSON at the end, JSON Lines at once."""

    def __init__(self, args: argparse.Namespace, files: Sequence[str]) -> None:
        self.format, self.lang, self.files = args.format, args.lang, files
        self.colour = args.format == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        self.slots: dict[str, list[int]] = {}
        for k, path in enumerate(files):
            self.slots.setdefault(path, []).append(k)
        self.ready: dict[int, tuple[str, Report, Mapping[str, Mapping[str, str]]]] = {}
        self.printed = 0  # files printed, in the order given
        self.head: list[tuple[str, Report]] = []  # the waivers file's problems: first
        self.tail: list[tuple[str, Report]] = []  # unused waivers: last
        self.reports: list[tuple[str, Report]] = []

    def add(self, path: str, report: Report, *, first: bool = False) -> None:
        (self.head if first else self.tail).append((path, report))
        if self.format == "jsonl":
            self._line({"path": path, "outcome": "checked", **self._diagnostics(report)})
        elif self.format == "text" and first:
            self._text(path, report, {})

    def result(self, result: Any, progress: _Progress) -> None:
        if result.error is not None:
            progress.clear()
            path, error = terminal(result.path), terminal(result.error)
            sys.stderr.write(say(CliText.FILE_CRASHED, self.lang, path=path, error=error) + "\n")
        self.reports.append((result.path, result.report))
        if self.format == "jsonl":
            record = {"path": result.path, "outcome": str(result.outcome), **self._diagnostics(result.report)}
            if result.error is not None:
                record["error"] = result.error
            self._line(record)
            return
        slots = self.slots.get(result.path) or [len(self.files) + len(self.ready)]
        self.ready[slots.pop(0)] = (result.path, result.report, result.items)
        if self.format == "text":
            while self.printed in self.ready:
                path, report, items = self.ready[self.printed]
                progress.clear()
                self._text(path, report, items)
                self.printed += 1

    def finish(self) -> None:
        ordered = [(path, report) for _, (path, report, _) in sorted(self.ready.items())]
        everything = [*self.head, *ordered, *self.tail]
        if self.format == "json":
            record = json_safe(files_json(everything, self.lang))
            sys.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode() + "\n")
            return
        summary = files_json([*self.head, *self.reports, *self.tail])["summary"]
        if self.format == "jsonl":
            self._line({"summary": {"files": len(self.files), **summary}})
            return
        for path, report in self.tail:
            self._text(path, report, {})
        sys.stdout.write(summary_line(summary, len(self.files), self.lang) + "\n")

    def _diagnostics(self, report: Report) -> dict[str, Any]:
        return {"diagnostics": [d.to_json(self.lang) for d in report.diagnostics], **report.summary()}

    def _line(self, record: dict[str, Any]) -> None:
        sys.stdout.write(orjson.dumps(json_safe(record)).decode() + "\n")
        sys.stdout.flush()

    def _text(self, path: str, report: Report, items: Mapping[str, Mapping[str, str]]) -> None:
        lines = file_lines(path, report, self.lang, self.colour, items=items)
        if lines:
            sys.stdout.write("".join(f"{line}\n" for line in lines))
            sys.stdout.flush()


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
    export.add_argument("--lang", choices=("en", "zh"), default=None, help="language of load diagnostics")
    export.set_defaults(command="export", run=_export_ledgers)

    template = sub.add_parser("template", help="write the empty standard ledger workbook with one example row")
    template.add_argument("-o", "--output", required=True, help="the workbook (.xlsx) or CSV file to write")
    template.add_argument("--format", choices=("xlsx", "csv"), help="default: by the output's extension")
    template.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the messages")
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
    return input_of(path, kind)


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


def _print_located(path: str, diagnostics: Sequence[Diagnostic], lang: Lang, where: Locator | None = None) -> None:
    _print_lines(Report(tuple(diagnostics)).locate(path, where).diagnostics, lang)


def _print_lines(diagnostics: Sequence[Diagnostic], lang: Lang, stream: Any = None) -> None:
    """Located diagnostics, one line each, on standard error (or *stream*)."""
    (stream or sys.stderr).write("".join(f"{located_line(d, lang)}\n" for d in diagnostics))


class _Progress:
    """A progress bar on standard error, only on a terminal and for much work."""

    def __init__(self, files: Sequence[str], lang: Lang):
        self.lang = lang
        self.total = len(files)
        self.count = 0
        self.shown = sys.stderr.isatty() and (
            self.total > 5 or sum(os.path.getsize(f) for f in files if os.path.isfile(f)) > 20_000_000
        )

    def step(self, path: str) -> None:
        self.count += 1
        if self.shown:
            filled = 20 * self.count // max(self.total, 1)
            bar = "█" * filled + "░" * (20 - filled)
            text = say(CliText.PROGRESS, self.lang, count=self.count, total=self.total, path=terminal(path))
            sys.stderr.write(f"\r\033[K{bar} {text}")
            sys.stderr.flush()

    def clear(self) -> None:
        """Wipe the bar, before a line is written under it."""
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    def done(self) -> None:
        self.clear()
        self.shown = False


def _rules(args: argparse.Namespace) -> int:
    if args.format == "json":
        sys.stdout.write(orjson.dumps(rules_json(args.lang), option=orjson.OPT_INDENT_2).decode() + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown(args.lang))
    else:
        sys.stdout.write("".join(f"{line}\n" for line in rules_table(args.lang)))
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


def _read(
    path: str, input: str = "auto", options: argparse.Namespace | None = None
) -> tuple[Ledger, tuple[Diagnostic, ...], Locator]:
    """The ledger in *path*, the reader's diagnostics, and where its elements stand in the file.

    Raises:
        _Unloadable: the file cannot be read or loaded; its located diagnostics say why.
    """
    return read(path, input, _sheet_options(options) if options is not None else None)


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
