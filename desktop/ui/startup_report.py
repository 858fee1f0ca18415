"""Start-up measurements for the benchmarks (``UNDERRET_BENCHMARK_STARTUP=1``), printed on stdout.

``window <KiB>``: the main window has painted for the first time and the event
loop is idle (the moment the person sees it and it answers). ``idle <KiB> <ms>``:
it lists the notifications and the loop is idle again; ``<ms>`` is the longest
time the GUI thread was busy between the two (a 2 ms heartbeat). Then the app
quits. ``<KiB>`` is the peak resident memory so far.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from desktop.ui.shell import Shell


class StartupReport(QObject):
    """Prints the start-up milestones of ``shell`` and quits after the last one."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self._shell = shell
        self._window_reported = False
        self._longest_ms = 0
        self._beat = QElapsedTimer()
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(2)
        self._heartbeat.timeout.connect(self._tick)
        # Connected before the shell's own work after the first paint: that work counts towards "idle".
        shell.first_window_painted.connect(self._painted)
        shell.services.session.unlocked.connect(self._unlocked)

    def _painted(self) -> None:
        if not self._window_reported:
            self._window_reported = True
            QTimer.singleShot(0, self._window_idle)

    def _window_idle(self) -> None:
        print("window", peak_memory_kib(), flush=True)
        self._beat.start()
        self._heartbeat.start()

    def _tick(self) -> None:
        self._longest_ms = max(self._longest_ms, self._beat.restart())

    def _unlocked(self) -> None:
        window = self._shell.main_window
        if window is None:
            return
        # A zero timer runs once the event queue is empty: shown, listed and idle.
        if window.has_loaded:
            QTimer.singleShot(0, self._listed_idle)
        else:
            window.loaded.connect(lambda: QTimer.singleShot(0, self._listed_idle))

    def _listed_idle(self) -> None:
        self._tick()
        self._heartbeat.stop()
        print("idle", peak_memory_kib(), self._longest_ms, flush=True)
        QApplication.quit()


def peak_memory_kib() -> int:
    """This process's peak resident memory since it started (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="utf-8") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0
