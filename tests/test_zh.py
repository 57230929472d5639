"""Chinese all the way: with ``--lang zh``, or in a Chinese locale, every subcommand speaks Chinese.

Each test runs a subcommand and strips from its output what is not a word of ours: file
names and paths, JSON Pointers, rule names and codes, ids, numbers and dates; what is left
must hold no English word. Outputs that are the document itself (the ledger ``parse``
writes, the workbook ``export`` and ``template`` write, the notice ``render`` writes, the
graph ``graph`` exports) are written to files and not checked; in JSON output only the
messages are (its keys and values are data, the same in every language).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectmodel.cli import _locale_lang, main
from rectmodel.messages import WaiverCode
from rectmodel.rules import RULES
from rectmodel.sheets._table import ROLES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LEDGER = str(EXAMPLES / "jiangmen-2021.json")
ROUNDS = str(EXAMPLES / "synthetic-multi-round.json")
WORKBOOK = str(EXAMPLES / "synthetic-ledger.xlsx")

# Words a Chinese clerk reads as they are, in Chinese text too: the name of the program, and
# the names of formats and encodings (JSON, UTF-8 and its byte order mark).
ALLOWED = frozenset({"rectmodel", "JSON", "UTF", "BOM"})

_NAMES = sorted({*RULES, "load", "parse", "sheet", *WaiverCode}, key=len, reverse=True)
_NOT_WORDS = (
    re.compile(r"`[^`\n]*`"),  # code in Markdown: an option, an example command, parameters
    re.compile(r"(?<!\S)--[a-z][a-z-]*"),  # an option's name (--force)
    re.compile(r"\S*[/\\]\S*"),  # paths, JSON Pointers, fractions
    re.compile(r"\S+\.(?:json|txt|xlsx|csv|db|md)\b"),  # file names
    re.compile(r"\b(?:" + "|".join(map(re.escape, _NAMES)) + r")\b"),  # rule names and codes
    re.compile(r"\b[\w-]*\d[\w-]*\b"),  # ids (P1-M2, jiangmen-zsj-2021), cells (E3), numbers and dates
    re.compile(r"\b[a-z]+(?:-[a-z0-9]+)+\b"),  # kebab-case ids (xugou-sjj)
)


def english_words(text: str) -> set[str]:
    """The English words in *text* outside names, pointers, ids and numbers, and not allowed."""
    for pattern in _NOT_WORDS:
        text = pattern.sub(" ", text)
    return set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED


def messages(value: object) -> Iterator[str]:
    """The human text of a JSON output: its ``message`` and ``summary`` strings."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("message", "summary") and isinstance(item, str):
                yield item
            else:
                yield from messages(item)
    elif isinstance(value, list):
        for item in value:
            yield from messages(item)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """A notice, a broken JSON file, a missing one, a waivers file, and where outputs go."""
    notice = tmp_path / "通报.txt"
    assert main(["render", LEDGER, "-o", str(notice), "--lang", "en"]) == 0
    broken = tmp_path / "broken.json"
    broken.write_text('{"inspections": [{"id": "x",}]}', encoding="utf-8")
    waivers = tmp_path / "waivers.json"
    waiver = {"rule": "report-overdue", "pointer": "/inspections/9/report_date", "justification": "已同意"}
    waivers.write_text(json.dumps({"waivers": [waiver]}), encoding="utf-8")
    return {
        "notice": str(notice),
        "broken": str(broken),
        "missing": str(tmp_path / "missing.json"),
        "waivers": str(waivers),
        "out": str(tmp_path / "out"),
    }


