"""Session benchmark: how fast the app locks when logind says the PC is about to sleep.

A real app (services, shell, main window, a real vault) is unlocked and its session watchers are
connected to a real D-Bus bus (``dbus-run-session``) with the stand-in logind of the tests
(``tests/support/dbus_standins.py``). Each round the stand-in sends ``PrepareForSleep(true)`` and
measures, on its side, the time until the app lets go of its sleep inhibitor: the app does that only
after it has locked (content windows closed, main window hidden and the display synced, vault closed,
key zeroed). That is the moment logind may put the PC to sleep, so the content is hidden before the
screen can show again. Target: median ≤ 100 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication
from rows import Row

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ROUNDS = 21
PASSPHRASE = "bench passphrase for the session lock"


def _run_until(app: QApplication, done: object, timeout_ms: int = 60_000) -> None:
    deadline = QDeadlineTimer(timeout_ms)
    while not done() and not deadline.hasExpired():  # type: ignore[operator]
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    if not done():  # type: ignore[operator]
        raise TimeoutError("the app did not get there")


def lock_rows(folder: Path) -> list[Row]:
    sys.path.insert(0, str(ROOT))
    from desktop.config.policy import Policy, PolicySource
    from desktop.config.settings import Settings
    from desktop.store.keys import KeyProtection, ScryptParams, zero
    from desktop.store.profiles import ProfileDirectory
    from desktop.store.vault import Vault
    from desktop.ui.services import Services
    from desktop.ui.shell import Shell
    from tests.support.dbus_bus import StandinBus, dbus_available, wait_for_line

    if not dbus_available():
        return [Row("lock after a sleep signal: dbus-run-session missing", 0.0, "", target=-1.0)]
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    profiles = ProfileDirectory(root=folder, scrypt=ScryptParams(n=2**10, r=8, p=1))
    profile, key = profiles.create("Bench", KeyProtection.PASSPHRASE, PASSPHRASE)
    with Vault.open(profile.vault_path, key) as vault:
        for index in range(50):
            vault.notifications.create_draft({"concern": "x" * 400, "n": index}, "start", f"B{index % 10}")
    zero(key)
    policy = Policy()
    services = Services(policy=policy, policy_source=PolicySource("none", "(benchmark)"),
                        settings=Settings.load(policy, folder / "settings.json"), profiles=profiles)
    latencies: list[float] = []
    with StandinBus() as bus:
        services.session.use_watchers(bus.watchers())
        shell = Shell(services)
        shell.start()

        def unlock() -> None:
            window = shell.unlock_window
            assert window is not None
            window.passphrase_edit.setText(PASSPHRASE)
            window.unlock()
            _run_until(app, lambda: services.vault is not None and shell.main_window is not None
                       and shell.main_window.isVisible())

        def holds() -> bool:
            return bool(getattr(services.session.watchers, "holds_inhibitor", False))

        unlock()
        _run_until(app, holds)
        for _ in range(ROUNDS):
            bus.send("sleep")
            line = wait_for_line(bus, "released", lambda: app.processEvents(
                QEventLoop.ProcessEventsFlag.AllEvents, 1), timeout=30)
            assert services.vault is None and shell.main_window is not None
            assert not shell.main_window.isVisible()
            latencies.append(float(line.split()[1]))
            bus.send("wake")
            _run_until(app, holds)
            unlock()
        shell.shutdown()
    return [
        Row("lock after a sleep signal (PrepareForSleep → hidden, vault closed, inhibitor let go), median",
            statistics.median(latencies), "ms", None, 100.0),
        Row("lock after a sleep signal, slowest of the rounds", max(latencies), "ms"),
    ]


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="underret-bench-session-") as name:
        return lock_rows(Path(name))
