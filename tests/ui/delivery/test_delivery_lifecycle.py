"""Delivery across the app's life: the wizard's finalise, lock and unlock, retention, refusals, copies."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.config.policy import Policy
from desktop.domain.packs import GuidelinePack
from desktop.ui.about_dialog import AboutDialog
from intake.server import BackgroundIntake
from protocol.envelope import seal

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp, Municipality

WAIT_MS = 30_000


def test_pressing_finalise_in_the_wizard_seals_queues_and_delivers_the_notification(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    intake = start_intake()
    app = delivery_app()
    app.unlock()
    vault = app.services.require_vault()
    draft_id = vault.notifications.create_draft(answers, "review", "EL")
    wizard = app.services.open_wizard(draft_id)
    button = wizard.findChild(QWidget, "finaliseButton")
    assert button is not None and button.isVisible()

    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    confirmation = wizard.findChild(QWidget, "confirmFinalise")
    assert confirmation is not None and confirmation.isVisible()
    QTest.mouseClick(confirmation, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: app.summary_state(draft_id) == "receipted", timeout=WAIT_MS)
    assert intake.store.count(draft_id) == 1
    qtbot.waitUntil(lambda: app.state_text(draft_id) == "Received by the municipality", timeout=WAIT_MS)
    assert "The municipality's reference number: KOM" in app.panel_text(draft_id)


def test_locking_stops_sending_and_unlocking_starts_it_again_with_nothing_lost(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    app = delivery_app()
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.part.badge.text() == "1 notification waiting to be sent", timeout=WAIT_MS)

    app.services.session.lock()

    assert not app.delivery.running
    assert app.services.vault is None
    intake = start_intake()
    app.unlock()  # the worker starts again and tries at once

    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    assert intake.store.count(notification_id) == 1


def test_a_notification_the_municipality_refuses_is_shown_as_not_sent_with_the_reason(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    municipality: Municipality, answers: dict[str, object],
) -> None:
    app = delivery_app()
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.part.badge.text() == "1 notification waiting to be sent", timeout=WAIT_MS)
    intake = start_intake()
    # Another envelope under the same notification number reaches the intake first.
    other = seal(notification_id=notification_id, form_version="1.0", files={"notification.json": b"{}"},
                 recipients=[municipality.recipient.public()], sender_seed=bytes(32))
    context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())
    with httpx.Client(verify=context, timeout=10) as client:
        answer = client.post(f"{intake.url}/v1/envelopes", content=other,
                             headers={"Idempotency-Key": notification_id})
    assert answer.status_code == 201

    app.part.send_now_action.trigger()

    qtbot.waitUntil(lambda: app.state_text(notification_id) == "Refused – phone the municipality",
                    timeout=WAIT_MS)
    assert ("Why: the municipality already has a different notification with the same number."
            in app.panel_text(notification_id))
    assert app.summary_state(notification_id) == "failed"
    qtbot.waitUntil(lambda: app.part.badge.text() == "Nothing waiting to be sent", timeout=WAIT_MS)


def test_the_intake_address_and_ca_set_by_policy_win_over_the_guideline_pack(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    municipality: Municipality, pack: GuidelinePack, answers: dict[str, object], tmp_path: Path,
) -> None:
    intake = start_intake()
    # The pack names an address where nothing listens and no CA; municipal IT's policy names the real ones.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        nowhere = f"https://127.0.0.1:{probe.getsockname()[1]}"
    stale = pack.model_copy(update={"intake": pack.intake.model_copy(update={"endpoint": nowhere,
                                                                             "ca_pem": None})})
    ca_file = tmp_path / "kommune-ca.pem"
    ca_file.write_bytes(municipality.ca.cert_pem)
    app = delivery_app(policy=Policy(intake_endpoint=intake.url, intake_ca_pem_file=str(ca_file)), pack=stale)
    app.unlock()

    notification_id = app.finalise_draft(answers)

    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    assert intake.store.count(notification_id) == 1


def test_content_is_purged_after_the_policys_retention_period_and_the_receipt_is_kept(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    start_intake()
    shift = [timedelta(0)]
    app = delivery_app(policy=Policy(retention_days=10), clock=lambda: datetime.now(UTC) + shift[0])
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)

    shift[0] = timedelta(days=11)
    app.services.session.lock()
    app.unlock()  # the purge runs after each unlock (and daily)

    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "purged", timeout=WAIT_MS)
    vault = app.services.require_vault()
    assert vault.outbox.get_receipt(notification_id) is not None
    reference = vault.notifications.get_summary(notification_id).reference
    qtbot.waitUntil(lambda: app.state_text(notification_id) == "Received – content removed", timeout=WAIT_MS)
    panel = app.panel_text(notification_id)
    assert f"The municipality's reference number: {reference}." in panel
    assert "the record that the municipality received it is kept" in panel


def test_export_of_a_sent_notification_writes_exactly_the_copy_that_was_sent(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    start_intake()
    app = delivery_app()
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.window.select_id(notification_id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.part.documents.export_action.isEnabled(), timeout=WAIT_MS)
    # The two system dialogs (the warning and the file chooser) answered as the person would.
    target = tmp_path / "underretning.pdf"
    monkeypatch.setattr("desktop.ui.documents.export.confirm_unprotected_export", lambda parent: True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))

    app.part.documents.export_action.trigger()  # the stored copy is read in the background first

    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    stored = app.services.require_vault().notifications.get_pdf(notification_id)
    assert target.read_bytes() == stored
    assert stored.startswith(b"%PDF")


def test_about_shows_the_sender_key_fingerprint_the_municipality_enrols(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp],
) -> None:
    from desktop.outbox.doctor import sender_fingerprint

    app = delivery_app()
    app.unlock()
    dialog = AboutDialog(app.services, app.window)
    qtbot.addWidget(dialog)

    rows = dict(dialog.rows())

    assert rows["Code for IT (sender key fingerprint)"] == sender_fingerprint(app.services.require_vault())


def test_locking_while_an_attempt_waits_for_a_silent_intake_does_not_wait_for_it(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], pack: GuidelinePack, answers: dict[str, object],
) -> None:
    from tests.support.unfriendly_servers import BlackHole

    hole = BlackHole()  # takes the connection and never answers (an attempt's own limit here is 10 s)
    try:
        silent = pack.model_copy(update={"intake": pack.intake.model_copy(update={"endpoint": hole.url})})
        app = delivery_app(pack=silent)
        app.unlock()
        app.finalise_draft(answers)
        qtbot.waitUntil(lambda: hole.connections == 1, timeout=WAIT_MS)

        app.services.session.lock()  # while the attempt waits for its answer

        # The worker stopped within the lock's short wait (2 s): none is left finishing in the background.
        assert not app.delivery.running
        assert app.delivery._retired == []
    finally:
        hole.close()


def test_a_screen_reader_hears_when_the_municipality_has_received_a_notification(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    """The State column changes where the focus is not: what changed is said (issue 21 point 1)."""
    from desktop.ui.announce import announcements

    intake = start_intake()
    app = delivery_app()
    app.unlock()
    qtbot.waitUntil(lambda: app.window.has_loaded, timeout=WAIT_MS)
    heard = announcements()
    heard.clear()
    try:
        notification_id = app.finalise_draft(answers | {"child.name": "Ali Hassan"})
        qtbot.waitUntil(lambda: app.state_text(notification_id) == "Received by the municipality",
                        timeout=WAIT_MS)
        reference = app.services.require_vault().notifications.get_summary(notification_id).reference
        assert reference is not None and intake.store.count(notification_id) == 1
        said = [t for t in heard.texts() if "received" in t]
        assert said == ["The municipality has received the notification about AH. "
                        f"Reference number: {reference}."]
    finally:
        heard.clear()
