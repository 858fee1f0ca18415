"""The main window's lists: one tab per state (drafts, waiting, refused, sent), a table in each.

Each tab has its own :class:`NotificationTableModel`. The rows are read, split
and sorted on a worker thread and handed to the models in one step, so 10,000
rows do not freeze the window. The main window builds this widget once its
first frame has painted (see :meth:`desktop.ui.main_window.MainWindow.complete`).

Columns are as wide as their texts (header and the first rows), so a state, a
reference number or a date is never cut short; the whole story of the selected
notification is in the delivery panel under the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTabWidget, QWidget

from desktop.ui.notification_table_model import (
    ID_ROLE,
    Column,
    Group,
    NotificationTableModel,
    SortSpec,
)

if TYPE_CHECKING:
    from desktop.store.notifications import NotificationSummary

_COLUMNS_OF_GROUP: dict[Group, tuple[Column, ...]] = {
    Group.DRAFTS: (Column.CHILD, Column.UPDATED),
    Group.WAITING: (Column.CHILD, Column.STATE, Column.FINALISED, Column.MUNICIPALITY),
    Group.REFUSED: (Column.CHILD, Column.STATE, Column.FINALISED, Column.MUNICIPALITY),
    Group.SENT: (Column.CHILD, Column.STATE, Column.REFERENCE, Column.SENT, Column.ACKNOWLEDGEMENT_DUE),
}

_DEFAULT_SORT: dict[Group, Column] = {
    Group.DRAFTS: Column.UPDATED, Group.WAITING: Column.FINALISED, Group.REFUSED: Column.FINALISED,
    Group.SENT: Column.SENT,
}



class NotificationLists(QTabWidget):
    """The three tabs of lists; ``open_requested(id)`` when a row is activated (Enter, double-click)."""

    def __init__(self, open_requested: Callable[[str], None], selection_changed: Callable[[], None],
                 language: Callable[[], str] = lambda: "da", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationTabs")
        self._open_requested = open_requested
        self._language = language
        #: What each column was last fitted to (group, column) -> key: unchanged texts are not measured.
        self._fitted: dict[tuple[Group, Column], tuple[object, ...]] = {}
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
            view.activated.connect(self._activated)
            view.selectionModel().selectionChanged.connect(lambda *_: selection_changed())
            self.views[group] = view
            self.models[group] = model
            self.addTab(view, "")
        self.currentChanged.connect(lambda _: selection_changed())

    def retranslate(self) -> None:
        """Tab titles with their counts, accessible names, column headers."""
        translate = QCoreApplication.translate
        self.setAccessibleName(translate("MainWindow", "Notifications by state"))
        names = {
            Group.DRAFTS: translate("MainWindow", "Drafts"),
            Group.WAITING: translate("MainWindow", "Waiting to be sent"),
            Group.REFUSED: translate("MainWindow", "Refused"),
            Group.SENT: translate("MainWindow", "Sent"),
        }
        for group, view in self.views.items():
            view.setAccessibleName(names[group])
            count = self.models[group].rowCount()
            self.setTabText(group, translate("MainWindow", "%1 (%2)").replace("%1", names[group])
                            .replace("%2", str(count)))
        for model in self.models.values():
            model.language = self._language()
            model.retranslate()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Make each shown column as wide as its header and the widest text it may show, the last one
        taking the room that is left: nothing is cut short. Runs on every reload (once a second while
        a queue is sent), so it measures candidate texts, never every cell."""
        for group, view in self.views.items():
            model = self.models[group]
            metrics = view.fontMetrics()
            padding = metrics.averageCharWidth() * 3
            # Room for the sort arrow beside a header's title (not the style's metric: its enum type
            # costs ~20 ms to build the first time, and this runs as the window is completed).
            arrow = metrics.height()
            shown = list(_COLUMNS_OF_GROUP[group])
            for column in shown[:-1]:
                title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                texts = tuple(model.widest_texts(column))
                key = (group, column, title, texts, metrics.height())
                if self._fitted.get((group, column)) == key:
                    continue  # the same texts in the same font: the width stands
                self._fitted[(group, column)] = key
                widest = max([metrics.horizontalAdvance(title) + arrow,
                              *(metrics.horizontalAdvance(text) for text in texts)]) + padding
                view.setColumnWidth(column, widest)

    # --- rows ----------------------------------------------------------------------------------
    def sorts(self) -> dict[Group, SortSpec | None]:
        """Each tab's current sort, for sorting a new list off the GUI thread."""
        return {group: model.sort_spec for group, model in self.models.items()}

    def set_tabs(self, tabs: dict[Group, list[NotificationSummary]]) -> None:
        """Show new rows (already split and sorted by :func:`prepare_tabs`)."""
        for group, group_rows in tabs.items():
            self.models[group].set_rows(group_rows, presorted=True)
        self.fit_columns()

    def clear_rows(self) -> None:
        """Drop every listed notification from memory (on lock)."""
        for model in self.models.values():
            model.clear()

    def total_count(self) -> int:
        return sum(model.rowCount() for model in self.models.values())

    # --- selection -----------------------------------------------------------------------------
    def current_group(self) -> Group:
        return Group(self.currentIndex())

    def selected_id(self) -> str | None:
        view = self.views[self.current_group()]
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return str(value) if value is not None else None

    def select_id(self, notification_id: str) -> bool:
        """Show and select a notification; False when it is not listed."""
        for group, model in self.models.items():
            row = model.row_of(notification_id)
            if row is not None:
                self.setCurrentIndex(group)
                view = self.views[group]
                view.selectRow(row)
                view.scrollTo(model.index(row, Column.CHILD))
                return True
        return False

    def reselect(self, selected_id: str | None) -> None:
        """After a reload: select ``selected_id`` again, else the first row of every list."""
        current = self.currentIndex()
        # A keyboard user can press Enter at once: every list starts with a row selected.
        for group, view in self.views.items():
            if not view.selectionModel().hasSelection() and self.models[group].rowCount():
                view.selectRow(0)
        if selected_id is None or not self.select_id(selected_id):
            self.setCurrentIndex(current)

    def _activated(self, index: QModelIndex) -> None:
        notification_id = index.data(ID_ROLE)
        if notification_id is not None:
            self._open_requested(str(notification_id))
