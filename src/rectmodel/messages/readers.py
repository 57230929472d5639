"""The readers' messages: load issues (the codec), parse findings (notices), sheet findings (workbooks).

Each family's codes are declared once as a type its emitter uses, so mypy refuses an
undeclared code, and a test a declared code without a message.
"""

from __future__ import annotations

from enum import StrEnum

from ._message import Message, msg

__all__ = ["LOAD", "PARSE", "SHEET", "LoadCode", "ParseCode", "SheetCode"]

# --- load issues ---------------------------------------------------------------------------------


class LoadCode(StrEnum):
    """Why a document could not be loaded (``LoadIssue.code``)."""

    NOT_UTF8 = "not-utf8"
    NOT_JSON = "not-json"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    DUPLICATE_KEY = "duplicate-key"
    WRONG_TYPE = "wrong-type"
    BAD_DATE = "bad-date"
    BAD_VALUE = "bad-value"
    OUT_OF_RANGE = "out-of-range"
    UNKNOWN_FIELD = "unknown-field"
    MISSING_FIELD = "missing-field"
    SCHEMA = "schema"


_EXPECTED = ("expected {expected:type}, got {got:type}", "应为{expected:type},实为 {got:type}")

LOAD: dict[str, Message] = {  # keyed by LoadCode
    LoadCode.NOT_UTF8: msg(
        "not UTF-8: invalid byte 0x{byte:02x} at offset {offset}",
        "不是 UTF-8 编码:偏移 {offset} 处的字节 0x{byte:02x} 无效",
        {"byte": 0xB0, "offset": 26},
    ),
    LoadCode.NOT_JSON: msg("not JSON: {reason}", "不是合法的 JSON:{reason:reason}", {"reason": "Expecting value"}),
    LoadCode.UNREADABLE: msg(
        "cannot be read: {reason}", "无法读取:{reason:reason}", {"reason": "No such file or directory"}
    ),
    LoadCode.EMPTY: msg("the file is empty", "文件为空", {}),
    LoadCode.DUPLICATE_KEY: msg('duplicate key "{key}"', '重复的键 "{key}"', {"key": "id"}),
    LoadCode.WRONG_TYPE: msg(*_EXPECTED, {"expected": "array", "got": "3"}, {"expected": "string", "got": "object"}),
    LoadCode.BAD_DATE: msg(*_EXPECTED, {"expected": "date", "got": '"2021-02-30"'}),
    LoadCode.BAD_VALUE: msg(
        "expected one of {choices}, got {got:type}",
        "应为 {choices} 之一,实为 {got:type}",
        {"choices": '"aspect", "category"', "got": '"topic"'},
    ),
    LoadCode.OUT_OF_RANGE: msg(
        "expected an integer from {minimum} to {maximum}, got {got}",
        "应为 {minimum} 至 {maximum} 之间的整数,实为 {got}",
        {"minimum": 0, "maximum": 10_000_000, "got": -1},
    ),
    LoadCode.UNKNOWN_FIELD: msg('unknown field "{field}"', '未知字段 "{field}"', {"field": "titel"}),
    LoadCode.MISSING_FIELD: msg('missing required field "{field}"', '缺少必填字段 "{field}"', {"field": "id"}),
    LoadCode.SCHEMA: msg(
        "does not match the JSON Schema ({keyword}): {reason}",
        "不符合 JSON Schema({keyword}):{reason:reason}",
        {"keyword": "required", "reason": "'id' is a required property"},
    ),
}
# --- parse findings ------------------------------------------------------------------------------


class ParseCode(StrEnum):
    """What the notice reader could not place or read (``params["code"]`` of a ``parse`` diagnostic)."""

    AMBIGUOUS_DATE = "ambiguous-date"
    ENCODING = "notice-encoding"
    EXTRACTION = "notice-extraction"
    UNREADABLE = "notice-unreadable"
    ENCRYPTED = "notice-encrypted"
    NO_TEXT_LAYER = "notice-scanned"
    NO_TEXT = "notice-no-text"
    IMPOSSIBLE_DATE = "impossible-date"
    GARBLED_TEXT = "garbled-text"
    NARRATIVE = "narrative"
    EMPTY_GROUP = "empty-group"
    NUMBERING_GAP = "numbering-gap"
    UNKNOWN_STATUS = "unknown-status"
    UNPLACED_TEXT = "unplaced-text"
    NO_PROBLEMS = "no-problems"
    EARLIER_ROUND = "earlier-round"
    ROUND_COUNTS = "round-counts"
    CONVERTED = "converted-text"
    MEASURES_UNPLACED = "measures-unplaced"


