"""The delivery panel under the main window's lists: the selected notification's delivery, whole.

It states in wrapped sentences (never cut short) what the list can only hint at:
why a notification waits and when it is tried next, why it was refused and what
to do (with the municipality's phone number), the reference number, when it was
received and by when the municipality must acknowledge it. Its buttons act on
the selected notification: "Send again" for a refused one, "I have received the
acknowledgement" for a sent one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui import theme
from desktop.ui.accessible import name_as_shown
from desktop.ui.delivery.wording import StateDetails

translate = QCoreApplication.translate


class DeliveryPanel(QFrame):
    """Shows :class:`StateDetails`; ``send_again_requested(id)`` and ``acknowledgement_requested(id)``."""

    send_again_requested = Signal(str)
    acknowledgement_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryPanel")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(1)
        self.notification_id: str | None = None
        self.details: StateDetails | None = None
        self.headline = QLabel()
        self.headline.setObjectName("deliveryHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.body = QLabel()
        self.body.setObjectName("deliveryDetails")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.send_again_button = QPushButton()
        self.send_again_button.setObjectName("sendAgain")
        self.send_again_button.clicked.connect(self._send_again)
        self.acknowledgement_button = QPushButton()
        self.acknowledgement_button.setObjectName("acknowledgementReceivedButton")
        self.acknowledgement_button.clicked.connect(self._acknowledged)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.send_again_button)
        buttons.addWidget(self.acknowledgement_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_details(None, None)

    def retranslate(self) -> None:
        self.setAccessibleName(translate("Delivery", "Delivery of the selected notification"))
        self.send_again_button.setText(translate("Delivery", "Send &again"))
        name_as_shown(self.send_again_button, translate("Delivery", "Send the refused notification again"))
        self.acknowledgement_button.setText(translate("Delivery", "I have received the municipality's "
                                                                  "&receipt"))
        name_as_shown(self.acknowledgement_button, translate(
            "Delivery", "Note that the municipality has sent a receipt for the selected "
                        "notification"))

    def show_details(self, notification_id: str | None, details: StateDetails | None) -> None:
        """Show ``details`` of ``notification_id`` (``None``: nothing to say, the panel hides)."""
        self.notification_id = notification_id
        self.details = details
        if details is None:
            self.hide()
            return
        self.headline.setText(details.headline)
        self.body.setText("\n".join(details.lines))
        self.body.setVisible(bool(details.lines))
        self.send_again_button.setVisible(details.send_again)
        self.acknowledgement_button.setVisible(details.note_acknowledgement)
        self.setAccessibleDescription(details.text())
        if details.tone is None:
            theme.paint(self, theme.Tone.GUIDANCE)
        else:
            theme.paint(self, details.tone)
        self.show()

    def _send_again(self) -> None:
        if self.notification_id is not None and self.details is not None and self.details.send_again:
            self.send_again_requested.emit(self.notification_id)

    def _acknowledged(self) -> None:
        details = self.details
        if self.notification_id is not None and details is not None and details.note_acknowledgement:
            self.acknowledgement_requested.emit(self.notification_id)
