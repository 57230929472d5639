"""Model-level ideas of the rounds of a unit: lineages through successions, round dates, the link graph.

These are what the link rules, the operations, the mutators and the graph share.
They need no graph library: ``import rectmodel`` stays free of networkx, which the
``rectmodel.graph`` family alone imports.

>>> units = Units([Succession("xxzx", "sjj"), Succession("sjj", "sjzx")])
>>> units.lineage("xxzx"), units.lineage("sjzx"), units.lineage("other")
('sjzx', 'sjzx', 'other')
>>> units.members("sjzx")
('sjj', 'sjzx', 'xxzx')
>>> node_key("2024/一", "P~1")
'2024~1一/P~01'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from attrs import field, frozen

from ._pointer import escape, unescape
from .dates import PartialDate
from .model import DATE_CHAIN, Inspection, Ledger, Link, LinkKind, Succession

__all__ = [
    "RECURRING_KINDS",
    "LinkGraph",
    "LinkIndex",
    "LinkSite",
    "Round",
    "Shard",
    "Units",
    "iter_links",
    "node_key",
    "node_name",
    "round_date",
]

# Links that say "the same problem again"; ``related`` only says "see also".
RECURRING_KINDS = frozenset({LinkKind.RECURRENCE, LinkKind.INCOMPLETE_RECTIFICATION, LinkKind.LOOK_BACK_REVIEW})


def node_key(inspection: str, problem: str) -> str:
    """The key of a problem: ``"<inspection>/<problem>"``, each id escaped as in JSON Pointer."""
    return f"{escape(inspection)}/{escape(problem)}"


def node_name(key: str) -> str:
    """A node key shown as ``inspection/problem`` (unescaped, for messages)."""
    inspection, _, problem = key.partition("/")
    return f"{unescape(inspection)}/{unescape(problem)}"


def round_date(inspection: Inspection) -> PartialDate | None:
    """When a round took place: its earliest stated date (on-site start, else the next one stated)."""
    for name in DATE_CHAIN:
        date: PartialDate | None = getattr(inspection, name)
        if date is not None:
            return date
    return None


class Units:
    """Stable unit identities across renamings and mergers, from declared successions.

    Units joined by successions (old → new, in any number of steps, merges and
    splits included) form one lineage; its name is the newest unit (one that no
    succession replaces), several joined with ``+`` if a split left more than one.
    """

    def __init__(self, successions: Iterable[Succession] = ()) -> None:
        parent: dict[str, str] = {}

        def find(unit: str) -> str:
            root = unit
            while parent[root] != root:
                root = parent[root]
            while parent[unit] != root:  # path compression
                parent[unit], unit = root, parent[unit]
            return root

        replaced: set[str] = set()
        for s in successions:
            for unit in (s.old, s.new):
                parent.setdefault(unit, unit)
            parent[find(s.old)] = find(s.new)
            replaced.add(s.old)
        components: dict[str, list[str]] = {}
        for unit in parent:
            components.setdefault(find(unit), []).append(unit)
        self._lineage: dict[str, str] = {}
        self._members: dict[str, tuple[str, ...]] = {}
        for component in components.values():
            newest = sorted(u for u in component if u not in replaced) or sorted(component)
            name = "+".join(newest)
            self._members[name] = tuple(sorted(component))
            for unit in component:
                self._lineage[unit] = name

    @classmethod
    def of(cls, ledgers: Iterable[Ledger]) -> Units:
        """The units of every succession the ledgers declare."""
        return cls(s for ledger in ledgers for s in ledger.successions)

    def lineage(self, unit: str) -> str:
        """The stable id of the lineage *unit* belongs to (itself if no succession names it)."""
        return self._lineage.get(unit, unit)

    def members(self, lineage: str) -> tuple[str, ...]:
        """Every unit id of a lineage, sorted."""
        return self._members.get(lineage, (lineage,))

    def same(self, a: str, b: str) -> bool:
        """Whether two unit ids are the same unit, directly or through successions."""
        return self.lineage(a) == self.lineage(b)

    def lineages(self) -> dict[str, str]:
        """The lineage of every unit a succession names."""
        return dict(self._lineage)


@frozen
class LinkSite:
    """A link where a document holds it.

    Args:
        pointer: the link's JSON Pointer in its document.
        inspection: the linking problem's inspection.
        problem: the linking problem's id.
        link: the link.
    """

    pointer: str
    inspection: Inspection
    problem: str
    link: Link

    @property
    def source(self) -> str:
        """The node key of the linking problem."""
        return node_key(self.inspection.id, self.problem)

    @property
    def target(self) -> str:
        """The node key of the linked problem."""
        return node_key(self.link.inspection, self.link.problem)


def iter_links(ledger: Ledger) -> Iterator[LinkSite]:
    """Every link of *ledger*, in document order."""
    for n, inspection in enumerate(ledger.inspections):
        for i, problem in enumerate(inspection.problems):
            for k, link in enumerate(problem.links):
                yield LinkSite(f"/inspections/{n}/problems/{i}/links/{k}", inspection, problem.id, link)


class LinkGraph:
    """The links between problems as a directed graph of node keys (see ``node_key``), later → earlier."""

    def __init__(self, edges: Iterable[tuple[str, str]] = ()) -> None:
        self._next: dict[str, list[str]] = {}
        for source, target in edges:
            self.add(source, target)

    @classmethod
    def of(cls, ledgers: Iterable[Ledger]) -> LinkGraph:
        """The graph of every link of *ledgers*."""
        return cls((site.source, site.target) for ledger in ledgers for site in iter_links(ledger))

    def add(self, source: str, target: str) -> None:
        """Add the edge *source* → *target*."""
        self._next.setdefault(source, []).append(target)
        self._next.setdefault(target, [])

    def path(self, start: str, goal: str) -> list[str] | None:
        """A path of edges from *start* to *goal* (a node alone is a path to itself), if there is one."""
        parents: dict[str, str | None] = {start: None}
        stack = [start]
        while stack:
            node = stack.pop()
            if node == goal:
                path = [node]
                while (parent := parents[path[-1]]) is not None:
                    path.append(parent)
                return path[::-1]
            for following in self._next.get(node, ()):
                if following not in parents:
                    parents[following] = node
                    stack.append(following)
        return None

    def cycles(self) -> Iterator[list[str]]:
        """One cycle per strongly connected component that has one, as the nodes along it.

        Tarjan's algorithm, iterative (a long chain of links must not exhaust the stack).
        """
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[str] = []
        for root in self._next:
            if root in index:
                continue
            work: list[tuple[str, Iterator[str]]] = [(root, iter(self._next[root]))]
            index[root] = low[root] = len(index)
            stack.append(root)
            on_stack.add(root)
            while work:
                node, children = work[-1]
                for child in children:
                    if child not in index:
                        index[child] = low[child] = len(index)
                        stack.append(child)
                        on_stack.add(child)
                        work.append((child, iter(self._next[child])))
                        break
                    if child in on_stack:
                        low[node] = min(low[node], index[child])
                else:
                    work.pop()
                    if work:
                        low[work[-1][0]] = min(low[work[-1][0]], low[node])
                    if low[node] == index[node]:
                        component = []
                        while True:
                            member = stack.pop()
                            on_stack.discard(member)
                            component.append(member)
                            if member == node:
                                break
                        cycle = self._cycle_in(set(component))
                        if cycle is not None:
                            yield cycle

    def _cycle_in(self, component: set[str]) -> list[str] | None:
        """A cycle through the component's first node, within the component, or None (a lone node, no loop)."""
        start = min(component)
        for following in self._next[start]:
            if following == start:
                return [start]
        if len(component) == 1:
            return None
        for following in self._next[start]:
            if following in component:
                sub = LinkGraph((u, v) for u in component for v in self._next[u] if v in component)
                rest = sub.path(following, start)
                if rest is not None:
                    return [start, *rest[:-1]]
        return None  # unreachable: a strongly connected component of two or more nodes has a cycle


