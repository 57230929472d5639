"""The change summary for people: each problem and measure followed through the round's documents.

A *chain* is one problem as each document has it (None where a document lacks it): started by
the first document that has it, carried on by each step's matches. The workbook has a row per
chain and per measure chain under it, and for each document its id, text, deadline and state;
a cell that differs from the document before is marked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..dates import PartialDate
from ..errors import Lang
from ..messages import CliText, say, word
from ..model import Measure, Problem
from ._match import normalise

if TYPE_CHECKING:
    from . import Reconciliation

__all__ = ["change_lines", "problem_chains", "summary_table", "write_summary"]

Ref = tuple[int, int] | None  # (inspection, problem) in one document


def problem_chains(found: Reconciliation) -> list[list[Ref]]:
    """Every problem of the round as each document has it, in the order the documents first give them."""
    first = found.documents[0].ledger
    chains: list[list[Ref]] = [[(n, i)] for n, x in enumerate(first.inspections) for i in range(len(x.problems))]
    for step in found.steps:
        onward = {
            (pm.inspections[0], pm.earlier): (pm.inspections[1], pm.later)
            for pm in step.problems
            if pm.earlier is not None and pm.later is not None
        }
        reached = set()
        for chain in chains:
            last = chain[-1]
            nxt = onward.get(last) if last is not None else None
            chain.append(nxt)
            if nxt is not None:
                reached.add(nxt)
        later = found.documents[step.later].ledger
        for m, y in enumerate(later.inspections):
            for j in range(len(y.problems)):
                if (m, j) not in reached and any(pm.inspections[1] == m for pm in step.problems):
                    chains.append([None] * step.later + [(m, j)])
    return chains


def _problem(found: Reconciliation, k: int, ref: Ref) -> Problem | None:
    if ref is None:
        return None
    return found.documents[k].ledger.inspections[ref[0]].problems[ref[1]]


def _deadline(m: Measure, lang: Lang) -> str:
    if m.deadline is None:
        return ""
    return m.deadline.isoformat() if isinstance(m.deadline, PartialDate) else word("deadline", m.deadline.value, lang)


def _state(item: Problem | Measure, lang: Lang) -> str:
    return word("state", item.history[-1].state.value, lang) if item.history else ""


def _measure_chains(found: Reconciliation, chain: Sequence[Ref]) -> list[list[int | None]]:
    """The measures of one problem chain followed the same way (an index in each document's problem)."""
    start = next(k for k, ref in enumerate(chain) if ref is not None)
    problem = _problem(found, start, chain[start])
    assert problem is not None  # the chain starts where a document has the problem
    rows: list[list[int | None]] = [[None] * start + [j] for j in range(len(problem.measures))]
    for k in range(start + 1, len(chain)):
        step = found.steps[k - 1]
        here, before = chain[k], chain[k - 1]
        pm = next(
            (
                p
                for p in step.problems
                if before is not None and here is not None and (p.inspections[0], p.earlier) == before
            ),
            None,
        )
        onward = {p.earlier: p.later for p in pm.measures} if pm is not None else {}
        reached = set()
        for row in rows:
            last = row[-1]
            nxt = onward.get(last) if last is not None else None
            row.append(nxt)
            if nxt is not None:
                reached.add(nxt)
        current = _problem(found, k, here)
        if current is not None:
            rows += [[None] * k + [j] for j in range(len(current.measures)) if j not in reached]
    return rows


def summary_table(found: Reconciliation, lang: Lang = "en") -> tuple[list[str], list[list[str]], set[tuple[int, int]]]:
    """The summary as a header, rows of text, and the cells that changed from the document before."""
    labels = [d.label(k) for k, d in enumerate(found.documents)]
    fields = (CliText.SUMMARY_ID, CliText.SUMMARY_TEXT, CliText.SUMMARY_DEADLINE, CliText.SUMMARY_STATE)
    header = [say(CliText.SUMMARY_KIND, lang)]
    header += [f"{label} {say(f, lang)}" for label in labels for f in fields]
    rows: list[list[str]] = []
    for chain in problem_chains(found):
        problems = [_problem(found, k, ref) for k, ref in enumerate(chain)]
        cells = [("", "", "", "") if p is None else (p.id, p.title, "", _state(p, lang)) for p in problems]
        rows.append([word("term", "problem", lang), *(c for four in cells for c in four)])
        for mchain in _measure_chains(found, chain):
            measures = [
                None if j is None or p is None else p.measures[j] for p, j in zip(problems, mchain, strict=False)
            ]
            mcells = [_measure_cells(m, lang) for m in measures]
            rows.append([word("term", "measure", lang), *(c for four in mcells for c in four)])
    marked: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for k in range(1, len(labels)):
            c = 1 + 4 * k  # the id: it may change with no change of substance
            if row[c - 4] and not row[c]:  # the item is gone: its whole group of cells
                marked.update((r, c + f) for f in range(4))
                continue
            if row[c + 1] and row[c - 3] and normalise(row[c + 1]) != normalise(row[c - 3]):
                marked.add((r, c + 1))
            # a deadline or state changed; one a document does not state is no change
            marked.update((r, c + f) for f in (2, 3) if row[c + f] and row[c + f - 4] and row[c + f] != row[c + f - 4])
    return header, rows, marked


def _measure_cells(m: Measure | None, lang: Lang) -> tuple[str, str, str, str]:
    return ("", "", "", "") if m is None else (m.id, m.text, _deadline(m, lang), _state(m, lang))


def write_summary(found: Reconciliation, path: str | os.PathLike[str], lang: Lang = "en") -> None:
    """Write the summary workbook: a row per problem and measure, four columns per document, changes marked."""
    from ..sheets import write_table  # noqa: PLC0415 -- the spreadsheet writer loads only when asked

    header, rows, marked = summary_table(found, lang)
    write_table(path, say(CliText.SUMMARY_SHEET, lang), header, rows, marked=marked)


_FIELDS = (("text", CliText.SUMMARY_TEXT), ("deadline", CliText.SUMMARY_DEADLINE), ("state", CliText.SUMMARY_STATE))


def changes(found: Reconciliation, lang: Lang = "en") -> list[list[dict[str, str]]]:
    """For each step, each change it makes to a problem or a measure, in the summary's order.

    A change is what the workbook marks: an item ``gone`` or ``new``, or its ``text`` reworded,
    its ``deadline`` or its ``state`` changed (a field one document does not state is no
    change); ``level`` is ``problem`` or ``measure``, ``id`` its id in the later document (the
    earlier one's when it is gone). Deadlines and states are given in *lang*.
    """
    _, rows, marked = summary_table(found, lang)
    out: list[list[dict[str, str]]] = [[] for _ in found.steps]
    for k in range(1, len(found.documents)):
        c = 1 + 4 * k
        for r, row in enumerate(rows):
            level = "problem" if row[0] == word("term", "problem", lang) else "measure"
            if row[c - 4] and not row[c]:
                out[k - 1].append({"level": level, "id": row[c - 4], "change": "gone"})
            elif row[c] and not any(row[c - 4 * j] for j in range(1, k + 1)):
                out[k - 1].append({"level": level, "id": row[c], "change": "new"})
            for f, (name, _) in enumerate(_FIELDS, 1):
                if (r, c + f) in marked and row[c]:
                    out[k - 1].append(
                        {"level": level, "id": row[c], "change": name, "before": row[c + f - 4], "after": row[c + f]}
                    )
    return out


def change_lines(found: Reconciliation, lang: Lang = "en") -> list[list[str]]:
    """:func:`changes` as lines for people, a step's lines in one list (document text as written)."""
    fields = {name: say(code, lang) for name, code in _FIELDS}
    lines: list[list[str]] = []
    for k, step in enumerate(changes(found, lang), 1):
        later = found.documents[k].label(k)
        out = []
        for ch in step:
            item = word("term", ch["level"], lang)
            if ch["change"] == "gone":
                out.append(say(CliText.CHANGE_GONE, lang, item=item, id=ch["id"], later=later))
            elif ch["change"] == "new":
                out.append(say(CliText.CHANGE_NEW, lang, item=item, id=ch["id"], later=later))
            else:
                field = fields[ch["change"]]
                before, after = ch["before"], ch["after"]
                out.append(say(CliText.CHANGE, lang, item=item, id=ch["id"], field=field, before=before, after=after))
        lines.append(out)
    return lines
