"""The review page shows the notification as the municipality will read it, even half written.

A person half way through sees the same layout the municipality receives, with
each missing answer marked "Ikke udfyldt endnu" and a link they can reach with
Tab and follow with Enter to the field where it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.ui.services import Services
from desktop.ui.wizard.review import ReviewPage

MISSING_ON_ABOUT_YOU = "Ikke udfyldt endnu – gå til siden »Om dig«"


def _review(wizard: Any, showing: str = "Emma Louise Hansen") -> ReviewPage:
    """The review page, once its document (laid out on a worker thread) shows ``showing``."""
    page = wizard.window.current_page()
    assert isinstance(page, ReviewPage)
    wizard.qtbot.waitUntil(lambda: showing in page.document_view.toPlainText(), timeout=10000)
    return page


def _half_filled(wizard: Any) -> None:
    """The child and what happened are written; about the notifier only name, role and workplace."""
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    wizard.fill_events()
    wizard.go_on_to("notifier")
    wizard.type_into("notifier.name", "Mette Jensen")
    wizard.type_into("notifier.role", "Pædagog")
    wizard.type_into("notifier.workplace", "Børnehaven Solsikken")
    wizard.go_on_to("review")


def test_a_half_written_notification_is_shown_as_the_municipality_will_read_it_with_its_gaps(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    wizard = open_wizard()
    _half_filled(wizard)

    review = _review(wizard)
    text = review.document_view.toPlainText()
    # The municipality's layout (the copy's headings), with what was written ...
    assert "Underretning" in text
    assert "Barnet" in text and "Emma Louise Hansen" in text
    assert "120522-4006" in text
    assert "Mandag kl. 8.15 havde barnet et blåt mærke på kinden." in text
    # ... and every missing answer marked where it belongs, with the page to go to.
    assert text.count(MISSING_ON_ABOUT_YOU) == 3  # work address, phone, e-mail
    assert "Ikke gjort færdig endnu" in text
    assert review.preview_note.isVisibleTo(wizard.window)
    assert not review.problems_box.isHidden()
    assert review.document_view.accessibleName() == "Underretningen, sådan som kommunen vil læse den"
    # Tab goes through the document's links and on out of it: no keyboard trap.
    wizard.tab_to(review.document_view)
    wizard.tab_to(wizard.window.finalise_button)


def test_a_gap_in_the_review_leads_by_keyboard_to_the_field_it_names(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    wizard = open_wizard()
    _half_filled(wizard)
    review = _review(wizard)

    wizard.tab_to(review.document_view)
    wizard.press(Qt.Key.Key_Tab)  # inside the document, Tab goes from link to link
    link = wizard.focused()
    assert link is review.document_view.links[0]
    # A link of its own (a screen reader hears "link" and its words, then the answer it is about).
    assert link.accessibleName() == MISSING_ON_ABOUT_YOU
    QTest.keyClick(link, Qt.Key.Key_Return)

    assert wizard.window.page_id == "notifier"
    address = wizard.editor("notifier.work_address")
    qtbot.waitUntil(lambda: wizard.focused() is address.focus_target())
    # The field says what is wrong, as when the problem list's button is used.
    assert address.problem_label.text() == "Udfyld venligst dette felt."


def test_filling_in_the_gap_and_coming_back_shows_the_finished_notification(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    wizard = open_wizard()
    _half_filled(wizard)
    wizard.previous_page()
    assert wizard.window.page_id == "notifier"
    wizard.type_into("notifier.work_address", "Skolevej 1, 4000 Roskilde")
    wizard.type_into("notifier.phone", "46 31 00 00")
    wizard.type_into("notifier.email", "mette@solsikken.example")
    wizard.go_on_to("review")

    review = _review(wizard, showing="mette@solsikken.example")
    text = review.document_view.toPlainText()
    assert "Ikke udfyldt endnu" not in text
    assert "gap:" not in review.document_view.toHtml()
    assert review.preview_note.isHidden()
    assert review.problems_box.isHidden()


def test_a_complete_notification_is_shown_from_the_finalised_document(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.fill_complete()

    review = _review(wizard)
    text = review.document_view.toPlainText()
    assert "Emma Louise Hansen" in text
    assert "Mette Jensen, Pædagog" in text
    assert "Ikke udfyldt endnu" not in text
    # Not finished before "Gør færdig og send": the copy must not claim a time it was finished.
    assert "Gjort færdig: Ikke gjort færdig endnu" in text.splitlines()
    assert review.preview_note.isHidden()


def test_the_review_document_follows_a_150_percent_system_font(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any], qtbot: QtBot
) -> None:
    """The copy on the review page is laid out at the system font's size, so a person who set 150 % reads
    it at 150 % too (issue 15: the preview ignored the system font size)."""
    from PySide6.QtWidgets import QApplication

    def body_text_height() -> float:
        draft = services.require_vault().notifications.create_draft(complete_answers, "review", "EH")
        wizard = open_wizard(draft)
        qtbot.waitUntil(lambda: wizard.window.page_id == "review")
        view = _review(wizard).document_view
        [row] = [part for part in view.body.part_widgets if "Emma Louise Hansen" in part.accessibleName()]
        height = row.heightForWidth(900)  # one line at this width, at either size
        wizard.window.close()
        return float(height)

    normal = QApplication.font()
    before = body_text_height()
    bigger = QApplication.font()
    bigger.setPointSizeF(normal.pointSizeF() * 1.5)
    QApplication.setFont(bigger)
    try:
        after = body_text_height()
    finally:
        QApplication.setFont(normal)
    assert after >= before * 1.35


def test_the_review_document_is_read_as_headings_lines_and_links_without_separator_characters(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    """Screen-reader review, findings 3 and 4: the document was one label full of U+FDD0, its
    "Ikke udfyldt endnu" links silent and not exposed."""
    from PySide6.QtGui import QAccessible, QAccessibleActionInterface

    from tests.support.accessibility import assert_no_private_separators, interface, names, with_role

    wizard = open_wizard()
    _half_filled(wizard)
    review = _review(wizard)

    view = review.document_view
    assert interface(view).role() is QAccessible.Role.Document
    assert_no_private_separators(wizard.window)
    headings = names(view, QAccessible.Role.Heading)
    assert headings[0] == "Underretning" and "Barnet" in headings and "Underretter" in headings
    links = with_role(view, QAccessible.Role.Link)
    assert [link.text(QAccessible.Text.Name) for link in links].count(MISSING_ON_ABOUT_YOU) == 3
    # A screen reader's "press" (or Enter) on a link goes to the missing answer.
    action = links[0].actionInterface()
    assert action is not None
    action.doAction(QAccessibleActionInterface.pressAction())
    assert wizard.window.page_id == "notifier"
