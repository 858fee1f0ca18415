"""What a trainer and a trainee rely on in demo mode: the case story stays beside the form, reset asks
before it deletes anything, every window the demo opens says DEMO, and the case list shows whole titles."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.building import build_document
from desktop.domain.flow import apply_presets
from desktop.domain.forms import initial_answers, load_form
from desktop.store.notifications import NotificationState
from desktop.ui import theme
from desktop.ui.demo.banner import TITLE_PREFIX, banner_of
from desktop.ui.demo.controller import DemoController
from desktop.ui.demo.picker import ScenarioPicker
from desktop.ui.demo.story_panel import StoryPanel
from desktop.ui.help.viewer import help_window_of
from desktop.ui.wizard.finalising import NotificationFinaliser
from desktop.ui.wizard.window import WizardWindow
from tests.support.keyboard import WizardKeys

CASE = "baby-bruise"


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def story_panel_of(window: WizardWindow) -> StoryPanel | None:
    found = window.findChild(StoryPanel)
    return found if isinstance(found, StoryPanel) else None


def _start_case_by_keyboard(demo: DemoController, qtbot: QtBot, case: str = CASE) -> WizardWindow:
    """Ctrl+T in the main window, arrow keys to the case, Enter: the case opens in the wizard."""
    main = demo.main_window
    assert main is not None
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    QTest.keyClick(main, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(demo.picker, ScenarioPicker) and demo.picker.isVisible())
    picker = demo.picker
    assert picker is not None
    qtbot.waitUntil(lambda: _focused() is picker.list)
    for _ in range(len(demo.scenarios)):
        chosen = picker.selected_scenario()
        if chosen is not None and chosen.id == case:
            break
        QTest.keyClick(picker.list, Qt.Key.Key_Down)
    QTest.keyClick(picker.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(isinstance(w, WizardWindow) and w.isVisible() for w in demo._wizards))
    window = next(w for w in demo._wizards if isinstance(w, WizardWindow))
    window.activateWindow()
    qtbot.waitUntil(lambda: (f := _focused()) is not None and f.window() is window)
    return window


def _file_and_deliver(demo: DemoController, qtbot: QtBot) -> str:
    """A training case finalised through the demo's finaliser and received by the built-in intake."""
    scenario = next(s for s in demo.scenarios if s.id == "self-harm")
    form = load_form()
    pack = demo.services.pack()
    today = datetime.now(UTC).date()
    answers = initial_answers(form)
    answers.update(scenario.prefilled_answers(today))
    answers.update({"acute.in_danger": False, "signals.checked": scenario.expected_signals[:1],
                    "events.observations": "Fresh cuts on the forearm seen in PE on Monday."})
    for holder in answers["family.custody_holders"]:
        holder["informed"] = {"value": True, "why_not": ""}
    apply_presets(form, pack, answers, today)
    vault = demo.services.require_vault()
    draft_id = vault.notifications.create_draft(answers, "review", "MO")
    now = datetime.now(UTC)
    document = build_document(form, pack, answers, notification_id=draft_id, created_at=now,
                              finalised_at=now, language="en")
    finalise: NotificationFinaliser | None = getattr(demo.services, "finalise", None)
    assert finalise is not None
    finalise(draft_id, document)
    demo.services.notifications_changed.emit()
    qtbot.waitUntil(lambda: vault.notifications.get_summary(draft_id).state is NotificationState.RECEIPTED,
                    timeout=30000)
    return draft_id


# --- the case story ---------------------------------------------------------------------------------
def test_the_case_story_stays_beside_the_form_while_the_trainee_fills_it_in(
        demo: DemoController, qtbot: QtBot) -> None:
    window = _start_case_by_keyboard(demo, qtbot)
    scenario = next(s for s in demo.scenarios if s.id == CASE)
    panel = story_panel_of(window)
    assert panel is not None and panel.isVisible()
    assert scenario.story.en[:60] in panel.story.toPlainText()
    assert scenario.title.en in panel.story.toPlainText()
    assert "Your role: Pædagog, Vuggestuen Mælkebøtten." in panel.story.toPlainText()
    # It cannot be closed or floated away by accident.
    assert panel.features() == QDockWidget.DockWidgetFeature.NoDockWidgetFeatures
    # Beside the form, not over it: the page and the story are both in view.
    assert panel.width() >= window.width() // 4
    central = window.centralWidget()
    assert central is not None and panel.geometry().left() >= central.geometry().right()

    keys = WizardKeys(qtbot, window)
    keys.choose("acute.in_danger", "no")
    for page in ("child", "knowledge", "signals", "events"):
        keys.go_on_to(page)
        assert panel.isVisible() and scenario.story.en[:60] in panel.story.toPlainText(), page
    keys.type_into("events.observations", "Three round bruises on the upper arm at the nappy change.")
    assert panel.isVisible()

    # In Danish the story is the Danish one.
    demo.services.set_language("da")
    qtbot.waitUntil(lambda: scenario.story.da[:60] in panel.story.toPlainText())
    assert panel.windowTitle() == "Casen"

    # Opened again later from the list, the draft still has its story beside it.
    draft_id = window.draft_id
    assert draft_id is not None
    window.close()
    qtbot.waitUntil(lambda: window not in demo._wizards or not window.isVisible())
    again = demo.services.open_wizard(draft_id)
    assert isinstance(again, WizardWindow)
    qtbot.waitExposed(again)
    reopened = story_panel_of(again)
    assert reopened is not None and reopened.isVisible()


