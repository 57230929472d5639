"""Every bundled example loads, round-trips byte for byte, and records the facts it claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rectmodel
from rectmodel import State
from rectmodel.cli import main

from support import EXAMPLES, ROOT


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_round_trips_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    ledger = rectmodel.loads(text)
    assert rectmodel.dumps(ledger) == text
    assert rectmodel.loads(rectmodel.dumps(ledger)) == ledger


# Facts of the real notices, as the notices state them (see ../shared/seeds/).
SEED_FACTS = {
    "jiangmen-2021.json": {
        "inspector": "市委第二巡察组",
        "target": "江门市政务服务数据管理局党组",
        "start": "2021-03-11",
        "end": "2021-06-18",
        "feedback_date": "2021-08-04",
        "report_date": "2021-11-12",
        "itemized": {"aspects": 3, "categories": 9, "problems": 0, "tasks": 0, "measures": 28},
        "declared": {"aspects": 3, "categories": 9, "problems": 28},
    },
    "xianning-2025.json": {
        "inspector": "市委第五巡察组",
        "target": "中共咸宁市政务服务和大数据管理局党组",
        "start": "2024-10-21",
        "end": "2024-12-12",
        "feedback_date": "2025-02-10",
        "report_date": "2025-09-24",
        "itemized": {"aspects": 4, "categories": 0, "problems": 46, "tasks": 0, "measures": 186},
        "declared": {"measures": 146},
    },
    "haizhu-2020.json": {
        "inspector": "广州市区委巡察第24组",
        "target": "海珠区政务服务数据管理局党组",
        "start": "2019-07-12",
        "end": "2019-09-12",
        "feedback_date": "2019-09-30",
        "report_date": "2020-04-09",
        "itemized": {"aspects": 7, "categories": 0, "problems": 25, "tasks": 45, "measures": 0},
        "declared": {"aspects": 7, "problems": 25, "tasks": 45, "measures": 53, "completed": 24, "long_term": 1},
    },
}


@pytest.mark.parametrize("name", sorted(SEED_FACTS))
def test_stats_json_of_seed_example_gives_its_facts(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--format", "json", str(ROOT / "examples" / name)]) == 0
    (record,) = json.loads(capsys.readouterr().out)["inspections"]
    expected = SEED_FACTS[name]
    assert record["kind"] == "regular"
    for key in ("inspector", "target", "start", "end", "feedback_date", "report_date", "itemized"):
        assert record[key] == expected[key], key
    assert {k: v for k, v in record["declared"].items() if v is not None} == expected["declared"]


def test_xianning_statuses_are_the_ones_the_notice_gives() -> None:
    (inspection,) = rectmodel.load(ROOT / "examples" / "xianning-2025.json").inspections
    states = [p.status.state if p.status else None for p in inspection.problems]
    assert states.count(State.COMPLETED) == 42
    assert [i + 1 for i, s in enumerate(states) if s is State.DEEMED_COMPLETED] == [4, 11, 12, 18]
    assert all(p.status is not None and p.status.date is None for p in inspection.problems), "no status date is given"


def test_notices_without_per_item_statuses_record_none() -> None:
    for name in ("jiangmen-2021.json", "haizhu-2020.json"):
        (inspection,) = rectmodel.load(ROOT / "examples" / name).inspections
        assert all(not p.history for p in inspection.problems)
        assert all(not m.history and m.responsibility is None for p in inspection.problems for m in p.measures)


def test_synthetic_example_sets_every_field_of_every_class() -> None:
    """The synthetic ledger exercises the whole model, so round-trip tests cover every field."""
    seen: dict[str, set[str]] = {}

    def visit(node: object, cls: str) -> None:
        if isinstance(node, dict):
            seen.setdefault(cls, set()).update(node)
            for key, value in node.items():
                visit(value, key)
        elif isinstance(node, list):
            for item in node:
                visit(item, cls)

    visit(json.loads((ROOT / "examples" / "synthetic-multi-round.json").read_bytes()), "ledger")
    for key, fields in {
        "ledger": {"inspections", "successions"},
        "inspections": {f.name for f in rectmodel.Inspection.__attrs_attrs__},
        "declared": {f.name for f in rectmodel.DeclaredCounts.__attrs_attrs__},
        "groups": {f.name for f in rectmodel.Group.__attrs_attrs__},
        "problems": {f.name for f in rectmodel.Problem.__attrs_attrs__},
        "measures": {f.name for f in rectmodel.Measure.__attrs_attrs__},
        "responsibility": {f.name for f in rectmodel.Responsibility.__attrs_attrs__},
        "history": {f.name for f in rectmodel.Status.__attrs_attrs__},
        "links": {f.name for f in rectmodel.Link.__attrs_attrs__},
        "successions": {f.name for f in rectmodel.Succession.__attrs_attrs__},
    }.items():
        assert fields <= seen[key], (key, fields - seen[key])