def _commands(f: dict[str, str]) -> list[list[str]]:
    """Every subcommand, in its common uses and with a file it cannot read."""
    return [
        ["schema", "-o", f"{f['out']}.schema.json"],
        ["schema", "--check", f["broken"], LEDGER],
        ["stats", LEDGER],
        ["stats", f["broken"]],
        ["validate", LEDGER, f["notice"], WORKBOOK, f["broken"], f["missing"], "--waivers", f["waivers"]],
        ["validate", "--select", "report-overdue", LEDGER],
        ["rules"],
        ["rules", "--format", "markdown"],
        ["parse", f["notice"], "-o", f"{f['out']}.json"],
        ["parse", WORKBOOK, "-o", f"{f['out']}.sheet.json"],
        ["parse", f["missing"], "-o", f"{f['out']}.json"],
        ["export", LEDGER, "-o", f"{f['out']}.xlsx"],
        ["export", LEDGER, "-o", f"{f['out']}.db"],
        ["export", f["broken"], "-o", f"{f['out']}.csv"],
        ["template", "-o", f"{f['out']}.template.xlsx"],
        ["render", LEDGER, "-o", f"{f['out']}.txt"],
        ["render", f["missing"]],
        ["graph", ROUNDS, "--format", "mermaid", "-o", f"{f['out']}.mmd"],
        ["graph", ROUNDS, f["broken"]],
        ["history", "xugou-sjj", ROUNDS],
        ["history", "xugou-nowhere", ROUNDS],
        ["reconcile", LEDGER, LEDGER],
        ["reconcile", LEDGER, WORKBOOK],
        ["reconcile", f["broken"], LEDGER],
    ]


_JSON_COMMANDS = (
    ["validate", "--format", "json", LEDGER, "{broken}", "{missing}"],
    ["validate", "--format", "jsonl", LEDGER, "{broken}"],
    ["rules", "--format", "json"],
)


