"""The command line: ``rectmodel schema``, ``rectmodel stats`` and friends.

Exit codes: 0 success, 1 the document has errors, 2 usage error or a file that
cannot be read or loaded (its problems are printed, never a traceback).
"""

from __future__ import annotations

import argparse
import difflib
import gc
import os
import sys
import tempfile
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
from ._safe import json_safe, terminal
from .batch import Unloadable as _Unloadable
from .batch import _json_locator, _load_failures, input_of, read
from .codec import dumps
from .diagnostics import Diagnostic, Locator, Report, Severity, Waiver, load_waivers
from .errors import ConfigError, Lang, LoadCode, LoadError, LoadIssue, Location
from .messages import CliText, WaiverCode, say
from .model import Ledger
from .notices import render as render_notice
from .rules import RULES, Config
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
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(_language(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, or a usage error argparse has printed
        return e.code if isinstance(e.code, int) else EXIT_USAGE
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
    finally:
        _STDIN.close()


def _language(argv: Sequence[str]) -> Lang:
    """The language of the help and of argparse's errors: ``--lang``, else the locale (as gettext looks it up)."""
    for k, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and k + 1 < len(argv):
            return "zh" if argv[k + 1] == "zh" else "en"
        if arg.startswith("--lang="):
            return "zh" if arg.partition("=")[2] == "zh" else "en"
    return _locale_lang()


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


class _Parser(argparse.ArgumentParser):
    """An argument parser that suggests the choice meant by a misspelt one (a command, a format)."""

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=3)
            if close:
                message = say(CliText.UNKNOWN_CHOICE, self.lang, value=value)
                raise argparse.ArgumentError(action, _did_you_mean(message, close, self.lang))
        super()._check_value(action, value)


def _did_you_mean(message: str, matches: Sequence[str], lang: Lang) -> str:
    if not matches:
        return message
    return say(CliText.DID_YOU_MEAN, lang, message=message, matches=say(CliText.LIST_SEP, lang).join(matches))


# What each command's exit codes mean; a code a command never returns is not listed.
_EXITS: dict[str, tuple[CliText, ...]] = {
    "schema": (CliText.EXIT_0, CliText.EXIT_1_SCHEMA),
    "validate": (CliText.EXIT_0_VALIDATE, CliText.EXIT_1_VALIDATE),
    "parse": (CliText.EXIT_0, CliText.EXIT_1_PARSE),
}


def _epilog(command: str, lang: Lang) -> str:
    codes = _EXITS.get(command, (CliText.EXIT_0,))
    meanings = [(EXIT_OK, codes[0]), *([(EXIT_ERRORS, codes[1])] if len(codes) > 1 else [])]
    meanings += [(EXIT_USAGE, CliText.EXIT_2), (EXIT_INTERNAL, CliText.EXIT_3)]
    return "\n".join([say(CliText.HELP_EXITS, lang), *(f"  {code}  {say(text, lang)}" for code, text in meanings)])


def _command(sub: Any, name: str, text: CliText, lang: Lang) -> argparse.ArgumentParser:
    """A subcommand with its summary, description, exit codes, ``-h`` and ``--lang``, in *lang*."""
    summary = say(text, lang)
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ("." if lang == "en" else "。"),
        epilog=_epilog(name, lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
        lang=lang,
    )
    parser.add_argument("-h", "--help", action="help", help=say(CliText.HELP_HELP, lang))
    parser.add_argument("--lang", choices=("en", "zh"), default=None, help=say(CliText.HELP_LANG, lang))
    parser.set_defaults(command=name)
    return parser


def _input_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--input", choices=("auto", "json", "notice", "sheet"), default="auto", help=say(CliText.HELP_INPUT, lang)
    )


