"""``rectmodel report``: the round report for leaders over any set of ledgers, workbooks and notices."""

from __future__ import annotations

import argparse
import sys

from ..._safe import terminal
from ...diagnostics import Report
from ...errors import Lang
from ...messages import CliText, say
from ...rules import validate
from .._common import EXIT_OK, EXIT_USAGE, Usage, check_output, expand_files, output_file, read_each
from .._parser import input_option, output_options, sheet_options


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_REPORT_FILES, lang))  # as validate's
    parser.add_argument("--thresholds", metavar="TOML", help=say(CliText.HELP_THRESHOLDS, lang))
    output_options(parser, lang, required=True, help=CliText.HELP_REPORT_OUTPUT)
    input_option(parser, lang)
    sheet_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    from ...overview import DEFAULT, ThresholdsError, build_overview, load_thresholds, write_overview  # noqa: PLC0415

    check_output(args)
    thresholds = DEFAULT
    if args.thresholds:
        try:
            thresholds = load_thresholds(args.thresholds)
        except OSError as e:
            raise Usage(
                say(CliText.BAD_THRESHOLDS, args.lang, path=args.thresholds, reason=e.strerror or str(e))
            ) from None
        except ThresholdsError as e:
            reason = f"{e.where}: {e.reason}"
            raise Usage(say(CliText.BAD_THRESHOLDS, args.lang, path=args.thresholds, reason=reason)) from None
    found, failed = read_each(expand_files(args.files, args.lang), args)
    code = EXIT_USAGE if failed else EXIT_OK
    if not found:  # each file's reason is printed: a page of nothing would only hide them
        return code
    documents = [
        (path, got.ledger, Report((*got.report.diagnostics, *validate(got.ledger).diagnostics)).locate(path, got.where))
        for path, got in found
    ]
    overview = build_overview(documents, thresholds, thresholds_source=args.thresholds)
    with output_file(args) as temporary:
        write_overview(overview, temporary, args.lang)  # the temporary file keeps the output's suffix
    sys.stderr.write(f"rectmodel: {terminal(say(CliText.REPORT_WRITTEN, args.lang, path=args.output))}\n")
    return code
