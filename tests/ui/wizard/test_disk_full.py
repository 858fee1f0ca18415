"""A full disk: the person is told "the disk is full", and nothing typed is dropped, not even at lock.

The profile lives on a small tmpfs that the test fills to the last byte (``tests/support/small_disk.py``):
SQLite's writes meet a real full disk. The draft opens all the same, typing stays in the window, and a
lock while it cannot be saved keeps the text in memory and brings it back after the unlock, still
saying it is not saved, until the disk has room again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop import eventlog
from desktop.app import Services
from desktop.ui.announce import announcements
from desktop.ui.wizard.window import WizardWindow
from tests.support.small_disk import SmallDisk
from tests.ui.wizard.conftest import TODAY

UNSAVED = "Hun sagde, at hun ikke tør gå hjem. Dette er endnu ikke gemt."


@pytest.fixture(autouse=True)
def disk(isolated_user_folders: Path) -> Iterator[SmallDisk]:
    """The profiles folder on its own small file system (made before the profile is)."""
    small = SmallDisk(isolated_user_folders / "profiles").mount()
    eventlog.install(isolated_user_folders / "logs")  # not on the full disk
    try:
        yield small
    finally:
        eventlog.uninstall()
        small.unmount()


def _factory(services: Services) -> None:
    def make(services: Services, draft_id: str | None) -> WizardWindow:
        return WizardWindow(services, draft_id, today=lambda: TODAY)

    services.wizard_factory = make


def _draft(open_wizard: Callable[..., Any], qtbot: QtBot) -> str:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Hansen")
    qtbot.waitUntil(lambda: not wizard.window.keeper.dirty and wizard.window.draft_id is not None,
                    timeout=10000)
    draft_id: str = wizard.window.draft_id
    wizard.window.close()
    return draft_id


def _says_disk_full(window: WizardWindow) -> bool:
    return "disken er fuld" in window.save_label.text().lower()


def test_a_draft_opens_on_a_full_disk_and_says_so(
        open_wizard: Callable[..., Any], services: Services, qtbot: QtBot, disk: SmallDisk) -> None:
    draft_id = _draft(open_wizard, qtbot)
    disk.fill(services.require_vault()._connection.raw)

    wizard = open_wizard(draft_id)  # "Open" used to do nothing here

    assert wizard.editor("child.name").value() == "Emma Hansen"
    assert _says_disk_full(wizard.window), wizard.window.save_label.text()
    wizard.type_into("child.name", " Louise")
    wizard.window.close()  # closing would drop the typing: the window stays, with it
    assert wizard.window.isVisible()
    disk.free()
    wizard.window.close()
    assert not wizard.window.isVisible()


def test_typing_that_cannot_be_saved_survives_the_lock_and_comes_back_after_unlock(
        open_wizard: Callable[..., Any], services: Services, qtbot: QtBot, disk: SmallDisk) -> None:
    _factory(services)
    draft_id = _draft(open_wizard, qtbot)
    wizard = open_wizard(draft_id)
    disk.fill(services.require_vault()._connection.raw)
    heard = announcements()
    heard.clear()
    wizard.fill_events(UNSAVED)
    qtbot.waitUntil(lambda: _says_disk_full(wizard.window), timeout=10000)  # told at once, not later
    # ... and to a screen reader, at once and once, however often the autosave tries again.
    wizard.window.keeper.changed()
    assert not wizard.window.keeper.save_now()  # tried again: still full
    said = [a for a in heard.record if a.text == wizard.window.save_label.text()]
    assert len(said) == 1 and said[0].urgent
    heard.clear()

    services.session.lock()  # the idle time, Ctrl+L, the lid closing: the window closes
    assert not wizard.window.isVisible()
    services.session.finish_unlock()  # the person unlocks again

    reopened = [w for w in services._windows if isinstance(w, WizardWindow) and w.isVisible()]
    assert len(reopened) == 1
    window = reopened[0]
    assert window.draft_id == draft_id
    assert window.answers["events.observations"] == UNSAVED  # kept in memory, not dropped
    assert window.page_id == "events"
    qtbot.waitUntil(lambda: _says_disk_full(window), timeout=10000)  # and still said: not saved yet
    log_folder = services.profiles.root / "logs"
    [logged] = [e for e in eventlog.recent_problems(log_folder) if e.message_id == "vault.disk_full"]
    assert f"draft={draft_id}" in logged.text and UNSAVED not in logged.text

    disk.free()  # IT makes room: the next autosave writes it
    window.keeper.changed()
    qtbot.waitUntil(lambda: not window.keeper.dirty, timeout=10000)
    saved = services.require_vault().notifications.get_draft(draft_id).answers
    assert saved["events.observations"] == UNSAVED
