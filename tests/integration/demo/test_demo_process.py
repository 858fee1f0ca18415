"""The demo as a real process: SIGTERM cleans up, a SIGKILLed demo is cleaned up at the next start,
a real vault stays as it was, and policy can refuse demo mode with a clear message."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

#: Generous: a cold start of Qt, SQLCipher and the TLS intake on a busy shared machine.
START_TIMEOUT = 120.0


def _environment(temp: Path, data: Path, policy: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"TMPDIR": str(temp), "UNDERRET_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"})
    env.pop("UNDERRET_POLICY", None)
    if policy is not None:
        env["UNDERRET_POLICY"] = str(policy)
    return env


def _start(temp: Path, data: Path, policy: Path | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "desktop", "--demo", "--lang", "en"],
                            env=_environment(temp, data, policy), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _wait_for_demo_folder(temp: Path, process: subprocess.Popen[bytes]) -> Path:
    """The demo folder of ``process`` once its vault and intake are in place."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1].decode(errors="replace")
        for folder in temp.glob(f"underret-demo-{process.pid}-*"):
            if (folder / "profile" / "vault.db").exists() and (folder / "intake-0" / "intake.db").exists():
                return folder
        time.sleep(0.1)
    process.kill()
    raise AssertionError("the demo did not start")


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()


def test_sigterm_ends_the_demo_cleanly_and_removes_every_demo_file(
        tmp_path: Path, isolated_user_folders: Path, real_vault: Callable[[], dict[str, str]],
        processes: list[subprocess.Popen[bytes]]) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    before = real_vault()
    demo = _start(temp, isolated_user_folders)
    processes.append(demo)
    _wait_for_demo_folder(temp, demo)
    demo.send_signal(signal.SIGTERM)
    assert demo.wait(timeout=60) == 0
    assert list(temp.iterdir()) == []
    assert real_vault() == before


def test_a_killed_demo_leaves_nothing_after_the_next_start(
        tmp_path: Path, isolated_user_folders: Path, real_vault: Callable[[], dict[str, str]],
        processes: list[subprocess.Popen[bytes]]) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    before = real_vault()
    first = _start(temp, isolated_user_folders)
    processes.append(first)
    left_behind = _wait_for_demo_folder(temp, first)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert left_behind.exists()  # a SIGKILL gives no chance to clean up...

    second = _start(temp, isolated_user_folders)
    processes.append(second)
    _wait_for_demo_folder(temp, second)
    assert not left_behind.exists()  # ...so the next start does
    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=60) == 0
    assert list(temp.iterdir()) == []
    assert real_vault() == before


def test_policy_switches_demo_mode_off_with_a_clear_message_and_a_failing_exit_code(
        tmp_path: Path, isolated_user_folders: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    policy = tmp_path / "policy.json"
    policy.write_text('{"demo_allowed": false}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "desktop", "--demo"],
                            env=_environment(temp, isolated_user_folders, policy),
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == 4
    assert b"demo.not_allowed" in result.stderr
    assert list(temp.iterdir()) == []
