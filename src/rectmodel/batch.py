"""Validate many files at once: on every core, or on a cluster, with links resolved across all of them.

Two passes, each a map over the files on any :class:`concurrent.futures.Executor`:

1. each file is read and reduced to its :class:`~rectmodel.units.Shard` (rounds, successions,
   links); a file without links is validated on the spot;
2. the shards are merged once into a :class:`~rectmodel.units.LinkIndex`, and every file with
   links is read again and validated against its :meth:`~rectmodel.units.LinkIndex.slice`.

Work travels to the workers as paths (plus the small slice), and comes back as plain,
picklable :class:`FileResult` values; so a process pool (the default), a Dask cluster
(``distributed.Client(...).get_executor()``) or a Ray pool plug in unchanged.
Everything is linear in the number of files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

from attrs import field, frozen

from ._format import describe
from .codec import json_locator, loads_with_spans
from .diagnostics import Diagnostic, Locator, Report, Severity, Waiver
from .errors import LoadCode, LoadError, LoadIssue
from .model import Ledger
from .notices import SUFFIXES as NOTICE_SUFFIXES
from .notices import read as read_notice
from .rules import Config, iter_diagnostics
from .units import LinkIndex, Shard

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

__all__ = ["FileResult", "Input", "Outcome", "Unloadable", "input_of", "read", "suffixes", "validate_many"]

Input = Literal["auto", "json", "notice", "sheet"]
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
        items: the element each diagnostic's pointer names, in the clerk's words, by language
            (``{"/inspections/0/problems/2": {"en": "problem P3 “…”", "zh": "问题 P3“…”"}}``).
        error: for a crash, the exception in one line.
    """

    path: str
    outcome: Outcome
    report: Report = field(factory=lambda: Report(()))
    items: Mapping[str, Mapping[str, str]] = field(factory=dict)
    error: str | None = None


class Unloadable(Exception):
    """A file that cannot be read or loaded, with the located report that says why."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report


def suffixes() -> tuple[str, ...]:
    """Every file extension ``validate`` reads: ledger JSON, notices and workbooks."""
    from .sheets import SUFFIXES  # noqa: PLC0415 -- the spreadsheet engines load only for workbooks

    return (".json", *NOTICE_SUFFIXES, *SUFFIXES)


def input_of(path: str, kind: str = "auto") -> str:
    """What a file is: ``json``, ``notice`` or ``sheet``; by *kind*, else by its extension."""
    if kind != "auto":
        return kind
    suffix = os.path.splitext(path)[1].lower()
    if suffix in NOTICE_SUFFIXES:
        return "notice"
    from .sheets import SUFFIXES  # noqa: PLC0415 -- the spreadsheet engines load only for workbooks

    return "sheet" if suffix in SUFFIXES else "json"


def _load_failures(e: LoadError | OSError | UnicodeDecodeError) -> tuple[Diagnostic, ...]:
    """Why a file could not be loaded, read, or (a notice) decoded, as diagnostics of rule ``load``."""
    if isinstance(e, LoadError):
        issues = e.issues
    elif isinstance(e, UnicodeDecodeError):
        issues = (LoadIssue(LoadCode.NOT_UTF8, "", {"byte": e.object[e.start], "offset": e.start}),)
    else:
        issues = (LoadIssue(LoadCode.UNREADABLE, "", {"reason": e.strerror or str(e)}),)
    return tuple(Diagnostic.from_load_issue(issue) for issue in issues)


def _json_locator(data: bytes) -> Locator:
    """Locate pointers in a JSON file's bytes (scanned as bytes, only if a diagnostic needs it)."""
    return json_locator(data)


def read(
    path: str, input: str = "auto", options: Mapping[str, Any] | None = None
) -> tuple[Ledger, tuple[Diagnostic, ...], Locator]:
    """The ledger in *path*, the reader's diagnostics, and where its elements stand in the file.

    Args:
        path: a ledger JSON file, a notice or a workbook.
        input: what the file is (``auto``: by its extension).
        options: a workbook's reader options (``mapping``, ``inspector``, ``target``, ``feedback_date`` …).

    Raises:
        Unloadable: the file cannot be read or loaded; its located diagnostics say why.
    """
    what = input_of(path, input)
    if what == "sheet":
        from .sheets import read as read_sheet  # noqa: PLC0415 -- the spreadsheet engines load only for workbooks

        sheet = read_sheet(path, **(options or {}))
        if not sheet.ledger.inspections and any(d.severity is Severity.ERROR for d in sheet.diagnostics):
            raise Unloadable(Report(sheet.diagnostics).locate(path, sheet.locator()))
        return sheet.ledger, sheet.diagnostics, sheet.locator()
    if what == "notice":
        try:
            result = read_notice(path)
        except (OSError, UnicodeDecodeError) as e:
            raise Unloadable(Report(_load_failures(e)).locate(path)) from None
        if not result.ledger.inspections:  # no text to read: corrupt, encrypted, a scan, empty
            raise Unloadable(Report(result.diagnostics).locate(path))
        return result.ledger, result.diagnostics, result.locator()
    try:
        with open(path, "rb") as fp:
            data = fp.read()
    except OSError as e:
        raise Unloadable(Report(_load_failures(e)).locate(path)) from None
    try:
        ledger, spans = loads_with_spans(data, source=path)
        return ledger, (), json_locator(data, spans=spans)
    except LoadError as e:
        raise Unloadable(Report(_load_failures(e)).locate(path, _json_locator(data))) from None


