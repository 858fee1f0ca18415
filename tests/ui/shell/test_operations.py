"""Long work runs off the GUI thread and its result comes back on it; failures are never lost."""

from __future__ import annotations

import functools
import gc
import threading
import time
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.store.errors import WrongPassphrase
from desktop.ui.operations import pending_operations, run_in_background, wait_for_all


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


class _Held:
    """Stands for what an operation's closures capture (a window, a list of notification summaries)."""


def _appender(to: list[int], held: _Held) -> Callable[[object], None]:
    """A callback whose closure holds ``held``."""
    return lambda _result: to.append(id(held))


def _alive_count(refs: list[weakref.ref[_Held]]) -> int:
    gc.collect()
    return sum(ref() is not None for ref in refs)


def test_a_thousand_operations_leave_nothing_of_their_closures_alive_while_the_gui_thread_is_busy(
        qtbot: QtBot) -> None:
    # A finished operation must let go of what its work function and callbacks hold, also when it
    # ends while the GUI thread is busy in Python (a Python QRunnable deleted by the pool thread then
    # was sometimes never freed, with its closure).
    refs: list[weakref.ref[_Held]] = []
    delivered: list[int] = []
    owner = QObject()
    for number in range(1000):
        work_held, callback_held = _Held(), _Held()
        refs += [weakref.ref(work_held), weakref.ref(callback_held)]
        run_in_background(owner if number % 2 else None, functools.partial(id, work_held),
                          on_success=_appender(delivered, callback_held), on_failure=lambda error: None)
        del work_held, callback_held
        started = time.perf_counter()
        while time.perf_counter() - started < 0.001:  # busy in Python, holding the GIL
            sum(range(50))
    assert wait_for_all(60000)
    qtbot.waitUntil(lambda: pending_operations() == 0, timeout=60000)
    assert len(delivered) == 1000
    qtbot.waitUntil(lambda: _alive_count(refs) == 0, timeout=10000)


def test_deleting_the_owner_drops_the_callbacks_at_once_and_the_late_result(qtbot: QtBot) -> None:
    owner = QObject()
    gate = threading.Event()
    held = _Held()
    ref = weakref.ref(held)
    delivered: list[int] = []
    run_in_background(owner, lambda: gate.wait(5),
                      on_success=_appender(delivered, held),
                      on_failure=lambda error: delivered.append(0))
    del held
    shiboken6.delete(owner)
    assert _alive_count([ref]) == 0  # the closed window's callbacks are gone before the work ends
    assert pending_operations() == 0
    gate.set()
    assert wait_for_all(10000)
    qtbot.wait(50)
    assert delivered == []
