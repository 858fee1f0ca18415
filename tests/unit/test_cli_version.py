"""The command reports its version, for IT inventories."""

import subprocess
import sys

from desktop import __version__


def test_version_flag_prints_version() -> None:
    out = subprocess.run([sys.executable, "-m", "desktop", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"underret {__version__}"
