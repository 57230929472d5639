"""Graph exports: GraphML and node-link read back equal; Mermaid and DOT stay valid whatever the text; the CLI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectmodel import Inspection, InspectionKind, Ledger, Link, LinkKind, Problem, load
from rectmodel.cli import main
from rectmodel.graph import build_graph, to_dot, to_graphml, to_mermaid, to_node_link
from rectmodel.strategies import ledgers

from support import ROOT

EXAMPLE = ROOT / "examples" / "synthetic-multi-round.json"
Graph = nx.MultiDiGraph  # the type of what build_graph returns and the readers give back


def _example() -> Ledger:
    return load(EXAMPLE)


def _without_first_round(ledger: Ledger) -> Ledger:
    """The example without its 2020 round: the links to it end at ``missing`` nodes."""
    return attrs.evolve(ledger, inspections=ledger.inspections[1:])


# What every drawing shows, computed here independently of the exporters


def _label(data: dict[str, Any], node: str) -> str:
    label = str(data.get("problem", node))
    if "title" in data:
        label += f": {data['title']}"
    status = "missing" if data.get("missing") else data.get("status")
    return label + (f" [{status}]" if status is not None else "")


def _round_label(graph: Graph, inspection: str) -> str:
    found = [a for _, a in graph.nodes(data=True) if a.get("inspection") == inspection and not a.get("missing")]
    if not found:
        return f"{inspection} · not loaded"
    return " · ".join([inspection, *(str(found[0][k]) for k in ("round", "kind", "date") if k in found[0])])


def _expected_drawing(graph: Graph) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str, str]]]:
    """(round label, node label) per node, and (source label, target label, kind) per edge."""
    nodes = Counter((_round_label(graph, a["inspection"]), _label(a, n)) for n, a in graph.nodes(data=True))
    edges = Counter(
        (_label(graph.nodes[u], u), _label(graph.nodes[v], v), str(d["kind"])) for u, v, d in graph.edges(data=True)
    )
    return nodes, edges


# (a) the data exports read back into the same graph


def _xml_char(c: str) -> bool:
    """XML 1.0's Char production."""
    n = ord(c)
    return c in "\t\n\r" or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or 0x10000 <= n <= 0x10FFFF


def _xml_safe(value: Any) -> Any:
    return "".join(c if _xml_char(c) else "\ufffd" for c in value) if isinstance(value, str) else value


