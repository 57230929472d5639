"""Many small files with links across them: ``validate_many`` serially, on two processes, and on Dask.

Writes *n* one-inspection ledgers into a temporary directory: ten units, each with
rounds a month apart, every round's first problem linking to the same unit's
previous round (in another file). Then, in one run, for 1,000 and *n* files:

- serial (``jobs=1``), a process pool of two (``jobs=2``), and a local Dask cluster of
  two worker processes (``Client(LocalCluster(n_workers=2)).get_executor()``);
- files/s, and the ratio of the large to the small batch's time (linear: ×10);
- the stages of the batch in this process: reading and sharding, the index and its slices.

Usage::

    python benchmarks/bench_batch.py            # 10,000 and 1,000 files
    python benchmarks/bench_batch.py --files 3000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from rectmodel import load
from rectmodel.batch import Outcome, validate_many
from rectmodel.units import LinkIndex, Shard

UNITS = 10


def write_corpus(directory: Path, n: int) -> list[str]:
    """*n* small ledgers, linked across files; their paths."""
    paths = []
    for k in range(n):
        unit, round_ = k % UNITS, k // UNITS
        problems: list[dict[str, Any]] = [
            {
                "id": f"P{p}",
                "title": f"问题{p}:议事决策不规范",
                "measures": [{"id": f"P{p}-M1", "text": "修订议事规则,规范决策程序"}],
            }
            for p in range(1, 4)
        ]
        if round_:
            problems[0]["links"] = [{"kind": "recurrence", "inspection": f"u{unit}-r{round_ - 1}", "problem": "P1"}]
        start = f"{1900 + round_ // 12}-{round_ % 12 + 1:02d}"
        doc = {
            "inspections": [
                {
                    "id": f"u{unit}-r{round_}",
                    "kind": "regular",
                    "inspector": "市委第一巡察组",
                    "target": f"某局党组{unit}",
                    "unit": f"u{unit}",
                    "start": start,
                    "problems": problems,
                }
            ]
        }
        path = directory / f"u{unit}" / f"r{round_:05d}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(orjson.dumps(doc))
        paths.append(str(path))
    return paths


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = run()
    return time.perf_counter() - started, value


def batch(paths: list[str], **kwargs: Any) -> Callable[[], int]:
    def run() -> int:
        results = list(validate_many(paths, **kwargs))
        assert len(results) == len(paths)
        assert all(r.outcome is Outcome.CHECKED and r.report.ok for r in results), "the corpus is valid"
        return len(results)

    return run


def stages(paths: list[str]) -> dict[str, float]:
    """What the batch does, stage by stage, in this process."""
    t_read, ledgers = timed(lambda: [load(p) for p in paths])
    t_shard, shards = timed(lambda: [Shard.of(x) for x in ledgers])
    t_index, index = timed(lambda: LinkIndex.of(shards))
    t_slice, _ = timed(lambda: [index.slice(s) for s in shards])
    return {"read": t_read, "shard": t_shard, "index": t_index, "slices": t_slice}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sets = {}
        for n in (args.small, args.files):
            (root / str(n)).mkdir()
            sets[n] = write_corpus(root / str(n), n)
        peers: dict[str, Callable[[list[str]], Callable[[], int]]] = {
            "serial (jobs=1)": lambda p: batch(p, jobs=1),
            "processes (jobs=2)": lambda p: batch(p, jobs=2),
        }
        cluster = client = None
        if not args.no_dask:
            from distributed import Client, LocalCluster  # noqa: PLC0415

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
            executor = client.get_executor()
            peers["dask LocalCluster (2 workers)"] = lambda p: batch(p, executor=executor)
        print("| how | files | seconds | files/s | × time of 1,000 |")
        print("|---|---:|---:|---:|---:|")
        try:
            for name, make in peers.items():
                times = {}
                for n, paths in sets.items():
                    times[n], _ = timed(make(paths))
                for n in sets:
                    ratio = times[n] / times[args.small]
                    print(f"| {name} | {n:,} | {times[n]:.2f} | {n / times[n]:,.0f} | {ratio:.2f} |", flush=True)
        finally:
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
        print()
        print("| stage (in one process) | files | seconds |")
        print("|---|---:|---:|")
        for n, paths in sets.items():
            for stage, seconds in stages(paths).items():
                print(f"| {stage} | {n:,} | {seconds:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
