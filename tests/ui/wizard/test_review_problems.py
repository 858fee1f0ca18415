"""Each problem on the review page names the exact question and whose it is; after fixing it, one
button (or Ctrl+R) goes back to the review."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.services import Services
from desktop.ui.wizard.review import ReviewPage


def _draft_with_two_parents_not_asked(services: Services, complete_answers: dict[str, Any]) -> str:
    answers = complete_answers | {"family.custody_holders": [
        {"name": "Karin Hansen", "relation": "mor", "has_custody": True},
        {"name": "Jens Hansen", "relation": "far", "has_custody": True},
    ]}
    return services.require_vault().notifications.create_draft(answers, "review", "EH")


def test_each_problem_names_the_question_and_the_parent_it_is_about(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any]
) -> None:
    wizard = open_wizard(_draft_with_two_parents_not_asked(services, complete_answers))
    wizard.qtbot.waitUntil(lambda: wizard.window.page_id == "review")
    review = wizard.window.current_page()
    assert isinstance(review, ReviewPage)

    texts = [button.text() for button in review.problem_buttons]

    question = "Har du fortalt denne forælder om underretningen?"
    # A question keeps its own question mark; no colon after it ("...underretningen?: Udfyld").
    assert texts == [f"Familien › Forælder {n} › {question} Udfyld venligst dette felt." for n in (1, 2)]
    assert [b.accessibleName() for b in review.problem_buttons] == texts


def test_after_fixing_a_problem_one_button_or_ctrl_r_goes_back_to_the_review(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    wizard = open_wizard(_draft_with_two_parents_not_asked(services, complete_answers))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "review")
    review = window.current_page()
    assert isinstance(review, ReviewPage)
    assert not window.review_button.isVisible()

    second = review.problem_buttons[1]
    wizard.tab_to(second)
    wizard.press(Qt.Key.Key_Space)

    assert window.page_id == "family"
    informed = wizard.editor("family.custody_holders[1].informed")
    assert QApplication.focusWidget() is informed.focus_target()
    assert window.review_button.isVisible()
    assert window.review_button.text() == "Tilbage til &gennemsyn"
    wizard.choose("family.custody_holders[1].informed", "yes")

    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    assert window.page_id == "review"
    assert not window.review_button.isVisible()
    [left] = [b.text() for b in review.problem_buttons]
    assert left.startswith("Familien › Forælder 1 › Har du fortalt denne forælder om underretningen? ")

    # The same way back with the button, from the "Edit" of a part.
    wizard.tab_to(review.edit_buttons["child"])
    wizard.press(Qt.Key.Key_Space)
    assert window.page_id == "child"
    wizard.tab_to(window.review_button)
    wizard.press(Qt.Key.Key_Space)
    assert window.page_id == "review"
