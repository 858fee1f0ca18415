"""A PC back after a week offline drains its queue through an intake with the municipality's default limits.

Found by delivery (issue 17) against the intake's limits (issue 13): with the intake's default
per-sender limit a PC with a long queue got 429; the intake must say when to come back
(``Retry-After``) and the app must make the whole queue wait that long - seconds, not the
growing back-off or the quarter of an hour a set-up problem waits - and then go on.
Real intake (enrolment required, default limits), real TLS, real vault, real sender.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.outbox.sender import OutboxSender
from desktop.outbox.transport import HttpsIntakeTransport
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake
from intake.settings import IntakeSettings
from tests.integration.delivery.conftest import TEST_TIMEOUT, IntakeKeys, TlsMaterial


def _start(tmp_path: Path, intake_keys: IntakeKeys, tls: TlsMaterial, settings: IntakeSettings,
           ) -> tuple[BackgroundIntake, HttpsIntakeTransport]:
    intake = BackgroundIntake(tmp_path / "intake.sqlite", intake_keys.receipt_signing,
                              cert_file=tls.cert_file, key_file=tls.key_file, settings=settings).start()
    token, _ = intake.store.create_token("pcs", datetime.now(UTC))
    return intake, HttpsIntakeTransport(intake.url, ca_pem=tls.ca.cert_pem, timeout=TEST_TIMEOUT,
                                        enrolment_token=token)


def test_a_busy_office_s_week_goes_in_one_pass_through_the_default_limits(
    vault: Vault, queue_notification: Callable[..., str], intake_keys: IntakeKeys, tls: TlsMaterial,
    tmp_path: Path,
) -> None:
    ids = [queue_notification() for _ in range(IntakeSettings().rate_burst)]
    intake, transport = _start(tmp_path, intake_keys, tls, IntakeSettings(reference_prefix="KOM",
                                                                          min_free_bytes=0))
    try:
        report = OutboxSender(lambda: vault, transport, intake_keys.receipt_public).run_once()
        assert sorted(report.receipted) == sorted(ids) and report.backed_off is None
        assert all(intake.store.count(i) == 1 for i in ids)
    finally:
        transport.close()
        intake.stop()


def test_beyond_the_limit_the_whole_queue_waits_what_the_intake_says_and_then_goes_on(
    vault: Vault, queue_notification: Callable[..., str], intake_keys: IntakeKeys, tls: TlsMaterial,
    tmp_path: Path,
) -> None:
    ids = [queue_notification() for _ in range(12)]
    settings = IntakeSettings(reference_prefix="KOM", min_free_bytes=0, rate_per_minute=120, rate_burst=5)
    intake, transport = _start(tmp_path, intake_keys, tls, settings)
    try:
        sender = OutboxSender(lambda: vault, transport, intake_keys.receipt_public)
        first = sender.run_once()
        assert 5 <= len(first.receipted) < len(ids)
        assert first.backed_off == "delivery.server_busy"
        waiting = [i for i in ids if i not in first.receipted]
        assert {vault.notifications.get_summary(i).state for i in waiting} == {NotificationState.QUEUED}
        # All of them wait what the intake said (about a second), not the growing back-off or the
        # quarter of an hour a set-up problem waits.
        [until] = {vault.outbox.next_attempt_for(i) for i in waiting}
        assert until is not None and until <= datetime.now(UTC) + timedelta(seconds=3)

        for _ in range(40):  # each pass when the queue is due again
            due = vault.outbox.next_attempt_at()
            if due is None:
                break
            time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 0.05)
            sender.run_once()
        assert {vault.notifications.get_summary(i).state for i in ids} == {NotificationState.RECEIPTED}
        assert all(intake.store.count(i) == 1 for i in ids)
    finally:
        transport.close()
        intake.stop()


def _answers(intake: BackgroundIntake, status: int) -> int:
    """How many envelope posts the intake answered with ``status`` (its own Prometheus counter)."""
    value = intake.app.state.metrics.registry.get_sample_value(
        "underret_intake_requests_total", {"route": "/v1/envelopes", "status": str(status)})
    return int(value or 0)


def test_hundreds_waiting_drain_each_once_and_every_429_holds_the_whole_queue(
    vault: Vault, queue_notification: Callable[..., str], intake_keys: IntakeKeys, tls: TlsMaterial,
    tmp_path: Path,
) -> None:
    """A PC back with hundreds waiting, on two lanes as the app sends: each notification is posted until
    its one receipt and never again (no 200 'already have it' answers, i.e. nothing resent), each 429
    ends the pass for the whole queue (at most one per lane per pass, not one per waiting item), and
    nothing goes before the moment the intake named."""
    ids = [queue_notification() for _ in range(200)]
    settings = IntakeSettings(reference_prefix="KOM", min_free_bytes=0, rate_per_minute=900, rate_burst=60)
    intake, transport = _start(tmp_path, intake_keys, tls, settings)
    lanes = 2  # desktop.ui.delivery.service.SENDING_LANES
    try:
        sender = OutboxSender(lambda: vault, transport, intake_keys.receipt_public, lanes=lanes)
        passes = backed_off = 0
        while vault.outbox.waiting_count() and passes < 200:
            passes += 1
            report = sender.run_once()
            if report.backed_off is None:
                continue
            backed_off += 1
            assert report.backed_off == "delivery.server_busy"
            waiting = [i for i in ids if vault.outbox.next_attempt_for(i) is not None]
            until = {vault.outbox.next_attempt_for(i) for i in waiting}
            assert len(until) == 1, "the whole queue waits the same moment"
            # Before that moment nothing is tried, however often the timer or a window asks.
            early = sender.run_once()
            assert early.attempted == 0 and early.receipted == []
            [due] = until
            # what the intake said (a second or two here), not the growing back-off of a broken network
            assert due is not None and due <= datetime.now(UTC) + timedelta(seconds=5)
            time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 0.05)
        assert {vault.notifications.get_summary(i).state for i in ids} == {NotificationState.RECEIPTED}
        assert backed_off >= 2, "the test must cross the limit more than once"
        assert _answers(intake, 201) == len(ids)
        assert _answers(intake, 200) == 0, "a receipted notification was posted again"
        assert _answers(intake, 429) <= lanes * backed_off
        assert all(intake.store.count(i) == 1 for i in ids)
    finally:
        transport.close()
        intake.stop()
