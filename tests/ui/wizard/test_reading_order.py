"""Tab goes the way the window reads, and moving between pages moves the focus once.

A keyboard or screen-reader user meets the window in Tab order; when it jumps (the bottom row's "Kassér"
after "Luk", the review's problems after the buttons at the bottom) the page makes no sense. And each
focus change is spoken: a page change that stops on "Tilbage" or on the review's top button on its way
to the field makes the screen reader start saying the wrong thing (screen-reader review, steps 2c, 2g).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.services import Services
from desktop.ui.tab_order import takes_tab
from desktop.ui.wizard.review import ReviewPage
from tests.support.reading_order import named, tab_walk, visual_order

from .conftest import Wizard


def _assert_tab_follows_reading_order(wizard: Wizard) -> list[QWidget]:
    window = wizard.window
    stops = tab_walk(window, window.acute_button)
    assert named(stops) == named(visual_order(window, stops))
    # Nothing on show is left out (of a radio group Tab stops on one button, as everywhere in Qt).
    shown = [w for w in window.findChildren(QWidget)
             if takes_tab(w) and w.isVisible() and w.isEnabled() and not isinstance(w, QRadioButton)]
    assert not [w for w in shown if w not in stops], named([w for w in shown if w not in stops])
    return stops


def test_tab_on_the_first_page_goes_down_the_page_then_along_the_bottom_row_left_to_right(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    window = wizard.window
    wizard.qtbot.waitUntil(lambda: window.pages.complete)  # the fields are built just after the window shows
    stops = _assert_tab_follows_reading_order(wizard)
    danger = wizard.editor("acute.in_danger").focus_target()
    bottom_row = [window.discard_button, window.next_button, window.close_button]  # Back is greyed out here
    assert stops == [window.acute_button, danger, *bottom_row]


def test_tab_on_a_middle_page_goes_down_the_page_then_along_the_bottom_row(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any]
) -> None:
    draft = services.require_vault().notifications.create_draft(complete_answers, "child", "EH")
    wizard = open_wizard(draft)
    window = wizard.window
    wizard.qtbot.waitUntil(lambda: window.page_id == "child" and window.pages.complete)
    stops = _assert_tab_follows_reading_order(wizard)
    assert stops[-4:] == [window.discard_button, window.back_button, window.next_button, window.close_button]
    assert stops[1] is wizard.editor("child.identity").focus_target()
    siblings = wizard.editor("child.siblings[0].name").focus_target()
    assert stops.index(wizard.editor("child.languages").focus_target()) < stops.index(siblings)


def test_tab_on_the_review_page_goes_from_the_problems_through_the_document_to_the_buttons(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any]
) -> None:
    answers = complete_answers | {"family.custody_holders": [
        {"name": "Karin Hansen", "relation": "mor", "has_custody": True},
        {"name": "Jens Hansen", "relation": "far", "has_custody": True},
    ]}
    wizard = open_wizard(services.require_vault().notifications.create_draft(answers, "review", "EH"))
    window = wizard.window
    wizard.qtbot.waitUntil(lambda: window.page_id == "review" and window.pages.complete)
    review = window.current_page()
    assert isinstance(review, ReviewPage)
    assert len(review.problem_buttons) == 2
    stops = _assert_tab_follows_reading_order(wizard)
    edits = [b for b in review.edit_buttons.values() if b.isVisible()]
    # The document, then its links to the missing answers (screen-reader review, finding 3).
    assert len(review.document_view.links) == 2
    assert stops == [window.acute_button, *review.problem_buttons, review.document_view,
                     *review.document_view.links, *edits,
                     window.discard_button, window.back_button, window.finalise_button, window.close_button]


@contextmanager
def _focus_moves() -> Iterator[list[QWidget]]:
    """Every widget the focus goes to meanwhile (the focus going nowhere is not a stop)."""
    stops: list[QWidget] = []

    def note(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            stops.append(new)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(note)
    try:
        yield stops
    finally:
        app.focusChanged.disconnect(note)


def test_back_moves_the_focus_once_to_the_first_field_of_the_page_before(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    draft = services.require_vault().notifications.create_draft(complete_answers, "notifier", "EH")
    wizard = open_wizard(draft)
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "notifier" and window.pages.complete)
    for _ in range(3):
        before = window.page_id
        wizard.tab_to(window.back_button)
        with _focus_moves() as stops:
            wizard.press(Qt.Key.Key_Space)
            qtbot.waitUntil(lambda b=before: window.page_id != b)  # type: ignore[misc]
            qtbot.wait(50)
        page = window.current_page()
        assert not isinstance(page, ReviewPage)
        assert stops == [page.first_focus()], (window.page_id, named(stops))


@pytest.mark.parametrize("how", ["problem", "edit"])
def test_leaving_the_review_for_a_field_moves_the_focus_once_and_so_does_coming_back(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot,
    how: str
) -> None:
    """A problem's button (or a part's "Ret" button) on the review page: the focus goes straight to the
    field, not first to the top button and the page's last focused button (review, step 2g)."""
    answers = complete_answers | {"family.custody_holders": [
        {"name": "Karin Hansen", "relation": "mor", "has_custody": True},
        {"name": "Jens Hansen", "relation": "far", "has_custody": True},
    ]}
    wizard = open_wizard(services.require_vault().notifications.create_draft(answers, "review", "EH"))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "review" and window.pages.complete)
    review = window.current_page()
    assert isinstance(review, ReviewPage)
    # Been on the family page before, with the focus on its "Add" button (the page remembers it).
    wizard.tab_to(review.edit_buttons["family"])
    wizard.press(Qt.Key.Key_Space)
    wizard.tab_to(wizard.editor("family.custody_holders").add_button)  # type: ignore[attr-defined]
    wizard.tab_to(window.review_button)
    wizard.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.page_id == "review")

    button = review.problem_buttons[1] if how == "problem" else review.edit_buttons["family"]
    wizard.tab_to(button)
    with _focus_moves() as stops:
        wizard.press(Qt.Key.Key_Space)
        qtbot.wait(50)
    assert window.page_id == "family"
    if how == "problem":
        wanted = wizard.editor("family.custody_holders[1].informed").focus_target()
    else:
        page = window.current_page()
        assert not isinstance(page, ReviewPage)
        wanted = page.first_focus()
    assert stops == [wanted], named(stops)

    wizard.tab_to(window.review_button)
    with _focus_moves() as stops:
        QTest.keyClick(window.review_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: window.page_id == "review")
        qtbot.wait(50)
    assert len(stops) == 1, named(stops)
    assert stops[0] is QApplication.focusWidget()


