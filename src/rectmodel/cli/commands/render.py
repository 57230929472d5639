"""``rectmodel render``: a ledger written as the public notice of its rectification."""

from __future__ import annotations

import argparse

from ...errors import Lang
from ...messages import CliText, say
from ...notices import render
from .._common import EXIT_OK, load, write
from .._parser import input_option, output_options, sheet_options


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("file", metavar="LEDGER", help=say(CliText.HELP_LEDGER, lang))
    parser.add_argument(
        "--format", choices=("text", "markdown"), default="text", help=say(CliText.HELP_RENDER_FORMAT, lang)
    )
    output_options(parser, lang)
    input_option(parser, lang)
    sheet_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    ledger = load(args.file, args)
    write(render(ledger, args.format), args)
    return EXIT_OK
