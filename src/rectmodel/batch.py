"""Validate many files at once: on every core, or on a cluster, with links resolved across all of them.

One map over the files on any :class:`concurrent.futures.Executor`, then a short pass here:

1. each file is read, once, where its task runs, and reduced to its :class:`~rectmodel.units.Shard`
   (rounds, successions, links); a file without links is validated on the spot; a file with links
   is checked by every rule that needs no other document, and comes back as a small pending result
   (its located findings, its links and the rounds they start from, where they stand);
2. here, the shards are merged once into a :class:`~rectmodel.units.LinkIndex`, and the rules
   that consult other documents (the link rules) finish each pending file against its
   :meth:`~rectmodel.units.LinkIndex.slice`: a few microseconds a link, no file read again.

Work travels to the workers as paths, in chunks of files, and comes back as plain, picklable
values (:class:`FileResult`, pending results); no ledger crosses a process boundary. So a process
pool (the default), a Dask cluster (``distributed.Client(...).get_executor()``) or a Ray pool plug
in unchanged. Everything is linear in the number of files.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from ._collector import paused
from ._format import describe
from .dates import PartialDate
from .diagnostics import Diagnostic, Locator, Report, Waiver
from .inputs import Input, Options, Read, Unloadable, portable, read
from .model import DATE_CHAIN, DocumentKind, Group, GroupLevel, Inspection, Ledger, Link, LinkKind, Measure, Problem
from .rules import Config, Plan, iter_planned
from .units import LinkIndex, Shard, iter_links

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

__all__ = ["CHUNK_BYTES", "CHUNK_FILES", "FileResult", "Input", "Outcome", "Unloadable", "validate_many"]

# A task's size. Measured by benchmarks/bench_batch.py (docs/scale.md): a task costs ~0.15 ms on a
# process pool and ~2 ms on Dask beyond its work, a one-inspection file ~0.1 ms of work; 256 files
# make either overhead small, and 8 MiB keeps a worker's share of large files bounded.
CHUNK_FILES = 256
CHUNK_BYTES = 8 * 1024 * 1024

Reader = Callable[[str], Ledger]


class Outcome(StrEnum):
    """How a file of a batch fared."""

    CHECKED = "checked"  # read and validated: the report says what the rules found
    UNLOADABLE = "unloadable"  # cannot be read or loaded: the report says why
    CRASHED = "crashed"  # rectmodel failed on it (a bug): ``error`` says how


@frozen
class FileResult:
    """The outcome of one file of a batch: plain data, picklable, in the order files finish.

    Args:
        path: the file, as given.
        outcome: checked, unloadable, or crashed.
        report: the located diagnostics (empty when crashed).
        sketch: the elements the diagnostics name (their ids and titles, at their places in the ledger):
            the data :attr:`items` is rendered from, here in the caller's process.
        error: for a crash, the exception in one line.
    """

    path: str
    outcome: Outcome
    report: Report = field(factory=lambda: Report(()))
    sketch: Ledger = field(factory=Ledger)
    error: str | None = None

    @property
    def items(self) -> Mapping[str, Mapping[str, str]]:
        """The element each diagnostic's pointer names, in the clerk's words, by language.

        ``{"/inspections/0/problems/2": {"en": "problem P3 “…”", "zh": "问题 P3“…”"}}``
        """
        pointers = {d.pointer for d in self.report.diagnostics}
        items = {p: {lang: text for lang in ("en", "zh") if (text := describe(self.sketch, p, lang))} for p in pointers}
        return {p: i for p, i in items.items() if i}


def _indexes(pointer: str) -> tuple[int, ...]:
    """The indexes of the inspection, then of its group or problem, then of the problem's measure, *pointer* names."""
    parts, found = pointer.split("/")[1:], []
    for name, index in zip(parts[::2], parts[1::2], strict=False):
        if name not in ("inspections", "groups", "problems", "measures") or not index.isdigit():
            break
        found.append(int(index) if name != "groups" else -1 - int(index))  # a group: negative, beside the problems
    return tuple(found)


_BLANK_PROBLEM, _BLANK_MEASURE = Problem("", ""), Measure("", "")
_BLANK_GROUP, _BLANK_INSPECTION = Group("", GroupLevel.ASPECT, ""), Inspection("")


