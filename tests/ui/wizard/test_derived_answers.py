"""No silent changes (issue 21 point 4): ticking a sign of violence answers two questions on the "Familien"
page and adds "abuse" to the suggested § 133 grounds; the signs page names the changed answers right under
the list, a screen reader hears it, and "Fortryd" puts them back (and the wizard leaves them alone after
that). Screen-reader review,
/work/shared/reviews/screen-reader.md, Step 2k."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.domain.answers import get_answer
from desktop.ui.announce import Announcements, announcements
from desktop.ui.wizard.choices import ChoiceEditor
from desktop.ui.wizard.signal_checklist import SignalChecklistEditor

CPR_FOUR_YEARS = "120522-4006"
INFORMED = "family.custody_holders[0].informed"
ABUSE = "family.abuse_in_household"
GROUNDS = "grounds.section_133"


@pytest.fixture
def heard() -> Iterator[Announcements]:
    record = announcements()
    record.clear()
    yield record
    record.clear()


def _with_a_parent_on_the_signs_page(open_wizard: Callable[..., Any]) -> Any:
    """A notification with one parent on the "Familien" page, back on the signs page."""
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr=CPR_FOUR_YEARS, name="Emma Hansen")
    wizard.go_on_to("family")
    group = wizard.editor("family.custody_holders")
    wizard.tab_to(group.add_button)
    wizard.press(Qt.Key.Key_Space)
    wizard.type_into("family.custody_holders[0].name", "Sanne Hansen")
    while wizard.window.page_id != "signals":
        wizard.previous_page()
    return wizard


def test_ticking_a_sign_of_violence_names_the_two_changed_answers_under_the_list_and_undo_puts_them_back(
    open_wizard: Callable[..., Any], heard: Announcements
) -> None:
    wizard = _with_a_parent_on_the_signs_page(open_wizard)
    window = wizard.window
    assert get_answer(window.answers, ABUSE) is None and get_answer(window.answers, INFORMED) is None
    heard.clear()

    wizard.tick_signal("violence.patterned_marks", "mærker")

    assert get_answer(window.answers, ABUSE) is True
    assert get_answer(window.answers, INFORMED) == {"value": False, "why_not": ""}
    notice = window.derived_notice
    assert notice.isVisibleTo(window)
    lines = notice.text.text().splitlines()
    assert lines == [
        "Ud fra dit svar har vi også udfyldt:",
        "• Familien › Har du mistanke om vold eller seksuelle overgreb fra nogen i barnets hjem? Ja",
        "• Familien › Forælder 1 › Har du fortalt denne forælder om underretningen? Nej",
        "• Grundlaget for underretningen › Hvad underretter du om? Barnet kan have brug for særlig støtte, "
        "Barnet kan have været udsat for overgreb",
    ]
    [said] = [a for a in heard.record if a.text.startswith("Ud fra dit svar har vi også udfyldt:")]
    assert "barnets hjem? Ja." in said.text and "underretningen? Nej." in said.text
    editor = wizard.editor("signals.checked")
    assert isinstance(editor, SignalChecklistEditor)

    # Tab from the list goes straight to "Fortryd"; Space puts both answers back.
    undo: QPushButton = notice.undo_button
    assert QApplication.focusWidget() is editor.tree
    wizard.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is undo
    assert undo.text() == "&Fortryd" and undo.accessibleName() == "Fortryd"
    wizard.press(Qt.Key.Key_Space)

    assert get_answer(window.answers, ABUSE) is None and get_answer(window.answers, INFORMED) is None
    assert window.answers[GROUNDS] == ["special_support"]  # as suggested before the sign, now the person's
    assert not notice.isVisibleTo(window)
    assert QApplication.focusWidget() is editor.focus_target()
    assert heard.texts()[-1] == "Svarene er sat tilbage, som de var."
    family_abuse = wizard.editor(ABUSE)
    assert isinstance(family_abuse, ChoiceEditor)
    assert not any(family_abuse.buttons[option].isChecked() for option in ("yes", "no"))

    # Undone means left alone: another sign of violence fills nothing in again.
    heard.clear()
    wizard.tick_signal("violence.repeated_injuries", "gentagne")
    assert get_answer(window.answers, ABUSE) is None
    assert not notice.isVisibleTo(window)
    assert not [t for t in heard.texts() if t.startswith("Ud fra dit svar")]


def test_a_sign_that_changes_no_other_answer_shows_no_notice(
    open_wizard: Callable[..., Any], heard: Announcements
) -> None:
    wizard = _with_a_parent_on_the_signs_page(open_wizard)
    heard.clear()
    wizard.tick_signal("neglect.hunger", "sult")
    assert get_answer(wizard.window.answers, ABUSE) is None
    window = wizard.window
    assert window._derived_notice is None or not window.derived_notice.isVisibleTo(window)
    assert not [t for t in heard.texts() if t.startswith("Ud fra dit svar")]


def test_the_notice_goes_when_the_person_moves_to_another_page(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = _with_a_parent_on_the_signs_page(open_wizard)
    wizard.tick_signal("violence.patterned_marks", "mærker")
    notice = wizard.window.derived_notice
    assert notice.isVisibleTo(wizard.window)
    wizard.next_page()
    wizard.previous_page()
    assert wizard.window.page_id == "signals"
    assert not notice.isVisibleTo(wizard.window)
