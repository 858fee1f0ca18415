"""Sending a training case moves the focus once, from the question straight to the training feedback.

Through the real AT-SPI stack (tests/a11y) a screen reader said 'Gør færdig og send' (the notification
window, back from the question), then 'Ret den' (the finished window) before the feedback that opens on top.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.flow import apply_presets
from desktop.domain.forms import initial_answers, load_form
from desktop.ui.demo.controller import DemoController
from desktop.ui.wizard.window import WizardWindow
from tests.support.keyboard import WizardKeys


def _case_ready_to_send(demo: DemoController) -> str:
    """A training case with every answer given, at its review page."""
    scenario = next(s for s in demo.scenarios if s.id == "self-harm")
    form = load_form()
    answers = initial_answers(form)
    answers.update(scenario.prefilled_answers(datetime.now(UTC).date()))
    answers.update({"acute.in_danger": False, "signals.checked": scenario.expected_signals[:1],
                    "events.observations": "Fresh cuts on the forearm seen in PE on Monday."})
    for holder in answers["family.custody_holders"]:
        holder["informed"] = {"value": True, "why_not": ""}
    apply_presets(form, demo.services.pack(), answers, datetime.now(UTC).date())
    draft_id = demo.services.require_vault().notifications.create_draft(answers, "review", "MO")
    demo._scenario_of[draft_id] = scenario  # as start_scenario does: the feedback knows the case
    return draft_id


def test_sending_a_training_case_moves_the_focus_from_the_question_straight_to_the_feedback(
        demo: DemoController, qtbot: QtBot) -> None:
    draft_id = _case_ready_to_send(demo)
    window = demo.services.open_wizard(draft_id)
    assert isinstance(window, WizardWindow)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None)
    keys = WizardKeys(qtbot, window)
    keys.tab_to(window.finalise_button)
    reached: list[tuple[str, str]] = []  # (whose window, name): the question is deleted by the end

    def note(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            whose = "wizard" if new.window() is window else new.window().windowTitle()
            reached.append((whose, new.accessibleName() or new.objectName()))

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(note)
    try:
        keys.finish_and_send()
        qtbot.waitUntil(lambda: draft_id in demo.feedback_windows, timeout=30000)
        feedback = demo.feedback_windows[draft_id]
        qtbot.waitUntil(lambda: (focused := QApplication.focusWidget()) is not None
                        and focused.window() is feedback, timeout=10000)
        qtbot.wait(50)
    finally:
        app.focusChanged.disconnect(note)
    question = next(i for i, (whose, _name) in enumerate(reached) if whose != "wizard")
    after_question = [entry for entry in reached[question:] if entry[0] != reached[question][0]]
    # Once the question is answered: the feedback, and nothing in the notification window on the way.
    assert after_question and all(whose == feedback.windowTitle() for whose, _name in after_question), reached


def test_the_question_finish_and_send_is_named_demo_as_every_demo_window(
        demo: DemoController, qtbot: QtBot) -> None:
    draft_id = _case_ready_to_send(demo)
    window = demo.services.open_wizard(draft_id)
    assert isinstance(window, WizardWindow)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None)
    keys = WizardKeys(qtbot, window)
    keys.tab_to(window.finalise_button)
    keys.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: (asked := window.sending.confirmation) is not None and asked.isVisible())
    box = window.sending.confirmation
    assert box is not None
    try:
        # The title a sighted person sees, and the name a screen reader says for the window.
        assert box.windowTitle() == "[DEMO] Finish and send?"
        assert box.accessibleName() == "[DEMO] Finish and send?"
    finally:
        box.reject()
    qtbot.waitUntil(lambda: window.sending.confirmation is None)
