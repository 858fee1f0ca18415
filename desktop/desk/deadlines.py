"""The municipality's two deadlines for a received notification, and the inbox's order.

* **Assessment**: within 24 hours of receipt, whether the child's health or development is in
  danger and acute measures are needed.
* **Acknowledgement** (*kvittering*) to a professional notifier: within 6 working days, counted
  from the day after receipt in Danish time; the rule itself is the app's
  (:func:`desktop.domain.deadlines.acknowledgement_due`), so the notifier's PC and the desk agree
  on the day. It runs to the end of that day, Danish time.

Times are the intake's signed receipt times, never a PC's clock. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop.domain.deadlines import DANISH_TIME, acknowledgement_due

ASSESSMENT_WINDOW = timedelta(hours=24)


def assessment_due(received_at: datetime) -> datetime:
    """When the 24-hour assessment is due (aware, UTC like ``received_at``)."""
    return received_at + ASSESSMENT_WINDOW


def acknowledgement_due_at(received_at: datetime) -> datetime:
    """The end of the last day the acknowledgement may go out: midnight after the due day, Danish time."""
    due_day = acknowledgement_due(received_at)
    return datetime.combine(due_day + timedelta(days=1), time(0), tzinfo=DANISH_TIME)


@dataclass(frozen=True)
class Deadlines:
    """Both deadlines of one notification and what has been done about them."""

    received_at: datetime
    assessed_at: datetime | None
    acknowledged_at: datetime | None

    @property
    def assessment_due(self) -> datetime:
        return assessment_due(self.received_at)

    @property
    def acknowledgement_due_day(self) -> date:
        return acknowledgement_due(self.received_at)

    @property
    def acknowledgement_due(self) -> datetime:
        return acknowledgement_due_at(self.received_at)

    def assessment_left(self, now: datetime) -> timedelta | None:
        """Time left to assess (negative once overdue); None when assessed."""
        return None if self.assessed_at is not None else self.assessment_due - now

    def acknowledgement_left(self, now: datetime) -> timedelta | None:
        """Time left to acknowledge (negative once overdue); None when acknowledged."""
        return None if self.acknowledged_at is not None else self.acknowledgement_due - now

    def assessment_overdue(self, now: datetime) -> bool:
        """Past 24 hours without an assessment."""
        left = self.assessment_left(now)
        return left is not None and left <= timedelta(0)

    def acknowledgement_overdue(self, now: datetime) -> bool:
        """Past the 6th working day without an acknowledgement."""
        left = self.acknowledgement_left(now)
        return left is not None and left <= timedelta(0)

    def assessed_in_time(self) -> bool:
        """Assessed within 24 hours of receipt."""
        return self.assessed_at is not None and self.assessed_at <= self.assessment_due

    def acknowledged_in_time(self) -> bool:
        """Acknowledged by the end of the 6th working day."""
        return self.acknowledged_at is not None and self.acknowledged_at < self.acknowledgement_due

    def next_due(self) -> datetime | None:
        """The earliest deadline still open (assessment before acknowledgement); None when both are met."""
        if self.assessed_at is None:
            return self.assessment_due
        if self.acknowledged_at is None:
            return self.acknowledgement_due
        return None


def urgency_key(deadlines: Deadlines, acute: bool) -> tuple[int, float, float]:
    """Sort key for the inbox, most urgent first.

    1. acute and not yet assessed; 2. anything with an open deadline, the earliest first (overdue
    ones are the earliest; on the same deadline the one received first); 3. done, the newest first.
    """
    received = deadlines.received_at.timestamp()
    due = deadlines.next_due()
    if due is None:
        return 2, 0.0, -received
    return (0 if acute and deadlines.assessed_at is None else 1), due.timestamp(), received


def overdue_assessments(items: list[tuple[str, Deadlines]], now: datetime) -> list[str]:
    """The ids of notifications past 24 hours without an assessment, oldest first (the daily summary)."""
    late = [(d.received_at, nid) for nid, d in items if d.assessment_overdue(now)]
    return [nid for _, nid in sorted(late)]
