"""A refused notification cannot be missed: the alert, the panel's whole story, "Send again" by keyboard.

The intake refuses the first delivery (a real TLS gateway that answers 400 "damaged"); the
main window raises the alert banner and a desktop notification, the counts agree,
the panel says why and whom to phone with the number; after IT has fixed the cause
the person reaches "Send again" with the keyboard and the notification is delivered,
once. Then the banner is gone, and "I have seen it" keeps a seen alert away after
the next unlock.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.notification_table_model import Group
from intake.server import BackgroundIntake
from tests.ui.delivery.test_send_again import _refusing_gateway

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp, Municipality

WAIT_MS = 30_000
RECEIVED = "Received by the municipality"


class FakeTray:
    """A fake at the boundary the offscreen platform does not have: the system's notification area."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def available(self) -> bool:
        return True

    def notify(self, title: str, text: str) -> bool:
        self.shown.append((title, text))
        return True


def _tab_to(window: QWidget, target: QWidget, limit: int = 60) -> None:
    """Press Tab until ``target`` has the focus (it must be in the window's Tab chain)."""
    window.activateWindow()
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def test_a_refused_notification_raises_the_alert_and_send_again_by_keyboard_delivers_it_once(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    municipality: Municipality, answers: dict[str, object], tmp_path: Path,
) -> None:
    real = BackgroundIntake(tmp_path / "intake.sqlite", municipality.receipt_signing,
                            cert_file=municipality.cert_file, key_file=municipality.key_file,
                            reference_prefix="KOM").start()
    gateway = _refusing_gateway(municipality, real.url, tmp_path)
    app = delivery_app()
    app.unlock()
    tray = FakeTray()
    app.part.notifier = tray
    notification_id = app.finalise_draft(answers | {"child.name": "Ali Hassan"})

    qtbot.waitUntil(lambda: app.part.alert.isVisible(), timeout=WAIT_MS)
    alert = app.part.alert.lines.text()
    assert alert == ("The notification about AH was not accepted by Demo Kommune: the municipality's "
                     "receiving service found it damaged. Phone 00 00 01 01.")
    assert tray.shown == [("Underret: a notification needs you", alert)]
    assert app.part.alert.property("announced") == alert  # spoken at once to a screen reader
    # Every count agrees: nothing waits, one is refused, and the tabs say the same.
    assert app.part.badge.text() == "Nothing waiting to be sent"
    assert app.window.tabs.tabText(Group.WAITING) == "Waiting to be sent (0)"
    assert app.window.tabs.tabText(Group.REFUSED) == "Refused (1)"

    _tab_to(app.window, app.part.alert.show_button)
    QTest.keyClick(app.part.alert.show_button, Qt.Key.Key_Space)
    assert app.window.current_group() == Group.REFUSED
    assert app.part.panel.notification_id == notification_id
    panel = app.part.panel.details
    assert panel is not None
    assert panel.headline == "Demo Kommune did not accept the notification. It has not been delivered."
    assert "Why: the municipality's receiving service found it damaged." in panel.lines
    assert any("Phone Demo Kommune, children's services on 00 00 01 01 today" in line for line in panel.lines)
    assert app.state_text(notification_id) == "Refused – phone the municipality"

    gateway.stop()
    real.stop()
    intake = start_intake()  # IT has fixed it: the real intake answers at the address (same database)
    button = app.part.panel.send_again_button
    assert button.isVisible()
    _tab_to(app.window, button)
    QTest.keyClick(button, Qt.Key.Key_Space)

    qtbot.waitUntil(lambda: app.state_text(notification_id) == RECEIVED, timeout=WAIT_MS)
    assert intake.store.count(notification_id) == 1
    assert not app.part.alert.isVisible()
    assert app.window.tabs.tabText(Group.REFUSED) == "Refused (0)"
    assert app.window.tabs.tabText(Group.SENT) == "Sent (1)"
    audit = [e.event for e in app.services.require_vault().audit.entries_for(notification_id)]
    assert "delivery.send_again" in audit
    assert len(tray.shown) == 1  # no second message for the same refusal


