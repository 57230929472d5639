"""Link suggestion between two rounds: right pairs on top, nothing for the unrelated, measured precision and recall.

The module also holds the generator of the evaluation set (:func:`make_rounds`) and its
measure (:func:`top1_precision_recall`); ``benchmarks/bench_suggest.py`` imports both.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final, Literal, NamedTuple

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from rectmodel import Inspection, InspectionKind, Link, LinkKind, Problem
from rectmodel.graph._suggest import DEFAULT_THRESHOLD, Suggestion, suggest_links
from rectmodel.strategies import inspections

# ---------------------------------------------------------------- the evaluation set

# A title is composed as [scope] subject issue [，fact]; a description as an opener and one to three
# facts. A fact fills a template's slots from lists of things (expenses, projects, assets, villages,
# departments…) and figures, so that facts share vocabulary, as real ones do, without repeating verbatim.
_SCOPES: Final = (
    "",
    "",
    "个别党支部",
    "部分领导干部",
    "班子成员",
    "下属单位",
    "部分村（社区）",
    "机关科室",
    "个别二级单位",
    "部分基层站所",
    "个别中层干部",
)
# A subject is an area and an aspect of it: 36 × 10 subjects, the identity of a problem.
_AREAS: Final = (
    *("公务用车", "公务接待", "政府采购", "专项资金", "工程项目", "国有资产", "合同", "党费收缴", "干部人事档案"),
    *("干部选拔任用", "财务报销", "津贴补贴", "办公用房", "因公出国（境）", "招投标", "政府债务", "统计数据"),
    *("保密工作", "网络安全", "行政执法", "信访工作", "安全生产", "意识形态阵地", "“三会一课”", "理论学习中心组"),
    *("发展党员", "党员教育", "村级财务", "农村集体“三资”", "惠民惠农资金", "防止返贫监测", "河湖长制"),
    *("生态环境保护", "营商环境", "廉政风险", "“三重一大”事项"),
)
_ASPECTS: Final = (
    "管理",
    "制度执行",
    "审批程序",
    "台账登记",
    "监督检查",
    "信息公开",
    "责任落实",
    "日常监管",
    "考核问责",
    "风险防控",
)
# Other wordings of some areas and aspects, as a later report may use.
_VARIANTS: Final[Mapping[str, tuple[str, ...]]] = {
    "公务用车": ("公车", "公务车辆"),
    "干部选拔任用": ("选人用人", "干部选任"),
    "党费收缴": ("党费收缴使用", "党费"),
    "专项资金": ("专项资金使用", "专项经费"),
    "理论学习中心组": ("党委理论学习中心组", "中心组理论学习"),
    "津贴补贴": ("津补贴",),
    "惠民惠农资金": ("惠民惠农财政补贴资金", "惠农资金"),
    "“三重一大”事项": ("三重一大事项", "“三重一大”决策事项"),
    "干部人事档案": ("干部档案", "人事档案"),
    "财务报销": ("财务报账", "费用报销"),
    "管理": ("管理工作", "管理使用"),
    "审批程序": ("审批手续", "报批程序"),
    "台账登记": ("登记台账", "台账"),
    "监督检查": ("监督", "检查督导"),
    "日常监管": ("日常监督管理", "日常监督"),
    "责任落实": ("责任", "主体责任落实"),
}
_ISSUES: Final = (
    "落实不到位",
    "执行不严格",
    "推进不力",
    "存在薄弱环节",
    "流于形式",
    "不够规范",
    "监管不到位",
    "压力传导不够",
    "落实有差距",
    "存在“打折扣”现象",
    "抓得不实",
    "存在短板",
    "把关不严",
    "仍有死角",
    "不深入不系统",
    "重视程度不够",
    "制度不健全",
    "监督检查缺位",
)
# Near-synonyms a later report may write for an issue.
_ISSUE_VARIANTS: Final[Mapping[str, tuple[str, ...]]] = {
    "落实不到位": ("落实不够到位", "未落实到位"),
    "执行不严格": ("执行不严", "执行不够严格"),
    "推进不力": ("推进不够有力", "推进缓慢"),
    "不够规范": ("不规范", "规范化程度不高"),
    "监管不到位": ("监管不力", "监督管理不到位"),
    "把关不严": ("把关不够严格", "审核把关不严"),
    "流于形式": ("走过场、流于形式", "形式化"),
    "重视程度不够": ("重视不够", "思想上不够重视"),
}
_SLOTS: Final[Mapping[str, tuple[str, ...]]] = {
    "who": (
        *("城关镇", "青石镇", "白沙镇", "河口镇", "龙泉镇", "新华乡", "柳林乡", "石门乡", "东湖街道", "西城街道"),
        *("桃源村", "杨家坪村", "大王庄村", "红旗社区", "幸福里社区", "南山林场", "水库管理站", "县城投公司"),
        *("办公室", "组织人事科", "财务审计科", "综合管理科", "政策法规科", "规划发展科", "行政审批科"),
        *("安全监管科", "项目建设科", "资产管理科", "信访办", "机关党委", "执法大队", "后勤服务中心"),
    ),
    "expense": ("接待费用", "差旅费", "会议费", "培训费", "车辆加油费", "维修费", "印刷费", "劳务费", "咨询费"),
    "lacking": ("公函", "审批单", "接待清单", "正式发票", "合同", "验收单", "会议纪要", "签字手续"),
    "item": ("工程项目", "采购项目", "大额资金支出", "人事调整事项", "对外投资事项", "资产处置事项"),
    "approval": ("集体研究", "党组会审议", "公开招标", "合法性审查", "财政评审", "公开公示"),
    "people": ("干部", "党员", "村干部", "临聘人员", "中层干部", "新提拔干部"),
    "fault": ("档案材料缺失", "未按期转正", "少交党费", "兼职取酬未报批", "超期未轮岗", "个人事项漏报"),
    "asset": ("办公设备", "公务车辆", "门面房", "集体土地", "林地", "鱼塘", "闲置厂房", "仓储用房"),
    "asset_fault": ("未登记入账", "出租未公开招标", "账实不符", "长期闲置", "被无偿占用", "租金未收缴"),
    "project": (
        *("污水处理厂提标改造项目", "农村公路提质改造工程", "高标准农田建设项目", "老旧小区改造项目"),
        *("河道综合治理工程", "人饮安全巩固提升工程", "文化广场建设项目", "智慧城管平台项目"),
        *("学校食堂改造工程", "产业园标准化厂房项目", "病险水库除险加固工程", "农贸市场升级改造项目"),
    ),
    "project_fault": ("进度滞后", "未按期完工", "验收程序不规范", "存在转包分包", "变更未经审批", "资金拨付滞后"),
    "meeting": ("“三会一课”", "中心组学习", "党组会", "组织生活会", "民主生活会", "主题党日"),
    "minutes_fault": ("记录不完整", "未记录表决情况", "存在补记现象", "内容简单雷同", "未按期召开"),
    "funds": ("惠民惠农补贴", "专项扶贫资金", "困难群众救助金", "耕地地力保护补贴", "危房改造补助"),
    "funds_fault": ("发放不及时", "被截留挪用", "发放对象不精准", "未公示", "重复发放"),
}
_FACTS: Final = (
    "{who}有{n}笔{expense}未附{lacking}",
    "{who}{n}笔{expense}合计{a}万元未附{lacking}",
    "{n}个{item}未经{approval}",
    "{who}{item}未经{approval}，涉及金额{a}万元",
    "{who}{n}名{people}{fault}",
    "{n}名{people}{fault}",
    "{who}{asset}{asset_fault}",
    "{who}{asset}{asset_fault}，涉及金额{a}万元",
    "{project}{project_fault}",
    "{project}{project_fault}，涉及资金{a}万元",
    "{who}{meeting}{minutes_fault}",
    "抽查{who}{n}份{meeting}记录，其中{m}份{minutes_fault}",
    "{who}{funds}{funds_fault}",
    "{who}{funds}{funds_fault}，涉及群众{n}户",
)
_TIMES: Final = ("", "", "{y}年以来，", "{y}年，", "抽查{y}年账目，")
_OPENERS: Final = ("巡察发现，", "经查，", "抽查发现，", "查阅资料发现，", "个别谈话反映，", "")
_PREFIXES: Final = ("上一轮巡察反馈的", "上轮巡察指出的", "上一轮巡察发现的", "前次巡察反馈的")
_SUFFIXES: Final = ("问题本轮巡察依然存在", "，本轮巡察依然存在", "问题整改不彻底", "，仍未整改到位", "问题依然突出")
_SHORT_SUFFIXES: Final = ("问题本轮巡察依然存在", "问题仍然存在", "问题依然突出", "问题整改不到位")
_SHORT_REFERENCES: Final = 0.15  # the share of recurrences that name the earlier problem by its subject only
_RECURRENCE_CLAUSES: Final = (
    "上一轮巡察反馈后，整改措施未完全落实",
    "整改销号后问题出现反弹",
    "对上轮巡察反馈问题整改不彻底",
    "本轮巡察发现同类问题依然存在",
)
# Characters a careless or reworded report may write instead of others.
_NOISE: Final = "的了和及与对在有为是将把被等各其"
_FIGURES: Final = frozenset({"n", "m", "y", "a"})


class Rounds(NamedTuple):
    """Two generated rounds and the truth: later problem id → the earlier problem it finds again."""

    earlier: Inspection
    later: Inspection
    truth: dict[str, str]


class _Fact(NamedTuple):
    template: str
    values: dict[str, str]

    def text(self) -> str:
        return self.template.format(**self.values)


class _Parts(NamedTuple):
    scope: str
    area: str
    aspect: str
    issue: str
    detail: _Fact | None
    facts: tuple[_Fact, ...]  # of the description; none for no description
    opener: str


def _figures(rng: random.Random) -> dict[str, str]:
    return {
        "n": str(rng.randint(2, 30)),
        "m": str(rng.randint(1, 9)),
        "y": str(rng.randint(2016, 2023)),
        "a": f"{rng.randint(1, 999) / 10:g}",
    }


def _fact(rng: random.Random, *, timed: bool) -> _Fact:
    template = rng.choice(_FACTS)
    if timed:
        template = rng.choice(_TIMES) + template
    values = {name: rng.choice(things) for name, things in _SLOTS.items()} | _figures(rng)
    return _Fact(template, values)


def _refigure(rng: random.Random, fact: _Fact) -> _Fact:
    """The fact with new figures (this round's), the same things named."""
    return _Fact(fact.template, fact.values | _figures(rng))


def _description(opener: str, facts: Sequence[_Fact]) -> str | None:
    return opener + "；".join(f.text() for f in facts) + "。" if facts else None


def _draw_parts(rng: random.Random) -> _Parts:
    detail = _fact(rng, timed=False) if rng.random() < 0.6 else None
    facts = tuple(_fact(rng, timed=True) for _ in range(rng.randint(1, 3))) if rng.random() < 0.6 else ()
    scope, area, aspect, issue = (rng.choice(x) for x in (_SCOPES, _AREAS, _ASPECTS, _ISSUES))
    return _Parts(scope, area, aspect, issue, detail, facts, rng.choice(_OPENERS))


def _title(parts: _Parts) -> str:
    main = parts.scope + parts.area + parts.aspect + parts.issue
    return f"{main}，{parts.detail.text()}" if parts.detail else main


def _change_characters(rng: random.Random, text: str, count: int) -> str:
    """*count* Chinese characters of *text* replaced by common function characters (typos, rewording)."""
    chars = list(text)
    positions = [k for k, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for k in rng.sample(positions, min(count, len(positions))):
        chars[k] = rng.choice(_NOISE)
    return "".join(chars)


def _reword(rng: random.Random, parts: _Parts) -> tuple[str, str | None]:
    """The title and description of a later report's problem that finds *parts* again."""
    area, aspect = (
        rng.choice(_VARIANTS[x]) if x in _VARIANTS and rng.random() < 0.4 else x for x in (parts.area, parts.aspect)
    )
    if rng.random() < _SHORT_REFERENCES:
        # Named by its subject only: 上一轮巡察反馈的公务用车管理问题本轮巡察依然存在.
        title = f"{rng.choice(_PREFIXES)}{parts.scope}{area}{aspect}{rng.choice(_SHORT_SUFFIXES)}"
        if rng.random() < 0.5:
            return title, None
        facts = [_fact(rng, timed=True) for _ in range(rng.randint(1, 2))]
        return title, _description(rng.choice(_OPENERS), facts)
    issue = parts.issue
    roll = rng.random()
    if roll < 0.3 and issue in _ISSUE_VARIANTS:
        issue = rng.choice(_ISSUE_VARIANTS[issue])
    elif roll < 0.45:
        issue = rng.choice(_ISSUES)  # described differently this time
    scope = parts.scope if rng.random() < 0.7 else rng.choice(_SCOPES)
    main = scope + area + aspect + issue
    clauses = [main]
    if parts.detail is not None:
        detail = _refigure(rng, parts.detail) if rng.random() < 0.5 else parts.detail
        clauses.append(detail.text())
        if rng.random() < 0.3:
            clauses.reverse()
    title = _change_characters(rng, "，".join(clauses), rng.choice((0, 0, 1, 2)))
    if rng.random() < 0.5:
        title = rng.choice(_PREFIXES) + title
    if rng.random() < 0.5:
        title += rng.choice(_SUFFIXES)
    if parts.facts and rng.random() < 0.5:
        # The same findings reworded: in another order, some with this round's figures, another opener.
        facts = [_refigure(rng, f) if rng.random() < 0.5 else f for f in parts.facts]
        rng.shuffle(facts)
        description = _description(rng.choice(_OPENERS), facts)
        if rng.random() < 0.5:
            description = f"{rng.choice(_RECURRENCE_CLAUSES)}。{description}"
        return title, description
    if rng.random() < 0.7:
        # New findings this round, in place of the earlier ones or where there were none.
        facts = [_fact(rng, timed=True) for _ in range(rng.randint(1, 3))]
        return title, f"{rng.choice(_RECURRENCE_CLAUSES)}，{_description(rng.choice(_OPENERS), facts)}"
    return title, None


def make_rounds(problems: int, *, seed: int, recurrent: float = 0.3) -> Rounds:
    """Two rounds of *problems* problems each; a share *recurrent* of the later ones find an earlier one again.

    The earlier round's titles are distinct, composed as ``[scope] subject issue [，fact]``
    (a subject is an area and an aspect: 公务用车 + 审批程序); three in five have a description
    of one to three facts. A recurrence takes an earlier problem and rewords it: another
    wording of the area, the aspect or the issue, sometimes another issue or scope, new
    figures, clauses swapped, a character or two changed, a prefix (上一轮巡察反馈的…) or a
    suffix (…本轮巡察依然存在); half the time its description keeps the earlier facts,
    reordered and partly refigured, else it has new findings or none. One recurrence in
    seven names the earlier problem by its subject only (上一轮巡察反馈的…管理问题依然突出).

    The other later problems are new: drawn from the same lists, so they share areas,
    aspects, issues, scopes and things named with earlier problems, but not a subject,
    which would make them a recurrence in all but name. Past a few hundred problems a
    round the 360 subjects run out; new problems may then share a subject, but not both
    the subject and the issue. Later problems come in random order. The same *seed*
    gives the same rounds.
    """
    rng = random.Random(seed)
    titles: set[str] = set()
    old: list[_Parts] = []
    while len(old) < problems:
        parts = _draw_parts(rng)
        if _title(parts) not in titles:
            titles.add(_title(parts))
            old.append(parts)
    earlier = Inspection(
        "r1",
        InspectionKind.REGULAR,
        "县委第一巡察组",
        "县水利局党组",
        unit="u1",
        problems=tuple(
            Problem(f"P{k}", _title(p), description=_description(p.opener, p.facts)) for k, p in enumerate(old, 1)
        ),
    )
    taken = {(p.area, p.aspect) for p in old}
    fresh = len(taken) < 0.8 * len(_AREAS) * len(_ASPECTS)  # room enough for new subjects
    taken_issues = {(p.area, p.aspect, p.issue) for p in old}
    sources = sorted(rng.sample(range(problems), round(problems * recurrent)))
    drafts: list[tuple[str, str | None, str | None]] = []  # title, description, the earlier problem's id
    for k in sources:
        title, description = _reword(rng, old[k])
        drafts.append((title, description, f"P{k + 1}"))
    while len(drafts) < problems:
        parts = _draw_parts(rng)
        if (parts.area, parts.aspect) in taken if fresh else (parts.area, parts.aspect, parts.issue) in taken_issues:
            continue
        if _title(parts) in titles:
            continue
        titles.add(_title(parts))
        drafts.append((_title(parts), _description(parts.opener, parts.facts), None))
    rng.shuffle(drafts)
    later_problems = tuple(Problem(f"Q{k}", t, description=d) for k, (t, d, _) in enumerate(drafts, 1))
    later = attrs.evolve(earlier, id="r2", inspector="县委第三巡察组", problems=later_problems)
    truth = {p.id: source for p, (_, _, source) in zip(later_problems, drafts, strict=True) if source is not None}
    return Rounds(earlier, later, truth)


class Quality(NamedTuple):
    """How right the best suggestion per later problem is."""

    precision: float  # of the later problems given a suggestion, the share whose best is the true source
    recall: float  # of the recurrences, the share whose best suggestion is the true source
    suggested: int
    correct: int
    recurrences: int


def top1_precision_recall(suggestions: Sequence[Suggestion], truth: Mapping[str, str]) -> Quality:
    """Precision and recall of the best (first) suggestion of each later problem against *truth*."""
    best: dict[str, str] = {}
    for s in suggestions:  # by score, highest first: the first seen per later problem is its best
        best.setdefault(s.later, s.earlier)
    correct = sum(truth.get(later) == earlier for later, earlier in best.items())
    precision = correct / len(best) if best else 1.0
    recall = correct / len(truth) if truth else 1.0
    return Quality(precision, recall, len(best), correct, len(truth))


# ---------------------------------------------------------------- examples


def _round(id: str, *titles: str | tuple[str, str]) -> Inspection:
    problems = []
    for k, item in enumerate(titles, 1):
        title, description = item if isinstance(item, tuple) else (item, None)
        problems.append(Problem(f"{id}-{k}", title, description=description))
    return Inspection(id, InspectionKind.REGULAR, "县委第一巡察组", "县水利局党组", unit="u1", problems=tuple(problems))


EARLIER: Final = _round(
    "r1",
    "公务用车管理不规范，存在公车私用现象",
    "党费收缴不及时，部分党员少交漏交",
    "“三重一大”事项未经集体研究决定",
    "干部人事档案材料缺失，信息不一致",
    ("意识形态工作责任制落实不到位", "巡察发现，意识形态工作专题研究次数偏少；网站信息审核把关不严。"),
    "专项资金拨付滞后，项目推进缓慢",
)


def test_an_exact_duplicate_scores_one_and_comes_first() -> None:
    later = _round("r2", "专项资金拨付滞后，项目推进缓慢")
    suggestions = suggest_links(EARLIER, later)
    assert suggestions[0] == Suggestion("r2-1", "r1-6", 1.0, ("专项资金拨付滞后", "项目推进缓慢"))


@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("上一轮巡察反馈的公务用车管理不规范问题本轮巡察依然存在", "r1-1"),
        ("「三重一大」事项未经集体研究决定的问题依然存在", "r1-3"),
        ("党费收缴不够及时, 部分党员 少交、漏交党费", "r1-2"),
        ("干部人事档案信息不一致、材料缺失", "r1-4"),  # clauses reordered
        (("意识形态工作责任制落实有差距", "宣传阵地信息审核把关不严，专题研究偏少。"), "r1-5"),
    ],
)
def test_a_near_duplicate_has_its_source_on_top(title: str | tuple[str, str], source: str) -> None:
    later = _round("r2", title, "基层党组织“三会一课”制度执行不严格")
    suggestions = [s for s in suggest_links(EARLIER, later) if s.later == "r2-1"]
    assert suggestions, "no suggestion"
    assert suggestions[0].earlier == source
    assert suggestions[0].shared


