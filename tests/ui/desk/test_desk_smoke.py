"""``underret-desk --smoke-test``: what the packaging tests run on the frozen desk, checked unfrozen.

A fresh data folder: the desk is made through its first-run window, the inbox opens, the yearly report
renders; only the desk's own folder is written, and its vault is encrypted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_the_desk_smoke_test_makes_a_desk_opens_its_inbox_and_renders_a_report(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {key: value for key, value in os.environ.items() if not key.startswith("UNDERRET_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "UNDERRET_DATA_DIR": str(data), "HOME": str(tmp_path)})
    result = subprocess.run([sys.executable, "-m", "desktop.desk.cli", "--smoke-test"], env=env,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "desk smoke test: OK" in result.stdout
    vaults = list((data / "desk" / "profiles").glob("*/vault.db"))
    assert len(vaults) == 1
    assert not vaults[0].read_bytes().startswith(b"SQLite format 3")
    assert not (data / "profiles").exists()  # the notifier app's profiles are not the desk's
