"""How each received notification was handled: the shared status (mirrored from the intake) and the
desk's own notes.

The intake keeps, for every notification, who opened, assessed, acknowledged, oriented and handed
it over, and when (ids, times and initials, no content). The desk mirrors that here, so the
inbox shows every desk's work. What the caseworker wrote (the 24-hour assessment's outcome and
note, the § 137 orientation's outcome) stays in this vault only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection, from_text, to_text
from desktop.store.errors import NotificationNotFound


class Step(StrEnum):
    """A step in handling a notification, shared through the intake (first one wins)."""

    OPENED = "opened"
    ASSESSED = "assessed"
    ACKNOWLEDGED = "acknowledged"
    ORIENTED = "oriented"
    HANDED_OVER = "handed_over"


class Assessment(StrEnum):
    """The 24-hour assessment's outcome."""

    NO_IMMEDIATE_DANGER = "no_immediate_danger"
    ACUTE_MEASURES = "acute_measures"


@dataclass(frozen=True)
class StepDone:
    """Who did a step, and when."""

    at: datetime
    by: str


@dataclass(frozen=True)
class Handling:
    """Everything known about how one notification was handled."""

    notification_id: str
    steps: dict[Step, StepDone]
    assessment: Assessment | None
    assessment_note: str
    orientation: str | None

    def done(self, step: Step) -> StepDone | None:
        return self.steps.get(step)


_STEP_COLUMNS = {step: (f"{step.value}_at", f"{step.value}_by") for step in Step}


def apply_pending(connection: Any, notification_id: str) -> None:
    """Inside the transaction that adds a notification's handling row: the steps other desks took
    before this vault held it (kept aside by :meth:`HandlingRepository.mirror`)."""
    rows = connection.execute("SELECT step, at, by FROM pending_status WHERE notification_id = ?",
                              (notification_id,)).fetchall()
    for step_value, at, by in rows:
        step = Step(step_value)
        at_column, by_column = _STEP_COLUMNS[step]
        connection.execute(
            f"UPDATE handling SET {at_column} = ?, {by_column} = ?"  # noqa: S608 - constant column names
            f" WHERE notification_id = ? AND {at_column} IS NULL", (at, by, notification_id))
    if rows:
        connection.execute("DELETE FROM pending_status WHERE notification_id = ?", (notification_id,))


class HandlingRepository:
    """The handling rows of one desk vault."""

    def __init__(self, connection: VaultConnection, audit: AuditLog) -> None:
        self._db = connection
        self._audit = audit

    def get(self, notification_id: str) -> Handling:
        """NotificationNotFound when the notification is not in this vault."""
        columns = ", ".join(f"{at}, {by}" for at, by in _STEP_COLUMNS.values())
        row = self._db.query_one(
            f"SELECT {columns}, assessment, assessment_note, orientation FROM handling"  # noqa: S608 - constant
            " WHERE notification_id = ?", (notification_id,))
        if row is None:
            raise NotificationNotFound()
        steps: dict[Step, StepDone] = {}
        for index, step in enumerate(Step):
            at = from_text(row[2 * index])
            if at is not None:
                steps[step] = StepDone(at, str(row[2 * index + 1] or ""))
        assessment = Assessment(row[-3]) if row[-3] else None
        return Handling(notification_id, steps, assessment, str(row[-2] or ""), row[-1])

    def mirror(self, notification_id: str, step: Step, at: datetime, by: str) -> bool:
        """Take a step from the intake's shared status; the first record of a step stays. True if new here.

        A step for a notification this vault does not hold yet is kept aside (``pending_status``) and
        applied when the notification comes (:func:`apply_pending`).
        """
        at_column, by_column = _STEP_COLUMNS[step]
        with self._db.transaction() as connection:
            cursor = connection.execute(
                f"UPDATE handling SET {at_column} = ?, {by_column} = ?"  # noqa: S608 - constant column names
                f" WHERE notification_id = ? AND {at_column} IS NULL", (to_text(at), by, notification_id))
            changed = bool(cursor.rowcount)
            if not changed and connection.execute("SELECT 1 FROM handling WHERE notification_id = ?",
                                                  (notification_id,)).fetchone() is None:
                connection.execute("INSERT OR IGNORE INTO pending_status (notification_id, step, at, by)"
                                   " VALUES (?, ?, ?, ?)", (notification_id, step.value, to_text(at), by))
        return changed

    def record_assessment(self, notification_id: str, assessment: Assessment, note: str) -> None:
        """Keep the outcome and the note of the 24-hour assessment (in this vault only)."""
        with self._db.transaction() as connection:
            cursor = connection.execute(
                "UPDATE handling SET assessment = ?, assessment_note = ? WHERE notification_id = ?",
                (assessment.value, note, notification_id))
            if not cursor.rowcount:
                raise NotificationNotFound()
            self._audit.record("desk.assessed", notification_id, assessment.value)

    def record_orientation(self, notification_id: str, outcome: str) -> None:
        """Keep which § 137 orientation was sent (in this vault only)."""
        with self._db.transaction() as connection:
            cursor = connection.execute("UPDATE handling SET orientation = ? WHERE notification_id = ?",
                                        (outcome, notification_id))
            if not cursor.rowcount:
                raise NotificationNotFound()
            self._audit.record("desk.oriented", notification_id, outcome)

    def overdue_assessments(self, now: datetime) -> list[str]:
        """Ids of notifications past 24 hours without an assessment, oldest first (the daily summary)."""
        rows = self._db.query(
            "SELECT r.notification_id FROM received r"
            " JOIN handling h ON h.notification_id = r.notification_id"
            " WHERE h.assessed_at IS NULL AND r.assessment_due <= ? ORDER BY r.received_at", (to_text(now),))
        return [str(row[0]) for row in rows]
