"""Print and export actions any window showing a notification can add to its menus or toolbar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

if TYPE_CHECKING:
    from desktop.domain.document import NotificationDocument


@dataclass(frozen=True)
class PrintableCopy:
    """What to print or export: the document, and the stored PDF of a finalised notification if known."""

    document: NotificationDocument
    pdf: bytes | None = None
    demo: bool = False


class DocumentActions(QObject):
    """"Print…" (Ctrl+P) and "Export as PDF…" (Ctrl+Shift+E) for the notification a window shows.

    ``current`` returns the copy to act on, or ``None`` when nothing is selected.
    """

    exported = Signal(Path)
    printed = Signal()

    def __init__(self, parent: QWidget, current: Callable[[], PrintableCopy | None]) -> None:
        super().__init__(parent)
        self._window = parent
        self._current = current
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setToolTip(self.tr("Print the notification"))
        self.print_action.setStatusTip(self.tr("Print the notification on paper"))
        self.print_action.triggered.connect(self.print_current)
        self.export_action = QAction(self.tr("&Export as PDF…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip(self.tr("Save an unprotected PDF copy of the notification"))
        self.export_action.setStatusTip(self.tr("Save an unprotected PDF copy of the notification"))
        self.export_action.triggered.connect(self.export_current)

    def set_enabled(self, enabled: bool) -> None:
        """Enable both actions (when a finalised notification is shown) or disable them."""
        self.print_action.setEnabled(enabled)
        self.export_action.setEnabled(enabled)

    def print_current(self) -> bool:
        """Print the current notification; ``False`` if there is none or the user cancelled."""
        copy = self._current()
        if copy is None:
            return False
        from desktop.ui.documents.printing import print_document  # on use: a lighter start

        done = print_document(self._window, copy.document, demo=copy.demo)
        if done:
            self.printed.emit()
        return done

    def export_current(self) -> Path | None:
        """Export the current notification as PDF after the warning; the path written or ``None``."""
        copy = self._current()
        if copy is None:
            return None
        from desktop.ui.documents.export import export_pdf  # on use: a lighter start

        path = export_pdf(self._window, copy.document, pdf=copy.pdf, demo=copy.demo)
        if path is not None:
            self.exported.emit(path)
        return path

    def button_row(self, parent: QWidget | None = None) -> QWidget:
        """Two buttons bound to the actions, with accessible names, for a detail view."""
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        print_button = QPushButton(self.tr("Print…"), row)
        print_button.setAccessibleName(self.tr("Print the notification"))
        print_button.clicked.connect(self.print_action.trigger)
        export_button = QPushButton(self.tr("Export as PDF…"), row)
        export_button.setAccessibleName(self.tr("Export the notification as an unprotected PDF file"))
        export_button.clicked.connect(self.export_action.trigger)
        for button, action in ((print_button, self.print_action), (export_button, self.export_action)):
            button.setEnabled(action.isEnabled())
            action.enabledChanged.connect(button.setEnabled)
            layout.addWidget(button)
        layout.addStretch(1)
        return row
