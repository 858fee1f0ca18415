"""The child's age band, which decides which concern signals a pack shows."""

from __future__ import annotations

from datetime import date

from desktop.domain.document import AgeBand

#: Bands in order, with the first age (in whole years) each one covers.
_BANDS: tuple[tuple[int, AgeBand], ...] = (
    (13, AgeBand.AGE_13_17),
    (6, AgeBand.AGE_6_12),
    (3, AgeBand.AGE_3_5),
    (0, AgeBand.AGE_0_2),
)


class AgeOutOfRange(ValueError):  # noqa: N818 - house style: errors named for what happened
    """The birth date lies in the future or the person is 18 or older."""


def age_in_years(birth_date: date, today: date) -> int:
    """Completed years on ``today`` (a 29 February birthday counts from 1 March)."""
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def age_band(birth_date: date | None, *, unborn: bool, today: date) -> AgeBand:
    """The band for a child born on ``birth_date`` (or an unborn child).

    Raises AgeOutOfRange when ``birth_date`` is missing, in the future or 18+
    years ago: the form then asks the user to check the date.
    """
    if unborn:
        return AgeBand.UNBORN
    if birth_date is None or birth_date > today:
        raise AgeOutOfRange("no birth date, or a birth date in the future")
    years = age_in_years(birth_date, today)
    if years >= 18:
        raise AgeOutOfRange("18 or older")
    for first_age, band in _BANDS:
        if years >= first_age:
            return band
    raise AgeOutOfRange("unreachable")  # pragma: no cover


def try_age_band(birth_date: date | None, *, unborn: bool, today: date) -> AgeBand | None:
    """Like :func:`age_band`, but ``None`` instead of an error while the date is unknown or odd."""
    try:
        return age_band(birth_date, unborn=unborn, today=today)
    except AgeOutOfRange:
        return None
