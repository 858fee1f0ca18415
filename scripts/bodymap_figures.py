"""Generate the body-map outlines (``resources/bodymap/figures.json``) from simple shapes.

Run ``.venv/bin/python scripts/bodymap_figures.py`` after changing a proportion here, and commit the
JSON. The app never runs this: it only reads the JSON (the domain for regions and hit-testing, the
wizard's canvas, the PDF and the SVG of the printed copy all draw the same polygons).

Each figure is a plain, gender-neutral outline built from an ellipse (head), a neck, a torso and
capsules (arms, legs) in the proportions of one age band: an infant's head is about a quarter of
its height, a teenager's about a seventh. No anatomical detail is drawn: the outline only says where
on the body a mark is. The outline is the union of the shapes (QPainterPath does the geometry); the
regions (face, left upper arm, lower back, ...) are the same shapes cut into named parts, disjoint,
so a point on the body lies in exactly one region. The child's left is on the viewer's right in the
front view and on the viewer's left in the back view.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

OUT = Path(__file__).resolve().parent.parent / "resources" / "bodymap" / "figures.json"

#: Width / height of the box every view is normalised into.
ASPECT = 0.62
#: Margin inside the box, as a share of its height.
MARGIN = 0.02
#: Douglas-Peucker tolerance, in box units (height 1).
TOLERANCE = 0.0012
#: Head units are scaled up before any boolean operation: Qt flattens curves with an absolute
#: tolerance, so at one unit per head height an ellipse would come out as a heptagon.
U = 100.0


@dataclass(frozen=True)
class Proportions:
    """One age band's figure, in head heights (the head is 1 high)."""

    heads: float  # total height
    head_w: float
    neck: float
    neck_w: float
    torso: float
    shoulder: float
    waist: float
    hip: float
    arm: float
    arm_angle: float  # degrees from vertical, outwards
    upper_arm_w: float
    wrist_w: float
    knee_w: float
    ankle_w: float
    leg_angle: float


FIGURES: dict[str, Proportions] = {
    "infant": Proportions(heads=4.0, head_w=0.9, neck=0.05, neck_w=0.5, torso=1.45, shoulder=1.3,
                          waist=1.2, hip=1.15, arm=1.35, arm_angle=30, upper_arm_w=0.38, wrist_w=0.28,
                          knee_w=0.38, ankle_w=0.28, leg_angle=7),
    "small_child": Proportions(heads=5.0, head_w=0.86, neck=0.09, neck_w=0.45, torso=1.65, shoulder=1.45,
                               waist=1.2, hip=1.2, arm=1.9, arm_angle=22, upper_arm_w=0.34, wrist_w=0.24,
                               knee_w=0.34, ankle_w=0.24, leg_angle=5),
    "school_child": Proportions(heads=6.0, head_w=0.82, neck=0.15, neck_w=0.42, torso=1.95, shoulder=1.7,
                                waist=1.25, hip=1.3, arm=2.45, arm_angle=18, upper_arm_w=0.33, wrist_w=0.22,
                                knee_w=0.33, ankle_w=0.22, leg_angle=4),
    "teenager": Proportions(heads=7.0, head_w=0.78, neck=0.24, neck_w=0.42, torso=2.35, shoulder=2.0,
                            waist=1.35, hip=1.5, arm=2.95, arm_angle=15, upper_arm_w=0.36, wrist_w=0.22,
                            knee_w=0.36, ankle_w=0.22, leg_angle=3),
}


def _capsule(p: QPointF, q: QPointF, wp: float, wq: float) -> QPainterPath:
    """A limb segment: a quad from p to q with round ends (widths wp, wq)."""
    p, q, wp, wq = p * U, q * U, wp * U, wq * U
    dx, dy = q.x() - p.x(), q.y() - p.y()
    length = math.hypot(dx, dy)
    nx, ny = -dy / length, dx / length
    quad = QPolygonF([
        QPointF(p.x() + nx * wp / 2, p.y() + ny * wp / 2),
        QPointF(q.x() + nx * wq / 2, q.y() + ny * wq / 2),
        QPointF(q.x() - nx * wq / 2, q.y() - ny * wq / 2),
        QPointF(p.x() - nx * wp / 2, p.y() - ny * wp / 2),
    ])
    body, start, end = QPainterPath(), QPainterPath(), QPainterPath()
    body.addPolygon(quad)
    body.closeSubpath()
    start.addEllipse(p, wp / 2, wp / 2)
    end.addEllipse(q, wq / 2, wq / 2)
    # Boolean union, not one path with three subpaths: a fill rule would cut the overlaps out.
    return body.united(start).united(end).simplified()


