"""Age bands from birth date (or an unborn child), which decide the signals shown."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.age import AgeOutOfRange, age_band, age_in_years, try_age_band
from desktop.domain.document import AgeBand

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("birth", "band"),
    [
        (date(2026, 11, 23), AgeBand.AGE_0_2),  # born today
        (date(2023, 11, 24), AgeBand.AGE_0_2),  # 2 years and 364 days
        (date(2023, 11, 23), AgeBand.AGE_3_5),  # third birthday today
        (date(2020, 11, 24), AgeBand.AGE_3_5),
        (date(2020, 11, 23), AgeBand.AGE_6_12),
        (date(2013, 11, 24), AgeBand.AGE_6_12),
        (date(2013, 11, 23), AgeBand.AGE_13_17),
        (date(2008, 11, 24), AgeBand.AGE_13_17),  # the day before turning 18
    ],
)
def test_band_boundaries_fall_on_birthdays(birth: date, band: AgeBand) -> None:
    assert age_band(birth, unborn=False, today=TODAY) is band


def test_an_unborn_child_has_its_own_band() -> None:
    assert age_band(None, unborn=True, today=TODAY) is AgeBand.UNBORN


@pytest.mark.parametrize("birth", [None, date(2026, 11, 24), date(2008, 11, 23), date(1990, 1, 1)])
def test_no_band_for_a_missing_future_or_adult_birth_date(birth: date | None) -> None:
    with pytest.raises(AgeOutOfRange):
        age_band(birth, unborn=False, today=TODAY)
    assert try_age_band(birth, unborn=False, today=TODAY) is None


def test_a_leap_day_child_turns_a_year_older_on_1_march() -> None:
    assert age_in_years(date(2020, 2, 29), date(2023, 2, 28)) == 2
    assert age_in_years(date(2020, 2, 29), date(2023, 3, 1)) == 3
