"""The round report: its figures are what the ledgers state, graded by the thresholds, and its page is safe."""

from __future__ import annotations

import html
import re
from pathlib import Path

import attrs
import pytest

import rectmodel
from rectmodel import DeadlineTerm, Ledger, Measure, PartialDate, Problem, Responsibility, State, Status
from rectmodel.cli import main
from rectmodel.overview import ThresholdsError, build_overview, load_thresholds
from rectmodel.overview._grades import DEFAULT, grade

from support import ROOT

EXAMPLES = ROOT / "examples"


def _measure(id: str, deadline: object, *history: Status, departments: tuple[str, ...] = ("办公室",)) -> Measure:
    return Measure(id, f"措施{id}", responsibility=Responsibility(departments=departments), deadline=deadline,
                   history=history)  # type: ignore[arg-type]  # fmt: skip


def _round() -> Ledger:
    done = Status(State.COMPLETED, PartialDate(2021, 9, 20), evidence=("会议纪要",))
    late = Status(State.COMPLETED, PartialDate(2021, 11, 2))
    going = Status(State.IN_PROGRESS, PartialDate(2021, 10, 1))
    first = (_measure("P1-M1", PartialDate(2021, 9, 30), done), _measure("P1-M2", PartialDate(2021, 10, 31), late))
    overdue = _measure("P2-M1", PartialDate(2021, 8, 31), going, departments=("财务科",))
    second = (overdue, _measure("P2-M2", DeadlineTerm.LONG_TERM, going))
    problems = (Problem("P1", "学习不深入", measures=first), Problem("P2", "制度执行不严", measures=second))
    x = rectmodel.Inspection(
        "R1", inspector="市委第一巡察组", target="某局党组", feedback_date=PartialDate(2021, 7, 15),
        as_of=PartialDate(2021, 11, 30), unit="某局", problems=problems,
        declared=rectmodel.DeclaredCounts(completion_rate="50%"),
    )  # fmt: skip
    return Ledger((x,))


def _overview(ledger: Ledger) -> rectmodel.overview.Overview:  # type: ignore[name-defined]
    return build_overview([("台账.json", ledger, rectmodel.validate(ledger))])


def test_each_round_counts_only_what_its_ledger_states() -> None:
    (r,) = _overview(_round()).rounds
    assert (r.unit, r.problems, r.measures, r.completed) == ("某局", 2, 4, 2)
    assert (r.on_time, r.late, len(r.overdue), r.long_term) == (1, 1, 1, 1)
    assert r.rates_agree is True  # 50% declared, 2 of 4 itemized
    assert r.with_evidence == 1
    assert r.states == {"completed": 2, "in_progress": 2}
    (overdue,) = r.overdue
    assert (overdue.department, overdue.measure, str(overdue.deadline)) == ("财务科", "P2-M1", "2021-08-31")


def test_a_ledger_without_an_as_of_date_has_nothing_overdue_rather_than_a_guess() -> None:
    ledger = _round()
    x = attrs.evolve(ledger.inspections[0], as_of=None)
    (r,) = _overview(Ledger((x,))).rounds
    assert r.overdue == ()


def test_a_declared_rate_that_disagrees_with_the_items_is_shown_so() -> None:
    ledger = _round()
    x = attrs.evolve(ledger.inspections[0], declared=rectmodel.DeclaredCounts(completion_rate="90%"))
    (r,) = _overview(Ledger((x,))).rounds
    assert r.rates_agree is False


def test_units_are_graded_by_the_worst_indicator_and_the_thresholds_file_changes_them(tmp_path: Path) -> None:
    (g,) = _overview(_round()).grades
    assert g.completion == 50
    assert g.grades["completion"] == "poor"
    assert g.overall == "poor"
    assert grade("completion", 96) == "excellent"
    assert grade("carried_over", 2) == "fair"
    toml = tmp_path / "标准.toml"
    toml.write_text("[completion]\nexcellent = 50\ngood = 40\nfair = 30\n", encoding="utf-8")
    assert grade("completion", 50, load_thresholds(str(toml))) == "excellent"
    assert load_thresholds(str(toml)).bounds["on_time"] == DEFAULT.bounds["on_time"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[speed]\nexcellent = 1\n", "[speed]"),
        ("[completion]\nbest = 1\n", "completion.best"),
        ("[completion]\nexcellent = 'high'\n", "completion.excellent"),
        ("[completion]\nexcellent = 50\ngood = 60\n", "[completion]"),
        ("[completion\n", "TOML"),
    ],
)
def test_a_bad_thresholds_file_is_refused_naming_the_key(text: str, where: str, tmp_path: Path) -> None:
    toml = tmp_path / "标准.toml"
    toml.write_text(text, encoding="utf-8")
    with pytest.raises(ThresholdsError) as e:
        load_thresholds(str(toml))
    assert e.value.where == where


