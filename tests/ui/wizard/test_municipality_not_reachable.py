"""A child living in a municipality Underret cannot reach yet: the person is told in time and told the truth.

Real services with the shipped municipality directory (it lists no intakes: each municipality's IT adds
its own), the app's own finaliser. Nothing may silently go anywhere: the notification stays a draft on
this PC, the person learns whom to phone, and that it will not be sent by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.notifications import NotificationState
from desktop.ui.announce import announcements
from desktop.ui.wizard.finalising import OutboxFinaliser


def _message_box(window: Any) -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    return next((w for w in boxes if w.objectName() == "problemMessage" and w.isVisible()), None)


def _hint(wizard: Any) -> str:
    editor = wizard.editor("child.municipality")
    return " ".join(label.text() for label in editor.findChildren(QLabel) if label.isVisibleTo(editor))


def test_a_child_in_a_municipality_without_an_intake_is_said_on_the_child_page_and_stays_a_draft(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    setattr(services, "finalise", OutboxFinaliser(services))  # noqa: B010 - as the wizard's install does
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen", municipality="Roskilde")
    # Said where the choice is made, before a whole notification is written.
    not_yet = "Roskilde Kommune kan endnu ikke modtage underretninger gennem Underret"
    qtbot.waitUntil(lambda: not_yet in _hint(wizard))
    assert "Ring til Roskilde Kommune i dag (nummeret står på kommunens hjemmeside)" in _hint(wizard)
    wizard.fill_events()
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.finish_and_send()
    qtbot.waitUntil(lambda: _message_box(wizard.window) is not None, timeout=30000)
    box = _message_box(wizard.window)
    assert box is not None
    said = " ".join(box.text().split())
    assert "Roskilde Kommune kan endnu ikke modtage underretninger gennem Underret" in said
    assert "Ring til Roskilde Kommune i dag" in said
    # The truth about what happens: kept as a draft, not sent by itself.
    assert "gemt her som kladde" in said and "bliver ikke sendt af sig selv" in said
    box.close()
    vault = services.require_vault()
    (summary,) = vault.notifications.list_summaries()
    assert summary.state is NotificationState.DRAFT
    assert not wizard.window.read_only


def test_the_number_to_phone_comes_from_the_directory_when_it_has_one(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    heard = announcements()
    heard.clear()
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen", municipality="Københavns")
    qtbot.waitUntil(lambda: "Ring til Københavns Kommune på 33 17 42 24 i dag" in _hint(wizard))
    editor = wizard.editor("child.municipality")
    assert "33 17 42 24" in editor.focus_target().accessibleDescription()  # a screen reader hears it too
    # ... at once, while the focus stays on the choice (once the typing pauses), and it stays with the
    # field when the page marks it required.
    qtbot.waitUntil(lambda: any("33 17 42 24" in t for t in heard.texts()))
    heard.clear()
    editor.set_required(True)
    assert "33 17 42 24" in editor.focus_target().accessibleDescription()
