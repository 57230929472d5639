"""``rectmodel schema``: the ledger's JSON Schema, or files checked against it."""

from __future__ import annotations

import argparse
import sys

import orjson

from ...codec import dumps, json_locator
from ...diagnostics import Diagnostic, Locator, Report
from ...errors import Lang, LoadCode, LoadIssue
from ...inputs import Unloadable, format_of, read, renamed, supported
from ...messages import CliText, say
from ...schema import json_schema_text, schema_issues
from .._common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, STDIN, options, print_lines, unsupported, write
from .._parser import input_option, output_options


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    output_options(parser, lang)
    parser.add_argument("--check", nargs="+", metavar="FILE", help=say(CliText.HELP_CHECK, lang))
    input_option(parser, lang)


def run(args: argparse.Namespace) -> int:
    if not args.check:
        write(json_schema_text(), args)
        return EXIT_OK
    code = EXIT_OK
    how = options(args)
    for path in args.check:
        real = STDIN.path(args.input, args.lang) if path == "-" else path
        if not supported(real, args.input):
            sys.stderr.write(unsupported(path, args.lang))
            code = EXIT_USAGE
            continue
        where: Locator | None = None
        try:
            if format_of(real, args.input).name == "json":
                with open(real, "rb") as fp:
                    data = fp.read()
                where = json_locator(data)
            else:  # a notice or a workbook: the ledger read from it, as JSON
                data = dumps(read(real, how).ledger).encode()
            empty = not data.removeprefix(b"\xef\xbb\xbf").strip()
            issues = [LoadIssue(LoadCode.EMPTY, "")] if empty else schema_issues(orjson.loads(data))
            code = EXIT_USAGE if empty else code
        except Unloadable as e:
            print_lines(renamed(e.report, real, path).diagnostics, args.lang, sys.stdout)
            code = EXIT_USAGE
            continue
        except OSError as e:
            issues, code = [LoadIssue(LoadCode.UNREADABLE, "", {"reason": e.strerror or str(e)})], EXIT_USAGE
        except orjson.JSONDecodeError as e:
            issues = [LoadIssue(LoadCode.NOT_JSON, "", {"reason": e.msg}, e.lineno, e.colno)]
            code = EXIT_USAGE
        if issues:
            code = max(code, EXIT_ERRORS)
            report = Report(tuple(Diagnostic.from_load_issue(i) for i in issues)).locate(path, where)
            print_lines(report.diagnostics, args.lang, sys.stdout)
    return code
