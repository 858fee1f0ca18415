"""The main window: the person's notifications by state, and the way to start a new one.

The window is built in two steps so that it shows at once when the app starts:
the frame (menus, buttons, a line saying what is happening) first, and the
lists (:class:`~desktop.ui.notification_lists.NotificationLists`, three tabs
of tables) by :meth:`MainWindow.complete`, once the frame has painted. The
shell completes it while the vault opens in the background; anything that
touches ``tabs``, ``views`` or ``models`` completes it first.

Start-up note: nothing in the frame may touch PySide's ``Qt`` namespace (the
first use builds its ~100 enum types, 30-40 ms) or call ``QAction.setShortcut``
(which does the same); ``setShortcuts([...])`` does not.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UnderretError
from desktop.ui.messages import message_for

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QPaintEvent
    from PySide6.QtWidgets import QTableView

    from desktop.store.notifications import NotificationSummary
    from desktop.ui.notification_lists import NotificationLists
    from desktop.ui.notification_table_model import Group, NotificationTableModel
    from desktop.ui.services import Services

log = logging.getLogger(__name__)

#: The share of the screen's free area the window takes the first time (capped on large screens).
SCREEN_SHARE = 0.92


def load_qt_namespace() -> None:
    """Have PySide build its ``Qt`` namespace now (~100 enum types, 30-40 ms on first use), so
    that it takes a turn of the event loop of its own instead of lengthening the next step's."""
    from PySide6.QtCore import Qt

    Qt.SortOrder.DescendingOrder  # noqa: B018 - the first use is the point


