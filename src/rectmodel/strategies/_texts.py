"""Realistic wording, and the text and name strategies drawn from it.

Each list starts with its simplest item, which a failing example shrinks to; with
``texts="any"`` the strategies add edge cases and arbitrary text.
"""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ._options import Texts

# Realistic wording, first item the simplest (it is what examples shrink to).
_ASPECTS = (
    "贯彻落实党的路线方针政策和上级决策部署方面",
    "落实全面从严治党主体责任方面",
    "落实新时代党的组织路线方面",
    "落实意识形态工作责任制方面",
    "落实巡视巡察整改和主题教育整改方面",
)


_CATEGORIES = (
    "针对“政治站位不够高”的问题",
    "针对“监督执纪不够严”的问题",
    "关于“基层党组织建设薄弱”的问题",
    "针对“财务管理不规范”的问题",
)
_PROBLEMS = (
    "学习贯彻习近平新时代中国特色社会主义思想不够深入",
    "“三重一大”事项集体决策制度落实不到位",
    "违规发放津补贴问题仍有发生",
    "基层党组织“三会一课”制度执行不严格",
    "上一轮巡察反馈的公务用车管理问题本轮巡察依然存在",
    "干部选拔任用程序不规范,档案材料缺失",
    "专项资金使用效益不高,项目推进缓慢",
    "意识形态阵地管理存在薄弱环节",
)
_MEASURES = (
    "制定专题学习计划,每季度开展一次集中学习研讨",
    "修订“三重一大”事项决策实施办法,逐项对照整改",
    "全面清理违规发放的津补贴,已追回资金12.6万元",
    "建立问题清单、任务清单、责任清单,实行销号管理",
    "开展警示教育大会,通报典型案例3起",
    "完善干部档案,补齐缺失材料",
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗欧阳"
_GIVEN = ("伟", "芳", "秀英", "敏", "静", "强", "磊", "军", "洋", "建华", "丽")
_TITLES = ("", "党组书记", "局长", "副局长", "纪检组长", "办公室主任")
_DEPARTMENTS = ("办公室", "组织人事科", "财务审计科", "机关党委", "政策法规科", "纪检监察组")
_INSPECTORS = ("市委第一巡察组", "区委第三巡察组", "县委巡察办", "市委专项巡察组", "省委第五巡视组")
_TARGETS = ("中共某市住房和城乡建设局党组", "某区卫生健康局党委", "某县税务局党委", "某镇党委")
_ROUNDS = ("十四届市委第三轮巡察", "2024年第一轮巡察", "巡察“回头看”")
_NOTES = ("视同完成,持续整改", "已完成整改", "正在推进", "阶段性完成,需长期坚持")
_EVIDENCE = ("会议纪要", "整改台账", "文件:某发〔2021〕12号", "培训签到表")


# Edge cases for text fields: quoting, brackets, line breaks, pointer characters, the empty string.
_EDGES = ("", " ", "“引号”与「括号」", 'a "quoted" <tag> & [x]', "第一行\n第二行", "a/b~c", "☃ 𝔘𝔫𝔦", "\t")


@cache
def _text(realistic: tuple[str, ...], texts: Texts) -> SearchStrategy[str]:
    words = st.sampled_from(realistic)
    if texts == "realistic":
        return words
    return st.one_of(words, st.sampled_from(_EDGES), st.text(max_size=40))


@cache
def _maybe_text(realistic: tuple[str, ...], texts: Texts) -> SearchStrategy[str | None]:
    return st.none() | _text(realistic, texts)


@cache
def _text_lists(realistic: tuple[str, ...], texts: Texts) -> SearchStrategy[list[str]]:
    return st.lists(_text(realistic, texts), min_size=1, max_size=2)


@cache
def _who(texts: Texts) -> tuple[SearchStrategy[list[str]], ...]:
    """Lists of leaders, departments and persons."""
    name = st.builds(lambda s, g: s + g, st.sampled_from(_SURNAMES), st.sampled_from(_GIVEN))
    if texts == "any":
        name = st.one_of(name, st.sampled_from(_EDGES), st.text(max_size=10))
    leader = st.builds(lambda n, t: n + t, name, st.sampled_from(_TITLES))
    return tuple(st.lists(s, min_size=1, max_size=2) for s in (leader, _text(_DEPARTMENTS, texts), name))
