"""Closing the main window while notifications still wait: asked once, not modal, the app stays open.

The notifications stay queued in the vault and go out after the next unlock; "Quit anyway" closes
the window again, and this time the answer is yes. Demo mode (nothing real waits) is never asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import UnderretError

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services import Services

translate = QCoreApplication.translate


class QuitGuard:
    """``services.quit_guards`` entry for one main window (``listed_waiting``: the list's count)."""

    def __init__(self, window: MainWindow, services: Services, sends: bool,
                 listed_waiting: Callable[[], int]) -> None:
        self.window = window
        self._services = services
        self._sends = sends
        self._listed_waiting = listed_waiting
        self._confirmed = False
        self.close_warning: QMessageBox | None = None
        self.close_warnings_shown = 0

    def may_quit(self, window: QWidget) -> bool:
        """With notifications waiting, ask once (not modal) and keep the app open."""
        vault = self._services.vault
        if window is not self.window or self._confirmed or vault is None or not self._sends:
            return True
        try:
            waiting = vault.outbox.waiting_count()  # now, not as the list last showed it
        except UnderretError:
            waiting = self._listed_waiting()
        if waiting <= 0:
            return True
        if self.close_warning is not None:
            self.close_warning.raise_()
            self.close_warning.activateWindow()
            return False
        self.close_warnings_shown += 1
        self.close_warning = self._ask(waiting)
        return False

    def _ask(self, waiting: int) -> QMessageBox:
        title = translate("Delivery", "Notifications are waiting to be sent")
        if waiting == 1:
            text = translate("Delivery", "1 notification has not been sent yet.")
        else:
            text = translate("Delivery", "%1 notifications have not been sent yet.").replace(
                "%1", str(waiting))
        text += " " + translate("Delivery", "They are kept safely on this PC and are sent the next time you "
                                            "open Underret while the PC is online. If the matter is urgent, "
                                            "phone the municipality.")
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setObjectName("waitingOnClose")
        box.setAccessibleName(title)
        quit_button = box.addButton(translate("Delivery", "&Quit anyway"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("quitAnyway")
        quit_button.setAccessibleName(translate("Delivery", "Quit anyway"))
        stay_button = box.addButton(translate("Delivery", "&Keep Underret open"),
                                    QMessageBox.ButtonRole.RejectRole)
        stay_button.setObjectName("keepOpen")
        stay_button.setAccessibleName(translate("Delivery", "Keep Underret open"))
        box.setDefaultButton(stay_button)
        box.setEscapeButton(stay_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            chosen = box.clickedButton()
            self.close_warning = None
            if chosen is quit_button:
                self._confirmed = True
                self.window.close()

        box.finished.connect(lambda _result: answered())
        box.open()
        return box