def _ellipse(centre: QPointF, rx: float, ry: float, angle: float = 0.0) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), rx * U, ry * U)
    transform = QTransform()
    transform.translate(centre.x() * U, centre.y() * U)
    transform.rotate(angle)
    return transform.map(path)


def _rect(left: float, top: float, right: float, bottom: float) -> QPainterPath:
    path = QPainterPath()
    path.addRect(QRectF(QPointF(left * U, top * U), QPointF(right * U, bottom * U)))
    return path


def _mirror(path: QPainterPath) -> QPainterPath:
    return QTransform.fromScale(-1, 1).map(path)


def _union(*paths: QPainterPath) -> QPainterPath:
    result = QPainterPath()
    for path in paths:
        result = result.united(path)
    return result.simplified()


def _parts(p: Proportions) -> dict[str, QPainterPath]:
    """The body's parts keyed by part name (limbs on both sides); x=0 is the middle."""
    legs = p.heads - 1 - p.neck - p.torso
    head = _ellipse(QPointF(0, 0.5), p.head_w / 2, 0.5)
    shoulders_y = 1 + p.neck
    neck = _rect(-p.neck_w / 2, 0.8, p.neck_w / 2, shoulders_y + 0.15)
    crotch_y = shoulders_y + p.torso
    torso = QPainterPath()
    sw, ww, hw = p.shoulder / 2, p.waist / 2, p.hip / 2
    torso.moveTo(-sw + 0.28, shoulders_y)
    torso.lineTo(sw - 0.28, shoulders_y)
    torso.quadTo(sw, shoulders_y, sw, shoulders_y + 0.3)
    torso.quadTo(ww, shoulders_y + 0.55 * p.torso, hw, shoulders_y + 0.85 * p.torso)
    torso.quadTo(hw, crotch_y, hw - 0.1, crotch_y)
    torso.lineTo(-hw + 0.1, crotch_y)
    torso.quadTo(-hw, crotch_y, -hw, shoulders_y + 0.85 * p.torso)
    torso.quadTo(-ww, shoulders_y + 0.55 * p.torso, -sw, shoulders_y + 0.3)
    torso.quadTo(-sw, shoulders_y, -sw + 0.28, shoulders_y)
    torso.closeSubpath()
    torso = QTransform.fromScale(U, U).map(torso)
    parts: dict[str, QPainterPath] = {"head": head, "neck": neck, "torso": torso}
    # Arms hang outwards at the band's angle; the shoulder joint sits inside the torso's corner.
    angle = math.radians(p.arm_angle)
    direction = QPointF(math.sin(angle), math.cos(angle))
    shoulder = QPointF(sw - p.upper_arm_w / 2 - 0.02, shoulders_y + p.upper_arm_w / 2 + 0.04)
    elbow = shoulder + direction * (0.45 * p.arm)
    wrist = elbow + direction * (0.4 * p.arm)
    hand_len = 0.2 * p.arm
    parts["upper_arm"] = _capsule(shoulder, elbow, p.upper_arm_w, p.upper_arm_w * 0.82)
    parts["forearm"] = _capsule(elbow, wrist, p.upper_arm_w * 0.82, p.wrist_w)
    parts["hand"] = _ellipse(wrist + direction * (hand_len * 0.45), p.wrist_w * 0.62, hand_len / 2,
                             -p.arm_angle)
    # Legs: the thighs meet in the middle; the feet point at the viewer (short ovals).
    thigh_w = hw + 0.06
    hip_joint = QPointF(hw / 2, crotch_y - 0.2)
    leg_angle = math.radians(p.leg_angle)
    leg_dir = QPointF(math.sin(leg_angle), math.cos(leg_angle))
    foot_h = 0.28
    leg_len = legs + 0.2 - foot_h * 0.6
    knee = hip_joint + leg_dir * (0.5 * leg_len)
    ankle = hip_joint + leg_dir * leg_len
    parts["thigh"] = _capsule(hip_joint, knee, thigh_w, p.knee_w)
    parts["lower_leg"] = _capsule(knee, ankle, p.knee_w, p.ankle_w)
    parts["foot"] = _ellipse(ankle + QPointF(0.04, foot_h * 0.45), p.ankle_w * 0.75, foot_h / 2)
    for name in ("upper_arm", "forearm", "hand", "thigh", "lower_leg", "foot"):
        parts[name] = _union(parts[name], _mirror(parts[name]))
    return parts


