"""After the retention period the content goes, and the proof of notifying stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

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