def test_a_problem_named_by_a_short_phrase_scores_low_but_comes_first() -> None:
    """A later report may name an earlier problem by a few words; the earlier text says much more.

    Cosine similarity weighs what the earlier problem says besides, so such a reference scores below
    the default threshold (0.28 here): it is found on top with a lower threshold.
    """
    later = _round("r2", "上一轮巡察反馈的公车私用问题本轮巡察依然存在", "基层党组织“三会一课”制度执行不严格")
    assert suggest_links(EARLIER, later) == []
    suggestions = suggest_links(EARLIER, later, threshold=0.2)
    assert [(s.later, s.earlier, s.shared) for s in suggestions] == [("r2-1", "r1-1", ("公车私用",))]


def test_recurrence_statements_are_not_compared() -> None:
    """上一轮巡察反馈的…本轮巡察依然存在 says the problem recurs; it is left out of the text compared."""
    earlier = _round("r1", "公务用车管理不规范")
    later = _round(
        "r2",
        "上一轮巡察反馈的公务用车管理不规范问题本轮巡察依然存在",
        "前次巡察指出的公务用车管理不规范，整改不到位",
        "公务用车管理不规范问题仍然存在",
    )
    scores = {s.later: s.score for s in suggest_links(earlier, later)}
    assert scores["r2-2"] == 1.0  # nothing left but the problem
    assert scores["r2-1"] == scores["r2-3"] > 0.75  # the problem and 问题


