"""Delivery as the person sees it in the main window: states in plain words, the panel with the whole
story, the count, "Send now", the alert for an overdue acknowledgement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from intake.server import BackgroundIntake

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp

WAIT_MS = 30_000
RECEIVED = "Received by the municipality"


def test_finalised_notification_is_sent_in_the_background_and_listed_as_received_with_its_reference(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    intake = start_intake()
    app = delivery_app()
    app.unlock()

    notification_id = app.finalise_draft(answers)

    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    summary = app.services.require_vault().notifications.get_summary(notification_id)
    assert summary.reference and summary.reference.startswith("KOM")
    qtbot.waitUntil(lambda: app.state_text(notification_id) == RECEIVED, timeout=WAIT_MS)
    panel = app.panel_text(notification_id)
    assert panel.startswith("Received by Demo Kommune.")
    assert f"The municipality's reference number: {summary.reference}." in panel
    assert "Received: today " in panel
    assert summary.acknowledgement_due is not None
    due = summary.acknowledgement_due
    assert f"receipt by {due.day} " in panel and str(due.year) in panel
    assert intake.store.count(notification_id) == 1
    assert app.part.badge.text() == "Nothing waiting to be sent"
    assert not app.part.alert.isVisible()


def test_with_the_intake_down_the_item_waits_with_the_reason_and_send_now_delivers_it_once_it_is_up(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    app = delivery_app()
    app.unlock()

    notification_id = app.finalise_draft(answers)

    qtbot.waitUntil(lambda: app.state_text(notification_id) == "Waiting – not sent yet", timeout=WAIT_MS)
    panel = app.panel_text(notification_id)
    assert "Why: the municipality's receiving service did not answer." in panel
    assert "Next try: " in panel
    assert app.part.badge.text() == "1 notification waiting to be sent"
    assert app.window.tabs.tabText(app.window.current_group()) == "Waiting to be sent (1)"
    assert app.summary_state(notification_id) == "queued"

    intake = start_intake()
    assert app.part.send_now_button.isEnabled()
    QTest.mouseClick(app.part.send_now_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.state_text(notification_id) == RECEIVED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.part.badge.text() == "Nothing waiting to be sent", timeout=WAIT_MS)
    assert intake.store.count(notification_id) == 1


def test_closing_with_a_notification_waiting_warns_once_and_keeps_it_queued_in_the_vault(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], answers: dict[str, object],
) -> None:
    app = delivery_app()
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.part.badge.text() == "1 notification waiting to be sent", timeout=WAIT_MS)

    app.window.close()
    assert app.window.isVisible()
    warning = app.part.quit_guard.close_warning
    assert warning is not None and warning.isVisible()
    assert "1 notification has not been sent yet" in warning.text()
    app.window.close()  # a second try while the question is open: no second warning
    assert app.part.quit_guard.close_warnings_shown == 1

    quit_button = warning.findChild(QPushButton, "quitAnyway")
    QTest.mouseClick(quit_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not app.window.isVisible(), timeout=WAIT_MS)
    assert app.part.quit_guard.close_warnings_shown == 1
    # Still in the outbox ("sending" if a retry was under way): it goes out after the next unlock.
    vault = app.services.require_vault()
    assert app.summary_state(notification_id) in ("queued", "sending")
    assert vault.outbox.waiting_count() == 1


def test_an_overdue_acknowledgement_is_shown_with_the_municipalitys_phone_number(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    start_intake()
    three_weeks_later = date.today() + timedelta(days=21)
    app = delivery_app(today=lambda: three_weeks_later)
    app.unlock()

    notification_id = app.finalise_draft(answers)

    qtbot.waitUntil(lambda: app.part.alert.isVisible(), timeout=WAIT_MS)
    summary = app.services.require_vault().notifications.get_summary(notification_id)
    assert summary.acknowledgement_due is not None and summary.acknowledgement_due < three_weeks_later
    assert app.state_text(notification_id) == "No receipt – phone the municipality"
    assert summary.reference is not None and summary.reference in app.part.alert.lines.text()
    assert "Phone 00 00 01 01." in app.part.alert.lines.text()
    advice = "Phone Demo Kommune, children's services on 00 00 01 01 and give the reference number."
    assert advice in app.panel_text(notification_id)


def test_noting_the_acknowledgement_ends_the_reminder_also_after_the_next_unlock(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    start_intake()
    three_weeks_later = date.today() + timedelta(days=21)
    app = delivery_app(today=lambda: three_weeks_later)
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.part.alert.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.window.select_id(notification_id), timeout=WAIT_MS)
    assert app.part.acknowledged_action.isEnabled()

    app.part.acknowledged_action.trigger()

    assert not app.part.alert.isVisible()
    assert app.state_text(notification_id) == "Receipt received"
    app.services.session.lock()
    app.unlock()
    qtbot.waitUntil(lambda: app.state_text(notification_id) == "Receipt received", timeout=WAIT_MS)
    noted = "You have noted that the municipality sent you a receipt."
    assert noted in app.panel_text(notification_id)
    assert not app.part.alert.isVisible()



def test_the_badge_claims_no_count_until_the_list_has_been_read(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp],
) -> None:
    app = delivery_app()
    app.unlock()
    qtbot.waitUntil(lambda: app.window.has_loaded and app.part.badge.isVisible(), timeout=WAIT_MS)
    assert app.part.badge.text() == "Nothing waiting to be sent"
    # As while the vault opens at start-up: the window shows, the list is not read yet.
    app.window.clear()
    app.part.retranslate()
    assert not app.part.badge.isVisible()
    app.window.refresh()
    qtbot.waitUntil(lambda: app.part.badge.isVisible(), timeout=WAIT_MS)
    assert app.part.badge.text() == "Nothing waiting to be sent"
