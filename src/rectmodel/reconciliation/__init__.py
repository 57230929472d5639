"""对账: the documents of one round compared, each with the one written before it.

``reconcile(a, b, …)`` takes the documents in the order they were written (feedback list or
plan, ledger versions, report), as ledgers or as paths of any form rectmodel reads. Each later
document is compared with the one before it, a *step*: its inspections are paired with the
earlier one's (by id, else by inspector, target and feedback date), their problems matched one
to one (``_match``), the problems' measures likewise, and every matched pair handed to the
comparisons (``_compare``). Each finding is a diagnostic located in both files: at the element
on its side, with the counterpart on the other as its related location.

>>> from rectmodel import Inspection, Ledger, Measure, Problem
>>> plan = Ledger((Inspection("r1", problems=(Problem("P1", "学习不深入", measures=(Measure("M1", "定计划"),)),)),))
>>> ledger = Ledger((Inspection("r1", problems=(Problem("P1", "1.学习不深入。"),)),))
>>> [d.rule for d in reconcile(plan, ledger).report.diagnostics]
[]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Literal

import attrs
from attrs import frozen

from ..diagnostics import Diagnostic, Locator, Report, Waiver, in_document_order
from ..errors import Lang, RectmodelError
from ..messages import render
from ..messages.reconcile import ReconcileText
from ..model import Group, GroupLevel, Inspection, Ledger, Problem
from ._compare import COMPARISONS, Found, Matched, Side, by_level
from ._match import THRESHOLD, Item, Pair, best_partner, match
from ._summary import change_lines, changes, summary_table, write_summary

__all__ = [
    "COMPARISONS",
    "THRESHOLD",
    "Document",
    "ProblemMatch",
    "ReconcileError",
    "Reconciliation",
    "Step",
    "change_lines",
    "changes",
    "reconcile",
    "summary_table",
    "write_summary",
]

Pairing = Literal["id", "facts", "forced"]


class ReconcileError(RectmodelError, ValueError):
    """The documents cannot be reconciled (fewer than two, or not of one round); ``message(lang)`` says why."""

    def __init__(self, code: str, params: Mapping[str, object]) -> None:
        self.code, self.params = code, params
        super().__init__(self.message())

    def message(self, lang: Lang = "en") -> str:
        return render(self.code, self.params, lang)


@frozen
class Document:
    """One document of the round: its ledger, its name in messages and locations, and where its elements stand."""

    ledger: Ledger
    path: str | None = None
    where: Locator | None = None

    def label(self, k: int) -> str:
        """What the document is called in messages: its file name, else its place in the round (``#2``)."""
        return os.path.basename(self.path) if self.path and self.path != "-" else f"#{k + 1}"


@frozen
class ProblemMatch:
    """A problem of the earlier document and its counterpart in the later (an index each; None: unmatched)."""

    inspections: tuple[int, int]
    earlier: int | None
    later: int | None
    score: float
    by: str  # id, text, fuzzy; merged (answered by the counterpart of another); "" unmatched
    measures: tuple[Pair, ...] = ()


@frozen
class Step:
    """One later document compared with the one before it."""

    earlier: int
    later: int
    pairing: Pairing
    inspections: tuple[tuple[int, int], ...]
    problems: tuple[ProblemMatch, ...]

    def counts(self) -> dict[str, int]:
        """How many problems matched (and of those reworded), were dropped, merged and added."""
        matched = [m for m in self.problems if m.earlier is not None and m.later is not None and m.by != "merged"]
        return {
            "matched": len(matched),
            "reworded": sum(1 for m in matched if m.score < 100),
            "dropped": sum(1 for m in self.problems if m.later is None),
            "merged": sum(1 for m in self.problems if m.by == "merged"),
            "added": sum(1 for m in self.problems if m.earlier is None),
        }


@frozen
class Reconciliation:
    """What reconciling gives: the documents, each step's matches, and the findings located in both files."""

    documents: tuple[Document, ...]
    steps: tuple[Step, ...]
    report: Report


def _document(source: Ledger | Document | str) -> Document:
    if isinstance(source, Document):
        return source
    if isinstance(source, Ledger):
        return Document(source)
    from ..inputs import read  # noqa: PLC0415 -- the readers load only for paths

    got = read(source)
    return Document(got.ledger, source, got.where)


def _same(a: object, b: object) -> bool | None:
    """Whether two stated facts agree (None: one is not stated)."""
    if a is None or b is None:
        return None
    from ._match import normalise  # noqa: PLC0415

    return normalise(str(a)) == normalise(str(b))


def _pair(a: Ledger, b: Ledger, force: bool) -> tuple[Pairing, list[tuple[int, int]]] | None:
    ids = {x.id: m for m, x in enumerate(b.inspections)}
    by_id = [(n, ids[x.id]) for n, x in enumerate(a.inspections) if x.id in ids]
    if by_id:
        return "id", by_id
    facts = []
    taken: set[int] = set()
    for n, x in enumerate(a.inspections):
        for m, y in enumerate(b.inspections):
            agree = [_same(getattr(x, f), getattr(y, f)) for f in ("inspector", "target", "feedback_date")]
            if m not in taken and True in agree and False not in agree:
                facts.append((n, m))
                taken.add(m)
                break
    if facts:
        return "facts", facts
    if force:
        return "forced", list(zip(range(len(a.inspections)), range(len(b.inspections)), strict=False))
    return None


def _aspect(x: Inspection) -> dict[str, str]:
    """Each group's aspect title (the group itself where it is an aspect)."""
    groups: dict[str, Group] = {g.id: g for g in x.groups}
    out = {}
    for g in x.groups:
        top, seen = g, {g.id}
        while top.level is not GroupLevel.ASPECT and top.parent in groups and top.parent not in seen:
            top = groups[top.parent]
            seen.add(top.id)
        out[g.id] = top.title
    return out


def _problem_items(x: Inspection) -> list[Item]:
    aspects = _aspect(x)
    return [(p.id, p.title, aspects.get(p.group or "")) for p in x.problems]


def _match_problems(x: Inspection, y: Inspection, pair: tuple[int, int], threshold: float) -> list[ProblemMatch]:
    found = match(_problem_items(x), _problem_items(y), threshold)
    matched_earlier = {p.earlier: p for p in found}
    matched_later = {p.later for p in found}
    out: list[ProblemMatch] = []
    partners = [(p.later, y.problems[p.later].title) for p in found]
    for i, problem in enumerate(x.problems):
        p = matched_earlier.get(i)
        if p is not None:
            measures = match([(m.id, m.text, None) for m in problem.measures],
                             [(m.id, m.text, None) for m in y.problems[p.later].measures], threshold)  # fmt: skip
            out.append(ProblemMatch(pair, i, p.later, p.score, p.by, tuple(measures)))
            continue
        merged = best_partner(problem.title, partners, threshold)
        out.append(ProblemMatch(pair, i, merged, 0.0, "merged" if merged is not None else ""))
    out += [ProblemMatch(pair, None, j, 0.0, "") for j in range(len(y.problems)) if j not in matched_later]
    return out


def _pairs(step: Step, a: Ledger, b: Ledger, labels: tuple[str, str]) -> Iterator[tuple[str, Matched]]:
    """Every matched element of a step, with its level: inspections, problems, measures."""
    for n, m in step.inspections:
        x, y = a.inspections[n], b.inspections[m]
        here, there = f"/inspections/{n}", f"/inspections/{m}"
        yield "inspection", Matched(Side(x, here, x, labels[0]), Side(y, there, y, labels[1]))
    merged_into = {(m.inspections, m.later): m.earlier for m in step.problems if m.by not in ("merged", "")}
    for pm in step.problems:
        (n, m) = pm.inspections
        x, y = a.inspections[n], b.inspections[m]
        before: Problem | None = x.problems[pm.earlier] if pm.earlier is not None else None
        after: Problem | None = y.problems[pm.later] if pm.later is not None else None
        here = f"/inspections/{n}/problems/{pm.earlier}" if pm.earlier is not None else f"/inspections/{n}/problems"
        there = f"/inspections/{m}/problems/{pm.later}" if pm.later is not None else f"/inspections/{m}/problems"
        partner = merged_into.get((pm.inspections, pm.later)) if pm.by == "merged" else None
        merged_with = x.problems[partner].id if partner is not None else None
        earlier_side, later_side = Side(before, here, x, labels[0]), Side(after, there, y, labels[1])
        yield "problem", Matched(earlier_side, later_side, pm.score, merged_with)
        if before is None or after is None or pm.by == "merged":
            continue
        if not after.measures:  # the later document does not itemize this problem's measures: nothing to drop
            continue
        paired = {p.earlier: p for p in pm.measures}
        later_paired = {p.later for p in pm.measures}
        for i, measure in enumerate(before.measures):
            p = paired.get(i)
            other = after.measures[p.later] if p is not None else None
            where = f"{there}/measures/{p.later}" if p is not None else f"{there}/measures"
            yield "measure", Matched(Side(measure, f"{here}/measures/{i}", x, labels[0]),
                                     Side(other, where, y, labels[1]), p.score if p else 0.0)  # fmt: skip
        for j, measure in enumerate(after.measures):
            if j not in later_paired:
                yield "measure", Matched(Side(None, f"{here}/measures", x, labels[0]),
                                         Side(measure, f"{there}/measures/{j}", y, labels[1]))  # fmt: skip


def _locate(found: list[tuple[Found, Document, Document]]) -> list[Diagnostic]:
    """Each finding located on its side, its counterpart on the other."""
    diagnostics = []
    for f, earlier, later in found:
        mine, theirs = (earlier, later) if f.on == "earlier" else (later, earlier)
        severity = COMPARISONS[f.rule].severity
        d = Report((Diagnostic(f.rule, severity, f.pointer, f.params),)).locate(mine.path, mine.where).diagnostics[0]
        other = Report((Diagnostic(f.rule, severity, f.other),)).locate(theirs.path, theirs.where).diagnostics[0]
        diagnostics.append(attrs.evolve(d, related=(f.other,), related_locations=(other.location,)))
    return diagnostics


def reconcile(
    *sources: Ledger | Document | str,
    force: bool = False,
    threshold: float = THRESHOLD,
    waivers: Iterable[Waiver] = (),
) -> Reconciliation:
    """Compare each document of a round with the one written before it.

    Args:
        sources: two or more documents, in the order they were written: ledgers, :class:`Document`
            (a ledger with its path and locator), or paths of any form rectmodel reads.
        force: compare documents that share no inspection (paired in order).
        threshold: the least fuzzy score (0–100) at which two titles or measures match.
        waivers: waivers of findings, matched by rule, pointer and the file of the finding's side.

    Raises:
        ReconcileError: fewer than two documents, or two that are not of one round (without *force*).
        Unloadable: a path cannot be read (``rectmodel.inputs``).
    """
    if len(sources) < 2:
        raise ReconcileError(ReconcileText.TOO_FEW, {"count": len(sources)})
    documents = tuple(map(_document, sources))
    steps: list[Step] = []
    found: list[tuple[Found, Document, Document]] = []
    for k in range(1, len(documents)):
        earlier, later = documents[k - 1], documents[k]
        paired = _pair(earlier.ledger, later.ledger, force)
        if paired is None:
            names = {"earlier": earlier.label(k - 1), "later": later.label(k)}
            raise ReconcileError(ReconcileText.DIFFERENT_ROUNDS, names)
        pairing, inspections = paired
        problems = [
            pm
            for n, m in inspections
            for pm in _match_problems(earlier.ledger.inspections[n], later.ledger.inspections[m], (n, m), threshold)
        ]
        step = Step(k - 1, k, pairing, tuple(inspections), tuple(problems))
        steps.append(step)
        for level, pair in _pairs(step, earlier.ledger, later.ledger, (earlier.label(k - 1), later.label(k))):
            for comparison in by_level(level):  # type: ignore[arg-type]
                found.extend((f, earlier, later) for f in comparison.check(pair))
    diagnostics = _locate(found)
    waivers = tuple(waivers)
    kept: list[Diagnostic] = []
    waived = []
    for d in diagnostics:
        path = d.location.file if d.location is not None else None
        w = next((w for w in waivers if w.matches(d, path)), None)
        if w is None:
            kept.append(d)
        else:
            waived.append((d, w))
    report = Report(tuple(_in_order(kept, documents)), tuple(waived))
    return Reconciliation(documents, tuple(steps), report)


def _in_order(diagnostics: Sequence[Diagnostic], documents: Sequence[Document]) -> list[Diagnostic]:
    """By document, in the order written; within one, by position and rule (``Report.locate``'s order)."""
    out: list[Diagnostic] = []
    for path in dict.fromkeys(d.path for d in documents):
        out += in_document_order([d for d in diagnostics if (d.location.file if d.location else None) == path])
    return out
