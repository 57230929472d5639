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
    python benchmarks/bench_batch.py --files 2000 --small 200 --problems 30   # larger files
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


def write_corpus(directory: Path, n: int, per_file: int = 3) -> list[str]:
    """*n* ledgers of *per_file* problems each, linked across files; their paths."""
    paths = []
    for k in range(n):
        unit, round_ = k % UNITS, k // UNITS
        problems: list[dict[str, Any]] = [
            {
                "id": f"P{p}",
                "title": f"问题{p}:议事决策不规范",
                "measures": [{"id": f"P{p}-M1", "text": "修订议事规则,规范决策程序"}],
            }
            for p in range(1, per_file + 1)
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
    """What the batch does, stage by stage, in this process (``rectmodel.batch``'s own steps)."""
    import pickle  # noqa: PLC0415

    from rectmodel.batch import _index_files, _Job, _Pending  # noqa: PLC0415 -- its stages, one by one
    from rectmodel.inputs import Options  # noqa: PLC0415
    from rectmodel.rules import Config  # noqa: PLC0415

    job = _Job(Config(), (), Options(), None)
    t_read, ledgers = timed(lambda: [load(p) for p in paths])
    t_shard, shards = timed(lambda: [Shard.of(x) for x in ledgers])
    t_pass, out = timed(lambda: _index_files(list(enumerate(paths)), job))
    data = pickle.dumps(out)
    t_back, out = timed(lambda: pickle.loads(data))
    t_index, index = timed(lambda: LinkIndex.of(shards))
    t_slice, slices = timed(lambda: [index.slice(s) for s in shards])
    across = job.config.plan().part(across=True)
    pending = [(k, p) for k, _, p in out if isinstance(p, _Pending)]
    t_finish, _ = timed(lambda: [p.finish(paths[k], job, across, slices[k]) for k, p in pending])
    return {
        "read (`load`)": t_read,
        "shard": t_shard,
        "read, shard, check within the file (the worker's task)": t_pass,
        f"unpickle what workers send back ({len(data) / len(paths):,.0f} bytes a file)": t_back,
        "index": t_index,
        "slices": t_slice,
        "finish: the link rules, here": t_finish,
    }


def task_overhead(executor: Any, tasks: int = 500) -> float:
    """Seconds a task costs on *executor* beyond its work: *tasks* empty ones, submitted at once."""
    from concurrent.futures import wait  # noqa: PLC0415

    wait([executor.submit(int) for _ in range(20)])  # warm
    seconds, _ = timed(lambda: wait([executor.submit(int) for _ in range(tasks)]))
    return seconds / tasks


def race(
    peers: dict[str, Callable[[list[str]], Callable[[], int]]],
    sets: dict[int, list[str]],
    repeat: int,
    clients: list[Any],
) -> dict[tuple[str, int], float]:
    """The best time of each peer on each set, taken round after round over the peers; then close *clients*."""
    best: dict[tuple[str, int], float] = {}
    try:
        for _ in range(repeat):
            for name, make in peers.items():
                for n, paths in sets.items():
                    seconds, _ = timed(make(paths))
                    best[name, n] = min(best.get((name, n), seconds), seconds)
    finally:
        for client in clients:
            client.close()
    return best


def render(best: dict[tuple[str, int], float], peers: Any, sets: Any, small: int, files: int) -> None:
    print(f"| how | files | seconds | files/s | × time of {small:,} | × faster than serial |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in peers:
        for n in sets:
            seconds, ratio = best[name, n], best[name, n] / best[name, small]
            faster = best["serial (jobs=1)", n] / seconds
            print(f"| {name} | {n:,} | {seconds:.2f} | {n / seconds:,.0f} | {ratio:.2f} | {faster:.2f} |")
    print()
    print(f"{files:,} files serially: {best['serial (jobs=1)', files]:.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N, taken round after round over the peers")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="also run on the Dask cluster at ADDRESS (tcp://host:8786); its workers must see --dir at the same path",
    )
    parser.add_argument("--dir", type=Path, help="write the files here (default: a temporary folder)")
    parser.add_argument("--problems", type=int, default=3, help="problems a file (the work a worker does per file)")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, best of {args.repeat}")
    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        root = Path(tmp)
        sets = {}
        for n in (args.small, args.files):
            (root / str(n)).mkdir()
            sets[n] = write_corpus(root / str(n), n, args.problems)
        peers: dict[str, Callable[[list[str]], Callable[[], int]]] = {
            "serial (jobs=1)": lambda p: batch(p, jobs=1),
            "processes (jobs=2)": lambda p: batch(p, jobs=2),
        }
        clients: list[Any] = []
        if not args.no_dask:
            from distributed import Client, LocalCluster  # noqa: PLC0415

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            local = Client(cluster)
            clients += [local, cluster]
            peers["dask LocalCluster (2 workers)"] = lambda p: batch(p, executor=local.get_executor())
        if args.scheduler:
            from distributed import Client  # noqa: PLC0415

            remote = Client(args.scheduler)
            clients.append(remote)
            workers = len(remote.scheduler_info()["workers"])
            peers[f"dask at {args.scheduler} ({workers} workers)"] = lambda p: batch(p, executor=remote.get_executor())
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        with ProcessPoolExecutor(2) as pool:
            overheads = {"processes (jobs=2)": task_overhead(pool)}
        if not args.no_dask:
            overheads["dask LocalCluster (2 workers)"] = task_overhead(local.get_executor())
        best = race(peers, sets, args.repeat, clients)
        render(best, peers, sets, args.small, args.files)
        for name, seconds in overheads.items():
            print(f"per-task overhead, {name}: {seconds * 1e3:.2f} ms")
        print()
        print("| stage (in one process) | files | seconds | µs a file |")
        print("|---|---:|---:|---:|")
        for n, paths in sets.items():
            for stage, seconds in stages(paths).items():
                print(f"| {stage} | {n:,} | {seconds:.3f} | {seconds / n * 1e6:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
