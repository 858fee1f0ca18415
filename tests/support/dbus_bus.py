"""A real D-Bus bus (``dbus-run-session``) with the stand-in logind and screen savers, driven from a test.

:class:`StandinBus` starts ``dbus-run-session -- python -m tests.support.dbus_standins``, reads the
bus address it prints, and sends it commands (see that module). Lines it prints are collected on a
thread, so a Qt test can keep its event loop running (``qtbot.waitUntil``) while the stand-in waits
for the app, as logind does before sleeping. :meth:`StandinBus.watchers` gives the session lock
watchers connected to this bus, as both its system bus and its session bus.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from PySide6.QtCore import QObject

ROOT = Path(__file__).resolve().parents[2]


def dbus_available() -> bool:
    """True when ``dbus-run-session`` (and so ``dbus-daemon``) is installed."""
    return shutil.which("dbus-run-session") is not None


class StandinBus:
    """One running bus with the stand-ins; use as a context manager."""

    _count = 0

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            ["dbus-run-session", "--", sys.executable, "-m", "tests.support.dbus_standins"], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self._lines: queue.Queue[str] = queue.Queue()
        assert self._process.stdout is not None
        threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True).start()
        first = self.next_line(timeout=30)
        assert first.startswith("address "), first
        self.address = first.removeprefix("address ")
        StandinBus._count += 1
        self._name = f"underret-test-bus-{StandinBus._count}"

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(line.rstrip("\n"))

    def next_line(self, timeout: float = 10) -> str:
        return self._lines.get(timeout=timeout)

    def lines_now(self) -> list[str]:
        """Every line printed since the last call (without waiting)."""
        found = []
        while True:
            try:
                found.append(self._lines.get_nowait())
            except queue.Empty:
                return found

    def send(self, command: str) -> None:
        """Send a command; its output lines arrive on :meth:`next_line` / :meth:`lines_now`."""
        assert self._process.stdin is not None
        self._process.stdin.write(command + "\n")
        self._process.stdin.flush()

    def watchers(self) -> Callable[[Callable[[str], None], QObject], tuple[object | None, list[str]]]:
        """A watcher factory for ``SessionLock.use_watchers``: this bus as system bus and session bus."""
        from PySide6.QtDBus import QDBusConnection

        from desktop.ui.session_watchers import start_linux

        def start(lock: Callable[[str], None], parent: QObject) -> tuple[object | None, list[str]]:
            bus = QDBusConnection.connectToBus(self.address, self._name)
            watchers = start_linux(lock, parent, system=bus, session=bus)
            return watchers, watchers.watching

        return start

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                self.send("quit")
                self._process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self._name)

    def __enter__(self) -> StandinBus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def wait_for_line(bus: StandinBus, prefix: str, pump: Callable[[], None], timeout: float = 10) -> str:
    """Keep ``pump`` (the Qt event loop) running until the stand-in prints a line starting with ``prefix``."""
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    while time.monotonic() < deadline:
        for line in bus.lines_now():
            seen.append(line)
            if line.startswith(prefix):
                return line
        pump()
    raise TimeoutError(f"no {prefix!r} from the stand-in; it printed {seen}")