# What each extraction says it read (``format`` picks the wording).
_EXTRACTION_EN = {
    "docx": "read the Word document with {tool}: {paragraphs} paragraph{paragraphs:plural}, "
    "{tables} table{tables:plural}",
    "html": "read the web page's main text with {tool} ({encoding}): {paragraphs} paragraph{paragraphs:plural}; "
    "navigation, header and footer left out",
    "pdf": "read the PDF's text layer with {tool}: {pages} page{pages:plural}, "
    "{paragraphs} paragraph{paragraphs:plural}",
}
_EXTRACTION_ZH = {
    "docx": "已用 {tool} 读取 Word 文档:{paragraphs} 段,{tables} 个表格",
    "html": "已用 {tool} 提取网页正文({encoding} 编码):{paragraphs} 段,导航栏、页眉和页脚未采用",
    "pdf": "已用 {tool} 读取 PDF 文字层:{pages} 页,{paragraphs} 段",
}

# What a conversion before the passes did (``conversion`` picks the wording); the ledger keeps the text as written.
_CONVERTED_EN = {
    "t2s": "traditional characters read as simplified with OpenCC (t2s), on {lines} line{lines:plural} "
    "from this one; the ledger keeps the text as written",
    "readings": 'inline pinyin readings after characters (such as "(jù)") left out, '
    "on {lines} line{lines:plural} from this one",
}
_CONVERTED_ZH = {
    "t2s": "繁体字已用 OpenCC(t2s)按简体识别,自本行起共 {lines} 行;台账保留原文",
    "readings": "夹注的拼音读音(如 根據(jù))已去除,自本行起共 {lines} 行",
}

