"""Locking: after idle time and on Ctrl+L every content window closes, the key is dropped, and
unlocking brings the person back to where they were."""

from __future__ import annotations

import gc
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.profiles import ProfileInfo
from desktop.ui.main_window import MainWindow
from desktop.ui.notification_table_model import Group
from desktop.ui.placeholder_window import PlaceholderWizardWindow
from desktop.ui.session import SessionLock
from desktop.ui.shell import Shell

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]


def _open(qtbot: QtBot, services: Services, shell: Shell, passphrase: str) -> MainWindow:
    unlock = shell.unlock_window
    assert unlock is not None
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.total_count() > 0)
    return window


def _notification_windows() -> list[PlaceholderWizardWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PlaceholderWizardWindow) and w.isVisible()]


def test_idle_time_locks_closes_content_and_zeroes_the_key_then_unlock_restores_everything(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en", idle_seconds=0.3)
    _, (_first, second) = profile_factory(services, "Mette", drafts=["AB", "CD"])
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    window.select_id(second)
    services.open_wizard(second)
    assert [w.draft_id for w in _notification_windows()] == [second]
    key = services._key
    assert key is not None and any(key)

    # Nobody touches the PC: the idle timer locks.
    qtbot.waitUntil(lambda: not services.session.is_active, timeout=10_000)

    assert services.vault is None
    assert services._key is None
    assert not any(key)  # the key bytes themselves were overwritten
    assert not window.isVisible()
    assert window.total_count() == 0  # no initials left in memory behind the lock
    assert _notification_windows() == []
    unlock = shell.unlock_window
    assert unlock is not None and unlock.isVisible()
    assert unlock.selected_profile_id() == services.profiles.list()[0].id

    _open(qtbot, services, shell, passphrase)
    qtbot.waitUntil(lambda: window.selected_id() == second)
    assert window.current_group() == Group.DRAFTS
    assert [w.draft_id for w in _notification_windows()] == [second]
    assert services.session.is_active


def test_ctrl_l_locks_at_once_from_the_main_window(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(services.session.locked, timeout=5000):
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert services.vault is None
    assert not window.isVisible()
    assert shell.unlock_window is not None and shell.unlock_window.isVisible()


def test_ctrl_l_also_locks_from_an_open_notification_window(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    _, (draft,) = profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    _open(qtbot, services, shell, passphrase)
    notification: QWidget = services.open_wizard(draft)
    notification.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is notification)
    with qtbot.waitSignal(services.session.locked, timeout=5000):
        QTest.keyClick(notification, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert _notification_windows() == []
    assert services.vault is None

    _open(qtbot, services, shell, passphrase)
    assert [w.draft_id for w in _notification_windows()] == [draft]


def _type_into(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    """A key as the system delivers it: to the window in focus, through its platform window."""
    handle = window.windowHandle()
    assert handle is not None
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is handle)
    QTest.keyClick(handle, key)


def test_typing_keeps_the_session_open(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en", idle_seconds=0.5)
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    window.activateWindow()
    # Each key press restarts the idle countdown (checked via the timer, not the clock).
    services.session._idle.stop()
    _type_into(qtbot, window, Qt.Key.Key_Down)
    assert services.session._idle.isActive()
    assert services.session.is_active


def test_typing_in_a_notification_window_keeps_the_session_open_too(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en", idle_seconds=0.5)
    _, (draft,) = profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    _open(qtbot, services, shell, passphrase)
    notification: QWidget = services.open_wizard(draft)
    notification.activateWindow()
    services.session._idle.stop()
    _type_into(qtbot, notification, Qt.Key.Key_Tab)
    assert services.session._idle.isActive()
    # A key pressed while the session is locked restarts nothing.
    services.session.lock()
    unlock = shell.unlock_window
    assert unlock is not None
    unlock.activateWindow()
    _type_into(qtbot, unlock, Qt.Key.Key_A)
    assert not services.session._idle.isActive()


def test_a_window_that_ignores_the_lock_is_closed_anyway_and_stays_closed_after_unlock(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    _open(qtbot, services, shell, passphrase)
    careless = QWidget()  # a window from an area that forgot to connect `locking`
    qtbot.addWidget(careless)
    careless.show()
    services.session.lock()
    assert not careless.isVisible()
    _open(qtbot, services, shell, passphrase)
    assert not careless.isVisible()  # closed, not hidden to come back with its content


class _Stubborn(QWidget):
    """A window that refuses to close (as a window with unsaved text on a full disk does)."""

    refuse = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.refuse:
            event.ignore()


def test_a_window_that_refuses_to_close_is_hidden_and_comes_back_and_one_deleted_meanwhile_breaks_nothing(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    _open(qtbot, services, shell, passphrase)
    stubborn, gone = _Stubborn(), _Stubborn()
    qtbot.addWidget(stubborn)
    stubborn.show()
    gone.show()
    services.session.lock()
    assert not stubborn.isVisible() and not gone.isVisible()
    shiboken6.delete(gone)  # deleted while the session is locked: its restore must not touch it
    unlocked: list[bool] = []
    services.session.unlocked.connect(lambda: unlocked.append(True))
    _open(qtbot, services, shell, passphrase)
    assert stubborn.isVisible()
    assert unlocked == [True]
    stubborn.refuse = False
    stubborn.close()


def test_steady_typing_for_longer_than_the_idle_time_never_locks_and_stopping_does(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en", idle_seconds=0.6)
    profile_factory(services, "Mette", drafts=["AB", "CD"])
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    window.activateWindow()
    window.views[Group.DRAFTS].setFocus()
    for step in range(20):  # 2 s of a key every 100 ms: over three times the idle time
        _type_into(qtbot, window, Qt.Key.Key_Down if step % 2 == 0 else Qt.Key.Key_Up)
        qtbot.wait(100)
        assert services.session.is_active, f"locked while typing (after {step + 1} keys)"
    with qtbot.waitSignal(services.session.locked, timeout=5000):
        pass  # no more input: the idle lock comes
    assert services.vault is None


def test_another_profile_unlocking_never_sees_the_first_profiles_windows_and_they_come_back_for_her(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    """A shared PC: Mette locks with a notification open (and a window that ignored the lock); Jonas
    unlocks his own profile on the same app. None of Mette's windows open for him, the careless one is
    closed; when Mette unlocks again her notification comes back."""
    services = make_services(language="en")
    mette, (draft,) = profile_factory(services, "Mette", drafts=["AB"])
    jonas, _ = profile_factory(services, "Jonas", drafts=["CD"])
    shell = start_shell(services)
    unlock = shell.unlock_window
    assert unlock is not None
    unlock.select_profile(mette.id)
    _open(qtbot, services, shell, passphrase)
    services.open_wizard(draft)
    careless = QWidget()  # a window of Mette's from an area that forgot to connect `locking`
    careless.setWindowTitle("Mette's careless window")
    qtbot.addWidget(careless)
    careless.show()
    services.session.lock()
    assert _notification_windows() == [] and not careless.isVisible()

    unlock.select_profile(jonas.id)
    _open(qtbot, services, shell, passphrase)
    assert services.profile is not None and services.profile.id == jonas.id
    qtbot.wait(50)  # anything queued by the unlock has run
    assert _notification_windows() == []
    assert not careless.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [shell.main_window]
    assert shell.main_window is not None and shell.main_window.total_count() == 1  # his draft only

    services.session.lock()
    assert not careless.isVisible()
    unlock.select_profile(mette.id)
    _open(qtbot, services, shell, passphrase)
    assert [w.draft_id for w in _notification_windows()] == [draft]
    assert not careless.isVisible()  # closed for good when Jonas unlocked: nothing of Mette's showed


class _CountingLock(SessionLock):
    """A session lock that counts how often Qt asks it about an event (to see where it still watches)."""

    asked = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        _CountingLock.asked += 1
        return super().eventFilter(watched, event)


def _focus(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())


def test_a_stopped_session_lock_stops_watching_every_window_and_new_ones(qtbot: QtBot) -> None:
    """The app quitting (or a test's services ending) stops the lock; its input watching must end with it,
    or every later window keeps calling into an object whose owner is gone (in a long test run, the
    filters of every earlier session piled up on each new window)."""
    lock = _CountingLock(5, watchers=None)
    first = QLineEdit()
    qtbot.addWidget(first)
    lock.start()
    _focus(qtbot, first)
    QTest.keyClicks(first, "ab")
    assert _CountingLock.asked > 0  # it watches while the session runs

    lock.stop()
    _CountingLock.asked = 0
    QTest.keyClicks(first, "cd")
    second = QLineEdit()
    qtbot.addWidget(second)
    _focus(qtbot, second)
    QTest.keyClicks(second, "ef")
    assert _CountingLock.asked == 0

    lock.start()  # a new unlock watches again
    _focus(qtbot, first)
    QTest.keyClicks(first, "gh")
    assert _CountingLock.asked > 0
    lock.stop()


def test_a_session_lock_torn_down_by_the_garbage_collector_lets_windows_work_on(qtbot: QtBot) -> None:
    """Python's cycle collector empties an object's attributes before Qt deletes the object (tp_clear), and
    a window may get events in between: the lock must then say 'not mine' instead of raising
    (AttributeError: 'SessionLock' object has no attribute '_active', seen in full test runs)."""
    lock = SessionLock(5, watchers=None)
    window = QLineEdit()
    qtbot.addWidget(window)
    lock.start()
    _focus(qtbot, window)
    vars(lock).clear()  # what tp_clear does to a lock in a reference cycle with its services

    QTest.keyClicks(window, "still typing")  # pytest-qt fails the test on an exception inside eventFilter
    window.repaint()
    assert window.text() == "still typing"


def test_while_locked_no_listed_notification_is_in_memory_after_many_lock_unlock_cycles(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    # The list read at each unlock (initials, states) is dropped at the lock, and no background operation
    # that read it keeps a copy (finished operations used to stay alive with their closures).
    from desktop.store.notifications import NotificationSummary

    services = make_services(language="en")
    _profile, ids = profile_factory(services, "Mette", drafts=["AB", "CD", "EF"])
    shell = start_shell(services)
    for _ in range(15):
        _open(qtbot, services, shell, passphrase)
        services.session.lock()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(1)
    gc.collect()
    # (Earlier tests' windows may still hold their own profiles' lists: only this profile's count.)
    assert [o for o in gc.get_objects() if isinstance(o, NotificationSummary) and o.id in ids] == []
