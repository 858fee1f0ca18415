"""The "eleven unheeded notifications" case (FOB 2014-19): the twelfth notification about a child shows
every earlier one, how many there are in all (not only the 12 months), and what became of each.

Real desk vault, the real notification window, Danish; a 1366x768 office laptop at 150 % font, where the
list of earlier notifications must not push the notification itself off the screen.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.desk.store.vault import DeskVault
from desktop.ui.desk.context import DeskContext
from desktop.ui.desk.notification_window import NotificationWindow
from tests.support.desk import seed_repeated
from tests.ui.desk.conftest import NOW


@pytest.fixture
def large_font(qapp: QApplication) -> Iterator[None]:
    """150 % font, as a person who set it in Windows sees the desk."""
    old = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(old.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    yield
    qapp.setFont(old)


def test_the_twelfth_notification_shows_all_eleven_earlier_ones_and_what_became_of_each(
        context: DeskContext, desk_vault: DeskVault, large_font: None, qtbot: QtBot) -> None:
    twelfth = seed_repeated(desk_vault, NOW)
    window = NotificationWindow(context, twelfth)
    qtbot.addWidget(window)
    window.resize(int(1366 * 0.8), int(768 * 0.8))  # what the window takes of the laptop's screen
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.detail is not None and window.history_box.isVisible(), timeout=10000)
    # In all, not only the 12 months: the headline must not hide eight older notifications.
    assert window.history_headline.text() == "12. underretning om dette barn (den 4. på 12 måneder)"
    lines = [line for line in window.history_list.text().splitlines() if line.startswith("•")]
    assert len(lines) == 11
    assert [f"Lærer {n}," in line for n, line in zip(range(11, 0, -1), lines, strict=True)] == [True] * 11
    # What became of each, newest first: three never assessed, six assessed and receipted, two handed over.
    assert sum("Ikke vurderet" in line for line in lines) == 3 and "Ikke vurderet" in lines[0]
    assert sum("Kvittering sendt" in line for line in lines) == 6
    assert sum("Overdraget" in line for line in lines) == 2 and "Overdraget" in lines[-1]
    # The notification itself keeps room to be read below the list (the list scrolls instead).
    qtbot.waitUntil(lambda: "Storm Ærø" in window.document.toPlainText(), timeout=10000)
    line = window.document.fontMetrics().lineSpacing()
    assert window.document.viewport().height() >= 6 * line, (window.document.viewport().height(), line)
    assert window.minimumSizeHint().height() <= int(768 * 0.8)
    # The rest of the list is read by keyboard: the list takes the focus and scrolls to its end.
    bar = window.history_scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    window.history_scroll.setFocus()
    QTest.keyClick(window.history_scroll, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    QTest.keyClick(window.history_scroll, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    QTest.keyClick(window.history_scroll, Qt.Key.Key_Home)
    assert bar.value() == 0
