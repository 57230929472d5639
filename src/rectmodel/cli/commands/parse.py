"""``rectmodel parse``: a notice or a workbook read into a ledger (JSON), with what could not be placed."""

from __future__ import annotations

import argparse

import attrs

from ...codec import dumps
from ...diagnostics import Severity
from ...errors import Lang
from ...inputs import Unloadable
from ...messages import CliText, say
from .._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, print_lines, print_located, read_input, write
from .._parser import input_option, output_options, sheet_options


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("file", metavar="FILE", help=say(CliText.HELP_PARSE_FILE, lang))
    output_options(parser, lang)
    parser.add_argument("--id", help=say(CliText.HELP_ID, lang))
    parser.add_argument("--unit", help=say(CliText.HELP_UNIT_ID, lang))
    input_option(parser, lang)
    sheet_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    try:
        got = read_input(args.file, args)
    except Unloadable as e:
        print_lines(e.report.diagnostics, args.lang)
        return EXIT_USAGE
    ledger = got.ledger
    if args.id is not None or args.unit is not None:
        x = ledger.inspections
        changed = {k: v for k, v in (("id", args.id), ("unit", args.unit)) if v is not None}
        ledger = attrs.evolve(ledger, inspections=tuple(attrs.evolve(i, **changed) for i in x))
    diagnostics = got.report.diagnostics
    print_located(args.file, diagnostics, args.lang, got.where)
    write(dumps(ledger), args)
    return EXIT_ERRORS if any(d.severity is Severity.ERROR for d in diagnostics) else EXIT_OK