def _as_graphml_keeps_it(graph: Graph) -> Graph:
    """The graph as GraphML can hold it: characters XML cannot carry replaced."""
    safe: Graph = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        safe.add_node(_xml_safe(node), **{k: _xml_safe(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        safe.add_edge(_xml_safe(u), _xml_safe(v), **{k: _xml_safe(x) for k, x in data.items()})
    return safe


def _edge_data(edges: dict[Any, dict[str, Any]]) -> list[list[tuple[str, Any]]]:
    """The attribute dicts of parallel edges, without their keys (GraphML may renumber them)."""
    return sorted(sorted(d.items()) for d in edges.values())


def _assert_same_graph(expected: Graph, loaded: Graph) -> None:
    assert loaded.is_directed()
    assert loaded.is_multigraph()
    assert nx.is_isomorphic(
        expected, loaded, node_match=lambda a, b: a == b, edge_match=lambda a, b: _edge_data(a) == _edge_data(b)
    )
    assert dict(loaded.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted((u, v, sorted(d.items())) for u, v, d in loaded.edges(data=True)) == sorted(
        (u, v, sorted(d.items())) for u, v, d in expected.edges(data=True)
    )


def _lineages(graph: Graph) -> dict[str, list[str]]:
    units = graph.graph["units"]
    return {
        name: list(units.members(name))
        for name in sorted({a["lineage"] for _, a in graph.nodes(data=True) if "lineage" in a})
    }


def _check_graphml(graph: Graph) -> None:
    loaded = nx.parse_graphml(to_graphml(graph), force_multigraph=True)
    _assert_same_graph(_as_graphml_keeps_it(graph), loaded)
    assert json.loads(loaded.graph["lineages"]) == _lineages(graph)


def _check_node_link(graph: Graph) -> None:
    data = orjson.loads(orjson.dumps(to_node_link(graph)))  # JSON-serialisable, and survives the trip
    loaded = nx.node_link_graph(data, edges="edges")
    _assert_same_graph(graph, loaded)
    assert loaded.graph == {"lineages": _lineages(graph)}


@pytest.mark.parametrize("check", [_check_graphml, _check_node_link])
@pytest.mark.parametrize("ledger", [_example, lambda: _without_first_round(_example())], ids=["example", "missing"])
def test_exports_read_back_the_example(check: Callable[[Graph], None], ledger: Callable[[], Ledger]) -> None:
    graph = build_graph(ledger())
    check(graph)


def test_the_example_exports_keep_lineages_and_missing_nodes() -> None:
    graph = build_graph(_without_first_round(_example()))
    data = to_node_link(graph)
    assert data["graph"] == {"lineages": {"xugou-sjj": ["xugou-sjj", "xugou-xxzx"]}}
    missing = [n["id"] for n in data["nodes"] if n.get("missing")]
    assert missing == ["xugou-sjj-2020/P1", "xugou-sjj-2020/P2", "xugou-sjj-2020/P4", "xugou-sjj-2020/P3"]
    loaded = nx.parse_graphml(to_graphml(graph), force_multigraph=True)
    assert loaded.nodes["xugou-sjj-2020/P1"] == {"inspection": "xugou-sjj-2020", "problem": "P1", "missing": True}


@given(ledgers(texts="any"))
def test_graphml_reads_back_any_ledger(ledger: Ledger) -> None:
    _check_graphml(build_graph(ledger))


@given(ledgers(texts="any"), ledgers(texts="any", max_units=1))
def test_node_link_reads_back_any_ledgers(first: Ledger, second: Ledger) -> None:
    _check_node_link(build_graph(first, second))


def test_graphml_keeps_carriage_returns_and_empty_titles_and_replaces_what_xml_cannot_hold() -> None:
    graph = build_graph(_titled(_example(), ["a\r\nb\rc", "", " ", "\x00\x1b\ufffe", "\t<&>\"'"], "第一行\n第二行"))
    loaded = nx.parse_graphml(to_graphml(graph), force_multigraph=True)
    titles = [loaded.nodes[n]["title"] for n in list(loaded)[:5]]
    assert titles == ["a\r\nb\rc", "", " ", "\ufffd\ufffd\ufffd", "\t<&>\"'"]


def test_graphml_refuses_node_keys_that_xml_would_merge() -> None:
    graph: Graph = nx.MultiDiGraph()
    graph.add_nodes_from(["a\x00/P1", "a\x01/P1"])
    with pytest.raises(ValueError, match="same in XML"):
        to_graphml(graph)


# (b) the drawings stay valid whatever the text


class Invalid(AssertionError):
    """The output does not follow the grammar the exporter emits."""


_INVISIBLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def _visible(c: str) -> bool:
    return unicodedata.category(c) not in _INVISIBLE


# DOT: every line a statement; strings tokenised honouring their escapes


def _dot_tokens(line: str) -> list[tuple[str, str]]:
    """``("str", decoded)``, ``("id", word)`` or ``("op", symbol)`` tokens of one line."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(line):
        c = line[i]
        if c == " ":
            i += 1
        elif c == '"':
            i, text = _dot_string(line, i + 1)
            tokens.append(("str", text))
        elif line.startswith("->", i):
            tokens.append(("op", "->"))
            i += 2
        elif c in "[]{}=,;":
            tokens.append(("op", c))
            i += 1
        elif m := re.compile(r"[A-Za-z_][A-Za-z_0-9]*").match(line, i):
            tokens.append(("id", m.group()))
            i = m.end()
        else:
            raise Invalid(f"unexpected {c!r} at {i} in {line!r}")
    return tokens


def _dot_string(line: str, i: int) -> tuple[int, str]:
    """Decode the string whose body starts at *i*; return the index after its closing quote and the text."""
    out = []
    while True:
        if i >= len(line):
            raise Invalid(f"unterminated string in {line!r}")
        c = line[i]
        if c == '"':
            return i + 1, "".join(out)
        if c == "\\":
            escaped = line[i + 1 : i + 2]
            if escaped not in ("\\", '"', "n", "r"):
                raise Invalid(f"unknown escape \\{escaped} in {line!r}")
            out.append({"\\": "\\", '"': '"', "n": "\n", "r": "\r"}[escaped])
            i += 2
        elif c == "&":
            m = re.compile(r"&(?:amp|#(\d+));").match(line, i)
            if not m:
                raise Invalid(f"raw & in {line!r}")
            out.append(chr(int(m[1])) if m[1] else "&")
            i = m.end()
        elif not _visible(c):
            raise Invalid(f"raw {c!r} in a string")
        else:
            out.append(c)
            i += 1


def _dot_attributes(tokens: list[tuple[str, str]]) -> dict[str, str]:
    """``[name="value", …]`` followed by ``;`` and nothing else."""
    if tokens[:1] != [("op", "[")] or tokens[-2:] != [("op", "]"), ("op", ";")]:
        raise Invalid(f"not an attribute list: {tokens}")
    body, attributes = tokens[1:-2], {}
    for k in range(0, len(body), 4):
        name, eq, value = body[k : k + 3]
        if name[0] != "id" or eq != ("op", "=") or value[0] != "str" or name[1] in attributes:
            raise Invalid(f"bad attribute in {tokens}")
        if k + 3 < len(body) and body[k + 3] != ("op", ","):
            raise Invalid(f"attributes not separated by commas: {tokens}")
        attributes[name[1]] = value[1]
    if len(body) % 4 != 3:
        raise Invalid(f"bad attribute list {tokens}")
    return attributes


def parse_dot(text: str) -> tuple[dict[str, tuple[str, dict[str, str]]], list[tuple[str, str, dict[str, str]]]]:
    """Validate *text* as the DOT ``to_dot`` writes; return node → (cluster label, attributes) and the edges."""
    if "\r" in text or not text.endswith("}\n"):
        raise Invalid("carriage return, or no closing brace and newline")
    lines = text[:-1].split("\n")
    if lines[0] != "digraph rectmodel {" or lines[-1] != "}":
        raise Invalid("not a digraph rectmodel { … }")
    nodes: dict[str, tuple[str, dict[str, str]]] = {}
    edges: list[tuple[str, str, dict[str, str]]] = []
    cluster: str | None = None  # the label of the cluster we are in; "" until its graph [label=…]
    for line in lines[1:-1]:
        tokens = _dot_tokens(line)
        kinds = [t[0] for t in tokens]
        if tokens[:1] == [("id", "subgraph")] and kinds == ["id", "str", "op"] and tokens[2] == ("op", "{"):
            if cluster is not None or not re.fullmatch(r"cluster_\d+", tokens[1][1]):
                raise Invalid(f"bad or nested cluster: {line!r}")
            cluster = ""
        elif tokens == [("op", "}")]:
            if cluster is None:
                raise Invalid("unbalanced }")
            cluster = None
        elif tokens[:1] in ([("id", "graph")], [("id", "node")], [("id", "edge")]):
            attributes = _dot_attributes(tokens[1:])
            if cluster == "" and tokens[0][1] == "graph":
                cluster = attributes["label"]
        elif kinds[:1] == ["str"] and tokens[1:2] == [("op", "->")] and kinds[2:3] == ["str"]:
            if cluster is not None:
                raise Invalid("edge inside a cluster")
            edges.append((tokens[0][1], tokens[2][1], _dot_attributes(tokens[3:])))
        elif kinds[:1] == ["str"]:
            if not cluster or tokens[0][1] in nodes:
                raise Invalid(f"node outside a labelled cluster, or twice: {line!r}")
            nodes[tokens[0][1]] = (cluster, _dot_attributes(tokens[1:]))
        else:
            raise Invalid(f"not a statement: {line!r}")
    if cluster is not None:
        raise Invalid("unclosed cluster")
    return nodes, edges


def _check_dot(graph: Graph) -> None:
    nodes, edges = parse_dot(to_dot(graph))
    assert set(nodes) == set(graph)
    for node, (cluster, attributes) in nodes.items():
        data = graph.nodes[node]
        assert attributes["label"] == _label(data, node)
        assert cluster == _round_label(graph, data["inspection"])
    assert Counter((u, v, a["label"], a.get("tooltip")) for u, v, a in edges) == Counter(
        (u, v, d["kind"], d.get("note")) for u, v, d in graph.edges(data=True)
    )


# Mermaid: every line one of the forms to_mermaid writes


_LABEL = r'"((?:[^"#&<>`%$:;|\n\r]|#quot;|#\d+;|<br>)*)"'
_MERMAID_LINES = [
    ("head", re.compile(r"flowchart RL")),
    ("fixed", re.compile(r"  classDef open stroke-width:3px|  classDef missing stroke-dasharray:5 5")),
    ("subgraph", re.compile(rf"  subgraph (r\d+)\[{_LABEL}\]")),
    ("node", re.compile(rf"    (n\d+)\[{_LABEL}\]")),
    ("end", re.compile(r"  end")),
    ("edge", re.compile(rf"  (n\d+) -->(?:\|{_LABEL}\|)? (n\d+)")),
    ("class", re.compile(r"  class (n\d+(?:,n\d+)*) (open|missing)")),
]


def _mermaid_decode(label: str) -> str:
    if not all(map(_visible, label)):
        raise Invalid(f"raw invisible character in {label!r}")
    return re.sub(
        r"#quot;|#(\d+);|<br>", lambda m: '"' if m[0] == "#quot;" else "\n" if m[0] == "<br>" else chr(int(m[1])), label
    )


def parse_mermaid(text: str) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, str | None]]]:
    """Validate *text* as the Mermaid ``to_mermaid`` writes; return node id → (subgraph label, label) and the edges."""
    if not text.endswith("\n") or "\r" in text:
        raise Invalid("no final newline, or a carriage return")
    lines = text[:-1].split("\n")
    nodes: dict[str, tuple[str, str]] = {}
    edges: list[tuple[str, str, str | None]] = []
    subgraph: str | None = None
    for k, line in enumerate(lines):
        # Mermaid rewrites these before parsing (dropping the ``;``), and reads %% as comments or directives.
        if re.search(r"style.*:\S*#.*;|classDef.*:\S*#.*;", line) or "%%" in line:
            raise Invalid(f"Mermaid would rewrite {line!r}")
        kind, m = next(((kind, m) for kind, p in _MERMAID_LINES if (m := p.fullmatch(line))), ("", None))
        if m is None or (kind == "head") != (k == 0):
            raise Invalid(f"not a line of the grammar: {line!r}")
        if kind == "subgraph":
            if subgraph is not None:
                raise Invalid("nested subgraph")
            subgraph = _mermaid_decode(m[2])
        elif kind == "end":
            if subgraph is None:
                raise Invalid("end without subgraph")
            subgraph = None
        elif kind == "node":
            if subgraph is None or m[1] in nodes:
                raise Invalid(f"node outside a subgraph, or twice: {line!r}")
            nodes[m[1]] = (subgraph, _mermaid_decode(m[2]))
        elif kind in ("edge", "class"):
            if subgraph is not None:
                raise Invalid("edge or class inside a subgraph")
            if kind == "edge":
                edges.append((m[1], m[3], None if m[2] is None else _mermaid_decode(m[2])))
            if kind == "class" and not set(m[1].split(",")) <= set(nodes):
                raise Invalid(f"class of undeclared nodes: {line!r}")
    if subgraph is not None:
        raise Invalid("unclosed subgraph")
    if any(u not in nodes or v not in nodes for u, v, _ in edges):
        raise Invalid("edge to an undeclared node")
    return nodes, edges


def _check_mermaid(graph: Graph) -> None:
    nodes, edges = parse_mermaid(to_mermaid(graph))
    expected_nodes, expected_edges = _expected_drawing(graph)
    assert Counter(nodes.values()) == expected_nodes
    assert Counter((nodes[u][1], nodes[v][1], kind) for u, v, kind in edges) == expected_edges


def _check_drawings(graph: Graph) -> None:
    _check_dot(graph)
    _check_mermaid(graph)


def _titled(ledger: Ledger, titles: list[str], text: str) -> Ledger:
    """*ledger* with every problem titled from *titles*, and *text* as every round label and link note."""
    titles = titles or [text]
    k = iter(range(10_000))
    inspections = tuple(
        attrs.evolve(
            inspection,
            round=text,
            problems=tuple(
                attrs.evolve(
                    p,
                    title=titles[next(k) % len(titles)],
                    links=tuple(attrs.evolve(link, note=text) for link in p.links),
                )
                for p in inspection.problems
            ),
        )
        for inspection in ledger.inspections
    )
    return attrs.evolve(ledger, inspections=inspections)


@pytest.mark.parametrize("ledger", [_example, lambda: _without_first_round(_example())], ids=["example", "missing"])
def test_drawings_of_the_example_are_valid(ledger: Callable[[], Ledger]) -> None:
    _check_drawings(build_graph(ledger()))


@given(ledgers(texts="any"))
def test_drawings_stay_valid_whatever_the_ledger_says(ledger: Ledger) -> None:
    _check_drawings(build_graph(ledger))


@given(st.lists(st.text()), st.text())
def test_drawings_stay_valid_whatever_the_titles(titles: list[str], text: str) -> None:
    _check_drawings(build_graph(_titled(_example(), titles, text)))


@given(ledgers(), st.lists(st.text(), min_size=1), st.text())
def test_drawings_of_drawn_ledgers_stay_valid_whatever_the_titles(ledger: Ledger, titles: list[str], text: str) -> None:
    _check_drawings(build_graph(_titled(ledger, titles, text)))


@st.composite
def _arbitrary_ids(draw: st.DrawFn) -> Ledger:
    """Two rounds whose ids, problem ids and link targets are any text; one link to a problem no round holds."""
    first, second = draw(st.lists(st.text(), min_size=2, max_size=2, unique=True))
    ids = draw(st.lists(st.text(), min_size=1, max_size=3, unique=True))
    earlier = Inspection(first, InspectionKind.REGULAR, "组", "党组", problems=tuple(Problem(i, i) for i in ids))
    links = (Link(LinkKind.RECURRENCE, first, ids[0]), Link(LinkKind.RELATED, draw(st.text()), draw(st.text())))
    later = Inspection(second, InspectionKind.LOOK_BACK, "组", "党组", problems=(Problem(ids[0], "再次", links=links),))
    return Ledger((earlier, later))


@given(_arbitrary_ids())
def test_drawings_stay_valid_whatever_the_ids(ledger: Ledger) -> None:
    _check_drawings(build_graph(ledger))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('"三重一大"', "#quot;三重一大#quot;"),
        ("第一行\n第二行", "第一行<br>第二行"),
        (
            "C#1; 100% <b>&</b> `x` $$y$$ a:b;c |d|",
            "C#35;1#59; 100#37; #60;b#62;#38;#60;/b#62; #96;x#96; #36;#36;y#36;#36;",
        ),
        ("「括号」“引号”[方括号]{}()", "「括号」“引号”[方括号]{}()"),
        ("%%{init: {}}%%", "#37;#37;{init#58; {}}#37;#37;"),
    ],
)
def test_mermaid_escapes_what_mermaid_would_read(text: str, fragment: str) -> None:
    assert fragment in to_mermaid(build_graph(_titled(_example(), [text], "r")))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('say "x"', 'say \\"x\\"'),
        ("a\\", "a\\\\ [completed]"),
        ("第一行\n第二行\r", "第一行\\n第二行\\r"),
        ("&amp; \x00", "&amp;amp; &#0;"),
    ],
)
def test_dot_escapes_quotes_backslashes_newlines_and_entities(text: str, fragment: str) -> None:
    assert fragment in to_dot(build_graph(_titled(_example(), [text], "r")))


def test_the_validators_reject_what_would_break() -> None:
    """The parsers above are not vacuous: each refuses a broken line."""
    good_dot = to_dot(build_graph(_example()))
    for broken in ('[label="a"b"]', '[label="a\nb"]', '[label="a\\"]', '[label="a&b"]', '[label="x" kind="y"]'):
        with pytest.raises(Invalid):
            parse_dot(good_dot.replace('[label="P1: “三重一大”事项未经集体决策 [completed]"]', broken, 1))
    good = to_mermaid(build_graph(_example()))
    for broken in ('"a"b"', '"a\nb"', '"a#b"', '"%%{init}%%"', '"`a`"', '"style:a#35;"', '"a<b"'):
        with pytest.raises(Invalid):
            parse_mermaid(good.replace('"P1#58; “三重一大”事项未经集体决策 [completed]"', broken, 1))


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@settings(max_examples=25)
@given(st.lists(st.text(), min_size=1), st.text(), _arbitrary_ids())
def test_graphviz_reads_the_dot_and_its_node_names(titles: list[str], text: str, ids: Ledger) -> None:
    """Where Graphviz is installed: it parses the output, and its node names are the strings as tokenised above."""
    graph = build_graph(_titled(_example(), titles, text), ids)
    dot = to_dot(graph)
    done = subprocess.run(["dot", "-Tjson0"], input=dot.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    names = {o["name"] for o in orjson.loads(done.stdout)["objects"] if "nodes" not in o}
    # Graphviz keeps ``\\`` as two characters in an ID and turns ``\"`` into ``"``: our bodies, lexed.
    bodies = {s[1:-1] for s in re.findall(r'^ {4}("(?:[^"\\]|\\.)*")', dot, flags=re.MULTILINE)}
    assert names == {re.sub(r"\\(.)", lambda m: '"' if m[1] == '"' else m[0], b) for b in bodies}


# (c) the command line


@pytest.mark.parametrize("fmt", ["json", "graphml", "mermaid", "dot"])
def test_cli_graph_writes_each_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(EXAMPLE), "--format", fmt]) == 0
    out = capsys.readouterr().out
    graph = build_graph(_example())
    if fmt == "json":
        _assert_same_graph(graph, nx.node_link_graph(json.loads(out), edges="edges"))
    elif fmt == "graphml":
        _assert_same_graph(graph, nx.parse_graphml(out, force_multigraph=True))
    elif fmt == "mermaid":
        assert out == to_mermaid(graph)
        parse_mermaid(out)
    else:
        assert out == to_dot(graph)
        parse_dot(out)


def test_cli_graph_writes_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "graph.mmd"
    assert main(["graph", str(EXAMPLE), "--format", "mermaid", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == to_mermaid(build_graph(_example()))


def test_cli_graph_joins_files_and_resolves_links_across_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    first = tmp_path / "2020.json"
    first.write_text(json.dumps({"inspections": document["inspections"][:1]}, ensure_ascii=False), encoding="utf-8")
    rest = tmp_path / "later.json"
    rest.write_text(json.dumps({**document, "inspections": document["inspections"][1:]}), encoding="utf-8")
    assert main(["graph", str(rest), str(first)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["nodes"]) == 15
    assert len(data["edges"]) == 6
    assert not any(n.get("missing") for n in data["nodes"])


def test_cli_graph_reports_every_bad_file_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["graph", str(bad), str(EXAMPLE), str(tmp_path / "none.json"), "--format", "dot"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bad}:" in captured.err
    assert "error load: not JSON" in captured.err
    assert f"{tmp_path / 'none.json'}: error load: cannot be read" in captured.err


def test_cli_history_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "xugou-xxzx", str(EXAMPLE)]) == 0  # the old name finds the lineage
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "xugou-sjj (names: xugou-sjj, xugou-xxzx)",
        "15 problems in 3 rounds: 5 recurring, 3 carried over, 3 open",
    ]
    assert "  2024-09-02  lookback  xugou-sjj-2024-hkt  4 problems, 2 recurring, 2 open" in out
    for heading in ("Rounds", "Recurring (found in two or more rounds)", "Carried over (found again by a later round)"):
        assert heading in out
    assert out.count("  2 rounds:") == 5
    assert "    2023-04-03  xugou-sjj-2023 P1  “三重一大”事项仍有未经集体决策 [completed]" in out
    carried = "  2020-03-02  xugou-sjj-2020 P2  党组会议记录不完整 [completed]  ← recorded done but found again"
    assert carried in out
    assert out[out.index("Open (not recorded as rectified)") + 1 :] == [
        "  2023-04-03  xugou-sjj-2023 P5  专项资金结余未及时清理 [in progress]",
        "  2024-09-02  xugou-sjj-2024-hkt P3  “第一议题”学习仍有照本宣科 [in progress]",
        "  2024-09-02  xugou-sjj-2024-hkt P4  合同管理不规范",
    ]


def test_cli_history_text_in_chinese_names_earlier_unit_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["inspections"][0]["unit"] = "xugou-xxzx"  # the 2020 round under the unit's earlier name
    path = tmp_path / "renamed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["history", "xugou-sjj", str(path), "--lang", "zh"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "xugou-sjj (名称: xugou-sjj、xugou-xxzx)",
        "3 轮巡察共 15 个问题:反复出现 5 个,延续 3 个,未整改完成 3 个",
    ]
    assert "  2020-03-02  常规巡察  xugou-sjj-2020      5 个问题,反复出现 0 个,未整改完成 0 个 (时称 xugou-xxzx)" in out
    assert "  2024-09-02  回头看    xugou-sjj-2024-hkt  4 个问题,反复出现 2 个,未整改完成 2 个" in out
    for heading in ("巡察轮次", "反复出现的问题(两轮及以上发现)", "延续问题(后续轮次再次发现)", "未整改完成的问题"):
        assert heading in out
    assert any(line.endswith("← 已记录整改完成但再次发现") for line in out)
    assert "  2023-04-03  xugou-sjj-2023 P5  专项资金结余未及时清理 [正在整改]" in out


def test_cli_history_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "xugou-sjj", str(EXAMPLE), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["unit"] == "xugou-sjj"
    assert record["names"] == ["xugou-sjj", "xugou-xxzx"]
    assert [(r["inspection"], r["kind"], r["problems"], r["recurring"], r["open"]) for r in record["rounds"]] == [
        ("xugou-sjj-2020", "regular", 5, 0, 0),
        ("xugou-sjj-2023", "regular", 6, 3, 1),
        ("xugou-sjj-2024-hkt", "lookback", 4, 2, 2),
    ]
    assert record["problems"] == 15
    assert record["recurring"] == len(record["chains"]) == 5
    assert [(c["problem"]["problem"], c["recorded_done"]) for c in record["carried_over"]] == [
        ("P1", True),
        ("P2", True),
        ("P4", True),
    ]
    assert record["carried_over"][0]["found_again"][0] == {
        "inspection": "xugou-sjj-2023",
        "problem": "P1",
        "title": "“三重一大”事项仍有未经集体决策",
        "unit": "xugou-sjj",
        "date": "2023-04-03",
        "status": "completed",
    }
    assert [p["problem"] for p in record["open"]] == ["P5", "P3", "P4"]
    assert record["chains"][0]["rounds"] == 2
    assert len(record["chains"][0]["problems"]) == 2


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "rectmodel: no round of unit 'nowhere' in "),
        ("zh", f"rectmodel: {EXAMPLE} 中没有单位 nowhere 的巡察轮次"),
    ],
)
def test_cli_history_of_an_unknown_unit_exits_2(lang: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "nowhere", str(EXAMPLE), "--lang", lang]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(message)
    assert "nowhere" in captured.err


def test_cli_history_of_a_bad_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["history", "xugou-sjj", str(bad), str(EXAMPLE)]) == 2
    assert f"{bad}:1:1: error load: expected an object" in capsys.readouterr().err
