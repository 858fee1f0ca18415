"""A real demo run for UI tests (temp vault, TLS intake on 127.0.0.1), in the language a test needs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.app import build_services
from desktop.ui.demo.app import start_demo
from desktop.ui.demo.controller import DemoController
from desktop.ui.operations import wait_for_all


@contextmanager
def running_demo(language: str, qtbot: QtBot, temp_root: Path) -> Iterator[DemoController]:
    """A running demo in ``language``, its main window shown; shut down, its windows closed and its
    translator taken down afterwards."""
    controller = start_demo(build_services, language=language, temp_root=temp_root)
    assert controller.main_window is not None
    qtbot.waitExposed(controller.main_window)
    yield controller
    controller.shutdown()
    wait_for_all()
    for window in list(controller.services._windows):
        window.close()
    if controller.services.translations is not None:
        controller.services.translations.uninstall()
