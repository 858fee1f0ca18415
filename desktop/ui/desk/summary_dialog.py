"""The daily summary: every notification past 24 hours without an assessment, oldest first.

A caseworker on duty opens it each morning (Ctrl+D from the inbox); Enter on a line opens that
notification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.desk.store.received import InboxRow
from desktop.desk.store.unopened import UnopenedEnvelope
from desktop.ui import geometry
from desktop.ui.desk.context import error_text
from desktop.ui.desk.wording import local_time, unopened_reason
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.ui.desk.context import DeskContext


class DailySummaryDialog(QDialog):
    """Overdue assessments; ``open_requested(notification_id)`` when one is chosen."""

    open_requested = Signal(str)
    loaded = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskDailySummary")
        self.setWindowTitle(self.tr("Daily summary"))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("overdueList")
        self.list.setAccessibleName(self.tr("Notifications not assessed within 24 hours"))
        self.heading.setBuddy(self.list)
        self.list.itemActivated.connect(self._open)
        self.unopened_heading = QLabel()
        self.unopened_heading.setWordWrap(True)
        self.unopened = QListWidget()
        self.unopened.setObjectName("unopenedList")
        self.unopened.setAccessibleName(self.tr("Envelopes that could not be opened"))
        self.unopened_heading.setBuddy(self.unopened)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.unopened_heading)
        layout.addWidget(self.unopened)
        layout.addWidget(buttons)
        geometry.fit_to_screen(self, 640, 420)
        service = context.service
        run_in_background(self, lambda: (service.overdue_assessments(), service.unopened()),
                          on_success=self._show, on_failure=lambda e: self.heading.setText(error_text(e)))

    def _show(self, loaded: tuple[list[InboxRow], list[UnopenedEnvelope]]) -> None:
        rows, unopened = loaded
        self._show_unopened(unopened)
        self._show_overdue(rows)

    def _show_unopened(self, unopened: list[UnopenedEnvelope]) -> None:
        """Envelopes fetched but not opened: never silently lost, each with why (no content is known)."""
        self.unopened_heading.setVisible(bool(unopened))
        self.unopened.setVisible(bool(unopened))
        self.unopened_heading.setText(self.tr("%n envelope(s) could not be opened:", "", len(unopened)))
        for item in unopened:
            self.unopened.addItem(self.tr("Number %1 at the intake: %2").replace("%1", str(item.seq))
                                  .replace("%2", unopened_reason(item.reason)))

    def _show_overdue(self, rows: list[InboxRow]) -> None:
        if rows:
            self.heading.setText(self.tr("%n notification(s) not assessed within 24 hours:", "", len(rows)))
        else:
            self.heading.setText(self.tr("Every notification received more than 24 hours ago is assessed."))
        for row in rows:
            acute = self.tr("ACUTE") + " · " if row.acute else ""
            text = f"{acute}{local_time(row.received_at)} · {row.child_name} · {row.reference}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.notification_id)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        self.loaded.emit()

    def _open(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()
