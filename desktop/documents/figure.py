"""The body map as the printed copy shows it: both views of the child's outline with numbered marks,
and one description per mark, in the notification's language.

:class:`BodyMapFigure` is an outline block like the others (:mod:`desktop.documents.outline`); the
PDF draws it with reportlab paths (:mod:`desktop.documents.bodymap_pdf`), the HTML copy as an inline
SVG picture (:mod:`desktop.documents.bodymap_svg`). Both draw the same polygons the wizard's canvas
draws, and every mark is also described in words right below the figure, so nothing depends on the
picture alone (a screen reader, a black-and-white copy, a case system reading the text).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.documents.formatting import format_date
from desktop.domain.bodymap import BodyView, Ring, geometry
from desktop.domain.observations import BodyMap, code_lists, colour_labels, describe_mark


@dataclass(frozen=True)
class ViewDrawing:
    """One view to draw: its caption and outline rings (in the box's 0..1 coordinates)."""

    view: str
    caption: str
    outline: tuple[Ring, ...]


@dataclass(frozen=True)
class BodyMapFigure:
    """The figure block: views side by side, marks as numbered dots, a caption and a text alternative."""

    caption: str
    aspect: float  # the width of one view's box divided by its height
    views: tuple[ViewDrawing, ...]
    marks: tuple[tuple[int, str, float, float], ...]  # (number, view, x, y)
    description: str  # the whole figure in words (alt text)


def figure_block(body_map: BodyMap, language: str, caption: str) -> BodyMapFigure:
    """The figure of ``body_map`` with texts in ``language``."""
    geo = geometry(body_map.figure)
    lists = code_lists()
    views = tuple(
        ViewDrawing(view.value, lists.label("view", view.value, language), geo.view(view).outline)
        for view in BodyView
    )
    marks = tuple((m.number, m.view.value, m.x, m.y) for m in body_map.marks)
    figure_label = lists.label("figure", body_map.figure.value, language)
    described = "; ".join(f"{m.number}. {describe_mark(m, language)}" for m in body_map.marks)
    return BodyMapFigure(f"{caption}: {figure_label}", geo.aspect, views, marks, described)


def mark_details(body_map: BodyMap, language: str,
                 names: dict[str, str]) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Per mark a title ("1. Bruise – Left upper arm (front)") and its labelled details.

    ``names`` gives the row labels (keys ``colours``, ``size``, ``seen_on``, ``explained_by``,
    ``explanation``, ``notes``) so the caller's label table stays the one source of printed words.
    """
    lists = code_lists()
    out = []
    for mark in body_map.marks:
        rows: list[tuple[str, str | None]] = [
            (names["colours"], colour_labels([c.value for c in mark.colours], language) or None),
            (names["size"], mark.size),
            (names["seen_on"], format_date(mark.seen_on, language) if mark.seen_on else None),
            (names["explained_by"],
             lists.label("explained_by", mark.explained_by.value, language) if mark.explained_by else None),
            (names["explanation"], mark.explanation),
            (names["notes"], mark.notes),
        ]
        out.append((f"{mark.number}. {describe_mark(mark, language)}", rows))
    return out
