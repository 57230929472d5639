"""Time the graph across rounds: build, link rules and queries, next to plain networkx.

A seeded ledger of units inspected in several rounds, with 100,000 problems and
50,000 links by default (later rounds link problems to earlier rounds of their
unit; some units are renamed with a declared succession). Prints best-of-N seconds:

- ``networkx add_edges_from``: the floor — a bare MultiDiGraph from (node, node)
  pairs, no attributes, no model traversal;
- ``build_graph``: rectmodel's graph with every node and edge attribute;
- the three link rules and ``dangling-reference`` (``validate`` with only them);
- ``recurring(k=2)``, ``carried_over``, and ``unit_history`` of one unit.

Usage::

    python benchmarks/bench_graph.py
    python benchmarks/bench_graph.py --problems 20000 --links 10000 --repeat 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Sequence

import networkx as nx

import rectmodel
from bench_load import time_it
from rectmodel import Inspection, InspectionKind, Ledger, Link, LinkKind, PartialDate, Problem, State, Status
from rectmodel.graph import build_graph, carried_over, node_key, recurring, unit_history

PROBLEMS_PER_ROUND = 20
ROUNDS = 5
_TITLES = (
    "公务用车管理不规范",
    "“三重一大”决策制度落实不到位",
    "违规发放津补贴",
    "党组织生活不严肃",
    "专项资金使用效益不高",
)


def make_ledger(problems: int, links: int, seed: int = 20240601) -> Ledger:
    """Units of ROUNDS rounds of PROBLEMS_PER_ROUND problems; *links* links from later rounds to earlier ones."""
    rnd = random.Random(seed)
    units = max(1, problems // (PROBLEMS_PER_ROUND * ROUNDS))
    later_problems = units * (ROUNDS - 1) * PROBLEMS_PER_ROUND
    share = min(1.0, links / later_problems)
    inspections = []
    successions = []
    states = (State.COMPLETED, State.CLOSED, State.IN_PROGRESS, State.NOT_STARTED)
    for u in range(units):
        base = dt.date(2012, 1, 1) + dt.timedelta(days=rnd.randrange(600))
        rounds: list[Inspection] = []
        for r in range(ROUNDS):
            unit = f"unit-{u}" if r < 3 or u % 10 else f"unit-{u}-new"
            if r == 3 and u % 10 == 0:
                successions.append(rectmodel.Succession(f"unit-{u}", f"unit-{u}-new"))
            day = base + dt.timedelta(days=r * 700)
            items = []
            for p in range(PROBLEMS_PER_ROUND):
                found = ()
                if rounds and rnd.random() < share:
                    earlier = rnd.choice(rounds)
                    kind = rnd.choice((LinkKind.RECURRENCE, LinkKind.INCOMPLETE_RECTIFICATION, LinkKind.RELATED))
                    found = (Link(kind, earlier.id, rnd.choice(earlier.problems).id),)
                title = rnd.choice(_TITLES) + f"({u}-{r}-{p})"
                items.append(Problem(f"P{p + 1}", title, history=(Status(rnd.choice(states)),), links=found))
            inspection = Inspection(
                f"u{u}-r{r + 1}",
                InspectionKind.REGULAR,
                "市委巡察组",
                f"单位{u}党组",
                unit=unit,
                start=PartialDate.from_date(day),
                problems=tuple(items),
            )
            rounds.append(inspection)
        inspections += rounds
    return Ledger(tuple(inspections), tuple(successions))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--problems", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    ledger = make_ledger(args.problems, args.links)
    problems = sum(len(x.problems) for x in ledger.inspections)
    links = sum(len(p.links) for x in ledger.inspections for p in x.problems)
    print(f"{len(ledger.inspections):,} inspections, {problems:,} problems, {links:,} links")

    pairs = [
        (node_key(x.id, p.id), node_key(link.inspection, link.problem))
        for x in ledger.inspections
        for p in x.problems
        for link in p.links
    ]

    def bare() -> None:
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        graph.add_edges_from(pairs)

    graph = build_graph(ledger)
    link_rules = rectmodel.Config(
        select={"link-forward-in-time", "link-unit-mismatch", "link-cycle", "dangling-reference"}
    )
    rows = [
        ("networkx add_edges_from (floor)", bare),
        ("build_graph", lambda: build_graph(ledger)),
        ("link rules (validate, 4 rules)", lambda: rectmodel.validate(ledger, link_rules)),
        ("recurring(k=2)", lambda: recurring(graph, 2)),
        ("carried_over", lambda: carried_over(graph)),
        ("unit_history(one unit)", lambda: unit_history(graph, "unit-0")),
    ]
    print(f"{'step':<34} {'seconds':>8}")
    for name, fn in rows:
        print(f"{name:<34} {time_it(fn, repeat=args.repeat, gc_paused=False):>8.3f}")
    report = rectmodel.validate(ledger, link_rules)
    print(f"link-rule diagnostics on the generated ledger: {len(report.diagnostics)} (expected 0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
