"""Exporting the PDF copy: only after a clear warning, only where the user chooses.

The one fake here is the native save-file dialog (``QFileDialog.getSaveFileName``),
which cannot be driven offscreen; the warning is a real message box, answered
as a user would.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pypdf
import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.documents.pdf import render_pdf
from desktop.domain.document import NotificationDocument
from desktop.ui.documents import DocumentActions, PrintableCopy, export_pdf, suggested_file_name

if TYPE_CHECKING:  # fixture types; conftest.py is pytest's to import
    from tests.ui.documents.conftest import DialogAnswerer


class FakeSaveFileDialog:
    """Fake of the native save dialog: returns the paths a user would pick, records what it offered."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.suggestions: list[str] = []

    def __call__(self, parent: QWidget | None, caption: str, suggestion: str,
                 filters: str) -> tuple[str, str]:
        self.suggestions.append(suggestion)
        return (self.answers.pop(0) if self.answers else ""), filters


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _install(monkeypatch: pytest.MonkeyPatch, fake: FakeSaveFileDialog) -> FakeSaveFileDialog:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return fake


def test_export_warns_first_and_cancelling_the_warning_writes_nothing(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    fake = _install(monkeypatch, FakeSaveFileDialog(str(tmp_path / "kopi.pdf")))
    dialogs.queue("Cancel")
    assert export_pdf(window, rich_document) is None
    assert "not protected" in dialogs.message(0)
    assert fake.suggestions == []  # never even asked where to save
    assert list(tmp_path.glob("*.pdf")) == []


def test_export_after_accepting_the_warning_writes_a_readable_pdf(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    target = tmp_path / "kopi"
    _install(monkeypatch, FakeSaveFileDialog(str(target)))
    dialogs.queue("Export anyway")
    written = export_pdf(window, rich_document)
    assert written == tmp_path / "kopi.pdf"  # .pdf added when the user left it out
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(written.read_bytes())).pages)
    assert "Åse Ødegård Ærenlund" in text
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(written).st_mode) == 0o600


def test_export_of_a_finalised_notification_writes_the_stored_copy_byte_for_byte(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    stored = render_pdf(rich_document, demo=True)
    _install(monkeypatch, FakeSaveFileDialog(str(tmp_path / "sendt.pdf")))
    dialogs.queue("Export anyway")
    written = export_pdf(window, rich_document, pdf=stored)
    assert written is not None and written.read_bytes() == stored


def test_cancelling_the_save_dialog_writes_nothing(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    fake = _install(monkeypatch, FakeSaveFileDialog(""))
    dialogs.queue("Export anyway")
    assert export_pdf(window, rich_document) is None
    assert len(fake.suggestions) == 1
    assert list(tmp_path.rglob("*.pdf")) == []


def test_suggested_file_name_holds_the_reference_never_the_child(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = _install(monkeypatch, FakeSaveFileDialog(""))
    dialogs.queue("Export anyway")
    export_pdf(window, rich_document)
    suggestion = Path(fake.suggestions[0]).name
    assert suggestion == suggested_file_name(rich_document) == "notification-3F2A9C1B.pdf"
    assert "Åse" not in suggestion and "0101174321" not in suggestion and "010117" not in suggestion


def test_a_file_name_with_the_childs_cpr_is_refused_and_the_user_asked_again(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    bad = tmp_path / "010117-4321.pdf"
    good = tmp_path / "underretning.pdf"
    fake = _install(monkeypatch, FakeSaveFileDialog(str(bad), str(good)))
    dialogs.queue(("Export anyway"), ("OK"))
    assert export_pdf(window, rich_document) == good
    assert "CPR" in dialogs.message(1)
    assert len(fake.suggestions) == 2
    assert not bad.exists() and good.exists()


def test_a_folder_that_cannot_be_written_is_explained_and_nothing_claimed(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    _install(monkeypatch, FakeSaveFileDialog(str(tmp_path / "findes-ikke" / "kopi.pdf")))
    dialogs.queue(("Export anyway"), ("OK"))
    assert export_pdf(window, rich_document) is None
    assert "could not be saved" in dialogs.message(1)


def test_actions_offer_print_and_export_with_accessible_buttons(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    actions = DocumentActions(window, lambda: PrintableCopy(rich_document))
    row = actions.button_row(window)
    push = row.findChildren(QPushButton)
    assert [b.accessibleName() for b in push] == [
        "Print the notification", "Export the notification as an unprotected PDF file"]
    actions.set_enabled(False)
    assert not any(b.isEnabled() for b in push)
    actions.set_enabled(True)
    _install(monkeypatch, FakeSaveFileDialog(str(tmp_path / "kopi.pdf")))
    dialogs.queue("Export anyway")
    push[1].click()
    assert (tmp_path / "kopi.pdf").read_bytes().startswith(b"%PDF")


def test_export_warning_speaks_danish_when_the_app_does(
    window: QWidget, rich_document: NotificationDocument, dialogs: DialogAnswerer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    import subprocess

    from PySide6.QtCore import QCoreApplication, QTranslator

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    compiled = tmp_path / "underret_documents_da.qm"
    source = Path(__file__).resolve().parents[3] / "i18n" / "underret_documents_da.ts"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(compiled)], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    try:
        fake = _install(monkeypatch, FakeSaveFileDialog(""))
        dialogs.queue("Gem alligevel")
        assert export_pdf(window, rich_document) is None
        assert dialogs.message(0) == "Filen, du gemmer, er ikke beskyttet"
        assert Path(fake.suggestions[0]).name == "underretning-3F2A9C1B.pdf"
    finally:
        QCoreApplication.removeTranslator(translator)
