"""Tab order against reading order: what a keyboard user meets pressing Tab round a window, and the order a
sighted person reads the same widgets in (top to bottom; side by side, left to right).

Used by the wizard's and the other windows' Tab-order tests.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


def tab_walk(window: QWidget, start: QWidget | None = None, limit: int = 300) -> list[QWidget]:
    """Tab from ``start`` (or where the focus is) round ``window`` back to a widget met before: every
    stop once, in the order met (Tab moving between the links inside a document stays on it: one stop)."""
    if start is not None:
        start.setFocus(Qt.FocusReason.TabFocusReason)
    first = QApplication.focusWidget()
    assert first is not None and first.window() is window, "the focus is not in the window"
    stops = [first]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is window, f"Tab left the window after {stops[-1]}"
        if focused is stops[-1]:
            continue
        if focused in stops:
            assert focused is first, f"Tab went round without coming back to {named([first])}"
            return stops
        stops.append(focused)
    raise AssertionError("Tab never came back round")


def visual_order(frame: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    """``widgets`` as they are read on screen: top to bottom; widgets side by side (their heights
    overlap) left to right. A scrolling page is read as one block, from its own top to its bottom,
    wherever it is scrolled to."""
    blocks: dict[int, tuple[QWidget, list[QWidget]]] = {}
    for widget in widgets:
        outer: QWidget = widget
        ancestor = widget.parentWidget()
        while ancestor is not None and ancestor is not frame:
            if isinstance(ancestor, QScrollArea) and ancestor.widget() is not None:
                outer = ancestor
            ancestor = ancestor.parentWidget()
        blocks.setdefault(id(outer), (outer, []))[1].append(widget)

    def box(widget: QWidget) -> tuple[int, int, int]:
        top_left = widget.mapTo(frame, QPoint(0, 0))
        return top_left.y(), top_left.y() + widget.height(), top_left.x()

    rows: list[list[QWidget]] = []
    row_bottom = -1
    for outer, _inner in sorted(blocks.values(), key=lambda block: box(block[0])[0]):
        top, bottom, _left = box(outer)
        if rows and (top + bottom) // 2 < row_bottom:
            rows[-1].append(outer)
            row_bottom = max(row_bottom, bottom)
        else:
            rows.append([outer])
            row_bottom = bottom
    read: list[QWidget] = []
    for row in rows:
        for outer in sorted(row, key=lambda w: box(w)[2]):
            inner = [w for w in blocks[id(outer)][1] if w is not outer]
            if outer in blocks[id(outer)][1]:
                read.append(outer)  # a scrolling document that is a Tab stop itself comes before its links
            content = outer.widget() if isinstance(outer, QScrollArea) else None
            if inner and content is not None:
                read.extend(visual_order(content, inner))
    return read


def named(widgets: list[QWidget]) -> list[str]:
    return [w.accessibleName() or w.objectName() or type(w).__name__ for w in widgets]


def tab_order_finding(window: QWidget) -> str | None:
    """None when Tab goes round ``window`` in reading order (from wherever it starts), else what differs."""
    stops = tab_walk(window)
    read = visual_order(window, stops)
    start = stops.index(read[0])
    went = stops[start:] + stops[:start]
    if went == read:
        return None
    return f"Tab: {named(went)}\nread: {named(read)}"


__all__ = ["named", "tab_order_finding", "tab_walk", "visual_order"]
