"""Printing a notification's copy from the app, without a PDF viewer.

PySide6-Essentials has no QtPdf, so the copy is printed from the same outline
as the PDF, as HTML laid out by ``QTextDocument``, page by page, with the
footer (page X of Y and the content hash) and the demo watermark painted on
every page just like the PDF. The print job's name is the short reference,
never the child's name or CPR number: print queues show it to others.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPageLayout, QPageSize, QPainter, QPen, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.documents.fonts import BOLD, REGULAR, font_path
from desktop.documents.html import outline_html
from desktop.documents.outline import Outline, build_outline
from desktop.domain.document import NotificationDocument
from desktop.errors import UnderretError

log = logging.getLogger(__name__)

#: Short name for translations; lupdate reads the literal context and text of each call.
_i18n = QCoreApplication

FONT_FAMILY = "DejaVu Sans"
MUTED = QColor("#5f6b7a")
RULE = QColor("#cfd6de")
WATERMARK = QColor(154, 165, 177, 60)

_fonts_loaded = False


class PrintError(UnderretError):
    """The printer could not be started (no printer, or it refused the job)."""

    message_id = "documents.print_failed"


def _load_fonts() -> None:
    """Make the shipped DejaVu Sans available to Qt, so print and PDF use the same typeface."""
    global _fonts_loaded
    if not _fonts_loaded:
        for name in (REGULAR, BOLD):
            if QFontDatabase.addApplicationFont(str(font_path(name))) < 0:
                log.warning("could not load the shipped font %s; the system font is used", name)
        _fonts_loaded = True


def _paint_watermark(painter: QPainter, width: float, height: float, text: str) -> None:
    painter.save()
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(46)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(WATERMARK)
    painter.translate(width / 2, height / 2)
    painter.rotate(-54.7)  # along the page's diagonal, bottom left to top right
    metrics_width = painter.fontMetrics().horizontalAdvance(text)
    painter.drawText(QPointF(-metrics_width / 2, 0), text)
    painter.restore()


def _paint_footer(painter: QPainter, outline: Outline, page: int, pages: int,
                  width: float, top: float, dpi: int) -> None:
    painter.save()
    painter.setPen(QPen(RULE, max(1.0, dpi / 150)))
    rule_y = top + dpi * 0.08
    painter.drawLine(QPointF(0, rule_y), QPointF(width, rule_y))
    painter.setPen(MUTED)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(7.5)
    painter.setFont(font)
    text_rect = QRectF(0, rule_y + dpi * 0.04, width, dpi * 0.25)
    top_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    top_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    painter.drawText(text_rect, top_left, outline.footer_left)
    painter.drawText(text_rect, top_right, outline.page_of(page, pages))
    painter.restore()


def paint_copy(printer: QPrinter, document: NotificationDocument, *, demo: bool = False) -> int:
    """Print ``document`` on ``printer`` (any QPrinter, also PDF output); returns the page count.

    Raises :class:`PrintError` when the printer cannot be started.
    """
    _load_fonts()
    outline = build_outline(document)
    text = QTextDocument()
    text.setDocumentMargin(0)
    text.documentLayout().setPaintDevice(printer)
    base = QFont(FONT_FAMILY)
    base.setPointSizeF(10)
    text.setDefaultFont(base)
    text.setHtml(outline_html(outline))

    dpi = printer.resolution()
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    footer_height = dpi * 0.45  # about 11 mm for the rule and the footer line
    body = QSizeF(page.width(), page.height() - footer_height)
    text.setPageSize(body)
    pages = text.pageCount()

    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("the printer could not be started")
    try:
        for index in range(pages):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * body.height())
            text.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
            _paint_footer(painter, outline, index + 1, pages, page.width(), body.height(), dpi)
            if demo:  # last and translucent, so no coloured panel hides it
                _paint_watermark(painter, page.width(), page.height(), outline.watermark)
    finally:
        painter.end()
    log.info("notification printed (%d pages)", pages)
    return pages


def new_printer() -> QPrinter:
    """A high-resolution A4 printer set up for a notification's copy."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(20, 16, 20, 12), QPageLayout.Unit.Millimeter)
    return printer


def print_document(parent: QWidget | None, document: NotificationDocument, *, demo: bool = False,
                   printer: QPrinter | None = None) -> bool:
    """Ask which printer to use, then print the copy; ``False`` when the user cancels."""
    printer = printer if printer is not None else new_printer()
    printer.setDocName(build_outline(document).metadata_title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_i18n.translate("DocumentPrinting", "Print notification"))
    dialog.setAccessibleName(_i18n.translate("DocumentPrinting", "Choose a printer for the notification"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        paint_copy(printer, document, demo=demo)
    except PrintError:
        log.warning("printing failed: the printer could not be started")
        box = QMessageBox(
            QMessageBox.Icon.Warning, _i18n.translate("DocumentPrinting", "Print notification"),
            _i18n.translate("DocumentPrinting", "The printer could not be started. Check that it is "
                            "switched on and connected, and try again."),
            QMessageBox.StandardButton.Ok, parent)
        box.setAccessibleName(_i18n.translate("DocumentPrinting", "Printing failed"))
        box.exec()
        return False
    return True
