"""Tab goes the way a person reads: the window's Tab chain set to the order of its layouts.

Qt's Tab chain is the order in which widgets were made. A window that builds parts later (a wizard page
built in idle time, the review page's problem buttons made each time it opens) gets those parts at the end
of the chain, behind the buttons at the bottom, so Tab jumps about where a screen-reader or keyboard user
expects it to go down the page. :func:`follow_reading_order` walks the window's layouts the way they are
drawn - top to bottom, left to right, a grid row by row - and chains the widgets that take Tab in that order.
"""

from __future__ import annotations

from itertools import pairwise
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDockWidget,
    QGridLayout,
    QLayout,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)


def takes_tab(widget: QWidget) -> bool:
    """Whether Tab may stop on ``widget`` (whatever it shows now: hidden ones are skipped by Tab anyway)."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def reading_order(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that take Tab, in the order they are drawn in its layouts (a widget
    outside any layout, e.g. a part a widget draws by itself, is left out)."""
    found: list[QWidget] = []
    seen: set[int] = set()

    def widget(w: QWidget) -> None:
        if id(w) in seen or (w is not root and w.isWindow()):
            return
        seen.add(id(w))
        if takes_tab(w):
            found.append(w)
        if isinstance(w, QMainWindow):
            main_window(w)
        elif isinstance(w, QScrollArea):
            inner = w.widget()
            if inner is not None:
                widget(inner)
        elif isinstance(w, (QStackedWidget, QTabWidget)):
            for index in range(w.count()):
                page = w.widget(index)
                if page is not None:
                    widget(page)
        else:
            own = w.layout()
            if own is not None:
                layout(own)

    def main_window(w: QMainWindow) -> None:
        for bar in w.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if w.toolBarArea(bar) == Qt.ToolBarArea.TopToolBarArea:
                widget(bar)
        central = w.centralWidget()
        if central is not None:
            widget(central)
        for dock in w.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            inner = dock.widget()
            if inner is not None:
                widget(inner)
        for bar in w.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            widget(bar)
        if w.statusBar() is not None:
            status = w.statusBar()
            for child in status.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                widget(child)

    def layout(lay: QLayout) -> None:
        items = [lay.itemAt(index) for index in range(lay.count())]
        if isinstance(lay, QGridLayout):
            places: dict[int, tuple[int, int]] = {}
            for index, item in enumerate(items):
                row, column, _rows, _columns = cast("tuple[int, int, int, int]", lay.getItemPosition(index))
                places[id(item)] = (row, column)
            items.sort(key=lambda item: places[id(item)])
        elif isinstance(lay, QBoxLayout) and lay.direction() in (QBoxLayout.Direction.RightToLeft,
                                                                  QBoxLayout.Direction.BottomToTop):
            items.reverse()
        for item in items:
            if item is None:
                continue
            inner_widget = item.widget()
            if inner_widget is not None:
                widget(inner_widget)
                continue
            inner_layout = item.layout()
            if inner_layout is not None:
                layout(inner_layout)

    widget(root)
    return found


def follow_reading_order(root: QWidget) -> list[QWidget]:
    """Chain Tab through ``root``'s widgets in :func:`reading_order`; returns that order."""
    order = reading_order(root)
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    return order


__all__ = ["follow_reading_order", "reading_order", "takes_tab"]
