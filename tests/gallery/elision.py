"""Find text a window shows elided or clipped: labels, buttons, tabs, table cells, tree items.

Called by the gallery while each window is on screen. A finding names the widget (its object
name, or its class and accessible name), what kind of text it is and the text itself. Text that
wraps is fine as long as the widget is tall enough for all its lines; a page that grows wider than
its window (a horizontal scroll bar on a page) is a finding too.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QListView,
    QScrollArea,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

Finding = dict[str, str]


def _name(widget: QWidget) -> str:
    return widget.objectName() or f"{type(widget).__name__}:{widget.accessibleName()[:40]}"


def _finding(widget: QWidget, kind: str, text: str) -> Finding:
    return {"widget": _name(widget), "kind": kind, "text": text[:160]}


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _shown_text(text: str) -> str:
    """The text as drawn: a single "&" marks the Alt-key letter and is not drawn, "&&" is one "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label(label: QLabel) -> Finding | None:
    text = label.text()
    if label.buddy() is not None or label.textFormat() != Qt.TextFormat.RichText:
        text = _shown_text(text)
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    rect = label.contentsRect()
    margin = label.margin() * 2 + (label.indent() if label.indent() > 0 else 0)
    if label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return _finding(label, "label cut off (wrapped text taller than the label)", text)
        if not label.wordWrap() and label.sizeHint().width() > label.width() + 1:
            return _finding(label, "label cut off", text)
        return None
    width = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    if width + margin > rect.width() + 1:
        return _finding(label, "label cut off", text)
    return None


def _button(button: QAbstractButton) -> Finding | None:
    text = button.text()
    if not text.strip():
        return None
    hint = button.sizeHint()
    if hint.width() > button.width() + 1 or hint.height() > button.height() + 1:
        return _finding(button, "button text cut off", text.replace("&", ""))
    return None


def _tabs(bar: QTabBar) -> list[Finding]:
    found = []
    for index in range(bar.count()):
        if bar.tabSizeHint(index).width() > bar.tabRect(index).width() + 1:
            found.append(_finding(bar, "tab title elided", bar.tabText(index)))
    return found


def _combo(combo: QComboBox) -> Finding | None:
    text = combo.currentText()
    if text and combo.sizeHint().width() > combo.width() + 1:
        return _finding(combo, "choice cut off", text)
    return None


def _table(view: QTableView) -> list[Finding]:
    model = view.model()
    if model is None:
        return []
    found = []
    viewport = view.viewport().rect()
    rows = min(model.rowCount(), 40)
    for row in range(rows):
        if view.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            text = str(index.data() or "")
            if not text:
                continue
            rect = view.visualRect(index)
            if rect.right() > viewport.right() + 1:
                found.append(_finding(view, "table cell outside the visible list", text))
                continue
            hint = view.sizeHintForIndex(index) if view.wordWrap() else None
            needed_width = view.fontMetrics().horizontalAdvance(text) + 2 * view.style().pixelMetric(
                view.style().PixelMetric.PM_FocusFrameHMargin, None, view) + 2
            if hint is not None and view.wordWrap():
                lines_needed = _wrapped_height(view, text, rect.width())
                if lines_needed > rect.height() + 1:
                    found.append(_finding(view, "table cell cut off", text))
            elif needed_width > rect.width():
                found.append(_finding(view, "table cell elided", text))
    return found


def _wrapped_height(view: QAbstractItemView, text: str, width: int) -> int:
    metrics = view.fontMetrics()
    bounding = metrics.boundingRect(0, 0, max(1, width - 6), 10_000,
                                    int(Qt.TextFlag.TextWordWrap), text)
    return bounding.height() + 2


def _tree(view: QTreeView) -> list[Finding]:
    model = view.model()
    if model is None:
        return []
    found: list[Finding] = []

    def visit(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), 200)):
            index = model.index(row, 0, parent)
            if view.isRowHidden(row, parent):
                continue
            text = str(index.data() or "")
            rect = view.visualRect(index)
            if text and rect.isValid():
                needed = _wrapped_height(view, text, rect.width()) if view.wordWrap() else rect.height()
                too_wide = not view.wordWrap() and view.fontMetrics().horizontalAdvance(text) > rect.width()
                if needed > rect.height() + 2 or too_wide:
                    found.append(_finding(view, "list item cut off", text))
            visit(index, depth + 1)

    visit(QModelIndex(), 0)
    return found


def _list(view: QListView) -> list[Finding]:
    model = view.model()
    if model is None:
        return []
    found = []
    for row in range(min(model.rowCount(), 200)):
        if view.isRowHidden(row):
            continue
        index = model.index(row, 0)
        text = str(index.data() or "")
        rect = view.visualRect(index)
        if not text or not rect.isValid():
            continue
        if view.wordWrap():
            if _wrapped_height(view, text, rect.width()) > rect.height() + 2:
                found.append(_finding(view, "list item cut off", text))
        elif view.fontMetrics().horizontalAdvance(text) + 8 > rect.width():
            found.append(_finding(view, "list item elided", text))
    return found


def _scroll_area(area: QAbstractScrollArea) -> Finding | None:
    if isinstance(area, QScrollArea) and area.horizontalScrollBar().isVisible():
        return _finding(area, "page wider than its window", area.objectName())
    return None


def findings_in(window: QWidget) -> list[Finding]:
    """Every elided or clipped text in ``window`` as it is shown now."""
    found: list[Finding] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget, window):
            continue
        result: Finding | list[Finding] | None = None
        if isinstance(widget, QLabel):
            result = _label(widget)
        elif isinstance(widget, QAbstractButton):
            result = _button(widget)
        elif isinstance(widget, QTabBar):
            result = _tabs(widget)
        elif isinstance(widget, QComboBox):
            result = _combo(widget)
        elif isinstance(widget, QTableView):
            result = _table(widget)
        elif isinstance(widget, QTreeView):
            result = _tree(widget)
        elif isinstance(widget, QListView):
            result = _list(widget)
        elif isinstance(widget, QAbstractScrollArea):
            result = _scroll_area(widget)
        if isinstance(result, list):
            found.extend(result)
        elif result is not None:
            found.append(result)
    return found
