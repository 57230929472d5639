"""``rectmodel history``: one unit across its rounds, and the problems that keep coming back."""

from __future__ import annotations

import argparse
import sys

import attrs
import orjson

from ..._format import history_lines
from ...errors import Lang
from ...messages import CliText, say
from .._common import EXIT_OK, Usage, load_all
from .._parser import input_option, sheet_options


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("unit", metavar="UNIT", help=say(CliText.HELP_UNIT, lang))
    parser.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_LEDGERS, lang))
    parser.add_argument("--format", choices=("text", "json"), default="text", help=say(CliText.HELP_TEXT_JSON, lang))
    input_option(parser, lang)
    sheet_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    from ...graph import build_graph, recurring, unit_history  # noqa: PLC0415 -- networkx on demand only

    graph = build_graph(*load_all(args.files, args))
    try:
        found = unit_history(graph, args.unit)
    except KeyError:
        files = say(CliText.LIST_SEP, args.lang).join(args.files)
        raise Usage(say(CliText.UNKNOWN_UNIT, args.lang, unit=args.unit, files=files)) from None
    # the chains unit_history counts: among the lineage's own problems
    own = [n for n, data in graph.nodes(data=True) if data.get("lineage") == found.unit and "title" in data]
    chains = recurring(graph.subgraph(own), 2, unit=args.unit)
    if args.format == "json":
        record = {**attrs.asdict(found), "chains": [attrs.asdict(c) for c in chains]}
        sys.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode() + "\n")
        return EXIT_OK
    sys.stdout.write("\n".join(history_lines(found, chains, args.lang)) + "\n")
    return EXIT_OK