def test_full_width_forms_and_spacing_do_not_matter() -> None:
    earlier = _round("r1", "ＯＡ系统账号管理不规范，２０２１年有１２个账号未注销")
    later = _round("r2", "OA系统 账号管理不规范, 2021年有12个账号未注销")
    assert [s.score for s in suggest_links(earlier, later)] == [1.0]


def test_unrelated_titles_give_no_suggestion() -> None:
    later = _round(
        "r2",
        "基层党组织“三会一课”制度执行不严格",
        "安全生产隐患排查流于形式",
        "信访件办理超期，群众满意度不高",
        "",
        "——",
        "Lorem ipsum",
    )
    assert suggest_links(EARLIER, later) == []


def test_already_linked_pairs_are_skipped_but_not_the_problem() -> None:
    later = _round("r2", "公务用车管理不规范，存在公车私用现象问题依然存在")
    assert [s.earlier for s in suggest_links(EARLIER, later, threshold=0.05)][:1] == ["r1-1"]
    linked = attrs.evolve(later.problems[0], links=(Link(LinkKind.RELATED, "r1", "r1-1"),))
    after = suggest_links(EARLIER, attrs.evolve(later, problems=(linked,)), threshold=0.05)
    assert "r1-1" not in [s.earlier for s in after]
    # A link to the same problem id in another inspection does not count.
    elsewhere = attrs.evolve(later.problems[0], links=(Link(LinkKind.RELATED, "r0", "r1-1"),))
    assert suggest_links(EARLIER, attrs.evolve(later, problems=(elsewhere,)))[0].earlier == "r1-1"