def _sketch(ledger: Ledger, pointers: Iterable[str]) -> Ledger:
    """*ledger* reduced to the ids and titles of the elements *pointers* name, each at its place: small to send.

    The elements before a named one are shared blanks (pickled once), the ones after it are dropped.
    """
    named = {_indexes(p)[:k] for p in pointers for k in range(1, len(_indexes(p)) + 1)}
    if not named:
        return Ledger()

    def keep(
        path: tuple[int, ...], items: Sequence[Any], blank: Any, make: Callable[[Any, tuple[int, ...]], Any]
    ) -> Any:
        last = max((p[-1] for p in named if len(p) == len(path) + 1 and p[:-1] == path and p[-1] >= 0), default=-1)
        return tuple(make(x, (*path, k)) if (*path, k) in named else blank for k, x in enumerate(items[: last + 1]))

    def group(x: Group, path: tuple[int, ...]) -> Group:
        return Group(x.id, x.level, x.title)

    def measure(x: Measure, path: tuple[int, ...]) -> Measure:
        return Measure(x.id, "")

    def problem(x: Problem, path: tuple[int, ...]) -> Problem:
        measures = keep(path, x.measures, _BLANK_MEASURE, measure)
        return Problem(x.id, x.title, measures=measures)

    def inspection(x: Inspection, path: tuple[int, ...]) -> Inspection:
        groups = {-1 - p[-1] for p in named if len(p) == 2 and p[0] == path[0] and p[-1] < 0}
        last = max(groups, default=-1)
        kept = tuple(group(g, path) if k in groups else _BLANK_GROUP for k, g in enumerate(x.groups[: last + 1]))
        problems = keep(path, x.problems, _BLANK_PROBLEM, problem)
        return Inspection(x.id, groups=kept, problems=problems)

    return Ledger(keep((), ledger.inspections, _BLANK_INSPECTION, inspection))


# --- what a worker does ---------------------------------------------------------------------------


@frozen
class _Job:
    """What every task of a batch shares (small: sent with each task)."""

    config: Config
    waivers: tuple[Waiver, ...]
    options: Options
    reader: Reader | None


# A file to read, or a ledger already in memory with the name its results go by.
Source = str | tuple[str, Ledger]


def _name(source: Source) -> str:
    return source if isinstance(source, str) else source[0]


def _read_one(source: Source, job: _Job) -> Read:
    if not isinstance(source, str):
        return Read(source[1])
    if job.reader is not None:
        return Read(job.reader(source))
    return read(source, job.options)


def _crashed(path: str, e: BaseException) -> FileResult:
    return FileResult(path, Outcome.CRASHED, error=f"{type(e).__name__}: {e}"[:300])


def _found(path: str, job: _Job, got: Read, plan: Plan, links: LinkIndex | None) -> tuple[list[Diagnostic], _Instead]:
    """The reader's findings, and those of *plan*'s rules that a reader's own finding does not stand in for."""
    # A reader that could not read something says so, and the rule that would blame the document is not run there.
    # It stands in for that rule at its element and below it (a problem's cell read for none of its measures).
    instead = tuple((d.params["supersedes"], d.pointer) for d in got.report.diagnostics if "supersedes" in d.params)
    checked = iter_planned(got.ledger, job.config, plan, links=links)
    return [*got.report.diagnostics, *(d for d in checked if not _superseded(d, instead))], instead


def _result(path: str, job: _Job, found: Iterable[Diagnostic], where: Locator | None, ledger: Ledger) -> FileResult:
    report = Report.build(found, job.waivers, path).locate(path, where)
    return FileResult(path, Outcome.CHECKED, report, _sketch(ledger, {d.pointer for d in report.diagnostics}))


_Instead = tuple[tuple[str, str], ...]


def _superseded(d: Diagnostic, instead: _Instead) -> bool:
    return any(d.rule == rule and (d.pointer == at or d.pointer.startswith(at + "/")) for rule, at in instead)


_NO_LINKS = LinkIndex({}, {}, ())


# A file's problems with links, as plain values (they pickle at C speed, attrs objects do not): per
# inspection with such a problem, its place, id, unit, document kind and earliest stated date (by name),
# and per such problem its place, id, title and links (kind, inspection, problem, note).
_Links = tuple[tuple[str, str, str, str | None], ...]
_Linked = tuple[
    tuple[int, str, str | None, str | None, tuple[str, PartialDate] | None, tuple[tuple[int, str, str, _Links], ...]],
    ...,
]


