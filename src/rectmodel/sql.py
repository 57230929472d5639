"""Ledgers as flat SQL tables, with views for the questions offices ask across units and rounds.

``to_sqlite`` writes one SQLite file (the stdlib ``sqlite3``; the file opens in
DuckDB and BI tools too) from ledgers read from several files: a table per element
(inspections, groups, problems, measures, responsibilities, statuses, links …),
each with an integer surrogate key, its parent's key, the ids as written and the
element's JSON Pointer in its file, so that rows from several files stay apart.
Dates are ISO text as written (``2021-08``) with ``_first`` and ``_last`` columns
holding the first and last day they may stand for.

Three views answer the questions (see docs/sql.md): ``overdue_measures``,
``completion_by_unit_year`` and ``recurring_problems``.

>>> import sqlite3
>>> from rectmodel import Inspection, Ledger, Problem
>>> db = sqlite3.connect(":memory:")
>>> to_sqlite({"a.json": Ledger((Inspection("i1", problems=(Problem("P1", "公务用车管理不规范"),)),))}, db)
>>> db.execute("SELECT path, inspection_id, problem_id, title FROM problems JOIN inspections USING "
...            "(inspection_key) JOIN files USING (file_key)").fetchall()
[('a.json', 'i1', 'P1', '公务用车管理不规范')]
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Mapping
from typing import Any

from .dates import PartialDate
from .model import Inspection, Ledger, LinkKind, Measure, Problem, State, Status
from .units import RECURRING_KINDS, round_date

__all__ = ["SCHEMA_VERSION", "TABLES", "VIEWS", "to_sqlite"]

SCHEMA_VERSION = 1
"""Incremented when a table or view changes in a way that breaks a query written for the earlier one."""


def _dated(name: str) -> str:
    return f"{name} TEXT, {name}_first TEXT, {name}_last TEXT"


TABLES: dict[str, str] = {
    "meta": "key TEXT PRIMARY KEY, value TEXT NOT NULL",
    "states": "state TEXT PRIMARY KEY, done INTEGER NOT NULL, finished INTEGER NOT NULL, progress INTEGER",
    "link_kinds": "kind TEXT PRIMARY KEY, recurring INTEGER NOT NULL",
    "files": "file_key INTEGER PRIMARY KEY, path TEXT NOT NULL",
    "inspections": (
        "inspection_key INTEGER PRIMARY KEY, file_key INTEGER NOT NULL REFERENCES files, seq INTEGER NOT NULL, "
        "pointer TEXT NOT NULL, inspection_id TEXT NOT NULL, kind TEXT, inspector TEXT, target TEXT, "
        "document TEXT, unit TEXT, round TEXT, "
        + ", ".join(_dated(n) for n in ("start", "end", "feedback_date", "plan_date", "as_of", "report_date"))
        + ", round_date TEXT, year INTEGER, "
        "declared_aspects INTEGER, declared_categories INTEGER, declared_problems INTEGER, declared_tasks INTEGER, "
        "declared_measures INTEGER, declared_completed INTEGER, declared_in_progress INTEGER, "
        "declared_long_term INTEGER, declared_not_completed INTEGER, declared_completion_rate TEXT"
    ),
    "successions": (
        "succession_key INTEGER PRIMARY KEY, file_key INTEGER NOT NULL REFERENCES files, seq INTEGER NOT NULL, "
        f"old TEXT NOT NULL, new TEXT NOT NULL, {_dated('date')}, note TEXT"
    ),
    "groups": (
        "group_key INTEGER PRIMARY KEY, inspection_key INTEGER NOT NULL REFERENCES inspections, "
        "seq INTEGER NOT NULL, pointer TEXT NOT NULL, group_id TEXT NOT NULL, level TEXT NOT NULL, "
        "title TEXT NOT NULL, parent_id TEXT, parent_key INTEGER REFERENCES groups"
    ),
    "problems": (
        "problem_key INTEGER PRIMARY KEY, inspection_key INTEGER NOT NULL REFERENCES inspections, "
        "seq INTEGER NOT NULL, pointer TEXT NOT NULL, problem_id TEXT NOT NULL, title TEXT NOT NULL, "
        "level TEXT NOT NULL, description TEXT, group_id TEXT, group_key INTEGER REFERENCES groups, "
        "state TEXT REFERENCES states, state_date TEXT"
    ),
    "measures": (
        "measure_key INTEGER PRIMARY KEY, problem_key INTEGER NOT NULL REFERENCES problems, "
        "inspection_key INTEGER NOT NULL REFERENCES inspections, seq INTEGER NOT NULL, pointer TEXT NOT NULL, "
        f"measure_id TEXT NOT NULL, text TEXT NOT NULL, level TEXT NOT NULL, {_dated('deadline')}, "
        "state TEXT REFERENCES states, state_date TEXT"
    ),
    "responsibilities": (
        "responsibility_key INTEGER PRIMARY KEY, measure_key INTEGER NOT NULL REFERENCES measures, "
        "role TEXT NOT NULL CHECK (role IN ('leader', 'department', 'person')), seq INTEGER NOT NULL, "
        "name TEXT NOT NULL"
    ),
    "statuses": (
        "status_key INTEGER PRIMARY KEY, problem_key INTEGER REFERENCES problems, "
        "measure_key INTEGER REFERENCES measures, seq INTEGER NOT NULL, state TEXT NOT NULL REFERENCES states, "
        f"{_dated('date')}, note TEXT, CHECK ((problem_key IS NULL) <> (measure_key IS NULL))"
    ),
    "evidence": (
        "evidence_key INTEGER PRIMARY KEY, measure_key INTEGER REFERENCES measures, "
        "status_key INTEGER REFERENCES statuses, seq INTEGER NOT NULL, reference TEXT NOT NULL, "
        "CHECK ((measure_key IS NULL) <> (status_key IS NULL))"
    ),
    "links": (
        "link_key INTEGER PRIMARY KEY, problem_key INTEGER NOT NULL REFERENCES problems, seq INTEGER NOT NULL, "
        "kind TEXT NOT NULL REFERENCES link_kinds, target_inspection_id TEXT NOT NULL, "
        "target_problem_id TEXT NOT NULL, target_key INTEGER REFERENCES problems, note TEXT"
    ),
}
"""Every table's column definitions, in the order they are created (parents first)."""