def test_the_timeline_counts_measures_falling_due_each_month_and_those_done() -> None:
    assert _overview(_round()).timeline == (("2021-08", 1, 0), ("2021-09", 1, 1), ("2021-10", 1, 1))


def test_the_command_writes_a_page_with_the_figures_and_escapes_document_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = _round()
    x = ledger.inspections[0]
    hostile = attrs.evolve(x, unit="<script>alert(1)</script>某局\x1b[2J")
    path = tmp_path / "台账.json"
    path.write_text(rectmodel.dumps(Ledger((hostile,))), encoding="utf-8")
    out = tmp_path / "报告.html"
    assert main(["report", str(path), str(EXAMPLES / "round-ledger.xlsx"), "-o", str(out), "--lang", "zh"]) == 0
    assert f"已写出报告 {out}" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page
    assert "\x1b" not in page
    assert html.escape("<script>alert(1)</script>某局\\x1b[2J") in page
    text = re.sub(r"<[^>]+>", " ", page)
    for figure in ("巡察整改情况报告", "财务科", "P2-M1", "2021-08-31", "差", "依据 2 份文件"):
        assert figure in text, figure
    assert main(["report", str(path), "-o", str(out)]) == 2  # it exists: --force to replace it
    assert "--force" in capsys.readouterr().err


def test_an_unreadable_file_is_left_out_with_exit_2_and_the_report_still_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "报告.html"
    missing = tmp_path / "无此文件.xlsx"
    assert main(["report", str(EXAMPLES / "round-ledger.xlsx"), str(missing), "-o", str(out)]) == 2
    assert str(missing) in capsys.readouterr().err
    assert "From 1 files" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_report_of_which_no_file_can_be_read_is_not_written(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"报告{suffix}"
    missing = tmp_path / "无此文件夹"
    assert main(["report", f"{missing}/", str(tmp_path / "无此文件.json"), "-o", str(out)]) == 2
    assert str(missing) in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # neither the page of nothing nor its temporary file


def test_measures_whose_state_is_not_stated_are_not_counted_as_not_done() -> None:
    ledger = _round()
    x = ledger.inspections[0]
    silent = tuple(attrs.evolve(p, measures=tuple(attrs.evolve(m, history=()) for m in p.measures)) for p in x.problems)
    (g,) = _overview(Ledger((attrs.evolve(x, problems=silent),))).grades
    assert g.completion is None
    assert g.grades["completion"] is None
    assert g.grades["carried_over"] == "excellent"
    assert g.overall is None  # no rate to grade: "nothing found again" alone is no grade of the work


def test_the_report_as_a_word_document_has_the_same_sections_and_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    path = tmp_path / "台账.json"
    path.write_text(rectmodel.dumps(_round()), encoding="utf-8")
    out = tmp_path / "报告.docx"
    assert main(["report", str(path), "-o", str(out), "--lang", "zh"]) == 0
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[:3] == ["巡察整改情况报告", "整改成效评价", "整改措施进展分布"]
    assert "某局" in headings
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    for figure in ("财务科", "P2-M1", "2021-08-31", "差", "50.0%"):
        assert figure in cells, figure
    capsys.readouterr()


def test_a_notice_naming_only_the_organ_counts_under_the_unit_a_ledger_ties_it_to() -> None:
    ledger = _round()  # unit 某局, target 某局党组
    later = rectmodel.Inspection("R2", target="某局党组", feedback_date=PartialDate(2022, 7, 1))
    other = rectmodel.Inspection("R3", target="另一局党组")
    notice = Ledger((later, other))
    overview = build_overview(
        [("台账.json", ledger, rectmodel.validate(ledger)), ("通报.txt", notice, rectmodel.validate(notice))]
    )
    assert sorted((r.round, r.unit) for r in overview.rounds) == [("R1", "某局"), ("R2", "某局"), ("R3", "另一局党组")]
    assert sorted(g.unit for g in overview.grades) == ["另一局党组", "某局"]


def test_an_organ_two_documents_tie_to_different_units_is_left_as_written() -> None:
    first = Ledger((rectmodel.Inspection("A", target="某局党组", unit="u1"),))
    second = Ledger((rectmodel.Inspection("B", target="某局党组", unit="u2"),))
    third = Ledger((rectmodel.Inspection("C", target="某局党组"),))
    docs = [(f"{k}.json", x, rectmodel.validate(x)) for k, x in enumerate((first, second, third))]
    rounds = build_overview(docs).rounds
    assert sorted((r.round, r.unit) for r in rounds) == [("A", "u1"), ("B", "u2"), ("C", "某局党组")]
