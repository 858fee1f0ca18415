"""Fixtures for demo-mode UI tests: a real demo run (temp vault, TLS intake on 127.0.0.1).

The keyboard moves a trainee makes in the wizard are ``tests/support/keyboard.py``'s WizardKeys.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.demo.controller import DemoController
from tests.support.demo_run import running_demo


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    """Stands in for the system temp folder (where demo folders are made)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


@pytest.fixture
def write_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, object]], Path]:
    """Put a deployment policy in force for this test (UNDERRET_POLICY)."""

    def write(values: dict[str, object]) -> Path:
        path = tmp_path / "policy.json"
        path.write_text(json.dumps(values), encoding="utf-8")
        monkeypatch.setenv("UNDERRET_POLICY", str(path))
        return path

    return write


@pytest.fixture
def demo(qapp: QApplication, qtbot: QtBot, temp_root: Path) -> Iterator[DemoController]:
    """A running demo in English, its main window shown; removed again after the test."""
    with running_demo("en", qtbot, temp_root) as controller:
        yield controller


@pytest.fixture(autouse=True)
def sizes_remembered_as_usual_afterwards() -> Iterator[None]:
    """A demo run points window sizes into its folder and stops remembering at shutdown; the tests
    that follow in this process get the app's usual behaviour back."""
    yield
    from desktop.ui import geometry

    geometry.remember_in(None)