_INDEXES = (
    "inspections (file_key, inspection_id)",
    "inspections (unit)",
    "successions (file_key)",
    "groups (inspection_key, group_id)",
    "problems (inspection_key, problem_id)",
    "problems (group_key)",
    "measures (problem_key, measure_id)",
    "measures (inspection_key)",
    "responsibilities (measure_key, role)",
    "responsibilities (role, name)",
    "statuses (problem_key, seq)",
    "statuses (measure_key, seq)",
    "evidence (measure_key)",
    "evidence (status_key)",
    "links (problem_key)",
    "links (target_inspection_id, target_problem_id)",
    "links (target_key)",
)

# The SQL is the common ground of SQLite and DuckDB: no date arithmetic, no integer division.
VIEWS: dict[str, str] = {
    "measure_deadlines": """
SELECT f.path AS file, i.inspection_id AS inspection, COALESCE(i.unit, i.target) AS unit,
       p.problem_id AS problem, m.measure_id AS measure, m.text, m.deadline,
       CASE WHEN m.deadline = 'immediate' THEN i.feedback_date_first ELSE m.deadline_first END AS due_first,
       CASE WHEN m.deadline = 'immediate' THEN i.feedback_date_last ELSE m.deadline_last END AS due_last,
       m.state, s.done, COALESCE(i.as_of, i.report_date) AS as_of,
       COALESCE(i.as_of_first, i.report_date_first) AS as_of_first, m.measure_key, m.pointer
FROM measures AS m
JOIN problems AS p ON p.problem_key = m.problem_key
JOIN inspections AS i ON i.inspection_key = m.inspection_key
JOIN files AS f ON f.file_key = i.file_key
LEFT JOIN states AS s ON s.state = m.state""",
    "overdue_measures": """
SELECT r.name AS department, d.file, d.inspection, d.unit, d.problem, d.measure, d.text, d.deadline,
       d.due_last AS due, d.as_of, d.state, d.measure_key, d.pointer
FROM measure_deadlines AS d
LEFT JOIN responsibilities AS r ON r.measure_key = d.measure_key AND r.role = 'department'
WHERE d.done = 0 AND d.due_last < d.as_of_first""",
    "completion_by_unit_year": """
SELECT COALESCE(i.unit, i.target) AS unit, i.year, COUNT(*) AS problems,
       SUM(CASE WHEN s.done = 1 THEN 1 ELSE 0 END) AS done,
       SUM(CASE WHEN p.state IS NULL THEN 1 ELSE 0 END) AS unstated,
       CAST(SUM(CASE WHEN s.done = 1 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS rate
FROM problems AS p
JOIN inspections AS i ON i.inspection_key = p.inspection_key
LEFT JOIN states AS s ON s.state = p.state
GROUP BY COALESCE(i.unit, i.target), i.year""",
    "recurring_problems": """
SELECT f.path AS file, i.inspection_id AS inspection, COALESCE(i.unit, i.target) AS unit, i.year,
       p.problem_id AS problem, p.title, p.state, l.kind,
       l.target_inspection_id AS earlier_inspection, l.target_problem_id AS earlier_problem,
       e.title AS earlier_title, e.state AS earlier_state, ef.path AS earlier_file, l.note,
       p.problem_key, l.target_key AS earlier_problem_key
FROM links AS l
JOIN link_kinds AS k ON k.kind = l.kind
JOIN problems AS p ON p.problem_key = l.problem_key
JOIN inspections AS i ON i.inspection_key = p.inspection_key
JOIN files AS f ON f.file_key = i.file_key
LEFT JOIN problems AS e ON e.problem_key = l.target_key
LEFT JOIN inspections AS ei ON ei.inspection_key = e.inspection_key
LEFT JOIN files AS ef ON ef.file_key = ei.file_key
WHERE k.recurring = 1""",
}
"""Every view's query, in the order they are created."""


