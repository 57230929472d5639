"""对账: each finding from the documents of one round in two forms, the pairing, stable matching, the command."""

from __future__ import annotations

import json
import time
from pathlib import Path

import attrs
import pytest

import rectmodel
from rectmodel import DocumentKind, Ledger, State, Status
from rectmodel.cli import main
from rectmodel.dates import DeadlineTerm, PartialDate
from rectmodel.notices import render
from rectmodel.reconciliation import Document, ReconcileError, reconcile
from rectmodel.reconciliation._match import match, normalise
from rectmodel.sheets import write

from support import ROOT

BASE = rectmodel.loads((ROOT / "examples" / "synthetic-ledger.json").read_text(encoding="utf-8"))


def _plan(tmp_path: Path, ledger: Ledger = BASE) -> str:
    """The earlier document as the office receives it: a workbook."""
    path = tmp_path / "方案.xlsx"
    write(ledger, path)
    return str(path)


def _later(tmp_path: Path, ledger: Ledger, name: str = "台账.json") -> str:
    path = tmp_path / name
    path.write_text(rectmodel.dumps(ledger), encoding="utf-8")
    return str(path)


def _edit(**changes: object) -> Ledger:
    return Ledger((attrs.evolve(BASE.inspections[0], **changes),))


def _problems(edit: object) -> Ledger:
    x = BASE.inspections[0]
    return _edit(problems=tuple(edit(list(x.problems))))  # type: ignore[operator]


def _rules(found: rectmodel.Reconciliation) -> list[str]:
    return [d.rule for d in found.report.diagnostics]


def _measure(ledger: Ledger, i: int, j: int, **changes: object) -> Ledger:
    def edit(problems: list[rectmodel.Problem]) -> list[rectmodel.Problem]:
        p = problems[i]
        measures = list(p.measures)
        measures[j] = attrs.evolve(measures[j], **changes)
        problems[i] = attrs.evolve(p, measures=tuple(measures))
        return problems

    x = ledger.inspections[0]
    return Ledger((attrs.evolve(x, problems=tuple(edit(list(x.problems)))),))


def test_a_round_whose_documents_agree_gives_no_finding(tmp_path: Path) -> None:
    found = reconcile(_plan(tmp_path), _later(tmp_path, BASE))
    assert _rules(found) == []
    (step,) = found.steps
    assert step.pairing == "id"
    assert step.counts() == {"matched": 8, "reworded": 0, "dropped": 0, "merged": 0, "added": 0}


def test_a_dropped_problem_is_an_error_at_its_cell_with_the_later_file_beside_it(tmp_path: Path) -> None:
    later = _later(tmp_path, _problems(lambda ps: ps[:1] + ps[2:]))
    (d,) = reconcile(_plan(tmp_path), later).report.diagnostics
    assert (d.rule, d.severity, d.params["problem"]) == ("problem-dropped", rectmodel.Severity.ERROR, "P2")
    assert d.location is not None
    assert d.location.cell == "D5"
    assert d.related_locations[0] is not None
    assert d.related_locations[0].file == later


def test_a_dropped_problem_is_found_in_a_notice_too(tmp_path: Path) -> None:
    notice = tmp_path / "报告.txt"
    notice.write_text(render(_problems(lambda ps: ps[:1] + ps[2:])), encoding="utf-8")
    found = reconcile(_plan(tmp_path), str(notice))
    assert "problem-dropped" in _rules(found)
    assert found.steps[0].pairing == "facts"  # the notice's inspection is named by its file: paired by the facts


def test_two_problems_answered_by_one_are_merged_not_dropped(tmp_path: Path) -> None:
    def twins(title: str) -> Ledger:
        x = BASE.inspections[0]
        p = x.problems[5]
        near = attrs.evolve(p, id="P9", title=title, measures=())
        return Ledger((attrs.evolve(x, problems=(*x.problems, near)),))

    plan = _plan(tmp_path, twins("公务用车管理不够规范"))
    found = reconcile(plan, _later(tmp_path, BASE))
    assert _rules(found) == ["problems-merged"]
    assert found.report.diagnostics[0].params["problems"] == "P6, P9"


def test_an_added_problem_is_information(tmp_path: Path) -> None:
    extra = attrs.evolve(BASE.inspections[0].problems[0], id="P9", title="干部选拔任用程序不规范", measures=())
    later = _later(tmp_path, _problems(lambda ps: [*ps, extra]))
    (d,) = reconcile(_plan(tmp_path), later).report.diagnostics
    assert (d.rule, d.severity) == ("problem-added", rectmodel.Severity.INFO)