def test_a_refused_finish_moves_the_focus_once_to_the_first_missing_field(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    """'Gør færdig og send' with a question unanswered: straight to that question, not 'Luk' first."""
    answers = {k: v for k, v in complete_answers.items() if k != "notifier.phone"}
    wizard = open_wizard(services.require_vault().notifications.create_draft(answers, "review", "EH"))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "review" and window.pages.complete)
    wizard.tab_to(window.finalise_button)
    with _focus_moves() as stops:
        wizard.press(Qt.Key.Key_Space)
        qtbot.wait(50)
    assert window.page_id == "notifier"
    assert stops == [wizard.editor("notifier.phone").focus_target()], named(stops)


@contextmanager
def _focus_changes() -> Iterator[list[tuple[QWidget | None, QWidget | None]]]:
    """Every focus change meanwhile, as (from, to); the focus going nowhere counts too (a screen reader
    then hears the window's last focused widget again)."""
    changes: list[tuple[QWidget | None, QWidget | None]] = []

    def note(old: QWidget | None, new: QWidget | None) -> None:
        changes.append((old, new))

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(note)
    try:
        yield changes
    finally:
        app.focusChanged.disconnect(note)


def test_alt_n_from_a_field_moves_the_focus_straight_to_the_next_pages_first_field(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    """Alt+N (the Next button's key) while typing in a field: one change, from that field to the new page's
    first field (through the real AT-SPI stack, a moment with the focus nowhere was heard as the old field
    getting the focus again)."""
    wizard = open_wizard()
    window = wizard.window
    qtbot.waitUntil(lambda: window.pages.complete)
    wizard.choose("acute.in_danger", "no")
    for _ in range(3):
        field = QApplication.focusWidget()
        assert field is not None and window.current_page().isAncestorOf(field)
        before = window.page_id
        with _focus_changes() as changes:
            QTest.keyClick(field, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
            qtbot.waitUntil(lambda b=before: window.page_id != b)  # type: ignore[misc]
            qtbot.wait(50)
        page = window.current_page()
        assert not isinstance(page, ReviewPage)
        assert changes == [(field, page.first_focus())], (window.page_id, changes)


def test_a_problem_on_the_review_page_moves_the_focus_straight_from_its_button_to_the_field(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    answers = complete_answers | {"family.custody_holders": [
        {"name": "Karin Hansen", "relation": "mor", "has_custody": True},
        {"name": "Jens Hansen", "relation": "far", "has_custody": True},
    ]}
    wizard = open_wizard(services.require_vault().notifications.create_draft(answers, "review", "EH"))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "review" and window.pages.complete)
    review = window.current_page()
    assert isinstance(review, ReviewPage)
    button = review.problem_buttons[1]
    wizard.tab_to(button)
    with _focus_changes() as changes:
        wizard.press(Qt.Key.Key_Space)
        qtbot.wait(50)
    informed = wizard.editor("family.custody_holders[1].informed").focus_target()
    assert changes == [(button, informed)], changes


def test_back_to_the_review_from_a_field_moves_the_focus_straight_to_finish_and_send(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    """Alt+G ("Tilbage til gennemsyn") while in a field, nothing left to put right: from the field straight
    to "Gør færdig og send", a button of the window, not the page (no moment with the focus nowhere)."""
    draft = services.require_vault().notifications.create_draft(complete_answers, "review", "EH")
    wizard = open_wizard(draft)
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "review" and window.pages.complete)
    review = window.current_page()
    assert isinstance(review, ReviewPage) and not review.problem_buttons
    wizard.tab_to(review.edit_buttons["notifier"])
    wizard.press(Qt.Key.Key_Space)
    field = QApplication.focusWidget()
    assert window.page_id == "notifier" and field is not None and window.current_page().isAncestorOf(field)
    with _focus_changes() as changes:
        QTest.keyClick(field, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: window.page_id == "review")
        qtbot.wait(50)
    assert changes == [(field, window.finalise_button)], changes


def test_the_bottom_row_is_named_by_its_words_and_says_what_it_does_after(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any]
) -> None:
    """Voice control: "klik Tilbage" finds the button named "Tilbage"; a screen reader then says what it
    does ("Tilbage til forrige side") as its description, not as a different name."""
    draft = services.require_vault().notifications.create_draft(complete_answers, "child", "EH")
    wizard = open_wizard(draft)
    window = wizard.window
    wizard.qtbot.waitUntil(lambda: window.page_id == "child")
    row = (window.discard_button, window.back_button, window.next_button, window.close_button)
    said = {button.text(): (button.accessibleName(), button.accessibleDescription()) for button in row}
    assert said == {"&Kassér kladden": ("Kassér kladden", ""),
                    "&Tilbage": ("Tilbage", "Tilbage til forrige side"),
                    "&Næste": ("Næste", "Næste side"),
                    "&Luk": ("Luk", "Luk vinduet")}
