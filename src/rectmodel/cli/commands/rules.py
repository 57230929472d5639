"""``rectmodel rules``: every rule, its default severity and what it checks."""

from __future__ import annotations

import argparse
import sys

import orjson

from ..._format import ComparisonRow, comparisons_table, rules_json, rules_markdown, rules_table
from ...errors import Lang
from ...messages import CliText, say
from .._common import EXIT_OK


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help=say(CliText.HELP_RULES_FORMAT, lang)
    )


def _comparisons() -> list[ComparisonRow]:
    from ...reconciliation import COMPARISONS  # noqa: PLC0415 -- only for the catalogue

    return [(c.name, c.severity, c.levels) for c in COMPARISONS.values()]


def run(args: argparse.Namespace) -> int:
    if args.format == "json":
        sys.stdout.write(orjson.dumps(rules_json(args.lang), option=orjson.OPT_INDENT_2).decode() + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown(args.lang, _comparisons()))
    else:
        lines = [*rules_table(args.lang), *comparisons_table(_comparisons(), args.lang)]
        sys.stdout.write("".join(f"{line}\n" for line in lines))
    return EXIT_OK
