"""Opening a notification window moves the focus once, straight to the first page's first field.

Through the real AT-SPI stack (tests/a11y) opening a training case said the window's first button
('Barn i fare? Hvem skal jeg ringe til') before 'Ja' in about half the runs: the window is shown before its
first page is built (so it opens without a freeze), and activating it gave the focus to the first button
there was.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.services import Services
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.window import WizardWindow

from .conftest import TODAY


def test_opening_a_notification_moves_the_focus_straight_to_the_first_field(
        services: Services, qtbot: QtBot) -> None:
    reached: list[QWidget] = []

    def note(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            reached.append(new)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(note)
    try:
        window = WizardWindow(services, None, today=lambda: TODAY)
        services.adopt_window(window)  # closed by the services fixture
        # A loaded machine (or the X server's round trip) activates the window before the first page is
        # built in idle time: the building waits here until the window is active, then goes on.
        window.pages.stop_building()
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.wait(20)
        window.pages.build_rest_when_idle(window.page_id)
        # (Asking for window.pages[...] now would build the page at once: wait for the window to do it.)
        qtbot.waitUntil(lambda: window.pages.built(window.page_id) is not None and not window.opening,
                        timeout=10000)
        qtbot.wait(50)
    finally:
        app.focusChanged.disconnect(note)
    page = window.pages[window.page_id]
    assert isinstance(page, SectionPage)
    first = page.first_focus()
    assert first is not None
    mine = [widget for widget in reached if widget.window() is window]
    # Not the acute button, "Tilbage" or another button of the window before the page's first field.
    assert mine == [first], [w.accessibleName() or w.objectName() for w in mine]
