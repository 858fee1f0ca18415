"""A trainee runs through a training case with the keyboard alone, and the trainer shows both sides."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.notifications import NotificationState
from desktop.ui.demo.banner import banner_of
from desktop.ui.demo.controller import DemoController
from desktop.ui.demo.feedback import FeedbackWindow
from desktop.ui.demo.municipality_view import MunicipalityView
from desktop.ui.demo.picker import ScenarioPicker
from desktop.ui.wizard.window import WizardWindow
from tests.support.keyboard import WizardKeys

CASE = "kindergarten-neglect"


def _label(demo: DemoController, signal_id: str) -> str:
    pack = demo.environment.pack
    assert pack is not None
    return next(s.label.en for s in pack.signals if s.id == signal_id)


def test_a_trainee_files_a_case_by_keyboard_and_sees_feedback_receipt_and_the_municipality_side(
        demo: DemoController, qtbot: QtBot) -> None:
    main = demo.main_window
    assert main is not None
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)

    # Pick: Ctrl+T opens the training cases; arrow down to the case, Enter starts it.
    QTest.keyClick(main, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(demo.picker, ScenarioPicker) and demo.picker.isVisible())
    picker = demo.picker
    assert picker is not None and banner_of(picker) is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.list)
    for _ in range(len(demo.scenarios)):
        chosen = picker.selected_scenario()
        if chosen is not None and chosen.id == CASE:
            break
        QTest.keyClick(picker.list, Qt.Key.Key_Down)
    scenario = picker.selected_scenario()
    assert scenario is not None and scenario.id == CASE
    assert "Ali" in picker.story.toPlainText()
    QTest.keyClick(picker.list, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: any(isinstance(w, WizardWindow) and w.isVisible() for w in demo._wizards))
    window = next(w for w in demo._wizards if isinstance(w, WizardWindow))
    assert banner_of(window) is not None and window.windowTitle().startswith("[DEMO]")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    keys = WizardKeys(qtbot, window)
    # The case's people are filled in; the signals are for the trainee to find.
    assert window.answers["child.name"] == "Ali Demo Hassan"
    assert "signals.checked" not in window.answers or not window.answers["signals.checked"]

    # Fill.
    keys.choose("acute.in_danger", "no")
    keys.go_on_to("signals")
    found = ["neglect.hunger", "neglect.hygiene"]
    for signal_id in found:
        keys.tick_signal(signal_id, _label(demo, signal_id)[:14])
    keys.tick_signal("wellbeing.withdrawn", _label(demo, "wellbeing.withdrawn")[:14])
    keys.go_on_to("events")
    keys.type_into("events.observations", "Ali asked for food at 8.00 on Monday and Tuesday.")
    keys.go_on_to("family")
    keys.choose("family.custody_holders[0].informed", "no")
    keys.explain_why_not("family.custody_holders[0].informed", "We could not reach her.")
    keys.go_on_to("review")

    # Finalise.
    keys.finish_and_send()
    qtbot.waitUntil(lambda: window.read_only, timeout=30000)
    notification_id = window.draft_id
    assert notification_id is not None

    # Feedback: marked, missed and extra signals.
    qtbot.waitUntil(lambda: notification_id in demo.feedback_windows, timeout=10000)
    feedback = demo.feedback_windows[notification_id]
    assert isinstance(feedback, FeedbackWindow) and banner_of(feedback) is not None
    assert feedback.feedback.marked == ("neglect.hunger", "neglect.hygiene")
    assert feedback.feedback.missed == ("neglect.clothing", "neglect.not_collected", "parents.unreachable")
    assert feedback.feedback.extra == ("wellbeing.withdrawn",)
    text = feedback.body.toPlainText()
    assert _label(demo, "neglect.clothing") in text and _label(demo, "neglect.hunger") in text
    assert "2 of 5" in feedback.heading.text()

    # Delivered to the built-in intake: the receipt is shown.
    vault = demo.services.require_vault()
    qtbot.waitUntil(lambda: vault.notifications.get_summary(notification_id).state
                    is NotificationState.RECEIPTED, timeout=30000)
    summary = vault.notifications.get_summary(notification_id)
    assert summary.reference is not None and summary.reference.startswith("DEMO-")
    qtbot.waitUntil(lambda: feedback.reference == summary.reference)
    assert summary.reference in feedback.delivery_label.text()
    pdf = PdfReader(io.BytesIO(vault.notifications.get_pdf(notification_id)))
    assert all("DEMO" in page.extract_text() for page in pdf.pages)

    # The municipality's side, reached with the keyboard from the feedback window.
    feedback.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is feedback)
    feedback.municipality_button.setFocus()
    QTest.keyClick(feedback.municipality_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(demo.municipality_view, MunicipalityView)
                    and demo.municipality_view.isVisible())
    view = demo.municipality_view
    assert view is not None and banner_of(view) is not None
    assert view.selected_id() == notification_id
    shown = view.shown_text()
    assert summary.reference in shown
    assert "Ali Demo Hassan" in shown
    assert "Ali asked for food at 8.00 on Monday and Tuesday." in shown
    assert _label(demo, "neglect.hunger") in shown
