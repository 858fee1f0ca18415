"""The Windows and macOS watchers' decoding, as far as it can run on Linux.

Their registration with the operating system (a hidden window with WTSRegisterSessionNotification;
NSWorkspace observers through PyObjC) has not run here: Windows and macOS are not available in this
suite. What is checked: which messages and notifications lock and with what reason, and that the
window procedure passes every message on to Windows' default handling.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.ui import session_watchers as watchers


@pytest.mark.parametrize(("message", "wparam", "reason"), [
    (watchers.WM_WTSSESSION_CHANGE, watchers.WTS_SESSION_LOCK, "screen_locked"),
    (watchers.WM_WTSSESSION_CHANGE, watchers.WTS_CONSOLE_DISCONNECT, "user_switched"),
    (watchers.WM_WTSSESSION_CHANGE, watchers.WTS_REMOTE_DISCONNECT, "user_switched"),
    (watchers.WM_WTSSESSION_CHANGE, watchers.WTS_SESSION_LOGOFF, "user_switched"),
    (watchers.WM_POWERBROADCAST, watchers.PBT_APMSUSPEND, "sleep"),
    (watchers.WM_WTSSESSION_CHANGE, 0x8, None),  # WTS_SESSION_UNLOCK
    (watchers.WM_POWERBROADCAST, 0x12, None),  # PBT_APMRESUMEAUTOMATIC
    (0x0010, 0, None),  # WM_CLOSE
])
def test_windows_messages_about_leaving_lock_with_their_reason(message: int, wparam: int,
                                                                reason: str | None) -> None:
    assert watchers.windows_reason(message, wparam) == reason


class _User32:
    """A fake of user32 (Windows cannot run here): records what reaches DefWindowProcW."""

    def __init__(self) -> None:
        self.passed: list[tuple[int, int, int, int]] = []

    def DefWindowProcW(self, window: int, message: int, wparam: int, lparam: int) -> int:
        self.passed.append((window, message, wparam, lparam))
        return 0


def test_the_hidden_windows_procedure_locks_and_passes_every_message_on() -> None:
    reasons: list[str] = []
    user32 = _User32()
    watcher = watchers.WindowsWatchers(reasons.append, user32=user32, wtsapi32=object(), kernel32=object())
    watcher.window_procedure(7, watchers.WM_WTSSESSION_CHANGE, watchers.WTS_SESSION_LOCK, 0)
    watcher.window_procedure(7, watchers.WM_POWERBROADCAST, watchers.PBT_APMSUSPEND, 0)
    watcher.window_procedure(7, 0x0010, 0, 0)
    assert reasons == ["screen_locked", "sleep"]
    assert [message for _, message, _, _ in user32.passed] == [
        watchers.WM_WTSSESSION_CHANGE, watchers.WM_POWERBROADCAST, 0x0010]


class _Wtsapi32:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def WTSUnRegisterSessionNotification(self, window: int) -> int:
        self.calls.append(("unregister", window))
        return 1


def test_stopping_unregisters_and_destroys_the_hidden_window() -> None:
    class User32(_User32):
        def __init__(self) -> None:
            super().__init__()
            self.destroyed: list[int] = []

        def DestroyWindow(self, window: int) -> int:
            self.destroyed.append(window)
            return 1

    user32, wtsapi32 = User32(), _Wtsapi32()
    watcher = watchers.WindowsWatchers(lambda reason: None, user32=user32, wtsapi32=wtsapi32,
                                       kernel32=object())
    watcher._window = 42
    watcher.stop()
    assert wtsapi32.calls == [("unregister", 42)] and user32.destroyed == [42]


@pytest.mark.parametrize(("name", "reason"), [
    ("NSWorkspaceWillSleepNotification", "sleep"),
    ("NSWorkspaceScreensDidSleepNotification", "screen_locked"),
    ("NSWorkspaceSessionDidResignActiveNotification", "user_switched"),
    ("com.apple.screenIsLocked", "screen_locked"),
    ("com.apple.screenIsUnlocked", None),
    ("NSWorkspaceDidWakeNotification", None),
])
def test_macos_notifications_about_leaving_lock_with_their_reason(name: str, reason: str | None) -> None:
    assert watchers.mac_reason(name) == reason


def test_without_pyobjc_the_macos_watchers_refuse_to_start_and_leave_the_wall_clock_check() -> None:
    import importlib.util

    assert importlib.util.find_spec("AppKit") is None  # PyObjC is not a dependency (and not here)
    with pytest.raises(ImportError):
        watchers.MacWatchers(lambda reason: None).start()
