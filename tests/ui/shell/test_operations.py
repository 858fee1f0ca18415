"""Long work runs off the GUI thread and its result comes back on it; failures are never lost."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.store.errors import WrongPassphrase
from desktop.ui.operations import pending_operations, run_in_background


def test_work_runs_on_a_worker_thread_and_the_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    gui_thread = threading.get_ident()
    seen: dict[str, int | str] = {}

    def work() -> str:
        seen["worker"] = threading.get_ident()
        return "done"

    def success(result: str) -> None:
        seen["callback"] = threading.get_ident()
        seen["result"] = result

    run_in_background(None, work, on_success=success, on_failure=lambda e: None)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == "done"
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread
    assert pending_operations() == 0


def test_an_error_in_the_work_reaches_on_failure_on_the_gui_thread(qtbot: QtBot) -> None:
    errors: list[tuple[Exception, int]] = []

    def work() -> None:
        raise WrongPassphrase()

    run_in_background(None, work, on_success=lambda _: None,
                      on_failure=lambda e: errors.append((e, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0][0], WrongPassphrase)
    assert errors[0][1] == threading.get_ident()


def test_a_result_for_a_window_that_was_closed_meanwhile_is_dropped_safely(qtbot: QtBot) -> None:
    window = QWidget()
    gate = threading.Event()
    delivered: list[object] = []
    run_in_background(window, lambda: gate.wait(5), on_success=delivered.append,
                      on_failure=delivered.append)
    window.deleteLater()
    qtbot.waitUntil(lambda: not _alive(window))
    gate.set()
    qtbot.waitUntil(lambda: pending_operations() == 0)
    assert delivered == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))