def _parser(lang: Lang = "en") -> argparse.ArgumentParser:
    from . import __version__  # noqa: PLC0415 -- the package imports this module; its version is set by then

    parser = _Parser(prog="rectmodel", description=say(CliText.HELP_PROG, lang), add_help=False, lang=lang)
    parser.add_argument("-h", "--help", action="help", help=say(CliText.HELP_HELP, lang))
    parser.add_argument(
        "--version", action="version", version=f"rectmodel {__version__}", help=say(CliText.HELP_VERSION, lang)
    )
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(title=say(CliText.HELP_COMMANDS, lang), metavar="COMMAND")

    schema = _command(sub, "schema", CliText.CMD_SCHEMA, lang)
    schema.add_argument("-o", "--output", help=say(CliText.HELP_OUTPUT, lang))
    schema.add_argument("--check", nargs="+", metavar="FILE", help=say(CliText.HELP_CHECK, lang))
    _input_option(schema, lang)
    schema.set_defaults(run=_schema)

    stats = _command(sub, "stats", CliText.CMD_STATS, lang)
    stats.add_argument("file", metavar="FILE", help=say(CliText.HELP_LEDGER, lang))
    stats.add_argument("--format", choices=("text", "json"), default="text", help=say(CliText.HELP_TEXT_JSON, lang))
    _input_option(stats, lang)
    _add_sheet_options(stats, lang)
    stats.set_defaults(run=_stats)

    _add_validate(sub, lang)

    rules = _command(sub, "rules", CliText.CMD_RULES, lang)
    rules.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help=say(CliText.HELP_RULES_FORMAT, lang)
    )
    rules.set_defaults(run=_rules)

    notice = _command(sub, "parse", CliText.CMD_PARSE, lang)
    notice.add_argument("file", metavar="FILE", help=say(CliText.HELP_PARSE_FILE, lang))
    notice.add_argument("-o", "--output", help=say(CliText.HELP_OUTPUT, lang))
    notice.add_argument("--id", help=say(CliText.HELP_ID, lang))
    notice.add_argument("--unit", help=say(CliText.HELP_UNIT_ID, lang))
    _input_option(notice, lang)
    _add_sheet_options(notice, lang)
    notice.set_defaults(run=_parse_notice)

    _add_sheet_commands(sub, lang)

    write = _command(sub, "render", CliText.CMD_RENDER, lang)
    write.add_argument("file", metavar="LEDGER", help=say(CliText.HELP_LEDGER, lang))
    write.add_argument(
        "--format", choices=("text", "markdown"), default="text", help=say(CliText.HELP_RENDER_FORMAT, lang)
    )
    write.add_argument("-o", "--output", help=say(CliText.HELP_OUTPUT, lang))
    _input_option(write, lang)
    _add_sheet_options(write, lang)
    write.set_defaults(run=_render_notice)

    _add_graph_commands(sub, lang)
    return parser


def _add_graph_commands(sub: Any, lang: Lang) -> None:
    graph = _command(sub, "graph", CliText.CMD_GRAPH, lang)
    graph.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_LEDGERS, lang))
    graph.add_argument("--format", choices=_EXPORTS, default="json", help=say(CliText.HELP_GRAPH_FORMAT, lang))
    graph.add_argument("-o", "--output", help=say(CliText.HELP_OUTPUT, lang))
    _input_option(graph, lang)
    _add_sheet_options(graph, lang)
    graph.set_defaults(run=_graph)

    history = _command(sub, "history", CliText.CMD_HISTORY, lang)
    history.add_argument("unit", metavar="UNIT", help=say(CliText.HELP_UNIT, lang))
    history.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_LEDGERS, lang))
    history.add_argument("--format", choices=("text", "json"), default="text", help=say(CliText.HELP_TEXT_JSON, lang))
    _input_option(history, lang)
    _add_sheet_options(history, lang)
    history.set_defaults(run=_history)


def _add_validate(sub: Any, lang: Lang) -> None:
    validate = _command(sub, "validate", CliText.CMD_VALIDATE, lang)
    validate.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_FILES, lang))
    _input_option(validate, lang)
    validate.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "github"),
        default="text",
        help=say(CliText.HELP_VALIDATE_FORMAT, lang),
    )
    validate.add_argument("-j", "--jobs", type=_positive, metavar="N", help=say(CliText.HELP_JOBS, lang))
    validate.add_argument("--scheduler", metavar="ADDRESS", help=say(CliText.HELP_SCHEDULER, lang))
    validate.add_argument("--select", type=_names, metavar="RULE,...", help=say(CliText.HELP_SELECT, lang))
    validate.add_argument(
        "--ignore", type=_names, default=frozenset(), metavar="RULE,...", help=say(CliText.HELP_IGNORE, lang)
    )
    validate.add_argument(
        "--severity", action="append", default=[], metavar="RULE=LEVEL", help=say(CliText.HELP_SEVERITY, lang)
    )
    validate.add_argument("--waivers", metavar="FILE", help=say(CliText.HELP_WAIVERS, lang))
    validate.add_argument(
        "--report-due-months", type=int, default=2, metavar="N", help=say(CliText.HELP_DUE_MONTHS, lang)
    )
    _add_sheet_options(validate, lang)
    validate.set_defaults(run=_validate)


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
    named = {*(args.select or ()), *args.ignore, *(name.partition(":")[0] for name in severities)}
    unknown = sorted(named - set(RULES))
    for name in unknown:
        message = say(CliText.UNKNOWN_RULE, args.lang, name=name)
        close = difflib.get_close_matches(name, list(RULES), n=3)
        sys.stderr.write(f"rectmodel: {terminal(_did_you_mean(message, close, args.lang))}\n")
    if unknown:
        raise _Failed
    try:
        return Config(args.select, args.ignore, severities, args.report_due_months)
    except ConfigError as e:
        raise _Usage(e.message(args.lang)) from None


