"""The command line's and the exceptions' own words: headings, labels, help texts (``CliText``)."""

from __future__ import annotations

from enum import StrEnum

from ._message import Message, msg

__all__ = ["CLI", "CliText"]


class CliText(StrEnum):
    """A heading, label or line of the command line's output, or of an exception's text."""

    LIST_SEP = "list-sep"
    NONE = "none"
    # validate
    LINE = "line"
    ITEM_INSPECTION = "item-inspection"
    ITEM_GROUP = "item-group"
    ITEM_PROBLEM = "item-problem"
    ITEM_MEASURE = "item-measure"
    ITEM_STATUS = "item-status"
    ITEM_LINK = "item-link"
    ITEM_FIELD = "item-field"
    ITEM_DECLARED = "item-declared"
    FIRST_AT = "first-at"
    SEE_ALSO = "see-also"
    INTERNAL_ERROR = "internal-error"
    CANNOT_WRITE = "cannot-write"
    OUTPUT_EXISTS = "output-exists"
    OUTPUT_IS_INPUT = "output-is-input"
    CANNOT_EXPORT = "cannot-export"
    ONE_FILE_ONLY = "one-file-only"
    WAIVED = "waived"
    SUMMARY = "summary"
    PROGRESS = "progress"
    BAD_SEVERITY = "bad-severity"
    FILE_CRASHED = "file-crashed"
    NO_FILES = "no-files"
    CANNOT_READ_MANIFEST = "cannot-read-manifest"
    NO_DASK = "no-dask"
    CANNOT_CONNECT = "cannot-connect"
    # exceptions
    LOAD_FAILED = "load-failed"
    LEDGER_ERRORS = "ledger-errors"
    MORE = "more"
    # stats
    ON_SITE = "on-site"
    FEEDBACK = "feedback"
    AS_OF = "as-of"
    REPORT = "report"
    ITEMIZED = "itemized"
    ITEMIZED_COUNT = "itemized-count"
    DECLARED = "declared"
    DECLARED_COUNT = "declared-count"
    NOTHING = "nothing"
    # history
    UNIT_NAMES = "unit-names"
    HISTORY_SUMMARY = "history-summary"
    ROUNDS = "rounds"
    ROUND = "round"
    ROUND_AS = "round-as"
    RECURRING = "recurring"
    CHAIN = "chain"
    CARRIED = "carried"
    FOUND_AGAIN = "found-again"
    RECORDED_DONE = "recorded-done"
    OPEN = "open"
    UNKNOWN_UNIT = "unknown-unit"
    # peers: version, standard input, unsupported files, misspellings
    UNKNOWN_RULE = "unknown-rule"
    DID_YOU_MEAN = "did-you-mean"
    UNKNOWN_CHOICE = "unknown-choice"
    UNSUPPORTED_INPUT = "unsupported-input"
    STDIN_ONCE = "stdin-once"
    # help: the parser's texts, in the language picked before it is built
    HELP_PROG = "help-prog"
    HELP_COMMANDS = "help-commands"
    HELP_HELP = "help-help"
    HELP_VERSION = "help-version"
    HELP_TRACEBACK = "help-traceback"
    NOT_POSITIVE = "not-positive"
    NOT_A_SIZE = "not-a-size"
    HELP_LANG = "help-lang"
    HELP_INPUT = "help-input"
    HELP_OUTPUT = "help-output"
    HELP_FORCE = "help-force"
    HELP_ANNOTATE = "help-annotate"
    HELP_ANNOTATE_OUTPUT = "help-annotate-output"
    OUTPUT_NEEDS_ANNOTATE = "output-needs-annotate"
    ANNOTATE_NO_STDIN = "annotate-no-stdin"
    ANNOTATE_ONE_OUTPUT = "annotate-one-output"
    CANNOT_ANNOTATE = "cannot-annotate"
    ANNOTATED = "annotated"
    HELP_EXITS = "help-exits"
    EXIT_0 = "exit-0"
    EXIT_0_VALIDATE = "exit-0-validate"
    EXIT_1_VALIDATE = "exit-1-validate"
    EXIT_1_SCHEMA = "exit-1-schema"
    EXIT_1_PARSE = "exit-1-parse"
    EXIT_2 = "exit-2"
    EXIT_3 = "exit-3"
    CMD_SCHEMA = "cmd-schema"
    CMD_STATS = "cmd-stats"
    CMD_VALIDATE = "cmd-validate"
    CMD_RULES = "cmd-rules"
    CMD_PARSE = "cmd-parse"
    CMD_RENDER = "cmd-render"
    CMD_GRAPH = "cmd-graph"
    CMD_HISTORY = "cmd-history"
    CMD_RECONCILE = "cmd-reconcile"
    CMD_REPORT = "cmd-report"
    EXIT_0_REPORT = "exit-0-report"
    HELP_REPORT_FILES = "help-report-files"
    HELP_REPORT_OUTPUT = "help-report-output"
    HELP_THRESHOLDS = "help-thresholds"
    BAD_THRESHOLDS = "bad-thresholds"
    REPORT_WRITTEN = "report-written"
    HELP_ROUND_FILES = "help-round-files"
    HELP_ANY_ROUND = "help-any-round"
    HELP_THRESHOLD = "help-threshold"
    EXIT_1_RECONCILE = "exit-1-reconcile"
    STEP = "step"
    SUMMARY_KIND = "summary-kind"
    SUMMARY_ID = "summary-id"
    SUMMARY_TEXT = "summary-text"
    SUMMARY_DEADLINE = "summary-deadline"
    SUMMARY_STATE = "summary-state"
    SUMMARY_SHEET = "summary-sheet"
    CHANGE = "change"
    CHANGE_GONE = "change-gone"
    CHANGE_NEW = "change-new"
    HELP_SUMMARY_OUTPUT = "help-summary-output"
    PAIRED_BY = "paired-by"
    CMD_EXPORT = "cmd-export"
    CMD_TEMPLATE = "cmd-template"
    HELP_CHECK = "help-check"
    HELP_LEDGER = "help-ledger"
    HELP_LEDGERS = "help-ledgers"
    HELP_FILES = "help-files"
    HELP_TEXT_JSON = "help-text-json"
    HELP_VALIDATE_FORMAT = "help-validate-format"
    HELP_JOBS = "help-jobs"
    HELP_SCHEDULER = "help-scheduler"
    HELP_CHUNK_FILES = "help-chunk-files"
    HELP_CHUNK_BYTES = "help-chunk-bytes"
    HELP_SELECT = "help-select"
    HELP_IGNORE = "help-ignore"
    HELP_SEVERITY = "help-severity"
    HELP_WAIVERS = "help-waivers"
    HELP_DUE_MONTHS = "help-due-months"
    HELP_RULES_FORMAT = "help-rules-format"
    HELP_PARSE_FILE = "help-parse-file"
    HELP_ID = "help-id"
    HELP_UNIT_ID = "help-unit-id"
    HELP_RENDER_FORMAT = "help-render-format"
    HELP_GRAPH_FORMAT = "help-graph-format"
    HELP_UNIT = "help-unit"
    HELP_EXPORT_FILES = "help-export-files"
    HELP_EXPORT_OUTPUT = "help-export-output"
    HELP_EXPORT_FORMAT = "help-export-format"
    HELP_INSPECTION = "help-inspection"
    HELP_TEMPLATE_OUTPUT = "help-template-output"
    HELP_TEMPLATE_FORMAT = "help-template-format"
    HELP_SHEETS = "help-sheets"
    HELP_SHEETS_ABOUT = "help-sheets-about"
    HELP_MAPPING = "help-mapping"
    HELP_INSPECTOR = "help-inspector"
    HELP_TARGET = "help-target"
    HELP_FEEDBACK_DATE = "help-feedback-date"
    HELP_START = "help-start"
    HELP_END = "help-end"
    # rules --format markdown
    RULES_TITLE = "rules-title"
    RULES_INTRO = "rules-intro"
    RULES_RULE = "rules-rule"
    RULES_REQUIRES = "rules-requires"
    RULES_DEFAULT = "rules-default"
    RULES_EXAMPLE = "rules-example"
    RULES_PARAMS = "rules-params"
    RULES_RELATED = "rules-related"
    RULES_COMPARISONS = "rules-comparisons"
    RULES_COMPARISONS_INTRO = "rules-comparisons-intro"
    RULES_SEVERITY = "rules-severity"
    RULES_COMPARES = "rules-compares"


