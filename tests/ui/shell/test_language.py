"""Danish by default; switching to English (and back) changes the open windows at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.profiles import ProfileInfo
from desktop.ui.notification_table_model import Group
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.shell import Shell

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]


def test_switching_language_in_settings_changes_the_main_window_at_once_and_is_remembered(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services()  # Danish, the default
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    unlock = shell.unlock_window
    assert unlock is not None
    assert unlock.unlock_button.text() == "&Lås op"
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.total_count() == 1)
    assert window.new_button.text() == "&Ny underretning"
    assert window.tabs.tabText(Group.DRAFTS) == "Kladder (1)"
    assert window.new_button.accessibleName() == "Ny underretning"

    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language_combo.setFocus()
    QTest.keyClick(dialog.language_combo, Qt.Key.Key_Down)  # Dansk -> English

    # The main window follows the switch at once; Qt tells the other windows with an event.
    assert window.new_button.text() == "&New notification"
    assert window.tabs.tabText(Group.DRAFTS) == "Drafts (1)"
    assert window.new_button.accessibleName() == "New notification"
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Settings")
    assert services.settings.value("language") == "en"

    QTest.keyClick(dialog.language_combo, Qt.Key.Key_Up)  # and back to Danish
    assert window.new_button.text() == "&Ny underretning"
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Indstillinger")
