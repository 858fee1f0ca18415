"""Fixtures for the desk's windows: a real desk vault with fictitious notifications, Danish texts.

The desk's clock is fixed (``NOW``), so deadlines read the same on every run; file and folder
choosers are replaced by ones that answer with a path in the test's folder (a native dialog
cannot be driven offscreen).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.desk.service import DeskService
from desktop.desk.store.vault import DeskVault
from desktop.domain.deadlines import DANISH_TIME
from desktop.store.keys import KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory
from desktop.ui.desk.context import DeskContext
from desktop.ui.operations import wait_for_all
from desktop.ui.services import Translations
from desktop.ui.session import SessionLock
from tests.support.desk import fictitious_cpr, seed_desk

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
CHILD_CPR = fictitious_cpr(date(2018, 4, 2))
PASSPHRASE = "modtagelsen i Ærø"


@pytest.fixture(scope="session")
def desk_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts files compiled into this run's folder (the texts that ship)."""
    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(lrelease) if lrelease.exists() else (shutil.which("pyside6-lrelease") or "pyside6-lrelease")
    for ts in sorted((ROOT / "i18n").glob("*_da.ts")):
        subprocess.run([tool, "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)], check=True)
    return out


@pytest.fixture(autouse=True)
def no_windows_left_from_earlier_tests(qapp: QApplication) -> None:
    """Close windows other test modules left open: a visible leftover main window's application-wide
    Ctrl+L would be ambiguous with the desk's (Qt then fires neither)."""
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.close()


@pytest.fixture
def danish(qapp: QApplication, desk_translations: Path) -> Iterator[Translations]:
    translations = Translations(qapp, desk_translations)
    translations.install("da")
    yield translations
    translations.uninstall()


@dataclass
class Seeded:
    """The seeded notifications' ids, by role in the story."""

    acute_new: str
    overdue: str
    third_about_child: str
    assessed: str


@pytest.fixture
def desk_vault(tmp_path: Path) -> Iterator[DeskVault]:
    profiles = ProfileDirectory(tmp_path / "desk", scrypt=ScryptParams(n=2**10), vault_type=DeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, PASSPHRASE)
    vault = DeskVault.open(info.vault_path, key)
    zero(key)
    yield vault
    vault.close()


@pytest.fixture
def seeded(desk_vault: DeskVault) -> Seeded:
    ids = seed_desk(desk_vault, NOW)
    # The day's summary was seen already (its own test starts without this).
    desk_vault.settings.set("summary_shown_on", NOW.astimezone(DANISH_TIME).date().isoformat())
    return Seeded(**ids)


@dataclass
class Chosen:
    """What the replaced file dialogs answer (None: the person cancelled)."""

    save_path: Path | None = None
    folder: Path | None = None
    open_path: Path | None = None


@pytest.fixture
def chosen(tmp_path: Path) -> Chosen:
    return Chosen(save_path=tmp_path / "out" / "rapport.pdf", folder=tmp_path / "sagssystem")


@pytest.fixture
def context(desk_vault: DeskVault, seeded: Seeded, chosen: Chosen, danish: Translations,
            qapp: QApplication) -> Iterator[DeskContext]:
    service = DeskService(desk_vault, clock=lambda: NOW)
    session = SessionLock(5)

    def save(_parent: QWidget, _title: str, _suggested: str) -> Path | None:
        return chosen.save_path

    def folder(_parent: QWidget, _title: str, _suggested: str) -> Path | None:
        return chosen.folder

    def open_path(_parent: QWidget, _title: str, _suggested: str) -> Path | None:
        return chosen.open_path

    made = DeskContext(service, session, choose_save_path=save, choose_folder=folder,
                       choose_open_path=open_path)
    yield made
    session.stop()
    wait_for_all()
    for window in QApplication.topLevelWidgets():
        window.close()
    wait_for_all()
