"""The municipality view: what arrived at the built-in intake, as the caseworker would read it.

Left, every envelope the intake holds (reference and time received); right,
the selected one decrypted with the demo key — the receipt first (reference,
received at, sender's key fingerprint, whether the sender's signature is
valid), then the notification laid out as the printed copy. Decryption happens
in memory only, on demand; nothing decrypted is written to disk.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.demo.intake import ReceivedNotification
from desktop.documents.attachment_listing import received_html
from desktop.documents.formatting import format_datetime
from desktop.documents.html import Colours, render_html
from desktop.ui import theme
from desktop.ui.document_view import DocumentBody, DocumentView
from desktop.ui.geometry import fit_to_screen
from desktop.ui.messages import text_for
from desktop.ui.wrapping import wrap_items


class MunicipalityView(QDialog):
    """Both sides of the delivery for the trainer: ``refresh()`` re-reads the intake."""

    def __init__(self, read_received: Callable[[], list[ReceivedNotification]], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoMunicipalityView")
        self._read = read_received
        self._language = language if language in ("da", "en") else "da"
        self._items: list[ReceivedNotification] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list_label = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("receivedList")
        wrap_items(self.list)
        self.list_label.setBuddy(self.list)
        # Its heading a heading, each value a line of its own named "Referencenummer: DEMO-…".
        self.receipt = DocumentBody()
        self.receipt.setObjectName("receiptDetails")
        self.content = DocumentView()
        self.content.setObjectName("receivedContent")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        left = QVBoxLayout()
        left.addWidget(self.list_label)
        left.addWidget(self.list)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.receipt)
        right.addWidget(self.content, 1)
        columns.addLayout(right, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.retranslate()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.averageCharWidth() * 130, metrics.height() * 36)
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Municipality view – Demo Kommune"))
        self.intro.setText(self.tr("This is what Demo Kommune's children's services received, opened with "
                                   "the municipality's key. In real life only the municipality can read it."))
        self.list_label.setText(self.tr("&Received notifications"))
        self.list.setAccessibleName(self.tr("Received notifications"))
        self.content.setAccessibleName(self.tr("The notification as the municipality reads it"))
        self.receipt.setAccessibleName(self.tr("Confirmation of delivery"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self._show(self.list.currentRow())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Re-read what the intake holds; keeps the selection where possible."""
        selected = self.selected_id()
        self._items = self._read()
        self.list.blockSignals(True)
        self.list.clear()
        for item in self._items:
            row = QListWidgetItem(f"{item.reference} – {format_datetime(item.received_at, self._language)}")
            row.setData(Qt.ItemDataRole.UserRole, item.notification_id)
            self.list.addItem(row)
        self.list.blockSignals(False)
        if not self._items:
            self.receipt.clear()
            self.content.setPlainText(self.tr("Nothing has arrived yet. File a notification in the demo, "
                                              "and it appears here once it has been delivered."))
            return
        if selected is None or not self.select(selected):
            self.list.setCurrentRow(0)
            self._show(0)

    def selected_id(self) -> str | None:
        row = self.list.currentRow()
        return self._items[row].notification_id if 0 <= row < len(self._items) else None

    def select(self, notification_id: str) -> bool:
        """Show one notification (by its id); False if it has not arrived."""
        for row, item in enumerate(self._items):
            if item.notification_id == notification_id:
                self.list.setCurrentRow(row)
                self._show(row)
                return True
        return False

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            return
        item = self._items[row]
        signature = (self.tr("valid") if item.sender_signature_valid else self.tr("NOT valid"))
        rows = [
            (self.tr("Reference"), item.reference),
            (self.tr("Received at"), format_datetime(item.received_at, self._language)),
            (self.tr("Sender's key"), item.sender_fingerprint),
            (self.tr("Sender's signature"), signature),
        ]
        receipt_heading = self.tr("Confirmation of delivery sent to the notifier")
        table = "".join(f"<tr><td width='30%'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                        for k, v in rows)
        self.receipt.setHtml(f"<h3>{html.escape(receipt_heading)}</h3>"
                             f"<table width='100%' cellpadding='3'>{table}</table>")
        if item.document is not None:
            # The copy, then what was carried beside it: each attachment checked, pictures shown.
            received = received_html(item.document.attachments, item.attachments, item.document.language)
            colours, base_pt = theme.document_style()
            assert isinstance(colours, Colours)
            copy = render_html(item.document, colours, base_pt)
            self.content.setHtml(copy.replace("</body>", received + "</body>", 1))
        else:
            problem = text_for(item.problem_id or "envelope.malformed")
            could_not_open = self.tr("This envelope could not be opened with the demo key:")
            self.content.setPlainText(f"{could_not_open} {problem}")

    def shown_text(self) -> str:
        """Receipt and notification as plain text (what a screen reader reads; tests)."""
        return self.receipt.toPlainText() + "\n" + self.content.toPlainText()
