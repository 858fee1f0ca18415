"""Shared test set-up: every test gets its own user data folder and keyring.

The keyring is ``keyrings.alt``'s PlaintextKeyring writing into the test's own
folder: a real keyring backend (files on disk) that runs without a desktop
session. Tests that need a failing keyring use their own backend, named as a
fake at that boundary.

It also hands every folder the one complete, fictitious notification
(``complete_answers``, ``answers_for``), from ``tests/support/answers.py``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from tests.support.answers import ChildIdentity, complete_answers_for

#: Shared fixtures: a real vault in the test's folder (``vault``, ``vault_key``); a folder's own conftest
#: may define its own under the same name (the store tests do).
pytest_plugins = ["tests.support.vaults"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test talks to the machine's own D-Bus (logind, the desktop's screen saver): the session lock's
# watchers find no bus, unless a test hands them its own (tests/support/dbus_bus.py).
os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=/nonexistent/underret-tests-system-bus"
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/underret-tests-session-bus"


class _FolderKeyring(PlaintextKeyring):  # type: ignore[misc]  # keyrings.alt has no type information
    """PlaintextKeyring kept inside one test's folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    @property
    def file_path(self) -> str:
        return str(self._folder / "keyring_pass.cfg")


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the user data folder, policy and keyring at this test's own tmp folder."""
    data = tmp_path / "userdata"
    data.mkdir()
    monkeypatch.setenv("UNDERRET_DATA_DIR", str(data))
    monkeypatch.delenv("UNDERRET_POLICY", raising=False)
    keyring_dir = tmp_path / "keyring"
    keyring_dir.mkdir()
    previous = keyring.get_keyring()
    keyring.set_keyring(_FolderKeyring(keyring_dir))
    try:
        yield data
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def complete_answers() -> dict[str, Any]:
    """A complete, fictitious notification about a 9-year-old with a CPR number: this test's own copy."""
    return complete_answers_for("cpr")


@pytest.fixture
def answers_for() -> Callable[[ChildIdentity], dict[str, Any]]:
    """``answers_for("cpr" | "birth_date" | "unborn")``: complete answers for that kind of child."""
    return complete_answers_for


@pytest.fixture(autouse=True)
def no_translator_outlives_its_test() -> Iterator[None]:
    """Take down every Qt translator a test installed on the application and left behind.

    A translator left installed (e.g. Qt's own Danish one, by a ``Translations``
    a test built and never uninstalled) turns the next test's "Cancel" into
    "Annuller": a test answering a modal dialog by its button's text then finds
    no button, and the dialog waits for ever (the suite hung in CI that way).
    Translators are made children of the application, so they can be found.
    """
    before = _application_translators()
    yield
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is None:
        return
    app = qt_core.QCoreApplication.instance()
    for translator in _application_translators() - before:
        app.removeTranslator(translator)  # removing one already removed is a harmless no-op


def _application_translators() -> set[Any]:
    qt_core = sys.modules.get("PySide6.QtCore")  # no Qt imported yet: none can be installed
    app = qt_core.QCoreApplication.instance() if qt_core is not None else None
    return set(app.findChildren(qt_core.QTranslator)) if app is not None and qt_core is not None else set()
