"""A worried professional writes a whole notification with the keyboard alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.domain.document import NotificationDocument
from desktop.store.notifications import NotificationState
from desktop.ui.wizard.review import ReviewPage
from desktop.ui.wizard.signal_checklist import SignalChecklistEditor
from protocol.envelope import RecipientPrivateKey, open_envelope

# Born 12 May 2022: four years old on 23 November 2026.
CPR_FOUR_YEARS = "120522-4006"
# Born 1 March 2011: fifteen years old.
CPR_FIFTEEN_YEARS = "010311-4012"


def _signals(wizard: Any) -> SignalChecklistEditor:
    editor = wizard.editor("signals.checked")
    assert isinstance(editor, SignalChecklistEditor)
    return editor


def test_a_four_year_old_gets_the_signs_for_small_children_and_the_notification_is_sent(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: RecipientPrivateKey, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    assert wizard.window.page_id == "acute"
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr=CPR_FOUR_YEARS, name="Emma Louise Hansen")
    wizard.go_on_to("signals")
    assert wizard.window.page_id == "signals"
    signals = _signals(wizard)
    assert signals.band is not None and signals.band.value == "3-5"
    assert signals.is_shown("wellbeing.frozen_watchfulness")
    assert signals.is_shown("violence.fractures_young_child")
    assert not signals.is_shown("sexual.older_contact")
    assert not signals.is_shown("honour.forced_marriage")
    assert not signals.is_shown("absence.high")
    wizard.tick_signal("neglect.hunger", "sult")
    wizard.fill_events()
    wizard.fill_notifier()
    wizard.next_page()
    assert wizard.window.page_id == "review"
    review = wizard.window.current_page()
    assert isinstance(review, ReviewPage)
    assert review.problems_box.isHidden()
    assert review.document_view.isVisibleTo(wizard.window)
    # Laid out on a worker thread, shown as soon as it is ready.
    qtbot.waitUntil(lambda: "Emma Louise Hansen" in review.document_view.toPlainText())
    next_steps = " ".join(label.text() for label in review.next_steps.findChildren(QLabel))
    assert "24 timer" in next_steps
    assert "seks hverdage" in next_steps

    wizard.finish_and_send()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    draft_id = wizard.window.draft_id
    assert draft_id is not None
    vault = services.require_vault()
    assert vault.notifications.get_summary(draft_id).state is NotificationState.QUEUED
    document = NotificationDocument.model_validate_json(vault.notifications.get_document(draft_id))
    assert [s.id for s in document.concern.signals] == ["neglect.hunger"]
    assert document.child.age_band.value == "3-5"
    envelope = vault.outbox.due(document.finalised_at.replace(year=2100))[0].envelope
    opened = open_envelope(envelope, {sending_set_up.key_id: sending_set_up.hpke_key()})
    assert b"Emma Louise Hansen" in opened.files["notification.json"]
    # After finalising the content is locked: the window shows it read-only and offers a correction.
    assert wizard.window.correct_button.isVisible()
    assert not wizard.window.next_button.isVisible()
    assert QApplication.focusWidget() is wizard.window.correct_button


def test_a_fifteen_year_old_gets_the_signs_for_teenagers(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr=CPR_FIFTEEN_YEARS, name="Jonas Berg")
    wizard.go_on_to("signals")
    signals = _signals(wizard)
    assert signals.band is not None and signals.band.value == "13-17"
    assert signals.is_shown("sexual.older_contact")
    assert signals.is_shown("honour.forced_marriage")
    assert signals.is_shown("absence.high")
    assert not signals.is_shown("wellbeing.frozen_watchfulness")
    assert not signals.is_shown("violence.fractures_young_child")
    wizard.tick_signal("absence.high", "fravær")
    assert wizard.window.answers["signals.checked"] == ["absence.high"]


def test_the_search_narrows_the_signs_as_the_person_types(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr=CPR_FOUR_YEARS, name="Emma Hansen")
    wizard.go_on_to("signals")
    signals = _signals(wizard)
    before = len(signals.shown_ids())
    wizard.tab_to(signals.search)
    wizard.qtbot.keyClicks(signals.search, "sult")
    shown = signals.shown_ids()
    assert "neglect.hunger" in shown
    assert 0 < len(shown) < before
    signals.search.clear()
    assert len(signals.shown_ids()) == before


def test_saying_the_child_is_in_danger_shows_whom_to_call_at_once_and_writing_goes_on(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    acute_page = wizard.page()
    call_now = acute_page.guidance["acute.call_now"]
    assert not call_now.isVisibleTo(wizard.window)
    wizard.choose("acute.in_danger", "yes")
    assert call_now.isVisibleTo(wizard.window)
    assert call_now.contacts is not None
    assert "112" in call_now.contacts.text()
    # The person phones, then goes on writing the notification.
    wizard.next_page()
    assert wizard.window.page_id == "child"
    wizard.choose("child.identity", "birth_date")
    wizard.type_into("child.name", "Ali Hassan")
    # On every page the "whom to call" button is there and shows the numbers.
    wizard.tab_to(wizard.window.acute_button)
    wizard.press(Qt.Key.Key_Space)
    assert wizard.window.acute_panel.isVisibleTo(wizard.window)
    assert "112" in wizard.window.acute_panel.text()
    assert wizard.window.answers["acute.in_danger"] is True
    assert wizard.window.answers["child.name"] == "Ali Hassan"


def test_a_parent_not_told_needs_the_reason_why_not(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr=CPR_FOUR_YEARS, name="Emma Hansen")
    wizard.fill_events()
    wizard.go_on_to("family")
    group = wizard.editor("family.custody_holders")
    wizard.tab_to(group.add_button)
    wizard.press(Qt.Key.Key_Space)
    wizard.qtbot.keyClicks(QApplication.focusWidget(), "Sara Hansen")
    assert wizard.window.answers["family.custody_holders"][0]["name"] == "Sara Hansen"
    wizard.choose("family.custody_holders[0].informed", "no")
    informed = wizard.editor("family.custody_holders[0].informed")
    why_not = informed.why_edit
    assert why_not.isVisibleTo(wizard.window)
    assert not wizard.editor("family.custody_holders[0].reaction").isVisibleTo(wizard.window)
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.tab_to(wizard.window.finalise_button)
    wizard.press(Qt.Key.Key_Space)
    # The reason is missing: the wizard goes back to the family page and puts the cursor there.
    assert wizard.window.page_id == "family"
    assert QApplication.focusWidget() is why_not
    assert informed.problem_label.isVisibleTo(wizard.window)
    wizard.qtbot.keyClicks(why_not, "Far har slået barnet; det kan bringe barnet i fare.")
    assert not informed.problem_label.isVisibleTo(wizard.window)
    assert wizard.window.answers["family.custody_holders"][0]["informed"] == {
        "value": False, "why_not": "Far har slået barnet; det kan bringe barnet i fare."}


def test_finalising_too_early_focuses_the_first_missing_field_with_its_message(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("review")
    review = wizard.window.current_page()
    assert isinstance(review, ReviewPage)
    assert not review.problems_box.isHidden()
    wizard.tab_to(wizard.window.finalise_button)
    wizard.press(Qt.Key.Key_Space)
    assert wizard.window.page_id == "child"
    identity = wizard.editor("child.identity")
    assert QApplication.focusWidget() is identity.focus_target()
    assert identity.problem_label.isVisibleTo(wizard.window)
    assert identity.problem_label.text() == "Udfyld venligst dette felt." or identity.problem_label.text()
    assert not wizard.window.read_only


def test_back_and_forward_keep_everything_written(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr=CPR_FOUR_YEARS, name="Emma Hansen")
    wizard.go_on_to("signals")
    wizard.tick_signal("neglect.hunger", "sult")
    wizard.fill_events("Hun sagde: jeg får ikke morgenmad.")
    wizard.type_into("events.child_words", "Mor siger, jeg er dum.")
    for expected in ("signals", "knowledge", "child", "acute"):
        wizard.previous_page()
        assert wizard.window.page_id == expected
    assert wizard.editor("acute.in_danger").buttons["no"].isChecked()
    wizard.go_on_to("events")
    assert wizard.editor("child.name").value() == "Emma Hansen"
    assert wizard.editor("child.cpr").value() == CPR_FOUR_YEARS
    assert wizard.editor("signals.checked").value() == ["neglect.hunger"]
    assert wizard.editor("events.observations").value() == "Hun sagde: jeg får ikke morgenmad."
    assert wizard.editor("events.child_words").value() == "Mor siger, jeg er dum."


def test_every_input_has_an_accessible_name_and_required_fields_say_so(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    unnamed = []
    for page in wizard.window.pages.values():
        for editor in getattr(page, "editors", {}).values():
            for widget in editor.interactive_widgets():
                if not widget.accessibleName():
                    unnamed.append(editor.path)
    assert unnamed == []
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("notifier")
    name = wizard.editor("notifier.name")
    assert name.focus_target().accessibleName().endswith("(skal udfyldes)") or name.required
    assert name.label.text().endswith("*")


def test_signs_of_violence_at_home_preset_that_parents_are_not_told_first(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr=CPR_FOUR_YEARS, name="Emma Hansen")
    wizard.go_on_to("signals")
    wizard.tick_signal("violence.patterned_marks", "mærker")
    wizard.go_on_to("family")
    family = wizard.page()
    assert family.guidance["family.protect_guidance"].isVisibleTo(wizard.window)
    assert wizard.editor("family.abuse_in_household").buttons["yes"].isChecked()
    group = wizard.editor("family.custody_holders")
    wizard.tab_to(group.add_button)
    wizard.press(Qt.Key.Key_Space)
    informed = wizard.editor("family.custody_holders[0].informed")
    assert informed.buttons["no"].isChecked()
    assert informed.why_edit.isVisibleTo(wizard.window)


def test_switching_to_english_changes_the_windows_own_words(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    assert wizard.window.next_button.text() == "&Næste"
    assert services.translations is not None
    services.translations.install("en")
    qtbot.waitUntil(lambda: wizard.window.next_button.text() == "&Next")
    assert wizard.window.step_label.text().startswith("Step 1 of")


def test_tab_goes_from_whom_to_call_through_the_fields_to_the_bottom_row_left_to_right(
    open_wizard: Callable[..., Any]
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    window = wizard.window
    wizard.tab_to(window.acute_button)
    order = []
    for _ in range(60):
        wizard.press(Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is window.acute_button:
            break
        order.append(focused)
    first_field = wizard.editor("child.identity").focus_target()
    assert order[0] is first_field
    # The bottom row as it reads: "Kassér kladden" on the left, then Back, Next and Close.
    assert order[-4:] == [window.discard_button, window.back_button, window.next_button, window.close_button]
