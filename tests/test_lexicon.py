"""The genre's lexicon: Chinese numerals checked against cn2an, and the date grammar form by form."""

from __future__ import annotations

import re
from pathlib import Path

import cn2an
import pytest

from rectmodel._lexicon import (
    KIND_NAMES,
    NOTICE_KIND_WORDS,
    date_text,
    deadline_text,
    fold,
    kind_of,
    ordinal,
    parse_date_text,
    parse_deadline_text,
    read_dates,
    read_number,
    width,
    write_number,
)
from rectmodel._lexicon.furniture import CONTACT, FURNITURE_IN, FURNITURE_LINE
from rectmodel.dates import DeadlineTerm, PartialDate
from rectmodel.model import InspectionKind

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "rectmodel"


def test_the_numeral_writer_and_reader_agree_with_cn2an_from_zero_to_99999() -> None:
    wrong = []
    for n in range(100_000):
        theirs = cn2an.an2cn(n)
        if write_number(n) != theirs or read_number(theirs) != n or read_number(str(n)) != n:
            wrong.append((n, write_number(n), theirs, read_number(theirs)))
    assert wrong == []


def test_the_numeral_reader_reads_what_cn2an_reads_back_from_our_writing() -> None:
    for n in (*range(0, 1000, 7), 10_010, 20_305, 99_999):
        assert cn2an.cn2an(write_number(n), "strict") == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两", 2),
        ("两千", 2000),
        ("一百", 100),
        ("〇", 0),
        ("零", 0),
        ("十", 10),
        ("十二", 12),
        ("一百十", 110),
        ("一百五", 150),
        ("两千五", 2500),
        ("三万五", 35_000),
        ("三万零五", 30_005),
        ("2十", 20),
        ("3百", 300),
        ("12万", 120_000),
        ("146", 146),
    ],
)
def test_the_numeral_reader_reads_the_forms_documents_write(text: str, value: int) -> None:
    assert read_number(text) == value


@pytest.mark.parametrize("text", ["", "第", "一一", "十百", "百", "一百零", "零五", "一万万", "12十"])
def test_the_numeral_reader_refuses_what_is_no_number(text: str) -> None:
    assert read_number(text) is None


def test_ordinals_are_chinese_to_99_and_digits_beyond() -> None:
    assert [ordinal(n) for n in (1, 10, 11, 20, 99, 100, 0)] == ["一", "十", "十一", "二十", "九十九", "100", "0"]


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("2021年3月11日至6月18日", ["2021-03-11", "2021-06-18"]),
        (fold("２０２１年３月１１日"), ["2021-03-11"]),  # full-width digits, folded as every reader folds
        ("2022 年 3 月 8 日", ["2022-03-08"]),  # a PDF text layer's spaces
        ("2022年3月上旬", ["2022-03"]),
        ("2022年3月中旬至5月下旬", ["2022-03", "2022-05"]),
        ("2021年12月底", ["2021-12"]),
        ("2021年9月份", ["2021-09"]),
        ("二〇二一年十一月十二日", ["2021-11-12"]),
        ("2021-9-30", ["2021-09-30"]),
        ("20241021日至1212日", ["2024-10-21", "2024-12-12"]),
        ("2021年11月,12月3日", ["2021-11", "2021-12-03"]),
        ("截至2021年底", []),  # a year's end in running text is the time of something else
    ],
)
def test_the_date_grammar_reads_every_form_of_a_notice(line: str, dates: list[str]) -> None:
    assert [str(r.date) for r in read_dates(line, None)] == dates


def test_a_yearless_date_earlier_than_the_one_before_it_is_next_year() -> None:
    assert [str(r.date) for r in read_dates("12月1日至1月15日", PartialDate(2021))] == ["2021-12-01", "2022-01-15"]


def test_a_date_whose_separators_were_lost_two_ways_is_reported_ambiguous() -> None:
    [reading] = read_dates("于2024111日", None)
    assert (reading.date, reading.problem, reading.readings) == (None, "ambiguous", ("2024-01-11", "2024-11-01"))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2021年9月30日", "2021-09-30"),
        ("２０２１年９月３０日", "2021-09-30"),
        ("2021.9.30", "2021-09-30"),
        ("2021/9/30", "2021-09-30"),
        ("20210930", "2021-09-30"),
        ("2021年12月底前", "2021-12"),
        ("2021年12月下旬", "2021-12"),
        ("2021年底", "2021"),
        ("2021年底前", "2021"),
        ("2021年度", "2021"),
        ("2021 年 9 月", "2021-09"),
        ("2021年2月30日", None),
        ("9月底", None),
        ("2021年9月、2022年3月", None),
    ],
)
def test_the_date_grammar_reads_the_one_date_of_a_cell(text: str, date: str | None) -> None:
    read = parse_date_text(text)
    assert (None if read is None else str(read)) == date


def test_a_deadline_is_a_date_or_a_term_and_never_a_term_beside_an_unread_date() -> None:
    assert parse_deadline_text("长期坚持") is DeadlineTerm.LONG_TERM
    assert parse_deadline_text("立行立改") is DeadlineTerm.IMMEDIATE
    assert parse_deadline_text("2021年13月长期坚持") is None


@pytest.mark.parametrize("date", [PartialDate(2021, 9, 30), PartialDate(2021, 12), PartialDate(2021)])
def test_the_date_writers_write_what_both_readers_read_back(date: PartialDate) -> None:
    assert parse_date_text(date_text(date)) == date
    assert parse_date_text(deadline_text(date)) == date
    assert [r.date for r in read_dates(date_text(date) + "召开会议", None)] == [date]


def test_every_kind_of_round_the_writers_name_reads_back_as_that_kind() -> None:
    for kind, name in KIND_NAMES.items():
        assert kind_of(name) is kind
    assert kind_of(NOTICE_KIND_WORDS[InspectionKind.REGULAR][1]) is InspectionKind.REGULAR


def test_page_furniture_is_found_as_a_line_and_inside_a_meta_line() -> None:
    assert FURNITURE_LINE.match("发布时间:2023-05-06")
    assert FURNITURE_LINE.match("【打印】")
    assert FURNITURE_IN.search("2023-05-06 来源:市委巡察办 字号:大 中 小")
    assert not FURNITURE_LINE.match("整改情况:已完成")
    assert CONTACT.search("欢迎广大干部群众对巡察整改落实情况进行监督")


def test_display_width_counts_wide_characters_twice_and_ambiguous_ones_as_asked() -> None:
    assert (width("整改ab"), width("①"), width("①", ambiguous=2), width("一二\n三")) == (6, 1, 2, 4)


def test_the_numeral_alphabet_and_the_date_words_are_spelled_only_in_the_lexicon() -> None:
    spelled = re.compile("一二三四五六七八九|上旬|中旬|下旬")
    outside = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "_lexicon" not in path.parts and spelled.search(path.read_text("utf-8"))
    ]
    assert outside == []
