"""Retention for notifications sent by secure e-mail: the content goes, the proof of notifying stays.

A mailed notification never gets a signed receipt, so it stays SENT. Its
content is purged once the retention period has run from when the mail server
accepted it, but never before the municipality's acknowledgement deadline has
passed (until then the notifier may need the copy to phone). Real vault, real
outbox, real SMTP server over TLS on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import pytest

from desktop.config.policy import Policy
from desktop.domain.deadlines import DANISH_TIME, acknowledgement_due
from desktop.domain.packs import load_pack, shipped_packs
from desktop.outbox.retention import purge_expired
from desktop.outbox.sender import OutboxSender
from desktop.outbox.target import intake_target, make_transport
from desktop.store.errors import ContentPurged
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from tests.integration.mail.conftest import TEST_TIMEOUT, SmtpServer

SmtpStarter = Callable[..., SmtpServer]
PolicyFor = Callable[..., Policy]


def _mail_all_waiting(vault: Vault, policy: Policy) -> list[str]:
    """One pass of the real outbox by secure e-mail; the ids it sent."""
    target = intake_target(load_pack(next(p for p in shipped_packs() if p.stem == "national")), policy)
    transport = make_transport(target, timeout=TEST_TIMEOUT)
    try:
        return OutboxSender(lambda: vault, transport, target.receipt_key).run_once().sent
    finally:
        transport.close()


def _danish(day_offset_from: datetime, at: time) -> datetime:
    """A moment on the given day in Danish time (deadlines are Danish calendar days)."""
    return datetime.combine(day_offset_from.date(), at, tzinfo=DANISH_TIME)


@pytest.fixture
def mailed(vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
           mail_policy: PolicyFor) -> str:
    server = smtp_server("starttls")
    notification_id = queue_notification()
    assert _mail_all_waiting(vault, mail_policy(server)) == [notification_id]
    assert vault.notifications.get_summary(notification_id).state is NotificationState.SENT
    return notification_id


def test_a_mailed_notification_s_content_is_purged_after_the_period_keeping_reference_dates_and_hash(
        vault: Vault, mailed: str, queue_notification: Callable[[], str]) -> None:
    waiting = queue_notification()  # never sent: keeps its content whatever the date
    before = vault.notifications.get_summary(mailed)
    assert before.sent_at is not None and before.acknowledgement_due is not None
    content_hash = vault.notifications.content_hash(mailed)

    assert purge_expired(vault, before.sent_at + timedelta(days=29), 30).purged == ()
    assert vault.notifications.get_document(mailed)
    report = purge_expired(vault, before.sent_at + timedelta(days=30, seconds=1), 30)

    assert report.purged == (mailed,)
    after = vault.notifications.get_summary(mailed)
    assert after.state is NotificationState.PURGED
    assert (after.reference, after.sent_at, after.acknowledgement_due, after.municipality) == (
        before.reference, before.sent_at, before.acknowledgement_due, "Demo Kommune")
    assert after.receipted_at is None and vault.outbox.get_receipt(mailed) is None
    assert vault.notifications.content_hash(mailed) == content_hash
    with pytest.raises(ContentPurged):
        vault.notifications.get_document(mailed)
    with pytest.raises(ContentPurged):
        vault.notifications.get_pdf(mailed)
    assert vault.notifications.get_summary(waiting).state is NotificationState.QUEUED
    assert vault.notifications.get_document(waiting)
    purged = [e for e in vault.audit.entries() if e.event == "notification.purged"]
    assert [(e.notification_id, e.detail) for e in purged] == [(mailed, "was_sent")]
    assert any(e.event == "retention.run" for e in vault.audit.entries())
    # A second run finds nothing more to do.
    assert purge_expired(vault, before.sent_at + timedelta(days=60), 30).purged == ()


def test_with_a_short_period_the_copy_stays_until_the_acknowledgement_deadline_has_passed(
        vault: Vault, mailed: str) -> None:
    summary = vault.notifications.get_summary(mailed)
    assert summary.sent_at is not None and summary.acknowledgement_due is not None
    due = datetime.combine(summary.acknowledgement_due, time(), tzinfo=DANISH_TIME)

    # One day's retention has long run, but the municipality still has until the end of the due day.
    assert purge_expired(vault, summary.sent_at + timedelta(days=2), 1).purged == ()
    assert purge_expired(vault, _danish(due, time(23, 59)), 1).purged == ()
    assert vault.notifications.get_document(mailed)

    assert purge_expired(vault, _danish(due + timedelta(days=1), time(0, 1)), 1).purged == (mailed,)
    assert vault.notifications.get_summary(mailed).state is NotificationState.PURGED


def test_a_sent_notification_without_a_stored_deadline_is_kept_until_the_deadline_its_sending_gives(
        vault: Vault, queue_notification: Callable[[], str]) -> None:
    # Recorded sent without a deadline (as before deadlines were kept for mail): still purged, not too soon.
    notification_id = queue_notification()
    sent_at = datetime(2026, 12, 18, 10, 0, tzinfo=UTC)  # a Friday before Christmas: holidays lengthen it
    vault.outbox.mark_sending(notification_id)
    vault.outbox.record_sent(notification_id, sent_at)
    assert vault.notifications.get_summary(notification_id).acknowledgement_due is None
    due = datetime.combine(acknowledgement_due(sent_at), time(), tzinfo=DANISH_TIME)
    assert due.date() > (sent_at + timedelta(days=8)).date()

    assert purge_expired(vault, _danish(due, time(12)), 1).purged == ()
    assert purge_expired(vault, _danish(due + timedelta(days=1), time(12)), 1).purged == (notification_id,)


def test_a_mail_the_server_refused_keeps_its_content_for_ever(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("starttls", rcpt_reply="550 5.1.1 Mailbox unknown")
    refused = queue_notification()
    assert _mail_all_waiting(vault, mail_policy(server)) == []
    assert vault.notifications.get_summary(refused).state is NotificationState.FAILED

    assert purge_expired(vault, datetime.now(UTC) + timedelta(days=3650), 1).purged == ()
    assert vault.notifications.get_document(refused)
