"""CI runs ``scripts/e2e.sh``: an intake process, two desks and five notifier apps, 20 notifications there
and back. Every step must print its ``ok`` line and the script must exit 0."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_end_to_end_script_passes_every_step() -> None:
    done = subprocess.run(["bash", str(ROOT / "scripts" / "e2e.sh")], capture_output=True, text=True,
                          timeout=600, check=False, cwd=ROOT)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    steps = [line.split(":", 1)[0] for line in lines if line.startswith("ok ")]
    assert steps == [f"ok {n}" for n in range(1, 10)]
    assert not any(line.startswith("FAILED") for line in lines)
    assert "20 assessed and sent kvittering exactly once" in done.stdout
    assert lines[-1].startswith("e2e passed")
