"""A new notification starts with what the app already knows about the person writing it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.ui.services import Services


def test_the_first_notification_has_your_name_from_the_profile_and_every_required_field_is_marked(
    open_wizard: Callable[..., Any], services: Services
) -> None:
    wizard = open_wizard()
    assert wizard.window.answers["notifier.name"] == "Mette"  # the name given when the profile was made
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("notifier")
    name = wizard.editor("notifier.name")
    assert name.focus_target().text() == "Mette"  # type: ignore[attr-defined]
    assert name.label.text().endswith(" *")
    assert "(skal udfyldes)" in name.focus_target().accessibleName()
    page = wizard.page()
    assert page.required_note.isVisibleTo(wizard.window)
    assert page.required_note.text() == "Felter med * skal udfyldes."


def test_later_notifications_have_the_work_details_of_the_last_one(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: Any, qtbot: Any
) -> None:
    first = open_wizard()
    first.fill_complete()
    first.finalise()
    qtbot.waitUntil(lambda: first.window.read_only, timeout=30000)
    first.window.close()

    second = open_wizard()

    assert second.window.answers["notifier.name"] == "Mette Jensen"
    assert second.window.answers["notifier.workplace"] == "Børnehaven Solsikken"
    assert second.window.answers["notifier.phone"] == "46 31 00 00"
