"""Exporting a notification's PDF copy to a file, only when the user explicitly asks.

The vault protects a notification; an exported file does not. So the user is
warned first, in plain words, and only then asked where to save. The file
name suggested holds the short reference only; a name containing the child's
CPR number is refused (CPR numbers never go into file names). The file is
created readable by its owner only where the system allows it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.documents.formatting import short_id
from desktop.domain.document import NotificationDocument

log = logging.getLogger(__name__)

#: Short name for translations; lupdate reads the literal context and text of each call.
_i18n = QCoreApplication


def suggested_file_name(document: NotificationDocument) -> str:
    """``underretning-3F2A9C1B.pdf``: the short reference only, never a name or CPR number."""
    stem = _i18n.translate("DocumentExport", "notification")
    return f"{stem}-{short_id(document.notification_id)}.pdf"


def confirm_unprotected_export(parent: QWidget | None) -> bool:
    """Warn that the exported file is not protected; ``True`` only if the user goes on."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_i18n.translate("DocumentExport", "Export as PDF"))
    box.setText(_i18n.translate("DocumentExport", "The exported file is not protected"))
    box.setInformativeText(_i18n.translate(
        "DocumentExport",
        "Anyone who can open the file can read the whole notification, including the child's CPR "
        "number. Save it only where it is needed, for example to print it, and delete it as soon as "
        "you have used it."))
    box.setAccessibleName(
        _i18n.translate("DocumentExport", "Warning: the exported file is not protected"))
    go_on = box.addButton(_i18n.translate("DocumentExport", "Export anyway"),
                          QMessageBox.ButtonRole.AcceptRole)
    go_on.setAccessibleName(
        _i18n.translate("DocumentExport", "Export the notification as an unprotected PDF file"))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(_i18n.translate("DocumentExport", "Cancel the export"))
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go_on


def _default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def _names_cpr(path: str, document: NotificationDocument) -> bool:
    cpr = document.child.cpr
    if not cpr:
        return False
    digits_in_name = "".join(ch for ch in Path(path).name if ch.isdigit())
    return cpr.replace("-", "") in digits_in_name


def _ask_for_path(parent: QWidget | None, document: NotificationDocument) -> str | None:
    suggestion = str(_default_folder() / suggested_file_name(document))
    while True:
        path, _filter = QFileDialog.getSaveFileName(
            parent, _i18n.translate("DocumentExport", "Save the notification as PDF"), suggestion,
            _i18n.translate("DocumentExport", "PDF files (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if not _names_cpr(path, document):
            return path
        box = QMessageBox(
            QMessageBox.Icon.Information, _i18n.translate("DocumentExport", "Export as PDF"),
            _i18n.translate("DocumentExport", "The file name contains the child's CPR number. Please "
                            "choose another name; a CPR number must never be part of a file name."),
            QMessageBox.StandardButton.Ok, parent)
        box.setAccessibleName(_i18n.translate("DocumentExport", "The file name contains a CPR number"))
        box.exec()


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, readable by its owner only where the system supports it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def export_pdf(parent: QWidget | None, document: NotificationDocument, *, pdf: bytes | None = None,
               demo: bool = False) -> Path | None:
    """Warn, ask for a path, write the PDF copy there; the path written, or ``None`` if nothing was.

    Pass ``pdf`` (the stored copy of a finalised notification) to export exactly
    the bytes that were sent; otherwise the copy is rendered now.
    """
    if not confirm_unprotected_export(parent):
        return None
    chosen = _ask_for_path(parent, document)
    if chosen is None:
        return None
    from desktop.documents.pdf import render_pdf  # here: reportlab is slow to import at start-up

    data = pdf if pdf is not None else render_pdf(document, demo=demo)
    target = Path(chosen)
    try:
        _write_private(target, data)
    except OSError as error:
        # The path is the user's choice and may say who the child is: log the kind of failure only.
        log.warning("PDF export failed: %s", type(error).__name__)
        box = QMessageBox(
            QMessageBox.Icon.Critical, _i18n.translate("DocumentExport", "Export as PDF"),
            _i18n.translate("DocumentExport", "The file could not be saved there. Choose another "
                            "folder, or check that there is room on the disk."),
            QMessageBox.StandardButton.Ok, parent)
        box.setAccessibleName(_i18n.translate("DocumentExport", "The export failed"))
        box.exec()
        return None
    log.info("notification exported as PDF at the user's request")
    return target
