"""Sending happens in the background: the window hears about every state change and the waiting count."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from pytestqt.qtbot import QtBot

from desktop.outbox.sender import OutboxSender
from desktop.outbox.transport import HttpsIntakeTransport
from desktop.outbox.worker import OutboxWorker
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake

if TYPE_CHECKING:
    from tests.integration.delivery.conftest import IntakeKeys, TlsMaterial


def _later() -> datetime:
    """The sender's clock, one hour ahead: backoff timers then lie an hour out and cannot fire
    during a test, so only start-up, send_now and the network signal can cause a pass."""
    return datetime.now(UTC) + timedelta(hours=1)


def _worker(
    vault: Vault,
    key: bytes,
    url: str,
    tls: TlsMaterial,
    intake_keys: IntakeKeys,
    *,
    watch_network: bool = False,
) -> OutboxWorker:
    transport = HttpsIntakeTransport(url, ca_pem=tls.ca.cert_pem, timeout=10.0)
    sender = OutboxSender(lambda: Vault.open(vault.path, key), transport, intake_keys.receipt_public, _later)
    return OutboxWorker(sender, watch_network=watch_network)


def test_worker_sends_at_start_up_and_reports_receipted_and_nothing_waiting(
    qtbot: QtBot,
    vault: Vault,
    vault_key: bytes,
    intake: BackgroundIntake,
    queue_notification: Any,
    tls: TlsMaterial,
    intake_keys: IntakeKeys,
) -> None:
    notification_id = queue_notification()
    worker = _worker(vault, vault_key, intake.url, tls, intake_keys)
    states: list[tuple[str, str, str]] = []
    worker.itemStateChanged.connect(lambda *args: states.append(args))
    try:
        with qtbot.waitSignal(worker.waitingCountChanged, timeout=10_000) as waiting:
            worker.start()
        assert waiting.args == [0]
        assert states == [(notification_id, "sending", ""), (notification_id, "receipted", "")]
    finally:
        assert worker.stop()
    assert vault.notifications.get_summary(notification_id).state is NotificationState.RECEIPTED


def test_send_now_delivers_what_waited_while_the_intake_was_unreachable(
    qtbot: QtBot,
    vault: Vault,
    vault_key: bytes,
    queue_notification: Any,
    tls: TlsMaterial,
    intake_keys: IntakeKeys,
    tmp_path: Any,
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    notification_id = queue_notification()
    worker = _worker(vault, vault_key, f"https://127.0.0.1:{port}", tls, intake_keys)
    badge: list[int] = []
    worker.waitingCountChanged.connect(badge.append)
    try:
        with qtbot.waitSignal(
            worker.itemStateChanged,
            timeout=10_000,
            check_params_cb=lambda i, state, reason: state == "queued",
        ) as queued:
            worker.start()
        assert queued.args == [notification_id, "queued", "delivery.connection_refused"]
        assert vault.notifications.get_summary(notification_id).last_error == "delivery.connection_refused"

        with BackgroundIntake(
            tmp_path / "late-intake.sqlite",
            intake_keys.receipt_signing,
            port=port,
            cert_file=tls.cert_file,
            key_file=tls.key_file,
        ) as intake:
            with qtbot.waitSignal(
                worker.itemStateChanged,
                timeout=10_000,
                check_params_cb=lambda i, state, reason: state == "receipted",
            ):
                worker.send_now()
            assert intake.store.count(notification_id) == 1
            qtbot.waitUntil(lambda: badge == [1, 0], timeout=10_000)
            assert worker.stop()
    finally:
        worker.stop()
    assert vault.notifications.get_summary(notification_id).state is NotificationState.RECEIPTED


def test_worker_reports_a_vault_it_cannot_open_instead_of_failing_silently(
    qtbot: QtBot, vault: Vault, tls: TlsMaterial, intake_keys: IntakeKeys
) -> None:
    transport = HttpsIntakeTransport("https://127.0.0.1:9", ca_pem=tls.ca.cert_pem, timeout=10.0)
    sender = OutboxSender(lambda: Vault.open(vault.path, bytes(32)), transport, intake_keys.receipt_public)
    worker = OutboxWorker(sender, watch_network=False)
    try:
        with qtbot.waitSignal(worker.errorOccurred, timeout=10_000) as error:
            worker.start()
        assert error.args == ["vault.wrong_key"]
    finally:
        assert worker.stop()


def test_network_coming_back_sends_what_waited(
    qtbot: QtBot,
    vault: Vault,
    vault_key: bytes,
    queue_notification: Any,
    tls: TlsMaterial,
    intake_keys: IntakeKeys,
    tmp_path: Any,
) -> None:
    from PySide6.QtNetwork import QNetworkInformation

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    notification_id = queue_notification()
    worker = _worker(vault, vault_key, f"https://127.0.0.1:{port}", tls, intake_keys, watch_network=True)
    try:
        with qtbot.waitSignal(
            worker.itemStateChanged,
            timeout=10_000,
            check_params_cb=lambda i, state, reason: state == "queued",
        ):
            worker.start()
        network = QNetworkInformation.instance()
        assert network is not None, "this platform has a network-information backend"
        with BackgroundIntake(
            tmp_path / "intake.sqlite",
            intake_keys.receipt_signing,
            port=port,
            cert_file=tls.cert_file,
            key_file=tls.key_file,
        ):
            with qtbot.waitSignal(
                worker.itemStateChanged,
                timeout=10_000,
                check_params_cb=lambda i, state, reason: state == "receipted",
            ):
                # What the platform backend emits when the PC comes back online.
                network.reachabilityChanged.emit(QNetworkInformation.Reachability.Online)
            assert worker.stop()
    finally:
        worker.stop()
    assert vault.notifications.get_summary(notification_id).state is NotificationState.RECEIPTED


def test_locking_mid_attempt_ends_it_at_once_sends_nothing_more_and_the_next_pass_delivers_once(
    qtbot: QtBot,
    vault: Vault,
    vault_key: bytes,
    intake: BackgroundIntake,
    queue_notification: Any,
    fault_server: Any,
    tls: TlsMaterial,
    intake_keys: IntakeKeys,
) -> None:
    first, second = queue_notification(), queue_notification()
    # The intake gets the first envelope, but its answer does not come (the server holds it for minutes).
    flaky = fault_server("silent", upstream=intake.url, hold=300)
    worker = _worker(vault, vault_key, flaky.url, tls, intake_keys)
    worker.start()
    assert flaky.forwarded.wait(10)
    # The person locks while the first attempt waits for its answer: the wait for the worker is far
    # shorter than the transport's own timeout (10 s), so only an attempt ended at once lets it stop.
    assert worker.stop(timeout_ms=5_000)
    one, two = vault.notifications.get_summary(first), vault.notifications.get_summary(second)
    # Nothing recorded for the ended attempt: it goes again first, under the same Idempotency-Key.
    assert (one.state, one.attempts, one.last_error) == (NotificationState.SENDING, 1, None)
    assert (two.state, two.attempts) == (NotificationState.QUEUED, 0)
    assert flaky.bodies_received == 1
    assert intake.store.count() == 1

    transport = HttpsIntakeTransport(intake.url, ca_pem=tls.ca.cert_pem, timeout=10.0)
    report = OutboxSender(lambda: vault, transport, intake_keys.receipt_public).run_once()
    transport.close()
    assert sorted(report.receipted) == sorted([first, second])
    assert intake.store.count(first) == 1 and intake.store.count() == 2


def test_a_notification_finalised_while_the_app_runs_goes_out_at_once(
    qtbot: QtBot,
    vault: Vault,
    vault_key: bytes,
    intake: BackgroundIntake,
    queue_notification: Any,
    tls: TlsMaterial,
    intake_keys: IntakeKeys,
) -> None:
    worker = _worker(vault, vault_key, intake.url, tls, intake_keys)
    try:
        with qtbot.waitSignal(worker.waitingCountChanged, timeout=10_000):
            worker.start()  # nothing waits yet
        notification_id = queue_notification()
        with qtbot.waitSignal(
            worker.itemStateChanged,
            timeout=10_000,
            check_params_cb=lambda i, state, reason: state == "receipted",
        ):
            worker.try_now()
    finally:
        assert worker.stop()
    assert intake.store.count(notification_id) == 1


def test_a_burst_of_state_changes_reaches_the_window_in_order_and_before_the_waiting_count(
    qtbot: QtBot,
    vault: Vault,
    vault_key: bytes,
    intake: BackgroundIntake,
    queue_notification: Any,
    tls: TlsMaterial,
    intake_keys: IntakeKeys,
) -> None:
    queued = [queue_notification() for _ in range(6)]
    worker = _worker(vault, vault_key, intake.url, tls, intake_keys)
    heard: list[tuple[str, ...]] = []
    worker.itemStateChanged.connect(lambda *args: heard.append(args))
    worker.waitingCountChanged.connect(lambda count: heard.append(("waiting", str(count))))
    try:
        with qtbot.waitSignal(worker.waitingCountChanged, timeout=20_000):
            worker.start()
    finally:
        assert worker.stop()
    assert heard[-1] == ("waiting", "0")
    for notification_id in queued:
        assert [args[1] for args in heard if args[0] == notification_id] == ["sending", "receipted"]
