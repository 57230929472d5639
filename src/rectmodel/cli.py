"""The command line: ``rectmodel schema``, ``rectmodel stats`` and friends.

Exit codes: 0 success, 1 the document has errors, 2 usage error or a file that
cannot be read or loaded (its problems are printed, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import attrs
import orjson

from ._counts import itemize
from .codec import load
from .dates import PartialDate
from .errors import Lang, LoadError
from .model import Inspection, Ledger
from .schema import json_schema_text

__all__ = ["main"]

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class _Failed(Exception):
    """A file could not be read or loaded; the reason is already printed."""


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
    return parser


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
