"""What a screen reader says after a field's name (its accessible description) reads as Danish sentences:
each message once, and no "?." where the question and the answer's help meet (screen-reader review,
/work/shared/reviews/screen-reader.md, findings 5 and 6)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.services import Services
from desktop.ui.wizard.choices import ScaleEditor
from desktop.ui.wizard.fields import DateEditor
from desktop.ui.wizard.review import ReviewPage


def test_a_scale_answers_description_has_the_question_then_the_levels_meaning_without_a_stray_full_stop(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("events")
    scale = wizard.editor("events.worry_level")
    assert isinstance(scale, ScaleEditor)
    descriptions = [button.accessibleDescription() for button in scale.buttons.values()]
    assert descriptions
    for description in descriptions:
        assert description.startswith("Hvor bekymret er du? ")
        assert "?." not in description and ".." not in description


def test_a_date_problem_met_again_from_the_review_is_said_once(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    answers = complete_answers | {"child.siblings": [{"name": "Oskar Hansen", "birth_date": "31-02-2018"}]}
    wizard = open_wizard(services.require_vault().notifications.create_draft(answers, "review", "EH"))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "review")
    review = window.current_page()
    assert isinstance(review, ReviewPage)
    [problem] = [b for b in review.problem_buttons if "Søskende" in b.text()]
    wizard.tab_to(problem)
    wizard.press(Qt.Key.Key_Space)

    birth = wizard.editor("child.siblings[0].birth_date")
    assert isinstance(birth, DateEditor)
    assert QApplication.focusWidget() is birth.focus_target()
    message = "Skriv datoen som dag-måned-år, fx 24-12-2019."
    assert birth.problem_label.isVisibleTo(window) and birth.problem_label.text() == message
    assert birth.focus_target().accessibleDescription().count(message) == 1


def test_next_moves_the_focus_once_straight_to_the_new_pages_first_field(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    """A screen reader speaks every focus change: on the way to the next page, the focus must not stop on
    "Tilbage" (or anything else) first, or the person hears "Tilbage til forrige side" cut off."""
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    window = wizard.window
    for _ in range(4):
        wizard.tab_to(window.next_button)
        before = window.page_id
        stops: list[QWidget] = []

        def note(_old: QWidget | None, new: QWidget | None, stops: list[QWidget] = stops) -> None:
            if new is not None:
                stops.append(new)

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(note)
        try:
            wizard.press(Qt.Key.Key_Space)
            qtbot.waitUntil(lambda b=before: window.page_id != b)  # type: ignore[misc]
            qtbot.wait(50)
        finally:
            app.focusChanged.disconnect(note)
        assert len(stops) == 1, (window.page_id, [w.accessibleName() or w.objectName() for w in stops])
        assert stops[0] is QApplication.focusWidget()
        assert stops[0] is not window.back_button


def test_coming_to_the_review_moves_the_focus_once(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    """Entering the review page (the last Next) is one focus change, not 'Tilbage' → the document →
    'Gør færdig og send' within a few milliseconds (screen-reader review, step 2g)."""
    answers = {k: v for k, v in complete_answers.items() if not k.startswith("notifier.")}
    wizard = open_wizard(services.require_vault().notifications.create_draft(answers, "notifier", "EH"))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "notifier")
    wizard.fill_notifier()
    wizard.tab_to(window.next_button)
    stops: list[QWidget] = []

    def note(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            stops.append(new)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(note)
    try:
        wizard.press(Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: window.page_id == "review")
        review = window.current_page()
        assert isinstance(review, ReviewPage)
        qtbot.waitUntil(lambda: "Emma Louise Hansen" in review.document_view.toPlainText(), timeout=10_000)
        qtbot.wait(100)
    finally:
        app.focusChanged.disconnect(note)
    assert len(stops) == 1, [w.accessibleName() or w.objectName() for w in stops]
