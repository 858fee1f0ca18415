"""Drafts are never lost: saved while typing, listed with the child's initials, reopened where left."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.errors import NotificationNotFound
from desktop.ui import wizard as wizard_package
from desktop.ui.main_window import MainWindow
from desktop.ui.notification_table_model import ID_ROLE, Column, Group
from desktop.ui.wizard.recovery import SessionRecovery
from desktop.ui.wizard.window import WizardWindow


def _wait_saved(qtbot: QtBot, window: WizardWindow) -> None:
    qtbot.waitUntil(lambda: not window.keeper.dirty and window.draft_id is not None, timeout=10000)


def _saved_draft(open_wizard: Callable[..., Any], qtbot: QtBot) -> Any:
    """A new notification about Emma, typed up to the child page and saved as a draft."""
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Hansen")
    _wait_saved(qtbot, wizard.window)
    return wizard


def test_what_is_typed_reaches_the_vault_without_pressing_anything(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    _wait_saved(qtbot, wizard.window)
    draft = services.require_vault().notifications.get_draft(wizard.window.draft_id)
    assert draft.answers["child.name"] == "Emma Louise Hansen"
    assert draft.answers["child.cpr"] == "120522-4006"
    assert draft.page == "child"


def test_the_main_window_lists_the_draft_with_the_childs_initials(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    _wait_saved(qtbot, wizard.window)
    main = MainWindow(services)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.loaded, timeout=10000):
        main.refresh()
    drafts = main.views[Group.DRAFTS].model()
    rows = [r for r in range(drafts.rowCount())
            if drafts.index(r, Column.CHILD).data(ID_ROLE) == wizard.window.draft_id]
    assert len(rows) == 1
    assert drafts.index(rows[0], Column.CHILD).data() == "EH"
    assert drafts.index(rows[0], Column.UPDATED).data()


def test_reopening_a_draft_returns_to_the_page_the_person_left(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Hansen")
    wizard.fill_events("Hun havde et blåt mærke på kinden.")
    draft_id = wizard.window.draft_id
    wizard.window.close()
    again = open_wizard(draft_id)
    assert again.window.page_id == "events"
    assert again.editor("events.observations").value() == "Hun havde et blåt mærke på kinden."
    assert again.editor("child.name").value() == "Emma Hansen"
    assert QApplication.focusWidget() is again.editor("events.observations").focus_target()


def test_discarding_asks_once_and_removes_the_draft_from_the_vault(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard = _saved_draft(open_wizard, qtbot)
    draft_id = wizard.window.draft_id
    window = wizard.window
    wizard.tab_to(window.discard_button)
    wizard.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.defaultButton().objectName() == "keepDraft"  # Enter alone never deletes
    delete = box.findChild(type(box.defaultButton()), "confirmDiscard")
    assert delete is not None
    delete.setFocus()
    QApplication.sendEvent(delete, _space_press())
    QApplication.sendEvent(delete, _space_release())
    qtbot.waitUntil(lambda: not window.isVisible())
    with pytest.raises(NotificationNotFound):
        services.require_vault().notifications.get_summary(draft_id)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_keeping_the_draft_when_asked_changes_nothing(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard = _saved_draft(open_wizard, qtbot)
    wizard.tab_to(wizard.window.discard_button)
    wizard.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert box is not None
    wizard.qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert wizard.window.isVisible()
    assert services.require_vault().notifications.get_draft(wizard.window.draft_id).answers["child.name"] \
        == "Emma Hansen"


def test_locking_saves_the_draft_and_it_comes_back_after_unlocking(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard_package.install(services)
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Hansen")
    wizard.go_on_to("child")
    draft_id = wizard.window.draft_id
    wizard.type_into("child.address", "Skolevej 2")  # typed just before the lock: not saved yet
    window = wizard.window
    services.session.lock()
    assert not window.isVisible()
    assert services.require_vault().notifications.get_draft(draft_id).answers["child.address"] == "Skolevej 2"
    services.session.finish_unlock()
    reopened = [w for w in services._windows if isinstance(w, WizardWindow) and w.isVisible()]
    assert len(reopened) == 1
    assert reopened[0].draft_id == draft_id
    assert reopened[0].page_id == "child"


def test_after_a_crash_the_next_unlock_offers_the_draft_that_was_open(
    services: Services, qtbot: QtBot, open_wizard: Callable[..., Any]
) -> None:
    wizard = _saved_draft(open_wizard, qtbot)
    draft_id = wizard.window.draft_id
    vault = services.require_vault()
    # What the previous run left behind when it died: a session still open, this draft in it.
    vault.profile.begin_session(datetime.now(UTC))
    vault.profile.note_open_draft(draft_id)
    wizard.window.closing = True  # the process died: no clean close
    wizard.window.close()
    services.wizard_factory = wizard_package.open_wizard_window
    recovery = SessionRecovery(services)
    with qtbot.waitSignal(recovery.offered, timeout=5000) as offered:
        services.session.finish_unlock()
    box = offered.args[0]
    assert isinstance(box, QMessageBox)
    assert "EH" in box.text()
    open_button = box.defaultButton()
    assert open_button.objectName() == "openRecovered"
    open_button.click()
    reopened = [w for w in services._windows if isinstance(w, WizardWindow) and w.isVisible()]
    assert [w.draft_id for w in reopened] == [draft_id]
    assert reopened[0].answers["child.name"] == "Emma Hansen"
    # After a lock (a clean end) the next unlock offers nothing.
    services.session.lock()
    with qtbot.assertNotEmitted(recovery.offered):
        services.session.finish_unlock()


def _space_press() -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")


def _space_release() -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")


def test_opening_a_draft_that_is_already_open_keeps_one_window_and_loses_nothing(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    first = open_wizard()
    first.choose("acute.in_danger", "no")
    first.fill_child(cpr="120522-4006", name="Emma Hansen")
    _wait_saved(qtbot, first.window)
    first.type_into("child.address", "Skolevej 2")  # not saved yet when the second window opens
    draft_id = first.window.draft_id
    second = open_wizard(draft_id)
    open_windows = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, WizardWindow) and w.isVisible()]
    assert open_windows == [second.window]
    assert second.window.answers["child.address"] == "Skolevej 2"


def test_clicking_through_pages_waits_for_no_disk_yet_the_page_is_kept_and_typing_is_saved_at_once(
    open_wizard: Callable[..., Any], services: Services, qtbot: QtBot
) -> None:
    wizard = _saved_draft(open_wizard, qtbot)
    draft_id = wizard.window.draft_id
    assert draft_id is not None
    notifications = services.require_vault().notifications
    writes: list[str] = []
    wizard.window.keeper.saved.connect(writes.append)

    wizard.next_page()  # nothing typed: the moves alone are not written while the person clicks on
    wizard.next_page()
    moved_to = wizard.window.page_id
    assert moved_to != "child"
    assert writes == []
    assert notifications.get_draft(draft_id).page == "child"
    _wait_saved(qtbot, wizard.window)  # the autosave keeps the page all the same
    assert notifications.get_draft(draft_id).page == moved_to

    observation = "Hun havde et blåt mærke på kinden."
    wizard.fill_events(observation)
    writes.clear()
    wizard.next_page()  # what was typed is written before the next page shows
    assert writes == [draft_id]
    assert notifications.get_draft(draft_id).answers["events.observations"] == observation
