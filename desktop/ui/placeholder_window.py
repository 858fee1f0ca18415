"""A stand-in for the notification window until the guided wizard is plugged in.

It takes part in the session lock like every content window: on ``locking``
it remembers how to come back and closes itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from desktop.ui.services import Services


class PlaceholderWizardWindow(QWidget):
    """Says that the guided notification will open here; closes on lock and comes back after."""

    def __init__(self, services: Services, draft_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self.draft_id = draft_id
        self._label = QLabel()
        self._label.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addStretch(1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        services.session.locking.connect(self._on_locking)
        self._listening = True
        self.retranslate()

    def _on_locking(self) -> None:
        draft_id = self.draft_id
        services = self._services
        services.session.remember(lambda: services.open_wizard(draft_id))
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._listening:
            self._listening = False
            self._services.session.locking.disconnect(self._on_locking)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Underret – notification"))
        self._label.setText(self.tr("The guided notification form will open here."))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