def _validate(args: argparse.Namespace) -> int:
    config = _config(args)
    files = _expand(args.files, args.lang)
    if files.count("-") > 1:
        raise _Usage(say(CliText.STDIN_ONCE, args.lang))
    unsupported = {f for f in files if not _supported(f, args.input)}
    for path in sorted(unsupported):
        sys.stderr.write(f"rectmodel: {terminal(say(CliText.UNSUPPORTED_INPUT, args.lang, path=path))}\n")
    files = [f for f in files if f not in unsupported]
    stdin = _STDIN.path(args.input, args.lang) if "-" in files else None
    waivers: tuple[Waiver, ...] = ()
    output = _Output(args, files)
    code = EXIT_USAGE if unsupported else EXIT_OK
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

        paths = [stdin if f == "-" and stdin else f for f in files]
        found = validate_many(
            paths, config, waivers, jobs=args.jobs, executor=executor, input=args.input, options=_sheet_options(args)
        )
        for result in found:
            if stdin is not None and result.path == stdin:
                result = attrs.evolve(result, path="-", report=_renamed(result.report, stdin, "-"))  # noqa: PLW2901
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
        self.text = args.format in ("text", "github")  # printed in the order given, then a summary line
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
        elif self.text and first:
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
        if self.text:
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
        if self.format == "github":
            lines = [_annotation(d, self.lang) for d in report.diagnostics]
        else:
            lines = file_lines(path, report, self.lang, self.colour, items=items)
        if lines:
            sys.stdout.write("".join(f"{line}\n" for line in lines))
            sys.stdout.flush()


_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _annotation(d: Diagnostic, lang: Lang) -> str:
    """``::error file=…,line=…,col=…,title=RULE::message``: a GitHub workflow annotation.

    A workbook's cell has no line: its ``sheet!cell`` leads the message instead.
    """
    where = d.location or Location()
    message = d.message(lang)
    if where.sheet is not None or where.cell is not None:
        message = f"{where.sheet or ''}!{where.cell or ''}: {message}"
    message += f" ({d.pointer or '/'})"
    properties = (("file", where.file), ("line", where.line), ("col", where.column), ("title", d.rule))
    text = ",".join(f"{key}={_escape(str(value), True)}" for key, value in properties if value is not None)
    return f"::{_LEVELS[d.severity]} {text}::{_escape(message)}"


