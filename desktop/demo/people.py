"""Fictitious children for training: CPR numbers that cannot belong to real people.

A scenario gives the child's age, not a birth date, so a case stays in its age
band year after year. The birth date is counted back from today and the CPR
number built from it with the scenario's serial, then nudged until the domain's
:func:`desktop.domain.cpr.is_fictitious` accepts it (fails modulus 11 and is not
born on 1 January).
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop.domain.cpr import parse_cpr, passes_modulus11

#: Days taken off the birth date so the birthday is never today (the age stays whole).
_BIRTHDAY_MARGIN_DAYS = 20


def birth_date_for(years: int, months: int, today: date) -> date:
    """A birth date giving ``years`` completed years and about ``months`` more on ``today``."""
    total = today.year * 12 + (today.month - 1) - (years * 12 + months)
    year, month = divmod(total, 12)
    born = date(year, month + 1, min(today.day, 28)) - timedelta(days=_BIRTHDAY_MARGIN_DAYS)
    if (born.month, born.day) == (1, 1):
        born = born - timedelta(days=1)  # 1 January numbers may be real even without modulus 11
    return born


def fictitious_cpr(birth_date: date, serial: str) -> str:
    """``DDMMYY-SSSS`` for ``birth_date`` that fails modulus 11 (the serial's last digit may change).

    ``serial`` is four digits whose first digit (the CPR's 7th) is 5-8, which
    dates births in 2000-2057 (the CPR office's century table).
    """
    if len(serial) != 4 or not serial.isdigit() or serial[0] not in "5678":
        raise ValueError("serial must be four digits starting with 5-8")
    if (birth_date.month, birth_date.day) == (1, 1):
        raise ValueError("1 January numbers may belong to real people")
    head = birth_date.strftime("%d%m%y")
    for step in range(10):
        candidate = serial[:3] + str((int(serial[3]) + step) % 10)
        digits = head + candidate
        if not passes_modulus11(digits):
            cpr = parse_cpr(digits)
            assert cpr.birth_date == birth_date
            return cpr.formatted()
    raise AssertionError("unreachable: at most one last digit passes modulus 11")  # pragma: no cover
