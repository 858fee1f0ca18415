"""Finalising locks the notification; a correction is a new notification that refers to the first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.domain.document import NotificationDocument
from desktop.store.notifications import NotificationState
from desktop.ui import wizard as wizard_package
from desktop.ui.wizard.sibling import SiblingButton
from desktop.ui.wizard.window import CORRECTS_KEY, WizardWindow
from protocol.envelope import RecipientPrivateKey
from tests.support.accessibility import assert_no_private_separators, names


def test_without_a_receiving_municipality_the_draft_is_kept_and_the_person_is_told(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard_package.install(services)  # the app's own finaliser: the national pack has no intake address
    wizard = open_wizard()
    wizard.fill_complete()
    wizard.finalise()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=30000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert box.text()
    box.close()
    draft_id = wizard.window.draft_id
    assert services.require_vault().notifications.get_summary(draft_id).state is NotificationState.DRAFT
    assert not wizard.window.read_only
    assert wizard.window.finalise_button.isEnabled()


def test_a_child_in_a_municipality_that_cannot_receive_yet_stays_a_draft_and_the_person_is_told_whom_to_phone(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard_package.install(services)  # the app's own finaliser, routing through the shipped directory
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    # Københavns Kommune is in the directory with its phone numbers, but with no intake yet.
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen", municipality="Københavns")
    assert wizard.window.answers["child.municipality"] == "101"
    wizard.fill_events()
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.finalise()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=30000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    text = box.text()
    assert "Københavns Kommune kan endnu ikke modtage underretninger gennem Underret" in text
    assert "Ring til Københavns Kommune på 33 17 42 24 i dag" in text
    assert "gemt her som kladde og bliver ikke sendt af sig selv" in text  # not "waits": it is not queued
    box.close()
    draft_id = wizard.window.draft_id
    assert services.require_vault().notifications.get_summary(draft_id).state is NotificationState.DRAFT
    assert wizard.window.answers["events.observations"]  # nothing written is lost
    assert not wizard.window.read_only and wizard.window.finalise_button.isEnabled()


def test_a_finalised_notification_opens_read_only_and_a_correction_refers_to_it(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: RecipientPrivateKey, qtbot: QtBot
) -> None:
    services.wizard_factory = wizard_package.open_wizard_window
    wizard = open_wizard()
    wizard.fill_complete()
    wizard.finalise()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    first_id = wizard.window.draft_id
    wizard.window.close()

    reopened = open_wizard(first_id)
    assert reopened.window.read_only
    assert "Emma Louise Hansen" in reopened.window.document_view.toPlainText()
    # Read by a screen reader as a document with headings, without private separator characters.
    assert names(reopened.window.document_view, QAccessible.Role.Heading)[:3] == [
        "Underretning", "Grundlag for underretningen (barnets lov § 133)", "Barnet"]
    assert_no_private_separators(reopened.window.document_view)
    assert not reopened.window.next_button.isVisible()
    assert not reopened.window.discard_button.isVisible()
    reopened.tab_to(reopened.window.correct_button)
    reopened.press(Qt.Key.Key_Space)
    corrections = [w for w in services._windows if isinstance(w, WizardWindow) and w.isVisible()]
    assert len(corrections) == 1
    correction = corrections[0]
    assert correction.draft_id not in (None, first_id)
    assert correction.answers[CORRECTS_KEY] == first_id
    assert correction.answers["child.name"] == "Emma Louise Hansen"
    assert correction.correction_note is not None
    said = correction.correction_note.text()
    assert said.startswith("Dette er en rettelse af underretningen med referencenummer "
                           f"{first_id[:8].upper()}, gjort færdig ")
    correction.finalise()
    asked = correction.sending.confirmation
    assert asked is not None and asked.isVisible()
    assert any(what == "Retter" and answer in said for what, answer in asked.rows)
    asked.accept()
    qtbot.waitUntil(lambda: correction.read_only, timeout=30000)
    vault = services.require_vault()
    document = NotificationDocument.model_validate_json(vault.notifications.get_document(correction.draft_id))
    assert document.corrects == first_id
    assert vault.notifications.get_summary(first_id).state is NotificationState.QUEUED


def test_a_notification_whose_content_was_deleted_after_retention_says_so(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: RecipientPrivateKey, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.fill_complete()
    wizard.finalise()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    notification_id = wizard.window.draft_id
    wizard.window.close()
    services.require_vault().notifications.purge_content(notification_id)
    reopened = open_wizard(notification_id)
    assert reopened.window.read_only
    assert reopened.window.read_only_label.isVisible()
    assert reopened.window.read_only_label.text()
    assert "Emma" not in reopened.window.document_view.toPlainText()
    assert not reopened.window.correct_button.isVisible()


def test_from_a_finished_notification_a_sibling_is_notified_about_with_the_family_filled_in(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: RecipientPrivateKey, qtbot: QtBot
) -> None:
    services.wizard_factory = wizard_package.open_wizard_window
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    group = wizard.editor("child.siblings")
    wizard.tab_to(group.add_button)
    wizard.press(Qt.Key.Key_Space)
    wizard.type_into("child.siblings[0].name", "Oskar Hansen")
    wizard.type_into("child.siblings[0].birth_date", "01-05-2020")
    wizard.fill_events()
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.finalise()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    first_id = wizard.window.draft_id

    button = wizard.window.findChild(SiblingButton)
    assert button is not None
    qtbot.waitUntil(button.isVisible)  # a widget put into a shown layout is shown a turn later (queued)
    assert button.text() == "Underret også om en &søskende"
    wizard.tab_to(button)
    wizard.press(Qt.Key.Key_Space)  # opens the menu: the named sibling, then "another child"
    qtbot.waitUntil(lambda: button.menu_.isVisible())
    assert [a.text() for a in button.menu_.actions()] == ["Oskar Hansen", "Et andet barn i familien"]
    QTest.keyClick(button.menu_, Qt.Key.Key_Down)
    QTest.keyClick(button.menu_, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: any(isinstance(w, WizardWindow) and w.isVisible() and w.draft_id != first_id
                                for w in services._windows), timeout=10000)
    sibling = next(w for w in services._windows
                   if isinstance(w, WizardWindow) and w.isVisible() and w.draft_id != first_id)
    assert sibling.page_id == "child"
    answers = sibling.answers
    assert answers["child.name"] == "Oskar Hansen" and answers["child.birth_date"] == "2020-05-01"
    assert answers["child.municipality"] == "265"
    assert answers["child.siblings"] == [{"name": "Emma Louise Hansen", "cpr": "120522-4006"}]
    assert answers["notifier.name"] == "Mette Jensen"
    assert "events.observations" not in answers
    first = services.require_vault().notifications.get_summary(first_id)
    assert first.state is not NotificationState.DRAFT  # the finished one is untouched