PARSE: dict[str, Message] = {  # keyed by ParseCode
    ParseCode.AMBIGUOUS_DATE: msg(
        'date "{text}" can be read as {readings}; left out',
        "日期“{text}”可理解为 {readings},无法确定,未采用",
        {"text": "3月4日", "readings": "2021-03-04, 2022-03-04"},
    ),
    ParseCode.IMPOSSIBLE_DATE: msg(
        '"{text}" names no real day; left out', "“{text}”不是有效日期,未采用", {"text": "2021年2月30日"}
    ),
    ParseCode.GARBLED_TEXT: msg(
        'characters seem lost in publishing here: "{text}"', "此处疑有文字在发布时丢失:“{text}”", {"text": "市委第察组"}
    ),
    ParseCode.NARRATIVE: msg(
        'section "{title}" (lines {first}–{last}) is narrative, not itemized problems; '
        "only its dates and counts are read",
        "“{title}”部分(第 {first}–{last} 行)为叙述性内容,未逐项列出问题,仅提取其中的日期和数量",
        {"title": "整改工作基本情况", "first": 7, "last": 12},
    ),
    ParseCode.EMPTY_GROUP: msg(
        'heading "{title}" has no problems under it', "标题“{title}”下没有列出问题", {"title": "一、政治建设方面"}
    ),
    ParseCode.NUMBERING_GAP: msg(
        "numbering skips: expected {expected}, found {found}",
        "编号不连续:应为 {expected},实为 {found}",
        {"expected": "2是", "found": "1是、3是"},
    ),
    ParseCode.UNKNOWN_STATUS: msg(
        'status "{text}" names no known state; not recorded',
        "整改结果“{text}”无法识别为已知状态,未记录",
        {"text": "基本落实"},
    ),
    ParseCode.UNPLACED_TEXT: msg(
        'text not placed in the ledger: "{text}"', "未能归入台账的文字:“{text}”", {"text": "第 2 页 共 5 页"}
    ),
    ParseCode.CONVERTED: msg(
        lambda p: _CONVERTED_EN[p["conversion"]],
        lambda p: _CONVERTED_ZH[p["conversion"]],
        {"conversion": "t2s", "lines": 12},
        {"conversion": "readings", "lines": 3},
    ),
    ParseCode.MEASURES_UNPLACED: msg(
        'no measure could be read for problem "{problem}": the text under it reads as its description; '
        "check by hand whether it holds the rectification (not reported as problem-without-measure)",
        "未能读出问题“{problem}”的整改措施:其下文字被读作问题描述;请人工核对其中是否包含整改措施"
        "(不按 problem-without-measure 报告)",
        {"problem": "P3"},
    ),
    ParseCode.NO_PROBLEMS: msg("no itemized problems found", "未找到逐项列出的问题", {}),
    ParseCode.EARLIER_ROUND: msg(
        "the problem was found in an earlier round; link it to that round's problem",
        "该问题在上一轮巡察中已反馈,请关联上一轮的对应问题",
        {},
    ),
    ParseCode.ENCODING: msg(
        "the notice is not UTF-8: read as {encoding} ({how})",
        "通报不是 UTF-8 编码:按 {encoding} 读取({how})",
        {"encoding": "gb18030", "how": "not UTF-8; strict GB18030"},
    ),
    ParseCode.EXTRACTION: msg(
        lambda p: _EXTRACTION_EN[p["format"]],
        lambda p: _EXTRACTION_ZH[p["format"]],
        {"format": "docx", "tool": "python-docx", "paragraphs": 57, "tables": 2},
        {"format": "html", "tool": "trafilatura", "paragraphs": 1, "encoding": "gb18030"},
        {"format": "pdf", "tool": "pypdf", "paragraphs": 120, "pages": 3},
    ),
    ParseCode.UNREADABLE: msg(
        "cannot be read as a {suffix} file: {reason}",
        "无法作为 {suffix} 文件读取:{reason:reason}",
        {"suffix": ".docx", "reason": "File is not a zip file"},
    ),
    ParseCode.ENCRYPTED: msg(
        "the {suffix} file is encrypted (password-protected); save an unprotected copy to read it",
        "{suffix} 文件已加密(设有密码),请另存为未加密的副本后再读取",
        {"suffix": ".pdf"},
    ),
    ParseCode.NO_TEXT_LAYER: msg(
        "the PDF has no text layer ({pages} page{pages:plural} of images, a scan?): "
        "reading it needs OCR, which rectmodel does not do",
        "PDF 没有文字层(共 {pages} 页图像,疑为扫描件):需先经 OCR 文字识别,本工具不支持",
        {"pages": 4},
    ),
    ParseCode.NO_TEXT: msg(
        "no notice text found in the {suffix} file",
        "{suffix} 文件中未找到通报正文",
        {"suffix": ".html"},
    ),
    ParseCode.ROUND_COUNTS: msg(
        "counts declared for the round as a whole, not for any one unit, are left out: {counts}",
        "以下数量为整轮巡察合计,不属于任一被巡察单位,未采用:{counts}",
        {"counts": "aspects 4, problems 35"},
    ),
}
# --- sheet findings ------------------------------------------------------------------------------


class SheetCode(StrEnum):
    """What the workbook reader could not read or place (``params["code"]`` of a ``sheet`` diagnostic)."""

    ENCODING = "encoding"
    UNREADABLE = "not-a-workbook"
    ENCRYPTED = "encrypted"
    NO_TABLE = "no-table"
    HIDDEN_SHEET = "hidden-sheet"
    UNREAD_SHEET = "unread-sheet"
    UNKNOWN_COLUMN = "unknown-column"
    DUPLICATE_COLUMN = "duplicate-column"
    UNPLACED_CELL = "unplaced-cell"
    FORMULA_WITHOUT_VALUE = "formula-without-value"
    UNKNOWN_STATE = "unknown-state"
    BAD_DATE = "unread-date"
    BAD_DEADLINE = "unread-deadline"
    NUMBERING_GAP = "row-numbering-gap"
    SECTION_COUNT = "section-count"
    CLOSED_CONFLICT = "closed-conflict"
    SPLIT_MISMATCH = "split-mismatch"
    EXAMPLE_ROW = "example-row"
    REMARK = "remark"
    FOOTER = "footer"
    OPTION_DIFFERS = "option-differs"
    FACT_FROM_REPORTER = "fact-from-reporter"
    FACT_REPEATED = "fact-repeated"
    FACT_NOT_STATED = "fact-not-stated"
    UNLABELLED_RESPONSIBILITY = "unlabelled-responsibility"
    BAD_MAPPING = "bad-mapping"


