"""The ``underret-desk`` command is installed and answers --version without starting a window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.desk.cli import main


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"underret-desk {__version__}"


def test_the_command_is_installed() -> None:
    command = Path(sys.executable).parent / "underret-desk"
    answer = subprocess.run([str(command), "--help"], capture_output=True, text=True, timeout=60, check=True)
    assert "receiving desk" in answer.stdout
