"""'Is the child in danger right now?' can be answered 'Ved ikke', and then shows whom to call too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.validation import UNKNOWN
from desktop.ui.services import Services


def test_dont_know_is_a_third_answer_that_shows_whom_to_call(open_wizard: Callable[..., Any]) -> None:
    wizard = open_wizard()
    in_danger = wizard.editor("acute.in_danger")
    assert [b.text() for b in in_danger.buttons.values()] == ["Ja", "Nej", "Ved ikke"]
    page = wizard.page()
    call_now = page.guidance["acute.call_now"]
    assert not call_now.isVisibleTo(wizard.window)

    wizard.choose("acute.in_danger", UNKNOWN)

    assert wizard.window.answers["acute.in_danger"] == UNKNOWN
    assert call_now.isVisibleTo(wizard.window)
    assert call_now.contacts is not None and "112" in call_now.contacts.text()
    assert call_now.property("announced").startswith("Ring nu: ")  # said aloud, the focus stays put
    assert not [p for p in wizard.window.problems() if p.field_path == "acute.in_danger"]


def test_a_notification_answered_dont_know_is_sent_as_not_acute_and_the_question_before_sending_says_so(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: Any, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", UNKNOWN)
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    wizard.fill_events()
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.tab_to(wizard.window.finalise_button)
    wizard.press(Qt.Key.Key_Space)
    asked = wizard.window.sending.confirmation
    assert asked is not None
    rows = dict(asked.rows)
    assert rows["Barnet er i fare lige nu"].startswith("Ved ikke. Er du i tvivl, så ring også.")
    wizard.confirm_finish()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    assert wizard.window.document is not None and wizard.window.document.acute is False
