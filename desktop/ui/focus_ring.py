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

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
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


def _alive(widget: QObject | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


class FocusRing(QObject):
    """Follows the application's focus and keeps a ring around the focused control.

    It holds no window: each window's ring is its child (found again by name), and the control and
    ring it last used are checked for life before each use (windows close and are deleted at any time).
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._target: QWidget | None = None
        self._ring: _Ring | None = None
        self._area: QAbstractScrollArea | None = None
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def _ring_for(window: QWidget) -> _Ring:
        ring = window.findChild(_Ring, "focusRing", Qt.FindChildOption.FindDirectChildrenOnly)
        return ring if isinstance(ring, _Ring) else _Ring(window)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if _alive(self._target):
            assert self._target is not None
            self._target.removeEventFilter(self)
        if _alive(self._ring):
            assert self._ring is not None
            self._ring.hide()
        self._follow_scrolling(None)
        self._target = new if _alive(new) else None
        if self._target is None:
            return
        self._target.installEventFilter(self)
        self._follow_scrolling(_scroll_area_of(self._target))
        self.place()

    def _follow_scrolling(self, area: QAbstractScrollArea | None) -> None:
        """Move the ring when the page the focused control is on scrolls."""
        if _alive(self._area):
            assert self._area is not None
            with contextlib.suppress(RuntimeError, TypeError):
                self._area.verticalScrollBar().valueChanged.disconnect(self.place)
                self._area.horizontalScrollBar().valueChanged.disconnect(self.place)
        self._area = area
        if area is not None:
            area.verticalScrollBar().valueChanged.connect(self.place)
            area.horizontalScrollBar().valueChanged.connect(self.place)

    def place(self) -> None:
        """Put the ring around the focused control (it may have moved, scrolled or resized)."""
        target = self._target
        if not _alive(target):
            self._target = None
            return
        assert target is not None
        window = target.window()
        if target is window or not target.isVisible():
            return
        ring = self._ring_for(window)
        if _alive(self._ring) and self._ring is not ring:
            assert self._ring is not None
            self._ring.hide()
        self._ring = ring
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() in (
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
