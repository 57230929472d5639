"""Time decoding one ledger's JSON bytes by rectmodel and by its peers, in one run.

Peers, all given the same bytes:

* ``json.loads`` and ``orjson.loads``: dicts and lists only, no checks at all; floors, not rivals.
* ``rectmodel.loads``: attrs classes, strict, dates parsed to ``PartialDate``.
* msgspec: ``msgspec.json.Decoder(Ledger)`` into equivalent frozen ``Struct`` classes.
* pydantic v2: ``Ledger.model_validate_json`` of equivalent frozen, strict models.

Each is timed as users call it (the garbage collector on) and with the collector
paused (``gc.collect()`` first, ``gc.disable()`` around the call); the figure is
the best wall time of N calls. Before timing, every peer decodes each input once
and must find all its measures, and a small table shows which malformed inputs
each peer rejects, so that the strictness compared is seen, not assumed.

This compares decoders; what a user gets from ``loads`` then ``validate`` in a fresh process —
the collector as Python leaves it, and peak memory — is ``bench_user.py``'s to measure.

Usage::

    python benchmarks/bench_load.py                      # S and M, best of 3
    python benchmarks/bench_load.py --sizes S,M,L --repeat 3
    python benchmarks/bench_load.py --json > load.json
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

import msgspec
import orjson
import pydantic

import msgspec_models
import pydantic_models
import rectmodel
from generate import DEFAULT_SEED, GENERATOR_VERSION, SIZES, expected_counts, make_ledger_json, resolve_size

DATA_DIR: Final = Path(__file__).resolve().parent / "data"
DEFAULT_REPEAT: Final = 3
# A large ledger takes seconds per call and per peer: one call each unless --repeat says otherwise.
DEFAULT_REPEAT_BY_SIZE: Final[dict[str, int]] = {"L": 1}

# ---------------------------------------------------------------- timing


def time_it(fn: Callable[[], object], *, repeat: int, gc_paused: bool) -> float:
    """The best wall time, in seconds, of *repeat* calls of *fn*.

    Before each call the collector collects, so that no call pays for garbage an
    earlier one left. With *gc_paused* the collector is disabled around the call;
    without, it is enabled, as it is for users by default. The result of a call
    is released after its time is taken, so freeing it is never timed. The
    collector is left as it was found.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    was_enabled = gc.isenabled()
    best = math.inf
    try:
        for _ in range(repeat):
            gc.enable()
            gc.collect()
            if gc_paused:
                gc.disable()
            began = time.perf_counter()
            result = fn()
            took = time.perf_counter() - began
            gc.enable()
            del result
            best = min(best, took)
    finally:
        if not was_enabled:
            gc.disable()
    return best


# ---------------------------------------------------------------- peers


def _measures_in_dicts(tree: Any) -> int:
    return sum(len(p["measures"]) for i in tree["inspections"] for p in i["problems"])


def _measures_in_objects(ledger: Any) -> int:
    return sum(len(p.measures) for i in ledger.inspections for p in i.problems)


@dataclass(frozen=True)
class Peer:
    """A way to decode ledger JSON."""

    name: str
    label: str
    decode: Callable[[bytes], object]
    count_measures: Callable[[Any], int]
    floor: bool = False  # builds dicts and checks nothing: a reference, not a rival
    rejects: tuple[type[Exception], ...] = ()  # what it raises on a valid JSON that is not a valid ledger


PEERS: Final = (
    Peer("json", "json.loads (floor)", json.loads, _measures_in_dicts, floor=True),
    Peer("orjson", "orjson.loads (floor)", orjson.loads, _measures_in_dicts, floor=True),
    Peer("rectmodel", "rectmodel.loads", rectmodel.loads, _measures_in_objects, rejects=(rectmodel.LoadError,)),
    Peer(
        "msgspec", "msgspec Struct", msgspec_models.decoder.decode, _measures_in_objects, rejects=(msgspec.DecodeError,)
    ),
    Peer(
        "pydantic",
        "pydantic BaseModel",
        pydantic_models.Ledger.model_validate_json,
        _measures_in_objects,
        rejects=(pydantic.ValidationError,),
    ),
)
RIVALS: Final = tuple(p for p in PEERS if not p.floor)

# ---------------------------------------------------------------- strictness

