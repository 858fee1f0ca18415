"""After the retention period the content goes, and the proof of notifying stays.

A notification the intake signed a receipt for keeps its content until the
period has run from that receipt AND the municipality's acknowledgement
deadline (6 working days) has passed: until then the notifier may need the
copy to phone. Real vault, real intake over TLS on 127.0.0.1.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from desktop.domain.deadlines import DANISH_TIME, acknowledgement_due
from desktop.outbox.retention import purge_expired
from desktop.store.errors import ContentPurged
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake


def test_receipted_notification_is_purged_after_the_period_keeping_reference_receipt_and_hash(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
) -> None:
    delivered = queue_notification()
    make_sender(intake.url).run_once()
    waiting = queue_notification()  # never sent: must keep its content
    before = vault.notifications.get_summary(delivered)
    content_hash = vault.notifications.content_hash(delivered)
    receipt = vault.outbox.get_receipt(delivered)

    assert purge_expired(vault, datetime.now(UTC) + timedelta(days=29), 30).purged == ()
    report = purge_expired(vault, datetime.now(UTC) + timedelta(days=31), 30)

    assert report.purged == (delivered,)
    after = vault.notifications.get_summary(delivered)
    assert after.state is NotificationState.PURGED
    assert after.reference == before.reference
    assert after.receipted_at == before.receipted_at
    assert after.municipality == "Demo Kommune"
    assert vault.outbox.get_receipt(delivered) == receipt
    assert vault.notifications.content_hash(delivered) == content_hash
    with pytest.raises(ContentPurged):
        vault.notifications.get_document(delivered)
    assert vault.notifications.get_summary(waiting).state is NotificationState.QUEUED
    assert vault.notifications.get_document(waiting)
    events = [e.event for e in vault.audit.entries()]
    assert "notification.purged" in events and "retention.run" in events


def _danish(day: date, at: time) -> datetime:
    """A moment on ``day`` in Danish time (deadlines are Danish calendar days)."""
    return datetime.combine(day, at, tzinfo=DANISH_TIME)


def _forget_deadline(vault: Vault, key: bytes, notification_id: str) -> None:
    """Leave the row as a vault stored without a deadline: written with a connection of its own, raw SQL."""
    connection = sqlcipher.connect(str(vault.path), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("PRAGMA cipher_compatibility = 4")
        connection.execute("UPDATE notification SET acknowledgement_due = NULL WHERE id = ?",
                           (notification_id,))
    finally:
        connection.close()


def test_with_a_short_period_a_receipted_copy_stays_until_the_acknowledgement_deadline_has_passed(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
) -> None:
    delivered = queue_notification()
    make_sender(intake.url).run_once()
    summary = vault.notifications.get_summary(delivered)
    assert summary.state is NotificationState.RECEIPTED
    assert summary.receipted_at is not None and summary.acknowledgement_due is not None
    due = summary.acknowledgement_due

    # One day's retention has long run, but the municipality still has until the end of the due day.
    assert purge_expired(vault, summary.receipted_at + timedelta(days=2), 1).purged == ()
    assert purge_expired(vault, _danish(due, time(23, 59)), 1).purged == ()
    assert vault.notifications.get_document(delivered)

    assert purge_expired(vault, _danish(due + timedelta(days=1), time(0, 1)), 1).purged == (delivered,)
    after = vault.notifications.get_summary(delivered)
    assert after.state is NotificationState.PURGED
    assert (after.reference, after.receipted_at, after.acknowledgement_due) == (
        summary.reference, summary.receipted_at, due)
    with pytest.raises(ContentPurged):
        vault.notifications.get_document(delivered)


def test_a_receipted_notification_without_a_stored_deadline_is_kept_until_the_deadline_its_receipt_gives(
    vault: Vault, vault_key: bytes, queue_notification: Any
) -> None:
    notification_id = queue_notification()
    received_at = datetime(2026, 12, 18, 10, 0, tzinfo=UTC)  # a Friday before Christmas: holidays lengthen it
    vault.outbox.mark_sending(notification_id)
    vault.outbox.record_receipt(notification_id, receipt_json=b"{}", signature=b"s", reference="K-1",
                                received_at=received_at, acknowledgement_due=acknowledgement_due(received_at))
    _forget_deadline(vault, vault_key, notification_id)
    summary = vault.notifications.get_summary(notification_id)
    assert summary.state is NotificationState.RECEIPTED and summary.acknowledgement_due is None
    due = acknowledgement_due(received_at)
    assert due > (received_at + timedelta(days=8)).date()

    assert purge_expired(vault, _danish(due, time(12)), 1).purged == ()
    assert vault.notifications.get_document(notification_id)
    assert purge_expired(vault, _danish(due + timedelta(days=1), time(12)), 1).purged == (notification_id,)
    assert vault.notifications.get_summary(notification_id).state is NotificationState.PURGED
