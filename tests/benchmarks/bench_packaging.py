"""Packaging benchmarks: size of the Linux one-folder bundle, frozen start-up against unfrozen start-up.

The bundle in ``packaging/dist`` is reused when it is newer than every source and built
(``scripts/build.sh``) otherwise, with the same rule and lock as the packaging tests
(``tests/support/packaging.py``). Frozen and unfrozen start-ups are measured
interleaved in this run, each in a fresh data folder with the same profile (keyring, 200 drafts)
and the same environment, until the main window is shown, listed and idle.
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from bench_shell import STARTUP_ROWS, _make_profile, app_command
from rows import Row

from tests.support.packaging import app_env, build_lock, bundle_bytes, current_build

HERE = Path(__file__).resolve().parent
ROUNDS = 7
BUNDLE_TARGET_MB = 120.0
STARTUP_TARGET_RATIO = 1.2
START_TIMEOUT = 120.0  # seconds; an app stuck on an error dialog must not hang the whole run


def _fresh_profile(folder: Path) -> dict[str, str]:
    """A new data folder with a keyring profile, and the environment both app variants start in.

    The frozen app ignores PYTHONPATH and PYTHON_KEYRING_BACKEND is stripped by the packaging
    tests' ``app_env``, so keyring's own config file (found through XDG_CONFIG_HOME) selects the
    benchmark's file keyring and adds this folder to ``sys.path`` -- the same way for both.
    """
    _make_profile(folder, STARTUP_ROWS)
    config = folder / "config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring = _bench_keyring.BenchKeyring\nkeyring-path = {HERE}\n",
        encoding="utf-8")
    return app_env(folder, XDG_CONFIG_HOME=str(folder / "config"),
                   UNDERRET_BENCH_KEYRING_DIR=str(folder / "keyring"), UNDERRET_BENCHMARK_STARTUP="1")


def _time_until_idle(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from process start until it prints "idle" (the main window shown, its list shown, the
    event loop idle; a "window" line comes before it), and its own peak memory (VmHWM) in MiB.

    As bench_shell's measurement, plus a deadline: the process is killed after START_TIMEOUT.
    """
    log = Path(env["UNDERRET_DATA_DIR"]) / "stderr.txt"  # a file: a full pipe would stall the app
    idle: tuple[float, int] | None = None
    with log.open("w", encoding="utf-8") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
        watchdog = threading.Timer(START_TIMEOUT, process.kill)
        watchdog.start()
        try:
            assert process.stdout is not None
            for line in process.stdout:
                words = line.split()
                if words and words[0] == "idle":
                    idle = (time.perf_counter() - started, int(words[1]))
                    break
            process.communicate()
        finally:
            watchdog.cancel()
    if idle is None or process.returncode != 0:
        raise RuntimeError(f"{command[0]} did not reach an idle main window (exit {process.returncode}):\n"
                           f"{log.read_text(encoding='utf-8')[-2000:]}")
    elapsed, peak_kib = idle
    return elapsed, peak_kib / 1024


def startup_rows(executable: Path, folder: Path) -> list[Row]:
    commands = {
        "frozen": [str(executable)],
        "unfrozen": app_command(),
    }
    times: dict[str, list[float]] = {"frozen": [], "unfrozen": []}
    memory: dict[str, list[float]] = {"frozen": [], "unfrozen": []}
    for number in range(ROUNDS):
        # Alternate which goes first so neither always meets a warmer page cache.
        order = ["frozen", "unfrozen"] if number % 2 == 0 else ["unfrozen", "frozen"]
        for kind in order:
            env = _fresh_profile(folder / f"{kind}-{number}")
            elapsed, peak = _time_until_idle(commands[kind], env)
            times[kind].append(elapsed)
            memory[kind].append(peak)
    return [
        Row(f"frozen start-up to idle main window (median of {ROUNDS}; baseline: unfrozen)",
            statistics.median(times["frozen"]) * 1000, "ms", statistics.median(times["unfrozen"]) * 1000,
            STARTUP_TARGET_RATIO),
        Row("frozen peak memory at start-up (baseline: unfrozen)", statistics.median(memory["frozen"]), "MiB",
            statistics.median(memory["unfrozen"])),
    ]


def run() -> list[Row]:
    rows: list[Row] = []
    with build_lock(), tempfile.TemporaryDirectory(prefix="underret-bench-packaging-") as name:
        build = current_build()
        if build.built_now and build.seconds is not None:  # a build done now always has its time
            rows.append(Row("bundle build (scripts/build.sh, done by this run)", build.seconds, "s"))
        rows.append(Row("Linux one-folder bundle size", bundle_bytes(build.bundle) / 1e6, "MB", None,
                        BUNDLE_TARGET_MB))
        rows += startup_rows(build.executable, Path(name))
    return rows