_VALID: Final = (
    '{"inspections":[{"id":"I1","kind":"regular","inspector":"县委第一巡察组","target":"县水利局党组",'
    '"feedback_date":"2021-03-05","declared":{"problems":1,"measures":1},'
    '"problems":[{"id":"P1","title":"财务管理不规范","group":"G1",'
    '"measures":[{"id":"P1-M1","text":"完善报销制度","deadline":"2021-06",'
    '"history":[{"state":"completed","date":"2021-05-10"}]}]}],'
    '"groups":[{"id":"G1","level":"aspect","title":"在落实全面从严治党战略部署方面"}]}]}'
)
# (what is wrong, text to replace in _VALID, its replacement)
STRICTNESS_CASES: Final[tuple[tuple[str, str, str], ...]] = (
    ("nothing (valid)", "", ""),
    ("unknown field", '"text":"完善报销制度"', '"text":"完善报销制度","owner":"办公室"'),
    ("null for an absent value", '"group":"G1"', '"group":null'),
    ("duplicate key", '"text":"完善报销制度"', '"text":"完善报销制度","text":"另一措施"'),
    ("missing required field", '"id":"P1-M1",', ""),
    ("unknown enum value", '"state":"completed"', '"state":"done"'),
    ("count as a string", '"problems":1', '"problems":"1"'),
    ("count as a float", '"problems":1', '"problems":1.0'),
    ("count as a boolean", '"problems":1', '"problems":true'),
    ("negative count", '"problems":1', '"problems":-1'),
    ("string for an array", '"history":[{"state":"completed","date":"2021-05-10"}]', '"history":"completed"'),
    ("date 2021-5-10", '"2021-05-10"', '"2021-5-10"'),
    ("date with a final newline", '"2021-05-10"', '"2021-05-10\\n"'),
    ("date of no real day 2021-02-30", '"2021-05-10"', '"2021-02-30"'),
    ("date month 13", '"2021-06"', '"2021-13"'),
    ("date in full-width digits", '"2021-05-10"', '"２０２１-05-10"'),
)


def strictness() -> dict[str, dict[str, bool]]:
    """For each malformed case, whether each rival accepts it."""
    table: dict[str, dict[str, bool]] = {}
    for what, old, new in STRICTNESS_CASES:
        if old and old not in _VALID:
            raise AssertionError(f"strictness case {what!r} does not apply")
        data = (_VALID.replace(old, new, 1) if old else _VALID).encode()
        row: dict[str, bool] = {}
        for peer in RIVALS:
            try:
                peer.decode(data)
            except peer.rejects:
                row[peer.name] = False
            else:
                row[peer.name] = True
        table[what] = row
    if not all(table["nothing (valid)"].values()):
        raise AssertionError(f"a peer rejects the valid strictness document: {table['nothing (valid)']}")
    return table


def render_strictness(table: dict[str, dict[str, bool]]) -> str:
    names = [p.name for p in RIVALS]
    width = max(len(w) for w in table)
    lines = [
        "Which input each peer accepts (* where they differ):",
        f"  {'input wrong in':<{width}}  " + "".join(f"{n:>11}" for n in names),
    ]
    for what, row in table.items():
        mark = " *" if len(set(row.values())) > 1 else ""
        cells = "".join(f"{'accepts' if row[n] else 'rejects':>11}" for n in names)
        lines.append(f"  {what:<{width}}  {cells}{mark}")
    return "\n".join(lines)


# ---------------------------------------------------------------- data


def ledger_bytes(size: str, *, seed: int, cache: bool) -> bytes:
    """The generated ledger of *size*, from ``benchmarks/data/`` when cached there, else made (and cached)."""
    if not cache:
        return make_ledger_json(size, seed=seed)
    path = DATA_DIR / f"{size}-seed{seed}-v{GENERATOR_VERSION}.json"
    if path.exists():
        return path.read_bytes()
    data = make_ledger_json(size, seed=seed)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return data


def check_decodes(data: bytes, measures: int) -> None:
    """Every peer decodes *data* and finds its *measures* measures (a sanity check, not timed)."""
    for peer in PEERS:
        try:
            result = peer.decode(data)
        except Exception as e:
            raise SystemExit(f"{peer.label} cannot decode the generated ledger: {e}") from e
        found = peer.count_measures(result)
        if found != measures:
            raise SystemExit(f"{peer.label} found {found:,} measures, not {measures:,}")
        del result


# ---------------------------------------------------------------- one size


@dataclass(frozen=True)
class Timing:
    """Best wall times in seconds: as users call it, and with the collector paused."""

    default: float
    paused: float


