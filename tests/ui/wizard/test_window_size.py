"""The notification window opens at a size that suits the screen, and again at the size the person gave it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from desktop.ui.geometry import available_size


def test_the_notification_window_uses_most_of_the_screen_and_reopens_at_the_size_it_was_given(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    first = open_wizard()
    free = available_size(first.window)
    size = first.window.size()
    # Most of the free screen (the finding: a 660×588 window on a 1366×768 screen).
    assert size.width() >= 0.85 * free.width() and size.height() >= 0.85 * free.height()
    assert size.width() <= free.width() and size.height() <= free.height()

    chosen = QSize(int(free.width() * 0.7), int(free.height() * 0.75))
    first.window.resize(chosen)
    qtbot.waitUntil(lambda: first.window.size() == chosen)
    first.window.close()

    again = open_wizard()
    assert again.window.size() == chosen