def test_i_have_seen_it_hides_the_alert_also_after_the_next_unlock_but_the_panel_still_tells(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], municipality: Municipality,
    answers: dict[str, object], tmp_path: Path,
) -> None:
    real = BackgroundIntake(tmp_path / "intake.sqlite", municipality.receipt_signing,
                            cert_file=municipality.cert_file, key_file=municipality.key_file).start()
    gateway = _refusing_gateway(municipality, real.url, tmp_path)
    try:
        app = delivery_app()
        app.unlock()
        app.part.notifier = FakeTray()
        notification_id = app.finalise_draft(answers)
        qtbot.waitUntil(lambda: app.part.alert.isVisible(), timeout=WAIT_MS)

        _tab_to(app.window, app.part.alert.seen_button)
        QTest.keyClick(app.part.alert.seen_button, Qt.Key.Key_Space)

        assert not app.part.alert.isVisible()
        app.services.session.lock()
        app.unlock()
        qtbot.waitUntil(lambda: app.state_text(notification_id) == "Refused – phone the municipality",
                        timeout=WAIT_MS)
        # The audit log is read in the background; once it is, the alert stays away.
        qtbot.waitUntil(lambda: notification_id in app.part._audit_checked, timeout=WAIT_MS)
        assert not app.part.alert.isVisible()
        assert "did not accept" in app.panel_text(notification_id)
    finally:
        gateway.stop()
        real.stop()


def test_finish_and_send_asks_once_with_a_summary_and_the_finalised_window_follows_the_delivery(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    from desktop.ui.wizard.window import WizardWindow
    from tests.support.keyboard import WizardKeys

    app = delivery_app()
    app.unlock()
    vault = app.services.require_vault()
    draft_id = vault.notifications.create_draft(answers | {"acute.in_danger": True}, "review", "EÆ")
    window = app.services.open_wizard(draft_id)
    assert isinstance(window, WizardWindow)
    keys = WizardKeys(qtbot, window)
    qtbot.waitUntil(lambda: window.page_id == "review" and window.finalise_button.isVisible())
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: (QApplication.focusWidget() or window.window()).window() is window
                    and QApplication.focusWidget() is not None)
    keys.tab_to(window.finalise_button)
    keys.press(Qt.Key.Key_Space)

    asked = window.sending.confirmation
    assert asked is not None and asked.isVisible()
    rows = dict(asked.rows)
    assert rows["Child"].startswith("Emma Louise Ærøskøbing")
    assert rows["Sent to"] == "Demo Kommune"
    assert rows["Child in danger right now"].startswith("Yes. Writing is not enough: phone now as well.")
    assert "112" in rows["Child in danger right now"]
    assert "can no longer be changed" in rows["What happens now"]
    assert vault.notifications.get_summary(draft_id).state.value == "draft"  # nothing happened yet
    keys.confirm_finish()

    qtbot.waitUntil(lambda: window.read_only and window.live_delivery is not None, timeout=WAIT_MS)
    live = window.live_delivery
    assert live is not None
    # No intake yet: the window says it waits, and why.
    qtbot.waitUntil(lambda: live.panel.details is not None
                    and live.panel.details.headline == "Not sent yet – waiting to be sent to Demo Kommune.",
                    timeout=WAIT_MS)
    assert window.save_label.text() == ""

    start_intake()
    app.part.send_now_action.trigger()
    qtbot.waitUntil(lambda: live.panel.details is not None
                    and live.panel.details.headline == "Received by Demo Kommune.", timeout=WAIT_MS)
    reference = vault.notifications.get_summary(draft_id).reference
    received = live.panel.details
    assert received is not None and f"The municipality's reference number: {reference}." in received.lines
