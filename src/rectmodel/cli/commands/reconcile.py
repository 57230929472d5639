"""``rectmodel reconcile``: the documents of one round, each compared with the one before it (对账)."""

from __future__ import annotations

import argparse
import sys

import orjson

from ..._format import files_json, located_line, summary_line
from ..._safe import json_safe, terminal
from ...diagnostics import Report, Severity, Waiver, load_waivers
from ...errors import Lang, LoadError
from ...inputs import load_failures
from ...messages import CliText, say
from .._common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    Failed,
    Usage,
    check_output,
    output_file,
    print_lines,
    read_each,
)
from .._parser import input_option, sheet_options


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_ROUND_FILES, lang))
    parser.add_argument("--format", choices=("text", "json"), default="text", help=say(CliText.HELP_TEXT_JSON, lang))
    parser.add_argument("--force", action="store_true", help=say(CliText.HELP_ANY_ROUND, lang))
    parser.add_argument("--threshold", type=float, default=80.0, help=say(CliText.HELP_THRESHOLD, lang))
    parser.add_argument("--waivers", metavar="FILE", help=say(CliText.HELP_WAIVERS, lang))
    parser.add_argument("-o", "--output", metavar="XLSX", help=say(CliText.HELP_SUMMARY_OUTPUT, lang))
    input_option(parser, lang)
    sheet_options(parser, lang)


def _waivers(args: argparse.Namespace) -> tuple[Waiver, ...]:
    if not args.waivers:
        return ()
    try:
        return load_waivers(args.waivers)
    except (LoadError, OSError) as e:
        print_lines(Report(load_failures(e)).locate(args.waivers).diagnostics, args.lang)
        raise Failed from None


def run(args: argparse.Namespace) -> int:
    from ...reconciliation import Document, ReconcileError, change_lines, changes, reconcile  # noqa: PLC0415

    if not 0 <= args.threshold <= 100:
        raise Usage(say(CliText.HELP_THRESHOLD, args.lang))
    check_output(args)
    waivers = _waivers(args)
    inputs, failed = read_each(args.files, args)
    documents = [Document(got.ledger, path, got.where) for path, got in inputs]
    if failed:
        return EXIT_USAGE
    try:
        found = reconcile(*documents, force=args.force, threshold=args.threshold, waivers=waivers)
    except ReconcileError as e:
        raise Usage(e.message(args.lang)) from None
    report = found.report
    if args.output:
        from ...reconciliation import write_summary  # noqa: PLC0415

        with output_file(args) as path:
            write_summary(found, path, args.lang)
    if args.format == "json":
        changed = changes(found, args.lang)
        steps = [
            {
                "earlier": found.documents[s.earlier].path,
                "later": found.documents[s.later].path,
                "pairing": s.pairing,
                "inspections": [list(p) for p in s.inspections],
                **s.counts(),
                "problems": [
                    {
                        "earlier": m.earlier,
                        "later": m.later,
                        "score": m.score,
                        "by": m.by,
                        "inspections": list(m.inspections),
                    }
                    for m in s.problems
                ],
                "changes": changed[k],
            }
            for k, s in enumerate(found.steps)
        ]
        record = {"steps": steps, **files_json([("", report)], args.lang)["files"][0], "summary": report.summary()}
        record.pop("path", None)
        sys.stdout.write(orjson.dumps(json_safe(record), option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        lines = []
        details = change_lines(found, args.lang)
        for s, changed_lines in zip(found.steps, details, strict=True):
            pairing = say(CliText.PAIRED_BY, args.lang, pairing=s.pairing)
            names = {
                "earlier": found.documents[s.earlier].label(s.earlier),
                "later": found.documents[s.later].label(s.later),
            }
            lines.append(terminal(say(CliText.STEP, args.lang, pairing=pairing, **names, **s.counts())))
            lines += map(terminal, changed_lines)
        lines += [located_line(d, args.lang) for d in report.diagnostics]
        lines.append(summary_line(report.summary(), len(found.documents), args.lang))
        sys.stdout.write("".join(f"{line}\n" for line in lines))
    return EXIT_ERRORS if any(d.severity is Severity.ERROR for d in report.diagnostics) else EXIT_OK
