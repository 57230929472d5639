"""Time the rule pass (``rectmodel.validate``), next to a baseline implementation from git, in one run.

Each implementation runs in a fresh subprocess with the same timing code on the same
bytes: the current one (the ``rectmodel`` this script imports) and, with
``--baseline COMMIT``, the ``src/`` of that commit, exported with ``git archive``.
Per size and implementation it prints best-of-N seconds for

* ``loads``: decoding the JSON into the model;
* ``validate, collected``: the rule pass on a ledger loaded earlier, after ``gc.collect()``;
* ``validate after loads``: the rule pass straight after ``loads``, the collector as
  Python leaves it (a fresh ledger each time): what a user calling ``load`` then
  ``validate`` gets;

then the rule pass per measure and each figure of the current implementation as a
share of the baseline's.

Usage::

    python benchmarks/bench_rules.py                                 # S and M, current only
    python benchmarks/bench_rules.py --sizes L --baseline 5651572    # L, against that commit
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

DATA_DIR: Final = Path(__file__).resolve().parent / "data"
ROOT: Final = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- the worker (one implementation, one process)


def _best(fn: Callable[[], float], repeat: int) -> float:
    return min(fn() for _ in range(repeat))


def measure(data_path: str, repeat: int) -> dict[str, Any]:
    """Time ``loads`` and ``validate`` of the ``rectmodel`` on ``sys.path`` on the bytes at *data_path*."""
    import rectmodel  # noqa: PLC0415 - the implementation is chosen by sys.path, set by the caller

    data = Path(data_path).read_bytes()

    def load() -> float:
        gc.collect()
        began = time.perf_counter()
        ledger = rectmodel.loads(data)
        took = time.perf_counter() - began
        del ledger
        return took

    def after_load() -> float:
        gc.collect()
        ledger = rectmodel.loads(data)  # the collector stays as loads leaves it: nothing collects in between
        began = time.perf_counter()
        report = rectmodel.validate(ledger)
        took = time.perf_counter() - began
        del report, ledger
        return took

    def collected(ledger: Any) -> float:
        gc.collect()
        began = time.perf_counter()
        report = rectmodel.validate(ledger)
        took = time.perf_counter() - began
        del report
        return took

    ledger = rectmodel.loads(data)
    measures = sum(len(p.measures) for x in ledger.inspections for p in x.problems)
    diagnostics = len(rectmodel.validate(ledger).diagnostics)
    times = {"validate": _best(functools.partial(collected, ledger), repeat)}
    del ledger
    times |= {"load": _best(load, repeat), "after_load": _best(after_load, repeat)}
    return {"measures": measures, "diagnostics": diagnostics, **times}


def _worker(argv: Sequence[str]) -> int:
    src, data_path, repeat = argv
    sys.path.insert(0, src)
    print(json.dumps(measure(data_path, int(repeat))))
    return 0


# ---------------------------------------------------------------- the driver


def data_file(size: str, *, seed: int, cache: bool) -> Path:
    """A file holding the generated ledger of *size* (cached in ``benchmarks/data/`` as ``bench_load.py`` does)."""
    from generate import GENERATOR_VERSION, make_ledger_json  # noqa: PLC0415 - generate imports rectmodel

    path = DATA_DIR / f"{size}-seed{seed}-v{GENERATOR_VERSION}.json"
    if cache and path.exists():
        return path
    if not cache:
        path = Path(tempfile.mkdtemp(prefix="bench-rules-")) / path.name
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(make_ledger_json(size, seed=seed))
    tmp.replace(path)
    return path


def export_src(commit: str, into: Path) -> Path:
    """The ``src/`` directory of *commit*, exported with ``git archive`` into *into*."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run(src: Path, data: Path, repeat: int) -> dict[str, Any]:
    """Time the implementation in *src* on *data*, in a subprocess that imports nothing else of ours."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, __file__, "--worker", str(src), str(data), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        return _worker(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="S,M", help="comma-separated sizes (S, M, L)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many calls (default: %(default)s)")
    parser.add_argument("--baseline", metavar="COMMIT", help="also time the rectmodel of this git commit")
    parser.add_argument("--seed", type=int, default=20_240_601, help="generator seed (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="generate the data afresh, not via benchmarks/data/")
    args = parser.parse_args(argv)

    import rectmodel  # noqa: PLC0415 - only the driver needs it, to find the current implementation

    current = Path(rectmodel.__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="bench-rules-") as tmp:
        impls = [("current", current)]
        if args.baseline:
            impls.insert(0, (f"baseline {args.baseline}", export_src(args.baseline, Path(tmp))))
        print(f"Python {sys.version.split()[0]}; best of {args.repeat}; current: {current}")
        header = f"{'size':>4} {'measures':>9} {'implementation':<18} {'loads s':>8} {'validate s':>10}"
        print(f"{header} {'after loads s':>13} {'µs/measure':>10} {'diagnostics':>11}")
        for size in args.sizes.split(","):
            data = data_file(size, seed=args.seed, cache=not args.no_cache)
            results = {name: run(src, data, args.repeat) for name, src in impls}
            for name, r in results.items():
                print(
                    f"{size:>4} {r['measures']:>9,} {name:<18} {r['load']:>8.3f} {r['validate']:>10.3f}"
                    f" {r['after_load']:>13.3f} {r['validate'] / r['measures'] * 1e6:>10.2f} {r['diagnostics']:>11,}"
                )
            if args.baseline:
                base, cur = results[impls[0][0]], results["current"]
                shares = ", ".join(
                    f"{label} {cur[key] / base[key]:.0%}"
                    for key, label in (("validate", "validate"), ("after_load", "after loads"), ("load", "loads"))
                )
                print(f"{'':>4} current / baseline: {shares}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