CLI: dict[str, Message] = {  # keyed by CliText
    CliText.LIST_SEP: msg(", ", "、", {}),
    CliText.NONE: msg("none", "无", {}),
    CliText.LINE: msg("(line {line})", "(第 {line} 行)", {"line": 23}),
    CliText.ITEM_INSPECTION: msg("inspection {id}", "巡察 {id}", {"id": "jm-2021"}),
    CliText.ITEM_GROUP: msg("group {id} “{title}”", "分组 {id}“{title}”", {"id": "A1", "title": "政治建设方面"}),
    CliText.ITEM_PROBLEM: msg(
        "problem {id} “{title}”", "问题 {id}“{title}”", {"id": "P3", "title": "议事决策机制不完善"}
    ),
    CliText.ITEM_MEASURE: msg(
        "measure {id} of problem “{title}”",
        "问题“{title}”的整改措施 {id}",
        {"id": "P3-M2", "title": "议事决策机制不完善"},
    ),
    CliText.ITEM_STATUS: msg("status {n} of {item}", "{item}的第 {n} 条状态", {"n": 2, "item": "problem P3 “…”"}),
    CliText.ITEM_LINK: msg("link {n} of {item}", "{item}的第 {n} 条关联", {"n": 1, "item": "problem P3 “…”"}),
    CliText.ITEM_FIELD: msg(
        "{field:term} of {item}", "{item}的{field:term}", {"field": "deadline", "item": "measure M1"}
    ),
    CliText.ITEM_DECLARED: msg(
        "declared {field:term} of {item}",
        lambda p: "{item}声明的{field:term}" + ("" if p["field"] == "completion_rate" else "数"),
        {"field": "measures", "item": "inspection X"},
    ),
    CliText.FIRST_AT: msg("first at {where}", "首次出现于 {where}", {"where": "a.json:12:7"}),
    CliText.SEE_ALSO: msg("see {where}", "参见 {where}", {"where": "a.json:12:7"}),
    CliText.CANNOT_EXPORT: msg(
        "cannot export as {format}: {reason}",
        "无法导出为 {format}:{reason}",
        {"format": "graphml", "reason": "node keys 'a\\x02/P1' and another one are the same in XML"},
    ),
    CliText.INTERNAL_ERROR: msg(
        "rectmodel: internal error ({error}); this is a bug in rectmodel, please report it with the command you ran",
        "rectmodel:内部错误({error});这是 rectmodel 的缺陷,请连同所运行的命令一并报告",
        {"error": "KeyError: 'x'"},
    ),
    CliText.OUTPUT_EXISTS: msg(
        "{path} exists; give --force to replace it",
        "{path} 已存在;如需覆盖,请加 --force",
        {"path": "台账.xlsx"},
    ),
    CliText.OUTPUT_IS_INPUT: msg(
        "{path} is one of the files read: rectmodel never writes over its input; name another output",
        "{path} 是要读取的文件:本工具从不改写输入文件,请另指定输出文件",
        {"path": "台账.xlsx"},
    ),
    CliText.CANNOT_WRITE: msg(
        "rectmodel: cannot write {path}: {reason}",
        "rectmodel:无法写入 {path}:{reason:reason}",
        {"path": "out/ledger.json", "reason": "No such file or directory"},
    ),
    CliText.WAIVED: msg(
        "waived {rule} {pointer}: {justification}",
        "已豁免 {rule} {pointer}:{justification}",
        {"rule": "report-overdue", "pointer": "/inspections/0/report_date", "justification": "agreed late"},
    ),
    CliText.SUMMARY: msg(
        "{files} file{files:plural}: {errors} error{errors:plural}, {warnings} warning{warnings:plural}, "
        "{infos} info{infos:plural}, {waived} waived",
        "{files} 个文件:{errors} 个错误,{warnings} 个警告,{infos} 个提示,{waived} 个已豁免",
        {"files": 1, "errors": 0, "warnings": 1, "infos": 2, "waived": 0},
    ),
    CliText.PROGRESS: msg(
        "validating {count}/{total} {path}",
        "正在校验 {count}/{total} {path}",
        {"count": 3, "total": 9, "path": "a.json"},
    ),
    CliText.BAD_SEVERITY: msg(
        "--severity {item}: expected RULE=error|warning|info",
        "--severity {item}:应为 RULE=error|warning|info",
        {"item": "report-overdue=fatal"},
    ),
    CliText.FILE_CRASHED: msg(
        "{path}: internal error ({error}); this is a bug in rectmodel, please report it with this file",
        "{path}:内部错误({error});这是 rectmodel 的缺陷,请连同此文件一并报告",
        {"path": "2021/jm.json", "error": "KeyError: 'x'"},
    ),
    CliText.NO_FILES: msg(
        "{source} names no file to validate", "{source} 中没有可校验的文件", {"source": "reports/*.json"}
    ),
    CliText.CANNOT_READ_MANIFEST: msg(
        "cannot read the list of files {path}: {reason}",
        "无法读取文件清单 {path}:{reason:reason}",
        {"path": "files.txt", "reason": "No such file or directory"},
    ),
    CliText.NO_DASK: msg(
        "--scheduler needs Dask: pip install 'rectmodel[dask]'",
        "--scheduler 需要 Dask:pip install 'rectmodel[dask]'",
        {},
    ),
    CliText.CANNOT_CONNECT: msg(
        "cannot connect to the Dask scheduler {address}: {reason}",
        "无法连接 Dask 调度器 {address}:{reason}",
        {"address": "tcp://10.0.0.5:8786", "reason": "Timed out trying to connect"},
    ),
    CliText.LOAD_FAILED: msg(
        "{count} problem{count:plural} found while loading", "加载时发现 {count} 个问题", {"count": 1}, {"count": 2}
    ),
    CliText.LEDGER_ERRORS: msg("{count} error{count:plural} in the ledger", "台账中有 {count} 个错误", {"count": 2}),
    CliText.MORE: msg("… and {count} more", "……另有 {count} 个", {"count": 5}),
    CliText.ON_SITE: msg("on site {start} to {end}", "进驻 {start} 至 {end}", {"start": "2021-03-11", "end": "?"}),
    CliText.FEEDBACK: msg("feedback {date}", "反馈 {date}", {"date": "2021-08-04"}),
    CliText.AS_OF: msg("as of {date}", "截至 {date}", {"date": "2021-11-03"}),
    CliText.REPORT: msg("report {date}", "报告 {date}", {"date": "2021-11-12"}),
    CliText.ITEMIZED: msg("itemized: {counts}", "逐项列出:{counts}", {"counts": "3"}),
    CliText.ITEMIZED_COUNT: msg("{n} {count}", "{n}{count:count}", {"n": 3, "count": "aspects"}),
    CliText.DECLARED: msg("declared: {counts}", "声明:{counts}", {"counts": "3"}),
    CliText.DECLARED_COUNT: msg(
        "{count} {n}",
        lambda p: "{count:term} {n}" if p["count"] == "completion_rate" else "{n}{count:count}",
        {"n": 3, "count": "aspects"},
        {"n": "76%", "count": "completion_rate"},
    ),
    CliText.NOTHING: msg("nothing", "无", {}),
    CliText.UNIT_NAMES: msg("{unit} (names: {names})", "{unit} (名称: {names})", {"unit": "sjj", "names": "sjj, xxzx"}),
    CliText.HISTORY_SUMMARY: msg(
        "{problems} problems in {rounds} rounds: {recurring} recurring, {carried} carried over, {open} open",
        "{rounds} 轮巡察共 {problems} 个问题:反复出现 {recurring} 个,延续 {carried} 个,未整改完成 {open} 个",
        {"problems": 15, "rounds": 3, "recurring": 5, "carried": 3, "open": 3},
    ),
    CliText.ROUNDS: msg("Rounds", "巡察轮次", {}),
    CliText.ROUND: msg(
        "{problems} problems, {recurring} recurring, {open} open",
        "{problems} 个问题,反复出现 {recurring} 个,未整改完成 {open} 个",
        {"problems": 5, "recurring": 0, "open": 1},
    ),
    CliText.ROUND_AS: msg("(as {unit})", "(时称 {unit})", {"unit": "xxzx"}),
    CliText.RECURRING: msg("Recurring (found in two or more rounds)", "反复出现的问题(两轮及以上发现)", {}),
    CliText.CHAIN: msg("{rounds} rounds", "{rounds} 轮", {"rounds": 2}),
    CliText.CARRIED: msg("Carried over (found again by a later round)", "延续问题(后续轮次再次发现)", {}),
    CliText.FOUND_AGAIN: msg("found again by {problem}", "再次发现于 {problem}", {"problem": "2023-04-03  r2023 P1"}),
    CliText.RECORDED_DONE: msg("recorded done but found again", "已记录整改完成但再次发现", {}),
    CliText.OPEN: msg("Open (not recorded as rectified)", "未整改完成的问题", {}),
    CliText.ONE_FILE_ONLY: msg(
        "export --format {format} writes one ledger; give several files only with --format sqlite",
        "export --format {format} 只能导出一个台账;多个文件请用 --format sqlite",
        {"format": "xlsx"},
    ),
    CliText.UNKNOWN_UNIT: msg(
        "no round of unit {unit!r} in {files}",
        "{files} 中没有单位 {unit} 的巡察轮次",
        {"unit": "nowhere", "files": "a.json, b.json"},
    ),
    # peers: version, standard input, unsupported files, misspellings
    CliText.UNKNOWN_RULE: msg("unknown rule {name}", "没有名为 {name} 的规则", {"name": "report-overdu"}),
    CliText.DID_YOU_MEAN: msg(
        "{message}; did you mean {matches}?", "{message};是否要用 {matches}?", {"message": "…", "matches": "x, y"}
    ),
    CliText.UNKNOWN_CHOICE: msg("invalid choice: {value!r}", "无效的选项:{value}", {"value": "validat"}),
    CliText.UNSUPPORTED_INPUT: msg(
        "{path}: not a file rectmodel reads; it reads ledger JSON (.json), notices (.txt, .docx, .html, .htm, .pdf) "
        "and workbooks (.xlsx, .xls, .ods, .csv), and - for standard input; --input json|notice|sheet says what "
        "a file is",
        "{path}:不是 rectmodel 能读取的文件;可读取 JSON 台账(.json)、通报(.txt、.docx、.html、.htm、.pdf)"
        "和台账表格(.xlsx、.xls、.ods、.csv),- 表示标准输入;可用 --input json|notice|sheet 指明文件类型",
        {"path": "photo.png"},
    ),
    CliText.STDIN_ONCE: msg("- (standard input) can be given only once", "- (标准输入)只能给出一次", {}),
    # help
    CliText.HELP_PROG: msg(
        "Model, validate and convert inspection-rectification ledgers (Chinese: xuncha zhenggai taizhang): "
        "ledger JSON, public notices and workbooks.",
        "巡察整改台账的模型、校验与转换:JSON 台账、整改情况通报和台账表格。",
        {},
    ),
    CliText.HELP_COMMANDS: msg("commands", "命令", {}),
    CliText.HELP_HELP: msg("show this help and exit", "显示此帮助并退出", {}),
    CliText.HELP_VERSION: msg("show the version and exit", "显示版本号并退出", {}),
    CliText.HELP_TRACEBACK: msg(
        "on an internal error, print the traceback too (for a bug report)",
        "内部错误时同时打印回溯信息(用于报告缺陷)",
        {},
    ),
    CliText.NOT_POSITIVE: msg("expected a positive number, not {text}", "应为正整数,而不是 {text}", {"text": "0"}),
    CliText.NOT_A_SIZE: msg(
        "expected a size in bytes (a positive number, or one with K, M or G: 8M), not {text}",
        "应为字节数(正整数,或带 K、M、G 的数,如 8M),而不是 {text}",
        {"text": "8X"},
    ),
    CliText.HELP_LANG: msg("language of the messages: en or zh", "消息语言:en(英文)或 zh(中文)", {}),
    CliText.HELP_INPUT: msg(
        "what the files are: ledger JSON, notice, workbook (sheet), or auto: by extension, "
        "and by content for standard input",
        "文件类型:JSON 台账、通报(notice)、台账表格(sheet),或 auto:按扩展名判断,标准输入按内容判断",
        {},
    ),
    CliText.HELP_ANNOTATE: msg(
        "also write each file back with its findings marked on it (comments and fills in a workbook, "
        "comments in a Word document, an HTML page for a text, PDF or JSON file), beside it as NAME-review",
        "同时把每个文件连同审核意见写回(工作簿中为批注和底色,Word 文档中为批注,文本、PDF 或 JSON 文件为网页),"
        "保存在原文件旁,名为“原名-审核意见”",
        {},
    ),
    CliText.HELP_ANNOTATE_OUTPUT: msg(
        "with --annotate and one file: where to write the annotated file",
        "与 --annotate 同用且只有一个文件时:审核意见文件的保存位置",
        {},
    ),
    CliText.OUTPUT_NEEDS_ANNOTATE: msg(
        "-o writes the annotated file: give --annotate too",
        "-o 用于保存审核意见文件:请同时给出 --annotate",
        {},
    ),
    CliText.ANNOTATE_NO_STDIN: msg(
        "--annotate needs files: standard input has no place to write back to",
        "--annotate 需要文件:标准输入无处写回",
        {},
    ),
    CliText.ANNOTATE_ONE_OUTPUT: msg(
        "-o with --annotate takes one file; without -o each annotated file goes beside its original",
        "-o 与 --annotate 同用时只能有一个文件;不给 -o 时,每个审核意见文件保存在原文件旁",
        {},
    ),
    CliText.CANNOT_ANNOTATE: msg(
        "cannot annotate {path}: {reason}",
        "无法为 {path} 写出审核意见:{reason}",
        {"path": "台账.xlsx", "reason": "Bad zip file"},
    ),
    CliText.ANNOTATED: msg(
        "wrote the annotated file {path}",
        "已写出审核意见文件 {path}",
        {"path": "台账-审核意见.xlsx"},
    ),
    CliText.HELP_FORCE: msg("replace the output file if it exists", "输出文件已存在时覆盖它", {}),
    CliText.HELP_OUTPUT: msg("write to this file instead of standard output", "写入此文件而非标准输出", {}),
    CliText.HELP_EXITS: msg("exit codes:", "退出码:", {}),
    CliText.EXIT_0: msg("success", "成功", {}),
    CliText.EXIT_0_VALIDATE: msg("no errors (warnings allowed)", "没有错误(可以有警告)", {}),
    CliText.EXIT_1_VALIDATE: msg("a file has errors", "文件中有错误", {}),
    CliText.EXIT_1_SCHEMA: msg(
        "with --check: a document departs from the schema", "使用 --check 时:有文件不符合 JSON Schema", {}
    ),
    CliText.EXIT_1_PARSE: msg("the reader found errors in the file", "读取时发现错误", {}),
    CliText.EXIT_2: msg(
        "usage error, or a file that cannot be read, loaded or written",
        "用法错误,或文件无法读取、加载或写入",
        {},
    ),
    CliText.EXIT_3: msg("rectmodel itself failed (a bug: please report it)", "rectmodel 自身出错(属于缺陷,请报告)", {}),
    CliText.CMD_SCHEMA: msg(
        "print the JSON Schema of a ledger document, or check files against it",
        "输出台账文件的 JSON Schema,或据此检查文件",
        {},
    ),
    CliText.CMD_STATS: msg(
        "what a ledger declares and itemizes, per inspection", "按巡察列出台账声明的和逐项列出的数量", {}
    ),
    CliText.CMD_VALIDATE: msg(
        "check ledgers, notices and workbooks against every consistency rule",
        "按全部一致性规则校验台账、通报和台账表格",
        {},
    ),
    CliText.CMD_RULES: msg("list every rule with its default severity", "列出全部规则及其默认级别", {}),
    CliText.CMD_PARSE: msg(
        "read a public notice (text, Word, web page, PDF) or a ledger workbook into a ledger JSON",
        "将整改情况通报(文本、Word、网页、PDF)或台账表格读取为 JSON 台账",
        {},
    ),
    CliText.CMD_RENDER: msg(
        "write a ledger as a notice in the standard layout", "将台账按标准格式写成整改情况通报", {}
    ),
    CliText.CMD_GRAPH: msg("export the graph of problems and links across rounds", "导出跨轮次的问题及关联图", {}),
    CliText.CMD_HISTORY: msg(
        "what the rounds of one unit found, found again and left open",
        "某单位历轮巡察发现、再次发现和尚未整改完成的问题",
        {},
    ),
    CliText.CMD_REPORT: msg(
        "write the round report for leaders: progress per unit and round, overdue measures by department, "
        "outcomes, deadlines by month, recurrence and graded indicators, as an HTML page",
        "生成供领导审阅的整改情况报告(网页):各单位各轮整改进展、按责任部门列出的逾期措施、进展分布、"
        "按月的整改时限、反复出现的问题和分级评价",
        {},
    ),
    CliText.EXIT_0_REPORT: msg("the report was written", "报告已写出", {}),
    CliText.HELP_REPORT_FILES: msg(
        "ledgers, workbooks and notices of any units and rounds: files, folders, patterns or @lists "
        "(a file that cannot be read is left out, exit 2)",
        "任意单位、任意轮次的台账、工作簿和通报:文件、文件夹、通配符或 @清单(无法读取的文件不计入报告,退出码为 2)",
        {},
    ),
    CliText.HELP_REPORT_OUTPUT: msg(
        "the file to write: an HTML page, or a Word document for .docx",
        "要写出的文件:网页,或以 `.docx` 结尾时为 Word 文档",
        {},
    ),
    CliText.HELP_THRESHOLDS: msg(
        "a TOML file of grading thresholds (docs/report.md lists the defaults)",
        "分级评价标准的 TOML 文件(默认标准见 docs/report.md)",
        {},
    ),
    CliText.BAD_THRESHOLDS: msg(
        "cannot use the thresholds file {path}: {reason}",
        "无法使用评价标准文件 {path}:{reason}",
        {"path": "标准.toml", "reason": "completion.best: not a grade with a bound"},
    ),
    CliText.REPORT_WRITTEN: msg("wrote the report {path}", "已写出报告 {path}", {"path": "报告.html"}),
    CliText.CMD_RECONCILE: msg(
        "reconcile the documents of one round: what was dropped, merged, moved or claimed between them",
        "对账:比对同一轮次的各份文件,找出其间删减、合并、推迟或不实的内容",
        {},
    ),
    CliText.HELP_ROUND_FILES: msg(
        "the round's documents in the order written (plan, ledger versions, report): JSON, notices or workbooks",
        "本轮各份文件,按形成先后排列(整改方案、各版台账、整改报告):JSON、通报或台账表格",
        {},
    ),
    CliText.HELP_ANY_ROUND: msg(
        "compare documents that share no inspection, pairing their inspections in order",
        "文件之间没有共同的巡察时仍进行比对,按顺序配对",
        {},
    ),
    CliText.HELP_THRESHOLD: msg(
        "the least similarity (0-100) at which two titles or measures are the same one; default: 80",
        "两个标题或措施视为同一项的最低相似度(0-100),默认 80",
        {},
    ),
    CliText.EXIT_1_RECONCILE: msg("a finding is an error", "有错误级别的对账发现", {}),
    CliText.STEP: msg(
        "{earlier} → {later} ({pairing}): {matched} problems matched ({reworded} reworded), "
        "{dropped} dropped, {merged} merged, {added} added",
        "{earlier} → {later}({pairing}):匹配问题 {matched} 个(其中措辞有改动 {reworded} 个),"
        "缺失 {dropped} 个,合并 {merged} 个,新增 {added} 个",
        {
            "earlier": "方案.xlsx",
            "later": "报告.txt",
            "pairing": "paired by id",
            "matched": 25,
            "reworded": 3,
            "dropped": 1,
            "merged": 0,
            "added": 2,
        },
    ),
    CliText.SUMMARY_KIND: msg("item", "类型", {}),
    CliText.SUMMARY_ID: msg("id", "编号", {}),
    CliText.SUMMARY_TEXT: msg("text", "内容", {}),
    CliText.SUMMARY_DEADLINE: msg("deadline", "整改时限", {}),
    CliText.SUMMARY_STATE: msg("state", "整改进展", {}),
    CliText.SUMMARY_SHEET: msg("reconciliation", "对账", {}),
    CliText.CHANGE: msg(
        "  {item} {id}: {field} “{before}” → “{after}”",
        "  {item} {id}:{field}由“{before}”改为“{after}”",
        {"item": "measure", "id": "P1-M2", "field": "deadline", "before": "2021-09-30", "after": "2021-12-31"},
    ),
    CliText.CHANGE_GONE: msg(
        "  {item} {id}: not in {later}",
        "  {item} {id}:{later} 中没有",
        {"item": "problem", "id": "P2", "later": "台账.xlsx"},
    ),
    CliText.CHANGE_NEW: msg(
        "  {item} {id}: new in {later}",
        "  {item} {id}:{later} 中新增",
        {"item": "problem", "id": "P9", "later": "台账.xlsx"},
    ),
    CliText.HELP_SUMMARY_OUTPUT: msg(
        "also write the change summary as a workbook (.xlsx): a row per problem and measure, "
        "columns per document, changed cells marked; --force replaces an existing file",
        "另将变动汇总写成表格(.xlsx):每个问题、每条措施一行,每份文件一组列,有变动的单元格标色;--force 可覆盖已有文件",
        {},
    ),
    CliText.PAIRED_BY: msg(
        lambda p: {
            "id": "inspections paired by id",
            "facts": "inspections paired by inspector, target and feedback date",
            "forced": "inspections paired in order (--force)",
        }[p["pairing"]],
        lambda p: {
            "id": "按巡察编号配对",
            "facts": "按巡察组、被巡察单位和反馈日期配对",
            "forced": "按顺序强制配对(--force)",
        }[p["pairing"]],
        {"pairing": "id"},
        {"pairing": "facts"},
        {"pairing": "forced"},
    ),
    CliText.CMD_EXPORT: msg(
        "write a ledger as a workbook people can edit (.xlsx) or as CSV, or ledgers as an SQLite database",
        "将台账导出为可编辑的表格(.xlsx)或 CSV,或将多个台账导出为 SQLite 数据库",
        {},
    ),
    CliText.CMD_TEMPLATE: msg(
        "write the empty standard ledger workbook with one example row", "生成带一行示例的空白标准台账表格", {}
    ),
    CliText.HELP_CHECK: msg(
        "check documents against the schema, as a tool in another language would",
        "按 JSON Schema 检查文件,与其他语言的工具所做的相同",
        {},
    ),
    CliText.HELP_LEDGER: msg(
        "a ledger: JSON, a notice or a workbook; - for standard input",
        "台账:JSON、通报或台账表格;- 表示标准输入",
        {},
    ),
    CliText.HELP_LEDGERS: msg(
        "ledgers: JSON, notices or workbooks; - for standard input",
        "台账:JSON、通报或台账表格;- 表示标准输入",
        {},
    ),
    CliText.HELP_FILES: msg(
        "ledger JSON files, notices (.txt, .docx, .html, .pdf) or workbooks (.xlsx, .xls, .ods, .csv); "
        "a directory (every such file under it), a glob pattern (expanded here), @LIST (a file of paths, "
        "one a line), or - for standard input",
        "JSON 台账、通报(.txt、.docx、.html、.pdf)或台账表格(.xlsx、.xls、.ods、.csv);"
        "目录(其下所有此类文件)、通配模式(由本程序展开)、@清单(每行一个路径的文件),或 - 表示标准输入",
        {},
    ),
    CliText.HELP_TEXT_JSON: msg("output format: text or json", "输出格式:text(文本)或 json", {}),
    CliText.HELP_VALIDATE_FORMAT: msg(
        "text (in the order given), one JSON document, JSON Lines (one object per file as it finishes, "
        "then a summary), github (workflow annotations), or sarif (SARIF 2.1.0, for code scanning)",
        "text(按给出顺序的文本)、json(一个 JSON 文档)、jsonl(每个文件完成即输出一行,最后是汇总)、"
        "github(GitHub 工作流注释)或 sarif(SARIF 2.1.0,供代码扫描工具读取)",
        {},
    ),
    CliText.HELP_JOBS: msg(
        "worker processes (default: the cores; 1: no workers)", "工作进程数(默认:CPU 核数;1:不用工作进程)", {}
    ),
    CliText.HELP_SCHEDULER: msg(
        "run on a Dask cluster: its scheduler address; needs rectmodel[dask]",
        "在 Dask 集群上运行:调度器地址;需安装 rectmodel[dask]",
        {},
    ),
    CliText.HELP_CHUNK_FILES: msg(
        "at most N files to a task of the workers (default 256)", "每个工作任务最多 N 个文件(默认 256)", {}
    ),
    CliText.HELP_CHUNK_BYTES: msg(
        "at most SIZE bytes of files to a task (8M, 512K …; default 8M; a larger file is a task alone)",
        "每个工作任务最多 SIZE 字节的文件(如 8M、512K;默认 8M;更大的文件单独成为一个任务)",
        {},
    ),
    CliText.HELP_SELECT: msg("run only these rules (comma-separated)", "只运行这些规则(以逗号分隔)", {}),
    CliText.HELP_IGNORE: msg("skip these rules (comma-separated)", "跳过这些规则(以逗号分隔)", {}),
    CliText.HELP_SEVERITY: msg(
        "override a rule's severity: error, warning or info (repeatable)",
        "改变规则的级别:error、warning 或 info(可重复)",
        {},
    ),
    CliText.HELP_WAIVERS: msg(
        "a JSON file of accepted diagnostics, with justifications", "已接受的诊断及其理由(JSON 文件)", {}
    ),
    CliText.HELP_DUE_MONTHS: msg(
        "months after feedback by which the report is due (default 2)",
        "反馈后应在几个月内报送整改报告(默认 2)",
        {},
    ),
    CliText.HELP_RULES_FORMAT: msg(
        "output format: text, json or markdown", "输出格式:text(文本)、json 或 markdown", {}
    ),
    CliText.HELP_PARSE_FILE: msg(
        "a notice (.txt, .docx, .html, .pdf) or a workbook (.xlsx, .xls, .ods, .csv); - for standard input",
        "通报(.txt、.docx、.html、.pdf)或台账表格(.xlsx、.xls、.ods、.csv);- 表示标准输入",
        {},
    ),
    CliText.HELP_ID: msg(
        "the inspection's id (default: the file name without extension)",
        "巡察编号(默认:不含扩展名的文件名)",
        {},
    ),
    CliText.HELP_UNIT_ID: msg("a stable id of the inspected unit", "被巡察单位的稳定编号", {}),
    CliText.HELP_RENDER_FORMAT: msg("output format: text or markdown", "输出格式:text(文本)或 markdown", {}),
    CliText.HELP_GRAPH_FORMAT: msg(
        "output format: json (node-link), graphml, mermaid or dot",
        "输出格式:json(节点-边)、graphml、mermaid 或 dot",
        {},
    ),
    CliText.HELP_UNIT: msg(
        "a unit id (any of its names, through successions)", "单位编号(可用其任一名称,含沿革前后的名称)", {}
    ),
    CliText.HELP_EXPORT_FILES: msg(
        "ledgers (JSON, notices or workbooks; - for standard input); several only with --format sqlite",
        "台账(JSON、通报或台账表格;- 表示标准输入);多个文件仅限 --format sqlite",
        {},
    ),
    CliText.HELP_EXPORT_OUTPUT: msg(
        "the workbook, CSV or SQLite file to write", "要写入的表格、CSV 或 SQLite 文件", {}
    ),
    CliText.HELP_EXPORT_FORMAT: msg(
        "xlsx, csv or sqlite; default: by the output's extension (.csv; .db, .sqlite, .sqlite3; else xlsx)",
        "xlsx、csv 或 sqlite;默认按输出文件扩展名判断(.csv;.db、.sqlite、.sqlite3;其余为 xlsx)",
        {},
    ),
    CliText.HELP_INSPECTION: msg(
        "which inspection, by id, when the ledger holds several (xlsx, csv)",
        "台账含多次巡察时,按编号指定其一(xlsx、csv)",
        {},
    ),
    CliText.HELP_TEMPLATE_OUTPUT: msg(
        "the workbook (.xlsx) or CSV file to write", "要写入的表格(.xlsx)或 CSV 文件", {}
    ),
    CliText.HELP_TEMPLATE_FORMAT: msg(
        "xlsx or csv; default: by the output's extension", "xlsx 或 csv;默认按输出文件扩展名判断", {}
    ),
    CliText.HELP_SHEETS: msg("workbooks", "台账表格", {}),
    CliText.HELP_SHEETS_ABOUT: msg(
        "facts a workbook does not state, and unusual layouts", "表格中未写明的事实,以及非标准的版式", {}
    ),
    CliText.HELP_MAPPING: msg(
        "a column mapping (TOML or JSON): header to role", "列映射文件(TOML 或 JSON):表头对应的含义", {}
    ),
    CliText.HELP_INSPECTOR: msg(
        "the inspecting group, where the workbook does not name it", "巡察组(表格中未写明时)", {}
    ),
    CliText.HELP_TARGET: msg(
        "the inspected party organisation, where the workbook does not name it",
        "被巡察党组织(表格中未写明时)",
        {},
    ),
    CliText.HELP_FEEDBACK_DATE: msg(
        "the feedback date (YYYY, YYYY-MM or YYYY-MM-DD)", "反馈日期(YYYY、YYYY-MM 或 YYYY-MM-DD)", {}
    ),
    CliText.HELP_START: msg("the first day on site", "进驻日期", {}),
    CliText.HELP_END: msg("the last day on site", "巡察结束日期", {}),
    CliText.RULES_TITLE: msg("# Rules", "# 规则", {}),
    CliText.RULES_INTRO: msg(
        "Generated from the rule registry by `rectmodel rules --format markdown`; a test keeps it in sync.\n"
        "Every rule runs in one pass and reports everything it finds; none stops another.\n"
        "\n"
        "What a document must state depends on its kind (`document`: plan {plan}, ledger {ledger},\n"
        "report {report}, notice {notice}; unknown where a document does not say). Each\n"
        "column gives the rule's default severity in that kind of document; `—` means the rule does\n"
        "not apply there. `--severity RULE=LEVEL` overrides a rule wherever it applies;\n"
        "`--severity RULE:KIND=LEVEL` in one kind only, and makes it apply there.\n"
        "\n"
        "A reading miss is never the unit's fault: where a reader could not read what a rule checks, its\n"
        "own finding, located at the line or cell, stands in for the rule there. A workbook that states a\n"
        "round fact nowhere gets the warning `fact-not-stated` (naming the option that gives it: `--inspector`,\n"
        "`--target`, `--start`, `--end`, `--feedback-date`) instead of `missing-fact`, so a fault-free {ledger}\n"
        "exits 0; a JSON ledger, a notice, a Word, PDF or web document gets `missing-fact` as the table says.\n"
        "A notice problem whose measures could not be placed gets `measures-unplaced` instead of\n"
        "`problem-without-measure`; a workbook cell numbered otherwise than its measures gets `split-mismatch`,\n"
        "and a combined responsibility cell without labels `unlabelled-responsibility`, instead of the measure's rule.",
        "由 `rectmodel rules --format markdown --lang zh` 根据规则登记表生成。\n"
        "所有规则一次运行完毕,报告所发现的全部问题;任何一条规则都不会中止其他规则。\n"
        "\n"
        "文档须写明哪些内容取决于其类型(`document`:{plan}、{ledger}、{report}、{notice};\n"
        "文档未注明类型时为“未注明”)。各列为该规则在该类文档中的默认严重程度;“—”表示该规则不适用于该类文档。\n"
        "`--severity 规则=级别` 在规则适用之处改变其严重程度;`--severity 规则:类型=级别` 只在一类文档中改变,"
        "并使其在该类文档中适用。\n"
        "\n"
        "读取失误绝不算作被巡察单位的问题:读取器未能读出某条规则所检查的内容时,由读取器在该行或该单元格给出的提示代替该规则。"
        "工作簿未载明某项巡察要素时,给出警告 `fact-not-stated`(并说明可用哪个选项补充:`--inspector`、`--target`、"
        "`--start`、`--end`、`--feedback-date`),而不报告 `missing-fact`,因此没有问题的{ledger}退出码为 0;"
        "JSON 台账、通报以及文字处理文档、便携文档、网页文档仍按上表报告 `missing-fact`。"
        "通报中未能读出整改措施的问题给出 `measures-unplaced`,代替 `problem-without-measure`;"
        "工作簿中编号与整改措施对不上的单元格给出 `split-mismatch`,未标明角色的“责任分工”单元格给出 "
        "`unlabelled-responsibility`,代替相应的措施规则。",
        {"plan": "整改方案", "ledger": "整改台账", "report": "整改情况报告", "notice": "整改进展情况通报"},
    ),
    CliText.RULES_RULE: msg("rule", "规则", {}),
    CliText.RULES_REQUIRES: msg("requires", "要求", {}),
    CliText.RULES_DEFAULT: msg(
        "{summary} Default severity: **{severity}**. Applies to: {kinds}.",
        "{summary}默认严重程度:**{severity}**。适用于:{kinds}。",
        {"summary": "Every problem has at least one measure.", "severity": "error", "kinds": "plan, ledger"},
    ),
    CliText.RULES_EXAMPLE: msg("Example:", "示例:", {}),
    CliText.RULES_PARAMS: msg("Parameters: `{params}`", "参数:`{params}`", {"params": '{"problem": "P5"}'}),
    CliText.RULES_COMPARISONS: msg("Comparisons (`rectmodel reconcile`)", "对账比对项(`rectmodel reconcile`)", {}),
    CliText.RULES_COMPARISONS_INTRO: msg(
        "`rectmodel reconcile` compares each document of a round with the one written before it\n"
        "(docs/reconcile.md). Each comparison's finding is located in both documents, names the documents\n"
        "by their files, and is waived with `--waivers` like a rule's.",
        "`rectmodel reconcile` 将本轮每份文件与其前一份文件逐项比对(见 docs/reconcile.md)。"
        "每个比对结果同时定位到两份文件,以文件名称呼两份文件,并可像规则一样用 `--waivers` 豁免。",
        {},
    ),
    CliText.RULES_SEVERITY: msg("default severity", "默认严重程度", {}),
    CliText.RULES_COMPARES: msg("compares", "比对对象", {}),
    CliText.RULES_RELATED: msg("Related: `{related}`", "相关位置:`{related}`", {"related": "/inspections/0/end"}),
}
