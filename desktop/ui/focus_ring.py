"""A focus indicator that everyone can see: a 2 px ring in a colour with at least 3:1 contrast.

Qt's own styles mark the focused control faintly (a 1 px frame in the highlight
colour, 2.35:1 in Fusion's light palette). :class:`FocusRing` draws a ring of
its own around whichever control has the keyboard focus, in
:func:`desktop.ui.theme.focus_colour` (checked against light, dark and high
contrast palettes), on top of the window, without taking mouse clicks. It is
installed once, after the first window has painted (:func:`install`).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from desktop.ui import theme

#: The ring's width and its distance from the control.
WIDTH = 2
GAP = 1


class _Ring(QWidget):
    """The ring on one window (a transparent child covering the focused control's edge)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(theme.focus_colour(self.palette()))
        pen.setWidth(WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()


class FocusRing(QObject):
    """Follows the application's focus and keeps a ring around the focused control."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._rings: dict[int, _Ring] = {}
        self._target: QWidget | None = None
        self._area: QAbstractScrollArea | None = None
        app.focusChanged.connect(self._focus_changed)

    def _ring_for(self, window: QWidget) -> _Ring:
        key = id(window)
        ring = self._rings.get(key)
        if ring is None or ring.parent() is not window:
            ring = _Ring(window)
            self._rings[key] = ring
            window.destroyed.connect(lambda *_: self._rings.pop(key, None))
        return ring

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._target is not None:
            with contextlib.suppress(RuntimeError):  # already deleted
                self._target.removeEventFilter(self)
        for ring in list(self._rings.values()):
            try:
                ring.hide()
            except RuntimeError:
                continue
        self._follow_scrolling(None)
        self._target = new
        if new is None:
            return
        new.installEventFilter(self)
        self._follow_scrolling(_scroll_area_of(new))
        self.place()

    def _follow_scrolling(self, area: QAbstractScrollArea | None) -> None:
        """Move the ring when the page the focused control is on scrolls."""
        if self._area is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # gone with its window
                self._area.verticalScrollBar().valueChanged.disconnect(self.place)
                self._area.horizontalScrollBar().valueChanged.disconnect(self.place)
        self._area = area
        if area is not None:
            area.verticalScrollBar().valueChanged.connect(self.place)
            area.horizontalScrollBar().valueChanged.connect(self.place)

    def place(self) -> None:
        """Put the ring around the focused control (it may have moved, scrolled or resized)."""
        target = self._target
        if target is None:
            return
        try:
            window = target.window()
        except RuntimeError:
            self._target = None
            return
        if target is window or not target.isVisible():
            return
        ring = self._ring_for(window)
        outline = WIDTH + GAP
        rect = QRect(target.mapTo(window, target.rect().topLeft()), target.size())
        rect = rect.adjusted(-outline, -outline, outline, outline)
        # Inside a scrolled page the ring stays within what is visible of the page.
        area = _scroll_area_of(target)
        if area is not None:
            viewport = area.viewport()
            visible = QRect(viewport.mapTo(window, viewport.rect().topLeft()), viewport.size())
            rect = rect.intersected(visible.adjusted(-outline, -outline, outline, outline))
        ring.setGeometry(rect)
        ring.raise_()
        ring.show()
        ring.update()

    def eventFilter(self, watched: QObject, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self._target and isinstance(event, QEvent) and event.type() in (
                QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.place()
        return False


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


_INSTALLED: list[FocusRing] = []


def install(app: QApplication) -> FocusRing:
    """Draw the ring from now on (once per application)."""
    if not _INSTALLED:
        _INSTALLED.append(FocusRing(app))
    return _INSTALLED[0]
