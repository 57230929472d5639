"""Validate many files at once: on every core, or on a cluster, with links resolved across all of them.

Two passes, each a map over the files on any :class:`concurrent.futures.Executor`:

1. each file is read and reduced to its :class:`~rectmodel.units.Shard` (rounds, successions,
   links); a file without links is validated on the spot;
2. the shards are merged once into a :class:`~rectmodel.units.LinkIndex`, and every file with
   links is validated, as pass 1 read it (never parsed twice), against its
   :meth:`~rectmodel.units.LinkIndex.slice`.

Work travels to the workers as paths (and, for pass 2, what pass 1 read plus the small slice),
and comes back as plain, picklable values (:class:`FileResult`, :class:`~rectmodel.inputs.Read`);
so a process pool (the default), a Dask cluster (``distributed.Client(...).get_executor()``)
or a Ray pool plug in unchanged.
Everything is linear in the number of files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from ._format import describe
from .diagnostics import Diagnostic, Report, Waiver
from .inputs import Input, Options, Read, Unloadable, read
from .model import Group, GroupLevel, Inspection, Ledger, Measure, Problem
from .rules import Config, iter_diagnostics
from .units import LinkIndex, Shard

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

__all__ = ["FileResult", "Input", "Outcome", "Unloadable", "validate_many"]

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


def _sketch(ledger: Ledger, pointers: Iterable[str]) -> Ledger:
    """*ledger* reduced to the ids and titles of the elements *pointers* name, each at its place: small to send.

    The elements before a named one are shared blanks (pickled once), the ones after it are dropped.
    """
    named = {_indexes(p)[:k] for p in pointers for k in range(1, len(_indexes(p)) + 1)}
    blank_problem, blank_measure = Problem("", ""), Measure("", "")
    blank_group = Group("", GroupLevel.ASPECT, "")

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
        return Problem(x.id, x.title, measures=keep(path, x.measures, blank_measure, measure))

    def inspection(x: Inspection, path: tuple[int, ...]) -> Inspection:
        groups = {-1 - p[-1] for p in named if len(p) == 2 and p[0] == path[0] and p[-1] < 0}
        last = max(groups, default=-1)
        kept = tuple(group(g, path) if k in groups else blank_group for k, g in enumerate(x.groups[: last + 1]))
        return Inspection(x.id, groups=kept, problems=keep(path, x.problems, blank_problem, problem))

    return Ledger(keep((), ledger.inspections, Inspection(""), inspection))


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


def _check(path: str, job: _Job, got: Read, links: LinkIndex) -> FileResult:
    ledger = got.ledger
    # A reader that could not read something says so, and the rule that would blame the document is not run there.
    # It stands in for that rule at its element and below it (a problem's cell read for none of its measures).
    instead = [(d.params["supersedes"], d.pointer) for d in got.report.diagnostics if "supersedes" in d.params]
    checked = iter_diagnostics(ledger, job.config, links=links)
    found = (*got.report.diagnostics, *(d for d in checked if not _superseded(d, instead)))
    report = Report.build(found, job.waivers, path).locate(path, got.where)
    return FileResult(path, Outcome.CHECKED, report, _sketch(ledger, {d.pointer for d in report.diagnostics}))


def _superseded(d: Diagnostic, instead: list[tuple[str, str]]) -> bool:
    return any(d.rule == rule and (d.pointer == at or d.pointer.startswith(at + "/")) for rule, at in instead)


_NO_LINKS = LinkIndex({}, {}, ())


_Indexed = tuple[int, Shard | None, FileResult | Read | None]


def _index_files(paths: Sequence[tuple[int, Source]], job: _Job) -> list[_Indexed]:
    """Pass 1: each file's shard; and its result, where that needs no other file (no links) or it failed.

    A file with links comes back read (its ``Read``), so that pass 2 checks it without parsing it again.
    """
    out: list[_Indexed] = []
    for k, source in paths:
        path = _name(source)
        try:
            got = _read_one(source, job)
            shard = Shard.of(got.ledger)
            out.append((k, shard, got if shard.edges else _check(path, job, got, _NO_LINKS)))
        except Unloadable as e:
            out.append((k, None, FileResult(path, Outcome.UNLOADABLE, e.report)))
        except (Exception, MemoryError, RecursionError) as e:  # a bug: that file's result, never the batch's
            out.append((k, None, _crashed(path, e)))
    return out


def _check_files(work: Sequence[tuple[int, str, Read, LinkIndex]], job: _Job) -> list[tuple[int, FileResult]]:
    """Pass 2: validate each file, as pass 1 read it, against its slice of the merged index."""
    out: list[tuple[int, FileResult]] = []
    for k, path, got, links in work:
        try:
            out.append((k, _check(path, job, got, links)))
        except (Exception, MemoryError, RecursionError) as e:
            out.append((k, _crashed(path, e)))
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
                    yield from future.result()
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

    def _run(
        self, fn: Callable[..., Any], chunks: list[list[Any]], job: _Job, *, alone: bool
    ) -> Iterator[tuple[list[Any], Future[Any]]]:
        """Each chunk with its future, as they finish; *alone*: one at a time."""
        from concurrent.futures import FIRST_COMPLETED, wait  # noqa: PLC0415 -- only for batches

        if alone:
            for chunk in chunks:
                future = self.executor.submit(fn, chunk, job)
                wait([future])
                yield chunk, future
            return
        futures = {self.executor.submit(fn, chunk, job): chunk for chunk in chunks}
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

    Returns:
        An iterator of :class:`FileResult`, one per file, in the order they finish. A file that
        cannot be read is ``UNLOADABLE``; one rectmodel fails on (even by killing its worker)
        is ``CRASHED``; neither stops the others.
    """
    files = [_source(k, p) for k, p in enumerate(paths)]
    options = attrs.evolve(options or Options(), input=input) if input != "auto" or options is None else options
    job = _Job(config or Config(), tuple(waivers), options, reader)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    pool = _Pool(executor, min(workers, len(files)) if executor is None else workers)
    try:
        yield from _batch(files, job, pool)
    finally:
        pool.close()


