"""``rectmodel stats``: what a ledger holds, inspection by inspection."""

from __future__ import annotations

import argparse
import sys

import orjson

from ..._format import inspection_stats, stats_lines
from ...errors import Lang
from ...messages import CliText, say
from .._common import EXIT_OK, load
from .._parser import input_option, sheet_options


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("file", metavar="FILE", help=say(CliText.HELP_LEDGER, lang))
    parser.add_argument("--format", choices=("text", "json"), default="text", help=say(CliText.HELP_TEXT_JSON, lang))
    input_option(parser, lang)
    sheet_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    ledger = load(args.file, args)
    if args.format == "json":
        records = [inspection_stats(i) for i in ledger.inspections]
        sys.stdout.write(orjson.dumps({"inspections": records}, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        sys.stdout.write("\n".join(stats_lines(args.file, ledger, args.lang)) + "\n")
    return EXIT_OK
