"""The demo banner: a bright strip on every window saying that everything here is fictitious."""

from __future__ import annotations

from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QMainWindow,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from desktop.ui import theme

BANNER_NAME = "demoBanner"


class DemoBanner(QLabel):
    """"DEMO – fictitious data only. Nothing is sent to a real municipality." (translated)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(BANNER_NAME)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # The same strong colours on every theme (the system's own in high contrast); sizes follow the font.
        theme.paint(self, theme.Tone.BANNER)
        bold = self.font()
        bold.setBold(True)
        self.setFont(bold)
        self.setMargin(max(4, self.fontMetrics().height() // 3))
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("DEMO – fictitious data only. Nothing is sent to a real municipality."))
        self.setAccessibleName(self.tr("Demo mode"))
        self.setAccessibleDescription(self.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def banner_of(window: QWidget) -> DemoBanner | None:
    """The banner shown on ``window``, if any (not one inside a part of it that was once a window)."""
    return next((b for b in window.findChildren(DemoBanner, BANNER_NAME) if b.window() is window), None)


def add_demo_banner(window: QWidget) -> None:
    """``services.window_decorators`` hook: put the banner at the top of ``window`` (once)."""
    if banner_of(window) is not None:
        return
    banner = DemoBanner()
    if isinstance(window, QMainWindow):
        bar = QToolBar(window)
        bar.setObjectName("demoBannerBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.addWidget(banner)
        # The tool bar fills what it holds with its button colour: the banner keeps its own (the
        # theme's banner red), or it would be white text on the bar's grey.
        banner.setBackgroundRole(QPalette.ColorRole.Window)
        banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    else:
        banner.setParent(window)
        _put_on_top(window.layout(), banner)
        # A window already on its way to the screen does not show a child added now by itself.
        banner.show()
    marker = _TitleMarker(window)
    marker.mark(window)
    window.installEventFilter(marker)


def _put_on_top(layout: QLayout | None, banner: DemoBanner) -> None:
    """Put the banner above everything in a dialog's layout, whatever kind of layout it is."""
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    elif isinstance(layout, QFormLayout):
        layout.insertRow(0, banner)
    elif isinstance(layout, QGridLayout):
        # A message box or file dialog: every item moves one row down, the banner spans row 0.
        rows = layout.rowCount()
        stretch = [layout.rowStretch(r) for r in range(rows)]
        minimum = [layout.rowMinimumHeight(r) for r in range(rows)]
        items: list[tuple[QLayoutItem, int, int, int, int]] = []
        while layout.count():
            position = cast("tuple[int, int, int, int]", layout.getItemPosition(0))  # typed as object
            row, column, row_span, column_span = position
            taken = layout.takeAt(0)
            if taken is not None:
                items.append((taken, row, column, row_span, column_span))
        columns = max([layout.columnCount(), *(c + cs for _i, _r, c, _rs, cs in items)])
        layout.addWidget(banner, 0, 0, 1, columns)
        for item, row, column, row_span, column_span in items:
            if (widget := item.widget()) is not None:
                layout.addWidget(widget, row + 1, column, row_span, column_span, item.alignment())
            elif (inner := item.layout()) is not None:
                layout.addLayout(inner, row + 1, column, row_span, column_span, item.alignment())
            else:
                layout.addItem(item, row + 1, column, row_span, column_span, item.alignment())
        layout.setRowStretch(0, 0)
        layout.setRowMinimumHeight(0, 0)
        if not any(layout.columnStretch(c) for c in range(columns)):
            # The banner makes the dialog wider: the text (a message box's last column) gets the room,
            # not the gap after its icon.
            layout.setColumnStretch(columns - 1, 1)
        for row in range(rows):
            layout.setRowStretch(row + 1, stretch[row])
            layout.setRowMinimumHeight(row + 1, minimum[row])
    elif layout is not None:
        layout.addWidget(banner)
    else:
        # No layout (a window that places its children itself): the banner at the top, full width.
        owner = banner.parentWidget()
        banner.setGeometry(0, 0, owner.width() if owner is not None else 400, banner.sizeHint().height())
        banner.show()


TITLE_PREFIX = "[DEMO] "


class _TitleMarker(QObject):
    """Keeps "[DEMO]" in front of the window title, also after the window retranslates it.

    Holds no state of its own: the window is the one the event is for (a Python attribute on
    an event filter can be gone when PySide hands Qt's call to a fresh wrapper object)."""

    @staticmethod
    def mark(window: QWidget) -> None:
        title = window.windowTitle()
        if not title.startswith(TITLE_PREFIX):
            window.setWindowTitle(TITLE_PREFIX + (title or "Underret"))
            if title and window.accessibleName() == title:
                # A window that names itself by its title ("Gør færdig og send?") is heard by that name: a
                # screen reader user hears "[DEMO]" as a sighted person sees it.
                window.setAccessibleName(TITLE_PREFIX + title)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowTitleChange and isinstance(watched, QWidget):
            self.mark(watched)
        return False


#: Top-level widgets that are windows a person reads (not menus, tooltips or completion pop-ups).
_WINDOW_TYPES = frozenset({Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet})


class DemoWindowWatcher(QObject):
    """Puts the banner on every window the app shows while the demo runs: the demo's own windows,
    and every dialog any part of the app opens (settings, about, message boxes, file choosers,
    print dialogs), also the ones no demo code knows about. Installed on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow()
                and watched.windowType() in _WINDOW_TYPES and banner_of(watched) is None):
            if isinstance(watched, (QDialog, QMainWindow)):
                # Show comes before the first paint: the banner is there from the first frame.
                add_demo_banner(watched)
            else:
                # Any other widget shown while it has no parent yet may be a part of a window being
                # built (a group box shown before it is laid out): decorated only if it stays a window.
                QTimer.singleShot(0, lambda: self._decorate_if_window(watched))
        return False

    @staticmethod
    def _decorate_if_window(widget: QWidget) -> None:
        if (shiboken6.isValid(widget) and widget.isWindow() and widget.isVisible()
                and banner_of(widget) is None):
            add_demo_banner(widget)
