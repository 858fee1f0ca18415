"""Working days and the 6-working-day receipt deadline, across Danish holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.deadlines import acknowledgement_due, add_working_days, is_overdue, is_working_day


def test_a_notification_received_on_a_monday_is_due_the_next_tuesday() -> None:
    # Day after receipt counts first: Tue, Wed, Thu, Fri, Mon, Tue.
    assert acknowledgement_due(datetime(2026, 11, 16, 10, 0)) == date(2026, 11, 24)


def test_weekend_receipt_counts_from_monday() -> None:
    assert acknowledgement_due(datetime(2026, 11, 21, 12, 0)) == date(2026, 11, 30)


def test_easter_days_are_not_working_days() -> None:
    # Easter 2026: Maundy Thursday 2 April, Good Friday 3 April, Easter Monday 6 April.
    for holiday in (date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 6)):
        assert not is_working_day(holiday)
    # Received Tuesday 31 March: Wed 1, Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    assert acknowledgement_due(datetime(2026, 3, 31, 9, 0)) == date(2026, 4, 13)


def test_christmas_and_new_year_push_the_deadline_into_january() -> None:
    # Received Tuesday 22 December 2026: Wed 23, Mon 28, Tue 29, Wed 30, Mon 4, Tue 5 January
    # (24, 25 and 31 December and 1 January are closed; 26 December is a Saturday).
    assert acknowledgement_due(datetime(2026, 12, 22, 14, 0)) == date(2027, 1, 5)


def test_constitution_day_is_a_closed_day() -> None:
    assert not is_working_day(date(2026, 6, 5))
    assert add_working_days(date(2026, 6, 4), 1) == date(2026, 6, 8)


def test_ascension_and_whit_monday_are_closed_days() -> None:
    assert not is_working_day(date(2026, 5, 14))
    assert not is_working_day(date(2026, 5, 25))


def test_great_prayer_day_is_a_working_day_since_2024() -> None:
    assert is_working_day(date(2024, 4, 26))  # former Store Bededag
    assert not is_working_day(date(2023, 5, 5))  # last Store Bededag


def test_the_receipt_time_is_read_in_danish_time() -> None:
    # 23:30 UTC on Friday 19 June 2026 is already Saturday in Copenhagen (UTC+2).
    friday_late = datetime(2026, 6, 19, 23, 30, tzinfo=UTC)
    saturday_morning_local = datetime(2026, 6, 20, 1, 30, tzinfo=timezone(timedelta(hours=2)))
    assert acknowledgement_due(friday_late) == acknowledgement_due(saturday_morning_local)
    assert acknowledgement_due(friday_late) == date(2026, 6, 29)


def test_overdue_starts_the_day_after_the_due_date() -> None:
    due = date(2026, 11, 24)
    assert not is_overdue(due, date(2026, 11, 24))
    assert is_overdue(due, date(2026, 11, 25))


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 1, 5), -1)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 30))
def test_adding_working_days_lands_on_a_working_day_after_the_start(start: date, n: int) -> None:
    result = add_working_days(start, n)
    assert result >= start
    if n:
        assert result > start and is_working_day(result)
        days = [start + timedelta(days=i) for i in range(1, (result - start).days + 1)]
        assert sum(is_working_day(d) for d in days) == n
    else:
        assert result == start
