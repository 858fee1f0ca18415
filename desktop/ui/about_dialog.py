"""About Underret: version, the profile in use, licences of bundled parts.

Other areas add rows through ``services.about_rows`` (callables returning
``(label, value)`` pairs, already translated), e.g. the sender key fingerprint
the municipality enrols.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop import __version__

if TYPE_CHECKING:
    from desktop.ui.services import Services

log = logging.getLogger(__name__)


class AboutDialog(QDialog):
    """Shows the version and licences; the text is selectable for support calls."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self._services = services
        self._title = QLabel()
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._title.setFont(font)
        self._form = QFormLayout()
        self._licences = QLabel()
        self._licences.setWordWrap(True)
        self._licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._licences.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(self._form)
        layout.addWidget(self._licences)
        layout.addWidget(self.buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rows(self) -> list[tuple[str, str]]:
        """The facts shown, as (label, value)."""
        services = self._services
        rows = [(self.tr("Version"), __version__), (self.tr("Qt for Python"), pyside_version)]
        if services.profile is not None:
            rows.append((self.tr("Profile"), services.profile.display_name))
        if services.demo:
            rows.append((self.tr("Mode"), self.tr("Demo – fictitious data only")))
        for extra in getattr(services, "about_rows", []):
            rows.extend(extra())
        return rows

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Underret"))
        self._title.setText(self.tr("Underret"))
        while self._form.rowCount():
            self._form.removeRow(0)
        for label, value in self.rows():
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(label)
            self._form.addRow(label, shown)
        self._licences.setText(self.tr(
            "Underret helps professionals file a notification of concern about a child with their "
            "municipality.\n\nThe PDF copy uses the DejaVu Sans fonts (Bitstream Vera licence, "
            "DejaVu changes in the public domain). Qt for Python is used under the LGPL v3."))
        self._licences.setAccessibleName(self.tr("Licences"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
