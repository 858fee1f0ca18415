"""Dates and times as the windows show them: in the UI language's format and in Danish time.

Whatever the PC's own locale (``LANG=C``, ``en_US``) and time zone (``TZ=UTC``), a moment
is shown in Europe/Copenhagen, as the documents and the municipality show it, and written
the way the chosen language writes it: Danish ``24-12-2026 kl. 08.15``, English
``24 Dec 2026, 08:15``. Lists use the short forms; sentences use the long ones
(``24. december 2026 kl. 08.15``), the same words as the printed copy.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

_SHORT_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@cache
def copenhagen() -> ZoneInfo:
    """Danish time (loaded on first use: not needed for the first window)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Copenhagen")


def danish_time(moment: datetime) -> datetime:
    """``moment`` in Danish time; a naive value is taken as UTC (the vault stores UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(copenhagen())


def today_in_denmark() -> date:
    """Today's date in Denmark (deadlines count in Danish days, also on a PC set to UTC)."""
    return datetime.now(copenhagen()).date()


def short_date(value: date, language: str) -> str:
    """``24-12-2026`` (Danish) or ``24 Dec 2026`` (English)."""
    if language == "da":
        return f"{value.day:02d}-{value.month:02d}-{value.year}"
    return f"{value.day} {_SHORT_MONTHS_EN[value.month - 1]} {value.year}"


def clock(moment: datetime, language: str) -> str:
    """The time of day in Danish time: ``kl. 08.15`` (Danish) or ``08:15`` (English).

    Two digits for the hour, as the printed copy writes it: the list and the copy beside it
    in the same window must not show one moment in two ways.
    """
    local = danish_time(moment)
    if language == "da":
        return f"kl. {local.hour:02d}.{local.minute:02d}"
    return f"{local.hour:02d}:{local.minute:02d}"


def short_datetime(moment: datetime, language: str) -> str:
    """``24-12-2026 kl. 08.15`` (Danish) or ``24 Dec 2026, 08:15`` (English), in Danish time."""
    local = danish_time(moment)
    separator = " " if language == "da" else ", "
    return f"{short_date(local.date(), language)}{separator}{clock(moment, language)}"


def long_date(value: date, language: str) -> str:
    """``24. december 2026`` or ``24 December 2026`` (the printed copy's words)."""
    from desktop.documents.formatting import format_date

    return format_date(value, language if language in ("da", "en") else "da")


def long_datetime(moment: datetime, language: str) -> str:
    """``24. december 2026 kl. 08.15`` or ``24 December 2026 at 08:15``, in Danish time (the printed
    copy's words)."""
    from desktop.documents.formatting import format_datetime

    return format_datetime(danish_time(moment), language if language in ("da", "en") else "da")