def _escape(text: str, property: bool = False) -> str:
    """*text* escaped as GitHub reads workflow commands (a property also escapes ``:`` and ``,``)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return terminal(text)


def _add_sheet_commands(sub: Any, lang: Lang) -> None:
    export = _command(sub, "export", CliText.CMD_EXPORT, lang)
    export.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_EXPORT_FILES, lang))
    export.add_argument("-o", "--output", required=True, help=say(CliText.HELP_EXPORT_OUTPUT, lang))
    export.add_argument("--format", choices=("xlsx", "csv", "sqlite"), help=say(CliText.HELP_EXPORT_FORMAT, lang))
    export.add_argument("--inspection", help=say(CliText.HELP_INSPECTION, lang))
    _input_option(export, lang)
    _add_sheet_options(export, lang)
    export.set_defaults(run=_export_ledgers)

    template = _command(sub, "template", CliText.CMD_TEMPLATE, lang)
    template.add_argument("-o", "--output", required=True, help=say(CliText.HELP_TEMPLATE_OUTPUT, lang))
    template.add_argument("--format", choices=("xlsx", "csv"), help=say(CliText.HELP_TEMPLATE_FORMAT, lang))
    template.set_defaults(run=_template)


def _add_sheet_options(parser: argparse.ArgumentParser, lang: Lang) -> None:
    group = parser.add_argument_group(say(CliText.HELP_SHEETS, lang), say(CliText.HELP_SHEETS_ABOUT, lang))
    group.add_argument("--mapping", metavar="FILE", help=say(CliText.HELP_MAPPING, lang))
    group.add_argument("--inspector", help=say(CliText.HELP_INSPECTOR, lang))
    group.add_argument("--target", help=say(CliText.HELP_TARGET, lang))
    group.add_argument("--feedback-date", metavar="DATE", help=say(CliText.HELP_FEEDBACK_DATE, lang))
    group.add_argument("--start", metavar="DATE", help=say(CliText.HELP_START, lang))
    group.add_argument("--end", metavar="DATE", help=say(CliText.HELP_END, lang))


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
        ledger, diagnostics, where = _read(args.file, args)
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

    ledgers = dict(zip(args.files, _load_all(args.files, args), strict=True))
    try:
        to_sqlite(ledgers, args.output)
    except OSError as e:
        raise _cannot_write(args.output, e, args.lang) from None
    return EXIT_OK


def _export_sheet(args: argparse.Namespace, path: str, format: str) -> int:
    from .sheets import write  # noqa: PLC0415 -- the spreadsheet writer loads only when asked

    ledger = _load(path, args)
    try:
        write(ledger, args.output, format, inspection=args.inspection)  # type: ignore[arg-type]
    except ValueError as e:
        raise _Usage(str(e)) from None
    except OSError as e:
        raise _cannot_write(args.output, e, args.lang) from None
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from .sheets import template  # noqa: PLC0415 -- the spreadsheet writer loads only when asked

    try:
        template(args.output, _sheet_format(args.output, args.format))  # type: ignore[arg-type]
    except OSError as e:
        raise _cannot_write(args.output, e, args.lang) from None
    return EXIT_OK


def _render_notice(args: argparse.Namespace) -> int:
    ledger = _load(args.file, args)
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
        real = _STDIN.path(args.input, args.lang) if path == "-" else path
        if not _supported(real, args.input):
            sys.stderr.write(f"rectmodel: {terminal(say(CliText.UNSUPPORTED_INPUT, args.lang, path=path))}\n")
            code = EXIT_USAGE
            continue
        where: Locator | None = None
        try:
            if input_of(real, args.input) == "json":
                with open(real, "rb") as fp:
                    data = fp.read()
                where = _json_locator(data)
            else:  # a notice or a workbook: the ledger read from it, as JSON
                data = dumps(read(real, args.input, _sheet_options(args))[0]).encode()
            issues = schema_issues(orjson.loads(data))
        except _Unloadable as e:
            _print_lines(_renamed(e.report, real, path).diagnostics, args.lang, sys.stdout)
            code = EXIT_USAGE
            continue
        except OSError as e:
            issues, code = [LoadIssue(LoadCode.UNREADABLE, "", {"reason": e.strerror or str(e)})], EXIT_USAGE
        except orjson.JSONDecodeError as e:
            issues = [LoadIssue(LoadCode.NOT_JSON, "", {"reason": e.msg}, e.lineno, e.colno)]
            code = EXIT_USAGE
        if issues:
            code = max(code, EXIT_ERRORS)
            report = Report(tuple(Diagnostic.from_load_issue(i) for i in issues)).locate(path, where)
            _print_lines(report.diagnostics, args.lang, sys.stdout)
    return code


def _read(path: str, args: argparse.Namespace) -> tuple[Ledger, tuple[Diagnostic, ...], Locator]:
    """The ledger in *path* (``-``: standard input), the reader's diagnostics, and where its elements stand.

    Raises:
        _Unloadable: the file cannot be read or loaded; its located diagnostics say why.
        _Usage: rectmodel does not read files of this kind.
    """
    input, options = getattr(args, "input", "auto"), _sheet_options(args)
    if path != "-":
        if not _supported(path, input):
            raise _Usage(say(CliText.UNSUPPORTED_INPUT, args.lang, path=path))
        found = read(path, input, options)
    else:
        real = _STDIN.path(input, args.lang)
        try:
            found = read(real, input, options)
        except _Unloadable as e:
            raise _Unloadable(_renamed(e.report, real, "-")) from None
    # A large ledger is a million objects in the collector's youngest generation: the next
    # collection would scan them all (about a second on 300,000 measures) though none is in a
    # cycle. The command line owns its process: it moves them out of the collector's way.
    gc.freeze()
    return found


def _renamed(report: Report, old: str, new: str) -> Report:
    """*report* with the file *old* called *new* in its locations (standard input's temporary file: ``-``)."""

    def rename(where: Location | None) -> Location | None:
        return attrs.evolve(where, file=new) if where is not None and where.file == old else where

    def renamed(d: Diagnostic) -> Diagnostic:
        return attrs.evolve(d, location=rename(d.location), related_locations=tuple(map(rename, d.related_locations)))

    return Report(tuple(map(renamed, report.diagnostics)), tuple((renamed(d), w) for d, w in report.waived))


_BOM = b"\xef\xbb\xbf"


def _supported(path: str, input: str) -> bool:
    """Whether rectmodel reads *path*: by ``--input``, by its extension, or (no known extension) JSON by content.

    A missing or unreadable file counts as supported: reading it says what is wrong.
    """
    from .batch import suffixes  # noqa: PLC0415 -- the spreadsheet engines' suffixes load only here

    if input != "auto" or path == "-" or path.lower().endswith(suffixes()) or not os.path.isfile(path):
        return True
    try:
        with open(path, "rb") as fp:
            head = fp.read(256)
    except OSError:
        return True
    return head.removeprefix(_BOM).lstrip()[:1] in (b"{", b"[")


def _suffix(data: bytes, input: str) -> str | None:
    """The file extension standard input's *data* reads as, sniffed from its content and ``--input``."""
    head = data[:1024].removeprefix(_BOM).lstrip()
    if input == "json" or (input == "auto" and head[:1] in (b"{", b"[")):
        return ".json"
    if data.startswith(b"PK\x03\x04"):
        import io  # noqa: PLC0415 -- only for standard input
        import zipfile  # noqa: PLC0415 -- only for standard input

        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError):
            names = []
        if any(n.startswith("word/") for n in names) and input in ("auto", "notice"):
            return ".docx"
        if any(n.startswith("xl/") for n in names) and input in ("auto", "sheet"):
            return ".xlsx"
        if "content.xml" in names and input in ("auto", "sheet"):
            return ".ods"
        return {"sheet": ".xlsx", "notice": ".docx"}.get(input)
    if data.startswith(b"\xd0\xcf\x11\xe0") and input in ("auto", "sheet"):  # an OLE compound file: .xls
        return ".xls"
    if head.startswith(b"%PDF") and input in ("auto", "notice"):
        return ".pdf"
    if head[:512].lower().startswith((b"<!doctype html", b"<html")) and input in ("auto", "notice"):
        return ".html"
    return ".csv" if input == "sheet" else ".txt"


