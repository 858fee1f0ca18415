"""Without the accessibility stack the screen-reader tests fail, naming what is missing and how to install it.

CI installs the stack (.ci/run); on a developer's machine without it the walk must not pass or be
skipped silently. These tests take parts of the stack away (as seen by the check) and read the message.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.atspi import session
from tests.support.atspi.session import INSTALL_HINT, missing_tools


def test_with_xvfb_and_the_bus_launcher_missing_both_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda tool: None if tool == "Xvfb" else real_which(tool))
    monkeypatch.setattr(session, "BUS_LAUNCHER_PATHS", ("/nonexistent/at-spi-bus-launcher",))
    missing = missing_tools()
    assert "Xvfb" in missing and "at-spi-bus-launcher (at-spi2-core)" in missing


def test_a_python_without_pyatspi_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    python = tmp_path / "python3"
    python.write_text("#!/bin/sh\nexit 1\n")  # a Python on which `import pyatspi` fails
    python.chmod(0o755)
    monkeypatch.setattr(session, "SYSTEM_PYTHON", str(python))
    assert f"pyatspi for {python} (python3-pyatspi, gir1.2-atspi-2.0)" in missing_tools()


def test_the_hint_names_every_package_ci_installs() -> None:
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    for package in session.PACKAGES:
        assert package in INSTALL_HINT and package in ci
