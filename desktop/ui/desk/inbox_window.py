"""The desk's main window: every received notification, most urgent first, and what is overdue.

Above the list, the daily summary's headline: how many notifications are past 24 hours without an
assessment (and envelopes that could not be opened). The list is loaded off the GUI thread; times
left move on every minute; a sync with the intake runs on F5 and every few minutes while enrolled.
Enter opens the selected notification.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import geometry, theme
from desktop.ui.desk.context import error_text
from desktop.ui.desk.inbox_model import ID_ROLE, InboxModel
from desktop.ui.desk.notification_window import NotificationWindow
from desktop.ui.operations import gc_paused, run_in_background

if TYPE_CHECKING:
    from desktop.desk.service import InboxState, SyncResult
    from desktop.ui.desk.context import DeskContext

SYNC_INTERVAL_MS = 3 * 60 * 1000
TICK_MS = 60 * 1000


class _InboxTable(QTableView):
    """The list; Enter opens the current row (a table view would only move down)."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: object) -> None:  # type: ignore[override]
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class InboxWindow(QMainWindow):
    """The received notifications. ``loaded`` after each (re)load of the list."""

    loaded = Signal()
    synced = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskInboxWindow")
        self._context = context
        context.open_notification = self.open_notification
        self._windows: dict[str, NotificationWindow] = {}
        self.model = InboxModel(self)
        self.table = _InboxTable()
        self.table.setObjectName("inbox")
        self.table.setAccessibleName(self.tr("Received notifications, most urgent first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list (arrows move in it): with a table's own Tab from cell to cell, Tab went round
        # the cells for ever and never reached the window's buttons.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Two lines a row: name over CPR number and age, grounds over concern, notifier over workplace.
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Each column as wide as its widest text (measured with the font in use), at most a third of
        # the screen; the table resizes again when the rows come (``_fit_columns``).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated_row.connect(self._open_row)
        self.overdue = QLabel()
        self.overdue.setObjectName("overdueSummary")
        self.overdue.setWordWrap(True)
        theme.paint(self.overdue, theme.Tone.DANGER, fill=False)
        font = self.overdue.font()
        font.setBold(True)
        self.overdue.setFont(font)
        self.overdue.hide()
        self.unopened = QLabel()
        self.unopened.setObjectName("unopenedWarning")
        self.unopened.setWordWrap(True)
        self.unopened.hide()
        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setAccessibleName(self.tr("Status"))
        self.sync_button = QPushButton(self.tr("&Fetch new"))
        self.sync_button.setAccessibleName(self.tr("Fetch new notifications"))
        self.sync_button.clicked.connect(self.sync)
        self.summary_button = QPushButton(self.tr("&Daily summary"))
        self.summary_button.setAccessibleName(self.tr("Daily summary"))
        self.summary_button.clicked.connect(self.show_daily_summary)
        self.report_button = QPushButton(self.tr("Yearly &report…"))
        self.report_button.setAccessibleName(self.tr("Yearly report"))
        self.report_button.clicked.connect(self.show_report)
        self.setup_button = QPushButton(self.tr("&Set up desk…"))
        self.setup_button.setAccessibleName(self.tr("Set up desk"))
        self.setup_button.clicked.connect(self.show_setup)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.summary_button, self.report_button, self.setup_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(buttons)
        layout.addWidget(self.overdue)
        layout.addWidget(self.unopened)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)
        refresh = QAction(self.tr("Fetch new"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.sync)
        self.addAction(refresh)
        self.setWindowTitle(self.tr("Underret – receiving desk"))
        # The desk's main window: the whole screen's width (eight columns of two lines), remembered.
        geometry.place(self, "desk-inbox", share=1.0, cap=(1700, 1000))
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._move_time)
        self._tick.start()
        self._auto_sync = QTimer(self)
        self._auto_sync.setInterval(SYNC_INTERVAL_MS)
        self._auto_sync.timeout.connect(self._sync_if_enrolled)
        self._auto_sync.start()
        self._syncing = False
        self._fitted = False
        self._was_started = context.session.is_active
        context.session.unlocked.connect(self._on_unlocked)
        context.changed.connect(self.reload)
        context.session.locking.connect(self._on_locking)
        self.reload()

    # --- the list --------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._locked():
            return
        service = self._context.service

        def load() -> InboxState:
            with gc_paused():  # thousands of rows: no collection pause while they are made
                return service.inbox_state()

        run_in_background(self, load, on_success=self._show, on_failure=self._failed)

    def _locked(self) -> bool:
        """Locked (or locking): nothing from the vault may be shown."""
        return self._context.session.is_active is False and self._was_started

    def _show(self, loaded: InboxState) -> None:
        if self._locked():
            return  # a load that finished after the lock: its rows are not shown
        rows, overdue, unopened = loaded.rows, loaded.overdue, loaded.unopened
        current = self.current_notification_id()
        self.model.set_now(self._context.service.now())
        self.model.set_rows(rows)
        if not self._fitted and rows:
            self._fitted = True  # once: after that the columns are as the caseworker left them
            self._fit_columns()
        if current is not None and (row := self.model.row_of(current)) >= 0:
            self.table.selectRow(row)
        elif rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        if overdue:
            self.overdue.setText(self.tr("%n notification(s) not assessed within 24 hours.", "", overdue))
            self.overdue.show()
            if self.isVisible() and self._context.service.daily_summary_due():
                self.show_daily_summary()  # the day's first look at the inbox starts with what is overdue
        else:
            self.overdue.hide()
        if unopened:
            self.unopened.setText(self.tr("%n envelope(s) could not be opened. Import the missing key under "
                                          "Set up desk, or ask IT.", "", unopened))
            self.unopened.show()
        else:
            self.unopened.hide()
        self.loaded.emit()

    def _fit_columns(self) -> None:
        """Columns as wide as their widest text among the first rows (cheap for 10,000 rows too)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        limit = max(120, self.width() // 4)
        sample = min(self.model.rowCount(), 20)
        for column in range(self.model.columnCount()):
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal))]
            texts += [str(self.model.data(self.model.index(row, column)) or "") for row in range(sample)]
            width = max(metrics.horizontalAdvance(line) for text in texts for line in text.split("\n"))
            width += 24
            header.resizeSection(column, min(width, limit))

    def _failed(self, error: Exception) -> None:
        self.status.setText(error_text(error))

    def _move_time(self) -> None:
        if not self._locked():
            self.model.set_now(self._context.service.now())

    def current_notification_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return str(self.model.data(self.model.index(index.row(), 0), ID_ROLE))

    # --- opening ---------------------------------------------------------------------------------
    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_notification(self.model.row_at(row).notification_id)

    def open_notification(self, notification_id: str) -> NotificationWindow:
        window = self._windows.get(notification_id)
        if window is None:
            window = NotificationWindow(self._context, notification_id)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_: self._windows.pop(notification_id, None))
            self._windows[notification_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_windows(self) -> list[NotificationWindow]:
        return list(self._windows.values())

    # --- syncing ---------------------------------------------------------------------------------
    def _sync_if_enrolled(self) -> None:
        if self._locked() or self._context.service.vault.closed:
            return  # locked: the timer is stopped, but a tick may already be queued
        if self._context.service.is_enrolled():
            self.sync()

    def fetches_by_itself(self) -> bool:
        """Whether fetching from the intake every few minutes is running (stopped while locked)."""
        return self._auto_sync.isActive()

    def set_fetch_interval(self, milliseconds: int) -> None:
        """How often to fetch by itself (``SYNC_INTERVAL_MS`` unless changed; trials and tests)."""
        self._auto_sync.setInterval(milliseconds)

    def stop_timers(self) -> None:
        """No more ticks or syncs (locking, quitting): nothing may reach for a closed vault."""
        self._tick.stop()
        self._auto_sync.stop()

    def sync(self) -> None:
        if self._syncing or self._locked():
            return
        self._syncing = True
        self.sync_button.setEnabled(False)
        self.status.setText(self.tr("Fetching…"))
        run_in_background(self, self._context.service.sync, on_success=self._synced,
                          on_failure=self._sync_failed)

    def _synced(self, result: SyncResult) -> None:
        self._syncing = False
        self.sync_button.setEnabled(True)
        when = datetime.now(UTC).astimezone().strftime("%H.%M")  # »Hentet kl. 14.05«: Danish time
        self.status.setText(self.tr("Fetched at %1: %n new", "", result.new).replace("%1", when))
        self._context.changed.emit()
        self.synced.emit()

    def _sync_failed(self, error: Exception) -> None:
        self._syncing = False
        self.sync_button.setEnabled(True)
        self.status.setText(error_text(error))
        self.synced.emit()

    # --- other windows ---------------------------------------------------------------------------
    def show_daily_summary(self) -> QDialog:
        from desktop.ui.desk.summary_dialog import DailySummaryDialog

        dialog = DailySummaryDialog(self._context, self)
        dialog.open_requested.connect(self.open_notification)
        return self._open_dialog(dialog)

    def show_report(self) -> QDialog:
        from desktop.ui.desk.report_dialog import ReportDialog

        return self._open_dialog(ReportDialog(self._context, self))

    def show_setup(self) -> QDialog:
        from desktop.ui.desk.setup_dialog import SetupDialog

        dialog = self._open_dialog(SetupDialog(self._context, self))
        dialog.finished.connect(lambda _result: self._context.changed.emit())
        return dialog

    @staticmethod
    def _open_dialog(dialog: QDialog) -> QDialog:
        """Window-modal, without a nested event loop (the inbox keeps its timers)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- locking ---------------------------------------------------------------------------------
    def _on_locking(self) -> None:
        self._was_started = True
        self.stop_timers()
        self.model.set_rows([])
        self.table.setCurrentIndex(QModelIndex())
        self.overdue.hide()
        self.unopened.hide()

    def _on_unlocked(self) -> None:
        self._tick.start()
        self._auto_sync.start()
        self.reload()