class _StandardInput:
    """Standard input (``-``): read once, kept in a temporary file named by what its content is."""

    def __init__(self) -> None:
        self.folder: tempfile.TemporaryDirectory[str] | None = None
        self.data = b""
        self.paths: dict[str, str] = {}

    def path(self, input: str, lang: Lang) -> str:
        """The temporary file that holds standard input, read as *input*; ``_Usage`` if it reads as nothing."""
        if self.folder is None:
            self.data = sys.stdin.buffer.read()
            self.folder = tempfile.TemporaryDirectory(prefix="rectmodel-")
        if input not in self.paths:
            suffix = _suffix(self.data, input)
            if suffix is None:
                raise _Usage(say(CliText.UNSUPPORTED_INPUT, lang, path="-"))
            path = os.path.join(self.folder.name, f"stdin{suffix}")
            with open(path, "wb") as fp:
                fp.write(self.data)
            self.paths[input] = path
        return self.paths[input]

    def close(self) -> None:
        if self.folder is not None:
            self.folder.cleanup()
        self.__init__()  # type: ignore[misc]


_STDIN = _StandardInput()


def _load(path: str, args: argparse.Namespace) -> Ledger:
    """Load *path*, or print why it cannot be loaded (on standard error) and raise ``_Failed``."""
    try:
        return _read(path, args)[0]
    except _Unloadable as e:
        _print_lines(e.report.diagnostics, args.lang)
        raise _Failed from None


def _stats(args: argparse.Namespace) -> int:
    ledger = _load(args.file, args)
    if args.format == "json":
        records = [inspection_stats(i) for i in ledger.inspections]
        sys.stdout.write(orjson.dumps({"inspections": records}, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        sys.stdout.write("\n".join(stats_lines(args.file, ledger, args.lang)) + "\n")
    return EXIT_OK


# graph and history


def _load_all(paths: Sequence[str], args: argparse.Namespace) -> list[Ledger]:
    """Load every file, printing why each one that fails cannot be loaded; ``_Failed`` if any does."""
    ledgers, failed = [], False
    for path in paths:
        try:
            ledgers.append(_load(path, args))
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

    graph = build_graph(*_load_all(args.files, args))
    try:
        text = _export(args.format, graph)
    except ValueError as e:  # what the format cannot hold (GraphML: ids that differ only in control characters)
        raise _Usage(say(CliText.CANNOT_EXPORT, args.lang, format=args.format, reason=str(e))) from None
    _write(text, args.output, args.lang, newline="")
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    from .graph import build_graph, recurring, unit_history  # noqa: PLC0415 -- networkx on demand only

    graph = build_graph(*_load_all(args.files, args))
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
