"""Printing the copy from the app.

The physical printer is the boundary that cannot run here: a real ``QPrinter``
with PDF output into the test's folder stands in for it, and the printed
pages are read back with pypdf.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.documents.formatting import content_hash
from desktop.domain.document import NotificationDocument
from desktop.ui.documents import new_printer, paint_copy, print_document
from tests.support.document import with_every_text

if TYPE_CHECKING:  # fixture types; conftest.py is pytest's to import
    from tests.ui.documents.conftest import DialogAnswerer


def pdf_printer(path: Path) -> QPrinter:
    """A real printer whose paper is a PDF file in the test folder (no physical printer here)."""
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _pages(path: Path) -> list[str]:
    """The text of each printed page; Qt's PDF output separates words with tabs."""
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [re.sub(r"[ \t]+", " ", page.extract_text()) for page in reader.pages]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_printed_pages_show_danish_letters_page_numbers_and_hash(
    qapp: QApplication, rich_document: NotificationDocument, tmp_path: Path
) -> None:
    paper = tmp_path / "papir.pdf"
    count = paint_copy(pdf_printer(paper), rich_document)
    pages = _pages(paper)
    assert len(pages) == count > 1
    everything = "\n".join(pages)
    for words in ("Åse Ødegård Ærenlund", "010117-4321", "Fysisk vold", "Barnets egne ord", "AKUT"):
        assert _squeeze(words) in _squeeze(everything)
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} af {count}" in text
        assert _squeeze(content_hash(rich_document)[:16]) in _squeeze(text)


def test_printed_demo_copy_has_the_watermark_on_every_page(
    qapp: QApplication, rich_document: NotificationDocument, tmp_path: Path
) -> None:
    paper = tmp_path / "demo.pdf"
    paint_copy(pdf_printer(paper), rich_document.model_copy(update={"language": "en"}), demo=True)
    pages = _pages(paper)
    # Qt sets "fi" as a ligature and splits the rotated line: compare letters only.
    assert all(_squeeze("DEMO — fictitious data") in _squeeze(text) for text in pages)
    assert "Page 1 of" in pages[0]


def test_print_dialog_accepted_prints_and_the_job_name_holds_no_child_data(
    qtbot: QtBot, rich_document: NotificationDocument, dialogs: DialogAnswerer, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    paper = tmp_path / "udskrift.pdf"
    printer = pdf_printer(paper)
    shown: list[QDialog] = []

    def accept(dialog: QDialog) -> None:
        shown.append(dialog)
        dialog.accept()

    dialogs.queue(accept)
    assert print_document(window, rich_document, printer=printer) is True
    assert isinstance(shown[0], QPrintDialog)
    assert printer.docName() == "Underretning 3F2A9C1B"
    assert "Side 1 af" in _pages(paper)[0]


def test_cancelling_the_print_dialog_prints_nothing(
    qtbot: QtBot, rich_document: NotificationDocument, dialogs: DialogAnswerer, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    paper = tmp_path / "udskrift.pdf"
    dialogs.queue(lambda dialog: dialog.reject())
    assert print_document(window, rich_document, printer=pdf_printer(paper)) is False
    assert not paper.exists()


@pytest.mark.parametrize("text", ["😢 <b>&amp;</b> \x07", "مرحبا كيف حالك", "Ø" * 30_000])
def test_printing_unusual_text_never_fails(
    qapp: QApplication, rich_document: NotificationDocument, tmp_path: Path, text: str
) -> None:
    concern = rich_document.concern.model_copy(update={"observations": text})
    paper = tmp_path / "papir.pdf"
    assert paint_copy(pdf_printer(paper), rich_document.model_copy(update={"concern": concern})) >= 1
    if "<b>" in text:
        assert "<b>&amp;</b>" in "".join(_pages(paper))


def test_printing_a_very_long_answer_in_every_field_still_works(
    qapp: QApplication, rich_document: NotificationDocument, tmp_path: Path
) -> None:
    hostile = with_every_text(rich_document, "Ærlig talt ved jeg ikke mere end dette. " * 150)
    paper = tmp_path / "lang.pdf"
    count = paint_copy(pdf_printer(paper), hostile)
    reader = pypdf.PdfReader(io.BytesIO(paper.read_bytes()))
    assert len(reader.pages) == count > 20
    last = re.sub(r"[ \t]+", " ", reader.pages[-1].extract_text())
    assert f"Side {count} af {count}" in last


def test_a_printer_that_cannot_start_is_explained_and_reported_as_not_printed(
    qtbot: QtBot, rich_document: NotificationDocument, dialogs: DialogAnswerer, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    unreachable = pdf_printer(tmp_path / "no-such-folder" / "udskrift.pdf")
    dialogs.queue(lambda dialog: dialog.accept(), "OK")
    assert print_document(window, rich_document, printer=unreachable) is False
    assert "could not be started" in dialogs.message(1)