def test_limit_and_threshold() -> None:
    later = _round("r2", "公务用车管理不规范，专项资金拨付滞后，党费收缴不及时，档案材料缺失")
    everything = suggest_links(EARLIER, later, threshold=0.0, limit=10)
    assert len(everything) >= 4
    assert suggest_links(EARLIER, later, threshold=0.0, limit=2) == everything[:2]
    assert suggest_links(EARLIER, later, threshold=1.0) == []


@pytest.mark.parametrize("empty", ["earlier", "later", "both"])
def test_empty_rounds_give_nothing(empty: str) -> None:
    none = _round("r0")
    earlier = none if empty in {"earlier", "both"} else EARLIER
    later = attrs.evolve(none, id="r2") if empty in {"later", "both"} else _round("r2", "公务用车管理不规范")
    assert suggest_links(earlier, later) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threshold": -0.1}, "threshold"),
        ({"threshold": 1.5}, "threshold"),
        ({"threshold": float("nan")}, "threshold"),
        ({"limit": 0}, "limit"),
    ],
)
def test_bad_options_are_refused(options: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        suggest_links(EARLIER, _round("r2", "x"), **options)  # type: ignore[arg-type]


def test_a_round_is_not_compared_with_itself() -> None:
    with pytest.raises(ValueError, match="same inspection"):
        suggest_links(EARLIER, EARLIER)


# ---------------------------------------------------------------- the evaluation set

# The default threshold (0.49) was tuned on seed 1: the lowest threshold at which the best suggestion
# per problem is right nine times in ten there. Measured at it, 300 problems a round, 90 recurrences:
#   seed 1 (tuning):  precision 0.900 (72 of 80 suggested), recall 0.800 (72 of 90)
#   seed 2:           precision 0.958 (68 of 71),           recall 0.756
#   seed 3:           precision 0.875 (70 of 80),           recall 0.778
#   seed 20240601:    precision 0.885 (69 of 78),           recall 0.767   <- asserted below
# The bounds are below the measured values; the seed is fixed and the algorithm deterministic,
# so they guard against a change that makes the suggestions worse.
EVALUATION_SEED: Final = 20240601
PRECISION_AT_LEAST: Final = 0.85
RECALL_AT_LEAST: Final = 0.75


def test_the_generator_is_deterministic_and_as_described() -> None:
    a, b = make_rounds(300, seed=EVALUATION_SEED), make_rounds(300, seed=EVALUATION_SEED)
    assert a == b
    assert len(a.earlier.problems) == len(a.later.problems) == 300
    assert len(a.truth) == 90
    assert len({p.title for p in a.earlier.problems}) == 300
    assert make_rounds(300, seed=EVALUATION_SEED + 1) != a


def test_precision_and_recall_on_the_evaluation_set() -> None:
    assert DEFAULT_THRESHOLD == 0.49  # the threshold the figures above were measured at
    rounds = make_rounds(300, seed=EVALUATION_SEED)
    quality = top1_precision_recall(suggest_links(rounds.earlier, rounds.later), rounds.truth)
    assert quality.precision >= PRECISION_AT_LEAST, quality
    assert quality.recall >= RECALL_AT_LEAST, quality


def test_frequent_terms_find_no_candidates_but_count_in_the_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    """In large rounds, frequent terms only score the candidates rarer terms find; scores stay exact."""
    from rectmodel.graph import _suggest

    rounds = make_rounds(300, seed=7)
    exact = suggest_links(rounds.earlier, rounds.later, threshold=0.3)
    every = {
        (s.later, s.earlier): s.score for s in suggest_links(rounds.earlier, rounds.later, threshold=0.3, limit=300)
    }
    monkeypatch.setattr(_suggest, "_MIN_FREQUENT", 5)  # as if the rounds were large: terms in over 6 are frequent
    pruned = suggest_links(rounds.earlier, rounds.later, threshold=0.3)
    assert len(pruned) < len(exact)  # the pruning does cut
    assert all(every[s.later, s.earlier] == s.score for s in pruned)  # every score is the full cosine
    assert len(set(pruned) - set(exact)) <= 0.02 * len(pruned)
    assert (
        top1_precision_recall(pruned, rounds.truth).recall >= top1_precision_recall(exact, rounds.truth).recall - 0.05
    )


def test_the_result_does_not_depend_on_the_hash_seed() -> None:
    script = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1]); from test_suggest import make_rounds; "
        "from rectmodel.graph._suggest import suggest_links; r = make_rounds(120, seed=5); "
        "print(hashlib.sha256(repr(suggest_links(r.earlier, r.later, threshold=0.1)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(Path(__file__).parent)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


