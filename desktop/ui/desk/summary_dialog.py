"""The daily summary: every notification past 24 hours without an assessment, oldest first.

A caseworker on duty opens it each morning (Ctrl+D from the inbox); Enter on a line opens that
notification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
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
from desktop.ui.operations import gc_paused, run_in_background

if TYPE_CHECKING:
    from desktop.desk.service import DeskService
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
        # Thousands of lines on a bad morning: every line the same height, so the list need not measure
        # each one (with 6,600 lines that measuring alone froze the window for a tenth of a second).
        self.list.setUniformItemSizes(True)
        #: The notification id of each line of ``list``, in its order.
        self._ids: list[str] = []
        service = context.service
        acute = self.tr("ACUTE") + " · "
        run_in_background(self, lambda: self._load(service, acute),
                          on_success=self._show, on_failure=lambda e: self.heading.setText(error_text(e)))

    @staticmethod
    def _load(service: DeskService, acute: str) -> tuple[list[InboxRow], list[str], list[UnopenedEnvelope]]:
        """On the worker thread: the overdue rows with their lines already written (formatting
        thousands of times on the GUI thread froze the window), and the unopened envelopes."""
        with gc_paused():  # thousands of rows: no collection (holding the GIL) while they are made
            rows = service.overdue_assessments()
            texts = [f"{acute if row.acute else ''}{local_time(row.received_at)} · {row.child_name}"
                     f" · {row.reference}" for row in rows]
            return rows, texts, service.unopened()

    def _show(self, loaded: tuple[list[InboxRow], list[str], list[UnopenedEnvelope]]) -> None:
        rows, texts, unopened = loaded
        self._show_unopened(unopened)
        self._show_overdue(rows, texts)

    def _show_unopened(self, unopened: list[UnopenedEnvelope]) -> None:
        """Envelopes fetched but not opened: never silently lost, each with why (no content is known)."""
        self.unopened_heading.setVisible(bool(unopened))
        self.unopened.setVisible(bool(unopened))
        self.unopened_heading.setText(self.tr("%n envelope(s) could not be opened:", "", len(unopened)))
        for item in unopened:
            self.unopened.addItem(self.tr("Number %1 at the intake: %2").replace("%1", str(item.seq))
                                  .replace("%2", unopened_reason(item.reason)))

    def _show_overdue(self, rows: list[InboxRow], texts: list[str]) -> None:
        if rows:
            self.heading.setText(self.tr("%n notification(s) not assessed within 24 hours:", "", len(rows)))
        else:
            self.heading.setText(self.tr("Every notification received more than 24 hours ago is assessed."))
        # One call for every line (an item made and added from Python each cost ~40 µs on the GUI thread).
        self._ids = [row.notification_id for row in rows]
        self.list.addItems(texts)
        if rows:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        self.loaded.emit()

    def _open(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(self._ids[self.list.row(item)])
        self.accept()
