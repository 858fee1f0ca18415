"""Observations: the body map's marks and the attachments, from the draft's answers to the document.

Two answers, stored in the draft like any other (shapes in ``forms/README.md``):

* a ``body_map`` field holds a list of marks, each ``{"id", "view", "x", "y", "region", "kind",
  "colours", "size", "seen_on", "explained_by", "explanation", "notes"}`` (x and y from 0 to 1 in the
  view's box; ``region``, ``kind``, ``colours``, ``explained_by`` are codes from the
  ``forms/codes/body_map_*.yaml`` lists);
* an ``attachments`` field holds a list of ``{"id", "name", "media_type", "size", "sha256"}``; the
  sanitised bytes live in the vault beside the draft, never in the answers.

This module checks those answers (problems as ``(path suffix, message id, params)``, so the form's
validation reports them like any other field's) and turns them into the document's parts:
:class:`BodyMap` and a list of :class:`AttachmentRef`. The document holds codes only; the labels
(Danish and English) come from the code list wherever the document is shown.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from desktop.domain.age_bands import AgeBand
from desktop.domain.attachments import (
    MAX_FILES,
    MAX_NAME_LENGTH,
    MAX_TOTAL_BYTES,
    MEDIA_TYPES,
    envelope_file_name,
)
from desktop.domain.bodymap import BodyView, Figure, figure_for, geometry, refit
from protocol.codes import CodeList, code_list

#: At most this many marks on one body map (a page of marks in the PDF is already a lot).
MAX_MARKS = 50
SHORT_MAX = 500
LONG_MAX = 4000

_MARK_ID = re.compile(r"^[a-z0-9-]{1,40}$")
_ATTACHMENT_ID = re.compile(r"^[0-9a-f]{32}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BodyRegion(StrEnum):
    """Where on the body (code list ``body_map_region``); sides are the child's own."""

    FOREHEAD = "forehead"
    FACE = "face"
    BACK_OF_HEAD = "back_of_head"
    EAR_LEFT = "ear_left"
    EAR_RIGHT = "ear_right"
    NECK = "neck"
    CHEST = "chest"
    ABDOMEN = "abdomen"
    GROIN = "groin"
    HIP_LEFT = "hip_left"
    HIP_RIGHT = "hip_right"
    UPPER_BACK = "upper_back"
    LOWER_BACK = "lower_back"
    BUTTOCKS = "buttocks"
    UPPER_ARM_LEFT = "upper_arm_left"
    UPPER_ARM_RIGHT = "upper_arm_right"
    FOREARM_LEFT = "forearm_left"
    FOREARM_RIGHT = "forearm_right"
    HAND_LEFT = "hand_left"
    HAND_RIGHT = "hand_right"
    THIGH_LEFT = "thigh_left"
    THIGH_RIGHT = "thigh_right"
    INNER_THIGH_LEFT = "inner_thigh_left"
    INNER_THIGH_RIGHT = "inner_thigh_right"
    LOWER_LEG_LEFT = "lower_leg_left"
    LOWER_LEG_RIGHT = "lower_leg_right"
    FOOT_LEFT = "foot_left"
    FOOT_RIGHT = "foot_right"


class MarkKind(StrEnum):
    """What kind of mark was seen (code list ``body_map_kind``)."""

    BRUISE = "bruise"
    RED_MARK = "red_mark"
    SWELLING = "swelling"
    SCRATCH = "scratch"
    WOUND = "wound"
    BURN = "burn"
    BITE = "bite"
    PATTERNED = "patterned"
    SCAR = "scar"
    OTHER = "other"


class MarkColour(StrEnum):
    """A colour of the mark (code list ``body_map_colour``); a mark may have several."""

    RED = "red"
    BLUE_PURPLE = "blue_purple"
    GREEN = "green"
    YELLOW = "yellow"
    BROWN = "brown"
    BLACK = "black"
    OTHER = "other"


class ExplainedBy(StrEnum):
    """Who explained the mark (code list ``body_map_explained_by``)."""

    CHILD = "child"
    PARENT = "parent"
    OTHER = "other"
    NOBODY = "nobody"


# --- code lists -------------------------------------------------------------------------------
#: The body map's code lists: short name here → the list's id (``forms/codes/<id>.yaml``).
LISTS = {
    "view": "body_map_view",
    "figure": "body_map_figure",
    "region": "body_map_region",
    "kind": "body_map_kind",
    "colour": "body_map_colour",
    "explained_by": "body_map_explained_by",
}


class CodeLists:
    """The body map's code lists by short name (``region``...), read through :mod:`protocol.codes`."""

    def _list(self, name: str) -> CodeList:
        return code_list(LISTS[name])

    def codes(self, name: str) -> list[str]:
        """The codes of one list, in the list's order."""
        return [item.code for item in self._list(name)]

    def choices(self, name: str, language: str) -> list[tuple[str, str]]:
        """``(code, label in language)`` of one list, in order (what a window offers)."""
        return [(item.code, item.text(language)) for item in self._list(name)]

    def label(self, name: str, code: str, language: str) -> str:
        """The label of ``code`` in ``language``; the code itself for a code this version lacks."""
        return self._list(name).label(code, language)