def _side(path: QPainterPath, viewer_right: bool) -> QPainterPath:
    """The part of ``path`` on the viewer's right (x > 0) or left."""
    box = _rect(0, -10, 10, 20) if viewer_right else _rect(-10, -10, 0, 20)
    return path.intersected(box).simplified()


def _regions(p: Proportions, parts: dict[str, QPainterPath], view: str) -> list[tuple[str, QPainterPath]]:
    """Named, disjoint regions for one view (earlier ones win where shapes overlap)."""
    shoulders_y = 1 + p.neck
    crotch_y = shoulders_y + p.torso
    hw = p.hip / 2
    head, neck, torso = parts["head"], parts["neck"], parts["torso"]
    ears = head.intersected(_union(_rect(-5, 0.36, -p.head_w * 0.36, 0.68),
                                   _rect(p.head_w * 0.36, 0.36, 5, 0.68)))
    ordered: list[tuple[str, QPainterPath]] = []

    def sided(name: str, path: QPainterPath) -> None:
        # Front view: the child's left is on the viewer's right; back view: on the viewer's left.
        right_of_viewer = "left" if view == "front" else "right"
        left_of_viewer = "right" if view == "front" else "left"
        ordered.append((f"{name}_{right_of_viewer}", _side(path, True)))
        ordered.append((f"{name}_{left_of_viewer}", _side(path, False)))

    sided("hand", parts["hand"])
    sided("forearm", parts["forearm"])
    sided("upper_arm", parts["upper_arm"])
    sided("foot", parts["foot"])
    sided("lower_leg", parts["lower_leg"])
    sided("ear", ears)
    if view == "front":
        ordered.append(("forehead", head.intersected(_rect(-5, -1, 5, 0.36))))
        ordered.append(("face", head))
    else:
        ordered.append(("back_of_head", head))
    ordered.append(("neck", neck))
    thighs = parts["thigh"]
    inner = _rect(-hw * 0.42, -1, hw * 0.42, 99)
    if view == "front":
        ordered.append(("chest", torso.intersected(_rect(-5, -1, 5, shoulders_y + 0.45 * p.torso))))
        ordered.append(("abdomen", torso.intersected(_rect(-5, -1, 5, shoulders_y + 0.82 * p.torso))))
        groin_band = _rect(-hw * 0.42, shoulders_y + 0.82 * p.torso, hw * 0.42, crotch_y + 0.25)
        ordered.append(("groin", _union(torso, thighs).intersected(groin_band)))
        ordered.append(("hip_front", torso))  # the torso's lower corners beside the groin
    else:
        ordered.append(("upper_back", torso.intersected(_rect(-5, -1, 5, shoulders_y + 0.5 * p.torso))))
        ordered.append(("lower_back", torso.intersected(_rect(-5, -1, 5, shoulders_y + 0.78 * p.torso))))
        ordered.append(("buttocks", _union(torso, thighs.intersected(_rect(-5, -1, 5, crotch_y + 0.3)))))
    sided("inner_thigh", thighs.intersected(inner))
    sided("thigh", thighs)
    taken = QPainterPath()
    regions: list[tuple[str, QPainterPath]] = []
    for code, path in ordered:
        own = path.simplified().subtracted(taken).simplified()
        taken = taken.united(path).simplified()
        if not own.isEmpty():
            regions.append((code, own))
    # The torso's lower corners belong to the hips; named per side after the cut.
    out: list[tuple[str, QPainterPath]] = []
    for code, path in regions:
        if code == "hip_front":
            out.append(("hip_left", _side(path, True)))
            out.append(("hip_right", _side(path, False)))
        else:
            out.append((code, path))
    return [(code, path) for code, path in out if path.boundingRect().width() > 1e-3]


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on a closed ring (kept closed by splitting at the farthest pair)."""
    if len(points) < 4:
        return points

    def dp(seq: list[tuple[float, float]]) -> list[tuple[float, float]]:
        if len(seq) < 3:
            return seq
        (x1, y1), (x2, y2) = seq[0], seq[-1]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        best, index = -1.0, 0
        for i in range(1, len(seq) - 1):
            x0, y0 = seq[i]
            dist = abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / norm
            if dist > best:
                best, index = dist, i
        if best <= tolerance:
            return [seq[0], seq[-1]]
        return dp(seq[: index + 1])[:-1] + dp(seq[index:])

    far = max(range(len(points)), key=lambda i: math.dist(points[0], points[i]))
    first = dp(points[: far + 1])
    second = dp([*points[far:], points[0]])
    return first[:-1] + second[:-1]


def _rings(path: QPainterPath, to_box: QTransform) -> list[list[list[float]]]:
    rings = []
    for polygon in to_box.map(path).toSubpathPolygons():
        points = [(round(polygon.at(i).x(), 4), round(polygon.at(i).y(), 4)) for i in range(polygon.count())]
        if len(points) > 1 and points[0] == points[-1]:
            points = points[:-1]
        points = _simplify(points, TOLERANCE)
        if len(points) >= 3:
            rings.append([[x, y] for x, y in points])
    return rings


def _anchor(path: QPainterPath) -> tuple[float, float]:
    """A point well inside the region (the inside point farthest from its edge, on a grid)."""
    box = path.boundingRect()
    polygons = path.toSubpathPolygons()
    edges = [(poly.at(i), poly.at((i + 1) % poly.count())) for poly in polygons for i in range(poly.count())]

    def clearance(pt: QPointF) -> float:
        best = math.inf
        for a, b in edges:
            ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
            dx, dy = bx - ax, by - ay
            length2 = dx * dx + dy * dy or 1e-12
            t = max(0.0, min(1.0, ((pt.x() - ax) * dx + (pt.y() - ay) * dy) / length2))
            best = min(best, math.hypot(pt.x() - ax - t * dx, pt.y() - ay - t * dy))
        return best

    best_point, best_clear = box.center(), -1.0
    steps = 24
    for i in range(1, steps):
        for j in range(1, steps):
            pt = QPointF(box.left() + box.width() * i / steps, box.top() + box.height() * j / steps)
            if path.contains(pt):
                c = clearance(pt)
                if c > best_clear:
                    best_point, best_clear = pt, c
    return best_point.x(), best_point.y()


def figure_json(p: Proportions) -> dict[str, object]:
    parts = _parts(p)
    outline = _union(*parts.values())
    bounds = outline.boundingRect()
    # Uniform scale into the box (height 1, width ASPECT), centred, with a margin.
    scale = min((1 - 2 * MARGIN) / bounds.height(), (ASPECT - 2 * MARGIN) / bounds.width())
    to_box = QTransform()
    to_box.translate(ASPECT / 2, MARGIN + ((1 - 2 * MARGIN) - bounds.height() * scale) / 2)
    to_box.scale(scale, scale)
    to_box.translate(0, -bounds.top())
    # Normalise x to 0..1 of the box width as well (marks store x and y in 0..1 of the box).
    normal = to_box * QTransform.fromScale(1 / ASPECT, 1)
    views: dict[str, object] = {}
    for view in ("front", "back"):
        regions = []
        for code, path in _regions(p, parts, view):
            mapped = normal.map(path)
            x, y = _anchor(mapped)
            regions.append({"code": code, "anchor": [round(x, 4), round(y, 4)],
                            "polygons": _rings(path, normal)})
        views[view] = {"outline": _rings(outline, normal), "regions": regions}
    return views


def main() -> None:
    data = {
        "about": "Generated by scripts/bodymap_figures.py; do not edit by hand.",
        "format": 1,
        "aspect": ASPECT,
        "figures": {name: figure_json(p) for name, p in FIGURES.items()},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
