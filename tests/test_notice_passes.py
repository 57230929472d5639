"""The notice reader's passes: layouts of the genre, nothing dropped, linear time, always loadable.

The snippets are written for these tests (not taken from real notices); the properties run over
the real seeds, mutated, when ``../shared/seeds`` is beside the repository.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectmodel import GroupLevel, Inspection, State, dumps, loads
from rectmodel.notices import ParseResult, parse
from rectmodel.notices._lex import LineKind, Style, lex
from rectmodel.notices._outline import outline

from support import SEEDS

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")


def _only(result: ParseResult) -> Inspection:
    (inspection,) = result.ledger.inspections
    return inspection


def _codes(result: ParseResult) -> list[tuple[str, int | None]]:
    return [(d.params["code"], d.line) for d in result.diagnostics]


# --- pass 1 and 2: lex and outline ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "style", "ordinal", "certain"),
    [
        ("一、总体情况", Style.CN_COMMA, 1, True),
        ("（十二）针对问题", Style.CN_PAREN, 12, True),
        ("(3)开展检查", Style.ARABIC_PAREN, 3, True),
        ("12.加强学习", Style.ARABIC_DOT, 12, True),
        ("4.2019年11月,撰写总结", Style.ARABIC_DOT, 4, True),  # a measure that starts with a year
        ("第三方面问题,党建不严实", Style.ASPECT_WORD, 3, True),
        ("问题46上一轮巡察反馈", Style.PROBLEM_WORD, 46, True),
        ("②建立台账", Style.CIRCLED, 2, True),
        ("2贯彻落实不到位", Style.ARABIC_DOT, 2, False),  # the dot was lost
        ("(三针对“学习不够”的问题", Style.CN_PAREN, 3, False),  # the ")" was lost
    ],
)
def test_markers_are_read_with_their_certainty(line: str, style: Style, ordinal: int, certain: bool) -> None:
    (lexed,) = lex(line)
    assert lexed.marker is not None
    assert (lexed.marker.style, lexed.marker.ordinal, lexed.marker.certain) == (style, ordinal, certain)


@pytest.mark.parametrize("line", ["3.5亿元资金已拨付", "2023年完成", "10月份以来", "3个问题已整改", "一是加强学习"])
def test_figures_dates_and_ordinals_are_not_headings(line: str) -> None:
    (lexed,) = lex(line)
    assert lexed.marker is None


def test_a_style_nests_where_it_first_appears_under_its_parent() -> None:
    text = "\n".join(
        [
            "一、基本情况",
            "(一)组织",
            "(二)方案",
            "二、问题整改",
            "第一方面问题,甲",
            "(一)问题一",
            "1.措施",
            "(二)问题二",
            "第二方面问题,乙",
            "(三)问题三",
        ]
    )
    tree = outline(list(lex(text)))
    shape = [(n.depth, n.line.text) for n in tree.root.walk() if n.line is not None]
    assert shape == [
        (0, "一、基本情况"),
        (1, "(一)组织"),
        (1, "(二)方案"),
        (0, "二、问题整改"),
        (1, "第一方面问题,甲"),
        (2, "(一)问题一"),
        (3, "1.措施"),
        (2, "(二)问题二"),
        (1, "第二方面问题,乙"),
        (2, "(三)问题三"),  # numbered straight through the aspects: no gap
    ]
    assert tree.gaps == ()


def test_numbering_gaps_are_found_once_and_lost_markers_only_where_expected() -> None:
    tree = outline(list(lex("(一)甲的问题\n(二)乙的问题\n(四)丁的问题\n1.措施\n3修订制度\n2开展检查")))
    assert [(g.line, g.expected, g.found) for g in tree.gaps] == [(3, 3, 4)]
    assert [line.number for line in tree.recovered] == [6]  # "2开展…" continues 1.; "3修订…" does not
    assert tree.root.children[2].children[0].content[0].kind is LineKind.TEXT


# --- pass 3 to 5: the genre's layouts --------------------------------------------------------------

QUOTED_PROBLEMS = """根据区委统一部署,区委第一巡察组对区财政局党组进行了巡察。现将整改进展情况向社会通报如下:
一、整改工作开展情况
局党组成立整改工作领导小组。
二、反馈问题整改落实情况
(一)“理论学习不深入”的问题,整改落实如下
1.制定年度学习计划。
2.开展专题研讨3次。
整改状态:完成
(二)“财务管理不规范”的问题,整改落实如下
1.修订财务报销制度。
整改状态:阶段性完成
"""


def test_problems_as_quoted_titles_with_measures_and_a_closing_status() -> None:
    result = parse(QUOTED_PROBLEMS)
    x = _only(result)
    assert [(p.title, len(p.measures)) for p in x.problems] == [("理论学习不深入", 2), ("财务管理不规范", 1)]
    assert [p.history[-1].state for p in x.problems] == [State.COMPLETED, State.LONG_TERM]
    assert all(not m.history for p in x.problems for m in p.measures)  # the status is the problem's
    assert x.groups == ()  # 二、反馈问题整改落实情况 wraps the problems; it is no group
    assert ("narrative", 2) in _codes(result)


CATEGORIES = """根据市委统一部署,市委第三巡察组对市住建局党组进行了巡察,指出3个方面5个问题。
一、巡察反馈问题整改情况
(一)党的政治建设方面
1.关于“学习贯彻不到位”的问题的整改
(1)针对理论学习不深入的问题
一是制定学习计划;二是开展专题研讨。
(2)针对学用结合不紧的问题
一是建立调研制度。
(二)全面从严治党方面
1.关于“监督不力”的问题
(1)针对廉政教育不经常的问题
一是开展警示教育。
(三)其他方面的问题
(1)针对档案管理不规范的问题
一是整理档案。
(2)针对固定资产台账不清的问题
一是开展清查。二是建立台账。
"""


def test_aspects_categories_problems_and_inline_measures() -> None:
    x = _only(parse(CATEGORIES))
    assert [(g.id, g.level, g.title, g.parent) for g in x.groups] == [
        ("A1", GroupLevel.ASPECT, "党的政治建设方面", None),
        ("A1-C1", GroupLevel.CATEGORY, "关于“学习贯彻不到位”的问题的整改", "A1"),
        ("A2", GroupLevel.ASPECT, "全面从严治党方面", None),
        ("A2-C1", GroupLevel.CATEGORY, "关于“监督不力”的问题", "A2"),
        ("A3", GroupLevel.ASPECT, "其他方面的问题", None),  # the last aspect, worded as a problem
    ]
    assert [(p.title, p.group, len(p.measures)) for p in x.problems] == [
        ("理论学习不深入", "A1-C1", 2),
        ("学用结合不紧", "A1-C1", 1),
        ("廉政教育不经常", "A2-C1", 1),
        ("档案管理不规范", "A3", 1),
        ("固定资产台账不清", "A3", 2),
    ]
    assert len(x.problems) == x.declared.problems


NUMBERED_SENTENCES = """根据市委统一部署,市委第五巡察组对市数据局党组进行了巡察。
二、问题整改落实情况
(一)聚焦落实决策部署方面
1.学习不规范。存在学习流于形式的情况。
整改结果:已完成整改。
整改情况一是制定学习计划。二是开展专题学习。
2贯彻落实不到位。部分任务推进缓慢。
整改结果:视同完成,持续整改。
整改情况一是建立台账。
"""


def test_problems_as_numbered_sentences_with_a_lost_dot() -> None:
    result = parse(NUMBERED_SENTENCES)
    x = _only(result)
    assert [(p.title, p.description) for p in x.problems] == [
        ("学习不规范", "存在学习流于形式的情况。"),
        ("贯彻落实不到位", "部分任务推进缓慢。"),
    ]
    assert [len(p.measures) for p in x.problems] == [2, 1]
    assert x.problems[1].history[-1].note == "视同完成,持续整改"
    assert ("garbled-text", 7) in _codes(result)


def test_declared_counts_decide_which_depth_holds_the_problems() -> None:
    text = "\n".join(
        [
            "根据部署,巡察组对某局党组进行了巡察,指出{n}个问题。",
            "(一)组织建设",
            "1.会议记录不全",
            "2.发展党员不规范",
            "(二)作风建设",
            "1.公车管理不严",
        ]
    )
    assert len(_only(parse(text.format(n=3))).problems) == 3
    assert len(_only(parse(text.format(n=2))).problems) == 2  # (一)(二) then, holding measures


# --- nothing dropped --------------------------------------------------------------------------------


def test_a_stray_line_before_the_first_heading_is_accounted_for() -> None:
    result = parse(
        "网页顶部的一行\n根据部署,巡察组对某局党组进行了巡察。\n(一)针对“学习不够”的问题\n整改情况:一是学习。"
    )
    assert result.placed[1] in ("preamble", "title", "diagnostic")
    assert len(_only(result).problems) == 1


def test_text_between_an_aspect_and_its_first_problem_is_reported() -> None:
    result = parse("一、“政治建设”方面\n本方面共3个问题,已全部整改。\n(一)针对“学习不够”的问题\n整改情况:一是学习。")
    assert ("unplaced-text", 2) in _codes(result)
    assert len(_only(result).problems) == 1


def test_a_heading_that_lost_its_parenthesis_keeps_its_problem() -> None:
    text = "\n".join(
        [
            "(一)针对“学习不够”的问题",
            "整改情况:一是学习。",
            "(二针对“作风不实”的问题",
            "整改情况:一是整顿。",
            "(三)针对“纪律松弛”的问题",
            "整改情况:一是教育。",
        ]
    )
    result = parse(text)
    assert [p.title for p in _only(result).problems] == ["学习不够", "作风不实", "纪律松弛"]
    assert ("garbled-text", 3) in _codes(result)


# --- properties -------------------------------------------------------------------------------------


def _strings(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(_strings(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(_strings(v) for v in value)
    return str(value)


def _resolve(document: Any, pointer: str) -> Any:
    for part in pointer.split("/")[1:]:
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
# The genre's wrapping words, dropped from titles (针对“…”的问题 → …), and 一是…二是 markers, dropped when
# a paragraph is split into measures: what is left must be in the element.
_INLINE_MARKER = re.compile(
    r"[一二三四五六七八九十]{1,3}是|的问题|问题|针对|关于|方面|整改落实如下|的整改|第[一二三四五六七八九十]+"
)


def assert_every_line_accounted_for(text: str, result: ParseResult) -> None:
    """Each non-blank line is in the ledger (its words in the element named), in boilerplate, or reported."""
    document = json.loads(dumps(result.ledger))
    reported = {d.line for d in result.diagnostics}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        assert number in result.placed, f"line {number} dropped: {line[:40]!r}"
        where = result.placed[number]
        if where == "diagnostic":
            assert number in reported, f"line {number} said reported, but no diagnostic names it"
        elif re.match(r"/inspections/\d+/(?:problems|groups)/", where):
            element = _resolve(document, "/".join(where.split("/")[:5]))  # the problem or group
            (lexed,) = lex(line)  # the words after a marker or label (整改情况:) are the content
            content = _INLINE_MARKER.sub(" ", (lexed.rest or lexed.text).replace("\ufffd", ""))
            words = _CJK_RUN.findall(content)
            if words:
                longest = max(words, key=len)
                assert longest in _strings(element), f"line {number}: {longest!r} not in {where}"
        elif where.startswith("/"):  # a fact read from the line: the ledger states it
            assert _resolve(document, where) is not None, f"line {number}: {where} is empty"
        else:
            assert where in ("title", "preamble", "narrative", "heading", "closing"), where


@needs_seeds
def test_every_line_of_each_seed_is_accounted_for() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert_every_line_accounted_for(text, parse(text))


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []


@st.composite
def _mutated(draw: st.DrawFn, texts: list[str]) -> str:
    lines = draw(st.sampled_from(texts)).splitlines()
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "drop-chars"]))
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + line[cut + draw(st.integers(1, 3)) :]
    return "\n".join(lines)


@needs_seeds
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_seeds_drop_nothing_and_always_load(data: st.DataObject) -> None:
    text = data.draw(_mutated(_seed_texts()))
    result = parse(text)
    assert_every_line_accounted_for(text, result)
    assert loads(dumps(result.ledger)) == result.ledger


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("一二三(())1.、是问题方面“”:整改结果完成\n \ud800"), max_size=300))
def test_structure_shaped_noise_drops_nothing(text: str) -> None:
    result = parse(text)
    assert_every_line_accounted_for(text, result)
    assert loads(dumps(result.ledger)) == result.ledger


def test_a_lone_surrogate_is_replaced_reported_and_dumpable() -> None:
    result = parse("(一)针对“学习\ud800不够”的问题\n整改情况:一是学习。")
    assert "\ud800" not in dumps(result.ledger)
    assert ("garbled-text", 1) in _codes(result)


def _time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", ["1", "一二三", "一是", "(一)", "2021年3月", "12个问题"])
def test_time_is_linear_in_a_long_line(unit: str) -> None:
    small = _time("根据部署," + unit * (20_000 // len(unit)))
    large = _time("根据部署," + unit * (200_000 // len(unit)))
    assert large / small < 30, f"{unit!r}: 10x the text took {large / small:.0f}x the time"


def test_the_writer_and_the_reader_share_one_status_lexicon() -> None:
    from rectmodel._lexicon import NOTICE_STATE_WORDS, state_of

    for state, words in NOTICE_STATE_WORDS.items():
        assert (state_of(words) or ("", None))[1] is state, f"{words!r} reads back as another state"


# --- layouts added for the corpus's variations (synthetic snippets) ---------------------------------

NESTED = """根据市委统一部署,市委第二巡察组对某局党组进行了巡察,指出2个方面3个问题。
一、整改落实成效
(一)党的领导方面
1.关于“理论学习不深入”的问题
(1)针对学习计划不落实的问题。一是制定学习计划;二是开展专题研讨。
(2)针对研讨流于形式的问题。一是建立研讨制度。
(二)作风建设方面
1.关于“会议偏多”的问题
(1)针对文山会海的问题。一是精简会议。
"""


def test_the_nested_layout_reads_aspects_categories_problems_and_one_line_measures() -> None:
    x = _only(parse(NESTED))
    assert [(g.level, g.title) for g in x.groups] == [
        (GroupLevel.ASPECT, "党的领导方面"),
        (GroupLevel.CATEGORY, "关于“理论学习不深入”的问题"),
        (GroupLevel.ASPECT, "作风建设方面"),
        (GroupLevel.CATEGORY, "关于“会议偏多”的问题"),
    ]
    assert [(p.title, len(p.measures)) for p in x.problems] == [
        ("学习计划不落实", 2),
        ("研讨流于形式", 1),
        ("文山会海", 1),
    ]
    assert len(x.problems) == x.declared.problems


def test_a_quoted_phrase_inside_a_title_is_part_of_the_title() -> None:
    x = _only(parse("(一)针对“四风”问题仍有发生的问题\n整改情况:一是开展作风整顿。"))
    assert [p.title for p in x.problems] == ["“四风”问题仍有发生"]


def test_numbered_measures_on_one_line_are_each_a_measure() -> None:
    x = _only(parse("(一)针对“学习不够”的问题\n整改措施:1.制定计划;2.开展研讨;3.建立台账。"))
    assert [len(p.measures) for p in x.problems] == [3]


@pytest.mark.parametrize(
    ("remark", "state"),
    [
        ("已完成整改。", State.COMPLETED),
        ("目前正在持续推进中。", State.IN_PROGRESS),
        ("该项工作需长期坚持。", State.LONG_TERM),
    ],
)
def test_a_progress_remark_after_a_measure_is_its_state(remark: str, state: State) -> None:
    x = _only(parse(f"(一)针对“学习不够”的问题\n一是制定学习计划,{remark}"))
    (measure,) = x.problems[0].measures
    assert measure.history[-1].state is state


def test_a_first_heading_that_lost_its_parenthesis_is_recovered_from_its_sibling() -> None:
    text = "(一针对“学习不够”的问题\n整改情况:一是学习。\n(二)针对“作风不实”的问题\n整改情况:一是整顿。"
    result = parse(text)
    assert [p.title for p in _only(result).problems] == ["学习不够", "作风不实"]
    assert ("garbled-text", 1) in _codes(result)


def test_traditional_characters_are_read_and_the_conversion_said() -> None:
    result = parse("(一)針對“學習不夠”的問題\n整改情況:一是制定學習計劃。")
    x = _only(result)
    assert [p.title for p in x.problems] == ["學習不夠"]  # the text as written
    assert len(x.problems[0].measures) == 1
    assert any(d.params["code"] == "converted-text" and d.params["conversion"] == "t2s" for d in result.diagnostics)
