"""Reading notices: the three seeds pinned, the genre's variations, robustness, and render → parse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rectmodel import (
    DeclaredCounts,
    GroupLevel,
    Inspection,
    InspectionKind,
    Ledger,
    MeasureLevel,
    PartialDate,
    ProblemLevel,
    Severity,
    State,
    dumps,
    loads,
    validate,
)
from rectmodel.cli import main
from rectmodel.notices import ParseResult, parse, read, render
from rectmodel.strategies import ledgers

from support import SEEDS

D = PartialDate.parse
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")


def _codes(result: ParseResult) -> list[tuple[str, int | None]]:
    return [(d.params["code"], d.line) for d in result.diagnostics]


def _only(result: ParseResult) -> Inspection:
    (inspection,) = result.ledger.inspections
    return inspection


def _declared(x: Inspection) -> dict[str, Any]:
    return {k: v for k, v in attrs.asdict(x.declared).items() if v is not None}


def _rule_findings(ledger: Ledger) -> set[tuple[str, str]]:
    ignore = {"measure-without-responsibility"}  # notices name no one per measure
    return {(d.rule, d.pointer) for d in validate(ledger).diagnostics if d.rule not in ignore}


# --- the three seed notices ------------------------------------------------------------------------


@needs_seeds
def test_jiangmen_notice() -> None:
    result = read(SEEDS / "000_f5099ef252ed3328.txt", id="jiangmen")
    x = _only(result)
    assert (x.kind, x.inspector, x.target) == (InspectionKind.REGULAR, "市委第二巡察组", "江门市政务服务数据管理局党组")
    assert [str(d) for d in (x.start, x.end, x.feedback_date, x.as_of, x.report_date)] == [
        "2021-03-11",
        "2021-06-18",
        "2021-08-04",  # "8月4日": the year comes from the on-site dates before it
        "2021-11-03",
        "2021-11-12",
    ]
    assert _declared(x) == {"aspects": 3, "categories": 9, "problems": 28}
    assert [g.title for g in x.groups] == [
        "对党的领导弱化,党组领导核心作用发挥不充分",
        "对党的建设缺失,党内政治生活不严肃",
        "对全面从严治党不力,廉政风险防控存在漏洞",
    ]
    assert len(x.problems) == 9
    assert {p.level for p in x.problems} == {ProblemLevel.CATEGORY}  # the 9 items are the declared 类
    assert [len(p.measures) for p in x.problems] == [4, 3, 3, 3, 2, 3, 3, 3, 4]
    assert x.problems[0].title == "议事决策机制不完善"
    assert [p.group for p in x.problems] == ["A1"] * 3 + ["A2"] * 3 + ["A3"] * 3
    assert all(not p.history for p in x.problems)  # the notice gives no per-item status
    assert result.diagnostics == ()
    assert _rule_findings(result.ledger) == {
        ("declared-count-unverifiable", "/inspections/0/declared/problems"),  # 28 only counted
        ("report-overdue", "/inspections/0/report_date"),
    }


@needs_seeds
def test_xianning_notice_with_lost_characters() -> None:
    result = read(SEEDS / "001_b803e5051816c49a.txt", id="xianning")
    x = _only(result)
    assert x.inspector == "市委第五巡察组"  # "市委第察组" lost characters; the title names the group in full
    assert x.target == "中共咸宁市政务服务和大数据管理局党组"
    # "20241021日至1212日" and "2025210": dates whose 年/月/日 were lost in publishing.
    assert [str(d) for d in (x.start, x.end, x.feedback_date)] == ["2024-10-21", "2024-12-12", "2025-02-10"]
    assert x.as_of is None
    assert str(x.report_date) == "2025-09-24"  # the page's date line; the signature has none
    assert _declared(x) == {"measures": 146}
    assert [g.title[:8] for g in x.groups] == [
        "聚焦党中央决策部",
        "聚焦群众身边不正",
        "聚焦基层党组织和",
        "聚焦巡察整改和成",
    ]
    assert len(x.problems) == 46
    assert sum(len(p.measures) for p in x.problems) == 186
    states = [p.history[-1].state for p in x.problems]
    assert states.count(State.COMPLETED) == 42
    assert [i + 1 for i, s in enumerate(states) if s is State.DEEMED_COMPLETED] == [4, 11, 12, 18]
    assert x.problems[3].history[-1].note == "视同完成,持续整改"
    assert x.problems[1].title == "贯彻落实上级决策部署不到位"  # "2贯彻…": the dot after 2 was lost
    assert x.problems[0].description.startswith("存在学习不规范")  # type: ignore[union-attr]
    assert x.problems[45].title.startswith("上一轮巡察反馈")  # "问题46上一轮巡察反馈:…"
    codes = _codes(result)
    assert ("garbled-text", 5) in codes  # 市委第察组
    assert ("garbled-text", 25) in codes  # 2贯彻
    assert ("numbering-gap", 23) in codes  # 一是…三是: 二是 lost
    assert ("earlier-round", 295) in codes
    assert ("narrative", 7) in codes
    assert ("unplaced-text", 318) in codes  # "附件:" after the date
    assert result.placed[324] == "closing"  # a link left by saving the page: furniture
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert ("declared-count-mismatch", "/inspections/0/declared/measures") in _rule_findings(result.ledger)


@needs_seeds
def test_haizhu_notice_with_tasks_and_outcomes() -> None:
    result = read(SEEDS / "003_a615e94ed5ff1355.txt", id="haizhu")
    x = _only(result)
    assert (x.inspector, x.target) == ("广州市区委巡察第24组", "海珠区政务服务数据管理局党组")
    assert [str(d) for d in (x.start, x.end, x.feedback_date, x.report_date)] == [
        "2019-07-12",
        "2019-09-12",
        "2019-09-30",
        "2020-04-09",
    ]
    assert _declared(x) == {
        "aspects": 7,
        "problems": 25,
        "tasks": 45,
        "measures": 53,
        "completed": 24,
        "long_term": 1,
    }
    assert len(x.groups) == 7
    assert x.groups[0].title == "党组织政治担当不强"  # "第一方面问题,党组织政治担当不强"
    assert len(x.problems) == 25
    assert x.problems[0].title == "开展工作党政不分"
    measures = [m for p in x.problems for m in p.measures]
    assert len(measures) == 45
    assert {m.level for m in measures} == {MeasureLevel.TASK}  # 45 tasks itemized, 53 measures only counted
    assert "(2)" in x.problems[3].measures[0].text  # sub-items stay inside their task
    assert _codes(result) == [("narrative", 3), ("narrative", 90)]
    findings = _rule_findings(result.ledger)
    assert ("declared-count-unverifiable", "/inspections/0/declared/measures") in findings
    assert ("declared-count-unverifiable", "/inspections/0/declared/completed") in findings
    assert ("declared-count-unverifiable", "/inspections/0/declared/long_term") in findings
    assert not [f for f in findings if f[0] == "declared-count-mismatch"]


# --- the genre's variations --------------------------------------------------------------------------

FULL_WIDTH = """中共某县审计局党组关于巡察“回头看”整改情况报告
根据县委统一部署，２０２３年１０月至１２月，县委第三巡察组对中共某县审计局党组开展了巡察“回头看”。２０２４年１月８日，县委第三巡察组向我局党组反馈了意见，指出三方面十类问题。截至２０２４年３月３１日，已完成整改１９个，正在整改６个，整改完成率７６％。
一、在“政治建设”方面
（一）关于“学习贯彻不深入”的问题。
整改结果：已完成整改。
整改措施：一是制定学习计划；二是开展专题研讨。
（二）关于“主体责任落实不到位”的问题。
整改结果：正在推进。
整改措施：一是压实责任清单。
中共某县审计局党组
２０２４年４月２日
"""


def test_full_width_punctuation_month_dates_and_look_back() -> None:
    result = parse(FULL_WIDTH)
    x = _only(result)
    assert x.kind is InspectionKind.LOOK_BACK
    assert (x.inspector, x.target) == ("县委第三巡察组", "中共某县审计局党组")
    assert (x.start, x.end) == (PartialDate(2023, 10), PartialDate(2023, 12))  # month precision
    assert (x.feedback_date, x.as_of, x.report_date) == (D("2024-01-08"), D("2024-03-31"), D("2024-04-02"))
    assert _declared(x) == {"aspects": 3, "categories": 10, "completed": 19, "in_progress": 6, "completion_rate": "76%"}
    assert [g.title for g in x.groups] == ["政治建设"]
    assert [(p.title, [m.text for m in p.measures], p.history[-1].state) for p in x.problems] == [
        ("学习贯彻不深入", ["制定学习计划", "开展专题研讨。"], State.COMPLETED),
        ("主体责任落实不到位", ["压实责任清单。"], State.IN_PROGRESS),
    ]
    assert result.diagnostics == ()


SPECIAL = """关于优化营商环境专项巡察反馈意见集中整改进展情况的通报
2022年5月，市委第一巡察组对市市场监管局党组进行了优化营商环境专项巡察，并于7月15日反馈了12个问题，我局制定了22项整改任务。
第一方面问题，政策落实不到位
1.惠企政策宣传不够。
整改情况：印发政策汇编。
2.审批时限偏长。
整改情况：一是精简材料；二是压缩时限。
第二方面问题，作风建设有差距
3.服务意识不强。
整改情况：开展作风整顿。
"""


def test_special_inspection_with_numbered_problems_and_aspect_lines() -> None:
    result = parse(SPECIAL)
    x = _only(result)
    assert x.kind is InspectionKind.SPECIAL
    assert x.inspector == "市委第一巡察组"
    assert x.start == PartialDate(2022, 5)
    assert x.feedback_date == D("2022-07-15")  # yearless: the year of the date before it
    assert _declared(x) == {"problems": 12, "tasks": 22}
    assert [g.title for g in x.groups] == ["政策落实不到位", "作风建设有差距"]
    assert [(p.title, p.group, len(p.measures)) for p in x.problems] == [
        ("惠企政策宣传不够", "A1", 1),
        ("审批时限偏长", "A1", 2),
        ("服务意识不强", "A2", 1),
    ]
    assert (_only(result).inspector, _only(result).target) != (None, None)


def test_chinese_numerals_and_refined_measures_in_counts() -> None:
    text = (
        "根据部署,2020年4月1日至5月30日,区委第二巡察组对某街道党工委进行了巡察。反馈七个方面二十五个问题,"
        "制定97项整改措施,细化为171条具体措施。已完成整改事项24个,阶段性完成并需长期坚持的事项1个。"
    )
    x = _only(parse(text))
    assert _declared(x) == {"aspects": 7, "problems": 25, "tasks": 97, "measures": 171, "completed": 24, "long_term": 1}


def test_ambiguous_dates_are_left_out_and_reported() -> None:
    result = parse(
        "根据统一部署,市委第一巡察组对某局党组进行了巡察,并于2024111日反馈了意见。\n(一)针对“学习不够”的问题。\n整改情况:一是学习。"
    )
    x = _only(result)
    assert x.feedback_date is None
    (d,) = [d for d in result.diagnostics if d.params["code"] == "ambiguous-date"]
    assert (d.line, d.params["readings"]) == (1, "2024-01-11, 2024-11-01")
    assert "2024-01-11" in d.message("zh")


def test_responsibility_and_deadline_in_a_measure() -> None:
    result = parse(
        "根据统一部署,2021年3月1日至4月30日,市委第一巡察组对某局党组进行了巡察。\n"
        "(一)针对“制度不健全”的问题。\n"
        "整改情况:\n"
        "1.修订制度(责任领导:王伟、李芳;责任部门:办公室;责任人:张敏;整改时限:2021年9月)\n"
        "整改进展:已完成整改(2021年8月20日)。"
    )
    (measure,) = _only(result).problems[0].measures
    assert measure.text == "1.修订制度"[2:]
    assert measure.responsibility is not None
    assert (measure.responsibility.leaders, measure.responsibility.departments) == (("王伟", "李芳"), ("办公室",))
    assert measure.responsibility.persons == ("张敏",)
    assert measure.deadline == PartialDate(2021, 9)
    assert (measure.status.state, measure.status.date) == (State.COMPLETED, D("2021-08-20"))  # type: ignore[union-attr]


def test_unknown_status_words_are_reported_not_guessed() -> None:
    result = parse("(一)针对“学习不够”的问题。\n整改结果:有序开展。\n整改情况:一是学习。")
    (problem,) = _only(result).problems
    assert problem.history == ()
    assert ("unknown-status", 2) in _codes(result)


def test_nothing_is_dropped_silently() -> None:
    result = parse(
        "某段无法识别的文字\n(一)针对“学习不够”的问题。\n整改情况:一是学习。\n中共某局党组\n2021年5月6日\n网页底部的导航"
    )
    assert ("unplaced-text", 6) in _codes(result)
    assert _only(result).inspector is None  # left out, and missing-fact says so when validated
    assert _only(result).report_date == D("2021-05-06")


# --- robustness -----------------------------------------------------------------------------------


@settings(max_examples=200)
@given(st.text(max_size=400))
def test_any_text_parses_to_a_loadable_ledger(text: str) -> None:
    result = parse(text)
    assert loads(dumps(result.ledger)) == result.ledger
    assert all(d.rule == "parse" and d.message() and d.message("zh") for d in result.diagnostics)


_FRAGMENTS = st.sampled_from(
    [
        "一、“政治建设”方面",
        "(一)针对“学习不够”的问题。",
        "(二)关于“责任不实”的问题",
        "第一方面问题,作风不实",
        "1.制定计划。",
        "2",
        "(1)细化措施",
        "整改结果:已完成整改。",
        "整改结果:",
        "整改情况:一是学习;三是检查。",
        "整改情况",
        "2024111日",
        "20241321日至1340日",
        "截至",
        "中共某局党组",
        "2021年13月40日",
        "问题9",
        "针对“",
        "",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=30)), max_size=25))
def test_notice_shaped_noise_never_crashes(lines: list[str]) -> None:
    result = parse("\n".join(lines))
    assert loads(dumps(result.ledger)) == result.ledger
    validate(result.ledger)  # and the rules run on whatever came out


# --- render → parse ---------------------------------------------------------------------------------


def _expected(x: Inspection) -> dict[str, Any]:
    """What a notice conveys of an inspection, in the order the renderer writes problems."""
    order: list[str | None] = [None]
    for g in x.groups:
        if g.level is GroupLevel.ASPECT:
            order += [c.id for c in x.groups if c.parent == g.id] + [g.id]
    rank = {gid: k for k, gid in enumerate(order)}
    problems = sorted(x.problems, key=lambda p: rank.get(p.group, len(order)))
    return {
        "dates": [x.start, x.end, x.feedback_date, x.plan_date, x.as_of, x.report_date],
        "declared": x.declared,
        "groups": [(g.level, g.title, g.parent is not None) for g in x.groups],
        "problems": [
            (
                p.title,
                p.description or None,
                (p.status.state, p.status.date) if p.status else None,
                [
                    (
                        m.text,
                        m.responsibility,
                        m.deadline,
                        (m.status.state, m.status.date) if m.status else None,
                    )
                    for m in p.measures
                ],
            )
            for p in problems
        ],
    }


def _conveyed_levels(x: Inspection) -> tuple[ProblemLevel, MeasureLevel]:
    """The levels a notice can convey: only through declared counts (类 itemized, tasks itemized)."""
    d: DeclaredCounts = x.declared
    n = len(x.problems)
    m = sum(len(p.measures) for p in x.problems)
    problem = ProblemLevel.CATEGORY if d.categories == n and d.categories != d.problems else ProblemLevel.PROBLEM
    measure = MeasureLevel.TASK if d.tasks == m and d.tasks != d.measures else MeasureLevel.MEASURE
    return problem, measure


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(max_units=1, max_rounds=1, links=False, successions=False))
def test_render_then_parse_recovers_structure_dates_counts_and_statuses(ledger: Ledger) -> None:
    (x,) = ledger.inspections
    # An aspect holding both categories and problems of its own writes both as (一)(二)…: a category
    # with no problems is then a heading like any problem's, and no reader can tell them apart.
    assume(not any(g.parent is not None and not any(p.group == g.id for p in x.problems) for g in x.groups))
    result = parse(render(ledger), id=x.id)
    y = _only(result)
    assert [d for d in result.diagnostics if d.severity is not Severity.INFO] == []
    assert y.kind is x.kind
    assert (y.inspector, y.target) == (x.inspector, x.target)
    assert _expected(y) == _expected(x)
    levels = {(p.level, m.level) for p in y.problems for m in p.measures}
    assert levels <= {_conveyed_levels(x)}


def test_render_markdown_has_headings() -> None:
    x = Inspection(
        "r",
        InspectionKind.REGULAR,
        "市委第一巡察组",
        "某局党组",
        report_date=D("2021-11-12"),
        groups=(attrs.evolve(_group(), title="政治建设"),),
        problems=(),
    )
    text = render(x, "markdown")
    assert text.startswith("# 某局党组关于巡察整改进展情况的通报")
    assert "## 一、“政治建设”方面" in text
    assert text.rstrip().endswith("2021年11月12日")


def _group() -> Any:
    from rectmodel import Group

    return Group("A1", GroupLevel.ASPECT, "x")


AGGREGATE = """中共某县委巡察办关于十五届县委第三轮巡察整改情况的通报
根据县委统一部署,2023年3月6日至5月12日,县委第一巡察组对县财政局党组、县教育局党委开展了常规巡察。6月20日,县委第一巡察组分别向被巡察党组织反馈了巡察意见。现将整改情况通报如下。
一、县财政局党组
反馈问题2个,已完成整改1个,正在整改1个。
(一)针对“预算管理不严”的问题。
整改结果:已完成整改。
整改措施:一是修订预算制度;二是开展专项检查。
(二)针对“资金拨付滞后”的问题。
整改结果:正在推进。
整改措施:一是建立拨付台账。
二、县教育局党委
反馈问题1个,已完成整改1个。
(一)针对“作风不实”的问题。
整改结果:已完成整改。
整改措施:一是开展作风整顿。
中共某县委巡察办
2023年9月1日
"""


def test_a_notice_over_many_units_gives_one_inspection_each() -> None:
    result = parse(AGGREGATE, id="round3")
    first, second = result.ledger.inspections
    assert [(x.id, x.target) for x in (first, second)] == [("round3-1", "县财政局党组"), ("round3-2", "县教育局党委")]
    for x in (first, second):  # the preamble's facts are every unit's
        assert (x.inspector, x.start, x.end) == ("县委第一巡察组", D("2023-03-06"), D("2023-05-12"))
        assert (x.feedback_date, x.report_date) == (D("2023-06-20"), D("2023-09-01"))
    assert _declared(first) == {"problems": 2, "completed": 1, "in_progress": 1}
    assert _declared(second) == {"problems": 1, "completed": 1}
    assert [len(x.problems) for x in (first, second)] == [2, 1]
    assert result.diagnostics == ()
    assert not [d for d in validate(result.ledger).diagnostics if d.rule.startswith("declared")]


# --- command line ---------------------------------------------------------------------------------


@needs_seeds
def test_cli_parse_writes_the_ledger_and_reports_lines(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from rectmodel import load
    from rectmodel.cli import main

    out = tmp_path / "xianning.json"
    assert main(["parse", str(SEEDS / "001_b803e5051816c49a.txt"), "-o", str(out), "--id", "xn", "--lang", "zh"]) == 0
    (x,) = load(out).inspections
    assert (x.id, len(x.problems)) == ("xn", 46)
    err = capsys.readouterr().err
    assert "001_b803e5051816c49a.txt:23: 警告 parse: 编号不连续" in err


@needs_seeds
def test_cli_validate_reads_notices_by_extension_or_flag(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from rectmodel.cli import main

    seed = SEEDS / "001_b803e5051816c49a.txt"
    assert main(["validate", "--format", "json", str(seed)]) == 1  # 146 measures declared, 186 itemized
    (report,) = json.loads(capsys.readouterr().out)["files"]
    rules = {d["rule"] for d in report["diagnostics"]}
    assert {"parse", "declared-count-mismatch"} <= rules
    assert any(d["rule"] == "parse" and d["location"]["line"] == 23 for d in report["diagnostics"])
    located = [d for d in report["diagnostics"] if d["rule"] == "declared-count-mismatch"]
    assert located[0]["location"] == {"file": str(seed), "line": 11}  # where the notice declares 146 measures
    renamed = tmp_path / "notice.text"
    renamed.write_bytes(seed.read_bytes())
    assert main(["validate", "--input", "notice", str(renamed)]) == 1
    assert main(["validate", str(renamed)]) == 2  # not a .txt: read as JSON, which it is not
    capsys.readouterr()


def test_cli_render_and_bad_input(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from rectmodel.cli import main

    from support import EXAMPLES

    example = next(p for p in EXAMPLES if "haizhu" in p.name)
    assert main(["render", str(example), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 海珠区政务服务数据管理局党组关于巡察整改进展情况的通报")
    assert "7个方面25个问题" in out
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("巡察".encode("gb18030"))
    assert main(["parse", str(gbk)]) == 0  # read as GB18030, and said so
    assert "not UTF-8: read as gb18030" in capsys.readouterr().err
    assert main(["validate", str(gbk)]) == 1  # an empty document
    capsys.readouterr()
    assert main(["parse", str(tmp_path / "missing.txt")]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_rendered_markdown_lets_no_document_text_make_structure() -> None:
    """A title with a newline and a heading, HTML, or a javascript: link stays text in the rendered Markdown."""
    from markdown_it import MarkdownIt

    from rectmodel import Group, GroupLevel, Inspection, Measure, Problem

    evil = "议事规则\n## 伪造的标题 <script>alert(1)</script> [点我](javascript:alert(1))"
    x = Inspection(
        "r1",
        inspector="市委第一巡察组",
        target="某局党组",
        groups=(Group("A1", GroupLevel.ASPECT, "政治建设\n# 假方面"),),
        problems=(Problem("P1", evil, group="A1", measures=(Measure("M1", "修订*规则*\n- 假条目"),)),),
    )
    tokens = MarkdownIt("commonmark").parse(render(x, "markdown"))
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == 3  # the title, the aspect, the problem: none from the text
    kinds = {c.type for t in tokens if t.type == "inline" for c in t.children or []}
    assert kinds <= {"text", "softbreak", "hardbreak"}, kinds
    assert not any(t.type.startswith(("html", "bullet_list")) for t in tokens)


def test_rendered_text_lets_no_title_make_groups_or_problems() -> None:
    from rectmodel import Inspection, Measure, Problem

    x = Inspection(
        "r1",
        inspector="市委第一巡察组",
        target="某局党组",
        problems=(
            Problem("P1", "学习不深入\n(二)针对“伪造”的问题。", measures=(Measure("M1", "制定计划\n2.伪造措施"),)),
        ),
    )
    (back,) = parse(render(x)).ledger.inspections
    assert [len(p.measures) for p in back.problems] == [1]


@needs_seeds
@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16", "utf-16-le"])
def test_a_notice_in_any_common_encoding_reads_as_in_utf8(tmp_path: Any, encoding: str) -> None:
    """GB18030/GBK and UTF-16 notices read to the same ledger; any encoding but UTF-8 is said."""
    seed = SEEDS / "000_f5099ef252ed3328.txt"
    text = seed.read_text(encoding="utf-8")
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(encoding))
    expected = read(seed, id="n").ledger
    result = read(path, id="n")
    assert result.ledger == expected
    said = [d for d in result.diagnostics if d.params.get("code") == "notice-encoding"]
    if encoding == "utf-8-sig":
        assert said == []
    else:
        assert len(said) == 1
        assert said[0].message("zh").startswith("通报不是 UTF-8 编码")


def test_inline_pinyin_readings_are_read_past_and_line_numbers_hold() -> None:
    text = (
        "关于巡察整改情况的通报\n"
        "根據(jù)市委統(tǒng)一部署,2024年5月31日至7月28日,市委第六巡察組對(duì)市林業(yè)局黨組開(kāi)展巡察。\n"
    )
    result = parse(text)
    inspection = result.ledger.inspections[0]
    assert (inspection.inspector, inspection.target) == ("市委第六巡察組", "市林業局黨組")


def test_a_problem_whose_measures_the_reader_could_not_find_is_a_reader_warning_not_the_unit_s_fault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "n.txt"
    notice.write_text(
        "根据部署,市委第一巡察组对某局党组进行了巡察。\n"
        "(一)学习不够的问题。存在学习流于形式的情况,相关工作仍需加强。\n"
        "(二)针对“作风不实”的问题\n整改情况:一是整顿作风。\n",
        encoding="utf-8",
    )
    main(["validate", "--format", "json", str(notice)])
    found = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert [(d["params"].get("code"), d["location"].get("line")) for d in found if d["rule"] == "parse"] == [
        ("measures-unplaced", 2)
    ]
    assert not [d for d in found if d["rule"] == "problem-without-measure"]
