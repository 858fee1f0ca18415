"""The person leaves the PC: sleep, screen lock or a user switch locks at once; so does waking after a pause.

Signals come over a real D-Bus bus (``dbus-run-session``) from stand-in logind and screen saver
services (``tests/support/dbus_standins.py``) that emit the real signals. logind waits for a program
holding a delay inhibitor before it lets the PC sleep: the app must have hidden everything and closed
the vault before it lets go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop import eventlog
from desktop.app import Services
from desktop.store.profiles import ProfileInfo
from desktop.ui.main_window import MainWindow
from desktop.ui.shell import Shell
from tests.support.dbus_bus import StandinBus, dbus_available, wait_for_line

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]

needs_dbus = pytest.mark.skipif(not dbus_available(), reason="dbus-run-session is not installed "
                                "(scripts/setup.sh installs it)")


@pytest.fixture
def bus() -> Iterator[StandinBus]:
    with StandinBus() as standins:
        yield standins


@pytest.fixture(autouse=True)
def event_log() -> Iterator[None]:
    eventlog.install()
    try:
        yield
    finally:
        eventlog.uninstall()


def _unlocked(qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
              profile_factory: ProfileFactory, passphrase: str, bus: StandinBus | None
              ) -> tuple[Services, Shell, MainWindow]:
    services = make_services(language="en")
    services.session.use_watchers(bus.watchers() if bus is not None else None)
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    unlock = shell.unlock_window
    assert unlock is not None
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.total_count() > 0)
    if bus is not None:
        qtbot.waitUntil(lambda: "logind.Session.Active" in services.session.watching, timeout=10_000)
    return services, shell, window


def _locked(services: Services, shell: Shell, window: MainWindow, reason: str) -> bool:
    return (services.vault is None and not window.isVisible() and shell.unlock_window is not None
            and shell.unlock_window.isVisible() and services.session.last_reason == reason)


def _logged_reasons() -> list[str]:
    return [entry.text for entry in eventlog.entries(accept=lambda e: e.message_id == "session.locked")]


@needs_dbus
def test_prepare_for_sleep_locks_before_the_pc_may_sleep_and_holds_on_again_after_waking(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str, bus: StandinBus) -> None:
    services, shell, window = _unlocked(qtbot, make_services, start_shell, profile_factory, passphrase, bus)
    bus.send("inhibitors")
    # logind must wait for us before it lets the PC sleep
    assert wait_for_line(bus, "inhibitors", lambda: qtbot.wait(5)) == "inhibitors 1"

    bus.send("sleep")
    released = wait_for_line(bus, "released", lambda: qtbot.wait(1))

    # By the time logind may suspend, the content is hidden and the key is gone.
    assert _locked(services, shell, window, "sleep"), released
    assert services._key is None
    assert _logged_reasons() == ["session.locked: reason=sleep"]

    bus.send("wake")
    qtbot.waitUntil(lambda: getattr(services.session.watchers, "holds_inhibitor", False), timeout=5000)
    bus.send("inhibitors")
    # ready for the next sleep
    assert wait_for_line(bus, "inhibitors", lambda: qtbot.wait(5)) == "inhibitors 1"


@needs_dbus
@pytest.mark.parametrize(("command", "reason"), [("screensaver", "screen_locked"),
                                                  ("screensaver-kde", "screen_locked"),
                                                  ("session-lock", "screen_locked"),
                                                  ("switch-user", "user_switched")])
def test_the_screen_lock_and_a_user_switch_lock_at_once(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str, bus: StandinBus, command: str, reason: str) -> None:
    services, shell, window = _unlocked(qtbot, make_services, start_shell, profile_factory, passphrase, bus)
    bus.send(command)
    qtbot.waitUntil(lambda: _locked(services, shell, window, reason), timeout=5000)
    assert _logged_reasons() == [f"session.locked: reason={reason}"]


class _SteppedClock:
    """The wall clock, moved by the test (a laptop asleep for hours: Qt's timers never noticed)."""

    def __init__(self) -> None:
        import time

        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_a_resume_after_a_wall_clock_jump_locks_before_anything_is_painted(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services, shell, window = _unlocked(qtbot, make_services, start_shell, profile_factory, passphrase, None)
    clock = _SteppedClock()
    services.session.clock = clock
    services.session._check_clock()  # the heartbeat notes the time (as it does every few seconds)
    painted: list[int] = []
    window.first_painted.connect(lambda: painted.append(1))
    view = window.views[next(iter(window.views))]
    original_paint = view.viewport().paintEvent

    def counting_paint(event: object) -> None:
        painted.append(1)
        original_paint(event)  # type: ignore[arg-type]

    view.viewport().paintEvent = counting_paint  # type: ignore[method-assign]
    handle = window.windowHandle()
    assert handle is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is handle)  # watched from now on

    clock.now += services.session.idle_interval_ms() / 1000 + 3 * 3600  # three hours asleep
    painted.clear()
    view.viewport().update()  # the first thing after waking: a repaint of the list
    QTest.qWait(50)

    assert _locked(services, shell, window, "resumed_after_pause")
    assert painted == []  # locked before the list was painted again
    assert _logged_reasons() == ["session.locked: reason=resumed_after_pause"]


def test_the_heartbeat_locks_after_a_pause_even_when_no_window_gets_an_event(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services, shell, window = _unlocked(qtbot, make_services, start_shell, profile_factory, passphrase, None)
    clock = _SteppedClock()
    services.session.clock = clock
    services.session._check_clock()
    assert services.session.is_active
    clock.now += services.session.idle_interval_ms() / 1000 + 60
    qtbot.waitUntil(lambda: _locked(services, shell, window, "resumed_after_pause"), timeout=15_000)


def test_a_clock_that_moves_normally_never_locks_early(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services, _, window = _unlocked(qtbot, make_services, start_shell, profile_factory, passphrase, None)
    clock = _SteppedClock()
    services.session.clock = clock
    services.session._check_clock()
    limit = services.session.idle_interval_ms() / 1000
    handle = window.windowHandle()
    assert handle is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is handle)
    for step in range(10):  # ten steps of a fifth of the idle time, with input in between
        clock.now += limit / 5
        QTest.mouseMove(handle, window.rect().center() + QPoint(step % 2, 0))
        services.session._check_clock()
    assert services.session.is_active
