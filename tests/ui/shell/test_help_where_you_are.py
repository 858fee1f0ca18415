"""F1, the Help menu and Help buttons in the main window, the unlock window and the settings: each opens
the guideline pack's help for that place, with the procedure, contacts and legal references, in the UI
language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.profiles import ProfileInfo
from desktop.ui.help.viewer import HelpWindow, help_window_of
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.shell import Shell

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _shown_help(qtbot: QtBot, owner: QWidget) -> HelpWindow:
    qtbot.waitUntil(lambda: (h := help_window_of(owner)) is not None and h.isVisible())
    helper = help_window_of(owner)
    assert helper is not None
    return helper


def _press_f1_in(qtbot: QtBot, window: QWidget) -> HelpWindow:
    qtbot.waitUntil(lambda: (f := _focused()) is not None and f.window() is window)
    QTest.keyClick(_focused() or window, Qt.Key.Key_F1)
    return _shown_help(qtbot, window)


def _close(qtbot: QtBot, helper: HelpWindow) -> None:
    qtbot.waitUntil(lambda: (f := _focused()) is not None and f.window() is helper)
    QTest.keyClick(_focused() or helper, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not helper.isVisible())
    # Focus goes back to the window the help was opened from.
    owner = helper.parentWidget()
    qtbot.waitUntil(lambda: (f := _focused()) is not None and f.window() is owner)


def _unlocked(qtbot: QtBot, shell: Shell, passphrase: str) -> QWidget:
    unlock = shell.unlock_window
    assert unlock is not None
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    assert shell.main_window is not None
    return shell.main_window


def test_f1_and_the_help_button_on_the_unlock_window(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services()
    profile_factory(services, "Mette")
    shell = start_shell(services)
    unlock = shell.unlock_window
    assert unlock is not None
    qtbot.waitExposed(unlock)
    unlock.activateWindow()
    helper = _press_f1_in(qtbot, unlock)
    text = helper.document.toPlainText()
    assert helper.windowTitle() == "Hjælp – Åbn dine underretninger"
    assert "Har du valgt en personlig adgangskode, skriver du den her." in text
    assert "Del din bekymring" in text, "the national procedure (no municipality pack in the policy)"
    assert "Politi og ambulance: 112" in text
    assert "Barnets lov § 137: Besked til fagpersoner om, hvad underretningen har ført til" in text
    _close(qtbot, helper)

    # The same help from the Help button, reached with Tab and pressed with Space.
    button = unlock.help_button
    assert button is not None
    for _ in range(12):
        if _focused() is button:
            break
        QTest.keyClick(_focused() or unlock, Qt.Key.Key_Tab)
    assert _focused() is button
    assert button.text() == "Hjælp" and button.accessibleName()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert _shown_help(qtbot, unlock) is helper, "one help window per window, brought back"


def test_f1_and_the_help_menu_in_the_main_window(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette")
    shell = start_shell(services)
    window = _unlocked(qtbot, shell, passphrase)
    helper = _press_f1_in(qtbot, window)
    text = helper.document.toPlainText()
    assert helper.windowTitle() == "Help – Your notifications"
    assert "Choose New notification (Ctrl+N) to write a new one." in text, "a list in the pack's text"
    assert "Share your concern" in text and "Police and ambulance: 112" in text
    assert "Barnets lov § 133: Enhanced duty to notify for professionals" in text
    _close(qtbot, helper)

    # Help > Help for this window, by keyboard: Alt+H, Enter on the first entry.
    qtbot.waitUntil(lambda: (f := _focused()) is not None and f.window() is window)
    QTest.keyClick(_focused() or window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu.actions()[0].text() == "&Help for this window"
    target = menu.actions()[0]
    for _ in range(len(menu.actions()) + 1):
        if menu.activeAction() is target:
            break
        QTest.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is target
    QTest.keyClick(menu, Qt.Key.Key_Return)
    assert _shown_help(qtbot, window).windowTitle() == "Help – Your notifications"


def test_f1_and_the_help_button_in_the_settings(
        qtbot: QtBot, make_services: Callable[..., Services]) -> None:
    services = make_services()
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    helper = _press_f1_in(qtbot, dialog)
    assert helper.windowTitle() == "Hjælp – Indstillinger"
    assert "Nogle indstillinger bestemmer it-afdelingen" in helper.document.toPlainText()
    _close(qtbot, helper)
    button = next(b for b in dialog.buttons.buttons() if b.objectName() == "helpButton")
    assert button.text() == "Hjælp"
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert _shown_help(qtbot, dialog).windowTitle() == "Hjælp – Indstillinger"
