"""How long ``rectmodel.reconcile`` takes on two versions of a large ledger, beside loading both.

The later version is the earlier one with a realistic share of edits: one problem in fifty dropped,
one in twenty reworded (fuzzy-matched), one measure in twenty with its deadline moved, and the
problems in reverse order. Peers, in one run: loading both ledgers (``rectmodel.loads``), and
reconciling them. Sizes are ``generate.py``'s (``L``: 2,000 inspections, 60,000 problems); the
ratio of two sizes shows the time is linear.

Usage::

    python benchmarks/bench_reconcile.py               # M and L, best of 3
    python benchmarks/bench_reconcile.py --sizes S M --repeat 5
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

import attrs

import rectmodel
from generate import make_ledger_json
from rectmodel import Ledger, PartialDate


def _later(ledger: Ledger) -> Ledger:
    inspections = []
    for x in ledger.inspections:
        problems = []
        for i, p in enumerate(x.problems):
            if i % 50 == 7:
                continue  # dropped
            if i % 20 == 3:
                p = attrs.evolve(p, title=f"关于{p.title}的问题")  # noqa: PLW2901 -- reworded
            measures = tuple(
                attrs.evolve(m, deadline=PartialDate(2030, 12, 31)) if j % 20 == 1 else m
                for j, m in enumerate(p.measures)
            )
            problems.append(attrs.evolve(p, measures=measures))
        inspections.append(attrs.evolve(x, problems=tuple(reversed(problems))))
    return Ledger(tuple(inspections))


def _best(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["M", "L"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    for size in args.sizes:
        data = make_ledger_json(size)
        earlier = rectmodel.loads(data)
        later = _later(earlier)
        later_data = rectmodel.dumps(later).encode()
        problems = sum(len(x.problems) for x in earlier.inspections)
        load = _best(lambda: (rectmodel.loads(data), rectmodel.loads(later_data)), args.repeat)  # noqa: B023
        found = rectmodel.reconcile(earlier, later)
        match = _best(lambda: rectmodel.reconcile(earlier, later), args.repeat)  # noqa: B023
        counts = found.steps[0].counts()
        rows.append((size, problems, load, match, counts))
    print(f"{'size':<5} {'problems':>9} {'load both':>10} {'reconcile':>10} {'ratio':>6}  matched/dropped/reworded")
    for size, problems, load, match, counts in rows:
        print(
            f"{size:<5} {problems:>9,} {load:>9.3f}s {match:>9.3f}s {match / load:>5.2f}×"
            f"  {counts['matched']}/{counts['dropped']}/{counts['reworded']}"
        )
    if len(rows) >= 2:
        (_, p0, _, t0, _), (_, p1, _, t1, _) = rows[0], rows[-1]
        print(f"time ratio {t1 / t0:.2f} for a size ratio {p1 / p0:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