def test_a_dropped_measure_is_an_error_at_its_cell(tmp_path: Path) -> None:
    def drop(ps: list[rectmodel.Problem]) -> list[rectmodel.Problem]:
        ps[0] = attrs.evolve(ps[0], measures=ps[0].measures[:1])
        return ps

    (d,) = reconcile(_plan(tmp_path), _later(tmp_path, _problems(drop))).report.diagnostics
    assert (d.rule, d.params["measure"]) == ("measure-dropped", "P1-M2")
    assert d.location is not None
    assert d.location.cell == "E4"


@pytest.mark.parametrize(
    ("deadline", "rule"),
    [
        (PartialDate(2022, 3, 31), "deadline-moved"),
        (DeadlineTerm.LONG_TERM, "deadline-moved"),
        (PartialDate(2021, 8, 31), "deadline-advanced"),
    ],
)
def test_a_moved_deadline_is_found_in_both_files(tmp_path: Path, deadline: object, rule: str) -> None:
    later = _later(tmp_path, _measure(BASE, 0, 0, deadline=deadline))
    (d,) = reconcile(_plan(tmp_path), later).report.diagnostics
    assert (d.rule, d.params["before"]) == (rule, "2021-09-30")
    assert d.location is not None
    assert d.location.file == later
    assert d.location.line is not None
    assert d.related_locations[0] is not None
    assert d.related_locations[0].cell == "I3"


def test_a_deadline_moved_with_its_reason_recorded_is_not_a_finding(tmp_path: Path) -> None:
    history = (
        *BASE.inspections[0].problems[0].measures[0].history,
        Status(State.COMPLETED, note="经批准申请延期至2022年3月"),
    )
    later = _later(tmp_path, _measure(BASE, 0, 0, deadline=PartialDate(2022, 3, 31), history=history))
    assert _rules(reconcile(_plan(tmp_path), later)) == []


def test_a_state_that_goes_back_is_an_error_unless_reopened(tmp_path: Path) -> None:
    back = _measure(BASE, 0, 0, history=(Status(State.IN_PROGRESS, PartialDate(2021, 10, 1)),))
    assert _rules(reconcile(_plan(tmp_path), _later(tmp_path, back))) == ["state-regressed"]
    reopened = (Status(State.REOPENED, PartialDate(2021, 10, 1)), Status(State.IN_PROGRESS, PartialDate(2021, 10, 2)))
    again = _measure(BASE, 0, 0, history=reopened)
    assert _rules(reconcile(_plan(tmp_path), _later(tmp_path, again, "二.json"))) == []


def test_a_report_claiming_what_the_ledger_does_not_is_an_error(tmp_path: Path) -> None:
    x = BASE.inspections[0]
    p = x.problems[1]  # its measures are not all done in the ledger
    ledger = Ledger((attrs.evolve(x, document=DocumentKind.LEDGER),))
    claimed = attrs.evolve(p, history=(Status(State.COMPLETED, PartialDate(2021, 10, 30), evidence=("报告",)),))
    report = Ledger(
        (attrs.evolve(x, document=DocumentKind.REPORT, problems=(x.problems[0], claimed, *x.problems[2:])),)
    )
    found = reconcile(_plan(tmp_path, ledger), _later(tmp_path, report, "报告.json"))
    assert "claim-contradicts-ledger" in _rules(found)


def test_a_changed_declared_count_is_found_at_both_counts(tmp_path: Path) -> None:
    later = _later(tmp_path, _edit(declared=attrs.evolve(BASE.inspections[0].declared, measures=15)))
    (d,) = reconcile(_plan(tmp_path), later).report.diagnostics
    assert (d.rule, d.params["before"], d.params["after"]) == ("declared-changed", 13, 15)
    assert d.related_locations[0] is not None
    assert d.related_locations[0].sheet == "基本情况"


def test_progress_counts_that_change_between_documents_are_progress_not_a_finding(tmp_path: Path) -> None:
    declared = attrs.evolve(BASE.inspections[0].declared, completed=3, in_progress=10, completion_rate="23%")
    earlier = _later(tmp_path, _edit(declared=declared), "九月.json")
    moved = attrs.evolve(declared, completed=9, in_progress=4, completion_rate="69.2%")
    later = _later(tmp_path, _edit(declared=moved), "十月.json")
    assert "declared-changed" not in _rules(reconcile(earlier, later))


