"""The body map's figures: outlines by age band, named regions, and where a point on them lies.

The outlines are data (``resources/bodymap/figures.json``, made by ``scripts/bodymap_figures.py``):
for each figure (one per age band) a front and a back view, each an outline and disjoint named
regions, all in coordinates normalised to the view's box (x and y from 0 to 1). The wizard's canvas,
the PDF and the printed copy draw the same polygons, and this module answers the questions the rules
ask: which figure fits the child, which region a point lies in, where a keyboard user's mark goes
when they choose a region, and where an arrow key moves a mark. No Qt here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.domain.age_bands import AgeBand
from desktop.paths import resources_dir

Point = tuple[float, float]
Ring = tuple[Point, ...]

#: How far one arrow key moves a mark (a share of the view's height); Shift moves five times as far.
STEP = 0.01
BIG_STEP = 0.05


class BodyView(StrEnum):
    """The side of the body a view shows."""

    FRONT = "front"
    BACK = "back"


class Figure(StrEnum):
    """The outline drawn for a child: one per age band (an infant's head is a quarter of its height)."""

    INFANT = "infant"
    SMALL_CHILD = "small_child"
    SCHOOL_CHILD = "school_child"
    TEENAGER = "teenager"


_FIGURE_FOR_BAND = {
    AgeBand.AGE_0_2: Figure.INFANT,
    AgeBand.AGE_3_5: Figure.SMALL_CHILD,
    AgeBand.AGE_6_12: Figure.SCHOOL_CHILD,
    AgeBand.AGE_13_17: Figure.TEENAGER,
}

#: The figure shown while the child's age is not known yet (the school-age outline is the middle one).
DEFAULT_FIGURE = Figure.SCHOOL_CHILD


def figure_for(band: AgeBand | None) -> Figure | None:
    """The figure for a child in ``band``; None for an unborn child (there is no body to mark yet)."""
    if band is AgeBand.UNBORN:
        return None
    if band is None:
        return DEFAULT_FIGURE
    return _FIGURE_FOR_BAND[band]


class FiguresInvalid(ValueError):  # noqa: N818 - house style: errors named for what happened
    """The shipped figures file is missing or malformed (a packaging fault, never the user's)."""


def _inside(rings: Sequence[Ring], x: float, y: float) -> bool:
    """Even-odd rule over all rings (a ring inside another is a hole)."""
    inside = False
    for ring in rings:
        count = len(ring)
        j = count - 1
        for i in range(count):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
    return inside


@dataclass(frozen=True)
class Region:
    """A named part of one view (``upper_arm_left``): polygons, and a point well inside it."""

    code: str
    view: BodyView
    rings: tuple[Ring, ...]
    anchor: Point

    def contains(self, x: float, y: float) -> bool:
        """Whether the point (normalised to the view's box) lies in this region."""
        return _inside(self.rings, x, y)


@dataclass(frozen=True)
class View:
    """One side of one figure: its outline and its regions."""

    view: BodyView
    outline: tuple[Ring, ...]
    regions: tuple[Region, ...]

    def region_at(self, x: float, y: float) -> Region | None:
        """The region under a point, or None off the body."""
        return next((r for r in self.regions if r.contains(x, y)), None)

    def region(self, code: str) -> Region | None:
        """The region with this code in this view (an ear is in both views, the face only in front)."""
        return next((r for r in self.regions if r.code == code), None)


@dataclass(frozen=True)
class FigureGeometry:
    """A figure's two views; ``aspect`` is the box's width divided by its height."""

    figure: Figure
    aspect: float
    views: dict[BodyView, View]

    def view(self, view: BodyView) -> View:
        return self.views[view]


def _point(item: object) -> Point:
    if not (isinstance(item, list) and len(item) == 2 and all(isinstance(v, int | float) for v in item)):
        raise FiguresInvalid("a point is two numbers")
    x, y = float(item[0]), float(item[1])
    if not (0 <= x <= 1 and 0 <= y <= 1):
        raise FiguresInvalid("a point lies outside the box")
    return x, y


def _ring(data: object) -> Ring:
    if not isinstance(data, list) or len(data) < 3:
        raise FiguresInvalid("a ring needs three points or more")
    return tuple(_point(item) for item in data)


def _view(view: BodyView, data: object) -> View:
    if not isinstance(data, dict):
        raise FiguresInvalid(f"view {view} is not an object")
    regions = []
    for item in data.get("regions", []):
        region = Region(str(item["code"]), view, tuple(_ring(r) for r in item["polygons"]),
                        _point(item["anchor"]))
        if not region.contains(*region.anchor):
            raise FiguresInvalid(f"the anchor of {region.code} is outside it")
        regions.append(region)
    return View(view, tuple(_ring(r) for r in data.get("outline", [])), tuple(regions))


def default_figures_path() -> Path:
    """``resources/bodymap/figures.json``."""
    return resources_dir() / "bodymap" / "figures.json"


def load_figures(path: Path | None = None) -> dict[Figure, FigureGeometry]:
    """Read the figures file (the shipped one by default); FiguresInvalid when it is unusable."""
    path = path or default_figures_path()
    try:
        data = json.loads(path.read_text("utf-8"))
        aspect = float(data["aspect"])
        figures = {}
        for figure in Figure:
            views = data["figures"][figure.value]
            figures[figure] = FigureGeometry(
                figure, aspect, {view: _view(view, views[view.value]) for view in BodyView})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FiguresInvalid(f"{path.name}: {exc}") from exc
    return figures


@functools.cache
def shipped_figures() -> dict[Figure, FigureGeometry]:
    """The shipped figures, read once."""
    return load_figures()


def geometry(figure: Figure) -> FigureGeometry:
    """One shipped figure."""
    return shipped_figures()[figure]


def region_codes(view: BodyView | None = None) -> list[str]:
    """Every region code of the shipped figures (of one view), in drawing order, each once."""
    seen: dict[str, None] = {}
    for geo in shipped_figures().values():
        for v in BodyView if view is None else (view,):
            for region in geo.view(v).regions:
                seen.setdefault(region.code, None)
    return list(seen)


def moved(figure: Figure, view: BodyView, x: float, y: float, dx: int, dy: int,
          big: bool = False) -> tuple[float, float, str] | None:
    """Where an arrow key moves a mark at (x, y): ``(x, y, region)``, or None when the step would
    leave the body (the mark then stays where it is: a mark off the body means nothing).

    Steps are equal in both directions on screen: x is a share of the box's width, so its step is
    scaled by the box's aspect.
    """
    geo = geometry(figure)
    step = BIG_STEP if big else STEP
    nx = min(1.0, max(0.0, x + dx * step / geo.aspect))
    ny = min(1.0, max(0.0, y + dy * step))
    region = geo.view(view).region_at(nx, ny)
    if region is None:
        return None
    return round(nx, 4), round(ny, 4), region.code


def place(figure: Figure, view: BodyView, region_code: str) -> tuple[float, float] | None:
    """Where a mark goes when a keyboard user chooses a region: its anchor (None if the view lacks it)."""
    region = geometry(figure).view(view).region(region_code)
    return None if region is None else region.anchor


def refit(figure: Figure, view: BodyView, x: float, y: float, region_code: str) -> tuple[float, float, str]:
    """A mark made on another figure (the child's age was corrected), kept in its region on ``figure``.

    The region is what the notifier chose and what the municipality reads; when the point no longer
    lies in that region on this figure, the mark moves to the region's anchor.
    """
    v = geometry(figure).view(view)
    region = v.region(region_code)
    if region is None:
        hit = v.region_at(x, y)
        return (x, y, hit.code) if hit is not None else (x, y, region_code)
    if region.contains(x, y):
        return x, y, region_code
    return region.anchor[0], region.anchor[1], region_code
