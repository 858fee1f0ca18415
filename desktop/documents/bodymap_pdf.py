"""The body map in the PDF: a reportlab flowable drawing both views of the outline with numbered marks.

Vector paths, the same polygons the wizard draws, so the copy prints sharp at any size. The views'
captions and the mark numbers are real text (a reader can search and copy them); the marks are
described in words right after the figure by the copy's outline.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.documents.figure import BodyMapFigure
from desktop.documents.fonts import BOLD, REGULAR

OUTLINE_INK = colors.HexColor("#5f6b7a")
BODY_FILL = colors.HexColor("#f3f6f9")
MARK_FILL = colors.HexColor("#a3261c")
CAPTION_INK = colors.HexColor("#1f2933")

#: The height of one view on the page.
VIEW_HEIGHT = 95 * mm
CAPTION_HEIGHT = 7 * mm
GAP = 12 * mm
MARK_RADIUS = 2.4 * mm


class BodyMapFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type information
    """Both views side by side, centred in the frame, each with its caption above it."""

    def __init__(self, figure: BodyMapFigure, available_width: float) -> None:
        super().__init__()
        self.figure = figure
        height = VIEW_HEIGHT
        view_width = height * figure.aspect
        count = len(figure.views)
        # Narrow frames (never on A4) shrink the figure rather than overflow.
        needed = count * view_width + (count - 1) * GAP
        if needed > available_width:
            scale = available_width / needed
            height, view_width = height * scale, view_width * scale
        self.view_height = height
        self.view_width = view_width
        self.width = available_width
        # View captions above, the figure's caption below.
        self.height = height + 2 * CAPTION_HEIGHT + 2 * mm
        self.spaceBefore = 2 * mm
        self.spaceAfter = 3 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        count = len(self.figure.views)
        total = count * self.view_width + (count - 1) * GAP
        start = (self.width - total) / 2
        canvas.saveState()
        canvas.setFillColor(OUTLINE_INK)
        canvas.setFont(REGULAR, 8.5)
        canvas.drawCentredString(self.width / 2, 1.5 * mm, self.figure.caption)
        canvas.restoreState()
        for index, view in enumerate(self.figure.views):
            left = start + index * (self.view_width + GAP)
            # y grows upwards in PDF; the box's y=0 is its top, above the figure's caption line.
            top = self.view_height + CAPTION_HEIGHT

            def point(x: float, y: float, left: float = left, top: float = top) -> tuple[float, float]:
                return left + x * self.view_width, top - y * self.view_height

            canvas.saveState()
            canvas.setFillColor(CAPTION_INK)
            canvas.setFont(REGULAR, 10)
            canvas.drawCentredString(left + self.view_width / 2, top + 2.5 * mm, view.caption)
            path = canvas.beginPath()
            for ring in view.outline:
                path.moveTo(*point(*ring[0]))
                for x, y in ring[1:]:
                    path.lineTo(*point(x, y))
                path.close()
            canvas.setFillColor(BODY_FILL)
            canvas.setStrokeColor(OUTLINE_INK)
            canvas.setLineWidth(0.8)
            canvas.setLineJoin(1)
            canvas.drawPath(path, stroke=1, fill=1, fillMode=0)
            for number, mark_view, x, y in self.figure.marks:
                if mark_view != view.view:
                    continue
                cx, cy = point(x, y)
                canvas.setFillColor(MARK_FILL)
                canvas.setStrokeColor(colors.white)
                canvas.setLineWidth(0.6)
                canvas.circle(cx, cy, MARK_RADIUS, stroke=1, fill=1)
                canvas.setFillColor(colors.white)
                canvas.setFont(BOLD, 7 if number < 10 else 6)
                canvas.drawCentredString(cx, cy - 2.4, str(number))
            canvas.restoreState()
