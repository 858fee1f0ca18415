"""One view of the body map (front or back), drawn from the figure's polygons; marks by mouse or keys.

Click on the body to place a mark there, click a mark to choose it, drag a chosen mark to move it.
With the keyboard: Tab to the view, Page Up/Page Down (or Home/End) chooses a mark on it, the arrow
keys move the chosen mark (with Shift in bigger steps), Enter opens its details and Delete removes it.
Which region a point lies in, and whether a step would leave the body, is the domain's answer
(:mod:`desktop.domain.bodymap`); this widget only draws and reports.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.bodymap import BodyView, Figure, geometry, moved, refit
from desktop.ui import theme

translate = QCoreApplication.translate

#: A mark: a dark red dot with a white number, readable on light and dark themes alike.
MARK_COLOUR = QColor("#a3261c")
#: Marker radius in pixels at the default size (scaled with the view's height).
MARK_RADIUS = 9.0


class BodyMapCanvas(QWidget):
    """One view of the child's outline with its marks.

    Signals: ``placed(view, x, y, region)`` for a click on the body away from any mark;
    ``chosen(mark_id)`` when a mark is clicked or chosen by key; ``moved(mark_id, x, y, region)``
    when the chosen mark is dragged or moved by arrow key; ``remove_requested(mark_id)`` (Delete)
    and ``details_requested(mark_id)`` (Enter).
    """

    placed = Signal(str, float, float, str)
    chosen = Signal(str)
    moved = Signal(str, float, float, str)
    remove_requested = Signal(str)
    details_requested = Signal(str)

    def __init__(self, view: BodyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.figure = Figure.SCHOOL_CHILD
        self.setObjectName(f"bodyMap:{view.value}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(False)
        #: (id, number, x, y) of the marks on this view, as drawn (refitted to the figure).
        self._marks: list[tuple[str, int, float, float]] = []
        self.current: str | None = None
        self._dragging = False

    # --- state from the editor -------------------------------------------------------------------
    def show_marks(self, figure: Figure, marks: list[dict[str, Any]], current: str | None) -> None:
        """Draw ``figure`` with the marks of this view (all marks are numbered across both views)."""
        self.figure = figure
        self._marks = []
        for number, mark in enumerate(marks, start=1):
            if mark.get("view") != self.view.value:
                continue
            x, y, _region = refit(figure, self.view, float(mark["x"]), float(mark["y"]),
                                  str(mark.get("region")))
            self._marks.append((str(mark["id"]), number, x, y))
        self.current = current
        self.update()

    def marks_here(self) -> list[str]:
        """The ids of the marks on this view, in number order."""
        return [mark_id for mark_id, _n, _x, _y in self._marks]

    # --- geometry --------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        height = self.fontMetrics().lineSpacing() * 22
        return QSize(int(height * geometry(self.figure).aspect) + 8, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _box(self) -> QRectF:
        """The view's box in widget pixels: as tall as the widget, centred, the figure's aspect."""
        margin = 4.0
        height = self.height() - 2 * margin
        width = height * geometry(self.figure).aspect
        return QRectF((self.width() - width) / 2, margin, width, height)

    def to_widget(self, x: float, y: float) -> QPointF:
        box = self._box()
        return QPointF(box.left() + x * box.width(), box.top() + y * box.height())

    def to_box(self, point: QPointF) -> tuple[float, float]:
        box = self._box()
        return (point.x() - box.left()) / box.width(), (point.y() - box.top()) / box.height()

    def _radius(self) -> float:
        return max(6.0, MARK_RADIUS * self.height() / self.sizeHint().height())

    def _mark_at(self, point: QPointF) -> str | None:
        radius = self._radius()
        for mark_id, _number, x, y in reversed(self._marks):
            centre = self.to_widget(x, y)
            if (centre.x() - point.x()) ** 2 + (centre.y() - point.y()) ** 2 <= radius * radius:
                return mark_id
        return None

    # --- drawing ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        for ring in geometry(self.figure).view(self.view).outline:
            path.addPolygon(QPolygonF([self.to_widget(x, y) for x, y in ring]))
            path.closeSubpath()
        # The body in the theme's own field colours (light, dark and high contrast alike).
        palette = self.palette()
        painter.fillPath(path, palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.5))
        painter.drawPath(path)
        radius = self._radius()
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(8, int(radius * 1.1)))
        painter.setFont(font)
        for mark_id, number, x, y in self._marks:
            centre = self.to_widget(x, y)
            if mark_id == self.current:
                # The chosen mark: a ring in the system's highlight colour, thicker with the focus here.
                width = 4 if self.hasFocus() else 2
                highlight = QPen(theme.focus_colour(palette), width)
                painter.setPen(highlight)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius + 4, radius + 4)
            painter.setPen(QPen(QColor("white"), 1))
            painter.setBrush(MARK_COLOUR)
            painter.drawEllipse(centre, radius, radius)
            painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                             int(Qt.AlignmentFlag.AlignCenter), str(number))
        if self.hasFocus():
            painter.setPen(QPen(theme.focus_colour(palette), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current not in self.marks_here() and self._marks:
            self.current = self._marks[0][0]
            self.chosen.emit(self.current)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # --- mouse -----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = event.position()
        hit = self._mark_at(point)
        if hit is not None:
            self.current = hit
            self._dragging = True
            self.chosen.emit(hit)
            self.update()
            return None
        x, y = self.to_box(point)
        region = geometry(self.figure).view(self.view).region_at(x, y)
        if region is not None:
            self.placed.emit(self.view.value, round(x, 4), round(y, 4), region.code)
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._dragging or self.current is None:
            return super().mouseMoveEvent(event)
        x, y = self.to_box(event.position())
        region = geometry(self.figure).view(self.view).region_at(x, y)
        if region is not None:  # a mark dragged off the body stays at the body's edge
            self.moved.emit(self.current, round(x, 4), round(y, 4), region.code)
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False
        super().mouseReleaseEvent(event)

    # --- keyboard --------------------------------------------------------------------------------
    _ARROWS: ClassVar[dict[Qt.Key, tuple[int, int]]] = {
        Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        here = self.marks_here()
        if key in self._ARROWS and self.current in here:
            dx, dy = self._ARROWS[key]
            _id, _n, x, y = next(m for m in self._marks if m[0] == self.current)
            big = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            step = moved(self.figure, self.view, x, y, dx, dy, big)
            if step is not None:
                self.moved.emit(self.current, *step)
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Home, Qt.Key.Key_End) and here:
            index = here.index(self.current) if self.current in here else -1
            if key == Qt.Key.Key_PageDown:
                index = min(len(here) - 1, index + 1)
            elif key == Qt.Key.Key_PageUp:
                index = max(0, index - 1)
            else:
                index = 0 if key == Qt.Key.Key_Home else len(here) - 1
            self.current = here[index]
            self.chosen.emit(self.current)
            self.update()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.current in here:
            self.remove_requested.emit(self.current)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current in here:
            self.details_requested.emit(self.current)
            return
        super().keyPressEvent(event)