def _linked(ledger: Ledger) -> _Linked:
    found = []
    for n, x in enumerate(ledger.inspections):
        problems = tuple(
            (i, p.id, p.title, tuple((k.kind.value, k.inspection, k.problem, k.note) for k in p.links))
            for i, p in enumerate(x.problems)
            if p.links
        )
        if problems:
            dated = next(((name, d) for name in DATE_CHAIN if (d := getattr(x, name)) is not None), None)
            document = x.document.value if x.document is not None else None
            found.append((n, x.id, x.unit, document, dated, problems))
    return tuple(found)


def _skeleton(linked: _Linked) -> Ledger:
    """The ledger as the link rules read it: each problem with links at its place, in its inspection."""
    inspections = [_BLANK_INSPECTION] * (linked[-1][0] + 1 if linked else 0)
    for n, id, unit, document, dated, problems in linked:
        kept = [_BLANK_PROBLEM] * (problems[-1][0] + 1)
        for i, pid, title, links in problems:
            kept[i] = Problem(pid, title, links=tuple(Link(LinkKind(k), a, b, note) for k, a, b, note in links))
        date = {dated[0]: dated[1]} if dated is not None else {}
        kind = DocumentKind(document) if document is not None else None
        inspections[n] = Inspection(id, unit=unit, document=kind, problems=tuple(kept), **date)  # type: ignore[arg-type]
    return Ledger(tuple(inspections))


@frozen
class _Pending:
    """A file with links, checked within itself where it was read; what the checks across files need of it.

    Small, and plain values where it can: the caller's process finishes it once every file is indexed,
    without the file or its ledger.

    Args:
        found: the reader's findings and the other rules', located, not yet waived.
        sketch: where there are findings, the ids and titles of what they and the links name (see
            ``FileResult.sketch``); else None, and the links' problems name themselves.
        linked: the problems with links (see ``_Linked``).
        places: where the links and the elements above them stand in the file (see ``inputs.portable``).
        instead: the reader's stand-ins (rule, pointer) for rules it did not let run.
    """

    found: tuple[Diagnostic, ...]
    sketch: Ledger | None
    linked: _Linked
    places: Locator | None
    instead: _Instead

    @classmethod
    def of(cls, path: str, job: _Job, got: Read, plan: Plan) -> _Pending:
        found, instead = _found(path, job, got, plan, None)
        located = Report(tuple(found)).locate(path, got.where).diagnostics
        sites = [site.pointer for site in iter_links(got.ledger)]
        sketch = _sketch(got.ledger, [*(d.pointer for d in located), *sites]) if located else None
        return cls(located, sketch, _linked(got.ledger), portable(got.where, sites), instead)

    def finish(self, path: str, job: _Job, plan: Plan, links: LinkIndex) -> FileResult:
        """The file's result: its findings and those of the checks across files (*plan*), against *links*."""
        skeleton = _skeleton(self.linked)
        across = (d for d in iter_planned(skeleton, job.config, plan, links=links))
        found = (*self.found, *(d for d in across if not _superseded(d, self.instead)))
        return _result(path, job, found, self.places, self.sketch or skeleton)


_Indexed = tuple[int, Shard | None, FileResult | _Pending | None]


def _index_files(paths: Sequence[tuple[int, Source]], job: _Job) -> list[_Indexed]:
    """Each file's shard, and its result: whole where that needs no other file (no links) or it failed,
    else checked within itself (a ``_Pending``), to finish once every file is indexed. Each file is read once."""
    whole = job.config.plan()
    within = whole.part(across=False)
    out: list[_Indexed] = []
    for k, source in paths:
        path = _name(source)
        try:
            got = _read_one(source, job)
            shard = Shard.of(got.ledger)
            if shard.edges:
                out.append((k, shard, _Pending.of(path, job, got, within)))
            else:
                out.append(
                    (k, shard, _result(path, job, _found(path, job, got, whole, _NO_LINKS)[0], got.where, got.ledger))
                )
        except Unloadable as e:
            out.append((k, None, FileResult(path, Outcome.UNLOADABLE, e.report)))
        except (Exception, MemoryError, RecursionError) as e:  # a bug: that file's result, never the batch's
            out.append((k, None, _crashed(path, e)))
    return out


# --- the driver -----------------------------------------------------------------------------------