# ---------------------------------------------------------------- properties


@st.composite
def _two_rounds(draw: st.DrawFn) -> tuple[Inspection, Inspection]:
    texts: Literal["realistic", "any"] = draw(st.sampled_from(("realistic", "any")))
    earlier = draw(inspections(id="r1", min_problems=0, max_problems=6, max_measures=1, texts=texts))
    later = draw(inspections(id="r2", min_problems=0, max_problems=6, max_measures=1, texts=texts))
    ids = [p.id for p in earlier.problems]
    problems = []
    for p in later.problems:
        linked = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if ids else []
        links = tuple(Link(LinkKind.RECURRENCE, "r1", i) for i in linked)
        problems.append(attrs.evolve(p, links=links))
    return earlier, attrs.evolve(later, problems=tuple(problems))


@given(_two_rounds(), st.just(0.0) | st.floats(0.0, 0.6) | st.floats(0.0, 1.0), st.integers(1, 4))
def test_suggestions_are_bounded_sorted_limited_and_skip_links(
    rounds: tuple[Inspection, Inspection], threshold: float, limit: int
) -> None:
    earlier, later = rounds
    suggestions = suggest_links(earlier, later, threshold=threshold, limit=limit)
    event(f"suggestions: {min(len(suggestions), 3)}{'+' if len(suggestions) > 3 else ''}")
    assert suggestions == suggest_links(earlier, later, threshold=threshold, limit=limit)
    assert suggestions == sorted(suggestions, key=lambda s: (-s.score, s.later, s.earlier))
    earlier_ids = {p.id for p in earlier.problems}
    links = {p.id: {(x.inspection, x.problem) for x in p.links} for p in later.problems}
    per_problem: dict[str, int] = {}
    for s in suggestions:
        assert threshold <= s.score <= 1.0
        assert s.earlier in earlier_ids
        assert s.later in links
        assert ("r1", s.earlier) not in links[s.later]
        assert 1 <= len(s.shared) <= 5
        per_problem[s.later] = per_problem.get(s.later, 0) + 1
    assert all(n <= limit for n in per_problem.values())
    # Linked pairs are left out, and the next best take their places.
    unlinked = attrs.evolve(later, problems=tuple(attrs.evolve(p, links=()) for p in later.problems))
    everything = suggest_links(earlier, unlinked, threshold=threshold, limit=len(earlier.problems) or 1)
    expected = []
    for p in later.problems:
        expected += [s for s in everything if s.later == p.id and ("r1", s.earlier) not in links[p.id]][:limit]
    assert sorted(suggestions, key=repr) == sorted(expected, key=repr)
