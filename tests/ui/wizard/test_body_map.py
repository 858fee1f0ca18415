"""The body map by mouse and by keyboard: place, describe, move and remove marks on the child's outline.

The editor is the one the wizard draws for a ``body_map`` field, with the shipped figures, code
lists and national pack; the mouse clicks and drags and the keys go through Qt like a person's.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.bodymap import BodyView, Figure, geometry
from desktop.domain.document import AgeBand
from desktop.domain.forms import FieldType, FormField
from desktop.domain.observations import body_map_issues
from desktop.domain.packs import national_pack
from desktop.domain.text import Localised
from desktop.ui.wizard.base import EditorContext
from desktop.ui.wizard.bodymap_editor import BodyMapEditor
from desktop.ui.wizard.editors import make_editor

TODAY = date(2026, 12, 6)


@pytest.fixture
def editor(qtbot: QtBot) -> BodyMapEditor:
    field = FormField(id="observations.body_map", type=FieldType.BODY_MAP,
                      label=Localised(da="Mærker på kroppen", en="Marks on the body"))
    made = make_editor(FieldType.BODY_MAP)(field, field.id, EditorContext("da", national_pack(), TODAY))
    assert isinstance(made, BodyMapEditor)
    qtbot.addWidget(made)
    made.set_band(AgeBand.AGE_6_12)
    made.show()
    made.activateWindow()
    qtbot.waitExposed(made)
    return made


def _point(editor: BodyMapEditor, view: BodyView, region: str) -> QPoint:
    canvas = editor.canvases[view]
    found = geometry(editor.figure).view(view).region(region)
    assert found is not None
    return canvas.to_widget(*found.anchor).toPoint()


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _tab_to(widget: QWidget, limit: int = 60) -> None:
    for _ in range(limit):
        if _focused() is widget:
            return
        QTest.keyClick(_focused() or widget.window(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName()}")


def _choose_by_arrows(combo: QComboBox, code: object) -> None:
    _tab_to(combo)
    target = combo.findData(code)
    assert target >= 0
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert combo.currentIndex() == target


def test_a_mark_placed_by_mouse_lands_in_the_region_clicked_and_can_be_described(
        editor: BodyMapEditor, qtbot: QtBot) -> None:
    changes: list[Any] = []
    editor.changed.connect(lambda: changes.append(editor.value()))
    QTest.mouseClick(editor.canvases[BodyView.FRONT], Qt.MouseButton.LeftButton, pos=_point(
        editor, BodyView.FRONT, "upper_arm_left"))
    [mark] = editor.value()
    assert (mark["view"], mark["region"], mark["kind"]) == ("front", "upper_arm_left", None)
    assert changes, "placing a mark is an edit (autosaved like any answer)"
    assert editor.list.item(0).text().startswith("1. ")
    # Describe it: the details form shows the chosen mark.
    editor.details.kind.setCurrentIndex(editor.details.kind.findData("bruise"))
    QTest.mouseClick(editor.details.colours["yellow"], Qt.MouseButton.LeftButton)
    QTest.keyClicks(editor.details.size_edit, "2 × 3 cm")
    [mark] = editor.value()
    assert (mark["kind"], mark["colours"], mark["size"]) == ("bruise", ["yellow"], "2 × 3 cm")
    assert editor.list.item(0).text() == "1. Blåt mærke – Venstre overarm (forfra)"
    assert body_map_issues(editor.value(), TODAY) == []


def test_a_mark_dragged_by_mouse_moves_to_its_new_region(editor: BodyMapEditor) -> None:
    canvas = editor.canvases[BodyView.BACK]
    start = _point(editor, BodyView.BACK, "upper_back")
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=start)
    end = _point(editor, BodyView.BACK, "lower_back")
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    [mark] = editor.value()
    assert (mark["view"], mark["region"]) == ("back", "lower_back")
    # A click beside the body places nothing.
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert len(editor.value()) == 1


def test_the_whole_body_map_by_keyboard(editor: BodyMapEditor) -> None:
    editor.focus_target().setFocus()
    # Choose the place from the list, add the mark: the focus goes on to its kind.
    _choose_by_arrows(editor.place, "back:buttocks")
    _tab_to(editor.add_button)
    QTest.keyClick(editor.add_button, Qt.Key.Key_Space)
    [mark] = editor.value()
    assert (mark["view"], mark["region"]) == ("back", "buttocks")
    assert _focused() is editor.details.kind
    _choose_by_arrows(editor.details.kind, "patterned")
    _tab_to(editor.details.colours["red"])
    QTest.keyClick(editor.details.colours["red"], Qt.Key.Key_Space)
    _tab_to(editor.details.seen_on)
    QTest.keyClicks(editor.details.seen_on, "01-12-2026")
    _choose_by_arrows(editor.details.explained_by, "nobody")
    [mark] = editor.value()
    assert (mark["kind"], mark["colours"], mark["seen_on"], mark["explained_by"]) == (
        "patterned", ["red"], "2026-12-01", "nobody")
    # Move it with the arrow keys in the back view: down, and it is still on the body.
    back = editor.canvases[BodyView.BACK]
    _tab_to(back)
    before = (mark["x"], mark["y"])
    QTest.keyClick(back, Qt.Key.Key_Down)
    QTest.keyClick(back, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    [mark] = editor.value()
    assert mark["x"] == pytest.approx(before[0]) and mark["y"] > before[1]
    assert geometry(Figure.SCHOOL_CHILD).view(BodyView.BACK).region_at(mark["x"], mark["y"]) is not None
    # Enter opens its details, Delete removes it.
    QTest.keyClick(back, Qt.Key.Key_Return)
    assert _focused() is editor.details.kind
    _tab_to(back)
    QTest.keyClick(back, Qt.Key.Key_Delete)
    assert editor.value() is None
    assert editor.details.isHidden()


def test_page_keys_choose_between_marks_on_a_view(editor: BodyMapEditor) -> None:
    front = editor.canvases[BodyView.FRONT]
    for region in ("face", "chest", "hand_right"):
        QTest.mouseClick(front, Qt.MouseButton.LeftButton, pos=_point(editor, BodyView.FRONT, region))
    ids = [m["id"] for m in editor.value()]
    front.setFocus()
    QTest.keyClick(front, Qt.Key.Key_Home)
    assert editor.current == ids[0]
    QTest.keyClick(front, Qt.Key.Key_PageDown)
    assert editor.current == ids[1] and editor.list.currentRow() == 1
    QTest.keyClick(front, Qt.Key.Key_End)
    assert editor.current == ids[2]
    # Choosing in the list chooses on the map too; Delete there removes the chosen mark.
    editor.list.setFocus()
    QTest.keyClick(editor.list, Qt.Key.Key_Home)
    assert editor.current == ids[0] and front.current == ids[0]
    QTest.keyClick(editor.list, Qt.Key.Key_Delete)
    assert [m["id"] for m in editor.value()] == ids[1:]
    assert editor.list.count() == 2 and editor.list.item(0).text().startswith("1. ")


def test_the_outline_follows_the_childs_age_and_marks_keep_their_place(editor: BodyMapEditor) -> None:
    QTest.mouseClick(editor.canvases[BodyView.FRONT], Qt.MouseButton.LeftButton,
                     pos=_point(editor, BodyView.FRONT, "hand_left"))
    editor.set_band(AgeBand.AGE_0_2)
    assert editor.canvases[BodyView.FRONT].figure is Figure.INFANT
    [(_id, _number, x, y)] = editor.canvases[BodyView.FRONT]._marks
    hand = geometry(Figure.INFANT).view(BodyView.FRONT).region("hand_left")
    assert hand is not None and hand.contains(x, y)
    assert editor.value()[0]["region"] == "hand_left"


def test_a_problem_with_a_mark_chooses_it_and_focuses_that_part(editor: BodyMapEditor) -> None:
    for region in ("face", "chest"):
        QTest.mouseClick(editor.canvases[BodyView.FRONT], Qt.MouseButton.LeftButton,
                         pos=_point(editor, BodyView.FRONT, region))
    [first, second] = editor.value()
    assert [issue[:2] for issue in body_map_issues(editor.value(), TODAY)] == [
        ("[0].kind", "field.required"), ("[1].kind", "field.required")]
    target = editor.problem_target_for("observations.body_map[0].kind", "field.required")
    assert target is editor.details.kind and editor.current == first["id"]
    assert editor.problem_target_for("observations.body_map[1].seen_on", "field.date_future") is \
        editor.details.seen_on
    assert editor.current == second["id"]


def test_every_part_has_an_accessible_name(editor: BodyMapEditor) -> None:
    QTest.mouseClick(editor.canvases[BodyView.FRONT], Qt.MouseButton.LeftButton,
                     pos=_point(editor, BodyView.FRONT, "chest"))
    widgets = [*editor.interactive_widgets(), *editor.details.colours.values()]
    assert all(w.accessibleName().strip() for w in widgets), [w.objectName() for w in widgets
                                                              if not w.accessibleName().strip()]
    for box in editor.details.colours.values():
        assert isinstance(box, QCheckBox) and box.text()
    # The view tells a screen reader which marks it holds and how to use it.
    description = editor.canvases[BodyView.FRONT].accessibleDescription()
    assert "1. Bryst (forfra)" in description and "Page Up" in description
