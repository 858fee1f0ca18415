"""What changes while a person works is said to a screen reader, through one helper (desktop.ui.announce):
whom to call (and the numbers come next in the Tab order), a new page, the review's problems, a refused
"Finish and send", a message that appears in a field while typing (screen-reader review,
/work/shared/reviews/screen-reader.md, findings 1, 2, 6 and 8).

The announcements are read back from the helper's record: Qt offers Python no way to watch its own
accessibility events (the AT-SPI test in CI checks that they reach the bus)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.announce import Announcements, announcements
from desktop.ui.services import Services
from desktop.ui.wizard.fields import CprEditor, DateEditor
from desktop.ui.wizard.guidance import AcuteContacts
from desktop.ui.wizard.review import ReviewPage


@pytest.fixture
def heard() -> Iterator[Announcements]:
    """The announcements made during this test."""
    record = announcements()
    record.clear()
    yield record
    record.clear()


def _numbers(panel: AcuteContacts) -> list[QLabel]:
    assert panel.numbers, "the pack has acute numbers"
    return panel.numbers


def test_answering_yes_says_whom_to_call_at_once_and_tab_goes_from_the_answer_to_each_number(
    open_wizard: Callable[..., Any], heard: Announcements
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "yes")

    [said] = [a for a in heard.record if a.text.startswith("Ring nu: ")]
    assert said.urgent and "112" in said.text
    contacts = wizard.page().guidance["acute.call_now"].contacts
    assert contacts is not None
    yes = wizard.editor("acute.in_danger").buttons["yes"]
    assert QApplication.focusWidget() is yes  # the focus stays on the answer
    for number in _numbers(contacts):
        wizard.press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is number
        assert number.accessibleName() == number.text()  # the name is what is shown
        assert number.accessibleDescription()  # whose number it is
    assert "112" in _numbers(contacts)[0].text()


def test_alt_h_says_whom_to_call_and_tab_goes_from_the_button_to_the_numbers(
    open_wizard: Callable[..., Any], heard: Announcements, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    window = wizard.window
    wizard.press(Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.acute_button.isChecked)  # a mnemonic clicks after a short press animation
    assert QApplication.focusWidget() is window.acute_button
    said = [a for a in heard.record if a.text.startswith("Hvem du skal ringe til nu: ")]
    assert len(said) == 1 and said[0].urgent
    for number in _numbers(window.acute_panel):
        wizard.press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is number


def test_ticking_an_acute_sign_says_whom_to_call_and_the_numbers_follow_the_list_in_the_tab_order(
    open_wizard: Callable[..., Any], heard: Announcements
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("signals")
    heard.clear()
    wizard.tick_signal("selfharm.wants_to_die", "forsvinde")

    said = [a for a in heard.record if a.text.startswith("Nogle af tegnene kan betyde")]
    assert len(said) == 1 and said[0].urgent and "112" in said[0].text
    hint = wizard.page().guidance["signals.acute_hint"]
    assert hint.contacts is not None and hint.isVisibleTo(wizard.window)
    numbers = _numbers(hint.contacts)
    stops = []
    for _ in range(len(numbers) + 3):
        wizard.press(Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert all(number in stops for number in numbers)
    assert stops.index(numbers[0]) < stops.index(wizard.window.next_button)


def test_a_new_page_is_said_once_with_its_step_and_title(
    open_wizard: Callable[..., Any], heard: Announcements, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    heard.clear()
    wizard.next_page()
    qtbot.waitUntil(lambda: wizard.window.page_id == "child")
    said = [t for t in heard.texts() if t.startswith("Trin ")]
    assert len(said) == 1 and said[0].startswith("Trin 2 af ") and said[0].endswith(": Barnet")


def test_the_review_says_how_many_things_to_put_right_and_the_first_ones_each_time_it_opens(
    open_wizard: Callable[..., Any], heard: Announcements, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    window = wizard.window
    wizard.choose("acute.in_danger", "no")
    heard.clear()
    wizard.go_on_to("review")
    review = window.current_page()
    assert isinstance(review, ReviewPage)
    count = len(review.problem_buttons)
    assert count > 3
    said = heard.texts()[-1]
    assert said.startswith("Trin ") and "Gennemse" in said
    assert f"{count} ting skal rettes, før du kan sende den: " in said
    assert review.problem_buttons[0].text() in said
    assert said.endswith(f"og {count - 3} mere.")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is review.problem_buttons[0])

    wizard.previous_page()
    heard.clear()
    wizard.next_page()
    qtbot.waitUntil(lambda: window.page_id == "review")
    assert any(f"{count} ting skal rettes" in t for t in heard.texts())  # again, on every entry


def test_a_refused_finish_and_send_says_why_and_names_the_field_it_goes_to(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any],
    heard: Announcements, qtbot: QtBot
) -> None:
    answers = complete_answers | {"notifier.name": None}
    wizard = open_wizard(services.require_vault().notifications.create_draft(answers, "review", "EH"))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "review")
    heard.clear()
    wizard.tab_to(window.finalise_button)
    wizard.press(Qt.Key.Key_Space)

    assert window.page_id == "notifier"
    name = wizard.editor("notifier.name").focus_target()
    assert QApplication.focusWidget() is name
    [refused] = [a for a in heard.record if a.text.startswith("Ikke sendt: ")]
    assert refused.urgent
    assert refused.text == ("Ikke sendt: 1 ting skal rettes først. "
                            "Om dig › Dit navn: Udfyld venligst dette felt.")


def test_a_message_that_appears_while_typing_a_date_is_said_once_when_the_typing_pauses(
    open_wizard: Callable[..., Any], heard: Announcements, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "birth_date")
    birth = wizard.editor("child.birth_date")
    assert isinstance(birth, DateEditor)
    heard.clear()
    wizard.type_into("child.birth_date", "31-02-2018")
    message = "Skriv datoen som dag-måned-år, fx 24-12-2019."
    qtbot.waitUntil(lambda: message in heard.texts())
    assert heard.texts().count(message) == 1
    QTest.keyClick(birth.edit, Qt.Key.Key_Backspace)  # still not a date: nothing new to say
    assert not birth.note_pending  # nothing waits to be said (no fixed wait: the timer that would say it)
    assert heard.texts().count(message) == 1
    assert message in birth.edit.accessibleDescription()


def test_the_cpr_note_shown_under_the_field_stays_in_what_a_screen_reader_says_about_it(
    open_wizard: Callable[..., Any], heard: Announcements, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "cpr")
    cpr = wizard.editor("child.cpr")
    assert isinstance(cpr, CprEditor)
    wizard.type_into("child.cpr", "120522-4007")  # a real date, but not modulus 11: a gentle note
    note = cpr.note.text()
    assert note.startswith("Tjek gerne")
    wizard.type_into("child.name", "Emma")  # the page is refreshed on every edit
    description = cpr.edit.accessibleDescription()
    assert note in description and "Ti cifre" in description
    assert description.count(note) == 1


def test_a_cpr_number_of_an_adult_is_said_while_typing_and_again_at_once_when_next_does_not_turn_the_page(
    open_wizard: Callable[..., Any], heard: Announcements, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    window = wizard.window
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "cpr")
    cpr = wizard.editor("child.cpr")
    assert isinstance(cpr, CprEditor)
    heard.clear()
    wizard.type_into("child.cpr", "010190-1234")  # 36 years old: not a child
    qtbot.waitUntil(lambda: cpr.problem_label.isVisibleTo(window))
    message = cpr.problem_label.text()
    assert message.startswith("Med denne fødselsdato er barnet 18 år eller ældre")
    qtbot.waitUntil(lambda: any(message in t for t in heard.texts()))

    assert len([t for t in heard.texts() if message in t]) == 1

    # Alt+N in the field itself: the focus stays, so the refusal is said (once, at once).
    heard.clear()
    wizard.press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(heard.texts()))
    assert window.page_id == "child" and QApplication.focusWidget() is cpr.edit
    assert message in cpr.edit.accessibleDescription()
    qtbot.waitUntil(lambda: not cpr.note_pending)  # whatever waited to be said has been said
    said = [a for a in heard.record if message in a.text]
    assert len(said) == 1 and said[0].urgent


def test_a_problem_opened_from_the_review_says_where_and_what_is_missing_once(
    open_wizard: Callable[..., Any], services: Services, complete_answers: dict[str, Any],
    heard: Announcements, qtbot: QtBot
) -> None:
    answers = complete_answers | {"notifier.name": None}
    wizard = open_wizard(services.require_vault().notifications.create_draft(answers, "review", "EH"))
    window = wizard.window
    qtbot.waitUntil(lambda: window.page_id == "review")
    review = window.current_page()
    assert isinstance(review, ReviewPage)
    qtbot.waitUntil(lambda: bool(review.problem_buttons))
    heard.clear()
    wizard.tab_to(review.problem_buttons[0])
    wizard.press(Qt.Key.Key_Space)
    editor = wizard.editor("notifier.name")
    name = editor.focus_target()
    assert "Udfyld venligst dette felt." in name.accessibleDescription()
    assert QApplication.focusWidget() is name
    assert not editor.note_pending  # not said again when the typing pauses (nothing waits to be said)
    said = [t for t in heard.texts() if "Udfyld venligst" in t]
    assert said == ["Om dig › Dit navn: Udfyld venligst dette felt."]


def test_whom_to_call_is_said_as_one_sentence_per_contact(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    contacts = wizard.page().guidance["acute.call_now"].contacts
    assert contacts is not None
    said = contacts.text()
    assert ".;" not in said
    assert said.startswith("Politi og ambulance: 112") and said.endswith(".")
