"""Shell benchmarks: start-up to an idle main window, unlock + list 10,000 notifications, memory, UI stalls.

Baselines are measured in the same run: a bare PySide6 QMainWindow started the
same way (subprocess, offscreen), and a raw sqlcipher3 query of the same rows.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import sqlcipher3
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from rows import Row

if TYPE_CHECKING:
    from desktop.store.profiles import ProfileInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ROUNDS = 5
#: Start-ups are short and this machine is noisy: more rounds for their medians.
STARTUP_ROUNDS = 21
LIST_ROWS = 10_000
STARTUP_ROWS = 200

#: Both baseline scripts start with this main window class: once it has painted for the first time
#: and the event loop is idle, it prints "idle" and the peak memory and quits. The app reports
#: "window" the same way (a ``paintEvent`` override on its main window, then a zero timer).
_FIRST_PAINT_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
def peak():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
def idle():
    print("idle", peak(), flush=True)
    QApplication.quit()
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, idle)
"""

BARE_WINDOW = _FIRST_PAINT_WINDOW + """
app = QApplication(sys.argv)
window = Window()
window.show()
app.exec()
"""

#: Reference, not a target: what PySide6 itself costs to show a whole main window like the app's
#: (three tabs of tables with a model, buttons, a menu with shortcuts, a status bar, the Danish
#: translations) at once, with no application code at all. The app shows its frame first and adds
#: the lists after that first paint, while its vault opens.
HAND_MADE_WINDOW = _FIRST_PAINT_WINDOW + """
from pathlib import Path
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView, QLabel, QMainWindow,
                               QMenu, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()): return 0
    def columnCount(self, parent=QModelIndex()): return 8
    def data(self, index, role=Qt.ItemDataRole.DisplayRole): return None
app = QApplication(sys.argv)
for qm in sorted(Path(sys.argv[1]).glob("underret_*_da.qm")):
    translator = QTranslator(app)
    translator.load(str(qm))
    app.installTranslator(translator)
window = Window()
tabs = QTabWidget()
for _ in range(3):
    view = QTableView()
    view.setModel(Model(window))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setSortingEnabled(True)
    tabs.addTab(view, "x")
central = QWidget()
layout = QVBoxLayout(central)
top = QHBoxLayout()
top.addWidget(QPushButton("New"))
top.addWidget(QPushButton("Open"))
layout.addLayout(top)
layout.addWidget(QLabel("x"))
layout.addWidget(tabs)
window.setCentralWidget(central)
menu = QMenu(window)
action = QAction(window)
action.setShortcut(QKeySequence("Ctrl+L"))
menu.addAction(action)
window.menuBar().addMenu(menu)
window.statusBar()
window.show()
app.exec()
"""


def app_command() -> list[str]:
    """How people start the app: the ``underret`` command (its console script), else ``python -m desktop``."""
    script = Path(sys.executable).with_name("underret")
    if script.is_file():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "desktop"]


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "UNDERRET_DATA_DIR": str(data),
        "UNDERRET_BENCH_KEYRING_DIR": str(data / "keyring"),
        "PYTHON_KEYRING_BACKEND": "_bench_keyring.BenchKeyring",
        "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT), env.get("PYTHONPATH", "")]),
        "QT_QPA_PLATFORM": "offscreen",
        "UNDERRET_BENCHMARK_STARTUP": "1",
    })
    env.pop("UNDERRET_POLICY", None)
    return env


def _use_bench_keyring(data: Path) -> None:
    os.environ["UNDERRET_BENCH_KEYRING_DIR"] = str(data / "keyring")
    (data / "keyring").mkdir(parents=True, exist_ok=True)
    from _bench_keyring import BenchKeyring

    keyring.set_keyring(BenchKeyring())


def _make_profile(data: Path, rows: int) -> tuple[ProfileInfo, bytearray]:
    """A keyring profile whose vault holds ``rows`` drafts (written fast: no fsync per row)."""
    from desktop.store.keys import KeyProtection
    from desktop.store.profiles import ProfileDirectory
    from desktop.store.vault import Vault

    _use_bench_keyring(data)
    profiles = ProfileDirectory(root=data)
    profile, key = profiles.create("Benchmark", KeyProtection.KEYRING, None)
    with Vault.open(profile.vault_path, key) as vault:
        vault._connection.raw.execute("PRAGMA synchronous = OFF")  # set-up speed only
        for number in range(rows):
            vault.notifications.create_draft({"note": "x" * 200}, "child", f"B{number % 100:02d}")
    return profile, key