def _text_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    main(argv)
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize("how", ["flag", "locale"])
def test_every_subcommand_speaks_chinese(
    how: str, files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With ``--lang zh``, or in a Chinese locale without the flag, no output holds an English word."""
    if how == "locale":
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    flag = ["--lang", "zh"] if how == "flag" else []
    found = {}
    for argv in _commands(files):
        text = _text_of([*argv, *flag], capsys)
        assert text or argv[0] in ("schema", "parse", "export", "template", "render", "graph"), argv
        if words := english_words(text):
            found[" ".join(argv[:2])] = (sorted(words), text[:600])
    assert not found


@pytest.mark.parametrize("how", ["flag", "locale"])
def test_json_output_keeps_its_keys_and_speaks_chinese_in_its_messages(
    how: str, files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if how == "locale":
        monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    flag = ["--lang", "zh"] if how == "flag" else []
    for template in _JSON_COMMANDS:
        argv = [a.format(**files) for a in template]
        main([*argv, *flag])
        out = capsys.readouterr().out
        records = [json.loads(line) for line in out.splitlines()] if "jsonl" in argv else [json.loads(out)]
        texts = [text for record in records for text in messages(record)]
        assert texts, argv
        assert not [t for t in texts if english_words(t)], argv
        if argv[0] == "rules":
            assert {"name", "severity", "kinds", "summary"} == set(records[0][0])


def test_json_syntax_errors_are_translated_with_their_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = {
        '{"a" 1}': ("此处应为冒号", 1, 6),
        "{\n  a: 1}": ("此处应为双引号括起的键名", 2, 3),
        "[1 2]": ("此处应为逗号", 1, 4),
        '{"a": }': ("此处应为一个值", 1, 7),
        '{"a": "x': ("字符串未结束", 1, 7),
        "{} x": ("文档结束后还有多余内容", 1, 4),
        '{"a": "\\q"}': ("非法的转义序列", 1, 8),
        '{"a": "\x01"}': ("非法的控制字符", 1, 8),
    }
    for n, (text, (words, line, column)) in enumerate(cases.items()):
        path = tmp_path / f"{n}.json"
        path.write_text(text, encoding="utf-8")
        assert main(["stats", str(path), "--lang", "zh"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"{path}:{line}:{column}: 错误 load: 不是合法的 JSON:"), err
        assert words in err, err
        assert not english_words(err), err


def test_the_flag_wins_over_a_chinese_locale(
    files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    text = _text_of(["validate", "--lang", "en", LEDGER, files["broken"]], capsys)
    assert "warning report-overdue: report of 2021-11-12" in text
    assert "error load: not JSON: Expecting property name enclosed in double quotes" in text
    assert text.endswith("2 files: 1 error, 1 warning, 1 info, 0 waived\n")
    rules = _text_of(["rules", "--lang", "en"], capsys)
    assert "problem-without-measure         error    Every problem has at least one measure." in rules
    assert "错误" not in rules


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),  # the first one set decides
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # an empty one is not set
    ],
)
def test_the_locale_decides_the_default_language(environ: dict[str, str], lang: str) -> None:
    assert _locale_lang(environ) == lang


def test_english_stays_the_default_outside_a_chinese_locale(capsys: pytest.CaptureFixture[str]) -> None:
    text = _text_of(["validate", "--select", "report-overdue", LEDGER], capsys)
    assert "warning report-overdue" in text
    assert text.endswith("1 file: 0 errors, 1 warning, 0 infos, 0 waived\n")


# Names a Chinese clerk reads as they are in the help: formats and products (JSON Schema, CSV, PDF,
# Word, SQLite, SARIF, TOML, GitHub, Dask, CPU), the extra that installs Dask, spreadsheet extensions, the date
# pattern, and
# the severities --severity takes.
HELP_NAMES = frozenset(
    {"Schema", "CSV", "PDF", "Word", "SQLite", "SARIF", "TOML", "GitHub", "Dask", "CPU", "ods", "xls"}
    | {"dask", "YYYY", "MM", "DD", "error", "warning", "info"}
)
TYPED = frozenset({"qqq", "jsn", "bogus", "valdate"})  # what the tests type: argparse quotes it back


def _parser_words() -> frozenset[str]:
    """What the user types as it is: every option's name, its metavar, its choices, and the command names."""
    import argparse

    from rectmodel.cli import COMMANDS
    from rectmodel.cli._parser import parser

    top = parser("zh", COMMANDS)
    (sub,) = (a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    words = {"COMMAND"}
    for command in [top, *sub.choices.values()]:
        for action in command._actions:
            names = [*action.option_strings, str(action.metavar or ""), *map(str, action.choices or ())]
            if action.option_strings and action.nargs != 0 and action.metavar is None:
                names.append(action.dest.upper())
            words.update(w for name in names for w in re.findall(r"[A-Za-z]{2,}", name))
    return frozenset(words | set(sub.choices))


def _help_and_errors() -> Iterator[list[str]]:
    """Every subcommand's help and argparse's error paths: a missing argument, an unknown option, a bad choice."""
    from rectmodel.cli import COMMANDS

    yield ["--help"]
    yield []
    yield ["valdate"]
    yield ["--bogus"]
    for command in COMMANDS:
        yield [command.name, "--help"]
        if command.name not in ("schema", "rules"):  # these two run without arguments
            yield [command.name]
        yield [command.name, "--bogus"]
        yield [command.name, "--format", "qqq"]
        yield [command.name, "--format", "jsn"]
        yield [command.name, "--input", "qqq"]
        yield [command.name, "-o"]


@pytest.mark.parametrize("how", ["flag", "locale"])
def test_help_and_usage_errors_of_every_subcommand_are_chinese(
    how: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse's own words too (``usage:``, ``error:``, ``the following arguments are required`` …)."""
    if how == "locale":
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    allowed = _parser_words() | HELP_NAMES | TYPED
    found = {}
    for argv in _help_and_errors():
        code = main([*argv, *(["--lang", "zh"] if how == "flag" else [])])
        text = "".join(capsys.readouterr())
        assert text.strip(), argv
        assert code in (0, 2), argv
        if words := english_words(text) - allowed:
            found[" ".join(argv)] = (sorted(words), text[:400])
    assert not found


def test_the_english_words_of_argparse_are_gone_from_chinese_help(capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", "--help", "--lang", "zh"])
    help = capsys.readouterr().out
    assert help.startswith("用法:rectmodel validate ")
    assert "\n位置参数:\n" in help
    assert "\n选项:\n" in help
    assert main(["validate", "--lang", "zh"]) == 2
    assert capsys.readouterr().err.endswith("rectmodel validate: 错误:缺少必需的参数:FILE\n")
    assert main(["validate", "--lang", "en"]) == 2
    assert capsys.readouterr().err.endswith("rectmodel validate: error: the following arguments are required: FILE\n")


def test_the_compiled_catalogue_is_up_to_date_with_its_po_file() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "msgfmt.py"), "--check"], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()


def test_the_catalogue_holds_every_word_argparse_says() -> None:
    """Each msgid argparse looks up (read from its source) has a translation: a new Python adds none unnoticed."""
    import argparse
    import gettext
    import inspect

    source = inspect.getsource(argparse)
    words = gettext.translation("argparse", str(ROOT / "src" / "rectmodel" / "cli" / "locale"), languages=["zh_CN"])
    user_facing = {m for m in re.findall(r"\b_\('((?:[^'\\]|\\.)*)'\)", source) if "%r is not callable" not in m}
    internal = {m for m in user_facing if re.search(r"conflict|cannot|dest=|required' is|mutually|__call__", m)}
    missing = [m for m in sorted(user_facing - internal) if words.gettext(m.encode().decode("unicode_escape")) == m]
    assert missing == []


def test_the_wheel_ships_the_compiled_catalogue(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    pytest.importorskip("hatchling")
    code = f"from hatchling.build import build_wheel; build_wheel({str(tmp_path)!r})"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        mo = z.read("rectmodel/cli/locale/zh_CN/LC_MESSAGES/argparse.mo")
    assert mo == (ROOT / "src" / "rectmodel" / "cli" / "locale" / "zh_CN" / "LC_MESSAGES" / "argparse.mo").read_bytes()


# A column mapping file's own vocabulary (its keys and the roles a column may take) is written
# so in the file whatever the language, like an option's name: a Chinese message names it as is.
_MAPPING_WORDS = frozenset({"columns", "sheet", "header", "row", "ignore", "TOML", *(
    word for role in ROLES for word in re.findall(r"[A-Za-z]{2,}", role))})  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param(
            "映射.toml",
            'sheet = 3\nheader_row = 0\n标题 = "x"\n[columns]\n"牵头处室" = "lead"\n"内部编号" = 7\n" " = "measure"\n',
            id="every-problem-of-a-toml-mapping",
        ),
        pytest.param("映射.toml", 'sheet = "台账\n', id="toml-syntax"),
        pytest.param("映射.toml", "[columns]\n牵头处室 = \n", id="toml-value"),
        pytest.param("映射.json", '{"columns": {"牵头处室": }}', id="json-syntax"),
        pytest.param("映射.json", '[{"columns": {}}]', id="not-a-table"),
        pytest.param("映射.json", '{"columns": ["measure"]}', id="columns-not-a-table"),
        pytest.param("映射.json", '{"sheet": "没有这张表"}', id="no-such-sheet"),
        pytest.param("映射.json", b'{"columns": {"\xff": "measure"}}', id="not-utf8"),
    ],
)
def test_a_column_mapping_s_problems_are_said_in_chinese(
    name: str, content: str | bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What is wrong with a ``--mapping`` file, ours or its parser's, is said in Chinese, keys and roles as written."""
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    text = _text_of(["validate", WORKBOOK, "--mapping", str(path), "--lang", "zh"], capsys)
    said = [line for line in text.splitlines() if "列映射文件" in line]
    assert said, text
    assert not english_words("\n".join(said)) - _MAPPING_WORDS, said


def test_the_report_due_months_out_of_range_is_refused_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", LEDGER, "--report-due-months", "5000", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert "5000" in err, err
    assert not english_words(err), err
    assert main(["validate", LEDGER, "--report-due-months", "5000"]) == 2
    assert capsys.readouterr().err == "rectmodel: report_due_months must be from 0 to 1200, not 5000\n"
