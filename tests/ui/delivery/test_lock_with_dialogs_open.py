"""Whatever is on screen when the session locks - a question, a warning, settings, a file dialog - is
closed, the unlock brings the app back whole, and a notification queued afterwards is delivered."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.documents.export import confirm_unprotected_export
from desktop.ui.wizard.attachments_editor import choose_with_dialog
from desktop.ui.wizard.window import WizardWindow
from intake.server import BackgroundIntake

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp

WAIT_MS = 30_000
#: A modal dialog the lock failed to end is cancelled after this long (seconds).
SAFETY_S = 15.0


@contextmanager
def _locking_once_a_modal_shows(app: DeliveryApp) -> Iterator[list[str]]:
    """Inside: lock from within a modal dialog's own event loop as soon as it shows (what the idle timer
    or Ctrl+L does); a modal still open long after is cancelled (and named in the list yielded), so a
    lock that fails to end it fails the test instead of hanging it. No timer outlives the block."""
    ended_by_safety: list[str] = []
    owner = QObject()
    started = time.monotonic()

    def tick() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            if app.services.session.is_active:
                app.services.session.lock()
            elif time.monotonic() - started > SAFETY_S:
                ended_by_safety.append(type(modal).__name__)
                assert isinstance(modal, QDialog)
                modal.reject()
                return
        if time.monotonic() - started < 2 * SAFETY_S:
            QTimer.singleShot(20, owner, tick)

    QTimer.singleShot(20, owner, tick)
    try:
        yield ended_by_safety
    finally:
        shiboken6.delete(owner)  # its timers go with it


def _open_wizard(app: DeliveryApp, answers: dict[str, object]) -> WizardWindow:
    vault = app.services.require_vault()
    draft_id = vault.notifications.create_draft(answers, "child", "EL")
    window = app.services.open_wizard(draft_id)
    assert isinstance(window, WizardWindow)
    return window


KINDS = ["discard question", "export warning", "settings", "about", "file dialog"]


@pytest.mark.parametrize("kind", KINDS)
def test_locking_with_a_dialog_open_closes_it_and_delivery_goes_on_after_the_unlock(
    kind: str, qtbot: QtBot, delivery_app: Callable[..., DeliveryApp],
    start_intake: Callable[[], BackgroundIntake], answers: dict[str, object],
    caplog: pytest.LogCaptureFixture,
) -> None:
    intake = start_intake()
    app = delivery_app()
    app.unlock()
    ended_by_safety: list[str] = []
    caplog.set_level(logging.WARNING)
    if kind == "discard question":
        window = _open_wizard(app, answers)
        window.ask_discard()
        assert window.discard_box is not None
        qtbot.waitExposed(window.discard_box)
        app.services.session.lock()
    elif kind == "export warning":
        with _locking_once_a_modal_shows(app) as ended_by_safety:
            assert confirm_unprotected_export(app.window) is False  # ended by the lock: nothing exported
    elif kind == "settings":
        app.window.open_settings()
        app.services.session.lock()
    elif kind == "about":
        app.window.open_about()
        app.services.session.lock()
    else:
        window = _open_wizard(app, answers)
        with _locking_once_a_modal_shows(app) as ended_by_safety:
            assert choose_with_dialog(window) == []  # Qt's own file dialog, ended by the lock
    assert ended_by_safety == []
    assert not app.services.session.is_active
    qtbot.waitUntil(lambda: app.services.vault is None)

    # Nothing but the unlock window is on screen, and nothing was merely hidden.
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not app.shell.unlock_window]
    assert shown == []
    assert not [r for r in caplog.records if "did not close on lock" in r.getMessage()]

    unlocked: list[bool] = []
    app.services.session.unlocked.connect(lambda: unlocked.append(True))
    app.unlock()
    assert unlocked == [True]
    assert app.delivery.running
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    assert intake.store.count(notification_id) == 1
    # No restore step touched a deleted window on the way.
    assert not [r for r in caplog.records if "step after unlock failed" in r.getMessage()]


def test_a_failing_restore_step_is_logged_and_the_unlock_still_restarts_delivery(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp],
    start_intake: Callable[[], BackgroundIntake], answers: dict[str, object],
    caplog: pytest.LogCaptureFixture,
) -> None:
    intake = start_intake()
    app = delivery_app()
    app.unlock()
    restored: list[str] = []
    gone = QWidget()

    def broken() -> None:
        gone.show()  # a window deleted meanwhile: RuntimeError (Internal C++ object already deleted)

    def on_locking() -> None:
        app.services.session.remember(broken)
        app.services.session.remember(lambda: restored.append("after"))

    app.services.session.locking.connect(on_locking)
    app.services.session.lock()
    app.services.session.locking.disconnect(on_locking)
    shiboken6.delete(gone)
    caplog.set_level(logging.WARNING)
    app.unlock()
    assert restored == ["after"]
    assert app.delivery.running
    messages = [r.getMessage() for r in caplog.records if "step after unlock failed" in r.getMessage()]
    assert messages == ["a window's restore step after unlock failed: RuntimeError"]
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    assert intake.store.count(notification_id) == 1
