"""The main window: the person's notifications by state, and the way to start a new one.

Three tabs, each with its own :class:`NotificationTableModel`: drafts (child's
initials, last change), waiting to send, and sent/receipted. The list is read
on a worker thread and handed to the models in one step, so 10,000 rows do not
freeze the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UnderretError
from desktop.ui.messages import message_for
from desktop.ui.notification_table_model import (
    ID_ROLE,
    Column,
    Group,
    NotificationTableModel,
    prepare_tabs,
)
from desktop.ui.operations import gc_paused, run_in_background

if TYPE_CHECKING:
    from desktop.app import Services
    from desktop.store.notifications import NotificationSummary

log = logging.getLogger(__name__)

_COLUMNS_OF_GROUP: dict[Group, tuple[Column, ...]] = {
    Group.DRAFTS: (Column.CHILD, Column.UPDATED),
    Group.WAITING: (Column.CHILD, Column.STATE, Column.FINALISED, Column.MUNICIPALITY),
    Group.SENT: (Column.CHILD, Column.REFERENCE, Column.STATE, Column.SENT, Column.RECEIPTED,
                 Column.ACKNOWLEDGEMENT_DUE),
}

_DEFAULT_SORT: dict[Group, Column] = {
    Group.DRAFTS: Column.UPDATED, Group.WAITING: Column.FINALISED, Group.SENT: Column.SENT,
}


class MainWindow(QMainWindow):
    """Lists notifications; ``loaded`` is emitted each time the list has been (re)loaded."""

    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._generation = 0
        #: True once a list has been shown since the last unlock.
        self.has_loaded = False
        #: True while the first list after unlocking is on its way (the window says so).
        self._opening = False
        self._selected_id: str | None = None
        self.setObjectName("mainWindow")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("notificationTabs")
        self.views: dict[Group, QTableView] = {}
        self.models: dict[Group, NotificationTableModel] = {}
        for group in Group:
            model = NotificationTableModel(self)
            view = QTableView()
            view.setObjectName(f"list_{group.name.lower()}")
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setTabKeyNavigation(False)
            view.verticalHeader().setVisible(False)
            # Fixed row height: no per-row measuring of 10,000 rows.
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for column in Column:
                view.setColumnHidden(column, column not in _COLUMNS_OF_GROUP[group])
            view.setSortingEnabled(True)
            view.sortByColumn(_DEFAULT_SORT[group], Qt.SortOrder.DescendingOrder)
            view.activated.connect(lambda index, g=group: self._activated(g, index))
            self.views[group] = view
            self.models[group] = model
            self.tabs.addTab(view, "")

        self.new_button = QPushButton()
        self.new_button.setObjectName("newNotification")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openNotification")
        self._empty_label = QLabel()
        self._empty_label.setWordWrap(True)
        self._status_message = QLabel()
        self._status_message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        top.addStretch(1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self._empty_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._status_message)
        self.setCentralWidget(central)

        # A place in the status bar where other areas put small indicators (outbox badge).
        self._status_area = QWidget()
        self._status_layout = QHBoxLayout(self._status_area)
        self._status_layout.setContentsMargins(0, 0, 0, 0)
        self.statusBar().addPermanentWidget(self._status_area)

        self._build_actions()
        self.new_button.clicked.connect(self.new_action.trigger)
        self.open_button.clicked.connect(self.open_selected)
        self.tabs.currentChanged.connect(lambda _: self._update_open_button())
        for view in self.views.values():
            view.selectionModel().selectionChanged.connect(lambda *_: self._update_open_button())
        self._services.notifications_changed.connect(self.refresh)
        self.retranslate()
        self._update_open_button()
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    # --- actions and menus ---------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self._services.open_wizard(None))
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # Works from every window of the app while this one is visible (wizard included).
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self._services.session.lock)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.open_about)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)

        self.file_menu = QMenu(self)
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.refresh_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.about_action)
        self.menuBar().addMenu(self.file_menu)
        self.menuBar().addMenu(self.help_menu)

    def add_status_widget(self, widget: QWidget) -> None:
        """Put a small indicator in the status bar (the outbox's "waiting" badge)."""
        self._status_layout.addWidget(widget)

    def add_menu_action(self, action: QAction) -> None:
        """Add an action to the File menu (e.g. "Send now" from the delivery UI)."""
        self.file_menu.insertAction(self.lock_action, action)

    # --- translation ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        profile = self._services.profile
        title = self.tr("Underret")
        if profile is not None:
            title = self.tr("Underret – %1").replace("%1", profile.display_name)
        self.setWindowTitle(title)
        self.new_action.setText(self.tr("&New notification"))
        self.new_button.setText(self.tr("&New notification"))
        self.new_button.setAccessibleName(self.tr("New notification"))
        self.new_button.setToolTip(self.tr("Start a new notification of concern (Ctrl+N)"))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open the selected notification"))
        self.lock_action.setText(self.tr("&Lock"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.about_action.setText(self.tr("&About Underret"))
        self.quit_action.setText(self.tr("&Quit"))
        self.refresh_action.setText(self.tr("&Refresh list"))
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.tabs.setAccessibleName(self.tr("Notifications by state"))
        names = {
            Group.DRAFTS: self.tr("Drafts"),
            Group.WAITING: self.tr("Waiting to send"),
            Group.SENT: self.tr("Sent"),
        }
        for group, view in self.views.items():
            view.setAccessibleName(names[group])
            count = self.models[group].rowCount()
            self.tabs.setTabText(group, self.tr("%1 (%2)").replace("%1", names[group])
                                 .replace("%2", str(count)))
        if self._opening:
            self._empty_label.setText(self.tr("Opening your notifications…"))
        else:
            self._empty_label.setText(self.tr(
                "You have no notifications yet. Choose \"New notification\" to start one."))
        self._empty_label.setVisible(self._opening or self.total_count() == 0)
        self._update_actions()
        for model in self.models.values():
            model.retranslate()

    # --- loading -------------------------------------------------------------------------------
    def show_opening(self) -> None:
        """Say that the notifications are being opened (the key is read, the vault opened)."""
        self._opening = True
        self.retranslate()

    def refresh(self) -> None:
        """Reload the list in the background; the current list stays until the new one is ready."""
        if self._services.vault is None:
            return
        if not self.has_loaded and not self._opening:
            self.show_opening()
        self._generation += 1
        generation = self._generation
        self._selected_id = self.selected_id() or self._selected_id
        sorts = {group: model.sort_spec for group, model in self.models.items()}
        services = self._services
        prefetched = services.take_prefetched_summaries()

        def work() -> dict[Group, list[NotificationSummary]]:
            # The list read together with the unlock needs no second connection.
            with gc_paused():
                rows = prefetched if prefetched is not None else services.read_summaries()
                return prepare_tabs(rows, sorts)

        # Reading, splitting and sorting 10,000 rows all happen off the GUI thread.
        run_in_background(self, work, on_success=lambda tabs: self._loaded(generation, tabs),
                          on_failure=self._load_failed)

    def _loaded(self, generation: int, tabs: dict[Group, list[NotificationSummary]]) -> None:
        if generation != self._generation or self._services.vault is None:
            return  # a newer load is on its way, or the app locked meanwhile
        for group, group_rows in tabs.items():
            self.models[group].set_rows(group_rows, presorted=True)
        self._opening = False
        self.retranslate()
        self._reselect()
        self.has_loaded = True
        self.loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        from desktop.store.errors import VaultLocked

        if isinstance(error, VaultLocked):
            return
        self._opening = False
        self.retranslate()
        if not isinstance(error, UnderretError):
            log.error("listing notifications failed", exc_info=error)
        self._status_message.setText(message_for(error))

    def clear(self) -> None:
        """Drop every listed notification from memory (on lock); the tab and selection are kept."""
        self._selected_id = self.selected_id() or self._selected_id
        self._generation += 1
        self.has_loaded = False
        self._opening = False
        for model in self.models.values():
            model.clear()
        self._status_message.clear()
        self.retranslate()

    # --- selection and opening -----------------------------------------------------------------
    def current_group(self) -> Group:
        return Group(self.tabs.currentIndex())

    def selected_id(self) -> str | None:
        view = self.views[self.current_group()]
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return str(value) if value is not None else None

    def total_count(self) -> int:
        """How many notifications are listed, over all tabs."""
        return sum(model.rowCount() for model in self.models.values())

    def select_id(self, notification_id: str) -> bool:
        """Show and select a notification (after unlock, or from another window)."""
        for group, model in self.models.items():
            row = model.row_of(notification_id)
            if row is not None:
                self.tabs.setCurrentIndex(group)
                view = self.views[group]
                view.selectRow(row)
                view.scrollTo(model.index(row, Column.CHILD))
                return True
        return False

    def _reselect(self) -> None:
        current = self.tabs.currentIndex()
        # A keyboard user can press Enter at once: every list starts with a row selected.
        for group, view in self.views.items():
            if not view.selectionModel().hasSelection() and self.models[group].rowCount():
                view.selectRow(0)
        if self._selected_id is None or not self.select_id(self._selected_id):
            self.tabs.setCurrentIndex(current)

    def _update_open_button(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    def _update_actions(self) -> None:
        # Nothing can be written before the vault is open (the window shows while it opens).
        unlocked = self._services.vault is not None
        self.new_action.setEnabled(unlocked)
        self.new_button.setEnabled(unlocked)
        self.refresh_action.setEnabled(unlocked)

    def open_selected(self) -> None:
        notification_id = self.selected_id()
        if notification_id is not None:
            self._services.open_wizard(notification_id)

    def _activated(self, group: Group, index: QModelIndex) -> None:
        notification_id = index.data(ID_ROLE)
        if notification_id is not None:
            self._services.open_wizard(str(notification_id))

    # --- dialogs -------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._services, self)
        self._open_dialog(dialog)

    def open_about(self) -> None:
        from desktop.ui.about_dialog import AboutDialog

        self._open_dialog(AboutDialog(self._services, self))

    def _open_dialog(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        close: Callable[[], bool] = dialog.close
        self._services.session.locking.connect(close)
        dialog.destroyed.connect(lambda *_: self._disconnect_quietly(close))
        dialog.show()

    def _disconnect_quietly(self, slot: Callable[[], bool]) -> None:
        try:
            self._services.session.locking.disconnect(slot)
        except (RuntimeError, TypeError):  # already gone with the dialog
            log.debug("locking slot already disconnected")

    def closeEvent(self, event: QCloseEvent) -> None:
        shell = self._services.shell
        if shell is not None and not shell.may_quit(self):
            event.ignore()
            return
        super().closeEvent(event)
