"""Content stays until the Danish calendar day after the deadline, for the UTC times the app passes.

The app calls ``purge_expired`` with ``datetime.now(UTC)`` (DeliveryService.run_retention). Danish
midnight is 22:00 UTC in summer and 23:00 UTC in winter, so between those and UTC midnight the UTC date
is still the due day while in Denmark the next day has begun: the content must go then, not up to two
hours later. The same holds for the day a notification arrived (a receipt at 22:30 UTC on a summer
Thursday arrived on Friday in Denmark). Real vault; the times are UTC, as the app's clock gives them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from desktop.domain.deadlines import DANISH_TIME, acknowledgement_due
from desktop.outbox.retention import purge_expired
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault


def _receipted(vault: Vault, queue_notification: Any, received_at: datetime) -> tuple[str, date]:
    """A notification the intake signed a receipt for at ``received_at``; its id and deadline."""
    notification_id = queue_notification()
    due = acknowledgement_due(received_at)
    vault.outbox.mark_sending(notification_id)
    vault.outbox.record_receipt(notification_id, receipt_json=b"{}", signature=b"s", reference="K-1",
                                received_at=received_at, acknowledgement_due=due)
    return notification_id, due


@pytest.mark.parametrize(
    ("received_at", "last_utc_minute_of_due_day"),
    [
        # Summer time (CEST, UTC+2): the Danish day ends at 22:00 UTC.
        (datetime(2026, 6, 15, 9, 0, tzinfo=UTC), time(21, 59)),
        # Winter time (CET, UTC+1): the Danish day ends at 23:00 UTC.
        (datetime(2026, 11, 9, 9, 0, tzinfo=UTC), time(22, 59)),
    ],
    ids=["summer", "winter"],
)
def test_content_goes_in_the_first_danish_minute_after_the_due_day_given_utc_times(
    vault: Vault, queue_notification: Any, received_at: datetime, last_utc_minute_of_due_day: time,
) -> None:
    notification_id, due = _receipted(vault, queue_notification, received_at)
    last_minute = datetime.combine(due, last_utc_minute_of_due_day, tzinfo=UTC)
    first_minute_after = last_minute + timedelta(minutes=2)
    # What the two moments are in Denmark (the test's own premise, checked).
    assert last_minute.astimezone(DANISH_TIME).date() == due
    assert first_minute_after.astimezone(DANISH_TIME).date() == due + timedelta(days=1)
    assert first_minute_after.date() == due  # ... while in UTC it is still the due day

    assert purge_expired(vault, last_minute, 1).purged == ()
    assert vault.notifications.get_document(notification_id)
    assert purge_expired(vault, first_minute_after, 1).purged == (notification_id,)
    assert vault.notifications.get_summary(notification_id).state is NotificationState.PURGED


def test_a_mail_sent_late_on_a_summer_evening_in_utc_counts_from_the_danish_day_it_was_sent(
    vault: Vault, queue_notification: Any,
) -> None:
    # Thursday 2 July 2026, 22:30 UTC is Friday 3 July 00:30 in Denmark. Six working days from the day
    # after Friday end on Monday 13 July; counted from Thursday they would end on Friday 10 July.
    sent_at = datetime(2026, 7, 2, 22, 30, tzinfo=UTC)
    notification_id = queue_notification()
    vault.outbox.mark_sending(notification_id)
    vault.outbox.record_sent(notification_id, sent_at)  # no stored deadline: the sending time gives it
    assert vault.notifications.get_summary(notification_id).acknowledgement_due is None
    assert acknowledgement_due(sent_at) == date(2026, 7, 13)

    saturday_night = datetime(2026, 7, 11, 21, 59, tzinfo=UTC)  # Saturday 11 July 23:59 in Denmark
    assert purge_expired(vault, saturday_night, 1).purged == ()
    monday_night = datetime(2026, 7, 13, 21, 59, tzinfo=UTC)  # the due day's last minute in Denmark
    assert purge_expired(vault, monday_night, 1).purged == ()
    tuesday = datetime(2026, 7, 13, 22, 1, tzinfo=UTC)  # Tuesday 14 July 00:01 in Denmark
    assert purge_expired(vault, tuesday, 1).purged == (notification_id,)
