"""Time link suggestion between two rounds, measure how often its best suggestion is right, and compare a naive peer.

Three parts, in one run:

* **time**: ``suggest_links`` (default options) on two generated rounds of ``--problems``
  problems each, best of ``--repeat`` calls, the collector on as users have it;
* **quality**: precision and recall of the best suggestion per later problem, at the
  default threshold and others, on the evaluation set of ``tests/test_suggest.py``
  (300 problems a round) for the tuning seed and three others, and on the timed rounds;
* **baseline**: ``difflib.SequenceMatcher(...).ratio()`` over all pairs of texts, the
  quadratic approach, timed on ``--baseline-problems`` problems a round and extrapolated
  to ``--problems`` by the number of pairs; its quality is shown for comparison.

The rounds come from ``make_rounds`` in ``tests/test_suggest.py`` (imported from there, so
the benchmark measures exactly what the tests assert), which needs the dev extras.

Usage::

    python benchmarks/bench_suggest.py                          # 2,000 problems a round, best of 3
    python benchmarks/bench_suggest.py --problems 5000 --repeat 1
    python benchmarks/bench_suggest.py --baseline-problems 0    # without the baseline
"""

from __future__ import annotations

import argparse
import difflib
import gc
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import rectmodel
from rectmodel import Inspection, Problem
from rectmodel.graph._suggest import DEFAULT_THRESHOLD, Suggestion, suggest_links

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_suggest import EVALUATION_SEED, Quality, Rounds, make_rounds, top1_precision_recall

TUNING_SEED: Final = 1  # the seed DEFAULT_THRESHOLD was chosen on
QUALITY_SEEDS: Final = (TUNING_SEED, 2, 3, EVALUATION_SEED)
QUALITY_PROBLEMS: Final = 300
THRESHOLDS: Final = tuple(sorted({0.3, 0.4, 0.45, DEFAULT_THRESHOLD, 0.55, 0.6}))
BASELINE_THRESHOLDS: Final = (0.4, 0.5, 0.6, 0.7)


def time_it(fn: Callable[[], object], *, repeat: int) -> tuple[float, float]:
    """The best wall and CPU times, in seconds, of *repeat* calls of *fn*, the collector collecting before each.

    The CPU time (of this process) is the steadier figure on a machine that is busy with other work.
    """
    wall = cpu = math.inf
    for _ in range(repeat):
        gc.collect()
        began, began_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
        del result
    return wall, cpu


def _text(problem: Problem) -> str:
    return f"{problem.title}。{problem.description}" if problem.description else problem.title


def baseline(earlier: Inspection, later: Inspection) -> list[Suggestion]:
    """The best earlier problem of each later one by ``SequenceMatcher.ratio`` over all pairs: the naive peer."""
    olds = [(p.id, _text(p)) for p in earlier.problems]
    best: dict[str, tuple[float, str]] = {}
    matcher = difflib.SequenceMatcher()
    for old_id, old_text in olds:
        matcher.set_seq2(old_text)  # the matcher caches what it learns of its second sequence
        for problem in later.problems:
            matcher.set_seq1(_text(problem))
            score = matcher.ratio()
            if score > best.get(problem.id, (-1.0, ""))[0]:
                best[problem.id] = (score, old_id)
    result = [Suggestion(later_id, old_id, round(score, 4)) for later_id, (score, old_id) in best.items()]
    result.sort(key=lambda s: (-s.score, s.later, s.earlier))
    return result


def _quality_row(rounds: Rounds, thresholds: Sequence[float]) -> list[Quality]:
    return [
        top1_precision_recall(suggest_links(rounds.earlier, rounds.later, threshold=t), rounds.truth)
        for t in thresholds
    ]


def _cell(q: Quality) -> str:
    return f"{q.precision:.3f}/{q.recall:.3f}"