@frozen
class Round:
    """What a link may need of an inspection in another document: its id, unit, date and problem ids."""

    id: str
    unit: str | None
    date: PartialDate | None
    problems: frozenset[str]

    @classmethod
    def of(cls, inspection: Inspection) -> Round:
        """The round *inspection* records."""
        return cls(inspection.id, inspection.unit, round_date(inspection), frozenset(p.id for p in inspection.problems))


@frozen
class Shard:
    """What one document adds to a :class:`LinkIndex`: its rounds, successions and links.

    Small and picklable: a batch builds one per file (in parallel, where the files are read)
    and merges them once, instead of handing every file every other document.
    """

    rounds: tuple[Round, ...]
    successions: tuple[Succession, ...]
    edges: tuple[tuple[str, str], ...]
    targets: frozenset[str]  # the inspection ids its links name

    @classmethod
    def of(cls, ledger: Ledger) -> Shard:
        """The shard of *ledger*."""
        sites = list(iter_links(ledger))
        return cls(
            tuple(Round.of(i) for i in ledger.inspections),
            tuple(ledger.successions),
            tuple((s.source, s.target) for s in sites),
            frozenset(s.link.inspection for s in sites),
        )


@frozen
class LinkIndex:
    """Everything links may name across documents: rounds by id, unit lineages, and link cycles.

    Built once from every document's :class:`Shard` (linear in their size); :meth:`slice`
    cuts out what one document consults, so that a batch sends each file only its part.

    Args:
        rounds: every round by inspection id (a later document's win; a document's own win in a slice).
        lineages: the lineage of every unit a succession names (see :class:`Units`).
        cycles: one cycle of links per strongly connected set of problems that has one, as node keys.
    """

    rounds: Mapping[str, Round]
    lineages: Mapping[str, str]
    cycles: tuple[tuple[str, ...], ...]
    _on_cycle: dict[str, int] = field(init=False, eq=False, repr=False)  # node key → its cycle

    def __attrs_post_init__(self) -> None:
        on = {node: k for k, cycle in enumerate(self.cycles) for node in cycle}
        object.__setattr__(self, "_on_cycle", on)

    @classmethod
    def of(cls, shards: Iterable[Shard]) -> LinkIndex:
        """The index of *shards*, merged in order (a later round with the same id wins)."""
        rounds: dict[str, Round] = {}
        successions: list[Succession] = []
        graph = LinkGraph()
        for shard in shards:
            rounds.update((r.id, r) for r in shard.rounds)
            successions.extend(shard.successions)
            for source, target in shard.edges:
                graph.add(source, target)
        units = Units(successions)
        return cls(rounds, units.lineages(), tuple(tuple(c) for c in graph.cycles()))

    def lineage(self, unit: str) -> str:
        """The lineage of *unit* (itself if no succession names it)."""
        return self.lineages.get(unit, unit)

    def same(self, a: str, b: str) -> bool:
        """Whether two unit ids are the same unit, directly or through successions."""
        return self.lineage(a) == self.lineage(b)

    def slice(self, shard: Shard) -> LinkIndex:
        """What the document of *shard* consults: the rounds its links name (its own win), their lineages,
        and the cycles its links take part in. Linear in the document's links."""
        own = {r.id: r for r in shard.rounds}
        rounds = {t: r for t in shard.targets if (r := own.get(t) or self.rounds.get(t)) is not None}
        units = {r.unit for r in (*shard.rounds, *rounds.values()) if r.unit is not None}
        lineages = {u: self.lineages[u] for u in units if u in self.lineages}
        on = self._on_cycle
        cycles = sorted({c for s, t in shard.edges if (c := on.get(s)) is not None and on.get(t) == c})
        return LinkIndex(rounds, lineages, tuple(self.cycles[c] for c in cycles))
