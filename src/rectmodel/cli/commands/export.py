"""``rectmodel export``: ledgers as a workbook, a CSV file or a SQLite database."""

from __future__ import annotations

import argparse

from ...errors import Lang
from ...messages import CliText, say
from .._common import EXIT_OK, Usage, check_output, load, load_all, output_file
from .._parser import input_option, output_options, sheet_options

_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_EXPORT_FILES, lang))
    output_options(parser, lang, required=True, help=CliText.HELP_EXPORT_OUTPUT)
    parser.add_argument("--format", choices=("xlsx", "csv", "sqlite"), help=say(CliText.HELP_EXPORT_FORMAT, lang))
    parser.add_argument("--inspection", help=say(CliText.HELP_INSPECTION, lang))
    input_option(parser, lang)
    sheet_options(parser, lang)


def sheet_format(output: str, format: str | None) -> str:
    """The workbook format asked for, else the one *output*'s extension names (CSV or, by default, xlsx)."""
    return format or ("csv" if output.lower().endswith(".csv") else "xlsx")


def run(args: argparse.Namespace) -> int:
    format = args.format or ("sqlite" if args.output.lower().endswith(_SQLITE_SUFFIXES) else None)
    if format == "sqlite":
        return _export_sqlite(args)
    format = sheet_format(args.output, format)
    if len(args.files) != 1:
        raise Usage(say(CliText.ONE_FILE_ONLY, args.lang, format=format))
    return _export_sheet(args, args.files[0], format)


def _export_sqlite(args: argparse.Namespace) -> int:
    from ...sql import to_sqlite  # noqa: PLC0415 -- the SQL writer loads only when asked

    check_output(args)
    ledgers = dict(zip(args.files, load_all(args.files, args), strict=True))
    with output_file(args) as path:
        to_sqlite(ledgers, path)
    return EXIT_OK


def _export_sheet(args: argparse.Namespace, path: str, format: str) -> int:
    from ...sheets import write  # noqa: PLC0415 -- the spreadsheet writer loads only when asked

    check_output(args)
    ledger = load(path, args)
    try:
        with output_file(args) as temporary:
            write(ledger, temporary, format, inspection=args.inspection)  # type: ignore[arg-type]
    except ValueError as e:
        raise Usage(str(e)) from None
    return EXIT_OK
