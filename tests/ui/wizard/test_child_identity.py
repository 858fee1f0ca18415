"""The child's CPR number and dates: checked while typing, never refused for the old modulus-11 rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.ui.wizard.fields import CprEditor, DateEditor


def test_a_cpr_number_that_fails_the_old_check_is_accepted_with_only_a_gentle_note(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "cpr")
    cpr = wizard.editor("child.cpr")
    assert isinstance(cpr, CprEditor)
    # 150317-4001 is a valid date but fails modulus 11 (issued since 2007 this happens).
    wizard.type_into("child.cpr", "150317-4001")
    assert cpr.note.isVisibleTo(wizard.window)
    assert "fortsætte" in cpr.note.text()
    assert wizard.window.answers["child.cpr"] == "150317-4001"
    assert wizard.window.flow.age_band() is not None  # the age band is derived from it all the same


def test_a_cpr_number_with_an_impossible_date_is_pointed_out_at_once(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "cpr")
    cpr = wizard.editor("child.cpr")
    assert isinstance(cpr, CprEditor)
    wizard.type_into("child.cpr", "310222-4000")  # 31 February
    assert cpr.note.isVisibleTo(wizard.window)
    assert "dato" in cpr.note.text()
    assert "dato" in cpr.focus_target().accessibleDescription()


def test_a_birth_date_typed_the_danish_way_gives_the_age_band(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "birth_date")
    birth = wizard.editor("child.birth_date")
    assert isinstance(birth, DateEditor)
    wizard.type_into("child.birth_date", "24.12.2019")
    assert wizard.window.answers["child.birth_date"] == "2019-12-24"
    assert not birth.note.isVisibleTo(wizard.window)
    assert wizard.window.flow.age_band() is not None and wizard.window.flow.age_band().value == "6-12"
    birth.edit.clear()
    wizard.type_into("child.birth_date", "juleaften")
    assert birth.note.isVisibleTo(wizard.window)
    assert wizard.window.answers["child.birth_date"] == "juleaften"  # kept as typed, nothing lost


def test_an_unborn_child_gets_the_signs_about_the_expectant_parents(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "unborn")
    assert not wizard.editor("child.cpr").isVisibleTo(wizard.window)
    assert not wizard.editor("child.institution").isVisibleTo(wizard.window)
    wizard.type_into("child.due_date", "15-03-2027")
    assert wizard.window.answers["child.due_date"] == "2027-03-15"
    wizard.go_on_to("signals")
    signals = wizard.editor("signals.checked")
    assert signals.is_shown("unborn.substance")
    assert not signals.is_shown("neglect.hunger")


def test_a_cpr_number_of_an_adult_is_said_at_once_and_next_keeps_the_person_on_the_page(
    open_wizard: Callable[..., Any]
) -> None:
    from PySide6.QtWidgets import QApplication

    wizard = open_wizard()  # today is 23 November 2026 in these tests
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "cpr")
    cpr = wizard.editor("child.cpr")
    assert isinstance(cpr, CprEditor)

    wizard.type_into("child.cpr", "010190-4005")  # born 1 January 1990: 36 years old

    assert cpr.problem_label.isVisibleTo(wizard.window)
    assert cpr.problem_label.text() == (
        "Med denne fødselsdato er barnet 18 år eller ældre. En underretning skal handle om et barn under "
        "18 år. Tjek, at det er skrevet rigtigt.")
    assert "Efter denne dato" not in cpr.problem_label.text()  # the old mistranslation of "by this date"
    wizard.next_page()
    assert wizard.window.page_id == "child"
    assert QApplication.focusWidget() is cpr.focus_target()

    cpr.edit.clear()
    wizard.type_into("child.cpr", "120522-4006")  # a four-year-old: put right
    assert not cpr.problem_label.isVisibleTo(wizard.window)
    wizard.next_page()
    assert wizard.window.page_id != "child"


def test_a_cpr_number_or_birth_date_in_the_future_is_said_at_once_in_danish(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "cpr")
    cpr = wizard.editor("child.cpr")
    assert isinstance(cpr, CprEditor)
    wizard.type_into("child.cpr", "010128-4008")  # 1 January 2028: after today

    assert cpr.problem_label.text() == ("CPR-nummeret giver en fødselsdato, der ligger i fremtiden. Tjek, at "
                                        "nummeret er skrevet rigtigt.")
    wizard.next_page()
    assert wizard.window.page_id == "child"

    wizard.choose("child.identity", "birth_date")
    birth = wizard.editor("child.birth_date")
    assert isinstance(birth, DateEditor)
    wizard.type_into("child.birth_date", "24-12-2026")
    assert birth.problem_label.text().startswith("Med denne fødselsdato er barnet ikke født endnu.")
    wizard.next_page()
    assert wizard.window.page_id == "child"


def test_a_siblings_cpr_field_shows_its_format_in_danish(open_wizard: Callable[..., Any]) -> None:
    """The sibling's CPR field has no placeholder of its own in the form; its default is the format in the
    UI's language (Danish: dag, måned, år = DDMMÅÅ), not the English 'DDMMYY'."""
    from PySide6.QtCore import Qt

    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    group = wizard.editor("child.siblings")
    wizard.tab_to(group.add_button)
    wizard.press(Qt.Key.Key_Space)
    sibling_cpr = wizard.editor("child.siblings[0].cpr")
    assert isinstance(sibling_cpr, CprEditor)
    assert sibling_cpr.edit.placeholderText() == "DDMMÅÅ-XXXX"
