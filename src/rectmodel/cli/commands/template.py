"""``rectmodel template``: an empty workbook with the columns the reader knows."""

from __future__ import annotations

import argparse

from ...errors import Lang
from ...messages import CliText, say
from .._common import EXIT_OK, cannot_write
from .export import sheet_format


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("-o", "--output", required=True, help=say(CliText.HELP_TEMPLATE_OUTPUT, lang))
    parser.add_argument("--format", choices=("xlsx", "csv"), help=say(CliText.HELP_TEMPLATE_FORMAT, lang))


def run(args: argparse.Namespace) -> int:
    from ...sheets import template  # noqa: PLC0415 -- the spreadsheet writer loads only when asked

    try:
        template(args.output, sheet_format(args.output, args.format))  # type: ignore[arg-type]
    except OSError as e:
        raise cannot_write(args.output, e, args.lang) from None
    return EXIT_OK
