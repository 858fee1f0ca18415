"""The desk's assessment and § 137 outcome dialogs: the radio buttons answer one question each, and a screen
reader says that question with every choice (a named group that labels each button; before, the buttons sat
straight in the dialog - screen-reader review, finding 5, outside the wizard)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QDialog, QRadioButton
from pytestqt.qtbot import QtBot

from desktop.ui.desk.dialogs import AssessmentDialog, OrientationDialog
from desktop.ui.services import Translations
from tests.support.naming import group_findings


def test_the_assessment_and_outcome_choices_are_groups_named_by_their_question(
        qtbot: QtBot, danish: Translations) -> None:
    dialogs: list[tuple[QDialog, str]] = [(AssessmentDialog("Anna"), "Hvad viste vurderingen?"),
                                          (OrientationDialog(), "Hvad har underretningen ført til?")]
    for dialog, question in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert group_findings(dialog) == [], question
        groups = {QAccessible.queryAccessibleInterface(button).parent().text(QAccessible.Text.Name)
                  for button in dialog.findChildren(QRadioButton)}
        assert groups == {question}
        dialog.reject()
