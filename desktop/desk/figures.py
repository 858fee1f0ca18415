"""The council's yearly follow-up: figures about how notifications were handled, without personal data.

KL (2012) asks every municipal council to follow up once a year on how notifications are
handled. The figures are counts over a period: by month, notifier profession, age band, § 133
ground and concern category; the acute share; the share assessed within 24 hours and
acknowledged within 6 working days; repeat notifications (an earlier one about the same child
within 12 months).

Nothing here holds a name, a CPR number, a date of birth or a free text: the input is
:class:`ReportFacts`, codes and times only. Small counts identify people in a small
municipality, so every count from 1 to 4 is *shown* as "<5" (:func:`shown`); a share whose count
or complement is 1-4 is shown without the exact number (:func:`share_parts`). A count of 0 is
shown as 0: it says nothing about anybody. In a table that counts each notification once (month,
profession, age band) the hidden counts add up to the total less the printed ones, which can give
them away (a single "<5", two adding up to 2); the smallest printed counts are then shown as "≥5"
until none can be worked out (:func:`table_texts`). Pure Python.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from desktop.desk.deadlines import Deadlines
from desktop.domain.deadlines import DANISH_TIME

SMALL = 5
SMALL_TEXT = "<5"
#: A count of 5 or more not shown exactly, so that a "<5" beside it cannot be worked out from the total.
HIDDEN_TEXT = "≥5"


@dataclass(frozen=True)
class ReportFacts:
    """The content-free facts about one notification that the report counts."""

    received_at: datetime
    acute: bool
    profession: str
    age_band: str
    grounds: tuple[str, ...]
    categories: tuple[str, ...]
    assessed_at: datetime | None
    acknowledged_at: datetime | None
    repeat: bool


def shown(count: int) -> str:
    """A count as the report prints it: 1-4 become "<5"."""
    return SMALL_TEXT if 0 < count < SMALL else str(count)


def is_small(count: int) -> bool:
    """A count the report must not print exactly."""
    return 0 < count < SMALL


def table_texts(rows: Sequence[tuple[str, int]], *, once_each: bool) -> list[str]:
    """The counts of one table as printed, in order.

    ``once_each``: every notification is counted in exactly one row, so the rows add up to the total
    the report prints, and the hidden counts add up to the total less the printed ones. A single "<5"
    would then be that remainder; two "<5" adding up to 2 are both 1, adding up to 8 both 4; a "<5" and a
    "≥5" adding up to 6 are 1 and 5. While some "<5" can be worked out so (:func:`_worked_out`), the
    smallest count still printed (the first of equals) is printed as "≥5" too. Tables that count a
    notification under several codes (grounds, categories) do not add up to the total and need nothing
    more.
    """
    texts = [shown(count) for _, count in rows]
    if not once_each:
        return texts
    counts = [count for _, count in rows]
    hidden = {index for index, count in enumerate(counts) if is_small(count)}
    while hidden and _worked_out(counts, hidden):
        printed = [(count, index) for index, count in enumerate(counts)
                   if count >= SMALL and index not in hidden]
        if not printed:
            break  # nothing left to hide (e.g. 5 and 1): the total would have to go too
        index = min(printed)[1]
        hidden.add(index)
        texts[index] = HIDDEN_TEXT
    return texts


def _worked_out(counts: Sequence[int], hidden: set[int]) -> bool:
    """Whether some hidden count from 1 to 4 has one possible value, knowing only the hidden counts' sum
    (each "<5" is 1-4, each "≥5" 5 or more)."""
    small = sum(1 for index in hidden if is_small(counts[index]))
    large = len(hidden) - small
    remainder = sum(counts[index] for index in hidden)
    if large == 0:  # each "<5" lies in [max(1, S - 4(k-1)), min(4, S - (k-1))]
        return small == 1 or remainder in (small, 4 * small)
    return remainder == small + SMALL * large  # every "<5" is 1 and every "≥5" is 5


@dataclass(frozen=True)
class Share:
    """``count`` of ``total`` (e.g. acknowledged within 6 working days of all received)."""

    count: int
    total: int

    @property
    def suppressed(self) -> bool:
        """The exact count would identify a few notifications (it, its complement or the total is 1-4)."""
        return is_small(self.count) or is_small(self.total - self.count) or is_small(self.total)

    @property
    def percent(self) -> int | None:
        """Rounded percentage, None when suppressed or when there is nothing to divide by."""
        if self.total == 0 or self.suppressed:
            return None
        return round(100 * self.count / self.total)


def share_parts(share: Share) -> tuple[str, str, str]:
    """(kind, a, b) for a share's text: ("none", "", "") with no total; ("small", "<5", total);
    ("almost", total-5, total) when all but 1-4; ("small_total", "<5", "") when the total is 1-4;
    else ("exact", percent, count-of-total)."""
    if share.total == 0:
        return "none", "", ""
    if is_small(share.total):
        return "small_total", SMALL_TEXT, ""
    if is_small(share.count):
        return "small", SMALL_TEXT, str(share.total)
    if is_small(share.total - share.count):
        return "almost", str(share.total - SMALL), str(share.total)
    return "exact", str(share.percent), f"{share.count}/{share.total}"


@dataclass(frozen=True)
class YearlyReport:
    """The figures for one period (both days included). Tables are (code, count), codes sorted."""

    start: date
    end: date
    total: int
    by_month: tuple[tuple[str, int], ...]
    by_profession: tuple[tuple[str, int], ...]
    by_age_band: tuple[tuple[str, int], ...]
    by_ground: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, int], ...]
    acute: Share
    assessed_in_time: Share
    acknowledged_in_time: Share
    repeats: Share


AGE_BAND_ORDER = ("unborn", "0-2", "3-5", "6-12", "13-17")
GROUND_ORDER = ("special_support", "unborn_child", "school_absence", "abuse")
PROFESSION_ORDER = ("teacher", "educator", "health", "social", "leader", "other")


def _months(start: date, end: date) -> list[str]:
    months: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _ordered(counter: Counter[str], order: Sequence[str]) -> tuple[tuple[str, int], ...]:
    known = [(code, counter[code]) for code in order]
    rest = sorted((code, n) for code, n in counter.items() if code not in order)
    return tuple(known + rest)


def yearly_report(facts: Iterable[ReportFacts], start: date, end: date) -> YearlyReport:
    """Count the notifications received from ``start`` to ``end`` (Danish dates, both included)."""
    if end < start:
        raise ValueError("the period ends before it starts")
    rows = [f for f in facts if start <= f.received_at.astimezone(DANISH_TIME).date() <= end]
    months = Counter(f.received_at.astimezone(DANISH_TIME).strftime("%Y-%m") for f in rows)
    total = len(rows)
    deadlines = [Deadlines(f.received_at, f.assessed_at, f.acknowledged_at) for f in rows]
    return YearlyReport(
        start=start,
        end=end,
        total=total,
        by_month=tuple((m, months[m]) for m in _months(start, end)),
        by_profession=_ordered(Counter(f.profession or "other" for f in rows), PROFESSION_ORDER),
        by_age_band=_ordered(Counter(f.age_band or "unknown" for f in rows), AGE_BAND_ORDER),
        by_ground=_ordered(Counter(g for f in rows for g in set(f.grounds)), GROUND_ORDER),
        by_category=_ordered(Counter(c for f in rows for c in set(f.categories)), ()),
        acute=Share(sum(1 for f in rows if f.acute), total),
        assessed_in_time=Share(sum(1 for d in deadlines if d.assessed_in_time()), total),
        acknowledged_in_time=Share(sum(1 for d in deadlines if d.acknowledged_in_time()), total),
        repeats=Share(sum(1 for f in rows if f.repeat), total),
    )