def _source(k: int, item: str | os.PathLike[str] | Ledger | tuple[str, Ledger]) -> Source:
    if isinstance(item, Ledger):
        return (f"<ledger {k}>", item)
    if isinstance(item, tuple):
        return (str(item[0]), item[1])
    return os.fspath(item)


def _chunks(items: list[Any], workers: int) -> list[list[Any]]:
    """Tasks of a few files each: few enough to keep a scheduler's overhead small, many enough to balance."""
    size = max(1, min(32, len(items) // (max(workers, 1) * 8)))
    return [items[k : k + size] for k in range(0, len(items), size)]


def _batch(files: list[Source], job: _Job, pool: _Pool) -> Iterator[FileResult]:
    shards: list[Shard | None] = [None] * len(files)
    linked: dict[int, Read] = {}
    for out in pool.map(_index_files, _chunks(list(enumerate(files)), pool.jobs), job):
        if isinstance(out[1], BaseException):  # a file that killed its worker
            (k, source), error = out
            yield _crashed(_name(source), error)
            continue
        k, shard, done = out
        shards[k] = shard
        if isinstance(done, Read):
            linked[k] = done
        elif done is not None:
            yield done
    if not linked:
        return
    index = LinkIndex.of(s for s in shards if s is not None)  # in the order given: a later round wins
    work = [(k, _name(files[k]), linked.pop(k), index.slice(shards[k])) for k in sorted(linked)]  # type: ignore[arg-type]
    for out in pool.map(_check_files, _chunks(work, pool.jobs), job):
        if isinstance(out[1], BaseException):
            (k, path, _, _), error = out
            yield _crashed(path, error)
            continue
        yield out[1]