class MainWindow(QMainWindow):
    """Lists notifications; ``loaded`` is emitted each time the list has been (re)loaded.

    ``lists_later=True`` builds only the frame, which says that the notifications are being
    opened; :meth:`complete` adds the lists.
    """

    loaded = Signal()
    #: Emitted once, right after the window has painted for the first time (connect only quick slots:
    #: schedule real work with a timer).
    first_painted = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 lists_later: bool = False) -> None:
        super().__init__(parent)
        self._services = services
        self._generation = 0
        #: True once a list has been shown since the last unlock.
        self.has_loaded = False
        #: True while the first list after unlocking is on its way (the window says so); a window
        #: made with its lists to come is opening from the start.
        self._opening = lists_later
        self._selected_id: str | None = None
        self._lists: NotificationLists | None = None
        self._painted = False
        self._status_layout: QHBoxLayout | None = None
        self.setObjectName("mainWindow")

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
        self._layout = QVBoxLayout(central)
        self._layout.addLayout(top)
        #: Where other areas put what stands above the lists (the delivery alert and summary).
        self._above_lists = QVBoxLayout()
        self._above_lists.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self._above_lists)
        self._layout.addWidget(self._empty_label)
        #: ... and below them (the delivery panel of the selected notification).
        self._below_lists = QVBoxLayout()
        self._below_lists.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self._below_lists)
        self._layout.addWidget(self._status_message)
        self.setCentralWidget(central)

        # The menus' titles show at once; their actions come with the lists (see complete()).
        self.file_menu = QMenu(self)
        self.help_menu = QMenu(self)
        self.menuBar().addMenu(self.file_menu)
        self.menuBar().addMenu(self.help_menu)
        self.open_button.clicked.connect(self.open_selected)
        self._services.notifications_changed.connect(self.refresh)
        if services.translations is not None:
            services.translations.changed.connect(self.retranslate)
        from desktop.ui.geometry import place

        place(self, "main", share=SCREEN_SHARE, cap=(1400, 950), watch=False)  # see hideEvent
        if lists_later:
            self.retranslate()
        else:
            self.complete()

    def complete(self) -> None:
        """Add the lists and the status bar (once; the frame alone shows while the vault opens)."""
        if self._lists is not None:
            return
        from PySide6.QtCore import Qt

        from desktop.ui.notification_lists import NotificationLists

        self._build_actions()
        self._lists = NotificationLists(self._services_open, self._update_open_button,
                                        lambda: self._services.language)
        self._layout.insertWidget(self._layout.indexOf(self._empty_label) + 1, self._lists, 1)
        # A place in the status bar where other areas put small indicators (outbox badge).
        self._status_area()
        # Works from every window of the app while this one is visible (wizard included).
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.retranslate()
        self._update_open_button()

    @property
    def is_complete(self) -> bool:
        """True once the lists are built (see :meth:`complete`)."""
        return self._lists is not None

    @property
    def tabs(self) -> NotificationLists:
        """The tabs of lists (built now if the window was still only a frame)."""
        self.complete()
        assert self._lists is not None
        return self._lists

    @property
    def views(self) -> dict[Group, QTableView]:
        return self.tabs.views

    @property
    def models(self) -> dict[Group, NotificationTableModel]:
        return self.tabs.models

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def _services_open(self, notification_id: str) -> None:
        self._services.open_wizard(notification_id)

    # --- actions and menus ---------------------------------------------------------------------
    def _build_actions(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence  # with the lists: not needed for the first paint

        self.new_action = QAction(self)
        self.new_action.setShortcuts(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self._services.open_wizard(None))
        self.lock_action = QAction(self)
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])  # application-wide once complete
        self.lock_action.triggered.connect(self._services.session.lock)
        self.settings_action = QAction(self)
        self.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.settings_action.triggered.connect(self.open_settings)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.open_about)
        self.quit_action = QAction(self)
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcuts(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.new_button.clicked.connect(self.new_action.trigger)

        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.refresh_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        from desktop.ui.help.actions import add_help

        self.help_action = add_help(self, self._services, lambda: "main")  # F1: the pack's help
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)

    def add_above_lists(self, widget: QWidget) -> None:
        """Put a widget between the buttons and the lists (the delivery alert and summary)."""
        self._above_lists.addWidget(widget)

    def add_below_lists(self, widget: QWidget) -> None:
        """Put a widget under the lists (the delivery panel of the selected notification)."""
        self._below_lists.addWidget(widget)

    def add_status_widget(self, widget: QWidget) -> None:
        """Put a small indicator in the status bar (the outbox's "waiting" badge)."""
        self._status_area().addWidget(widget)

    def _status_area(self) -> QHBoxLayout:
        if self._status_layout is None:
            area = QWidget()
            self._status_layout = QHBoxLayout(area)
            self._status_layout.setContentsMargins(0, 0, 0, 0)
            self.statusBar().addPermanentWidget(area)
        return self._status_layout

    def add_menu_action(self, action: QAction) -> None:
        """Add an action to the File menu (e.g. "Send now" from the delivery UI)."""
        self.file_menu.insertAction(self.lock_action, action)

    # --- translation ---------------------------------------------------------------------------
    # Not a changeEvent() override, as the app's other windows have: that would call into Python for
    # every change event Qt sends while the window first shows (~2 ms before the first paint).
    def retranslate(self) -> None:
        profile = self._services.profile
        title = self.tr("Underret")
        if profile is not None:
            title = self.tr("Underret – %1").replace("%1", profile.display_name)
        self.setWindowTitle(title)
        self.new_button.setText(self.tr("&New notification"))
        self.new_button.setAccessibleName(self.tr("New notification"))
        self.new_button.setToolTip(self.tr("Start a new notification of concern (Ctrl+N)"))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open the selected notification"))
        if self.is_complete:  # the actions come with the lists
            self.new_action.setText(self.tr("&New notification"))
            self.lock_action.setText(self.tr("&Lock"))
            self.settings_action.setText(self.tr("&Settings…"))
            self.about_action.setText(self.tr("&About Underret"))
            self.quit_action.setText(self.tr("&Quit"))
            self.refresh_action.setText(self.tr("&Refresh list"))
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        if self._lists is not None:
            self._lists.retranslate()
        if self._opening:
            self._empty_label.setText(self.tr("Opening your notifications…"))
        else:
            self._empty_label.setText(self.tr(
                "You have no notifications yet. Choose \"New notification\" to start one."))
        self._empty_label.setVisible(self._opening or self.total_count() == 0)
        self._update_actions()

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
        sorts = self.tabs.sorts()
        services = self._services
        prefetched = services.take_prefetched_summaries()

        from desktop.ui.operations import gc_paused, run_in_background

        def work() -> dict[Group, list[NotificationSummary]]:
            from desktop.ui.notification_table_model import prepare_tabs

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
        self.tabs.set_tabs(tabs)
        self._opening = False
        self.retranslate()
        self.tabs.reselect(self._selected_id)
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
        if self._lists is not None:
            self._lists.clear_rows()
        self._status_message.clear()
        self.retranslate()

    # --- selection and opening -----------------------------------------------------------------
    def current_group(self) -> Group:
        return self.tabs.current_group()

    def selected_id(self) -> str | None:
        return self._lists.selected_id() if self._lists is not None else None

    def total_count(self) -> int:
        """How many notifications are listed, over all tabs."""
        return self._lists.total_count() if self._lists is not None else 0

    def select_id(self, notification_id: str) -> bool:
        """Show and select a notification (after unlock, or from another window)."""
        return self.tabs.select_id(notification_id)

    def _update_open_button(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    def _update_actions(self) -> None:
        # Nothing can be written before the vault is open (the window shows while it opens).
        unlocked = self._services.vault is not None
        self.new_button.setEnabled(unlocked)
        if self.is_complete:
            self.new_action.setEnabled(unlocked)
            self.refresh_action.setEnabled(unlocked)
        if self._lists is None:
            self.open_button.setEnabled(False)

    def open_selected(self) -> None:
        notification_id = self.selected_id()
        if notification_id is not None:
            self._services.open_wizard(notification_id)

    # --- dialogs -------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._services, self)
        self._open_dialog(dialog)

    def open_about(self) -> None:
        from desktop.ui.about_dialog import AboutDialog

        self._open_dialog(AboutDialog(self._services, self))

    def _open_dialog(self, dialog: QWidget) -> None:
        from PySide6.QtCore import Qt

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services.adopt_window(dialog)  # kept alive, and decorated as every window (the demo banner)
        # The dialog's own close slot: Qt drops the connection when the dialog is destroyed
        # (a manual disconnect then found nothing and warned).
        self._services.session.locking.connect(dialog.close)
        dialog.show()

    def hideEvent(self, event: QHideEvent) -> None:
        # The size the person gave the window, for the next start (hidden at a lock, closed at quit).
        from desktop.ui.geometry import remember_size

        remember_size(self, "main")
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        shell = self._services.shell
        if shell is not None and not shell.may_quit(self):
            event.ignore()
            return
        super().closeEvent(event)