def test_a_notification_that_is_not_a_training_case_has_no_story_panel(demo: DemoController,
                                                                        qtbot: QtBot) -> None:
    window = demo.services.open_wizard(None)
    assert isinstance(window, WizardWindow)
    qtbot.waitExposed(window)
    assert story_panel_of(window) is None


# --- reset asks --------------------------------------------------------------------------------------
def _press_reset(demo: DemoController, qtbot: QtBot) -> QMessageBox:
    button = next(b for b in demo.demo_buttons if b.defaultAction() is demo.reset_action)
    assert button.isVisible()
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(demo.reset_question, QMessageBox) and demo.reset_question.isVisible())
    box = demo.reset_question
    assert isinstance(box, QMessageBox) and box.objectName() == "demoResetQuestion"
    qtbot.waitUntil(lambda: (f := _focused()) is not None and f.window() is box)
    return box


def test_reset_asks_first_and_its_default_answer_keeps_everything(demo: DemoController, qtbot: QtBot) -> None:
    notification_id = _file_and_deliver(demo, qtbot)
    vault = demo.services.require_vault()
    draft = demo.start_scenario(next(s for s in demo.scenarios if s.id == CASE))
    assert isinstance(draft, WizardWindow)
    intake = demo.environment.intake
    assert intake is not None and intake.count() == 1
    before = {s.id for s in vault.notifications.list_summaries()}
    assert notification_id in before and len(before) == 2

    # Enter takes the default answer, which is "Keep it": nothing is deleted, the open case stays open.
    box = _press_reset(demo, qtbot)
    assert box.windowTitle().endswith("Reset the demo?")
    assert banner_of(box) is not None
    assert box.defaultButton() is box.escapeButton()
    default = box.defaultButton()
    assert default is not None and default.text() == "&Keep it"
    QTest.keyClick(_focused() or box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo.reset_question is None)
    assert {s.id for s in demo.services.require_vault().notifications.list_summaries()} == before
    assert intake.count() == 1 and draft.isVisible()

    # Escape keeps everything too.
    box = _press_reset(demo, qtbot)
    QTest.keyClick(_focused() or box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: demo.reset_question is None)
    assert {s.id for s in demo.services.require_vault().notifications.list_summaries()} == before

    # Choosing "Reset" (Tab to it, Space) empties the vault and the intake; the main window stays.
    box = _press_reset(demo, qtbot)
    confirm = next(b for b in box.buttons() if b.objectName() == "confirmReset")
    for _ in range(6):
        if _focused() is confirm:
            break
        QTest.keyClick(_focused() or box, Qt.Key.Key_Tab)
    assert _focused() is confirm
    with qtbot.waitSignal(demo.reset_done, timeout=30000):
        QTest.keyClick(confirm, Qt.Key.Key_Space)
    assert demo.services.require_vault().notifications.list_summaries() == []
    assert demo.environment.intake is not None and demo.environment.intake.count() == 0
    assert demo.main_window is not None and demo.main_window.isVisible()


# --- the banner on every window -------------------------------------------------------------------
def _visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)]


def test_every_window_the_demo_opens_carries_the_banner(demo: DemoController, qtbot: QtBot) -> None:
    main = demo.main_window
    assert main is not None
    window = _start_case_by_keyboard(demo, qtbot)
    # F1 in the case: the help window.
    QTest.keyClick(_focused() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: (h := help_window_of(window)) is not None and h.isVisible())
    # The wizard's own question ("Delete the draft?"), opened from its button.
    window.activateWindow()
    qtbot.waitUntil(lambda: (f := _focused()) is not None and f.window() is window)
    window.discard_button.setFocus()
    QTest.keyClick(window.discard_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.discard_box is not None and window.discard_box.isVisible())
    # From the main window: settings (Ctrl+,), About, the municipality view (Ctrl+M), reset's question.
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    QTest.keyClick(main, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(w.objectName() == "settingsDialog" for w in _visible_windows()))
    main.about_action.trigger()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    QTest.keyClick(main, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: demo.municipality_view is not None and demo.municipality_view.isVisible())
    demo.ask_reset()
    qtbot.waitUntil(lambda: demo.reset_question is not None and demo.reset_question.isVisible())
    # A message box no demo code knows about, opened by any part of the app.
    other = QMessageBox(QMessageBox.Icon.Information, "Underret", "Some message",
                        QMessageBox.StandardButton.Ok, main)
    other.open()

    windows = _visible_windows()
    names = {w.objectName() for w in windows}
    assert {"mainWindow", "notificationWindow", "helpWindow", "settingsDialog", "aboutDialog",
            "demoMunicipalityView", "demoResetQuestion"} <= names
    assert len(windows) >= 9, names  # and the discard question and the other message box
    for shown in windows:
        banner = banner_of(shown)
        assert banner is not None and banner.isVisible(), shown.objectName() or type(shown).__name__
        assert banner.text() == "DEMO – fictitious data only. Nothing is sent to a real municipality."
        # Drawn in the banner's own colours (in a main window's tool bar it was white on the bar's grey).
        picture = banner.grab().toImage()
        drawn = picture.pixelColor(3, picture.height() // 2)
        assert drawn.name() == theme.colours(theme.Tone.BANNER).background.name(), shown.objectName()
        assert banner.geometry().top() <= shown.height() // 4, "at the top of the window"
        assert shown.windowTitle().startswith(TITLE_PREFIX), shown.objectName()
    # The message boxes keep all their text and buttons below the banner.
    other_banner, other_text = banner_of(other), other.findChild(QWidget, "qt_msgbox_label")
    assert other.text() == "Some message" and other_banner is not None and other_text is not None
    assert other_banner.geometry().bottom() <= other_text.geometry().top()
    other.close()
