"""How fast ``rectmodel.sheets.read`` + ``rectmodel.validate`` read a 60,000-measure workbook, next to its peers.

Every peer reads the same ``.xlsx`` file (written once by ``rectmodel.sheets.write`` from the
seeded data of ``generate.py``, and cached in ``benchmarks/data/``):

* **calamine cells**: python-calamine opening the file and turning every sheet into lists of
  values (``to_python``), merged ranges too: the floor the reader stands on;
* **rectmodel read**: ``rectmodel.sheets.read``, the typed ledger with every cell located;
* **rectmodel read + validate**: the same, then every rule (what ``rectmodel validate`` does);
* **pandas (calamine)** and **pandas (openpyxl)**: ``pandas.read_excel(sheet_name=None)``, data frames;
* **openpyxl read-only**: ``load_workbook(read_only=True)`` and every row's values.

Times are the best of ``--repeat`` calls, taken round after round over the peers so that a busy
machine weighs on each alike (the collector on, as users call them). Each time ends when the peer
hands over what it made: freeing it comes after, for every peer alike. Each read is a first read:
the reader's caches are emptied before it (``forget``). Peak memory
is the peak resident set of a fresh process that imports the peer's library and calls it once,
less that process's resident set just before the call (Rust and C allocations included;
Linux's ``/proc/self/status``).

Usage::

    python benchmarks/bench_sheets.py                 # 60,000 measures, best of 3
    python benchmarks/bench_sheets.py --measures 6000 --repeat 5
    python benchmarks/bench_sheets.py --warm            # repeated reads, the reader's caches kept
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pandas
import python_calamine

import rectmodel
from generate import ASPECTS_PER_INSPECTION, MEASURES_PER_PROBLEM, PROBLEMS_PER_ASPECT, make_ledger
from rectmodel import Inspection, Ledger
from rectmodel.sheets import read, write

HERE = Path(__file__).resolve().parent

PER_INSPECTION = ASPECTS_PER_INSPECTION * PROBLEMS_PER_ASPECT * MEASURES_PER_PROBLEM
PEERS = (
    "calamine cells",
    "rectmodel read",
    "rectmodel read + validate",
    "pandas (calamine)",
    "pandas (openpyxl)",
    "openpyxl read-only",
)


def one_inspection(measures: int) -> Ledger:
    """The seeded ledger of ``generate.py``, its inspections' problems gathered into one inspection."""
    count = -(-measures // PER_INSPECTION)
    ledger = rectmodel.loads(json.dumps(make_ledger(count)))
    first = ledger.inspections[0]
    problems = []
    for x in ledger.inspections:
        for p in x.problems:
            pid = f"P{len(problems) + 1}"
            measured = tuple(attrs.evolve(m, id=f"{pid}-M{j + 1}") for j, m in enumerate(p.measures))
            problems.append(attrs.evolve(p, id=pid, measures=measured, links=()))
            if len(problems) * MEASURES_PER_PROBLEM >= measures:
                break
        if len(problems) * MEASURES_PER_PROBLEM >= measures:
            break
    groups = tuple(g for g in first.groups if g.level.value == "aspect")
    ids = {g.id for g in groups}
    problems = [attrs.evolve(p, group=p.group if p.group in ids else None) for p in problems]
    inspection: Inspection = attrs.evolve(
        first, problems=tuple(problems), groups=groups, declared=rectmodel.DeclaredCounts()
    )
    return Ledger((inspection,))


def workbook(measures: int) -> Path:
    """The benchmark's workbook, written once and cached."""
    path = HERE / "data" / f"sheets-{measures}.xlsx"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        write(one_inspection(measures), path)
    return path


def peer(name: str, path: Path) -> Callable[[], Any]:
    """A zero-argument call that reads *path* as peer *name* does."""
    if name == "calamine cells":

        def cells() -> Any:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
            out = []
            for k in range(len(book.sheet_names)):
                sheet = book.get_sheet_by_index(k)
                out.append((sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges))
            return out

        return cells
    if name.startswith("rectmodel"):
        if name.endswith("validate"):

            def read_and_validate() -> Any:
                result = read(path)
                return result, rectmodel.validate(result.ledger)  # freed outside the timing, as every peer's

            return read_and_validate
        return lambda: read(path)
    if name.startswith("pandas"):
        engine = "calamine" if "calamine" in name else "openpyxl"
        return lambda: pandas.read_excel(path, sheet_name=None, engine=engine)
    if name == "openpyxl read-only":

        def rows() -> Any:
            book = openpyxl.load_workbook(path, read_only=True)
            out = [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]
            book.close()
            return out

        return rows
    raise ValueError(name)


def forget() -> None:
    """Empty the workbook reader's caches of cell texts: each timed read is a first read.

    The reader caches what repeats down a ledger's rows (progress lines, lists of names, dates);
    read after read of one file in one process, those caches would also carry one read's work
    into the next, which no user reading a file gets. (What is made once a process, such as the
    rules' plan, stays made, as it does for a user.)
    """
    for name, module in list(sys.modules.items()):
        if name.startswith("rectmodel.sheets."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def best_of(call: Callable[[], Any], repeat: int, *, warm: bool = False) -> float:
    best = float("inf")
    for _ in range(repeat):
        if not warm:
            forget()
        gc.collect()
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
        del result
    return best


def _status_kib(field: str) -> int:
    """A memory figure of this process from ``/proc/self/status`` (``VmRSS`` now, ``VmHWM`` its peak), in KiB.

    ``VmHWM`` starts afresh with the process's own memory, unlike ``ru_maxrss``, which a child
    inherits from the parent that forked it.
    """
    with open("/proc/self/status") as fp:
        for line in fp:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def peak_memory(name: str, path: Path) -> float:
    """The peak resident memory (MiB) one call of *name* adds, measured in a fresh process."""
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r}); import bench_sheets as b; from pathlib import Path; "
        f"call = b.peer({name!r}, Path({str(path)!r})); before = b._status_kib('VmRSS'); result = call(); "
        "print((b._status_kib('VmHWM') - before) / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated, from: " + ", ".join(PEERS))
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory processes")
    parser.add_argument(
        "--warm", action="store_true", help="keep the reader's caches from read to read (as figures before 2026-12-07)"
    )
    args = parser.parse_args(argv)
    path = workbook(args.measures)
    names = [n.strip() for n in args.peers.split(",") if n.strip()]
    result = read(path)
    (x,) = result.ledger.inspections
    found = sum(len(p.measures) for p in x.problems)
    assert found >= args.measures, f"read {found} measures of {args.measures}"
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, {len(x.problems):,} problems, {found:,} measures")
    reads = "repeated reads, caches kept" if args.warm else "first reads"
    print(f"Python {sys.version.split()[0]}, {resource.getpagesize()}-byte pages; best of {args.repeat}, {reads}\n")
    calls = {name: peer(name, path) for name in names}
    times = dict.fromkeys(names, float("inf"))
    for _ in range(args.repeat):  # round after round, so that a busy machine slows every peer alike
        for name in names:
            times[name] = min(times[name], best_of(calls[name], 1, warm=args.warm))
    memory = {} if args.no_memory else {name: peak_memory(name, path) for name in names}
    floor = times.get("calamine cells")
    print(f"{'peer':28} {'time (s)':>9} {'× calamine':>11} {'peak MiB':>9}")
    for name in names:
        ratio = f"{times[name] / floor:.2f}" if floor else "-"
        mem = f"{memory[name]:.0f}" if name in memory else "-"
        print(f"{name:28} {times[name]:9.3f} {ratio:>11} {mem:>9}")


if __name__ == "__main__":
    main()