def to_sqlite(
    ledgers: Mapping[str, Ledger] | Iterable[Ledger], target: str | os.PathLike[str] | sqlite3.Connection
) -> None:
    """Write *ledgers* as tables and views to a new SQLite file, or into an empty open database.

    Args:
        ledgers: the ledgers by the name of the file each was read from, or in order
            (then named ``"1"``, ``"2"`` …).
        target: the file to write (replaced whole, never half-written), or an open
            connection to an empty database, committed on return.

    Raises:
        OSError: the file cannot be written.
        sqlite3.Error: the connection's database is not empty.
    """
    named = list(ledgers.items()) if isinstance(ledgers, Mapping) else [(str(k), x) for k, x in enumerate(ledgers, 1)]
    if isinstance(target, sqlite3.Connection):
        _write(target, named)
        return
    path = os.fspath(target)
    fd, temporary = tempfile.mkstemp(
        suffix=".tmp", prefix=os.path.basename(path) + ".", dir=os.path.dirname(path) or "."
    )
    os.close(fd)
    try:
        db = sqlite3.connect(temporary)
        try:
            _write(db, named)
        finally:
            db.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write(db: sqlite3.Connection, named: list[tuple[str, Ledger]]) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    with db:
        for name, columns in TABLES.items():
            db.execute(f"CREATE TABLE {name} ({columns})")  # names and columns are this module's constants
        for k, index in enumerate(_INDEXES):
            db.execute(f"CREATE INDEX {index.split(' ')[0]}_{k} ON {index}")
        for name, query in VIEWS.items():
            db.execute(f"CREATE VIEW {name} AS{query}")
        # the package's version, set before any of its modules runs (no import: the package sits above this module)
        version = sys.modules[__package__ or "rectmodel"].__version__
        meta = {"schema_version": str(SCHEMA_VERSION), "rectmodel_version": version}
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.executemany(
            "INSERT INTO states VALUES (?, ?, ?, ?)",
            [(s.value, int(s.is_done), int(s.is_finished), s.progress) for s in State],
        )
        db.executemany("INSERT INTO link_kinds VALUES (?, ?)", [(k.value, int(k in RECURRING_KINDS)) for k in LinkKind])
        rows = _Rows()
        for file_key, (name, ledger) in enumerate(named, 1):
            rows.add("files", file_key, name)
            for seq, s in enumerate(ledger.successions):
                rows.add("successions", rows.next("successions"), file_key, seq, s.old, s.new, *_date(s.date), s.note)
            for seq, inspection in enumerate(ledger.inspections):
                _inspection(rows, file_key, seq, inspection)
        _resolve_links(rows)
        for table, values in rows.tables.items():
            if values:
                marks = ", ".join("?" * len(values[0]))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", values)


class _Rows:
    """The rows of every table, with the next surrogate key of each."""

    def __init__(self) -> None:
        self.tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
        self.problems: dict[tuple[str, str], list[tuple[int, int]]] = {}  # (inspection, problem) → (file, key)
        self.pending: list[tuple[int, int, list[Any]]] = []  # links: file, index in links, row

    def next(self, table: str) -> int:
        return len(self.tables[table]) + 1

    def add(self, table: str, *values: Any) -> None:
        self.tables[table].append(values)


