"""Time the rule pass against the load it follows, on the same generated ledgers.

The rule pass (every registered rule, one pass, ``rectmodel.validate``) should cost
a small fraction of loading and grow linearly with the ledger. Prints, per size,
best-of-N seconds for ``rectmodel.loads`` and for ``rectmodel.validate`` (both as
users call them, the collector on), their ratio, and the rule pass per measure.

Usage::

    python benchmarks/bench_rules.py                  # S and M
    python benchmarks/bench_rules.py --sizes S,M,L
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Sequence

import rectmodel
from bench_load import ledger_bytes, time_it
from generate import DEFAULT_SEED, expected_counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="S,M", help="comma-separated sizes (S, M, L)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'size':>4} {'measures':>9} {'load s':>8} {'rules s':>8} {'rules/load':>10} {'µs/measure':>10}")
    for size in args.sizes.split(","):
        data = ledger_bytes(size, seed=DEFAULT_SEED, cache=True)
        ledger = rectmodel.loads(data)
        load = time_it(functools.partial(rectmodel.loads, data), repeat=args.repeat, gc_paused=False)
        rules = time_it(functools.partial(rectmodel.validate, ledger), repeat=args.repeat, gc_paused=False)
        measures = expected_counts(size).measures
        print(
            f"{size:>4} {measures:>9,} {load:>8.3f} {rules:>8.3f} {rules / load:>10.1%} {rules / measures * 1e6:>10.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