@functools.cache
def code_lists() -> CodeLists:
    """The body map's code lists (the shipped ``forms/codes`` files)."""
    return CodeLists()


# --- the document's parts (notification.json v2) ----------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BodyMark(_Strict):
    """One mark on the body map, as the municipality reads it (codes; labels from the code list)."""

    number: int = Field(ge=1, description="The number drawn beside the mark on the map")
    view: BodyView
    x: float = Field(ge=0, le=1, description="Across the view's box, 0 = left edge as drawn")
    y: float = Field(ge=0, le=1, description="Down the view's box, 0 = top")
    region: BodyRegion
    kind: MarkKind
    colours: list[MarkColour] = Field(default_factory=list)
    size: str | None = Field(default=None, max_length=SHORT_MAX, description="As written, e.g. 2 x 3 cm")
    seen_on: date | None = None
    explained_by: ExplainedBy | None = None
    explanation: str | None = Field(default=None, max_length=LONG_MAX,
                                    description="The explanation given, as the notifier heard it")
    notes: str | None = Field(default=None, max_length=LONG_MAX)


class BodyMap(_Strict):
    """Where on the child's body marks were seen, on the outline for the child's age band."""

    figure: Figure
    marks: list[BodyMark] = Field(min_length=1, max_length=MAX_MARKS)


class AttachmentRef(_Strict):
    """A file carried in the envelope beside the document (sanitised: images re-encoded, no metadata)."""

    file: str = Field(pattern=r"^attachment-[1-9][0-9]?\.(jpg|png|pdf)$",
                      description="Its name in the envelope (content-free)")
    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH, description="The file's name as chosen")
    media_type: Literal["image/jpeg", "image/png", "application/pdf"]
    size: int = Field(ge=1, le=MAX_TOTAL_BYTES, description="Bytes, as carried")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


# --- checking the answers ---------------------------------------------------------------------
Issue = tuple[str, str, dict[str, str]]


def _text_issue(mark: Mapping[str, Any], key: str, limit: int, where: str) -> list[Issue]:
    value = mark.get(key)
    if value is None or value == "":
        return []
    if not isinstance(value, str):
        return [(where, "field.wrong_shape", {})]
    if len(value) > limit:
        return [(where, "field.too_long", {"max": str(limit), "length": str(len(value))})]
    return []


def _mark_issues(index: int, mark: Any, today: date) -> list[Issue]:
    at = f"[{index}]"
    if not isinstance(mark, Mapping):
        return [(at + ".kind", "field.wrong_shape", {})]
    issues: list[Issue] = []
    view, x, y = mark.get("view"), mark.get("x"), mark.get("y")
    position_ok = view in {v.value for v in BodyView} and _fraction(x) and _fraction(y)
    if not position_ok or not isinstance(mark.get("id"), str) or not _MARK_ID.match(mark["id"]):
        issues.append((at + ".region", "field.wrong_shape", {}))
    if mark.get("region") not in {r.value for r in BodyRegion}:
        issues.append((at + ".region", "field.choice_unknown", {}))
    kind = mark.get("kind")
    if kind in (None, ""):
        issues.append((at + ".kind", "field.required", {}))
    elif kind not in {k.value for k in MarkKind}:
        issues.append((at + ".kind", "field.choice_unknown", {}))
    colours = mark.get("colours", [])
    if not isinstance(colours, list) or any(c not in {k.value for k in MarkColour} for c in colours):
        issues.append((at + ".colours", "field.choice_unknown", {}))
    explained_by = mark.get("explained_by")
    if explained_by not in (None, "") and explained_by not in {k.value for k in ExplainedBy}:
        issues.append((at + ".explained_by", "field.choice_unknown", {}))
    seen_on = mark.get("seen_on")
    if seen_on not in (None, ""):
        day = _iso_date(seen_on)
        if day is None:
            issues.append((at + ".seen_on", "field.date_format", {}))
        elif day > today:
            issues.append((at + ".seen_on", "field.date_future", {}))
    issues += _text_issue(mark, "size", SHORT_MAX, at + ".size")
    issues += _text_issue(mark, "explanation", LONG_MAX, at + ".explanation")
    issues += _text_issue(mark, "notes", LONG_MAX, at + ".notes")
    return issues


