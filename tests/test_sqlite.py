"""The SQL export: tables that hold every element, and views that answer as the rules and the graph do."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from rectmodel import (
    Config,
    Inspection,
    Ledger,
    Link,
    Measure,
    Problem,
    Responsibility,
    State,
    Status,
    iter_diagnostics,
    load,
)
from rectmodel.cli import main
from rectmodel.sql import SCHEMA_VERSION, TABLES, VIEWS, to_sqlite
from rectmodel.strategies import ledgers
from rectmodel.units import RECURRING_KINDS, round_date

from support import EXAMPLES, ROOT

TRICKY = (
    "'); DROP TABLE problems; --",
    "a \"quoted\" 'single' title",
    "第一行\n第二行\r\n第三行",
    "nul \x00 inside",
    "%s ? :name $1",
    "",
)


@pytest.fixture(scope="module")
def examples() -> dict[str, Ledger]:
    return {path.name: load(path) for path in EXAMPLES}


@pytest.fixture(scope="module")
def db(examples: dict[str, Ledger], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sql") / "ledgers.db"
    to_sqlite(examples, path)
    return path


def _rows(path: Path, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(query, params).fetchall()


def test_the_file_has_every_table_and_view_and_its_versions(db: Path) -> None:
    names = {n for (n,) in _rows(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert names == set(TABLES) | set(VIEWS)
    meta = dict(_rows(db, "SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["rectmodel_version"]


def test_every_foreign_key_holds_and_indexes_exist(db: Path) -> None:
    assert _rows(db, "PRAGMA foreign_key_check") == []
    assert len(_rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")) >= 10


def test_overdue_view_flags_the_measures_the_deadline_rule_flags(examples: dict[str, Ledger], db: Path) -> None:
    config = Config(select={"deadline-passed"})
    flagged = {
        (name, d.pointer.removesuffix("/deadline"))
        for name, ledger in examples.items()
        for d in iter_diagnostics(ledger, config)
    }
    assert flagged, "the examples should include an overdue measure, or this test proves nothing"
    assert set(_rows(db, "SELECT file, pointer FROM overdue_measures")) == flagged


def test_overdue_view_has_a_row_per_responsible_department(examples: dict[str, Ledger], db: Path) -> None:
    rows = _rows(db, "SELECT file, pointer, department FROM overdue_measures")
    by_measure: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    for file, pointer, department in rows:
        by_measure[file, pointer].append(department)
    for (file, pointer), departments in by_measure.items():
        _, _, i, _, p, _, m = pointer.split("/")
        measure = examples[file].inspections[int(i)].problems[int(p)].measures[int(m)]
        r = measure.responsibility
        assert departments == (list(r.departments) if r is not None and r.departments else [None])


def test_a_term_deadline_is_never_overdue_and_immediate_is_due_at_feedback(tmp_path: Path) -> None:
    late = Status(State.IN_PROGRESS)
    inspection = Inspection(
        "i1",
        feedback_date=_d("2021-08-04"),
        as_of=_d("2021-12"),
        problems=(
            Problem(
                "P1",
                "t",
                measures=(
                    Measure("M1", "立行立改", deadline=_deadline("immediate"), history=(late,)),
                    Measure("M2", "长期坚持", deadline=_deadline("long_term"), history=(late,)),
                    Measure("M3", "持续整改", deadline=_deadline("ongoing"), history=(late,)),
                    Measure("M4", "本月底", deadline=_deadline("2021-12"), history=(late,)),
                    Measure("M5", "上月底", deadline=_deadline("2021-11"), history=(late,)),
                    Measure("M6", "已完成", deadline=_deadline("2021-09"), history=(Status(State.COMPLETED),)),
                ),
            ),
        ),
    )
    to_sqlite([Ledger((inspection,))], tmp_path / "x.db")
    overdue = {m for (m,) in _rows(tmp_path / "x.db", "SELECT measure FROM overdue_measures")}
    assert overdue == {"M1", "M5"}
    flagged = {d.params["measure"] for d in iter_diagnostics(Ledger((inspection,)), Config(select={"deadline-passed"}))}
    assert overdue == flagged


def test_completion_view_matches_a_count_in_python(examples: dict[str, Ledger], db: Path) -> None:
    expected: dict[tuple[str | None, int | None], list[int]] = defaultdict(lambda: [0, 0])
    for ledger in examples.values():
        for inspection in ledger.inspections:
            date = round_date(inspection)
            key = (inspection.unit or inspection.target, None if date is None else date.year)
            for problem in inspection.problems:
                expected[key][0] += 1
                expected[key][1] += bool(problem.history and problem.history[-1].state.is_done)
    rows = _rows(db, "SELECT unit, year, problems, done, rate FROM completion_by_unit_year")
    assert {(u, y): [n, d] for u, y, n, d, _ in rows} == dict(expected)
    for _, _, n, d, rate in rows:
        assert rate == pytest.approx(d / n)


def test_recurring_view_lists_the_graphs_recurring_links(examples: dict[str, Ledger], db: Path) -> None:
    from rectmodel.graph import build_graph, recurring

    graph = build_graph(*examples.values())
    kinds = {k.value for k in RECURRING_KINDS}
    ids = {n: (a["inspection"], a["problem"]) for n, a in graph.nodes(data=True)}
    edges = {(*ids[u], d["kind"], *ids[v]) for u, v, d in graph.edges(data=True) if d["kind"] in kinds}
    query = "SELECT inspection, problem, kind, earlier_inspection, earlier_problem FROM recurring_problems"
    assert set(_rows(db, query)) == edges
    assert edges, "the examples should include a recurrence, or this test proves nothing"
    in_chains = {(p.inspection, p.problem) for chain in recurring(graph, 2) for p in chain.problems}
    query = (
        "SELECT inspection, problem FROM recurring_problems "
        "UNION SELECT earlier_inspection, earlier_problem FROM recurring_problems"
    )
    assert set(_rows(db, query)) == in_chains


def test_links_resolve_across_files(tmp_path: Path) -> None:
    first = Ledger((Inspection("r1", unit="u", problems=(Problem("P1", "旧问题"),)),))
    later = Problem("P1", "新问题", links=(Link("recurrence", "r1", "P1"), Link("recurrence", "r0", "P9")))
    to_sqlite({"a.json": first, "b.json": Ledger((Inspection("r2", unit="u", problems=(later,)),))}, tmp_path / "x.db")
    rows = _rows(tmp_path / "x.db", "SELECT file, earlier_problem, earlier_title, earlier_file FROM recurring_problems")
    assert sorted(rows, key=str) == [("b.json", "P1", "旧问题", "a.json"), ("b.json", "P9", None, None)]


def test_the_same_ids_in_two_files_stay_apart(tmp_path: Path) -> None:
    ledger = Ledger((Inspection("i1", problems=(Problem("P1", "t"),)),))
    to_sqlite({"a.json": ledger, "b.json": ledger}, tmp_path / "x.db")
    query = "SELECT path, problem_key FROM problems JOIN inspections USING (inspection_key) JOIN files USING (file_key)"
    rows = _rows(tmp_path / "x.db", query)
    assert [r[0] for r in rows] == ["a.json", "b.json"]
    assert len({r[1] for r in rows}) == 2


def test_text_with_quotes_newlines_and_sql_round_trips_exactly(tmp_path: Path) -> None:
    """Every value goes in as a parameter: nothing is quoted, escaped or run."""

    def measure(k: int, text: str) -> Measure:
        done = Status(State.COMPLETED, note=text, evidence=(text,))
        return Measure(f"M{k}", text, responsibility=Responsibility((text,), (text,), (text,)), history=(done,))

    measures = tuple(measure(k, text) for k, text in enumerate(TRICKY))
    problem = Problem(TRICKY[0], TRICKY[1], description=TRICKY[2], measures=measures)
    to_sqlite({TRICKY[3]: Ledger((Inspection(TRICKY[2], target=TRICKY[0], problems=(problem,)),))}, tmp_path / "x.db")
    path = tmp_path / "x.db"
    assert _rows(path, "SELECT problem_id, title, description FROM problems") == [(TRICKY[0], TRICKY[1], TRICKY[2])]
    assert _rows(path, "SELECT text FROM measures ORDER BY seq") == [(t,) for t in TRICKY]
    assert _rows(path, "SELECT note FROM statuses ORDER BY measure_key") == [(t,) for t in TRICKY]
    assert _rows(path, "SELECT DISTINCT name FROM responsibilities ORDER BY measure_key") == [(t,) for t in TRICKY]
    assert _rows(path, "SELECT path FROM files") == [(TRICKY[3],)]
    assert _rows(path, "SELECT inspection_id, target FROM inspections") == [(TRICKY[2], TRICKY[0])]


def _counts(ledger: Ledger) -> dict[str, int]:
    problems = [p for i in ledger.inspections for p in i.problems]
    measures = [m for p in problems for m in p.measures]
    histories = [s for x in (*problems, *measures) for s in x.history]
    who = [m.responsibility for m in measures if m.responsibility is not None]
    people = [names for r in who for names in (r.leaders, r.departments, r.persons)]
    return {
        "inspections": len(ledger.inspections),
        "successions": len(ledger.successions),
        "groups": sum(len(i.groups) for i in ledger.inspections),
        "problems": len(problems),
        "measures": len(measures),
        "statuses": len(histories),
        "links": sum(len(p.links) for p in problems),
        "responsibilities": sum(len(names) for names in people),
        "evidence": sum(len(m.evidence) for m in measures) + sum(len(s.evidence) for s in histories),
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(texts="any"))
def test_row_counts_equal_the_models_counts(ledger: Ledger) -> None:
    db = sqlite3.connect(":memory:")
    to_sqlite([ledger], db)
    counts = {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in _counts(ledger)}
    assert counts == _counts(ledger)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_writing_replaces_a_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"not a database")
    to_sqlite([Ledger()], path)
    assert _rows(path, "SELECT COUNT(*) FROM inspections") == [(0,)]
    assert [p.name for p in tmp_path.iterdir()] == ["x.db"]


def test_cli_exports_several_files_of_several_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ledgers.db"
    files = [str(p) for p in EXAMPLES] + [str(ROOT / "examples" / "synthetic-ledger.xlsx")]
    assert main(["export", "--format", "sqlite", "-o", str(out), *files]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) <= 1
    assert {p for (p,) in _rows(out, "SELECT path FROM files")} == set(files)


def test_cli_chooses_sqlite_by_extension_and_refuses_several_files_for_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(EXAMPLES[0]), "-o", str(tmp_path / "x.sqlite")]) == 0
    assert _rows(tmp_path / "x.sqlite", "SELECT COUNT(*) FROM files") == [(1,)]
    assert main(["export", str(EXAMPLES[0]), str(EXAMPLES[1]), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "--format sqlite" in capsys.readouterr().err


def test_cli_an_unreadable_input_exits_2_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    out = tmp_path / "x.db"
    assert main(["export", "--format", "sqlite", "-o", str(out), str(EXAMPLES[0]), str(bad)]) == 2
    assert "bad.json" in capsys.readouterr().err
    assert not out.exists()


def test_cli_an_unwritable_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "x.db"
    assert main(["export", "--format", "sqlite", "-o", str(out), str(EXAMPLES[0])]) == 2
    assert "x.db" in capsys.readouterr().err


def _duckdb() -> Any:
    duckdb = pytest.importorskip("duckdb")
    connection = duckdb.connect()
    try:
        import duckdb_extension_sqlite_scanner as packaged  # the official, signed build, for offline machines

        extension = next(Path(packaged.__file__).parent.rglob("sqlite_scanner.duckdb_extension"))
        connection.execute(f"LOAD '{extension}'")
    except (ImportError, StopIteration, duckdb.Error):
        try:
            connection.execute("LOAD sqlite")
        except duckdb.Error as e:
            pytest.skip(f"DuckDB's sqlite extension is not available: {e}")
    return connection


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_the_views_answer_the_same_in_duckdb(db: Path, view: str) -> None:
    connection = _duckdb()
    connection.execute(f"ATTACH '{db}' AS ledgers (TYPE sqlite, READ_ONLY)")
    in_duckdb = connection.execute(f"SELECT * FROM ledgers.{view}").fetchall()
    in_sqlite = _rows(db, f"SELECT * FROM {view}")
    assert sorted(in_duckdb, key=repr) == sorted(in_sqlite, key=repr)


def _d(text: str) -> Any:
    from rectmodel import PartialDate

    return PartialDate.parse(text)


def _deadline(text: str) -> Any:
    from rectmodel.dates import parse_deadline

    return parse_deadline(text)


def test_every_query_in_the_docs_runs(db: Path) -> None:
    import re

    text = (ROOT / "docs" / "sql.md").read_text("utf-8")
    queries = re.findall(r"^```sql\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    assert len(queries) >= 4
    for query in queries:
        _rows(db, query)
