"""Item views whose rows are as tall as their wrapped text: nothing in a list is cut short with "…".

Qt's item views give every row one line and elide the rest. :func:`wrap_items`
gives a list or tree a delegate that measures each row's text wrapped at the
view's width (less the indentation and a check box), and measures again when
the view is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the view's width."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def _text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        view = self._view
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        width = view.viewport().width() - 2 * margin - 2
        if isinstance(view, QTreeView):
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            width -= view.indentation() * depth
        if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            width -= view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view) + 6
        return width

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data() or "")
        width = self._text_width(index)
        if width <= 50 or not text:
            return hint
        wrap = int(Qt.TextFlag.TextWordWrap)
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), wrap, text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


class _Relayout(QObject):
    """Measures the rows again when the view's width changes."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._width = -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._view.viewport():
            width = self._view.viewport().width()
            if width != self._width:
                self._width = width
                self._view.scheduleDelayedItemsLayout()
        return False


def wrap_items(view: QListView | QTreeView) -> None:
    """Let ``view``'s rows wrap their text instead of eliding it."""
    view.setItemDelegate(WrappingDelegate(view))
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setWordWrap(True)
    if isinstance(view, QListView):
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)
    else:
        view.setUniformRowHeights(False)
    view.viewport().installEventFilter(_Relayout(view))
