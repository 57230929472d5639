"""PartialDate: parsing, precision and honest comparison."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectmodel import PartialDate


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2020", "year", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ("2020-02", "month", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2021-02", "month", dt.date(2021, 2, 1), dt.date(2021, 2, 28)),
        ("2021-08-04", "day", dt.date(2021, 8, 4), dt.date(2021, 8, 4)),
    ],
)
def test_parse_gives_precision_and_span(text: str, precision: str, first: dt.date, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, date.first, date.last, date.isoformat()) == (precision, first, last, text)


@pytest.mark.parametrize(
    "text", ["２０２１-05-10", "2021-13-01", "2021-02-30", "2021-8-4", "21-08-04", "2021/08/04", "", "0000"]
)
def test_parse_refuses_what_is_not_a_real_date(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        PartialDate.parse(text)


def test_a_day_needs_a_month() -> None:
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(2021, None, 3)


def test_month_precision_is_not_certainly_before_a_day_inside_it() -> None:
    october = PartialDate(2020, 10)
    assert not october.certainly_before(PartialDate(2020, 10, 5))
    assert not PartialDate(2020, 10, 5).certainly_before(october)
    assert october.certainly_before(PartialDate(2020, 11, 1))
    assert PartialDate(2020, 11, 1).certainly_after(october)
    assert PartialDate(2020, 11, 30).days_after(october) == 30


@given(st.dates(min_value=dt.date(1, 1, 1)), st.dates(min_value=dt.date(1, 1, 1)))
def test_certainly_before_agrees_with_dates_at_day_precision(a: dt.date, b: dt.date) -> None:
    assert PartialDate.from_date(a).certainly_before(PartialDate.from_date(b)) == (a < b)


@given(st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_isoformat_round_trips(day: dt.date, precision: str) -> None:
    date = PartialDate(day.year, None if precision == "year" else day.month, day.day if precision == "day" else None)
    assert PartialDate.parse(date.isoformat()) == date
    assert date.first <= day <= date.last
