"""The desk's windows name each button starting with the words it shows, and nothing that takes the focus
is nameless (voice control: "klik Vurdér"; screen-reader review, finding 10), and Tab goes round each the
way it reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.store.keys import ScryptParams
from desktop.ui.desk.context import DeskContext
from desktop.ui.desk.dialogs import AssessmentDialog
from desktop.ui.desk.inbox_window import InboxWindow
from desktop.ui.desk.main import DeskShell
from desktop.ui.desk.report_dialog import ReportDialog
from desktop.ui.desk.setup_dialog import SetupDialog
from desktop.ui.desk.summary_dialog import DailySummaryDialog
from desktop.ui.operations import wait_for_all
from desktop.ui.services import Translations
from tests.support.naming import naming_findings
from tests.support.reading_order import tab_order_finding
from tests.ui.desk.conftest import Seeded


def _modal(qtbot: QtBot, kind: type[QWidget]) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=10000)
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, QDialog)
    return widget


def _alt(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    QTest.keyClick(QApplication.focusWidget() or widget, key, Qt.KeyboardModifier.AltModifier)


def test_every_desk_window_names_its_buttons_by_what_they_show_and_tab_goes_in_reading_order(
        context: DeskContext, seeded: Seeded, qtbot: QtBot) -> None:
    findings: dict[str, list[str]] = {}

    tab_findings: dict[str, str] = {}

    def check(where: str, window: QWidget) -> None:
        found = naming_findings(window)
        if found:
            findings[where] = found
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not window:
            window.focusNextChild()
        finding = tab_order_finding(window)
        if finding is not None:
            tab_findings[where] = finding

    inbox = InboxWindow(context)
    qtbot.addWidget(inbox)
    with qtbot.waitSignal(inbox.loaded, timeout=10000):
        inbox.show()
    inbox.activateWindow()
    inbox.table.setFocus()
    check("inbox", inbox)

    for where, key, kind in (("daily summary", Qt.Key.Key_D, DailySummaryDialog),
                             ("yearly report", Qt.Key.Key_R, ReportDialog),
                             ("setting up the desk", Qt.Key.Key_O, SetupDialog)):
        _alt(qtbot, inbox, key)
        dialog = _modal(qtbot, kind)
        check(where, dialog)
        dialog.reject()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())  # type: ignore[misc]

    opened = inbox.open_notification(seeded.overdue)
    qtbot.waitUntil(lambda: opened.assess_button.isEnabled(), timeout=10000)
    check("notification", opened)
    _alt(qtbot, opened, Qt.Key.Key_V)  # "&Vurdér (24 timer) …"
    dialog = _modal(qtbot, AssessmentDialog)
    check("assessment", dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert not findings, findings
    assert not tab_findings, "\n\n".join(f"{k}:\n{v}" for k, v in tab_findings.items())


def test_the_desks_first_window_names_its_buttons_and_tab_goes_in_reading_order(
        tmp_path: Path, qtbot: QtBot, danish: Translations) -> None:
    from desktop.desk.store.vault import DeskVault
    from desktop.store.profiles import ProfileDirectory

    profiles = ProfileDirectory(tmp_path / "desk", scrypt=ScryptParams(n=2**10), vault_type=DeskVault)
    shell = DeskShell(profiles)
    try:
        shell.start()
        unlock = shell.unlock
        unlock.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is unlock.name, timeout=10000)
        assert naming_findings(unlock) == []
        assert tab_order_finding(unlock) is None
    finally:
        shell.shutdown()
        wait_for_all()
        for window in QApplication.topLevelWidgets():
            window.close()