class _Serial:
    """An executor that runs each task at once, in this process (``jobs=1``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        from concurrent.futures import Future  # noqa: PLC0415 -- the batch machinery loads only for batches

        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as e:  # handed to the caller through the future, as executors do
            future.set_exception(e)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def _packed(fn: Callable[[list[Any], _Job], list[Any]], chunk: list[Any], job: _Job) -> bytes:
    """``fn(chunk, job)`` where a worker runs it, pickled there: one bytes value crosses back.

    An executor then moves bytes, not a list of objects: Dask's own serialization looks at each item
    (10,000 small files' results: 1.7 s on a local cluster, 1.35 s as bytes). The collector is paused
    while the chunk's results are built, as it is in the caller's process.
    """
    with paused():
        return pickle.dumps(fn(chunk, job), protocol=pickle.HIGHEST_PROTOCOL)


class _Pool:
    """The executor a batch runs on; one it made itself is renewed after a worker dies."""

    def __init__(self, executor: Executor | None, jobs: int) -> None:
        self.jobs = jobs
        self.own = executor is None
        self.executor: Any = executor if executor is not None else self._make()

    def _make(self) -> Any:
        if self.jobs <= 1:
            return _Serial()
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 -- only for batches

        return ProcessPoolExecutor(self.jobs)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._make()

    def close(self) -> None:
        if self.own:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def map(self, fn: Callable[..., list[Any]], chunks: list[list[Any]], job: _Job) -> Iterator[Any]:
        """Each output of ``fn(chunk, job)``, as its chunk finishes.

        A chunk the executor loses is retried file by file; files lost again (a dead worker
        takes every queued task with it) run one at a time, and one that still fails comes
        back as ``(item, exception)``: that file's crash, the others unharmed.
        """
        from concurrent.futures import BrokenExecutor  # noqa: PLC0415 -- only for batches

        pending, alone = chunks, False
        while pending:
            retry: list[list[Any]] = []
            broken = False
            for chunk, future in self._run(fn, pending, job, alone=alone):
                error = future.exception()
                if error is None:
                    result = future.result()
                    yield from (result if isinstance(self.executor, _Serial) else pickle.loads(result))
                    continue
                broken |= isinstance(error, BrokenExecutor)
                if not alone and (len(chunk) > 1 or isinstance(error, BrokenExecutor)):
                    retry.extend([item] for item in chunk)
                else:
                    yield from ((item, error) for item in chunk)
                if alone and broken and self.own:
                    self.renew()
                    broken = False
            if broken and self.own:
                self.renew()
            alone = all(len(chunk) == 1 for chunk in pending)
            pending = retry

    def _submit(self, fn: Callable[..., Any], chunk: list[Any], job: _Job) -> Future[Any]:
        if isinstance(self.executor, _Serial):
            return self.executor.submit(fn, chunk, job)
        future: Future[Any] = self.executor.submit(_packed, fn, chunk, job)
        return future

    def _run(
        self, fn: Callable[..., Any], chunks: list[list[Any]], job: _Job, *, alone: bool
    ) -> Iterator[tuple[list[Any], Future[Any]]]:
        """Each chunk with its future, as they finish; *alone*: one at a time."""
        from concurrent.futures import FIRST_COMPLETED, wait  # noqa: PLC0415 -- only for batches

        if alone:
            for chunk in chunks:
                future = self._submit(fn, chunk, job)
                wait([future])
                yield chunk, future
            return
        futures = {self._submit(fn, chunk, job): chunk for chunk in chunks}
        while futures:
            done, _ = wait(futures, return_when=FIRST_COMPLETED)
            for future in done:
                yield futures.pop(future), future


def validate_many(
    paths: Iterable[str | os.PathLike[str] | Ledger | tuple[str, Ledger]],
    config: Config | None = None,
    waivers: Iterable[Waiver] = (),
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    input: Input = "auto",
    options: Options | None = None,
    reader: Reader | None = None,
    chunk_files: int = CHUNK_FILES,
    chunk_bytes: int = CHUNK_BYTES,
) -> Iterator[FileResult]:
    """Validate every file, links resolved across all of them; yield each result as it is ready.

    Args:
        paths: ledger JSON files, notices or workbooks; or ledgers an application already holds, each
            alone (its results named ``<ledger K>``, K its place in *paths*) or as ``(name, ledger)``.
        config: which rules run (default: all).
        waivers: accepted diagnostics (matched per file, as ``Waiver.matches`` says).
        jobs: worker processes when no *executor* is given (default: the cores; 1: in this process).
        executor: any :class:`concurrent.futures.Executor` (Dask: ``Client(...).get_executor()``);
            it receives module-level functions, paths and small index slices, and returns plain data.
            The caller owns it: it is not shut down.
        input: what the files are (``auto``: by extension); overrides ``options.input``.
        options: how to read them (see :func:`rectmodel.inputs.read`).
        reader: a module-level function that reads a path into a ledger, instead of :func:`rectmodel.inputs.read`.
        chunk_files: at most this many files to a task (fewer where the files would not give each
            worker four tasks).
        chunk_bytes: at most this many bytes of files to a task (a larger file is a task alone).

    Returns:
        An iterator of :class:`FileResult`, one per file, in the order they finish. A file that
        cannot be read is ``UNLOADABLE``; one rectmodel fails on (even by killing its worker)
        is ``CRASHED``; neither stops the others.
    """
    if chunk_files < 1 or chunk_bytes < 1:
        raise ValueError(f"chunk_files and chunk_bytes must be at least 1, not {chunk_files} and {chunk_bytes}")
    files = [_source(k, p) for k, p in enumerate(paths)]
    options = attrs.evolve(options or Options(), input=input) if input != "auto" or options is None else options
    job = _Job(config or Config(), tuple(waivers), options, reader)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    pool = _Pool(executor, min(workers, len(files)) if executor is None else workers)
    try:
        yield from _paused_while_working(_batch(files, job, pool, (chunk_files, chunk_bytes)))
    finally:
        pool.close()


def _paused_while_working(results: Iterator[FileResult]) -> Iterator[FileResult]:
    """*results*, the collector paused while the batch gathers them and as it was while the caller has one.

    Gathering builds a pending result per linked file and unpickles every worker's output: containers by
    the hundred thousand, none in a cycle, that a collection would only rescan, more at each.
    """
    while True:
        with paused():
            result = next(results, None)
        if result is None:
            return
        yield result


def _source(k: int, item: str | os.PathLike[str] | Ledger | tuple[str, Ledger]) -> Source:
    if isinstance(item, Ledger):
        return (f"<ledger {k}>", item)
    if isinstance(item, tuple):
        return (str(item[0]), item[1])
    return os.fspath(item)


def _size(source: Source) -> int:
    if not isinstance(source, str):
        return 0
    try:
        return os.stat(source).st_size
    except OSError:
        return 0  # its task says why it cannot be read


def _chunks(items: list[tuple[int, Source]], workers: int, files: int, size: int) -> list[list[tuple[int, Source]]]:
    """Tasks of up to *files* files and *size* bytes (a larger file alone), and at least four per worker
    where there are enough files, so that the workers stay busy to the end."""
    most = max(1, min(files, len(items) // (max(workers, 1) * 4)))
    chunks: list[list[tuple[int, Source]]] = []
    chunk: list[tuple[int, Source]] = []
    held = 0
    for item in items:
        weight = _size(item[1])
        if chunk and (len(chunk) >= most or held + weight > size):
            chunks.append(chunk)
            chunk, held = [], 0
        chunk.append(item)
        held += weight
    if chunk:
        chunks.append(chunk)
    return chunks


def _batch(files: list[Source], job: _Job, pool: _Pool, chunk: tuple[int, int]) -> Iterator[FileResult]:
    shards: list[Shard | None] = [None] * len(files)
    linked: dict[int, _Pending] = {}
    for out in pool.map(_index_files, _chunks(list(enumerate(files)), pool.jobs, *chunk), job):
        if isinstance(out[1], BaseException):  # a file that killed its worker
            (k, source), error = out
            yield _crashed(_name(source), error)
            continue
        k, shard, done = out
        shards[k] = shard
        if isinstance(done, _Pending):
            linked[k] = done
        elif done is not None:
            yield done
    if not linked:
        return
    index = LinkIndex.of(s for s in shards if s is not None)  # in the order given: a later round wins
    across = job.config.plan().part(across=True)
    for k in sorted(linked):
        path = _name(files[k])
        try:
            yield linked.pop(k).finish(path, job, across, index.slice(shards[k]))  # type: ignore[arg-type]
        except (Exception, MemoryError, RecursionError) as e:
            yield _crashed(path, e)
