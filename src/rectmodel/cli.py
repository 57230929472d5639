"""The command line: ``rectmodel schema``, ``rectmodel stats`` and friends.

Exit codes: 0 success, 1 the document has errors, 2 usage error or a file that
cannot be read or loaded (its problems are printed, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import attrs
import orjson

from ._counts import itemize
from ._render import diagnostic_line, files_json, rules_json, rules_markdown, summary_line
from .codec import load
from .dates import PartialDate
from .diagnostics import Diagnostic, Report, Severity, Waiver, load_waivers
from .errors import Lang, LoadError
from .model import Inspection, Ledger
from .rules import Config, iter_diagnostics
from .schema import json_schema_text

__all__ = ["main"]

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


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
        sys.stderr.write(f"rectmodel: {e}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # ``rectmodel stats x | head``
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rectmodel", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    schema = sub.add_parser("schema", help="print the JSON Schema of a ledger document")
    schema.add_argument("-o", "--output", help="write to this file instead of standard output")
    schema.set_defaults(command="schema", run=_schema)

    stats = sub.add_parser("stats", help="what a ledger declares and itemizes, per inspection")
    stats.add_argument("file", help="a ledger JSON file")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--lang", choices=("en", "zh"), default="en", help="language of load diagnostics")
    stats.set_defaults(command="stats", run=_stats)

    validate = sub.add_parser("validate", help="check ledgers against every consistency rule")
    validate.add_argument("files", nargs="+", metavar="FILE", help="ledger JSON files")
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
    validate.set_defaults(command="validate", run=_validate)

    rules = sub.add_parser("rules", help="list every rule with its default severity")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.set_defaults(command="rules", run=_rules)
    return parser


def _names(text: str) -> frozenset[str]:
    return frozenset(n.strip() for n in text.split(",") if n.strip())


def _config(args: argparse.Namespace) -> Config:
    severities = {}
    for item in args.severity:
        name, _, level = item.partition("=")
        try:
            severities[name.strip()] = Severity(level.strip())
        except ValueError:
            raise _Usage(f"--severity {item}: expected RULE=error|warning|info") from None
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
        except LoadError as e:
            results.append((args.waivers, Report(tuple(Diagnostic.from_load_issue(i) for i in e.issues))))
            unloadable = True
        except OSError as e:
            results.append((args.waivers, Report((_unreadable(e),))))
            unloadable = True
    used: set[int] = set()
    progress = _Progress(args.files)
    loaded: list[tuple[str, Ledger]] = []
    for path in args.files:
        try:
            loaded.append((path, load(path)))
        except LoadError as e:
            results.append((path, Report(tuple(Diagnostic.from_load_issue(i) for i in e.issues))))
            unloadable = True
        except OSError as e:
            results.append((path, Report((_unreadable(e),))))
            unloadable = True
    for k, (path, ledger) in enumerate(loaded):
        progress.step(path)
        others = [other for j, (_, other) in enumerate(loaded) if j != k]  # links may point into the other files
        report = Report.build(iter_diagnostics(ledger, config, others=others), waivers, path)
        used.update(id(w) for _, w in report.waived)
        results.append((path, report))
    progress.done()
    order = {path: k for k, path in enumerate(args.files)}
    results.sort(key=lambda item: order.get(item[0], -1))  # the waivers file first, then files as given
    unused = [
        Diagnostic("unused-waiver", Severity.WARNING, f"/waivers/{k}", {"rule": w.rule, "pointer": w.pointer})
        for k, w in enumerate(waivers)
        if id(w) not in used
    ]
    if unused:
        results.append((args.waivers, Report(tuple(unused))))
    _print_results(results, args)
    if unloadable:
        return EXIT_USAGE
    return EXIT_ERRORS if any(not r.ok for _, r in results) else EXIT_OK


def _unreadable(e: OSError) -> Diagnostic:
    return Diagnostic("load", Severity.ERROR, "", {"code": "unreadable", "reason": e.strerror or str(e)})


def _print_results(results: list[tuple[str, Report]], args: argparse.Namespace) -> None:
    if args.format == "json":
        sys.stdout.write(orjson.dumps(files_json(results, args.lang), option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    out = []
    for path, report in results:
        out.append(path)
        out.extend(f"  {diagnostic_line(d, args.lang, colour)}" for d in report.diagnostics)
        out.extend(f"  waived {d.rule} {d.pointer}: {w.justification}" for d, w in report.waived)
    out.append(summary_line(files_json(results)["summary"], len(args.files)))
    sys.stdout.write("\n".join(out) + "\n")


class _Progress:
    """A one-line progress indicator on standard error, only on a terminal and for much work."""

    def __init__(self, files: Sequence[str]):
        size = sum(os.path.getsize(f) for f in files if os.path.isfile(f))
        self.total = len(files)
        self.count = 0
        self.shown = sys.stderr.isatty() and (self.total > 5 or size > 20_000_000)

    def step(self, path: str) -> None:
        self.count += 1
        if self.shown:
            sys.stderr.write(f"\r\033[Kvalidating {self.count}/{self.total} {path}")
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
        width = max(len(r["name"]) for r in rules_json())
        for r in rules_json():
            sys.stdout.write(f"{r['name']:<{width}}  {r['severity']:<7}  {r['summary']}\n")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    text = json_schema_text()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fp:
            fp.write(text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _load(path: str, lang: Lang, err: TextIO) -> Ledger:
    """Load *path*, or print why it cannot be loaded and raise ``_Failed``."""
    try:
        return load(path)
    except LoadError as e:
        for issue in e.issues:
            where = f"{path}:{issue.line}:{issue.column}" if issue.line is not None else path
            err.write(f"{where}: error load {issue.pointer or '/'}: {issue.message(lang)}\n")
        raise _Failed from None
    except OSError as e:
        err.write(f"{path}: error load /: {e.strerror or e}\n")
        raise _Failed from None


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else value.isoformat()


def inspection_stats(inspection: Inspection) -> dict[str, Any]:
    """The ``stats`` record of one inspection: identity, dates, itemized and declared counts."""
    return {
        "id": inspection.id,
        "kind": inspection.kind.value,
        "inspector": inspection.inspector,
        "target": inspection.target,
        "start": _date(inspection.start),
        "end": _date(inspection.end),
        "feedback_date": _date(inspection.feedback_date),
        "report_date": _date(inspection.report_date),
        "itemized": attrs.asdict(itemize(inspection)),
        "declared": attrs.asdict(inspection.declared),
    }


def _stats(args: argparse.Namespace) -> int:
    ledger = _load(args.file, args.lang, sys.stderr)
    records = [inspection_stats(i) for i in ledger.inspections]
    if args.format == "json":
        sys.stdout.write(orjson.dumps({"inspections": records}, option=orjson.OPT_INDENT_2).decode() + "\n")
        return EXIT_OK
    out = [args.file]
    for inspection, rec in zip(ledger.inspections, records, strict=True):
        out.append(f"  {rec['id']}  {rec['kind']}  {rec['inspector']} → {rec['target']}")
        dates = [
            ("on site", f"{rec['start'] or '?'} to {rec['end'] or '?'}"),
            ("feedback", rec["feedback_date"]),
            ("as of", _date(inspection.as_of)),
            ("report", rec["report_date"]),
        ]
        known = ", ".join(f"{k} {v}" for k, v in dates if v and v != "? to ?")
        if known:
            out.append(f"    {known}")
        out.append("    itemized: " + ", ".join(f"{v} {k}" for k, v in rec["itemized"].items()))
        declared = {k: v for k, v in rec["declared"].items() if v is not None}
        out.append("    declared: " + (", ".join(f"{k} {v}" for k, v in declared.items()) or "nothing"))
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK
