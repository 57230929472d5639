"""Seeded synthetic ledgers for the benchmarks: valid, consistent, realistic in size and text.

Every inspection has 3 aspects × 10 problems × 5 measures, so a ledger of *n*
inspections has ``30 n`` problems and ``150 n`` measures. Text is Chinese of
the length real ledgers have, composed from word lists by a seeded
``random.Random``: the same size and seed give the same bytes.

The ledger is consistent as well as loadable: inspection dates run in order
(start ≤ end ≤ feedback ≤ plan ≤ as_of ≤ report), deadlines and status dates
fall after the feedback, histories run forward in date and state, a completed
problem has only done measures, a closed status always carries evidence, and
the declared counts are those of the itemized problems.

Usage::

    python benchmarks/generate.py L -o benchmarks/data/L.json
    python benchmarks/generate.py 50 --seed 7 > ledger.json

or, from Python (with ``benchmarks/`` on ``sys.path``)::

    from generate import make_ledger_json
    data = make_ledger_json("M")
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Final, NamedTuple

import orjson

from rectmodel import Ledger, PartialDate, State, Status, loads

__all__ = [
    "ASPECTS_PER_INSPECTION",
    "DEFAULT_SEED",
    "GENERATOR_VERSION",
    "MEASURES_PER_PROBLEM",
    "PROBLEMS_PER_ASPECT",
    "SIZES",
    "Counts",
    "consistency_issues",
    "expected_counts",
    "make_ledger",
    "make_ledger_json",
    "resolve_size",
]

SIZES: Final[dict[str, int]] = {"S": 10, "M": 200, "L": 2_000}
ASPECTS_PER_INSPECTION: Final = 3
PROBLEMS_PER_ASPECT: Final = 10
MEASURES_PER_PROBLEM: Final = 5
DEFAULT_SEED: Final = 20_240_601
# Bump when the output for a given size and seed changes, so that cached files are remade.
GENERATOR_VERSION: Final = 1

JSONObject = dict[str, Any]


class Counts(NamedTuple):
    """How many items a generated ledger itemizes."""

    inspections: int
    problems: int
    measures: int


def resolve_size(size: str | int) -> int:
    """The number of inspections of a named size (``S``, ``M``, ``L``) or of an explicit number."""
    if isinstance(size, int):
        n = size
    elif size.upper() in SIZES:
        n = SIZES[size.upper()]
    elif size.isdecimal():
        n = int(size)
    else:
        raise ValueError(f"unknown size {size!r}: use one of {', '.join(SIZES)} or a number")
    if n < 1:
        raise ValueError("a ledger needs at least one inspection")
    return n


def expected_counts(size: str | int) -> Counts:
    """The counts of the ledger :func:`make_ledger` makes for *size*."""
    n = resolve_size(size)
    problems = n * ASPECTS_PER_INSPECTION * PROBLEMS_PER_ASPECT
    return Counts(n, problems, problems * MEASURES_PER_PROBLEM)


# ---------------------------------------------------------------- word lists

_SURNAMES: Final = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN: Final = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉鹏玲红飞志宏波斌宇浩凯晨欣怡俊峰海燕雪梅丹蕾琳颖婷"
    "雯倩璐晓东亮林春晖立新卫振永福德胜光荣庆家玉成小云水长金秀翠兵荣昌海泉忠良琦瑶蓉"
)
_DEPARTMENTS: Final = (
    "办公室",
    "党政办公室",
    "组织人事科",
    "宣传统战科",
    "纪检监察室",
    "财务审计科",
    "综合管理科",
    "党建工作办公室",
    "政策法规科",
    "规划发展科",
    "行政审批科",
    "安全生产监督管理科",
    "社会事务办公室",
    "经济发展办公室",
    "农业农村办公室",
    "自然资源所",
    "财政所",
    "党群工作部",
    "项目建设科",
    "信访办",
    "机关党委",
    "人力资源部",
    "资产管理科",
    "乡村振兴办公室",
    "社会治理办公室",
    "生态环境办公室",
    "退役军人服务站",
    "便民服务中心",
)
_PLACES: Final = (
    "城关镇",
    "青石镇",
    "白沙镇",
    "河口镇",
    "龙泉镇",
    "新华乡",
    "柳林乡",
    "石门乡",
    "东湖街道",
    "西城街道",
    "县教育局",
    "县卫生健康局",
    "县交通运输局",
    "县自然资源局",
    "县住房和城乡建设局",
    "县农业农村局",
    "县水利局",
    "县市场监督管理局",
    "县医疗保障局",
    "县人力资源和社会保障局",
    "县民政局",
    "县财政局",
    "县文化和旅游局",
    "县应急管理局",
    "县城市管理局",
    "县供销合作社",
    "县城投集团",
    "县人民医院",
    "县第一中学",
    "县林业局",
)
_CN_NUMBERS: Final = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
_ASPECTS: Final = (
    "在贯彻落实党的路线方针政策和党中央决策部署方面",
    "在落实全面从严治党战略部署方面",
    "在落实新时代党的组织路线方面",
    "在落实巡视巡察、审计等监督发现问题整改方面",
    "在落实意识形态工作责任制方面",
    "在履行职能职责、推动高质量发展方面",
    "在落实中央八项规定精神、纠治“四风”方面",
    "在加强基层党组织建设方面",
)
_SUBJECTS: Final = (
    "理论学习中心组学习",
    "意识形态工作责任制",
    "全面从严治党主体责任",
    "“三重一大”决策制度",
    "民主集中制",
    "党支部标准化规范化建设",
    "“三会一课”制度",
    "党费收缴管理",
    "干部选拔任用工作",
    "干部人事档案管理",
    "财务管理制度",
    "公务接待管理",
    "公务用车管理",
    "政府采购管理",
    "专项资金使用管理",
    "工程项目建设管理",
    "国有资产管理",
    "合同管理",
    "内部控制制度",
    "中央八项规定精神",
    "上轮巡察整改工作",
    "审计发现问题整改",
    "安全生产责任制",
    "信访工作机制",
    "基层党组织建设",
    "党风廉政建设责任制",
    "廉政风险防控",
    "优化营商环境工作",
    "乡村振兴政策",
    "惠民惠农资金发放",
    "村级财务监管",
    "农村集体“三资”管理",
    "意识形态阵地管理",
    "党员教育管理",
    "发展党员工作",
    "日常监督",
    "作风建设",
    "河湖长制",
    "生态环境保护责任",
    "防止返贫动态监测",
)
_DEFECTS: Final = (
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
)
_TITLE_PREFIXES: Final = ("个别党支部", "部分领导干部", "班子成员", "下属单位", "部分村（社区）", "机关")
_OPENERS: Final = ("巡察发现，", "经查，", "抽查发现，", "查阅资料发现，", "个别谈话反映，", "")
_CLAUSES: Final = (
    "部分党员干部对理论学习重视不够",
    "存在以干代学、以会代学现象",
    "学习笔记内容简单、心得体会较少",
    "个别支部“三会一课”记录不完整",
    "组织生活会批评与自我批评辣味不足",
    "政府采购程序不规范",
    "部分支出未按规定履行审批程序",
    "公务接待清单与实际不符",
    "{y}年以来有{n}笔合计{a}万元的费用报销手续不全",
    "{y}年有{n}个项目未经集体研究即开工建设",
    "抽查{y}年{n}份会议记录，其中{m}份未记录表决情况",
    "党费收缴存在少交、漏交情况，涉及党员{n}名",
    "{n}名干部人事档案材料缺失或信息不一致",
    "合同签订前未进行合法性审查",
    "固定资产账实不符，{n}项资产未入账",
    "专项资金拨付滞后，截至检查时仍有{a}万元未拨付",
    "对下属单位监督检查频次偏低",
    "廉政风险点排查不全面，防控措施针对性不强",
    "意识形态工作专题研究次数偏少",
    "网站、公众号等宣传阵地信息审核把关不严",
    "发展党员程序不规范，个别材料存在补签现象",
    "村级财务公开不及时、不全面",
    "集体资产出租未公开招标，涉及金额{a}万元",
    "部分惠民资金发放不及时",
    "信访件办理超期，群众满意度不高",
    "安全生产隐患排查流于形式",
    "整改台账销号不严，存在“纸面整改”问题",
    "{y}年审计指出的{n}个问题仍未整改到位",
    "公务用车使用登记不规范，存在{n}次未登记用车",
    "项目建设进度滞后，{n}个项目未按期完工",
    "工作作风不够扎实，服务群众意识不强",
    "制度建设滞后，部分制度多年未修订",
)
_LEADS: Final = ("由{d}牵头，", "{d}负责，", "由{d}会同{e}，", "")
_ACTIONS: Final = (
    "组织开展专题学习研讨",
    "制定出台《党委理论学习中心组学习制度》",
    "全面梳理财务报销审批流程",
    "建立问题清单、任务清单、责任清单",
    "修订完善“三重一大”事项决策实施办法",
    "对{y}年以来的账目进行全面清查",
    "开展干部人事档案专项审核",
    "完善公务接待审批和报销制度",
    "对政府采购项目逐一复核",
    "建立专项资金拨付台账",
    "召开专题民主生活会",
    "开展廉政风险点排查",
    "规范党费收缴、使用和管理",
    "对宣传阵地开展全面排查",
    "建立健全合同管理制度",
    "对固定资产进行全面清查盘点",
    "开展安全生产隐患大排查大整治",
    "对超期信访件逐件督办",
    "修订完善内部控制制度{n}项",
    "对相关责任人进行批评教育和诫勉谈话",
)
_DETAILS: Final = (
    "每季度至少开展一次集中学习",
    "对发现的问题建立台账、逐项销号",
    "举一反三排查同类问题",
    "将整改情况纳入年度考核",
    "由纪检监察室跟踪督办",
    "对{n}名相关人员进行约谈提醒",
    "追回违规资金{a}万元",
    "补齐相关手续和资料",
    "在{z}年年底前完成全部清理工作",
    "定期通报整改进展情况",
    "邀请专业机构开展审计复核",
    "组织{n}名党员参加专题培训",
)
_GOALS: Final = (
    "确保整改工作取得实效",
    "确保制度执行到位",
    "防止问题反弹回潮",
    "切实提升管理水平",
    "推动形成长效机制",
    "确保按期完成整改任务",
    "以整改实效取信于民",
)
_NOTES: Final[dict[str, tuple[str, ...]]] = {
    "not_started": ("尚未启动", "待启动"),
    "in_progress": ("正在推进", "持续推进", "正在整改中"),
    "completed": ("已完成整改", "立行立改，已完成", "已整改到位", "完成整改"),
    "deemed_completed": ("视同完成，持续整改", "视同完成"),
    "long_term": ("阶段性完成并需长期坚持", "已取得阶段性成效，长期坚持"),
    "closed": ("已销号", "经验收已销号"),
}
_DOC_TOPICS: Final = (
    "进一步加强理论学习",
    "规范财务报销管理",
    "加强公务接待管理",
    "完善“三重一大”决策制度",
    "加强意识形态工作",
    "规范政府采购行为",
    "加强专项资金管理",
    "开展廉政风险排查",
    "加强党员教育管理",
    "规范合同管理",
)
_DONE_STATES: Final = ("completed", "deemed_completed", "long_term", "closed")
_DONE_WEIGHTS: Final = (70, 10, 10, 10)

# Inspections start between these days, in order over the ledger.
_FIRST_START: Final = dt.date(2018, 3, 1).toordinal()
_LAST_START: Final = dt.date(2024, 10, 31).toordinal()


@cache
def _day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


@cache
def _month(ordinal: int) -> str:
    return _day(ordinal)[:7]


# At least this many days after a day, a day falls in a later month: no month has 32 days.
_NEXT_MONTH_DAYS: Final = 32


class _Round(NamedTuple):
    """What one inspection's problems and measures need to know of it."""

    year: int  # of the feedback
    feedback: int
    as_of: int


class _Generator:
    """Builds a ledger as plain JSON values; one instance per ledger, for one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.leaders = [self._name() for _ in range(60)]
        self.persons = [self._name() for _ in range(400)]
        self.county = rng.choice(("青山县", "临江县", "平川县", "安远县", "松溪县"))

    # ------------------------------------------------------------ text

    def _name(self) -> str:
        rng = self.rng
        given = rng.choice(_GIVEN) if rng.random() < 0.3 else rng.choice(_GIVEN) + rng.choice(_GIVEN)
        return rng.choice(_SURNAMES) + given

    def _fill(self, template: str, year: int) -> str:
        """*template* with its blanks filled: ``{y}`` a recent year before *year*, ``{z}`` *year* or the next."""
        if "{" not in template:
            return template
        rng = self.rng
        n = rng.randint(2, 40)
        return template.format(
            y=year - rng.randint(1, 3),
            z=year + rng.randint(0, 1),
            n=n,
            m=rng.randint(1, n),
            a=f"{rng.randint(1, 2000) / 10:.1f}",
            d=rng.choice(_DEPARTMENTS),
            e=rng.choice(_DEPARTMENTS),
        )

    def title(self) -> str:
        rng = self.rng
        text = rng.choice(_SUBJECTS) + rng.choice(_DEFECTS)
        if len(text) < 10 or rng.random() < 0.3:
            text = rng.choice(_TITLE_PREFIXES) + text
        return text[:25]

    def description(self, year: int) -> str:
        rng = self.rng
        first, *rest = rng.sample(_CLAUSES, 6)
        text = rng.choice(_OPENERS) + self._fill(first, year)
        for clause in rest:
            part = "，" + self._fill(clause, year)
            if len(text) >= 60 and (len(text) + len(part) > 149 or rng.random() < 0.35):
                break
            text += part
        return text + "。"

    def measure_text(self, year: int) -> str:
        rng = self.rng
        text = self._fill(rng.choice(_LEADS), year) + self._fill(rng.choice(_ACTIONS), year)
        for detail in rng.sample(_DETAILS, 4):
            part = "，" + self._fill(detail, year)
            if len(text) >= 30 and (len(text) + len(part) > 114 or rng.random() < 0.25):
                break
            text += part
        return text + "，" + rng.choice(_GOALS) + "。"

    def evidence(self, year: int) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.5:
            return f"《关于{rng.choice(_DOC_TOPICS)}的通知》（{self.county[:2]}办发〔{year}〕{rng.randint(1, 120)}号）"
        if kind < 0.8:
            return f"{rng.choice(_DEPARTMENTS)}会议记录（{year}年第{rng.randint(1, 24)}次）"
        return f"整改佐证材料{rng.randint(1, 3)}-{rng.randint(1, 10)}-{rng.randint(1, 5)}"

    def note(self, state: str) -> str:
        return self.rng.choice(_NOTES[state])

    # ------------------------------------------------------------ statuses

    def status(self, state: str, day: int, *, evidence: bool = False, note: float = 0.3) -> JSONObject:
        """A status; a closed one always carries evidence."""
        rng = self.rng
        result: JSONObject = {"state": state, "date": _day(day)}
        if rng.random() < note:
            result["note"] = self.note(state)
        if evidence or state == "closed":
            year = dt.date.fromordinal(day).year
            result["evidence"] = [self.evidence(year) for _ in range(rng.randint(1, 2))]
        return result

    def measure(self, ident: str, rnd: _Round, *, done: bool) -> tuple[JSONObject, int, int]:
        """A measure, with the first and last days of its history."""
        rng = self.rng
        if done:
            deadline = rnd.feedback + rng.randint(_NEXT_MONTH_DAYS, 365)
            # Done by the deadline and by the day the report speaks as of.
            last = rng.randint(rnd.feedback + 1, min(deadline, rnd.as_of))
            state = rng.choices(_DONE_STATES, _DONE_WEIGHTS)[0]
            if rng.random() < 0.5:
                first = rng.randint(rnd.feedback + 1, last)
                earlier = "completed" if state == "closed" else "in_progress"
                history = [self.status(earlier, first), self.status(state, last, evidence=rng.random() < 0.2)]
            else:
                first = last
                history = [self.status(state, last, evidence=rng.random() < 0.2)]
        else:
            deadline = rnd.as_of + rng.randint(_NEXT_MONTH_DAYS, 365)
            last = rng.randint(rnd.feedback + 1, rnd.as_of)
            if rng.random() < 0.1:
                first = last
                history = [self.status("not_started", last)]
            elif rng.random() < 0.3:
                first = rng.randint(rnd.feedback + 1, last)
                history = [self.status("not_started", first), self.status("in_progress", last)]
            else:
                first = last
                history = [self.status("in_progress", last)]
        responsibility: JSONObject = {
            "leaders": rng.sample(self.leaders, 1 if rng.random() < 0.7 else 2),
            "departments": rng.sample(_DEPARTMENTS, 1 if rng.random() < 0.6 else 2),
            "persons": [rng.choice(self.persons)],
        }
        measure: JSONObject = {
            "id": ident,
            "text": self.measure_text(rnd.year),
            "responsibility": responsibility,
            # Mostly a full day; sometimes only the month, which still falls after the feedback.
            "deadline": _day(deadline) if rng.random() < 0.8 else _month(deadline),
            "history": history,
        }
        if history[-1]["state"] == "closed" or (done and rng.random() < 0.4):
            year = dt.date.fromordinal(last).year
            measure["evidence"] = [self.evidence(year) for _ in range(rng.randint(1, 3))]
        return measure, first, last

    def problem(self, ident: str, group: str, rnd: _Round) -> tuple[JSONObject, bool]:
        """A problem with its measures, and whether it is completed."""
        rng = self.rng
        completed = rng.random() < 0.75
        if completed:
            done = [True] * MEASURES_PER_PROBLEM
        else:
            done = [rng.random() < 0.5 for _ in range(MEASURES_PER_PROBLEM)]
            done[rng.randrange(MEASURES_PER_PROBLEM)] = False  # at least one still under way
        measures = []
        firsts = []
        lasts = []
        for k, is_done in enumerate(done, 1):
            measure, first, last = self.measure(f"{ident}-M{k}", rnd, done=is_done)
            measures.append(measure)
            firsts.append(first)
            lasts.append(last)
        start, end = min(firsts), max(lasts)
        if completed:
            history = [self.status("completed", end, note=0.5)]
            if start < end and rng.random() < 0.5:
                history.insert(0, self.status("in_progress", start))
        else:
            history = [self.status("in_progress", end, note=0.5)]
        problem: JSONObject = {"id": ident, "title": self.title()}
        if rng.random() < 0.95:
            problem["description"] = self.description(rnd.year)
        problem["group"] = group
        problem["measures"] = measures
        problem["history"] = history
        return problem, completed

    # ------------------------------------------------------------ inspections

    def ledger(self, n: int) -> JSONObject:
        rng = self.rng
        units = [(f"U{k:04d}", rng.choice(_PLACES)) for k in range(max(3, n * 2 // 3))]
        span = _LAST_START - _FIRST_START
        starts = sorted(_FIRST_START + rng.randrange(span + 1) for _ in range(n))
        inspections: list[JSONObject] = []
        reports: list[int] = []
        for index, start in enumerate(starts):
            kind = rng.choices(("regular", "special", "lookback"), (90, 6, 4))[0]
            earlier = [j for j in range(max(0, index - 50), index) if reports[j] < start] if kind == "lookback" else []
            if kind == "lookback" and not earlier:
                kind = "regular"
            reviewed = inspections[rng.choice(earlier)] if earlier else None
            unit, target = (reviewed["unit"], reviewed["target"]) if reviewed else self._unit(units)
            inspection, report = self.inspection(index, start, kind=kind, unit=unit, target=target, reviewed=reviewed)
            inspections.append(inspection)
            reports.append(report)
        return {"inspections": inspections}

    def _unit(self, units: Sequence[tuple[str, str]]) -> tuple[str, str]:
        unit, place = self.rng.choice(units)
        target = f"中共{place}委员会" if place.endswith(("镇", "乡", "街道")) else f"{place}党组"
        return unit, target

    def inspection(
        self, index: int, start: int, *, kind: str, unit: str, target: str, reviewed: JSONObject | None
    ) -> tuple[JSONObject, int]:
        rng = self.rng
        end = start + rng.randint(20, 45)
        feedback = end + rng.randint(15, 40)
        plan = feedback + rng.randint(20, 40)
        as_of = plan + rng.randint(60, 180)
        report = as_of + rng.randint(3, 20)
        rnd = _Round(dt.date.fromordinal(feedback).year, feedback, as_of)
        year = dt.date.fromordinal(start).year
        groups = [
            {"id": f"G{k}", "level": "aspect", "title": title}
            for k, title in enumerate(rng.sample(_ASPECTS, ASPECTS_PER_INSPECTION), 1)
        ]
        problems = []
        completed = 0
        for g, group in enumerate(groups):
            for p in range(PROBLEMS_PER_ASPECT):
                number = g * PROBLEMS_PER_ASPECT + p + 1
                problem, done = self.problem(f"P{number:02d}", group["id"], rnd)
                if reviewed is not None and rng.random() < 0.3:
                    earlier = rng.choice(reviewed["problems"])
                    problem["links"] = [
                        {"kind": "look_back_review", "inspection": reviewed["id"], "problem": earlier["id"]}
                    ]
                problems.append(problem)
                completed += done
        total = len(problems)
        inspection: JSONObject = {
            "id": f"XC{year}-{index + 1:04d}",
            "kind": kind,
            "inspector": f"中共{self.county}委第{rng.choice(_CN_NUMBERS)}巡察组",
            "target": target,
            "unit": unit,
            "round": f"十四届{self.county}委第{_CN_NUMBERS[(index // 8) % len(_CN_NUMBERS)]}轮巡察",
            "start": _day(start),
            "end": _day(end),
            "feedback_date": _day(feedback),
            "plan_date": _day(plan),
            "as_of": _day(as_of),
            "report_date": _day(report),
            "declared": {
                "aspects": len(groups),
                "problems": total,
                "measures": total * MEASURES_PER_PROBLEM,
                "completed": completed,
                "in_progress": total - completed,
            },
            "groups": groups,
            "problems": problems,
        }
        return inspection, report


def make_ledger(size: str | int, *, seed: int = DEFAULT_SEED) -> JSONObject:
    """A ledger of *size* (``S``, ``M``, ``L`` or a number of inspections) as plain JSON values."""
    return _Generator(seed).ledger(resolve_size(size))


def make_ledger_json(size: str | int, *, seed: int = DEFAULT_SEED) -> bytes:
    """The compact UTF-8 JSON of :func:`make_ledger`."""
    return orjson.dumps(make_ledger(size, seed=seed))


_STATE_RANK: Final = {
    State.NOT_STARTED: 0,
    State.REOPENED: 0,
    State.IN_PROGRESS: 1,
    State.COMPLETED: 2,
    State.DEEMED_COMPLETED: 2,
    State.LONG_TERM: 2,
    State.CLOSED: 3,
}


def consistency_issues(ledger: Ledger, *, limit: int = 20) -> list[str]:
    """What makes *ledger* inconsistent in the ways this generator promises it is not (at most *limit*)."""
    issues: list[str] = []
    seen: dict[str, set[str]] = {}  # problem ids of the inspections so far

    def history_issues(where: str, history: Sequence[Status], after: PartialDate) -> None:
        for status in history:
            if status.date is None or not status.date.certainly_after(after):
                issues.append(f"{where}: status {status.state} not after the feedback")
            if status.state is State.CLOSED and not status.evidence:
                issues.append(f"{where}: closed without evidence")
        for a, b in pairwise(history):
            backwards = a.date is not None and b.date is not None and b.date.certainly_before(a.date)
            if backwards or _STATE_RANK[b.state] < _STATE_RANK[a.state]:
                issues.append(f"{where}: history goes back from {a.state} to {b.state}")

    for inspection in ledger.inspections:
        dates = [
            inspection.start,
            inspection.end,
            inspection.feedback_date,
            inspection.plan_date,
            inspection.as_of,
            inspection.report_date,
        ]
        known = [d for d in dates if d is not None]
        feedback = inspection.feedback_date
        if feedback is None or len(known) < len(dates) or any(b.certainly_before(a) for a, b in pairwise(known)):
            issues.append(f"{inspection.id}: dates missing or out of order")
            continue
        groups = {g.id for g in inspection.groups}
        ids = [p.id for p in inspection.problems] + [m.id for p in inspection.problems for m in p.measures]
        if len(set(ids)) != len(ids):
            issues.append(f"{inspection.id}: ids not unique")
        completed = 0
        for problem in inspection.problems:
            where = f"{inspection.id}/{problem.id}"
            if problem.group not in groups or not problem.history:
                issues.append(f"{where}: no group or no status")
                continue
            history_issues(where, problem.history, feedback)
            if any(link.problem not in seen.get(link.inspection, ()) for link in problem.links):
                issues.append(f"{where}: a link to no earlier problem")
            done = problem.history[-1].state.is_done
            completed += done
            for measure in problem.measures:
                mwhere = f"{where}/{measure.id}"
                if not measure.history or measure.deadline is None or measure.responsibility is None:
                    issues.append(f"{mwhere}: no status, deadline or responsibility")
                    continue
                if not measure.deadline.certainly_after(feedback):
                    issues.append(f"{mwhere}: deadline not after the feedback")
                if done and not measure.history[-1].state.is_done:
                    issues.append(f"{mwhere}: not done in a completed problem")
                history_issues(mwhere, measure.history, feedback)
        declared = inspection.declared
        claimed = (declared.aspects, declared.problems, declared.measures, declared.completed, declared.in_progress)
        problems = len(inspection.problems)
        measures = sum(len(p.measures) for p in inspection.problems)
        if claimed != (len(inspection.groups), problems, measures, completed, problems - completed):
            issues.append(f"{inspection.id}: declared counts differ from the itemized ones")
        seen[inspection.id] = {p.id for p in inspection.problems}
        if len(issues) >= limit:
            break
    return issues[:limit]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", help=f"one of {', '.join(f'{k} ({v})' for k, v in SIZES.items())} or a number")
    parser.add_argument("-o", "--output", type=Path, help="where to write the JSON (default: standard output)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default: %(default)s)")
    parser.add_argument(
        "--check", action="store_true", help="load the result with rectmodel and check it is consistent"
    )
    args = parser.parse_args(argv)
    try:
        counts = expected_counts(args.size)
    except ValueError as e:
        parser.error(str(e))
    began = time.perf_counter()
    data = make_ledger_json(args.size, seed=args.seed)
    took = time.perf_counter() - began
    if args.output is None:
        sys.stdout.buffer.write(data)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(data)
    print(
        f"{counts.inspections:,} inspections, {counts.problems:,} problems, {counts.measures:,} measures: "
        f"{len(data) / 1e6:.1f} MB in {took:.1f} s",
        file=sys.stderr,
    )
    if args.check:
        issues = consistency_issues(loads(data))
        for issue in issues:
            print(issue, file=sys.stderr)
        print("consistent" if not issues else "NOT consistent", file=sys.stderr)
        return 1 if issues else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
