"""The facts pass: the round's facts read from placed paragraphs, by cue, never by position or guess."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectmodel import InspectionKind, PartialDate
from rectmodel.facts._cues import _CUES
from rectmodel.notices._facts import Facts, Paragraph, Place, read_facts

from support import SEEDS

D = PartialDate.parse
T, P, N, C = Place.TITLE, Place.PREAMBLE, Place.NARRATIVE, Place.CLOSING
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")


def facts(*items: tuple[Place, str]) -> Facts:
    """read_facts over paragraphs numbered from 1 in the order given."""
    return read_facts([Paragraph(k, text, place) for k, (place, text) in enumerate(items, 1)])


def preamble(text: str) -> Facts:
    return facts((P, text))


def declared(f: Facts) -> dict[str, Any]:
    return {k: v for k, v in attrs.asdict(f.declared).items() if v is not None}


def codes(f: Facts) -> list[tuple[str, int | None]]:
    return [(d.params["code"], d.line) for d in f.diagnostics]


# --- the inspected unit ----------------------------------------------------------------------------

ON_SITE = "2022年3月8日至5月20日,市委第三巡察组对{}进行了巡察。"


@pytest.mark.parametrize(
    ("title", "stated", "signature", "target"),
    [
        ("中共某市审计局党组关于巡察整改进展情况的通报", "我局党组", None, "中共某市审计局党组"),
        ("中共某市人民检察院党组关于巡察整改情况的通报", "我院", None, "中共某市人民检察院党组"),
        (None, "我单位", "中共某市档案馆党组", "中共某市档案馆党组"),
        ("关于巡察整改情况的通报", "我委党组", "中共某市发展和改革委员会党组", "中共某市发展和改革委员会党组"),
        (None, "市市场监管局党组", "中共某市市场监督管理局党组", "中共某市市场监督管理局党组"),  # a short name
        (None, "某市审计局党组", "中共某市审计局党组", "某市审计局党组"),  # only 中共 more: as stated
        (None, "我局党组", None, "我局党组"),  # nothing else names the unit: as it says
        ("中共某县委巡察办关于第三轮巡察整改的通报", "县财政局党组、县教育局党委", None, "县财政局党组、县教育局党委"),
    ],
)
def test_the_inspected_unit_is_resolved_from_the_title_or_signature(
    title: str | None, stated: str, signature: str | None, target: str | None
) -> None:
    items = [(T, title)] if title else []
    items += [(P, ON_SITE.format(stated))]
    items += [(C, signature)] if signature else []
    f = facts(*items)
    assert f.target == target
    assert f.signature == signature
    assert ("target" in f.lines) == (target is not None)


def test_the_target_line_is_where_the_resolved_name_stands() -> None:
    f = facts((T, "中共某市审计局党组关于巡察整改情况的通报"), (P, ON_SITE.format("我局党组")))
    assert (f.target, f.lines["target"], f.lines["inspector"]) == ("中共某市审计局党组", 1, 2)


def test_the_receiver_of_the_feedback_names_the_unit_when_no_on_site_sentence_does() -> None:
    f = facts((P, "2022年7月1日,市委第三巡察组向我局党组反馈了巡察意见。"), (C, "中共某市审计局党组"))
    assert (f.inspector, f.target, f.feedback_date) == ("市委第三巡察组", "中共某市审计局党组", D("2022-07-01"))


# --- preambles, furniture, addressees, closings --------------------------------------------------------


@pytest.mark.parametrize(
    "ending",
    ["现将巡察整改情况予以公布。", "现将整改情况向社会通报如下:", "现将整改进展情况报告如下：", "特此通报。"],
)
def test_a_preamble_ends_in_any_of_the_genre_s_ways(ending: str) -> None:
    f = facts((P, ON_SITE.format("某局党组") + ending))
    assert (f.inspector, f.target, f.start) == ("市委第三巡察组", "某局党组", D("2022-03-08"))
    assert f.boilerplate == frozenset()


def test_addressee_and_furniture_are_boilerplate_and_furniture_gives_no_year() -> None:
    f = facts(
        (T, "中共某局党组关于巡察整改进展情况的通报"),
        (P, "发布时间:2023-05-06 来源:某局 字号 大 中 小 打印 关闭"),
        (P, "浏览次数:1024"),
        (P, "市纪委监委第二派驻纪检监察组:"),
        (P, "根据市委统一部署,3月8日至5月20日,市委第三巡察组对我局党组进行了巡察。现将整改情况报告如下:"),
    )
    assert f.boilerplate == {1, 2, 3, 4}
    assert (f.start, f.end) == (None, None)  # yearless, and the page's date is no year for them
    assert f.context is None
    assert (f.report_date, f.lines["report_date"]) == (D("2023-05-06"), 2)  # nothing else dates the notice


def test_the_closing_date_line_wins_over_the_page_date() -> None:
    f = facts(
        (P, "日期:2023-05-06 【字号:大 中 小】"),
        (P, ON_SITE.format("某局党组")),
        (C, "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话:0000-1234567。"),
        (C, "中共某局党组"),
        (C, "2023年5月4日"),
        (C, "附件:"),
    )
    assert (f.report_date, f.lines["report_date"]) == (D("2023-05-04"), 5)
    assert (f.signature, f.lines["signature"]) == ("中共某局党组", 4)
    assert f.boilerplate == {1, 3, 4, 5}  # 附件: is not recognised: the caller reports it
    assert f.context == D("2022-05-20")  # the last on-site day, not the page's date


def test_a_signature_dated_in_chinese_numerals() -> None:
    f = facts((P, ON_SITE.format("某局党组")), (C, "中共某局党组"), (C, "二〇二二年十二月三十日"))
    assert f.report_date == D("2022-12-30")


# --- the inspecting group ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "inspector"),
    [
        ("2022年3月8日至5月20日,市委第二巡察组对某局党组进行了巡察。", "市委第二巡察组"),
        (
            "2022年3月8日至5月20日,市委“放管服”改革、数字政府建设专项巡察组对某局党组开展了专项巡察。",
            "市委“放管服”改革、数字政府建设专项巡察组",
        ),
        ("2022年3月8日至5月20日,市委第一提级交叉巡察组对某局党组开展了提级交叉巡察。", "市委第一提级交叉巡察组"),
        ("2022年3月8日至5月20日,市委第二、第五巡察组对某局党组进行了巡察。", "市委第二、第五巡察组"),
        ("2022年3月8日至5月20日,省委第三巡视组对某厅党组进行了巡视。", "省委第三巡视组"),
        ("市委第四巡察组于2022年3月8日至5月20日对某局党组进行了巡察。", "市委第四巡察组"),
        ("2022年3月8日至5月20日,广州市区委巡察第24组对某局党组进行了巡察。", "广州市区委巡察第24组"),
        ("2022年3月8日至5月20日,巡察组对某局党组进行了巡察。", None),  # whose group: not said
    ],
)
def test_inspecting_groups_as_the_genre_names_them(sentence: str, inspector: str | None) -> None:
    assert preamble(sentence).inspector == inspector


def test_a_name_that_lost_characters_is_repaired_from_the_title_and_reported() -> None:
    f = facts(
        (T, "中共某局党组关于落实市委第五巡察组巡察反馈意见整改情况的通报"),
        (P, "根据市委统一部署,20241021日至1212日,市委第察组对中共某局党组开展了巡察。"),
    )
    assert (f.inspector, f.lines["inspector"]) == ("市委第五巡察组", 1)
    assert ("garbled-text", 2) in codes(f)


def test_the_title_names_the_group_when_the_preamble_does_not() -> None:
    f = facts((T, "关于落实市委第五巡察组巡察反馈意见整改情况的通报"), (P, "现将整改情况予以公布。"))
    assert (f.inspector, f.kind) == ("市委第五巡察组", InspectionKind.REGULAR)


# --- the kind of round ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "kind"),
    [
        ([(P, ON_SITE.format("某局党组"))], InspectionKind.REGULAR),
        ([(P, "2022年5月,市委第一巡察组对某局党组进行了优化营商环境专项巡察。")], InspectionKind.SPECIAL),
        ([(P, "2022年5月,市委营商环境专项巡察组对某局党组进行了巡察。")], InspectionKind.SPECIAL),  # the group's
        (
            [(T, "关于优化营商环境专项巡察反馈意见整改情况的通报"), (P, "现将整改情况予以公布。")],
            InspectionKind.SPECIAL,
        ),
        ([(P, "2023年10月,县委第三巡察组对某局党组开展了巡察“回头看”。")], InspectionKind.LOOK_BACK),
        ([(T, "某局党组关于巡察“回头看”整改情况的报告"), (P, "现报告如下:")], InspectionKind.LOOK_BACK),
        ([(P, "2023年10月,县委第三巡察组对某局党组开展了专项巡察“回头看”。")], InspectionKind.LOOK_BACK),
        ([(P, "为加强作风建设,现将有关整改情况通报如下:")], None),  # nothing says an inspection took place
        # 回头看 and 专项 said of other things, in narrative: not the round's kind
        (
            [(P, ON_SITE.format("某局党组")), (N, "下一步,对已完成的整改事项适时组织“回头看”,开展专项巡察整改督查。")],
            InspectionKind.REGULAR,
        ),
        ([(P, ON_SITE.format("某局党组") + "局党组开展专项资金检查。")], InspectionKind.REGULAR),
    ],
)
def test_the_kind_of_round(items: list[tuple[Place, str]], kind: InspectionKind | None) -> None:
    assert facts(*items).kind is kind


# --- dates ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("2022 年 3 月 8 日至 2022 年 5 月 20 日,市委第一巡察组对某局党组进行了巡察。", "2022-03-08", "2022-05-20"),
        ("2022年3 月8日至5 月20日,市委第一巡察组对某局党组进行了巡察。", "2022-03-08", "2022-05-20"),
        ("2022年3月中旬至5月下旬,市委第一巡察组对某局党组进行了巡察。", "2022-03", "2022-05"),
        ("根据部署,202435日至718日,市委第一巡察组对某局党组进行了巡察。", "2024-03-05", "2024-07-18"),
        ("根据部署,20241021日至1212日,市委第一巡察组对某局党组进行了巡察。", "2024-10-21", "2024-12-12"),
        ("2022年5月,市委第一巡察组对某局党组进行了巡察。", "2022-05", None),
        ("自2022年3月8日起,市委第一巡察组对某局党组进行了巡察,5月20日结束。", "2022-03-08", "2022-05-20"),
        ("市委第一巡察组于2022年3月8日至5月20日对某局党组进行了巡察。", "2022-03-08", "2022-05-20"),
        ("二〇二二年三月八日至二〇二二年五月二十日,市委第一巡察组对某局党组进行了巡察。", "2022-03-08", "2022-05-20"),
    ],
)
def test_the_on_site_period_as_published(sentence: str, start: str, end: str | None) -> None:
    f = preamble(sentence)
    assert (str(f.start), None if f.end is None else str(f.end)) == (start, end)
    assert f.diagnostics == ()


def test_a_lost_date_with_two_readings_is_left_out_and_reported() -> None:
    f = preamble("根据部署,市委第一巡察组对某局党组进行了巡察,并于2024111日反馈了意见。")
    assert f.feedback_date is None
    (d,) = f.diagnostics
    assert (d.params["code"], d.line, d.params["readings"]) == ("ambiguous-date", 1, "2024-01-11, 2024-11-01")


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "2022年3月8日至5月20日,市委第一巡察组对某局党组进行了巡察。8月4日反馈了意见。截至11月3日,整改完成9个。",
            "2022-08-04",
        ),
        ("2022年3月8日至5月20日,市委第一巡察组对某局党组进行了巡察。截至11月3日,整改完成9个。", "2022-05-20"),
        ("截至2022年11月3日,整改完成9个。", "2022-11-03"),
        ("现将整改情况予以公布。", None),
    ],
)
def test_the_body_s_year_context_is_the_feedback_else_the_on_site_end_else_the_last_date(
    text: str, context: str | None
) -> None:
    f = preamble(text)
    assert (None if f.context is None else str(f.context)) == context


def test_an_impossible_date_is_reported() -> None:
    f = preamble("2022年2月30日,市委第一巡察组向某局党组反馈了意见。")
    assert f.feedback_date is None
    assert codes(f) == [("impossible-date", 1)]


def test_a_yearless_date_takes_the_preamble_s_year_not_the_page_s() -> None:
    f = facts(
        (P, "发布时间:2023-05-06"),
        (P, "2022年3月8日至5月20日,市委第一巡察组对某局党组进行了巡察。"),
        (P, "8月4日,市委第一巡察组向某局党组反馈了意见。截至11月3日,已完成整改10个。"),
    )
    assert (f.feedback_date, f.as_of, f.context) == (D("2022-08-04"), D("2022-11-03"), D("2022-08-04"))
    assert (f.lines["feedback_date"], f.lines["as_of"], f.lines["start"]) == (3, 3, 2)


@pytest.mark.parametrize(
    ("text", "feedback"),
    [
        # the bug this pass fixes: the only date is the on-site period, not the feedback's
        ("2022年3月8日至5月20日,市委第一巡察组对某局党组进行了巡察,并反馈了巡察意见。", None),
        ("2022年3月8日至5月20日,市委第一巡察组对某局党组进行了巡察。收到巡察反馈意见后,局党组召开会议。", None),
        ("2022年5月,市委第一巡察组对某局党组进行了巡察,并于7月15日反馈了12个问题。", "2022-07-15"),
        (
            "2022年3月8日至5月20日,市委第一巡察组对某局党组进行了巡察。6月30日,市委第一巡察组向局党组反馈了意见。",
            "2022-06-30",
        ),
        ("根据部署,市委第一巡察组对某局党组开展了巡察,并于2025210向某局党组反馈巡察意见。", "2025-02-10"),
        ("2022年3月8日至5月20日,市委第一巡察组对某局党组进行了巡察,反馈时间为2022年6月30日。", "2022-06-30"),
        # a date of another act, in a sentence that only mentions the feedback
        ("2022年9月,针对巡察反馈意见,局党组制定了整改方案。", None),
        ("2022年12月5日,局党组召开专题民主生活会,对照巡察反馈指出的问题逐一剖析。", None),
    ],
)
def test_the_feedback_date_is_only_a_date_attached_to_giving_feedback(text: str, feedback: str | None) -> None:
    f = preamble(text)
    assert (None if f.feedback_date is None else str(f.feedback_date)) == feedback


@pytest.mark.parametrize("text", ["2022年6月1日,服务对象反馈了意见。", "2022年6月1日,坚持问题导向反馈了情况。"])
def test_feedback_in_narrative_that_names_no_inspection_is_not_the_round_s(text: str) -> None:
    f = facts((P, ON_SITE.format("某局党组")), (N, text))
    assert f.feedback_date is None


def test_an_as_of_date_of_something_else_is_not_the_report_s() -> None:
    f = facts((P, ON_SITE.format("某局党组")), (N, "截至2022年底,全市政务服务事项达1200项。"))
    assert f.as_of is None


def test_plan_and_as_of_dates() -> None:
    f = preamble(
        "2022年3月8日至5月20日,市委第一巡察组对某局党组进行了巡察。2022年7月1日,局党组制定印发了整改方案。截至2022年10月31日,整改完成15个。"
    )
    assert (f.plan_date, f.as_of) == (D("2022-07-01"), D("2022-10-31"))


# --- declared counts -----------------------------------------------------------------------------------

FINDINGS = "市委第一巡察组反馈了意见,指出{}。"


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (FINDINGS.format("存在三个方面9类问题,涉及28项具体问题"), {"aspects": 3, "categories": 9, "problems": 28}),
        (FINDINGS.format("5个方面14个突出问题"), {"aspects": 5, "problems": 14}),
        (FINDINGS.format("3个大方面19个大项"), {"aspects": 3, "categories": 19}),  # 大项: the level under 方面
        (FINDINGS.format("3个大方面12个大项36个小项"), {"aspects": 3, "categories": 12, "problems": 36}),
        (FINDINGS.format("七个方面二十五个问题"), {"aspects": 7, "problems": 25}),
        (FINDINGS.format("存在 15 个问题"), {"problems": 15}),
        (
            "巡察组反馈的7方面25个问题,已完成整改事项24个,阶段性完成并需长期坚持的事项1个。",
            {"aspects": 7, "problems": 25, "completed": 24, "long_term": 1},
        ),
        ("对巡察反馈的问题,整改完成15个,阶段性完成3个。", {"completed": 15, "long_term": 3}),
        (
            "对巡察反馈的问题,完成整改120个,正在整改6个,未完成整改2个,整改完成率98.36%。",
            {"completed": 120, "in_progress": 6, "not_completed": 2, "completion_rate": "98.36%"},
        ),
        ("局党组分解整改任务64个,共制定整改措施41条。", {"tasks": 64, "measures": 41}),
        ("局党组制定了60项整改措施,并细化为118条具体措施。", {"tasks": 60, "measures": 118}),
        ("局党组确定了45项整改任务、53条整改措施。", {"tasks": 45, "measures": 53}),
        ("逐条逐项细化成了146条整改措施。", {"measures": 146}),
    ],
)
def test_declared_counts_in_the_genre_s_phrasings(text: str, counts: dict[str, Any]) -> None:
    assert declared(preamble(text)) == counts


@pytest.mark.parametrize(
    "text",
    [
        "局党组一方面加强理论学习,另一方面推进巡察整改。",  # 一方面 is no aspect
        "坚持一个问题、一个方案,推进巡察反馈问题整改。",  # a slogan, not a count of problems
        "巡察整改中,每一项整改措施都明确责任人。",
        "局党组从5个方面着力推进巡察整改。",  # aspects of the work, not of the findings
        "第一方面问题,党组织政治担当不强。",  # an ordinal
        "举一反三,排查并整改问题35个。",  # found by the unit itself, not the inspection's
        "督促解决群众反映的5个问题。",  # problems, but not the inspection's findings
        "巡察整改期间,共召开会议3次,修订制度12项,2个月内完成整改措施落实。",
    ],
)
def test_no_count_is_read_from_phrases_that_are_not_about_findings_or_rectification(text: str) -> None:
    assert declared(preamble(text)) == {}


def test_round_level_counts_of_an_aggregate_notice_are_read_too() -> None:
    f = facts(
        (T, "中共某县委巡察办关于十五届县委第三轮巡察整改情况的通报"),
        (
            P,
            "2023年3月6日至5月12日,县委第一巡察组对县财政局党组、县教育局党委开展了常规巡察,"
            "共反馈问题45个。截至2023年9月1日,已完成整改40个,正在整改5个。",
        ),
    )
    assert declared(f) == {"problems": 45, "completed": 40, "in_progress": 5}
    assert f.lines["declared/problems"] == 2


def test_the_first_statement_of_a_count_stands() -> None:
    f = facts((P, FINDINGS.format("12个问题")), (N, "局党组对照巡察反馈的13个问题逐一整改。"))
    assert (declared(f), f.lines["declared/problems"]) == ({"problems": 12}, 1)


# --- the cue table, totality and linear time ------------------------------------------------------------


def test_every_cue_gives_facts_that_exist() -> None:
    fields = {f.name for f in attrs.fields(Facts)}
    for cue in _CUES:
        assert set(cue.gives) <= fields, cue
        assert cue.places, cue


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(Place)),
            st.one_of(
                st.text(max_size=80),
                st.sampled_from(
                    [
                        "2022年3月8日至5月20日,市委第二巡察组对我局党组进行了巡察,并于2025210向我局反馈了意见。",
                        "截至",
                        "于2024111日反馈了",
                        "9999年12月31日至1月1日",
                        "0000年1月1日",
                        "1231日",
                        "二〇二二年十三月",
                        "一个问题、一个",
                        "第察组对对进行了巡察",
                        "中共某局党组",
                        "发布时间:",
                        "对进行了巡察",
                    ]
                ),
            ),
        ),
        max_size=12,
    )
)
def test_any_paragraphs_in_any_places_give_facts(items: list[tuple[Place, str]]) -> None:
    f = facts(*items)
    assert isinstance(f, Facts)
    assert all(d.rule == "parse" and d.line is not None and d.message("zh") for d in f.diagnostics)
    assert f.boilerplate <= set(range(1, len(items) + 1))


def _timed(call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.parametrize(
    "unit", ["1", "一二三", "对进行了巡察2021年", "一个问题、", "于2021年1月1日反馈了", "截至2021年1月1日,整改完成5个,"]
)
def test_a_long_paragraph_takes_time_in_proportion_to_its_length(unit: str) -> None:
    """A line ten times longer takes about ten times longer (no pattern backtracks quadratically)."""
    short, long = (unit * (n // len(unit)) for n in (20_000, 200_000))
    ratio = _timed(lambda: preamble(long)) / _timed(lambda: preamble(short))
    assert ratio < 30, ratio


# --- the three real notices -----------------------------------------------------------------------------

_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_ITEM = re.compile(r"^[((]|^第|^\d")
_NARRATIVE_SECTIONS = ("整改工作基本情况", "下一步", "认真学习贯彻")


def seed_paragraphs(path: Path) -> list[Paragraph]:
    """A seed's paragraphs as the structural passes would give them: no problem or measure lines.

    Title: a first line naming what it is about; preamble: up to the first 一、; closing: from the
    contact lines on; narrative: the sections that itemize nothing, and text right under a heading.
    """
    lines = [(n, t.strip()) for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.strip()]
    first = next(k for k, (_, t) in enumerate(lines) if _H1.match(t))
    closing = next(k for k, (_, t) in enumerate(lines) if t.startswith("欢迎广大干部群众"))
    found, narrative, under_heading = [], False, False
    for k, (n, text) in enumerate(lines):
        if _H1.match(text):
            narrative, under_heading = any(w in text for w in _NARRATIVE_SECTIONS), True
        elif _ITEM.match(text):
            under_heading = False
        if k == 0 and "关于" in text and not text.startswith("根据"):
            found.append(Paragraph(n, text, T))
        elif k < first:
            found.append(Paragraph(n, text, P))
        elif k >= closing:
            found.append(Paragraph(n, text, C))
        elif narrative or under_heading:
            found.append(Paragraph(n, text, N))
    return found


@needs_seeds
def test_jiangmen_facts() -> None:
    f = read_facts(seed_paragraphs(SEEDS / "000_f5099ef252ed3328.txt"))
    assert (f.kind, f.inspector, f.target) == (InspectionKind.REGULAR, "市委第二巡察组", "江门市政务服务数据管理局党组")
    assert [str(d) for d in (f.start, f.end, f.feedback_date, f.as_of, f.report_date)] == [
        "2021-03-11",
        "2021-06-18",
        "2021-08-04",
        "2021-11-03",
        "2021-11-12",
    ]
    assert f.plan_date is None
    assert f.context == D("2021-08-04")  # so that the body's 11月1日 is 2021's, though the preamble says 截至11月3日
    assert declared(f) == {"aspects": 3, "categories": 9, "problems": 28}
    assert (f.signature, f.boilerplate, f.diagnostics) == ("中共江门市政务服务数据管理局党组", {51, 52, 53}, ())


@needs_seeds
def test_xianning_facts_with_lost_characters() -> None:
    f = read_facts(seed_paragraphs(SEEDS / "001_b803e5051816c49a.txt"))
    assert f.inspector == "市委第五巡察组"  # 市委第察组 in the preamble, the title's in full
    assert f.target == "中共咸宁市政务服务和大数据管理局党组"
    assert [str(d) for d in (f.start, f.end, f.feedback_date)] == ["2024-10-21", "2024-12-12", "2025-02-10"]
    assert (f.as_of, str(f.report_date), f.lines["report_date"]) == (None, "2025-09-24", 315)
    assert declared(f) == {"measures": 146}
    assert {1, 3, 313, 315} <= f.boilerplate  # title, the page's date line, signature, date
    assert ("garbled-text", 5) in codes(f)
    assert not [d for d in f.diagnostics if d.params["code"] != "garbled-text"]


@needs_seeds
def test_haizhu_facts_with_tasks_and_outcomes() -> None:
    f = read_facts(seed_paragraphs(SEEDS / "003_a615e94ed5ff1355.txt"))
    assert (f.inspector, f.target) == ("广州市区委巡察第24组", "海珠区政务服务数据管理局党组")
    assert [str(d) for d in (f.start, f.end, f.feedback_date, f.report_date)] == [
        "2019-07-12",
        "2019-09-12",
        "2019-09-30",
        "2020-04-09",
    ]
    assert f.kind is InspectionKind.REGULAR  # the 回头看 of 下一步计划 is no look-back round
    assert declared(f) == {"aspects": 7, "problems": 25, "tasks": 45, "measures": 53, "completed": 24, "long_term": 1}
    assert f.diagnostics == ()


# --- the shared facts reader ----------------------------------------------------------------------


def test_the_shared_reader_says_which_text_each_fact_came_from() -> None:
    from rectmodel.facts import read_round_facts

    cells = [
        ("B1", "某局巡察整改台账"),
        ("B2", "2022年3月8日至5月20日,市委第三巡察组对我局党组进行了巡察。"),
        ("C2", "2022年6月1日,巡察组向我局党组反馈了巡察意见,指出3个方面12个问题。"),
    ]
    f = read_round_facts(cells, title="中共某市审计局党组关于巡察整改情况的通报")
    assert (f.inspector, f.target) == ("市委第三巡察组", "中共某市审计局党组")
    assert (str(f.start), str(f.end), str(f.feedback_date)) == ("2022-03-08", "2022-05-20", "2022-06-01")
    assert (f.declared.aspects, f.declared.problems) == (3, 12)
    assert (f.where["start"], f.where["feedback_date"], f.where["declared/problems"]) == ("B2", "C2", "C2")
    assert f.kind is InspectionKind.REGULAR


def test_the_shared_reader_keeps_a_unit_named_only_as_we_as_stated_and_locates_an_unreadable_date() -> None:
    from rectmodel.facts import read_round_facts

    f = read_round_facts([((0, 1), "市委第三巡察组对我局党组进行了巡察。"), ((0, 2), "2021年2月30日召开会议。")])
    assert f.target == "我局党组"  # nothing else names the unit: what the text says, at its place
    assert f.where["target"] == (0, 1)
    assert [loc for loc, _ in f.diagnostics] == [(0, 2)]


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # the page lost 年, 月 and 日: the digits before a committee's name are a month and day too
        (
            "2023814日至1031县委第二巡察组对某县某局党组开展了常规巡察,1115县委第二巡察组反馈了巡察意见。",
            ("2023-08-14", "2023-10-31", "2023-11-15"),
        ),
        (
            "2022412日至202278日,区委第二巡察组对某街道党工委开展了巡察91区委巡察组反馈了巡察意见。",
            ("2022-04-12", "2022-07-08", "2022-09-01"),
        ),
        # 111 may be 1月11日 or 11月1日: no feedback date rather than a guess
        (
            "2023814日至1031县委第二巡察组对某县某局党组开展了巡察,111县委第二巡察组反馈了巡察意见。",
            ("2023-08-14", "2023-10-31", None),
        ),
        # a line whose dates kept their separators: bare digits are a number, not a date
        (
            "2023年8月14日至10月31日,县委第二巡察组对某县某局党组开展了巡察,1115县委第二巡察组反馈了意见。",
            ("2023-08-14", "2023-10-31", None),
        ),
    ],
)
def test_digits_that_lost_month_and_day_before_a_committee_are_a_date_only_on_a_lossy_line(
    sentence: str, dates: tuple[str | None, ...]
) -> None:
    f = preamble(sentence)
    assert tuple(None if d is None else str(d) for d in (f.start, f.end, f.feedback_date)) == dates


# --- traditional characters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "inspector", "target"),
    [
        ("2024年5月8日—5月24日,市委第二巡察組對市婦聯黨組進行了巡察。", "市委第二巡察組", "市婦聯黨組"),
        ("2024年5月31日至7月28日,省委第六巡視組對省林業局黨組開展巡視。", "省委第六巡視組", "省林業局黨組"),
        ("2024年5月8日至5月24日,市委第二巡察组对市妇联党组进行了巡察。", "市委第二巡察组", "市妇联党组"),
    ],
)
def test_traditional_characters_are_read_and_names_kept_as_written(sentence: str, inspector: str, target: str) -> None:
    f = preamble(sentence)
    assert (f.inspector, f.target, f.start is not None, f.end is not None) == (inspector, target, True, True)


def test_the_title_of_a_traditional_notice_spells_out_our_unit() -> None:
    f = facts(
        (T, "中共某市審計局黨組關於巡察整改情況的通報"),
        (P, "2022年3月8日至5月20日,市委第三巡察組對我局黨組進行了巡察。"),
    )
    assert f.target == "中共某市審計局黨組"


# --- each fact by its own cue (variations of the corpus, written for these tests) ----------------------


@pytest.mark.parametrize(
    ("sentence", "inspector", "target", "start", "end"),
    [
        (
            "市委第七巡察组于2023年3月14日至5月14日,对县委宣传部(含县融媒体中心、县社科联)开展政治巡察。",
            "市委第七巡察组",
            "县委宣传部(含县融媒体中心、县社科联)",  # what the round covered, as stated
            "2023-03-14",
            "2023-05-14",
        ),
        (
            "市委第七巡察组于 2 0 2 3 年 3 月 1 4 日至 5 月 1 4 日对市政协机关进行了巡察。",
            "市委第七巡察组",
            "市政协机关",
            "2023-03-14",
            "2023-05-14",
        ),
        (
            "2023年3月14日—5月14日,省委第二巡视组对湖北省某市进行了巡视。",
            "省委第二巡视组",
            "湖北省某市",
            "2023-03-14",
            "2023-05-14",
        ),
        (
            "2023年3月下旬至5月中旬,县委第一巡察组对某镇甲村、乙村等2个村级党组织进行了巡察。",
            "县委第一巡察组",
            None,
            "2023-03",
            "2023-05",
        ),
    ],
)
def test_each_fact_of_an_on_site_sentence_is_read_by_its_own_cue(
    sentence: str, inspector: str, target: str | None, start: str, end: str
) -> None:
    f = preamble(sentence)
    assert (f.inspector, str(f.start), str(f.end)) == (inspector, start, end)
    if target is not None:
        assert f.target == target
    assert f.kind is InspectionKind.REGULAR


def test_a_gloss_is_not_part_of_the_unit() -> None:
    f = preamble("2023年3月14日至5月14日,市委第一巡察组对中共某市工业园区工作委员会(以下简称“园区工委”)进行了巡察。")
    assert f.target == "中共某市工业园区工作委员会"


def test_an_end_of_month_is_read_with_the_year_of_the_start() -> None:
    f = preamble("2023年3月14日至5月底,市委第一巡察组对某局党组进行了巡察。")
    assert (str(f.start), str(f.end)) == ("2023-03-14", "2023-05")


@pytest.mark.parametrize(
    ("on_site", "feedback", "inspector"),
    [
        ("省委第一巡视组对某厅党组进行了巡视。", "2023年6月1日,省委巡视组反馈了巡视意见。", "省委第一巡视组"),
        ("市委巡察二组对某局党组进行了巡察。", "2023年6月1日,市委巡察组反馈了巡察意见。", "市委巡察二组"),
        (
            "七届市委第十二轮巡察一组对某局党组进行了巡察。",
            "2023年6月1日,巡察组反馈了意见。",
            "七届市委第十二轮巡察一组",
        ),
        ("中央第三巡视组对某省进行了巡视。", "2023年6月1日,中央巡视组反馈了巡视意见。", "中央第三巡视组"),
    ],
)
def test_the_fullest_name_of_the_group_wins(on_site: str, feedback: str, inspector: str) -> None:
    f = facts((P, "2023年3月1日至4月30日," + on_site), (P, feedback))
    assert f.inspector == inspector
    assert str(f.feedback_date) == "2023-06-01"


@pytest.mark.parametrize(
    ("body", "target"),
    [
        ("县委宣传部高度重视巡察整改工作,成立了整改工作领导小组。", "县委宣传部"),
        ("制定了《中共某县委宣传部部务会关于落实县委巡察反馈意见的整改方案》。", "中共某县委宣传部部务会"),
    ],
)
def test_our_unit_is_resolved_from_the_first_body_sentence_that_names_it(body: str, target: str) -> None:
    f = facts(
        (T, "关于巡察整改进展情况的通报"),
        (P, "2023年3月14日至5月14日,县委第一巡察组对我部进行了巡察。"),
        (N, body),
    )
    assert (f.target, f.lines["target"]) == (target, 3)


def test_a_sentence_naming_only_the_group_makes_the_reporting_unit_the_inspected_one() -> None:
    f = facts((T, "中共某县财政局党组关于巡察整改情况的通报"), (P, "2023年3月14日至5月14日,县委第一巡察组进行了巡察。"))
    assert (f.inspector, f.target) == ("县委第一巡察组", "中共某县财政局党组")


def test_a_group_working_alongside_another_is_the_inspector() -> None:
    f = preamble("2023年3月14日至5月14日,市委专项巡察组配合省委第十一巡视组对某局党组开展了巡察。")
    assert (f.inspector, str(f.start), str(f.end)) == ("市委专项巡察组", "2023-03-14", "2023-05-14")
