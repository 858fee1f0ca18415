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

import keyring
import sqlcipher3
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from rows import Row

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ROUNDS = 5
LIST_ROWS = 10_000
STARTUP_ROWS = 200

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
def peak():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
def idle():
    print("idle", peak(), flush=True)
    app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "UNDERRET_DATA_DIR": str(data),
        "UNDERRET_BENCH_KEYRING_DIR": str(data / "keyring"),
        "PYTHON_KEYRING_BACKEND": "_bench_keyring.BenchKeyring",
        "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT), env.get("PYTHONPATH", "")]),
        "QT_QPA_PLATFORM": "offscreen",
    })
    env.pop("UNDERRET_POLICY", None)
    return env


def _use_bench_keyring(data: Path) -> None:
    os.environ["UNDERRET_BENCH_KEYRING_DIR"] = str(data / "keyring")
    (data / "keyring").mkdir(parents=True, exist_ok=True)
    from _bench_keyring import BenchKeyring

    keyring.set_keyring(BenchKeyring())


def _make_profile(data: Path, rows: int) -> tuple[object, bytearray]:
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


def _time_until_idle(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from process start until it prints "idle", and its peak memory in MiB.

    The child reports its own peak (VmHWM): ``ru_maxrss`` from wait4 would include the
    memory of this (forked) benchmark process before the child's exec.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    assert process.stdout is not None
    line = process.stdout.readline().split()
    elapsed = time.perf_counter() - started
    process.stdout.read()
    process.wait()
    if not line or line[0] != "idle" or process.returncode != 0:
        raise RuntimeError(f"{command[:3]} did not reach an idle window (exit {process.returncode})")
    return elapsed, int(line[1]) / 1024


def startup_rows(folder: Path) -> list[Row]:
    data = folder / "startup"
    _make_profile(data, STARTUP_ROWS)
    env = _env(data)
    app_times, bare_times, app_rss, bare_rss = [], [], [], []
    for _ in range(ROUNDS):
        t, rss = _time_until_idle([sys.executable, "-c", BARE_WINDOW], env)
        bare_times.append(t)
        bare_rss.append(rss)
        t, rss = _time_until_idle([sys.executable, "-m", "desktop", "--benchmark-startup"], env)
        app_times.append(t)
        app_rss.append(rss)
    return [
        Row("start-up to idle main window (keyring profile, 200 drafts)",
            statistics.median(app_times) * 1000, "ms", statistics.median(bare_times) * 1000, 1.3),
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
            services.attach_vault(profile, result)  # type: ignore[arg-type]
            window.refresh()

        run_in_background(None, lambda: services.unlock_and_open(services.profiles, profile, None),  # type: ignore[arg-type]
                          on_success=opened, on_failure=lambda error, loop=loop: loop.quit())
        loop.exec()
        times.append(time.perf_counter() - started)
        heartbeat.stop()
        stalls.append(worst[0])
        window.loaded.disconnect(loop.quit)
        assert window.total_count() == LIST_ROWS
        window.clear()
        services.close_vault()
        app.processEvents()

    raw = [_raw_query(profile.vault_path, raw_key) for _ in range(ROUNDS)]  # type: ignore[attr-defined]
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
