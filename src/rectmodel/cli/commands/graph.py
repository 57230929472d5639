"""``rectmodel graph``: the ledgers' rounds, problems and links as one graph, drawn in a graph format."""

from __future__ import annotations

import argparse
from typing import Any

import orjson

from ...errors import Lang
from ...messages import CliText, say
from .._common import EXIT_OK, Usage, load_all, write
from .._parser import input_option, output_options, sheet_options

_EXPORTS = ("json", "graphml", "mermaid", "dot")


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_LEDGERS, lang))
    parser.add_argument("--format", choices=_EXPORTS, default="json", help=say(CliText.HELP_GRAPH_FORMAT, lang))
    output_options(parser, lang)
    input_option(parser, lang)
    sheet_options(parser, lang)


def _node_link_text(graph: Any) -> str:
    from ... import graph as g  # noqa: PLC0415 -- networkx loads only for the commands that draw graphs

    return orjson.dumps(g.to_node_link(graph), option=orjson.OPT_INDENT_2).decode() + "\n"


def _export(format: str, graph: Any) -> str:
    from ... import graph as g  # noqa: PLC0415 -- networkx loads only for the commands that draw graphs

    exports = {"json": _node_link_text, "graphml": g.to_graphml, "mermaid": g.to_mermaid, "dot": g.to_dot}
    return exports[format](graph)


def run(args: argparse.Namespace) -> int:
    from ...graph import build_graph  # noqa: PLC0415 -- networkx loads only for the commands that draw graphs

    graph = build_graph(*load_all(args.files, args))
    try:
        text = _export(args.format, graph)
    except ValueError as e:  # what the format cannot hold (GraphML: ids that differ only in control characters)
        raise Usage(say(CliText.CANNOT_EXPORT, args.lang, format=args.format, reason=str(e))) from None
    write(text, args, newline="")
    return EXIT_OK
