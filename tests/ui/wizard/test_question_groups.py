"""Every radio-button and check-box question is a group named by the question, and every one of its
buttons is labelled by it: a screen reader says which question "Ja" answers, whichever button the focus
is on (before, only the first was labelled and the group had no name; screen-reader review, finding 5).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.services import Services
from desktop.ui.wizard.choices import ChoiceEditor, MultiChoiceEditor
from desktop.ui.wizard.fields import FieldEditor
from desktop.ui.wizard.group_editor import RepeatableGroupEditor
from desktop.ui.wizard.page import SectionPage


def _choice_editors(page: SectionPage) -> list[FieldEditor]:
    found: list[FieldEditor] = []
    for editor in page.editors.values():
        inner = editor.sub_editors() if isinstance(editor, RepeatableGroupEditor) else [editor]
        found += [e for e in inner if isinstance(e, ChoiceEditor | MultiChoiceEditor) and e.isVisible()]
    return found


def _buttons(editor: FieldEditor) -> list[QAbstractButton]:
    return [w for w in editor.interactive_widgets() if isinstance(w, QAbstractButton)]


def test_each_question_with_buttons_is_a_named_group_that_labels_every_button(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    wizard = open_wizard(services.require_vault().notifications.create_draft(complete_answers, "acute", "EH"))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "acute")
    checked: list[str] = []
    for _ in range(12):
        page = window.current_page()
        if not isinstance(page, SectionPage):
            break
        for editor in _choice_editors(page):
            question = editor.title()
            for button in _buttons(editor):
                said = QAccessible.queryAccessibleInterface(button)
                group = said.parent()
                assert group.role() == QAccessible.Role.Grouping, (question, button.text())
                assert group.text(QAccessible.Text.Name).startswith(question), (question, button.text())
                labels = [other.text(QAccessible.Text.Name)
                          for other, _relation in said.relations(QAccessible.RelationFlag.Label)]
                assert group.text(QAccessible.Text.Name) in labels, (question, button.text(), labels)
                # A question and its answer's help are sentences: "Hvor bekymret er du? Barnet …".
                description = said.text(QAccessible.Text.Description)
                assert "?." not in description, description
            checked.append(question)
        wizard.next_page()
    assert window.page_id == "review"
    # Yes/no, single choice, the scale and check boxes, also inside a parent's group.
    for question in ("Er barnet i fare lige nu?", "Hvordan kan kommunen finde barnet?", "Hvordan ved du det?",
                     "Hvor bekymret er du?", "Har du fortalt denne forælder om underretningen?"):
        assert question in checked, checked


def test_the_group_takes_no_room_of_its_own_the_question_is_drawn_once_above_it(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    editor = wizard.editor("acute.in_danger")
    assert isinstance(editor, ChoiceEditor)
    first = _buttons(editor)[0]
    group = first.parentWidget()
    assert isinstance(group, QWidget)
    assert first.mapTo(group, QPoint(0, 0)) == QPoint(0, 0)  # no title, no frame above the buttons
    assert editor.label.isVisible() and editor.label.text() == "Er barnet i fare lige nu? *"
    # A long question never makes the page wider than the window (the group's title is not drawn).
    assert group.minimumSizeHint().width() <= max(b.minimumSizeHint().width() for b in _buttons(editor))


def test_a_marks_colours_are_one_group_named_colour(qtbot: QtBot) -> None:
    """The body map's colour boxes answer one question: the group is named by it and labels every box."""
    from desktop.ui.wizard.bodymap_details import MarkDetails
    from tests.support.naming import group_findings

    details = MarkDetails("da")
    qtbot.addWidget(details)
    details.show()
    qtbot.waitExposed(details)
    assert len(details.colours) > 1
    assert group_findings(details) == []
    names = {QAccessible.queryAccessibleInterface(box).parent().text(QAccessible.Text.Name)
             for box in details.colours.values()}
    assert names == {details.captions["colours"].text()}
