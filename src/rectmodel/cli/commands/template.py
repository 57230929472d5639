"""``rectmodel template``: an empty workbook with the columns the reader knows."""

from __future__ import annotations

import argparse

from ...errors import Lang
from ...messages import CliText, say
from .._common import EXIT_OK, output_file
from .._parser import output_options
from .export import sheet_format


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    output_options(parser, lang, required=True, help=CliText.HELP_TEMPLATE_OUTPUT)
    parser.add_argument("--format", choices=("xlsx", "csv"), help=say(CliText.HELP_TEMPLATE_FORMAT, lang))


def run(args: argparse.Namespace) -> int:
    from ...sheets import template  # noqa: PLC0415 -- the spreadsheet writer loads only when asked

    with output_file(args) as path:
        template(path, sheet_format(args.output, args.format))  # type: ignore[arg-type]
    return EXIT_OK