@dataclass
class SizeResult:
    size: str
    inspections: int
    problems: int
    measures: int
    bytes: int
    repeat: int
    timings: dict[str, Timing] = field(default_factory=dict)

    @property
    def ratios(self) -> dict[str, float]:
        t = self.timings
        return {
            "rectmodel / msgspec (both default)": t["rectmodel"].default / t["msgspec"].default,
            "rectmodel (default) / msgspec (collector paused)": t["rectmodel"].default / t["msgspec"].paused,
            "pydantic / rectmodel (both default)": t["pydantic"].default / t["rectmodel"].default,
        }


def bench_size(size: str, *, repeat: int, seed: int, cache: bool, log: Callable[[str], None]) -> SizeResult:
    counts = expected_counts(size)
    log(f"{size}: preparing {counts.inspections:,} inspections")
    data = ledger_bytes(size, seed=seed, cache=cache)
    check_decodes(data, counts.measures)
    result = SizeResult(size, counts.inspections, counts.problems, counts.measures, len(data), repeat)
    for peer in PEERS:
        log(f"{size}: timing {peer.label}")
        call = _bind(peer.decode, data)
        result.timings[peer.name] = Timing(
            default=time_it(call, repeat=repeat, gc_paused=False),
            paused=time_it(call, repeat=repeat, gc_paused=True),
        )
    return result


def _bind(decode: Callable[[bytes], object], data: bytes) -> Callable[[], object]:
    def call() -> object:
        return decode(data)

    return call


def render_size(result: SizeResult) -> str:
    ref = result.timings["rectmodel"].default
    floor = result.timings["orjson"].default
    lines = [
        f"{result.size}: {result.inspections:,} inspections, {result.problems:,} problems, "
        f"{result.measures:,} measures, {result.bytes / 1e6:.1f} MB; best of {result.repeat}",
        f"  {'peer':<22}{'default s':>11}{'paused s':>11}{'paused/def':>12}{'÷ rectmodel':>13}{'÷ orjson':>10}",
    ]
    for peer in PEERS:
        t = result.timings[peer.name]
        lines.append(
            f"  {peer.label:<22}{t.default:>11.4f}{t.paused:>11.4f}{t.paused / t.default:>12.2f}"
            f"{t.default / ref:>13.2f}{t.default / floor:>10.2f}"
        )
    lines.append("  (÷ columns: default time over rectmodel's, and over orjson.loads', both default)")
    lines.extend(f"  {name:<50}{value:>6.2f}×" for name, value in result.ratios.items())
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def _source_state() -> str:
    """The commit of the rectmodel being measured, and whether its work tree has changes."""
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


def environment() -> dict[str, Any]:
    return {
        "rectmodel_source": _source_state(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "system": platform.system(),
        "cpus": os.cpu_count(),
        "gc_threshold": gc.get_threshold(),
        "versions": {name: version(name) for name in ("rectmodel", "orjson", "cattrs", "attrs", "msgspec", "pydantic")},
    }


def _sizes(text: str) -> list[str]:
    sizes = [s.strip().upper() for s in text.split(",") if s.strip()]
    for s in sizes:
        resolve_size(s)  # a named size or a number of inspections; raises ValueError otherwise
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=["S", "M"],
        help=f"comma-separated sizes: {', '.join(f'{k} ({v} inspections)' for k, v in SIZES.items())} "
        "or numbers of inspections (default: S,M)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        help=f"best of how many calls (default: {DEFAULT_REPEAT}, or 1 for L)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="generate the data in memory, not via benchmarks/data/")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    env = environment()  # before timing: the source measured is the one found at the start
    table = strictness()
    if not args.json:
        versions = ", ".join(f"{k} {v}" for k, v in env["versions"].items())
        print(f"Python {env['python']} on {env['machine']} ({env['cpus']} CPUs); {versions}")
        print(f"rectmodel source: {env['rectmodel_source']}", end="\n\n")
        print(render_strictness(table), end="\n\n", flush=True)
    results = []
    for size in args.sizes:
        repeat = args.repeat or DEFAULT_REPEAT_BY_SIZE.get(size, DEFAULT_REPEAT)
        result = bench_size(size, repeat=repeat, seed=args.seed, cache=not args.no_cache, log=log)
        results.append(result)
        if not args.json:
            print(render_size(result), end="\n\n", flush=True)
    if args.json:
        document = {
            "environment": env,
            "seed": args.seed,
            "strictness": table,
            "sizes": [asdict(r) | {"ratios": r.ratios} for r in results],
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