def test_evidence_that_disappears_is_found_where_the_later_document_carries_evidence(tmp_path: Path) -> None:
    gone = _measure(
        BASE,
        0,
        0,
        evidence=(),
        history=tuple(attrs.evolve(s, evidence=()) for s in BASE.inspections[0].problems[0].measures[0].history),
    )
    assert _rules(reconcile(_plan(tmp_path), _later(tmp_path, gone))) == ["evidence-removed"]


def test_a_completion_claimed_with_nothing_behind_it_is_a_warning(tmp_path: Path) -> None:
    x = BASE.inspections[0]
    m = x.problems[1].measures[0]
    assert not (m.history and m.history[-1].state.is_done)
    bare = _measure(BASE, 1, 0, history=(Status(State.COMPLETED),), evidence=())
    assert "completion-unsupported" in _rules(reconcile(_plan(tmp_path), _later(tmp_path, bare)))


def test_documents_of_different_rounds_are_refused_unless_forced(tmp_path: Path) -> None:
    other = _edit(id="别的", inspector="省委第九巡视组", target="某县党委", feedback_date=PartialDate(2024, 1, 1))
    with pytest.raises(ReconcileError) as info:
        reconcile(BASE, other)
    assert "不属于同一轮次" in info.value.message("zh")
    assert reconcile(BASE, other, force=True).steps[0].pairing == "forced"


def test_fewer_than_two_documents_are_refused() -> None:
    with pytest.raises(ReconcileError):
        reconcile(BASE)


def test_reordering_and_renumbering_the_later_document_changes_no_finding(tmp_path: Path) -> None:
    changed = _measure(_problems(lambda ps: ps[:1] + ps[2:]), 0, 0, deadline=PartialDate(2022, 3, 31))
    x = changed.inspections[0]
    shuffled = [*reversed(x.problems)]
    renumbered = [
        attrs.evolve(p, id=f"Q{k}", measures=tuple(attrs.evolve(m, id=f"Q{k}-{n}") for n, m in enumerate(p.measures)))
        for k, p in enumerate(shuffled)
    ]
    other = Ledger((attrs.evolve(x, problems=tuple(renumbered)),))
    first = reconcile(BASE, changed).report.diagnostics
    second = reconcile(BASE, other).report.diagnostics
    assert sorted(d.rule for d in first) == sorted(d.rule for d in second) == ["deadline-moved", "problem-dropped"]


def test_titles_match_across_numbering_punctuation_and_rewording() -> None:
    assert normalise("(一)关于“三重一大”制度执行不严格的问题。") == normalise("1.关于三重一大制度执行不严格的问题")
    pairs = match([("P1", "党组理论学习中心组学习流于形式", "A")], [("X", "党组理论学习中心组学习流于形式问题", "A")])
    assert [(p.by, p.score >= 80) for p in pairs] == [("fuzzy", True)]
    assert match([("P1", "公务用车管理不规范", None)], [("P1", "发展党员程序不规范", None)]) == []


