"""The list of signs as a screen reader should meet it: a tree whose one current sign has the focus.

Qt marks the view's current item as focused whether or not the view has the keyboard focus, and when Tab
reaches the view it reports only the view as focused. A screen reader then found two objects with the focus
(the sign the list last had, and the button the person was on) and, tabbing in, heard the list's name but not
which sign the cursor is on. :class:`SignalTree` keeps a current item only while it has the focus (it
remembers where the cursor was and puts it back on the way in), and coming in makes that sign current once
more after Qt's own focus report, so the sign is what is said last. Arrow keys and Space work as in any tree.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

_CURSOR_ONLY = QItemSelectionModel.SelectionFlag.NoUpdate  # the keyboard cursor, not a highlight


class SignalTree(QTreeWidget):
    """A one-column tree of categories and their signs (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resume: QTreeWidgetItem | None = None  # the current item while the focus is elsewhere
        self._quiet = False  # putting the cursor back as the focus comes: no focus report for it yet

    def cursor_item(self) -> QTreeWidgetItem | None:
        """Where the keyboard cursor is (or will be when Tab comes back), even while it has no focus."""
        if self.hasFocus():
            return self.currentItem()
        return self._resume

    def set_cursor(self, item: QTreeWidgetItem) -> None:
        """Put the keyboard cursor on ``item`` (made current now, or when the tree gets the focus)."""
        if self.hasFocus():
            self.selectionModel().setCurrentIndex(self.indexFromItem(item), _CURSOR_ONLY)
        else:
            self._resume = item

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._resume is not None:
            # Before Qt's own handler (which would make the first category current); without a focus
            # report, which would come before Qt's report for the list itself.
            self._quiet = True
            try:
                self.selectionModel().setCurrentIndex(self.indexFromItem(self._resume), _CURSOR_ONLY)
            finally:
                self._quiet = False
        super().focusInEvent(event)
        # Qt says "the list has the focus" after this handler; the sign is said after that.
        QTimer.singleShot(0, self, self._say_current)

    def _say_current(self) -> None:
        current = self.currentIndex()
        if not self.hasFocus() or not current.isValid():
            return
        # Made current again: Qt reports the focus on that sign (it does so for a current item that
        # changes while the view has the focus).
        self.selectionModel().setCurrentIndex(QModelIndex(), _CURSOR_ONLY)
        self.selectionModel().setCurrentIndex(current, _CURSOR_ONLY)

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        if self._quiet:
            # What QTreeView does but its focus report: the rows redrawn, the view's own bookkeeping.
            self.viewport().update()
            QAbstractItemView.currentChanged(self, current, previous)
            return
        super().currentChanged(current, previous)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        current = self.currentItem()
        if current is not None:
            self._resume = current
            self.selectionModel().setCurrentIndex(QModelIndex(), _CURSOR_ONLY)
        super().focusOutEvent(event)


__all__ = ["SignalTree"]
