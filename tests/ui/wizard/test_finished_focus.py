"""Finishing a notification moves the focus once, from "Gør færdig og send" to "Ret den".

Through the real AT-SPI stack (tests/a11y) the finished window said 'Luk' before 'Ret den': the focused
"Gør færdig og send" was hidden first, which passed the focus along the Tab chain to "Luk".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui import wizard as wizard_package
from desktop.ui.services import Services
from protocol.envelope import RecipientPrivateKey


def test_finishing_moves_the_focus_from_finish_and_send_straight_to_write_a_correction(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: RecipientPrivateKey, qtbot: QtBot
) -> None:
    services.wizard_factory = wizard_package.open_wizard_window
    wizard = open_wizard()
    wizard.fill_complete()
    window = wizard.window
    wizard.tab_to(window.finalise_button)
    reached: list[str] = []  # names: the question's buttons are deleted by the end

    def note(_old: QWidget | None, new: QWidget | None) -> None:
        reached.append(new.accessibleName() or new.objectName() if new is not None else "(nowhere)")

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(note)
    try:
        wizard.finalise()
        qtbot.waitUntil(lambda: window.read_only, timeout=30000)
        qtbot.wait(50)
    finally:
        app.focusChanged.disconnect(note)
    correct_name = window.correct_button.accessibleName()
    assert QApplication.focusWidget() is window.correct_button
    # The question's button, nowhere while it closes, then straight to "Ret den": not "Luk" on the way.
    assert window.close_button.accessibleName() not in reached, reached
    assert reached[-1] == correct_name, reached
