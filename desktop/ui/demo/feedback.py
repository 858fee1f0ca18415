"""Feedback after a training case: which expected signals the trainee marked, missed, or added.

Also shows how the delivery went (the receipt's reference once the built-in
intake has confirmed it) and leads on to the municipality view.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.demo.scenarios import Feedback, Scenario
from desktop.domain.packs import GuidelinePack
from desktop.ui.document_view import DocumentView
from desktop.ui.geometry import fit_to_screen


def _heading(text: str) -> str:
    return f"<h3>{html.escape(text)}</h3>"


class FeedbackWindow(QDialog):
    """Non-modal: stays open beside the main window while the trainer talks it through."""

    municipality_view_requested = Signal(str)

    def __init__(self, scenario: Scenario, feedback: Feedback, pack: GuidelinePack, language: str,
                 notification_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoFeedback")
        self.scenario = scenario
        self.feedback = feedback
        self.notification_id = notification_id
        self._pack = pack
        self._language = language if language in ("da", "en") else "da"
        self._reference: str | None = None
        self._received_at: str | None = None
        self._failed_reason: str | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.body = DocumentView()
        self.body.setObjectName("feedbackText")
        self.delivery_label = QLabel()
        self.delivery_label.setObjectName("deliveryStatus")
        self.delivery_label.setWordWrap(True)
        self.municipality_button = QPushButton()
        self.municipality_button.setObjectName("showMunicipalityView")
        self.municipality_button.clicked.connect(
            lambda: self.municipality_view_requested.emit(self.notification_id))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.municipality_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addWidget(self.delivery_label)
        layout.addLayout(buttons)
        self.retranslate()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.averageCharWidth() * 90, metrics.height() * 30)

    def _label(self, signal_id: str) -> str:
        # In the words the pack uses for the case's child (»Barnet …« for a 7-year-old).
        if self._pack.has_signal(signal_id):
            return self._pack.signal(signal_id).label_for(self.scenario.age_band)[self._language]
        return signal_id

    def _list(self, ids: tuple[str, ...], empty: str) -> str:
        if not ids:
            return f"<p><i>{html.escape(empty)}</i></p>"
        items = "".join(f"<li>{html.escape(self._label(i))}</li>" for i in ids)
        return f"<ul>{items}</ul>"

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("How did it go?"))
        feedback = self.feedback
        total = len(feedback.marked) + len(feedback.missed)
        self.heading.setText(self.tr("You found %1 of %2 signs in “%3”.")
                             .replace("%1", str(len(feedback.marked))).replace("%2", str(total))
                             .replace("%3", self.scenario.title[self._language]))
        marked_heading = self.tr("Signs you marked")
        missed_heading = self.tr("Signs you missed")
        extra_heading = self.tr("Other signs you marked")
        extra_note = self.tr("Other signs are not wrong: talk about why you saw them.")
        debrief_heading = self.tr("To talk about")
        parts = [
            _heading(marked_heading), self._list(feedback.marked, self.tr("None of the expected signs.")),
            _heading(missed_heading), self._list(feedback.missed, self.tr("None – well done.")),
            _heading(extra_heading), self._list(feedback.extra, self.tr("None.")),
        ]
        if feedback.extra:
            parts.append(f"<p>{html.escape(extra_note)}</p>")
        if self.scenario.debrief is not None:
            debrief = html.escape(self.scenario.debrief[self._language])
            parts.append(_heading(debrief_heading) + f"<p>{debrief}</p>")
        self.body.setHtml("".join(parts))
        self.body.setAccessibleName(self.tr("Feedback on the signs"))
        # The score is said with the document, which has the focus when the window opens.
        self.body.setProperty("ownDescription", True)
        self.body.setAccessibleDescription(self.heading.text())
        self.municipality_button.setText(self.tr("&What the municipality received"))
        self.municipality_button.setAccessibleName(self.tr("What the municipality received"))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self._show_delivery()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_delivery(self) -> None:
        if self._reference is not None:
            text = self.tr("Delivered to Demo Kommune: reference %1, received %2.")
            text = text.replace("%1", self._reference).replace("%2", self._received_at or "")
        elif self._failed_reason is not None:
            text = self.tr("The demo delivery did not go through: %1").replace("%1", self._failed_reason)
        else:
            text = self.tr("Sending to Demo Kommune…")
        self.delivery_label.setText(text)
        self.delivery_label.setAccessibleName(text)

    def show_receipt(self, reference: str, received_at: str) -> None:
        """The built-in intake confirmed the notification."""
        self._reference, self._received_at = reference, received_at
        self._show_delivery()

    def show_failure(self, reason: str) -> None:
        """Delivery failed (translated reason)."""
        self._failed_reason = reason
        self._show_delivery()

    @property
    def reference(self) -> str | None:
        return self._reference