def _source_state() -> str:
    """The commit of the rectmodel being measured, ``-dirty`` when its work tree has changes."""
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--exclude", "*"],
            cwd=Path(rectmodel.__file__).parent,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--problems", type=int, default=2000, help="problems per round, timed (default: 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="best of how many calls (default: 3)")
    parser.add_argument("--seed", type=int, default=EVALUATION_SEED, help="seed of the timed rounds")
    parser.add_argument(
        "--baseline-problems",
        type=int,
        default=300,
        help="problems per round for the quadratic difflib baseline, 0 for none (default: 300)",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.problems < 1 or args.baseline_problems < 0:
        parser.error("--repeat and --problems must be at least 1, --baseline-problems at least 0")

    print(
        f"Python {sys.version.split()[0]} on {platform.machine()} ({os.cpu_count()} CPUs); "
        f"rectmodel {rectmodel.__version__}, source {_source_state()}"
    )
    print(
        f"Default threshold {DEFAULT_THRESHOLD}; scores are top-1 precision/recall of the best suggestion per problem."
    )
    print()

    # ------------------------------------------------------------ time
    rounds = make_rounds(args.problems, seed=args.seed)
    n = args.problems
    took, cpu = time_it(lambda: suggest_links(rounds.earlier, rounds.later), repeat=args.repeat)
    suggestions = suggest_links(rounds.earlier, rounds.later)
    print(f"suggest_links, {n:,} × {n:,} problems (seed {args.seed}), best of {args.repeat}:")
    print(
        f"  {took:.3f} s wall, {cpu:.3f} s CPU   {took / n * 1e6:.0f} µs per later problem   "
        f"{len(suggestions):,} suggestions"
    )
    print()

    # ------------------------------------------------------------ quality
    print(
        f"Quality at {QUALITY_PROBLEMS} problems a round, 30% recurrences (precision/recall; seed {TUNING_SEED} tuned):"
    )
    header = "".join(f"{f'seed {s}' + (' *' if s == TUNING_SEED else ''):>16}" for s in QUALITY_SEEDS)
    print(f"  {'threshold':<12}{header}")
    table = {seed: _quality_row(make_rounds(QUALITY_PROBLEMS, seed=seed), THRESHOLDS) for seed in QUALITY_SEEDS}
    for k, t in enumerate(THRESHOLDS):
        mark = " default" if t == DEFAULT_THRESHOLD else ""
        print(f"  {f'{t:.2f}{mark}':<12}" + "".join(f"{_cell(table[s][k]):>16}" for s in QUALITY_SEEDS))
    print()
    timed = _quality_row(rounds, THRESHOLDS)
    print(f"Quality of the timed rounds ({n:,} problems a round):")
    print("  " + "  ".join(f"{t:.2f}: {_cell(q)}" for t, q in zip(THRESHOLDS, timed, strict=True)))
    print(
        "  (the generator composes 360 subjects; past a few hundred problems a round, new problems\n"
        "  must share subjects with earlier ones, so precision falls: that is the data, not the index)"
    )
    print()

    # ------------------------------------------------------------ baseline
    if args.baseline_problems:
        b = args.baseline_problems
        small = make_rounds(b, seed=args.seed)
        naive_took = time_it(lambda: baseline(small.earlier, small.later), repeat=1)[0]
        fast_took = time_it(lambda: suggest_links(small.earlier, small.later), repeat=args.repeat)[0]
        extrapolated = naive_took * (n * n) / (b * b)
        print(f"Baseline: difflib.SequenceMatcher.ratio over all pairs (naive, quadratic), {b:,} × {b:,} problems")
        print("(wall times; difflib once, suggest_links best of --repeat):")
        print(f"  {'difflib, all pairs':<38}{naive_took:>9.3f} s  ({naive_took / (b * b) * 1e6:.1f} µs a pair)")
        print(f"  {'suggest_links, same rounds':<38}{fast_took:>9.3f} s  ({naive_took / fast_took:,.0f}× faster)")
        print(
            f"  {f'difflib at {n:,} × {n:,}, extrapolated':<38}{extrapolated:>9.1f} s  "
            f"(vs {took:.3f} s measured for suggest_links: {extrapolated / took:,.0f}× faster)"
        )
        naive = baseline(small.earlier, small.later)
        cells = "  ".join(
            f"{t:.2f}: {_cell(top1_precision_recall([s for s in naive if s.score >= t], small.truth))}"
            for t in BASELINE_THRESHOLDS
        )
        print(f"  difflib quality at ratio thresholds   {cells}")
        mine = top1_precision_recall(suggest_links(small.earlier, small.later), small.truth)
        print(f"  suggest_links quality, same rounds    {DEFAULT_THRESHOLD:.2f}: {_cell(mine)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