def _time_until_idle(command: list[str], env: dict[str, str]) -> tuple[dict[str, float], float]:
    """Seconds from process start until each line it prints ("window", then "idle"), its peak
    memory in MiB, and (the app only: a third word on the "idle" line) the longest stall of its GUI
    thread between the two, in ms, as ``seen["stall"]``.

    The bare windows print only "idle" (their window is their idle state). The child reports its
    own peak (VmHWM): ``ru_maxrss`` from wait4 would include the memory of this (forked) benchmark
    process before the child's exec.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    assert process.stdout is not None
    seen: dict[str, float] = {}
    peak_kib = 0
    for line in process.stdout:
        words = line.split()
        if words and words[0] in ("window", "idle"):
            seen[words[0]] = time.perf_counter() - started
            peak_kib = int(words[1])
            if words[0] == "idle":
                if len(words) > 2:
                    seen["stall"] = float(words[2])
                break
    process.stdout.read()
    process.wait()
    if "idle" not in seen or process.returncode != 0:
        raise RuntimeError(f"{command[:3]} did not reach an idle window (exit {process.returncode})")
    seen.setdefault("window", seen["idle"])
    return seen, peak_kib / 1024


def startup_rows(folder: Path) -> list[Row]:
    data = folder / "startup"
    _make_profile(data, STARTUP_ROWS)
    env = _env(data)
    qm_folder = str(ROOT / "i18n")
    bare, hand_made, window, listed, app_rss, bare_rss, stalls = [], [], [], [], [], [], []

    def run_bare() -> None:
        times, rss = _time_until_idle([sys.executable, "-c", BARE_WINDOW], env)
        bare.append(times["idle"])
        bare_rss.append(rss)

    def run_hand_made() -> None:
        times, _ = _time_until_idle([sys.executable, "-c", HAND_MADE_WINDOW, qm_folder], env)
        hand_made.append(times["idle"])

    def run_app() -> None:
        times, rss = _time_until_idle(app_command(), env)
        window.append(times["window"])
        listed.append(times["idle"])
        stalls.append(times["stall"])
        app_rss.append(rss)

    runs = [run_bare, run_hand_made, run_app]
    for number in range(STARTUP_ROUNDS):
        # Each start takes a turn at going first, so none of them always meets the same machine state.
        for run in runs[number % 3:] + runs[:number % 3]:
            run()
    baseline = statistics.median(bare) * 1000
    return [
        Row("start-up to an idle main window (keyring profile: shown, opening its list)",
            statistics.median(window) * 1000, "ms", baseline, 1.3),
        Row("start-up until the list of 200 drafts is shown and the app is idle",
            statistics.median(listed) * 1000, "ms", baseline),
        Row("longest UI-thread stall from the first paint until the list is shown (worst round)",
            max(stalls), "ms"),
        Row("reference: PySide6 alone for a main window like the app's (no app code)",
            statistics.median(hand_made) * 1000, "ms", baseline),
        Row("peak memory at start-up", statistics.median(app_rss), "MiB", statistics.median(bare_rss)),
    ]


def _raw_query(vault_path: Path, key: bytes) -> float:
    from desktop.store.notifications import _SUMMARY_COLUMNS

    started = time.perf_counter()
    connection = sqlcipher3.connect(str(vault_path))
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    connection.execute("PRAGMA cipher_compatibility = 4")
    rows = connection.execute(
        f"SELECT {_SUMMARY_COLUMNS} FROM notification ORDER BY created_at DESC, id DESC").fetchall()
    elapsed = time.perf_counter() - started
    connection.close()
    assert len(rows) == LIST_ROWS
    return elapsed


def unlock_and_list_rows(folder: Path) -> list[Row]:
    from desktop.app import OpenedVault, Services
    from desktop.config.policy import Policy, PolicySource
    from desktop.config.settings import Settings
    from desktop.store.profiles import ProfileDirectory
    from desktop.ui.main_window import MainWindow
    from desktop.ui.operations import run_in_background

    data = folder / "list"
    profile, key = _make_profile(data, LIST_ROWS)
    raw_key = bytes(key)
    app = QApplication.instance() or QApplication([])
    policy = Policy()
    services = Services(policy=policy, policy_source=PolicySource("none", "(benchmark)"),
                        settings=Settings.load(policy, data / "settings.json"),
                        profiles=ProfileDirectory(root=data))
    window = MainWindow(services)
    window.show()

    times, stalls = [], []
    for _ in range(ROUNDS):
        loop = QEventLoop()
        beat = QElapsedTimer()
        worst = [0]

        def tick(beat: QElapsedTimer = beat, worst: list[int] = worst) -> None:
            worst[0] = max(worst[0], beat.restart())

        heartbeat = QTimer()
        heartbeat.setInterval(2)
        heartbeat.timeout.connect(tick)
        window.loaded.connect(loop.quit)
        beat.start()
        heartbeat.start()
        started = time.perf_counter()

        def opened(result: OpenedVault) -> None:
            services.attach_vault(profile, result)
            window.refresh()

        def failed(error: Exception, loop: QEventLoop = loop) -> None:
            loop.quit()

        run_in_background(None, lambda: services.unlock_and_open(services.profiles, profile, None),
                          on_success=opened, on_failure=failed)
        loop.exec()
        times.append(time.perf_counter() - started)
        heartbeat.stop()
        stalls.append(worst[0])
        window.loaded.disconnect(loop.quit)
        assert window.total_count() == LIST_ROWS
        window.clear()
        services.close_vault()
        app.processEvents()

    raw = [_raw_query(profile.vault_path, raw_key) for _ in range(ROUNDS)]
    window.close()
    return [
        Row(f"unlock + open + list {LIST_ROWS:,} notifications", statistics.median(times) * 1000, "ms",
            statistics.median(raw) * 1000, 2.0),
        Row("max UI-thread stall while unlocking and listing", float(max(stalls)), "ms", None, 50.0),
        Row("peak memory of the benchmark process", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "MiB"),
    ]


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="underret-bench-") as name:
        folder = Path(name)
        return startup_rows(folder) + unlock_and_list_rows(folder)
