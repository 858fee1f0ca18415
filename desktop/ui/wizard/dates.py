"""Reading dates the way Danes type them (24-12-2019, 24.12.2019, 24/12/2019) and showing them back.

Answers keep ISO text (``2019-12-24``, ``2019-12-24T08:15``); the person sees
and types day-month-year. Text that is not a date stays as typed, so nothing is
lost, and the domain's validation names the problem.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_DATE = re.compile(r"^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_date_text(text: str) -> date | None:
    """``24-12-2019`` (or with dots, slashes; or ISO) as a date; ``None`` when it is no real date."""
    text = text.strip()
    match = _DATE.match(text)
    try:
        if match is not None:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = _ISO.match(text)
        if match is not None:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None


def parse_datetime_text(text: str) -> datetime | None:
    """``24-12-2019 08:15`` as a datetime (naive, local time); ``None`` when it is not one."""
    text = text.strip().replace("T", " ")
    parts = text.rsplit(" ", 1)
    if len(parts) != 2:
        return None
    day = parse_date_text(parts[0])
    time = _TIME.match(parts[1])
    if day is None or time is None:
        return None
    hour, minute = int(time.group(1)), int(time.group(2))
    if hour > 23 or minute > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute)


def format_date(value: str) -> str:
    """An ISO date answer as ``DD-MM-YYYY``; anything else unchanged."""
    try:
        return date.fromisoformat(value).strftime("%d-%m-%Y")
    except ValueError:
        return value


def format_datetime(value: str, language: str = "en") -> str:
    """An ISO date-time answer as ``DD-MM-YYYY HH:MM`` (Danish: ``HH.MM``, as Danes write the time);
    anything else unchanged."""
    try:
        moment = datetime.fromisoformat(value)
        return moment.strftime("%d-%m-%Y %H.%M" if language == "da" else "%d-%m-%Y %H:%M")
    except ValueError:
        return value