def test_the_command_prints_each_step_and_exits_1_on_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = _later(tmp_path, _problems(lambda ps: ps[:1] + ps[2:]))
    assert main(["reconcile", _plan(tmp_path), later, "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "方案.xlsx → 台账.json(按巡察编号配对):匹配问题 7 个" in out
    assert "方案.xlsx:整改台账!D5: 错误 problem-dropped:" in out
    assert main(["reconcile", _plan(tmp_path), _later(tmp_path, BASE, "同.json")]) == 0


def test_the_command_writes_json_and_takes_waivers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    later = _later(tmp_path, _problems(lambda ps: ps[:1] + ps[2:]))
    plan = _plan(tmp_path)
    assert main(["reconcile", "--format", "json", plan, later]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["steps"][0]["dropped"] == 1
    assert [d["rule"] for d in record["diagnostics"]] == ["problem-dropped"]
    waivers = tmp_path / "waivers.json"
    waiver = {"rule": "problem-dropped", "pointer": "/inspections/0/problems/1", "justification": "并入问题1整改"}
    waivers.write_text(json.dumps({"waivers": [waiver]}, ensure_ascii=False), encoding="utf-8")
    assert main(["reconcile", plan, later, "--waivers", str(waivers)]) == 0


def test_each_change_is_listed_under_its_step_and_given_as_data_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moved = _measure(BASE, 0, 0, deadline=PartialDate(2021, 12, 31)).inspections[0]
    reworded = attrs.evolve(moved.problems[0], title="中心组学习流于形式、研讨不足")
    later = Ledger((attrs.evolve(moved, problems=(reworded, *moved.problems[1:])),))
    path = _later(tmp_path, later)
    assert main(["reconcile", _plan(tmp_path), path, "--lang", "zh", "--threshold", "0"]) in (0, 1)
    out = capsys.readouterr().out.splitlines()
    first = BASE.inspections[0].problems[0]
    measure = first.measures[0]
    assert out[1:3] == [
        f"  问题 {first.id}:内容由“{first.title}”改为“中心组学习流于形式、研讨不足”",
        f"  整改措施 {measure.id}:整改时限由“2021-09-30”改为“2021-12-31”",
    ]
    assert main(["reconcile", _plan(tmp_path), path, "--format", "json", "--threshold", "0"]) in (0, 1)
    (step,) = json.loads(capsys.readouterr().out)["steps"]
    assert step["changes"][1] == {
        "level": "measure", "id": measure.id, "change": "deadline", "before": "2021-09-30", "after": "2021-12-31"
    }  # fmt: skip


def test_the_command_refuses_documents_of_different_rounds_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _later(
        tmp_path, _edit(id="别的", inspector="省委第九巡视组", target="某县党委", feedback_date=PartialDate(2024, 1, 1))
    )
    assert main(["reconcile", _later(tmp_path, BASE, "本轮.json"), other]) == 2
    assert "give --force" in capsys.readouterr().err
    assert main(["reconcile", str(tmp_path / "无.json"), other]) == 2


def test_reconciling_takes_time_linear_in_the_size_of_the_documents() -> None:
    def ledger(n: int) -> Ledger:
        x = BASE.inspections[0]
        problems = tuple(
            attrs.evolve(p, id=f"P{k}-{i}", title=f"{p.title}{k}号") for k in range(n) for i, p in enumerate(x.problems)
        )
        return Ledger((attrs.evolve(x, problems=problems),))

    def seconds(n: int) -> float:
        a, b = ledger(n), ledger(n)
        start = time.perf_counter()
        reconcile(a, b)
        return time.perf_counter() - start

    seconds(20)  # warm up
    small, large = min(seconds(100) for _ in range(3)), min(seconds(800) for _ in range(3))
    assert large / small < 8 * 2.5  # 8× the problems: well under the 64× of an all-pairs comparison


def test_a_document_given_as_a_ledger_is_named_by_its_place() -> None:
    other = _edit(declared=attrs.evolve(BASE.inspections[0].declared, measures=15))
    (d,) = reconcile(Document(BASE), Document(other)).report.diagnostics
    assert d.message() == "#1 declares 13 measures, #2 declares 15"


def test_the_summary_workbook_has_a_row_per_problem_and_measure_with_changes_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    later = _later(tmp_path, _measure(_problems(lambda ps: ps[:1] + ps[2:]), 0, 0, deadline=PartialDate(2022, 3, 31)))
    out = tmp_path / "对账.xlsx"
    assert main(["reconcile", _plan(tmp_path), later, "-o", str(out), "--lang", "zh"]) == 1
    capsys.readouterr()
    sheet = openpyxl.load_workbook(out)["对账"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("类型", "方案.xlsx 编号", "方案.xlsx 内容", "方案.xlsx 整改时限", "方案.xlsx 整改进展")
    assert len(rows) == 1 + 8 + 13  # the header, every problem and every measure of the plan
    marked = {
        c.coordinate: c.value for row in sheet.iter_rows(min_row=2) for c in row if c.fill.fgColor.rgb != "00000000"
    }
    assert marked["H3"] == "2022-03-31"  # the moved deadline, in the later document's deadline column
    p2 = next(k for k, row in enumerate(rows) if row[1] == "P2") + 1
    assert {f"{col}{p2}" for col in "FGHI"} <= set(marked)  # the dropped problem: its later cells, empty, marked
    assert main(["reconcile", _plan(tmp_path), later, "-o", str(out)]) == 2  # never overwritten without --force


def test_the_reconcile_page_shows_what_its_commands_print(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import re
    import shlex

    text = (ROOT / "docs" / "reconcile.md").read_text(encoding="utf-8")
    monkeypatch.chdir(ROOT)
    sessions = re.findall(r"^```console\n\$ ([^\n]*)\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    assert sessions
    for command, shown in sessions:
        argv = shlex.split(command)
        main(argv[1:])
        assert capsys.readouterr().out == shown, f"update docs/reconcile.md: $ {command}"
    (code,) = re.findall(r"^```python\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    exec(compile(code, "docs/reconcile.md", "exec"), {})
    assert "整改台账!D5" in capsys.readouterr().out
