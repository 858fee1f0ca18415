"""Every window of a training run, in Danish: each button is named starting with the words it shows,
nothing that takes the focus is nameless (voice control: "klik Tilbage"; screen-reader review, finding 10),
and Tab goes round each window the way it reads (top to bottom, side by side left to right).

The walk is the keyboard's: the main window, its settings and about dialogs, the training cases, each page of
the notification and the review, then the feedback and the municipality's side after sending.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.about_dialog import AboutDialog
from desktop.ui.demo.controller import DemoController
from desktop.ui.demo.feedback import FeedbackWindow
from desktop.ui.demo.municipality_view import MunicipalityView
from desktop.ui.demo.picker import ScenarioPicker
from desktop.ui.help.viewer import HelpWindow
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.wizard.window import WizardWindow
from tests.support.demo_run import running_demo
from tests.support.keyboard import WizardKeys
from tests.support.naming import naming_findings
from tests.support.reading_order import tab_order_finding


@pytest.fixture
def danish_demo(qapp: QApplication, qtbot: QtBot, temp_root: Path) -> Iterator[DemoController]:
    """A running demo in Danish (as most people use it), its main window shown; removed afterwards."""
    with running_demo("da", qtbot, temp_root) as controller:
        yield controller


def _tab_in_reading_order(where: str, window: QWidget, qtbot: QtBot, found: dict[str, str]) -> None:
    """Tab round ``window`` (made active first: keys go to the active window) and note where it does not
    go the way the window reads."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focused = QApplication.focusWidget()
    if focused is None or focused.window() is not window:
        window.focusNextChild()
    finding = tab_order_finding(window)
    if finding is not None:
        found[where] = finding


def _shown_dialog(kind: type[QDialog]) -> QDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def test_every_window_names_its_buttons_by_what_they_show_and_tab_goes_in_reading_order(
    danish_demo: DemoController, qtbot: QtBot
) -> None:
    demo = danish_demo
    main = demo.main_window
    assert main is not None
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    findings: dict[str, list[str]] = {}

    def check(where: str, window: QWidget) -> None:
        found = naming_findings(window)
        if found:
            findings[where] = found
        _tab_in_reading_order(where, window, qtbot, tab_findings)

    tab_findings: dict[str, str] = {}
    check("main window", main)
    for where, opener, kind in (("settings", main.open_settings, SettingsDialog),
                                ("about", main.open_about, AboutDialog)):
        opener()
        qtbot.waitUntil(lambda k=kind: _shown_dialog(k) is not None)  # type: ignore[misc]
        dialog = _shown_dialog(kind)
        assert dialog is not None
        check(where, dialog)
        dialog.reject()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())  # type: ignore[misc]

    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    QTest.keyClick(main, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(demo.picker, ScenarioPicker) and demo.picker.isVisible())
    picker = demo.picker
    assert picker is not None
    check("training cases", picker)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.list)
    QTest.keyClick(picker.list, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: any(isinstance(w, WizardWindow) and w.isVisible() for w in demo._wizards))
    window = next(w for w in demo._wizards if isinstance(w, WizardWindow))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    keys = WizardKeys(qtbot, window)
    keys.choose("acute.in_danger", "yes")  # whom to call shows too
    for _ in range(12):
        check(f"notification, page {window.page_id}", window)
        if window.page_id == "review":
            break
        keys.next_page()
    assert window.page_id == "review"
    check("main window with a draft", main)

    # F1 on the review page: the help for it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: _shown_dialog(HelpWindow) is not None)
    help_window = _shown_dialog(HelpWindow)
    assert help_window is not None
    check("help", help_window)
    help_window.reject()
    qtbot.waitUntil(lambda: not help_window.isVisible())

    assert not findings, findings
    assert not tab_findings, "\n\n".join(f"{k}:\n{v}" for k, v in tab_findings.items())


def test_after_sending_the_feedback_and_the_municipality_side_name_their_buttons_by_what_they_show(
    danish_demo: DemoController, qtbot: QtBot
) -> None:
    demo = danish_demo
    main = demo.main_window
    assert main is not None
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    QTest.keyClick(main, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(demo.picker, ScenarioPicker) and demo.picker.isVisible())
    picker = demo.picker
    assert picker is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.list)
    QTest.keyClick(picker.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(isinstance(w, WizardWindow) and w.isVisible() for w in demo._wizards))
    window = next(w for w in demo._wizards if isinstance(w, WizardWindow))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    keys = WizardKeys(qtbot, window)
    keys.choose("acute.in_danger", "no")
    keys.go_on_to("events")
    keys.type_into("events.observations", "Ali bad om mad kl. 8 mandag og tirsdag.")
    keys.go_on_to("family")
    keys.choose("family.custody_holders[0].informed", "no")
    keys.explain_why_not("family.custody_holders[0].informed", "Vi kunne ikke få fat i hende.")
    keys.go_on_to("review")
    keys.finish_and_send()
    qtbot.waitUntil(lambda: window.read_only, timeout=30000)
    notification_id = window.draft_id
    assert notification_id is not None
    findings: dict[str, list[str]] = {}

    def check(where: str, shown: QWidget) -> None:
        found = naming_findings(shown)
        if found:
            findings[where] = found

    check("finished notification", window)
    qtbot.waitUntil(lambda: notification_id in demo.feedback_windows, timeout=10000)
    feedback = demo.feedback_windows[notification_id]
    assert isinstance(feedback, FeedbackWindow)
    check("feedback", feedback)
    feedback.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is feedback)
    feedback.municipality_button.setFocus()
    QTest.keyClick(feedback.municipality_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(demo.municipality_view, MunicipalityView)
                    and demo.municipality_view.isVisible())
    view = demo.municipality_view
    assert view is not None
    check("municipality's side", view)
    check("main window after sending", main)

    assert not findings, findings
