"""CPR numbers: format, existing dates, the century table, modulus 11 and fictitious numbers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.cpr import (
    CprInvalid,
    century_year,
    is_fictitious,
    is_valid_cpr,
    make_fictitious,
    parse_cpr,
)


def test_a_valid_number_with_and_without_dash_gives_the_birth_date() -> None:
    with_dash = parse_cpr("211062-0627")
    without = parse_cpr("2110620627")
    assert with_dash == without
    assert with_dash.birth_date == date(1962, 10, 21)
    assert with_dash.digits == "2110620627"
    assert with_dash.formatted() == "211062-0627"
    assert with_dash.passes_modulus11


def test_surrounding_spaces_are_forgiven() -> None:
    assert parse_cpr("  2110620627 ").digits == "2110620627"


@pytest.mark.parametrize(
    "text", ["", "21106-5629", "211062 5629", "21106256290", "abcdefghij", "211062--5629"]
)
def test_malformed_numbers_are_refused_as_format(text: str) -> None:
    with pytest.raises(CprInvalid) as caught:
        parse_cpr(text)
    assert caught.value.message_id == "cpr.format"


@pytest.mark.parametrize("text", ["3102104000", "0013104000", "3204104000", "2902014000", "610110-4000"])
def test_dates_that_do_not_exist_are_refused_as_date(text: str) -> None:
    with pytest.raises(CprInvalid) as caught:
        parse_cpr(text)
    assert caught.value.message_id == "cpr.date"


def test_the_error_never_carries_the_number() -> None:
    with pytest.raises(CprInvalid) as caught:
        parse_cpr("3102104000")
    assert "3102104000" not in str(caught.value)
    assert "310210" not in repr(caught.value.details)
    assert "3102" not in repr(parse_cpr("2110620627"))


def test_29_february_exists_only_in_leap_years() -> None:
    assert parse_cpr("290220-4000").birth_date == date(2020, 2, 29)
    with pytest.raises(CprInvalid):
        parse_cpr("290221-4000")


@pytest.mark.parametrize(
    ("yy", "digit", "year"),
    [
        (0, 0, 1900),
        (36, 3, 1936),
        (99, 1, 1999),
        (57, 2, 1957),  # 0-3: always 1900s
        (0, 4, 2000),
        (36, 4, 2036),
        (37, 4, 1937),
        (99, 9, 1999),  # 4, 9: 2000s up to 36
        (36, 9, 2036),
        (37, 9, 1937),
        (0, 5, 2000),
        (57, 6, 2057),
        (58, 7, 1858),
        (99, 8, 1899),  # 5-8: 2000s up to 57, else 1800s
    ],
)
def test_century_follows_the_cpr_office_table(yy: int, digit: int, year: int) -> None:
    assert century_year(yy, digit) == year


def test_century_is_applied_when_parsing() -> None:
    assert parse_cpr("010115-4003").birth_date == date(2015, 1, 1)
    assert parse_cpr("010170-4003").birth_date == date(1970, 1, 1)
    assert parse_cpr("010190-6003").birth_date == date(1890, 1, 1)
    assert parse_cpr("010140-6003").birth_date == date(2040, 1, 1)


def test_a_number_failing_modulus_11_is_still_valid_and_only_flagged() -> None:
    cpr = parse_cpr("211062-0628")
    assert cpr.birth_date == date(1962, 10, 21)
    assert not cpr.passes_modulus11
    assert is_valid_cpr("211062-0628")


def test_fictitious_numbers_fail_modulus_11_on_a_date_other_than_1_january() -> None:
    demo = parse_cpr("150320-4001")
    assert not demo.passes_modulus11
    assert is_fictitious(demo)
    # 1 January: the CPR office has issued real numbers without modulus 11 for such dates.
    new_year = parse_cpr("010165-4000")  # 4001 would pass modulus 11
    assert not new_year.passes_modulus11
    assert not is_fictitious(new_year)
    # An ordinary number that passes modulus 11 could belong to anyone.
    assert not is_fictitious(parse_cpr("211062-0627"))


@given(st.dates(min_value=date(1858, 1, 1), max_value=date(2057, 12, 31)), st.integers(0, 50))
def test_demo_numbers_can_be_made_for_any_birth_date_but_1_january(birth: date, serial: int) -> None:
    if (birth.month, birth.day) == (1, 1):
        with pytest.raises(ValueError, match="1 January"):
            make_fictitious(birth, serial)
        return
    cpr = make_fictitious(birth, serial)
    assert cpr.birth_date == birth
    assert is_fictitious(cpr)
    assert parse_cpr(cpr.formatted()) == cpr
    if serial:
        assert make_fictitious(birth, serial - 1) != cpr


@given(st.dates(min_value=date(1858, 1, 1), max_value=date(2057, 12, 31)), st.integers(0, 999))
def test_every_existing_birth_date_round_trips_through_a_number(birth: date, serial: int) -> None:
    yy = birth.year % 100
    digit = (
        next(d for d in range(10) if century_year(yy, d) == birth.year)
        if any(century_year(yy, d) == birth.year for d in range(10))
        else None
    )
    if digit is None:
        return
    text = f"{birth:%d%m}{yy:02d}{digit}{serial:03d}"
    assert parse_cpr(text).birth_date == birth


@given(st.text(max_size=14))
def test_parsing_arbitrary_text_either_succeeds_or_raises_cpr_invalid(text: str) -> None:
    try:
        parse_cpr(text)
    except CprInvalid as exc:
        assert exc.message_id in ("cpr.format", "cpr.date")
