"""The windows before the main window - creating the first profile and unlocking - and the main window of a
real (not demo) profile: every button named starting with the words it shows, nothing focusable nameless,
and Tab round each the way it reads (screen-reader review, finding 10)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.services import Services
from desktop.ui.shell import Shell
from tests.support.naming import naming_findings
from tests.support.reading_order import tab_order_finding


def _findings(window: QWidget, qtbot: QtBot) -> list[str]:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focused = QApplication.focusWidget()
    if focused is None or focused.window() is not window:
        window.focusNextChild()
    found = naming_findings(window)
    tab = tab_order_finding(window)
    return found + ([tab] if tab is not None else [])


def test_creating_the_first_profile_reads_in_order(
    qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell]
) -> None:
    shell = start_shell(make_services())
    window = shell.first_run_window
    assert window is not None
    qtbot.waitExposed(window)
    assert _findings(window, qtbot) == []
    window.passphrase_radio.setFocus()
    QTest.keyClick(window.passphrase_radio, Qt.Key.Key_Space)  # the passphrase fields show
    assert window.passphrase_edit.isVisible()
    assert _findings(window, qtbot) == []


def test_unlocking_and_the_main_window_read_in_order(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: Callable[..., object], passphrase: str) -> None:
    services = make_services()
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    unlock = shell.unlock_window
    assert unlock is not None
    qtbot.waitExposed(unlock)
    assert _findings(unlock, qtbot) == []
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    main = shell.main_window
    assert main is not None
    assert _findings(main, qtbot) == []