def _fraction(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1


def _attachment_shape_ok(item: Any) -> bool:
    if not isinstance(item, Mapping):
        return False
    ident, name, size, digest = item.get("id"), item.get("name"), item.get("size"), item.get("sha256")
    return (isinstance(ident, str) and _ATTACHMENT_ID.match(ident) is not None
            and isinstance(name, str) and 0 < len(name) <= MAX_NAME_LENGTH
            and isinstance(size, int) and not isinstance(size, bool) and size > 0
            and isinstance(digest, str) and _SHA256.match(digest) is not None)


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def body_map_issues(value: Any, today: date) -> list[Issue]:
    """Problems with a body-map answer, each ``(path suffix, message id, params)`` (suffix ``[i].kind``)."""
    if not isinstance(value, list):
        return [("", "field.wrong_shape", {})]
    issues: list[Issue] = []
    if len(value) > MAX_MARKS:
        issues.append(("", "field.too_many_items", {"max": str(MAX_MARKS)}))
    for index, mark in enumerate(value):
        issues += _mark_issues(index, mark, today)
    return issues


def attachment_issues(value: Any) -> list[Issue]:
    """Problems with an attachments answer (the bytes themselves were checked when they were added)."""
    if not isinstance(value, list):
        return [("", "field.wrong_shape", {})]
    issues: list[Issue] = []
    if len(value) > MAX_FILES:
        issues.append(("", "field.too_many_items", {"max": str(MAX_FILES)}))
    total = 0
    for item in value:
        if not _attachment_shape_ok(item):
            issues.append(("", "field.wrong_shape", {}))
            continue
        if item.get("media_type") not in MEDIA_TYPES:
            issues.append(("", "attachments.type", {}))
        total += item["size"]
    if total > MAX_TOTAL_BYTES:
        issues.append(("", "attachments.too_large", {"max": str(MAX_TOTAL_BYTES // (1024 * 1024))}))
    return issues


# --- building the document's parts ------------------------------------------------------------
def _clean(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def build_body_map(value: Any, age_band: AgeBand | None) -> BodyMap | None:
    """The document's body map: marks numbered in order, on the outline for ``age_band``; None
    without marks, and for an unborn child.

    Marks that do not yet make sense (no kind chosen; only possible in the review's preview, since
    validation blocks finalising) are left out rather than guessed.
    """
    figure = figure_for(age_band)
    if figure is None or not isinstance(value, list):
        return None
    marks: list[BodyMark] = []
    for item in value:
        if not isinstance(item, Mapping):
            continue
        try:
            view = BodyView(str(item.get("view")))
            x, y = float(item["x"]), float(item["y"])
            region = str(item.get("region") or "")
            # The point as shown on this figure (a mark made while the age was unknown keeps its region).
            if geometry(figure).view(view).region(region) is not None:
                x, y, region = refit(figure, view, x, y, region)
            mark = BodyMark(
                number=len(marks) + 1, view=view, x=x, y=y, region=BodyRegion(region),
                kind=MarkKind(str(item.get("kind"))),
                colours=[MarkColour(c) for c in item.get("colours") or []],
                size=_clean(item.get("size")),
                seen_on=_iso_date(item.get("seen_on")),
                explained_by=ExplainedBy(item["explained_by"]) if item.get("explained_by") else None,
                explanation=_clean(item.get("explanation")),
                notes=_clean(item.get("notes")),
            )
        except (KeyError, TypeError, ValueError):
            continue
        marks.append(mark)
    return BodyMap(figure=figure, marks=marks) if marks else None


def build_attachments(value: Any) -> list[AttachmentRef]:
    """The document's list of attachments, each with its content-free name in the envelope."""
    if not isinstance(value, list):
        return []
    refs: list[AttachmentRef] = []
    for item in value:
        if not isinstance(item, Mapping) or item.get("media_type") not in MEDIA_TYPES:
            continue
        try:
            refs.append(AttachmentRef(
                file=envelope_file_name(len(refs) + 1, str(item["media_type"])),
                name=str(item["name"]), media_type=item["media_type"], size=int(item["size"]),
                sha256=str(item["sha256"]),
            ))
        except (KeyError, TypeError, ValueError):
            continue
    return refs


def attachment_ids(value: Any) -> list[str]:
    """The vault ids of the attachments in an answer, in order (the same order as the document's)."""
    if not isinstance(value, list):
        return []
    return [str(item["id"]) for item in value
            if isinstance(item, Mapping) and item.get("media_type") in MEDIA_TYPES and "id" in item]


def describe_mark(mark: BodyMark | Mapping[str, Any], language: str) -> str:
    """One line for a mark: "Bruise – left upper arm (front)" in ``language`` (lists, alt text)."""
    lists = code_lists()
    get = (lambda key: getattr(mark, key)) if isinstance(mark, BodyMark) else mark.get
    kind = get("kind")
    region = get("region")
    view = get("view")
    parts = [lists.label("kind", str(kind), language) if kind else ""]
    place = lists.label("region", str(region), language) if region else ""
    if view:
        place = f"{place} ({lists.label('view', str(view), language).lower()})"
    return " – ".join(p for p in (*parts, place) if p)


def colour_labels(colours: Sequence[str], language: str) -> str:
    """The colours as one comma-separated line of labels."""
    return ", ".join(code_lists().label("colour", str(c), language) for c in colours)
