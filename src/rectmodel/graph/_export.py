"""Exports of the graph across rounds: GraphML, node-link JSON, Mermaid and Graphviz DOT.

``to_graphml`` and ``to_node_link`` keep every node and edge attribute, for other
tools (Gephi, yEd, igraph, networkx itself). ``to_mermaid`` and ``to_dot`` draw the
graph: one box per round with its problems, an arrow per link from the later
problem to the earlier one, labelled with the link's kind.

The graph's ``units`` attribute (a ``Units`` object) is not data; both data exports
write ``lineages`` instead: each lineage of the graph's rounds with its unit ids.

Every text is escaped so that the output stays valid whatever a title, an id or a
round label contains: quotes, brackets, line breaks, ``#``, ``%%``, control
characters, any Unicode.

>>> from rectmodel import Inspection, InspectionKind, Ledger, Link, LinkKind, Problem
>>> from rectmodel.graph import build_graph
>>> r1 = Inspection("r1", InspectionKind.REGULAR, "市委第一巡察组", "某局党组", unit="ju",
...                 problems=(Problem("P1", '"三重一大"未经集体决策'),))
>>> r2 = Inspection("r2", InspectionKind.REGULAR, "市委第二巡察组", "某局党组", unit="ju",
...                 problems=(Problem("P1", "依然存在", links=(Link(LinkKind.RECURRENCE, "r1", "P1"),)),))
>>> print(to_mermaid(build_graph(Ledger((r1, r2)))), end="")
flowchart RL
  classDef open stroke-width:3px
  classDef missing stroke-dasharray:5 5
  subgraph r0["r1 · regular"]
    n0["P1#58; #quot;三重一大#quot;未经集体决策"]
  end
  subgraph r1["r2 · regular"]
    n1["P1#58; 依然存在"]
  end
  n1 -->|"recurrence"| n0
  class n0,n1 open
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

import networkx as nx
import orjson

from ..model import State
from ..units import Units

__all__ = ["to_dot", "to_graphml", "to_mermaid", "to_node_link"]

_DONE = frozenset(s.value for s in State if s.is_done)


# The data exports


def _graph_attributes(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """The graph's attributes with ``units`` replaced by ``lineages`` (lineage → its unit ids)."""
    attributes = {k: v for k, v in graph.graph.items() if k != "units"}
    units: Units | None = graph.graph.get("units")
    if units is not None:
        names = sorted({str(data["lineage"]) for _, data in graph.nodes(data=True) if "lineage" in data})
        attributes["lineages"] = {name: list(units.members(name)) for name in names}
    return attributes