def _date(date: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    if date is None:
        return None, None, None
    return date.isoformat(), date.first.isoformat(), date.last.isoformat()


def _current(history: tuple[Status, ...]) -> tuple[str | None, str | None]:
    if not history:
        return None, None
    last = history[-1]
    return str(last.state), None if last.date is None else last.date.isoformat()


def _inspection(rows: _Rows, file_key: int, seq: int, inspection: Inspection) -> None:
    key = rows.next("inspections")
    i, d = inspection, inspection.declared
    first = round_date(i)
    dates = [
        v for n in ("start", "end", "feedback_date", "plan_date", "as_of", "report_date") for v in _date(getattr(i, n))
    ]
    rows.add(
        "inspections",
        key, file_key, seq, f"/inspections/{seq}", i.id, _value(i.kind), i.inspector, i.target,
        _value(i.document), i.unit, i.round, *dates,
        None if first is None else first.isoformat(), None if first is None else first.year,
        d.aspects, d.categories, d.problems, d.tasks, d.measures,
        d.completed, d.in_progress, d.long_term, d.not_completed, d.completion_rate,
    )  # fmt: skip
    groups: dict[str, int] = {}
    for g, group in enumerate(i.groups):
        group_key = rows.next("groups")
        groups.setdefault(group.id, group_key)
        parent = None if group.parent is None else groups.get(group.parent)
        rows.add(
            "groups",
            group_key, key, g, f"/inspections/{seq}/groups/{g}", group.id, str(group.level),
            group.title, group.parent, parent,
        )  # fmt: skip
    for p, problem in enumerate(i.problems):
        _problem(
            rows, problem, file_key=file_key, inspection=key, inspection_id=i.id,
            pointer=f"/inspections/{seq}/problems/{p}", seq=p, groups=groups,
        )  # fmt: skip


def _value(value: Any) -> str | None:
    return None if value is None else str(value)


def _problem(
    rows: _Rows, problem: Problem, *, file_key: int, inspection: int, inspection_id: str, pointer: str, seq: int,
    groups: dict[str, int],
) -> None:  # fmt: skip
    key = rows.next("problems")
    group = None if problem.group is None else groups.get(problem.group)
    rows.add(
        "problems",
        key, inspection, seq, pointer, problem.id, problem.title, str(problem.level), problem.description,
        problem.group, group, *_current(problem.history),
    )  # fmt: skip
    rows.problems.setdefault((inspection_id, problem.id), []).append((file_key, key))
    _statuses(rows, problem.history, key, None)
    for m, measure in enumerate(problem.measures):
        _measure(rows, measure, problem=key, inspection=inspection, pointer=f"{pointer}/measures/{m}", seq=m)
    for k, link in enumerate(problem.links):
        row = [rows.next("links"), key, k, str(link.kind), link.inspection, link.problem, None, link.note]
        rows.pending.append((file_key, len(rows.tables["links"]), row))
        rows.add("links", *row)


def _measure(rows: _Rows, measure: Measure, *, problem: int, inspection: int, pointer: str, seq: int) -> None:
    key = rows.next("measures")
    deadline = measure.deadline
    if isinstance(deadline, PartialDate):
        written: tuple[str | None, str | None, str | None] = _date(deadline)
    else:
        written = (None if deadline is None else str(deadline), None, None)
    rows.add(
        "measures",
        key, problem, inspection, seq, pointer, measure.id, measure.text, str(measure.level), *written,
        *_current(measure.history),
    )  # fmt: skip
    r = measure.responsibility
    if r is not None:
        for role, names in (("leader", r.leaders), ("department", r.departments), ("person", r.persons)):
            for k, name in enumerate(names):
                rows.add("responsibilities", rows.next("responsibilities"), key, role, k, name)
    for k, reference in enumerate(measure.evidence):
        rows.add("evidence", rows.next("evidence"), key, None, k, reference)
    _statuses(rows, measure.history, None, key)


def _statuses(rows: _Rows, history: tuple[Status, ...], problem: int | None, measure: int | None) -> None:
    for seq, status in enumerate(history):
        key = rows.next("statuses")
        rows.add("statuses", key, problem, measure, seq, str(status.state), *_date(status.date), status.note)
        for k, reference in enumerate(status.evidence):
            rows.add("evidence", rows.next("evidence"), None, key, k, reference)


def _resolve_links(rows: _Rows) -> None:
    """Point each link at the problem it names: in its own file if there, else in the first file that has it."""
    links = rows.tables["links"]
    for file_key, index, row in rows.pending:
        found = rows.problems.get((row[4], row[5]), [])
        own = [key for f, key in found if f == file_key]
        target = own[0] if own else (found[0][1] if found else None)
        links[index] = (*row[:6], target, row[7])
