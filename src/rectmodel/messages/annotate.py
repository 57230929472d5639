"""The annotated file's words: the review sheet, its columns, the comments' author, the page around a text.

``rectmodel validate --annotate`` gives the unit its own file back with each finding marked
on it (``rectmodel.annotate``, ``rectmodel.annotation``); what that file says around the findings is said here.
"""

from __future__ import annotations

from enum import StrEnum

from ._message import Message, msg

__all__ = ["ANNOTATE", "AnnotateText"]


class AnnotateText(StrEnum):
    """A heading or label of an annotated file."""

    SHEET = "annotate-sheet"
    SUFFIX = "annotate-suffix"
    NUMBER = "annotate-number"
    SEVERITY = "annotate-severity"
    RULE = "annotate-rule"
    WHERE = "annotate-where"
    FINDING = "annotate-finding"
    WHOLE_FILE = "annotate-whole-file"
    TITLE = "annotate-title"
    LINE = "annotate-line"
    TEXT = "annotate-text"
    SUMMARY = "annotate-summary"


ANNOTATE: dict[str, Message] = {  # keyed by AnnotateText
    AnnotateText.SHEET: msg("Review", "审核意见", {}),
    AnnotateText.SUFFIX: msg("-review", "-审核意见", {}),
    AnnotateText.NUMBER: msg("No.", "序号", {}),
    AnnotateText.SEVERITY: msg("severity", "严重程度", {}),
    AnnotateText.RULE: msg("rule", "规则", {}),
    AnnotateText.WHERE: msg("where", "位置", {}),
    AnnotateText.FINDING: msg("finding", "审核意见", {}),
    AnnotateText.WHOLE_FILE: msg("the whole file", "整个文件", {}),
    AnnotateText.TITLE: msg("Review of {file}", "{file} 审核意见", {"file": "通报.txt"}),
    AnnotateText.LINE: msg("line", "行", {}),
    AnnotateText.TEXT: msg("text", "原文", {}),
    AnnotateText.SUMMARY: msg(
        "{errors} errors, {warnings} warnings, {infos} infos",
        "错误 {errors} 个,警告 {warnings} 个,提示 {infos} 个",
        {"errors": 2, "warnings": 1, "infos": 0},
    ),
}
