"""Working days and the municipality's receipt deadline.

A professional notifier must get a receipt within 6 working days (hverdage),
counted from the day after the municipality received the notification; the
receipt time is the intake's signed timestamp, never the sender's clock.

Working days are Monday to Friday except Danish holidays from the
``holidays`` package (country DK). Both its categories are used: the public
holidays and the "optional" days (Constitution Day 5 June, Christmas Eve,
New Year's Eve, 1 May) on which public offices are customarily closed. A
deadline is therefore never counted as passed on a day the municipality was
legitimately closed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

ACKNOWLEDGEMENT_WORKING_DAYS = 6
DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@lru_cache(maxsize=64)
def _closed_days(year: int) -> frozenset[date]:
    import holidays  # here, not at module level: it takes ~0.1 s to import, and start-up needs no holiday

    days = holidays.country_holidays("DK", years=year, categories=("public", "optional"))
    return frozenset(days.keys())


def is_working_day(day: date) -> bool:
    """Monday–Friday and not a Danish holiday or customary closing day."""
    return day.weekday() < 5 and day not in _closed_days(day.year)


def add_working_days(start: date, n: int) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself is never counted)."""
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def acknowledgement_due(received_at: datetime) -> date:
    """The last day the receipt may arrive: 6 working days, counted from the day after receipt.

    An aware timestamp is read in Danish time (a notification received at 23:30
    UTC in summer arrived the next day in Denmark); a naive one is taken as
    Danish local time.
    """
    local = received_at.astimezone(DANISH_TIME) if received_at.tzinfo is not None else received_at
    return add_working_days(local.date(), ACKNOWLEDGEMENT_WORKING_DAYS)


def is_overdue(due: date, today: date) -> bool:
    """True from the day after the due date."""
    return today > due