# --- what a worker does ---------------------------------------------------------------------------


@frozen
class _Job:
    """What every task of a batch shares (small: sent with each task)."""

    config: Config
    waivers: tuple[Waiver, ...]
    input: str
    options: Mapping[str, Any]
    reader: Reader | None


def _read_one(path: str, job: _Job) -> tuple[Ledger, tuple[Diagnostic, ...], Locator | None]:
    if job.reader is not None:
        return job.reader(path), (), None
    return read(path, job.input, job.options)


def _crashed(path: str, e: BaseException) -> FileResult:
    return FileResult(path, Outcome.CRASHED, error=f"{type(e).__name__}: {e}"[:300])


def _check(
    path: str, job: _Job, read: tuple[Ledger, tuple[Diagnostic, ...], Locator | None], links: LinkIndex
) -> FileResult:
    ledger, parsed, where = read
    found = (*parsed, *iter_diagnostics(ledger, job.config, links=links))
    report = Report.build(found, job.waivers, path).locate(path, where)
    pointers = {d.pointer for d in report.diagnostics}
    items = {p: {lang: text for lang in ("en", "zh") if (text := describe(ledger, p, lang))} for p in pointers}
    return FileResult(path, Outcome.CHECKED, report, {p: i for p, i in items.items() if i})


_NO_LINKS = LinkIndex({}, {}, ())


def _index_files(paths: Sequence[tuple[int, str]], job: _Job) -> list[tuple[int, Shard | None, FileResult | None]]:
    """Pass 1: each file's shard; and its result, where that needs no other file (no links) or it failed."""
    out: list[tuple[int, Shard | None, FileResult | None]] = []
    for k, path in paths:
        try:
            got = _read_one(path, job)
            shard = Shard.of(got[0])
            done = _check(path, job, got, _NO_LINKS) if not shard.edges else None
            out.append((k, shard, done))
        except Unloadable as e:
            out.append((k, None, FileResult(path, Outcome.UNLOADABLE, e.report)))
        except (Exception, MemoryError, RecursionError) as e:  # a bug: that file's result, never the batch's
            out.append((k, None, _crashed(path, e)))
    return out


def _check_files(work: Sequence[tuple[int, str, LinkIndex]], job: _Job) -> list[tuple[int, FileResult]]:
    """Pass 2: validate each file against its slice of the merged index."""
    out: list[tuple[int, FileResult]] = []
    for k, path, links in work:
        try:
            out.append((k, _check(path, job, _read_one(path, job), links)))
        except Unloadable as e:  # changed between the passes
            out.append((k, FileResult(path, Outcome.UNLOADABLE, e.report)))
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
    paths: Iterable[str | os.PathLike[str]],
    config: Config | None = None,
    waivers: Iterable[Waiver] = (),
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    input: Input = "auto",
    options: Mapping[str, Any] | None = None,
    reader: Reader | None = None,
) -> Iterator[FileResult]:
    """Validate every file, links resolved across all of them; yield each result as it is ready.

    Args:
        paths: ledger JSON files, notices or workbooks.
        config: which rules run (default: all).
        waivers: accepted diagnostics (matched per file, as ``Waiver.matches`` says).
        jobs: worker processes when no *executor* is given (default: the cores; 1: in this process).
        executor: any :class:`concurrent.futures.Executor` (Dask: ``Client(...).get_executor()``);
            it receives module-level functions, paths and small index slices, and returns plain data.
            The caller owns it: it is not shut down.
        input: what the files are (``auto``: by extension).
        options: a workbook's reader options (see :func:`read`).
        reader: a module-level function that reads a path into a ledger, instead of :func:`read`.

    Returns:
        An iterator of :class:`FileResult`, one per file, in the order they finish. A file that
        cannot be read is ``UNLOADABLE``; one rectmodel fails on (even by killing its worker)
        is ``CRASHED``; neither stops the others.
    """
    files = [os.fspath(p) for p in paths]
    job = _Job(config or Config(), tuple(waivers), input, dict(options or {}), reader)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    pool = _Pool(executor, min(workers, len(files)) if executor is None else workers)
    try:
        yield from _batch(files, job, pool)
    finally:
        pool.close()


def _chunks(items: list[Any], workers: int) -> list[list[Any]]:
    """Tasks of a few files each: few enough to keep a scheduler's overhead small, many enough to balance."""
    size = max(1, min(32, len(items) // (max(workers, 1) * 8)))
    return [items[k : k + size] for k in range(0, len(items), size)]


def _batch(files: list[str], job: _Job, pool: _Pool) -> Iterator[FileResult]:
    shards: list[Shard | None] = [None] * len(files)
    linked: list[int] = []
    for out in pool.map(_index_files, _chunks(list(enumerate(files)), pool.jobs), job):
        if isinstance(out[1], BaseException):  # a file that killed its worker
            (k, path), error = out
            yield _crashed(path, error)
            continue
        k, shard, done = out
        shards[k] = shard
        if done is not None:
            yield done
        elif shard is not None:
            linked.append(k)
    if not linked:
        return
    index = LinkIndex.of(s for s in shards if s is not None)  # in the order given: a later round wins
    work = [(k, files[k], index.slice(shards[k])) for k in sorted(linked)]  # type: ignore[arg-type]
    for out in pool.map(_check_files, _chunks(work, pool.jobs), job):
        if isinstance(out[1], BaseException):
            (k, path, _), error = out
            yield _crashed(path, error)
            continue
        yield out[1]
