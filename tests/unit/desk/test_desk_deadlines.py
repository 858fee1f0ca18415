"""The desk's two deadlines (24 hours, 6 working days) and the inbox's most-urgent-first order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.desk.deadlines import Deadlines, acknowledgement_due_at, overdue_assessments, urgency_key
from desktop.domain.deadlines import DANISH_TIME, acknowledgement_due

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def test_assessment_is_due_24_hours_after_receipt_and_overdue_after() -> None:
    deadlines = Deadlines(MONDAY, None, None)
    assert deadlines.assessment_due == MONDAY + timedelta(hours=24)
    assert deadlines.assessment_left(MONDAY + timedelta(hours=20)) == timedelta(hours=4)
    assert not deadlines.assessment_overdue(MONDAY + timedelta(hours=23, minutes=59))
    assert deadlines.assessment_overdue(MONDAY + timedelta(hours=24))
    assessed = Deadlines(MONDAY, MONDAY + timedelta(hours=2), None)
    assert assessed.assessment_left(MONDAY + timedelta(days=3)) is None
    assert assessed.assessed_in_time()


def test_the_acknowledgement_runs_to_the_end_of_the_sixth_working_day_in_danish_time() -> None:
    # Received Monday 16 November 2026: due Tuesday 24 November, until midnight in Copenhagen.
    due = acknowledgement_due_at(MONDAY)
    assert due == datetime(2026, 11, 25, 0, 0, tzinfo=DANISH_TIME)
    deadlines = Deadlines(MONDAY, MONDAY, None)
    assert not deadlines.acknowledgement_overdue(datetime(2026, 11, 24, 22, 59, tzinfo=UTC))
    assert deadlines.acknowledgement_overdue(datetime(2026, 11, 24, 23, 0, tzinfo=UTC))
    late = Deadlines(MONDAY, MONDAY, datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    assert not late.acknowledged_in_time()
    assert Deadlines(MONDAY, MONDAY, datetime(2026, 11, 24, 15, 0, tzinfo=UTC)).acknowledged_in_time()


def test_christmas_pushes_the_acknowledgement_into_january() -> None:
    deadlines = Deadlines(datetime(2026, 12, 22, 13, 0, tzinfo=UTC), None, None)
    assert deadlines.acknowledgement_due_day.isoformat() == "2027-01-05"


def test_acute_unassessed_first_then_the_earliest_open_deadline_then_done_newest_first() -> None:
    now = MONDAY + timedelta(hours=30)
    items = {
        "done-old": (Deadlines(MONDAY - timedelta(days=9), MONDAY, MONDAY), False),
        "done-new": (Deadlines(MONDAY - timedelta(days=1), MONDAY, MONDAY), False),
        "to-acknowledge": (Deadlines(MONDAY - timedelta(days=2), MONDAY, None), False),
        "overdue-assessment": (Deadlines(MONDAY, None, None), False),
        "fresh": (Deadlines(now - timedelta(hours=1), None, None), False),
        "acute-fresh": (Deadlines(now, None, None), True),
    }
    order = sorted(items, key=lambda k: urgency_key(*items[k]))
    assert order == ["acute-fresh", "overdue-assessment", "fresh", "to-acknowledge", "done-new", "done-old"]
    assert overdue_assessments([(k, d) for k, (d, _) in items.items()], now) == ["overdue-assessment"]


@given(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)))
def test_the_desk_and_the_notifier_agree_on_the_acknowledgement_day(received_at: datetime) -> None:
    due = acknowledgement_due_at(received_at)
    assert (due - timedelta(seconds=1)).astimezone(DANISH_TIME).date() == acknowledgement_due(received_at)
    assert due - received_at >= timedelta(days=6)
