"""Locking the desk closes what shows a notification (issue 22): the assessment dialog is answered
"cancel" and closed, the notification window closed (not hidden), both are gone from memory after
unlock, and the desk goes on fetching from the real intake over TLS by itself."""

from __future__ import annotations

import gc
import uuid
import weakref
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.desk.store.vault import DeskVault
from desktop.store.profiles import ProfileDirectory
from desktop.ui.desk.inbox_window import InboxWindow
from desktop.ui.desk.main import DeskShell
from desktop.ui.desk.notification_window import NotificationWindow
from desktop.ui.operations import wait_for_all
from intake.server import BackgroundIntake
from tests.integration.desk.conftest import CHILD, OTHER, desk_for
from tests.support.desk import MARKER
from tests.support.roundtrip import CHEAP_SCRYPT, PASSPHRASE, Municipality, NotifierApp, document_for


def _deliver(app: NotifierApp, who: tuple[str, str, date]) -> str:
    name, cpr, birth = who
    notification_id = app.file(document_for(str(uuid.uuid4()), name=name, cpr=cpr, birth=birth, acute=False,
                                            observation=f"Set i dag. {MARKER}"))
    assert app.deliver().receipted
    return notification_id


def _unlock(shell: DeskShell, qtbot: QtBot) -> None:
    unlock = shell.unlock
    qtbot.waitUntil(unlock.isVisible, timeout=10000)
    unlock.passphrase.clear()
    QTest.keyClicks(unlock.passphrase, PASSPHRASE)
    QTest.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.inbox is not None and shell.inbox.isVisible(), timeout=30000)


def _open_and_assess(inbox: InboxWindow, notification_id: str, qtbot: QtBot) -> tuple[
        weakref.ref[NotificationWindow], weakref.ref[QDialog], list[int]]:
    """The notification open with its assessment dialog; only weak references kept."""
    window = inbox.open_notification(notification_id)
    qtbot.waitUntil(lambda: window.detail is not None, timeout=30000)
    dialog = window.assess()
    assert dialog is not None and dialog.isVisible()
    answered: list[int] = []
    dialog.finished.connect(answered.append)
    return weakref.ref(window), weakref.ref(dialog), answered


def _gone(ref: Callable[[], QWidget | None]) -> bool:
    gc.collect()
    return ref() is None


def test_locking_the_desk_closes_an_open_notification_and_its_assessment_and_fetching_goes_on(
        tmp_path: Path, qtbot: QtBot, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    first = _deliver(notifiers[0], CHILD)
    desk_for(tmp_path, municipality, intake, "MK").close()  # enrolled, keys imported; the shell opens it
    shell = DeskShell(ProfileDirectory(tmp_path / "desk-MK", scrypt=CHEAP_SCRYPT, vault_type=DeskVault))
    try:
        shell.start()
        _unlock(shell, qtbot)
        inbox = shell.inbox
        assert inbox is not None
        inbox.sync()
        qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=30000)
        window_ref, dialog_ref, answered = _open_and_assess(inbox, first, qtbot)

        shell.session.lock()
        assert answered == [0]  # "cancel": nothing is recorded for a dialog the lock ended
        assert shell.unlock.isVisible()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not shell.unlock]
        assert shown == []
        qtbot.waitUntil(lambda: _gone(window_ref) and _gone(dialog_ref), timeout=10000)  # closed, not hidden
        assert shell.context is not None and shell.context.service.vault.closed

        _unlock(shell, qtbot)
        # The notification window comes back for the same desk profile: a new one, read again from the vault.
        qtbot.waitUntil(lambda: len(inbox.open_windows()) == 1, timeout=30000)
        assert [again.notification_id for again in inbox.open_windows()] == [first]
        assert _gone(window_ref) and _gone(dialog_ref)
        # Fetching by itself goes on after unlock: a notification delivered now reaches the inbox.
        assert inbox.fetches_by_itself()
        inbox.set_fetch_interval(200)
        second = _deliver(notifiers[1], OTHER)
        qtbot.waitUntil(lambda: inbox.model.rowCount() == 2, timeout=30000)
        assert inbox.model.row_of(second) >= 0
    finally:
        shell.shutdown()
        wait_for_all()
        for left in QApplication.topLevelWidgets():
            left.close()