def to_node_link(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """The graph as networkx node-link data: a JSON-serialisable dict.

    The shape networkx 3.4 and later reads with ``nx.node_link_graph(data, edges="edges")``
    (the default there): ``directed``, ``multigraph``, ``graph`` (with ``lineages``,
    see the module docstring), ``nodes`` (each with its key as ``id`` and its
    attributes) and ``edges`` (each with ``source``, ``target``, ``key`` and its
    attributes). Written here rather than by ``nx.node_link_data``, whose keywords
    changed across networkx versions.
    """
    return {
        "directed": True,
        "multigraph": True,
        "graph": _graph_attributes(graph),
        "nodes": [{**data, "id": node} for node, data in graph.nodes(data=True)],
        "edges": [
            {**data, "source": source, "target": target, "key": key}
            for source, target, key, data in graph.edges(keys=True, data=True)
        ],
    }


# Characters XML 1.0 cannot carry at all, not even as character references.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def _xml_value(value: Any) -> Any:
    return _xml_text(value) if isinstance(value, str) else value


def to_graphml(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as a GraphML document (text), every attribute typed.

    The graph-level ``lineages`` (see the module docstring) is a JSON string, as
    GraphML data are scalars. Characters that XML 1.0 cannot carry at all (control
    characters other than tab, line feed and carriage return, lone surrogates,
    U+FFFE, U+FFFF) become U+FFFD; a carriage return is written as ``&#13;`` so that
    XML parsers keep it. ``nx.parse_graphml(text, force_multigraph=True)`` reads it
    back into an equal graph.

    Raises:
        ValueError: two node keys differ only in characters XML cannot carry.
    """
    plain: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for name, value in _graph_attributes(graph).items():
        plain.graph[name] = _xml_text(orjson.dumps(value).decode()) if name == "lineages" else _xml_value(value)
    ids: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        ids[node] = _xml_text(node)
        if ids[node] in plain:
            raise ValueError(f"node keys {node!r} and another one are the same in XML")
        plain.add_node(ids[node], **{k: _xml_value(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        plain.add_edge(ids[source], ids[target], key=key, **{k: _xml_value(v) for k, v in data.items()})
    buffer = io.BytesIO()
    nx.write_graphml_xml(plain, buffer, encoding="utf-8")  # not generate_graphml: it splits lines on "\r"
    # ElementTree escapes a carriage return in attributes, not in text, where XML parsers would turn it
    # into a line feed; the writer emits none of its own, so every one left is in a value.
    return buffer.getvalue().decode("utf-8").replace("\r", "&#13;") + "\n"


# The drawings


def _rounds(graph: nx.MultiDiGraph[str]) -> list[tuple[str, list[str]]]:
    """The graph's nodes grouped by inspection, rounds in date order, problems in graph order."""
    rounds: dict[str, list[str]] = {}
    for node, inspection in graph.nodes(data="inspection", default=None):
        rounds.setdefault(str(node if inspection is None else inspection), []).append(node)

    def order(item: tuple[str, list[str]]) -> tuple[str, str]:
        dates = [graph.nodes[n].get("date") for n in item[1] if not graph.nodes[n].get("missing")]
        return (next((d for d in dates if d), ""), item[0])

    return sorted(rounds.items(), key=order)


def _round_label(graph: nx.MultiDiGraph[str], inspection: str, nodes: list[str]) -> str:
    """``inspection · round · kind · date``, as far as known; a round only linked to is ``not loaded``."""
    found = [graph.nodes[n] for n in nodes if not graph.nodes[n].get("missing")]
    if not found:
        return f"{inspection} · not loaded"
    first = found[0]
    parts = [inspection, *(str(first[k]) for k in ("round", "kind", "date") if first.get(k) is not None)]
    return " · ".join(parts)


def _node_label(node: str, data: Mapping[str, Any]) -> str:
    """``problem: title [status]``; without ``: title`` for a link target no ledger holds."""
    label = str(data.get("problem", node))
    if "title" in data:
        label += f": {data['title']}"
    status = "missing" if data.get("missing") else data.get("status")
    if status is not None:
        label += f" [{status}]"
    return label


def _is_open(data: Mapping[str, Any]) -> bool:
    return not data.get("missing") and data.get("status") not in _DONE


def _escaper(escape: Callable[[str], str | None]) -> Callable[[str], str]:
    """A text escaper from a per-character one (``None``: the character as is)."""

    @cache
    def char(c: str) -> str:
        escaped = escape(c)
        return c if escaped is None else escaped

    def text(s: str) -> str:
        return "".join(char(c) for c in s)

    return text


# Characters a label may not show raw, whatever the renderer: controls, invisible format characters
# (bidirectional overrides among them), line and paragraph separators, lone surrogates.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})

# ``"`` ends a label; ``#…;`` is an entity; ``&``, ``<``, ``>`` are HTML; a leading backtick makes a
# Markdown string; ``%%`` starts a comment or directive; ``$$`` starts KaTeX; ``:`` and ``;`` with ``#``
# trigger Mermaid's style and classDef rewriting; ``|`` delimits edge labels.
_MERMAID_SPECIAL = frozenset('"#&<>`%$:;|')


def _mermaid_char(c: str) -> str | None:
    if c == "\n":
        return "<br>"
    if c == '"':
        return "#quot;"
    if c in _MERMAID_SPECIAL or unicodedata.category(c) in _INVISIBLE:
        return f"#{ord(c)};"
    return None


_mermaid_text = _escaper(_mermaid_char)


def _mermaid_string(text: str) -> str:
    """A Mermaid quoted label: ``"…"`` with entity codes (``#quot;``, ``#35;``) and ``<br>`` for line breaks."""
    return f'"{_mermaid_text(text)}"'


def to_mermaid(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as a Mermaid ``flowchart RL``, to put in a Markdown code block fenced as ``mermaid``.

    One subgraph per round (``inspection · round · kind · date``), earliest on the
    left; a node per problem (ids ``n0``, ``n1``, …) labelled ``problem: title
    [status]``; an arrow per link, from the later problem to the earlier one, labelled
    with the link's kind. Problems not recorded as rectified are in class ``open``
    (a thick border), link targets no ledger holds in class ``missing`` (dashed).

    Every label is quoted and escaped: ``"`` as ``#quot;``, a line break as ``<br>``,
    and ``# & < > ` % $ : ; |``, control and invisible format characters as decimal
    entity codes (``#35;``), so that any text renders as itself.
    """
    rounds = _rounds(graph)
    ids = {node: f"n{k}" for k, node in enumerate(n for _, nodes in rounds for n in nodes)}
    out = [
        "flowchart RL",
        "  classDef open stroke-width:3px",
        "  classDef missing stroke-dasharray:5 5",
    ]
    for k, (inspection, nodes) in enumerate(rounds):
        out.append(f"  subgraph r{k}[{_mermaid_string(_round_label(graph, inspection, nodes))}]")
        out.extend(f"    {ids[n]}[{_mermaid_string(_node_label(n, graph.nodes[n]))}]" for n in nodes)
        out.append("  end")
    for source, target, data in graph.edges(data=True):
        kind = str(data.get("kind", ""))
        label = f"|{_mermaid_string(kind)}|" if kind else ""
        out.append(f"  {ids[source]} -->{label} {ids[target]}")
    for name, test in (("open", _is_open), ("missing", lambda d: bool(d.get("missing")))):
        members = [ids[n] for n in ids if test(graph.nodes[n])]
        if members:
            out.append(f"  class {','.join(members)} {name}")
    return "\n".join(out) + "\n"


# In a DOT string ``\"`` is a quote and ``\\`` a backslash pair; in a label ``\\``, ``\n`` and ``\r`` are
# escString sequences and HTML entities are decoded, so ``&`` is written ``&amp;``.
_DOT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "&": "&amp;"}


def _dot_char(c: str) -> str | None:
    if c in _DOT_ESCAPES:
        return _DOT_ESCAPES[c]
    if unicodedata.category(c) in _INVISIBLE:
        return f"&#{ord(c)};"
    return None


_dot_text = _escaper(_dot_char)


def _dot_string(text: str) -> str:
    """A DOT double-quoted string: ``\\`` and ``"`` escaped, line breaks as ``\\n``, ``&`` as ``&amp;``."""
    return f'"{_dot_text(text)}"'


def _dot_attributes(attributes: Iterable[tuple[str, str]]) -> str:
    return "[" + ", ".join(f"{name}={_dot_string(value)}" for name, value in attributes) + "]"


def to_dot(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as Graphviz DOT (``dot -Tsvg``), written without pydot or pygraphviz.

    ``digraph rectmodel``, laid out right to left so that earlier rounds come first;
    a cluster per round labelled ``inspection · round · kind · date``; a node per
    problem, its ID the node key, labelled ``problem: title [status]`` (thick if
    not recorded as rectified, dashed for a link target no ledger holds); an edge
    per link from the later problem to the earlier one, labelled with its kind and
    carrying its note as a tooltip.

    Every ID and attribute value is a double-quoted string: ``\\`` doubled, ``"``
    escaped, a line break as ``\\n`` (a carriage return as ``\\r``), ``&`` as
    ``&amp;`` and control characters as ``&#N;``, so the output is valid whatever
    the text.
    """
    out = [
        "digraph rectmodel {",
        '  graph [rankdir="RL", fontname="sans-serif"];',
        '  node [shape="box", fontname="sans-serif"];',
        '  edge [fontname="sans-serif"];',
    ]
    for k, (inspection, nodes) in enumerate(_rounds(graph)):
        out.append(f'  subgraph "cluster_{k}" {{')
        out.append(f"    graph {_dot_attributes([('label', _round_label(graph, inspection, nodes))])};")
        for node in nodes:
            data = graph.nodes[node]
            attributes = [("label", _node_label(node, data))]
            if data.get("missing"):
                attributes.append(("style", "dashed"))
            elif _is_open(data):
                attributes.append(("penwidth", "2"))
            out.append(f"    {_dot_string(node)} {_dot_attributes(attributes)};")
        out.append("  }")
    for source, target, data in graph.edges(data=True):
        attributes = [("label", str(data.get("kind", ""))), ("kind", str(data.get("kind", "")))]
        if data.get("note") is not None:
            attributes.append(("tooltip", str(data["note"])))
        out.append(f"  {_dot_string(source)} -> {_dot_string(target)} {_dot_attributes(attributes)};")
    out.append("}")
    return "\n".join(out) + "\n"
