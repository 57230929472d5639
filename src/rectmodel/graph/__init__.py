"""The graph across inspection rounds: which problems recur, and what was never closed.

``build_graph`` turns one or many ledgers (many files) into a networkx
``MultiDiGraph``: a node per problem, keyed ``"<inspection>/<problem>"`` (each id
escaped as in JSON Pointer: ``~`` → ``~0``, ``/`` → ``~1``), and an edge per link,
from the later problem to the earlier one, with the link's ``kind``. Units are
followed through declared successions (renamed or merged units), so a unit's
history does not break when its name changes.

The queries return plain typed results, not graph internals:

>>> from rectmodel import Inspection, Ledger, Link, Problem, PartialDate
>>> D = PartialDate.parse
>>> r1 = Inspection("r1", "regular", "市委第一巡察组", "某局党组", unit="ju", start=D("2019-04"),
...                 problems=(Problem("P1", "公务用车管理不规范"),))
>>> r2 = Inspection("r2", "regular", "市委第二巡察组", "某局党组", unit="ju", start=D("2022-05"),
...                 problems=(Problem("P1", "公务用车管理问题依然存在", links=(Link("recurrence", "r1", "P1"),)),))
>>> graph = build_graph(Ledger((r1, r2)))
>>> [(p.inspection, p.problem) for p in recurrence_chain(graph, "r2", "P1")]
[('r1', 'P1'), ('r2', 'P1')]
>>> [c.problem.title for c in carried_over(graph)]
['公务用车管理不规范']
"""

from ..units import Units, node_key, round_date
from ._build import (
    CarriedOver,
    ProblemRef,
    Recurrence,
    RoundSummary,
    UnitHistory,
    build_graph,
    carried_over,
    recurrence_chain,
    recurring,
    unit_history,
)
from ._export import to_dot, to_graphml, to_mermaid, to_node_link
from ._suggest import Suggestion, suggest_links

__all__ = [
    "CarriedOver",
    "ProblemRef",
    "Recurrence",
    "RoundSummary",
    "Suggestion",
    "UnitHistory",
    "Units",
    "build_graph",
    "carried_over",
    "node_key",
    "recurrence_chain",
    "recurring",
    "round_date",
    "suggest_links",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
    "unit_history",
]
