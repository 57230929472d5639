"""Page chrome: what a web page or a notice carries around its text (meta lines, buttons, contacts).

One list of words, two patterns: the lexer's, which takes a whole line for furniture, and the
facts pass's, which finds furniture anywhere in a short line (a page's meta line runs several
labels together: ``发布时间:2023-05-06 来源:… 字号 打印 关闭``).
"""

from __future__ import annotations

import re

__all__ = ["CONTACT", "FURNITURE_IN", "FURNITURE_LINE", "PUBLISHED"]

# The labels of a page's meta line (发布时间:…, 来源:…), and the date labels that may also stand before a
# line that is only a date (日期:2025-09-24).
_LABELS = (
    "发布时间",
    "发布日期",
    "发布人",
    "来源",
    "信息来源",
    "文章来源",
    "作者",
    "浏览次数",
    "点击数",
    "阅读次数",
    "访问次数",
    "字号",
    "字体",
    "分享到",
    "责任编辑",
    "编辑",
)
_DATE_LABELS = ("日期", "时间")
# The page's buttons and links (打印, 关闭, 上一篇); the first four also stand inside a meta line.
_BUTTONS = ("打印", "关闭", "打印本页", "关闭窗口")
_LINKS = ("返回顶部", "上一篇", "下一篇", "相关文档", "相关链接")
# Words that stand anywhere in a line of furniture (… 字号 大 中 小 …).
_ANYWHERE = ("字号", "浏览次数", "分享到")
# A notice's closing words of contact (欢迎广大干部群众监督, 联系电话 …).
_CONTACTS = (
    "欢迎广大干部群众",
    "联系方式",
    "联系电话",
    "监督电话",
    "邮政编码",
    "电子邮箱",
    "来信请寄",
    "通信地址",
    "通讯地址",
    "邮政信箱",
)


def _any(words: tuple[str, ...]) -> str:
    return "|".join(words)


# A whole line of furniture, matched at its start (the lexer's).
FURNITURE_LINE = re.compile(
    rf"^【?(?:{_any(_LABELS)})\s*[:【]"
    rf"|^(?:{_any(_BUTTONS + _LINKS)}|【\s*(?:打印|关闭)\s*】)\s*[:]?"
    r"|^.{0,40}?【?\s*字号\s*[:【]"
    r"|^[\s•|·【】\[\]]*$"
    r"|^\.?/?[\w./-]+\.s?html?$"
)
# Furniture anywhere in a line (the facts pass's; it also checks the line is short and has no sentence).
FURNITURE_IN = re.compile(
    rf"^(?:{_any(_LABELS + _DATE_LABELS)})\s*:"
    rf"|{_any(_ANYWHERE)}|【\s*(?:打印|关闭)|(?:^|\s)(?:{_any(_BUTTONS)})(?:\s|$)"
    r"|^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"  # a page's time stamp: 2025-06-17 09:00 某某网站
)
# The label of the page's date, wherever it stands (a page flattened onto one line runs it into the text).
PUBLISHED = re.compile(r"(?:发布时间|发布日期)\s*:?\s*")
CONTACT = re.compile(_any(_CONTACTS))
