"""The body map as an SVG picture, for the HTML copy (review page, printing, the municipality view).

``QTextDocument`` shows an ``<img>`` whose source is an SVG ``data:`` URL, so the same HTML that
prints also shows the figure, without files and without Qt in this module. Every text in the SVG is
escaped; the picture carries its description as ``<title>`` and the HTML its ``alt`` text.
"""

from __future__ import annotations

import base64
from html import escape

from desktop.documents.figure import BodyMapFigure

#: The height of one view in SVG units; the width follows from the figure's aspect.
VIEW_HEIGHT = 300.0
CAPTION_HEIGHT = 22.0
GAP = 24.0
MARK_RADIUS = 7.5

OUTLINE_INK = "#5f6b7a"
BODY_FILL = "#f3f6f9"
MARK_FILL = "#a3261c"
CAPTION_INK = "#1f2933"


def figure_svg(figure: BodyMapFigure) -> str:
    """The figure as a standalone SVG document (both views side by side, numbered marks)."""
    view_width = VIEW_HEIGHT * figure.aspect
    width = len(figure.views) * view_width + (len(figure.views) - 1) * GAP
    height = VIEW_HEIGHT + CAPTION_HEIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" role="img">',
        f"<title>{escape(figure.caption)}. {escape(figure.description)}</title>",
    ]
    for index, view in enumerate(figure.views):
        left = index * (view_width + GAP)
        parts.append(
            f'<text x="{left + view_width / 2:.1f}" y="15" text-anchor="middle" font-family="DejaVu Sans" '
            f'font-size="13" fill="{CAPTION_INK}">{escape(view.caption)}</text>')
        for ring in view.outline:
            points = " ".join(f"{left + x * view_width:.1f},{CAPTION_HEIGHT + y * VIEW_HEIGHT:.1f}"
                              for x, y in ring)
            parts.append(f'<polygon points="{points}" fill="{BODY_FILL}" stroke="{OUTLINE_INK}" '
                         'stroke-width="1.4" stroke-linejoin="round"/>')
        for number, mark_view, x, y in figure.marks:
            if mark_view != view.view:
                continue
            cx, cy = left + x * view_width, CAPTION_HEIGHT + y * VIEW_HEIGHT
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{MARK_RADIUS}" fill="{MARK_FILL}" '
                         'stroke="white" stroke-width="1"/>')
            parts.append(f'<text x="{cx:.1f}" y="{cy + 4:.1f}" text-anchor="middle" '
                         'font-family="DejaVu Sans" font-size="10" font-weight="bold" fill="white">'
                         f"{number}</text>")
    parts.append("</svg>")
    return "".join(parts)


def figure_img(figure: BodyMapFigure) -> str:
    """An ``<img>`` element showing the figure (an SVG ``data:`` URL), with its description as alt text."""
    data = base64.b64encode(figure_svg(figure).encode("utf-8")).decode("ascii")
    alt = escape(f"{figure.caption}. {figure.description}", quote=True)
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{alt}"/>'
