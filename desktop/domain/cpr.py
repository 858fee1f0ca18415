"""Danish CPR numbers (personnummer): format, birth date, century.

Rules (CPR-kontoret, "Personnummeret i CPR-systemet"; cpr.dk "Opbygning af
CPR-nummeret"):

* ten digits ``DDMMYY-SSSS`` (the dash is optional); the date part must be a
  real calendar date;
* the century follows from the year and the 7th digit (:func:`century_year`);
* since 1 October 2007 numbers that fail the old modulus-11 check are issued,
  so a number is never rejected for failing it (:attr:`Cpr.passes_modulus11`
  lets the UI warn gently about a possible typing error).

The last digit also encodes sex; Underret never shows or uses that.
A CPR number is sensitive: it never goes into a log, a file name, an error
message or clear-text metadata, so :class:`CprInvalid` carries no digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.dk import cpr as stdnum_cpr

from desktop.errors import UnderretError

_FORMAT = re.compile(r"^(\d{6})-?(\d{4})$")


class CprInvalid(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """Not a CPR number: ``cpr.format`` (shape) or ``cpr.date`` (no such birth date)."""

    message_id = "cpr.format"


@dataclass(frozen=True)
class Cpr:
    """A well-formed CPR number with an existing birth date."""

    digits: str
    birth_date: date
    passes_modulus11: bool

    def formatted(self) -> str:
        """``DDMMYY-SSSS``."""
        return f"{self.digits[:6]}-{self.digits[6:]}"

    def __repr__(self) -> str:
        # Keeps the number out of tracebacks and debug output.
        return "Cpr(<hidden>)"


def century_year(yy: int, seventh_digit: int) -> int:
    """The four-digit birth year from the two-digit year and the 7th digit (CPR office table).

    ==============  ===========  ===========  ===========
    7th digit       yy 00–36     yy 37–57     yy 58–99
    ==============  ===========  ===========  ===========
    0, 1, 2, 3      1900s        1900s        1900s
    4, 9            2000s        1900s        1900s
    5, 6, 7, 8      2000s        2000s        1800s
    ==============  ===========  ===========  ===========
    """
    if not 0 <= yy <= 99 or not 0 <= seventh_digit <= 9:
        raise ValueError("yy must be 0-99 and the 7th digit 0-9")
    if seventh_digit <= 3:
        return 1900 + yy
    if seventh_digit in (4, 9):
        return 2000 + yy if yy <= 36 else 1900 + yy
    return 2000 + yy if yy <= 57 else 1800 + yy


def passes_modulus11(digits: str) -> bool:
    """The pre-2007 check: weights 4,3,2,7,6,5,4,3,2,1 sum to a multiple of 11."""
    return int(stdnum_cpr.checksum(digits)) == 0


def parse_cpr(text: str) -> Cpr:
    """Parse ``DDMMYY-SSSS`` or ten digits (surrounding spaces allowed).

    Raises CprInvalid with ``cpr.format`` or ``cpr.date``; never for modulus 11.
    """
    match = _FORMAT.match(text.strip())
    if match is None:
        raise CprInvalid(message_id="cpr.format")
    digits = match.group(1) + match.group(2)
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    year = century_year(yy, int(digits[6]))
    try:
        birth = date(year, month, day)
    except ValueError:
        raise CprInvalid(message_id="cpr.date") from None
    return Cpr(digits=digits, birth_date=birth, passes_modulus11=passes_modulus11(digits))


def is_valid_cpr(text: str) -> bool:
    """Whether ``text`` parses as a CPR number."""
    try:
        parse_cpr(text)
    except CprInvalid:
        return False
    return True


def is_fictitious(cpr: Cpr) -> bool:
    """Whether the number is one Underret treats as fictitious (demo and training data).

    No series is formally reserved for fiction: the test numbers in the health
    sector's test systems (MedCom, Sundhedsdatastyrelsen) are ordinary numbers
    that may later be issued to real people, and the usual trick of adding 60 to
    the day produces a date that does not exist, which validation rejects.

    The rule chosen here rests on what the CPR office publishes (cpr.dk,
    "Opbygning af CPR-nummeret"): until 1 October 2007 every number satisfied
    the modulus-11 check, and the few numbers issued since without it are, in
    practice, for people with a birth date of 1 January, whose modulus-11 series
    ran out. So a number that fails modulus 11 *and* whose birth date is not
    1 January is treated as fictitious. Demo cases use only such numbers and
    demo mode never sends anything to a real municipality, so even the remote
    chance of a collision exposes nobody.
    """
    if cpr.passes_modulus11:
        return False
    return not (cpr.birth_date.month == 1 and cpr.birth_date.day == 1)


def make_fictitious(birth_date: date, serial: int = 0) -> Cpr:
    """A fictitious number (see :func:`is_fictitious`) for a demo child born on ``birth_date``.

    ``serial`` picks among the candidates so a demo can give siblings different numbers.
    Raises ValueError for 1 January (no fictitious numbers there) or a year the CPR table cannot express.
    """
    if birth_date.month == 1 and birth_date.day == 1:
        raise ValueError("no fictitious numbers are defined for 1 January")
    yy = birth_date.year % 100
    digits = [d for d in range(10) if century_year(yy, d) == birth_date.year]
    if not digits:
        raise ValueError("the CPR century table has no 7th digit for this year")
    found = 0
    for seventh in digits:
        for rest in range(1000):
            candidate = f"{birth_date:%d%m}{yy:02d}{seventh}{rest:03d}"
            if not passes_modulus11(candidate):
                if found == serial:
                    return parse_cpr(candidate)
                found += 1
    raise ValueError("serial out of range")
