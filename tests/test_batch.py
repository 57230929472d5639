"""Validating many files at once: the same diagnostics on any executor, links across files, crashes contained."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from rectmodel import Ledger, load
from rectmodel.batch import FileResult, Outcome, validate_many
from rectmodel.cli import main
from rectmodel.units import LinkIndex, Shard

from support import minimal_document


def _round(id: str, start: str, *, unit: str = "sjj", links: list[dict[str, str]] | None = None) -> dict[str, Any]:
    problem: dict[str, Any] = {
        "id": "P1",
        "title": "议事决策不规范",
        "measures": [{"id": "M1", "text": "修订议事规则"}],
    }
    if links is not None:
        problem["links"] = links
    return minimal_document(id=id, unit=unit, start=start, problems=[problem])


def _corpus(tmp_path: Path) -> list[str]:
    """Rounds linking back into each other's files: good links, a later round, a dangling one, another unit."""
    docs = {
        "a.json": _round("r2019", "2019-03"),
        "b.json": _round("r2021", "2021-03", links=[{"kind": "recurrence", "inspection": "r2019", "problem": "P1"}]),
        "c.json": _round("r2023", "2023-03", links=[{"kind": "recurrence", "inspection": "r2021", "problem": "P9"}]),
        "d.json": _round("r2020", "2020-03", links=[{"kind": "recurrence", "inspection": "r2021", "problem": "P1"}]),
        "e.json": _round(
            "x2022", "2022-03", unit="wjw", links=[{"kind": "recurrence", "inspection": "r2019", "problem": "P1"}]
        ),
        "broken.json": {"inspections": "not a list"},
    }
    for name, doc in docs.items():
        (tmp_path / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return [str(tmp_path / name) for name in docs]


def _facts(results: list[FileResult]) -> dict[str, list[tuple[str, str, str]]]:
    return {
        os.path.basename(r.path): sorted((d.rule, d.pointer, str(d.location)) for d in r.report.diagnostics)
        for r in results
    }


def test_serial_and_parallel_find_the_same_diagnostics_links_across_files(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    serial = list(validate_many(paths, jobs=1))
    parallel = list(validate_many(paths, jobs=2))
    assert _facts(serial) == _facts(parallel)
    found = _facts(serial)
    assert found["a.json"] == []
    assert found["b.json"] == []
    assert [f[:2] for f in found["c.json"]] == [("dangling-reference", "/inspections/0/problems/0/links/0")]
    assert [f[:2] for f in found["d.json"]] == [("link-forward-in-time", "/inspections/0/problems/0/links/0")]
    assert [f[:2] for f in found["e.json"]] == [("link-unit-mismatch", "/inspections/0/problems/0/links/0")]
    outcomes = {os.path.basename(r.path): r.outcome for r in serial}
    assert outcomes["broken.json"] is Outcome.UNLOADABLE


def test_a_batch_finds_what_validate_with_others_finds(tmp_path: Path) -> None:
    """The merged index answers as the old per-file ``others`` did."""
    from rectmodel import validate

    paths = _corpus(tmp_path)[:-1]
    ledgers = [load(p) for p in paths]
    expected = {
        os.path.basename(p): sorted(
            (d.rule, d.pointer) for d in validate(x, others=[o for o in ledgers if o is not x]).diagnostics
        )
        for p, x in zip(paths, ledgers, strict=True)
    }
    got = {k: [f[:2] for f in v] for k, v in _facts(list(validate_many(paths, jobs=1))).items()}
    assert got == expected


def test_link_cycles_across_files_are_reported_by_each_file_on_them(tmp_path: Path) -> None:
    a = _round("r1", "2019", links=[{"kind": "related", "inspection": "r2", "problem": "P1"}])
    b = _round("r2", "2019", links=[{"kind": "related", "inspection": "r1", "problem": "P1"}])
    for name, doc in (("a.json", a), ("b.json", b)):
        (tmp_path / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    found = _facts(list(validate_many([str(tmp_path / "a.json"), str(tmp_path / "b.json")], jobs=2)))
    assert all(any(rule == "link-cycle" for rule, _, _ in facts) for facts in found.values())


def _dask_client() -> Any:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    return cluster, distributed.Client(cluster)


@pytest.mark.dask
def test_a_dask_cluster_finds_the_same_diagnostics(tmp_path: Path) -> None:
    """A real ``LocalCluster`` of two worker processes, through ``Client.get_executor()``."""
    paths = _corpus(tmp_path)
    cluster, client = _dask_client()
    try:
        on_dask = list(validate_many(paths, executor=client.get_executor()))
    finally:
        client.close()
        cluster.close()
    assert _facts(on_dask) == _facts(list(validate_many(paths, jobs=1)))


def crashing_reader(path: str) -> Ledger:
    """A reader with a bug in it for one file, and one that kills its worker process outright."""
    if path.endswith("boom.json"):
        raise KeyError("boom")
    if path.endswith("die.json"):
        os._exit(1)
    return load(path)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_crashes_is_its_own_error_and_the_others_survive(tmp_path: Path, jobs: int) -> None:
    paths = [*_corpus(tmp_path)[:5], str(tmp_path / "boom.json")]
    (tmp_path / "boom.json").write_text("{}", encoding="utf-8")
    if jobs > 1:
        paths.append(str(tmp_path / "die.json"))
        (tmp_path / "die.json").write_text("{}", encoding="utf-8")
    results = {os.path.basename(r.path): r for r in validate_many(paths, jobs=jobs, reader=crashing_reader)}
    assert len(results) == len(paths)
    assert results["boom.json"].outcome is Outcome.CRASHED
    assert results["boom.json"].error == "KeyError: 'boom'"
    if jobs > 1:  # the pool broke: the culprit is found, everything else is still checked
        assert results["die.json"].outcome is Outcome.CRASHED
        assert "BrokenProcessPool" in (results["die.json"].error or "")
    assert all(r.outcome is Outcome.CHECKED for name, r in results.items() if name not in {"boom.json", "die.json"})
    assert results["b.json"].report.diagnostics == ()  # its link still resolved


def test_cli_expands_dir_glob_and_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path / "x" if (tmp_path / "x").mkdir() is None else tmp_path)
    (tmp_path / "x" / "broken.json").unlink()
    (tmp_path / "x" / "notes.md").write_text("not a ledger", encoding="utf-8")
    (tmp_path / "list.txt").write_text("# the rounds\nx/a.json\n\nx/b.json\n", encoding="utf-8")

    def summary(argv: list[str]) -> tuple[int, dict[str, Any]]:
        code = main(["validate", "--format", "jsonl", "--jobs", "2", *argv])
        lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        return code, lines[-1]["summary"]

    assert summary([str(tmp_path / "x")]) == (1, {"files": 5, "errors": 3, "warnings": 0, "infos": 0, "waived": 0})
    assert summary([str(tmp_path / "x" / "[ab].json")])[1]["files"] == 2
    assert summary([str(tmp_path / "**" / "*.json")])[1]["files"] == 5
    assert summary([f"@{tmp_path / 'list.txt'}"]) == (
        0,
        {"files": 2, "errors": 0, "warnings": 0, "infos": 0, "waived": 0},
    )
    assert main(["validate", str(tmp_path / "x" / "*.xlsx")]) == 2
    assert "names no file" in capsys.readouterr().err
    assert main(["validate", f"@{tmp_path / 'missing.txt'}"]) == 2


def test_cli_jsonl_has_one_object_per_file_then_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _corpus(tmp_path)
    assert main(["validate", "--format", "jsonl", "--jobs", "2", *paths]) == 2  # broken.json cannot be loaded
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["path"] for r in records[:-1]) == sorted(paths)
    assert {r["outcome"] for r in records[:-1]} == {"checked", "unloadable"}
    assert records[-1]["summary"]["files"] == len(paths)


def test_cli_text_keeps_the_order_given_and_exit_3_for_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _corpus(tmp_path)[:5]
    assert main(["validate", "--jobs", "2", *paths]) == 1
    lines = capsys.readouterr().out.splitlines()
    files = [line.split(":")[0] for line in lines[:-1]]
    assert files == sorted(files, key=paths.index)
    assert lines[-1].startswith("5 files: 3 errors")

    import rectmodel.batch

    def bug(path: str, input: str = "auto", options: Any = None) -> Any:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(rectmodel.batch, "read", bug)
    assert main(["validate", "--jobs", "1", *paths[:2]]) == 3
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert all("internal error (ZeroDivisionError: oops)" in line for line in err)


def test_cli_scheduler_without_dask_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    path = _corpus(tmp_path)[0]
    assert main(["validate", "--scheduler", "tcp://127.0.0.1:8786", path]) == 2
    assert capsys.readouterr().err.splitlines() == ["rectmodel: --scheduler needs Dask: pip install 'rectmodel[dask]'"]


def _shards(n: int) -> list[Shard]:
    """*n* one-round documents, each linking to the round before it (another file)."""
    shards = []
    for k in range(n):
        links = [] if k == 0 else [{"kind": "recurrence", "inspection": f"r{k - 1}", "problem": "P1"}]
        doc = _round(f"r{k}", f"{2000 + k // 12}-{k % 12 + 1:02d}", links=links)
        shards.append(Shard.of(load_document(doc)))
    return shards


def load_document(doc: dict[str, Any]) -> Ledger:
    from rectmodel import loads

    return loads(json.dumps(doc, ensure_ascii=False).encode())


def test_the_index_grows_linearly_with_the_files() -> None:
    """The merged index and every file's slice: 2,000 files cost about ten times 200 (quadratic: a hundred).

    The 200-file index is timed over ten distinct sets of 200 (the same 2,000 shards), so that
    both sizes touch the same memory and the small one is not flattered by a warm cache.
    """

    def cost(groups: list[list[Shard]]) -> float:
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            for shards in groups:
                index = LinkIndex.of(shards)
                for shard in shards:
                    index.slice(shard)
            best = min(best, time.perf_counter() - started)
        return best

    shards = _shards(2000)
    small = cost([shards[k : k + 200] for k in range(0, 2000, 200)]) / 10
    ratio = cost([shards]) / small
    assert ratio < 40, ratio


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_linked_file_is_parsed_once_and_validated_as_pass_one_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    import rectmodel.batch
    from rectmodel import inputs

    paths = _corpus(tmp_path)
    serial = {r.path: r.report for r in validate_many(paths, jobs=1)}
    counts = tmp_path / "reads"
    counts.mkdir()

    def counted(path: str, options: Any = None) -> Any:
        # one file per read, so that worker processes count too
        (counts / f"{Path(path).name}.{os.getpid()}.{time.perf_counter_ns()}").touch()
        return inputs.read(path, options)

    if jobs > 1 and multiprocessing.get_start_method() != "fork":
        pytest.skip("worker processes see the patch only when forked")
    monkeypatch.setattr(rectmodel.batch, "read", counted)
    found = {r.path: r.report for r in validate_many(paths, jobs=jobs)}
    assert found == serial
    reads = sorted(p.name.split(".")[0] for p in counts.iterdir())
    assert reads == sorted(Path(p).stem for p in paths), "each file read exactly once"
    assert any(Shard.of(load(p)).edges for p in paths), "the corpus has linked files"


def test_workers_return_the_named_elements_as_data_and_the_caller_renders_them() -> None:
    """A result carries a sketch of the elements its diagnostics name; its items read as the whole ledger's would."""
    import pickle

    from rectmodel._format import describe
    from rectmodel.batch import _sketch
    from rectmodel.inputs import read

    root = Path(__file__).resolve().parent.parent / "examples"
    paths = sorted(str(p) for p in root.iterdir() if p.suffix in (".json", ".xlsx"))
    named = 0
    for result in validate_many(paths, jobs=1):
        ledger = read(result.path).ledger
        whole = {
            d.pointer: {lang: describe(ledger, d.pointer, lang) for lang in ("en", "zh")}
            for d in result.report.diagnostics
        }
        assert result.items == {p: i for p, i in whole.items() if i["en"] is not None}, result.path
        assert len(pickle.dumps(result.sketch)) < len(pickle.dumps(ledger)), result.path
        named += len(result.items)
    assert named > 0
    ledger = read(str(root / "haizhu-2020.json")).ledger
    pointers = [
        "/inspections/0/problems/2/measures/1/deadline",
        "/inspections/0/problems/4/history/0",
        "/inspections/0/groups/1/title",
        "/inspections/0/problems/999",
        "/inspections/9",
        "",
    ]
    sketch = _sketch(ledger, pointers)
    for lang in ("en", "zh"):
        assert [describe(sketch, p, lang) for p in pointers] == [describe(ledger, p, lang) for p in pointers]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ledgers_in_memory_are_validated_with_files_and_linked_across_them(tmp_path: Path, jobs: int) -> None:
    paths = _corpus(tmp_path)
    from_files = _facts(list(validate_many(paths, jobs=1)))
    held = [(Path(p).name, load(p)) for p in paths[:4]]  # an application's own ledgers, named as it likes
    mixed = list(validate_many([*held, *paths[4:]], jobs=jobs))
    assert {r.path for r in mixed} == {Path(p).name for p in paths[:4]} | set(paths[4:])
    in_memory = {r.path: sorted((d.rule, d.pointer) for d in r.report.diagnostics) for r in mixed}
    for name in ("a.json", "b.json", "c.json", "d.json"):  # links resolved across memory and files alike
        assert in_memory[name] == [f[:2] for f in from_files[name]]
    (alone,) = validate_many([held[2][1]], jobs=1)
    assert alone.path == "<ledger 0>"
    assert [d.rule for d in alone.report.diagnostics] == ["dangling-reference"]  # r2021 is not in this batch


def test_cli_chunk_options_size_the_tasks_and_a_bad_size_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import rectmodel.batch

    paths = _corpus(tmp_path)
    given: list[dict[str, Any]] = []
    original = rectmodel.batch.validate_many

    def recording(*args: Any, **kwargs: Any) -> Any:
        given.append(kwargs)
        return original(*args, **kwargs)

    def records(argv: list[str]) -> list[dict[str, Any]]:
        assert main(["validate", "--format", "jsonl", "--jobs", "2", *argv, *paths]) == 2  # broken.json
        return sorted((json.loads(line) for line in capsys.readouterr().out.splitlines()[:-1]), key=str)

    monkeypatch.setattr(rectmodel.batch, "validate_many", recording)
    default = records([])
    assert records(["--chunk-files", "1", "--chunk-bytes", "64KiB"]) == default  # one file a task: the same findings
    assert "chunk_files" not in given[0]
    assert (given[1]["chunk_files"], given[1]["chunk_bytes"]) == (1, 64 * 1024)
    for bad in ("8X", "0", "-1M", "1.5M"):
        assert main(["validate", "--lang", "zh", f"--chunk-bytes={bad}", paths[0]]) == 2
        err = capsys.readouterr().err
        assert f"应为字节数(正整数,或带 K、M、G 的数,如 8M),而不是 {bad}" in err