SHEET: dict[str, Message] = {  # keyed by SheetCode
    SheetCode.ENCODING: msg(
        "read as {encoding} ({how})", "按 {encoding} 编码读取({how})", {"encoding": "gb18030", "how": "not UTF-8"}
    ),
    SheetCode.UNREADABLE: msg(
        "cannot be read as a spreadsheet: {reason}",
        "无法作为电子表格读取:{reason:reason}",
        {"reason": "not a zip file"},
    ),
    SheetCode.ENCRYPTED: msg(
        "the workbook is encrypted (password-protected); save an unprotected copy to read it",
        "工作簿已加密(设有密码),请另存为未加密的副本后再读取",
        {},
    ),
    SheetCode.NO_TABLE: msg(
        "no sheet has a ledger header (a row naming columns such as number, problem, measure, deadline)",
        "未找到台账表头(含“序号”“问题”“整改措施”“整改时限”等列名的行)",
        {},
    ),
    SheetCode.HIDDEN_SHEET: msg(
        'hidden sheet "{sheet}" is not read ({count} cells)',
        "隐藏工作表“{sheet}”未读取(共 {count} 个单元格)",
        {"sheet": "数据源", "count": 12},
    ),
    SheetCode.UNREAD_SHEET: msg(
        'sheet "{sheet}" holds neither a ledger nor its facts; its {count} cells ({range}) are not read',
        "工作表“{sheet}”既不是台账也不是基本情况,其 {count} 个单元格({range})未读取",
        {"sheet": "填表说明", "count": 6, "range": "A1:B3"},
    ),
    SheetCode.UNKNOWN_COLUMN: msg(
        'column {column} ("{header}") is not a ledger column; its {count} cells ({range}) are not read',
        "第 {column} 列(“{header}”)不是台账列,其 {count} 个单元格({range})未读取",
        {"column": "F", "header": "整改目标", "count": 28, "range": "F4:F31"},
    ),
    SheetCode.DUPLICATE_COLUMN: msg(
        'column {column} ("{header}") repeats the {role} column {first}; its {count} cells ({range}) are not read',
        "第 {column} 列(“{header}”)与第 {first} 列同为“{role}”列,其 {count} 个单元格({range})未读取",
        {"column": "H", "header": "整改举措", "role": "整改措施", "first": "D", "count": 9, "range": "H4:H12"},
    ),
    SheetCode.UNPLACED_CELL: msg(
        'cell not placed in the ledger: "{text}"', "未能归入台账的单元格:“{text}”", {"text": "合计"}
    ),
    SheetCode.FORMULA_WITHOUT_VALUE: msg(
        "formula {formula} has no saved value; open the workbook in Excel and save it to compute it",
        "公式 {formula} 没有保存的计算结果,请在 Excel 中打开并保存后再读取",
        {"formula": "=COUNTA(D4:D30)"},
    ),
    SheetCode.UNKNOWN_STATE: msg(
        '"{text}" names no known state (completed, in progress, closed …); not recorded',
        "“{text}”无法识别为已知整改状态(已完成、正在推进、已销号等),未记录",
        {"text": "基本到位"},
    ),
    SheetCode.BAD_DATE: msg(
        '{header} "{text}" is not one date with its year (like 2021-09-30 or 2021-12); left out',
        "{header}“{text}”不是一个带年份的日期(如 2021年9月30日、2021年12月底),未采用",
        {"header": "反馈时间", "text": "八月"},
    ),
    SheetCode.BAD_DEADLINE: msg(
        '{header} "{text}" is neither one date with its year (like 2021-09-30 or 2021-12) nor a term '
        "(immediate, long-term, ongoing); left out",
        "{header}“{text}”既不是带年份的日期(如 2021年9月30日、2021年12月底),也不是立行立改、长期坚持、"
        "持续整改等时限用语,未采用",
        {"header": "整改时限", "text": "9月底"},
    ),
    SheetCode.NUMBERING_GAP: msg(
        "numbering skips: expected {expected}, found {found}",
        "序号不连续:应为 {expected},实为 {found}",
        {"expected": 4, "found": 5},
    ),
    SheetCode.SECTION_COUNT: msg(
        'section "{title}" says {declared} problem{declared:plural}, its rows list {found}',
        "分组“{title}”标明共 {declared} 个问题,实际列出 {found} 个",
        {"title": "一、党的政治建设方面", "declared": 3, "found": 2},
    ),
    SheetCode.CLOSED_CONFLICT: msg(
        'closure "{text}" disagrees with the progress, which ends {state:state}{date}',
        "销号“{text}”与整改进展(最后为{state:state}{date})不一致",
        {"text": "2021年10月8日", "state": "closed", "date": " 2021-10-09"},
    ),
    SheetCode.SPLIT_MISMATCH: msg(
        "the cell's {parts} numbered lines do not line up with its {measures} measures (numbered 1 to {measures}); "
        "not read, so that no value is given to the wrong measure",
        "该单元格的 {parts} 行编号与 {measures} 条整改措施(编号 1 至 {measures})对不上;未读取,以免把数值归到错误的措施",
        {"parts": 2, "measures": 3},
    ),
    SheetCode.EXAMPLE_ROW: msg(
        'row {row} is marked as an example ("{text}"); it is read like any other row',
        "第 {row} 行标注为示例(备注“{text}”),仍按普通行读取",
        {"row": 3, "text": "示例"},
    ),
    SheetCode.REMARK: msg(
        'the remark is not held in the ledger: "{text}"',
        "备注内容不在台账模型中保存:“{text}”",
        {"text": "已报县纪委监委备案"},
    ),
    SheetCode.FOOTER: msg(
        'footer not held in the ledger: "{text}"', "表尾内容不在台账模型中保存:“{text}”", {"text": "填表人:王伟"}
    ),
    SheetCode.OPTION_DIFFERS: msg(
        'the workbook states the {field:term} as "{stated}"; the option "{given}" is not used',
        "工作簿写明的{field:term}为“{stated}”,未采用参数指定的“{given}”",
        {"field": "inspector", "stated": "市委第二巡察组", "given": "市委第三巡察组"},
    ),
    SheetCode.FACT_FROM_REPORTER: msg(
        'the {field:term} is read from the reporting unit "{text}"',
        "{field:term}取自填报单位“{text}”",
        {"field": "target", "text": "某局党组"},
    ),
    SheetCode.FACT_REPEATED: msg(
        '"{label}" is stated again here as "{text}"; the first statement, "{first}", is used',
        "此处再次写明“{label}”为“{text}”,采用首次写明的“{first}”",
        {"label": "被巡察党组织", "text": "某局党组", "first": "中共某局党组"},
    ),
    SheetCode.FACT_NOT_STATED: msg(
        "the workbook does not state the {field:term}: give it with {option}, on a cover sheet, or in a row above "
        "the header (not reported as missing-fact)",
        "工作簿未载明{field:term}:可用 {option} 给出,或在“基本情况”表、表头上方的行中写明(不作为 missing-fact 报告)",
        {"field": "feedback_date", "option": "--feedback-date"},
    ),
    SheetCode.UNLABELLED_RESPONSIBILITY: msg(
        '"{text}" under "{header}" labels no role (a leader, a department, a person): its names are not read',
        "“{header}”下的“{text}”未标明角色(责任领导:、责任单位:、责任人:),其中的名称未读取",
        {"text": "张三 办公室", "header": "责任分工"},
    ),
    SheetCode.BAD_MAPPING: msg(
        "column mapping {where}: {reason}",
        "列映射文件 {where:reason}:{reason:reason}",
        {
            "where": "columns.牵头处室",
            "reason": "unknown role 'lead'; expected one of measure, ignore or a known header",
        },
        {"where": "(file)", "reason": "not TOML: Invalid value (at line 3, column 9)"},
    ),
}
