"""The desk's notification reads in the caseworker's own colours: light, dark and high contrast.

The notification is laid out as its printed copy; on a dark desktop that copy must follow the screen
(the app's own review does: ``theme.document_style``), or the grey panel rows carry white text.
Contrast is measured on the rendered pixels (WCAG 2.1 AA, 4.5:1), as for the app's windows.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui import theme
from desktop.ui.desk.context import DeskContext
from desktop.ui.desk.notification_window import NotificationWindow
from tests.ui.desk.conftest import Seeded
from tests.ui.shell.test_contrast import _assert_text_readable


@pytest.fixture(params=list(theme.THEMES))
def palette_kind(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application in one system palette (as tests/ui/shell/test_contrast.py sets it)."""
    kind = str(request.param)
    old_palette, old_style = qapp.palette(), qapp.style().name()
    theme.force_high_contrast(kind == "high-contrast")
    qapp.setStyle("Fusion")
    style = theme.outlined_style_for(qapp)
    if style is not None:
        qapp.setStyle(style)
    qapp.setPalette(theme.improve_palette(theme.system_palette(kind)))  # type: ignore[arg-type]
    try:
        yield kind
    finally:
        theme.force_high_contrast(None)
        qapp.setPalette(old_palette)
        qapp.setStyle(old_style)


def test_the_notification_reads_in_every_palette(palette_kind: str, context: DeskContext, seeded: Seeded,
                                                 qtbot: QtBot) -> None:
    window = NotificationWindow(context, seeded.third_about_child)
    qtbot.addWidget(window)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "Ida Ærø" in window.document.toPlainText(), timeout=10000)
    window.document.resize(900, 1400)
    image = window.document.viewport().grab().toImage()
    _assert_text_readable(image, f"desk notification ({palette_kind})")


def test_a_screen_reader_reads_the_notification_by_headings_and_labelled_lines(
    context: DeskContext, seeded: Seeded, qtbot: QtBot
) -> None:
    """Issue 21, screen-reader review finding 4: the copy was one label full of U+FDD0/U+FDD1."""
    from PySide6.QtGui import QAccessible

    from tests.support.accessibility import assert_no_private_separators, interface, names

    window = NotificationWindow(context, seeded.third_about_child)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "Ida Ærø" in window.document.toPlainText(), timeout=10000)
    assert interface(window.document).role() is QAccessible.Role.Document
    headings = names(window.document, QAccessible.Role.Heading)
    assert headings[0] == "Underretning" and "Barnet" in headings
    assert "Navn: Ida Ærø" in names(window.document, QAccessible.Role.StaticText)
    assert_no_private_separators(window.document)
