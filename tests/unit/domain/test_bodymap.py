"""The body map's figures and rules: the right outline per age band, regions, keyboard moves, checks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.bodymap import (
    BodyView,
    Figure,
    figure_for,
    geometry,
    moved,
    place,
    refit,
    region_codes,
    shipped_figures,
)
from desktop.domain.document import AgeBand
from desktop.domain.observations import (
    BodyRegion,
    ExplainedBy,
    MarkColour,
    MarkKind,
    body_map_issues,
    build_body_map,
    code_lists,
    describe_mark,
)
from desktop.domain.text import LANGUAGES

TODAY = date(2026, 12, 6)


def _mark(**changes: object) -> dict[str, object]:
    mark: dict[str, object] = {
        "id": "m-1", "view": "front", "x": 0.5, "y": 0.3, "region": "chest", "kind": "bruise",
        "colours": ["blue_purple", "yellow"], "size": "2 x 3 cm", "seen_on": "2026-12-01",
        "explained_by": "child", "explanation": "Faldt på legepladsen", "notes": "",
    }
    mark.update(changes)
    return mark


def test_each_age_band_has_its_own_outline_and_the_unborn_child_none() -> None:
    assert figure_for(AgeBand.AGE_0_2) is Figure.INFANT
    assert figure_for(AgeBand.AGE_3_5) is Figure.SMALL_CHILD
    assert figure_for(AgeBand.AGE_6_12) is Figure.SCHOOL_CHILD
    assert figure_for(AgeBand.AGE_13_17) is Figure.TEENAGER
    assert figure_for(AgeBand.UNBORN) is None
    assert figure_for(None) is Figure.SCHOOL_CHILD  # until the age is known
    # Proportions differ: an infant's head takes a far larger share of its height than a teenager's.
    def head_share(figure: Figure) -> float:
        face = geometry(figure).view(BodyView.FRONT).region("face")
        forehead = geometry(figure).view(BodyView.FRONT).region("forehead")
        assert face is not None and forehead is not None
        ys = [y for region in (face, forehead) for ring in region.rings for _x, y in ring]
        return max(ys) - min(ys)
    assert head_share(Figure.INFANT) > 1.5 * head_share(Figure.TEENAGER)


def test_every_region_in_the_figures_is_in_the_code_list_with_both_languages() -> None:
    listed = code_lists().codes("region")
    assert set(region_codes()) == set(listed) == {r.value for r in BodyRegion}
    for name, enum in (("kind", MarkKind), ("colour", MarkColour), ("explained_by", ExplainedBy),
                       ("view", BodyView), ("figure", Figure)):
        assert code_lists().codes(name) == [member.value for member in enum], name
    for name in ("region", "kind", "colour", "explained_by", "view", "figure"):
        for lang in LANGUAGES:
            assert all(label.strip() for _code, label in code_lists().choices(name, lang))


def test_front_has_the_face_and_back_has_the_back_with_sides_mirrored() -> None:
    for figure, geo in shipped_figures().items():
        front, back = geo.view(BodyView.FRONT), geo.view(BodyView.BACK)
        assert front.region("face") is not None and back.region("face") is None, figure
        assert back.region("buttocks") is not None and front.region("buttocks") is None, figure
        # The child's left arm is on the viewer's right in front, on the viewer's left from behind.
        left_front = front.region("upper_arm_left")
        left_back = back.region("upper_arm_left")
        assert left_front is not None and left_back is not None
        assert left_front.anchor[0] > 0.5 > left_back.anchor[0]


def test_regions_do_not_overlap_and_each_anchor_lies_in_its_own_region() -> None:
    for geo in shipped_figures().values():
        for view in BodyView:
            v = geo.view(view)
            for region in v.regions:
                assert v.region_at(*region.anchor) is region


@given(st.floats(0, 1), st.floats(0, 1))
def test_a_point_is_in_at_most_one_region(x: float, y: float) -> None:
    v = geometry(Figure.SMALL_CHILD).view(BodyView.BACK)
    assert sum(region.contains(x, y) for region in v.regions) <= 1


def test_arrow_keys_move_a_mark_and_never_off_the_body() -> None:
    x, y = place(Figure.SCHOOL_CHILD, BodyView.FRONT, "chest") or (0.0, 0.0)
    step = moved(Figure.SCHOOL_CHILD, BodyView.FRONT, x, y, 0, 1)
    assert step is not None and step[1] > y and step[0] == pytest.approx(x)
    # Walk right until the edge of the body: the last step that would leave it is refused.
    position: tuple[float, float] = (x, y)
    for _ in range(200):
        nxt = moved(Figure.SCHOOL_CHILD, BodyView.FRONT, *position, 1, 0)
        if nxt is None:
            break
        position = (nxt[0], nxt[1])
    else:
        pytest.fail("walked right for ever")
    assert geometry(Figure.SCHOOL_CHILD).view(BodyView.FRONT).region_at(*position) is not None


def test_a_mark_keeps_its_region_when_the_figure_changes() -> None:
    x, y = place(Figure.INFANT, BodyView.FRONT, "hand_left") or (0.0, 0.0)
    nx, ny, region = refit(Figure.TEENAGER, BodyView.FRONT, x, y, "hand_left")
    assert region == "hand_left"
    hand = geometry(Figure.TEENAGER).view(BodyView.FRONT).region("hand_left")
    assert hand is not None and hand.contains(nx, ny)


def test_a_complete_mark_has_no_problems() -> None:
    assert body_map_issues([_mark()], TODAY) == []
    assert body_map_issues([], TODAY) == []


@pytest.mark.parametrize(("change", "expected"), [
    ({"kind": None}, ("[0].kind", "field.required")),
    ({"kind": "Blåt mærke"}, ("[0].kind", "field.choice_unknown")),  # a label is not a code
    ({"region": "elbow"}, ("[0].region", "field.choice_unknown")),
    ({"x": 1.5}, ("[0].region", "field.wrong_shape")),
    ({"view": "side"}, ("[0].region", "field.wrong_shape")),
    ({"colours": ["pink"]}, ("[0].colours", "field.choice_unknown")),
    ({"explained_by": "teacher"}, ("[0].explained_by", "field.choice_unknown")),
    ({"seen_on": "01-12-2026"}, ("[0].seen_on", "field.date_format")),
    ({"seen_on": "2026-12-24"}, ("[0].seen_on", "field.date_future")),
    ({"size": "x" * 501}, ("[0].size", "field.too_long")),
])
def test_a_mark_with_a_problem_says_which_part(change: dict[str, object], expected: tuple[str, str]) -> None:
    issues = body_map_issues([_mark(), _mark(**change)], TODAY)
    assert [(path.replace("[1]", "[0]"), mid) for path, mid, _ in issues] == [expected]
    assert issues[0][0].startswith("[1]")


def test_too_many_marks_and_a_wrong_shape_are_problems() -> None:
    assert body_map_issues({"marks": []}, TODAY) == [("", "field.wrong_shape", {})]
    issues = body_map_issues([_mark(id=f"m-{i}") for i in range(51)], TODAY)
    assert issues == [("", "field.too_many_items", {"max": "50"})]


def test_the_document_holds_codes_numbered_in_order_on_the_childs_figure() -> None:
    body_map = build_body_map([_mark(), _mark(id="m-2", view="back", region="buttocks", x=0.5, y=0.55,
                                              kind="patterned", colours=[])],
                              AgeBand.AGE_3_5)
    assert body_map is not None
    assert body_map.figure is Figure.SMALL_CHILD
    assert [m.number for m in body_map.marks] == [1, 2]
    data = body_map.model_dump(mode="json")
    assert data["marks"][0]["kind"] == "bruise" and data["marks"][0]["colours"] == ["blue_purple", "yellow"]
    assert data["marks"][0]["explanation"] == "Faldt på legepladsen"
    assert data["marks"][0]["notes"] is None
    # Each mark lies in its region on this figure (a mark made on another figure is moved into it).
    for mark in body_map.marks:
        region = geometry(Figure.SMALL_CHILD).view(mark.view).region(mark.region)
        assert region is not None and region.contains(mark.x, mark.y)


def test_no_marks_or_an_unborn_child_give_no_body_map() -> None:
    assert build_body_map([], AgeBand.AGE_0_2) is None
    assert build_body_map([_mark()], AgeBand.UNBORN) is None
    # A mark still without a kind (the review's preview) is left out rather than guessed.
    assert build_body_map([_mark(kind=None)], AgeBand.AGE_0_2) is None
    # While the age is unknown, the school child's outline is used.
    unknown = build_body_map([_mark()], None)
    assert unknown is not None and unknown.figure is Figure.SCHOOL_CHILD


def test_a_mark_is_described_in_the_notifications_language() -> None:
    assert describe_mark(_mark(region="upper_arm_left"), "da") == "Blåt mærke – Venstre overarm (forfra)"
    assert describe_mark(_mark(region="upper_arm_left"), "en") == "Bruise – Left upper arm (front)"
